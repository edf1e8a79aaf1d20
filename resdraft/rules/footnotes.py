"""RD5xx: footnotes."""

from __future__ import annotations

from collections.abc import Iterator

from resdraft.diagnostics import Severity
from resdraft.model import NoteRef
from resdraft.rules import Document, Finding, ending, rule


def call_outs(doc: Document) -> list[NoteRef]:
    """Every footnote call-out in source order, header lines included."""
    res = doc.res
    refs = [n for line in res.header.lines for n in line.notes]
    for node in doc.paragraphs:
        refs += node.text.notes
    for annex in res.annexes:
        for passage in annex.paragraphs:
            refs += passage.notes
    # the parts of a composite resolution each have a preamble: sort by position (stable
    # for a model read from XML, which has no positions)
    return sorted(refs, key=lambda ref: (ref.span.line, ref.span.column))


@rule(
    "RD502",
    "footnote-numbering",
    Severity.ERROR,
    "Footnote call-outs and texts match one to one, numbered 1, 2, 3 …",
    fixable=True,
)
def footnote_numbering(doc: Document) -> Iterator[Finding]:
    """Every footnote call-out has exactly one footnote text with the same number and every
    footnote text is called out; footnotes are numbered 1, 2, 3 … in the order of their first
    call-out, across the whole text (they do not restart on each page).

    Bad::

        Recalling its resolution 75/190,[^1] and the report of the Secretary-General,[^3]

        [^1]: A/75/PV.46.

    Good::

        Recalling its resolution 75/190,[^1] and the report of the Secretary-General,[^2]

        [^1]: A/75/PV.46.
        [^2]: A/79/149.
    """
    refs = call_outs(doc)
    texts: dict[str, int] = {}
    for note in doc.res.footnotes:
        if note.marker in texts:
            yield Finding(f"footnote {note.marker} has a second footnote text", note.span)
        texts[note.marker] = texts.get(note.marker, 0) + 1
    called = {ref.marker for ref in refs}
    seen: set[str] = set()
    highest = 0
    for ref in refs:
        if ref.marker not in texts and ref.marker not in seen:
            yield Finding(f"footnote call-out {ref.marker} has no footnote text", ref.span)
        if ref.marker in seen or not ref.marker.isdigit():
            seen.add(ref.marker)
            continue
        seen.add(ref.marker)
        number = int(ref.marker)
        if number < highest:
            yield Finding(
                f"footnote {number} is first called out after footnote {highest}; expected them numbered in order "
                "of first call-out",
                ref.span,
                doc.renumbering.footnotes.fix,  # computed once, when a finding needs it
            )
        highest = max(highest, number)
    for note in doc.res.footnotes:
        if note.marker not in called:
            yield Finding(f"footnote {note.marker} is never called out in the text", note.span)
    numbers = {int(m) for m in called | set(texts) if m.isdigit()}
    for missing in sorted(set(range(1, max(numbers, default=0) + 1)) - numbers):
        after = next((r for r in refs if r.marker.isdigit() and int(r.marker) > missing), None)
        if after is not None:
            yield Finding(
                f"footnote numbers skip {missing}; expected {missing} before {after.marker}",
                after.span,
                doc.renumbering.footnotes.fix,
            )


@rule("RD505", "footnote-full-stop", Severity.WARNING, "A footnote text ends with a full stop.", fixable=True)
def footnote_full_stop(doc: Document) -> Iterator[Finding]:
    """A footnote text ends with a full stop, even when it is only a document symbol.

    Bad::

        [^2]: A/HRC/25/63

    Good::

        [^2]: A/HRC/25/63.
    """
    stop = doc.lang.punctuation.full_stop
    for note in doc.res.footnotes:
        end = ending(note.text, doc.lang)
        if end.index < 0 or (end.mark and end.mark in doc.lang.punctuation.full_stops):
            continue
        found = f'"{end.mark}"' if end.mark else "no punctuation"
        yield Finding(
            f'footnote {note.marker} ends with {found}; expected "{stop}"',
            note.text.span_of(end.index, end.index + 1),
            doc.fix_ending(note.text, end, stop, f'end with "{stop}"'),
        )
