"""``resdraft check`` and ``resdraft rules`` as a user runs them: exit statuses, directory walks,
the text/JSON/SARIF/GitHub outputs, rule selection, ``--fix`` (byte for byte), configuration
files, inline suppressions, and the pre-commit hooks of ``.pre-commit-hooks.yaml``.

Every test works in a fresh temporary directory (the working directory too), on short texts
written here or on a copy of ``examples/draft-with-errors-en.md``. Exit status 2 comes from
``cli.main()``, so the cases that raise are run as real processes (``run_subprocess``); the
rest run in-process (``run_cli``)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import tomllib
import unicodedata
from pathlib import Path

import pytest
from files import write
from jsonschema import Draft202012Validator, validators

import resdraft
from resdraft.rules import rules

REPO_ROOT = Path(__file__).resolve().parents[1]
DIAGNOSTICS_SCHEMA = REPO_ROOT / "schemas" / "diagnostics.schema.json"
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
ERRORS_EXAMPLE = REPO_ROOT / "examples" / "draft-with-errors-en.md"
ERRORS_KEY = REPO_ROOT / "examples" / "draft-with-errors-en.errors.md"
HOOKS_FILE = REPO_ROOT / ".pre-commit-hooks.yaml"

ESC = "\x1b["
BOM = b"\xef\xbb\xbf"

# --- texts ---------------------------------------------------------------------------------

EN_CLEAN = """\
United Nations A/80/L.9
General Assembly Distr.: Limited
3 March 2026
Original: English

Eightieth session
Agenda item 12

Norway and Fiji: draft resolution

Lighthouses and maritime safety

The General Assembly,

*Recalling* its resolution 75/190 of 16 December 2020,

*Recognizing* the contribution of lighthouses to the safety of navigation,

1. *Decides* to proclaim 7 August as World Lighthouse Day;

2. *Invites* all Member States to observe the Day in an appropriate manner;

3. *Requests* the Secretary-General to bring the present resolution to the attention of all Member States.
"""
PP_LINE = 17  # "*Recognizing* …"
LAST_OP_LINE = 23  # "3. *Requests* …"

# the two safe fixes: a preambular paragraph ending with ";" and a last operative paragraph ending with ";"
EN_BAD = EN_CLEAN.replace("safety of navigation,", "safety of navigation;").replace(
    "all Member States.\n", "all Member States;\n"
)
EN_LAST_SEMICOLON = EN_CLEAN.replace("all Member States.\n", "all Member States;\n")  # RD304 only
EN_WARNING = EN_CLEAN.replace("2. *Invites*", "2. *Invitess*")  # RD311, a warning, no fix
EN_GAP = EN_CLEAN.replace("3. *Requests*", "4. *Requests*")  # RD301, an error, fixed by renumbering
EN_UNFIXABLE = EN_CLEAN.replace("2. *Invites*", "2. *Inviting*")  # RD302, an error, no fix

ZH_CLEAN = """\
大会，

回顾其2020年12月16日第75/190号决议，

确认灯塔对航行安全的贡献，

1. **决定**宣布8月7日为世界灯塔日；

2. **邀请**所有会员国以适当方式纪念该日；

3. **请**秘书长提请所有会员国注意本决议。

2021年12月16日
第54次全体会议
"""
# an ASCII ";" in Chinese running text (RD952) and a last operative paragraph ending with "；" (RD304)
ZH_BAD = ZH_CLEAN.replace("纪念该日；", "纪念该日;").replace("注意本决议。", "注意本决议；")

LETTER = """\
Letter dated 1 May 2026 from the Permanent Representative of Norway addressed to the Secretary-General

I have the honour to transmit the enclosed draft on maritime safety.

Please circulate it as a document of the General Assembly.
"""

README = """\
# Drafts of the Third Committee

This folder holds our working drafts. Before sending one:

1. Edit the text;
2. Run `resdraft check`.
"""

# (code, line) of every finding in examples/draft-with-errors-en.md. The answer key names the
# lines; the linter has more specific rules than the key suggests for two of them:
# "5 bis." is RD313 (negotiation label), "*Decidess*" RD311 (unknown operative phrase, a warning).
ERRORS_EXAMPLE_PAIRS = [
    ("RD203", 20),
    ("RD107", 34),
    ("RD401", 42),
    ("RD313", 46),
    ("RD311", 48),
    ("RD301", 52),
    ("RD502", 54),
    ("RD301", 56),
    ("RD304", 58),
]

HEADER = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<code>RD\d{3}) (?P<message>\S.*)$")


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in ``tmp_path`` (relative paths in the output, no configuration file around) with
    no colour forced either way by the environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def errors_example() -> Path:
    return Path(shutil.copy(ERRORS_EXAMPLE, "draft-with-errors-en.md"))


def check(run_cli, *args: str | Path):
    """``resdraft check ARGS…`` in-process; never a Python exception."""
    result = run_cli("check", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def check_process(run_subprocess, tmp_path: Path, *args: str | Path):
    """``python -m resdraft check ARGS…`` in ``tmp_path``; never a traceback."""
    proc = run_subprocess("check", *args, cwd=tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout
    return proc


def pairs(json_output: str) -> list[tuple[str, int | None]]:
    return [(d["code"], d["line"]) for d in json.loads(json_output)]


def codes_and_lines(run_cli, *args: str | Path) -> list[tuple[str, int | None]]:
    result = check(run_cli, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return pairs(result.stdout)


def headers(text_output: str) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of each diagnostic header line of the text output."""
    found = []
    for line in text_output.splitlines():
        m = HEADER.match(line)
        if m:
            found.append((m["path"], int(m["line"]), int(m["col"]), m["code"]))
    return found


def stamp(path: Path) -> tuple[bytes, int, int]:
    """What a rewrite would change: the bytes, the inode (an atomic rename makes a new one) and
    the modification time (set to a known past value first)."""
    st = path.stat()
    return path.read_bytes(), st.st_ino, st.st_mtime_ns


def age(path: Path) -> None:
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))


@pytest.fixture(scope="module")
def diagnostics_validator() -> Draft202012Validator:
    schema = json.loads(DIAGNOSTICS_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


# --- exit statuses -------------------------------------------------------------------------


def test_a_clean_file_exits_0(run_cli):
    result = check(run_cli, write("clean.md", EN_CLEAN))
    assert result.exit_code == 0
    assert result.stdout == "All checks passed!\n"
    assert result.stderr == ""


def test_a_clean_chinese_file_exits_0(run_cli):
    result = check(run_cli, write("zh.md", ZH_CLEAN))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "All checks passed!\n"


def test_an_error_level_finding_exits_1(run_cli):
    result = check(run_cli, write("gap.md", EN_GAP))
    assert result.exit_code == 1
    assert [h[1:] for h in headers(result.stdout)] == [(LAST_OP_LINE, 1, "RD301")]
    assert result.stdout.endswith("Found 1 error.\n[*] 1 fixable with --fix.\n")
    assert result.stderr == ""


def test_only_warnings_exit_0(run_cli):
    result = check(run_cli, write("warn.md", EN_WARNING))
    assert result.exit_code == 0
    assert [h[3] for h in headers(result.stdout)] == ["RD311"]
    assert result.stdout.endswith("Found 1 warning.\n")


def test_fail_on_warning_makes_a_warning_exit_1(run_cli):
    path = write("warn.md", EN_WARNING)
    assert check(run_cli, "--fail-on", "warning", path).exit_code == 1
    assert check(run_cli, "--fail-on", "info", path).exit_code == 1
    assert check(run_cli, "--fail-on", "error", path).exit_code == 0
    assert check(run_cli, "--fail-on", "warning", write("clean.md", EN_CLEAN)).exit_code == 0


def test_exit_zero_exits_0_despite_errors_and_still_reports_them(run_cli):
    result = check(run_cli, "--exit-zero", write("bad.md", EN_BAD))
    assert result.exit_code == 0
    assert [h[3] for h in headers(result.stdout)] == ["RD203", "RD304"]
    assert "Found 2 errors." in result.stdout


def test_exit_zero_does_not_hide_unusable_input(run_subprocess, tmp_path):
    write("bad.md", EN_BAD)
    proc = check_process(run_subprocess, tmp_path, "--exit-zero", "bad.md", "missing.md")
    assert proc.returncode == 2
    assert "missing.md: error: no such file" in proc.stdout


def _binary() -> Path:
    return write("scan.txt", b"The General Assembly,\n\x00\x01\x02\x00 page 1")


def _latin1() -> Path:
    return write("latin1.txt", "The General Assembly,\n\n*Recalling* the Caf\u00e9 report,\n".encode("latin-1"))


def _letter() -> Path:
    return write("letter.txt", LETTER)


def _readme() -> Path:
    return write("README.md", README)


def _empty() -> Path:
    return write("empty.md", b"")


def _directory_without_texts() -> Path:
    write("notes/plan.rst", EN_CLEAN)
    return Path("notes")


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda: Path("absent.md"), "absent.md: error: no such file"),
        (_binary, "scan.txt: error: binary file"),
        (_latin1, "latin1.txt: error: not UTF-8"),
        (_letter, "letter.txt: error: not a resolution"),
        (_readme, "README.md: error: not a resolution"),
        (_empty, "empty.md: error:"),
        (_directory_without_texts, "no files to check"),
    ],
    ids=["missing", "binary", "not-utf8", "letter", "readme", "empty", "directory-without-texts"],
)
def test_unusable_input_exits_2_without_a_traceback(run_subprocess, tmp_path, make, says):
    path = make()
    proc = check_process(run_subprocess, tmp_path, path)
    assert proc.returncode == 2
    assert says in proc.stdout + proc.stderr


def test_unusable_input_beside_a_good_file_still_exits_2_and_the_good_file_is_checked(run_subprocess, tmp_path):
    write("bad.md", EN_BAD)
    _binary()
    proc = check_process(run_subprocess, tmp_path, "bad.md", "scan.txt")
    assert proc.returncode == 2
    assert "scan.txt: error: binary file (contains NUL bytes), not a text" in proc.stdout
    assert [h[3] for h in headers(proc.stdout)] == ["RD203", "RD304"]
    assert "Found 2 errors, 1 unusable file." in proc.stdout


def test_unusable_input_with_json_goes_to_stderr_in_one_line(run_subprocess, tmp_path):
    _binary()
    proc = check_process(run_subprocess, tmp_path, "--format", "json", "scan.txt")
    assert proc.returncode == 2
    assert json.loads(proc.stdout) == []
    assert proc.stderr == "resdraft: error: scan.txt: binary file (contains NUL bytes), not a text\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_exits_2(run_subprocess, tmp_path):
    path = write("locked.md", EN_CLEAN)
    path.chmod(0)
    try:
        proc = check_process(run_subprocess, tmp_path, path)
    finally:
        path.chmod(0o644)
    assert proc.returncode == 2
    assert "locked.md: error: permission denied" in proc.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--select", "XX1"], "invalid rule selector 'XX1'"),
        (["--ignore", "RD30x"], "invalid rule selector 'RD30x'"),
        (["--extend-select", "RD3001"], "invalid rule selector 'RD3001'"),
        (["--format", "xml"], "xml"),
        (["--fail-on", "fatal"], "fatal"),
        (["--lang", "fr"], "fr"),
        (["--config", "absent.toml"], "cannot read absent.toml"),
    ],
    ids=["select", "ignore", "extend-select", "format", "fail-on", "lang", "config-missing"],
)
def test_usage_errors_exit_2_without_a_traceback(run_subprocess, tmp_path, args, says):
    write("clean.md", EN_CLEAN)
    proc = check_process(run_subprocess, tmp_path, *args, "clean.md")
    assert proc.returncode == 2
    assert says in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_an_unknown_rule_code_on_the_command_line_exits_2(run_subprocess, tmp_path, option):
    write("bad.md", EN_BAD)
    proc = check_process(run_subprocess, tmp_path, option, "RD999", "bad.md")
    assert proc.returncode == 2
    assert "unknown rule code RD999" in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("resdraft.toml", 'ignore = ["RD304"\n', "invalid TOML in"),
        ("resdraft.toml", "ignore = 'RD304'\n", "expected a list of rule codes or prefixes"),
        ("resdraft.toml", 'ignore = ["RD999"]\n', "unknown rule code RD999"),
        ("resdraft.toml", "colour = true\n", "unknown key 'colour'"),
        ("resdraft.toml", '[severity]\nRD304 = "fatal"\n', "unknown severity 'fatal'"),
        ("resdraft.toml", 'lang = "fr"\n', "unsupported language 'fr'"),
        ("pyproject.toml", '[tool.resdraft]\nselect = ["RD3", 4]\n', "(tool.resdraft.select)"),
        ("resdraft.toml", b"ignore = ['RD304\xe9']\n", "not UTF-8"),
    ],
    ids=["toml-syntax", "not-a-list", "unknown-code", "unknown-key", "bad-severity", "bad-lang", "pyproject", "latin1"],
)
def test_a_bad_configuration_file_exits_2_naming_it(run_subprocess, tmp_path, name, content, says):
    write("bad.md", EN_BAD)
    write(name, content)
    proc = check_process(run_subprocess, tmp_path, "bad.md")
    assert proc.returncode == 2
    line = proc.stderr.strip()
    assert line.startswith("resdraft: error: ") and "\n" not in line, proc.stderr
    assert says in line and name in line
    assert proc.stdout == ""
    # the same file named with --config from elsewhere
    other = tmp_path / "elsewhere"
    other.mkdir()
    again = run_subprocess("check", "--config", tmp_path / name, tmp_path / "bad.md", cwd=other)
    assert again.returncode == 2 and says in again.stderr and "Traceback" not in again.stderr


# --- directories ---------------------------------------------------------------------------


def test_a_directory_is_searched_for_txt_md_and_xml_skipping_hidden_entries_and_other_types(run_cli):
    write("drafts/clean.md", EN_CLEAN)
    write("drafts/third/bad.txt", EN_BAD)
    write("drafts/third/deep/gap.md", EN_GAP)
    write("drafts/fifth/bad.xml", resdraft.to_akn(resdraft.parse(EN_BAD)))
    write("drafts/.git/bad.md", EN_BAD)
    write("drafts/.drafts-old/bad.md", EN_BAD)
    write("drafts/.bad.md", EN_BAD)
    write("drafts/bad.rst", EN_BAD)
    write("drafts/bad.md.orig", EN_BAD)
    result = check(run_cli, "--format", "json", "drafts")
    assert result.exit_code == 1
    found = [(d["path"], d["code"], d["line"]) for d in json.loads(result.stdout)]
    assert found == [
        ("drafts/fifth/bad.xml", "RD203", None),  # AKN XML carries no positions
        ("drafts/fifth/bad.xml", "RD304", None),
        ("drafts/third/bad.txt", "RD203", PP_LINE),
        ("drafts/third/bad.txt", "RD304", LAST_OP_LINE),
        ("drafts/third/deep/gap.md", "RD301", LAST_OP_LINE),
    ]
    assert result.stderr == ""


def test_a_readme_inside_a_directory_is_skipped_silently(run_cli):
    write("drafts/clean.md", EN_CLEAN)
    write("drafts/README.md", README)
    write("drafts/letters/letter.txt", LETTER)
    write("drafts/letters/empty.md", "")
    result = check(run_cli, "drafts")
    assert result.exit_code == 0
    assert result.stdout == "All checks passed!\n"
    assert result.stderr == ""
    bad = check(run_cli, "--format", "sarif", write("drafts/bad.md", EN_BAD).parent)
    assert bad.exit_code == 1
    assert bad.stderr == ""
    run = json.loads(bad.stdout)["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"drafts/bad.md"}
    assert run["invocations"][0] == {"executionSuccessful": True}


def test_a_binary_file_inside_a_directory_is_not_skipped(run_subprocess, tmp_path):
    write("drafts/clean.md", EN_CLEAN)
    write("drafts/scan.txt", b"\x00\x00\x00\x00")
    proc = check_process(run_subprocess, tmp_path, "drafts")
    assert proc.returncode == 2
    assert "drafts/scan.txt: error: binary file" in proc.stdout


def test_the_default_path_is_the_working_directory(run_cli):
    write("a.md", EN_GAP)
    write("sub/b.md", EN_WARNING)
    result = check(run_cli)
    assert result.exit_code == 1
    assert [(h[0], h[3]) for h in headers(result.stdout)] == [("a.md", "RD301"), ("sub/b.md", "RD311")]


def test_directory_output_is_in_path_order_and_deterministic(run_cli):
    for name in ["m.md", "b/z.txt", "a.md", "b.md", "b/a.md", "b-c.md", "z/y/x.md", "B.md"]:
        write(f"drafts/{name}", EN_GAP)
    first = check(run_cli, "drafts")
    second = check(run_cli, "drafts")
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout
    paths = [h[0] for h in headers(first.stdout)]
    assert len(paths) == 8
    assert paths == sorted(paths)
    assert pairs(check(run_cli, "--format", "json", "drafts").stdout) == [("RD301", LAST_OP_LINE)] * 8
    json_paths = [d["path"] for d in json.loads(check(run_cli, "--format", "json", "drafts").stdout)]
    assert json_paths == paths


# --- text output ---------------------------------------------------------------------------


def test_text_output_lines_excerpts_carets_and_summary(run_cli):
    result = check(run_cli, write("bad.md", EN_BAD))
    pp = EN_BAD.splitlines()[PP_LINE - 1]
    op = EN_BAD.splitlines()[LAST_OP_LINE - 1]
    expected = (
        f'bad.md:17:{len(pp)}: RD203 preambular paragraph ends with ";"; expected "," [*]\n'
        "   |\n"
        f"17 | {pp}\n"
        f"   | {' ' * (len(pp) - 1)}^\n"
        "   |\n"
        "\n"
        f'bad.md:23:{len(op)}: RD304 the last operative paragraph ends with ";"; expected "." [*]\n'
        "   |\n"
        f"23 | {op}\n"
        f"   | {' ' * (len(op) - 1)}^\n"
        "   |\n"
        "\n"
        "Found 2 errors.\n"
        "[*] 2 fixable with --fix.\n"
    )
    assert result.stdout == expected
    assert ESC not in result.stdout


def test_text_output_of_the_errors_example(run_cli):
    path = errors_example()
    result = check(run_cli, path)
    assert result.exit_code == 1
    found = headers(result.stdout)
    assert [(code, line) for _, line, _, code in found] == ERRORS_EXAMPLE_PAIRS
    assert {p for p, *_ in found} == {"draft-with-errors-en.md"}
    source = path.read_text(encoding="utf-8").splitlines()
    lines = result.stdout.splitlines()
    for _, line, column, _ in found:  # each header is followed by the gutter, the source line, the carets
        i = next(k for k, text in enumerate(lines) if text.startswith(f"{path}:{line}:{column}: "))
        gutter = " " * len(str(line))
        assert lines[i + 1] == f"{gutter} |"
        assert lines[i + 2] == f"{line} | {source[line - 1]}"
        assert re.fullmatch(rf"{gutter} \| {' ' * (column - 1)}\^+", lines[i + 3])
    assert result.stdout.endswith("Found 8 errors, 1 warning.\n[*] 6 fixable with --fix.\n")


def test_text_caret_under_chinese_counts_two_columns_per_character(run_cli):
    result = check(run_cli, write("zh.md", ZH_BAD))
    assert result.exit_code == 1
    found = headers(result.stdout)
    assert [(line, code) for _, line, _, code in found] == [(9, "RD952"), (11, "RD304")]
    lines = result.stdout.splitlines()
    for _, line, column, _ in found:
        source = ZH_BAD.splitlines()[line - 1]
        i = lines.index(f"{line} | {source}")
        width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in source[: column - 1])
        caret = lines[i + 1].removeprefix(" " * len(str(line)) + " | ")
        expected = "^^" if unicodedata.east_asian_width(source[column - 1]) in "WF" else "^"
        assert caret == " " * width + expected, (line, caret)


def test_no_colour_when_not_a_terminal_and_with_no_color(run_cli, run_subprocess, tmp_path, monkeypatch):
    path = write("bad.md", EN_BAD)
    assert ESC not in check(run_cli, path).stdout  # the runner's stdout is not a terminal
    proc = check_process(run_subprocess, tmp_path, path)  # nor is a pipe
    assert proc.returncode == 1 and ESC not in proc.stdout and "RD203" in proc.stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC not in check(run_cli, "--no-color", path).stdout
    assert ESC in check(run_cli, path).stdout  # FORCE_COLOR alone does colour
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC not in check(run_cli, path).stdout


def test_color_option_colours_the_text_output_only(run_cli):
    path = write("bad.md", EN_BAD)
    result = check(run_cli, "--color", path)
    assert result.exit_code == 1
    assert f"{ESC}1mbad.md{ESC}0m:17:" in result.stdout  # bold path
    assert f"{ESC}31mRD203{ESC}0m" in result.stdout  # an error's code in red
    assert f"{ESC}31m^{ESC}0m" in result.stdout  # and its caret
    assert f"{ESC}33mRD311{ESC}0m" in check(run_cli, "--color", write("warn.md", EN_WARNING)).stdout  # yellow
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert stripped == check(run_cli, "--no-color", path).stdout
    for fmt in ("json", "sarif", "github"):
        assert ESC not in check(run_cli, "--color", "--format", fmt, path).stdout


# --- machine-readable formats --------------------------------------------------------------


def test_json_output_validates_and_lists_the_errors_example(run_cli, diagnostics_validator):
    result = check(run_cli, "--format", "json", errors_example())
    assert result.exit_code == 1
    assert result.stderr == ""
    data = json.loads(result.stdout)
    diagnostics_validator.validate(data)
    assert pairs(result.stdout) == ERRORS_EXAMPLE_PAIRS
    assert {d["path"] for d in data} == {"draft-with-errors-en.md"}
    severities = {(d["code"], d["line"]): d["severity"] for d in data}
    assert severities.pop(("RD311", 48)) == "warning"
    assert set(severities.values()) == {"error"}
    fixable = {(d["code"], d["line"]) for d in data if d["fix"] is not None}
    # the footnote call-out without a text cannot be fixed; renumbering the paragraphs can
    assert fixable == {("RD203", 20), ("RD304", 58), ("RD401", 42), ("RD313", 46), ("RD301", 52), ("RD301", 56)}


def test_the_errors_example_answer_key_names_the_same_lines():
    """The findings fall on exactly the lines the companion answer key lists."""
    key_lines = {
        int(m[1]) for m in re.finditer(r"^\| \d+ \| (\d+) \|", ERRORS_KEY.read_text(encoding="utf-8"), re.MULTILINE)
    }
    assert key_lines == {line for _, line in ERRORS_EXAMPLE_PAIRS}


def test_json_output_of_a_clean_file_is_an_empty_list(run_cli, diagnostics_validator):
    result = check(run_cli, "--format", "json", write("clean.md", EN_CLEAN))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    diagnostics_validator.validate([])


def test_json_output_of_chinese_counts_code_points(run_cli, diagnostics_validator):
    result = check(run_cli, "--format", "json", write("zh.md", ZH_BAD))
    data = json.loads(result.stdout)
    diagnostics_validator.validate(data)
    for d in data:
        source = ZH_BAD.splitlines()[d["line"] - 1]
        assert source[d["column"] - 1] in ";；"
        edit = d["fix"]["edits"][0]
        assert source[edit["column"] - 1 : edit["end_column"] - 1] in (";", "；")


def test_sarif_output_validates_against_the_official_schema(run_cli, sarif_validator):
    path = errors_example()
    write("zh.md", ZH_BAD)
    result = check(run_cli, "--format", "sarif", path, "zh.md", write("clean.md", EN_CLEAN))
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    sarif_validator.validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "resdraft"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(rules())
    locations = [r["locations"][0]["physicalLocation"] for r in run["results"]]
    found = [
        (where["artifactLocation"]["uri"], r["ruleId"], r["level"], where["region"]["startLine"])
        for r, where in zip(run["results"], locations, strict=True)
    ]
    expected = [
        ("draft-with-errors-en.md", code, "warning" if code == "RD311" else "error", line)
        for code, line in ERRORS_EXAMPLE_PAIRS
    ]
    expected += [("zh.md", "RD952", "error", 9), ("zh.md", "RD304", "error", 11)]
    assert found == expected
    assert sum("fixes" in r for r in run["results"]) == 8


def test_sarif_output_with_an_unusable_file_validates(run_subprocess, tmp_path, sarif_validator):
    write("bad.md", EN_BAD)
    _binary()
    proc = check_process(run_subprocess, tmp_path, "--format", "sarif", "bad.md", "scan.txt")
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    sarif_validator.validate(log)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert "scan.txt: binary file" in proc.stderr


def test_github_output_is_one_workflow_command_per_finding(run_cli):
    result = check(run_cli, "--format", "github", errors_example())
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(ERRORS_EXAMPLE_PAIRS)
    assert lines[0] == (
        "::error file=draft-with-errors-en.md,line=20,col=104,endLine=20,endColumn=105,title=RD203"
        '::preambular paragraph ends with ";"; expected ","'
    )
    errors = [line for line in lines if line.startswith("::error file=")]
    warnings = [line for line in lines if line.startswith("::warning file=")]
    assert len(errors) == 8 and len(warnings) == 1
    assert "title=RD311" in warnings[0]
    for line, (code, number) in zip(lines, ERRORS_EXAMPLE_PAIRS, strict=True):
        assert f",line={number},col=" in line and f",title={code}::" in line
    assert check(run_cli, "--format", "github", write("clean.md", EN_CLEAN)).stdout == ""


# --- rule selection and statistics ---------------------------------------------------------


def test_select_a_prefix(run_cli):
    path = errors_example()
    assert codes_and_lines(run_cli, "--select", "RD3", path) == [
        p for p in ERRORS_EXAMPLE_PAIRS if p[0].startswith("RD3")
    ]
    assert codes_and_lines(run_cli, "--select", "RD30", path) == [("RD301", 52), ("RD301", 56), ("RD304", 58)]


def test_ignore_a_code(run_cli):
    path = errors_example()
    assert codes_and_lines(run_cli, "--ignore", "RD301", path) == [p for p in ERRORS_EXAMPLE_PAIRS if p[0] != "RD301"]
    # a select and an ignore of the same prefix: ignore wins; the more specific selector wins otherwise
    assert codes_and_lines(run_cli, "--select", "RD3", "--ignore", "RD3", path) == []
    assert codes_and_lines(run_cli, "--select", "RD3", "--ignore", "RD30", "--extend-select", "RD304", path) == [
        ("RD313", 46),
        ("RD311", 48),
        ("RD304", 58),
    ]


def test_extend_select_adds_to_the_selection(run_cli):
    path = errors_example()
    assert codes_and_lines(run_cli, "--select", "RD2", "--extend-select", "RD304", path) == [
        ("RD203", 20),
        ("RD304", 58),
    ]
    write("resdraft.toml", 'select = ["RD4"]\n')
    assert codes_and_lines(run_cli, "--extend-select", "RD5", path) == [("RD401", 42), ("RD502", 54)]


def test_comma_separated_and_repeated_options_are_the_same(run_cli):
    path = errors_example()
    comma = codes_and_lines(run_cli, "--select", "RD203,RD304,RD401", path)
    repeated = codes_and_lines(run_cli, "--select", "RD203", "--select", "RD304", "--select", "RD401", path)
    mixed = codes_and_lines(run_cli, "--select", "RD203, RD304", "--select", "RD401", path)
    assert comma == repeated == mixed == [("RD203", 20), ("RD401", 42), ("RD304", 58)]
    ignored = codes_and_lines(run_cli, "--ignore", "RD3,RD5", "--ignore", "RD107", path)
    assert ignored == [("RD203", 20), ("RD401", 42)]


def test_selection_decides_the_exit_status(run_cli):
    path = errors_example()
    assert check(run_cli, "--select", "RD311", path).exit_code == 0  # a warning only
    assert check(run_cli, "--select", "RD311", "--fail-on", "warning", path).exit_code == 1
    assert check(run_cli, "--select", "RD7", path).exit_code == 0


def test_statistics_counts_the_findings_per_rule(run_cli):
    result = check(run_cli, "--statistics", errors_example())
    assert result.exit_code == 1
    assert result.stdout == (
        "   2  RD301  [*] operative-numbering\n"
        "   1  RD107      preamble-before-operative\n"
        "   1  RD203  [*] preamble-comma\n"
        "   1  RD304  [*] operative-punctuation\n"
        "   1  RD311      operative-known-phrase\n"
        "   1  RD313  [*] negotiation-label\n"
        "   1  RD401  [*] item-labels\n"
        "   1  RD502      footnote-numbering\n"  # its finding (a call-out without text) has no fix
    )
    selected = check(run_cli, "--statistics", "--select", "RD30", errors_example())
    assert selected.stdout == "   2  RD301  [*] operative-numbering\n   1  RD304  [*] operative-punctuation\n"
    clean = check(run_cli, "--statistics", write("clean.md", EN_CLEAN))
    assert (clean.exit_code, clean.stdout) == (0, "")


# --- --fix ---------------------------------------------------------------------------------


def test_fix_applies_the_safe_fixes_in_place(run_cli):
    path = write("bad.md", EN_BAD)
    result = check(run_cli, "--fix", path)
    assert result.exit_code == 0
    assert result.stdout == "All checks passed!\nFixed 2 issues.\n"
    assert path.read_bytes() == EN_CLEAN.encode("utf-8")
    assert sorted(p.name for p in Path(".").iterdir()) == ["bad.md"]  # no temporary file left


def test_fix_chinese(run_cli):
    path = write("zh.md", ZH_BAD)
    result = check(run_cli, "--fix", path)
    assert result.exit_code == 0, result.stdout
    assert path.read_text(encoding="utf-8") == ZH_CLEAN


def test_fix_keeps_a_bom_and_crlf_line_endings_byte_for_byte(run_cli):
    original = BOM + EN_BAD.replace("\n", "\r\n").encode("utf-8")
    path = write("crlf.md", original)
    result = check(run_cli, "--fix", path)
    assert result.exit_code == 0
    expected = BOM + EN_CLEAN.replace("\n", "\r\n").encode("utf-8")
    assert path.read_bytes() == expected
    assert path.read_bytes().count(b"\r\n") == original.count(b"\r\n")
    assert b"\n" not in path.read_bytes().replace(b"\r\n", b"")


def test_fix_at_the_end_of_a_file_without_a_final_newline(run_cli):
    original = EN_BAD.rstrip("\n").replace("\n", "\r\n").encode("utf-8")
    path = write("nonl.md", original)
    assert check(run_cli, "--fix", path).exit_code == 0
    assert path.read_bytes() == EN_CLEAN.rstrip("\n").replace("\n", "\r\n").encode("utf-8")


def test_fix_leaves_unfixable_findings_reported_and_the_exit_status_reflects_them(run_cli):
    path = errors_example()
    before = path.read_bytes().split(b"\n")
    result = check(run_cli, "--fix", path)
    assert result.exit_code == 1
    remaining = [(code, line) for _, line, _, code in headers(result.stdout)]
    assert remaining == [("RD107", 34), ("RD311", 48), ("RD502", 54)]
    # the two punctuation fixes, the item labels and the renumbering (one fix for all paragraphs)
    assert result.stdout.endswith("Found 2 errors, 1 warning.\nFixed 4 issues.\n")
    after = path.read_bytes().split(b"\n")
    assert len(after) == len(before)
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [20, 42, 46, 48, 50, 52, 54, 56, 58]
    assert after[19] == before[19][:-1] + b","
    assert after[41] == b"(c)" + before[41][3:]
    assert [line.split(b" ", 1)[0] for line in after[45:58:2]] == [b"6.", b"7.", b"8.", b"9.", b"10.", b"11.", b"12."]
    assert after[57] == b"12." + before[57][3:-1] + b"."
    # only warnings left after the fix: exit 0
    warn = write("warn.md", EN_WARNING.replace("navigation,", "navigation;"))
    assert check(run_cli, "--fix", warn).exit_code == 0
    assert warn.read_text(encoding="utf-8") == EN_WARNING


def test_fix_twice_changes_nothing_the_second_time(run_cli):
    path = errors_example()
    first = check(run_cli, "--fix", path)
    assert "Fixed 4 issues." in first.stdout
    age(path)
    before = stamp(path)
    second = check(run_cli, "--fix", path)
    assert stamp(path) == before
    assert second.exit_code == first.exit_code == 1
    assert "Fixed" not in second.stdout
    assert headers(second.stdout) == headers(first.stdout)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (EN_CLEAN, 0),
        (EN_WARNING, 0),  # a warning without a fix
        (EN_UNFIXABLE, 1),  # an error without a fix
        (BOM.decode("utf-8") + EN_UNFIXABLE.replace("\n", "\r\n"), 1),
    ],
    ids=["clean", "warning", "error", "bom-crlf"],
)
def test_fix_does_not_rewrite_a_file_without_a_fixable_finding(run_cli, text, status):
    path = write("draft.md", text)
    age(path)
    before = stamp(path)
    result = check(run_cli, "--fix", path)
    assert result.exit_code == status
    assert stamp(path) == before
    assert "Fixed" not in result.stdout
    assert [p.name for p in Path(".").iterdir()] == ["draft.md"]


def test_fix_applies_only_the_selected_rules(run_cli):
    path = write("bad.md", EN_BAD)
    result = check(run_cli, "--fix", "--select", "RD203", path)
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == EN_LAST_SEMICOLON  # RD304 left alone
    ignored = write("bad2.md", EN_BAD)
    assert check(run_cli, "--fix", "--ignore", "RD203", ignored).exit_code == 0
    assert ignored.read_text(encoding="utf-8") == EN_BAD.replace("all Member States;\n", "all Member States.\n")


def test_fix_in_a_directory_fixes_every_file_and_skips_the_readme(run_cli):
    write("drafts/a.md", EN_BAD)
    write("drafts/sub/b.txt", ZH_BAD)
    readme = write("drafts/README.md", README)
    result = check(run_cli, "--fix", "drafts")
    assert result.exit_code == 0
    assert result.stdout == "All checks passed!\nFixed 4 issues.\n"
    assert Path("drafts/a.md").read_text(encoding="utf-8") == EN_CLEAN
    assert Path("drafts/sub/b.txt").read_text(encoding="utf-8") == ZH_CLEAN
    assert readme.read_text(encoding="utf-8") == README


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_fix_through_a_symbolic_link_fixes_the_linked_file(run_cli):
    real = write("drafts/real.md", EN_BAD)
    link = Path("link.md")
    link.symlink_to(real.resolve())
    assert check(run_cli, "--fix", link).exit_code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == EN_CLEAN


# pdftotext ends each page with a form feed; the reader accepts it as a line break
EN_BAD_PAGE_BREAK = EN_BAD.replace("The General Assembly,", "\fThe General Assembly,")


def test_a_page_break_does_not_shift_the_excerpt(run_cli):
    result = check(run_cli, write("pdf.txt", EN_BAD_PAGE_BREAK))
    assert result.exit_code == 1
    found = headers(result.stdout)
    assert [code for *_, code in found] == ["RD203", "RD304"]
    lines = result.stdout.splitlines()
    for (_, line, column, _), ends in zip(found, ("navigation;", "Member States;"), strict=True):
        shown = next((text for text in lines if text.startswith(f"{line} |")), "")
        assert shown.endswith(ends), result.stdout
        assert len(shown.removeprefix(f"{line} | ")) == column


def test_fix_works_in_a_text_with_a_page_break(run_cli):
    path = write("pdf.txt", EN_BAD_PAGE_BREAK)
    result = check(run_cli, "--fix", path)
    assert result.exit_code == 0, result.stdout
    assert path.read_text(encoding="utf-8") == EN_CLEAN.replace("The General Assembly,", "\fThe General Assembly,")


# --- configuration -------------------------------------------------------------------------


def test_config_ignore_in_resdraft_toml_in_the_working_directory(run_cli):
    path = write("bad.md", EN_BAD)
    write("resdraft.toml", 'ignore = ["RD203"]\n')
    assert codes_and_lines(run_cli, path) == [("RD304", LAST_OP_LINE)]
    # --select starts afresh, as in ruff
    assert codes_and_lines(run_cli, "--select", "RD203", path) == [("RD203", PP_LINE)]


def test_config_severity_override_turns_an_error_into_a_warning(run_cli):
    path = write("semicolon.md", EN_LAST_SEMICOLON)
    assert check(run_cli, path).exit_code == 1
    write("resdraft.toml", '[severity]\nRD304 = "warning"\n')
    result = check(run_cli, path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("semicolon.md:23:")
    assert "Found 1 warning." in result.stdout
    assert json.loads(check(run_cli, "--format", "json", path).stdout)[0]["severity"] == "warning"
    assert check(run_cli, "--fail-on", "warning", path).exit_code == 1


def test_config_fail_on(run_cli):
    path = write("warn.md", EN_WARNING)
    write("resdraft.toml", 'fail-on = "warning"\n')
    assert check(run_cli, path).exit_code == 1
    assert check(run_cli, "--fail-on", "error", path).exit_code == 0


def test_config_per_file_ignores(run_cli):
    write("drafts/main.md", EN_BAD)
    write("drafts/annexes/annex-1.md", EN_BAD)
    write("resdraft.toml", '[per-file-ignores]\n"drafts/annexes/*.md" = ["RD304"]\n"main.md" = ["RD2"]\n')
    result = check(run_cli, "--format", "json", "drafts")
    found = [(d["path"], d["code"]) for d in json.loads(result.stdout)]
    assert found == [("drafts/annexes/annex-1.md", "RD203"), ("drafts/main.md", "RD304")]
    # the patterns are relative to the configuration file, wherever the check runs from
    os.chdir("drafts")
    found = [(d["path"], d["code"]) for d in json.loads(check(run_cli, "--format", "json", ".").stdout)]
    assert found == [("annexes/annex-1.md", "RD203"), ("main.md", "RD304")]


def test_config_lang(run_cli, run_subprocess, tmp_path):
    write("zh.md", ZH_BAD)
    write("resdraft.toml", 'lang = "zh"\n')
    assert codes_and_lines(run_cli, "zh.md") == [("RD952", 9), ("RD304", 11)]
    write("resdraft.toml", 'lang = "en"\n')  # a Chinese text read as English is no resolution
    proc = check_process(run_subprocess, tmp_path, "zh.md")
    assert proc.returncode == 2
    assert "zh.md: error: not a resolution" in proc.stdout
    assert codes_and_lines(run_cli, "--lang", "auto", "zh.md") == [("RD952", 9), ("RD304", 11)]
    assert codes_and_lines(run_cli, "--lang", "zh", "zh.md") == [("RD952", 9), ("RD304", 11)]


def test_config_in_pyproject_is_found_from_a_subdirectory(run_cli, monkeypatch, tmp_path):
    write("pyproject.toml", '[project]\nname = "drafts"\n\n[tool.resdraft]\nignore = ["RD3"]\n')
    write("drafts/bad.md", EN_BAD)
    monkeypatch.chdir(tmp_path / "drafts")
    assert codes_and_lines(run_cli, "bad.md") == [("RD203", PP_LINE)]


def test_a_pyproject_without_a_resdraft_table_is_passed_over(run_cli, monkeypatch, tmp_path):
    write("resdraft.toml", 'ignore = ["RD203"]\n')
    write("drafts/pyproject.toml", '[project]\nname = "drafts"\n')
    write("drafts/bad.md", EN_BAD)
    monkeypatch.chdir(tmp_path / "drafts")
    assert codes_and_lines(run_cli, "bad.md") == [("RD304", LAST_OP_LINE)]


def test_resdraft_toml_wins_over_pyproject_in_the_same_directory(run_cli):
    write("pyproject.toml", '[tool.resdraft]\nignore = ["RD304"]\n')
    write("resdraft.toml", 'ignore = ["RD203"]\n')
    assert codes_and_lines(run_cli, write("bad.md", EN_BAD)) == [("RD304", LAST_OP_LINE)]


def test_config_option_names_the_file(run_cli):
    path = write("bad.md", EN_BAD)
    write("resdraft.toml", 'ignore = ["RD304"]\n')  # in the working directory, but not used
    write("ci/strict.toml", 'ignore = ["RD203"]\n[severity]\nRD304 = "warning"\n')
    write("ci/pyproject.toml", '[tool.resdraft]\nselect = ["RD2"]\n')
    result = check(run_cli, "--config", "ci/strict.toml", "--format", "json", path)
    assert result.exit_code == 0
    assert [(d["code"], d["severity"]) for d in json.loads(result.stdout)] == [("RD304", "warning")]
    assert codes_and_lines(run_cli, "--config", "ci/pyproject.toml", path) == [("RD203", PP_LINE)]


# --- inline suppressions -------------------------------------------------------------------


def test_a_directive_before_a_paragraph_suppresses_it(run_cli):
    text = EN_BAD.replace("3. *Requests*", "<!-- resdraft: disable=RD304 -->\n3. *Requests*")
    result = check(run_cli, write("bad.md", text))
    assert [h[3] for h in headers(result.stdout)] == ["RD203"]
    # on another paragraph, or for another code, it suppresses nothing
    elsewhere = EN_BAD.replace("*Recognizing*", "<!-- resdraft: disable=RD304 -->\n*Recognizing*")
    assert [c for c, _ in codes_and_lines(run_cli, write("b.md", elsewhere))] == ["RD203", "RD304"]
    other = EN_BAD.replace("3. *Requests*", "<!-- resdraft: disable=RD203 -->\n3. *Requests*")
    assert [c for c, _ in codes_and_lines(run_cli, write("c.md", other))] == ["RD203", "RD304"]


def test_a_directive_at_the_end_of_a_line_suppresses_on_that_line(run_cli):
    text = EN_BAD.replace("all Member States;\n", "all Member States; <!-- resdraft: disable=RD304 -->\n")
    result = check(run_cli, write("bad.md", text))
    assert result.exit_code == 1
    assert [h[3] for h in headers(result.stdout)] == ["RD203"]
    both = text.replace("navigation;\n", "navigation; <!-- resdraft: disable=RD203 -->\n")
    assert check(run_cli, write("both.md", both)).exit_code == 0


def test_a_directive_in_a_crlf_file(run_cli):
    text = EN_BAD.replace("all Member States;\n", "all Member States; <!-- resdraft: disable=RD3 -->\n")
    text = text.replace("*Recognizing*", "<!-- resdraft: disable=RD203 -->\n*Recognizing*")
    assert check(run_cli, write("crlf.md", text.replace("\n", "\r\n"))).exit_code == 0


def test_disable_file(run_cli):
    path = errors_example()
    text = path.read_text(encoding="utf-8")
    path.write_text("<!-- resdraft: disable-file=RD301,RD304 -->\n" + text, encoding="utf-8")
    remaining = codes_and_lines(run_cli, path)
    assert remaining == [(c, n + 1) for c, n in ERRORS_EXAMPLE_PAIRS if c not in ("RD301", "RD304")]
    path.write_text(text + "\n<!-- resdraft: disable-file -->\n", encoding="utf-8")
    result = check(run_cli, path)
    assert result.exit_code == 0
    assert result.stdout == "All checks passed!\n"


def test_a_suppressed_fixable_finding_is_not_fixed(run_cli):
    text = EN_BAD.replace("all Member States;\n", "all Member States; <!-- resdraft: disable=RD304 -->\n")
    path = write("bad.md", text)
    assert check(run_cli, "--fix", path).exit_code == 0
    assert path.read_text(encoding="utf-8") == text.replace("navigation;", "navigation,")


def test_a_directive_that_cannot_be_understood_is_reported(run_cli):
    text = EN_LAST_SEMICOLON.replace("3. *Requests*", "<!-- resdraft: enable=RD304 -->\n3. *Requests*")
    result = check(run_cli, write("draft.md", text))
    assert "RD304" in result.stdout  # nothing suppressed
    assert "unknown resdraft directive 'enable'" in result.stdout + result.stderr


# --- resdraft rules ------------------------------------------------------------------------


def test_rules_lists_every_registered_code(run_cli):
    result = run_cli("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(rules())
    for line, rule in zip(result.stdout.splitlines(), rules().values(), strict=True):
        assert rule.name in line and rule.summary in line
        assert (" fix " in line) == rule.fixable


def test_rules_explains_a_rule_with_a_bad_and_a_good_example(run_cli):
    result = run_cli("rules", "RD301")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("RD301 (operative-numbering)\n")
    assert "Severity: error" in out
    assert "Bad::" in out and "Good::" in out
    assert out.index("Bad::") < out.index("Good::")
    assert run_cli("rules", "rd301").stdout == out


@pytest.mark.parametrize("code", list(rules()))
def test_every_rule_has_an_explanation(run_cli, code):
    result = run_cli("rules", code)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{code} ({rules()[code].name})\n")
    assert "Bad::" in result.stdout and "Good::" in result.stdout


def test_rules_with_an_unknown_code_exits_2_with_a_clear_message(run_subprocess, tmp_path):
    proc = run_subprocess("rules", "RD999", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == "resdraft: error: unknown rule 'RD999'; `resdraft rules` lists them\n"


# --- pre-commit hooks ----------------------------------------------------------------------


def parse_hooks(text: str) -> list[dict[str, str]]:
    """The hooks of a ``.pre-commit-hooks.yaml`` written as a flat list of mappings (the subset
    of YAML this repository uses: ``- id: …`` then ``  key: value`` lines, comments)."""
    hooks: list[dict[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if m := re.fullmatch(r"- id: (\S+)", line):
            hooks.append({"id": m[1]})
            continue
        m = re.fullmatch(r"  ([a-z_]+): (\S.*)", line)
        assert m is not None and hooks, f"not understood: {line!r}"
        assert m[1] not in hooks[-1], f"repeated key {m[1]}"
        hooks[-1][m[1]] = m[2]
    return hooks


def flow_list(value: str) -> list[str]:
    m = re.fullmatch(r"\[(.*)\]", value)
    assert m is not None, value
    return [item.strip() for item in m[1].split(",")]


def test_pre_commit_hooks_file_declares_the_two_hooks():
    hooks = parse_hooks(HOOKS_FILE.read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["resdraft", "resdraft-fix"]
    by_id = {h["id"]: h for h in hooks}
    assert by_id["resdraft"]["entry"] == "resdraft check"
    assert by_id["resdraft-fix"]["entry"] == "resdraft check --fix"
    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    for hook in hooks:
        assert hook["name"]
        assert hook["entry"].startswith("resdraft check")
        assert shlex.split(hook["entry"])[0] in scripts  # the console script pre-commit installs
        assert hook["language"] == "python"
        assert flow_list(hook["types_or"]) == ["markdown", "text"]
        assert hook["require_serial"] == "false"
        files = re.compile(hook["files"])
        assert files.pattern == r"\.(md|txt)$"
        assert all(files.search(p) for p in ("draft.md", "drafts/A-80-L.9.txt"))
        assert not any(files.search(p) for p in ("draft.xml", "draft.mdx", "notes.md.orig"))


def test_pre_commit_hook_entries_run(run_subprocess, tmp_path):
    """Run each entry as pre-commit does: the entry's words, then the staged files."""
    hooks = {h["id"]: h for h in parse_hooks(HOOKS_FILE.read_text(encoding="utf-8"))}
    write("drafts/bad.md", EN_BAD)
    write("drafts/clean.txt", EN_CLEAN)
    staged = ["drafts/bad.md", "drafts/clean.txt"]

    def run(hook_id: str):
        words = shlex.split(hooks[hook_id]["entry"])
        assert words[0] == "resdraft"
        proc = run_subprocess(*words[1:], *staged, cwd=tmp_path)
        assert "Traceback" not in proc.stderr
        return proc

    proc = run("resdraft")
    assert proc.returncode == 1
    assert [h[3] for h in headers(proc.stdout)] == ["RD203", "RD304"]
    assert Path("drafts/bad.md").read_text(encoding="utf-8") == EN_BAD
    fixed = run("resdraft-fix")
    assert fixed.returncode == 0
    assert Path("drafts/bad.md").read_text(encoding="utf-8") == EN_CLEAN
    assert run("resdraft").returncode == 0
