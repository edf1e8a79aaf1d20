"""The safe fix of RD204 (preambular phrase italic) and RD303 (operative phrase italic in English,
bold in Chinese) on Markdown input: set the phrase apart, swap the wrong marks around it, or end
emphasis that runs past it. A fix moves or adds emphasis marks only, never a word, and only where
the phrase (and the marks it touches) stand on one line of the source.

Each bad text is a clean base text with one injected emphasis error; its fix must give back the
base text byte for byte, which is then free of RD204/RD303 findings.

All texts are invented for these tests; none is copied from a real UN document.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from resdraft.config import Settings
from resdraft.diagnostics import Diagnostic
from resdraft.lint import apply_fixes, fix_text, lint_text

EMPHASIS = Settings(select=("RD204", "RD303"))

EN = """\
The General Assembly,

*Recalling* its resolution 75/190 of 16 December 2020,

*Recalling also* its resolution 78/190 of 19 December 2023 and all its other resolutions on the question,

*Noting with concern* the report of the Secretary-General on lighthouse keepers,[^1]

1. *Welcomes* the efforts of Member States to improve the living conditions of lighthouse keepers;

2. *Calls upon* States to protect coastal communities;

3. *Requests* the Secretary-General to report to the General Assembly at its eighty-first session.

[^1]: A/80/100.
"""

ZH = """\
大会，

回顾其2020年12月16日第75/190号决议，

1. **欢迎**会员国为改善灯塔看守人生活条件所作的努力；

2. 对灯塔看守人的处境**深表遗憾**；

3. **请**秘书长在第八十一届会议上提交关于本决议执行情况的报告，并列入关于进一步行动的具体建议。
"""

BASES = {"en": EN, "zh": ZH}


@dataclass(frozen=True)
class Case:
    id: str
    base: str
    old: str  # replaced once in the base text by ``new`` to make the bad text
    new: str
    code: str
    message: str  # the fix's message

    @property
    def bad(self) -> str:
        base = BASES[self.base]
        assert base.count(self.old) == 1, self.old
        return base.replace(self.old, self.new)


def emphasis_findings(text: str) -> list[Diagnostic]:
    return lint_text(text, None, EMPHASIS)


CASES = [
    # 1. the phrase is not set apart: the marks go in before and after it
    Case("en-preamble-plain", "en", "*Recalling* its", "Recalling its", "RD204", 'italicize "Recalling"'),
    Case(
        "en-preamble-plain-modifier", "en", "*Recalling also*", "Recalling also", "RD204", 'italicize "Recalling also"'
    ),
    Case(
        "en-preamble-plain-several-words",
        "en",
        "*Noting with concern*",
        "Noting with concern",
        "RD204",
        'italicize "Noting with concern"',
    ),
    Case("en-operative-plain", "en", "3. *Requests*", "3. Requests", "RD303", 'italicize "Requests"'),
    Case("en-operative-plain-two-words", "en", "*Calls upon*", "Calls upon", "RD303", 'italicize "Calls upon"'),
    Case("zh-operative-plain", "zh", "**欢迎**", "欢迎", "RD303", 'make "欢迎" bold'),
    # 2. the wrong emphasis: the marks around the phrase are swapped
    Case("en-preamble-bold", "en", "*Recalling* its", "**Recalling** its", "RD204", 'italicize "Recalling"'),
    Case("en-operative-bold", "en", "*Welcomes*", "**Welcomes**", "RD303", 'italicize "Welcomes"'),
    Case("zh-operative-italic", "zh", "**请**", "*请*", "RD303", 'make "请" bold'),
    Case("zh-operative-italic-fronted", "zh", "**深表遗憾**", "*深表遗憾*", "RD303", 'make "深表遗憾" bold'),
    # 3. the emphasis runs past the phrase: its closing mark moves to right after the phrase
    Case(
        "en-preamble-spills-one-word",
        "en",
        "*Recalling* its",
        "*Recalling its*",
        "RD204",
        'end the italics after "Recalling"',
    ),
    Case(
        "en-preamble-spills-whole-paragraph",
        "en",
        "*Recalling also* its resolution 78/190 of 19 December 2023 and all its other resolutions on the question,",
        "*Recalling also its resolution 78/190 of 19 December 2023 and all its other resolutions on the question,*",
        "RD204",
        'end the italics after "Recalling also"',
    ),
    Case(
        "en-preamble-spills-past-callout",
        "en",
        "*Noting with concern* the report of the Secretary-General on lighthouse keepers,[^1]",
        "*Noting with concern the report of the Secretary-General on lighthouse keepers,[^1]*",
        "RD204",
        'end the italics after "Noting with concern"',
    ),
    Case(
        "en-operative-spills",
        "en",
        "*Welcomes* the efforts",
        "*Welcomes the efforts*",
        "RD303",
        'end the italics after "Welcomes"',
    ),
    Case(
        "zh-operative-spills-whole-paragraph",
        "zh",
        "**请**秘书长在第八十一届会议上提交关于本决议执行情况的报告，并列入关于进一步行动的具体建议。",
        "**请秘书长在第八十一届会议上提交关于本决议执行情况的报告，并列入关于进一步行动的具体建议。**",
        "RD303",
        'end the bold after "请"',
    ),
]


@pytest.mark.parametrize("base", sorted(BASES))
def test_base_text_has_no_emphasis_finding(base: str) -> None:
    assert emphasis_findings(BASES[base]) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_fix_gives_back_the_base_text(case: Case) -> None:
    bad = case.bad
    diagnostics = emphasis_findings(bad)
    assert [d.code for d in diagnostics] == [case.code], [d.message for d in diagnostics]
    (d,) = diagnostics
    assert d.fix is not None, d.message
    assert d.fix.message == case.message
    fixed, count = apply_fixes(bad, diagnostics)
    assert count == 1
    assert fixed == BASES[case.base]
    assert emphasis_findings(fixed) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_fix_changes_only_emphasis_marks_on_the_phrase_line(case: Case) -> None:
    bad = case.bad
    (d,) = emphasis_findings(bad)
    assert d.fix is not None
    lines = {e.span.line for e in d.fix.edits} | {e.span.end_line for e in d.fix.edits}
    assert len(lines) == 1, "a fix stays on one line"
    assert all(set(e.old) <= {"*"} and set(e.new) <= {"*"} for e in d.fix.edits), "a fix touches marks only"
    fixed, _ = apply_fixes(bad, [d])
    assert fixed.replace("*", "") == bad.replace("*", ""), "no word changed"
    (line,) = lines
    before, after = bad.split("\n"), fixed.split("\n")
    assert len(before) == len(after)
    assert [b for i, b in enumerate(before, 1) if i != line] == [a for i, a in enumerate(after, 1) if i != line]


def test_a_run_spilling_past_the_phrase_is_ended_by_moving_its_closing_mark() -> None:
    """One fix, two edits: the closing mark is deleted after the run and put in right after the
    phrase's last character (before the space), not after the space."""
    bad = EN.replace("*Recalling* its", "*Recalling its*")
    (d,) = emphasis_findings(bad)
    assert d.fix is not None
    line = bad.split("\n").index("*Recalling its* resolution 75/190 of 16 December 2020,") + 1
    deletions = [e for e in d.fix.edits if e.old]
    insertions = [e for e in d.fix.edits if not e.old]
    assert [(e.span.line, e.span.column, e.span.end_column, e.old, e.new) for e in deletions] == [
        (line, 15, 16, "*", "")
    ]
    assert [(e.span.line, e.span.column, e.span.end_column, e.new) for e in insertions] == [(line, 11, 11, "*")]


def test_a_lone_asterisk_on_the_line_is_left_alone() -> None:
    """A reissued symbol's asterisk ("A/80/L.5*") is text, not a mark: it stays as it is."""
    good = EN.replace("*Recalling* its resolution 75/190", "*Recalling* its draft resolution A/80/L.5*")
    bad = good.replace("*Recalling* its", "Recalling its")
    (d,) = emphasis_findings(bad)
    assert d.fix is not None
    assert apply_fixes(bad, [d]) == (good, 1)
    assert emphasis_findings(good) == []


def test_every_error_of_a_document_is_fixed_at_once_and_nothing_else_changes() -> None:
    bad = (
        EN.replace("*Recalling* its", "Recalling its")
        .replace("*Recalling also*", "**Recalling also**")
        .replace("*Noting with concern* the report", "*Noting with concern the report*")
        .replace("*Welcomes*", "Welcomes")
        .replace("*Calls upon* States", "*Calls upon States*")
        .replace("*Requests*", "**Requests**")
    )
    diagnostics = emphasis_findings(bad)
    assert len(diagnostics) == 6
    fixed, count = apply_fixes(bad, diagnostics)
    assert count == 6
    assert fixed == EN


@pytest.mark.parametrize(
    "bad",
    [
        EN.replace("*Recalling* its", "Recalling its").replace("*Welcomes* the efforts", "*Welcomes the efforts*"),
        ZH.replace("**欢迎**", "欢迎").replace("**深表遗憾**", "*深表遗憾*"),
    ],
    ids=["en", "zh"],
)
def test_check_fix_settles_on_the_fixed_text(bad: str) -> None:
    """`check --fix` and `format` share fix_text: the emphasis fixes settle after one pass."""
    outcome = fix_text(bad, None, EMPHASIS)
    assert outcome.settled
    assert outcome.diagnostics == []
    assert len(outcome.applied) == 2
    assert outcome.text in (EN, ZH)


# --- no fix offered ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "code", "line"),
    [
        (
            EN.replace(
                "*Noting with concern* the report of the Secretary-General on lighthouse keepers,[^1]",
                "Noting with\nconcern the report of the Secretary-General on lighthouse keepers,[^1]",
            ),
            "RD204",
            7,
        ),
        (
            EN.replace("3. *Requests* the", "3. *Requests*\nthe").replace("2. *Calls upon*", "2. Calls\nupon"),
            "RD303",
            11,
        ),
        (ZH.replace("1. **欢迎**会员国", "1. 欢\n迎会员国"), "RD303", 5),
    ],
    ids=["en-preamble", "en-operative", "zh-operative"],
)
def test_no_fix_for_a_phrase_broken_over_two_lines(bad: str, code: str, line: int) -> None:
    (d,) = emphasis_findings(bad)
    assert (d.code, d.span.line, d.span.end_line) == (code, line, line + 1)
    assert d.fix is None
    assert apply_fixes(bad, [d]) == (bad, 0)


def test_no_fix_for_an_unknown_opener() -> None:
    """Where an unknown opening phrase ends is a guess ("Rcalling also"?): no marks are put in."""
    bad = EN.replace("*Recalling* its", "Rcalling its")
    (d,) = emphasis_findings(bad)
    assert d.code == "RD204"
    assert d.fix is None


def test_no_fix_for_a_fronted_chinese_phrase_without_emphasis() -> None:
    """A fronted phrase (对……深表遗憾) is found as a lexicon phrase ending the first clause: where
    it begins is a guess ("深表关切" ends with the lexicon's "关切"), so no marks are put in."""
    bad = ZH.replace("**深表遗憾**", "深表遗憾")
    (d,) = emphasis_findings(bad)
    assert d.message == 'operative phrase "深表遗憾" is not set apart; expected bold'
    assert d.fix is None


def test_no_fix_when_the_wrong_marks_spill_past_the_phrase() -> None:
    """Bold running past the phrase: both swapping and moving marks would be needed; the finding
    stands without a fix."""
    bad = EN.replace("*Recalling* its", "**Recalling its**")
    (d,) = emphasis_findings(bad)
    assert "is bold; expected italic" in d.message
    assert d.fix is None


def test_no_fix_in_text_extracted_from_a_pdf() -> None:
    """A PDF often loses the bold of a few operative verbs: the warning stands, but the marks of
    extracted text are the extraction's, not the author's, so no fix restores them."""
    bad = ZH.replace("**欢迎**", "欢迎").replace("\n\n2. ", "\n\n24-12345 (C)\n\n2. ")  # a job number: PDF furniture
    (d,) = emphasis_findings(bad)
    assert d.message == 'operative phrase "欢迎" is not set apart; expected bold'
    assert d.fix is None


@pytest.mark.parametrize("base", sorted(BASES))
def test_plain_text_without_markdown_is_not_checked(base: str) -> None:
    """Without any emphasis mark-up nothing can be said about emphasis: no finding, no fix."""
    plain = BASES[base].replace("*", "")
    assert emphasis_findings(plain) == []
    assert apply_fixes(plain, emphasis_findings(plain)) == (plain, 0)
