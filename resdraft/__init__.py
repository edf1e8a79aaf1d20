"""resdraft: check, format and convert United Nations resolutions.

Python API::

    import resdraft
    res = resdraft.parse("examples/draft-ga-en.md")     # path, bytes or text; .docx too
    xml = resdraft.to_akn(res)                          # Akoma Ntoso 3.0 bytes
    again = resdraft.from_akn(xml)                      # back to the model
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resdraft.errors import NotAResolution, ResdraftError

if TYPE_CHECKING:
    import os

    from resdraft.model import Resolution

__all__ = ["NotAResolution", "ResdraftError", "from_akn", "parse", "to_akn"]
__version__ = "0.1.0"


def parse(source: str | bytes | os.PathLike[str], lang: str | None = None, revisions: str = "accept") -> Resolution:
    """Read a resolution (path, bytes or text; plain text, Markdown, Word .docx or AKN XML).
    ``revisions``: a Word document's tracked changes read as "accept"ed or "reject"ed."""
    from resdraft.parser import parse as _parse

    return _parse(source, lang, revisions)


def to_akn(resolution: Resolution) -> bytes:
    """The resolution as Akoma Ntoso 3.0 XML (AKN4UN profile), UTF-8 bytes."""
    from resdraft.akn import to_akn as _to_akn

    return _to_akn(resolution)


def from_akn(data: bytes) -> Resolution:
    """Read resdraft's own AKN XML back into the model."""
    from resdraft.akn_read import from_akn as _from_akn

    return _from_akn(data)
