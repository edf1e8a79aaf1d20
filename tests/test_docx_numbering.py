"""Word's automatic paragraph numbers (resdraft/docx_numbering.py): what Word shows in front of
each numbered paragraph, worked out from numbering.xml and styles.xml.

The parts are built here from small XML snippets, as Word writes them; no real document is kept
in the repository. Every expectation is the label Word displays.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from lxml import etree

from resdraft.docx import W
from resdraft.docx_numbering import Label, ListNumbering, format_number

NS = f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


# -- builders ------------------------------------------------------------------------------------


def lvl(
    ilvl: int | str,
    fmt: str | None = "decimal",
    text: str | None = "%1.",
    start: int | str | None = 1,
    extra: str = "",
) -> str:
    """One ``w:lvl``; ``None`` leaves the element out."""
    parts = [f'<w:lvl w:ilvl="{ilvl}">']
    if start is not None:
        parts.append(f'<w:start w:val="{start}"/>')
    if fmt is not None:
        parts.append(f'<w:numFmt w:val="{fmt}"/>')
    if text is not None:
        parts.append(f'<w:lvlText w:val="{text}"/>')
    parts.append(extra)
    parts.append("</w:lvl>")
    return "".join(parts)


def abstract(abstract_id: int | str, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'


def num(num_id: int | str, abstract_id: int | str, *overrides: str) -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{"".join(overrides)}</w:num>'


def override(ilvl: int, start: int | None = None, level: str = "") -> str:
    start_xml = f'<w:startOverride w:val="{start}"/>' if start is not None else ""
    return f'<w:lvlOverride w:ilvl="{ilvl}">{start_xml}{level}</w:lvlOverride>'


def numbering(*parts: str) -> etree._Element:
    return etree.fromstring(f"<w:numbering {NS}>{''.join(parts)}</w:numbering>")


def style(
    style_id: str,
    num_id: int | str | None = None,
    ilvl: int | str | None = None,
    based_on: str | None = None,
    default: bool = False,
    kind: str = "paragraph",
) -> str:
    numpr = ""
    if num_id is not None or ilvl is not None:
        ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        num_xml = f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        numpr = f"<w:pPr><w:numPr>{ilvl_xml}{num_xml}</w:numPr></w:pPr>"
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    default_attr = ' w:default="1"' if default else ""
    return f'<w:style w:type="{kind}"{default_attr} w:styleId="{style_id}">{based}{numpr}</w:style>'


def styles(*parts: str) -> etree._Element:
    return etree.fromstring(f"<w:styles {NS}>{''.join(parts)}</w:styles>")


def para(num_id: int | str | None = None, ilvl: int | str | None = None, pstyle: str | None = None) -> etree._Element:
    """A body paragraph with direct numbering and/or a paragraph style."""
    ppr = ""
    if pstyle is not None:
        ppr += f'<w:pStyle w:val="{pstyle}"/>'
    if num_id is not None or ilvl is not None:
        ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        num_xml = f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        ppr += f"<w:numPr>{ilvl_xml}{num_xml}</w:numPr>"
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return etree.fromstring(f"<w:p {NS}>{ppr_xml}<w:r><w:t>text</w:t></w:r></w:p>")


def shown(
    numbering_part: etree._Element | None, styles_part: etree._Element | None, paragraphs: Sequence[etree._Element]
) -> list[str | None]:
    """The label texts of the paragraphs, asked in order as the body reader does."""
    lists = ListNumbering(numbering_part, styles_part)
    return [found.text if (found := lists.label(p)) is not None else None for p in paragraphs]


def one_level(fmt: str, value: int, text: str = "%1") -> str | None:
    """What Word shows for the first paragraph of a list whose only level starts at ``value``."""
    part = numbering(abstract(0, lvl(0, fmt, text, start=value)), num(1, 0))
    return shown(part, None, [para(1, 0)])[0]


RESOLUTION = numbering(
    abstract(
        0,
        lvl(0, "decimal", "%1."),
        lvl(1, "lowerLetter", "(%2)"),
        lvl(2, "lowerRoman", "(%3)"),
    ),
    num(1, 0),
)


# -- a resolution's operative part ----------------------------------------------------------------


def test_operative_paragraphs_items_and_sub_items() -> None:
    layout = [
        (0, "1."),
        (0, "2."),
        (0, "3."),
        (1, "(a)"),
        (1, "(b)"),
        (2, "(i)"),
        (2, "(ii)"),
        (2, "(iii)"),
        (2, "(iv)"),
        (1, "(c)"),
        (2, "(i)"),  # (i) again under a new item
        (0, "4."),
        (1, "(a)"),  # (a) again under a new operative paragraph
        (2, "(i)"),
        (2, "(ii)"),
        (1, "(b)"),
        (2, "(i)"),
        *[(0, f"{n}.") for n in range(5, 13)],
        (1, "(a)"),
    ]
    assert shown(RESOLUTION, None, [para(1, level) for level, _ in layout]) == [label for _, label in layout]


def test_label_carries_suffix_level_and_num_id() -> None:
    lists = ListNumbering(RESOLUTION, None)
    assert lists.label(para(1, 0)) == Label(text="1.", suffix="\t", level=0, num_id="1")
    assert lists.label(para(1, 1)) == Label(text="(a)", suffix="\t", level=1, num_id="1")


def test_unnumbered_paragraphs_do_not_count_and_do_not_restart() -> None:
    plain = etree.fromstring(f"<w:p {NS}><w:r><w:t>The General Assembly,</w:t></w:r></w:p>")
    assert shown(RESOLUTION, None, [para(1, 0), plain, para(1, 1), plain, para(1, 1), para(1, 0)]) == [
        "1.",
        None,
        "(a)",
        None,
        "(b)",
        "2.",
    ]


def test_chinese_resolution_labels() -> None:
    part = numbering(abstract(0, lvl(0, "decimal", "%1."), lvl(1, "chineseCounting", "（%2）")), num(1, 0))
    assert shown(part, None, [para(1, 0), para(1, 1), para(1, 1), para(1, 0), para(1, 1)]) == [
        "1.",
        "（一）",
        "（二）",
        "2.",
        "（一）",
    ]


# -- lists continuing and restarting ----------------------------------------------------------------


def test_new_num_with_start_override_restarts_the_list() -> None:
    part = numbering(abstract(0, lvl(0)), num(1, 0), num(2, 0, override(0, start=1)))
    assert shown(part, None, [para(1), para(1), para(1), para(2), para(2)]) == ["1.", "2.", "3.", "1.", "2."]


def test_two_nums_over_one_abstract_num_continue_the_count() -> None:
    part = numbering(abstract(0, lvl(0)), num(1, 0), num(2, 0))
    assert shown(part, None, [para(1), para(1), para(2), para(2), para(1)]) == ["1.", "2.", "3.", "4.", "5."]


def test_nums_over_different_abstract_nums_count_separately() -> None:
    part = numbering(abstract(0, lvl(0)), abstract(1, lvl(0, "upperLetter", "%1.")), num(1, 0), num(2, 1))
    assert shown(part, None, [para(1), para(2), para(1), para(2)]) == ["1.", "A.", "2.", "B."]


def test_start_override_restarts_only_on_the_first_use_of_its_num() -> None:
    part = numbering(abstract(0, lvl(0)), num(1, 0), num(2, 0, override(0, start=5)))
    assert shown(part, None, [para(1), para(1), para(2), para(1), para(2)]) == ["1.", "2.", "5.", "6.", "7."]


def test_start_override_is_the_start_after_a_restart_of_the_level() -> None:
    part = numbering(abstract(0, lvl(0), lvl(1, "decimal", "%1.%2")), num(1, 0, override(1, start=3)))
    assert shown(part, None, [para(1, 0), para(1, 1), para(1, 1), para(1, 0), para(1, 1)]) == [
        "1.",
        "1.3",
        "1.4",
        "2.",
        "2.3",
    ]


def test_level_override_replaces_the_abstract_level() -> None:
    replacement = lvl(0, "upperLetter", "%1)", start=1)
    part = numbering(abstract(0, lvl(0)), num(1, 0), num(2, 0, override(0, level=replacement)))
    assert shown(part, None, [para(1), para(2), para(1)]) == ["1.", "B)", "3."]


# -- counters, restarts, skipped levels ----------------------------------------------------------


def test_lvl_restart_zero_never_restarts() -> None:
    part = numbering(abstract(0, lvl(0), lvl(1, "lowerLetter", "(%2)", extra='<w:lvlRestart w:val="0"/>')), num(1, 0))
    assert shown(part, None, [para(1, 0), para(1, 1), para(1, 1), para(1, 0), para(1, 1)]) == [
        "1.",
        "(a)",
        "(b)",
        "2.",
        "(c)",
    ]


def test_lvl_restart_limits_which_levels_restart_a_deeper_one() -> None:
    # level 2 restarts only after level 1 (1-based), i.e. the operative paragraph, not after an item
    part = numbering(
        abstract(
            0,
            lvl(0),
            lvl(1, "lowerLetter", "(%2)"),
            lvl(2, "lowerRoman", "(%3)", extra='<w:lvlRestart w:val="1"/>'),
        ),
        num(1, 0),
    )
    levels = [0, 1, 2, 1, 2, 0, 1, 2]
    assert shown(part, None, [para(1, level) for level in levels]) == [
        "1.",
        "(a)",
        "(i)",
        "(b)",
        "(ii)",
        "2.",
        "(a)",
        "(i)",
    ]


def test_lvl_restart_naming_a_deeper_level_is_ignored() -> None:
    part = numbering(abstract(0, lvl(0), lvl(1, "lowerLetter", "(%2)", extra='<w:lvlRestart w:val="5"/>')), num(1, 0))
    assert shown(part, None, [para(1, 0), para(1, 1), para(1, 0), para(1, 1)]) == ["1.", "(a)", "2.", "(a)"]


def test_multilevel_text_and_skipped_level() -> None:
    # Word shows "1.0.1" when a level is skipped and "0.1" when a list begins at its second level
    part = numbering(
        abstract(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2"), lvl(2, "decimal", "%1.%2.%3")),
        num(1, 0),
    )
    assert shown(part, None, [para(1, 1), para(1, 0), para(1, 2), para(1, 1), para(1, 2)]) == [
        "0.1",
        "1.",
        "1.0.1",
        "1.1",
        "1.1.1",
    ]


def test_each_placeholder_uses_its_own_level_format() -> None:
    part = numbering(
        abstract(0, lvl(0, "upperRoman", "%1."), lvl(1, "upperLetter", "%1.%2."), lvl(2, "lowerRoman", "%1.%2.%3")),
        num(1, 0),
    )
    assert shown(part, None, [para(1, 0), para(1, 0), para(1, 1), para(1, 1), para(1, 2)]) == [
        "I.",
        "II.",
        "II.A.",
        "II.B.",
        "II.B.i",
    ]


def test_missing_start_is_zero_as_the_standard_says() -> None:
    part = numbering(abstract(0, lvl(0, start=None)), num(1, 0))
    assert shown(part, None, [para(1), para(1)]) == ["0.", "1."]


def test_missing_ilvl_is_level_zero() -> None:
    assert shown(RESOLUTION, None, [para(1), para(1, 1), para(1)]) == ["1.", "(a)", "2."]


def test_is_lgl_shows_the_other_levels_in_arabic_numerals() -> None:
    def levels(legal: str) -> etree._Element:
        return numbering(
            abstract(
                0,
                lvl(0, "upperRoman", "Article %1"),
                lvl(1, "decimalZero", "Section %1.%2", extra=legal),
                lvl(2, "lowerLetter", "%1.%2.%3", extra=legal),
            ),
            num(1, 0),
        )

    order = [para(1, 0), para(1, 0), para(1, 1), para(1, 2)]
    assert shown(levels("<w:isLgl/>"), None, order) == ["Article I", "Article II", "Section 2.01", "2.01.1"]
    assert shown(levels(""), None, order) == ["Article I", "Article II", "Section II.01", "II.01.a"]
    assert shown(levels('<w:isLgl w:val="0"/>'), None, order) == ["Article I", "Article II", "Section II.01", "II.01.a"]


# -- levels that show nothing ------------------------------------------------------------------------


def test_none_format_and_empty_text_show_nothing_but_still_count() -> None:
    part = numbering(
        abstract(0, lvl(0), lvl(1, "none", ""), lvl(2, "lowerRoman", "(%3)")),
        num(1, 0),
    )
    # the unnumbered level-1 paragraphs restart level 2: they are counted
    assert shown(part, None, [para(1, 0), para(1, 1), para(1, 2), para(1, 2), para(1, 1), para(1, 2)]) == [
        "1.",
        None,
        "(i)",
        "(ii)",
        None,
        "(i)",
    ]


def test_none_format_keeps_literal_level_text() -> None:
    part = numbering(abstract(0, lvl(0, "none", "Annex"), lvl(1, "none", "%2")), num(1, 0))
    assert shown(part, None, [para(1, 0), para(1, 1)]) == ["Annex", None]


def test_empty_level_text_counts_for_the_next_paragraph() -> None:
    part = numbering(abstract(0, lvl(0, "decimal", "")), num(1, 0), num(2, 0, override(0, level=lvl(0))))
    assert shown(part, None, [para(1), para(1), para(2)]) == [None, None, "3."]


def test_bullets_are_not_labels() -> None:
    part = numbering(abstract(0, lvl(0, "bullet", "\u2022"), lvl(1, "lowerLetter", "(%2)")), num(1, 0))
    assert shown(part, None, [para(1, 0), para(1, 1), para(1, 0), para(1, 1)]) == [None, "(a)", None, "(a)"]


# -- suffixes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suff", "expected"),
    [("", "\t"), ('<w:suff w:val="tab"/>', "\t"), ('<w:suff w:val="space"/>', " "), ('<w:suff w:val="nothing"/>', "")],
)
def test_suffix(suff: str, expected: str) -> None:
    part = numbering(abstract(0, lvl(0, "decimal", "Article %1", extra=suff)), num(1, 0))
    assert ListNumbering(part, None).label(para(1)) == Label("Article 1", expected, 0, "1")


def test_unknown_suffix_is_a_tab() -> None:
    part = numbering(abstract(0, lvl(0, extra='<w:suff w:val="wiggle"/>')), num(1, 0))
    found = ListNumbering(part, None).label(para(1))
    assert found is not None
    assert found.suffix == "\t"


# -- numbering that comes from styles ---------------------------------------------------------------


STYLED = numbering(
    abstract(
        0,
        lvl(0, "decimal", "%1.", extra='<w:pStyle w:val="OperativePara"/>'),
        lvl(1, "lowerLetter", "(%2)", extra='<w:pStyle w:val="SubItem"/>'),
        lvl(2, "lowerRoman", "(%3)"),
    ),
    num(7, 0),
)


def test_numbering_from_paragraph_style_with_and_without_ilvl() -> None:
    style_part = styles(style("OperativePara", num_id=7), style("Item", num_id=7, ilvl=1))
    order = [para(pstyle="OperativePara"), para(pstyle="Item"), para(pstyle="Item"), para(pstyle="OperativePara")]
    assert shown(STYLED, style_part, order) == ["1.", "(a)", "(b)", "2."]


def test_style_numbering_follows_based_on_chain() -> None:
    style_part = styles(
        style("OperativePara", num_id=7),
        style("OperativeFirst", based_on="OperativePara"),
        style("OperativeFirstBold", based_on="OperativeFirst"),
    )
    assert shown(STYLED, style_part, [para(pstyle="OperativeFirstBold"), para(pstyle="OperativeFirst")]) == [
        "1.",
        "2.",
    ]


def test_style_without_ilvl_uses_the_level_linked_to_it() -> None:
    # SubItem's style gives only the numId; level 1 names SubItem in its w:pStyle
    style_part = styles(style("OperativePara", num_id=7), style("SubItem", num_id=7))
    order = [para(pstyle="OperativePara"), para(pstyle="SubItem"), para(pstyle="SubItem")]
    assert shown(STYLED, style_part, order) == ["1.", "(a)", "(b)"]


def test_style_level_is_not_taken_from_beyond_the_style_giving_the_num_id() -> None:
    # Base is numbered at level 2; SubItem repeats the numId without a level, so its link decides
    style_part = styles(style("Base", num_id=7, ilvl=2), style("SubItem", num_id=7, based_on="Base"))
    assert shown(STYLED, style_part, [para(pstyle="Base"), para(pstyle="SubItem")]) == ["(i)", "(a)"]


def test_derived_style_linked_to_a_level_takes_that_level() -> None:
    style_part = styles(style("OperativePara", num_id=7), style("SubItem", based_on="OperativePara"))
    order = [para(pstyle="OperativePara"), para(pstyle="SubItem")]
    assert shown(STYLED, style_part, order) == ["1.", "(a)"]


def test_direct_num_id_takes_ilvl_from_style_and_direct_ilvl_takes_num_id_from_style() -> None:
    style_part = styles(style("Item", num_id=7, ilvl=1), style("Deep", ilvl=2))
    order = [para(7, 0), para(ilvl=1, pstyle="Item"), para(7, pstyle="Deep"), para(ilvl=0, pstyle="Item")]
    assert shown(STYLED, style_part, order) == ["1.", "(a)", "(i)", "2."]


def test_direct_numbering_wins_over_the_style() -> None:
    other = numbering(
        abstract(0, lvl(0)),
        abstract(1, lvl(0, "upperLetter", "%1.")),
        num(1, 0),
        num(2, 1),
    )
    style_part = styles(style("Letters", num_id=2))
    assert shown(other, style_part, [para(1, 0, pstyle="Letters"), para(pstyle="Letters")]) == ["1.", "A."]


def test_default_paragraph_style_numbering() -> None:
    style_part = styles(style("Normal", num_id=7, default=True), style("Plain"))
    # no style, an unknown style (Word falls back to the default) and a style without numbering
    assert shown(STYLED, style_part, [para(), para(pstyle="Missing"), para(pstyle="Plain")]) == ["1.", "2.", None]


def test_num_id_zero_removes_a_style_numbering_and_does_not_count() -> None:
    style_part = styles(style("OperativePara", num_id=7), style("Unnumbered", num_id=0, based_on="OperativePara"))
    order = [
        para(pstyle="OperativePara"),
        para(0, pstyle="OperativePara"),
        para(pstyle="Unnumbered"),
        para(pstyle="OperativePara"),
    ]
    assert shown(STYLED, style_part, order) == ["1.", None, None, "2."]


# -- list styles (numStyleLink) ----------------------------------------------------------------------


LEGAL_LEVELS = (lvl(0, "upperRoman", "Article %1"), lvl(1, "decimal", "%1.%2"))


def test_num_style_link_follows_the_list_style_to_its_levels() -> None:
    part = numbering(
        abstract(1, extra='<w:numStyleLink w:val="LegalList"/>'),
        abstract(2, *LEGAL_LEVELS, extra='<w:styleLink w:val="LegalList"/>'),
        num(1, 1),
        num(2, 2),
    )
    style_part = styles(style("LegalList", num_id=2, kind="numbering"))
    # both nums end at abstractNum 2: one list, one count
    assert shown(part, style_part, [para(1, 0), para(1, 1), para(2, 0), para(1, 0)]) == [
        "Article I",
        "I.1",
        "Article II",
        "Article III",
    ]


def test_num_style_link_without_the_style_finds_the_style_link() -> None:
    part = numbering(
        abstract(1, extra='<w:numStyleLink w:val="LegalList"/>'),
        abstract(2, *LEGAL_LEVELS, extra='<w:styleLink w:val="LegalList"/>'),
        num(1, 1),
    )
    assert shown(part, None, [para(1, 0), para(1, 0)]) == ["Article I", "Article II"]


def test_num_style_link_keeps_the_num_overrides() -> None:
    part = numbering(
        abstract(1, extra='<w:numStyleLink w:val="LegalList"/>'),
        abstract(2, *LEGAL_LEVELS, extra='<w:styleLink w:val="LegalList"/>'),
        num(1, 1, override(0, start=4)),
        num(2, 2),
    )
    style_part = styles(style("LegalList", num_id=2, kind="numbering"))
    assert shown(part, style_part, [para(1, 0)]) == ["Article IV"]


def test_num_style_link_cycle_ends() -> None:
    # abstractNum 1 links to style A, whose num leads back to abstractNum 1; 3 and 4 link to each other
    part = numbering(
        abstract(1, extra='<w:numStyleLink w:val="A"/>'),
        abstract(3, extra='<w:numStyleLink w:val="B"/>'),
        abstract(4, extra='<w:numStyleLink w:val="C"/>'),
        num(1, 1),
        num(3, 3),
        num(4, 4),
        num(5, 5),
        abstract(5, lvl(0), extra='<w:numStyleLink w:val="Nowhere"/>'),
    )
    style_part = styles(
        style("A", num_id=1, kind="numbering"),
        style("B", num_id=4, kind="numbering"),
        style("C", num_id=3, kind="numbering"),
    )
    # a linking abstractNum that has levels of its own falls back to them
    assert shown(part, style_part, [para(1), para(3), para(4), para(5)]) == [None, None, None, "1."]


# -- number formats ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "value", "expected"),
    [
        ("decimal", 5, "5"),
        ("decimal", 0, "0"),
        ("decimalZero", 5, "05"),
        ("decimalZero", 12, "12"),
        ("lowerLetter", 1, "a"),
        ("lowerLetter", 26, "z"),
        ("lowerLetter", 27, "aa"),
        ("lowerLetter", 28, "bb"),
        ("lowerLetter", 53, "aaa"),
        ("upperLetter", 28, "BB"),
        ("lowerRoman", 4, "iv"),
        ("lowerRoman", 1994, "mcmxciv"),
        ("upperRoman", 9, "IX"),
        ("upperRoman", 3999, "MMMCMXCIX"),
        ("upperRoman", 4000, "MMMM"),
        ("ordinal", 1, "1st"),
        ("ordinal", 2, "2nd"),
        ("ordinal", 3, "3rd"),
        ("ordinal", 4, "4th"),
        ("ordinal", 11, "11th"),
        ("ordinal", 12, "12th"),
        ("ordinal", 13, "13th"),
        ("ordinal", 21, "21st"),
        ("ordinal", 102, "102nd"),
        ("ordinal", 111, "111th"),
        ("cardinalText", 0, "Zero"),
        ("cardinalText", 1, "One"),
        ("cardinalText", 13, "Thirteen"),
        ("cardinalText", 21, "Twenty-one"),
        ("cardinalText", 100, "One hundred"),
        ("cardinalText", 101, "One hundred one"),
        ("cardinalText", 2024, "Two thousand twenty-four"),
        ("ordinalText", 1, "First"),
        ("ordinalText", 2, "Second"),
        ("ordinalText", 3, "Third"),
        ("ordinalText", 5, "Fifth"),
        ("ordinalText", 12, "Twelfth"),
        ("ordinalText", 20, "Twentieth"),
        ("ordinalText", 21, "Twenty-first"),
        ("ordinalText", 100, "One hundredth"),
        ("chineseCounting", 1, "一"),
        ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"),
        ("chineseCounting", 20, "二十"),
        ("chineseCounting", 21, "二十一"),
        ("chineseCounting", 100, "一百"),
        ("chineseCounting", 101, "一百零一"),
        ("chineseCounting", 110, "一百一十"),
        ("chineseCounting", 1010, "一千零一十"),
        ("chineseCounting", 10000, "一万"),
        ("chineseCounting", 100000, "十万"),
        ("chineseCountingThousand", 11, "十一"),
        ("chineseCountingThousand", 100, "一百"),
        ("taiwaneseCounting", 21, "二十一"),
        ("japaneseCounting", 11, "十一"),
        ("japaneseCounting", 100, "百"),
        ("japaneseCounting", 111, "百十一"),
        ("ideographTraditional", 1, "甲"),
        ("ideographTraditional", 4, "丁"),
        ("ideographTraditional", 10, "癸"),
        ("ideographTraditional", 11, "甲"),
        ("ideographZodiac", 12, "亥"),
        ("ideographDigital", 7, "七"),
        ("ideographDigital", 10, "一〇"),
        ("ideographDigital", 2024, "二〇二四"),
        ("decimalFullWidth", 12, "１２"),
        ("decimalHalfWidth", 12, "12"),
        ("decimalEnclosedParen", 1, "⑴"),
        ("decimalEnclosedParen", 20, "⒇"),
        ("decimalEnclosedParen", 21, "(21)"),
        ("decimalEnclosedFullstop", 3, "⒊"),
        ("decimalEnclosedFullstop", 21, "21."),
        ("decimalEnclosedCircle", 1, "①"),
        ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "21"),
        ("decimalEnclosedCircleChinese", 2, "②"),
        ("ideographEnclosedCircle", 1, "㈠"),
        ("russianLower", 1, "а"),
        ("russianLower", 6, "е"),
        ("russianLower", 7, "ж"),  # no ё
        ("russianLower", 10, "к"),  # no й
        ("russianLower", 26, "э"),  # no ъ, ы, ь
        ("russianLower", 28, "я"),
        ("russianLower", 29, "аа"),
        ("russianUpper", 10, "К"),
        ("arabicAlpha", 1, "أ"),
        ("arabicAlpha", 3, "ت"),
        ("arabicAbjad", 3, "ج"),
        ("hebrew1", 1, "א"),
        ("hebrew1", 15, "טו"),
        ("hebrew1", 16, "טז"),
        ("hebrew1", 100, "ק"),
        ("hebrew2", 23, "אא"),
        ("chicago", 4, "§"),
        ("chicago", 5, "**"),
        ("numberInDash", 3, "- 3 -"),
        ("someFutureFormat", 7, "7"),
    ],
)
def test_number_format(fmt: str, value: int, expected: str) -> None:
    assert one_level(fmt, value) == expected


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman", "ordinalText", "chineseCounting", "russianLower"])
def test_formats_without_a_zero_fall_back_to_decimal(fmt: str) -> None:
    assert one_level(fmt, 0) == "0"
    assert one_level(fmt, -3) == "-3"


def test_huge_start_value_stays_small_and_decimal() -> None:
    assert one_level("lowerLetter", 10**12) == str(2**31 - 1)
    assert one_level("upperRoman", 50000) == "50000"


def test_letters_past_z_in_a_list() -> None:
    part = numbering(abstract(0, lvl(0, "lowerLetter", "(%1)", start=25)), num(1, 0))
    assert shown(part, None, [para(1)] * 5) == ["(y)", "(z)", "(aa)", "(bb)", "(cc)"]


def test_custom_zero_padded_format_in_alternate_content() -> None:
    custom = (
        "<mc:AlternateContent>"
        '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback>'
        "</mc:AlternateContent>"
    )
    fallback_only = (
        '<mc:AlternateContent><mc:Fallback><w:numFmt w:val="upperLetter"/></mc:Fallback></mc:AlternateContent>'
    )
    part = numbering(
        abstract(0, lvl(0, None, "%1.", extra=custom)),
        abstract(1, lvl(0, None, "%1.", extra=fallback_only)),
        num(1, 0),
        num(2, 1),
    )
    assert shown(part, None, [para(1), para(2), para(1)]) == ["001.", "A.", "002."]


def test_missing_num_fmt_is_decimal() -> None:
    part = numbering(abstract(0, lvl(0, None, "%1)", start=3)), num(1, 0))
    assert shown(part, None, [para(1)]) == ["3)"]


def test_format_number_directly() -> None:
    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(7, "custom", 3) == "007"
    assert format_number(7, "none") == ""


def test_level_text_keeps_other_percent_signs() -> None:
    part = numbering(abstract(0, lvl(0, "decimal", "%0 100% %1%")), num(1, 0))
    assert shown(part, None, [para(1)]) == ["%0 100% 1%"]


# -- hostile and broken parts ----------------------------------------------------------------------------


def test_no_numbering_part() -> None:
    assert shown(None, None, [para(1, 0), para(pstyle="Heading1")]) == [None, None]
    style_part = styles(style("OperativePara", num_id=7))
    assert shown(None, style_part, [para(pstyle="OperativePara")]) == [None]


def test_no_styles_part_still_reads_direct_numbering() -> None:
    assert shown(RESOLUTION, None, [para(1, 0, pstyle="Whatever")]) == ["1."]


def test_unknown_num_id_and_missing_abstract_num() -> None:
    part = numbering(abstract(0, lvl(0)), num(1, 0), num(2, 9))
    assert shown(part, None, [para(5), para(2), para("abc"), para(""), para(1)]) == [None, None, None, None, "1."]


def test_num_ids_compare_as_numbers() -> None:
    part = numbering(abstract(0, lvl(0)), num(" 01", "00"))
    found = ListNumbering(part, None).label(para("1"))
    assert found == Label("1.", "\t", 0, "1")


@pytest.mark.parametrize(
    ("ilvl", "expected"),
    [
        ("x", "1."),
        ("", "1."),
        ("1.5", "1."),
        ("١", "1."),
        ("9", None),
        ("12", None),
        ("-1", None),
        ("99999999999", None),
    ],
)
def test_garbage_ilvl(ilvl: str, expected: str | None) -> None:
    # an unreadable ilvl is as if absent (level 0); a level outside 0..8 has no label
    assert shown(RESOLUTION, None, [para(1, ilvl)]) == [expected]


def test_level_missing_from_the_abstract_num() -> None:
    part = numbering(abstract(0, lvl(0), lvl(2, "lowerRoman", "(%3)")), num(1, 0))
    assert shown(part, None, [para(1, 0), para(1, 1), para(1, 2), para(1, 0)]) == ["1.", None, "(i)", "2."]


def test_garbage_level_values() -> None:
    part = numbering(
        abstract(
            0,
            lvl(0, "decimal", "%1.", start="many", extra='<w:lvlRestart w:val="x"/><w:isLgl w:val="maybe"/>'),
            lvl("zero", "upperLetter", "%1"),
        ),
        num(1, 0, '<w:lvlOverride w:ilvl="y"><w:startOverride w:val="z"/></w:lvlOverride>', override(40, start=3)),
    )
    assert shown(part, None, [para(1), para(1)]) == ["0.", "1."]


def test_based_on_cycle_ends() -> None:
    style_part = styles(style("A", based_on="B"), style("B", based_on="A"), style("C", based_on="C"))
    assert shown(STYLED, style_part, [para(pstyle="A"), para(pstyle="C")]) == [None, None]
    numbered_cycle = styles(style("A", based_on="B"), style("B", num_id=7, based_on="A"))
    assert shown(STYLED, numbered_cycle, [para(pstyle="A"), para(pstyle="B")]) == ["1.", "2."]


def test_parts_of_the_wrong_kind_and_odd_nodes() -> None:
    stranger = etree.fromstring("<html><body><p>not Word</p></body></html>")
    assert shown(stranger, stranger, [para(1)]) == [None]
    noisy = numbering(
        "<!-- a comment -->",
        "<?pi x?>",
        "<w:abstractNum/>",
        "<w:num/>",
        '<w:num w:numId="3"/>',
        abstract(0, "<!-- inside -->", lvl(0)),
        num(1, 0),
    )
    assert shown(noisy, None, [para(3), para(1)]) == [None, "1."]


def test_element_tree_parts_are_accepted() -> None:
    lists = ListNumbering(etree.ElementTree(RESOLUTION), None)  # type: ignore[arg-type]
    assert lists.label(para(1)) == Label("1.", "\t", 0, "1")


def test_not_a_paragraph() -> None:
    lists = ListNumbering(RESOLUTION, None)
    assert lists.label(etree.fromstring(f"<w:tbl {NS}/>")) is None
    assert lists.label(para(1)) == Label("1.", "\t", 0, "1")


def test_counter_state_belongs_to_each_instance() -> None:
    first = ListNumbering(RESOLUTION, None)
    second = ListNumbering(RESOLUTION, None)
    assert [first.label(para(1)), first.label(para(1)), second.label(para(1))] == [
        Label("1.", "\t", 0, "1"),
        Label("2.", "\t", 0, "1"),
        Label("1.", "\t", 0, "1"),
    ]


def test_num_id_zero_means_no_list_even_if_a_num_zero_exists() -> None:
    part = numbering(abstract(0, lvl(0)), num(0, 0), num(1, 0))
    assert shown(part, None, [para(0), para("00"), para(1)]) == [None, None, "1."]


def test_an_internal_failure_leaves_the_paragraph_unnumbered(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(ListNumbering, "_index_styles", broken)
    lists = ListNumbering(RESOLUTION, styles(style("Normal", default=True)))
    assert lists.label(para(1)) is None  # the damaged parts are dropped, not half-used
    monkeypatch.undo()
    lists = ListNumbering(RESOLUTION, None)
    monkeypatch.setattr(lists, "_numbering_properties", broken)
    assert lists.label(para(1)) is None
