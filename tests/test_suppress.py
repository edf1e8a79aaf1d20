"""Inline suppressions: paragraph, line and file directives, in blank-separated and one-line-a-
paragraph layouts, CRLF texts, prefixes, and the directives that cannot be used."""

from __future__ import annotations

import pytest

from resdraft.suppress import Scope, Suppressions, parse_suppressions


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing ``needle``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the text")


def suppressed_lines(sup: Suppressions, code: str, text: str) -> list[int]:
    return [n for n in range(1, text.count("\n") + 2) if sup.suppresses(code, n)]


ENGLISH = """\
The General Assembly,

Recalling its resolution 78/145 of 19 December 2023,

<!-- resdraft: disable=RD301,RD302 -->
1. Decides to convene a high-level meeting on inland fisheries
during its eighty-first session;

2. Requests the Secretary-General to submit a report on the
implementation of the present resolution;

3. Decides to remain seized of the matter.
"""


def test_an_own_line_directive_covers_the_next_paragraph_and_only_it() -> None:
    sup = parse_suppressions(ENGLISH)
    first, wrapped = line_of(ENGLISH, "1. Decides"), line_of(ENGLISH, "during its")
    assert suppressed_lines(sup, "RD301", ENGLISH) == [first, wrapped]
    assert suppressed_lines(sup, "RD302", ENGLISH) == [first, wrapped]
    # neither the paragraph after it nor the one after next
    assert not sup.suppresses("RD301", line_of(ENGLISH, "2. Requests"))
    assert not sup.suppresses("RD301", line_of(ENGLISH, "implementation of"))
    assert not sup.suppresses("RD301", line_of(ENGLISH, "3. Decides"))
    assert sup.problems == []


def test_a_directive_for_one_code_does_not_suppress_another() -> None:
    sup = parse_suppressions(ENGLISH)
    first = line_of(ENGLISH, "1. Decides")
    assert not sup.suppresses("RD303", first)
    assert not sup.suppresses("RD30", first)  # a code is never a prefix of the listed one
    assert not sup.suppresses("RD604", first)


def test_a_directive_without_codes_suppresses_every_code() -> None:
    text = ENGLISH.replace("disable=RD301,RD302", "disable")
    sup = parse_suppressions(text)
    first = line_of(text, "1. Decides")
    assert all(sup.suppresses(code, first) for code in ("RD101", "RD301", "RD604", "RD901"))
    assert not sup.suppresses("RD101", line_of(text, "2. Requests"))


def test_a_prefix_suppresses_its_family() -> None:
    text = ENGLISH.replace("disable=RD301,RD302", "disable=RD3")
    sup = parse_suppressions(text)
    first = line_of(text, "1. Decides")
    assert sup.suppresses("RD305", first) and sup.suppresses("RD399", first)
    assert not sup.suppresses("RD401", first)
    assert not sup.suppresses("RD205", first)


def test_a_trailing_directive_covers_its_own_line_only() -> None:
    text = """\
The General Assembly,

1. Decides to convene a high-level meeting on inland fisheries <!-- resdraft: disable=RD305 -->
during its eighty-first session;

2. Requests the Secretary-General to report thereon;<!--resdraft:disable-->
"""
    sup = parse_suppressions(text)
    assert suppressed_lines(sup, "RD305", text) == [line_of(text, "1. Decides"), line_of(text, "2. Requests")]
    assert suppressed_lines(sup, "RD901", text) == [line_of(text, "2. Requests")]
    assert [d.scope for d in sup.directives] == [Scope.LINE, Scope.LINE]


@pytest.mark.parametrize("where", ["top", "bottom", "trailing"])
def test_a_file_directive_covers_the_whole_file_wherever_it_stands(where: str) -> None:
    directive = "<!-- resdraft: disable-file=RD604 -->"
    if where == "top":
        text = directive + "\n" + ENGLISH
    elif where == "bottom":
        text = ENGLISH + "\n" + directive + "\n"
    else:
        text = ENGLISH.replace("The General Assembly,", "The General Assembly, " + directive)
    sup = parse_suppressions(text)
    assert suppressed_lines(sup, "RD604", text) == list(range(1, text.count("\n") + 2))
    assert not sup.suppresses("RD605", line_of(text, "3. Decides"))
    assert sup.suppresses("RD301", line_of(text, "1. Decides"))  # the paragraph directive still counts
    assert not sup.suppresses("RD301", line_of(text, "3. Decides"))


def test_a_file_directive_without_codes_suppresses_everything() -> None:
    text = "<!-- resdraft: disable-file -->\n" + ENGLISH
    sup = parse_suppressions(text)
    assert sup.suppresses("RD101", 1) and sup.suppresses("RD999", line_of(text, "3. Decides"))
    assert sup.suppresses("RD101", 10_000)


def test_crlf_text() -> None:
    text = ENGLISH.replace("\n", "\r\n").replace(
        "2. Requests the Secretary-General to submit a report on the",
        "2. Requests the Secretary-General to submit a report on the <!-- resdraft: disable=RD8 -->",
    )
    sup = parse_suppressions(text)
    first, wrapped = line_of(text, "1. Decides"), line_of(text, "during its")
    assert suppressed_lines(sup, "RD302", text) == [first, wrapped]
    assert suppressed_lines(sup, "RD801", text) == [line_of(text, "2. Requests")]
    assert sup.problems == []
    crlf_file = parse_suppressions("<!-- resdraft: disable-file=RD9 -->\r\nThe General Assembly,\r\n")
    assert crlf_file.suppresses("RD901", 2)


ONE_LINE_A_PARAGRAPH = """\
The General Assembly,
Recalling its resolution 78/145 of 19 December 2023,
<!-- resdraft: disable=RD301 -->
1. Decides to convene a high-level meeting on inland fisheries during its eighty-first session;
2. Requests the Secretary-General to submit a report on the implementation of the present resolution;
3. Decides to remain seized of the matter.
"""


def test_without_blank_lines_a_directive_covers_the_next_line_only() -> None:
    sup = parse_suppressions(ONE_LINE_A_PARAGRAPH)
    assert suppressed_lines(sup, "RD301", ONE_LINE_A_PARAGRAPH) == [line_of(ONE_LINE_A_PARAGRAPH, "1. Decides")]


def test_inside_a_block_of_items_a_directive_covers_the_next_line_only() -> None:
    text = """\
The General Assembly,

1. Calls upon States, in cooperation with relevant organizations:
(a) To strengthen the collection of data on inland fisheries;
<!-- resdraft: disable=RD401 -->
(b) To improve the management of freshwater ecosystems;
(c) To combat illegal, unreported and unregulated fishing;

2. Requests the Food and Agriculture Organization of the United Nations to prepare guidelines;
"""
    sup = parse_suppressions(text)
    assert suppressed_lines(sup, "RD401", text) == [line_of(text, "(b)")]


def test_directives_before_every_paragraph_do_not_hide_the_blank_line_layout() -> None:
    text = ENGLISH.replace("\n2. Requests", "\n<!-- resdraft: disable=RD303 -->\n2. Requests").replace(
        "\n3. Decides", "\n<!-- resdraft: disable=RD304 -->\n3. Decides"
    )
    sup = parse_suppressions(text)
    assert suppressed_lines(sup, "RD303", text) == [line_of(text, "2. Requests"), line_of(text, "implementation of")]
    assert suppressed_lines(sup, "RD301", text) == [line_of(text, "1. Decides"), line_of(text, "during its")]


def test_stacked_directives_and_a_blank_line_before_the_paragraph() -> None:
    text = """\
The General Assembly,

<!-- resdraft: disable=RD301 -->
<!-- resdraft: disable=RD604 -->

1. Decides to convene a high-level meeting on inland fisheries
during its eighty-first session;

2. Requests the Secretary-General to report thereon;
"""
    sup = parse_suppressions(text)
    paragraph = [line_of(text, "1. Decides"), line_of(text, "during its")]
    assert suppressed_lines(sup, "RD301", text) == paragraph
    assert suppressed_lines(sup, "RD604", text) == paragraph


def test_a_paragraph_directive_stops_at_the_next_comment_line() -> None:
    text = """\
The General Assembly,

<!-- resdraft: disable=RD301 -->
1. Decides to convene a high-level meeting on inland fisheries;
<!-- resdraft: disable=RD302 -->
2. Requests the Secretary-General to report thereon;

3. Decides to remain seized of the matter.
"""
    sup = parse_suppressions(text)
    assert suppressed_lines(sup, "RD301", text) == [line_of(text, "1. Decides")]
    assert suppressed_lines(sup, "RD302", text) == [line_of(text, "2. Requests")]


def test_whitespace_is_free_and_several_codes_may_be_listed() -> None:
    text = (
        "大会，\n\n"
        "<!--   resdraft :  disable =  RD301 , RD302,RD6   -->\n"
        "1. **决定**召开高级别会议；\n\n"
        "2. **请**秘书长提交报告。\n"
    )
    sup = parse_suppressions(text)
    first = line_of(text, "决定")
    assert all(sup.suppresses(code, first) for code in ("RD301", "RD302", "RD604"))
    assert not sup.suppresses("RD303", first)
    assert not sup.suppresses("RD301", line_of(text, "秘书长"))
    assert sup.problems == []


CHINESE = """\
大会，

回顾其2023年12月19日第78/145号决议，

<!-- resdraft: disable=RD3 -->
1. **决定**在第八十一届会议期间召开关于内陆渔业的高级别会议，
并请主席主持会议；

2. **请**秘书长就本决议的执行情况提交报告；<!-- resdraft: disable=RD8 -->

3. **决定**继续处理此案。
"""


def test_a_chinese_text() -> None:
    sup = parse_suppressions(CHINESE)
    assert suppressed_lines(sup, "RD305", CHINESE) == [line_of(CHINESE, "1. **决定**"), line_of(CHINESE, "并请主席")]
    assert suppressed_lines(sup, "RD801", CHINESE) == [line_of(CHINESE, "秘书长")]
    assert not sup.suppresses("RD305", line_of(CHINESE, "继续处理"))


def test_codes_are_case_sensitive() -> None:
    text = ENGLISH.replace("disable=RD301,RD302", "disable=rd301")
    sup = parse_suppressions(text)
    assert not sup.suppresses("RD301", line_of(text, "1. Decides"))
    assert sup.problems == [(line_of(text, "rd301"), sup.problems[0][1])]
    assert "invalid rule code 'rd301'" in sup.problems[0][1]


@pytest.mark.parametrize(
    ("directive", "message"),
    [
        ("<!-- resdraft: enable=RD301 -->", "unknown resdraft directive 'enable'"),
        ("<!-- resdraft: Disable=RD301 -->", "unknown resdraft directive 'Disable'"),
        ("<!-- resdraft: disable-next-line -->", "unknown resdraft directive 'disable-next-line'"),
        ("<!-- resdraft disable=RD301 -->", "malformed resdraft directive"),
        ("<!-- resdraft: disable=RD301;RD302 -->", "invalid rule code 'RD301;RD302'"),
        ("<!-- resdraft: disable=E501 -->", "invalid rule code 'E501'"),
        ("<!-- resdraft: disable= -->", "no rule codes after '='"),
    ],
)
def test_a_directive_that_cannot_be_used_suppresses_nothing_and_is_reported(directive: str, message: str) -> None:
    text = ENGLISH.replace("<!-- resdraft: disable=RD301,RD302 -->", directive)
    sup = parse_suppressions(text)
    first = line_of(text, "1. Decides")
    assert not any(sup.suppresses(code, first) for code in ("RD301", "RD302", "RD101"))
    assert len(sup.problems) == 1
    line, problem = sup.problems[0]
    assert line == line_of(text, "<!--")
    assert message in problem
    assert "\n" not in problem


def test_other_comments_are_not_directives() -> None:
    text = ENGLISH.replace("<!-- resdraft: disable=RD301,RD302 -->", "<!-- TODO: check with the sponsors -->")
    text += "<!-- resdrafting history: second reading -->\n"
    sup = parse_suppressions(text)
    assert sup.directives == [] and sup.problems == []
    assert not sup.suppresses("RD301", line_of(text, "1. Decides"))


def test_a_directive_with_nothing_after_it_is_reported() -> None:
    text = ENGLISH + "\n<!-- resdraft: disable=RD301 -->\n"
    sup = parse_suppressions(text)
    assert sup.problems == [(line_of(text, "disable=RD301 -->"), sup.problems[0][1])]
    assert "suppresses nothing" in sup.problems[0][1]


def test_a_text_without_directives() -> None:
    sup = parse_suppressions(ONE_LINE_A_PARAGRAPH.replace("<!-- resdraft: disable=RD301 -->\n", ""))
    assert sup.directives == [] and sup.problems == []
    assert not sup.suppresses("RD301", 1)
    assert parse_suppressions("").directives == []
