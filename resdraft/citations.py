"""Citations in running text: resolutions (with the organ and date the text gives) and
document symbols. The XML writer links them; the linter checks them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdraft.build import iso_date
from resdraft.lang import Language
from resdraft.model import Organ
from resdraft.symbols import SYMBOL_IN_TEXT, normalise_number

_SC_NUMBER = re.compile(r"\d+ \((\d{4})\)")
# every citation holds a resolution number (digits) or a document symbol (a slash): text with
# neither is not searched, the citation patterns being slow to fail
_MAY_CITE = re.compile(r"[\d/]")


@dataclass(frozen=True)
class Citation:
    """A resolution or document cited in running text, where it stands (``start``:``end``)."""

    start: int
    end: int
    kind: str  # "resolution" or "symbol"
    number: str  # "75/190", "2231 (2015)", "A/76/53"
    organ: Organ | None = None
    date: str | None = None  # ISO, when the text prints it with the citation


def citations(text: str, lang: Language, own: Organ) -> list[Citation]:
    """Every citation in ``text``, in order; ``own`` is the organ of the citing text, which
    "its resolution" and an unqualified "resolution" refer to."""
    if _MAY_CITE.search(text) is None:
        return []
    out: list[Citation] = []
    member = lang.compiled["citation_member"]
    for m in lang.compiled["citation"].finditer(text):
        organ = _organ_named(text, m.start(), m.end("list"), lang) or own
        shared_date = iso_date(m, lang) if m.groupdict().get("date") else None
        for i, item in enumerate(member.finditer(text, m.start("list"), m.end("list"))):
            number = normalise_number(item["number"])
            date = iso_date(item, lang) if item.groupdict().get("date") else (shared_date if i == 0 else None)
            cited = Organ.SC if _SC_NUMBER.fullmatch(number) else organ
            out.append(Citation(item.start("number"), item.end("number"), "resolution", number, cited, date))
    taken = [(c.start, c.end) for c in out]
    for m in SYMBOL_IN_TEXT.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in taken):
            out.append(Citation(m.start(), m.end(), "symbol", m.group()))
    return sorted(out, key=lambda c: c.start)


def _organ_named(text: str, start: int, end: int, lang: Language) -> Organ | None:
    """The organ named right after the citation ("of the Human Rights Council"), else the one
    named nearest before it ("Security Council resolution", "人权理事会…第…号决议")."""
    after = lang.compiled.get("citation_organ_after")
    if after and (m := after.match(text, end)) and m["organ"] in lang.organ_names:
        return lang.organ_names[m["organ"]]
    window = lang.fold(text[max(0, start - 40) : start])
    window = re.split(f"[{re.escape(lang.punctuation.semicolons + lang.punctuation.full_stops)}]", window)[-1]
    best: tuple[int, Organ] | None = None
    for name, organ in lang.organ_names.items():
        at = window.rfind(name)
        if at >= 0 and (best is None or at + len(name) > best[0]):
            best = (at + len(name), organ)
    return best[1] if best else None


def year_of(citation: Citation) -> str | None:
    """The year a resolution number implies: GA session N -> 1945 + N; SC "(YYYY)"."""
    if sc := _SC_NUMBER.fullmatch(citation.number):
        return sc[1]
    session = re.match(r"(\d{1,2})/", citation.number)
    if session and citation.organ is Organ.GA:
        return str(1945 + int(session[1]))
    return None
