"""Linter settings: selector precedence as in ruff, per-file ignores, severity overrides,
command-line overrides, finding the configuration file and rejecting a bad one clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdraft.config import Settings, find_config, load_settings, selector_error
from resdraft.diagnostics import Severity
from resdraft.errors import ResdraftError

# A few codes from different families; enough for the selection logic, which never looks the
# registry up.
CODES = ("RD101", "RD201", "RD300", "RD301", "RD302", "RD309", "RD310", "RD399", "RD401", "RD604", "RD901")


def enabled(settings: Settings, path: str | None = None) -> set[str]:
    return {code for code in CODES if settings.enabled(code, path)}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- selection ---------------------------------------------------------------------------------


def test_by_default_every_rule_is_enabled() -> None:
    assert enabled(Settings()) == set(CODES)


@pytest.mark.parametrize(
    ("select", "ignore", "extend_select", "on", "off"),
    [
        # the operative family off, the rest on
        (("ALL",), ("RD3",), (), {"RD101", "RD201", "RD401"}, {"RD300", "RD301", "RD399"}),
        # ...but one operative rule selected explicitly: the longer selector wins
        (("ALL", "RD301"), ("RD3",), (), {"RD301", "RD101"}, {"RD300", "RD302", "RD399"}),
        # the same through extend-select
        (("ALL",), ("RD3",), ("RD301",), {"RD301", "RD101"}, {"RD302"}),
        # RD30 is more specific than RD3: RD300–RD309 off, RD310–RD399 on
        (("RD3",), ("RD30",), (), {"RD310", "RD399"}, {"RD300", "RD301", "RD309", "RD101"}),
        # a selected family minus one rule
        (("RD3",), ("RD301",), (), {"RD300", "RD302"}, {"RD301", "RD401"}),
        # equally specific: ignore wins
        (("RD3",), ("RD3",), (), set(), {"RD300", "RD301"}),
        (("RD301",), ("RD301",), (), set(), {"RD301"}),
        (("ALL",), ("ALL",), (), set(), set(CODES)),
        # RD is more specific than ALL
        (("RD",), ("ALL",), (), set(CODES), set()),
        # nothing selected
        ((), (), (), set(), set(CODES)),
        # extend-select adds to select
        (("RD1",), (), ("RD6",), {"RD101", "RD604"}, {"RD201", "RD301"}),
    ],
)
def test_the_most_specific_selector_decides(
    select: tuple[str, ...], ignore: tuple[str, ...], extend_select: tuple[str, ...], on: set[str], off: set[str]
) -> None:
    settings = Settings(select=select, ignore=ignore, extend_select=extend_select)
    got = enabled(settings)
    assert on <= got
    assert not off & got


@pytest.mark.parametrize("value", ["ALL", "RD", "RD3", "RD30", "RD301"])
def test_well_formed_selectors(value: str) -> None:
    assert selector_error(value) is None


@pytest.mark.parametrize("value", ["all", "rd301", "RD3011", "E501", "RD-301", " RD301", "", "RD3*"])
def test_malformed_selectors(value: str) -> None:
    assert "invalid rule selector" in (selector_error(value) or "")


def test_only_full_codes_are_checked_against_the_known_ones() -> None:
    known = {"RD301", "RD302"}
    assert selector_error("RD999", known) == "unknown rule code RD999"
    assert selector_error("RD301", known) is None
    assert selector_error("RD9", known) is None  # a prefix may select nothing yet


# --- per-file ignores --------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(
        tmp_path / "resdraft.toml",
        """
per-file-ignores = { "drafts/*.md" = ["RD3"], "annex-*.txt" = ["RD604", "RD901"], "old/legacy.txt" = ["ALL"] }
""",
    )
    return tmp_path


def test_per_file_ignores_match_the_path_relative_to_the_config_file(project: Path) -> None:
    settings = load_settings(project / "resdraft.toml")
    draft = project / "drafts" / "76-operative.md"
    assert not settings.enabled("RD301", str(draft))
    assert settings.enabled("RD401", str(draft))
    assert settings.enabled("RD301", str(project / "final" / "76-operative.md"))
    assert enabled(settings, str(project / "old" / "legacy.txt")) == set()
    assert enabled(settings, str(project / "old" / "current.txt")) == set(CODES)


def test_per_file_ignores_accept_a_path_relative_to_the_working_directory(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(project / "resdraft.toml")
    monkeypatch.chdir(project)
    assert not settings.enabled("RD302", "drafts/a.md")
    assert not settings.enabled("RD302", "./drafts/a.md")
    (project / "drafts").mkdir()
    monkeypatch.chdir(project / "drafts")
    assert not settings.enabled("RD302", "a.md")  # drafts/a.md relative to the config file
    assert settings.enabled("RD302", "../final/a.md")


def test_a_per_file_pattern_without_a_directory_matches_the_file_name_anywhere(project: Path) -> None:
    settings = load_settings(project / "resdraft.toml")
    annex = str(project / "2025" / "annex-ii.txt")
    assert not settings.enabled("RD604", annex)
    assert not settings.enabled("RD901", annex)
    assert settings.enabled("RD301", annex)


def test_per_file_ignores_outside_the_config_directory_match_the_name_only(project: Path, tmp_path: Path) -> None:
    settings = load_settings(project / "resdraft.toml")
    elsewhere = project.parent / "elsewhere" / "drafts" / "a.md"
    assert settings.enabled("RD301", str(elsewhere))  # not drafts/a.md under the project
    assert not settings.enabled("RD604", str(project.parent / "annex-1.txt"))


def test_per_file_ignores_do_not_enable_what_is_not_selected(project: Path) -> None:
    settings = load_settings(project / "resdraft.toml").with_overrides(select=["RD6"])
    assert enabled(settings, str(project / "drafts" / "a.md")) == {"RD604"}
    assert settings.enabled("RD604", None)


# --- severity, fail-on ---------------------------------------------------------------------------


def test_severity_overrides_by_code_and_by_prefix() -> None:
    settings = Settings(severity={"RD3": Severity.WARNING, "RD301": Severity.INFO})
    assert settings.severity_of("RD301", Severity.ERROR) is Severity.INFO  # the most specific key
    assert settings.severity_of("RD302", Severity.ERROR) is Severity.WARNING
    assert settings.severity_of("RD401", Severity.ERROR) is Severity.ERROR  # the rule's own
    assert settings.severity_of("RD401", Severity.INFO) is Severity.INFO


def test_fail_on_compares_severity_ranks() -> None:
    assert Settings().fails(Severity.ERROR)
    assert not Settings().fails(Severity.WARNING)
    warning = Settings(fail_on=Severity.WARNING)
    assert warning.fails(Severity.ERROR) and warning.fails(Severity.WARNING)
    assert not warning.fails(Severity.INFO)


# --- command-line overrides ----------------------------------------------------------------------


def test_command_line_select_starts_afresh() -> None:
    # ruff's documented example: select = ["E", "F"], ignore = ["F401"]; --select F401 checks F401 only
    file = Settings(select=("RD3", "RD4"), ignore=("RD301",), extend_select=("RD6",))
    cli = file.with_overrides(select=["RD301"])
    assert enabled(cli) == {"RD301"}
    assert cli.select == ("RD301",)


def test_command_line_extend_select_keeps_the_files_ignores() -> None:
    file = Settings(select=("RD3", "RD4"), ignore=("RD301",))
    cli = file.with_overrides(extend_select=["RD1"])
    assert enabled(cli) == {"RD101", "RD300", "RD302", "RD309", "RD310", "RD399", "RD401"}


def test_command_line_extend_select_overrules_a_file_ignore() -> None:
    file = Settings(select=("ALL",), ignore=("RD301", "RD6"))
    cli = file.with_overrides(extend_select=["RD301"])
    assert cli.enabled("RD301") and not cli.enabled("RD604")


def test_command_line_ignore_extends_the_files_and_overrules_its_selection() -> None:
    file = Settings(select=("ALL", "RD301"), ignore=("RD6",))
    cli = file.with_overrides(ignore=["RD3"])
    assert enabled(cli) == {"RD101", "RD201", "RD401", "RD901"}
    assert cli.ignore == ("RD6", "RD3")


def test_command_line_selectors_follow_precedence_among_themselves() -> None:
    file = Settings(select=("RD1",))
    cli = file.with_overrides(extend_select=["RD3"], ignore=["RD301"])
    assert enabled(cli) == {"RD101", "RD300", "RD302", "RD309", "RD310", "RD399"}
    cli = file.with_overrides(extend_select=["RD301"], ignore=["RD3"])
    assert enabled(cli) == {"RD101", "RD301"}


def test_command_line_replaces_lang_and_fail_on_and_keeps_the_rest() -> None:
    file = Settings(
        lang="zh",
        severity={"RD301": Severity.INFO},
        per_file_ignores={"*.md": ("RD9",)},
        source=Path("resdraft.toml"),
    )
    cli = file.with_overrides(lang="en", fail_on=Severity.WARNING)
    assert (cli.lang, cli.fail_on) == ("en", Severity.WARNING)
    assert cli.severity == file.severity and cli.per_file_ignores == file.per_file_ignores
    assert cli.source == file.source
    assert file.with_overrides(lang="auto").lang is None
    assert file.with_overrides() == file


def test_a_malformed_command_line_selector_is_a_usage_error() -> None:
    with pytest.raises(ResdraftError, match=r"invalid rule selector 'rd3' .*in --ignore"):
        Settings().with_overrides(ignore=["rd3"])


# --- finding the configuration -------------------------------------------------------------------


def test_resdraft_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.resdraft]\nselect = ["RD3"]\n')
    write(tmp_path / "resdraft.toml", 'select = ["RD1"]\n')
    assert find_config(tmp_path) == tmp_path / "resdraft.toml"


def test_a_pyproject_with_a_resdraft_table_is_used(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "drafts"\n\n[tool.resdraft]\nlang = "zh"\n')
    assert find_config(tmp_path / "a.txt") == tmp_path / "pyproject.toml"
    assert load_settings(tmp_path / "pyproject.toml").lang == "zh"


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "resdraft.toml", 'ignore = ["RD9"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[tool.ruff]\nline-length = 120\n")
    resolution = write(tmp_path / "sub" / "deeper" / "78-12.md", "The General Assembly,\n")
    assert find_config(resolution) == tmp_path / "resdraft.toml"
    assert find_config(resolution.parent) == tmp_path / "resdraft.toml"


def test_the_nearest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / "resdraft.toml", 'ignore = ["RD9"]\n')
    write(tmp_path / "zh" / "pyproject.toml", '[tool.resdraft]\nlang = "zh"\n')
    assert find_config(tmp_path / "zh" / "80-215.txt") == tmp_path / "zh" / "pyproject.toml"
    assert find_config(tmp_path / "en" / "80-123.txt") == tmp_path / "resdraft.toml"


def test_no_configuration_up_to_the_root(tmp_path: Path) -> None:
    found = find_config(tmp_path / "a.txt")
    assert found is None or not found.is_relative_to(tmp_path)


# --- loading -------------------------------------------------------------------------------------


def test_load_every_key_from_resdraft_toml(tmp_path: Path) -> None:
    config = write(
        tmp_path / "resdraft.toml",
        """
select = ["RD1", "RD3"]
extend-select = ["RD604"]
ignore = ["RD30"]
lang = "en"
fail-on = "warning"

[per-file-ignores]
"drafts/*.md" = ["RD9"]

[severity]
RD301 = "info"
RD3 = "warning"
""",
    )
    settings = load_settings(config)
    assert settings == Settings(
        select=("RD1", "RD3"),
        ignore=("RD30",),
        extend_select=("RD604",),
        per_file_ignores={"drafts/*.md": ("RD9",)},
        severity={"RD301": Severity.INFO, "RD3": Severity.WARNING},
        lang="en",
        fail_on=Severity.WARNING,
        source=config,
    )
    assert enabled(settings) == {"RD101", "RD310", "RD399", "RD604"}


def test_load_nothing_gives_the_defaults(tmp_path: Path) -> None:
    assert load_settings(None) == Settings()
    empty = write(tmp_path / "resdraft.toml", "")
    assert load_settings(empty) == Settings(source=empty)
    pyproject = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_settings(pyproject) == Settings(source=pyproject)
    auto = write(tmp_path / "auto" / "resdraft.toml", 'lang = "auto"\n')
    assert load_settings(auto).lang is None


def test_known_codes_are_checked_everywhere_a_code_may_stand(tmp_path: Path) -> None:
    known = ["RD301", "RD302"]
    ok = write(tmp_path / "ok.toml", 'select = ["ALL", "RD3", "RD301"]\n[severity]\nRD30 = "info"\n')
    assert load_settings(ok, known_codes=known).select == ("ALL", "RD3", "RD301")
    for body, key in [
        ('ignore = ["RD999"]\n', "ignore"),
        ('[severity]\nRD999 = "info"\n', "severity.RD999"),
        ('[per-file-ignores]\n"*.md" = ["RD999"]\n', 'per-file-ignores."*.md"'),
    ]:
        bad = write(tmp_path / "bad.toml", body)
        with pytest.raises(ResdraftError) as err:
            load_settings(bad, known_codes=known)
        assert str(err.value) == f"unknown rule code RD999 in {bad} ({key})"
    # without known_codes, an unknown but well-formed code is accepted
    assert load_settings(bad).per_file_ignores == {"*.md": ("RD999",)}


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        ("resdraft.toml", 'select = ["RD3"\nlang = "en"\n', r"invalid TOML in .*resdraft\.toml: .*\(at line 2, column"),
        ("resdraft.toml", 'select = ["RD3"]\nselect = ["RD4"]\n', r"invalid TOML in .*resdraft\.toml"),
        ("resdraft.toml", 'selct = ["RD3"]\n', r"unknown key 'selct' in .*resdraft\.toml \(expected one of: select, "),
        ("resdraft.toml", "extend_select = []\n", r"unknown key 'extend_select'"),
        ("pyproject.toml", '[tool.resdraft]\nfail_on = "x"\n', r"unknown key 'tool\.resdraft\.fail_on' in .*pyproject"),
        ("pyproject.toml", "[tool]\nresdraft = 3\n", r"expected a table, got an integer \(3\) in .*pyproject\.toml"),
        ("resdraft.toml", '[severity]\nRD301 = "fatal"\n', r"unknown severity 'fatal' \(expected 'error', 'warn"),
        ("resdraft.toml", "[severity]\nRD301 = 2\n", r"expected a severity .*an integer \(2\) .*\(severity\.RD301\)"),
        ("resdraft.toml", 'fail-on = "Error"\n', r"unknown severity 'Error' .* in .*resdraft\.toml \(fail-on\)$"),
        ("resdraft.toml", 'select = ["E501"]\n', r"invalid rule selector 'E501' .* in .*resdraft\.toml \(select\)$"),
        ("resdraft.toml", 'ignore = ["rd301"]\n', r"invalid rule selector 'rd301' .*\(ignore\)$"),
        ("resdraft.toml", 'extend-select = "RD3"\n', r"expected a list .*got a string \('RD3'\) .*\(extend-select\)$"),
        ("resdraft.toml", "select = [301]\n", r"expected a rule code or prefix .*got an integer \(301\) .*\(select\)$"),
        ("resdraft.toml", 'per-file-ignores = ["*.md"]\n', r"expected a table of glob .*\(per-file-ignores\)$"),
        ("resdraft.toml", '[per-file-ignores]\n"*.md" = "RD3"\n', r"\(per-file-ignores\.\"\*\.md\"\)$"),
        ("resdraft.toml", '[severity]\n"RD3*" = "info"\n', r"invalid rule selector 'RD3\*' .*\(severity\.\"RD3\*\"\)$"),
        ("resdraft.toml", 'lang = "fr"\n', r"unsupported language 'fr' \(expected 'auto', 'en', 'zh'\) .* \(lang\)$"),
        ("resdraft.toml", "lang = true\n", r"unsupported language True"),
    ],
)
def test_a_bad_configuration_is_rejected_with_a_one_line_message(
    tmp_path: Path, name: str, body: str, expected: str
) -> None:
    config = write(tmp_path / name, body)
    with pytest.raises(ResdraftError, match=expected) as err:
        load_settings(config)
    message = str(err.value)
    assert "\n" not in message
    assert str(config) in message
    assert err.value.exit_code == 2


def test_a_missing_or_undecodable_file_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ResdraftError, match=r"cannot read .*missing\.toml"):
        load_settings(tmp_path / "missing.toml")
    latin1 = tmp_path / "resdraft.toml"
    latin1.write_bytes('lang = "en" # résolution\n'.encode("latin-1"))
    with pytest.raises(ResdraftError, match=r"invalid TOML in .*resdraft\.toml"):
        load_settings(latin1)


def test_a_broken_pyproject_met_while_searching_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.resdraft\n")
    with pytest.raises(ResdraftError, match=r"invalid TOML in .*pyproject\.toml"):
        find_config(tmp_path / "a.txt")
