"""The lint engine: run every enabled rule over a document, turn findings into diagnostics
(code, severity, path), drop those the text suppresses, and apply safe fixes.

Reading a file for the linter goes through the same pipeline as everything else (reader ->
normaliser -> grammar -> model); the decoded text is kept for excerpts and fixes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from resdraft import lang as languages
from resdraft.config import Settings
from resdraft.diagnostics import Diagnostic, Edit, FileReport
from resdraft.errors import NotAResolution, ResdraftError
from resdraft.model import Resolution
from resdraft.rules import Document, rules
from resdraft.suppress import parse_suppressions

#: how many times --fix re-checks a text after applying fixes (fixes can reveal others)
MAX_FIX_PASSES = 5


def lint(res: Resolution, text: str | None = None, settings: Settings | None = None) -> list[Diagnostic]:
    """The diagnostics of one parsed resolution, sorted by position. ``text`` is its decoded
    source (for fixes and inline suppressions)."""
    return lint_document(Document(res, languages.get(res.language), text), settings)


def lint_document(doc: Document, settings: Settings | None = None) -> list[Diagnostic]:
    settings = settings or Settings()
    res, lang, text = doc.res, doc.lang, doc.text
    suppressions = parse_suppressions(text) if text is not None else None
    out: list[Diagnostic] = []
    for r in rules().values():
        if not r.applies_to(lang.code) or not settings.enabled(r.code, res.path):
            continue
        for f in r.check(doc):
            if suppressions is not None and suppressions.suppresses(r.code, f.span.line):
                continue
            severity = settings.severity_of(r.code, f.severity or r.severity)
            out.append(Diagnostic(r.code, severity, f.message, f.span, res.path, f.fix))
    return sorted(out, key=lambda d: d.sort_key)


def document(text: str, path: str | None = None, settings: Settings | None = None) -> Document:
    """Parse a decoded text into the :class:`Document` the rules look at."""
    from resdraft.parser import parse_text

    settings = settings or Settings()
    res = parse_text(text, settings.lang, path)
    return Document(res, languages.get(res.language), text)


def lint_text(text: str, path: str | None = None, settings: Settings | None = None) -> list[Diagnostic]:
    return lint_document(document(text, path, settings), settings)


#: which of a document's diagnostics to fix (the formatter's choice differs from ``check --fix``)
Chooser = Callable[[Document, list[Diagnostic]], list[Diagnostic]]


@dataclass
class Fixing:
    """The outcome of fixing a text: the new text, the fixes applied (pass after pass), the
    diagnostics of the last pass, and whether the text settled (a pass found nothing to fix)."""

    text: str
    applied: list[Diagnostic]
    diagnostics: list[Diagnostic]
    settled: bool
    document: Document  # of the final text


def fix_text(
    text: str, path: str | None, settings: Settings, choose: Chooser | None = None, first: Document | None = None
) -> Fixing:
    """Apply safe fixes, then check again (a fix can reveal another), at most
    ``MAX_FIX_PASSES`` times. Shared by ``check --fix`` and ``format``; ``first`` is the
    document of ``text`` when the caller has parsed it already."""
    applied: list[Diagnostic] = []
    doc = first or document(text, path, settings)
    for _ in range(MAX_FIX_PASSES + 1):
        diagnostics = lint_document(doc, settings)
        text, done = apply_fix_list(text, choose(doc, diagnostics) if choose else diagnostics)
        if not done:
            return Fixing(text, applied, diagnostics, True, doc)
        applied += done
        doc = document(text, path, settings)
    return Fixing(text, applied, lint_document(doc, settings), False, doc)


def check_file(path: Path, settings: Settings, fix: bool = False) -> FileReport:
    """Read, parse and lint one file; with ``fix``, apply safe fixes and write the file back
    (atomically, keeping its BOM and line endings). Unusable input becomes ``error``."""
    from resdraft.reader import read

    shown = str(path)
    try:
        src = read(path)
        if src.xml is not None:
            from resdraft.akn_read import from_akn

            res = from_akn(src.xml)
            res.path = shown
            return FileReport(shown, lint(res, None, settings))
        assert src.text is not None
        text = src.text
        fixed = 0
        if fix:
            outcome = fix_text(text, shown, settings)
            text, diagnostics, fixed = outcome.text, outcome.diagnostics, len(outcome.applied)
            if fixed:
                write_back(path, text)
        else:
            diagnostics = lint_text(text, shown, settings)
        return FileReport(shown, diagnostics, text, fixed=fixed, notices=parse_suppressions(text).problems)
    except ResdraftError as err:
        message = str(err).removeprefix(f"{shown}: ")
        return FileReport(shown, [], error=message, not_a_resolution=isinstance(err, NotAResolution))


def apply_fixes(text: str, diagnostics: list[Diagnostic]) -> tuple[str, int]:
    """Apply every fix whose edits do not overlap an earlier one and whose text is still what
    the rule saw; return the new text and how many fixes were applied."""
    text, applied = apply_fix_list(text, diagnostics)
    return text, len(applied)


def apply_fix_list(text: str, diagnostics: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """:func:`apply_fixes`, returning the diagnostics whose fixes were applied."""
    starts = _line_starts(text)
    chosen: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    applied: list[Diagnostic] = []
    for d in diagnostics:
        if d.fix is None:
            continue
        located = [_offsets(e, starts, text) for e in d.fix.edits]
        edits = [x for x in located if x is not None]
        if not edits or len(edits) < len(located):
            continue
        if any(_overlaps(s, e, ts, te) for s, e, _ in edits for ts, te in taken):
            continue
        chosen += edits
        taken += [(s, e) for s, e, _ in edits]
        applied.append(d)
    for start, end, new in sorted(chosen, reverse=True):
        text = text[:start] + new + text[end:]
    return text, applied


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Do two edits touch the same characters (two insertions at one point count)?"""
    if start == end == other_start == other_end:
        return True
    return start < other_end and other_start < end


def _line_starts(text: str) -> list[int]:
    return [0, *accumulate(len(line) + 1 for line in text.split("\n"))]


def _offsets(edit: Edit, starts: list[int], text: str) -> tuple[int, int, str] | None:
    span = edit.span
    if not (1 <= span.line <= len(starts) and 1 <= span.end_line <= len(starts)):
        return None
    start = starts[span.line - 1] + span.column - 1
    end = starts[span.end_line - 1] + span.end_column - 1
    if text[start:end] != edit.old:
        return None  # the text is not what the rule saw: leave it alone
    return start, end, edit.new


def write_back(path: Path, text: str) -> None:
    """Write a fixed text over its file, keeping the file's BOM (line endings are in the text)."""
    from resdraft.fileio import write_atomic

    data = path.read_bytes()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    write_atomic(path, bom + text.encode("utf-8"))


#: the file types ``resdraft check DIR`` looks at
KNOWN_SUFFIXES = (".txt", ".md", ".xml", ".akn")


def discover(paths: list[Path]) -> list[tuple[Path, bool]]:
    """Files to check, each with whether it was named explicitly: directories are walked
    (hidden entries skipped) for files of a known type, in sorted order."""
    out: list[tuple[Path, bool]] = []
    for path in paths:
        if not path.is_dir():
            out.append((path, True))
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out += [
                (Path(root) / name, False)
                for name in sorted(files)
                if name.endswith(KNOWN_SUFFIXES) and not name.startswith(".")
            ]
    return out
