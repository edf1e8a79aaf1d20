"""Word ``.docx`` packages, opened defensively.

A ``.docx`` is a zip of XML parts. Before any part is read, the archive is checked: a
password-protected file (an OLE compound file, not a zip), an encrypted entry, a part name
that climbs out of the package (``../``, an absolute path, a drive), more uncompressed bytes
than :data:`MAX_UNCOMPRESSED` or a part that expands more than :data:`MAX_RATIO` times (a zip
bomb), and a zip that is not a Word document are refused with a one-line reason. Parts are
parsed with DTDs, entity expansion and network access off, and a part carrying a DTD is
refused.

Reading the body is :mod:`resdraft.docx_read`'s job, fixing it in place :mod:`resdraft.docx_write`'s.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath
from typing import NoReturn

from lxml import etree

from resdraft.errors import ResdraftError
from resdraft.validate import safe_parser

#: total uncompressed size of all parts a package may have (a long resolution is well under 5 MB)
MAX_UNCOMPRESSED = 64 * 1024 * 1024
#: how many times a part may expand (Word XML compresses about 5 to 20 times)
MAX_RATIO = 200
#: how many parts a package may have
MAX_PARTS = 5000

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"  # WordprocessingML


def w(name: str) -> str:
    """The qualified name of a WordprocessingML element or attribute (``w("p")``)."""
    return f"{{{W}}}{name}"


def local_name(el: etree._Element) -> str:
    """An element's name without its namespace ("" for comments and processing instructions)."""
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected .docx and old .doc files
ZIP_SIGNATURE = b"PK\x03\x04"
DOCUMENT_PART = "word/document.xml"


class Package:
    """The parts of a Word package, checked before anything is read."""

    def __init__(self, data: bytes, path: str | None = None) -> None:
        self.data = data
        self.path = path
        self.where = f"{path}: " if path else ""
        if data.startswith(OLE_SIGNATURE):
            self._refuse("a password-protected Word document or an old .doc file; save it as .docx without a password")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError) as err:
            self._refuse(f"not a readable zip archive ({err})")
        if len(infos) > MAX_PARTS:
            self._refuse(f"{len(infos):,} parts in the archive; the limit is {MAX_PARTS:,}")
        total = 0
        for info in infos:
            self._check_name(info.filename)
            if info.flag_bits & 0x1:
                self._refuse(f"the part {info.filename!r} is encrypted")
            total += info.file_size
            ratio = info.file_size // max(info.compress_size, 1)
            if ratio > MAX_RATIO and info.file_size > 1024 * 1024:
                self._refuse(f"the part {info.filename!r} expands {ratio:,} times (a zip bomb?)")
        if total > MAX_UNCOMPRESSED:
            self._refuse(f"the parts expand to {total:,} bytes; the limit is {MAX_UNCOMPRESSED:,}")
        self.names = {info.filename for info in infos}
        if len(self.names) < len(infos):
            self._refuse("the archive holds two parts of the same name; which one Word reads is not certain")
        if "[Content_Types].xml" not in self.names or DOCUMENT_PART not in self.names:
            self._refuse("a zip archive but not a Word document (no word/document.xml)")

    def _refuse(self, reason: str) -> NoReturn:
        raise ResdraftError(f"{self.where}{reason}")

    def _check_name(self, name: str) -> None:
        """Part names stay inside the package (zipfile never writes here, but a name is shown
        and looked up, and a hostile one says the file is not what it claims)."""
        posix = PurePosixPath(name.replace("\\", "/"))
        if name.startswith(("/", "\\")) or ".." in posix.parts or (len(name) > 1 and name[1] == ":"):
            self._refuse(f"the part name {name!r} points outside the package")

    def xml(self, name: str) -> etree._Element:
        """A part parsed safely; a part with a DTD is refused."""
        if name not in self.names:
            self._refuse(f"the package has no part {name!r}")
        info = self.zip.getinfo(name)
        with self.zip.open(info) as handle:
            data = handle.read(info.file_size + 1)
        if len(data) > info.file_size:  # the header understated the size
            self._refuse(f"the part {name!r} is larger than its header says")
        try:
            root = etree.fromstring(data, safe_parser())
        except etree.XMLSyntaxError as err:
            self._refuse(f"the part {name!r} is not well-formed XML ({err})")
        if root.getroottree().docinfo.doctype:
            self._refuse(f"the part {name!r} carries a DTD (<!DOCTYPE …>); entities are never expanded")
        return root
