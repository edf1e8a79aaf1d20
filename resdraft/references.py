"""Internal cross-references: where a text points at its own operative paragraphs and
sub-items ("paragraph 5 above", "paragraphs 3 to 5", "paragraph 2 (a)", "subparagraph (b)
above", "上文第5段", "本决议第2(a)段", "第3至5段").

Syntax only: the forms come from the language profile (:class:`resdraft.lang.ReferenceForms`);
what a reference designates is worked out against the model by its users (RD601 and the
renumbering). References to other documents ("paragraph 8 of resolution 2397 (2017)",
"第2397(2017)号决议第8段") are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdraft.lang import Language, ReferenceForms
from resdraft.numbering import CJK_NUMERALS, cjk_to_int, int_to_roman

Offsets = tuple[int, int]


@dataclass(frozen=True)
class Member:
    """One paragraph or sub-item a reference names. Offsets are in the passage text.
    ``number`` is None for a sub-item of the paragraph the reference stands in
    ("subparagraph (b) above"); ``sub`` is a roman key also for (二)."""

    number: int | None
    suffix: str | None
    number_at: Offsets | None  # "5 bis"; None for (d) in "paragraph 1 (c) and (d)", which names 1 too
    item: str | None
    item_at: Offsets | None  # the letters inside the parentheses
    sub: str | None
    sub_at: Offsets | None
    ends_range: bool = False  # the second end of a range ("to 5"): the range starts at the member before

    @property
    def shown(self) -> str:
        parts = [f"{self.number}{' ' + self.suffix if self.suffix else ''}" if self.number is not None else ""]
        parts += [f"({k})" for k in (self.item, self.sub) if k]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Reference:
    """An internal reference found in a passage ("paragraph 5 above", "上文第5段") and what it names."""

    start: int
    end: int
    members: tuple[Member, ...]
    direction: str | None  # "backward", "forward" or None ("of the present resolution", 本决议, none)
    direction_at: Offsets | None
    # it says it is this text's ("above", "of the present resolution", 上文, 本决议); a bare
    # "paragraph 5" is taken for this text's too unless something names another document
    explicit: bool = False


def internal_references(text: str, lang: Language) -> list[Reference]:
    """The references in ``text`` to paragraphs and sub-items of the text itself."""
    forms = lang.references
    if forms is None or forms.hint not in text:
        return []
    out = [ref for name in ("paragraph", "item") for ref in _find(text, forms, name)]
    return sorted(out, key=lambda r: r.start)


def _find(text: str, forms: ReferenceForms, name: str) -> list[Reference]:
    patterns = forms.compiled
    out: list[Reference] = []
    for m in patterns[name].finditer(text):
        if name == "paragraph" and not m["refs"][:1].isdigit():
            continue
        if m["dir"] is None and _external(text, m, patterns):
            continue
        members = _members(m, patterns)
        if not members:
            continue
        direction = {forms.backward: "backward", forms.forward: "forward"}.get(m["dir"] or "")
        out.append(
            Reference(
                m.start(),
                m.end(),
                tuple(members),
                direction,
                m.span("dir") if direction else None,
                m["dir"] is not None,
            )
        )
    return out


def _external(text: str, m: re.Match[str], patterns: dict[str, re.Pattern[str]]) -> bool:
    """Does a reference without direction belong to another document?"""
    if patterns["external_after"].match(text, m.end()):
        return True
    return patterns["external_before"].search(text[max(0, m.start() - 80) : m.start()]) is not None


def _members(m: re.Match[str], patterns: dict[str, re.Pattern[str]]) -> list[Member]:
    out: list[Member] = []
    previous_end = None
    for mm in patterns["member"].finditer(m.string, m.start("refs"), m.end("refs")):
        if mm.end() == mm.start():
            continue
        between = m.string[previous_end : mm.start()] if previous_end is not None else ""
        ends_range = bool(out) and patterns["range"].match(between) is not None
        previous_end = mm.end()
        number_at = None
        number, suffix = (int(mm["num"]), mm["suffix"]) if mm["num"] else (None, None)
        if mm["num"]:
            number_at = (mm.start("num"), mm.end("suffix") if mm["suffix"] else mm.end("num"))
        elif out and out[-1].number is not None:
            number, suffix = out[-1].number, out[-1].suffix  # "paragraph 1 (c) and (d)": (d) of paragraph 1
        sub = mm["sub"]
        if sub and sub[0] in CJK_NUMERALS:
            sub = int_to_roman(cjk_to_int(sub))
        out.append(
            Member(
                number,
                suffix,
                number_at,
                mm["item"],
                mm.span("item") if mm["item"] else None,
                sub,
                mm.span("sub") if mm["sub"] else None,
                ends_range,
            )
        )
    return out
