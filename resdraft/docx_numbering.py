"""The numbers Word shows for automatically numbered paragraphs (ECMA-376 Part 1, §17.9).

A drafter who types a resolution in Word usually lets Word number the operative paragraphs and
their sub-items: the text of such a paragraph holds no "5." or "(a)", which Word computes from
``word/numbering.xml`` while it lays out the document. To read the resolution as its reader sees
it, the body reader asks :class:`ListNumbering` for every body paragraph, in document order, and
gets back the :class:`Label` Word displays (or ``None``).

Word's model, followed here:

* a paragraph's list (``w:numId``) and level (``w:ilvl``) come from its own ``w:pPr/w:numPr``,
  else from its paragraph style and the styles that one is based on, else from the default
  paragraph style; ``w:numId w:val="0"`` removes numbering a style would give;
* a ``w:num`` names a ``w:abstractNum`` that defines the nine levels; an abstractNum holding only
  a ``w:numStyleLink`` borrows the levels of the list style it names; a ``w:num`` may replace a
  level (``w:lvlOverride/w:lvl``) or restart it (``w:lvlOverride/w:startOverride``);
* the counters belong to the abstractNum, so two ``w:num`` over one abstractNum continue each
  other's count (that is how Word continues a list after an unnumbered paragraph or across
  ``w:num`` copies), unless the ``w:num`` restarts a level with ``w:startOverride`` on its first
  use;
* using a level advances its counter and restarts the deeper levels (``w:lvlRestart`` can limit
  or forbid that); a level that has not been used since it was restarted shows one less than its
  start, which is why Word shows "1.0.1" when a level is skipped and "0.1" when a list begins at
  its second level.

Choices where the standard or Word leave room (each has a test):

* ``w:start`` absent: 0, as the standard says for ``w:start`` (Word always writes it, so only hand-made files differ);
* ``w:isLgl``: every number in the level text is shown in Arabic numerals, but ``decimalZero``
  keeps its leading zero (Word's own "Article I / Section 1.01" list depends on that);
* ``numFmt="none"``: the level's own number is empty but literal text in ``w:lvlText`` is still
  shown, as Word does; a label that comes out empty is ``None``;
* numbers that a format cannot write (zero or negative for letters, roman numerals, words and
  ideographs; beyond 20 for enclosed digits; absurdly large values) fall back to decimal, and an
  unknown format is decimal, which is the standard's default.

The module never raises on a malformed package: a drafter's damaged file must still be read, and
a paragraph whose numbering cannot be worked out simply gets no label. Chains (``w:basedOn``,
``w:numStyleLink``) are followed with a visited set, so cycles end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from lxml import etree

from resdraft.docx import w as _w

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

#: Word lists have nine levels, ``w:ilvl`` 0 to 8
LEVELS = 9
#: longest chain of styles or list-style links followed (real documents need a handful)
MAX_CHAIN = 64
#: numbers are clamped to the range of ST_DecimalNumber, so a hostile value stays an ordinary int
MAX_NUMBER = 2**31 - 1
#: letter formats repeat the letter (27 → "aa"); past this many repetitions decimal is shown instead
MAX_REPEAT = 100

_ASCII_INT = re.compile(r"[+-]?[0-9]+")
_PLACEHOLDER = re.compile(r"%([1-9])")
_TRUE = {"1", "true", "on"}


def _val(element: etree._Element | None) -> str | None:
    """The ``w:val`` of an element, or ``None`` when the element or the attribute is missing."""
    if element is None:
        return None
    return element.get(_w("val"))


def _int(text: str | None) -> int | None:
    """An ST_DecimalNumber, or ``None`` for anything else ("x", "1.5", Unicode digits).

    ``int()`` alone would accept "٣" and "1_0", which Word does not.
    """
    if text is None:
        return None
    text = text.strip()
    if not _ASCII_INT.fullmatch(text):
        return None
    return max(-MAX_NUMBER - 1, min(MAX_NUMBER, int(text)))


def _key(text: str | None) -> str | None:
    """An identifier as Word compares it: numIds and abstractNumIds are numbers, so "01" is "1"."""
    if text is None:
        return None
    number = _int(text)
    if number is not None:
        return str(number)
    text = text.strip()
    return text or None


def _on(element: etree._Element | None) -> bool:
    """An ST_OnOff toggle: present without ``w:val`` means on."""
    if element is None:
        return False
    value = _val(element)
    return value is None or value.strip().lower() in _TRUE


def _root(part: etree._Element | etree._ElementTree | None) -> etree._Element | None:
    if isinstance(part, etree._ElementTree):
        return part.getroot()
    return part


@dataclass(frozen=True)
class Label:
    """The number Word shows in front of a paragraph."""

    text: str  # what Word shows, e.g. "5.", "(a)", "(ii)", "（一）", "Article 3"
    suffix: str  # what follows it: "\t" (w:suff tab, the default), " " (space) or "" (nothing)
    level: int  # the ilvl used (0-based)
    num_id: str  # the w:numId used


@dataclass(frozen=True)
class _Level:
    """One ``w:lvl``, reduced to what decides the label."""

    start: int
    fmt: str
    text: str
    suffix: str
    restart: int | None  # w:lvlRestart, None when absent
    legal: bool  # w:isLgl
    style: str | None  # w:pStyle: the paragraph style linked to this level
    width: int = 0  # zero-padding of a "custom" format such as "001, 002, 003, ..."

    def restarts_after(self, depth: int, used: int) -> bool:
        """Whether this level (at ``depth``) starts again when the shallower level ``used`` is used.

        §17.9.10: absent, it restarts after any shallower level; 0, never; N, only after level N
        (1-based) or a shallower one. A value naming this level or a deeper one is ignored.
        """
        if self.restart is None or self.restart < 0 or self.restart > depth:
            return True
        if self.restart == 0:
            return False
        return used < self.restart


@dataclass(frozen=True)
class _List:
    """What a ``w:num`` resolves to: the levels in force and where their counters live."""

    counters_key: str  # the abstractNum whose levels are used (shared by every num over it)
    levels: tuple[_Level | None, ...]
    start_overrides: tuple[tuple[int, int], ...]  # (ilvl, value) from w:startOverride


_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


def _parse_level(lvl: etree._Element) -> _Level:
    start = _int(_val(lvl.find(_w("start"))))
    fmt, width = _number_format(lvl)
    text_element = lvl.find(_w("lvlText"))
    text = _val(text_element) or ""
    if text_element is not None and _on_attribute(text_element, "null"):
        text = ""
    suffix = _SUFFIXES.get((_val(lvl.find(_w("suff"))) or "tab").strip(), "\t")
    style = _val(lvl.find(_w("pStyle")))
    return _Level(
        start=0 if start is None else start,
        fmt=fmt,
        text=text,
        suffix=suffix,
        restart=_int(_val(lvl.find(_w("lvlRestart")))),
        legal=_on(lvl.find(_w("isLgl"))),
        style=style.strip() if style else None,
        width=width,
    )


def _on_attribute(element: etree._Element, name: str) -> bool:
    value = element.get(_w(name))
    return value is not None and value.strip().lower() in _TRUE


def _number_format(lvl: etree._Element) -> tuple[str, int]:
    """The level's ``w:numFmt`` and, for Word 2010's "custom" formats, the zero-padding width.

    Word writes formats such as "001, 002, 003, ..." inside ``mc:AlternateContent``: a
    ``w:numFmt w:val="custom" w:format="001, 002, 003, ..."`` for Word 2010 and later, and a
    plain fallback (usually "decimal") for older readers.
    """
    direct = lvl.find(_w("numFmt"))
    if direct is not None:
        return (_val(direct) or "decimal").strip(), 0
    for alternate in lvl.findall(f"{{{MC}}}AlternateContent"):
        for choice in alternate.findall(f"{{{MC}}}Choice"):
            custom = choice.find(_w("numFmt"))
            if custom is not None and (_val(custom) or "").strip() == "custom":
                width = _custom_width(custom.get(_w("format")) or "")
                if width:
                    return "custom", width
        fallback = alternate.find(f"{{{MC}}}Fallback/{_w('numFmt')}")
        if fallback is not None:
            return (_val(fallback) or "decimal").strip(), 0
    return "decimal", 0


def _custom_width(pattern: str) -> int:
    """The width of a zero-padded custom format ("01, 02, 03, ..." → 2), or 0 if it is another kind."""
    first = pattern.split(",", 1)[0].strip()
    if len(first) > 1 and first.isascii() and first.isdigit() and first.startswith("0"):
        return min(len(first), 20)
    return 0


class ListNumbering:
    """Word's list counters for one document; ask for each body paragraph in document order."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._abstracts: dict[str, etree._Element] = {}
        self._nums: dict[str, etree._Element] = {}
        self._style_link_holders: dict[str, str] = {}  # list style id → abstractNum with w:styleLink
        self._paragraph_styles: dict[str, etree._Element] = {}
        self._numbering_styles: dict[str, etree._Element] = {}
        self._default_style: str | None = None
        self._lists: dict[str, _List | None] = {}
        self._chains: dict[str | None, tuple[str, ...]] = {}
        self._counters: dict[str, list[int]] = {}
        self._nums_used: set[str] = set()
        try:
            self._index_numbering(_root(numbering))
            self._index_styles(_root(styles))
        except Exception:  # a damaged part must not stop the document from being read
            self._abstracts.clear()
            self._nums.clear()

    # -- indexing ------------------------------------------------------------------------------

    def _index_numbering(self, numbering: etree._Element | None) -> None:
        if numbering is None:
            return
        for abstract in numbering.findall(_w("abstractNum")):
            key = _key(abstract.get(_w("abstractNumId")))
            if key is not None and key not in self._abstracts:
                self._abstracts[key] = abstract
                link = _val(abstract.find(_w("styleLink")))
                if link and link.strip():
                    self._style_link_holders.setdefault(link.strip(), key)
        for num in numbering.findall(_w("num")):
            key = _key(num.get(_w("numId")))
            if key is not None:
                self._nums.setdefault(key, num)

    def _index_styles(self, styles: etree._Element | None) -> None:
        if styles is None:
            return
        for style in styles.findall(_w("style")):
            style_id = (style.get(_w("styleId")) or "").strip()
            kind = (style.get(_w("type")) or "paragraph").strip()  # the standard: a paragraph style when absent
            if kind == "paragraph":
                if style_id:
                    self._paragraph_styles.setdefault(style_id, style)
                if self._default_style is None and _on_attribute(style, "default") and style_id:
                    self._default_style = style_id
            elif kind == "numbering" and style_id:
                self._numbering_styles.setdefault(style_id, style)

    # -- the public question -------------------------------------------------------------------

    def label(self, paragraph: etree._Element) -> Label | None:
        """Called once per body ``<w:p>``, in document order (stateful: advances counters).

        ``None`` when Word shows no number for this paragraph.
        """
        try:
            return self._label(paragraph)
        except Exception:  # whatever a broken part holds, the paragraph is still read, unnumbered
            return None

    def _label(self, paragraph: etree._Element) -> Label | None:
        num_key, level_index, chain = self._numbering_properties(paragraph)
        if num_key is None or num_key == "0":
            return None
        numbered = self._list(num_key)
        if numbered is None:
            return None
        if level_index is None:
            level_index = _linked_level(numbered.levels, chain)
        if not 0 <= level_index < LEVELS:
            return None
        level = numbered.levels[level_index]
        if level is None:
            return None
        counters = self._advance(num_key, numbered, level_index)
        if level.fmt == "bullet":
            return None
        text = _PLACEHOLDER.sub(lambda match: self._number(numbered, counters, level, int(match[1]) - 1), level.text)
        if not text.strip():
            return None
        return Label(text=text, suffix=level.suffix, level=level_index, num_id=num_key)

    def _number(self, numbered: _List, counters: list[int], current: _Level, index: int) -> str:
        """One ``%N`` of the level text: level N's counter in level N's format (decimal if legal)."""
        referenced = numbered.levels[index]
        fmt = referenced.fmt if referenced is not None else "decimal"
        width = referenced.width if referenced is not None else 0
        if current.legal and fmt not in ("decimalZero", "none", "custom"):
            fmt = "decimal"
        return format_number(counters[index], fmt, width)

    # -- where the numbering comes from ---------------------------------------------------------

    def _numbering_properties(self, paragraph: etree._Element) -> tuple[str | None, int | None, tuple[str, ...]]:
        """The numId and ilvl in force for a paragraph, and its style chain (own style first).

        Direct formatting wins over the style; the two properties are inherited separately, so a
        direct ``w:numId`` takes its level from the style and the other way round. When the
        numId comes from a style, only that style and the ones deriving from it may set the
        level (a base style's ilvl belongs to the base style's own place in the list).
        """
        properties = paragraph.find(_w("pPr"))
        num_key: str | None = None
        level: int | None = None
        style_id: str | None = None
        if properties is not None:
            direct = properties.find(_w("numPr"))
            if direct is not None:
                num_key = _key(_val(direct.find(_w("numId"))))
                level = _int(_val(direct.find(_w("ilvl"))))
            style_id = _val(properties.find(_w("pStyle")))
        chain = self._style_chain(style_id.strip() if style_id else None)
        from_direct = num_key is not None
        for name in chain:
            style_num, style_level = self._style_numbering(name)
            if level is None and style_level is not None and (from_direct or num_key is None):
                level = style_level
            if num_key is None and style_num is not None:
                num_key = style_num
        return num_key, level, chain

    def _style_numbering(self, style_id: str) -> tuple[str | None, int | None]:
        numbering = self._paragraph_styles[style_id].find(f"{_w('pPr')}/{_w('numPr')}")
        if numbering is None:
            return None, None
        return _key(_val(numbering.find(_w("numId")))), _int(_val(numbering.find(_w("ilvl"))))

    def _style_chain(self, style_id: str | None) -> tuple[str, ...]:
        """The paragraph style and its ``w:basedOn`` ancestors; an unknown or missing style is the default."""
        if style_id in self._chains:
            return self._chains[style_id]
        start = style_id if style_id in self._paragraph_styles else self._default_style
        chain: list[str] = []
        current = start
        while current is not None and current in self._paragraph_styles and current not in chain:
            chain.append(current)
            if len(chain) >= MAX_CHAIN:
                break
            based_on = _val(self._paragraph_styles[current].find(_w("basedOn")))
            current = based_on.strip() if based_on else None
        self._chains[style_id] = tuple(chain)
        return self._chains[style_id]

    # -- what a w:num resolves to ---------------------------------------------------------------

    def _list(self, num_key: str) -> _List | None:
        if num_key not in self._lists:
            self._lists[num_key] = self._resolve(num_key)
        return self._lists[num_key]

    def _resolve(self, num_key: str) -> _List | None:
        num = self._nums.get(num_key)
        if num is None:
            return None
        found = self._levels_holder(_key(_val(num.find(_w("abstractNumId")))))
        if found is None:
            return None
        holder_key, holder = found
        levels: list[_Level | None] = [None] * LEVELS
        for lvl in holder.findall(_w("lvl")):
            index = _int(lvl.get(_w("ilvl")))
            if index is not None and 0 <= index < LEVELS and levels[index] is None:
                levels[index] = _parse_level(lvl)
        overrides: dict[int, int] = {}
        for override in num.findall(_w("lvlOverride")):
            index = _int(override.get(_w("ilvl")))
            if index is None or not 0 <= index < LEVELS:
                continue
            replacement = override.find(_w("lvl"))
            if replacement is not None:
                levels[index] = _parse_level(replacement)
            start = _int(_val(override.find(_w("startOverride"))))
            if start is not None:
                overrides[index] = start
                if levels[index] is not None:
                    levels[index] = replace(levels[index], start=start)
        return _List(holder_key, tuple(levels), tuple(sorted(overrides.items())))

    def _levels_holder(self, abstract_key: str | None) -> tuple[str, etree._Element] | None:
        """The abstractNum that holds the levels, following ``w:numStyleLink`` to the list style's own.

        When the list style cannot be found (or the links go round in a circle), the linking
        abstractNum's own levels are used if it has any; otherwise there is no list.
        """
        seen: set[str] = set()
        key = abstract_key
        while key is not None and len(seen) < MAX_CHAIN:
            seen.add(key)
            abstract = self._abstracts.get(key)
            if abstract is None:
                return None
            link = _val(abstract.find(_w("numStyleLink")))
            if not link or not link.strip():
                return key, abstract
            target = self._link_target(link.strip(), seen)
            if target is None:
                return (key, abstract) if abstract.find(_w("lvl")) is not None else None
            key = target
        return None

    def _link_target(self, style_id: str, seen: set[str]) -> str | None:
        """The abstractNum a list style stands for: through its ``w:numId``, else the one naming it in ``w:styleLink``.

        Word points the linking abstractNum at the list style, the list style at a ``w:num``, and
        that num at the abstractNum that carries ``w:styleLink`` and the levels.
        """
        candidates: list[str | None] = []
        style = self._numbering_styles.get(style_id)
        if style is not None:
            num_key = _key(_val(style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")))
            num = self._nums.get(num_key) if num_key is not None else None
            if num is not None:
                candidates.append(_key(_val(num.find(_w("abstractNumId")))))
        candidates.append(self._style_link_holders.get(style_id))
        for candidate in candidates:
            if candidate is not None and candidate not in seen and candidate in self._abstracts:
                return candidate
        return None

    # -- counting -------------------------------------------------------------------------------

    def _advance(self, num_key: str, numbered: _List, index: int) -> list[int]:
        """Count one paragraph at level ``index`` and return the counters it is shown with."""
        counters = self._counters.get(numbered.counters_key)
        if counters is None:
            counters = [_before(level) for level in numbered.levels]
            self._counters[numbered.counters_key] = counters
        if num_key not in self._nums_used:
            self._nums_used.add(num_key)
            for overridden, start in numbered.start_overrides:
                counters[overridden] = start - 1
        counters[index] = min(counters[index] + 1, MAX_NUMBER)
        for depth in range(index + 1, LEVELS):
            deeper = numbered.levels[depth]
            if deeper is None or deeper.restarts_after(depth, index):
                counters[depth] = _before(deeper)
        return counters


def _before(level: _Level | None) -> int:
    """The counter of a level not used since its restart: one less than its start."""
    return level.start - 1 if level is not None else 0


def _linked_level(levels: Iterable[_Level | None], chain: tuple[str, ...]) -> int:
    """The level a style is linked to by ``w:lvl/w:pStyle`` (the paragraph's own style first), else 0."""
    levels = tuple(levels)
    for style_id in chain:
        for index, level in enumerate(levels):
            if level is not None and level.style == style_id:
                return index
    return 0


# -- number formats (ST_NumberFormat) ------------------------------------------------------------------


def format_number(value: int, fmt: str, width: int = 0) -> str:
    """``value`` written in the number format ``fmt``; decimal when the format cannot write it."""
    formatter = _FORMATS.get(fmt)
    if fmt == "custom" and width:
        return str(value).zfill(width) if value >= 0 else str(value)
    if fmt == "none":
        return ""
    if formatter is None:
        return str(value)
    return formatter(value) or str(value)


def _decimal_zero(value: int) -> str:
    return f"{value:02d}" if 0 <= value < 10 else str(value)


def _alphabetic(alphabet: str | tuple[str, ...]) -> Callable[[int], str]:
    """Letters as Word counts them: a…z, then aa, bb…zz, then aaa (the letter repeated)."""

    def write(value: int) -> str:
        if value <= 0:
            return ""
        repeat = (value - 1) // len(alphabet) + 1
        if repeat > MAX_REPEAT:
            return ""
        return alphabet[(value - 1) % len(alphabet)] * repeat

    return write


def _cyclic(symbols: str) -> Callable[[int], str]:
    """Cyclic signs (the heavenly stems, the earthly branches) that start again after the last."""

    def write(value: int) -> str:
        return symbols[(value - 1) % len(symbols)] if value > 0 else ""

    return write


_ROMAN = ((900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"))
_ROMAN += ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(value: int) -> str:
    """Roman numerals; thousands are repeated M's, as Word writes 4000 "MMMM"."""
    if value <= 0 or value >= 40000:
        return ""
    parts = ["m" * (value // 1000)]
    value %= 1000
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(numeral * count)
    return "".join(parts)


def _ordinal(value: int) -> str:
    if value < 0:
        return ""
    suffix = "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = (
    "_",
    "_",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _words(value: int) -> str:
    """English cardinal words, "twenty-one", "one hundred one" (Word's style, without "and")."""
    if value < 20:
        return _ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if value >= size:
            high, low = divmod(value, size)
            return f"{_words(high)} {name}" + (f" {_words(low)}" if low else "")
    return str(value)  # not reached


def _cardinal_text(value: int) -> str:
    if value < 0:
        return ""
    text = _words(value)
    return text[0].upper() + text[1:]


def _ordinal_text(value: int) -> str:
    if value <= 0:
        return ""
    text = _words(value)
    cut = max(text.rfind(" "), text.rfind("-")) + 1
    head, last = text[:cut], text[cut:]
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    text = head + last
    return text[0].upper() + text[1:]


_HAN_DIGITS = "〇一二三四五六七八九"


def _han_below_10000(value: int, *, zero: bool, leading_one: bool) -> str:
    """1 to 9999 in Chinese or Japanese counting: 十一, 二十, 一百零一 (zh) or 百一 (ja)."""
    parts: list[str] = []
    pending_zero = False
    started = False
    digits = (value // 1000, value // 100 % 10, value // 10 % 10, value % 10)
    for unit, digit in zip(("千", "百", "十", ""), digits, strict=True):
        if digit == 0:
            pending_zero = pending_zero or started
            continue
        if pending_zero and zero:
            parts.append("零")
        pending_zero = False
        started = True
        parts.append(("" if digit == 1 and unit and not leading_one else _HAN_DIGITS[digit]) + unit)
    return "".join(parts)


def _han_counting(*, zero: bool, leading_one: bool) -> Callable[[int], str]:
    """Counting with 十, 百, 千, 万; Chinese writes 十一 for 11 but 一百 for 100, Japanese 百."""

    def write(value: int) -> str:
        if value <= 0 or value >= 10**8:
            return ""
        if value < 10000:
            text = _han_below_10000(value, zero=zero, leading_one=leading_one)
            return text[1:] if zero and text.startswith("一十") else text
        high, low = divmod(value, 10000)
        text = _han_below_10000(high, zero=zero, leading_one=True) + "万"
        if zero and text.startswith("一十"):
            text = text[1:]
        if low:
            text += ("零" if zero and low < 1000 else "") + _han_below_10000(low, zero=zero, leading_one=leading_one)
        return text

    return write


def _han_digits(value: int) -> str:
    """Digit by digit: 10 → 一〇, 2024 → 二〇二四."""
    return "".join(_HAN_DIGITS[int(digit)] for digit in str(value)) if value >= 0 else ""


def _full_width(value: int) -> str:
    return str(value).translate(_FULL_WIDTH)


_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def _enclosed(first: int, last: int, base: int, outside: Callable[[int], str] | None = None) -> Callable[[int], str]:
    """A run of enclosed characters (①…⑳, ⑴…⒇, ⒈…⒛); ``outside`` writes the numbers they lack."""

    def write(value: int) -> str:
        if first <= value <= last:
            return chr(base + value - first)
        return outside(value) if outside else ""

    return write


_HEBREW_UNITS = "אבגדהוזחט"
_HEBREW_TENS = "יכלמנסעפצ"
_HEBREW_HUNDREDS = "קרשת"


def _hebrew_numerals(value: int) -> str:
    """Hebrew numerals (hebrew1): 15 and 16 are written טו and טז, never with the divine name."""
    if value <= 0 or value >= 1000:
        return ""
    hundreds, rest = divmod(value, 100)
    text = "ת" * (hundreds // 4) + (_HEBREW_HUNDREDS[hundreds % 4 - 1] if hundreds % 4 else "")
    if rest in (15, 16):
        return text + ("טו" if rest == 15 else "טז")
    tens, units = divmod(rest, 10)
    text += _HEBREW_TENS[tens - 1] if tens else ""
    return text + (_HEBREW_UNITS[units - 1] if units else "")


_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"  # Word skips ё, й, ъ, ы and ь
_ARABIC_ALPHA = (
    "أ",
    "ب",
    "ت",
    "ث",
    "ج",
    "ح",
    "خ",
    "د",
    "ذ",
    "ر",
    "ز",
    "س",
    "ش",
    "ص",
    "ض",
    "ط",
    "ظ",
    "ع",
    "غ",
    "ف",
    "ق",
    "ك",
    "ل",
    "م",
    "ن",
    "هـ",
    "و",
    "ي",
)
_ARABIC_ABJAD = (
    "أ",
    "ب",
    "ج",
    "د",
    "هـ",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
    "ظ",
    "غ",
)

_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": _decimal_zero,
    "lowerLetter": _alphabetic("abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": _alphabetic("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": _roman,
    "upperRoman": lambda value: _roman(value).upper(),
    "ordinal": _ordinal,
    "cardinalText": _cardinal_text,
    "ordinalText": _ordinal_text,
    "chineseCounting": _han_counting(zero=True, leading_one=True),
    "chineseCountingThousand": _han_counting(zero=True, leading_one=True),
    "taiwaneseCounting": _han_counting(zero=True, leading_one=True),
    "taiwaneseCountingThousand": _han_counting(zero=True, leading_one=True),
    "japaneseCounting": _han_counting(zero=False, leading_one=False),
    "ideographDigital": _han_digits,
    "japaneseDigitalTenThousand": _han_digits,
    "taiwaneseDigital": _han_digits,
    "ideographTraditional": _cyclic("甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": _cyclic("子丑寅卯辰巳午未申酉戌亥"),
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _enclosed(1, 20, 0x2460),
    "decimalEnclosedCircleChinese": _enclosed(1, 20, 0x2460),
    "ideographEnclosedCircle": _enclosed(1, 10, 0x3220),
    "decimalEnclosedParen": _enclosed(1, 20, 0x2474, lambda value: f"({value})"),
    "decimalEnclosedFullstop": _enclosed(1, 20, 0x2488, lambda value: f"{value}."),
    "russianLower": _alphabetic(_RUSSIAN),
    "russianUpper": _alphabetic(_RUSSIAN.upper()),
    "arabicAlpha": _alphabetic(_ARABIC_ALPHA),
    "arabicAbjad": _alphabetic(_ARABIC_ABJAD),
    "hebrew1": _hebrew_numerals,
    "hebrew2": _alphabetic("אבגדהוזחטיכלמנסעפצקרשת"),
    "chicago": _alphabetic("*†‡§"),
    "numberInDash": lambda value: f"- {value} -",
}
