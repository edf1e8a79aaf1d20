"""resdraft.parse: text -> document model (header facts, formula, preamble, operative part,
items, closing block, footnotes), and what it refuses."""

from __future__ import annotations

import pytest

import resdraft
from resdraft.akn import work_date
from resdraft.model import Emphasis, HeaderField, Kind, Organ

EN_DRAFT = """\
United Nations A/C.3/76/L.99
General Assembly Distr.: Limited
1 November 2021
Original: English

Seventy-sixth session
Third Committee
Agenda item 74 (c)
Promotion and protection of human rights: human rights situations

Austria, Chile and Norway: draft resolution

Protecting lighthouse keepers

The General Assembly,

*Recalling* its resolution 75/190 of 16 December 2020,

*Recalling also* the report of the Secretary-General,¹

*Deeply concerned* by accidents at sea,

1. *Decides* to act;

2. *Requests* the Secretary-General to report;

3. *Also requests* the Secretary-General to submit a further report.

¹ A/76/123.
"""

ZH_ADOPTED = """\
A/RES/76/177

Distr.: General
20 December 2021

第七十六届会议

议程项目 74 (c)

2021 年 12 月 16 日大会决议

[根据第三委员会的报告(A/76/462/Add.3，第34段)通过]

76/177. 灯塔看守人的权利

大会，

回顾其以往各项决议，

又注意到秘书长的报告，¹

对灯塔事故造成的伤亡**深表遗憾**，

强调指出 朝鲜应遵守义务，

1. **决定**采取行动；

2. **又请**秘书长提交报告。

2021 年 12 月 16 日
第 54 次全体会议

¹ A/76/100。
"""

SC_EN = """\
Resolution 2730 (2024)

Adopted by the Security Council at its 9634th meeting, on 24 May 2024

The Security Council,

*Recalling* its previous resolutions,

*Acting* under Chapter VII of the Charter of the United Nations,

1. *Decides* to remain actively seized of the matter.
"""

GA = "The General Assembly,\n\nRecalling its resolutions,\n\n"


def labels(items):
    return [(i.label, i.key, i.level) for i in items]


# --- headers -------------------------------------------------------------------------------


def test_english_draft_header_facts():
    res = resdraft.parse(EN_DRAFT)
    h = res.header
    assert res.language == "en"
    assert res.organ is Organ.GA
    assert res.kind is Kind.DRAFT
    assert h.symbol == "A/C.3/76/L.99"
    assert h.issue_date == "2021-11-01"
    assert h.session == 76
    assert h.committee == 3
    assert h.agenda_item == "74 (c)"
    assert h.sponsors == ["Austria", "Chile", "Norway"]
    assert h.title == "Protecting lighthouse keepers"
    assert h.adopted_date is None
    fields = [ln.field for ln in h.lines]
    assert fields == [
        HeaderField.SYMBOL,
        HeaderField.DISTRIBUTION,
        HeaderField.ISSUE_DATE,
        HeaderField.ORIGINAL,
        HeaderField.SESSION,
        HeaderField.COMMITTEE,
        HeaderField.AGENDA_ITEM,
        HeaderField.AGENDA_TITLE,
        HeaderField.SPONSORS,
        HeaderField.TITLE,
    ]
    assert h.line(HeaderField.AGENDA_TITLE).text.startswith("Promotion and protection")


@pytest.mark.parametrize(
    ("words", "number"),
    [("Seventy-sixth", 76), ("Eightieth", 80), ("Eighty-first", 81), ("Twenty-fifth", 25)],
)
def test_english_session_words_become_an_integer(words, number):
    text = EN_DRAFT.replace("Seventy-sixth session", f"{words} session")
    assert resdraft.parse(text).header.session == number


def test_chinese_adopted_header_facts():
    res = resdraft.parse(ZH_ADOPTED)
    h = res.header
    assert res.language == "zh"
    assert res.organ is Organ.GA
    assert res.kind is Kind.ADOPTED
    assert h.symbol == "A/RES/76/177"
    assert h.session == 76
    assert h.agenda_item == "74 (c)"
    assert h.adopted_date == "2021-12-16"
    assert h.issue_date == "2021-12-20"
    assert h.committee == 3
    assert h.report_symbols == ["A/76/462/Add.3"]
    assert h.number == "76/177"
    assert h.title == "灯塔看守人的权利"
    assert h.line(HeaderField.REPORT).text == "[根据第三委员会的报告(A/76/462/Add.3，第34段)通过]"


def test_security_council_header():
    res = resdraft.parse(SC_EN)
    h = res.header
    assert res.organ is Organ.SC
    assert res.kind is Kind.ADOPTED
    assert h.number == "2730 (2024)"
    assert h.adopted_date == "2024-05-24"
    assert h.meeting == "9634th"
    assert h.title is None
    assert [ln.field for ln in h.lines] == [HeaderField.SC_SYMBOL, HeaderField.SC_ADOPTED]


def test_chinese_security_council_header():
    text = (
        "第 2730 (2024) 号决议\n\n2024 年 5 月 24 日安全理事会第 9634 次会议通过\n\n"
        "安全理事会，\n\n回顾其以往各项决议，\n\n1. 决定继续积极处理此案。\n"
    )
    res = resdraft.parse(text)
    assert res.organ is Organ.SC
    assert res.header.number == "2730 (2024)"
    assert res.header.adopted_date == "2024-05-24"
    assert res.header.title is None


def test_human_rights_council_adopted_header():
    text = (
        "Resolution adopted by the Human Rights Council on 7 July 2025\n\n"
        "59/5. The right to lighthouses\n\n"
        "The Human Rights Council,\n\nRecalling its resolutions,\n\n1. Decides to act.\n"
    )
    res = resdraft.parse(text)
    assert res.organ is Organ.HRC
    assert res.kind is Kind.ADOPTED
    assert (res.header.number, res.header.title, res.header.adopted_date) == (
        "59/5",
        "The right to lighthouses",
        "2025-07-07",
    )


# --- organ formulas ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("formula", "organ", "lang"),
    [
        ("The General Assembly,", Organ.GA, "en"),
        ("The Security Council,", Organ.SC, "en"),
        ("The Human Rights Council,", Organ.HRC, "en"),
        ("The Economic and Social Council,", Organ.ECOSOC, "en"),
        ("大会，", Organ.GA, "zh"),
        ("安全理事会，", Organ.SC, "zh"),
        ("人权理事会，", Organ.HRC, "zh"),
        ("经济及社会理事会，", Organ.ECOSOC, "zh"),
    ],
)
def test_organ_formula(formula, organ, lang):
    body = {
        "en": "Recalling its resolutions,\n\n1. Decides to act.\n",
        "zh": "回顾其以往决议，\n\n1. 决定采取行动。\n",
    }[lang]
    res = resdraft.parse(f"{formula}\n\n{body}")
    assert res.formula is not None
    assert res.formula.text == formula
    assert res.formula.organ is organ
    assert res.organ is organ
    assert res.language == lang
    assert len(res.preamble) == 1 and len(res.operative) == 1


def test_lang_argument_overrides_detection():
    res = resdraft.parse("The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act.\n", lang="en")
    assert res.language == "en"


# --- counts and opening phrases ------------------------------------------------------------


def test_preamble_and_operative_counts():
    res = resdraft.parse(EN_DRAFT)
    assert len(res.preamble) == 3
    assert len(res.operative) == 3
    assert [p.number for p in res.all_operative()] == [1, 2, 3]
    zh = resdraft.parse(ZH_ADOPTED)
    assert (len(zh.preamble), len(zh.operative)) == (4, 2)


def test_english_phrases_with_emphasis():
    res = resdraft.parse(EN_DRAFT)
    assert [p.phrase.text for p in res.preamble] == ["Recalling", "Recalling also", "Deeply concerned"]
    assert [p.phrase.text for p in res.operative] == ["Decides", "Requests", "Also requests"]
    assert all(p.phrase.emphasis is Emphasis.ITALIC for p in res.preamble + res.operative)
    assert all(p.phrase.offset == 0 for p in res.preamble + res.operative)


def test_plain_text_phrases_are_found_from_the_lexicon():
    text = GA.replace("Recalling its", "Recalling also its") + "1. Decides to act;\n\n2. Requests a report.\n"
    res = resdraft.parse(text)
    assert res.preamble[0].phrase.text == "Recalling also"
    assert res.preamble[0].phrase.emphasis is Emphasis.UNKNOWN
    assert [p.phrase.text for p in res.operative] == ["Decides", "Requests"]


@pytest.mark.parametrize(
    ("opening", "phrase"),
    [
        ("Also requests", "Also requests"),
        ("Further invites", "Further invites"),
        ("Strongly condemns", "Strongly condemns"),
        ("Decides also", "Decides also"),
        ("Notes with concern", "Notes with concern"),
    ],
)
def test_plain_text_prefixed_operative_phrase(opening, phrase):
    res = resdraft.parse(GA + f"1. Requests a report;\n\n2. {opening} the Secretary-General to act.\n")
    assert res.operative[1].phrase.text == phrase
    assert res.operative[1].phrase.emphasis is Emphasis.UNKNOWN


def test_chinese_phrases():
    res = resdraft.parse(ZH_ADOPTED)
    phrases = [(p.phrase.text, p.phrase.offset) for p in res.preamble]
    assert phrases == [("回顾", 0), ("又注意到", 0), ("深表遗憾", 10), ("强调指出", 0)]
    fronted = res.preamble[2]
    assert fronted.text.text == "对灯塔事故造成的伤亡深表遗憾，"
    assert fronted.phrase.emphasis is Emphasis.BOLD
    assert [(p.phrase.text, p.phrase.emphasis) for p in res.operative] == [
        ("决定", Emphasis.BOLD),
        ("又请", Emphasis.BOLD),
    ]


def test_fronted_chinese_phrase_without_emphasis_is_found_at_the_end_of_the_clause():
    res = resdraft.parse("大会，\n\n对灯塔事故造成的伤亡深表遗憾，\n\n1. 决定采取行动。\n")
    phrase = res.preamble[0].phrase
    assert (phrase.text, phrase.offset) == ("深表遗憾", 10)


def test_stray_pdf_space_after_chinese_phrase_is_removed():
    res = resdraft.parse(ZH_ADOPTED)
    assert res.preamble[3].text.text == "强调指出朝鲜应遵守义务，"


def test_space_before_latin_after_chinese_phrase_is_kept():
    res = resdraft.parse("大会，\n\n强调指出 UNESCO的作用，\n\n1. 决定采取行动。\n")
    assert res.preamble[0].text.text == "强调指出 UNESCO的作用，"


# --- items ---------------------------------------------------------------------------------


def test_english_items_a_then_roman():
    text = GA + (
        "1. Invites States:\n\n(a) To act, including by:\n\n(i) Doing one thing;\n\n"
        "(ii) Doing another;\n\n(b) To report.\n"
    )
    (op,) = resdraft.parse(text).operative
    assert op.text.text == "Invites States:"
    assert labels(op.items) == [("(a)", "a", 1), ("(b)", "b", 1)]
    assert labels(op.items[0].items) == [("(i)", "i", 2), ("(ii)", "ii", 2)]
    assert op.items[0].text.text == "To act, including by:"
    assert op.items[0].items[1].text.text == "Doing another;"


def test_chinese_items_a_then_cjk_numerals():
    text = (
        "大会，\n\n回顾其决议，\n\n1. 决定：\n\n(a) 第一项措施：\n\n"
        "(一) 措施甲；\n\n(二) 措施乙；\n\n(b) 第二项措施。\n"
    )
    (op,) = resdraft.parse(text).operative
    assert labels(op.items) == [("(a)", "a", 1), ("(b)", "b", 1)]
    assert labels(op.items[0].items) == [("(一)", "i", 2), ("(二)", "ii", 2)]
    assert op.items[0].items[0].text.text == "措施甲；"


def test_i_after_h_is_the_letter_i():
    letters = "abcdefghij"
    items = "\n\n".join(f"({c}) Measure {c};" for c in letters)
    (op,) = resdraft.parse(GA + "1. Invites States to consider:\n\n" + items + "\n").operative
    assert labels(op.items) == [(f"({c})", c, 1) for c in letters]
    assert op.items[8].text.text == "Measure i;"
    assert all(not item.items for item in op.items)


def test_i_after_a_lead_in_ending_in_a_colon_is_roman_level_2():
    text = (
        GA
        + "1. Invites States:\n\n(a) To act;\n\n(b) To cooperate, including by:\n\n"
        + "(i) Sharing data;\n\n(c) To report.\n"
    )
    (op,) = resdraft.parse(text).operative
    assert labels(op.items) == [("(a)", "a", 1), ("(b)", "b", 1), ("(c)", "c", 1)]
    assert labels(op.items[1].items) == [("(i)", "i", 2)]


def test_v_after_u_is_a_letter_and_v_after_iv_is_roman():
    letters = "abcdefghijklmnopqrstuv"
    items = "\n\n".join(f"({c}) Measure {c};" for c in letters)
    (op,) = resdraft.parse(GA + "1. Invites States:\n\n" + items + "\n").operative
    assert op.items[-1].key == "v" and op.items[-1].level == 1
    nested = (
        GA
        + "1. Invites States:\n\n(a) To act by:\n\n"
        + "\n\n".join(f"({r}) Step {r};" for r in ("i", "ii", "iii", "iv", "v"))
    )
    (op,) = resdraft.parse(nested + "\n").operative
    assert labels(op.items[0].items)[-1] == ("(v)", "v", 2)


# --- tolerated mistakes --------------------------------------------------------------------


def test_numbering_gap_and_duplicate_still_parse():
    text = (
        GA
        + "1. Decides to act;\n\n2. Requests a report;\n\n2. Invites States to act;\n\n4. Decides to remain seized.\n"
    )
    res = resdraft.parse(text)
    assert [(p.label, p.number) for p in res.operative] == [("1.", 1), ("2.", 2), ("2.", 2), ("4.", 4)]
    assert res.operative[2].text.text == "Invites States to act;"


def test_preambular_paragraph_after_op_3_is_an_unnumbered_operative_paragraph():
    text = GA + (
        "1. Decides to act;\n\n2. Requests a report;\n\n3. Invites States to act;\n\n"
        "Recognizing also the role of communities,\n\n4. Decides to remain seized of the matter.\n"
    )
    res = resdraft.parse(text)
    assert len(res.preamble) == 1
    assert [p.number for p in res.operative] == [1, 2, 3, None, 4]
    stray = res.operative[3]
    assert stray.label is None
    assert stray.text.text == "Recognizing also the role of communities,"
    assert stray.phrase.text == "Recognizing also"


def test_bis_label():
    res = resdraft.parse(
        GA + "5. Decides to act;\n\n5 bis. Stresses the importance of data;\n\n6. Requests a report.\n"
    )
    para = res.operative[1]
    assert (para.label, para.number, para.suffix) == ("5 bis.", 5, "bis")
    assert para.text.text == "Stresses the importance of data;"
    assert para.phrase.text == "Stresses"


def test_number_without_full_stop_before_an_operative_phrase():
    res = resdraft.parse(GA + "10. Requests a report;\n\n11 Decides to remain seized of the matter.\n")
    para = res.operative[1]
    assert (para.label, para.number) == ("11", 11)
    assert para.text.text == "Decides to remain seized of the matter."


def test_number_without_full_stop_before_ordinary_text_is_not_a_paragraph_number():
    res = resdraft.parse(GA + "1. Decides to meet on\n16 December 2026 in New York.\n")
    (op,) = res.operative
    assert op.text.text == "Decides to meet on 16 December 2026 in New York."


def test_missing_formula_with_a_resolution_header_still_parses():
    res = resdraft.parse("76/300. Protecting lighthouses\n\nRecalling its resolutions,\n\n1. Decides to act.\n")
    assert res.formula is None
    assert res.header.number == "76/300"
    assert res.organ is Organ.GA
    assert res.kind is Kind.ADOPTED
    assert len(res.preamble) == 1 and len(res.operative) == 1


def test_single_unnumbered_operative_paragraph():
    res = resdraft.parse(
        "Resolution 2731 (2024)\n\nThe Security Council,\n\nRecalling its resolutions,\n\nAdopts the report.\n"
    )
    assert len(res.preamble) == 1
    (op,) = res.operative
    assert op.label is None and op.number is None
    assert op.text.text == "Adopts the report."


@pytest.mark.parametrize(
    "text",
    [
        "Letter dated 1 May 2024 from the Permanent Representative addressed to the Secretary-General\n\n"
        "I have the honour to inform you of the following points:\n\n"
        "1. The meeting will take place in Geneva;\n\n2. The agenda is attached.\n\n"
        "I should be grateful if you would circulate this letter.\n",
        "Dear colleagues,\n\nPlease find the minutes below.\n",
        "",
        "\n\n   \n",
    ],
    ids=["letter-with-numbered-points", "memo", "empty", "blank"],
)
def test_not_a_resolution_is_refused(text):
    with pytest.raises(resdraft.NotAResolution) as err:
        resdraft.parse(text)
    assert isinstance(err.value, resdraft.ResdraftError)
    assert "not a resolution" in str(err.value)
    assert "\n" not in str(err.value)


# --- closing block and footnotes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "lang"),
    [
        (["54th plenary meeting", "16 December 2021"], "en"),
        (["16 December 2021", "54th plenary meeting"], "en"),
        (["2021年12月16日", "第54次全体会议"], "zh"),
        (["第54次全体会议", "2021年12月16日"], "zh"),
    ],
)
def test_closing_block_in_both_orders(lines, lang):
    body = GA + "1. Decides to act.\n\n" if lang == "en" else "大会，\n\n回顾其决议，\n\n1. 决定采取行动。\n\n"
    res = resdraft.parse(body + "\n".join(lines) + "\n")
    meeting = next(line for line in lines if "meeting" in line or "会议" in line)
    assert res.closing is not None
    assert res.closing.date == "2021-12-16"
    assert res.closing.meeting == meeting
    assert [ln.text for ln in res.closing.lines] == lines
    assert [ln.field for ln in res.closing.lines] == [
        HeaderField.MEETING if line == meeting else HeaderField.DATE for line in lines
    ]
    # the header has no adoption line; the Work date falls back to the closing block's date
    assert res.header.adopted_date is None
    assert work_date(res) == ("2021-12-16", "adoption")
    assert res.kind is Kind.ADOPTED
    assert len(res.operative) == 1


def test_footnote_texts_and_markers():
    res = resdraft.parse(EN_DRAFT)
    assert [(f.marker, f.text.text) for f in res.footnotes] == [("1", "A/76/123.")]
    pp = res.preamble[1]
    assert pp.text.text == "Recalling also the report of the Secretary-General,"
    assert [(n.marker, n.offset) for n in pp.text.notes] == [("1", len(pp.text.text))]
    zh = resdraft.parse(ZH_ADOPTED)
    assert [(f.marker, f.text.text) for f in zh.footnotes] == [("1", "A/76/100。")]
    assert [n.marker for n in zh.preamble[1].text.notes] == ["1"]


def test_footnote_definitions_after_the_closing_block():
    text = GA + "1. Decides to act.[^1]\n\n54th plenary meeting\n16 December 2021\n\n[^1]: See A/76/1.\n"
    res = resdraft.parse(text)
    assert res.closing is not None and res.closing.date == "2021-12-16"
    assert [(f.marker, f.text.text) for f in res.footnotes] == [("1", "See A/76/1.")]
    assert [n.marker for n in res.operative[0].text.notes] == ["1"]


ANNEXED = GA + (
    "1. Adopts the declaration annexed to the present resolution.\n\n"
    "74th plenary meeting\n16 December 2021\n\nAnnex\n\nDeclaration on lighthouses\n\n"
    "We declare that lighthouses matter.\n\nWe commit ourselves to maintain them.\n"
)


def test_annex_is_not_operative():
    res = resdraft.parse(ANNEXED)
    assert len(res.operative) == 1
    assert res.closing is not None and res.closing.date == "2021-12-16"
    (annex,) = res.annexes
    assert annex.heading == "Annex"
    assert "We commit ourselves to maintain them." in " ".join(p.text for p in annex.paragraphs)


def test_annex_title_and_paragraphs_stay_apart():
    (annex,) = resdraft.parse(ANNEXED).annexes
    assert annex.title == "Declaration on lighthouses"
    assert [p.text for p in annex.paragraphs] == [
        "We declare that lighthouses matter.",
        "We commit ourselves to maintain them.",
    ]


def test_sections_with_headings():
    text = GA + "I\nConservation\n\n1. Decides to act;\n\nII\nCooperation\n\n2. Invites States to cooperate.\n"
    res = resdraft.parse(text)
    assert res.operative == []
    assert [(s.label, s.heading) for s in res.sections] == [("I", "Conservation"), ("II", "Cooperation")]
    assert [p.number for p in res.all_operative()] == [1, 2]


# --- input forms and bugs ------------------------------------------------------------------


def test_parse_accepts_path_bytes_and_text(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(EN_DRAFT, encoding="utf-8")
    from_path = resdraft.parse(path)
    from_str_path = resdraft.parse(str(path))
    from_bytes = resdraft.parse(EN_DRAFT.encode("utf-8"))
    from_text = resdraft.parse(EN_DRAFT)
    assert from_path == from_str_path == from_bytes == from_text
    assert from_path.path == str(path)
    assert from_text.path is None


def test_missing_path_is_a_resdraft_error(tmp_path):
    with pytest.raises(resdraft.ResdraftError, match="no such file"):
        resdraft.parse(tmp_path / "absent.md")


def test_unsupported_language_is_a_resdraft_error():
    with pytest.raises(resdraft.ResdraftError, match="unsupported language"):
        resdraft.parse(GA + "1. Decides to act.\n", lang="xx")


def test_composite_resolution_with_parts():
    text = (
        "A\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act.\n\n"
        "B\n\nThe General Assembly,\n\nNoting the report,\n\n1. Requests a report.\n"
    )
    res = resdraft.parse(text)
    assert [(s.label, s.kind) for s in res.sections] == [("A", "part"), ("B", "part")]
    assert [len(s.paragraphs) for s in res.sections] == [1, 1]


def test_operative_number_alone_on_its_line():
    res = resdraft.parse(GA + "1.\nDecides to act;\n\n2.\nRequests a report.\n")
    assert len(res.preamble) == 1
    assert [(p.label, p.text.text) for p in res.operative] == [("1.", "Decides to act;"), ("2.", "Requests a report.")]


def test_reissued_symbol_keeps_its_asterisk():
    text = (
        "United Nations A/C.3/76/L.5*\nGeneral Assembly Distr.: Limited\n1 November 2021\n\n"
        "Norway: draft resolution\n\nLighthouses\n\n" + GA + "1. Decides to act.\n"
    )
    res = resdraft.parse(text)
    assert res.header.symbol == "A/C.3/76/L.5*"
    assert res.formatted is False


def test_traditional_characters_are_folded_for_matching_only():
    res = resdraft.parse("大會，\n\n回顾其决议，\n\n1. 又決定采取行动；\n\n2. 請秘书长报告。\n")
    assert res.formula is not None and res.formula.organ is Organ.GA
    assert [p.phrase.text for p in res.operative] == ["又決定", "請"]  # the text itself is not changed


@pytest.mark.parametrize(("traditional", "simplified"), [("回顧", "回顾"), ("銘記", "铭记")])
def test_traditional_preambular_phrases(traditional, simplified):
    res = resdraft.parse(f"大會，\n\n{traditional}其以往決議，\n\n1. 決定采取行动。\n")
    assert res.preamble[0].phrase is not None
    assert res.preamble[0].phrase.text == traditional


def test_hard_wrapped_figure_at_line_start_is_not_a_paragraph_number():
    text = GA + "1. Decides that the committee shall consist of\n15 members elected by the Assembly;\n\n2. Decides.\n"
    res = resdraft.parse(text)
    assert [p.number for p in res.operative] == [1, 2]
    assert (
        res.operative[0].text.text == "Decides that the committee shall consist of 15 members elected by the Assembly;"
    )


def test_hard_wrapped_cross_reference_is_not_an_item():
    text = GA + (
        "1. Decides to act;\n\n"
        "2. Requests the Secretary-General to include the measures referred to in paragraph 5\n"
        "(b) above in his report;\n\n"
        "3. Decides to remain seized.\n"
    )
    para = resdraft.parse(text).operative[1]
    assert para.items == []
    assert para.text.text.endswith("in paragraph 5 (b) above in his report;")


def test_language_detection_is_the_counting_rule_on_random_text() -> None:
    """detect counts only as far as the answer needs: the same answer as counting every
    ideograph and Latin letter of the sample."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from resdraft.lang import detect

    def counted(text: str) -> str:
        sample = text[:20000]
        cjk = len(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", sample))
        latin = len(re.findall(r"[A-Za-z]", sample))
        return "zh" if cjk * 5 > latin else "en"

    pieces = st.sampled_from(["a", "Z", "é", "’", "决议", "\uf900", "\u33ff", "1", " ", "\n", "\ud800", "Ａ"])
    runs = st.tuples(pieces, st.integers(1, 1200)).map(lambda run: run[0] * run[1])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(runs, max_size=40).map("".join))
    def agrees(text: str) -> None:
        assert detect(text).code == counted(text)

    agrees()


def test_the_cycle_collector_is_off_while_parsing_and_as_it_was_after(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from resdraft import normalize

    seen: list[bool] = []
    real = normalize.normalise

    def spy(text: str, lang: object) -> object:
        seen.append(gc.isenabled())
        return real(text, lang)  # type: ignore[arg-type]

    monkeypatch.setattr(normalize, "normalise", spy)
    text = "The General Assembly,\n\n1. *Decides* to remain seized of the matter.\n"
    assert gc.isenabled()
    resdraft.parse(text)
    assert seen == [False] and gc.isenabled()
    with pytest.raises(resdraft.NotAResolution):
        resdraft.parse("Dear colleagues, thank you.")
    assert gc.isenabled()  # turned on again after a refusal too
    gc.disable()
    try:
        resdraft.parse(text)
        assert not gc.isenabled()  # a caller's choice is left alone
    finally:
        gc.enable()


def test_language_patterns_are_compiled_when_first_asked_for() -> None:
    """Each pattern is compiled on its first use, and is then the same object; a name the
    language lacks is absent for ``get`` and a KeyError for ``[]``, as in a dict."""
    import re

    from resdraft.lang import CompiledPatterns

    patterns = CompiledPatterns({"date": r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)", "broken": "("})
    assert len(patterns) == 0
    date = patterns["date"]
    assert date.match("16 December")["month"] == "December"
    assert patterns.get("date") is date and patterns["date"] is date
    assert list(patterns) == ["date"]  # "broken" was never asked for, so never compiled
    assert patterns.get("joining_word") is None
    with pytest.raises(KeyError):
        patterns["joining_word"]
    with pytest.raises(re.error):
        patterns["broken"]


def test_every_language_pattern_compiles() -> None:
    """Compiling on first use must not hide a broken pattern until a text needs it."""
    from resdraft import lang as languages

    for code in languages.languages():
        language = languages.get(code)
        for name in language.patterns:
            assert language.compiled[name].pattern == language.patterns[name]
