"""Writing test inputs as a user has them (shared by the command-line tests)."""

from __future__ import annotations

from pathlib import Path


def write(name: str, text: str | bytes) -> Path:
    """Write ``text`` (UTF-8, line endings as they are) or bytes to ``name`` under the working
    directory, making folders as needed; return the relative path."""
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path
