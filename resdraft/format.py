"""The formatter: renumbering (operative paragraphs, sub-items, footnotes, with the internal
references that name them) and the mechanical fixes (punctuation, spacing, the emphasis of
opening phrases), made as edits of the source text so that everything else stays byte for
byte.

A drafter's file is never damaged: the formatter works through the same safe fixes as
``check --fix`` (each edit applies only where the source still reads what the rule saw), it
refuses a file whose numbering cannot be carried over safely (a reference to a paragraph that
is gone, footnote texts without call-outs) and says why, and before anything is written it
checks that the text parses to the same paragraphs with the same words: only numbers,
labels, references, punctuation and emphasis may differ.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resdraft.config import Settings
from resdraft.diagnostics import Diagnostic, Severity
from resdraft.errors import NotAResolution, ResdraftError
from resdraft.lint import Fixing, document, fix_text, write_back
from resdraft.model import Resolution, Span
from resdraft.rules import Document, rules

if TYPE_CHECKING:
    from resdraft.docx_read import WordText


@dataclass
class Formatted:
    """The outcome of formatting one file. ``changes`` are the fixes made (code, what, where
    in the text they were made on); ``refused`` says why the file was left untouched."""

    path: str
    original: str = ""
    text: str = ""
    changes: list[Diagnostic] = field(default_factory=list)
    refused: list[tuple[Span, str]] = field(default_factory=list)
    error: str | None = None  # unreadable input
    not_a_resolution: bool = False
    word: WordText | None = None  # a Word document, as formatted

    @property
    def changed(self) -> bool:
        return not self.refused and self.error is None and self.text != self.original

    def where(self, span: Span) -> str:
        """``line:column`` of a span; in a Word document ``paragraph:column`` (``footnote 3:column``)."""
        place = self.word.place(span.line) if self.word is not None else None
        return f"{place if place is not None else span.line}:{span.column}"

    def diff(self) -> str:
        """A unified diff of the change (empty when nothing changes)."""
        if not self.changed:
            return ""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.text.splitlines(keepends=True),
            f"a/{self.path}",
            f"b/{self.path}",
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _formatting(doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The formatter's fixes: the renumbering plans (also when no rule reports them, such as
    footnote texts out of order), then every enabled rule's safe fix that changes no word."""
    registry = rules()
    plans = [
        Diagnostic(plan.code, Severity.ERROR, plan.message, plan.edits[0].span, doc.res.path, plan.fix)
        for plan in doc.renumbering.plans
        if plan.fix is not None
    ]
    fixes = {d.fix for d in plans}
    chosen = [d for d in diagnostics if d.fix is not None and d.fix not in fixes and not registry[d.code].changes_words]
    return plans + chosen


def format_text(
    text: str, path: str | None = None, settings: Settings | None = None, word: WordText | None = None
) -> Formatted:
    """Format a decoded text, or a Word document (``word``, whose text view ``text`` is; the
    fixes are then made in its runs and ``Formatted.word`` is the new document). Raises
    :class:`ResdraftError` for input that is not a resolution."""
    settings = settings or Settings()
    shown = path or "<text>"
    before = document(text, path, settings, word)
    if blockers := before.renumbering.blockers:
        return Formatted(shown, text, text, refused=[(b.span, b.message) for b in blockers])
    outcome = fix_text(text, path, settings, _formatting, first=before, word=word)
    result = Formatted(shown, text, outcome.text, outcome.applied, word=outcome.word)
    if problem := _unsafe(before, outcome) or _not_in_place(outcome):
        result.text, result.changes, result.refused, result.word = text, [], [problem], word
    if word is not None and result.word is not None:  # shown (and compared) as Word shows it
        result.original, result.text = word.display, result.word.display
    return result


def _unsafe(before: Document, outcome: Fixing) -> tuple[Span, str] | None:
    """Why the formatted text must not be written, and where, if it must not: it did not
    settle, or it reads as a different resolution (other paragraphs, other words)."""
    start = Span(1, 1, 1, 1)
    if not outcome.settled:
        return start, "formatting did not settle (please report this); the file is left as it was"
    if not outcome.applied:
        return None
    after = outcome.document
    if _shape(after.res) != _shape(before.res):
        counts = [
            f"{what} {n} → {m}"
            for what, n, m in (
                ("preambular paragraphs", len(before.res.preamble), len(after.res.preamble)),
                ("operative paragraphs", len(before.res.all_operative()), len(after.res.all_operative())),
                ("footnotes", len(before.res.footnotes), len(after.res.footnotes)),
            )
            if n != m
        ]
        what = f" ({', '.join(counts)})" if counts else ""
        return start, f"the fixes would change how the text is read{what}; it is left as it was (please report this)"
    old, new = _words(before), _words(after)
    if old != new:
        passages = list(before.body_passages)
        at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), 0)
        where = passages[at].span if at < len(passages) else start
        return (
            where,
            "the fixes would change more than numbers and punctuation; it is left as it was (please report this)",
        )
    return None


def _not_in_place(outcome: Fixing) -> tuple[Span, str] | None:
    """Why a Word document cannot be renumbered in place, if it cannot: a renumbering would
    change Word's own automatic number, or characters that are not plain text (a field)."""
    if outcome.word is None:
        return None
    for plan in outcome.document.renumbering.plans:
        if plan.fix is not None:
            return (
                plan.edits[0].span,
                f"{plan.message}: not possible in place (Word numbers some of these paragraphs itself, or a "
                "field holds the text); number them all with Word's numbering, or type them all",
            )
    return None


def _shape(res: Resolution) -> tuple[object, ...]:
    """How many paragraphs, items and footnotes, and where."""

    def items(nodes: list) -> list[object]:
        return [len(nodes), *[items(n.items) for n in nodes]]

    return (
        len(res.preamble),
        [items(p.items) for p in res.preamble],
        [items(p.items) for p in res.all_operative()],
        [(s.kind, len(s.paragraphs), len(s.preamble)) for s in res.sections],
        len(res.footnotes),
        len(res.annexes),
    )


# what renumbering may change inside a text: sub-item letters in references, negotiation
# suffixes ("paragraph 5 bis"), and (with punctuation) figures
_LABELS = re.compile(
    r"\((?:[a-z]{1,2}|[ivxlc]+|[〇零一二三四五六七八九十百]+)\)|(?<![A-Za-z])(?:bis|ter|quater|quinquies|alt|new)(?![A-Za-z])"
)
_NOT_WORDS = re.compile(r"[\W\d_]+")


def _words(doc: Document) -> list[str]:
    """The words of every passage, with what the formatter may change taken out: figures,
    item letters in parentheses, punctuation and the direction words of references (footnote
    texts as a sorted list)."""
    forms = doc.lang.references
    directions = re.compile(rf"(?:{forms.backward}|{forms.forward})" if forms else r"(?!)")

    def words(text: str) -> str:  # NFKC: a full-width symbol made half-width (RD706) is the same word
        return _NOT_WORDS.sub("", _LABELS.sub("", directions.sub("", unicodedata.normalize("NFKC", text))))

    # footnote texts may be put in the order of their new numbers
    return [words(p.text) for p in doc.body_passages] + sorted(words(n.text.text) for n in doc.res.footnotes)


def format_file(path: Path, settings: Settings, write: bool = False) -> Formatted:
    """Format one text file or Word document; with ``write``, replace it (atomically; a text's
    BOM and line endings kept) when it changes. Unreadable input and XML are reported in ``error``."""
    from resdraft.reader import read

    shown = str(path)
    try:
        src = read(path, settings.revisions)
        if src.text is None:
            return Formatted(shown, error="XML is not formatted; `resdraft convert --to text` renders it as text")
        result = format_text(src.text, shown, settings, src.word)
        if write and result.changed:
            write_back(path, result.text, result.word)
        return result
    except ResdraftError as err:
        message = str(err).removeprefix(f"{shown}: ")
        return Formatted(shown, error=message, not_a_resolution=isinstance(err, NotAResolution))
