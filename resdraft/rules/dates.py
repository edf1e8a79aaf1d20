"""RD8xx: dates, numbers and sessions."""

from __future__ import annotations

from collections.abc import Iterator

from resdraft.diagnostics import Edit, Fix, Severity
from resdraft.model import HeaderField, Span
from resdraft.rules import Document, Finding, rule


@rule("RD801", "date-form", Severity.ERROR, 'Dates are written "16 December 2021" / "2021年12月16日".')
def date_form(doc: Document) -> Iterator[Finding]:
    """A date gives the day, the month in full and the year, in the language's order and
    without ordinals or commas: "16 December 2021" in English, "2021年12月16日" in Chinese.

    Bad::

        Recalling its resolution 75/190 of December 16, 2020,

    Good::

        Recalling its resolution 75/190 of 16 December 2020,
    """
    example = {"en": "16 December 2021", "zh": "2021年12月16日"}.get(doc.lang.code, "")
    pattern = doc.lang.compiled["date_malformed"]
    for passage in doc.all_passages:
        for m in pattern.finditer(passage.text):
            yield Finding(
                f'date "{m.group()}" in a non-standard form; expected the form "{example}"',
                passage.span_of(m.start(), m.end()),
            )


@rule(
    "RD803",
    "session-in-words",
    Severity.WARNING,
    'Sessions are named in words: "its seventy-seventh session", "第七十七届会议".',
)
def session_in_words(doc: Document) -> Iterator[Finding]:
    """Sessions are written in words (English "its seventy-seventh session", Chinese
    "第七十七届会议" in Chinese numerals); meetings are written in figures ("53rd plenary
    meeting", "第53次全体会议").

    Bad::

        at its 82nd session,

    Good::

        at its eighty-second session,
    """
    pattern = doc.lang.compiled["session_in_figures"]
    for passage in doc.all_passages:
        for m in pattern.finditer(passage.text):
            yield Finding(
                f'session "{m["figure"]}" written in figures; expected words', passage.span_of(m.start(), m.end())
            )


@rule(
    "RD805",
    "agenda-item-form",
    Severity.WARNING,
    'An agenda item is written "Agenda item 74 (c)".',
    languages=("en",),
    fixable=True,
)
def agenda_item_form(doc: Document) -> Iterator[Finding]:
    """In English a space separates the agenda item number from its sub-item letter.

    Bad::

        Agenda item 74(c)

    Good::

        Agenda item 74 (c)
    """
    line = doc.res.header.line(HeaderField.AGENDA_ITEM)
    pattern = doc.lang.compiled.get("agenda_unspaced")
    if line is None or pattern is None or not (m := pattern.match(line.text)):
        return
    at = line.span.column + m.start("gap")
    fix = None
    if doc.source_at(line.span) == line.text:
        fix = Fix("insert a space", (Edit(Span(line.span.line, at, line.span.line, at), "", " "),))
    yield Finding(f'"{m.group()}" lacks a space before the letter', line.span, fix)
