"""Every example resolution in examples/ converts to XSD-valid AKN; the clean ones also satisfy
the AKN4UN profile, and the one with deliberate errors shows them as profile violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import resdraft
from resdraft.validate import check_oasis, check_profile, safe_parser

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RESOLUTIONS = sorted(p for p in EXAMPLES.glob("*.md") if p.name != "README.md" and not p.name.endswith(".errors.md"))
WITH_ERRORS = {"draft-with-errors-en.md", "draft-negotiation-en.md"}


def test_there_are_examples():
    assert len(RESOLUTIONS) >= 4
    assert {p.name for p in RESOLUTIONS} >= WITH_ERRORS


@pytest.fixture(scope="module")
def converted() -> dict[str, bytes]:
    return {p.name: resdraft.to_akn(resdraft.parse(p)) for p in RESOLUTIONS}


@pytest.mark.parametrize("path", RESOLUTIONS, ids=lambda p: p.name)
def test_example_converts_and_is_xsd_valid(path, converted):
    doc = etree.fromstring(converted[path.name], safe_parser())
    assert check_oasis(doc) == []


@pytest.mark.parametrize("path", [p for p in RESOLUTIONS if p.name not in WITH_ERRORS], ids=lambda p: p.name)
def test_clean_example_is_profile_clean(path, converted):
    doc = etree.fromstring(converted[path.name], safe_parser())
    assert [str(v) for v in check_profile(doc)] == []


@pytest.mark.parametrize("path", RESOLUTIONS, ids=lambda p: p.name)
def test_example_round_trips(path, converted):
    xml = converted[path.name]
    assert resdraft.to_akn(resdraft.from_akn(xml)) == xml


def test_example_with_errors_shows_them_in_the_profile(converted):
    doc = etree.fromstring(converted["draft-with-errors-en.md"], safe_parser())
    messages = " | ".join(v.message for v in check_profile(doc))
    assert "unnumbered paragraph" in messages
    assert '"5 bis."' in messages
    assert "Footnote 3 is called out but has no text" in messages
    res = resdraft.parse(EXAMPLES / "draft-with-errors-en.md")
    labels = [p.label for p in res.all_operative()]
    assert labels == ["1.", "2.", "3.", None, "4.", "5.", "5 bis.", "6.", "7.", "7.", "8.", "10.", "11."]


def test_negotiation_example_formats_to_a_clean_draft(tmp_path):
    """The draft in the middle of negotiations comes out of `format` as the clean draft it was
    made from, except for the paragraphs deleted and inserted, with its references following."""
    from resdraft.format import format_text
    from resdraft.lint import lint_text

    result = format_text((EXAMPLES / "draft-negotiation-en.md").read_text(encoding="utf-8"))
    assert result.refused == []
    assert lint_text(result.text) == []
    labels = [p.label for p in resdraft.parse(result.text).all_operative()]
    assert labels == [f"{n}." for n in range(1, 15)]
    assert "paragraph 5 above have access" in result.text  # was 6: paragraph 3 was deleted
    assert "paragraph 9 (c) below;" in result.text  # was "9 (d) above": (c) deleted, 9 stands after it
    assert "paragraphs 5 and 6;" in result.text  # was "6 and 6 bis"
    assert "paragraph 9 (h) above" in result.text  # was (i)
