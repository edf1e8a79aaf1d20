"""``resdraft convert --to text``: a resolution (resdraft AKN XML, or text) rendered back as
canonical text.

* the text rendered from the XML of each example and fixture parses to the model of that XML;
* text -> XML -> text -> XML: the second XML is byte-identical to the first, and the text is the
  same from the first rendering on;
* ``-o`` writes the text (atomically); validation options do not apply; unusable XML exits 2
  with one line; a text input is re-rendered canonically;
* properties over generated resolutions: a model read back from XML has ``Emphasis.UNKNOWN``
  phrases, which the render -> parse properties of test_properties.py never draw, so XML ->
  text -> XML is checked here.

A phrase read back from XML has no emphasis (AKN keeps none); ``render`` gives it the
language's convention, so that "*Acting* under Chapter VII of the Charter of the United
Nations" or "**决定**继续积极处理此案" read back as the same phrase, not a longer one of the
lexicon. Models are therefore compared with the phrases' emphasis set aside.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from strategies import forget_emphasis, model_diff, resolutions

import resdraft
from resdraft.model import Resolution
from resdraft.render import render

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(
    [p for p in (ROOT / "examples").glob("*.md") if p.name != "README.md" and not p.name.endswith(".errors.md")]
    + list((ROOT / "tests" / "fixtures").glob("*.txt"))
)

CLEAN = """\
United Nations A/80/L.9
General Assembly Distr.: Limited
3 March 2026
Original: English

Norway: draft resolution

Lighthouses

The General Assembly,

*Recalling* its resolutions,[^1]

1. *Decides* to act;

2. *Requests* a report.

[^1]: See resolution 70/1.
"""

GAP = CLEAN.replace("2. *Requests*", "3. *Requests*")

ZH = "大会，\n\n回顾其以往决议，\n\n1. **决定**采取行动。\n\n2021年12月16日\n第54次全体会议\n"

# --- helpers -------------------------------------------------------------------------------------


def assert_one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("resdraft: error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def to_xml(run_cli, tmp_path):
    """``resdraft convert --no-validate PATH -o FILE.xml``: the XML file written."""
    count = 0

    def convert(path: Path) -> Path:
        nonlocal count
        count += 1
        out = tmp_path / f"round-{count}.xml"
        result = run_cli("convert", "--no-validate", path, "-o", out)
        assert result.exit_code == 0, result.output
        return out

    return convert


@pytest.fixture
def to_text(run_cli, tmp_path):
    """``resdraft convert --to text PATH``: the text on standard output, saved as a .md file too."""
    count = 0

    def convert(path: Path) -> tuple[str, Path]:
        nonlocal count
        count += 1
        result = run_cli("convert", "--to", "text", path)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        text = result.stdout_bytes.decode("utf-8")
        out = tmp_path / f"round-{count}.md"
        out.write_bytes(result.stdout_bytes)
        return text, out

    return convert


# --- the examples and fixtures -------------------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_text_of_the_xml_parses_to_the_model_of_the_xml(source: Path, to_xml, to_text) -> None:
    xml = to_xml(source)
    text, _ = to_text(xml)
    expected = resdraft.parse(xml)
    assert text == render(expected)
    got = forget_emphasis(resdraft.parse(text))
    assert got == expected, model_diff(expected, got)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_text_xml_text_xml_gives_the_same_xml_the_second_time(source: Path, to_xml, to_text) -> None:
    first = to_xml(source)
    _, text = to_text(first)
    second = to_xml(text)
    assert second.read_bytes() == first.read_bytes()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_text_is_stable_from_the_first_rendering_on(source: Path, to_xml, to_text) -> None:
    first_text, first_md = to_text(to_xml(source))
    second_xml = to_xml(first_md)
    second_text, second_md = to_text(second_xml)
    assert second_text == first_text
    assert to_xml(second_md).read_bytes() == second_xml.read_bytes()
    assert to_text(first_md)[0] == first_text  # the canonical text re-rendered is itself


def test_a_phrase_that_begins_a_longer_lexicon_phrase_reads_back_as_itself() -> None:
    """ "Acting" read back from XML is written "*Acting*", not taken for the lexicon's
    "Acting under Chapter VII of the Charter of the United Nations"."""
    text = (
        "The Security Council,\n\n*Acting* under Chapter VII of the Charter of the United Nations,\n\n"
        "1. *Decides* to act.\n"
    )
    model = resdraft.from_akn(resdraft.to_akn(resdraft.parse(text)))
    assert model.preamble[0].phrase is not None and model.preamble[0].phrase.text == "Acting"
    again = resdraft.parse(render(model))
    assert again.preamble[0].phrase is not None and again.preamble[0].phrase.text == "Acting"


# --- the command line ----------------------------------------------------------------------------


def test_output_option_writes_the_text(run_cli, write_text, to_xml, tmp_path) -> None:
    xml = to_xml(write_text(CLEAN))
    out = tmp_path / "out" / "draft.md"
    out.parent.mkdir()
    result = run_cli("convert", "--to", "text", xml, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""
    assert out.read_bytes() == render(resdraft.parse(xml)).encode("utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["draft.md"]  # no temporary file left


def test_output_option_replaces_an_existing_file(run_cli, write_text, tmp_path) -> None:
    out = tmp_path / "draft.md"
    out.write_text("old")
    result = run_cli("convert", "--to", "text", write_text(CLEAN, "in.md"), "--output", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render(resdraft.parse(CLEAN))


def test_text_input_is_rendered_canonically(run_cli, write_text) -> None:
    # plain text, superscript call-outs, a hard-wrapped paragraph: the canonical text has none of these
    plain = (
        "The General Assembly,\n\nRecalling its resolutions,¹\n\n1. Decides to act\nwithout delay;\n\n"
        "2. Requests a report.\n\n¹ See resolution 70/1.\n"
    )
    result = run_cli("convert", "--to", "text", write_text(plain))
    assert result.exit_code == 0, result.output
    text = result.stdout_bytes.decode("utf-8")
    assert text == render(resdraft.parse(plain))
    assert "1. *Decides* to act without delay;" in text and "[^1]" in text
    assert forget_emphasis(resdraft.parse(text)) == resdraft.parse(plain)
    again = run_cli("convert", "--to", "text", write_text(text, "again.md"))
    assert again.stdout_bytes.decode("utf-8") == text


def test_chinese_text_is_written_in_utf8(run_cli, write_text, to_xml) -> None:
    xml = to_xml(write_text(ZH, "zh.txt"))
    result = run_cli("convert", "--to", "text", xml)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == render(resdraft.parse(xml)).encode("utf-8")
    assert "回顾" in result.stdout_bytes.decode("utf-8")


def test_validation_options_do_not_apply_to_text(run_cli, write_text) -> None:
    # a numbering gap is a profile violation of the XML (exit 1 with --strict); the text is not validated
    path = write_text(GAP)
    assert run_cli("convert", "--strict", path).exit_code == 1
    for options in ([], ["--strict"], ["--validate", "--strict"], ["--no-validate"]):
        result = run_cli("convert", "--to", "text", *options, path)
        assert result.exit_code == 0, (options, result.output)
        assert result.stderr == ""
        assert result.stdout_bytes.decode("utf-8") == render(resdraft.parse(GAP))


def test_to_akn_is_the_default(run_cli, write_text) -> None:
    path = write_text(CLEAN)
    default = run_cli("convert", path)
    explicit = run_cli("convert", "--to", "akn", path)
    assert default.exit_code == explicit.exit_code == 0
    assert explicit.stdout_bytes == default.stdout_bytes == resdraft.to_akn(resdraft.parse(CLEAN))


def test_unknown_target_is_a_usage_error(run_cli, write_text) -> None:
    result = run_cli("convert", "--to", "docx", write_text(CLEAN))
    assert result.exit_code == 2


def test_help_documents_the_option(run_cli) -> None:
    result = run_cli("convert", "--help")
    assert result.exit_code == 0
    assert "--to" in result.stdout and "text" in result.stdout


# --- unusable XML: exit 2, one line, no traceback ------------------------------------------------

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

BAD_XML = {
    "malformed": (b"<?xml version='1.0'?><akomaNtoso><unclosed></akomaNtoso>", "well-formed"),
    "not-akn": (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>", "akomaNtoso"),
    "no-statement": (
        b"<?xml version='1.0'?><akomaNtoso xmlns='" + AKN.encode() + b"'><act/></akomaNtoso>",
        "statement",
    ),
    "dtd": (b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x "y">]>\n<akomaNtoso/>', "DTD"),
}


@pytest.mark.parametrize("name", sorted(BAD_XML))
def test_unusable_xml_exits_2_with_one_line(run_subprocess, tmp_path, name) -> None:
    data, says = BAD_XML[name]
    path = tmp_path / f"{name}.xml"
    path.write_bytes(data)
    proc = run_subprocess("convert", "--to", "text", path)
    assert proc.returncode == 2
    assert says in assert_one_error_line(proc.stderr)
    assert proc.stdout == ""


def test_unusable_xml_in_process_raises_resdraft_error(run_cli, tmp_path) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(BAD_XML["not-akn"][0])
    out = tmp_path / "out.md"
    result = run_cli("convert", "--to", "text", path, "-o", out)
    assert isinstance(result.exception, resdraft.ResdraftError)
    assert result.exception.exit_code == 2
    assert not out.exists()


# --- properties over generated resolutions -------------------------------------------------------


@given(resolutions())
def test_text_rendered_from_xml_is_a_fixed_point(res: Resolution) -> None:
    first_xml = resdraft.to_akn(res)
    text = render(resdraft.from_akn(first_xml))
    second_xml = resdraft.to_akn(resdraft.parse(text))
    assert render(resdraft.from_akn(second_xml)) == text
    assert resdraft.to_akn(resdraft.parse(text)) == second_xml


@given(resolutions())
def test_xml_to_text_to_xml_is_byte_identical(res: Resolution) -> None:
    xml = resdraft.to_akn(res)
    model = resdraft.from_akn(xml)
    text = render(model)
    again = forget_emphasis(resdraft.parse(text))
    diff = model_diff(model, again)
    assert diff is None, f"{diff}\n--- text ---\n{text}"
    assert resdraft.to_akn(again) == xml
