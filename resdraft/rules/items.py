"""RD4xx: sub-items (a), (i), (一) …"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from resdraft.diagnostics import Severity
from resdraft.lang import Language
from resdraft.model import Item
from resdraft.numbering import first_key, in_scheme, next_key, scheme_label
from resdraft.rules import Document, Finding, ending, rule
from resdraft.rules.operative import label_span, sequence_breaks


def item_lists(doc: Document) -> Iterator[list[Item]]:
    """Every list of sibling sub-items, in document order."""
    return (node.items for node in doc.paragraphs if node.items)


def list_scheme(items: list[Item], lang: Language) -> str | None:
    """The label scheme a list of sibling items should follow: its level's in the language
    (None beyond the levels the language numbers)."""
    level = items[0].level
    if level > len(lang.item_schemes):
        return None
    if level == 1 and items[0].key == "i" and all(in_scheme(it.label, "roman") for it in items):
        return "roman"  # older resolutions (242 (1967)) number first-level items (i), (ii)
    return lang.item_schemes[level - 1]


def _label_checks(doc: Document, levels: tuple[int, ...]) -> Iterator[Finding]:
    """Labels of the right scheme for their level and language, consecutive from the first."""
    for items in item_lists(doc):
        level = items[0].level
        scheme = list_scheme(items, doc.lang) if level in levels else None
        if scheme is None:
            continue
        wrong = [it for it in items if not in_scheme(it.label, scheme)]
        for it in wrong:
            yield Finding(
                f"sub-item {it.label} at level {level}; expected a label like {scheme_label(scheme, it.key)}",
                label_span(doc, it),
                doc.renumbering.items.fix,  # computed once, when a finding needs it
            )
        if wrong:
            continue
        keys = _ordinals(items, scheme)
        for it, message in sequence_breaks(
            [(it, n, False) for it, n in zip(items, keys, strict=True)], partial(_show, scheme=scheme), 1
        ):
            yield Finding(f"sub-item {message}", label_span(doc, it), doc.renumbering.items.fix)


def _ordinals(items: list[Item], scheme: str) -> list[int]:
    """The position each label stands for in its scheme: (a) 1, (c) 3, (aa) 27, (iv) 4."""
    table: dict[str, int] = {}
    key, n = first_key(scheme), 1
    wanted = {it.key for it in items}
    while len(table) < len(wanted) and n <= 1000:
        if key in wanted:
            table[key] = n
        key, n = next_key(key, scheme), n + 1
    return [table.get(it.key, 0) for it in items]


def _show(n: int, scheme: str) -> str:
    key = first_key(scheme)
    for _ in range(max(n - 1, 0)):
        key = next_key(key, scheme)
    return scheme_label(scheme, key)


@rule("RD401", "item-labels", Severity.ERROR, "First-level sub-items run (a), (b), (c) … without gaps.", fixable=True)
def item_labels(doc: Document) -> Iterator[Finding]:
    """First-level sub-items are labelled (a), (b), (c) … in every language that uses Latin
    letters in parentheses (English and Chinese alike), from (a), with no gap or repeat;
    after (z) come (aa), (bb). Each new paragraph starts again at (a).

    Bad::

        (a) The right to life;
        (b) The right to food;
        (d) The right to health;

    Good::

        (a) The right to life;
        (b) The right to food;
        (c) The right to health;
    """
    yield from _label_checks(doc, (1,))


@rule(
    "RD402",
    "subitem-labels",
    Severity.ERROR,
    "Second-level sub-items run (i), (ii) … in English and (一), (二) … in Chinese.",
    fixable=True,
)
def subitem_labels(doc: Document) -> Iterator[Finding]:
    """Second-level sub-items are numbered with lower-case roman numerals in English, (i),
    (ii), (iii) …, and with Chinese numerals in half-width parentheses in Chinese, (一),
    (二), (三) …, consecutively under each first-level item.

    Bad::

        (a) 在下列方面：
            (i) 酷刑；

    Good::

        (a) 在下列方面：
            (一) 酷刑；
    """
    yield from _label_checks(doc, (2,))


@rule(
    "RD403",
    "deep-item-labels",
    Severity.WARNING,
    "Third- and fourth-level items run a., b. … and i., ii. …",
    fixable=True,
)
def deep_item_labels(doc: Document) -> Iterator[Finding]:
    """Third-degree items are labelled a., b., c. …; fourth-degree items i., ii., iii. …,
    consecutively under their parent.

    Bad::

        (i) Reports;
            a. Annual reports;
            c. Special reports;

    Good::

        (i) Reports;
            a. Annual reports;
            b. Special reports;
    """
    yield from _label_checks(doc, (3, 4))


@rule(
    "RD405",
    "item-punctuation",
    Severity.ERROR,
    "Sub-items end with a semicolon (the last one ends its paragraph).",
    fixable=True,
)
def item_punctuation(doc: Document) -> Iterator[Finding]:
    """Every sub-item but the last of its list ends with a semicolon (a joining "and" or "or"
    after it is allowed); a sub-item that introduces further items ends with a colon (RD305);
    the last item ends as its paragraph does (RD203, RD304).

    Bad::

        (a) The right to life,
        (b) The right to food;

    Good::

        (a) The right to life;
        (b) The right to food;
    """
    marks = doc.lang.punctuation
    for items in item_lists(doc):
        for it in items[:-1]:
            if it.items:
                continue  # a lead-in: RD305
            end = ending(it.text, doc.lang)
            if end.mark and end.mark in marks.semicolons:
                continue
            found = f'"{end.mark}"' if end.mark else "no punctuation"
            yield Finding(
                f'sub-item {it.label} ends with {found}; expected "{marks.semicolon}"',
                it.text.span_of(max(end.index, 0), max(end.index, 0) + 1),
                doc.fix_ending(it.text, end, marks.semicolon, f'end with "{marks.semicolon}"'),
            )
