"""RD9xx: the header of a draft, and typography."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resdraft.diagnostics import Fix, Severity
from resdraft.lang import is_ideograph
from resdraft.model import HeaderField, Kind
from resdraft.rules import Document, Finding, rule

_COMMITTEE = re.compile(r"/C\.(?P<n>[1-6])/")
_SESSION = re.compile(r"^A/(?:C\.[1-6]/|HRC/)?(?:RES/)?(?P<session>\d{1,3})/")


@rule("RD901", "draft-masthead", Severity.WARNING, 'A draft\'s masthead carries its "Distr.: Limited" line.')
def draft_masthead(doc: Document) -> Iterator[Finding]:
    """The masthead of a draft (an L. document) gives the symbol, the distribution
    ("Distr.: Limited"), the date and the original language, then the session, the
    committee, the agenda item, the sponsors line and the title.

    Bad::

        A/C.3/80/L.21
        Eightieth session

    Good::

        A/C.3/80/L.21
        Distr.: Limited
        3 November 2025
        Original: English

        Eightieth session
    """
    header = doc.res.header
    symbol_line = header.line(HeaderField.SYMBOL)
    if doc.res.kind is not Kind.DRAFT or symbol_line is None or "/L." not in (header.symbol or ""):
        return
    if header.line(HeaderField.DISTRIBUTION) is None and "Distr." not in symbol_line.text:
        yield Finding('the masthead has no "Distr.: Limited" line', symbol_line.span)


@rule("RD902", "sponsors-line", Severity.WARNING, 'A draft names its sponsors: "…: draft resolution".')
def sponsors_line(doc: Document) -> Iterator[Finding]:
    """A draft resolution's sponsors line lists the sponsors and ends ": draft resolution"
    (": revised draft resolution" for a /Rev. document; Chinese "：决议草案" / "：订正决议草案"),
    or says who submitted it ("Draft resolution submitted by the Chair").

    Bad::

        A/C.3/80/L.21/Rev.1
        …
        Albania, Andorra and Australia: draft resolution

    Good::

        A/C.3/80/L.21/Rev.1
        …
        Albania, Andorra and Australia: revised draft resolution
    """
    header = doc.res.header
    symbol = header.symbol or ""
    if doc.res.kind is not Kind.DRAFT or "/L." not in symbol:
        return
    line = header.line(HeaderField.SPONSORS)
    if line is None:
        at = header.line(HeaderField.TITLE) or header.line(HeaderField.SYMBOL)
        if at is not None:
            yield Finding("the draft has no sponsors line before its title", at.span)
        return
    m = doc.lang.compiled["sponsors"].match(doc.lang.fold(line.text))
    revised = "/Rev." in symbol
    if m and m["type"] and (("订正" in m["type"] or "revised" in m["type"]) != revised):
        expected = "a revised draft" if revised else "a draft (not revised)"
        yield Finding(f'the sponsors line says "{m["type"]}" but {symbol} is {expected}', line.span)


@rule("RD903", "committee-matches-symbol", Severity.ERROR, "The committee line matches the symbol's C.n.")
def committee_matches_symbol(doc: Document) -> Iterator[Finding]:
    """A draft from a Main Committee carries its committee in the symbol (A/C.3/… is the Third
    Committee) and the committee line must name the same one; a plenary draft (A/80/L.5) has
    no committee line.

    Bad::

        A/C.3/80/L.21
        …
        Second Committee

    Good::

        A/C.3/80/L.21
        …
        Third Committee
    """
    header = doc.res.header
    line = header.line(HeaderField.COMMITTEE)
    if line is None or header.committee is None or not header.symbol:
        return
    m = _COMMITTEE.search(header.symbol)
    if m is None:
        if doc.res.kind is Kind.DRAFT and header.symbol.startswith("A/") and "/HRC/" not in header.symbol:
            yield Finding(f"a committee line in a plenary draft ({header.symbol} has no C.n)", line.span)
    elif int(m["n"]) != header.committee:
        expected = doc.lang.committees[int(m["n"]) - 1]
        yield Finding(
            f'the committee line "{line.text}" does not match {header.symbol}; expected "{expected}"', line.span
        )


@rule("RD904", "session-matches-symbol", Severity.ERROR, "The session line matches the session in the symbol.")
def session_matches_symbol(doc: Document) -> Iterator[Finding]:
    """The session line names the session that the symbol carries: A/C.3/80/L.21 belongs to the
    eightieth session ("Eightieth session", "第八十届会议").

    Bad::

        A/C.3/80/L.21
        …
        Seventy-ninth session

    Good::

        A/C.3/80/L.21
        …
        Eightieth session
    """
    header = doc.res.header
    line = header.line(HeaderField.SESSION)
    if line is None or header.session is None or not header.symbol:
        return
    m = _SESSION.match(header.symbol)
    if m and int(m["session"]) != header.session:
        yield Finding(
            f"the session line names session {header.session} but {header.symbol} belongs to session {m['session']}",
            line.span,
        )


_ASCII_MARK = re.compile(r"[,;:.]")


def _is_chinese(ch: str) -> bool:
    """A CJK ideograph or a Chinese quotation mark."""
    return is_ideograph(ch) or ch in "《》“”"


def _misplaced_ascii_marks(text: str) -> Iterator[re.Match[str]]:
    """An ASCII comma, semicolon or colon after a Chinese character (not before a figure:
    "1,000") or before one; a full stop after one at the very end (or before a final newline)."""
    for m in _ASCII_MARK.finditer(text):
        at = m.start()
        before = text[at - 1] if at else ""
        after = text[at + 1 : at + 2]
        if m.group() == ".":
            ends = at + 1 == len(text) or (at + 2 == len(text) and after == "\n")
            if ends and before and _is_chinese(before):
                yield m
        elif (before and _is_chinese(before) and not after.isdecimal()) or (after and _is_chinese(after)):
            yield m


_FULL_WIDTH_PARENS = re.compile(r"（[^（）]*）")


@rule(
    "RD952",
    "full-width-punctuation",
    Severity.ERROR,
    "Chinese running text uses full-width punctuation (，；：。); a warning on PDF-extracted text.",
    languages=("zh",),
    fixable=True,
)
def full_width_punctuation(doc: Document) -> Iterator[Finding]:
    """Chinese text uses the full-width marks ，；：。 next to Chinese characters. An ASCII
    comma, semicolon, colon or full stop there is an error in a draft; in text extracted from a
    PDF it is usually an extraction artefact (whole pages come out that way), so it is a
    warning there.

    Bad::

        3. **请**秘书长提交报告;

    Good::

        3. **请**秘书长提交报告；
    """
    wide = {",": "，", ";": "；", ":": "：", ".": "。"}
    milder = Severity.WARNING if doc.res.extracted else None
    for passage in doc.all_passages:
        for m in _misplaced_ascii_marks(passage.text):
            mark = m.group()
            fix = doc.replace(passage, m.start(), m.end(), wide[mark], f'write "{wide[mark]}"')
            yield Finding(
                f'ASCII "{mark}" in Chinese text; expected "{wide[mark]}"',
                passage.span_of(m.start(), m.end()),
                fix,
                milder,
            )


@rule(
    "RD953",
    "half-width-parentheses",
    Severity.WARNING,
    "UN Chinese texts use half-width parentheses ( ) .",
    languages=("zh",),
    fixable=True,
)
def half_width_parentheses(doc: Document) -> Iterator[Finding]:
    """UN Chinese texts set parentheses half-width: around symbols, asides and the labels (a)
    and (一). Full-width （ ） are replaced.

    Bad::

        冠状病毒病（COVID-19）大流行

    Good::

        冠状病毒病(COVID-19)大流行
    """
    for passage in doc.all_passages:
        for m in _FULL_WIDTH_PARENS.finditer(passage.text):
            half = "(" + m.group()[1:-1] + ")"
            fix = None
            opening = doc.replace(passage, m.start(), m.start() + 1, "(", "")
            closing = doc.replace(passage, m.end() - 1, m.end(), ")", "")
            if opening and closing:
                fix = Fix("write half-width parentheses", opening.edits + closing.edits)
            yield Finding(
                f'full-width parentheses "{m.group()}"; expected "{half}"', passage.span_of(m.start(), m.end()), fix
            )
