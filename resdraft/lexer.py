"""Blocks -> grammar terminals.

The normaliser classifies each block by its own text; this module adds what depends on the
block's place in the document: which zone it is in (header, body, closing block, annex), and
the level of each sub-item label, decided from its siblings so that "(i)" after "(h)" is the
letter i and "(i)" after a lead-in ending in a colon opens a nested list.
"""

from __future__ import annotations

from collections.abc import Callable

from lark import Token

from resdraft.lang import Language
from resdraft.normalize import CJK_NUMERALS, Block, Normalised
from resdraft.numbering import alpha_successor, cjk_to_int, int_to_roman, is_roman, roman_successor

_FRONT = {
    "symbol": "SYMBOL",
    "distribution": "DISTRIBUTION",
    "masthead": "MASTHEAD",
    "date": "ISSUE_DATE",
    "original": "ORIGINAL",
    "session": "SESSION",
    "committee": "COMMITTEE",
    "agenda_item": "AGENDA_ITEM",
    "adopted": "ADOPTED",
    "report": "REPORT",
    "sponsors": "SPONSORS",
    "number_title": "NUMBER_TITLE",
    "sc_symbol": "SC_SYMBOL",
    "sc_adopted": "SC_ADOPTED",
    "formula": "MASTHEAD",  # the organ's name alone in a masthead ("安全理事会"); the formula has its comma
}
_CLOSING = {"meeting": "MEETING", "date": "CLOSING_DATE", "vote": "VOTE"}
_LEVEL_TOKEN = {1: "ITEM_A", 2: "ITEM_B", 3: "ITEM_C", 4: "ITEM_D"}


def body_start(blocks: list[Block], lang: Language) -> int:
    """Index of the first block of the resolution proper."""
    formulas = [i for i, b in enumerate(blocks) if b.kind == "formula"]
    if formulas:
        # "安全理事会" alone in a masthead is the organ's name; the formula has its comma
        commas = tuple(lang.punctuation.commas)
        with_comma = [i for i in formulas if blocks[i].passage.text.rstrip().endswith(commas)]
        return _part_before(blocks, (with_comma or formulas)[0])
    for i, b in enumerate(blocks):
        if b.kind in ("op", "item"):
            return i
        if b.kind == "section" and any(x.kind == "op" for x in blocks[i + 1 : i + 3]):
            return i  # "I" / heading / "1. …": an operative part divided into sections
        text = lang.fold(b.passage.text.lstrip("*"))
        if b.kind == "text" and (lang.match_phrase(text) or _fronted(text, lang)):
            return i
    return len(blocks)


def _fronted(text: str, lang: Language) -> bool:
    """ "对……深表遗憾，": a Chinese paragraph whose key phrase stands later."""
    return bool(lang.fronted_marker) and text.startswith(lang.fronted_marker)


def _part_before(blocks: list[Block], formula: int) -> int:
    """A composite part label ("A" + title) just before the first formula belongs to the body."""
    for back in (1, 2):
        if formula - back >= 0 and blocks[formula - back].kind == "part":
            return formula - back
    return formula


def tokens(norm: Normalised, lang: Language) -> list[Token]:
    blocks = norm.blocks
    start = body_start(blocks, lang)
    annex = next((i for i in range(start, len(blocks)) if blocks[i].kind == "annex"), len(blocks))
    closing = annex
    while closing > start and blocks[closing - 1].kind in _CLOSING:
        closing -= 1
    out: list[Token] = []
    for i in range(start):
        out.append(_token(_FRONT.get(blocks[i].kind, "HEADER_TEXT"), blocks[i], i))
    out.extend(_body_tokens(blocks, start, closing, lang))
    for i in range(closing, annex):
        out.append(_token(_CLOSING[blocks[i].kind], blocks[i], i))
    heading_next = False
    for i in range(annex, len(blocks)):
        b = blocks[i]
        if b.kind == "annex":
            out.append(_token("ANNEX", b, i))
            heading_next = True
        elif heading_next and _is_heading(b, lang):
            out.append(_token("HEADING", b, i))
            heading_next = False
        else:
            out.append(_token("ANNEX_TEXT", b, i))
            heading_next = False
    base = len(blocks)
    out.extend(_token("FOOTNOTE", fn, base + j) for j, fn in enumerate(norm.footnotes))
    return out


def _token(kind: str, block: Block, index: int) -> Token:
    # start_pos carries the block index so the builder can find the block again; passed by
    # position (type, value, start_pos, line), as Lark's keyword handling doubles the cost
    return Token(kind, block.passage.text, index, block.line)


def _is_heading(block: Block, lang: Language) -> bool:
    text = block.passage.text
    return block.kind == "text" and len(text) < 200 and not text.endswith(tuple(lang.punctuation.terminal))


class _ItemLevels:
    """Decides the level of each label within one paragraph."""

    def __init__(self, lang: Language) -> None:
        self.last: dict[int, tuple[str, bool]] = {}  # level -> (key, printed in Latin letters)
        self.colons = tuple(lang.punctuation.colons)

    def level(self, block: Block, previous_text: str) -> tuple[int, str]:
        m = block.match
        assert m is not None
        if m["circled"]:
            return self._set(2, int_to_roman(ord(m["circled"]) - ord("㈠") + 1), latin=False)
        if m["dkey"]:
            return self._decide(m["dkey"], 3, 4, previous_text)
        key = m["key"]
        if key[0] in CJK_NUMERALS:
            return self._set(2, int_to_roman(cjk_to_int(key)), latin=False)
        return self._decide(key, 1, 2, previous_text)

    def _continues(self, level: int, key: str, successor: Callable[[str], str]) -> bool:
        """Is ``key`` the next Latin label at ``level`` ("(v)" after "(iv)", not after "(四)")?"""
        last = self.last.get(level)
        return last is not None and last[1] and key == successor(last[0])

    def _decide(self, key: str, alpha: int, roman: int, previous_text: str) -> tuple[int, str]:
        if not is_roman(key):
            return self._set(alpha, key)
        if key == "i" and previous_text.rstrip().endswith(self.colons):
            return self._set(roman, key)
        if self._continues(roman, key, roman_successor):
            return self._set(roman, key)
        if self._continues(alpha, key, alpha_successor):
            return self._set(alpha, key)
        # a first label "(c)", "(d)", "(l)" or "(m)" is a letter (a list whose first items were
        # deleted), never the roman 100, 500, 50 or 1000
        if key == "i" or len(key) > 1 or (alpha not in self.last and key in "vx"):
            return self._set(roman, key)
        return self._set(alpha, key)

    def _set(self, level: int, key: str, latin: bool = True) -> tuple[int, str]:
        self.last[level] = (key, latin)
        for deeper in [lv for lv in self.last if lv > level]:
            del self.last[deeper]
        return level, key


def _body_tokens(blocks: list[Block], start: int, end: int, lang: Language) -> list[Token]:
    out: list[Token] = []
    levels = _ItemLevels(lang)
    seen_formula = False
    heading_next = False
    previous_text = ""
    for i in range(start, end):
        b = blocks[i]
        kind = b.kind
        if heading_next and kind == "text" and _is_heading(b, lang):
            out.append(_token("HEADING", b, i))
            heading_next = False
            continue
        heading_next = False
        if kind == "item":
            level, key = levels.level(b, previous_text)
            b.data["key"] = key
            out.append(_token(_LEVEL_TOKEN[level], b, i))
        elif kind == "op":
            levels = _ItemLevels(lang)
            out.append(_token("OP", b, i))
        elif kind == "formula" and not seen_formula:
            seen_formula = True
            out.append(_token("FORMULA", b, i))
        elif kind in _CLOSING and _part_follows(blocks, i, end):
            out.append(_token("PART_CLOSING", b, i))
        elif kind == "part" and _formula_follows(blocks, i, end):
            seen_formula = False
            heading_next = True
            out.append(_token("PART", b, i))
        elif kind == "section":
            levels = _ItemLevels(lang)
            heading_next = not (b.match and b.match["heading"])
            out.append(_token("SECTION", b, i))
        else:
            b.kind = "text"
            levels = _ItemLevels(lang)
            out.append(_token("TEXT", b, i))
        previous_text = b.passage.text
    return out


def _part_follows(blocks: list[Block], i: int, end: int) -> bool:
    """A closing line inside a composite resolution: only closing lines, then the next part."""
    j = i
    while j < end and blocks[j].kind in _CLOSING:
        j += 1
    return j < end and blocks[j].kind == "part" and _formula_follows(blocks, j, end)


def _formula_follows(blocks: list[Block], i: int, end: int) -> bool:
    return any(blocks[j].kind == "formula" for j in range(i + 1, min(i + 3, end)))
