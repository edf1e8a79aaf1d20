"""benchmarks/vs_bluebell.py: the resolution written in bluebell-akn's syntax keeps its whole structure,
and the side-by-side benchmark is optional.

The text conversion is tested always (CI has no bluebell-akn); what bluebell makes of it only when
bluebell-akn is installed."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import vs_bluebell as bench
from documents import resolution

needs_bluebell = pytest.mark.skipif(not bench.available(), reason=bench.NOT_INSTALLED)
SUB_ITEMS = {"en": ["(i)", "(ii)"], "zh": ["(一)", "(二)"]}


def _source_notes(text: str) -> list[str]:
    return re.findall(r"^\[\^(\d+)\]: ", text, re.M)


# --- without bluebell -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("operative", [7, 50])
def test_to_bluebell_keeps_the_structure_as_text(lang: str, operative: int) -> None:
    text = resolution(lang, operative=operative, seed=1)
    out = bench.to_bluebell(text)
    lines = out.split("\n")
    assert [line for line in lines if line and not line.startswith(" ")] == [
        "PREFACE",
        "PREAMBLE",
        "BODY",
        *(f"PARA {n}." for n in range(1, operative + 1)),
        "CONCLUSIONS",
    ]
    preamble = out[out.index("PREAMBLE") : out.index("BODY")]
    preambular = [line for line in preamble.split("\n") if line.startswith("  ") and not line.startswith("   ")]
    notes_in_preamble = sum(line.startswith("  FOOTNOTE ") for line in preambular)
    assert len(preambular) - notes_in_preamble == 1 + operative * 9 // 10  # formula + preambular paragraphs
    items = [n for n in range(5, operative, 5)]  # every fifth paragraph but the last has (a)-(c) and (b)(i)-(ii)
    assert [line for line in lines if line.startswith("  POINT ")] == [
        "  POINT (a)",
        "  POINT (b)",
        "  POINT (c)",
    ] * len(items)
    assert [line for line in lines if line.startswith("    POINT ")] == [
        f"    POINT {s}" for s in SUB_ITEMS[lang]
    ] * len(items)
    # every footnote: called once, its text in a FOOTNOTE block right after the calling line, at its indent
    notes = _source_notes(text)
    assert notes and re.findall(r"\{\{\^\{\{FOOTNOTE (\d+)\}\}\}\}", out) == notes
    for i, line in enumerate(lines):
        if m := re.search(r"\{\{FOOTNOTE (\d+)\}\}", line):
            indent = line[: len(line) - len(line.lstrip())]
            assert lines[i + 2] == f"{indent}FOOTNOTE {m[1]}"
            assert lines[i + 4].strip() == ("A/80/100，第5段。" if lang == "zh" else "A/80/100, para. 5.")
    # opening phrases: italic in English (//…//), bold in Chinese (**…**); no Markdown left over
    if lang == "en":
        assert len(re.findall(r"^  //[A-Z][a-z ]+// ", out, re.M)) == operative * 9 // 10 + operative
    else:
        assert len(re.findall(r"^  \*\*[^*]+\*\*", out, re.M)) == operative
    assert "[^" not in out
    assert not re.search(r"(?<!\*)\*(?!\*)", out)


def test_to_bluebell_escapes_what_bluebell_would_read_as_markup() -> None:
    text = resolution("en", operative=3, seed=2).replace("The General Assembly,", "The {{General}} // __Assembly__\\,")
    out = bench.to_bluebell(text)
    assert "  The \\{{General\\}} \\// \\__Assembly\\__\\\\," in out


def test_to_bluebell_refuses_other_documents() -> None:
    with pytest.raises(ValueError):
        bench.to_bluebell("Just a paragraph.\n")
    with pytest.raises(ValueError, match="footnote"):
        bench.to_bluebell(resolution("en", operative=8, seed=1).replace("[^1]: ", "[^99]: "))


def test_without_bluebell_nothing_breaks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(bench, "_load", lambda: None)
    assert bench.available() is False
    assert bench.describe() is None
    assert bench.side_by_side("en", 1) is None
    assert bench.cold_bluebell(tmp_path / "x.txt", 1) is None
    with pytest.raises(RuntimeError, match=bench.NOT_INSTALLED):
        bench.time_bluebell("PARA 1.\n\n  text\n", 1)


# --- with bluebell --------------------------------------------------------------------------


def _bluebell_xml(text: str) -> Any:
    from lxml import etree

    return etree.fromstring(bench.make_converter(bench.to_bluebell(text))())


@needs_bluebell
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bluebell_reads_the_whole_resolution(lang: str) -> None:
    text = resolution(lang, operative=50, seed=1)
    root = _bluebell_xml(text)

    def xp(path: str, node: Any = root) -> Any:
        return node.xpath(path, namespaces={"a": root.nsmap[None]})

    assert xp("name(/a:akomaNtoso/*)") == "statement"
    assert xp("string(//a:preface/a:p)").startswith("第80/1号决议" if lang == "zh" else "80/1. ")
    assert xp("string(//a:preamble/a:p[1])") == ("大会，" if lang == "zh" else "The General Assembly,")
    assert len(xp("//a:preamble/a:p")) == 1 + 45
    paragraphs = xp("//a:mainBody/a:paragraph")
    assert [xp("string(a:num)", p) for p in paragraphs] == [f"{n}." for n in range(1, 51)]
    phrase = "b" if lang == "zh" else "i"
    assert all(xp(f"(a:content|a:intro)/a:p[1]/*[1][self::a:{phrase}]", p) for p in paragraphs)
    for n, paragraph in enumerate(paragraphs, start=1):
        points = xp("a:point", paragraph)
        if n % 5 or n == 50:
            assert points == []
            continue
        assert [xp("string(a:num)", p) for p in points] == ["(a)", "(b)", "(c)"]
        assert [xp("string(a:num)", p) for p in xp("a:point", points[1])] == SUB_ITEMS[lang]
        assert xp(".//a:point/a:point", points[0]) == xp(".//a:point/a:point", points[2]) == []
    notes = xp("//a:authorialNote")
    assert [note.get("marker") for note in notes] == _source_notes(text)
    assert all(xp("string(a:p)", note).startswith("A/80/100") for note in notes)
    assert xp("//a:paragraph[a:num='4.']//a:authorialNote/@marker") == [
        str(text[: text.index("\n4. ")].count("[^") + 1)
    ]
    assert xp("//a:p[starts-with(., 'FOOTNOTE')]") == []  # no footnote text left unplaced
    bench.check_structure(bench.make_converter(bench.to_bluebell(text))(), text)


@needs_bluebell
def test_check_structure_refuses_an_unfair_comparison() -> None:
    text = resolution("en", operative=50, seed=1)
    fewer = bench.make_converter(bench.to_bluebell(resolution("en", operative=49, seed=1)))()
    with pytest.raises(RuntimeError, match="paragraphs"):
        bench.check_structure(fewer, text)
    no_notes = bench.to_bluebell(text).replace("{{^{{FOOTNOTE 3}}}}", "")
    with pytest.raises(RuntimeError, match="footnotes"):
        bench.check_structure(bench.make_converter(no_notes)(), text)


@needs_bluebell
def test_the_converter_can_be_reused() -> None:
    convert = bench.make_converter(bench.to_bluebell(resolution("zh", operative=10, seed=3)))
    first = convert()
    assert first.startswith(b"<?xml") and b"zho" in first
    assert convert() == first


@needs_bluebell
def test_side_by_side_and_cold(tmp_path: Path) -> None:
    figures = bench.side_by_side("en", 1)
    assert figures is not None and set(figures) == {"bluebell_ms", "resdraft_ms", "ratio"}
    assert all(value > 0 for value in figures.values())
    assert figures["ratio"] == pytest.approx(figures["bluebell_ms"] / figures["resdraft_ms"])
    assert bench.time_bluebell(bench.to_bluebell(resolution("en", operative=5, seed=1)), 1) > 0
    path = tmp_path / "en.txt"
    path.write_text(bench.to_bluebell(resolution("zh", operative=5, seed=1)), encoding="utf-8")
    cold = bench.cold_bluebell(path, 1)
    assert cold is not None and cold > 0
    assert "pure Python" in (bench.describe() or "") or "compiled" in (bench.describe() or "")
