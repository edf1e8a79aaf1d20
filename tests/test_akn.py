"""resdraft.to_akn / from_akn and resdraft.validate: the XML written, its validity against the
OASIS XSD and the AKN4UN profile, determinism, the round trip, and safe XML reading."""

from __future__ import annotations

import pytest
from lxml import etree

import resdraft
from resdraft.model import Kind
from resdraft.validate import check_oasis, check_profile, safe_parser

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}

EN_DRAFT = """\
United Nations A/C.3/76/L.99
General Assembly Distr.: Limited
1 November 2021
Original: English

Seventy-sixth session
Third Committee
Agenda item 74 (c)
Promotion and protection of human rights

Austria, Chile and Norway: draft resolution

Protecting lighthouse keepers

The General Assembly,

*Recalling* its resolution 75/190 of 16 December 2020 and resolution 2730 (2024),

*Noting* the report of the Secretary-General,¹

1. *Decides* to act;

2. *Invites* States:

(a) To cooperate, including by:

(i) Sharing data;

(ii) Training staff;

(b) To report;

3. *Also requests* the Secretary-General to submit a report (A/76/500).¹

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

回顾其第75/190号决议，

又注意到秘书长的报告，[^1]

对灯塔事故造成的伤亡**深表遗憾**，

1. **决定**采取行动；

2. **鼓励**会员国：

(a) 加强合作，包括：

(一) 交流数据；

(二) 培训人员；

(b) 提交报告；

3. **又请**秘书长提交报告。

2021 年 12 月 16 日
第 54 次全体会议

[^1]: A/76/100。
"""

SC_EN = """\
Resolution 2730 (2024)

Adopted by the Security Council at its 9634th meeting, on 24 May 2024

The Security Council,

*Recalling* its resolutions 1373 (2001) and 2370 (2017),

*Acting* under Chapter VII of the Charter of the United Nations,

1. *Decides* that all States shall act;

2. *Decides* to remain actively seized of the matter.
"""

HRC_EN = """\
Resolution adopted by the Human Rights Council on 7 July 2025

59/5. The right to lighthouses

The Human Rights Council,

Recalling its resolutions,

1. Decides to act.
"""

SECTIONS = """\
United Nations A/80/L.5
General Assembly Distr.: Limited
3 March 2026
Original: English

Eightieth session
Agenda item 12

Kenya and Norway: draft resolution

Oceans and seas

The General Assembly,

*Recalling* its resolution 79/1,[^1]

I
Conservation

1. *Decides* to act;

2. *Requests* a report;

II
Cooperation

3. *Invites* States:

(a) To cooperate;

(b) To share data;

4. *Encourages* donors to contribute.

[^1]: See A/79/1.
"""

DUPLICATE = """\
United Nations A/80/L.6
General Assembly Distr.: Limited
3 March 2026
Original: English

Norway: draft resolution

Numbering

The General Assembly,

Recalling its resolutions,

1. Decides to act;

2. Requests a report;

2. Invites States to act;

3. Decides to remain seized of the matter.
"""

COMPOSITE = """\
Resolution adopted by the General Assembly on 16 December 2021

76/301. Questions of small territories

A
Territory one

The General Assembly,

Recalling its resolutions,

1. Decides to act;

B
Territory two

The General Assembly,

Noting the report,

1. Requests a report.
"""

CLEAN = {"en-draft": EN_DRAFT, "zh-adopted": ZH_ADOPTED, "sc": SC_EN, "hrc": HRC_EN, "sections": SECTIONS}


def xml_of(text: str) -> bytes:
    return resdraft.to_akn(resdraft.parse(text))


def tree(text: str) -> etree._Element:
    return etree.fromstring(xml_of(text), safe_parser())


def xp(node: etree._Element, path: str):
    return node.xpath(path, namespaces=NS)


# --- validity ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_clean_inputs_are_xsd_and_profile_valid(name):
    doc = tree(CLEAN[name])
    assert check_oasis(doc) == []
    assert check_profile(doc) == []


def test_duplicate_section_label_output_is_still_xsd_valid():
    text = (
        "The General Assembly,\n\nRecalling its resolutions,\n\nI\nFirst\n\n1. Decides to act;\n\n"
        "I\nSecond\n\n1. Requests a report.\n"
    )
    doc = tree(text)
    assert check_oasis(doc) == []


def test_duplicate_number_output_is_still_xsd_valid():
    doc = tree(DUPLICATE)
    assert check_oasis(doc) == []
    assert xp(doc, "//a:mainBody/a:paragraph/@eId") == ["para_1", "para_2", "para_2_2", "para_3"]


def test_composite_resolution_is_xsd_valid_with_parts():
    doc = tree(COMPOSITE)
    assert check_oasis(doc) == []
    assert xp(doc, "//a:mainBody/a:part/a:num/text()") == ["A", "B"]
    assert xp(doc, "//a:part/a:intro/a:p[@class='formula']/text()") == ["The General Assembly,"] * 2


# --- specific XML facts --------------------------------------------------------------------


def test_statement_name_resolution_vs_draft():
    assert xp(tree(ZH_ADOPTED), "string(a:statement/@name)") == "resolution"
    assert xp(tree(SC_EN), "string(a:statement/@name)") == "resolution"
    assert xp(tree(EN_DRAFT), "string(a:statement/@name)") == "resolutionDraft"
    assert resdraft.parse(EN_DRAFT).kind is Kind.DRAFT


def test_frbr_work_iri_and_language_chinese_adopted():
    doc = tree(ZH_ADOPTED)
    work = "/akn/un/statement/deliberation/un-ga/2021-12-16/76-177"
    assert xp(doc, "string(//a:FRBRWork/a:FRBRuri/@value)") == work
    assert xp(doc, "string(//a:FRBRWork/a:FRBRthis/@value)") == work + "/!main"
    assert xp(doc, "string(//a:FRBRWork/a:FRBRdate/@date)") == "2021-12-16"
    assert xp(doc, "string(//a:FRBRWork/a:FRBRsubtype/@value)") == "deliberation"
    assert xp(doc, "string(//a:FRBRWork/a:FRBRnumber/@showAs)") == "76/177"
    assert xp(doc, "string(//a:FRBRExpression/a:FRBRlanguage/@language)") == "zho"
    assert xp(doc, "string(//a:FRBRExpression/a:FRBRuri/@value)") == work + "/zho@2021-12-16"
    assert xp(doc, "string(//a:meta/a:publication/@showAs)") == "A/RES/76/177"


def test_frbr_language_english_and_actors():
    assert xp(tree(EN_DRAFT), "string(//a:FRBRExpression/a:FRBRlanguage/@language)") == "eng"
    sc = xp(tree(SC_EN), "string(//a:FRBRWork/a:FRBRuri/@value)")
    assert sc.startswith("/akn/un/statement/deliberation/un-sc/2024-05-24/")
    assert xp(tree(HRC_EN), "string(//a:FRBRWork/a:FRBRuri/@value)") == (
        "/akn/un/statement/deliberation/un-hrc/2025-07-07/59-5"
    )


def test_unknown_date_is_a_placeholder_the_profile_reports():
    doc = tree("The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act.\n")
    assert xp(doc, "string(//a:FRBRWork/a:FRBRdate/@date)") == "0001-01-01"
    assert xp(doc, "string(//a:FRBRWork/a:FRBRdate/@name)") == "unknown"
    assert check_oasis(doc) == []
    assert any("date" in v.message for v in check_profile(doc))


def test_organ_formula_element():
    doc = tree(EN_DRAFT)
    (formula,) = xp(doc, "//a:preamble/a:formula")
    assert formula.get("name") == "enactingFormula"
    assert xp(formula, "string(a:p)") == "The General Assembly,"


def test_preambular_containers_are_numbered():
    doc = tree(EN_DRAFT)
    assert xp(doc, "//a:preamble/a:container/@eId") == ["preamble__container_1", "preamble__container_2"]
    assert set(xp(doc, "//a:preamble/a:container/@name")) == {"preambularParagraph"}


@pytest.mark.parametrize(
    ("text", "printed"),
    [(EN_DRAFT, ["(a)", "(i)", "(ii)", "(b)"]), (ZH_ADOPTED, ["(a)", "(一)", "(二)", "(b)"])],
    ids=["en-a-i", "zh-a-yi"],
)
def test_item_eids_are_language_independent(text, printed):
    doc = tree(text)
    eids = xp(doc, "//a:paragraph[@eId='para_2']//a:point/@eId")
    assert eids == [
        "para_2__list_1__point_a",
        "para_2__list_1__point_a__list_1__point_i",
        "para_2__list_1__point_a__list_1__point_ii",
        "para_2__list_1__point_b",
    ]
    # the printed label stays in <num>
    assert xp(doc, "//a:paragraph[@eId='para_2']//a:point/a:num/text()") == printed


def test_paragraph_with_items_has_intro_and_list_and_no_content():
    doc = tree(EN_DRAFT)
    (para,) = xp(doc, "//a:paragraph[@eId='para_2']")
    assert xp(para, "a:content") == []
    assert xp(para, "string(a:list/a:intro/a:p)") == "Invites States:"
    assert xp(para, "string(a:num)") == "2."
    (plain,) = xp(doc, "//a:paragraph[@eId='para_1']")
    assert xp(plain, "a:list") == []
    assert xp(plain, "string(a:content/a:p)") == "Decides to act;"
    # a point with nested points has its own intro + list
    (point_a,) = xp(para, "a:list/a:point[@eId='para_2__list_1__point_a']")
    assert xp(point_a, "string(a:list/a:intro/a:p)") == "To cooperate, including by:"


def test_operative_and_preambular_phrases_are_inline_elements():
    doc = tree(EN_DRAFT)
    assert xp(doc, "//a:inline[@name='operativePhrase']/text()") == ["Decides", "Invites", "Also requests"]
    assert xp(doc, "//a:inline[@name='preambularPhrase']/text()") == ["Recalling", "Noting"]
    # no presentational mark-up is stored
    assert xp(doc, "//a:i | //a:b") == []


def test_fronted_chinese_phrase_inline_in_the_middle_of_the_paragraph():
    doc = tree(ZH_ADOPTED)
    (p,) = xp(doc, "//a:preamble/a:container[@eId='preamble__container_3']/a:p")
    assert p.text == "对灯塔事故造成的伤亡"
    (inline,) = p
    assert (inline.get("name"), inline.text, inline.tail) == ("preambularPhrase", "深表遗憾", "，")


def test_authorial_note_at_the_callout_with_printed_marker_removed():
    doc = tree(EN_DRAFT)
    (note,) = xp(doc, "//a:preamble//a:authorialNote")
    assert (note.get("marker"), note.get("placement"), note.get("eId")) == ("1", "bottom", "authorialNote_1")
    assert "".join(note.itertext()) == "A/76/123."
    (p,) = xp(doc, "//a:preamble/a:container[@eId='preamble__container_2']/a:p")
    sup = note.getparent()
    assert sup.getparent() is p
    assert sup.tail is None  # the call-out ends the paragraph
    text_without_note = (p.text or "") + "".join(
        (c.text or "") + (c.tail or "") for c in p if etree.QName(c).localname != "sup"
    )
    assert text_without_note == "Noting the report of the Secretary-General,"
    assert "¹" not in etree.tostring(doc, encoding="unicode")
    # the second call-out of the same note does not repeat its text
    (again,) = xp(doc, "//a:paragraph[@eId='para_3']//a:sup")
    assert xp(again, "a:authorialNote") == [] and again.text == "1"


def test_missing_footnote_text_and_orphan_text():
    text = (
        "The General Assembly,\n\nRecalling its resolution,[^1]\n\n1. Decides to act.[^2]\n\n"
        "54th plenary meeting\n16 December 2021\n\n[^1]: Known.\n[^3]: Orphan text.\n"
    )
    doc = tree(text)
    assert check_oasis(doc) == []
    (missing,) = xp(doc, "//a:authorialNote[@class='missing']")
    assert missing.get("marker") == "2"
    (orphan,) = xp(doc, "//a:meta/a:notes/a:note[@class='orphan']")
    assert orphan.get("marker") == "3" and "".join(orphan.itertext()).strip() == "Orphan text."
    messages = [v.message for v in check_profile(doc)]
    assert any("Footnote 2 is called out but has no text" in m for m in messages)
    assert any("Footnote 3 has a text but no call-out" in m for m in messages)


def test_citations_become_refs():
    doc = tree(EN_DRAFT)
    hrefs = xp(doc, "//a:preamble//a:ref/@href")
    assert "/akn/un/statement/deliberation/un-ga/2020-12-16/75-190" in hrefs
    assert any(h.startswith("/akn/un/statement/deliberation/un-sc/2024/2730") for h in hrefs)
    assert "/akn/un/doc/A-76-500" in xp(doc, "//a:mainBody//a:ref/@href")


def test_header_and_closing_lines():
    doc = tree(ZH_ADOPTED)
    assert xp(doc, "string(//a:preface//a:docNumber)") == "76/177"
    assert xp(doc, "string(//a:preface//a:docTitle)") == "灯塔看守人的权利"
    assert xp(doc, "string(//a:session/@value)") == "76"
    assert xp(doc, "string(//a:conclusions//a:docDate/@date)") == "2021-12-16"
    (event,) = xp(doc, "//a:conclusions//a:event")
    assert event.text == "第 54 次全体会议" and event.get("refersTo") == "#meeting-54"
    assert xp(doc, "//a:references/a:TLCEvent[@eId='meeting-54']")


# --- determinism and the round trip ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_identical_input_gives_identical_bytes(name):
    first = xml_of(CLEAN[name])
    second = xml_of(CLEAN[name])
    assert first == second
    assert first.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<akomaNtoso")


def test_output_does_not_depend_on_the_path(tmp_path):
    one = tmp_path / "one.md"
    two = tmp_path / "sub" / "two.txt"
    two.parent.mkdir()
    one.write_text(EN_DRAFT, encoding="utf-8")
    two.write_text(EN_DRAFT, encoding="utf-8")
    assert resdraft.to_akn(resdraft.parse(one)) == resdraft.to_akn(resdraft.parse(two)) == xml_of(EN_DRAFT)


ROUND_TRIP = {
    **CLEAN,
    "duplicate": DUPLICATE,
    "composite": COMPOSITE,
    "notes": "The General Assembly,\n\nRecalling its resolution,[^1] and the report,[^2]\n\n"
    "1. Decides[^1] to act.[^3]\n\n[^1]: First & <second>.\n[^2]: Second.\n[^4]: Orphan.\n",
    "stray-and-bis": "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n"
    "Noting the report,\n\n1 bis. Stresses data;\n\n2. Requests a report.\n",
    "preamble-items": "The General Assembly,\n\nRecalling the following:\n\n(a) One;\n\n(b) Two,\n\n"
    "1. Decides to act.\n",
    "annex": "The General Assembly,\n\nRecalling its resolutions,\n\n1. Adopts the declaration.\n\n"
    "74th plenary meeting\n16 December 2021\n\nAnnex\n\nWe declare that lighthouses matter.\n",
    "unnumbered": "Resolution 2731 (2024)\n\nThe Security Council,\n\n"
    "Recalling its resolutions,\n\nAdopts the report.\n",
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIP))
def test_round_trip_is_byte_identical(name):
    xml = xml_of(ROUND_TRIP[name])
    again = resdraft.from_akn(xml)
    assert resdraft.to_akn(again) == xml


@pytest.mark.parametrize("name", sorted(ROUND_TRIP))
def test_eids_are_unique_and_output_xsd_valid(name):
    doc = tree(ROUND_TRIP[name])
    eids = xp(doc, "//@eId")
    assert len(eids) == len(set(eids))
    assert check_oasis(doc) == []


def test_round_trip_model_equality_for_plain_text():
    text = (
        "The General Assembly,\n\nRecalling its resolution,¹\n\n"
        "1. Decides to act:\n\n(a) Now;\n\n(b) Later.\n\n¹ Note.\n"
    )
    res = resdraft.parse(text)
    back = resdraft.from_akn(resdraft.to_akn(res))
    assert back == res
    assert back.operative[0].items[1].key == "b"
    assert back.footnotes[0].text.text == "Note."


def test_from_akn_reads_header_facts_back():
    back = resdraft.from_akn(xml_of(ZH_ADOPTED))
    assert back.language == "zh"
    assert back.kind is Kind.ADOPTED
    assert (back.header.number, back.header.adopted_date, back.header.session) == ("76/177", "2021-12-16", 76)
    assert back.closing is not None and back.closing.date == "2021-12-16"
    assert [p.phrase.text for p in back.preamble] == ["回顾", "又注意到", "深表遗憾"]
    assert back.preamble[2].phrase.offset == 10


def test_parse_of_an_xml_path_goes_through_from_akn(tmp_path, monkeypatch):
    xml = xml_of(EN_DRAFT)
    path = tmp_path / "draft.xml"
    path.write_bytes(xml)
    import resdraft.akn_read

    calls = []
    real = resdraft.akn_read.from_akn

    def spy(data):
        calls.append(data)
        return real(data)

    monkeypatch.setattr(resdraft.akn_read, "from_akn", spy)
    res = resdraft.parse(path)
    assert calls == [xml]
    assert res.path == str(path)
    assert resdraft.to_akn(res) == xml


def test_parse_of_xml_bytes_is_read_back():
    xml = xml_of(SC_EN)
    assert resdraft.to_akn(resdraft.parse(xml)) == xml


# --- profile violations --------------------------------------------------------------------


def test_profile_reports_non_consecutive_numbering():
    gap = DUPLICATE.replace("2. Invites", "4. Invites").replace("3. Decides", "5. Decides")
    doc = tree(gap)
    assert check_oasis(doc) == []
    violations = check_profile(doc)
    assert any("numbered 4 stands in position 3" in v.message for v in violations)
    assert all(v.xpath.startswith("/akomaNtoso/statement") for v in violations)
    assert any(v.xpath.endswith("mainBody/paragraph[3]") for v in violations)


def test_profile_reports_a_duplicate_number():
    messages = [v.message for v in check_profile(tree(DUPLICATE))]
    assert any("numbered 2 stands in position 3" in m for m in messages)


def test_profile_reports_a_bis_label():
    text = DUPLICATE.replace("2. Invites", "2 bis. Invites")
    messages = [v.message for v in check_profile(tree(text))]
    assert any('"2 bis."' in m and "plain arabic number" in m for m in messages)


def test_profile_reports_the_unnumbered_paragraph_among_numbered_ones():
    text = DUPLICATE.replace("2. Invites States to act;", "Noting the report,")
    messages = [v.message for v in check_profile(tree(text))]
    assert any("unnumbered paragraph" in m for m in messages)


def test_profile_does_not_call_consecutive_numbering_around_a_stray_paragraph_non_consecutive():
    text = DUPLICATE.replace("2. Invites States to act;", "Noting the report,")
    messages = [v.message for v in check_profile(tree(text))]
    assert not any("not consecutive" in m for m in messages), messages


def test_profile_reports_footnotes_out_of_order():
    text = (
        "United Nations A/80/L.8\nGeneral Assembly Distr.: Limited\n3 March 2026\n\nNorway: draft resolution\n\n"
        "Notes\n\nThe General Assembly,\n\nRecalling its resolution,[^2] and the report,[^1]\n\n"
        "1. Decides to act.\n\n[^1]: One.\n[^2]: Two.\n"
    )
    messages = [v.message for v in check_profile(tree(text))]
    assert any("not numbered in order of first appearance" in m for m in messages)


# --- unsafe or foreign XML -----------------------------------------------------------------


def _with_doctype(xml: bytes, padding: bytes = b"", use_entity: bool = True) -> bytes:
    body = xml.split(b"\n", 1)[1]
    if use_entity:
        body = body.replace(b"to act;", b"to act &boom;;", 1)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + padding
        + b'<!DOCTYPE akomaNtoso [<!ENTITY boom "BOOM">]>\n'
        + body
    )


def test_xml_with_a_dtd_and_entity_is_refused():
    evil = _with_doctype(xml_of(EN_DRAFT))
    with pytest.raises(resdraft.ResdraftError, match="DTD"):
        resdraft.from_akn(evil)
    with pytest.raises(resdraft.ResdraftError):
        resdraft.parse(evil)


def test_xml_file_with_a_dtd_is_refused(tmp_path):
    path = tmp_path / "evil.xml"
    path.write_bytes(_with_doctype(xml_of(EN_DRAFT)))
    with pytest.raises(resdraft.ResdraftError):
        resdraft.parse(path)


def test_xml_with_a_dtd_after_a_long_prolog_is_refused():
    evil = _with_doctype(xml_of(EN_DRAFT), padding=b"<!--" + b"x" * 5000 + b"-->\n", use_entity=False)
    with pytest.raises(resdraft.ResdraftError):
        resdraft.from_akn(evil)


def test_xml_comment_inside_a_paragraph_is_tolerated():
    xml = xml_of(EN_DRAFT).replace(b"</inline> to act;", b"</inline> <!-- a comment -->to act;", 1)
    res = resdraft.from_akn(xml)
    assert res.operative[0].text.text == "Decides to act;"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<?xml version='1.0'?><akomaNtoso><unclosed></akomaNtoso>", "well-formed"),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>", "akomaNtoso"),
        (b"<?xml version='1.0'?><akomaNtoso xmlns='" + AKN.encode() + b"'><act/></akomaNtoso>", "statement"),
    ],
    ids=["malformed", "not-akn", "no-statement"],
)
def test_foreign_xml_is_a_resdraft_error(data, message):
    with pytest.raises(resdraft.ResdraftError, match=message):
        resdraft.from_akn(data)


def test_a_footnote_on_the_title_is_kept_and_read_back():
    text = (
        "A/RES/80/9\n\n80/9. Lighthouse keepers[^1]\n\nThe General Assembly,\n\n*Recalling* its resolution 79/1,[^2]"
        "\n\n1. *Decides* to act.\n\n[^1]: Reissued for technical reasons.\n\n[^2]: See A/79/1.\n"
    )
    res = resdraft.parse(text)
    xml = resdraft.to_akn(res)
    doc = etree.fromstring(xml, safe_parser())
    assert xp(doc, "string(//a:preface//a:docTitle)") == "Lighthouse keepers"
    assert xp(doc, "//a:preface//a:authorialNote/@marker") == ["1"]
    assert not xp(doc, "//a:meta/a:notes")  # not an orphan
    again = resdraft.from_akn(xml)
    assert again.header.lines[-1].notes[0].marker == "1"
    assert resdraft.to_akn(again) == xml
