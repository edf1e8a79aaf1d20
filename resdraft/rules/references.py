"""RD6xx: internal cross-references and citations of other resolutions."""

from __future__ import annotations

from collections.abc import Iterator

from resdraft.diagnostics import Severity
from resdraft.model import Item, OperativeParagraph, Organ
from resdraft.references import Member, Reference, internal_references
from resdraft.rules import Document, Finding, rule


def _where(doc: Document) -> dict[int, OperativeParagraph | None]:
    """For each body passage (by id), the operative paragraph it belongs to (None in the preamble)."""
    out: dict[int, OperativeParagraph | None] = {}
    here: OperativeParagraph | None = None
    for node in doc.paragraphs:  # a paragraph comes before its sub-items
        if not isinstance(node, Item):
            here = node if isinstance(node, OperativeParagraph) else None
        out[id(node.text)] = here
    return out


def _item(items: list[Item], key: str) -> Item | None:
    return next((it for it in items if it.key == key), None)


@rule(
    "RD601",
    "internal-reference",
    Severity.ERROR,
    "A reference to a paragraph of this text points at one that exists.",
)
def internal_reference(doc: Document) -> Iterator[Finding]:
    """A reference to a paragraph of the text itself ("paragraph 5 above", "paragraphs 3 to 5
    below", "paragraph 3 (a) of the present resolution", "上文第5段", "本决议第2段") names an
    operative paragraph (and sub-item) that exists; "above"/上文 points back, "below"/下文
    forward. Only references that say they are this text's are checked: a bare "paragraph 5"
    may be another document's ("Article 2, paragraph 7, of the Charter"). Paragraph numbers
    change between drafts, so these references go stale; ``resdraft format`` (and the fix of
    RD301) carries them over when it renumbers, turning "above" and "below" round for a
    paragraph moved across.

    Bad::

        26. Requests the Secretary-General to report on paragraph 27 above.

    Good::

        26. Requests the Secretary-General to report on paragraph 25 above.
    """
    if doc.res.sections and any(s.kind == "part" for s in doc.res.sections):
        return  # each part numbers its own paragraphs: a bare number is ambiguous
    paragraphs = {(p.number, p.suffix): p for p in doc.operative_paragraphs if p.number is not None}
    top = max((n for n, suffix in paragraphs if not suffix), default=0)
    order = {id(p): i for i, p in enumerate(doc.operative_paragraphs)}
    where = _where(doc)
    for passage in doc.body_passages:
        if id(passage) not in where:
            continue
        here = where[id(passage)]
        for ref in internal_references(passage.text, doc.lang):
            if not ref.explicit:
                continue  # a bare "paragraph 5" may be another document's ("Article 2, paragraph 7"): not an error
            for member in ref.members:
                at = member.number_at or member.item_at
                if member.number is None or at is None:
                    continue
                span = passage.span_of(*at)
                target = paragraphs.get((member.number, member.suffix))
                if target is None:
                    yield Finding(
                        f"reference to paragraph {member.shown}, but the operative paragraphs run 1 to {top}", span
                    )
                    continue
                problem = _item_problem(member, target) or _direction_problem(ref, member, target, here, order)
                if problem:
                    yield Finding(problem, span)


def _item_problem(member: Member, target: OperativeParagraph) -> str | None:
    if member.item is None:
        return None
    item = _item(target.items, member.item)
    if item is None:
        return f"reference to paragraph {member.shown}, but paragraph {member.number} has no sub-item ({member.item})"
    if member.sub and _item(item.items, member.sub) is None:
        return f"reference to paragraph {member.shown}, but ({member.item}) has no sub-item ({member.sub})"
    return None


def _direction_problem(
    ref: Reference,
    member: Member,
    target: OperativeParagraph,
    here: OperativeParagraph | None,
    order: dict[int, int],
) -> str | None:
    if ref.direction is None or ref.direction_at is None or here is None:
        return None
    before = order[id(target)] < order[id(here)]
    after = order[id(target)] > order[id(here)]
    if ref.direction == "backward" and not before:
        return f"the reference points back, but paragraph {member.shown} is not before paragraph {here.label or ''}"
    if ref.direction == "forward" and not after:
        return f"the reference points forward, but paragraph {member.shown} is not after paragraph {here.label or ''}"
    return None


def _gap_fixes(doc: Document, name: str, message: str) -> Iterator[Finding]:
    """Findings for a pattern whose empty group ``gap`` marks where a space is missing."""
    pattern = doc.lang.compiled.get(name)
    if pattern is None:
        return
    for passage in doc.body_passages:
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
    changes_words=True,
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
    for passage in doc.body_passages:
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
    changes_words=True,
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
    for passage in doc.body_passages:
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
    for passage in doc.body_passages:
        for m in doc.lang.compiled["organ_abbreviation"].finditer(passage.text):
            yield Finding(
                f'abbreviation "{m.group(0)}"; expected the name in full', passage.span_of(m.start(), m.end())
            )
