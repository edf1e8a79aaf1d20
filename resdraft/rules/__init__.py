"""The rule registry: one table of small, independent rules, like ruff's.

A rule is a function that looks at a :class:`Document` (the model, its language profile and
the source text) and yields :class:`Finding` objects; the :func:`rule` decorator registers it
with its code, name, default severity, languages and summary. Its docstring is the
explanation shown by ``resdraft rules CODE``: what the rule checks and why, then a bad and a
good example under the headings ``Bad::`` and ``Good::``.

Codes follow the families of the editorial-rules catalogue: RD1xx order and structure, RD2xx
preamble, RD3xx operative part, RD4xx sub-items, RD5xx footnotes, RD6xx references, RD7xx
document symbols, RD8xx dates and numbers, RD9xx header and typography. Adding a rule means
adding one function to the module of its family, plus its tests.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from resdraft.diagnostics import Edit, Fix, Severity
from resdraft.lang import Language
from resdraft.model import Item, OperativeParagraph, Passage, PreambularParagraph, Resolution, Span

if TYPE_CHECKING:
    from resdraft.docx_read import WordText
    from resdraft.renumber import Renumbering

ALL_LANGUAGES: frozenset[str] = frozenset()  # empty: the rule applies to every language

_FAMILIES = (
    "structure",
    "preamble",
    "operative",
    "items",
    "footnotes",
    "references",
    "symbols",
    "dates",
    "header",
)


@dataclass(frozen=True)
class Finding:
    """What a rule found: the message (what was found, what was expected), where, and an
    optional safe fix."""

    message: str
    span: Span
    fix: Fix | None = None
    # only where the catalogue makes a rule milder on some input (PDF-extracted text)
    severity: Severity | None = None


@dataclass
class Document:
    """Everything a rule may look at. ``text`` is the decoded source (None for XML input;
    the text view of a Word document, one line per paragraph, for ``word``)."""

    res: Resolution
    lang: Language
    text: str | None = None
    word: WordText | None = None
    # opening phrase -> is it wholly a lexicon phrase (see known_phrase)
    _known: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    # The model is not changed once read, so what many rules walk it for is worked out once,
    # on first use, below.

    @cached_property
    def preambles(self) -> list[PreambularParagraph]:
        """Every preambular paragraph, those of the parts of a composite resolution included."""
        return [*self.res.preamble, *(p for section in self.res.sections for p in section.preamble)]

    @cached_property
    def operative_paragraphs(self) -> list[OperativeParagraph]:
        """Every operative paragraph in document order, sections included."""
        return self.res.all_operative()

    @cached_property
    def paragraphs(self) -> list[PreambularParagraph | OperativeParagraph | Item]:
        """Every preambular and operative paragraph with its sub-items, depth first, in
        document order (the parts' preambles before the operative part)."""
        return list(walk([*self.preambles, *self.operative_paragraphs]))  # type: ignore[return-value]

    @cached_property
    def body_passages(self) -> list[Passage]:
        """Every passage of running text, in document order: preambles, operative paragraphs and
        their sub-items, section headings excluded, annex paragraphs."""
        return [node.text for node in self.paragraphs] + [p for annex in self.res.annexes for p in annex.paragraphs]

    @cached_property
    def all_passages(self) -> list[Passage]:
        """Running text and footnote texts."""
        return self.body_passages + [note.text for note in self.res.footnotes]

    def known_phrase(self, phrase: str) -> bool:
        """Is the whole of ``phrase`` a lexicon phrase with its modifiers ("Recalling also", 又请)?
        Remembered for the document: several rules ask it of every paragraph, and matching the
        lexicon is costly."""
        known = self._known.get(phrase)
        if known is None:
            m = self.lang.match_phrase(self.lang.fold(phrase))
            known = self._known[phrase] = m is not None and m.end() == len(phrase)
        return known

    @property
    def markup(self) -> bool:
        """Is emphasis written as marks in the text (Markdown), so that a fix may move them?"""
        return self.word is None and not self.res.extracted

    @cached_property
    def renumbering(self) -> Renumbering:
        """What renumbering paragraphs, sub-items and footnotes takes (shared by the rules
        that report numbering and by the formatter)."""
        from resdraft.renumber import renumber  # built on the rule families' helpers

        return renumber(self)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n") if self.text is not None else []

    def source_at(self, span: Span) -> str | None:
        """The original characters at a one-line ``span``, or None when unknown."""
        if not self.lines or span.line < 1 or span.line != span.end_line or span.line > len(self.lines):
            return None
        return self.lines[span.line - 1][span.column - 1 : span.end_column - 1]

    def replace(self, passage: Passage, start: int, end: int, new: str, message: str) -> Fix | None:
        """A fix replacing ``passage.text[start:end]`` by ``new``, when the source at that place
        reads exactly those characters (otherwise no fix: mark-up or a line break lies there)."""
        old = passage.text[start:end]
        span = passage.span_of(start, end)
        if self.source_at(span) != old or not old:
            return None
        return Fix(message, (Edit(span, old, new),))

    def insert_after(self, passage: Passage, index: int, new: str, message: str) -> Fix | None:
        """A fix inserting ``new`` right after ``passage.text[index]``, when the source there is
        that character."""
        span = passage.span_of(index, index + 1)
        if self.source_at(span) != passage.text[index : index + 1]:
            return None
        at = Span(span.end_line, span.end_column, span.end_line, span.end_column)
        return Fix(message, (Edit(at, "", new),))

    def fix_ending(self, passage: Passage, ending: Ending, mark: str, message: str) -> Fix | None:
        """Make the passage end with ``mark``: replace the wrong mark, or add one after the last word."""
        if ending.mark:
            return self.replace(passage, ending.index, ending.index + 1, mark, message)
        return self.insert_after(passage, ending.index, mark, message) if ending.index >= 0 else None


Check = Callable[[Document], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule of the registry: its code, name, severity, one-line summary and check."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check = field(repr=False)
    languages: frozenset[str] = ALL_LANGUAGES
    fixable: bool = False
    # its fix changes words ("this resolution" -> "the present resolution"): `check --fix`
    # applies it, `format` (numbers, references, punctuation, emphasis only) does not
    changes_words: bool = False

    @property
    def explanation(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def applies_to(self, language: str) -> bool:
        return not self.languages or language in self.languages


_REGISTRY: dict[str, Rule] = {}
_ALL_LOADED = False


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    languages: Iterable[str] = (),
    fixable: bool = False,
    changes_words: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated check as rule ``code``."""

    def register(check: Check) -> Check:
        if code in _REGISTRY:
            raise ValueError(f"rule {code} registered twice")
        _REGISTRY[code] = Rule(code, name, severity, summary, check, frozenset(languages), fixable, changes_words)
        return check

    return register


def rules() -> dict[str, Rule]:
    """Every rule, by code, in code order."""
    global _ALL_LOADED
    if not _ALL_LOADED:  # not "registry empty": the renumbering imports a few families itself
        for family in _FAMILIES:
            importlib.import_module(f"resdraft.rules.{family}")
        _ALL_LOADED = True
    return dict(sorted(_REGISTRY.items()))


_CLOSERS = '"”’)]）」』'


@dataclass(frozen=True)
class Ending:
    """How a passage ends: ``mark`` is its final punctuation mark ("" when it ends in a word),
    at ``index`` in the text (the last character when there is no mark). A closing quote or
    bracket after the mark, and a joining word after a list item's semicolon ("; and"), are
    looked through."""

    mark: str
    index: int


def ending(passage: Passage, lang: Language) -> Ending:
    text = passage.text.rstrip()
    if joining := lang.compiled.get("joining_word"):
        m = joining.search(text)
        if m and text[: m.start()].rstrip()[-1:] in lang.punctuation.semicolons:
            text = text[: m.start()].rstrip()
    i = len(text) - 1
    terminal = lang.punctuation.terminal
    if i > 0 and text[i] in _CLOSERS and text[i - 1] in terminal:
        i -= 1
    if i >= 0 and text[i] in terminal:
        return Ending(text[i], i)
    return Ending("", i)


def walk(items: Iterable[object]) -> Iterator[object]:
    """Items and their sub-items, depth first (anything with an ``items`` list)."""
    for it in items:
        yield it
        yield from walk(getattr(it, "items", []))
