"""Fixes made in a Word document itself.

One job: carry edits of the text view (:mod:`resdraft.docx_read`) into the ``w:t`` elements
that hold those characters, and write the package again. Only the parts with an edited
element are serialised anew; every other part is copied byte for byte, in its place in the
archive, with its name, date and compression. In an edited part, only the text of the
edited ``w:t`` elements changes: runs, their formatting, comments, tracked changes and
bookmarks stay as they were.

An edit is made only where every character it touches is plain text in a ``w:t`` (not
Word's automatic number, a tab, a symbol or a field's result) and it stays within one
paragraph; an insertion goes into the run of the character before it, so a full stop added
after a word takes that word's formatting, as typing it in Word would.
"""

from __future__ import annotations

import io
import zipfile
from copy import copy, deepcopy

from lxml import etree

from resdraft.diagnostics import Edit
from resdraft.docx import DOCUMENT_PART, Package, local_name
from resdraft.docx import w as _w
from resdraft.docx_read import FOOTNOTES_PART, Piece, WordText, read_word
from resdraft.errors import ResdraftError

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def editable(word: WordText, edit: Edit) -> bool:
    """Can ``edit`` be made in the document's own text?"""
    return _pieces_for(word, edit) is not None


def _pieces_for(word: WordText, edit: Edit) -> list[Piece] | None:
    """The pieces of text an edit changes (for an insertion: the one it goes into), or None
    when the edit cannot be made in place."""
    span = edit.span
    lines = word.lines
    if span.line != span.end_line or not 1 <= span.line <= len(lines) or span.column < 1:
        return None
    start, end = span.column - 1, span.end_column - 1
    pieces = lines[span.line - 1].pieces
    if start == end:
        holder = next((p for p in pieces if p.start < start <= p.end), None)
        holder = holder or next((p for p in pieces if p.start == start), None)
        return [holder] if holder is not None and holder.node is not None else None
    touched = [p for p in pieces if p.start < end and p.end > start]
    covered = start
    for piece in touched:
        if piece.node is None or piece.start > covered:
            return None
        if edit.formatting and not _splittable(piece.node):
            return None
        covered = piece.end
    return touched if touched and covered >= end else None


def _splittable(node: etree._Element) -> bool:
    """Is ``node`` the only thing its run shows (so the run can be cut in two around a
    character and each half keep the run's formatting)?"""
    run = node.getparent()
    return (
        run is not None
        and local_name(run) == "r"
        and all(local_name(c) in ("rPr", "t") for c in run)
        and (sum(1 for c in run if local_name(c) == "t") == 1)
    )


def edit_word(word: WordText, edits: list[Edit]) -> WordText:
    """The document with ``edits`` (of its text view, not overlapping) made in its runs,
    read back from the new package. Raises :class:`ResdraftError` for an edit that cannot be
    made in place (callers choose only those :func:`editable` accepts)."""
    fresh = read_word(word.package, word.mode)  # trees of its own: ``word`` stays as it was
    touched: set[str] = set()
    for edit in sorted(edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        pieces = _pieces_for(fresh, edit)
        if pieces is None:
            raise ResdraftError(f"paragraph {fresh.place(edit.span.line)}: the text to fix is not plain text")
        _apply(pieces, edit)
        touched.add(FOOTNOTES_PART if edit.span.line > len(fresh.body) else DOCUMENT_PART)
    data = rewrite(fresh.package, {name: fresh.parts[name] for name in touched})
    return read_word(Package(data, fresh.package.path), word.mode)


def _apply(pieces: list[Piece], edit: Edit) -> None:
    """Replace the characters of the edit in the ``w:t`` elements holding them: the new text
    goes into the first, the others lose the characters the edit covers. A formatting edit
    instead cuts the runs at its ends and formats the runs between."""
    start, end = edit.span.column - 1, edit.span.end_column - 1
    if edit.formatting:
        for piece in pieces:
            assert piece.node is not None
            run = _cut(piece.node, max(start, piece.start) - piece.start, min(end, piece.end) - piece.start)
            for name, on in edit.formatting:
                _set(run, name, on)
        return
    for index, piece in enumerate(pieces):
        node = piece.node
        assert node is not None
        text = node.text or ""
        cut_from, cut_to = max(start, piece.start) - piece.start, min(end, piece.end) - piece.start
        new = edit.new if index == 0 else ""
        node.text = text[:cut_from] + new + text[cut_to:]
        _preserve(node)


def _cut(node: etree._Element, start: int, end: int) -> etree._Element:
    """Cut the run of the text element ``node`` so that ``node.text[start:end]`` stands in a
    run of its own, with the same formatting; that run. ``node`` keeps the characters before
    ``start``, so offsets before it stay true for the edits made after this one."""
    run = node.getparent()
    assert run is not None
    text = node.text or ""
    target = run
    if start > 0:
        node.text = text[:start]
        _preserve(node)
        target = deepcopy(run)
        run.addnext(target)
    _text_of(target).text = text[start:end]
    _preserve(_text_of(target))
    if end < len(text):
        tail = deepcopy(target)
        _text_of(tail).text = text[end:]
        _preserve(_text_of(tail))
        target.addnext(tail)
    return target


def _text_of(run: etree._Element) -> etree._Element:
    return next(c for c in run if local_name(c) == "t")


def _preserve(node: etree._Element) -> None:
    if node.text and node.text != node.text.strip():
        node.set(_XML_SPACE, "preserve")


# ``w:rPr`` children come in a fixed order (ECMA-376 CT_RPr); these may stand before each
_BEFORE = {"b": ("rStyle", "rFonts"), "i": ("rStyle", "rFonts", "b", "bCs")}
_TAGS = {"bold": "b", "italic": "i"}


def _set(run: etree._Element, what: str, on: bool) -> None:
    """Make the run italic or bold (or not) by direct formatting, which wins over styles:
    ``<w:i/>``, or ``<w:i w:val="0"/>`` as Word writes it to undo a style's italics."""
    name = _TAGS[what]
    rpr = run.find(_w("rPr"))
    if rpr is None:
        rpr = etree.Element(_w("rPr"))
        run.insert(0, rpr)
    for old in rpr.findall(_w(name)):
        rpr.remove(old)
    element = etree.Element(_w(name))
    if not on:
        element.set(_w("val"), "0")
    at = next((i for i, c in enumerate(rpr) if local_name(c) not in _BEFORE[name]), len(rpr))
    rpr.insert(at, element)


def rewrite(package: Package, parts: dict[str, etree._Element]) -> bytes:
    """The package with ``parts`` serialised anew (keeping each one's XML declaration) and
    every other entry copied as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in package.zip.infolist():
            data = package.zip.read(info)
            if info.filename in parts:
                data = _declaration(data) + etree.tostring(parts[info.filename], encoding="UTF-8")
            archive.writestr(copy(info), data)  # a copy: writing changes it, and the source stays readable
    return out.getvalue()


def _declaration(original: bytes) -> bytes:
    """The part's own XML declaration (``standalone="yes"`` as Word writes it) and the line
    break after it, or the usual declaration."""
    if original.startswith(b"<?xml") and (end := original.find(b"?>")) > 0:
        body = original.find(b"<", end)
        return original[: body if body > 0 else end + 2]
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
