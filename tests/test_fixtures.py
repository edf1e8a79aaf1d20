"""Real-world-shaped inputs (tests/fixtures/*.txt) against their true structure (expected.json).

Every fixture is an invented text in the form the parser meets in practice: PDF extraction with
page furniture and footnote blocks, old Security Council layouts, HRC/ECOSOC headers, composite
resolutions, annexes, traditional Chinese, ... expected.json records what the text *is*, never
what the parser happens to produce. Where the parser is wrong, the check is marked
``xfail(strict=True)`` in KNOWN_BUGS with the reason, so a fix shows up as an XPASS failure and
the mark has to be removed.

Conventions of expected.json (one object per fixture):

* scalar facts: kind, language, organ, symbol, number, session, committee, agenda_item, adopted
  (ISO), title, formula, report (symbols in the bracketed report line), sponsors;
* preambular / operative: counts over the whole text (parts included); op_numbers: the printed
  numbers of ``all_operative()`` in order (null for an unnumbered paragraph);
* subitems: keyed by the 1-based position of the operative paragraph in ``all_operative()``:
  ``{"count", "keys", "nested": {key: {...}}}``;
* sections / parts: label, heading and paragraph counts of each division;
* footnotes: number of footnote texts; note_anchors: marker -> the text that the call-out
  follows in its passage;
* text_contains / text_excludes: strings that must / must not occur in some paragraph or item
  text (preamble, operative part, items, annexes);
* phrases: ``pp<n>`` / ``op<n>`` (1-based) -> the opening phrase;
* closing (null = none), closing_lines, closing_date, meeting; annexes, annex_titles,
  annex_paragraphs, annex_first; header_lines: header field -> exact line text.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

import resdraft
from resdraft.model import HeaderField, Item, Passage, Resolution
from resdraft.validate import check_oasis

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED: dict[str, dict] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))

# (fixture, check, key or None) -> reason. Every entry is a parser bug found with these fixtures.
KNOWN_BUGS: dict[tuple[str, str, str | None], str] = {}


@cache
def parsed(name: str) -> Resolution:
    return resdraft.parse(FIXTURES / name)


# ---------------------------------------------------------------------------------------------
# what the model says, per check


def _preambles(res: Resolution) -> list:
    return res.preamble + [p for s in res.sections if s.kind == "part" for p in s.preamble]


def _walk_items(items: list[Item]):
    for it in items:
        yield it
        yield from _walk_items(it.items)


def _passages(res: Resolution) -> list[Passage]:
    out: list[Passage] = []
    for p in _preambles(res) + res.all_operative():
        out.append(p.text)
        out.extend(it.text for it in _walk_items(p.items))
    for annex in res.annexes:
        out.extend(annex.paragraphs)
    return out


def _item_tree(items: list[Item], want: dict) -> dict:
    got: dict = {"count": len(items)}
    if "keys" in want:
        got["keys"] = [it.key for it in items]
    if "nested" in want:
        by_key = {it.key: it for it in items}
        got["nested"] = {
            k: (_item_tree(by_key[k].items, sub) if k in by_key else None) for k, sub in want["nested"].items()
        }
    return got


def _phrase(res: Resolution, key: str) -> str | None:
    paras = _preambles(res) if key.startswith("pp") else res.all_operative()
    i = int(key[2:]) - 1
    if i >= len(paras):
        return "<missing paragraph>"
    ph = paras[i].phrase
    return ph.text if ph else None


def _anchor(res: Resolution, marker: str, want: str) -> str | None:
    for p in _passages(res):
        for ref in p.notes:
            if ref.marker == marker:
                before = p.text[: ref.offset].rstrip()
                return want if before.endswith(want) else before[-len(want) - 10 :]
    return None


def actual(res: Resolution, check: str, key: str | None, want: object) -> object:
    h = res.header
    simple = {
        "kind": lambda: res.kind.value,
        "language": lambda: res.language,
        "organ": lambda: res.organ.value,
        "symbol": lambda: h.symbol,
        "number": lambda: h.number,
        "session": lambda: h.session,
        "committee": lambda: h.committee,
        "agenda_item": lambda: h.agenda_item,
        "adopted": lambda: h.adopted_date,
        "title": lambda: h.title,
        "formula": lambda: res.formula.text if res.formula else None,
        "report": lambda: h.report_symbols,
        "sponsors": lambda: h.sponsors,
        "preambular": lambda: len(_preambles(res)),
        "operative": lambda: len(res.all_operative()),
        "op_numbers": lambda: [p.number for p in res.all_operative()],
        "footnotes": lambda: len(res.footnotes),
        "closing": lambda: None if res.closing is None else "present",
        "closing_lines": lambda: [ln.text for ln in res.closing.lines] if res.closing else None,
        "closing_date": lambda: res.closing.date if res.closing else None,
        "meeting": lambda: res.closing.meeting if res.closing else None,
        "annexes": lambda: len(res.annexes),
        "annex_titles": lambda: [a.title for a in res.annexes],
        "annex_paragraphs": lambda: [len(a.paragraphs) for a in res.annexes],
        "annex_first": lambda: [
            (want[i] if a.paragraphs and a.paragraphs[0].text.startswith(want[i]) else (a.paragraphs or [None])[0])
            for i, a in enumerate(res.annexes[: len(want)])
        ],
        "sections": lambda: [
            {"label": s.label, "heading": s.heading, "operative": len(s.paragraphs)}
            for s in res.sections
            if s.kind == "section"
        ],
        "parts": lambda: [
            {"label": s.label, "heading": s.heading, "preambular": len(s.preamble), "operative": len(s.paragraphs)}
            for s in res.sections
            if s.kind == "part"
        ],
    }
    if check in simple:
        got = simple[check]()
        if check == "annex_first":
            got = [g if isinstance(g, str) or g is None else g.text[:60] for g in got]
        return got
    assert key is not None
    if check == "subitems":
        ops = res.all_operative()
        i = int(key) - 1
        return _item_tree(ops[i].items, want) if i < len(ops) else None  # type: ignore[arg-type]
    if check == "phrases":
        return _phrase(res, key)
    if check == "note_anchors":
        return _anchor(res, key, want)  # type: ignore[arg-type]
    if check == "text_contains":
        return key if any(key in p.text for p in _passages(res)) else "<not found>"
    if check == "text_excludes":
        return "<found>" if any(key in p.text for p in _passages(res)) else None
    if check == "header_lines":
        line = h.line(HeaderField(key))
        return line.text if line else None
    raise AssertionError(f"unknown check {check}")


def expected_value(check: str, key: str | None, want: object) -> object:
    if check == "closing":
        return None if want is None else "present"
    if check in ("text_contains",):
        return key
    if check == "text_excludes":
        return None
    return want


# ---------------------------------------------------------------------------------------------
# parametrisation: one test per fixture and fact (per key for the mapping/list facts)

_KEYED = ("subitems", "phrases", "note_anchors", "header_lines")
_LISTED = ("text_contains", "text_excludes")


def _cases():
    for name, facts in EXPECTED.items():
        for check, want in facts.items():
            if check == "notes":
                continue
            if check in _KEYED:
                entries = [(k, v) for k, v in want.items()]
            elif check in _LISTED:
                entries = [(s, None) for s in want]
            else:
                entries = [(None, want)]
            for key, value in entries:
                reason = KNOWN_BUGS.get((name, check, key))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                test_id = f"{name}:{check}" + (f"[{key}]" if key is not None else "")
                yield pytest.param(name, check, key, value, marks=marks, id=test_id)


def test_expected_covers_every_fixture():
    texts = {p.name for p in FIXTURES.glob("*.txt")}
    assert texts == set(EXPECTED), "every fixture needs its truth in expected.json (and vice versa)"


def test_known_bugs_refer_to_real_checks():
    real = set()
    for param in _cases():
        name, check, key, _ = param.values
        real.add((name, check, key))
    assert set(KNOWN_BUGS) <= real, sorted(set(KNOWN_BUGS) - real)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parses(name: str):
    res = parsed(name)
    assert res.all_operative(), "no operative paragraph"


@pytest.mark.parametrize(("name", "check", "key", "want"), list(_cases()))
def test_fact(name: str, check: str, key: str | None, want: object):
    res = parsed(name)
    assert actual(res, check, key, want) == expected_value(check, key, want)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_akn_is_xsd_valid(name: str):
    xml = resdraft.to_akn(parsed(name))
    root = etree.fromstring(xml)
    problems = check_oasis(root)
    assert not problems, [str(p) for p in problems[:5]]
