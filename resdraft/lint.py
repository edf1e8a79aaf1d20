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
from typing import TYPE_CHECKING

from resdraft import lang as languages
from resdraft.config import Settings
from resdraft.diagnostics import Diagnostic, Edit, FileReport, Fix
from resdraft.errors import NotAResolution, ResdraftError
from resdraft.model import Resolution
from resdraft.rules import Document, rules
from resdraft.suppress import parse_suppressions

if TYPE_CHECKING:
    from resdraft.docx_read import WordText

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
        found = [f for f in r.check(doc) if suppressions is None or not suppressions.suppresses(r.code, f.span.line)]
        if not found:
            continue
        severity = settings.severity_of(r.code, r.severity)  # looked up once per rule, not per finding
        for f in found:
            fix = f.fix if f.fix is None or _makeable(doc, f.fix) else None
            shown = severity if f.severity is None else settings.severity_of(r.code, f.severity)
            out.append(Diagnostic(r.code, shown, f.message, f.span, res.path, fix))
    return sorted(out, key=lambda d: d.sort_key)


def _makeable(doc: Document, fix: Fix) -> bool:
    """Can the fix be made in the input? In a Word document, only where every edit falls on
    plain text (not Word's automatic number, a field's result, a tab)."""
    if doc.word is None:
        return True
    from resdraft.docx_write import editable

    return all(editable(doc.word, edit) for edit in fix.edits)


def document(
    text: str, path: str | None = None, settings: Settings | None = None, word: WordText | None = None
) -> Document:
    """Parse a decoded text (or a Word document, whose text view ``text`` is) into the
    :class:`Document` the rules look at."""
    from resdraft.parser import parse_text, parse_word

    settings = settings or Settings()
    res = parse_word(word, settings.lang, path) if word is not None else parse_text(text, settings.lang, path)
    return Document(res, languages.get(res.language), text, word)


def lint_text(text: str, path: str | None = None, settings: Settings | None = None) -> list[Diagnostic]:
    return lint_document(document(text, path, settings), settings)


#: which of a document's diagnostics to fix (the formatter's choice differs from ``check --fix``)
Chooser = Callable[[Document, list[Diagnostic]], list[Diagnostic]]


@dataclass
class Fixing:
    """The outcome of fixing a text: the new text, the fixes applied (pass after pass), the
    diagnostics of the last pass, and whether the text settled (a pass found nothing to fix).
    For a Word document, ``text`` is the text view of ``word``, the fixed document."""

    text: str
    applied: list[Diagnostic]
    diagnostics: list[Diagnostic]
    settled: bool
    document: Document  # of the final text
    word: WordText | None = None


def fix_text(
    text: str,
    path: str | None,
    settings: Settings,
    choose: Chooser | None = None,
    first: Document | None = None,
    word: WordText | None = None,
) -> Fixing:
    """Apply safe fixes, then check again (a fix can reveal another), at most
    ``MAX_FIX_PASSES`` times. Shared by ``check --fix`` and ``format``; ``first`` is the
    document of ``text`` when the caller has parsed it already. With ``word`` (whose text
    view ``text`` is) the fixes are made in the Word document's runs, and only those that can
    be made there are chosen."""
    applied: list[Diagnostic] = []
    doc = first or document(text, path, settings, word)
    for _ in range(MAX_FIX_PASSES + 1):
        diagnostics = lint_document(doc, settings)
        wanted = choose(doc, diagnostics) if choose else diagnostics
        if word is None:
            text, done = apply_fix_list(text, wanted)
        else:
            from resdraft.docx_write import edit_word, editable

            edits, done = choose_edits(text, wanted, lambda edit, w=word: editable(w, edit))
            if done:
                word = edit_word(word, edits)
                text = word.view
        if not done:
            return Fixing(text, applied, diagnostics, True, doc, word)
        applied += done
        doc = document(text, path, settings, word)
    return Fixing(text, applied, lint_document(doc, settings), False, doc, word)


def check_file(path: Path, settings: Settings, fix: bool = False) -> FileReport:
    """Read, parse and lint one file; with ``fix``, apply safe fixes and write the file back
    (atomically, keeping its BOM and line endings). Unusable input becomes ``error``."""
    from resdraft.reader import read

    shown = str(path)
    try:
        src = read(path, settings.revisions)
        if src.xml is not None:
            from resdraft.akn_read import from_akn

            res = from_akn(src.xml)
            res.path = shown
            return FileReport(shown, lint(res, None, settings))
        assert src.text is not None
        text, word = src.text, src.word
        fixed = 0
        if fix:
            outcome = fix_text(text, shown, settings, word=word)
            text, diagnostics, fixed, word = outcome.text, outcome.diagnostics, len(outcome.applied), outcome.word
            if fixed:
                write_back(path, text, word)
        else:
            diagnostics = lint_document(document(text, shown, settings, word), settings)
        notices = parse_suppressions(text).problems + [(0, m) for m in (word.notices if word else [])]
        places = [line.place for line in word.lines] if word is not None else None
        return FileReport(shown, diagnostics, text, fixed=fixed, notices=notices, places=places)
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
    edits, applied = choose_edits(text, diagnostics)
    starts = _line_starts(text)
    for edit in sorted(edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        start, end, new = _offsets(edit, starts, text) or (0, 0, "")
        text = text[:start] + new + text[end:]
    return text, applied


def choose_edits(
    text: str, diagnostics: list[Diagnostic], possible: Callable[[Edit], bool] | None = None
) -> tuple[list[Edit], list[Diagnostic]]:
    """The edits of every fix whose edits do not overlap an earlier one, whose text is still
    what the rule saw and which ``possible`` allows; with the diagnostics they fix."""
    starts = _line_starts(text)
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    applied: list[Diagnostic] = []
    for d in diagnostics:
        if d.fix is None:
            continue
        located = [_offsets(e, starts, text) for e in d.fix.edits]
        places = [x for x in located if x is not None]
        if not places or len(places) < len(located):
            continue
        if possible is not None and not all(possible(e) for e in d.fix.edits):
            continue
        if any(_overlaps(s, e, ts, te) for s, e, _ in places for ts, te in taken):
            continue
        chosen += d.fix.edits
        taken += [(s, e) for s, e, _ in places]
        applied.append(d)
    return chosen, applied


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


def write_back(path: Path, text: str, word: WordText | None = None) -> None:
    """Write a fixed text over its file, keeping the file's BOM (line endings are in the
    text); or a fixed Word document."""
    from resdraft.fileio import write_atomic

    if word is not None:
        write_atomic(path, word.package.data)
        return
    data = path.read_bytes()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    write_atomic(path, bom + text.encode("utf-8"))


#: the file types ``resdraft check DIR`` looks at
KNOWN_SUFFIXES = (".txt", ".md", ".xml", ".akn", ".docx")


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
                # "~$draft.docx" is Word's lock file beside an open draft
                if name.lower().endswith(KNOWN_SUFFIXES) and not name.startswith((".", "~$"))
            ]
    return out


#: A short resolution that goes through every stage of the pipeline, to warm it up.
WARM_UP_SAMPLE = """\
The General Assembly,

*Recalling* its resolutions,

1. *Decides* to act;

2. *Requests* a report.
"""


def warm_up_check() -> None:
    """Load what checking the first file would: modules, the grammar's tables, the rules
    (batch mode runs it once before the worker processes are forked)."""
    lint_text(WARM_UP_SAMPLE)
