"""RD2xx: preambular paragraphs."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from resdraft.diagnostics import Severity
from resdraft.lang import Language
from resdraft.model import Emphasis, OperativeParagraph, Passage, PreambularParagraph
from resdraft.rules import Document, Finding, ending, rule


def preambles(doc: Document) -> Iterator[PreambularParagraph]:
    """Every preambular paragraph, those of the parts of a composite resolution included."""
    yield from doc.res.preamble
    for section in doc.res.sections:
        yield from section.preamble


def numbered_preambular(doc: Document) -> list[OperativeParagraph]:
    """Numbered paragraphs at the head of the operative part that open with a preambular
    phrase and no operative one ("1. Recalling …,"): preambular paragraphs given a number."""
    lang = doc.lang
    if not lang.distinct_openers:
        return []
    participles = head_words(lang.preambular_phrases) - head_words(lang.operative_phrases)
    out = []
    for para in doc.res.all_operative():
        if para.label is None or para.phrase is None or head_word(para.phrase.text, lang) not in participles:
            break
        out.append(para)
    return out


def suggestion(word: str, candidates: tuple[str, ...]) -> str:
    """' (did you mean "Recalling"?)' for the nearest known phrase, or ""."""
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return f' (did you mean "{close[0]}"?)' if close else ""


def is_known_phrase(phrase: str, lang: Language) -> bool:
    """Is the whole of ``phrase`` a lexicon phrase with its modifiers ("Recalling also", 又请)?"""
    m = lang.match_phrase(lang.fold(phrase))
    return m is not None and m.end() == len(phrase)


def sub_heading(para: PreambularParagraph | OperativeParagraph, lang: Language) -> bool:
    """An unnumbered line that is a sub-heading ("Peacebuilding financing"), not a paragraph:
    short, no known opening phrase, no final punctuation, no sub-items. GA resolutions put
    such headings among their paragraphs."""
    text = para.text.text.rstrip()
    known = para.phrase is not None and is_known_phrase(para.phrase.text, lang)
    return len(text) < 120 and not known and not para.items and text[-1:] not in lang.punctuation.terminal


def head_word(phrase: str, lang: Language) -> str:
    """The phrase's verb or adjective, its leading modifiers dropped: "Also requests" -> "requests"."""
    words = phrase.split()
    prefixes = {p.lower() for p in lang.phrase_prefixes}
    while len(words) > 1 and words[0].lower() in prefixes:
        words = words[1:]
    return words[0].lower() if words else ""


def head_words(lexicon: tuple[str, ...]) -> frozenset[str]:
    return frozenset(entry.split()[0].lower() for entry in lexicon)


def finite_verbs(lang: Language) -> frozenset[str]:
    """Head words only operative phrases have ("decides", "requests"): a paragraph opening with
    one is an operative paragraph, wherever it stands (none where the lists overlap)."""
    if not lang.distinct_openers:
        return frozenset()
    return head_words(lang.operative_phrases) - head_words(lang.preambular_phrases)


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
    for para in preambles(doc):
        if para.phrase and (word := head_word(para.phrase.text, lang)) in finite_verbs(lang):
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
    for para in preambles(doc):
        if sub_heading(para, doc.lang) or (
            para.phrase and head_word(para.phrase.text, doc.lang) in finite_verbs(doc.lang)
        ):
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
)
def preamble_emphasis(doc: Document) -> Iterator[Finding]:
    """In English the opening participle or adjective, with its modifiers ("Recalling also",
    "Deeply concerned"), is set in italics and the rest of the paragraph in roman. Checked
    only where the input carries formatting (Markdown, Word); silent on plain or
    PDF-extracted text.

    Bad::

        Recalling its resolution 75/190 of 16 December 2020,

    Good::

        *Recalling* its resolution 75/190 of 16 December 2020,
    """
    yield from phrase_emphasis(doc, list(preambles(doc)), doc.lang.preambular_emphasis, "preambular phrase")


def phrase_emphasis(
    doc: Document, paragraphs: list[PreambularParagraph] | list[OperativeParagraph], wanted: Emphasis | None, what: str
) -> Iterator[Finding]:
    """The shared check of RD204 and RD303: each opening phrase carries ``wanted`` emphasis."""
    if wanted is None or not doc.res.formatted:
        return
    for para in paragraphs:
        phrase = para.phrase
        if phrase is None or phrase.emphasis is Emphasis.UNKNOWN:
            continue
        if phrase.emphasis is not wanted:
            shown = "not set apart" if phrase.emphasis is Emphasis.NONE else f"{phrase.emphasis.value}"
            yield Finding(f'{what} "{phrase.text}" is {shown}; expected {wanted.value}', phrase.span)
            continue
        for run in para.text.emphasis:
            if run.start <= phrase.offset < run.end and run.end > phrase.offset + len(phrase.text) + 1:
                yield Finding(
                    f'{wanted.value} runs past the {what} "{phrase.text}"; only the phrase is {wanted.value}',
                    para.text.span_of(run.start, run.end),
                )


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
    lang = doc.lang
    for para in preambles(doc):
        if sub_heading(para, lang):
            continue
        if para.phrase is None:
            yield Finding("preambular paragraph opens with no known phrase", para.span)
        elif not is_known_phrase(para.phrase.text, lang):
            hint = suggestion(para.phrase.text, lang.preambular_phrases)
            yield Finding(f'unknown preambular phrase "{para.phrase.text}"{hint}', para.phrase.span)
