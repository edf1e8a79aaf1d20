"""Input -> text. One job: get a decoded string (or AKN XML bytes) out of whatever the user
gave, with a clear error when that cannot be done."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from resdraft.errors import ResdraftError

if TYPE_CHECKING:
    from resdraft.docx_read import WordText

#: Inputs larger than this are refused rather than risk memory blow-ups (documented).
MAX_INPUT_BYTES = 10 * 1024 * 1024


@dataclass
class Source:
    """What was read: a decoded text, AKN XML, or a Word document (then ``text`` is its text
    view, one line per paragraph: see :mod:`resdraft.docx_read`)."""

    text: str | None  # decoded text, or None for XML
    xml: bytes | None
    path: str | None
    word: WordText | None = None


# Form feeds (pdftotext puts one before the first line of each page), vertical tabs (Word's
# soft line breaks) and the Unicode separators become spaces, one for one, so that line and
# column numbers stay those an editor shows; other control characters, lone surrogates and
# non-characters cannot stand in XML and are shown as U+FFFD, also one for one.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_LONE_CR = re.compile("\r(?!\n)")  # old Mac line ends
_SEPARATOR_CHARS = "\f\v\x1c\x1d\x1e\x85\u2028\u2029"
_SEPARATORS = str.maketrans(dict.fromkeys(_SEPARATOR_CHARS, " "))
_HAS_SEPARATOR = re.compile(f"[{_SEPARATOR_CHARS}]")


def clean_text(text: str) -> str:
    """Text that every later stage (and XML) can hold."""
    text = _LONE_CR.sub("\n", text)
    if _HAS_SEPARATOR.search(text):  # translating looks every character up: only when needed
        text = text.translate(_SEPARATORS)
    return _CONTROLS.sub("\ufffd", text)


def check_size(size: int, path: str | None = None) -> None:
    """Refuse inputs over the documented limit before any work is done on them."""
    if size > MAX_INPUT_BYTES:
        where = f"{path}: " if path else ""
        raise ResdraftError(f"{where}input is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")


def _looks_like_xml(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200]
    return head.startswith(b"<?xml") or head.startswith(b"<akomaNtoso") or head.startswith(b"<!DOCTYPE")


def decode(data: bytes, path: str | None = None, revisions: str = "accept") -> Source:
    """Bytes -> what they hold. ``revisions``: how a Word document's tracked changes are
    read ("accept" or "reject")."""
    check_size(len(data), path)
    where = f"{path}: " if path else ""
    if _looks_like_xml(data):
        return Source(None, data, path)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):  # zip, empty zip, OLE
        from resdraft.docx import Package
        from resdraft.docx_read import Revisions, read_word

        word = read_word(Package(data, path), Revisions(revisions))  # a hostile package is refused
        return Source(clean_text(word.view), None, path, word)
    if b"\x00" in data[:8192]:
        raise ResdraftError(f"{where}binary file (contains NUL bytes), not a text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ResdraftError(f"{where}not UTF-8 text (byte {err.start}: {data[err.start]:#04x})") from None
    return Source(text, None, path)


def read(source: str | bytes | os.PathLike[str], revisions: str = "accept") -> Source:
    """A path, raw bytes or the text itself.

    A ``str`` is taken as a path when it names an existing file or has no line break and
    ends in a known extension; otherwise as the text of a resolution.
    """
    if isinstance(source, bytes):
        return decode(source, revisions=revisions)
    if isinstance(source, str) and ("\n" in source or not _path_like(source)):
        check_size(len(source.encode("utf-8", "surrogatepass")))
        return Source(source.removeprefix("\ufeff"), None, None)
    path = Path(source)
    try:
        if path.is_dir():
            raise ResdraftError(f"{path}: is a directory, not a file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ResdraftError(f"{path}: no such file") from None
    except PermissionError:
        raise ResdraftError(f"{path}: permission denied") from None
    except OSError as err:
        raise ResdraftError(f"{path}: cannot read ({err.strerror})") from None
    return decode(data, str(path), revisions)


def _path_like(text: str) -> bool:
    return os.path.exists(text) or text.lower().endswith((".txt", ".md", ".xml", ".akn", ".docx"))
