"""Text as people have it -> normalised blocks with a map back to the original positions.

One job: turn physical lines (plain text, Markdown, text extracted from UN PDFs) into logical
blocks, each one paragraph, item or header line, classified by what its first line looks like.
On the way it

* removes Markdown emphasis (remembering where it was), unwraps links and escapes;
* takes footnote call-outs (``¹²``, ``¹⁰⁻¹¹``, ``[^3]``, bare digits glued to a word when
  numbered footnote texts exist) out of the running text;
* collects footnote texts (``¹ See …``, ``[^1]: …``, ``1 See …`` after a ``____`` rule),
  wherever they stand, and rejoins the paragraph that a footnote block interrupted;
* drops page furniture (job numbers, ``6/7`` page numbers, repeated symbols, "Please recycle");
* strips ``- `` bullets before item labels and joins hard-wrapped lines.

Classification patterns come from the language profile; nothing here knows a language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resdraft.lang import Language
from resdraft.lang.en import DATE_PATTERN as ENGLISH_DATE
from resdraft.model import Emphasis, EmphasisRun, NoteRef, Passage, SourceMap, Span

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_SUP = f"[{SUPERSCRIPT_DIGITS}]"

# One inline scanner for everything a line may carry besides its words.
_INLINE = re.compile(
    rf"(?P<bold>\*\*)|(?P<italic>\*)"
    rf"|\[\^(?P<mdnote>[^\]\s]+)\](?!:)"
    rf"|(?P<sup>{_SUP}+(?:[⁻,‐\-–]{_SUP}+)*)"
    rf"|<sup>(?P<htmlsup>\d+(?:[,\-–]\d+)*)</sup>"
    rf"|\[(?P<linktext>(?:\\.|[^\[\]\\])*)\]\((?P<url>[^)\s]*)\)"
    rf"|\\(?P<escaped>[\\`*_{{}}\[\]()#+\-.!])"
)
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")

_FOOTNOTE_SUP = re.compile(rf"^(?P<marker>{_SUP}+)\s*")
_FOOTNOTE_MD = re.compile(r"^\[\^(?P<marker>[^\]\s]+)\]:\s*")
_FOOTNOTE_PLAIN = re.compile(r"^(?P<marker>\d{1,3})(?!\.)\s+(?=\S)")
_SEPARATOR = re.compile(r"^(?:_{3,}|-{5,}|—{3,}|\*\s*\*\s*\*)$")

_FURNITURE = re.compile(
    r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d+/\d+)?"  # job number, page
    r"|\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5}(?:\s*\([A-Z]\))?)?"  # page 6/7
    r"|\*\d{7,}\*"  # barcode
    r"|Please recycle.*|请回收.*|!\[[^\]]*\]\([^)]*\))$"
)

SYMBOL = (
    r"(?:A|S|E|T|ST|UNEP|TD|DP|(?:CRC|CEDAW|CCPR|CAT|CERD|CESCR|CMW|CRPD|CED)/C)"
    r"(?:/(?:[A-Za-z]+(?:\.\d+)?|ES-\d+|S-\d+|\d{1,4}(?:\s?\(\d{4}\))?|[A-Za-z]+\.\d+))+\*?"
)
SYMBOL_LINE = re.compile(rf"^(?:United Nations\s+|联合国\s+)?(?P<symbol>{SYMBOL})(?:\s+(?P<distr>Distr\.:\s*\w+))?$")
_DISTRIBUTION = re.compile(r"^(?:(?:General Assembly|Security Council|大\s*会)\s+)?Distr\.:\s*\w+$")
_ORIGINAL = re.compile(r"^Original:\s*\w+$")
NUMBER_TITLE = re.compile(
    r"^(?P<number>(?:(?:S|ES)-\d+|\d{1,4})/\d{1,4}(?:\s?[A-Z](?:\s(?:and|to)\s[A-Z])?)?)\.\s*(?P<title>\S.*)$"
)
OP_NUMBER = re.compile(
    r"^(?:OP\s?)?(?P<num>\d{1,3})(?:\s?(?P<suffix>bis|ter|quater|quinquies|alt|new)\b)?"
    r"(?P<dot>\s?[.．])?(?:\s+|(?=\S))"
)
_OP_NEW = re.compile(r"^\[new\]\s*", re.IGNORECASE)
_ITEM = re.compile(
    r"^(?P<label>[(（](?P<key>[a-z]{1,2}|[ivxlcdm]+|[一二三四五六七八九十]+)[)）]"
    r"|(?P<circled>[㈠-㈩])|(?P<dkey>[a-z]|[ivx]{1,4})\.(?=\s))\s*"
)
_BULLET = re.compile(r"^[-–•]\s+(?=[(（㈠-㈩])")
_PART = re.compile(r"^(?P<label>[A-H])\.?$")

CJK_NUMERALS = "一二三四五六七八九十"


@dataclass
class Block:
    """One logical paragraph or line, classified by its first line."""

    kind: str
    passage: Passage
    line: int  # first original line
    match: re.Match[str] | None = None
    blank_before: bool = False
    label: str | None = None  # OP number or item label as printed
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class Normalised:
    blocks: list[Block]
    footnotes: list[Block]
    formatted: bool  # the input used emphasis mark-up somewhere


@dataclass
class _Fragment:
    """One physical line after inline scanning."""

    text: str
    anchors: list[tuple[int, int, int]]
    notes: list[tuple[int, str, int, int]]  # offset, marker, line, column
    toggles: list[tuple[int, str]]  # offset, "**" or "*"
    line: int


def _scan(raw: str, line: int, col0: int) -> _Fragment:
    """Strip inline mark-up from one line, remembering positions."""
    out: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    notes: list[tuple[int, str, int, int]] = []
    toggles: list[tuple[int, str]] = []
    length = 0
    pos = 0

    def emit(text: str, col: int) -> None:
        nonlocal length
        if text:
            anchors.append((length, line, col))
            out.append(text)
            length += len(text)

    for m in _INLINE.finditer(raw):
        emit(raw[pos : m.start()], col0 + pos)
        pos = m.end()
        col = col0 + m.start()
        if m["bold"] or m["italic"]:
            toggles.append((length, m["bold"] or m["italic"]))
        elif m["mdnote"] is not None:
            notes.append((length, m["mdnote"], line, col))
        elif m["sup"] or m["htmlsup"]:
            for marker in expand_markers(m["sup"] or m["htmlsup"]):
                notes.append((length, marker, line, col))
        elif m["linktext"] is not None:
            inner = m["linktext"]
            emit(_UNESCAPE.sub(r"\1", inner), col + 1)
        elif m["escaped"]:
            emit(m["escaped"], col + 1)
    emit(raw[pos:], col0 + pos)
    return _Fragment("".join(out), anchors, notes, toggles, line)


def expand_markers(printed: str) -> list[str]:
    """``¹⁰⁻¹¹`` -> ['10', '11']; ``²,³`` -> ['2', '3']; a range ``⁴⁻⁷`` is expanded."""
    parts = re.split(r"([⁻,‐\-–])", printed.translate(_SUP_TO_DIGIT))
    numbers = [p for p in parts[::2] if p]
    seps = parts[1::2]
    out = [numbers[0]]
    for sep, number in zip(seps, numbers[1:], strict=False):
        prev = int(out[-1])
        if sep != "," and int(number) > prev + 1 and int(number) - prev < 50:
            out.extend(str(n) for n in range(prev + 1, int(number)))
        out.append(number)
    return out


class _Assembler:
    """Concatenates fragments into one passage."""

    def __init__(self, joiner: str) -> None:
        self.joiner = joiner
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[tuple[int, int, int]] = []
        self.notes: list[NoteRef] = []
        self.toggles: list[tuple[int, str]] = []
        self.first: tuple[int, int] | None = None
        self.last: tuple[int, int] = (0, 0)

    def add(self, frag: _Fragment) -> None:
        if self.parts and frag.text:
            joiner = self.joiner
            prev = self.parts[-1][-1:]
            if not joiner and _needs_space(prev, frag.text[:1]):
                joiner = " "
            if prev in ("-", "/") or prev.isspace():
                joiner = ""  # "A/79/78-" + "E/2024/53", a hyphenated break
            self.parts.append(joiner)
            self.length += len(joiner)
        base = self.length
        self.anchors.extend((base + off, line, col) for off, line, col in frag.anchors)
        self.notes.extend(
            NoteRef(marker, base + off, Span(line, col, line, col + 1)) for off, marker, line, col in frag.notes
        )
        self.toggles.extend((base + off, t) for off, t in frag.toggles)
        self.parts.append(frag.text)
        self.length += len(frag.text)
        if frag.anchors:
            if self.first is None:
                self.first = frag.anchors[0][1:]
            last = frag.anchors[-1]
            self.last = (last[1], last[2] + len(frag.text) - last[0])

    def passage(self) -> Passage:
        text = "".join(self.parts)
        runs: list[EmphasisRun] = []
        open_: dict[str, int] = {}
        for off, mark in self.toggles:
            if mark in open_:
                start = open_.pop(mark)
                if off > start:
                    runs.append(EmphasisRun(start, off, Emphasis.BOLD if mark == "**" else Emphasis.ITALIC))
            else:
                open_[mark] = off
        for mark, start in open_.items():
            if len(text) > start:
                runs.append(EmphasisRun(start, len(text), Emphasis.BOLD if mark == "**" else Emphasis.ITALIC))
        runs.sort(key=lambda r: r.start)
        first = self.first or (0, 0)
        # keep the passage's own text trimmed: surrounding blanks never carry meaning
        lead = len(text) - len(text.lstrip())
        passage = Passage(
            text=text,
            notes=self.notes,
            emphasis=runs,
            span=Span(first[0], first[1], self.last[0], self.last[1]),
            source=SourceMap(tuple(self.anchors)),
        )
        if lead:
            drop(passage, 0, lead)
        trail = len(passage.text) - len(passage.text.rstrip())
        if trail:
            drop(passage, len(passage.text) - trail, len(passage.text))
        return passage


def _needs_space(prev: str, nxt: str) -> bool:
    """Two wrapped Latin words in a Chinese text keep their space."""
    return bool(prev and nxt and prev.isascii() and nxt.isascii() and prev.isalnum() and nxt.isalnum())


def drop(passage: Passage, start: int, end: int) -> None:
    """Delete ``text[start:end]`` from a passage, keeping notes, emphasis and the source map
    pointing at the right characters."""
    if end <= start:
        return
    n = end - start
    passage.text = passage.text[:start] + passage.text[end:]

    def shift(off: int) -> int:
        return off if off <= start else (start if off < end else off - n)

    passage.notes = [NoteRef(r.marker, shift(r.offset), r.span) for r in passage.notes]
    runs = []
    for r in passage.emphasis:
        s, e = shift(r.start), shift(r.end)
        if e > s:
            runs.append(EmphasisRun(s, e, r.emphasis))
    passage.emphasis = runs
    anchors = []
    for off, line, col in passage.source.anchors:
        if off < start:
            anchors.append((off, line, col))
        elif off >= end:
            anchors.append((off - n, line, col))
        else:  # an anchor inside the deleted range moves to its end
            anchors.append((start, line, col + (end - off)))
    if not any(a[0] == start for a in anchors) and start < len(passage.text):
        line, col = passage.source.locate(end)
        anchors.append((start, line, col))
        anchors.sort()
    passage.source = SourceMap(tuple(anchors))
    if start == 0 and passage.text:
        line, col = passage.source.locate(0)
        passage.span = type(passage.span)(line, col, passage.span.end_line, passage.span.end_column)


class _LineKind:
    BLANK = "blank"
    FURNITURE = "furniture"
    FOOTNOTE = "footnote"
    SEPARATOR = "separator"


def classify(text: str, lang: Language, in_body: bool) -> tuple[str, re.Match[str] | None]:
    """What a line is, from its text alone. ``in_body``: the organ formula or a paragraph has
    been seen, so header-only shapes are not looked for any more."""
    pats = lang.compiled
    folded = lang.fold(text)
    if lang.formula_organ(folded):
        return "formula", None
    if m := _ITEM.match(text):
        return "item", m
    if (m := OP_NUMBER.match(text)) and _is_operative_number(m, text, lang):
        return "op", m
    if _OP_NEW.match(text):
        return "op", None
    if m := pats["date"].match(text):
        return "date", m
    for kind in ("meeting", "vote", "annex"):
        if m := pats[kind].match(folded):
            return kind, m
    if not in_body:
        if m := SYMBOL_LINE.match(text):
            return "symbol", m
        if _DISTRIBUTION.match(text):
            return "distribution", None
        if _ORIGINAL.match(text):
            return "original", None
        if m := ENGLISH_DATE.match(text):
            return "date", m
        if m := NUMBER_TITLE.match(text):
            return "number_title", m
        for kind in (
            "masthead",
            "session",
            "committee",
            "agenda_item",
            "adopted",
            "report",
            "sc_symbol",
            "sc_adopted",
            "sponsors",
        ):
            if m := pats[kind].match(folded):
                return kind, m
    closed = text.rstrip().endswith(tuple(lang.punctuation.terminal))
    if len(text) < 80 and not closed and (m := pats["section"].match(text)):
        return "section", m
    if _PART.match(text):
        return "part", _PART.match(text)
    return "text", None


def _is_operative_number(m: re.Match[str], text: str, lang: Language) -> bool:
    """``12. Requests`` is a paragraph number; ``2024 年`` or ``16 December`` is not."""
    rest = text[m.end() :]
    if not rest:
        return bool(m["dot"])
    if m["dot"] or m["suffix"] or text.startswith("OP"):
        return not rest[0].isdigit()
    # "11 Condemns" (number without its full stop) only before a known operative phrase
    return bool(lang.match_phrase(lang.fold(rest.lstrip("*"))))


def normalise(text: str, lang: Language) -> Normalised:
    """Split ``text`` into classified blocks and footnote blocks."""
    blocks: list[Block] = []
    footnotes: list[Block] = []
    current: tuple[Block, _Assembler] | None = None
    note: tuple[Block, _Assembler] | None = None
    formatted = False
    blank = False
    in_body = False
    note_zone = False  # after a ____ rule: plain-numbered lines are footnote texts
    last_was_note = False
    assemblers: list[tuple[Block, _Assembler]] = []  # every block gets its passage at the end

    for lineno, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip("\r").rstrip()
        stripped = raw.lstrip()
        col0 = len(raw) - len(stripped) + 1
        if not stripped:
            blank = True
            continue
        if _FURNITURE.match(stripped) or (in_body and _is_running_symbol(stripped)):
            note_zone = False
            continue
        if _SEPARATOR.match(stripped):
            note_zone = True
            continue
        fn = _FOOTNOTE_SUP.match(stripped) or _FOOTNOTE_MD.match(stripped)
        if not fn and note_zone:
            fn = _FOOTNOTE_PLAIN.match(stripped)
        if fn:
            marker = fn["marker"].translate(_SUP_TO_DIGIT)
            frag = _scan(stripped[fn.end() :], lineno, col0 + fn.end())
            formatted |= bool(frag.toggles)
            asm = _Assembler(lang.joiner)
            asm.add(frag)
            block = Block("footnote", Passage(""), lineno, label=marker, blank_before=blank)
            footnotes.append(block)
            note = (block, asm)
            assemblers.append(note)
            blank = False
            last_was_note = True
            continue
        if bullet := _BULLET.match(stripped):
            stripped = stripped[bullet.end() :]
            col0 += bullet.end()
        frag = _scan(stripped, lineno, col0)
        formatted |= bool(frag.toggles)
        kind, match = classify(frag.text, lang, in_body)
        if kind == "text":
            # a wrapped footnote text goes on until a blank line or closing punctuation
            if last_was_note and note and not blank and not _closed(note[1], lang):
                note[1].add(frag)
                continue
            if current and _continues(current, frag, blank, lang, in_body):
                current[1].add(frag)
                blank = False
                last_was_note = False
                continue
        elif note_zone:
            note_zone = False
        last_was_note = False
        if kind in ("formula", "op", "item") or (kind == "text" and in_body):
            in_body = True
        block = Block(kind, Passage(""), lineno, match=match, blank_before=blank)
        asm = _Assembler(lang.joiner)
        asm.add(frag)
        current = (block, asm)
        assemblers.append(current)
        blocks.append(block)
        blank = False
    for block, asm in assemblers:
        block.passage = asm.passage()
    if any(fn.label and fn.label.isdigit() for fn in footnotes) and not _has_markers(blocks, footnotes):
        _find_bare_markers(blocks, footnotes)
    return Normalised(blocks, footnotes, formatted)


def _closed(asm: _Assembler, lang: Language) -> bool:
    tail = "".join(asm.parts).rstrip()
    return not tail or tail[-1] in lang.punctuation.full_stop + ".。"


def _continues(current: tuple[Block, _Assembler], frag: _Fragment, blank: bool, lang: Language, in_body: bool) -> bool:
    """Does a plain text line continue the current block?"""
    block, asm = current
    tail = "".join(asm.parts[-2:]).rstrip()
    if not tail:
        return True
    open_ = tail[-1] not in lang.punctuation.terminal
    body_kinds = ("text", "op", "item")
    if in_body and block.kind in body_kinds and open_:
        return True  # a paragraph broken by a page or footnote block goes on
    if blank:
        return bool(in_body and block.kind in body_kinds and frag.text[:1].islower())
    if block.kind in ("text", "op", "item", "number_title", "sponsors", "report", "adopted"):
        return open_ or not _starts_paragraph(frag.text, lang)
    return False


def _starts_paragraph(text: str, lang: Language) -> bool:
    folded = lang.fold(text.lstrip("*"))
    if lang.match_phrase(folded):
        return True
    return bool(lang.joiner) and text[:1].isupper()


def _is_running_symbol(text: str) -> bool:
    """A symbol alone on a line inside the body is a page header."""
    m = SYMBOL_LINE.match(text)
    return bool(m and not m["distr"])


def _has_markers(blocks: list[Block], footnotes: list[Block]) -> bool:
    return any(b.passage.notes for b in blocks)


_BARE = re.compile(
    r"(?<=[^\W\d_])(\d{1,3})(?=[\s,.;:，；。]|$)"  # Nations1
    r"|(?<=[,.;，；。])(\d{1,3})(?=\s|$)"  # 2024,1
    r"|(?<=\w) (\d{1,3}) (?=[a-z])"  # Court 1 reaffirms
)


def _find_bare_markers(blocks: list[Block], footnotes: list[Block]) -> None:
    """PDF text with plain-digit footnotes: call-outs are bare digits glued to a word
    (``Nations1``), after punctuation (``2024,1``) or set off by spaces (``Court 1 reaffirms``).
    Only the number the sequence expects next is taken, so figures in the text are left."""
    wanted = [fn.label for fn in footnotes if fn.label and fn.label.isdigit()]
    if not wanted:
        return
    i = 0
    for block in blocks:
        if block.kind not in ("text", "op", "item"):
            continue
        p = block.passage
        found: list[tuple[int, int, str]] = []
        for m in _BARE.finditer(p.text):
            if i >= len(wanted):
                break
            number = m[1] or m[2] or m[3]
            if number == wanted[i]:
                start = m.start(1) if m[1] else m.start(2) if m[2] else m.start(3) - 1
                end = m.end(1) if m[1] else m.end(2) if m[2] else m.end(3)
                found.append((start, end, number))
                i += 1
        for start, end, number in reversed(found):
            span = p.span_of(start, end)
            drop(p, start, end)
            p.notes.append(NoteRef(number, start, span))
        p.notes.sort(key=lambda r: r.offset)
