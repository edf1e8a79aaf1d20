"""Renumbering: operative paragraphs, sub-items and footnotes numbered again in document
order, with every internal reference updated so that it designates the same paragraph.

During negotiations paragraphs are inserted ("5 bis", "[new]"), deleted and moved; the
renumbering works from the labels as they stand. A paragraph keeps its identity by its
current label: "paragraph 5 bis above" follows the paragraph labelled "5 bis" to its new
number. Each plan is a set of source edits (numbers, letters, call-outs, direction words),
made only where the source reads exactly what the model says; when a reference cannot be
carried over safely (it names a paragraph no longer there, or one of two paragraphs with
the same number) the plan has *blockers* instead, and nothing of it is applied.

A range ("paragraphs 3 to 5", "第3至5段") follows its two ends: a paragraph inserted inside
it joins it, one deleted from it leaves it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from resdraft.diagnostics import Edit, Fix
from resdraft.model import Footnote, Item, NoteRef, OperativeParagraph, Passage, Span
from resdraft.normalize import SUPERSCRIPT_DIGITS
from resdraft.numbering import first_key, next_key, scheme_label
from resdraft.references import Member, Reference, internal_references
from resdraft.rules import Document
from resdraft.rules.footnotes import call_outs
from resdraft.rules.items import item_lists, list_scheme
from resdraft.rules.operative import label_span, operative
from resdraft.rules.preamble import numbered_preambular

_SHOWN_CHANGES = 6  # how many "old → new" pairs a plan's message lists


@dataclass(frozen=True)
class Blocker:
    """Why a plan cannot be applied safely, and where."""

    span: Span
    message: str


@dataclass
class Plan:
    """The edits renumbering one kind of label needs, or why it cannot be done."""

    what: str  # "operative paragraphs", "sub-items", "footnotes"
    code: str  # the rule whose findings it fixes, under which the formatter reports it
    edits: list[Edit] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # "5 bis → 6"
    references: int = 0  # internal references updated
    blockers: list[Blocker] = field(default_factory=list)

    @property
    def message(self) -> str:
        shown = ", ".join(self.changes[:_SHOWN_CHANGES]) + (" …" if len(self.changes) > _SHOWN_CHANGES else "")
        out = f"renumber {self.what}" + (f" ({shown})" if shown else "")
        if self.references:
            out += f" and update {self.references} reference{'s' if self.references > 1 else ''}"
        return out

    @property
    def fix(self) -> Fix | None:
        """The whole plan as one fix; None when there is nothing to do or it is blocked."""
        if not self.edits or self.blockers:
            return None
        return Fix(self.message, tuple(self.edits))

    def edit(self, doc: Document, passage: Passage, at: tuple[int, int], new: str, what: str) -> bool:
        """Replace ``passage.text[at]`` by ``new`` in the source, or record why it cannot be."""
        fix = doc.replace(passage, at[0], at[1], new, "")
        if fix is None:
            span = passage.span_of(*at)
            self.blockers.append(Blocker(span, f"cannot rewrite {what} here (mark-up or a line break inside it)"))
            return False
        self.edits += fix.edits
        return True


@dataclass(frozen=True)
class Renumbering:
    """How one text's operative paragraphs, sub-items and footnotes are renumbered: a plan each."""

    operative: Plan
    items: Plan
    footnotes: Plan

    @property
    def plans(self) -> tuple[Plan, Plan, Plan]:
        return (self.operative, self.items, self.footnotes)

    @property
    def blockers(self) -> list[Blocker]:
        return [b for plan in self.plans for b in plan.blockers]


def renumber(doc: Document) -> Renumbering:
    places = _Places(doc)
    return Renumbering(_operative_plan(doc, places), _item_plan(doc, places), _footnote_plan(doc))


# --- where each passage stands -------------------------------------------------------------


@dataclass
class _Place:
    """Where a passage stands: its numbering run, its operative paragraph (None in the
    preamble) and the sibling lists of sub-items it is in, innermost first."""

    run: int
    paragraph: OperativeParagraph | None
    lists: list[list[Item]]
    items: list[Item] = field(default_factory=list)  # the items it is in, innermost first


class _Places:
    """The numbering runs of the operative part (one per part of a composite resolution, else
    one) with each paragraph's new number, and the place of every passage that may hold a
    reference."""

    def __init__(self, doc: Document) -> None:
        res = doc.res
        proper = {id(p) for p in operative(doc) if p.label is not None}
        parts = [s for s in res.sections if s.kind == "part"]
        groups = [part.paragraphs for part in parts] if parts else [res.all_operative()]
        restarts = set() if parts else {id(s.paragraphs[0]) for s in res.sections if s.paragraphs}
        self.runs: list[list[OperativeParagraph]] = [[p for p in g if id(p) in proper] for g in groups]
        self.new_number: dict[int, int] = {}
        for run in self.runs:
            n = 0
            for para in run:
                if id(para) in restarts and n and para.number == 1 and not para.suffix:
                    n = 0  # a section that starts again at 1 keeps doing so
                n += 1
                self.new_number[id(para)] = n
        self._labels: list[dict[tuple[int, str | None], list[OperativeParagraph]]] = []
        for run in self.runs:
            labels: dict[tuple[int, str | None], list[OperativeParagraph]] = {}
            for para in run:
                if para.number is not None:
                    labels.setdefault((para.number, para.suffix), []).append(para)
            self._labels.append(labels)
        self.passages: list[tuple[Passage, _Place]] = []
        preambles = [(0, res.preamble)] + [(parts.index(s) if s in parts else 0, s.preamble) for s in res.sections]
        for run, paragraphs in preambles:
            for para in paragraphs:
                self._add(para.text, para.items, _Place(run, None, []))
        for run, group in enumerate(groups):
            for op in group:
                self._add(op.text, op.items, _Place(run, op, []))

    def _add(self, text: Passage, items: list[Item], place: _Place) -> None:
        self.passages.append((text, place))
        for it in items:
            self._add(it.text, it.items, _Place(place.run, place.paragraph, [items, *place.lists], [it, *place.items]))

    def by_label(self, run: int) -> dict[tuple[int, str | None], list[OperativeParagraph]]:
        """The paragraphs of a run by their current label ((5, None), (5, "bis"))."""
        return self._labels[run] if run < len(self._labels) else {}

    def references(self, doc: Document) -> Iterator[tuple[Passage, _Place, Reference]]:
        for passage, place in self.passages:
            for ref in internal_references(passage.text, doc.lang):
                yield passage, place, ref


# --- operative paragraphs --------------------------------------------------------------------


def _not_found(doc: Document, span: Span, what: str) -> str:
    """Why the label of the paragraph or item at ``span`` cannot be renumbered: it is Word's
    automatic number, or the source does not read it where the model says."""
    place = doc.word.place(span.line) if doc.word is not None else None
    if place is not None and place.number:
        return (
            f"{what} is Word's automatic numbering, which is not rewritten; correct the list in Word "
            "(number every paragraph of it with Word's numbering, restart or continue it), or type the numbers"
        )
    return f"cannot find {what}"


def _operative_plan(doc: Document, places: _Places) -> Plan:
    plan = Plan("operative paragraphs", "RD301")
    for run in places.runs:
        for para in run:
            n = places.new_number[id(para)]
            label = (para.label or "").strip()
            if para.number == n and not para.suffix and label[:1].isdigit():
                continue
            span = label_span(doc, para)
            if doc.source_at(span) != label:
                what = f"the number {label!r} of this paragraph"
                plan.blockers.append(Blocker(para.span, _not_found(doc, para.span, what)))
                continue
            # "5 bis.", "OP5bis", "[new]" become "6."; otherwise only the figures change ("5．" keeps its stop)
            new = re.sub(r"\d+", str(n), label, count=1) if label[:1].isdigit() and not para.suffix else f"{n}."
            plan.edits.append(Edit(span, label, new))
            plan.changes.append(f"{label.rstrip('.．')} → {n}")
    if not plan.edits:
        return plan
    if numbered := numbered_preambular(doc):
        plan.blockers.append(
            Blocker(numbered[0].span, "preambular paragraphs are numbered; remove their numbers first")
        )
    for passage, place, ref in places.references(doc):
        _carry_reference(doc, plan, places, passage, place, ref)
    return plan


def _carry_reference(
    doc: Document, plan: Plan, places: _Places, passage: Passage, place: _Place, ref: Reference
) -> None:
    """Give each paragraph a reference names its new number, and turn "above"/"below" round
    when the paragraph now stands on the other side."""
    labels = places.by_label(place.run)
    targets: list[OperativeParagraph] = []
    changed = False
    for member in ref.members:
        if member.number is None or member.number_at is None:
            continue
        found = labels.get((member.number, member.suffix), [])
        if len(found) != 1:
            why = "no paragraph is numbered so" if not found else f"{len(found)} paragraphs are numbered so"
            plan.blockers.append(
                Blocker(
                    passage.span_of(*member.number_at),
                    f"reference to paragraph {member.shown}, but {why}; correct the reference before renumbering",
                )
            )
            return
        targets.append(found[0])
        n = places.new_number[id(found[0])]
        if n != member.number or member.suffix:
            changed |= plan.edit(doc, passage, member.number_at, str(n), "the reference")
    for first, last in zip(ref.members, ref.members[1:], strict=False):
        if last.ends_range and first.number is not None and last.number is not None:
            a = places.new_number[id(labels[(first.number, first.suffix)][0])]
            b = places.new_number[id(labels[(last.number, last.suffix)][0])]
            if a > b:
                plan.blockers.append(
                    Blocker(
                        passage.span_of(ref.start, ref.end),
                        f"the range {first.shown}–{last.shown} would run backwards after renumbering; rewrite it",
                    )
                )
    changed |= _turn_direction(doc, plan, places, passage, place, ref, targets)
    plan.references += changed


def _turn_direction(
    doc: Document,
    plan: Plan,
    places: _Places,
    passage: Passage,
    place: _Place,
    ref: Reference,
    targets: list[OperativeParagraph],
) -> bool:
    forms = doc.lang.references
    if ref.direction_at is None or place.paragraph is None or not targets or forms is None:
        return False
    run = places.runs[place.run]
    if place.paragraph not in run:
        return False
    here = run.index(place.paragraph)
    positions = [run.index(t) for t in targets]
    if all(p < here for p in positions):
        wanted = "backward"
    elif all(p > here for p in positions):
        wanted = "forward"
    else:
        return False
    if wanted == ref.direction:
        return False
    word = forms.backward if wanted == "backward" else forms.forward
    return plan.edit(doc, passage, ref.direction_at, word, "the direction of the reference")


# --- sub-items -------------------------------------------------------------------------------


def _item_plan(doc: Document, places: _Places) -> Plan:
    plan = Plan("sub-items", "RD401")
    new_key: dict[int, str] = {}  # id(item) -> key in its list's scheme
    new_label: dict[int, str] = {}  # id(item) -> label as it will be printed
    for items in item_lists(doc):
        scheme = list_scheme(items, doc.lang)
        if scheme is None:
            continue
        key = first_key(scheme)
        for it in items:
            new_key[id(it)] = key
            label = new_label[id(it)] = scheme_label(scheme, key)
            if label != it.label:
                span = label_span(doc, it)
                if doc.source_at(span) != it.label:
                    what = f"the label {it.label!r} of this sub-item"
                    plan.blockers.append(Blocker(it.span, _not_found(doc, it.span, what)))
                else:
                    plan.edits.append(Edit(span, it.label, label))
                    plan.changes.append(f"{it.label} → {label}")
            key = next_key(key, scheme)
    if not plan.edits:
        return plan
    for passage, place, ref in places.references(doc):
        changed = False
        for member in ref.members:
            lists = _lists_for(member, place, places)
            if lists is None:
                continue
            changed |= _carry_item(doc, plan, passage, member, lists, new_key, new_label)
        changed |= _turn_item_direction(doc, plan, passage, place, ref)
        plan.references += changed
    return plan


def _turn_item_direction(doc: Document, plan: Plan, passage: Passage, place: _Place, ref: Reference) -> bool:
    """ "subparagraph (a) above" after the items were moved: turn the direction round when every
    item it names now stands on the other side of the item holding the reference."""
    forms = doc.lang.references
    if forms is None or ref.direction_at is None or place.paragraph is None:
        return False
    sides: set[str] = set()
    for member in ref.members:
        if member.number is not None or member.item is None:
            return False  # a numbered paragraph's items: the operative plan's business
        siblings = next((items for items in [*place.lists, place.paragraph.items] if _key_in(items, member.item)), None)
        if siblings is None:
            return False
        target = _index(siblings, next(it for it in siblings if it.key == member.item))
        here = next((_index(siblings, it) for it in place.items if _index(siblings, it) >= 0), -1)
        if here < 0 and siblings is not place.paragraph.items:
            return False
        sides.add("forward" if target > here else "backward")
    if len(sides) != 1 or sides == {ref.direction}:
        return False
    word = forms.forward if sides == {"forward"} else forms.backward
    return plan.edit(doc, passage, ref.direction_at, word, "the direction of the reference")


def _key_in(items: list[Item], key: str) -> bool:
    return any(it.key == key for it in items)


def _index(items: list[Item], item: Item) -> int:
    """The position of this very item in the list (-1 when it is not there)."""
    return next((i for i, it in enumerate(items) if it is item), -1)


def _lists_for(member: Member, place: _Place, places: _Places) -> list[list[Item]] | None:
    """The sibling lists a member's sub-item letter may refer to, most likely first: the
    first-level items of the numbered paragraph, or for "subparagraph (b)" the lists around
    the reference, innermost first, then the paragraph's own."""
    if member.item is None:
        return None
    if member.number is not None:
        found = places.by_label(place.run).get((member.number, member.suffix), [])
        return [found[0].items] if len(found) == 1 else None
    if place.paragraph is None:
        return None
    return [*place.lists, place.paragraph.items]


def _carry_item(
    doc: Document,
    plan: Plan,
    passage: Passage,
    member: Member,
    lists: list[list[Item]],
    new_key: dict[int, str],
    new_label: dict[int, str],
) -> bool:
    assert member.item is not None and member.item_at is not None
    siblings = next((items for items in lists if any(it.key == member.item for it in items)), None)
    if siblings is None:
        if any(id(it) in new_key and new_key[id(it)] != it.key for items in lists for it in items):
            plan.blockers.append(
                Blocker(
                    passage.span_of(*member.item_at),
                    f"reference to sub-item ({member.item}), but there is no such sub-item; correct it first",
                )
            )
        return False
    matches = [it for it in siblings if it.key == member.item]
    if len(matches) > 1:
        plan.blockers.append(
            Blocker(passage.span_of(*member.item_at), f"reference to sub-item ({member.item}), which is labelled twice")
        )
        return False
    item = matches[0]
    changed = False
    if new_label[id(item)].strip("()（）.") != member.item:
        changed |= plan.edit(doc, passage, member.item_at, new_label[id(item)].strip("()（）."), "the reference")
    if member.sub is not None and member.sub_at is not None:
        subs = [it for it in item.items if it.key == member.sub]
        if len(subs) != 1:
            if any(new_key.get(id(it), it.key) != it.key for it in item.items):
                why = "there is no such sub-item" if not subs else "it is labelled twice"
                plan.blockers.append(
                    Blocker(passage.span_of(*member.sub_at), f"reference to sub-item ({member.sub}), but {why}")
                )
            return changed
        old = passage.text[member.sub_at[0] : member.sub_at[1]]
        # printed as the label now is: (ii) of a Chinese list becoming (二) is referred to as (二)
        shown = new_label[id(subs[0])].strip("()（）.")
        if shown != old:
            changed |= plan.edit(doc, passage, member.sub_at, shown, "the reference")
    return changed


# --- footnotes -------------------------------------------------------------------------------

_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# a call-out as the source prints it, at the position the model gives
_CALL_OUT = re.compile(
    rf"\[\^(?P<md>\d+)\]|(?P<sup>[{SUPERSCRIPT_DIGITS}]+(?:[⁻,‐\-–][{SUPERSCRIPT_DIGITS}]+)*)"
    r"|<sup>(?P<html>\d+)</sup>|\[(?P<web>\d{1,3})\]|(?P<plain>\d{1,3})"
)
# the marker opening a footnote text
_DEFINITION = re.compile(
    rf"^(?P<indent>\s*)(?:\[\^(?P<md>\d+)\]:|(?P<sup>[{SUPERSCRIPT_DIGITS}]+)|(?P<plain>\d{{1,3}}))"
)


# a footnote text, its first line, where its marker stands on that line, and the new marker
_Definition = tuple[Footnote, int, tuple[int, int], str]


def _footnote_plan(doc: Document) -> Plan:
    plan = Plan("footnotes", "RD502")
    refs = [ref for ref in call_outs(doc) if ref.marker.isdigit()]
    new: dict[str, int] = {}
    for ref in refs:
        new.setdefault(ref.marker, len(new) + 1)
    texts: dict[str, int] = {}
    for note in doc.res.footnotes:
        texts[note.marker] = texts.get(note.marker, 0) + 1
    numbered_texts = [n for n in doc.res.footnotes if n.marker.isdigit()]
    in_order = [n.marker for n in numbered_texts] == sorted(
        (n.marker for n in numbered_texts), key=lambda m: new.get(m, 0)
    )
    if all(int(old) == n for old, n in new.items()) and in_order:
        return plan
    plan.changes = [f"{old} → {n}" for old, n in new.items() if int(old) != n]
    for ref in refs:
        if ref.marker not in texts:
            plan.blockers.append(
                Blocker(ref.span, f"footnote call-out {ref.marker} has no footnote text; add it first")
            )
    for note in numbered_texts:
        if note.marker not in new:
            plan.blockers.append(
                Blocker(note.span, f"footnote {note.marker} is never called out; delete its text or add its call-out")
            )
        elif texts[note.marker] > 1:
            plan.blockers.append(Blocker(note.span, f"footnote {note.marker} has two texts; keep one"))
    if plan.blockers:
        return plan
    _renumber_call_outs(doc, plan, refs, new)
    _renumber_texts(doc, plan, new)
    return plan


def _renumber_call_outs(doc: Document, plan: Plan, refs: list[NoteRef], new: dict[str, int]) -> None:
    groups: dict[tuple[int, int], list[str]] = {}
    for ref in refs:
        groups.setdefault((ref.span.line, ref.span.column), []).append(ref.marker)
    for (line, column), markers in groups.items():
        source = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
        m = _CALL_OUT.match(source, column - 1)
        if m is None:
            plan.blockers.append(Blocker(Span(line, column, line, column + 1), "cannot find this footnote call-out"))
            continue
        numbers = [new[marker] for marker in markers]
        if m["sup"]:
            consecutive = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
            if "⁻" in m["sup"] and len(numbers) > 1 and consecutive:
                text = f"{numbers[0]}⁻{numbers[-1]}".translate(_SUPERSCRIPT)
            else:
                text = ",".join(str(n) for n in numbers).translate(_SUPERSCRIPT)
            at = m.span("sup")
        else:
            group = next(g for g in ("md", "html", "web", "plain") if m[g])
            text, at = str(numbers[0]), m.span(group)
        old = source[at[0] : at[1]]
        if text != old:
            plan.edits.append(Edit(Span(line, at[0] + 1, line, at[1] + 1), old, text))


def _renumber_texts(doc: Document, plan: Plan, new: dict[str, int]) -> None:
    """Each footnote text's marker; Markdown footnote texts standing together at the end are
    also put in the new order."""
    blocks: list[_Definition] = []
    for note in doc.res.footnotes:
        if not note.marker.isdigit():
            continue
        line = note.span.line
        source = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
        m = _DEFINITION.match(source)
        group = next((g for g in ("md", "sup", "plain") if m and m[g]), None)
        if m is None or group is None or m[group].translate(_FROM_SUPERSCRIPT) != note.marker:
            plan.blockers.append(Blocker(note.span, f"cannot find the marker of footnote {note.marker}"))
            return
        number = str(new[note.marker])
        text = number.translate(_SUPERSCRIPT) if group == "sup" else number
        blocks.append((note, line, m.span(group), text))
    if _reorder_definitions(doc, plan, blocks):
        return
    for _, line, at, text in blocks:
        old = doc.lines[line - 1][at[0] : at[1]]
        if old != text:
            plan.edits.append(Edit(Span(line, at[0] + 1, line, at[1] + 1), old, text))


def _reorder_definitions(doc: Document, plan: Plan, blocks: list[_Definition]) -> bool:
    """When the footnote texts form one run of lines at the end, separated only by blank lines,
    rewrite the run in the new order (one edit). Otherwise (texts at page feet in a PDF
    extraction) they stay where they are."""
    if len(blocks) < 2:
        return False
    starts = [line for _, line, _, _ in blocks]
    last = blocks[-1][0].span.end_line
    if starts != sorted(starts) or any(doc.lines[i].strip() for i in range(last, len(doc.lines))):
        return False
    chunks: list[tuple[int, list[str]]] = []
    for i, (note, line, at, text) in enumerate(blocks):
        end = blocks[i + 1][1] - 1 if i + 1 < len(blocks) else last
        lines = list(doc.lines[line - 1 : end])
        lines[0] = lines[0][: at[0]] + text + lines[0][at[1] :]
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
        if any(not ln.strip() for ln in lines) or note.span.end_line > line + len(lines) - 1:
            return False
        chunks.append((int(text.translate(_FROM_SUPERSCRIPT)), lines))
    gap = blocks[1][1] - (blocks[0][1] + len(chunks[0][1]))  # blank lines between two texts
    old_lines = doc.lines[starts[0] - 1 : last]
    blank = doc.lines[starts[0] - 1][len(doc.lines[starts[0] - 1].rstrip("\r")) :]  # "\r" in a CRLF file
    new_lines: list[str] = []
    for n, (_, lines) in enumerate(sorted(chunks, key=lambda chunk: chunk[0])):
        new_lines += [blank] * (gap if n else 0) + lines
    if len(new_lines) != len(old_lines):
        return False  # uneven spacing between the texts: renumber them where they stand
    if new_lines == old_lines:
        return True
    end_column = len(old_lines[-1]) + 1
    plan.edits.append(Edit(Span(starts[0], 1, last, end_column), "\n".join(old_lines), "\n".join(new_lines)))
    return True
