"""The command line: ``resdraft convert``, ``--strict``, ``--help``, ``--version`` and the
documented exit statuses (0 converted, 1 invalid / strict violations, 2 unusable input)."""

from __future__ import annotations

import os
import stat
import zipfile

import pytest
from lxml import etree

import resdraft
from resdraft.validate import check_oasis, safe_parser

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

CLEAN = """\
United Nations A/80/L.9
General Assembly Distr.: Limited
3 March 2026
Original: English

Norway: draft resolution

Lighthouses

The General Assembly,

*Recalling* its resolutions,

1. *Decides* to act;

2. *Requests* a report.
"""

GAP = CLEAN.replace("2. *Requests*", "3. *Requests*")

LETTER = """\
Letter dated 1 May 2024 from the Permanent Representative addressed to the Secretary-General

I have the honour to inform you of the following points:

1. The meeting will take place in Geneva;

2. The agenda is attached.
"""


def assert_one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("resdraft: error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


# --- convert -------------------------------------------------------------------------------


def test_convert_prints_xml_in_process(run_cli, write_text):
    path = write_text(CLEAN)
    result = run_cli("convert", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == resdraft.to_akn(resdraft.parse(CLEAN))
    root = etree.fromstring(result.stdout_bytes, safe_parser())
    assert root.tag == f"{{{AKN}}}akomaNtoso"
    assert result.stderr == ""


def test_convert_prints_xml_subprocess(run_subprocess, write_text):
    path = write_text(CLEAN)
    proc = run_subprocess("convert", path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    doc = etree.fromstring(proc.stdout.encode("utf-8"), safe_parser())
    assert check_oasis(doc) == []


def test_convert_output_option_writes_the_file(run_cli, write_text, tmp_path):
    path = write_text(CLEAN)
    out = tmp_path / "out" / "draft.xml"
    out.parent.mkdir()
    result = run_cli("convert", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_bytes() == resdraft.to_akn(resdraft.parse(CLEAN))
    assert [p.name for p in out.parent.iterdir()] == ["draft.xml"]  # no temporary file left


def test_convert_output_option_replaces_an_existing_file_keeping_its_mode(run_cli, write_text, tmp_path):
    path = write_text(CLEAN)
    out = tmp_path / "draft.xml"
    out.write_text("old")
    out.chmod(0o640)
    result = run_cli("convert", path, "--output", out)
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"<?xml")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_convert_output_option_new_file_follows_the_umask(run_cli, write_text, tmp_path):
    path = write_text(CLEAN)
    out = tmp_path / "new.xml"
    umask = os.umask(0o022)
    try:
        result = run_cli("convert", path, "-o", out)
    finally:
        os.umask(umask)
    assert result.exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_convert_chinese_and_xml_input(run_cli, write_text, tmp_path):
    zh = "大会，\n\n回顾其以往决议，\n\n1. 决定采取行动。\n\n2021年12月16日\n第54次全体会议\n"
    path = write_text(zh, "zh.txt")
    out = tmp_path / "zh.xml"
    assert run_cli("convert", path, "-o", out).exit_code == 0
    assert b'language="zho"' in out.read_bytes()
    again = run_cli("convert", out)  # resdraft's own XML converts to itself
    assert again.exit_code == 0
    assert again.stdout_bytes == out.read_bytes()


def test_no_validate_skips_profile_messages(run_cli, write_text):
    path = write_text(GAP)
    result = run_cli("convert", "--no-validate", "--strict", path)
    assert result.exit_code == 0
    assert result.stderr == ""


# --- --strict ------------------------------------------------------------------------------


def test_numbering_gap_exits_0_by_default_with_the_violation_on_stderr(run_cli, write_text):
    path = write_text(GAP)
    result = run_cli("convert", path)
    assert result.exit_code == 0
    assert result.stdout.startswith("<?xml")
    assert "numbering is not consecutive" in result.stderr
    assert "/akomaNtoso/statement/mainBody/paragraph[2]" in result.stderr


def test_strict_numbering_gap_exits_1_and_names_the_violation(run_subprocess, write_text):
    path = write_text(GAP)
    proc = run_subprocess("convert", "--strict", path)
    assert proc.returncode == 1
    assert "numbering is not consecutive" in proc.stderr
    assert "profile" in proc.stderr and str(path) in proc.stderr
    assert "Traceback" not in proc.stderr


def test_strict_on_a_clean_draft_exits_0(run_cli, write_text):
    result = run_cli("convert", "--strict", write_text(CLEAN))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


# --- unusable input: exit 2, one line, no traceback ----------------------------------------


def _missing(tmp_path):
    return tmp_path / "absent.md"


def _directory(tmp_path):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    return folder


def _binary(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"The General Assembly,\n\x00\x01\x02\x00 binary")
    return path


def _invalid_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("The General Assembly,\n\nRecalling the Caf\u00e9 report,\n".encode("latin-1"))
    return path


def _letter(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def _dtd(tmp_path):
    path = tmp_path / "evil.xml"
    xml = resdraft.to_akn(resdraft.parse(CLEAN)).split(b"\n", 1)[1]
    path.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x "y">]>\n' + xml)
    return path


def _empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _zip(tmp_path):
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def _too_large(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * (10 * 1024 * 1024 + 1))
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_empty, "empty"),
        (_zip, "draft.docx"),
        (_too_large, "limit"),
        (_missing, "no such file"),
        (_directory, "directory"),
        (_binary, "binary"),
        (_invalid_utf8, "UTF-8"),
        (_letter, "not a resolution"),
        (_dtd, "DTD"),
    ],
    ids=[
        "empty",
        "zip",
        "too-large",
        "missing",
        "directory",
        "binary",
        "invalid-utf8",
        "not-a-resolution",
        "xml-with-dtd",
    ],
)
def test_unusable_input_exits_2_with_one_line(run_subprocess, tmp_path, make, says):
    path = make(tmp_path)
    proc = run_subprocess("convert", path)
    assert proc.returncode == 2
    line = assert_one_error_line(proc.stderr)
    assert says in line
    assert proc.stdout == ""


def test_docx_is_named_as_such(tmp_path):
    with pytest.raises(resdraft.ResdraftError, match="zip archive"):
        resdraft.parse(_zip(tmp_path))


def test_unusable_input_in_process_raises_resdraft_error(run_cli, tmp_path):
    # Typer's runner bypasses cli.main(); the error it would turn into exit 2 surfaces here
    result = run_cli("convert", _missing(tmp_path))
    assert isinstance(result.exception, resdraft.ResdraftError)
    assert result.exception.exit_code == 2


def test_unwritable_output_exits_2(run_subprocess, write_text, tmp_path):
    proc = run_subprocess("convert", write_text(CLEAN), "-o", tmp_path / "no" / "such" / "dir.xml")
    assert proc.returncode == 2
    assert "cannot write" in assert_one_error_line(proc.stderr)


def test_usage_error_exits_2(run_subprocess):
    proc = run_subprocess("convert")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_unknown_language_option_exits_2(run_cli, write_text):
    result = run_cli("convert", "--lang", "xx", write_text(CLEAN))
    assert result.exit_code == 2


# --- help and version ----------------------------------------------------------------------


def test_help(run_cli):
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "convert" in result.stdout
    sub = run_cli("convert", "--help")
    assert sub.exit_code == 0
    assert "--strict" in sub.stdout and "--output" in sub.stdout


def test_help_subprocess(run_subprocess):
    proc = run_subprocess("-h")
    assert proc.returncode == 0
    assert "convert" in proc.stdout


def test_version_subprocess(run_subprocess):
    proc = run_subprocess("--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"resdraft {resdraft.__version__}"


def test_version_attribute():
    assert resdraft.__version__ == "0.1.0"


def test_ctrl_c_says_interrupted_and_exits_130(tmp_path, monkeypatch, capsys):
    import sys

    from resdraft import cli, lint

    draft = tmp_path / "a.md"
    draft.write_text("The General Assembly,\n\n1. *Decides* to remain seized of the matter.\n", encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(lint, "check_file", interrupted)
    monkeypatch.setattr(sys, "argv", ["resdraft", "check", str(draft)])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 130
    assert capsys.readouterr().err.splitlines()[-1] == "resdraft: error: interrupted"


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
def test_an_interrupted_write_leaves_the_file_as_it_was_and_no_temporary_file(tmp_path, monkeypatch, interruption):
    from resdraft import fileio

    target = tmp_path / "draft.md"
    target.write_text("the draft as it was\n", encoding="utf-8")

    def replace(*args: object) -> None:
        raise interruption

    monkeypatch.setattr(fileio.os, "replace", replace)
    with pytest.raises(resdraft.ResdraftError if interruption is OSError else KeyboardInterrupt):
        fileio.write_atomic(target, b"the fixed draft\n")
    assert target.read_text(encoding="utf-8") == "the draft as it was\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]
