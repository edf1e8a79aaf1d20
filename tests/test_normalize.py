"""resdraft.normalize: physical lines -> logical blocks, mark-up and footnotes out, source map kept."""

from __future__ import annotations

import pytest

import resdraft
from resdraft import lang as languages
from resdraft.model import Emphasis, EmphasisRun
from resdraft.normalize import drop, expand_markers, normalise

EN = languages.get("en")
ZH = languages.get("zh")


def body_blocks(text: str, lang=EN):
    """Blocks of the text, without the organ formula."""
    return [b for b in normalise(text, lang).blocks if b.kind != "formula"]


def source_at(source: str, span) -> str:
    """The original characters a single-line span covers (1-based, end exclusive)."""
    assert span.line == span.end_line, span
    return source.split("\n")[span.line - 1].rstrip("\r")[span.column - 1 : span.end_column - 1]


# --- Markdown mark-up ----------------------------------------------------------------------


def test_italic_and_bold_runs_are_removed_and_remembered():
    norm = normalise("The General Assembly,\n\n*Recalling* its **important** resolution,\n", EN)
    block = norm.blocks[1]
    assert block.passage.text == "Recalling its important resolution,"
    assert block.passage.emphasis == [
        EmphasisRun(0, 9, Emphasis.ITALIC),
        EmphasisRun(14, 23, Emphasis.BOLD),
    ]
    assert norm.formatted is True


def test_plain_text_carries_no_emphasis():
    norm = normalise("The General Assembly,\n\nRecalling its resolution,\n", EN)
    assert norm.blocks[1].passage.emphasis == []
    assert norm.formatted is False


def test_chinese_bold_run_inside_paragraph():
    (block,) = body_blocks("大会，\n\n对伤亡**深表遗憾**，\n", ZH)
    assert block.passage.text == "对伤亡深表遗憾，"
    assert block.passage.emphasis == [EmphasisRun(3, 7, Emphasis.BOLD)]


def test_link_is_unwrapped_and_escaped_parentheses_unescaped():
    (block,) = body_blocks(
        "The General Assembly,\n\n*Noting* the report [A/76/53](#) and resolution 2321 \\(2016\\),\n"
    )
    assert block.passage.text == "Noting the report A/76/53 and resolution 2321 (2016),"


def test_escaped_asterisk_is_literal_not_emphasis():
    norm = normalise("The General Assembly,\n\nNoting document A/76/L.5\\* of the Committee,\n", EN)
    assert norm.blocks[1].passage.text == "Noting document A/76/L.5* of the Committee,"
    assert norm.formatted is False


# --- footnote call-outs and texts ----------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "markers"),
    [
        ("¹", ["1"]),
        ("¹²", ["12"]),
        ("¹⁰⁻¹¹", ["10", "11"]),
        ("²,³", ["2", "3"]),
        ("⁴⁻⁷", ["4", "5", "6", "7"]),
        ("1-3", ["1", "2", "3"]),
        ("2,5", ["2", "5"]),
    ],
)
def test_expand_markers(printed, markers):
    assert expand_markers(printed) == markers


def test_superscript_range_gives_two_markers_at_one_offset():
    text = "The General Assembly,\n\nNoting the reports,¹⁰⁻¹¹ and the notes,\n\n¹⁰ First text.\n¹¹ Second text.\n"
    norm = normalise(text, EN)
    passage = norm.blocks[1].passage
    assert passage.text == "Noting the reports, and the notes,"
    assert [(n.marker, n.offset) for n in passage.notes] == [("10", 19), ("11", 19)]
    assert [(fn.label, fn.passage.text) for fn in norm.footnotes] == [("10", "First text."), ("11", "Second text.")]


def test_superscript_footnote_texts_are_not_body_blocks():
    text = "The General Assembly,\n\nRecalling its resolution,¹\n\n1. Decides to act.\n\n¹ See A/70/1.\n"
    norm = normalise(text, EN)
    assert [b.kind for b in norm.blocks] == ["formula", "text", "op"]
    assert all("See A/70/1" not in b.passage.text for b in norm.blocks)
    assert [(fn.label, fn.passage.text) for fn in norm.footnotes] == [("1", "See A/70/1.")]


def test_markdown_footnote_markers_and_definitions():
    text = (
        "The General Assembly,\n\n"
        "*Recalling* the Convention,[^1] and the Protocol thereto,[^2]\n\n"
        "1. *Decides* to act.[^3]\n\n"
        "[^1]: United Nations, *Treaty Series*, vol. 1577.\n"
        "[^2]: Ibid.\n"
        "[^3]: See A/76/100.\n"
    )
    norm = normalise(text, EN)
    pp, op = norm.blocks[1], norm.blocks[2]
    assert pp.passage.text == "Recalling the Convention, and the Protocol thereto,"
    assert [(n.marker, n.offset) for n in pp.passage.notes] == [("1", 25), ("2", 51)]
    assert op.passage.text == "1. Decides to act."
    assert [(n.marker, n.offset) for n in op.passage.notes] == [("3", len("1. Decides to act."))]
    assert [(fn.label, fn.passage.text) for fn in norm.footnotes] == [
        ("1", "United Nations, Treaty Series, vol. 1577."),
        ("2", "Ibid."),
        ("3", "See A/76/100."),
    ]
    # emphasis in a footnote text is recorded like anywhere else
    assert norm.footnotes[0].passage.emphasis == [EmphasisRun(16, 29, Emphasis.ITALIC)]


def test_footnote_block_in_the_middle_of_a_paragraph_is_taken_out_and_paragraph_rejoined():
    text = (
        "The General Assembly,\n"
        "\n"
        "Recalling its resolution 70/1 on the 2030 Agenda for Sustainable Development and\n"
        "__________________\n"
        "¹ See A/70/1.\n"
        "21-19999 (E)\n"
        "3/9\n"
        "the importance of its full implementation,¹\n"
        "\n"
        "1. Decides to act.\n"
    )
    norm = normalise(text, EN)
    assert [b.kind for b in norm.blocks] == ["formula", "text", "op"]
    passage = norm.blocks[1].passage
    assert passage.text == (
        "Recalling its resolution 70/1 on the 2030 Agenda for Sustainable Development and "
        "the importance of its full implementation,"
    )
    (note,) = passage.notes
    assert note.marker == "1"
    assert note.offset == len(passage.text)
    assert (note.span.line, note.span.column) == (8, 43)
    assert [(fn.label, fn.passage.text) for fn in norm.footnotes] == [("1", "See A/70/1.")]


def test_bare_digit_callouts_with_plain_numbered_footnotes_after_a_rule():
    text = (
        "The General Assembly,\n"
        "Recalling the Charter of the United Nations1 and its resolution 70/1,\n"
        "Noting the report of the Secretary-General,2\n"
        "1. Decides to act in the year 2024.\n"
        "__________________\n"
        "1 Signed at San Francisco.\n"
        "2 A/76/100.\n"
    )
    norm = normalise(text, EN)
    first, second, op = norm.blocks[1:]
    assert first.passage.text == "Recalling the Charter of the United Nations and its resolution 70/1,"
    assert [(n.marker, n.offset) for n in first.passage.notes] == [("1", 43)]
    assert second.passage.text == "Noting the report of the Secretary-General,"
    assert [n.marker for n in second.passage.notes] == ["2"]
    assert op.passage.text == "1. Decides to act in the year 2024."  # figures in the text stay
    assert [fn.label for fn in norm.footnotes] == ["1", "2"]


# --- page furniture, bullets, wrapped lines ------------------------------------------------


@pytest.mark.parametrize("furniture", ["24-22158 (E)", "24-22158", "6/7", "Please recycle", "*2422158*"])
def test_page_furniture_is_dropped_and_the_broken_paragraph_rejoined(furniture):
    text = (
        "The General Assembly,\n"
        "\n"
        "Recalling its resolution,\n"
        "\n"
        "1. Requests the Secretary-General to report on the implementation of\n"
        f"{furniture}\n"
        "the present resolution.\n"
    )
    blocks = body_blocks(text)
    assert [b.passage.text for b in blocks] == [
        "Recalling its resolution,",
        "1. Requests the Secretary-General to report on the implementation of the present resolution.",
    ]


def test_running_symbol_inside_the_body_is_page_furniture():
    text = (
        "A/RES/76/300\n"
        "\n"
        "The General Assembly,\n"
        "\n"
        "Recalling its resolution,\n"
        "\n"
        "1. Requests a report on the implementation of\n"
        "A/RES/76/300\n"
        "the present resolution.\n"
    )
    norm = normalise(text, EN)
    assert norm.blocks[0].kind == "symbol"
    assert norm.blocks[-1].passage.text == "1. Requests a report on the implementation of the present resolution."


def test_bullet_before_item_label_is_stripped():
    text = "The General Assembly,\n\n1. Invites States:\n\n- (a) To act;\n\n- (b) To report.\n"
    blocks = body_blocks(text)
    assert [(b.kind, b.passage.text) for b in blocks] == [
        ("op", "1. Invites States:"),
        ("item", "(a) To act;"),
        ("item", "(b) To report."),
    ]
    # the passage starts at the label, after "- "
    assert (blocks[1].passage.span.line, blocks[1].passage.span.column) == (5, 3)


def test_hard_wrapped_english_lines_are_joined_with_a_space():
    text = "The General Assembly,\n\nRecalling its resolution\n70/1 on sustainable\ndevelopment,\n"
    (block,) = body_blocks(text)
    assert block.passage.text == "Recalling its resolution 70/1 on sustainable development,"


def test_hyphenated_line_break_is_joined_without_a_space():
    text = "The General Assembly,\n\nRecalling the follow-\nup to its resolution,\n"
    (block,) = body_blocks(text)
    assert block.passage.text == "Recalling the follow-up to its resolution,"


def test_hard_wrapped_chinese_lines_are_joined_without_a_space():
    text = "大会，\n\n回顾其关于可持续\n发展的第70/1号\n决议，\n"
    (block,) = body_blocks(text, ZH)
    assert block.passage.text == "回顾其关于可持续发展的第70/1号决议，"


def test_wrapped_latin_words_in_chinese_keep_their_space():
    text = "大会，\n\n注意到题为Treaty\nSeries的出版物，\n"
    (block,) = body_blocks(text, ZH)
    assert block.passage.text == "注意到题为Treaty Series的出版物，"


def test_unwrapped_paragraphs_without_blank_lines_stay_apart():
    text = "The General Assembly,\nRecalling its resolution 70/1,\nNoting the report,\n1. Decides to act.\n"
    assert [b.passage.text for b in body_blocks(text)] == [
        "Recalling its resolution 70/1,",
        "Noting the report,",
        "1. Decides to act.",
    ]


# --- encodings and line ends ---------------------------------------------------------------


def test_crlf_line_ends_are_tolerated():
    text = "The General Assembly,\r\n\r\nRecalling its resolution\r\n70/1,\r\n"
    (block,) = body_blocks(text)
    assert block.passage.text == "Recalling its resolution 70/1,"
    assert "\r" not in block.passage.text
    assert block.passage.span.end_line == 4
    assert block.passage.span.end_column == len("70/1,") + 1


@pytest.mark.parametrize("form", ["str", "str+bom", "bytes+bom", "bytes+bom+crlf"])
def test_bom_and_crlf_through_parse(form):
    text = "The General Assembly,\n\nRecalling its resolution\n70/1,\n\n1. Decides to act.\n"
    if "crlf" in form:
        text = text.replace("\n", "\r\n")
    source: str | bytes = text if form == "str" else "\ufeff" + text
    if form.startswith("bytes"):
        source = source.encode("utf-8")
    res = resdraft.parse(source)
    assert res.formula is not None and res.formula.text == "The General Assembly,"
    assert res.preamble[0].text.text == "Recalling its resolution 70/1,"
    assert res.operative[0].text.text == "Decides to act."
    assert res.preamble[0].span.line == 3 and res.preamble[0].span.column == 1


# --- source positions ----------------------------------------------------------------------


def test_noteref_span_points_at_the_marker_on_a_wrapped_line():
    source = (
        "The General Assembly,\n"
        "\n"
        "*Recalling* the report [A/76/53](#) of the\n"
        "Secretary-General \\(2016\\),[^1] and *more*\n"
        "\n"
        "[^1]: A note.\n"
    )
    passage = normalise(source, EN).blocks[1].passage
    assert passage.text == "Recalling the report A/76/53 of the Secretary-General (2016), and more"
    (note,) = passage.notes
    assert note.offset == passage.text.index(", and") + 1
    assert (note.span.line, note.span.column) == (4, 28)
    assert source.split("\n")[3][note.span.column - 1 :].startswith("[^1]")


@pytest.mark.parametrize("word", ["report", "A/76/53", "Secretary", "2016", "and", "more"])
def test_span_of_maps_normalised_offsets_back_to_the_source(word):
    source = (
        "The General Assembly,\n"
        "\n"
        "*Recalling* the report [A/76/53](#) of the\n"
        "Secretary-General \\(2016\\),[^1] and *more*\n"
        "\n"
        "[^1]: A note.\n"
    )
    passage = normalise(source, EN).blocks[1].passage
    start = passage.text.index(word)
    assert source_at(source, passage.span_of(start, start + len(word))) == word


def test_columns_are_code_points_in_chinese():
    source = "大会，\n\n对灯塔事故**深表遗憾**，¹并且\n注意到报告，\n\n¹ 注。\n"
    passage = normalise(source, ZH).blocks[1].passage
    assert passage.text == "对灯塔事故深表遗憾，并且注意到报告，"
    (note,) = passage.notes
    assert (note.span.line, note.span.column) == (3, 15)
    for word in ("深表遗憾", "并且", "注意到"):
        start = passage.text.index(word)
        assert source_at(source, passage.span_of(start, start + len(word))) == word


def test_phrase_spans_point_at_the_phrase_in_the_source():
    source = "The General Assembly,\n\n  *Recalling also* its resolution 70/1,\n\n12. *Decides* to act.\n"
    res = resdraft.parse(source)
    pp_phrase = res.preamble[0].phrase
    op_phrase = res.operative[0].phrase
    assert pp_phrase is not None and op_phrase is not None
    assert (pp_phrase.span.line, pp_phrase.span.column) == (3, 4)
    assert source_at(source, pp_phrase.span) == "Recalling also"
    assert (op_phrase.span.line, op_phrase.span.column) == (5, 6)
    assert source_at(source, op_phrase.span) == "Decides"


def test_fronted_chinese_phrase_span():
    source = "大会，\n\n对沿海灾害造成的伤亡**深表遗憾**，\n\n1. 决定采取行动。\n"
    res = resdraft.parse(source)
    phrase = res.preamble[0].phrase
    assert phrase is not None
    assert phrase.text == "深表遗憾" and phrase.offset == 10
    assert (phrase.span.line, phrase.span.column) == (3, 13)
    assert source_at(source, phrase.span) == "深表遗憾"


# --- drop() --------------------------------------------------------------------------------


def _sample_passage():
    source = (
        "The General Assembly,\n\n*Recalling* the old report, its resolution 70/1,[^1] and *more*\n\n[^1]: A note.\n"
    )
    return source, normalise(source, EN).blocks[1].passage


def test_drop_shifts_notes_emphasis_and_source_map():
    source, passage = _sample_passage()
    assert passage.text == "Recalling the old report, its resolution 70/1, and more"
    start = passage.text.index("old ")
    drop(passage, start, start + len("old "))
    assert passage.text == "Recalling the report, its resolution 70/1, and more"
    (note,) = passage.notes
    assert note.offset == passage.text.index(", and") + 1
    assert passage.emphasis == [
        EmphasisRun(0, 9, Emphasis.ITALIC),
        EmphasisRun(len(passage.text) - 4, len(passage.text), Emphasis.ITALIC),
    ]
    for word in ("report", "70/1", "more"):
        i = passage.text.index(word)
        assert source_at(source, passage.span_of(i, i + len(word))) == word


def test_drop_of_a_range_holding_a_note_moves_the_note_to_its_start():
    _, passage = _sample_passage()
    start = passage.text.index(", its")
    end = passage.text.index(" and")
    drop(passage, start, end)
    assert passage.text == "Recalling the old report and more"
    assert [n.offset for n in passage.notes] == [start]


def test_drop_at_the_start_moves_the_passage_span():
    source, passage = _sample_passage()
    drop(passage, 0, len("Recalling "))
    assert passage.text.startswith("the old report")
    assert (passage.span.line, passage.span.column) == (3, 13)
    assert passage.emphasis[0].start == len(passage.text) - 4
    i = passage.text.index("old")
    assert source_at(source, passage.span_of(i, i + 3)) == "old"


def test_drop_of_an_empty_range_changes_nothing():
    _, passage = _sample_passage()
    before = (passage.text, list(passage.notes), list(passage.emphasis), passage.source)
    drop(passage, 5, 5)
    assert (passage.text, passage.notes, passage.emphasis, passage.source) == before


def test_the_title_repeated_in_a_running_head_is_page_furniture() -> None:
    """pdftotext prints the symbol and the (wrapped) title at the top of each page; both go,
    also when the page breaks inside a paragraph, and an annex may still repeat the title."""
    from resdraft.parser import parse_text

    text = """80/31. Strengthening of the coordination of emergency humanitarian assistance
of the United Nations

The General Assembly,

Recalling its resolution 46/182 of 19 December 1991, the annex to which contains the guiding
A/RES/80/31
Strengthening of the coordination of emergency humanitarian
assistance of the United Nations
25-20011
2/3
principles for the strengthening of the coordination of humanitarian assistance,

1. Takes note of the report of the Secretary-General;

2. Decides to continue its consideration of the question at its eighty-first session.

Annex

Strengthening of the coordination of emergency humanitarian assistance of the United Nations

The principles below guide the work of the Secretary-General.
"""
    res = parse_text(text, "en")
    assert res.preamble[0].text.text == (
        "Recalling its resolution 46/182 of 19 December 1991, the annex to which contains the guiding "
        "principles for the strengthening of the coordination of humanitarian assistance,"
    )
    assert [p.number for p in res.all_operative()] == [1, 2]
    assert res.annexes[0].title == (
        "Strengthening of the coordination of emergency humanitarian assistance of the United Nations"
    )


def test_pdf_call_outs_after_a_year_after_punctuation_and_before_two_spaces() -> None:
    """Plain-digit call-outs as pdftotext leaves them: glued to a year ("2014–20243"), after a
    comma and a space ("Commitment, 2 which"), before two spaces ("Countries 3  and"), and
    closing a paragraph ("in 2014, 4"), which then does not run into the next one."""
    from resdraft.parser import parse_text

    text = """The General Assembly,

Recalling the Programme of Action for the Decade 2014–20241 and the Seville
Commitment, 2 which the Conference adopted,

Noting the Vienna Programme of Action for Landlocked Developing Countries 3  and the
submission of its updated version in 2014, 4

Considering that the draft treaty remains an important basis,

1. Decides to continue its consideration of the question at its eighty-first session.

_______________
1 Resolution 69/313, annex.
2 A/CONF.227/20.
3 Resolution 69/137, annex II.
4 See CD/1985.
"""
    res = parse_text(text, "en")
    assert len(res.preamble) == 3
    assert [n.marker for p in res.preamble for n in p.text.notes] == ["1", "2", "3", "4"]
    assert res.preamble[0].text.text == (
        "Recalling the Programme of Action for the Decade 2014–2024 and the Seville Commitment, "
        "which the Conference adopted,"
    )
    assert res.preamble[1].text.text.endswith("in 2014,")
    assert res.preamble[2].text.text.startswith("Considering")


def test_markdown_code_blocks_are_not_resolution_text() -> None:
    """A document that only shows a resolution in fenced code blocks (documentation of the
    rules, a README) is not a resolution; one whose body is outside the block still parses."""
    import pytest

    from resdraft.errors import NotAResolution
    from resdraft.parser import parse_text

    doc = "# How to write the formula\n\nBad:\n\n```text\nThe General Assembly\n\nRecalling its resolution,\n```\n"
    with pytest.raises(NotAResolution):
        parse_text(doc, "en")
    res = parse_text(doc + "\nThe General Assembly,\n\n1. Decides to act.\n", "en")
    assert res.preamble == [] and [p.number for p in res.operative] == [1]


# the characters and pieces of inline mark-up, blanks of several kinds, text
_MARK_UP_PIECES = [*"ab *[]()<>!-\\^¹²³⁻,1#_.", "<!--", "-->", "<sup>", "</sup>", "**", "[^1]", "]("]
_MARK_UP_PIECES += ["  ", "\t", "\u3000", "\x1c", "\x85", "决"]


@pytest.mark.parametrize(
    "raw",
    ["", "no mark-up", "a  <!-- x --> b", "a <sup>1</sup>", "L.5* and **Decides**", "a <b <!-- c -->", "\\*x\\*"],
)
def test_inline_marks_are_what_the_inline_pattern_finds(raw: str) -> None:
    from resdraft.normalize import _INLINE, _inline_marks

    assert [(m.span(), m.lastgroup) for m in _inline_marks(raw)] == [
        (m.span(), m.lastgroup) for m in _INLINE.finditer(raw)
    ]


def test_inline_marks_agree_with_the_inline_pattern_on_random_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from resdraft.normalize import _INLINE, _inline_marks

    @settings(max_examples=1000, deadline=None)
    @given(st.lists(st.sampled_from(_MARK_UP_PIECES), max_size=14).map("".join))
    def agrees(raw: str) -> None:
        assert [(m.span(), m.lastgroup) for m in _inline_marks(raw)] == [
            (m.span(), m.lastgroup) for m in _INLINE.finditer(raw)
        ]

    agrees()


def test_an_inline_matchs_last_group_names_its_branch_on_random_text() -> None:
    """_scan tells the branch of an inline match by ``lastgroup`` (a link's is ``url``), and
    takes an emphasis mark from the whole match."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from resdraft.normalize import _INLINE

    branches = ("comment", "bold", "italic", "mdnote", "sup", "htmlsup", "webnote", "linktext", "escaped")

    @settings(max_examples=1000, deadline=None)
    @given(st.lists(st.sampled_from([*_MARK_UP_PIECES, "[a](b)", "[1](#n)", "\\*"]), max_size=14).map("".join))
    def agrees(raw: str) -> None:
        for m in _INLINE.finditer(raw):
            (branch,) = [name for name in branches if m[name] is not None]
            assert m.lastgroup == ("url" if branch == "linktext" else branch)
            if branch in ("bold", "italic"):
                assert m.group() == m[branch]

    agrees()
