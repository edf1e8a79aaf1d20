"""Word ``.docx`` -> paragraphs as the drafter sees them in Word.

One job: read the body of a package (:class:`resdraft.docx.Package`) into
:class:`resdraft.normalize.Paragraph` objects, which the normaliser turns into blocks like any
other input. On the way it

* resolves italic and bold (and hidden text) through direct formatting, character styles,
  paragraph styles (with their ``basedOn`` chains) and the document defaults, with the toggle
  semantics of ECMA-376 §17.7.3;
* puts real footnotes (``footnotes.xml``) at their call-outs, numbered as Word shows them (in
  order of reference); a ``NOTEREF`` cross-reference (a footnote called again) is a call-out;
* computes the numbers Word shows for automatically numbered paragraphs
  (:mod:`resdraft.docx_numbering`);
* accepts (default) or rejects tracked changes, and notes that the draft holds some;
* leaves out comments, headers, footers, field codes (a field's displayed result is kept),
  drawings and hidden text.

The paragraphs are also laid out as a *text view*: line N is the text of the Nth paragraph of
the body (every ``w:p``, empty ones included), then the footnote paragraphs. Positions in the
model are positions in this view, so the rules, their fixes and the renumbering work on Word
input unchanged; :class:`Place` says what a line of the view is in the document, and
:class:`Piece` which ``w:t`` element holds which characters (for fixing in place).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from lxml import etree

from resdraft.docx import DOCUMENT_PART, Package, local_name
from resdraft.docx import w as _w
from resdraft.docx_numbering import Label, ListNumbering
from resdraft.model import Emphasis, EmphasisRun
from resdraft.normalize import Paragraph

FOOTNOTES_PART = "word/footnotes.xml"
STYLES_PART = "word/styles.xml"
NUMBERING_PART = "word/numbering.xml"
_FALSE = frozenset({"0", "false", "off", "none"})
# a symbol font's characters live in the private use area: they show nothing a text can hold
_PRIVATE_USE = range(0xE000, 0xF900)
_CROSS_REFERENCE = re.compile(r"\s*(?P<kind>NOTEREF|REF)\s+(?P<name>\S+)", re.IGNORECASE)
_LINE_ENDS = str.maketrans("\r\n", "  ")  # a line of the text view is one paragraph


class Revisions(StrEnum):
    """How tracked changes are read: as if accepted (the default) or rejected."""

    ACCEPT = "accept"
    REJECT = "reject"


@dataclass(frozen=True)
class Place:
    """What a line of the text view is in the Word document: a body paragraph (its ordinal
    among all paragraphs of the body, and the number Word shows before it) or a paragraph of
    a footnote (the footnote's number, and which of its paragraphs)."""

    part: str  # "body" or "footnote"
    paragraph: int
    number: str | None = None
    footnote: str | None = None

    def __str__(self) -> str:
        if self.part == "footnote":
            return f"footnote {self.footnote}" + (f".{self.paragraph}" if self.paragraph > 1 else "")
        return str(self.paragraph)


@dataclass(frozen=True)
class Piece:
    """Characters ``start:end`` of a view line, held by ``node`` (a ``w:t``; None where the
    characters are not plain text a fix may change: a tab, a symbol, a field's result)."""

    start: int
    end: int
    node: etree._Element | None


@dataclass
class Line:
    """One line of the text view, with what the normaliser and the fixer need."""

    paragraph: Paragraph
    place: Place
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class WordText:
    """A Word document read as paragraphs: the body's lines, then the footnotes' (each with
    its marker), the parsed parts (kept for fixing in place) and whether the draft still holds
    tracked changes."""

    package: Package
    parts: dict[str, etree._Element]
    body: list[Line]
    footnotes: list[tuple[str, list[Line]]]
    revisions: bool
    mode: Revisions
    endnotes: int = 0  # endnote call-outs in the body (endnotes are not read)

    @cached_property
    def lines(self) -> list[Line]:
        return self.body + [line for _, lines in self.footnotes for line in lines]

    @cached_property
    def view(self) -> str:
        return "\n".join(line.paragraph.text for line in self.lines)

    @property
    def display(self) -> str:
        """The text view as Word shows it, for diffs: each paragraph after its automatic
        number, each footnote paragraph after its footnote's number."""
        shown = []
        for line in self.lines:
            place, text = line.place, line.paragraph.text
            mark = f"[^{place.footnote}]" if place.part == "footnote" and place.paragraph == 1 else place.number
            shown.append(f"{mark} {text}" if mark else text)
        return "\n".join(shown)

    @property
    def notices(self) -> list[str]:
        """What the user must know about how the document was read: tracked changes, endnotes."""
        out = []
        if self.revisions:
            other = Revisions.REJECT if self.mode is Revisions.ACCEPT else Revisions.ACCEPT
            read_as = f"read as {self.mode.value}ed (--revisions {other} for the other)"
            out.append(f"the draft holds tracked changes, {read_as}")
        if self.endnotes:
            out.append(f"the draft has {self.endnotes} endnote(s), which are not read; resolutions use footnotes")
        return out

    def place(self, line: int) -> Place | None:
        """What line ``line`` (1-based) of the view is in the document."""
        lines = self.lines
        return lines[line - 1].place if 1 <= line <= len(lines) else None


class Styles:
    """Italic, bold and hidden as the styles give them (``styles.xml``)."""

    PROPERTIES = ("i", "b", "vanish")

    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self.defaults: dict[str, bool | None] = dict.fromkeys(self.PROPERTIES)
        self._cache: dict[str, dict[str, bool | None]] = {}
        if root is None:
            return
        for style in root.iterfind(_w("style")):
            sid = style.get(_w("styleId"))
            if sid is None:
                continue
            self.by_id[sid] = style
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                self.default_paragraph = sid
        rpr = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.defaults = toggles(rpr)

    def of(self, style_id: str | None) -> dict[str, bool | None]:
        """The properties a style sets, each from the nearest style of its ``basedOn`` chain
        that sets it (None: no style of the chain does)."""
        if style_id is None:
            return dict.fromkeys(self.PROPERTIES)
        if style_id not in self._cache:
            found: dict[str, bool | None] = dict.fromkeys(self.PROPERTIES)
            for rpr in self._chain(style_id):
                for name, value in toggles(rpr).items():
                    if found[name] is None:
                        found[name] = value
            self._cache[style_id] = found
        return self._cache[style_id]

    def superscript(self, paragraph_style: str | None, rpr: etree._Element | None) -> bool:
        """Is a run set in superscript (directly, by its character style or its paragraph
        style, the nearest setting winning)?"""
        for sid in (None, _val(rpr, "rStyle"), paragraph_style or self.default_paragraph):
            for style in [rpr] if sid is None else self._chain(sid):
                if (value := _vertical(style)) is not None:
                    return value == "superscript"
        return False

    def _chain(self, style_id: str) -> Iterator[etree._Element | None]:
        """The run properties of a style and of the styles it is based on, nearest first."""
        seen: set[str] = set()
        sid: str | None = style_id
        while sid is not None and sid in self.by_id and sid not in seen:
            seen.add(sid)
            style = self.by_id[sid]
            yield style.find(_w("rPr"))
            based = style.find(_w("basedOn"))
            sid = based.get(_w("val")) if based is not None else None

    def run(self, paragraph_style: str | None, rpr: etree._Element | None) -> dict[str, bool]:
        """Each property of a run: direct formatting wins; otherwise the values the paragraph
        style and the character style give are combined by exclusive or (toggle properties:
        italic in an italic paragraph style turns italics off); otherwise the defaults."""
        direct = toggles(rpr)
        char_style = _val(rpr, "rStyle")
        levels = (self.of(paragraph_style or self.default_paragraph), self.of(char_style))
        out: dict[str, bool] = {}
        for name in self.PROPERTIES:
            if direct[name] is not None:
                out[name] = bool(direct[name])
                continue
            given = [level[name] for level in levels if level[name] is not None]
            out[name] = (sum(map(bool, given)) % 2 == 1) if given else bool(self.defaults[name])
        return out


def _vertical(rpr: etree._Element | None) -> str | None:
    return _val(rpr, "vertAlign")


def toggles(rpr: etree._Element | None) -> dict[str, bool | None]:
    """The italic/bold/hidden settings a run-properties element makes (None: not set)."""
    out: dict[str, bool | None] = dict.fromkeys(Styles.PROPERTIES)
    if rpr is None:
        return out
    for name in Styles.PROPERTIES:
        el = rpr.find(_w(name))
        if el is not None:
            out[name] = (el.get(_w("val")) or "true").lower() not in _FALSE
    return out


def _val(parent: etree._Element | None, name: str) -> str | None:
    el = parent.find(_w(name)) if parent is not None else None
    return el.get(_w("val")) if el is not None else None


def block_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of a body or footnote in reading order: those in tables and content
    controls included, those in text boxes (inside a run of another paragraph) not."""
    for el in container:
        name = local_name(el)
        if name == "p":
            yield el
        elif name in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml"):
            yield from block_paragraphs(el)


@dataclass
class _Builder:
    """Collects the characters of one view line."""

    chars: list[str] = field(default_factory=list)
    italic: list[bool] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)

    @property
    def length(self) -> int:
        return len(self.chars)

    def add(self, text: str, props: dict[str, bool], node: etree._Element | None) -> None:
        if not text:
            return
        start = self.length
        self.chars.extend(text)
        self.italic.extend([props["i"]] * len(text))
        self.bold.extend([props["b"]] * len(text))
        self.pieces.append(Piece(start, self.length, node))

    def emphasis(self) -> list[EmphasisRun]:
        """Italic and bold runs; white space takes the emphasis around it ("Recalling" and
        "also" in italics with a roman space between are one italic phrase) and a run never
        begins or ends with it."""
        runs: list[EmphasisRun] = []
        for kind, flags in ((Emphasis.ITALIC, self.italic), (Emphasis.BOLD, self.bold)):
            start: int | None = None
            last = -1  # the last emphasised character that is not white space
            for i, (ch, on) in enumerate(zip(self.chars, flags, strict=True)):
                if ch.isspace():
                    continue
                if on:
                    start = i if start is None else start
                    last = i
                elif start is not None:
                    runs.append(EmphasisRun(start, last + 1, kind))
                    start = None
            if start is not None:
                runs.append(EmphasisRun(start, last + 1, kind))
        return sorted(runs, key=lambda r: (r.start, r.end))


class _Reader:
    """Walks the parts of one package."""

    def __init__(self, package: Package, mode: Revisions) -> None:
        self.package = package
        self.mode = mode
        self.styles = Styles(self._part(STYLES_PART))
        self.revisions = False
        self.fields: list[_Field] = []  # complex fields open (they may span paragraphs)
        self.note_ids: list[str] = []  # footnote ids in order of reference
        self.note_bookmarks: set[str] = set()  # bookmarks that mark a footnote's call-out
        self.endnotes = 0  # endnote call-outs seen (endnotes are not read)
        self.in_notes = False  # reading footnote texts

    def _part(self, name: str) -> etree._Element | None:
        return self.package.xml(name) if name in self.package.names else None

    def read(self) -> WordText:
        document = self.package.xml(DOCUMENT_PART)
        body = document.find(_w("body"))
        self.note_bookmarks = _note_bookmarks(body) if body is not None else set()
        numbering = ListNumbering(self._part(NUMBERING_PART), self._part(STYLES_PART))
        lines: list[Line] = []
        merging: tuple[int, _Builder] | None = None  # a paragraph running on into the next
        for ordinal, p in enumerate(block_paragraphs(body) if body is not None else [], start=1):
            first, builder = merging or (ordinal, _Builder())
            self._paragraph(p, builder)
            lines.append(Line(Paragraph("", ordinal), Place("body", ordinal)))
            # a paragraph mark deleted (accepted) or inserted (rejected) joins the next paragraph,
            # read on the line of the first; the paragraph whose mark stays gives the number
            if self._mark_removed(p, self.mode is Revisions.ACCEPT):
                merging = (first, builder)
                continue
            lines[first - 1] = self._body_line(builder, first, numbering.label(p))
            merging = None
        if merging is not None:
            first, builder = merging
            lines[first - 1] = self._body_line(builder, first, None)
        parts = {DOCUMENT_PART: document}
        footnotes = self._footnotes(len(lines), parts)
        return WordText(self.package, parts, lines, footnotes, self.revisions, self.mode, self.endnotes)

    def _calls_a_footnote(self, instruction: str, rpr: etree._Element | None, style: str | None) -> bool:
        """Is a field a footnote called again: a cross-reference to a footnote shown as a
        call-out (Word: ``NOTEREF name \\f``, or in superscript; LibreOffice: ``REF name`` to a
        bookmark right before the call-out, in superscript)? "see footnote 1" in running text
        is a cross-reference too, but no call-out; in a footnote's text nothing is."""
        m = _CROSS_REFERENCE.match(instruction)
        if m is None or self.in_notes:
            return False
        if m["kind"].upper() == "NOTEREF":
            return "\\f" in instruction.lower() or self.styles.superscript(style, rpr)
        return m["name"] in self.note_bookmarks and self.styles.superscript(style, rpr)

    def _footnotes(self, first_line: int, parts: dict[str, etree._Element]) -> list[tuple[str, list[Line]]]:
        """The footnotes called out in the body, numbered in order of reference as Word shows them."""
        root = self._part(FOOTNOTES_PART)
        if root is None or not self.note_ids:
            return []
        parts[FOOTNOTES_PART] = root
        by_id = {fn.get(_w("id")): fn for fn in root.iterfind(_w("footnote"))}
        out: list[tuple[str, list[Line]]] = []
        line = first_line
        self.in_notes = True  # a call-out inside a footnote's text calls nothing (Word cannot)
        for number, note_id in enumerate(list(self.note_ids), start=1):
            note = by_id.get(note_id)
            if note is None:
                continue
            lines = []
            for index, p in enumerate(block_paragraphs(note), start=1):
                builder = _Builder()
                self._paragraph(p, builder)
                line += 1
                lines.append(
                    Line(self._paragraph_of(builder, line), Place("footnote", index, None, str(number)), builder.pieces)
                )
            out.append((str(number), lines))
        return out

    def _body_line(self, builder: _Builder, ordinal: int, label: Label | None) -> Line:
        """A body paragraph's line, with the number Word shows before it."""
        paragraph = self._paragraph_of(builder, ordinal)
        if label is not None and label.text:
            paragraph.prefix = label.text + " "
        return Line(paragraph, Place("body", ordinal, label.text if label else None), builder.pieces)

    @staticmethod
    def _paragraph_of(builder: _Builder, line: int) -> Paragraph:
        return Paragraph("".join(builder.chars), line, "", builder.emphasis(), builder.notes, builder.breaks)

    def _mark_removed(self, p: etree._Element, accepted: bool) -> bool:
        """Is the paragraph mark a tracked deletion (when changes are accepted) or a tracked
        insertion (when they are rejected)? Then the paragraph runs on into the next."""
        mark = p.find(f"{_w('pPr')}/{_w('rPr')}")
        if mark is None:
            return False
        marks = {local_name(el) for el in mark}
        if marks & {"del", "ins", "moveFrom", "moveTo"}:
            self.revisions = True
        # a paragraph moved away (moveFrom) goes as a deletion does, one moved in as an insertion
        return bool(marks & ({"del", "moveFrom"} if accepted else {"ins", "moveTo"}))

    def _paragraph(self, p: etree._Element, builder: _Builder) -> None:
        style = _val(p.find(_w("pPr")), "pStyle")
        self._walk(p, builder, style, None)

    def _walk(self, parent: etree._Element, builder: _Builder, style: str | None, simple: str | None) -> None:
        for el in parent:
            name = local_name(el)
            if name == "r":
                self._run(el, builder, style, simple)
            elif name in ("ins", "moveTo", "del", "moveFrom"):
                self.revisions = True
                kept = Revisions.ACCEPT if name in ("ins", "moveTo") else Revisions.REJECT
                if self.mode is kept:
                    self._walk(el, builder, style, simple)
            elif name == "fldSimple":
                self._walk(el, builder, style, el.get(_w("instr")) or "")
            elif name in ("hyperlink", "smartTag", "customXml", "sdtContent", "dir", "bdo"):
                self._walk(el, builder, style, simple)
            elif name == "sdt":
                content = el.find(_w("sdtContent"))
                if content is not None:
                    self._walk(content, builder, style, simple)
            elif name == "pPr" and el.find(_w("pPrChange")) is not None:
                self.revisions = True
            # anything else (bookmarks, comment ranges, proofing marks, maths) shows no text

    def _run(self, run: etree._Element, builder: _Builder, style: str | None, simple: str | None) -> None:
        """The characters of one run. ``simple``: the instruction of the simple field the run is
        the result of (None outside one); complex fields are followed in ``self.fields``."""
        rpr = run.find(_w("rPr"))
        change = rpr.find(_w("rPrChange")) if rpr is not None else None
        if change is not None:
            self.revisions = True
            if self.mode is Revisions.REJECT:  # the formatting as it was before the change
                rpr = change.find(_w("rPr"))
        props = self.styles.run(style, rpr)
        for el in run:
            name = local_name(el)
            if name == "fldChar":
                kind = el.get(_w("fldCharType"))
                if kind == "begin":
                    self.fields.append(_Field())
                elif kind == "separate" and self.fields:
                    self.fields[-1].shown = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if not all(f.shown for f in self.fields):
                if name in ("instrText", "delInstrText") and not self.fields[-1].shown:
                    self.fields[-1].code += el.text or ""
                continue  # a field's instructions (a field inside them included)
            if props["vanish"]:
                continue  # hidden text
            field = self.fields[-1].code if self.fields else simple
            if name in ("t", "delText"):
                text = (el.text or "").translate(_LINE_ENDS)
                if field is not None and self._calls_a_footnote(field, rpr, style) and text.strip().isdigit():
                    # a footnote called again: a cross-reference showing the footnote's number
                    builder.notes.append((builder.length, text.strip()))
                else:  # a field's result and a tracked deletion (read as rejected) are never edited
                    builder.add(text, props, el if field is None and name == "t" else None)
            elif name in ("tab", "ptab"):
                builder.add("\t", props, None)
            elif name in ("br", "cr"):  # a line, column or page break within the paragraph
                builder.breaks.append(builder.length)
                builder.add(" ", props, None)
            elif name == "noBreakHyphen":
                builder.add("-", props, None)
            elif name == "sym":
                code = int(el.get(_w("char")) or "0", 16) if _is_hex(el.get(_w("char"))) else 0
                if 0 < code < 0x110000 and code not in _PRIVATE_USE and not 0xD800 <= code < 0xE000:
                    builder.add(chr(code), props, None)
            elif name == "endnoteReference":
                self.endnotes += 1
            elif name == "footnoteReference" and not self.in_notes:
                note_id = el.get(_w("id"))
                if note_id is not None:
                    self.note_ids.append(note_id)
                    builder.notes.append((builder.length, str(len(self.note_ids))))


@dataclass
class _Field:
    """A complex field being read: its instruction, and whether its result has begun."""

    code: str = ""
    shown: bool = False


def _note_bookmarks(body: etree._Element) -> set[str]:
    """Names of the bookmarks that stand right before a footnote call-out (no text between),
    which cross-references to that footnote point at."""
    found: set[str] = set()
    pending: list[str] = []
    for el in body.iter(_w("bookmarkStart"), _w("t"), _w("footnoteReference")):
        name = local_name(el)
        if name == "bookmarkStart":
            pending.append(el.get(_w("name")) or "")
        elif name == "footnoteReference":
            found.update(pending)
            pending = []
        elif el.text:
            pending = []
    return found


def _is_hex(value: str | None) -> bool:
    return bool(value) and all(c in "0123456789abcdefABCDEF" for c in value or "")


def read_word(package: Package, mode: Revisions = Revisions.ACCEPT) -> WordText:
    """The paragraphs of a Word package, tracked changes accepted or rejected."""
    return _Reader(package, mode).read()


def lines_of(word: WordText) -> tuple[list[Paragraph], list[tuple[str, list[Paragraph]]]]:
    """The paragraphs the normaliser reads: the body's, and each footnote's with its marker."""
    return (
        [line.paragraph for line in word.body],
        [(marker, [line.paragraph for line in lines]) for marker, lines in word.footnotes],
    )
