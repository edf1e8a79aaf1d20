"""The Word reader (resdraft/docx_read.py): what a drafter sees in Word is what the model holds —
emphasis through styles, footnotes, automatic numbers, tracked changes — and nothing Word
keeps out of the text (comments, field codes, hidden text, headers) leaks in. Packages are
built in code (tests/docx_factory.py)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from docx_factory import DEFAULT_STYLES, Para, Run, W, document
from files import write
from jsonschema import Draft202012Validator
from lxml import etree
from test_check_cli import DIAGNOSTICS_SCHEMA

import resdraft
from resdraft.docx import Package
from resdraft.docx_read import Revisions, read_word
from resdraft.docx_write import rewrite
from resdraft.model import Emphasis

FORMULA = Para([Run("The General Assembly,")])


def resolution(*paragraphs: Para, footnotes: dict[int, list[Para]] | None = None, **options: object) -> bytes:
    """A small adopted resolution around ``paragraphs`` (noise off: ordinals are exact)."""
    head = [Para([Run("Resolution adopted by the General Assembly on 2 December 2024")]), FORMULA]
    return document([*head, *paragraphs], footnotes=footnotes, seed=None, **options)  # type: ignore[arg-type]


def pp(*runs: Run, style: str | None = None) -> Para:
    return Para(list(runs), style=style)


def op(*runs: Run, level: int = 0, num: int = 1) -> Para:
    return Para(list(runs), num=(num, level))


RECALLING = pp(Run("Recalling", italic=True), Run(" its resolution 77/1 of 1 December 2022,"))
DECIDES = op(Run("Decides", italic=True), Run(" to remain seized of the matter."))


def texts(res: resdraft.Resolution) -> list[str]:
    return [p.text.text for p in res.preamble] + [p.text.text for p in res.all_operative()]


def edited(data: bytes, change: Callable[[etree._Element], None]) -> bytes:
    """The package with its document part changed by ``change`` (what the factory cannot say)."""
    pkg = Package(data)
    root = pkg.xml("word/document.xml")
    change(root)
    return rewrite(pkg, {"word/document.xml": root})


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# -- emphasis ---------------------------------------------------------------------------------


def phrase_emphasis(data: bytes) -> Emphasis:
    res = resdraft.parse(data)
    assert res.preamble[0].phrase is not None
    return res.preamble[0].phrase.emphasis


def test_direct_italic_marks_the_phrase():
    assert phrase_emphasis(resolution(RECALLING, DECIDES)) is Emphasis.ITALIC


def test_a_phrase_without_emphasis_is_plain_not_unknown():
    plain = pp(Run("Recalling its resolution 77/1 of 1 December 2022,"))
    assert phrase_emphasis(resolution(plain, DECIDES)) is Emphasis.NONE


def test_italic_through_a_character_style():
    styled = pp(Run("Recalling", style="Emphasis"), Run(" its resolution 77/1,"))
    assert phrase_emphasis(resolution(styled, DECIDES)) is Emphasis.ITALIC


STYLES_WITH_ITALIC_PARAGRAPH = DEFAULT_STYLES.replace(
    "</w:styles>",
    '<w:style w:type="paragraph" w:styleId="ItalicBody"><w:name w:val="Italic body"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ItalicChild"><w:name w:val="Italic child"/>'
    '<w:basedOn w:val="ItalicBody"/></w:style></w:styles>',
)


def test_italic_inherited_from_a_paragraph_style_through_based_on():
    # the whole paragraph is italic by style: the run past the phrase is plain by direct formatting
    para = pp(Run("Recalling"), Run(" its resolution 77/1,", italic=False), style="ItalicChild")
    data = resolution(para, DECIDES, styles_xml=STYLES_WITH_ITALIC_PARAGRAPH)
    runs = resdraft.parse(data).preamble[0].text.emphasis
    assert [(r.start, r.end, r.emphasis) for r in runs] == [(0, len("Recalling its resolution 77/1,"), "italic")]


def test_italic_character_style_in_an_italic_paragraph_style_turns_italics_off():
    """Toggle properties (ECMA-376 §17.7.3): italic in both the paragraph and the character
    style cancel out, as Word shows them."""
    para = pp(Run("Recalling", style="Emphasis"), Run(" its resolution 77/1,"), style="ItalicBody")
    data = resolution(para, DECIDES, styles_xml=STYLES_WITH_ITALIC_PARAGRAPH)
    res = resdraft.parse(data)
    runs = res.preamble[0].text.emphasis
    assert [(r.start, r.end) for r in runs] == [(len("Recalling "), len("Recalling its resolution 77/1,"))]


def test_word_level_runs_and_a_roman_space_make_one_phrase():
    split = pp(
        Run("Recall", italic=True), Run("ing", italic=True), Run(" "), Run("also", italic=True), Run(" its work,")
    )
    res = resdraft.parse(resolution(split, DECIDES))
    phrase = res.preamble[0].phrase
    assert phrase is not None and (phrase.text, phrase.emphasis) == ("Recalling also", Emphasis.ITALIC)


def test_the_emphasis_rules_speak_on_word_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plain = pp(Run("Recalling its resolution 77/1 of 1 December 2022,"))
    bold_verb = op(Run("Decides", bold=True), Run(" to remain seized of the matter."))
    write("draft.docx", resolution(plain, bold_verb))
    from resdraft.config import Settings
    from resdraft.lint import check_file

    report = check_file(tmp_path / "draft.docx", Settings())
    found = {(d.code, d.span.line, d.span.column) for d in report.diagnostics}
    assert found == {("RD204", 3, 1), ("RD303", 4, 1)}
    edits = [e for d in report.diagnostics if d.fix for e in d.fix.edits]
    assert [(e.old, e.new, e.formatting) for e in edits] == [
        ("Recalling", "Recalling", (("italic", True),)),  # formatting, not Markdown marks
        ("Decides", "Decides", (("italic", True), ("bold", False))),
    ]


def test_italics_running_past_the_phrase_are_reported():
    spill = pp(Run("Recalling its resolution", italic=True), Run(" 77/1 of 1 December 2022,"))
    from resdraft.lint import lint

    res = resdraft.parse(resolution(spill, DECIDES))
    found = [(d.code, d.message) for d in lint(res)]
    assert found == [("RD204", 'italic runs past the preambular phrase "Recalling"; only the phrase is italic')]


def test_a_chinese_operative_verb_in_bold_is_read_as_such():
    head = [Para([Run("大会，")]), Para([Run("回顾其2022年12月1日第77/1号决议，")])]
    ops = [op(Run("决定", bold=True), Run("继续开展工作；")), op(Run("决定"), Run("继续处理此案。"))]
    res = resdraft.parse(document([*head, *ops], seed=None))
    from resdraft.lint import lint

    assert [p.phrase.emphasis if p.phrase else None for p in res.all_operative()] == [Emphasis.BOLD, Emphasis.NONE]
    assert [(d.code, d.span.line) for d in lint(res)] == [("RD303", 4)]


# -- hidden, fields, comments, headers --------------------------------------------------------


def test_comments_fields_headers_and_footers_stay_out_of_the_text():
    para = pp(
        Run("Recalling", italic=True),
        Run(" its resolution "),
        Run("77/1", comment=1),
        Run(" of "),
        Run("1 December 2022", field=' DATE \\@ "d MMMM yyyy" '),
        Run(","),
    )
    footer = [Para([Run("Page "), Run("3", field=" PAGE ")])]
    data = resolution(para, DECIDES, comments={1: "Check the symbol"}, header="A/79/L.5", footer=footer)
    res = resdraft.parse(data)
    assert texts(res) == [
        "Recalling its resolution 77/1 of 1 December 2022,",
        "Decides to remain seized of the matter.",
    ]
    view = read_word(Package(data)).view
    assert "Check the symbol" not in view and "PAGE" not in view and "DATE" not in view and "A/79/L.5" not in view


def test_hidden_text_is_left_out():
    styles = DEFAULT_STYLES.replace(
        "</w:styles>",
        '<w:style w:type="character" w:styleId="Hidden"><w:name w:val="Hidden"/><w:rPr><w:vanish/></w:rPr>'
        "</w:style></w:styles>",
    )
    para = pp(Run("Recalling", italic=True), Run(" its resolution 77/1"), Run(" [check]", style="Hidden"), Run(","))
    res = resdraft.parse(resolution(para, DECIDES, styles_xml=styles))
    assert res.preamble[0].text.text == "Recalling its resolution 77/1,"


# -- footnotes --------------------------------------------------------------------------------


def test_footnotes_are_numbered_in_order_of_reference_not_by_id():
    first = pp(Run("Recalling", italic=True), Run(" its resolution 77/1,"), Run("", footnote=7))
    second = pp(Run("Noting", italic=True), Run(" the report,"), Run("", footnote=2))
    notes = {7: [Para([Run("A/77/1.")])], 2: [Para([Run("A/79/100.")])]}
    res = resdraft.parse(resolution(first, second, DECIDES, footnotes=notes))
    assert [(f.marker, f.text.text) for f in res.footnotes] == [("1", "A/77/1."), ("2", "A/79/100.")]
    assert [n.marker for p in res.preamble for n in p.text.notes] == ["1", "2"]
    assert res.preamble[0].text.notes[0].offset == len("Recalling its resolution 77/1,")


def test_a_footnote_of_two_paragraphs_is_one_footnote():
    first = pp(Run("Recalling", italic=True), Run(" its resolution 77/1,"), Run("", footnote=1))
    notes = {1: [Para([Run("See A/77/1.")]), Para([Run("See also A/78/2.")])]}
    res = resdraft.parse(resolution(first, DECIDES, footnotes=notes))
    assert [f.text.text for f in res.footnotes] == ["See A/77/1. See also A/78/2."]


# -- automatic numbering ----------------------------------------------------------------------


def test_automatic_numbers_and_items_are_read_as_if_typed():
    paras = [
        RECALLING,
        op(Run("Decides", italic=True), Run(" to continue its work;")),
        op(Run("Requests", italic=True), Run(" the Secretary-General to report on:")),
        op(Run("The first matter;"), level=1),
        op(Run("The second matter, including:"), level=1),
        op(Run("its cost;"), level=2),
        op(Run("its timing;"), level=2),
        op(Run("Decides", italic=True), Run(" to remain seized of the matter.")),
    ]
    res = resdraft.parse(resolution(*paras))
    ops = res.all_operative()
    assert [p.label for p in ops] == ["1.", "2.", "3."]
    assert [i.label for i in ops[1].items] == ["(a)", "(b)"]
    assert [i.label for i in ops[1].items[1].items] == ["(i)", "(ii)"]
    typed = resdraft.parse(
        "Resolution adopted by the General Assembly on 2 December 2024\n\nThe General Assembly,\n\n"
        "*Recalling* its resolution 77/1 of 1 December 2022,\n\n1. *Decides* to continue its work;\n\n"
        "2. *Requests* the Secretary-General to report on:\n\n(a) The first matter;\n\n"
        "(b) The second matter, including:\n\n(i) its cost;\n\n(ii) its timing;\n\n"
        "3. *Decides* to remain seized of the matter.\n"
    )
    assert res == typed


def test_a_list_that_restarts_is_a_new_count():
    paras = [RECALLING, DECIDES, op(Run("Decides", italic=True), Run(" to act.")), op(Run("Part two."), num=3)]
    labels = [line.place.number for line in read_word(Package(resolution(*paras))).body]
    assert labels == [None, None, None, "1.", "2.", "1."]


# -- tracked changes --------------------------------------------------------------------------

TRACKED = pp(
    Run("Recalling", italic=True),
    Run(" its resolution 77/1"),
    Run(" and 78/2", inserted=True),
    Run(" of 1 December 2022", deleted=True),
    Run(","),
)


def test_tracked_changes_are_accepted_by_default_and_rejected_on_request():
    data = resolution(TRACKED, DECIDES, track_revisions=True)
    accepted = resdraft.parse(data).preamble[0].text.text
    rejected = resdraft.parse(data, revisions="reject").preamble[0].text.text
    assert accepted == "Recalling its resolution 77/1 and 78/2,"
    assert rejected == "Recalling its resolution 77/1 of 1 December 2022,"
    assert read_word(Package(data), Revisions.ACCEPT).revisions
    assert not read_word(Package(resolution(RECALLING, DECIDES))).revisions


def test_the_command_line_warns_that_the_draft_holds_tracked_changes(run_subprocess, tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(resolution(TRACKED, DECIDES))
    proc = run_subprocess("check", path)
    assert proc.returncode == 0, proc.stderr
    assert f"{path}: warning: the draft holds tracked changes, read as accepted" in proc.stderr
    proc = run_subprocess("convert", "--to", "text", "--revisions", "reject", path)
    assert proc.returncode == 0, proc.stderr
    assert "of 1 December 2022," in proc.stdout and "read as rejected" in proc.stderr


def test_a_deleted_paragraph_mark_joins_the_paragraphs_when_accepted():
    def delete_mark(root: etree._Element) -> None:
        recalling = root.findall(f".//{w('body')}/{w('p')}")[2]
        ppr = recalling.find(w("pPr"))
        if ppr is None:
            ppr = etree.Element(w("pPr"))
            recalling.insert(0, ppr)
        etree.SubElement(etree.SubElement(ppr, w("rPr")), w("del"), {w("id"): "9", w("author"): "A"})

    data = edited(resolution(RECALLING, DECIDES), delete_mark)
    word = read_word(Package(data))
    assert word.revisions
    joined = "Recalling its resolution 77/1 of 1 December 2022,Decides to remain seized of the matter."
    assert [line.paragraph.text for line in word.body[2:]] == [joined, ""]
    rejected = read_word(Package(data), Revisions.REJECT)
    assert rejected.body[2].paragraph.text == "Recalling its resolution 77/1 of 1 December 2022,"


# -- positions --------------------------------------------------------------------------------


def test_positions_name_the_paragraph_its_number_and_the_offset(run_subprocess, tmp_path):
    empty = Para([])
    first = op(Run("Decides", italic=True), Run(" to continue its work;"))
    late = op(Run("Decides", italic=True), Run(" to remain seized of the matter,"))
    path = tmp_path / "draft.docx"
    path.write_bytes(resolution(RECALLING, empty, first, late))
    proc = run_subprocess("check", "--format", "json", path)
    found = json.loads(proc.stdout)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("RD304", 6, 39)]
    assert found[0]["word"] == {"part": "body", "paragraph": 6, "number": "2.", "footnote": None, "offset": 38}
    Draft202012Validator(json.loads(DIAGNOSTICS_SCHEMA.read_text(encoding="utf-8"))).validate(found)
    text = run_subprocess("check", "--no-color", path).stdout
    assert f"{path}:6:39: RD304" in text
    assert "6 | 2. Decides to remain seized of the matter," in text
    caret = text.splitlines()[text.splitlines().index("6 | 2. Decides to remain seized of the matter,") + 1]
    assert caret.index("^") == len("6 | 2. Decides to remain seized of the matter")


def test_a_finding_in_a_footnote_names_the_footnote(run_subprocess, tmp_path):
    first = pp(Run("Recalling", italic=True), Run(" its resolution 77/1,"), Run("", footnote=1))
    notes = {1: [Para([Run("See resolution 77/1 (A/RES/77/1).")])]}
    path = tmp_path / "draft.docx"
    path.write_bytes(resolution(first, DECIDES, footnotes=notes))
    word = read_word(Package(path.read_bytes()))
    place = word.place(len(word.body) + 1)
    assert place is not None and (place.part, place.footnote, str(place)) == ("footnote", "1", "footnote 1")


def test_paragraphs_in_a_table_are_counted_and_read():
    def into_a_table(root: etree._Element) -> None:
        body = root.find(w("body"))
        assert body is not None
        first = body.find(w("p"))
        assert first is not None
        table = etree.Element(w("tbl"))
        etree.SubElement(etree.SubElement(table, w("tr")), w("tc")).append(first)  # the masthead, in a cell
        body.insert(0, table)

    word = read_word(Package(edited(resolution(RECALLING, DECIDES), into_a_table)))
    assert word.body[0].paragraph.text.startswith("Resolution adopted by the General Assembly")
    assert len(word.body) == 4


def test_a_soft_line_break_separates_header_lines():
    header = Para([Run("Seventy-ninth session\nAgenda item 68")])
    title = Para([Run("Promotion and protection of the rights of children")])
    data = document([header, title, FORMULA, RECALLING, DECIDES], seed=None)
    res = resdraft.parse(data)
    assert res.header.session is not None and res.header.agenda_item is not None


def test_a_docx_in_a_directory_is_checked(run_subprocess, tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.docx").write_bytes(resolution(RECALLING, DECIDES))
    proc = run_subprocess("check", tmp_path / "drafts")
    assert proc.returncode == 0 and "All checks passed!" in proc.stdout, proc.stdout + proc.stderr


def test_convert_gives_valid_akn(run_subprocess, tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(resolution(RECALLING, DECIDES))
    proc = run_subprocess("convert", path)
    assert proc.returncode == 0, proc.stderr
    assert "<akomaNtoso" in proc.stdout and "Recalling" in proc.stdout


@pytest.mark.parametrize("mode", ["accept", "reject", None])
def test_the_configuration_chooses_how_revisions_are_read(tmp_path, monkeypatch, mode):
    from resdraft.config import load_settings
    from resdraft.errors import ResdraftError

    monkeypatch.chdir(tmp_path)
    write("resdraft.toml", f'revisions = "{mode}"\n' if mode else 'revisions = "maybe"\n')
    if mode is None:
        with pytest.raises(ResdraftError, match="revisions"):
            load_settings(tmp_path / "resdraft.toml")
    else:
        assert load_settings(tmp_path / "resdraft.toml").revisions == mode


def test_endnotes_are_not_read_and_the_user_is_told(tmp_path):
    def add_endnote(root: etree._Element) -> None:
        para = root.findall(f".//{w('body')}/{w('p')}")[2]
        run = etree.SubElement(para, w("r"))
        etree.SubElement(run, w("endnoteReference"), {w("id"): "1"})

    path = tmp_path / "draft.docx"
    path.write_bytes(edited(resolution(RECALLING, DECIDES), add_endnote))
    from resdraft.config import Settings
    from resdraft.lint import check_file

    report = check_file(path, Settings())
    assert report.notices == [(0, "the draft has 1 endnote(s), which are not read; resolutions use footnotes")]


# -- found in review: each was wrong before -------------------------------------------------------


def test_a_call_out_inside_a_footnote_calls_nothing_and_reading_ends():
    first = pp(Run("Recalling", italic=True), Run(" its resolution 77/1,"), Run("", footnote=1))
    notes = {1: [Para([Run("See note"), Run("", footnote=1), Run(".")])]}
    res = resdraft.parse(resolution(first, DECIDES, footnotes=notes))
    assert [(f.marker, f.text.text) for f in res.footnotes] == [("1", "See note.")]


def test_a_deleted_paragraph_takes_no_number_and_the_next_keeps_its_own():
    def delete_second(root: etree._Element) -> None:
        para = root.findall(f".//{w('body')}/{w('p')}")[3]  # operative paragraph 1, deleted whole
        ppr = para.find(w("pPr"))
        assert ppr is not None
        etree.SubElement(etree.SubElement(ppr, w("rPr")), w("del"), {w("id"): "7", w("author"): "A"})
        deletion = etree.Element(w("del"), {w("id"): "8", w("author"): "A"})
        for run in para.findall(w("r")):
            for t in run.findall(w("t")):
                t.tag = w("delText")
            deletion.append(run)
        para.append(deletion)

    paras = [RECALLING, op(Run("Stresses", italic=True), Run(" the point;")), DECIDES]
    data = edited(resolution(*paras), delete_second)
    ops = resdraft.parse(data).all_operative()
    assert [(p.label, p.text.text) for p in ops] == [("1.", "Decides to remain seized of the matter.")]
    rejected = resdraft.parse(data, revisions="reject").all_operative()
    assert [p.label for p in rejected] == ["1.", "2."]


def test_a_plain_cross_reference_to_a_footnote_stays_text():
    first = pp(Run("Recalling", italic=True), Run(" its resolution 77/1,"), Run("", footnote=1))
    later = pp(Run("Noting", italic=True), Run(" what footnote "), Run("1", field=" NOTEREF _Ref1 \\h "), Run(" says,"))
    res = resdraft.parse(resolution(first, later, DECIDES, footnotes={1: [Para([Run("A/77/1.")])]}))
    assert res.preamble[1].text.text == "Noting what footnote 1 says," and not res.preamble[1].text.notes


def test_a_field_inside_another_fields_instructions_shows_nothing():
    def nest(root: etree._Element) -> None:
        para = root.findall(f".//{w('body')}/{w('p')}")[2]

        def run(kind: str, text: str = "") -> etree._Element:
            r = etree.Element(w("r"))
            if kind in ("begin", "separate", "end"):
                etree.SubElement(r, w("fldChar"), {w("fldCharType"): kind})
            else:
                etree.SubElement(r, w(kind)).text = text
            return r

        for r in [run("begin"), run("instrText", " IF "), run("begin"), run("instrText", " MERGEFIELD x "),
                  run("separate"), run("t", "INNER"), run("end"), run("instrText", ' = "y" "a" "b" '),
                  run("separate"), run("t", " shown"), run("end")]:  # fmt: skip
            para.append(r)

    res = resdraft.parse(edited(resolution(RECALLING, DECIDES), nest))
    assert res.preamble[0].text.text == "Recalling its resolution 77/1 of 1 December 2022, shown"


@pytest.mark.parametrize("char", ["110000", "FFFFFFFFFFFF", "D800", "zz"])
def test_a_symbol_no_text_can_hold_is_left_out(char):
    def symbol(root: etree._Element) -> None:
        para = root.findall(f".//{w('body')}/{w('p')}")[2]
        etree.SubElement(etree.SubElement(para, w("r")), w("sym"), {w("font"): "Symbol", w("char"): char})

    res = resdraft.parse(edited(resolution(RECALLING, DECIDES), symbol))
    assert res.preamble[0].text.text == "Recalling its resolution 77/1 of 1 December 2022,"


def test_a_page_break_inside_a_paragraph_separates_words():
    broken = op(Run("Decides", italic=True), Run(" to remain seized of the"), Run("matter."))

    def page_break(root: etree._Element) -> None:
        last = root.findall(f".//{w('body')}/{w('p')}")[-1]
        runs = last.findall(w("r"))
        etree.SubElement(runs[-1], w("br"), {w("type"): "page"})
        runs[-1].insert(0, runs[-1][-1])

    res = resdraft.parse(edited(resolution(RECALLING, broken), page_break))
    assert res.all_operative()[0].text.text == "Decides to remain seized of the matter."


def test_an_empty_numbered_paragraph_is_no_paragraph():
    res = resdraft.parse(resolution(RECALLING, DECIDES, op()))
    assert [p.label for p in res.all_operative()] == ["1."]


def test_reject_reads_the_formatting_before_a_tracked_change():
    def tracked_italics(root: etree._Element) -> None:
        rpr = root.findall(f".//{w('body')}/{w('p')}")[2].find(f"{w('r')}/{w('rPr')}")
        assert rpr is not None  # "Recalling", made italic with tracking on: before, it was roman
        change = etree.SubElement(rpr, w("rPrChange"), {w("id"): "3", w("author"): "A"})
        etree.SubElement(change, w("rPr"))

    data = edited(resolution(RECALLING, DECIDES), tracked_italics)
    assert phrase_emphasis(data) is Emphasis.ITALIC
    assert resdraft.parse(data, revisions="reject").preamble[0].phrase.emphasis is Emphasis.NONE
