"""RD3xx: operative paragraphs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from resdraft.diagnostics import Edit, Fix, Severity
from resdraft.model import Item, OperativeParagraph, Organ, Span
from resdraft.rules import Document, Finding, ending, rule
from resdraft.rules.preamble import last_passage, numbered_preambular, phrase_emphasis, suggestion

T = TypeVar("T")


def numbered(doc: Document) -> list[list[tuple[OperativeParagraph, bool]]]:
    """The numbering runs of the operative part, each a list of (paragraph, may restart at 1):
    one run per part of a composite resolution, else one run in which a section may restart
    the numbering. Unnumbered paragraphs, negotiation labels ("5 bis") and numbered
    preambular paragraphs are left out (other rules report them)."""
    skip = {id(p) for p in numbered_preambular(doc)}
    res = doc.res

    def keep(p: OperativeParagraph) -> bool:
        return p.number is not None and not p.suffix and id(p) not in skip

    parts = [s for s in res.sections if s.kind == "part"]
    if parts:
        return [[(p, False) for p in part.paragraphs if keep(p)] for part in parts]
    run = [(p, False) for p in res.operative if keep(p)]
    for section in res.sections:
        run += [(p, i == 0) for i, p in enumerate(q for q in section.paragraphs if keep(q))]
    return [run]


def operative(doc: Document) -> list[OperativeParagraph]:
    """Operative paragraphs proper: numbered (or the single unnumbered one), not preambular."""
    skip = {id(p) for p in numbered_preambular(doc)}
    paragraphs = doc.operative_paragraphs
    single = len(paragraphs) == 1
    return [p for p in paragraphs if id(p) not in skip and (p.label is not None or single)]


@rule(
    "RD301",
    "operative-numbering",
    Severity.ERROR,
    "Operative paragraphs are numbered 1, 2, 3 … without gaps.",
    fixable=True,
)
def operative_numbering(doc: Document) -> Iterator[Finding]:
    """Operative paragraphs are numbered consecutively from 1 in arabic figures: no gap, no
    repeat, no paragraph out of order. Each part of a composite resolution (A, B …) starts
    again at 1; a section (I, II …) may continue or start again.

    Bad::

        4. Requests …;
        6. Decides …;

    Good::

        4. Requests …;
        5. Decides …;
    """
    for run in numbered(doc):
        yield from (
            Finding(f"operative paragraph {message}", label_span(doc, para), doc.renumbering.operative.fix)
            for para, message in sequence_breaks([(p, p.number or 0, r) for p, r in run], str, 1)
        )


def sequence_breaks(run: list[tuple[T, int, bool]], show: Callable[[int], str], first: int) -> Iterator[tuple[T, str]]:
    """Where a sequence of numbers (node, number, may restart) stops counting up by one from
    ``first``: a gap, a repeat or a number out of order, each reported once. After two numbers
    swapped, the one following them is back in step and is not reported."""
    previous, position, reported = first - 1, first - 1, False
    for node, number, may_restart in run:
        position += 1
        if may_restart and number == first:
            previous, position, reported = first, first, False
            continue
        if number == previous + 1 or (reported and number == position):
            reported = False
        else:
            reported = True
            if position == first:
                yield node, f"numbered {show(number)} comes first; expected {show(first)}"
            elif number == previous:
                yield node, f"numbered {show(number)} repeats the number before it; expected {show(previous + 1)}"
            elif number > previous:
                yield node, f"numbered {show(number)} follows {show(previous)}; expected {show(previous + 1)}"
            else:
                yield (
                    node,
                    f"numbered {show(number)} follows {show(previous)}; out of order, expected {show(previous + 1)}",
                )
        previous = number


def label_span(doc: Document, para: OperativeParagraph | Item) -> Span:
    """The span of a paragraph's number or an item's label, found on its first line before its
    text (or alone on the line before); in a Word document that numbers the paragraph itself,
    column 0 of its line (the number is not in the text)."""
    label = (para.label or "").strip()
    line = para.span.line
    place = doc.word.place(line) if doc.word is not None else None
    if place is not None and place.number:
        return Span(line, 0, line, 0)
    if label and 0 < line <= len(doc.lines):
        at = doc.lines[line - 1].find(label, 0, max(para.span.column - 1, 0))
        if at >= 0:
            return Span(line, at + 1, line, at + 1 + len(label))
        # text extracted from a PDF can put the number on a line of its own ("3. ")
        above = doc.lines[line - 2] if line >= 2 else ""
        if above.strip() == label:
            at = above.index(label)
            return Span(line - 1, at + 1, line - 1, at + 1 + len(label))
    return para.span


@rule(
    "RD302",
    "operative-finite-verb",
    Severity.ERROR,
    "An operative paragraph opens with a finite verb (Decides, not Deciding).",
    languages=("en",),
)
def operative_finite_verb(doc: Document) -> Iterator[Finding]:
    """An operative paragraph opens with a verb in the present indicative, third person
    singular ("Decides", "Requests", "Calls upon"). A participle, an infinitive or a first
    person belongs elsewhere.

    Bad::

        3. Deciding to establish an open-ended working group;

    Good::

        3. Decides to establish an open-ended working group;
    """
    pattern = doc.lang.compiled["nonfinite_operative"]
    for para in operative(doc):
        if m := pattern.match(para.text.text):
            hint = suggestion(m["word"].split()[-1].capitalize(), doc.lang.operative_phrases)
            yield Finding(
                f'operative paragraph opens with "{m["word"]}"; expected a finite verb{hint}',
                para.text.span_of(m.start("word"), m.end("word")),
            )


@rule(
    "RD303",
    "operative-emphasis",
    Severity.WARNING,
    "The operative verb is italic in English and bold in Chinese (where formatting is known).",
    fixable=True,
)
def operative_emphasis(doc: Document) -> Iterator[Finding]:
    """The operative verb or verb phrase, with its fused modifiers ("Also requests", "Strongly
    urges"), is italic in English and bold in Chinese; the rest of the paragraph is not.
    Checked only where the input carries formatting (Markdown, Word). Text extracted from a
    PDF often loses the bold of a few paragraphs, so this stays a warning. In Markdown (not in
    text extracted from a PDF) the fix puts in or swaps the marks around the phrase, or ends
    emphasis that runs past it, where the phrase and those marks stand on one line; in Word
    it formats the phrase's characters (and takes the emphasis off the words it ran on to).

    Bad::

        5. **请**秘书长提交报告；  (English: 5. Requests the Secretary-General to report;)

    Good::

        5. **请**秘书长提交报告；  (English: 5. *Requests* the Secretary-General to report;)
    """
    yield from phrase_emphasis(doc, operative(doc), doc.lang.operative_emphasis, "operative phrase")


@rule(
    "RD304",
    "operative-punctuation",
    Severity.ERROR,
    "Operative paragraphs end with a semicolon, the last with a full stop.",
    fixable=True,
)
def operative_punctuation(doc: Document) -> Iterator[Finding]:
    """Every operative paragraph but the last ends with a semicolon; the last ends with a full
    stop (in Chinese "；" and "。"). A paragraph with sub-items ends with its last item. In a
    composite resolution each part ends with its own full stop; the last paragraph of a
    section may end either way.

    Bad::

        25. Decides to continue its consideration of the question at its eightieth session;

    Good::

        25. Decides to continue its consideration of the question at its eightieth session.
    """
    marks = doc.lang.punctuation
    for run, section_ends in _punctuation_runs(doc):
        for i, para in enumerate(run):
            last = i == len(run) - 1
            passage = last_passage(para)
            end = ending(passage, doc.lang)
            if last:
                wanted, accepted = marks.full_stop, marks.full_stops
            elif id(para) in section_ends:
                wanted, accepted = marks.semicolon, marks.semicolons + marks.full_stops
            else:
                wanted, accepted = marks.semicolon, marks.semicolons
            if end.mark and end.mark in accepted:
                continue
            found = f'"{end.mark}"' if end.mark else "no punctuation"
            which = "the last operative paragraph" if last else f"operative paragraph {para.label or ''}".rstrip()
            yield Finding(
                f'{which} ends with {found}; expected "{wanted}"',
                passage.span_of(max(end.index, 0), max(end.index, 0) + 1),
                doc.fix_ending(passage, end, wanted, f'end with "{wanted}"'),
            )


def _punctuation_runs(doc: Document) -> list[tuple[list[OperativeParagraph], set[int]]]:
    """Paragraphs that end one sentence together, and the ids of those closing a section."""
    keep = {id(p) for p in operative(doc)}
    parts = [s for s in doc.res.sections if s.kind == "part"]
    if parts:
        return [([p for p in part.paragraphs if id(p) in keep], set()) for part in parts]
    run = [p for p in doc.operative_paragraphs if id(p) in keep]
    section_ends = {id(s.paragraphs[-1]) for s in doc.res.sections if s.paragraphs}
    return [(run, section_ends)]


@rule("RD305", "lead-in-colon", Severity.ERROR, "A lead-in to sub-items ends with a colon.", fixable=True)
def lead_in_colon(doc: Document) -> Iterator[Finding]:
    """A paragraph or sub-item that introduces a list of sub-items ends its lead-in with a colon
    (":" / "："), wherever a footnote call-out stands.

    Bad::

        2. Expresses its very serious concern at;
           (a) The continuing reports of violations;

    Good::

        2. Expresses its very serious concern at:
           (a) The continuing reports of violations;
    """
    colon = doc.lang.punctuation.colon
    for node in doc.paragraphs:
        if not node.items:
            continue
        passage = node.text
        end = ending(passage, doc.lang)
        if end.mark and end.mark in doc.lang.punctuation.colons:
            continue
        found = f'"{end.mark}"' if end.mark else "no punctuation"
        label = getattr(node, "label", None)
        what = f"the lead-in of {label}" if isinstance(node, Item) else "a lead-in to sub-items"
        yield Finding(
            f'{what} ends with {found}; expected "{colon}"',
            passage.span_of(max(end.index, 0), max(end.index, 0) + 1),
            doc.fix_ending(passage, end, colon, f'end with "{colon}"'),
        )


@rule(
    "RD308",
    "remain-seized",
    Severity.WARNING,
    'A Security Council text ends with "Decides to remain seized of the matter."',
)
def remain_seized(doc: Document) -> Iterator[Finding]:
    """The last operative paragraph of a Security Council resolution is normally "Decides to
    remain (actively) seized of the matter." (决定继续处理此案。). Its absence is a warning;
    the formula anywhere but last is an error. Texts of one or two operative paragraphs (an
    admission to membership, a referral) are not checked.

    Bad::

        4. Decides to remain seized of the matter;
        5. Requests the Secretary-General to report.

    Good::

        4. Requests the Secretary-General to report;
        5. Decides to remain seized of the matter.
    """
    if doc.res.organ is not Organ.SC:
        return
    paragraphs = operative(doc)
    if len(paragraphs) < 3:
        return  # short texts (an admission, a referral) close without the formula
    seized = doc.lang.compiled["seized"]
    hits = [p for p in paragraphs if seized.match(doc.lang.fold(p.text.text))]
    for para in hits:
        if para is not paragraphs[-1]:
            yield Finding(
                "the remain-seized formula is not the last operative paragraph; it closes the text",
                para.span,
                severity=Severity.ERROR,
            )
    if not hits:
        yield Finding(
            "a Security Council text whose last operative paragraph is not the remain-seized formula",
            paragraphs[-1].span,
        )


@rule(
    "RD311",
    "operative-known-phrase",
    Severity.WARNING,
    "An operative paragraph opens with a known operative verb or phrase.",
)
def operative_known_phrase(doc: Document) -> Iterator[Finding]:
    """An operative paragraph opens with one of the verbs UN resolutions use (Decides, Requests,
    Calls upon, 决定, 请 …), possibly with modifiers ("Also requests", 又请). An unknown opener
    is often a typo; the nearest known verb is suggested.

    Bad::

        4. Reqests the Secretary-General to report;

    Good::

        4. Requests the Secretary-General to report;
    """
    lang = doc.lang
    nonfinite = lang.compiled.get("nonfinite_operative")
    for para in operative(doc):
        if nonfinite and nonfinite.match(para.text.text):
            continue  # RD302
        if para.phrase is None:
            yield Finding("operative paragraph opens with no known verb", para.text.span_of(0, 1))
        elif not doc.known_phrase(para.phrase.text):
            hint = suggestion(para.phrase.text, lang.operative_phrases)
            yield Finding(f'unknown operative phrase "{para.phrase.text}"{hint}', para.phrase.span)


_NUMBER_ONLY = re.compile(r"(?:OP\s?)?\d{1,3}")


@rule(
    "RD312",
    "operative-number-form",
    Severity.ERROR,
    'An operative number is followed by a full stop ("11." not "11").',
    fixable=True,
)
def operative_number_form(doc: Document) -> Iterator[Finding]:
    """An operative paragraph number is an arabic figure followed by a full stop and a space.
    A number without its full stop is a typing slip (or a broken PDF line).

    Bad::

        11 Condemns the attacks on humanitarian personnel;

    Good::

        11. Condemns the attacks on humanitarian personnel;
    """
    for para in doc.operative_paragraphs:
        label = para.label
        if label is None or para.suffix or "." in label or "．" in label:
            continue
        if not _NUMBER_ONLY.fullmatch(label):
            continue
        span = label_span(doc, para)
        fix = None
        if doc.source_at(span) == label:
            at = Span(span.line, span.end_column, span.line, span.end_column)
            fix = Fix('add "."', (Edit(at, "", "."),))
        yield Finding(f'operative paragraph number "{label}" has no full stop; expected "{label}."', span, fix)


@rule(
    "RD313",
    "negotiation-label",
    Severity.ERROR,
    "No negotiation labels (5 bis, 5 alt, [new]) in a text to be issued.",
    fixable=True,
)
def negotiation_label(doc: Document) -> Iterator[Finding]:
    """During negotiations paragraphs are inserted as "5 bis", "5 ter", "5 alt" or "[new]"; a
    text submitted or issued is numbered 1, 2, 3 again (``resdraft format`` renumbers).

    Bad::

        5. Requests …;
        5 bis. Also requests …;

    Good::

        5. Requests …;
        6. Also requests …;
    """
    for para in doc.operative_paragraphs:
        if para.suffix:
            shown = (para.label or "").strip()
            yield Finding(
                f'negotiation label "{shown}" left in the text; expected the paragraphs renumbered',
                label_span(doc, para),
                doc.renumbering.operative.fix,  # computed once, when a finding needs it
            )
