"""RD6xx: internal cross-references and citations of other resolutions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resdraft.diagnostics import Severity
from resdraft.model import Item, OperativeParagraph, Organ
from resdraft.numbering import cjk_to_int, int_to_roman
from resdraft.rules import Document, Finding, body_passages, rule, walk
from resdraft.rules.preamble import preambles


def _where(doc: Document) -> dict[int, int | None]:
    """For each body passage (by id), the number of the operative paragraph it belongs to
    (None in the preamble)."""
    out: dict[int, int | None] = {}
    for para in preambles(doc):
        for node in walk([para]):
            out[id(node.text)] = None  # type: ignore[attr-defined]
    for op in doc.res.all_operative():
        for node in walk([op]):
            out[id(node.text)] = op.number  # type: ignore[attr-defined]
    return out


def _targets(doc: Document) -> dict[int, OperativeParagraph]:
    return {p.number: p for p in doc.res.all_operative() if p.number is not None and not p.suffix}


def _item(items: list[Item], key: str) -> Item | None:
    return next((it for it in items if it.key == key), None)


@rule(
    "RD601", "internal-reference", Severity.ERROR, "A reference to a paragraph of this text points at one that exists."
)
def internal_reference(doc: Document) -> Iterator[Finding]:
    """A reference to a paragraph of the text itself ("paragraph 5 above", "paragraph 3 (a)
    below", "上文第5段", "本决议第2段") names an operative paragraph (and sub-item) that
    exists; "above"/上文 points back, "below"/下文 forward. Paragraph numbers change between
    drafts, so these references go stale.

    Bad::

        26. Requests the Secretary-General to report on paragraph 27 above.

    Good::

        26. Requests the Secretary-General to report on paragraph 25 above.
    """
    if doc.res.sections and any(s.kind == "part" for s in doc.res.sections):
        return  # each part numbers its own paragraphs: a bare number is ambiguous
    lang = doc.lang
    pattern, member = lang.compiled["internal_reference"], lang.compiled["reference_member"]
    back, forward = lang.compiled["reference_backward"], lang.compiled["reference_forward"]
    targets = _targets(doc)
    where = _where(doc)
    for passage in body_passages(doc):
        if id(passage) not in where:
            continue
        here = where[id(passage)]
        for m in pattern.finditer(passage.text):
            direction = m["dir"]
            for ref in member.finditer(passage.text, m.start("refs"), m.end("refs")):
                problem = _check(ref, targets, here, direction, back.fullmatch(direction), forward.fullmatch(direction))
                if problem:
                    yield Finding(problem, passage.span_of(ref.start(), ref.end()))


def _check(
    ref: re.Match[str],
    targets: dict[int, OperativeParagraph],
    here: int | None,
    direction: str,
    backward: object,
    forward: object,
) -> str | None:
    number = int(ref["num"])
    target = targets.get(number)
    shown = ref.group(0)
    if target is None:
        top = max(targets, default=0)
        return f"reference to paragraph {shown}, but the operative paragraphs run 1 to {top}"
    if ref["item"]:
        item = _item(target.items, ref["item"])
        if item is None:
            return f"reference to paragraph {shown}, but paragraph {number} has no sub-item ({ref['item']})"
        if ref["sub"]:
            key = ref["sub"] if ref["sub"].isascii() else int_to_roman(cjk_to_int(ref["sub"]))
            if _item(item.items, key) is None:
                return f"reference to paragraph {shown}, but ({ref['item']}) has no sub-item ({ref['sub']})"
    if backward and here is not None and number >= here:
        return f'"{direction}" points back, but paragraph {number} is not before paragraph {here}'
    if forward and (here is not None and number <= here):
        return f'"{direction}" points forward, but paragraph {number} is not after paragraph {here}'
    return None


def _gap_fixes(doc: Document, name: str, message: str) -> Iterator[Finding]:
    """Findings for a pattern whose empty group ``gap`` marks where a space is missing."""
    pattern = doc.lang.compiled.get(name)
    if pattern is None:
        return
    for passage in body_passages(doc):
        for m in pattern.finditer(passage.text):
            at = m.start("gap")
            span = passage.span_of(m.start(), m.end())
            fix = doc.insert_after(passage, at - 1, " ", "insert a space")
            yield Finding(message.format(found=m.group(0)), span, fix)


@rule(
    "RD603",
    "reference-spacing",
    Severity.WARNING,
    'A space before the sub-paragraph letter: "paragraph 16 (a)".',
    languages=("en",),
    fixable=True,
)
def reference_spacing(doc: Document) -> Iterator[Finding]:
    """In English a space separates a paragraph number from its sub-paragraph letter:
    "paragraph 16 (a)", "paragraph 3 (a) (i)". (Chinese writes 第16(a)段 without one.)

    Bad::

        as requested in paragraph 16(a) above,

    Good::

        as requested in paragraph 16 (a) above,
    """
    yield from _gap_fixes(doc, "reference_unspaced", '"{found}" lacks a space before the parenthesis')


@rule(
    "RD604",
    "present-resolution",
    Severity.WARNING,
    'GA, HRC and ECOSOC texts refer to themselves as "the present resolution".',
    languages=("en",),
    fixable=True,
)
def present_resolution(doc: Document) -> Iterator[Finding]:
    """A General Assembly, Human Rights Council or Economic and Social Council text calls
    itself "the present resolution"; "this resolution" is Security Council usage.

    Bad::

        7. Decides to review the implementation of this resolution at its eighty-second session.

    Good::

        7. Decides to review the implementation of the present resolution at its eighty-second session.
    """
    if doc.res.organ is Organ.SC:
        return
    for passage in body_passages(doc):
        for m in doc.lang.compiled["self_reference"].finditer(passage.text):
            fix = doc.replace(passage, m.start(), m.end(), "the present resolution", 'write "the present resolution"')
            yield Finding(
                f'"{m.group(0)}" in a text of this organ; expected "the present resolution"',
                passage.span_of(m.start(), m.end()),
                fix,
            )


@rule(
    "RD605",
    "resolution-citation",
    Severity.WARNING,
    'Resolutions are cited by number in the standard form: "resolution 2321 (2016)", "resolution 75/190".',
    languages=("en",),
    fixable=True,
)
def resolution_citation(doc: Document) -> Iterator[Finding]:
    """A resolution is cited by its number, not its document symbol ("resolution 75/190", not
    "resolution A/RES/75/190"), and a Security Council number takes a space before its year
    ("resolution 2321 (2016)").

    Bad::

        Recalling its resolution A/RES/75/190 and Security Council resolution 2321(2016),

    Good::

        Recalling its resolution 75/190 and Security Council resolution 2321 (2016),
    """
    yield from _gap_fixes(doc, "citation_unspaced", '"{found}" lacks a space before the year')
    for passage in body_passages(doc):
        for m in doc.lang.compiled["citation_symbol"].finditer(passage.text):
            fix = doc.replace(passage, m.start("symbol"), m.end("symbol"), m["number"], f'cite "{m["number"]}"')
            yield Finding(
                f'resolution cited by its symbol "{m["symbol"]}"; expected its number "{m["number"]}"',
                passage.span_of(m.start("symbol"), m.end("symbol")),
                fix,
            )


@rule(
    "RD607",
    "organ-abbreviation",
    Severity.WARNING,
    'Organs and the United Nations are named in full, never "UN", "GA", "UNSC".',
    languages=("en",),
)
def organ_abbreviation(doc: Document) -> Iterator[Finding]:
    """In a resolution "United Nations" is never abbreviated, nor are the names of the organs
    ("GA", "UNSC", "ECOSOC"); later mentions may say "the Assembly" or "the Council".

    Bad::

        Recalling GA resolution 46/182 on UN humanitarian assistance,

    Good::

        Recalling General Assembly resolution 46/182 on United Nations humanitarian assistance,
    """
    for passage in body_passages(doc):
        for m in doc.lang.compiled["organ_abbreviation"].finditer(passage.text):
            yield Finding(
                f'abbreviation "{m.group(0)}"; expected the name in full', passage.span_of(m.start(), m.end())
            )
