"""A Word draft reads as the same resolution as its Markdown.

For every generated resolution (tests/strategies.py) the canonical Markdown is turned into the
Word document a drafter would have (tests/docx_factory.py: real footnotes, emphasis made in
several ways, runs split mid-word, rsids, proofing marks, bookmarks; numbers either typed or as
Word automatic numbering), and ``resdraft.parse`` of that ``.docx`` must give the model the
Markdown gives, every opening phrase with the same emphasis. Concrete drafts then check what a
Word file has and a text has not: tracked changes (accepted by default), comments, headers and
footers, fields (a PAGE field in the footer; REF, NOTEREF and HYPERLINK fields in the body,
whose displayed result is the text), character styles.

The oracle itself is checked against a minimal reading of the same packages in
tests/test_docx_factory.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx_factory import Para, Run, document, from_markdown
from hypothesis import given
from strategies import model_diff, resolutions

import resdraft
from resdraft.model import Emphasis, Resolution
from resdraft.render import render

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: the examples that are resolutions, with their language (draft-with-errors-en.md calls a
#: footnote that has no text: Word cannot hold such a call-out except as a typed superscript
#: number, which is no footnote, so it is left to the word-keeping test of the factory)
EXAMPLE_DRAFTS = {
    "draft-ga-en.md": "en",
    "draft-negotiation-en.md": "en",
    "resolution-ga-zh.md": "zh",
    "resolution-sc-en.md": "en",
}
NUMBERING = pytest.mark.parametrize("auto_numbering", [True, False], ids=["auto-numbering", "typed-numbers"])


# --- the oracle -------------------------------------------------------------------------------------


def opening_emphases(res: Resolution) -> list[tuple[str, str | None, Emphasis | None]]:
    """Where each preambular and operative paragraph stands, its opening phrase and the phrase's
    emphasis: what the emphasis rules (RD204, RD303) look at, compared first so that a failure
    names the paragraph."""
    out: list[tuple[str, str | None, Emphasis | None]] = []
    preambles = [("preamble", res.preamble)] + [(f"section {s.label} preamble", s.preamble) for s in res.sections]
    for where, paragraphs in preambles:
        for i, pp in enumerate(paragraphs, start=1):
            phrase = pp.phrase
            out.append((f"{where} {i}", phrase and phrase.text, phrase and phrase.emphasis))
    for i, op in enumerate(res.all_operative(), start=1):
        phrase = op.phrase
        out.append((f"operative {i} ({op.label})", phrase and phrase.text, phrase and phrase.emphasis))
    return out


def assert_reads_as(expected: Resolution, got: Resolution, text: str) -> None:
    """``got`` (read from Word) is the resolution ``expected`` (read from the Markdown ``text``):
    the same opening phrases with the same emphasis, and the same model (spans, which differ
    between the two inputs, are not compared)."""
    want, have = opening_emphases(expected), opening_emphases(got)
    wrong = [(w, h) for w, h in zip(want, have, strict=False) if w != h]
    assert not wrong and len(want) == len(have), f"opening phrases differ: {wrong[:3]}\n--- markdown ---\n{text}"
    diff = model_diff(expected, got)
    assert diff is None, f"{diff}\n--- markdown ---\n{text}"
    assert got == expected


# --- generated resolutions ----------------------------------------------------------------------------


@NUMBERING
@given(res=resolutions())
def test_a_word_draft_reads_as_its_markdown(auto_numbering: bool, res: Resolution) -> None:
    text = render(res)
    data = from_markdown(text, auto_numbering=auto_numbering, lang=res.language)
    assert_reads_as(resdraft.parse(text), resdraft.parse(data), text)


@NUMBERING
@pytest.mark.parametrize("name", sorted(EXAMPLE_DRAFTS))
def test_the_examples_as_word_drafts_read_as_their_markdown(name: str, auto_numbering: bool) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    data = from_markdown(text, auto_numbering=auto_numbering, lang=EXAMPLE_DRAFTS[name])
    assert_reads_as(resdraft.parse(text), resdraft.parse(data), text)


# --- concrete drafts ------------------------------------------------------------------------------------

HEADER = [
    "United Nations A/C.3/81/L.17",
    "General Assembly Distr.: Limited",
    "28 October 2026",
    "Original: English",
    "Eighty-first session",
    "Third Committee",
    "Agenda item 68 (b)",
    "Promotion and protection of human rights",
    "Albania, Chile and Ghana: draft resolution",
    "Ensuring the right to education in remote areas",
]
MARKDOWN_HEADER = "\n".join(HEADER[:4]) + "\n\n" + "\n".join(HEADER[4:8]) + "\n\n" + "\n\n".join(HEADER[8:])


def _draft(body: list[Para]) -> list[Para]:
    """The header lines and the formula, then ``body``."""
    return [*(Para([Run(line)]) for line in HEADER), Para([Run("The General Assembly,")]), *body]


def _markdown(*paragraphs: str) -> str:
    return "\n\n".join([MARKDOWN_HEADER, "The General Assembly,", *paragraphs]) + "\n"


@dataclass
class Case:
    """A Word draft built by hand and the Markdown it must read as (``revisions``: how its
    tracked changes are read)."""

    data: bytes
    markdown: str
    revisions: str = "accept"


def _tracked_body() -> list[Para]:
    return [
        Para(
            [
                Run("Recalling", italic=True),
                Run(" also", italic=True, deleted=True),
                Run(" its resolution 70/1 of 25 September 2015,"),
            ],
            "PreambularParagraph",
        ),
        Para(
            [
                Run("Decides", italic=True),
                Run(" to "),
                Run("further ", inserted=True),
                Run("consider"),
                Run(" carefully", deleted=True),
                Run(" the question at its eighty-second session."),
            ],
            num=(1, 0),
        ),
    ]


def tracked_changes_accepted() -> Case:
    """An inserted word counts, a deleted one does not — also a deleted word inside the
    italic opening phrase, which must not lengthen the phrase ("Recalling also")."""
    return Case(
        document(_draft(_tracked_body()), track_revisions=True),
        _markdown(
            "*Recalling* its resolution 70/1 of 25 September 2015,",
            "1. *Decides* to further consider the question at its eighty-second session.",
        ),
    )


def tracked_changes_rejected() -> Case:
    """The same draft with its changes rejected: as it stood before the edits."""
    return Case(
        document(_draft(_tracked_body()), track_revisions=True),
        _markdown(
            "*Recalling also* its resolution 70/1 of 25 September 2015,",
            "1. *Decides* to consider carefully the question at its eighty-second session.",
        ),
        revisions="reject",
    )


def comments_header_footer_fields() -> Case:
    """A comment (its range, its reference mark and its text), the running head, a footer
    with a job number and a PAGE field, and fields in the body: a HYPERLINK field (its URL is
    no text), a REF field to paragraph 1 (its result "1" is) and a NOTEREF field repeating
    footnote 1's call-out (its result is the call-out)."""
    body = [
        Para(
            [
                Run("Recalling", italic=True),
                Run(" its resolution "),
                Run("70/1", field=' HYPERLINK "https://undocs.org/en/A/RES/70/1" \\o "A/RES/70/1" '),
                Run(" of 25 September 2015,"),
                Run("", footnote=1, bookmark="_Ref181000001"),
            ],
            "PreambularParagraph",
        ),
        Para(
            [
                Run("Decides", italic=True, comment=1),
                Run(" to consider the question at its eighty-second session;", bookmark="_Ref181000002"),
            ],
            num=(1, 0),
        ),
        Para(
            [
                Run("Requests", italic=True),
                Run(" the Secretary-General to report on the implementation of paragraph "),
                Run("1", field=" REF _Ref181000002 \\r \\h "),
                Run(" above and of the resolution cited"),
                Run("1", style="FootnoteReference", field=" NOTEREF _Ref181000001 \\f \\h "),
                Run("."),
            ],
            num=(1, 0),
        ),
    ]
    footer = [Para([Run("24-22158 (E)"), Run("", tab=True), Run("2", field=" PAGE  \\* MERGEFORMAT ")])]
    data = document(
        _draft(body),
        footnotes={1: [Para([Run("See A/70/PV.4.")])]},
        comments={1: "Should this be “Requests”? (Norway)"},
        header="A/C.3/81/L.17",
        footer=footer,
    )
    return Case(
        data,
        _markdown(
            "*Recalling* its resolution 70/1 of 25 September 2015,[^1]",
            "1. *Decides* to consider the question at its eighty-second session;",
            "2. *Requests* the Secretary-General to report on the implementation of paragraph 1 above and of the "
            "resolution cited[^1].",
            "[^1]: See A/70/PV.4.",
        ),
    )


def character_styles_en() -> Case:
    """Italic through the Emphasis character style, in a paragraph whose style turns italic
    off; a phrase split over a directly italic run and a styled one."""
    body = [
        Para([Run("Recalling", style="Emphasis"), Run(" its resolution 70/1,")], "PreambularParagraph"),
        Para([Run("Reaff", italic=True), Run("irming", style="Emphasis"), Run(" its commitment,")]),
        Para([Run("Decides", style="Emphasis"), Run(" to consider the question at its next session.")], num=(1, 0)),
    ]
    return Case(
        document(_draft(body)),
        _markdown(
            "*Recalling* its resolution 70/1,",
            "*Reaffirming* its commitment,",
            "1. *Decides* to consider the question at its next session.",
        ),
    )


def character_styles_zh() -> Case:
    """Bold through the Strong character style and split over a direct and a styled run in
    Chinese; the plain Chinese preambular phrase stays plain."""
    body = [
        Para([Run("大会，")]),
        Para([Run("回顾其2015年9月25日第70/1号决议，")], "PreambularParagraph"),
        Para([Run("欢迎", style="Strong"), Run("各国在加强沿海复原力方面取得的进展；")], num=(2, 0)),
        Para(
            [Run("决", bold=True), Run("定", style="Strong"), Run("在大会第八十一届会议上继续审议这一问题。")],
            num=(2, 0),
        ),
    ]
    return Case(
        document(body),
        "大会，\n\n回顾其2015年9月25日第70/1号决议，\n\n1. **欢迎**各国在加强沿海复原力方面取得的进展；\n\n"
        "2. **决定**在大会第八十一届会议上继续审议这一问题。\n",
    )


def chinese_counting() -> Case:
    """Items numbered by Word at levels 1 and 2 of the Chinese list: (a), then (一)."""
    body = [
        Para([Run("大会，")]),
        Para([Run("回顾其2015年9月25日第70/1号决议，")]),
        Para([Run("鼓励", bold=True), Run("会员国酌情采取以下措施：")], num=(2, 0)),
        Para([Run("加强对沿海灾害风险的评估，包括：")], num=(2, 1)),
        Para([Run("绘制沿海地区灾害风险图；")], num=(2, 2)),
        Para([Run("收集灾害损失数据；")], num=(2, 2)),
        Para([Run("保护和恢复沿海生态系统；")], num=(2, 1)),
        Para([Run("决定", bold=True), Run("在大会第八十一届会议上继续审议这一问题。")], num=(2, 0)),
    ]
    return Case(
        document(body),
        "大会，\n\n回顾其2015年9月25日第70/1号决议，\n\n1. **鼓励**会员国酌情采取以下措施：\n\n"
        "(a) 加强对沿海灾害风险的评估，包括：\n\n(一) 绘制沿海地区灾害风险图；\n\n(二) 收集灾害损失数据；\n\n"
        "(b) 保护和恢复沿海生态系统；\n\n2. **决定**在大会第八十一届会议上继续审议这一问题。\n",
    )


def section_restart() -> Case:
    """A section whose paragraphs start again at 1: they use num 3 of the default numbering
    part (abstract list 1 with level 0 restarted at 1); its label and heading are bold through
    the OperativeHeading paragraph style, which is no emphasis of an opening phrase."""
    body = [
        Para([Run("Recalling", italic=True), Run(" its resolution 70/1,")], "PreambularParagraph"),
        Para([Run("Decides", italic=True), Run(" to consider the question;")], num=(1, 0)),
        Para([Run("I")], "OperativeHeading"),
        Para([Run("Financing")], "OperativeHeading"),
        Para([Run("Requests", italic=True), Run(" the Secretary-General to report on financing;")], num=(3, 0)),
        Para([Run("Invites", italic=True), Run(" Member States to contribute.")], num=(3, 0)),
    ]
    return Case(
        document(_draft(body)),
        _markdown(
            "*Recalling* its resolution 70/1,",
            "1. *Decides* to consider the question;",
            "I",
            "Financing",
            "1. *Requests* the Secretary-General to report on financing;",
            "2. *Invites* Member States to contribute.",
        ),
    )


#: every concrete case, by name (tests/test_docx_factory.py checks them against a minimal
#: reading of the packages, so that the cases themselves are known to be right)
CASES: dict[str, Callable[[], Case]] = {
    "tracked-changes-accepted": tracked_changes_accepted,
    "tracked-changes-rejected": tracked_changes_rejected,
    "comments-header-footer-fields": comments_header_footer_fields,
    "character-styles-en": character_styles_en,
    "character-styles-zh": character_styles_zh,
    "chinese-counting": chinese_counting,
    "section-restart": section_restart,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_concrete_word_draft_reads_as_its_markdown(name: str) -> None:
    case = CASES[name]()
    # accepted is the default; "reject" reads the draft as it stood before the tracked changes
    got = resdraft.parse(case.data) if case.revisions == "accept" else resdraft.parse(case.data, revisions="reject")
    assert_reads_as(resdraft.parse(case.markdown), got, case.markdown)


def test_a_word_document_is_formatted_input() -> None:
    """Word carries formatting: an unemphasised phrase is NONE, not UNKNOWN as in plain text."""
    res = resdraft.parse(character_styles_zh().data)
    assert res.formatted
    assert res.preamble[0].phrase is not None and res.preamble[0].phrase.emphasis is Emphasis.NONE
