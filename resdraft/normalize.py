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

import itertools
import re
from dataclasses import dataclass, field

from resdraft.lang import Language
from resdraft.model import Emphasis, EmphasisRun, NoteRef, Passage, SourceMap, Span
from resdraft.numbering import CJK_NUMERALS
from resdraft.symbols import NUMBER_TITLE, resolution_symbols

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_SUP = f"[{SUPERSCRIPT_DIGITS}]"

# One inline scanner for everything a line may carry besides its words.
_INLINE = re.compile(
    r"(?P<comment>\s*<!--.*?-->)"  # an HTML comment (a resdraft directive) is not text
    rf"|(?P<bold>\*\*)|(?P<italic>\*)"
    rf"|\[\^(?P<mdnote>[^\]\s]+)\]"  # a definition "[^1]: …" is taken off the line before
    rf"|(?P<sup>{_SUP}+(?:[⁻,‐\-–]{_SUP}+)*)"
    rf"|<sup>(?P<htmlsup>\d+(?:[,\-–]\d+)*)</sup>"
    rf"|\[(?P<webnote>\d{{1,3}})\](?:\([^)\s]*\))?"  # web pages: [1] or [1](#cite_note-1)
    rf"|\[(?P<linktext>(?:\\.|[^\[\]\\])*)\]\((?P<url>[^)\s]*)\)"
    rf"|\\(?P<escaped>[\\`*_{{}}\[\]()#+\-.!])"
)
_EMPHASIS_BRANCHES = ("bold", "italic")  # their match is the mark itself
_CALLOUT_BRANCHES = ("sup", "htmlsup", "webnote")  # the group holds the printed markers
# every branch of _INLINE needs one of these characters
_INLINE_START = re.compile(rf"[<*\[{SUPERSCRIPT_DIGITS}\\]")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")

_FOOTNOTE_SUP = re.compile(rf"^(?P<marker>{_SUP}+)\s*")
_FOOTNOTE_MD = re.compile(r"^\[\^(?P<marker>[^\]\s]+)\]:\s*|^\^?\[(?P<webmarker>\d{1,3})\]\s+(?=\S)")
_FOOTNOTE_PLAIN = re.compile(r"^(?P<marker>\d{1,3})(?!\.)\s+(?=\S)")
# what follows a number at the start of a line when it is a date or a figure, not a footnote
_COMMENT = re.compile(r"^<!--.*-->$")
_SEPARATOR = re.compile(r"^(?:_{3,}|-{5,}|—{3,}|\*\s*\*\s*\*)$")

_FURNITURE = re.compile(
    r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d+/\d+)?"  # job number, date stamp, page
    r"|\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5}(?:\s*\([A-Z]\))?)?"  # page 6/7
    r"|\*\d{7,}\*"  # barcode
    r"|!\[[^\]]*\]\([^)]*\))$"  # an image left by a PDF-to-Markdown tool
)

OP_NUMBER = re.compile(
    r"^(?:OP\s?)?(?P<num>\d{1,3})(?:\s?(?P<suffix>bis|ter|quater|quinquies|alt|new)\b)?"
    r"(?P<dot>\s?[.．])?(?:\s+|(?=\S)|$)"
)
_OP_NEW = re.compile(r"^\[new\]\s*", re.IGNORECASE)
_ITEM = re.compile(
    rf"^(?P<label>[(（](?P<key>[a-z]{{1,2}}|[ivxlcdm]+|[{CJK_NUMERALS}]+)[)）]"
    r"|(?P<circled>[㈠-㈩])|(?P<dkey>[a-z]|[ivx]{1,4})\.(?=\s))\s*"
)
_SPACES = re.compile(r"\s+")
_MD_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
_BULLET = re.compile(r"^[-–•]\s+(?=[(（㈠-㈩])")
_PART = re.compile(r"^(?P<label>[A-H])\.?$")


@dataclass
class Block:
    """One logical paragraph or line, classified by its first line."""

    kind: str
    passage: Passage
    line: int  # first original line
    match: re.Match[str] | None = None
    label: str | None = None  # OP number or item label as printed
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class Normalised:
    """A text as the grammar reads it: its blocks in order, and its footnote texts apart."""

    blocks: list[Block]
    footnotes: list[Block]
    formatted: bool  # the input used emphasis mark-up somewhere
    extracted: bool = False  # the input shows PDF page furniture (running heads, job numbers)


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

    matches = _inline_marks(raw)
    if not matches:  # most lines: nothing but words
        return _Fragment(raw, [(0, line, col0)] if raw else [], [], [], line)
    paired = _paired_emphasis(raw, matches)
    for m in matches:
        # the branch that matched: its last group ("url" for a link), never empty
        branch = m.lastgroup
        if branch in _EMPHASIS_BRANCHES and m.start() not in paired:
            continue  # a lone "*" (a reissued symbol "L.5*") is text
        emit(raw[pos : m.start()], col0 + pos)
        pos = m.end()
        col = col0 + m.start()
        if branch == "comment":
            continue
        if branch in _EMPHASIS_BRANCHES:
            toggles.append((length, m.group()))
        elif branch == "mdnote":
            notes.append((length, m["mdnote"], line, col))
        elif branch in _CALLOUT_BRANCHES:
            for marker in expand_markers(m[branch]):
                notes.append((length, marker, line, col))
        elif branch == "url":
            emit(_UNESCAPE.sub(r"\1", m["linktext"]), col + 1)
        elif branch == "escaped":
            emit(m["escaped"], col + 1)
    emit(raw[pos:], col0 + pos)
    return _Fragment("".join(out), anchors, notes, toggles, line)


def _inline_marks(raw: str) -> list[re.Match[str]]:
    """What ``_INLINE.finditer(raw)`` finds. Its branches start with groups, so the regex
    engine would try all of them at every character; instead a character class finds where
    mark-up can start and ``_INLINE`` is tried there (and, before a ``<``, from the blanks
    before it, which a comment's match takes)."""
    found: list[re.Match[str]] = []
    pos = 0
    while candidate := _INLINE_START.search(raw, pos):
        at = candidate.start()
        m = None
        if raw[at] == "<":
            blanks = at
            while blanks > pos and raw[blanks - 1].isspace():
                blanks -= 1
            if blanks < at:
                m = _INLINE.match(raw, blanks)
        m = m or _INLINE.match(raw, at)
        if m is None:
            pos = at + 1
        else:
            found.append(m)
            pos = m.end()
    return found


def _paired_emphasis(raw: str, matches: list[re.Match[str]]) -> set[int]:
    """Start offsets of the ``*``/``**`` that open or close emphasis on this line: an opener
    is followed by a non-space, a closer preceded by one, and each needs its partner."""
    stack: list[re.Match[str]] = []
    paired: set[int] = set()
    for m in matches:
        if m.lastgroup not in _EMPHASIS_BRANCHES:
            continue
        mark = m.group()
        before = raw[m.start() - 1 : m.start()]
        after = raw[m.end() : m.end() + 1]
        if before and not before.isspace() and stack and stack[-1].group() == mark:
            paired.update((stack.pop().start(), m.start()))
        elif after and not after.isspace():
            stack.append(m)
    return paired


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
        self.closed_bracket = False  # a "]" has been seen (bracketed notes run to it)

    def tail(self) -> str:
        """The text so far, without trailing blanks, read from its last non-empty piece only
        (joining all pieces on every line would make long paragraphs quadratic)."""
        for part in reversed(self.parts):
            if part.strip():
                return part.rstrip()
        return ""

    def add(self, frag: _Fragment) -> None:
        self.closed_bracket |= "]" in frag.text
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
        if base:
            self.anchors.extend((base + off, line, col) for off, line, col in frag.anchors)
            self.toggles.extend((base + off, t) for off, t in frag.toggles)
        else:  # the first fragment's offsets are the passage's (most passages have one)
            self.anchors.extend(frag.anchors)
            self.toggles.extend(frag.toggles)
        self.notes.extend(
            NoteRef(marker, base + off, Span(line, col, line, col + 1)) for off, marker, line, col in frag.notes
        )
        self.parts.append(frag.text)
        self.length += len(frag.text)
        if frag.anchors:
            if self.first is None:
                self.first = frag.anchors[0][1:]
            last = frag.anchors[-1]
            self.last = (last[1], last[2] + len(frag.text) - last[0])

    def passage(self) -> Passage:
        text = "".join(self.parts)
        runs = self._emphasis(len(text)) if self.toggles else []
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

    def _emphasis(self, length: int) -> list[EmphasisRun]:
        """The emphasis runs the toggles make, in order; one left open runs to the end."""
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
            if length > start:
                runs.append(EmphasisRun(start, length, Emphasis.BOLD if mark == "**" else Emphasis.ITALIC))
        runs.sort(key=lambda r: r.start)
        return runs


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
    resumes = any(off == end for off, _, _ in passage.source.anchors)
    for off, line, col in passage.source.anchors:
        if off < start:
            anchors.append((off, line, col))
        elif off >= end:
            anchors.append((off - n, line, col))
        elif not resumes:  # an anchor inside the deleted range moves to its end
            anchors.append((start, line, col + (end - off)))
    if not any(a[0] == start for a in anchors) and start < len(passage.text):
        line, col = passage.source.locate(end)
        anchors.append((start, line, col))
        anchors.sort()
    passage.source = SourceMap(tuple(anchors))
    if start == 0 and passage.text:
        line, col = passage.source.locate(0)
        passage.span = type(passage.span)(line, col, passage.span.end_line, passage.span.end_column)


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
        if m := pats["symbol_line"].match(text):
            return "symbol", m
        if pats["distribution"].match(text):
            return "distribution", None
        if pats["original"].match(text):
            return "original", None
        if m := pats["masthead_date"].match(text):
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
    # a section heading is short and does not end like a paragraph
    heading_like = len(text) < 80 and not text.rstrip().endswith(lang.punctuation.terminal_endings)
    if heading_like and (m := pats["section"].match(text)):
        return "section", m
    if m := _PART.match(text):
        return "part", m
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


_OP_LINE = re.compile(r"^\s*(?:\*\*)?\d{1,3}\s?\.\s")
_FRONT_JOIN = ("sponsors", "report", "adopted", "sc_adopted")  # header lines that may be wrapped


def _blank_separated(lines: list[str]) -> bool:
    """Are paragraphs separated by blank lines (then a line break inside a paragraph is a
    wrap), or does every paragraph stand on its own line with none between?"""
    # (a comment line holds "<!--": most lines do not, and skip the strip and the pattern)
    lines = [line for line in lines if "<!--" not in line or not _COMMENT.match(line.strip())]
    numbered = [i for i, line in enumerate(lines) if _OP_LINE.match(line)]
    if numbered:
        after_blank = sum(1 for i in numbered if i and not lines[i - 1].strip())
        return after_blank * 2 >= len(numbered)
    blanks = sum(1 for line in lines if not line.strip())
    return blanks * 5 >= len(lines) - blanks


class _Grouper:
    """Walks the physical lines once, grouping them into blocks and footnote blocks."""

    def __init__(self, lang: Language, lines: list[str]) -> None:
        self.lang = lang
        self.blocks: list[Block] = []
        self.footnotes: list[Block] = []
        self.assemblers: list[tuple[Block, _Assembler]] = []  # every block gets its passage at the end
        self.current: tuple[Block, _Assembler] | None = None
        self.note: tuple[Block, _Assembler] | None = None
        self.formatted = False
        self.extracted = False
        self.in_fence = False
        self.blank = False
        self.in_body = False
        self.note_zone = False  # after a ____ rule: plain-numbered lines are footnote texts
        self.last_was_note = False
        self.blank_style = _blank_separated(lines)
        self.own_symbols: set[str] = set()  # the document's symbols, repeated in running heads
        self.title: tuple[_Assembler, int] | None = None  # "80/4. Title" block and where its title starts
        self._title_cache: tuple[int, str] | None = None  # its length when last joined, the joined title

    def line(self, lineno: int, raw: str) -> None:
        raw = raw.rstrip("\r").rstrip()
        stripped = raw.lstrip()
        col0 = len(raw) - len(stripped) + 1
        if not stripped:
            self.blank = True
            return
        if _COMMENT.match(stripped):  # an HTML comment (a resdraft directive): invisible in Markdown
            return
        if stripped.startswith("```"):  # a Markdown code block shows text, it is not the text
            self.in_fence = not self.in_fence
            return
        if self.in_fence:
            return
        if self._furniture(stripped):
            self.note_zone = False
            self.extracted = True
            return
        if _SEPARATOR.match(stripped):
            self.note_zone = True
            return
        fn = _FOOTNOTE_SUP.match(stripped) or _FOOTNOTE_MD.match(stripped)
        if not fn and (self.note_zone or self.in_body):
            fn = self._plain_footnote(stripped)
        if fn:
            self.footnote(fn, stripped, lineno, col0)
            return
        if heading := _MD_HEADING.match(stripped):  # "## Annex": the words are the line
            stripped = stripped[heading.end() :]
            col0 += heading.end()
        if bullet := _BULLET.match(stripped):
            stripped = stripped[bullet.end() :]
            col0 += bullet.end()
        frag = _scan(stripped, lineno, col0)
        self.formatted |= bool(frag.toggles)
        self.fragment(frag)

    def fragment(self, frag: _Fragment) -> None:
        """Place one line's text: it starts a block, or continues the current one."""
        kind, match = classify(frag.text, self.lang, self.in_body)
        current = self.current
        if kind == "item" and current and not self.blank and self._reference_wrap(current[1]):
            kind, match = "text", None  # "… paragraph 5" / "(b) above …": a wrapped reference
        if kind in _FRONT_JOIN and not self.in_body and current and not self.blank and _wrapped_header(current):
            current[1].add(frag)  # the end of a header line wrapped over two lines ("… and Vanuatu: draft
            return  # resolution"): the joined line is classified again at the end
        if kind == "text":
            # a wrapped footnote text goes on until a blank line or closing punctuation
            note = self.note
            if self.last_was_note and note and not self.blank and not _closed(note[1], self.lang):
                note[1].add(frag)
                return
            if current and self._continues(current, frag):
                # a paragraph going on after a footnote block: a page break of a PDF
                self.extracted |= self.last_was_note and self.in_body
                current[1].add(frag)
                self.blank = False
                self.last_was_note = False
                return
        elif self.note_zone:
            self.note_zone = False
        self.start_block(kind, match, frag, frag.line)

    def paragraph(self, paragraph: Paragraph) -> None:
        """A paragraph whose bounds the input marks (a Word paragraph): it always starts a
        block of its own; the lines a soft line break made in it are placed like text lines."""
        if not paragraph.text.strip():  # an empty paragraph, even one Word numbers, is no paragraph
            return
        first, *rest = paragraph.fragments()
        kind, match = classify(first.text, self.lang, self.in_body)
        self.start_block(kind, match, first, first.line)
        for frag in rest:
            self.fragment(frag)

    def start_block(self, kind: str, match: re.Match[str] | None, frag: _Fragment, lineno: int) -> None:
        self.last_was_note = False
        bare_formula = kind == "formula" and not frag.text.rstrip().endswith(tuple(self.lang.punctuation.commas))
        if (kind in ("formula", "op", "item") and not bare_formula) or (kind == "text" and self.in_body):
            self.in_body = True
        block = Block(kind, Passage(""), lineno, match=match)
        if not self.in_body:
            block.data["front"] = "yes"
        if self.current and self.current[0].kind in ("annex", "section", "part") and kind == "text":
            block.data["heading"] = "yes"
        if match is not None and kind in ("symbol", "number_title", "sc_symbol"):
            self.own_symbols.update(_symbols_of(kind, match))
        asm = _Assembler(self.lang.joiner)
        asm.add(frag)
        if kind == "number_title" and match is not None and self.title is None:
            self.title = (asm, match.start("title"))
        self.current = (block, asm)
        self.assemblers.append(self.current)
        self.blocks.append(block)
        self.blank = False

    def footnote(self, fn: re.Match[str], stripped: str, lineno: int, col0: int) -> None:
        marker = (fn.groupdict().get("webmarker") or fn["marker"]).translate(_SUP_TO_DIGIT)
        frag = _scan(stripped[fn.end() :], lineno, col0 + fn.end())
        self.formatted |= bool(frag.toggles)
        asm = _Assembler(self.lang.joiner)
        asm.add(frag)
        block = Block("footnote", Passage(""), lineno, label=marker)
        self.footnotes.append(block)
        self.note = (block, asm)
        self.assemblers.append(self.note)
        self.blank = False
        self.last_was_note = True

    def _plain_footnote(self, text: str) -> re.Match[str] | None:
        """``1 See resolution …`` at a page foot. After a ``____`` rule any such line is a
        footnote text; elsewhere only the number the footnotes expect next, followed by what
        starts a note (a capital, a symbol, CJK) rather than a date or a figure."""
        m = _FOOTNOTE_PLAIN.match(text)
        if m is None:
            return None
        if not self.note_zone:
            numbers = [int(fn.label) for fn in self.footnotes if fn.label and fn.label.isdigit()]
            rest = text[m.end() :]
            if int(m["marker"]) != (numbers[-1] + 1 if numbers else 1):
                return None
            if not (rest[:1].isupper() or not rest[:1].isascii()) or self.lang.compiled["not_a_footnote"].match(rest):
                return None
        return m

    def _opens_paragraph(self, text: str) -> bool:
        """After a blank line, does this line open a paragraph with a known phrase ("Noting …")
        rather than continue one across a page break? Capitalised in English; in Chinese only
        where no page furniture has been seen (a page break there may fall before any word)."""
        lang = self.lang
        text = text.lstrip("*")
        if lang.spaced_words and not text[:1].isupper():
            return False
        if not lang.spaced_words and self.extracted:
            return False
        return bool(lang.match_phrase(lang.fold(text)))

    def _reference_wrap(self, asm: _Assembler) -> bool:
        """The current line ends "… paragraph 5", so "(b) above …" continues it."""
        return bool(self.lang.compiled["reference_tail"].search(asm.tail()[-40:]))

    def _furniture(self, text: str) -> bool:
        """Page furniture: job numbers, page numbers, "Please recycle", running heads."""
        if _FURNITURE.match(text) or self.lang.compiled["furniture"].match(text):
            return True
        return self.in_body and self._running_head(text)

    def _running_head(self, text: str) -> bool:
        """A page header: the symbol alone, or the document's own symbol beside a short title."""
        m = self.lang.compiled["symbol_line"].match(text)
        if m and not m["distr"]:
            return True
        if len(text) > 160:
            return False
        symbols = tuple(self.own_symbols)
        if text.startswith(symbols) or text.endswith(symbols):
            return True
        return self._title_line(text)

    def _title_line(self, text: str) -> bool:
        """The document's title, or a line of it, repeated at the top of a page (PDF running
        heads print the title beside or under the symbol)."""
        if self.title is None or (self.current and self.current[0].kind in ("annex", "section", "part")):
            return False  # an annex may repeat the resolution's title under its heading
        title = self._title_text()
        if text[:16].split(None, 1)[0] not in title:  # its first word is not even there (nearly every line)
            return False
        text = _SPACES.sub(" ", text)
        return text == title or (len(text) >= 25 and text in title)

    def _title_text(self) -> str:
        """The title with its spaces made single, made again only when its block has grown
        (asked for on every line of the body)."""
        assert self.title is not None
        asm, start = self.title
        if self._title_cache is None or self._title_cache[0] != asm.length:
            self._title_cache = (asm.length, _SPACES.sub(" ", "".join(asm.parts)[start:].strip()))
        return self._title_cache[1]

    def _continues(self, current: tuple[Block, _Assembler], frag: _Fragment) -> bool:
        """Does a plain text line continue the current block?"""
        block, asm = current
        lang = self.lang
        tail = asm.tail()
        label_alone = len(asm.parts) == 1 and block.match is not None and len(tail) <= block.match.end()
        if not tail or (block.kind in ("op", "item") and label_alone):
            return True  # a number or label alone on its line: its text follows
        if asm.parts[0].startswith("[") and not asm.closed_bracket:
            return True  # a bracketed note ("[Adopted by a recorded vote …]") runs to its "]"
        if not self.in_body and frag.text.startswith("["):
            return False  # "[on the report of …]" starts its own header line
        if self.blank and block.data.get("heading"):
            return False  # the title under "Annex" or "I" ends at a blank line
        # a bare footnote call-out ("…2030,2") does not make the paragraph open
        # (the tail is right-stripped, so the call-out's "$" is its last character: a digit)
        uncalled = _TRAILING_CALLOUT.sub("", tail) if tail[-1].isdigit() else tail
        open_ = uncalled[-1:] not in lang.punctuation.terminal
        body_kinds = ("text", "op", "item")
        if self.in_body and block.kind in body_kinds:
            if open_ and self.blank and self._opens_paragraph(frag.text):
                return False  # a paragraph that lost its final punctuation, then the next one
            if open_:
                return True  # a paragraph broken by a page or a footnote block goes on
            if self.blank:
                return lang.spaced_words and frag.text[:1].islower()
            return self.blank_style or not _starts_paragraph(frag.text, lang)
        if self.blank:
            return False
        if block.kind in ("text", "number_title", "sponsors", "report", "adopted"):
            return open_ or not _starts_paragraph(frag.text, lang)
        return False

    def finish(self) -> Normalised:
        for block, asm in self.assemblers:
            block.passage = asm.passage()
        for block in self.blocks:
            text = block.passage.text
            # a header line or bracketed note that was wrapped is known only once joined
            if block.kind == "text" and (block.data.get("front") or text.startswith("[")):
                kind, match = classify(text, self.lang, in_body=not block.data.get("front"))
                if kind != "text" and kind not in ("op", "item"):
                    block.kind, block.match = kind, match
        if any(fn.label and fn.label.isdigit() for fn in self.footnotes) and not any(
            b.passage.notes for b in self.blocks
        ):
            _find_bare_markers(self.blocks, self.footnotes, self.lang)
        return Normalised(self.blocks, self.footnotes, self.formatted, self.extracted)


def _wrapped_header(current: tuple[Block, _Assembler]) -> bool:
    block, asm = current
    tail = asm.tail()
    return block.kind == "text" and bool(tail) and tail[-1] not in ".。;；:："


def _symbols_of(kind: str, match: re.Match[str]) -> set[str]:
    if kind == "symbol":
        return {match["symbol"]}
    if kind == "sc_symbol":
        return resolution_symbols(f"{match['number']} ({match['year']})")
    return resolution_symbols(match["number"])


_TRAILING_CALLOUT = re.compile(r"(?<=[,.;:，；。”\"’)]) ?\d{1,3}$")


@dataclass
class Paragraph:
    """A paragraph whose bounds the input itself marks (a Word paragraph): its text, the
    number the input shows before it without holding it in the text (Word's automatic
    numbering), where its emphasis and footnote call-outs stand, and the offsets of its soft
    line breaks (a space in ``text``). Positions map to ``line`` (the paragraph) and the
    1-based column of the character in ``text``; the prefix maps to column 0."""

    text: str
    line: int
    prefix: str = ""
    emphasis: list[EmphasisRun] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # offset in text, marker
    breaks: list[int] = field(default_factory=list)

    def fragments(self) -> list[_Fragment]:
        """The paragraph as the grouper's fragments, one per soft line."""
        bounds = [0, *(b + 1 for b in self.breaks), len(self.text) + 1]
        out = []
        for i, (start, stop) in enumerate(itertools.pairwise(bounds)):
            end = stop - 1
            prefix = self.prefix if i == 0 else ""
            anchors = [(k, self.line, 0) for k in range(len(prefix))] + [(len(prefix), self.line, start + 1)]
            notes = [(len(prefix) + off - start, m, self.line, off + 1) for off, m in self.notes if start <= off <= end]
            toggles = []
            for run in self.emphasis:
                if run.start < end and run.end > start:
                    mark = "**" if run.emphasis is Emphasis.BOLD else "*"
                    toggles.append((len(prefix) + max(run.start, start) - start, mark))
                    toggles.append((len(prefix) + min(run.end, end) - start, mark))
            toggles.sort(key=lambda t: t[0])
            out.append(_Fragment(prefix + self.text[start:end], anchors, notes, toggles, self.line))
        return out


def normalise_paragraphs(
    paragraphs: list[Paragraph], footnotes: list[tuple[str, list[Paragraph]]], lang: Language
) -> Normalised:
    """Classified blocks from paragraphs whose bounds the input marks (a Word document): each
    paragraph starts a block, footnote texts come with their markers, and the emphasis is
    known everywhere (a paragraph without any is plain, not unknown)."""
    grouper = _Grouper(lang, [])
    grouper.formatted = True
    for paragraph in paragraphs:
        grouper.paragraph(paragraph)
    for marker, parts in footnotes:
        asm = _Assembler(lang.joiner)
        for part in parts:
            for frag in part.fragments():
                asm.add(frag)
        block = Block("footnote", Passage(""), parts[0].line if parts else 0, label=marker)
        grouper.footnotes.append(block)
        grouper.assemblers.append((block, asm))
    return grouper.finish()


def normalise(text: str, lang: Language) -> Normalised:
    """Split ``text`` into classified blocks and footnote blocks."""
    lines = text.split("\n")
    grouper = _Grouper(lang, lines)
    for lineno, raw in enumerate(lines, start=1):
        grouper.line(lineno, raw)
    return grouper.finish()


def _closed(asm: _Assembler, lang: Language) -> bool:
    tail = asm.tail()
    return not tail or tail[-1] in lang.punctuation.full_stop + ".。"


def _starts_paragraph(text: str, lang: Language) -> bool:
    folded = lang.fold(text.lstrip("*"))
    if lang.match_phrase(folded):
        return True
    return lang.spaced_words and text[:1].isupper()


# a call-out glued to a word or closing quote (Nations1, want”1) or after punctuation (2024,1)
# or glued to a year (for the Decade 2014–20243 and): no year has five digits
_GLUED = re.compile(
    r"(?<=[^\W\d_]|[”’\")\]])(\d{1,3})(?=[\s,.;:，；。]|$)|(?<=[,.;，；。])(\d{1,3})(?=\s|$)"
    r"|(?<=\b(?:19|20)\d\d)(\d{1,2})(?=[\s,.;:]|$)"
)
# set off by spaces between words (Court 1 reaffirms), or after punctuation and a space
# (Commitment, 12 which): tried only when no glued one exists
_SPACED = re.compile(r"(?<=[^\W\d_]) (\d{1,3}) +(?=[a-z])|(?<=[,.;:”’]) (\d{1,3})(?= [a-z]|$)")


def _candidates(
    pattern: re.Pattern[str], text: str, number: str, start: int, exclusion: re.Pattern[str]
) -> re.Match[str] | None:
    for m in pattern.finditer(text, start):
        at = m.start(m.lastindex or 0)
        # "Add.1", "para. 3": digits that belong to a reference are never a call-out
        if m.group(m.lastindex or 0) == number and not exclusion.search(text[max(0, at - 12) : at]):
            return m
    return None


def _find_bare_markers(blocks: list[Block], footnotes: list[Block], lang: Language) -> None:
    """PDF text with plain-digit footnotes: call-outs are bare digits glued to a word
    (``Nations1``), after punctuation (``2024,1``) or set off by spaces (``Court 1 reaffirms``).
    Footnote numbers are looked for in order, each after the previous one; a glued form anywhere
    ahead wins over a spaced one, so that figures in the text ("Goal 3 aims") are left alone."""
    wanted = [fn.label for fn in footnotes if fn.label and fn.label.isdigit()]
    body = [b for b in blocks if b.kind in ("text", "op", "item")]
    found: dict[int, list[tuple[int, int, str]]] = {}
    cursor = (0, 0)  # block index, offset
    for number in wanted:
        exclusion = lang.compiled["callout_exclusion"]
        hit = _search(body, number, cursor, _GLUED, exclusion) or _search(body, number, cursor, _SPACED, exclusion)
        if hit is None:
            continue
        bi, m = hit
        group = m.lastindex or 0
        found.setdefault(bi, []).append((m.start(group), m.end(group), number))
        cursor = (bi, m.end(group))
    for bi, hits in found.items():
        p = body[bi].passage
        for start, end, number in reversed(hits):
            if p.text[start - 1 : start] == " " and p.text[end : end + 1] in (" ", ""):
                start -= 1  # "Court 1 reaffirms" -> "Court reaffirms"; "in 2014, 4" -> "in 2014,"
                while p.text[end : end + 2] == "  ":
                    end += 1  # "Countries 3  and" -> "Countries and"
            span = p.span_of(start, end)
            drop(p, start, end)
            p.notes.append(NoteRef(number, start, span))
        p.notes.sort(key=lambda r: r.offset)


def _search(
    body: list[Block], number: str, cursor: tuple[int, int], pattern: re.Pattern[str], exclusion: re.Pattern[str]
) -> tuple[int, re.Match[str]] | None:
    for bi in range(cursor[0], len(body)):
        start = cursor[1] if bi == cursor[0] else 0
        m = _candidates(pattern, body[bi].passage.text, number, start, exclusion)
        if m:
            return bi, m
    return None
