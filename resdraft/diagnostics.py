"""What the linter reports: a diagnostic with its rule code, severity, exact source span and an
optional safe fix. Shared by the rules, the engine, the fixer and the output formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from resdraft.model import Span

if TYPE_CHECKING:
    from resdraft.docx_read import Place


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe: info 0, warning 1, error 2."""
        return _RANKS[self]


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Edit:
    """Replace the characters at ``span`` of the original text, which must read ``old``
    (a fix never touches text that is not what the rule saw), by ``new``. An empty span
    (``column == end_column`` on one line) inserts. In a Word document an edit may instead
    set ``formatting`` on the characters, their text unchanged (``new == old``): each entry
    is ``("italic" | "bold", on)``."""

    span: Span
    old: str
    new: str
    formatting: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class Fix:
    """A safe fix: what it does, in one line, and its edits."""

    message: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Diagnostic:
    """A finding of a rule, with its severity, where it is and, when one is safe, its fix."""

    code: str
    severity: Severity
    message: str
    span: Span
    path: str | None = None
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path or "", self.span.line, self.span.column, self.code)


@dataclass
class FileReport:
    """The outcome of checking one file: its diagnostics, or the reason it could not be read
    (``error``: unusable input, exit status 2). ``text`` is the decoded source, for excerpts."""

    path: str
    diagnostics: list[Diagnostic]
    text: str | None = None
    error: str | None = None
    fixed: int = 0  # fixes applied with --fix
    not_a_resolution: bool = False  # readable, but not a resolution (skipped inside directories)
    notices: list[tuple[int, str]] = field(default_factory=list)  # (line or 0, message): directives not understood
    places: list[Place] | None = None  # a Word document: what each line of ``text`` is in it

    @cached_property
    def lines(self) -> list[str]:
        """The lines of ``text`` (none without it), split once for all the excerpts shown."""
        return self.text.split("\n") if self.text is not None else []
