"""``resdraft format`` on short UN-style drafts written here: renumbering of operative paragraphs
(negotiation labels, deletions, moves), sub-items and footnotes with the internal references
that name them, the references to other documents left alone, the refusals (exit 2, file
untouched), and the command line itself (--write/--check/--diff, stdout mode, BOM and CRLF,
directories, XML).

Every expected text is written out by hand. The tests work in a fresh temporary directory (the
working directory too); the cases that end in a usage error run as real processes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from files import write

from resdraft.format import format_text
from resdraft.lint import lint_text

BOM = b"\xef\xbb\xbf"

# --- helpers -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def fmt(run_cli, *args: str | Path):
    """``resdraft format ARGS…`` in-process; never a Python exception."""
    result = run_cli("format", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def written(run_cli, text: str, name: str = "draft.md") -> str:
    """Write ``text``, run ``format --write`` on it (which must succeed) and return the new text."""
    path = write(name, text)
    result = fmt(run_cli, "--write", path)
    assert result.exit_code == 0, result.stderr
    return path.read_text(encoding="utf-8")


def formatted(text: str, name: str = "draft.md") -> str:
    """The formatted text (the library function), which must not be refused."""
    result = format_text(text, name)
    assert not result.refused and result.error is None, result.refused
    return result.text


def files_here() -> list[str]:
    return sorted(str(p) for p in Path(".").rglob("*"))


# what the formatter may change: figures, labels, call-outs, direction words (then punctuation and emphasis)
_LABELS = re.compile(
    r"\[\^\d+\]|\[new\]|(?<![A-Za-z])(?:OP|bis|ter|alt|above|below)(?![A-Za-z])|[上下]文"
    r"|\((?:[a-z]{1,2}|[ivx]+|[一二三四五六七八九十]+)\)|\b[a-z]\.(?=\s)|[\d⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+"
)


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _LABELS.sub(" ", text))


EN_HEAD = """\
The General Assembly,

*Recalling* its resolution 75/190 of 16 December 2020 on World Lighthouse Day,

*Recognizing* the contribution of lighthouses to the safety of navigation,

"""

ZH_HEAD = """\
大会，

回顾其2024年12月19日第79/205号决议以及关于减少灾害风险的所有其他相关决议，

"""

# --- negotiation labels --------------------------------------------------------------------

LABELLED = (
    EN_HEAD
    + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

{label} *Invites* all Member States to observe the Day in an appropriate manner;

2. *Encourages* States to preserve historic lighthouses;

3. *Requests* the Secretary-General to bring the present resolution to the attention of all Member States.
"""
)

RENUMBERED = (
    EN_HEAD
    + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

3. *Encourages* States to preserve historic lighthouses;

4. *Requests* the Secretary-General to bring the present resolution to the attention of all Member States.
"""
)


@pytest.mark.parametrize(
    ("label", "shown"),
    [("1 bis.", "1 bis"), ("1 ter.", "1 ter"), ("OP1bis.", "OP1bis"), ("1 alt.", "1 alt"), ("[new]", "[new]")],
)
def test_a_negotiation_label_is_numbered_in_sequence(run_cli, label, shown):
    path = write("draft.md", LABELLED.format(label=label))
    result = fmt(run_cli, "--write", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == RENUMBERED
    assert result.stderr == (
        f"draft.md:9:1: RD301 renumber operative paragraphs ({shown} → 2, 2 → 3, 3 → 4)\n1 file reformatted\n"
    )


def test_op_prefixed_labels_become_plain_numbers_and_references_follow(run_cli):
    text = (
        EN_HEAD
        + """\
OP1. *Decides* to proclaim 7 August as World Lighthouse Day;

OP2. *Invites* all Member States to observe the Day in an appropriate manner;

OP2bis. *Encourages* States to preserve historic lighthouses;

OP3. *Requests* the Secretary-General to bring paragraphs 2 and 2 bis above to the attention of all Member States.
"""
    )
    assert written(run_cli, text) == (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

3. *Encourages* States to preserve historic lighthouses;

4. *Requests* the Secretary-General to bring paragraphs 2 and 3 above to the attention of all Member States.
"""
    )


def test_a_reference_to_a_bis_paragraph_follows_it():
    text = (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

1 bis. *Invites* all Member States to observe the Day in an appropriate manner;

2. *Encourages* States to preserve historic lighthouses and to open them to visitors on the Day referred to in \
paragraph 1 bis above;

3. *Requests* the Secretary-General to report on the implementation of paragraphs 1 bis and 2 of the present resolution.
"""
    )
    assert formatted(text) == (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

3. *Encourages* States to preserve historic lighthouses and to open them to visitors on the Day referred to in \
paragraph 2 above;

4. *Requests* the Secretary-General to report on the implementation of paragraphs 2 and 3 of the present resolution.
"""
    )


def test_a_reference_to_an_alt_paragraph_follows_it():
    text = (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

2 alt. *Calls upon* States to maintain the aids to navigation that lighthouses provide;

3. *Welcomes* the measures referred to in paragraph 2 alt above.
"""
    )
    assert formatted(text) == (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

3. *Calls upon* States to maintain the aids to navigation that lighthouses provide;

4. *Welcomes* the measures referred to in paragraph 3 above.
"""
    )


# --- deletion, move, ranges and lists ------------------------------------------------------

# paragraph 2 ("Invites …") was deleted in negotiation
AFTER_DELETION = (
    EN_HEAD
    + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

3. *Encourages* States to preserve historic lighthouses and to open them to the public where possible;

4. *Calls upon* States to cooperate with the International Association of Marine Aids to Navigation and Lighthouse \
Authorities in implementing paragraph 3 above;

5. *Invites* the International Maritime Organization to support the efforts referred to in paragraphs 3 and 4 above;

6. *Requests* the Secretary-General to bring paragraph 5 of the present resolution to the attention of the \
International Maritime Organization.
"""
)
AFTER_DELETION_FORMATTED = (
    EN_HEAD
    + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Encourages* States to preserve historic lighthouses and to open them to the public where possible;

3. *Calls upon* States to cooperate with the International Association of Marine Aids to Navigation and Lighthouse \
Authorities in implementing paragraph 2 above;

4. *Invites* the International Maritime Organization to support the efforts referred to in paragraphs 2 and 3 above;

5. *Requests* the Secretary-General to bring paragraph 4 of the present resolution to the attention of the \
International Maritime Organization.
"""
)


def test_after_a_deletion_the_paragraphs_and_the_references_to_them_move_up(run_cli):
    path = write("draft.md", AFTER_DELETION)
    result = fmt(run_cli, "--write", path)
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == AFTER_DELETION_FORMATTED
    assert result.stderr == (
        "draft.md:9:1: RD301 renumber operative paragraphs (3 → 2, 4 → 3, 5 → 4, 6 → 5) and update 3 references\n"
        "1 file reformatted\n"
    )


# paragraphs 2 and 4 swapped places: each reference follows its paragraph, above/below turn round
SWAPPED = (
    EN_HEAD
    + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

4. *Requests* the Secretary-General to report on the observance of the Day referred to in paragraph 2 above;

3. *Encourages* States to preserve historic lighthouses;

2. *Invites* all Member States to observe the Day in cooperation with the Secretary-General, as set out in \
paragraph 4 below.
"""
)
SWAPPED_FORMATTED = (
    EN_HEAD
    + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Requests* the Secretary-General to report on the observance of the Day referred to in paragraph 4 below;

3. *Encourages* States to preserve historic lighthouses;

4. *Invites* all Member States to observe the Day in cooperation with the Secretary-General, as set out in \
paragraph 2 above.
"""
)


def test_after_a_swap_references_follow_their_paragraphs_and_above_below_turn_round():
    assert formatted(SWAPPED) == SWAPPED_FORMATTED


def test_ranges_and_lists_of_paragraphs_follow_their_paragraphs():
    text = (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

3. *Invites* all Member States to observe the Day in an appropriate manner;

4. *Encourages* States to preserve historic lighthouses;

5. *Calls upon* States to cooperate with the International Association of Marine Aids to Navigation and Lighthouse \
Authorities;

6. *Invites* the International Maritime Organization to support the efforts referred to in paragraphs 3 to 5 above;

7. *Requests* the Secretary-General to report on the implementation of paragraphs 3 and 6, of paragraphs 4–5 and of \
paragraphs 1, 3 and 5 of the present resolution.
"""
    )
    assert formatted(text) == (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

3. *Encourages* States to preserve historic lighthouses;

4. *Calls upon* States to cooperate with the International Association of Marine Aids to Navigation and Lighthouse \
Authorities;

5. *Invites* the International Maritime Organization to support the efforts referred to in paragraphs 2 to 4 above;

6. *Requests* the Secretary-General to report on the implementation of paragraphs 2 and 5, of paragraphs 3–4 and of \
paragraphs 1, 2 and 4 of the present resolution.
"""
    )


def test_a_paragraph_inserted_inside_a_range_joins_it():
    text = (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

2 bis. *Encourages* States to preserve historic lighthouses;

3. *Calls upon* States to share good practices in the maintenance of lighthouses;

4. *Requests* the Secretary-General to report on the implementation of paragraphs 1 to 3 above.
"""
    )
    assert formatted(text) == (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

3. *Encourages* States to preserve historic lighthouses;

4. *Calls upon* States to share good practices in the maintenance of lighthouses;

5. *Requests* the Secretary-General to report on the implementation of paragraphs 1 to 4 above.
"""
    )


# --- sub-items -----------------------------------------------------------------------------


def test_sub_items_are_numbered_again_level_by_level():
    text = """\
The General Assembly,

Recalling its resolution 78/145 of 19 December 2023,

1. Calls upon States, in cooperation with relevant organizations:
(a) To strengthen the collection of data on inland fisheries;
(c) To improve the management of freshwater ecosystems, including by:
(i) Establishing protected spawning areas;
(iii) Regulating fishing gear, in particular:
a. Nets with a mesh size below national standards;
c. Gear that damages riverbeds;
(iv) Restoring the connectivity of rivers;
(d) To combat illegal, unreported and unregulated fishing in inland waters;

2. Requests the Food and Agriculture Organization of the United Nations to report to the General Assembly at its \
eighty-second session.
"""
    assert (
        formatted(text, "fisheries.txt")
        == """\
The General Assembly,

Recalling its resolution 78/145 of 19 December 2023,

1. Calls upon States, in cooperation with relevant organizations:
(a) To strengthen the collection of data on inland fisheries;
(b) To improve the management of freshwater ecosystems, including by:
(i) Establishing protected spawning areas;
(ii) Regulating fishing gear, in particular:
a. Nets with a mesh size below national standards;
b. Gear that damages riverbeds;
(iii) Restoring the connectivity of rivers;
(c) To combat illegal, unreported and unregulated fishing in inland waters;

2. Requests the Food and Agriculture Organization of the United Nations to report to the General Assembly at its \
eighty-second session.
"""
    )


EDUCATION_HEAD = """\
The General Assembly,

*Recalling* its resolution 79/171 of 17 December 2024 on the right to education,

1. *Encourages* States, in cooperation with local authorities and communities:

(a) To collect and analyse data disaggregated by income, sex, age and disability;

"""


def test_an_item_reference_with_its_paragraph_number_follows_the_item():
    text = (
        EDUCATION_HEAD
        + """\
(c) To develop flexible and inclusive learning pathways, including by:

(i) Supporting community-based and multi-grade schools;

(iii) Providing accessible learning materials in local and indigenous languages;

(d) To provide safe and affordable transport;

2. *Requests* the Secretary-General to report on the measures referred to in paragraph 1 (c) (iii) above and on \
paragraph 1 (d) of the present resolution.
"""
    )
    assert formatted(text) == (
        EDUCATION_HEAD
        + """\
(b) To develop flexible and inclusive learning pathways, including by:

(i) Supporting community-based and multi-grade schools;

(ii) Providing accessible learning materials in local and indigenous languages;

(c) To provide safe and affordable transport;

2. *Requests* the Secretary-General to report on the measures referred to in paragraph 1 (b) (ii) above and on \
paragraph 1 (c) of the present resolution.
"""
    )


def test_an_item_reference_without_paragraph_number_follows_the_item():
    text = (
        EDUCATION_HEAD
        + """\
(c) To develop flexible and inclusive learning pathways;

(d) To provide safe and affordable transport to the schools referred to in subparagraph (c) above;

(e) To report on the measures referred to in subparagraphs (a) and (d) above;

2. *Decides* to continue its consideration of the question at its eighty-third session.
"""
    )
    assert formatted(text) == (
        EDUCATION_HEAD
        + """\
(b) To develop flexible and inclusive learning pathways;

(c) To provide safe and affordable transport to the schools referred to in subparagraph (b) above;

(d) To report on the measures referred to in subparagraphs (a) and (c) above;

2. *Decides* to continue its consideration of the question at its eighty-third session.
"""
    )


def test_two_items_of_one_paragraph_named_together_both_follow():
    text = (
        EDUCATION_HEAD
        + """\
(c) To develop flexible and inclusive learning pathways;

(d) To provide safe and affordable transport;

2. *Requests* the Secretary-General to report on the measures referred to in paragraph 1 (c) and (d) above.
"""
    )
    assert formatted(text) == (
        EDUCATION_HEAD
        + """\
(b) To develop flexible and inclusive learning pathways;

(c) To provide safe and affordable transport;

2. *Requests* the Secretary-General to report on the measures referred to in paragraph 1 (b) and (c) above.
"""
    )


def test_a_reference_to_a_missing_second_level_item_is_refused(run_cli):
    text = (
        EDUCATION_HEAD
        + """\
(b) To develop flexible and inclusive learning pathways, including by:

(i) Supporting community-based and multi-grade schools;

(iii) Providing accessible learning materials in local and indigenous languages;

2. *Requests* the Secretary-General to report on the measures referred to in paragraph 1 (b) (ii) above.
"""
    )
    path = write("draft.md", text)
    result = fmt(run_cli, "--write", path)
    assert result.exit_code == 2
    assert path.read_text(encoding="utf-8") == text


# --- Chinese -------------------------------------------------------------------------------


def test_chinese_references_and_items_follow_their_paragraphs():
    text = (
        ZH_HEAD
        + """\
1. **欢迎**各国在加强沿海复原力方面取得的进展，并期待下文第3段所述的协助；

2. **鼓励**会员国酌情采取以下措施：

(a) 加强对沿海灾害风险的评估和监测，包括：

(一) 绘制沿海地区灾害风险图并定期更新；

(三) 利用卫星观测和其他遥感技术监测海岸线变化；

(c) 保护和恢复红树林、珊瑚礁和沿海湿地等沿海生态系统；

2 bis. **又鼓励**会员国交流加强沿海复原力的良好做法；

3. **请**联合国减少灾害风险办公室协助会员国执行上文第2(a)(三)段和第2(c)段所述措施；

4. **又请**秘书长就本决议第3段和第2至3段的执行情况提出报告。
"""
    )
    assert formatted(text) == (
        ZH_HEAD
        + """\
1. **欢迎**各国在加强沿海复原力方面取得的进展，并期待下文第4段所述的协助；

2. **鼓励**会员国酌情采取以下措施：

(a) 加强对沿海灾害风险的评估和监测，包括：

(一) 绘制沿海地区灾害风险图并定期更新；

(二) 利用卫星观测和其他遥感技术监测海岸线变化；

(b) 保护和恢复红树林、珊瑚礁和沿海湿地等沿海生态系统；

3. **又鼓励**会员国交流加强沿海复原力的良好做法；

4. **请**联合国减少灾害风险办公室协助会员国执行上文第2(a)(二)段和第2(b)段所述措施；

5. **又请**秘书长就本决议第4段和第2至4段的执行情况提出报告。
"""
    )


def test_chinese_second_level_items_take_chinese_numerals():
    text = (
        ZH_HEAD
        + """\
1. **鼓励**会员国酌情采取以下措施：

(a) 加强对沿海灾害风险的评估和监测，包括：

(i) 绘制沿海地区灾害风险图并定期更新；

(ii) 利用卫星观测和其他遥感技术监测海岸线变化；

(b) 保护和恢复沿海生态系统；

2. **请**秘书长就本决议的执行情况提出报告。
"""
    )
    assert formatted(text) == text.replace("(i) 绘制", "(一) 绘制").replace("(ii) 利用", "(二) 利用")


def test_chinese_swap_turns_shang_wen_and_xia_wen_round():
    text = (
        ZH_HEAD
        + """\
1. **欢迎**各国在加强沿海复原力方面取得的进展；

4. **请**秘书长就上文第2段所述早期预警系统的情况提出报告；

3. **促请**国际社会向发展中国家提供充足的资金和技术援助；

2. **强调**必须加强多灾种早期预警系统，并按照下文第4段提交资料。
"""
    )
    assert formatted(text) == (
        ZH_HEAD
        + """\
1. **欢迎**各国在加强沿海复原力方面取得的进展；

2. **请**秘书长就下文第4段所述早期预警系统的情况提出报告；

3. **促请**国际社会向发展中国家提供充足的资金和技术援助；

4. **强调**必须加强多灾种早期预警系统，并按照上文第2段提交资料。
"""
    )


def test_chinese_two_items_of_one_paragraph_named_together_both_follow():
    text = (
        ZH_HEAD
        + """\
1. **欢迎**各国在加强沿海复原力方面取得的进展；

3. **鼓励**会员国酌情采取以下措施：

(a) 加强对沿海灾害风险的评估和监测；

(b) 保护和恢复沿海生态系统；

(d) 在沿海开发活动中保护和保全海洋环境；

4. **请**秘书长在其下一次报告中列入关于第3(a)和(d)段执行情况的资料。
"""
    )
    assert formatted(text) == (
        ZH_HEAD
        + """\
1. **欢迎**各国在加强沿海复原力方面取得的进展；

2. **鼓励**会员国酌情采取以下措施：

(a) 加强对沿海灾害风险的评估和监测；

(b) 保护和恢复沿海生态系统；

(c) 在沿海开发活动中保护和保全海洋环境；

3. **请**秘书长在其下一次报告中列入关于第2(a)和(c)段执行情况的资料。
"""
    )


# --- references to other documents ---------------------------------------------------------


def test_english_references_to_other_documents_are_left_alone():
    text = """\
The General Assembly,

*Recalling* paragraph 3 of its resolution 79/171 and Security Council resolution 2397 (2017), in particular its \
paragraph 4,

1. *Decides* to proclaim 7 August as World Lighthouse Day;

3. *Invites* all Member States to implement paragraph 3 of resolution 2397 (2017) and paragraph 4 thereof, \
bearing in mind preambular paragraph 3;

4. *Encourages* States to take into account the report of the Secretary-General (A/79/149, paragraph 3) and \
rule 6, paragraph 4, of the rules of procedure;

5. *Requests* the Secretary-General to report on paragraph 4 above.
"""
    assert (
        formatted(text)
        == """\
The General Assembly,

*Recalling* paragraph 3 of its resolution 79/171 and Security Council resolution 2397 (2017), in particular its \
paragraph 4,

1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to implement paragraph 3 of resolution 2397 (2017) and paragraph 4 thereof, \
bearing in mind preambular paragraph 3;

3. *Encourages* States to take into account the report of the Secretary-General (A/79/149, paragraph 3) and \
rule 6, paragraph 4, of the rules of procedure;

4. *Requests* the Secretary-General to report on paragraph 3 above.
"""
    )


def test_chinese_references_to_other_documents_are_left_alone():
    text = """\
大会，

回顾安全理事会第2397(2017)号决议第3段，

1. **欢迎**各国在加强沿海复原力方面取得的进展；

3. **鼓励**会员国执行第2397(2017)号决议第4段，同时考虑到秘书长报告第3段、《仙台框架》第4段和\
(见 A/79/149，第 3 段)；

4. **请**秘书长就上文第3段的执行情况提出报告。
"""
    assert (
        formatted(text)
        == """\
大会，

回顾安全理事会第2397(2017)号决议第3段，

1. **欢迎**各国在加强沿海复原力方面取得的进展；

2. **鼓励**会员国执行第2397(2017)号决议第4段，同时考虑到秘书长报告第3段、《仙台框架》第4段和\
(见 A/79/149，第 3 段)；

3. **请**秘书长就上文第2段的执行情况提出报告。
"""
    )


def test_a_preambular_paragraph_reference_with_above_is_left_alone():
    text = (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

3. *Invites* all Member States to observe the Day, bearing in mind preambular paragraph 3 above;

4. *Requests* the Secretary-General to report on paragraph 3 above.
"""
    )
    assert formatted(text) == (
        EN_HEAD
        + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day, bearing in mind preambular paragraph 3 above;

3. *Requests* the Secretary-General to report on paragraph 2 above.
"""
    )


@pytest.mark.parametrize(
    "external",
    ["第2397(2017)号决议执行部分第3段", "第79/205号决议序言部分第3段", "该公约第4条第3段", "大会议事规则第3段"],
    ids=["operative-part-of-a-resolution", "preambular-part-of-a-resolution", "article-of-a-convention", "rules"],
)
def test_chinese_references_to_parts_articles_and_rules_of_other_documents_are_left_alone(external):
    text = (
        ZH_HEAD
        + f"""\
1. **欢迎**各国在加强沿海复原力方面取得的进展；

3. **鼓励**会员国执行{external}；

4. **请**秘书长就上文第3段的执行情况提出报告。
"""
    )
    assert formatted(text) == (
        ZH_HEAD
        + f"""\
1. **欢迎**各国在加强沿海复原力方面取得的进展；

2. **鼓励**会员国执行{external}；

3. **请**秘书长就上文第2段的执行情况提出报告。
"""
    )


# --- footnotes -----------------------------------------------------------------------------

FOOTNOTES_HEAD = """\
The General Assembly,

*Reaffirming* the Universal Declaration of Human Rights,[^1]

"""


def test_a_removed_markdown_footnote_closes_the_gap():
    # the call-out and the text of footnote 2 (the Convention on the Rights of the Child) were deleted
    text = (
        FOOTNOTES_HEAD
        + """\
*Recalling* the Convention on the Rights of the Child,

1. *Welcomes* the report of the Secretary-General;[^3]

2. *Decides* to continue its consideration of the question at its eighty-third session.[^4]

[^1]: Resolution 217 A (III).

[^3]: A/81/301.

[^4]: See A/81/PV.50.
"""
    )
    assert formatted(text) == (
        FOOTNOTES_HEAD
        + """\
*Recalling* the Convention on the Rights of the Child,

1. *Welcomes* the report of the Secretary-General;[^2]

2. *Decides* to continue its consideration of the question at its eighty-third session.[^3]

[^1]: Resolution 217 A (III).

[^2]: A/81/301.

[^3]: See A/81/PV.50.
"""
    )


def test_markdown_footnote_texts_are_put_in_the_order_of_their_call_outs():
    # a preambular paragraph with a new footnote was inserted before the others
    text = """\
The General Assembly,

*Reaffirming* the Universal Declaration of Human Rights,[^3]

*Recalling* the Convention on the Rights of the Child,[^1]

1. *Welcomes* the report of the Secretary-General;[^2]

2. *Decides* to continue its consideration of the question at its eighty-third session.

[^1]: United Nations, *Treaty Series*, vol. 1577, No. 27531.

[^2]: A/81/301.

[^3]: Resolution 217 A (III).
"""
    assert (
        formatted(text)
        == """\
The General Assembly,

*Reaffirming* the Universal Declaration of Human Rights,[^1]

*Recalling* the Convention on the Rights of the Child,[^2]

1. *Welcomes* the report of the Secretary-General;[^3]

2. *Decides* to continue its consideration of the question at its eighty-third session.

[^1]: Resolution 217 A (III).

[^2]: United Nations, *Treaty Series*, vol. 1577, No. 27531.

[^3]: A/81/301.
"""
    )


# footnote 2 (the International Covenant on Civil and Political Rights) was taken out; ¹² must not
# be mistaken for ², nor ¹⁰⁻¹¹ for two separate call-outs
SUPERSCRIPTS = """\
The General Assembly,

Reaffirming the Universal Declaration of Human Rights¹ and the International Covenant on Economic, Social and \
Cultural Rights,³

Recalling the Convention on the Rights of the Child,⁴ the Convention on the Elimination of All Forms of \
Discrimination against Women⁵ and the Convention on the Rights of Persons with Disabilities,⁶

Recalling also its resolutions 77/124 of 12 December 2022,⁷ 78/118 of 8 December 2023⁸ and 79/138 of \
9 December 2024,⁹ and the reports of the Secretary-General on the question,¹⁰⁻¹¹

1. Welcomes the report of the Special Rapporteur;¹²

2. Decides to continue its consideration of the question at its eighty-first session.

¹ Resolution 217 A (III).
³ See resolution 2200 A (XXI), annex.
⁴ United Nations, Treaty Series, vol. 1577, No. 27531.
⁵ Ibid., vol. 1249, No. 20378.
⁶ Ibid., vol. 2515, No. 44910.
⁷ A/RES/77/124.
⁸ A/RES/78/118.
⁹ A/RES/79/138.
¹⁰ A/79/149.
¹¹ A/80/227.
¹² A/HRC/58/50.
"""
SUPERSCRIPTS_FORMATTED = """\
The General Assembly,

Reaffirming the Universal Declaration of Human Rights¹ and the International Covenant on Economic, Social and \
Cultural Rights,²

Recalling the Convention on the Rights of the Child,³ the Convention on the Elimination of All Forms of \
Discrimination against Women⁴ and the Convention on the Rights of Persons with Disabilities,⁵

Recalling also its resolutions 77/124 of 12 December 2022,⁶ 78/118 of 8 December 2023⁷ and 79/138 of \
9 December 2024,⁸ and the reports of the Secretary-General on the question,⁹⁻¹⁰

1. Welcomes the report of the Special Rapporteur;¹¹

2. Decides to continue its consideration of the question at its eighty-first session.

¹ Resolution 217 A (III).
² See resolution 2200 A (XXI), annex.
³ United Nations, Treaty Series, vol. 1577, No. 27531.
⁴ Ibid., vol. 1249, No. 20378.
⁵ Ibid., vol. 2515, No. 44910.
⁶ A/RES/77/124.
⁷ A/RES/78/118.
⁸ A/RES/79/138.
⁹ A/79/149.
¹⁰ A/80/227.
¹¹ A/HRC/58/50.
"""


def test_superscript_call_outs_a_group_and_their_texts_are_numbered_again(run_cli):
    assert written(run_cli, SUPERSCRIPTS, "rights.txt") == SUPERSCRIPTS_FORMATTED


# --- refusals ------------------------------------------------------------------------------

DANGLING = (
    EN_HEAD
    + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

3. *Encourages* States to preserve historic lighthouses;

4. *Requests* the Secretary-General to report on the observance of the Day referred to in paragraph 2 above.
"""
)
DUPLICATE = (
    EN_HEAD
    + """\
1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

2. *Encourages* States to preserve historic lighthouses;

3. *Requests* the Secretary-General to report on the implementation of paragraph 2 above.
"""
)
ORPHAN_TEXT = (
    FOOTNOTES_HEAD
    + """\
*Recalling* the Convention on the Rights of the Child,

1. *Welcomes* the report of the Secretary-General;[^3]

2. *Decides* to continue its consideration of the question at its eighty-third session.

[^1]: Resolution 217 A (III).

[^2]: United Nations, *Treaty Series*, vol. 1577, No. 27531.

[^3]: A/81/301.
"""
)
NO_TEXT = (
    FOOTNOTES_HEAD
    + """\
*Recalling* the Convention on the Rights of the Child,[^2]

1. *Welcomes* the report of the Secretary-General;[^4]

2. *Decides* to continue its consideration of the question at its eighty-third session.

[^1]: Resolution 217 A (III).

[^2]: United Nations, *Treaty Series*, vol. 1577, No. 27531.
"""
)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            DANGLING,
            "draft.md:11:101: not formatted: reference to paragraph 2, but no paragraph is numbered so; "
            "correct the reference before renumbering",
        ),
        (
            DUPLICATE,
            "draft.md:13:82: not formatted: reference to paragraph 2, but 2 paragraphs are numbered so; "
            "correct the reference before renumbering",
        ),
        (
            ORPHAN_TEXT,
            "draft.md:13:7: not formatted: footnote 2 is never called out; delete its text or add its call-out",
        ),
        (NO_TEXT, "draft.md:7:51: not formatted: footnote call-out 4 has no footnote text; add it first"),
    ],
    ids=["dangling-reference", "duplicate-number", "orphan-footnote-text", "call-out-without-text"],
)
@pytest.mark.parametrize("mode", ["--write", "--check", "--diff"])
def test_a_file_that_cannot_be_renumbered_safely_is_refused_and_left_untouched(run_cli, text, reason, mode):
    path = write("draft.md", text)
    result = fmt(run_cli, mode, path)
    assert result.exit_code == 2
    assert result.stderr == f"{reason}\n1 file not formatted\n"
    assert result.stdout == ""
    assert path.read_bytes() == text.encode("utf-8")
    assert files_here() == ["draft.md"]


# --- safety and the command line -----------------------------------------------------------


def test_formatting_twice_changes_nothing_the_second_time(run_cli):
    path = write("draft.md", AFTER_DELETION)
    assert fmt(run_cli, "--write", path).exit_code == 0
    once = path.read_bytes()
    again = fmt(run_cli, "--write", path)
    assert again.exit_code == 0
    assert again.stderr == "1 file left unchanged\n"
    assert path.read_bytes() == once
    check = fmt(run_cli, "--check", path)
    assert check.exit_code == 0
    assert check.stderr == "1 file already formatted\n"


def test_write_leaves_no_temporary_file(run_cli):
    path = write("draft.md", AFTER_DELETION)
    assert fmt(run_cli, "--write", path).exit_code == 0
    assert files_here() == ["draft.md"]


def test_check_writes_nothing_and_exits_1_when_a_file_would_change(run_cli):
    path = write("draft.md", AFTER_DELETION)
    result = fmt(run_cli, "--check", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Would reformat: draft.md\n"
        "draft.md:9:1: RD301 renumber operative paragraphs (3 → 2, 4 → 3, 5 → 4, 6 → 5) and update 3 references\n"
        "1 file would be reformatted\n"
    )
    assert path.read_text(encoding="utf-8") == AFTER_DELETION


def test_check_exits_0_on_a_formatted_file(run_cli):
    path = write("draft.md", AFTER_DELETION_FORMATTED)
    result = fmt(run_cli, "--check", path)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "1 file already formatted\n")


def test_diff_prints_a_unified_diff_writes_nothing_and_exits_1(run_cli):
    path = write("draft.md", SWAPPED)
    result = fmt(run_cli, "--diff", path)
    assert result.exit_code == 1
    assert result.stdout == "".join(
        [
            "--- a/draft.md\n",
            "+++ b/draft.md\n",
            "@@ -6,8 +6,8 @@\n",
            " \n",
            " 1. *Decides* to proclaim 7 August as World Lighthouse Day;\n",
            " \n",
            "-4. *Requests* the Secretary-General to report on the observance of the Day "
            "referred to in paragraph 2 above;\n",
            "+2. *Requests* the Secretary-General to report on the observance of the Day "
            "referred to in paragraph 4 below;\n",
            " \n",
            " 3. *Encourages* States to preserve historic lighthouses;\n",
            " \n",
            "-2. *Invites* all Member States to observe the Day in cooperation with the Secretary-General, "
            "as set out in "
            "paragraph 4 below.\n",
            "+4. *Invites* all Member States to observe the Day in cooperation with the Secretary-General, "
            "as set out in "
            "paragraph 2 above.\n",
        ]
    )
    assert path.read_text(encoding="utf-8") == SWAPPED
    assert result.stderr.endswith("1 file would be reformatted\n")


def test_diff_of_a_formatted_file_is_empty_and_exits_0(run_cli):
    path = write("draft.md", SWAPPED_FORMATTED)
    result = fmt(run_cli, "--diff", path)
    assert (result.exit_code, result.stdout) == (0, "")


def test_bom_and_crlf_line_endings_are_kept_byte_for_byte(run_cli):
    path = write("draft.md", BOM + AFTER_DELETION.replace("\n", "\r\n").encode("utf-8"))
    assert fmt(run_cli, "--write", path).exit_code == 0
    assert path.read_bytes() == BOM + AFTER_DELETION_FORMATTED.replace("\n", "\r\n").encode("utf-8")


def test_a_file_that_is_not_utf8_is_refused_and_left_untouched(run_cli):
    data = AFTER_DELETION.replace("as World Lighthouse Day", "as Journée mondiale des phares").encode("latin-1")
    path = write("draft.md", data)
    result = fmt(run_cli, "--write", path)
    assert result.exit_code == 2
    assert result.stderr == "resdraft: error: draft.md: not UTF-8 text (byte 221: 0xe9)\n1 file not formatted\n"
    assert path.read_bytes() == data


def test_without_a_mode_the_formatted_text_goes_to_stdout_and_the_file_is_untouched(run_cli):
    path = write("draft.md", AFTER_DELETION)
    result = fmt(run_cli, path)
    assert result.exit_code == 0
    assert result.stdout == AFTER_DELETION_FORMATTED
    assert result.stderr == (
        "draft.md:9:1: RD301 renumber operative paragraphs (3 → 2, 4 → 3, 5 → 4, 6 → 5) and update 3 references\n"
    )
    assert path.read_text(encoding="utf-8") == AFTER_DELETION


def test_several_files_without_a_mode_are_a_usage_error(run_subprocess, tmp_path):
    write("one.md", AFTER_DELETION)
    write("two.md", SWAPPED)
    proc = run_subprocess("format", "one.md", "two.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == "resdraft: error: several files: give --write, --check or --diff\n"
    assert (tmp_path / "one.md").read_text(encoding="utf-8") == AFTER_DELETION


@pytest.mark.parametrize("mode", [[], ["--write"], ["--check"]])
def test_xml_is_refused_with_a_pointer_to_convert(run_cli, mode):
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>\n'
    path = write("resolution.xml", xml)
    result = fmt(run_cli, *mode, path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "resdraft: error: resolution.xml: XML is not formatted; `resdraft convert --to text` renders it as text\n"
    )
    assert path.read_text(encoding="utf-8") == xml


def test_a_directory_is_walked_skipping_readme_xml_and_non_resolutions(run_cli):
    readme = write("drafts/README.md", "# Drafts\n\nThe drafts of the Third Committee, 1. to 3.\n")
    notes = write("drafts/notes.txt", "Informal consultations\n\n3. Item to be discussed\n\n5. Other business\n")
    xml = write("drafts/old/resolution.xml", '<?xml version="1.0"?>\n<akomaNtoso/>\n')
    done = write("drafts/done.md", SWAPPED_FORMATTED)
    todo = write("drafts/old/lighthouses.md", AFTER_DELETION)
    untouched = {p: p.read_bytes() for p in (readme, notes, xml, done)}
    check = fmt(run_cli, "--check", "drafts")
    assert check.exit_code == 1
    assert check.stderr == (
        "Would reformat: drafts/old/lighthouses.md\n"
        "drafts/old/lighthouses.md:9:1: RD301 renumber operative paragraphs (3 → 2, 4 → 3, 5 → 4, 6 → 5) "
        "and update 3 references\n"
        "1 file would be reformatted, 1 file already formatted\n"
    )
    result = fmt(run_cli, "--write", "drafts")
    assert result.exit_code == 0
    assert result.stderr.endswith("1 file reformatted, 1 file left unchanged\n")
    assert todo.read_text(encoding="utf-8") == AFTER_DELETION_FORMATTED
    assert {p: p.read_bytes() for p in untouched} == untouched


def test_safe_punctuation_fixes_are_applied_with_the_renumbering(run_cli):
    text = (
        LABELLED.format(label="1 bis.")
        .replace("navigation,", "navigation;")
        .replace("Member States.", "Member States;")
    )
    assert written(run_cli, text) == RENUMBERED


def test_ignored_rules_fixes_are_skipped_but_renumbering_still_runs(run_cli):
    text = LABELLED.format(label="1 bis.").replace("Member States.", "Member States;")
    path = write("draft.md", text)
    result = fmt(run_cli, "--write", "--ignore", "RD304", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == RENUMBERED.replace("Member States.", "Member States;")


def test_select_limits_the_fixes_but_not_the_renumbering(run_cli):
    text = LABELLED.format(label="1 bis.").replace("navigation,", "navigation;")
    path = write("draft.md", text)
    result = fmt(run_cli, "--write", "--select", "RD304", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == RENUMBERED.replace("navigation,", "navigation;")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (AFTER_DELETION, "draft.md"),
        (SWAPPED, "draft.md"),
        (LABELLED.format(label="[new]"), "draft.md"),
        (LABELLED.format(label="OP1bis."), "draft.md"),
        (SUPERSCRIPTS, "rights.txt"),
        (
            ZH_HEAD + "1. **欢迎**各国取得的进展；\n\n3. **鼓励**会员国执行上文第1段；\n\n"
            "(a) 加强评估，包括：\n\n(一) 绘制风险图；\n\n(三) 监测海岸线变化；\n\n"
            "(c) 保护沿海生态系统；\n\n4. **请**秘书长就上文第3(c)段提出报告。\n",
            "zh.md",
        ),
    ],
    ids=["deletion", "swap", "new-label", "op-bis-label", "superscripts", "chinese"],
)
def test_formatting_changes_no_word(text, name):
    after = formatted(text, name)
    assert after != text
    assert words(after) == words(text)


# --- the library in a fresh process --------------------------------------------------------


def test_format_text_in_a_fresh_process_applies_every_safe_fix():
    text = "大会，\n\n回顾其2024年12月19日第79/205号决议,\n\n1. **欢迎**各国取得的进展;\n\n2. **请**秘书长提出报告。\n"
    code = "import sys\nfrom resdraft.format import format_text\nprint(format_text(sys.stdin.read()).text, end='')"
    proc = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert proc.stdout == (
        "大会，\n\n回顾其2024年12月19日第79/205号决议，\n\n1. **欢迎**各国取得的进展；\n\n2. **请**秘书长提出报告。\n"
    )


# --- found in review: citations of other documents, full-width symbols, "5bis" ---------------

EN_CITATIONS = """\
The General Assembly,

*Recalling* Article 2, paragraph 4, of the Charter of the United Nations and the Beijing Platform for Action, \
paragraph 4,

1. *Decides* to act;

[new] *Notes* the work done;

2. *Urges* States to act in accordance with paragraph 5.2 of the Convention and with paragraph 2 above;

3. *Requests* a report.
"""


def test_citations_of_other_documents_are_not_renumbered():
    assert formatted(EN_CITATIONS) == (
        EN_CITATIONS.replace("[new] *Notes*", "2. *Notes*")
        .replace("2. *Urges*", "3. *Urges*")
        .replace("3. *Requests*", "4. *Requests*")
        .replace("paragraph 2 above", "paragraph 3 above")
    )


def test_bare_citations_of_other_documents_are_no_rd601_error():
    text = EN_CITATIONS.replace("[new] *Notes* the work done;\n\n", "").replace(
        "paragraph 2 above", "paragraph 1 above"
    )
    assert [d.code for d in lint_text(text)] == []


ZH_CITATIONS = """\
大会，

回顾安全理事会第2397(2017)号决议，特别是其第4段，以及《行动纲领》第5段和仙台框架第6段，

1. **决定**采取行动；

1 bis. **邀请**会员国协助执行上文第1段；

2. **请**秘书长提交报告。
"""


def test_chinese_citations_of_other_documents_are_not_renumbered():
    assert formatted(ZH_CITATIONS, "zh.md") == ZH_CITATIONS.replace("1 bis. **邀请**", "2. **邀请**").replace(
        "2. **请**", "3. **请**"
    )


def test_a_full_width_symbol_made_half_width_does_not_stop_the_renumbering():
    text = ZH_CITATIONS.replace("提交报告。", "提交报告(Ａ／80／227)。")
    assert formatted(text, "zh.md") == ZH_CITATIONS.replace("1 bis. **邀请**", "2. **邀请**").replace(
        "2. **请**秘书长提交报告。", "3. **请**秘书长提交报告(A/80/227)。"
    )


def test_a_reference_to_5bis_written_without_a_space_follows_it():
    head = "The General Assembly,\n\n1. *Decides* to act;\n\n"
    text = head + "OP1bis *Invites* States;\n\n2. *Requests* a report on paragraph 1bis above.\n"
    expected = head + "2. *Invites* States;\n\n3. *Requests* a report on paragraph 2 above.\n"
    assert formatted(text) == expected
