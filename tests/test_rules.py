"""Every lint rule, one at a time, on small invented resolutions.

Each language/organ has a clean base text (a Third Committee draft, an adopted General Assembly
resolution, a Security Council resolution; Chinese equivalents, one of them in the shape of text
extracted from a PDF). A base text must lint clean: that pins down what the rules accept as
correct UN practice. A *bad case* is a base text with exactly one injected error; it must give
exactly one diagnostic, with the code and line (and, where it matters, the column) of that
error and the rule's severity. For a fixable rule the fix must give back the corrected text,
which lints clean again.

All texts are invented for these tests; none is copied from a real UN document.

``at`` in a case is a string that occurs exactly once in the bad text and lies on the line of
the error; when it holds the mark ``‸`` (which is removed before searching), the diagnostic's
column is asserted too: it is the column of the character after the mark.

Where a rule fires on a text believed to be correct by UN practice, the case is listed in
SUSPECTED_FALSE_POSITIVES; where a bad case does not give its one diagnostic (the error is
missed or reported under another code), in SUSPECTED_RULE_BUGS; a rule whose findings carry
fixes without being marked fixable, in FIXABLE_FLAG_MISSING. All of them are marked
``xfail(strict=True)``: a fix of the rule shows up as an XPASS failure and the entry has to be
removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from resdraft.diagnostics import Severity
from resdraft.lint import apply_fixes, lint_text
from resdraft.rules import rules

# good case id -> why the text is believed to be correct UN practice although a rule fires on it
SUSPECTED_FALSE_POSITIVES: dict[str, str] = {}

# bad case id -> why the rule's output is believed to be wrong (it misses the error, or reports
# it under another code)
SUSPECTED_RULE_BUGS: dict[str, str] = {}

# rules whose findings carry a fix although the registry does not mark them fixable
# (``resdraft rules`` shows no "fix" for them, yet ``check --fix`` applies their fixes)
FIXABLE_FLAG_MISSING: dict[str, str] = {}

# ---------------------------------------------------------------------------------------------
# base texts: each one lints clean

EN_DRAFT = """\
United Nations A/C.3/80/L.21
General Assembly Distr.: Limited
3 November 2025
Original: English

Eightieth session
Third Committee
Agenda item 71 (b)
Promotion and protection of human rights: human rights questions, including alternative approaches for \
improving the effective enjoyment of human rights and fundamental freedoms

Albania, Andorra and Australia: draft resolution

Rights of lighthouse keepers and coastal communities

The General Assembly,

*Recalling* its resolution 78/190 of 19 December 2023 and Human Rights Council resolution 56/12 of 10 July 2024,

*Reaffirming* the Universal Declaration of Human Rights,[^1]

*Deeply concerned* that lighthouse keepers and their families often live in isolated places without access to \
basic services,

*Noting with appreciation* the report of the Secretary-General submitted to the Assembly at its seventy-ninth \
session,[^2]

1. *Welcomes* the efforts of Member States to improve the living conditions of lighthouse keepers;

2. *Calls upon* States to take all appropriate measures, including:

(a) Ensuring access to health care, education and communication services for lighthouse keepers and their families;

(b) Protecting the right to an adequate standard of living, in particular by:

(i) Providing adequate housing, including:

a. Housing that is resilient to storms and flooding;

b. Affordable rental housing for retired keepers;

(ii) Guaranteeing safe drinking water and sanitation;

(c) Promoting the exchange of good practices among coastal States;

3. *Encourages* States to share the information referred to in paragraph 2 (b) above with the Special Rapporteur \
on the right to adequate housing;

4. *Requests* the Secretary-General to submit to the General Assembly at its eighty-second session a report on the \
implementation of the present resolution;

5. *Decides* to continue its consideration of the question at its eighty-second session under the item entitled \
"Promotion and protection of human rights".

[^1]: Resolution 217 A (III).

[^2]: A/79/215.
"""

EN_ADOPTED = """\
United Nations A/RES/80/123
General Assembly Distr.: General
18 December 2025

Eightieth session
Agenda item 71 (b)

Resolution adopted by the General Assembly on 10 December 2025
[on the report of the Third Committee (A/80/477/Add.2, para. 45)]

80/123. Rights of lighthouse keepers and coastal communities

The General Assembly,

*Recalling* its resolution 78/190 of 19 December 2023,

*Mindful* of the isolation in which lighthouse keepers and their families live,

1. *Welcomes* the efforts of Member States to improve the living conditions of lighthouse keepers;

2. *Requests* the Secretary-General to submit to the General Assembly at its eighty-second session a report on the \
implementation of the present resolution;

3. *Decides* to continue its consideration of the question at its eighty-second session.

45th plenary meeting
10 December 2025
"""

EN_SC = """\
United Nations S/RES/2790 (2025)
Security Council Distr.: General
12 June 2025

Resolution 2790 (2025)

Adopted by the Security Council at its 9950th meeting, on 12 June 2025

The Security Council,

*Recalling* its resolutions 2719 (2023) and 2730 (2024),

*Reaffirming* its primary responsibility for the maintenance of international peace and security,

*Acting* under Chapter VII of the Charter of the United Nations,

1. *Demands* that all parties respect and protect humanitarian personnel;

2. *Requests* the Secretary-General to report to the Council on the implementation of this resolution within \
90 days;

3. *Decides* to remain seized of the matter.
"""

# an adopted resolution divided into sections; the second section starts the numbering again
EN_SECTIONS = """\
Resolution adopted by the General Assembly on 23 December 2025
[on the report of the Fifth Committee (A/80/655)]

80/262. Human resources management

The General Assembly,

*Recalling* its resolution 79/268 of 24 December 2024,

*Having considered* the report of the Secretary-General on human resources management,

I
Recruitment and placement

1. *Requests* the Secretary-General to reduce the time taken to fill vacant posts;

2. *Stresses* the importance of transparent and merit-based selection;

II
Mobility

1. *Notes* the revised mobility framework;

2. *Decides* to consider the question at the main part of its eighty-first session.

72nd plenary meeting
23 December 2025
"""

ZH_ADOPTED = """\
A/RES/80/215

Distr.: General
20 December 2025

第八十届会议

议程项目 19 (b)

2025年12月15日大会决议

[根据第二委员会的报告(A/80/541/Add.2，第12段)通过]

80/215. 灯塔看守人和沿海社区的权利

大会，

回顾其2023年12月19日第78/190号决议，

又回顾《世界人权宣言》，[^1]

深为关切灯塔看守人及其家属往往生活在偏远地区，无法获得基本服务，

1. **欢迎**会员国为改善灯塔看守人生活条件所作的努力；

2. **鼓励**会员国酌情采取以下措施：

(a) 确保灯塔看守人及其家属获得保健、教育和通信服务，包括：

(一) 提供适足住房；

(二) 保障安全饮用水和卫生设施；

(b) 促进沿海国家之间交流良好做法；

3. **请**秘书长向大会第八十二届会议提交关于上文第2(a)段执行情况的报告；

4. **决定**在大会第八十二届会议上继续审议这一问题。

2025年12月15日
第52次全体会议

[^1]: 第217 A (III)号决议。
"""

ZH_SC = """\
第2790(2025)号决议

2025年6月12日安全理事会第9950次会议通过

安全理事会，

回顾其第2719(2023)号和第2730(2024)号决议，

重申其根据《联合国宪章》对维护国际和平与安全负有的首要责任，

1. **要求**各方尊重和保护人道主义人员；

2. **请**秘书长在90天内向安全理事会报告本决议的执行情况；

3. **决定**继续处理此案。
"""

ZH_DRAFT = """\
联合国 A/C.3/80/L.21
大会 Distr.: Limited
3 November 2025
Chinese
Original: English

第八十届会议
第三委员会
议程项目71(b)
促进和保护人权：人权问题，包括增进人权和基本自由切实享受的各种途径

阿尔巴尼亚、安道尔和澳大利亚：决议草案

灯塔看守人的权利

大会，

回顾其关于灯塔看守人的各项决议，包括2024年12月17日第79/180号决议，

注意到秘书长的报告(A/80/300)，

1. **欢迎**会员国为改善灯塔看守人生活条件所作的努力；

2. **请**秘书长向大会第八十二届会议提交报告。
"""

# plain text as it comes out of a PDF: no emphasis, and a job number between two paragraphs
ZH_PDF = """\
联合国 A/RES/80/215
大会 Distr.: General
20 December 2025

第八十届会议
议程项目 19 (b)

2025年12月15日大会决议

[根据第二委员会的报告(A/80/541/Add.2，第12段)通过]

80/215. 灯塔看守人和沿海社区的权利

大会，

回顾其2023年12月19日第78/190号决议，

深为关切灯塔看守人及其家属往往生活在偏远地区，

1. 欢迎会员国为改善灯塔看守人生活条件所作的努力；

25-12345 (C)

2. 请秘书长向大会第八十二届会议提交报告；

3. 决定在大会第八十二届会议上继续审议这一问题。

2025年12月15日
第52次全体会议
"""

BASES: dict[str, str] = {
    "en-draft": EN_DRAFT,
    "en-adopted": EN_ADOPTED,
    "en-sc": EN_SC,
    "en-sections": EN_SECTIONS,
    "zh-adopted": ZH_ADOPTED,
    "zh-sc": ZH_SC,
    "zh-draft": ZH_DRAFT,
    "zh-pdf": ZH_PDF,
}


def edited(base: str, edits: tuple[tuple[str, str], ...]) -> str:
    """``base`` with each ``(old, new)`` replaced; every ``old`` must occur exactly once."""
    text = base
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


# the draft turned into a Human Rights Council draft
HRC_DRAFT: tuple[tuple[str, str], ...] = (
    ("A/C.3/80/L.21", "A/HRC/58/L.13"),
    (
        "3 November 2025\nOriginal: English\n\nEightieth session\nThird Committee\nAgenda item 71 (b)\n",
        "28 March 2025\nOriginal: English\n\nHuman Rights Council\nFifty-eighth session\n24 February–4 April 2025\n"
        "Agenda item 3\n",
    ),
    (
        "Promotion and protection of human rights: human rights questions, including alternative approaches for "
        "improving the effective enjoyment of human rights and fundamental freedoms",
        "Promotion and protection of all human rights, civil, political, economic, social and cultural rights, "
        "including the right to development",
    ),
    ("The General Assembly,", "The Human Rights Council,"),
    (
        "to submit to the General Assembly at its eighty-second session",
        "to submit to the Council at its sixty-first session",
    ),
    (
        'at its eighty-second session under the item entitled "Promotion and protection of human rights".',
        "under the same agenda item.",
    ),
)

# ---------------------------------------------------------------------------------------------
# good cases: texts every rule accepts. ``codes``: the rules the text exercises.


@dataclass(frozen=True)
class Good:
    id: str
    codes: tuple[str, ...]
    base: str
    edits: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        return edited(BASES[self.base], self.edits)


GOOD: list[Good] = [
    Good(
        "en-draft",
        (
            *("RD102", "RD103", "RD104", "RD105", "RD107", "RD201", "RD202", "RD203", "RD204", "RD208"),
            *("RD301", "RD302", "RD303", "RD304", "RD305", "RD311", "RD312", "RD313"),
            *("RD401", "RD402", "RD403", "RD405", "RD502", "RD505", "RD601", "RD603", "RD604", "RD605", "RD607"),
            *("RD701", "RD801", "RD803", "RD805", "RD901", "RD902", "RD903", "RD904"),
        ),
        "en-draft",
    ),
    Good("en-adopted", ("RD104", "RD105", "RD304", "RD604", "RD703", "RD801", "RD803"), "en-adopted"),
    # "this resolution" is Security Council usage
    Good("en-sc", ("RD104", "RD308", "RD604", "RD605", "RD703"), "en-sc"),
    Good(
        "en-sc-reference-of-this-resolution",
        ("RD601",),
        "en-sc",
        (("the implementation of this resolution", "the implementation of paragraphs 1 and 2 of this resolution"),),
    ),
    Good("hrc-draft", ("RD103", "RD104", "RD604", "RD901", "RD902", "RD903", "RD904"), "en-draft", HRC_DRAFT),
    Good("en-sc-remain-actively-seized", ("RD308",), "en-sc", (("remain seized", "remain actively seized"),)),
    Good("en-sections-restart", ("RD301", "RD304"), "en-sections"),
    # sections may also continue the numbering
    Good(
        "en-sections-continue",
        ("RD301",),
        "en-sections",
        (("1. *Notes* the revised", "3. *Notes* the revised"), ("2. *Decides*", "4. *Decides*")),
    ),
    # a joining "and" after an item's semicolon is allowed
    Good("en-item-and", ("RD405",), "en-draft", (("sanitation;", "sanitation; and"),)),
    # a revised draft says so in its sponsors line
    Good(
        "en-revised-draft",
        ("RD701", "RD902"),
        "en-draft",
        (("A/C.3/80/L.21", "A/C.3/80/L.21/Rev.1"), (": draft resolution", ": revised draft resolution")),
    ),
    Good("zh-adopted", ("RD105", "RD303", "RD402", "RD601", "RD706", "RD801", "RD803", "RD952", "RD953"), "zh-adopted"),
    Good("zh-sc", ("RD102", "RD308", "RD311"), "zh-sc"),
    Good(
        "zh-sc-masthead",
        ("RD104", "RD703"),
        "zh-sc",
        (
            (
                "第2790(2025)号决议\n",
                "联合国 S/RES/2790 (2025)\n安全理事会 Distr.: General\n12 June 2025\n\n第2790(2025)号决议\n",
            ),
        ),
    ),
    Good("zh-sc-actively", ("RD308",), "zh-sc", (("决定**继续处理此案", "决定**继续积极处理此案"),)),
    Good("zh-draft", ("RD706", "RD901", "RD902", "RD903", "RD904", "RD952", "RD953"), "zh-draft"),
    Good("zh-pdf", ("RD303", "RD952"), "zh-pdf"),
    # a section may end with a full stop as well as a semicolon
    Good(
        "en-section-ends-with-full-stop",
        ("RD304",),
        "en-sections",
        (("merit-based selection;", "merit-based selection."),),
    ),
    # symbols of every shape that resolutions cite
    Good(
        "symbols-in-footnotes",
        ("RD701",),
        "en-draft",
        (
            ("[^1]: Resolution 217 A (III).", "[^1]: A/RES/ES-11/1, A/HRC/RES/S-33/1, S/PRST/2025/9 and A/CONF.231/3."),
            ("[^2]: A/79/215.", "[^2]: A/79/215/Add.1/Corr.1, A/HRC/WG.6/45/L.1, A/79/PV.46 and E/CN.4/1998/53/Add.2."),
        ),
    ),
    Good(
        "seriously-concerned",
        ("RD208",),
        "en-draft",
        (("*Deeply concerned* that", "*Seriously concerned* that"),),
    ),
    Good(
        "looks-forward",
        ("RD311",),
        "en-draft",
        (("3. *Encourages* States to share", "3. *Looks forward* to States sharing"),),
    ),
    Good(
        "sub-commission-symbol",
        ("RD701",),
        "en-draft",
        (("[^2]: A/79/215.", "[^2]: E/CN.4/Sub.2/2005/7."),),
    ),
]


def _good_param(case: Good) -> object:
    if case.id in SUSPECTED_FALSE_POSITIVES:
        mark = pytest.mark.xfail(strict=True, reason=SUSPECTED_FALSE_POSITIVES[case.id])
        return pytest.param(case, id=case.id, marks=mark)
    return pytest.param(case, id=case.id)


@pytest.mark.parametrize("name", sorted(BASES))
def test_base_text_is_clean(name: str) -> None:
    assert lint_text(BASES[name]) == []


@pytest.mark.parametrize("case", [_good_param(c) for c in GOOD])
def test_good_case_is_clean(case: Good) -> None:
    assert [(d.code, d.span.line, d.message) for d in lint_text(case.text)] == []


# ---------------------------------------------------------------------------------------------
# bad cases: one injected error each


FIXED_TO_BASE = "the fix gives back the base text"
RENUMBERED = "the fix renumbers the paragraphs; the result lints clean"
NO_FIX = "no fix is offered"


@dataclass(frozen=True)
class Bad:
    id: str
    code: str
    base: str
    edits: tuple[tuple[str, str], ...]
    at: str  # occurs once in the bad text, on the error's line; "‸" marks the column
    severity: Severity | None = None  # None: the rule's own
    message: str | None = None  # a part of the message
    fix: str | None = None  # FIXED_TO_BASE, NO_FIX, or None for a rule that offers no fix

    @property
    def text(self) -> str:
        return edited(BASES[self.base], self.edits)

    def where(self) -> tuple[int, int | None]:
        """The 1-based line and (when marked) column of ``at`` in the bad text."""
        text, needle = self.text, self.at.replace("‸", "")
        assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times in the bad text"
        start = text.index(needle)
        line = text.count("\n", 0, start) + 1
        if "‸" not in self.at:
            return line, None
        offset = start + self.at.index("‸")
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


CASES: list[Bad] = [
    # --- RD1xx structure ---
    Bad(
        "formula-missing",
        "RD102",
        "en-draft",
        (("The General Assembly,\n\n", ""),),
        "*‸Recalling* its resolution 78/190",
        message='expected "The General Assembly,"',
    ),
    Bad(
        "formula-comma-missing",
        "RD102",
        "en-draft",
        (("The General Assembly,", "The General Assembly"),),
        "‸The General Assembly",
        fix=FIXED_TO_BASE,  # RD102 offers a fix although it is not marked fixable
    ),
    Bad(
        "zh-formula-comma-missing",
        "RD102",
        "zh-sc",
        (("安全理事会，\n", "安全理事会\n"),),
        "‸安全理事会\n",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "formula-wrong-organ",
        "RD103",
        "en-draft",
        (("The General Assembly,", "The Human Rights Council,"),),
        "‸The Human Rights Council,",
        message='expected "The General Assembly,"',
    ),
    Bad(
        "hrc-formula-general-assembly",
        "RD103",
        "en-draft",
        (*HRC_DRAFT[:3], *HRC_DRAFT[4:]),
        "‸The General Assembly,",
        message='expected "The Human Rights Council,"',
    ),
    Bad("zh-formula-wrong-organ", "RD103", "zh-adopted", (("大会，\n", "人权理事会，\n"),), "‸人权理事会，"),
    Bad(
        "ga-without-title",
        "RD104",
        "en-draft",
        (("Rights of lighthouse keepers and coastal communities\n\n", ""),),
        "‸The General Assembly,",
    ),
    Bad(
        "sc-with-title",
        "RD104",
        "en-sc",
        (("The Security Council,", "Protection of humanitarian personnel\n\nThe Security Council,"),),
        "‸Protection of humanitarian personnel",
    ),
    Bad(
        "zh-closing-order",
        "RD105",
        "zh-adopted",
        (("2025年12月15日\n第52次全体会议", "第52次全体会议\n2025年12月15日"),),
        "‸第52次全体会议",
        message="expected the date first",
    ),
    Bad(
        "en-closing-order",
        "RD105",
        "en-adopted",
        (("45th plenary meeting\n10 December 2025", "10 December 2025\n45th plenary meeting"),),
        "‸10 December 2025\n45th",
        message="expected the meeting first",
    ),
    Bad(
        "draft-with-closing",
        "RD105",
        "en-draft",
        (('human rights".\n', 'human rights".\n\n52nd plenary meeting\n5 December 2025\n'),),
        "‸52nd plenary meeting",
    ),
    Bad(
        "preamble-among-operative",
        "RD107",
        "en-adopted",
        (
            ("*Mindful* of the isolation in which lighthouse keepers and their families live,\n\n", ""),
            (
                "lighthouse keepers;\n\n",
                "lighthouse keepers;\n\n*Mindful* of the isolation in which lighthouse keepers and their families "
                "live,\n\n",
            ),
        ),
        "*Mindful*",
        message='"Mindful"',
    ),
    # --- RD2xx preamble ---
    Bad("preamble-numbered", "RD201", "en-adopted", (("*Mindful*", "1. *Mindful*"),), "1. *‸Mindful*"),
    Bad(
        "preamble-numbered-with-modifier",
        "RD201",
        "en-draft",
        (("*Noting with appreciation*", "1. *Noting with appreciation*"),),
        "1. *‸Noting with appreciation*",
    ),
    Bad(
        "preamble-finite-verb",
        "RD202",
        "en-draft",
        (("*Recalling* its", "*Recalls* its"),),
        "*‸Recalls*",
        message="Recalling",
    ),
    Bad(
        "preamble-semicolon",
        "RD203",
        "en-draft",
        (("basic services,", "basic services;"),),
        "basic services‸;",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "preamble-full-stop-before-operative",
        "RD203",
        "en-adopted",
        (("families live,", "families live."),),
        "families live‸.",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "preamble-no-punctuation",
        "RD203",
        "en-adopted",
        (("families live,", "families live"),),
        "families liv‸e",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "preamble-no-punctuation-mid-preamble",
        "RD203",
        "en-draft",
        (("basic services,", "basic services"),),
        "basic service‸s",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "preamble-callout-comma",
        "RD203",
        "en-draft",
        (("Human Rights,[^1]", "Human Rights;[^1]"),),
        "Human Rights‸;[^1]",
        fix=FIXED_TO_BASE,
    ),
    Bad("zh-preamble-semicolon", "RD203", "zh-sc", (("首要责任，", "首要责任；"),), "首要责任‸；", fix=FIXED_TO_BASE),
    Bad(
        "preamble-not-italic",
        "RD204",
        "en-draft",
        (("*Reaffirming* the", "Reaffirming the"),),
        "‸Reaffirming the Universal",
        message="expected italic",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "preamble-italic-spills",
        "RD204",
        "en-draft",
        (
            (
                "*Deeply concerned* that lighthouse keepers and their families often live",
                "*Deeply concerned that lighthouse keepers and their families often live*",
            ),
        ),
        "*‸Deeply concerned that",
        message='italic runs past the preambular phrase "Deeply concerned"',
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "preamble-italic-spills-one-word",
        "RD204",
        "en-draft",
        (("*Recalling* its", "*Recalling its*"),),
        "*‸Recalling its*",
        message="runs past",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "preamble-typo",
        "RD208",
        "en-draft",
        (("*Recalling* its", "*Rcalling* its"),),
        "*‸Rcalling*",
        message='unknown preambular phrase "Rcalling" (did you mean "Recalling"?)',
    ),
    Bad("zh-preamble-unknown", "RD208", "zh-sc", (("重申其根据", "宣称其根据"),), "宣称其根据"),
    # --- RD3xx operative part ---
    Bad(
        "operative-gap",
        "RD301",
        "en-draft",
        (("5. *Decides*", "6. *Decides*"),),
        "‸6. *Decides*",
        message="numbered 6 follows 4; expected 5",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-duplicate",
        "RD301",
        "en-draft",
        (("4. *Requests*", "3. *Requests*"),),
        "‸3. *Requests*",
        message="repeats",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-first-not-1",
        "RD301",
        "en-adopted",
        (("1. *Welcomes*", "2. *Welcomes*"),),
        "‸2. *Welcomes*",
        message="comes first; expected 1",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-section-gap",
        "RD301",
        "en-sections",
        (("2. *Decides*", "3. *Decides*"),),
        "‸3. *Decides*",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-participle",
        "RD302",
        "en-draft",
        (("4. *Requests*", "4. *Requesting*"),),
        "4. *‸Requesting*",
        message='(did you mean "Requests"?)',
    ),
    Bad(
        "operative-not-italic",
        "RD303",
        "en-draft",
        (("4. *Requests*", "4. Requests"),),
        "4. ‸Requests",
        message="expected italic",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "zh-operative-not-bold",
        "RD303",
        "zh-adopted",
        (("1. **欢迎**", "1. 欢迎"),),
        "1. ‸欢迎",
        message="expected bold",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "zh-operative-italic",
        "RD303",
        "zh-adopted",
        (("1. **欢迎**", "1. *欢迎*"),),
        "1. *‸欢迎*",
        message="expected bold",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-full-stop-not-last",
        "RD304",
        "en-draft",
        (("lighthouse keepers;", "lighthouse keepers."),),
        "lighthouse keepers‸.",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-last-semicolon",
        "RD304",
        "en-adopted",
        (("eighty-second session.", "eighty-second session;"),),
        "eighty-second session‸;",
        message="the last operative paragraph",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-last-quote-semicolon",
        "RD304",
        "en-draft",
        (('human rights".', 'human rights";'),),
        'human rights"‸;',
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-no-punctuation",
        "RD304",
        "en-sc",
        (("the matter.", "the matter"),),
        "the matte‸r",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "operative-item-ends-paragraph",
        "RD304",
        "en-draft",
        (("among coastal States;", "among coastal States."),),
        "among coastal States‸.",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "zh-operative-last-semicolon",
        "RD304",
        "zh-sc",
        (("处理此案。", "处理此案；"),),
        "处理此案‸；",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "lead-in-semicolon",
        "RD305",
        "en-draft",
        (("measures, including:", "measures, including;"),),
        "measures, including‸;",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "item-lead-in-no-colon",
        "RD305",
        "en-draft",
        (("in particular by:", "in particular by"),),
        "in particular b‸y",
        message="the lead-in of (b)",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "zh-lead-in-semicolon", "RD305", "zh-adopted", (("以下措施：", "以下措施；"),), "以下措施‸；", fix=FIXED_TO_BASE
    ),
    Bad(
        "sc-without-remain-seized",
        "RD308",
        "en-sc",
        (
            (
                "3. *Decides* to remain seized of the matter.",
                "3. *Decides* to review the situation by 31 December 2025.",
            ),
        ),
        "3. *‸Decides* to review",
        severity=Severity.WARNING,
    ),
    Bad(
        "sc-remain-seized-not-last",
        "RD308",
        "en-sc",
        (
            ("2. *Requests*", "2. *Decides* to remain seized of the matter;\n\n3. *Requests*"),
            ("within 90 days;", "within 90 days."),
            ("\n\n3. *Decides* to remain seized of the matter.\n", "\n"),
        ),
        "2. *‸Decides* to remain seized",
        severity=Severity.ERROR,
    ),
    Bad(
        "zh-sc-without-remain-seized",
        "RD308",
        "zh-sc",
        (("3. **决定**继续处理此案。", "3. **决定**在六个月内审查局势。"),),
        "3. **‸决定**在",
        severity=Severity.WARNING,
    ),
    Bad(
        "operative-typo",
        "RD311",
        "en-draft",
        (("4. *Requests*", "4. *Reqests*"),),
        "4. *‸Reqests*",
        message='unknown operative phrase "Reqests" (did you mean "Requests"?)',
    ),
    Bad("zh-operative-unknown", "RD311", "zh-sc", (("1. **要求**", "1. **宣称**"),), "1. **‸宣称**"),
    Bad(
        "operative-number-without-stop",
        "RD312",
        "en-draft",
        (("4. *Requests*", "4 *Requests*"),),
        "‸4 *Requests*",
        message='expected "4."',
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "negotiation-bis",
        "RD313",
        "en-draft",
        (("5. *Decides*", "4 bis. *Also requests* the Secretary-General to consult States;\n\n5. *Decides*"),),
        "‸4 bis.",
        fix=RENUMBERED,
    ),
    Bad(
        "negotiation-alt",
        "RD313",
        "en-adopted",
        (("3. *Decides*", "2 alt. *Requests* the Secretary-General to report orally;\n\n3. *Decides*"),),
        "‸2 alt.",
        fix=RENUMBERED,
    ),
    # --- RD4xx sub-items ---
    Bad(
        "item-gap",
        "RD401",
        "en-draft",
        (("(c) Promoting", "(d) Promoting"),),
        "‸(d) Promoting",
        message="(d) follows (b); expected (c)",
        fix=FIXED_TO_BASE,
    ),
    Bad("zh-item-gap", "RD401", "zh-adopted", (("(b) 促进", "(c) 促进"),), "‸(c) 促进", fix=FIXED_TO_BASE),
    Bad(
        "zh-roman-subitem",
        "RD402",
        "zh-adopted",
        (("(一) 提供", "(i) 提供"),),
        "‸(i) 提供",
        message="(一)",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "roman-gap",
        "RD402",
        "en-draft",
        (("(ii) Guaranteeing", "(iii) Guaranteeing"),),
        "‸(iii) Guaranteeing",
        message="(iii) follows (i); expected (ii)",
        fix=FIXED_TO_BASE,
    ),
    Bad("zh-cjk-gap", "RD402", "zh-adopted", (("(二) 保障", "(三) 保障"),), "‸(三) 保障", fix=FIXED_TO_BASE),
    Bad(
        "deep-item-gap",
        "RD403",
        "en-draft",
        (("b. Affordable", "c. Affordable"),),
        "‸c. Affordable",
        message="c. follows a.; expected b.",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "item-comma",
        "RD405",
        "en-draft",
        (("and their families;", "and their families,"),),
        "and their families‸,",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "deep-item-no-punctuation",
        "RD405",
        "en-draft",
        (("storms and flooding;", "storms and flooding"),),
        "storms and floodin‸g",
        fix=FIXED_TO_BASE,
    ),
    Bad("zh-item-comma", "RD405", "zh-adopted", (("适足住房；", "适足住房，"),), "适足住房‸，", fix=FIXED_TO_BASE),
    # --- RD5xx footnotes ---
    Bad(
        "footnote-text-missing",
        "RD502",
        "en-draft",
        (("\n\n[^2]: A/79/215.", ""),),
        "session,‸[^2]",
        message="footnote call-out 2 has no footnote text",
    ),
    Bad(
        "footnote-never-called",
        "RD502",
        "en-draft",
        (("session,[^2]", "session,"),),
        "[^2]: ‸A/79/215.",
        message="footnote 2 is never called out",
    ),
    Bad(
        "footnote-out-of-order",
        "RD502",
        "en-draft",
        (
            ("Human Rights,[^1]", "Human Rights,[^2]"),
            ("session,[^2]", "session,[^1]"),
            ("[^1]: Resolution 217 A (III).\n\n[^2]: A/79/215.", "[^1]: A/79/215.\n\n[^2]: Resolution 217 A (III)."),
        ),
        "session,‸[^1]",
        message="footnote 1 is first called out after footnote 2",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "footnote-second-text",
        "RD502",
        "en-draft",
        (("[^2]: A/79/215.", "[^2]: A/79/215.\n\n[^2]: A/79/216."),),
        "[^2]: ‸A/79/216.",
        message="second footnote text",
    ),
    Bad("footnote-no-full-stop", "RD505", "en-draft", (("A/79/215.", "A/79/215"),), "A/79/21‸5", fix=FIXED_TO_BASE),
    Bad(
        "zh-footnote-no-full-stop",
        "RD505",
        "zh-adopted",
        (("(III)号决议。", "(III)号决议"),),
        "(III)号决‸议",
        fix=FIXED_TO_BASE,
    ),
    # --- RD6xx references ---
    Bad(
        "reference-too-high",
        "RD601",
        "en-draft",
        (("paragraph 2 (b) above", "paragraph 7 (b) above"),),
        "paragraph ‸7 (b) above",
        message="run 1 to 5",
    ),
    Bad(
        "reference-above-points-forward",
        "RD601",
        "en-draft",
        (("paragraph 2 (b) above", "paragraph 4 above"),),
        "paragraph ‸4 above",
        message="points back",
    ),
    Bad(
        "reference-below-points-back",
        "RD601",
        "en-draft",
        (("paragraph 2 (b) above", "paragraph 2 (b) below"),),
        "paragraph ‸2 (b) below",
        message="points forward",
    ),
    Bad(
        "reference-item-missing",
        "RD601",
        "en-draft",
        (("paragraph 2 (b) above", "paragraph 2 (e) above"),),
        "paragraph ‸2 (e) above",
        message="has no sub-item (e)",
    ),
    Bad(
        "reference-subitem-missing",
        "RD601",
        "en-draft",
        (("paragraph 2 (b) above", "paragraph 2 (b) (iii) above"),),
        "paragraph ‸2 (b) (iii) above",
        message="has no sub-item (iii)",
    ),
    Bad(
        "zh-reference-too-high",
        "RD601",
        "zh-adopted",
        (("上文第2(a)段", "上文第5段"),),
        "上文第‸5段",
        message="run 1 to 4",
    ),
    Bad(
        "zh-reference-above-points-forward",
        "RD601",
        "zh-adopted",
        (("上文第2(a)段", "上文第4段"),),
        "上文第‸4段",
    ),
    Bad("zh-reference-item-missing", "RD601", "zh-adopted", (("上文第2(a)段", "上文第2(c)段"),), "上文第‸2(c)段"),
    Bad(
        "reference-unspaced",
        "RD603",
        "en-draft",
        (("paragraph 2 (b) above", "paragraph 2(b) above"),),
        "‸paragraph 2(b) above",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "this-resolution",
        "RD604",
        "en-draft",
        (("of the present resolution;", "of this resolution;"),),
        "of ‸this resolution;",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "this-resolution-adopted",
        "RD604",
        "en-adopted",
        (("of the present resolution;", "of this resolution;"),),
        "of ‸this resolution;",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "citation-by-symbol",
        "RD605",
        "en-draft",
        (("its resolution 78/190", "its resolution A/RES/78/190"),),
        "resolution ‸A/RES/78/190",
        message='expected its number "78/190"',
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "sc-citation-unspaced",
        "RD605",
        "en-sc",
        (("2719 (2023)", "2719(2023)"),),
        "its ‸resolutions 2719(2023)",
        message="lacks a space before the year",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "sc-citation-by-symbol",
        "RD605",
        "en-sc",
        (("resolutions 2719 (2023) and", "resolutions S/RES/2719 (2023) and"),),
        "resolutions ‸S/RES/2719 (2023)",
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "organ-abbreviation",
        "RD607",
        "en-draft",
        (("to the General Assembly at its", "to the GA at its"),),
        "to the ‸GA at its",
    ),
    Bad(
        "un-abbreviation",
        "RD607",
        "en-sc",
        (("Charter of the United Nations", "UN Charter"),),
        "under Chapter VII of the ‸UN",
    ),
    # --- RD7xx symbols ---
    Bad(
        "symbol-in-footnote",
        "RD701",
        "en-draft",
        (("[^2]: A/79/215.", "[^2]: A/79/215/add.1."),),
        "[^2]: ‸A/79/215/add.1",
        message='(did you mean "Add.1"?)',
    ),
    Bad(
        "symbol-in-paragraph",
        "RD701",
        "zh-draft",
        (("(A/80/300)", "(A/80/L3)"),),
        "报告(‸A/80/L3)",
    ),
    Bad(
        "number-mismatch",
        "RD703",
        "en-adopted",
        (("80/123. Rights", "80/124. Rights"),),
        "‸80/124. Rights",
        message="expected A/RES/80/124",
    ),
    Bad(
        "sc-number-mismatch",
        "RD703",
        "en-sc",
        (("Resolution 2790 (2025)", "Resolution 2791 (2025)"),),
        "‸Resolution 2791",
    ),
    Bad("zh-number-mismatch", "RD703", "zh-adopted", (("80/215. 灯塔", "80/216. 灯塔"),), "‸80/216. 灯塔"),
    Bad(
        "zh-full-width-symbol",
        "RD706",
        "zh-draft",
        (("(A/80/300)", "(Ａ／80／300)"),),
        "报告(‸Ａ／80／300)",
        message='expected "A/80/300"',
        fix=FIXED_TO_BASE,
    ),
    # --- RD8xx dates and sessions ---
    Bad(
        "date-month-first",
        "RD801",
        "en-draft",
        (("of 19 December 2023", "of December 19, 2023"),),
        "of ‸December 19, 2023",
    ),
    Bad("date-ordinal", "RD801", "en-adopted", (("19 December 2023", "19th December 2023"),), "of ‸19th December 2023"),
    Bad("zh-date-iso", "RD801", "zh-adopted", (("其2023年12月19日第78/190", "其2023-12-19第78/190"),), "其‸2023-12-19"),
    Bad(
        "session-in-figures",
        "RD803",
        "en-draft",
        (("its seventy-ninth session", "its 79th session"),),
        "at ‸its 79th",
        message='session "79th"',
    ),
    Bad(
        "zh-session-in-figures",
        "RD803",
        "zh-adopted",
        (("大会第八十二届会议提交", "大会第82届会议提交"),),
        "大会‸第82届会议提交",
    ),
    Bad(
        "agenda-item-unspaced",
        "RD805",
        "en-draft",
        (("Agenda item 71 (b)", "Agenda item 71(b)"),),
        "‸Agenda item 71(b)",
        fix=FIXED_TO_BASE,
    ),
    # --- RD9xx header and typography ---
    Bad(
        "masthead-without-distribution",
        "RD901",
        "en-draft",
        (("General Assembly Distr.: Limited\n", "General Assembly\n"),),
        "‸United Nations A/C.3/80/L.21",
    ),
    Bad(
        "draft-without-sponsors",
        "RD902",
        "en-draft",
        (("Albania, Andorra and Australia: draft resolution\n\n", ""),),
        "‸Rights of lighthouse keepers and coastal communities",
    ),
    Bad(
        "revised-draft-sponsors-line",
        "RD902",
        "en-draft",
        (("A/C.3/80/L.21", "A/C.3/80/L.21/Rev.1"),),
        "‸Albania, Andorra and Australia: draft resolution",
        message="is a revised draft",
    ),
    Bad(
        "zh-draft-without-sponsors",
        "RD902",
        "zh-draft",
        (("阿尔巴尼亚、安道尔和澳大利亚：决议草案\n\n", ""),),
        "‸灯塔看守人的权利",
    ),
    Bad(
        "committee-mismatch",
        "RD903",
        "en-draft",
        (("Third Committee", "Second Committee"),),
        "‸Second Committee",
        message='expected "Third Committee"',
    ),
    Bad("zh-committee-mismatch", "RD903", "zh-draft", (("第三委员会", "第二委员会"),), "‸第二委员会"),
    Bad(
        "committee-line-in-plenary-draft",
        "RD903",
        "en-draft",
        (("A/C.3/80/L.21", "A/80/L.21"),),
        "‸Third Committee",
        message="plenary draft",
    ),
    Bad(
        "session-mismatch",
        "RD904",
        "en-draft",
        (("Eightieth session", "Seventy-ninth session"),),
        "‸Seventy-ninth session",
        message="session 79",
    ),
    Bad("zh-session-mismatch", "RD904", "zh-draft", (("第八十届会议", "第七十九届会议"),), "‸第七十九届会议"),
    Bad(
        "zh-ascii-semicolon-in-draft",
        "RD952",
        "zh-draft",
        (("所作的努力；", "所作的努力;"),),
        "所作的努力‸;",
        severity=Severity.ERROR,
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "zh-ascii-comma-in-adopted",
        "RD952",
        "zh-adopted",
        (("偏远地区，无法", "偏远地区,无法"),),
        "偏远地区‸,无法",
        severity=Severity.ERROR,
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "zh-ascii-semicolon-in-pdf",
        "RD952",
        "zh-pdf",
        (("提交报告；", "提交报告;"),),
        "提交报告‸;",
        severity=Severity.WARNING,
        fix=FIXED_TO_BASE,
    ),
    Bad(
        "zh-full-width-parentheses",
        "RD953",
        "zh-draft",
        (("(A/80/300)", "（A/80/300）"),),
        "报告‸（A/80/300）",
        message='expected "(A/80/300)"',
        fix=FIXED_TO_BASE,
    ),
    # --- fixable rules where the fix must not be offered: the span is not what the rule saw ---
    Bad(
        "this-resolution-wrapped",
        "RD604",
        "en-adopted",
        (("implementation of the present resolution;", "implementation of this\nresolution;"),),
        "of ‸this",
        fix=NO_FIX,
    ),
    Bad(
        "zh-full-width-symbol-wrapped",
        "RD706",
        "zh-draft",
        (("(A/80/300)", "(Ａ／80／\n300)"),),
        "报告(‸Ａ／80／",
        fix=NO_FIX,
    ),
]


def _bad_param(case: Bad) -> object:
    if case.id in SUSPECTED_RULE_BUGS:
        mark = pytest.mark.xfail(strict=True, reason=SUSPECTED_RULE_BUGS[case.id])
        return pytest.param(case, id=f"{case.code}-{case.id}", marks=mark)
    return pytest.param(case, id=f"{case.code}-{case.id}")


@pytest.mark.parametrize("case", [_bad_param(c) for c in CASES])
def test_bad_case(case: Bad) -> None:
    diagnostics = lint_text(case.text)
    line, column = case.where()
    assert [(d.code, d.span.line) for d in diagnostics] == [(case.code, line)], [d.message for d in diagnostics]
    (d,) = diagnostics
    if column is not None:
        assert d.span.column == column, d.message
    assert d.severity is (case.severity or rules()[case.code].severity)
    if case.message is not None:
        assert case.message in d.message
    assert (d.fix is not None) == (case.fix in (FIXED_TO_BASE, RENUMBERED))


FIXED = [c for c in CASES if c.fix == FIXED_TO_BASE]
UNFIXABLE = [c for c in CASES if c.fix == NO_FIX]
RENUMBERING = [c for c in CASES if c.fix == RENUMBERED]


@pytest.mark.parametrize("case", [_bad_param(c) for c in FIXED])
def test_fix(case: Bad) -> None:
    text = case.text
    diagnostics = lint_text(text)
    assert all(d.fix is not None for d in diagnostics)
    fixed, count = apply_fixes(text, diagnostics)
    assert count == 1
    assert fixed == BASES[case.base]
    assert lint_text(fixed) == []


@pytest.mark.parametrize("case", [_bad_param(c) for c in RENUMBERING])
def test_renumbering_fix(case: Bad) -> None:
    """A paragraph inserted with a negotiation label: the fix numbers it and the ones after it."""
    fixed, count = apply_fixes(case.text, lint_text(case.text))
    assert count == 1
    assert lint_text(fixed) == []
    assert re.sub(r"(?m)^\d+\. ", "", fixed) == re.sub(r"(?m)^(?:\d+(?: bis| alt)?\. )", "", case.text)


@pytest.mark.parametrize("case", [_bad_param(c) for c in UNFIXABLE])
def test_no_fix_offered(case: Bad) -> None:
    diagnostics = lint_text(case.text)
    assert [d.code for d in diagnostics] == [case.code]
    assert diagnostics[0].fix is None
    assert apply_fixes(case.text, diagnostics) == (case.text, 0)


# ---------------------------------------------------------------------------------------------
# the registry


FAMILIES = {
    "1": "structure",
    "2": "preamble",
    "3": "operative",
    "4": "items",
    "5": "footnotes",
    "6": "references",
    "7": "symbols",
    "8": "dates",
    "9": "header",
}


@pytest.mark.parametrize("code", sorted(rules()))
def test_rule_is_documented(code: str) -> None:
    rule = rules()[code]
    assert rule.code == code
    assert re.fullmatch(r"RD[1-9]\d\d", code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    assert rule.summary[:1].isupper() and "\n" not in rule.summary
    assert rule.severity in (Severity.ERROR, Severity.WARNING)
    explanation = rule.explanation
    assert "Bad::" in explanation and "Good::" in explanation
    assert explanation.index("Bad::") < explanation.index("Good::")
    assert explanation.split("Bad::")[0].strip(), "the explanation says what the rule checks before its examples"
    assert explanation.split("Bad::")[1].split("Good::")[0].strip(), "an empty bad example"
    assert explanation.split("Good::")[1].strip(), "an empty good example"
    assert rule.check.__module__ == f"resdraft.rules.{FAMILIES[code[2]]}", "the rule lives outside its family"
    assert rule.languages <= {"en", "zh"}


def test_registry_is_in_code_order_and_names_are_unique() -> None:
    registry = rules()
    assert list(registry) == sorted(registry)
    names = [r.name for r in registry.values()]
    assert len(names) == len(set(names))


def test_every_rule_has_a_bad_case() -> None:
    working = [c for c in CASES if c.id not in SUSPECTED_RULE_BUGS]
    assert set(rules()) - {c.code for c in working} == set()


def test_every_rule_has_a_good_case() -> None:
    clean = [g for g in GOOD if g.id not in SUSPECTED_FALSE_POSITIVES]
    assert set(rules()) - {code for g in clean for code in g.codes} == set()


def test_every_fixable_rule_has_a_fix_case() -> None:
    fixable = {code for code, r in rules().items() if r.fixable}
    assert fixable - {c.code for c in FIXED + RENUMBERING} == set()


def _flag_param(code: str) -> object:
    if code in FIXABLE_FLAG_MISSING:
        return pytest.param(code, marks=pytest.mark.xfail(strict=True, reason=FIXABLE_FLAG_MISSING[code]))
    return code


@pytest.mark.parametrize("code", [_flag_param(c) for c in sorted(rules())])
def test_fixable_flag_matches_fixes(code: str) -> None:
    """A rule is marked fixable exactly when its findings (in the cases of this file) carry fixes."""
    offers = any(d.fix is not None for c in CASES if c.code == code for d in lint_text(c.text) if d.code == code)
    assert rules()[code].fixable == offers


def test_cases_are_well_formed() -> None:
    ids = [c.id for c in CASES] + [g.id for g in GOOD]
    assert len(ids) == len(set(ids))
    registry = rules()
    assert set(SUSPECTED_FALSE_POSITIVES) <= {g.id for g in GOOD}
    assert set(SUSPECTED_RULE_BUGS) <= {c.id for c in CASES}
    assert set(FIXABLE_FLAG_MISSING) <= set(registry)
    for case in CASES:
        assert case.fix in (None, FIXED_TO_BASE, NO_FIX, RENUMBERED)
        assert case.code in registry
        assert case.text != BASES[case.base]
        language = "zh" if case.base.startswith("zh") else "en"
        assert registry[case.code].applies_to(language), case.id


def test_unnumbered_sub_headings_among_the_paragraphs_are_not_paragraphs() -> None:
    """GA resolutions put short unnumbered headings before and among the operative
    paragraphs; they are neither stray preambular paragraphs (RD107) nor a preamble's last
    paragraph without its comma (RD203, RD208). A real stray paragraph still is."""
    text = """The General Assembly,

Recalling its resolution 75/201 of 21 December 2020,

Peacebuilding architecture

1. Welcomes the report of the Secretary-General;

Peacebuilding financing

2. Decides to continue its consideration of the question at its eighty-second session.
"""
    assert lint_text(text) == []
    stray = text.replace("Peacebuilding financing", "Recognizing the role of regional organizations,")
    assert [(d.code, d.span.line) for d in lint_text(stray)] == [("RD107", 9)]


def test_docs_rules_md_lists_every_rule_as_the_registry_says() -> None:
    """docs/rules.md ends with the output of `resdraft rules --markdown`: regenerate it when a
    rule changes (see the marker in the file)."""
    from pathlib import Path

    from resdraft.cli import _rules_markdown

    doc = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    marker = "tests/test_rules.py keeps it in sync -->\n\n"
    assert doc.split(marker, 1)[1] == _rules_markdown(rules())


# The pattern RD952 once searched with: kept here as the oracle of the scan that replaced it.
_RD952_ORACLE = re.compile(
    r"[,;:.](?:(?<=[\u3400-\u9fff\uf900-\ufaff《》“”][,;:])(?!\d)|(?<=[,;:])(?=[\u3400-\u9fff\uf900-\ufaff《》“”])"
    r"|(?<=[\u3400-\u9fff\uf900-\ufaff《》“”]\.)$)"
)


@pytest.mark.parametrize(
    "text",
    [
        "决议,决定",  # comma between Chinese characters
        "共有1,000人",  # a figure's separator: not a mark of Chinese text
        "报告,1",  # before a figure
        "报告,١",  # before an Arabic-Indic digit (\d is every decimal digit)
        "报告,",  # at the end
        "A,大会",  # before a Chinese character
        "“决议”;",  # after a quotation mark
        "提交报告.",  # full stop at the end
        "提交报告.\n",  # before a final newline ($ matches there)
        "提交报告.\n\n",  # not before two
        "提交报告. 其他",  # not at the end
        "A.B, c; d: e.",  # no Chinese at all
        ",;:.",
        "",
        "豈,豈.",  # compatibility ideographs
    ],
)
def test_rd952_finds_the_marks_its_former_pattern_found(text: str) -> None:
    from resdraft.rules.header import _misplaced_ascii_marks

    assert [m.span() for m in _misplaced_ascii_marks(text)] == [m.span() for m in _RD952_ORACLE.finditer(text)]


def test_rd952_agrees_with_its_former_pattern_on_random_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from resdraft.rules.header import _misplaced_ascii_marks

    alphabet = st.sampled_from([*",;:.\n 1١aA《》“”", "\u3400", "\u9fff", "\u33ff", "\ua000", "\uf900", "\ufaff", "大"])

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet, max_size=12))
    def agrees(text: str) -> None:
        assert [m.span() for m in _misplaced_ascii_marks(text)] == [m.span() for m in _RD952_ORACLE.finditer(text)]

    agrees()


# The English patterns RD607 and RD803 once searched with, their boundary first: kept as the
# oracles of the forms that start with the word (so that the regex engine can jump to it).
_FORMER_EN_PATTERNS = {
    "organ_abbreviation": r"(?<![\w/.-])(?:UN|GA|UNGA|UNSC|ECOSOC)(?![\w/-])",
    "session_in_figures": r"\b(?:its|the) (?P<figure>\d+(?:st|nd|rd|th)) (?:regular |special )?session\b",
}


@pytest.mark.parametrize("key", sorted(_FORMER_EN_PATTERNS))
def test_word_first_patterns_match_what_their_former_form_matched(key: str) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from resdraft.lang import get

    pattern = get("en").compiled[key]
    oracle = re.compile(_FORMER_EN_PATTERNS[key])
    pieces = ["UN", "GA", "UNGA", "UNSC", "ECOSOC", "its", "the", "82nd", "1st", " ", "regular ", "session", "x", "/",
              ".", "-", "_", "é", "1"]  # fmt: skip

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=10).map("".join))
    def agrees(text: str) -> None:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in oracle.finditer(text)]

    agrees()
    for text in ("at its 82nd session", "withits 82nd session", "the UN and the UNGA", "A/UN", "ECOSOC-x", ""):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in oracle.finditer(text)]
