"""RD1xx: the order and structure of a resolution's parts."""

from __future__ import annotations

from collections.abc import Iterator

from resdraft.diagnostics import Edit, Fix, Severity
from resdraft.model import HeaderField, Kind, Organ, Span
from resdraft.rules import Document, Finding, rule
from resdraft.rules.preamble import sub_heading
from resdraft.symbols import organ_of_symbol


def first_body_span(doc: Document) -> Span | None:
    """Where the body starts: the first paragraph or section (or the header's last line)."""
    res = doc.res
    for node in (*res.preamble, *res.operative, *res.sections):
        return node.span
    return res.header.lines[-1].span if res.header.lines else None


@rule(
    "RD102",
    "organ-formula",
    Severity.ERROR,
    "The organ formula stands once, before the first paragraph, with its comma.",
    fixable=True,
)
def organ_formula(doc: Document) -> Iterator[Finding]:
    """The organ formula ("The General Assembly," / "大会，") opens the body, once, and ends
    with the language's comma when a preamble follows. Without it the paragraphs have no
    subject.

    Bad::

        Recalling its resolution 75/190 of 16 December 2020,

    Good::

        The General Assembly,

        Recalling its resolution 75/190 of 16 December 2020,
    """
    res, marks = doc.res, doc.lang.punctuation
    parts = [s for s in res.sections if s.kind == "part"]
    if res.formula is None and parts and all(part.formula for part in parts):
        return  # a composite resolution: each part restates the formula
    if res.formula is None:
        span = first_body_span(doc)
        if span is not None:
            example = doc.lang.formulas[res.organ] + marks.comma
            yield Finding(f'no organ formula before the first paragraph; expected "{example}"', span)
        return
    text = res.formula.text.rstrip()
    if res.preamble and not text.endswith(tuple(marks.commas)):
        yield Finding(
            f'the organ formula "{text}" has no comma before the preamble; expected "{text}{marks.comma}"',
            res.formula.span,
            _formula_comma_fix(doc, text),
        )


def _formula_comma_fix(doc: Document, text: str) -> Fix | None:
    formula = doc.res.formula
    assert formula is not None
    line, column = formula.span.line, formula.span.column
    if doc.source_at(Span(line, column, line, column + len(text))) != text:
        return None
    comma = doc.lang.punctuation.comma
    return Fix(f'add "{comma}"', (Edit(Span(line, column + len(text), line, column + len(text)), "", comma),))


@rule("RD103", "formula-matches-organ", Severity.ERROR, "The organ formula names the organ of the symbol.")
def formula_matches_organ(doc: Document) -> Iterator[Finding]:
    """The organ formula must name the organ that issues the text, which follows from the
    symbol: A/… the General Assembly, S/… the Security Council, A/HRC/… the Human Rights
    Council, E/… the Economic and Social Council.

    Bad::

        A/HRC/58/L.13
        …
        The General Assembly,

    Good::

        A/HRC/58/L.13
        …
        The Human Rights Council,
    """
    res = doc.res
    if res.formula is None or not res.header.symbol:
        return
    organ = organ_of_symbol(res.header.symbol)
    if organ is not None and organ is not res.formula.organ:
        expected = doc.lang.formulas[organ] + doc.lang.punctuation.comma
        yield Finding(
            f'the organ formula "{res.formula.text}" does not match the symbol {res.header.symbol}; '
            f'expected "{expected}"',
            res.formula.span,
        )


@rule("RD104", "title", Severity.ERROR, "GA, HRC and ECOSOC texts carry a title; Security Council texts do not.")
def title(doc: Document) -> Iterator[Finding]:
    """A General Assembly, Human Rights Council or Economic and Social Council resolution or
    draft has a title (in an adopted text, after its number: "76/177. Title"). A Security
    Council resolution has none. Checked only when the text has a header.

    Bad::

        A/C.3/80/L.21
        …
        Albania and Andorra: draft resolution

        The General Assembly,

    Good::

        A/C.3/80/L.21
        …
        Albania and Andorra: draft resolution

        Promotion and protection of human rights

        The General Assembly,
    """
    header = doc.res.header
    if not header.symbol or doc.res.formula is None:
        return
    titled = header.title or header.line(HeaderField.TITLE) or header.line(HeaderField.NUMBER_TITLE)
    if doc.res.organ is Organ.SC:
        if titled and (line := header.line(HeaderField.TITLE)):
            yield Finding("a Security Council text carries no title", line.span)
    elif not titled:
        yield Finding("no title before the organ formula; a resolution of this organ has one", doc.res.formula.span)


@rule("RD105", "closing-block", Severity.WARNING, "The closing block gives meeting and date in the language's order.")
def closing_block(doc: Document) -> Iterator[Finding]:
    """An adopted GA, HRC or ECOSOC text ends with its meeting and date: in English the meeting
    first ("53rd plenary meeting" / "16 December 2021"), in Chinese the date first
    ("2021年12月16日" / "第53次全体会议"). A draft has no closing block.

    Bad::

        第53次全体会议
        2021年12月16日

    Good::

        2021年12月16日
        第53次全体会议
    """
    res = doc.res
    closing = res.closing
    if closing is None or not closing.lines:
        return
    if res.kind is Kind.DRAFT:
        yield Finding("a draft has no closing block (meeting and date)", closing.lines[0].span)
        return
    order = [ln.field.value for ln in closing.lines if ln.field in (HeaderField.MEETING, HeaderField.DATE)]
    if len(order) == 2 and tuple(order) != doc.lang.closing_order:
        first = closing.lines[0]
        yield Finding(
            f"the closing block gives the {order[0]} before the {order[1]}; "
            f"expected the {doc.lang.closing_order[0]} first",
            first.span,
        )


@rule("RD107", "preamble-before-operative", Severity.ERROR, "The whole preamble precedes the operative part.")
def preamble_before_operative(doc: Document) -> Iterator[Finding]:
    """Every preambular paragraph comes before operative paragraph 1; an unnumbered paragraph
    among the numbered ones is a preambular paragraph out of place (or an operative paragraph
    that lost its number).

    Bad::

        1. Decides to remain seized of the matter;
        Recalling its resolution 2730 (2024),
        2. Requests the Secretary-General to report.

    Good::

        Recalling its resolution 2730 (2024),
        1. Decides to remain seized of the matter;
        2. Requests the Secretary-General to report.
    """
    paragraphs = doc.operative_paragraphs
    if len(paragraphs) < 2:
        return  # a single unnumbered operative paragraph is a form of its own
    for para in paragraphs:
        if para.label is None and not sub_heading(para, doc):
            what = f'"{para.phrase.text}"' if para.phrase else "an unnumbered paragraph"
            yield Finding(
                f"unnumbered paragraph {what} among the operative paragraphs; expected it in the preamble or a number",
                para.span,
            )
