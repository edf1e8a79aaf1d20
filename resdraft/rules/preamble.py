"""RD2xx: preambular paragraphs."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from functools import cache

from resdraft.diagnostics import Edit, Fix, Severity
from resdraft.lang import Language
from resdraft.model import Emphasis, EmphasisRun, OperativeParagraph, Passage, Phrase, PreambularParagraph, Span
from resdraft.normalize import _scan
from resdraft.rules import Document, Finding, ending, rule


def numbered_preambular(doc: Document) -> list[OperativeParagraph]:
    """Numbered paragraphs at the head of the operative part that open with a preambular
    phrase and no operative one ("1. Recalling …,"): preambular paragraphs given a number."""
    lang = doc.lang
    if not lang.distinct_openers:
        return []
    participles = _only_first(lang.preambular_phrases, lang.operative_phrases)
    out = []
    for para in doc.operative_paragraphs:
        if para.label is None or para.phrase is None or head_word(para.phrase.text, lang) not in participles:
            break
        out.append(para)
    return out


def suggestion(word: str, candidates: tuple[str, ...]) -> str:
    """' (did you mean "Recalling"?)' for the nearest known phrase, or ""."""
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return f' (did you mean "{close[0]}"?)' if close else ""


def sub_heading(para: PreambularParagraph | OperativeParagraph, doc: Document) -> bool:
    """An unnumbered line that is a sub-heading ("Peacebuilding financing"), not a paragraph:
    short, no known opening phrase, no final punctuation, no sub-items. GA resolutions put
    such headings among their paragraphs."""
    text = para.text.text.rstrip()
    known = para.phrase is not None and doc.known_phrase(para.phrase.text)
    return len(text) < 120 and not known and not para.items and text[-1:] not in doc.lang.punctuation.terminal


def head_word(phrase: str, lang: Language) -> str:
    """The phrase's verb or adjective, its leading modifiers dropped: "Also requests" -> "requests"."""
    words = phrase.split()
    prefixes = _lowered(lang.phrase_prefixes)
    while len(words) > 1 and words[0].lower() in prefixes:
        words = words[1:]
    return words[0].lower() if words else ""


@cache  # of a language's modifiers, which never change: not of any document
def _lowered(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@cache  # of a language's lexicons, which never change: not of any document
def _only_first(lexicon: tuple[str, ...], other: tuple[str, ...]) -> frozenset[str]:
    """The head words of ``lexicon`` entries that no entry of ``other`` has."""
    return frozenset(entry.split()[0].lower() for entry in lexicon) - {entry.split()[0].lower() for entry in other}


def finite_verbs(lang: Language) -> frozenset[str]:
    """Head words only operative phrases have ("decides", "requests"): a paragraph opening with
    one is an operative paragraph, wherever it stands (none where the lists overlap)."""
    if not lang.distinct_openers:
        return frozenset()
    return _only_first(lang.operative_phrases, lang.preambular_phrases)


@rule(
    "RD201",
    "preamble-unnumbered",
    Severity.ERROR,
    "Preambular paragraphs carry no number.",
    languages=("en",),  # where the openers tell the two kinds apart (Language.distinct_openers)
)
def preamble_unnumbered(doc: Document) -> Iterator[Finding]:
    """Preambular paragraphs are never numbered; only operative paragraphs are.

    Bad::

        1. Recalling its resolution 75/190 of 16 December 2020,

    Good::

        Recalling its resolution 75/190 of 16 December 2020,
    """
    for para in numbered_preambular(doc):
        assert para.phrase is not None
        yield Finding(
            f'preambular paragraph "{para.phrase.text}" is numbered "{para.label}"; preambular paragraphs '
            "carry no number",
            para.span,
        )


@rule(
    "RD202",
    "preamble-participle",
    Severity.ERROR,
    "A preambular paragraph opens with a participle or adjective, not a finite verb.",
    languages=("en",),
)
def preamble_participle(doc: Document) -> Iterator[Finding]:
    """A preambular paragraph opens with a present, past or perfect participle or an adjective
    (Recalling, Having considered, Deeply concerned, Mindful); a finite verb belongs to an
    operative paragraph.

    Bad::

        Recalls its resolution 46/182 of 19 December 1991,

    Good::

        Recalling its resolution 46/182 of 19 December 1991,
    """
    lang = doc.lang
    verbs = finite_verbs(lang)
    for para in doc.preambles:
        if para.phrase and (word := head_word(para.phrase.text, lang)) in verbs:
            hint = suggestion(word.rstrip("s").capitalize() + "ing", lang.preambular_phrases)
            yield Finding(
                f'preambular paragraph opens with the finite verb "{para.phrase.text}"; expected a participle{hint}',
                para.phrase.span,
            )


@rule(
    "RD203",
    "preamble-comma",
    Severity.ERROR,
    "Every preambular paragraph ends with a comma.",
    fixable=True,
)
def preamble_comma(doc: Document) -> Iterator[Finding]:
    """Every preambular paragraph ends with the language's comma, the last one before
    operative paragraph 1 included; a semicolon or full stop there is wrong. A paragraph with
    sub-items ends with its last item.

    Bad::

        Recalling its resolution 46/182 of 19 December 1991;

    Good::

        Recalling its resolution 46/182 of 19 December 1991,
    """
    comma = doc.lang.punctuation.comma
    verbs = finite_verbs(doc.lang)
    for para in doc.preambles:
        if sub_heading(para, doc) or (para.phrase and head_word(para.phrase.text, doc.lang) in verbs):
            continue  # a heading, or an operative paragraph out of place (RD202)
        passage = last_passage(para)
        end = ending(passage, doc.lang)
        if end.mark and end.mark in doc.lang.punctuation.commas:
            continue
        found = f'"{end.mark}"' if end.mark else "no punctuation"
        yield Finding(
            f'preambular paragraph ends with {found}; expected "{comma}"',
            passage.span_of(max(end.index, 0), max(end.index, 0) + 1),
            doc.fix_ending(passage, end, comma, f'end with "{comma}"'),
        )


def last_passage(node: object) -> Passage:
    """The passage that ends a paragraph: its last (deepest) sub-item's, or its own text."""
    while getattr(node, "items", None):
        node = node.items[-1]  # type: ignore[attr-defined]
    return node.text  # type: ignore[attr-defined]


@rule(
    "RD204",
    "preamble-emphasis",
    Severity.WARNING,
    "The preambular phrase is italic (where the input carries formatting), and nothing more.",
    fixable=True,
)
def preamble_emphasis(doc: Document) -> Iterator[Finding]:
    """In English the opening participle or adjective, with its modifiers ("Recalling also",
    "Deeply concerned"), is set in italics and the rest of the paragraph in roman. Checked
    only where the input carries formatting (Markdown, Word); silent on plain or
    PDF-extracted text. In Markdown the fix puts in or swaps the marks around the phrase, or
    ends italics that run past it, where the phrase and those marks stand on one line; in
    Word it formats the phrase's characters (and ends italics that run past it).

    Bad::

        Recalling its resolution 75/190 of 16 December 2020,

    Good::

        *Recalling* its resolution 75/190 of 16 December 2020,
    """
    yield from phrase_emphasis(doc, doc.preambles, doc.lang.preambular_emphasis, "preambular phrase")


def phrase_emphasis(
    doc: Document, paragraphs: list[PreambularParagraph] | list[OperativeParagraph], wanted: Emphasis | None, what: str
) -> Iterator[Finding]:
    """The shared check of RD204 and RD303: each opening phrase carries ``wanted`` emphasis.
    In Markdown the fix sets the phrase apart, swaps the wrong marks around it, or ends a run
    that spills past it after the phrase; only where the phrase lies on one line and the
    source there reads exactly the phrase and its marks (never in text extracted from a PDF)."""
    if wanted is None or not doc.res.formatted:
        return
    for para in paragraphs:
        phrase = para.phrase
        if phrase is None or phrase.emphasis is Emphasis.UNKNOWN:
            continue
        if phrase.emphasis is not wanted:
            shown = "not set apart" if phrase.emphasis is Emphasis.NONE else f"{phrase.emphasis.value}"
            yield Finding(
                f'{what} "{phrase.text}" is {shown}; expected {wanted.value}',
                phrase.span,
                _emphasis_fix(doc, para.text, phrase, wanted),
            )
            continue
        for run in para.text.emphasis:
            if run.start <= phrase.offset < run.end and run.end > phrase.offset + len(phrase.text) + 1:
                yield Finding(
                    f'{wanted.value} runs past the {what} "{phrase.text}"; only the phrase is {wanted.value}',
                    para.text.span_of(run.start, run.end),
                    _end_run_fix(doc, para.text, phrase, run),
                )


_MARKS = {Emphasis.ITALIC: "*", Emphasis.BOLD: "**"}


def _phrase_line(doc: Document, phrase: Phrase) -> str | None:
    """The source line of a phrase lying on one line whose source reads exactly its text. None
    for text extracted from a PDF: its marks are what the extraction kept, not the author's."""
    if not doc.markup or not phrase.text or doc.source_at(phrase.span) != phrase.text:
        return None
    return doc.lines[phrase.span.line - 1]


def _word_fix(
    doc: Document, passage: Passage, start: int, end: int, changes: dict[str, bool], message: str
) -> Fix | None:
    """In a Word document: set the formatting of ``passage.text[start:end]`` (its runs are
    split where needed), when the document there reads those characters."""
    old = passage.text[start:end]
    span = passage.span_of(start, end)
    if not old.strip() or doc.source_at(span) != old:
        return None
    return Fix(message, (Edit(span, old, old, tuple(changes.items())),))


def _emphasis_fix(doc: Document, passage: Passage, phrase: Phrase, wanted: Emphasis) -> Fix | None:
    """Set the phrase apart with ``wanted``'s marks ("Recalling" -> "*Recalling*"), or replace
    the wrong marks right around it ("**Recalling**" -> "*Recalling*"); in Word, format it."""
    message = f'italicize "{phrase.text}"' if wanted is Emphasis.ITALIC else f'make "{phrase.text}" {wanted.value}'
    if doc.word is not None and wanted in (Emphasis.ITALIC, Emphasis.BOLD):
        other = Emphasis.BOLD if wanted is Emphasis.ITALIC else Emphasis.ITALIC
        changes = {wanted.value: True, **({other.value: False} if phrase.emphasis is other else {})}
        return _word_fix(doc, passage, phrase.offset, phrase.offset + len(phrase.text), changes, message)
    line = _phrase_line(doc, phrase)
    new = _MARKS.get(wanted)
    if line is None or new is None:
        return None
    if phrase.emphasis is Emphasis.NONE:
        old = ""
        # where an unknown opener ends (its first word?) or a fronted Chinese phrase begins
        # ("深表关切" ends with the lexicon's "关切") is a guess
        if phrase.offset or not doc.known_phrase(phrase.text):
            return None
    else:
        old = _MARKS.get(phrase.emphasis, "")
        end = phrase.offset + len(phrase.text)
        if not old or EmphasisRun(phrase.offset, end, phrase.emphasis) not in passage.emphasis:
            return None  # the marks do not enclose the phrase alone
    n, start, stop = phrase.span.line, phrase.span.column - 1, phrase.span.end_column - 1  # 0-based
    if start < len(old) or line[start - len(old) : start] != old or line[stop : stop + len(old)] != old:
        return None
    if line[: start - len(old)].endswith("*") or line[stop + len(old) :].startswith("*"):
        return None  # the marks would merge with others ("***")
    fixed = line[: start - len(old)] + new + phrase.text + new + line[stop + len(old) :]
    if not _only_marks_moved(line, fixed, [new, new], [old, old] if old else []):
        return None
    edits = (
        Edit(Span(n, start - len(old) + 1, n, start + 1), old, new),
        Edit(Span(n, stop + 1, n, stop + len(old) + 1), old, new),
    )
    return Fix(message, edits)


def _end_run_fix(doc: Document, passage: Passage, phrase: Phrase, run: EmphasisRun) -> Fix | None:
    """Move the closing mark of a run that starts at the phrase and spills past it to right
    after the phrase ("*Recalling its* resolution" -> "*Recalling* its resolution"), when the
    phrase and the closing mark stand on one line; in Word, take the emphasis off the rest."""
    shown = "italics" if run.emphasis is Emphasis.ITALIC else run.emphasis.value
    message = f'end the {shown} after "{phrase.text}"'
    if doc.word is not None:
        start = phrase.offset + len(phrase.text)
        return _word_fix(doc, passage, start, run.end, {run.emphasis.value: False}, message)
    line = _phrase_line(doc, phrase)
    mark = _MARKS.get(run.emphasis)
    if line is None or mark is None or run.start != phrase.offset:
        return None
    n, start, stop = phrase.span.line, phrase.span.column - 1, phrase.span.end_column - 1  # 0-based
    last = passage.span_of(run.end - 1, run.end)  # the run's last character
    if last.line != n or doc.source_at(last) != passage.text[run.end - 1 : run.end]:
        return None
    # the closing mark stands after the run's last character and any call-out ("keepers,[^1]*")
    close = line.find("*", last.end_column - 1)
    if close < 0 or _scan(line[last.end_column - 1 : close], n, 1).text or line[close : close + len(mark)] != mark:
        return None
    if close <= stop or start < len(mark) or line[start - len(mark) : start] != mark:
        return None
    if line[close + len(mark) :].startswith("*") or line[stop:].startswith("*"):
        return None  # the mark would merge with others
    fixed = line[:stop] + mark + line[stop:close] + line[close + len(mark) :]
    if not _only_marks_moved(line, fixed, [mark], [mark]):
        return None
    edits = (
        Edit(Span(n, close + 1, n, close + len(mark) + 1), mark, ""),
        Edit(Span(n, stop + 1, n, stop + 1), "", mark),
    )
    return Fix(message, edits)


def _only_marks_moved(line: str, fixed: str, added: list[str], removed: list[str]) -> bool:
    """Does ``fixed`` read as ``line`` with the same words, only the emphasis marks ``removed``
    taken away and ``added`` put in (no stray "*" turned into a mark or the reverse)?"""
    before, after = _scan(line, 1, 1), _scan(fixed, 1, 1)
    if before.text != after.text:
        return False
    old, new = Counter(before.toggles), Counter(after.toggles)
    gone = sorted(mark for _, mark in (old - new).elements())
    come = sorted(mark for _, mark in (new - old).elements())
    return gone == sorted(removed) and come == sorted(added)


@rule(
    "RD208",
    "preamble-known-phrase",
    Severity.WARNING,
    "A preambular paragraph opens with a known phrase.",
)
def preamble_known_phrase(doc: Document) -> Iterator[Finding]:
    """A preambular paragraph opens with one of the phrases UN resolutions use (Recalling,
    Reaffirming, Noting with concern, 回顾, 重申 …), possibly with modifiers ("Recalling
    also", 又回顾). An unknown opener is often a typo; the nearest known phrase is suggested.

    Bad::

        Rcalling its resolution 75/190 of 16 December 2020,

    Good::

        Recalling its resolution 75/190 of 16 December 2020,
    """
    for para in doc.preambles:
        if sub_heading(para, doc):
            continue
        if para.phrase is None:
            yield Finding("preambular paragraph opens with no known phrase", para.span)
        elif not doc.known_phrase(para.phrase.text):
            hint = suggestion(para.phrase.text, doc.lang.preambular_phrases)
            yield Finding(f'unknown preambular phrase "{para.phrase.text}"{hint}', para.phrase.span)
