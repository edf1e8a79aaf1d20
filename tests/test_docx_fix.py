"""Fixing a Word document in place (resdraft/docx_write.py through ``check --fix`` and
``format --write``): only the ``w:t`` elements holding the fixed characters change, every other
part of the package stays byte for byte, the result reads as the fixed draft, and what cannot
be done in place is not done."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx_factory import Para, Run, W, document
from lxml import etree

import resdraft
from resdraft.docx import Package
from resdraft.docx_read import read_word

HEAD = [
    Para([Run("Resolution adopted by the General Assembly on 2 December 2024")]),
    Para([Run("The General Assembly,")]),
    Para([Run("Recalling", italic=True), Run(" its resolution 77/1 of 1 December 2022,")]),
]


def op(*runs: Run, level: int = 0) -> Para:
    return Para(list(runs), num=(1, level))


def typed(label: str, *runs: Run) -> Para:
    return Para([Run(f"{label}\t"), *runs])


def save(tmp_path: Path, paragraphs: list[Para], **options: object) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(document([*HEAD, *paragraphs], seed=None, **options))  # type: ignore[arg-type]
    return path


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def texts_of(data: bytes) -> list[str]:
    """Every w:t text of the document part, in order."""
    root = etree.fromstring(data)
    return [t.text or "" for t in root.iter(f"{{{W}}}t")]


def without_texts(data: bytes) -> bytes:
    """The document part with every w:t emptied: what must not change when fixing text."""
    root = etree.fromstring(data)
    for t in root.iter(f"{{{W}}}t"):
        t.text = ""
        t.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
    return etree.tostring(root, method="c14n")


PUNCTUATION_SLIPS = [
    op(Run("Decides", italic=True), Run(" to continue its work,")),
    op(Run("Requests", italic=True), Run(" the Secretary-General to report on:")),
    op(Run("The first matter;"), level=1),
    op(Run("The second matter,"), level=1),
    op(Run("Decides", italic=True), Run(" to remain seized of the "), Run("matter", italic=True)),
]


def test_check_fix_changes_only_the_text_that_holds_the_fixed_characters(run_subprocess, tmp_path):
    path = save(tmp_path, PUNCTUATION_SLIPS, comments={1: "a comment"})
    before = entries(path)
    proc = run_subprocess("check", "--fix", path)
    assert "Fixed 3 issues." in proc.stdout, proc.stdout + proc.stderr
    after = entries(path)
    assert list(after) == list(before)  # same parts, in the same order
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["word/document.xml"]
    assert without_texts(before["word/document.xml"]) == without_texts(after["word/document.xml"])
    old, new = texts_of(before["word/document.xml"]), texts_of(after["word/document.xml"])
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        (" to continue its work,", " to continue its work;"),
        ("The second matter,", "The second matter;"),
        ("matter", "matter."),  # the full stop goes into the run of the word before it (italic here)
    ]
    assert after["word/document.xml"].startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:')
    assert run_subprocess("check", path).returncode == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_format_write_is_idempotent_and_check_agrees(run_subprocess, tmp_path):
    path = save(tmp_path, PUNCTUATION_SLIPS)
    proc = run_subprocess("format", "--write", path)
    assert proc.returncode == 0 and "1 file reformatted" in proc.stderr, proc.stderr
    once = path.read_bytes()
    proc = run_subprocess("format", "--check", path)
    assert proc.returncode == 0 and "1 file already formatted" in proc.stderr, proc.stderr
    run_subprocess("format", "--write", path)
    assert path.read_bytes() == once
    res = resdraft.parse(path)
    assert [p.text.text[-1] for p in res.all_operative()] == [";", ":", "."]


def test_format_diff_shows_paragraphs_as_word_numbers_them(run_subprocess, tmp_path):
    path = save(tmp_path, PUNCTUATION_SLIPS)
    before = path.read_bytes()
    proc = run_subprocess("format", "--diff", path)
    assert proc.returncode == 1
    assert "-1. Decides to continue its work,\n+1. Decides to continue its work;\n" in proc.stdout
    assert "\n-(b) The second matter,\n" in proc.stdout and "\n+(b) The second matter;\n" in proc.stdout
    assert path.read_bytes() == before


def test_typed_numbers_are_renumbered_with_their_references(tmp_path, run_subprocess):
    paragraphs = [
        typed("1.", Run("Decides", italic=True), Run(" to continue its work;")),
        typed("1 bis.", Run("Requests", italic=True), Run(" the Secretary-General to report on paragraph 2 below;")),
        typed("2.", Run("Decides", italic=True), Run(" to review paragraphs 1 bis and 2 at its next session.")),
    ]
    path = save(tmp_path, paragraphs)
    proc = run_subprocess("format", "--write", path)
    assert proc.returncode == 0, proc.stderr
    ops = resdraft.parse(path).all_operative()
    assert [p.label for p in ops] == ["1.", "2.", "3."]
    assert ops[1].text.text.endswith("paragraph 3 below;")
    assert ops[2].text.text.endswith("paragraphs 2 and 3 at its next session.")


def test_a_renumbering_that_would_touch_words_own_numbers_is_refused(tmp_path, run_subprocess):
    paragraphs = [
        op(Run("Decides", italic=True), Run(" to continue its work;")),
        typed("1 bis.", Run("Requests", italic=True), Run(" the Secretary-General to report;")),
        op(Run("Decides", italic=True), Run(" to remain seized of the matter.")),
    ]
    path = save(tmp_path, paragraphs)
    before = path.read_bytes()
    proc = run_subprocess("format", "--write", path)
    assert proc.returncode == 2
    assert "the number '2.' of this paragraph is Word's automatic numbering, which is not rewritten" in proc.stderr
    assert path.read_bytes() == before


def test_a_field_result_is_never_edited(tmp_path, run_subprocess):
    last = op(Run("Decides", italic=True), Run(" to review it in "), Run("2026", field=" DATE \\@ yyyy "))
    path = save(tmp_path, [op(Run("Decides", italic=True), Run(" to act;")), last])
    before = path.read_bytes()
    proc = run_subprocess("check", "--fix", path)
    assert proc.returncode == 1 and "RD304" in proc.stdout  # reported, not fixed
    assert path.read_bytes() == before


def test_tracked_changes_and_comments_elsewhere_are_kept(tmp_path, run_subprocess):
    tracked = op(Run("Requests", italic=True), Run(" the Secretary-General"), Run(" urgently", inserted=True), Run(";"))
    last = op(Run("Decides", italic=True), Run(" to remain seized of the matter", comment=1))
    path = save(tmp_path, [tracked, last], comments={1: "agreed ad ref"}, track_revisions=True)
    proc = run_subprocess("check", "--fix", path)
    assert "Fixed 1 issue." in proc.stdout, proc.stdout + proc.stderr
    data = entries(path)["word/document.xml"]
    root = etree.fromstring(data)
    assert len(root.findall(f".//{{{W}}}ins")) == 1 and len(root.findall(f".//{{{W}}}commentRangeStart")) == 1
    assert "the matter." in "".join(texts_of(data))


def test_a_chinese_draft_gets_full_width_punctuation_in_place(tmp_path, run_subprocess):
    head = [Para([Run("大会，")]), Para([Run("回顾"), Run("其2022年12月1日第77/1号决议,")])]
    ops = [op(Run("决定", bold=True), Run("继续开展工作；")), op(Run("决定", bold=True), Run("继续处理此案。"))]
    path = tmp_path / "draft.docx"
    path.write_bytes(document([*head, *ops], seed=None))
    proc = run_subprocess("format", "--write", path)
    assert proc.returncode == 0, proc.stderr
    assert resdraft.parse(path).preamble[0].text.text == "回顾其2022年12月1日第77/1号决议，"


def test_the_package_left_after_fixing_reads_again_as_a_package(tmp_path, run_subprocess):
    path = save(tmp_path, PUNCTUATION_SLIPS)
    run_subprocess("check", "--fix", path)
    word = read_word(Package(path.read_bytes()))
    assert [line.place.number for line in word.body if line.place.number] == ["1.", "2.", "(a)", "(b)", "3."]


# -- emphasis, fixed by formatting the runs -----------------------------------------------------


def runs_of(path: Path, paragraph: int) -> list[tuple[str, bool | None]]:
    """(text, direct italic or None) of each run of a body paragraph (1-based ordinal)."""
    root = etree.fromstring(entries(path)["word/document.xml"])
    para = root.findall(f".//{{{W}}}body/{{{W}}}p")[paragraph - 1]
    out = []
    for run in para.iter(f"{{{W}}}r"):
        italic = run.find(f"{{{W}}}rPr/{{{W}}}i")
        flag = None if italic is None else italic.get(f"{{{W}}}val") not in ("0", "false")
        out.append(("".join(t.text or "" for t in run.iter(f"{{{W}}}t")), flag))
    return out


def test_a_roman_phrase_is_set_in_italics_by_cutting_its_run(tmp_path, run_subprocess):
    plain = Para([Run("Noting its resolution 78/3 of 2 November 2023,")])
    path = save(tmp_path, [plain, op(Run("Decides", italic=True), Run(" to act."))])
    proc = run_subprocess("check", "--fix", path)
    assert "Fixed 1 issue." in proc.stdout, proc.stdout + proc.stderr
    assert runs_of(path, 4) == [("Noting", True), (" its resolution 78/3 of 2 November 2023,", None)]
    assert run_subprocess("check", path).returncode == 0


def test_italics_running_past_the_phrase_are_ended_and_the_full_stop_fixed_in_one_pass(tmp_path, run_subprocess):
    spill = op(Run("Decides to continue", italic=True), Run(" its work,"))
    path = save(tmp_path, [spill, op(Run("Decides", italic=True), Run(" to act."))])
    proc = run_subprocess("format", "--write", path)
    assert proc.returncode == 0, proc.stderr
    assert runs_of(path, 4) == [("Decides", True), (" to continue", False), (" its work;", None)]
    assert run_subprocess("check", path).returncode == 0


def test_a_chinese_verb_is_made_bold(tmp_path, run_subprocess):
    head = [Para([Run("大会，")]), Para([Run("回顾其2022年12月1日第77/1号决议，")])]
    ops = [op(Run("决定继续开展工作；")), op(Run("决定", bold=True), Run("继续处理此案。"))]
    path = tmp_path / "draft.docx"
    path.write_bytes(document([*head, *ops], seed=None))
    assert run_subprocess("check", "--fix", path).returncode == 0
    phrases = [p.phrase.emphasis.value if p.phrase else None for p in resdraft.parse(path).all_operative()]
    assert phrases == ["bold", "bold"]


def test_formatting_goes_where_the_run_properties_schema_wants_it(tmp_path, run_subprocess):
    path = save(tmp_path, [Para([Run("Noting its work,")]), op(Run("Decides", italic=True), Run(" to act."))])
    data = entries(path)
    root = etree.fromstring(data["word/document.xml"])
    run = root.findall(f".//{{{W}}}body/{{{W}}}p")[3].find(f"{{{W}}}r")
    assert run is not None
    rpr = etree.SubElement(run, f"{{{W}}}rPr")
    for name in ("color", "rFonts", "rStyle"):  # CT_RPr order: rStyle, rFonts, b, bCs, i, iCs, …, color
        rpr.insert(0, etree.Element(f"{{{W}}}{name}", {f"{{{W}}}val": "x"} if name != "rFonts" else {}))
    run.remove(rpr)
    run.insert(0, rpr)
    from resdraft.docx_write import rewrite

    path.write_bytes(rewrite(Package(path.read_bytes()), {"word/document.xml": root}))
    run_subprocess("check", "--fix", path)
    fixed = etree.fromstring(entries(path)["word/document.xml"]).findall(f".//{{{W}}}body/{{{W}}}p")[3]
    first = fixed.find(f"{{{W}}}r/{{{W}}}rPr")
    assert first is not None
    assert [etree.QName(c).localname for c in first] == ["rStyle", "rFonts", "i", "color"]


def test_emphasis_ending_inside_the_word_is_fixed_on_the_whole_word(tmp_path, run_subprocess):
    half = Para([Run("Recall", bold=True), Run("ing its resolution 77/1,")])
    path = save(tmp_path, [half, op(Run("Decides", italic=True), Run(" to act."))])
    found = run_subprocess("check", path).stdout
    assert 'preambular phrase "Recalling" is bold; expected italic' in found
    run_subprocess("check", "--fix", path)
    phrase = resdraft.parse(path).preamble[1].phrase
    assert phrase is not None and (phrase.text, phrase.emphasis.value) == ("Recalling", "italic")
    assert run_subprocess("check", path).returncode == 0


def test_word_lock_files_are_skipped_in_directories(tmp_path, run_subprocess):
    save(tmp_path, [op(Run("Decides", italic=True), Run(" to act."))])
    (tmp_path / "~$draft.docx").write_bytes(b"\x05Drafter" + b"\0" * 150)  # what Word leaves beside an open file
    (tmp_path / "OTHER.DOCX").write_bytes((tmp_path / "draft.docx").read_bytes())
    proc = run_subprocess("check", tmp_path)
    assert proc.returncode == 0 and "All checks passed!" in proc.stdout, proc.stdout + proc.stderr
    assert run_subprocess("check", "--format", "json", "--select", "RD304", tmp_path).stdout == "[]\n"


def test_no_fix_is_offered_where_the_word_document_cannot_take_it(tmp_path, run_subprocess):
    last = op(Run("Decides", italic=True), Run(" to review it in "), Run("2026", field=" DATE \\@ yyyy "))
    path = save(tmp_path, [op(Run("Decides", italic=True), Run(" to act;")), last])
    out = run_subprocess("check", path).stdout
    assert "RD304" in out and "[*]" not in out


def test_a_fix_never_goes_into_a_tracked_deletion(tmp_path, run_subprocess):
    last = op(Run("Decides", italic=True), Run(" to act"), Run(" now", deleted=True))
    path = save(tmp_path, [last], track_revisions=True)
    before = path.read_bytes()
    out = run_subprocess("check", "--revisions", "reject", "--fix", path).stdout
    assert "RD304" in out and path.read_bytes() == before
