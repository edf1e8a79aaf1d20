"""RD7xx: document symbols."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from resdraft.diagnostics import Severity
from resdraft.model import HeaderField, Kind
from resdraft.rules import Document, Finding, rule
from resdraft.symbols import organ_of_symbol, resolution_symbol

# anything that starts like a symbol of the main organs and holds a figure (the letter comes
# before the look-behind so that the search skips to candidate letters instead of trying every position)
_SYMBOL_LIKE = re.compile(r"[ASE](?<![\w/.][ASE])/[A-Za-z0-9.\-/*]*\d[A-Za-z0-9.\-/*]*")
_DOUBLE = re.compile(r"[-–](?=[ASE]/)")  # A/79/78-E/2024/53: two symbols
# one component: a body or series (C.3, AC.109, WG.III, HRC), a session or year, S-27 / ES-11,
# a modifier (Add.3, Rev.1)
# (Sub.2 and Agenda are mixed case; old Security Council documents have five-digit numbers)
_COMPONENT = re.compile(r"[A-Z](?:[A-Z]{0,5}|[a-z]{1,7})(?:\.(?:\d+|[IVXL]+))?|\d{1,5}|(?:S|ES)-\d{1,2}")
_MODIFIER = re.compile(r"(?i:add|corr|rev|amend)")
_MODIFIER_FORM = re.compile(r"(?:Add|Corr|Rev|Amend)\.\d+")
_NAME = re.compile(r"[A-Za-z]+")
_YEAR = re.compile(r"\s?\(\d{4}\)$")  # S/RES/2730 (2024): the year is no component


def _bad_component(symbol: str) -> str | None:
    symbol = _YEAR.sub("", symbol.rstrip("*"))
    for part in symbol.split("/"):
        name = _NAME.match(part)
        if name and _MODIFIER.fullmatch(name.group()) and not _MODIFIER_FORM.fullmatch(part):
            return part
        if not _COMPONENT.fullmatch(part):
            return part
    return None


def _suggest(part: str) -> str:
    m = re.fullmatch(r"([A-Za-z]+)\s*\.?\s*(\d+)", part)
    if not m:
        return ""
    word = m[1].capitalize() if _MODIFIER.fullmatch(m[1]) else m[1].upper()
    return f' (did you mean "{word}.{m[2]}"?)'


@rule("RD701", "symbol-form", Severity.ERROR, "Document symbols are well formed (A/C.3/80/L.21/Rev.1).")
def symbol_form(doc: Document) -> Iterator[Finding]:
    """A document symbol is a series of components separated by slashes: the organ (A, S, E),
    bodies (C.3, AC.109, HRC), the session or year, special components (L.21, RES, PV.46) and
    modifiers (Add.3, Rev.1, Corr.1). Case and full stops are significant; there are no
    spaces inside a symbol.

    Bad::

        A/C3/80/L21/rev1

    Good::

        A/C.3/80/L.21/Rev.1
    """
    for passage in doc.all_passages:
        for m in _SYMBOL_LIKE.finditer(passage.text):
            start = m.start()
            for symbol in _DOUBLE.split(m.group().rstrip(".")):
                bad = _bad_component(symbol)
                if bad is not None:
                    span = passage.span_of(start, start + len(symbol))
                    yield Finding(f'malformed document symbol "{symbol}": component "{bad}"{_suggest(bad)}', span)
                start += len(symbol) + 1
    header = doc.res.header
    line = header.line(HeaderField.SYMBOL)
    if header.symbol and line is not None and (bad := _bad_component(header.symbol)) is not None:
        yield Finding(f'malformed document symbol "{header.symbol}": component "{bad}"{_suggest(bad)}', line.span)


@rule(
    "RD703",
    "symbol-matches-number",
    Severity.ERROR,
    "An adopted text's symbol agrees with the number printed before its title.",
)
def symbol_matches_number(doc: Document) -> Iterator[Finding]:
    """In an adopted resolution the symbol (A/RES/76/177, S/RES/2730 (2024)) and the number
    printed before the title (76/177.) name the same resolution.

    Bad::

        A/RES/76/177
        …
        76/178. Situation of human rights in the Democratic People's Republic of Korea

    Good::

        A/RES/76/177
        …
        76/177. Situation of human rights in the Democratic People's Republic of Korea
    """
    header = doc.res.header
    if doc.res.kind is not Kind.ADOPTED or not header.symbol or not header.number:
        return
    organ = organ_of_symbol(header.symbol)
    if organ is None or "/RES/" not in header.symbol:
        return
    expected = resolution_symbol(organ, header.number)
    if expected.replace(" ", "") != header.symbol.rstrip("*").replace(" ", ""):
        line = header.line(HeaderField.NUMBER_TITLE) or header.line(HeaderField.SC_SYMBOL)
        if line is not None:
            yield Finding(
                f'the number "{header.number}" does not match the symbol {header.symbol}; expected {expected}',
                line.span,
            )


@rule(
    "RD706",
    "symbol-half-width",
    Severity.ERROR,
    "Symbols are never written in full-width characters (Ａ／76／392).",
    languages=("zh",),
    fixable=True,
)
def symbol_half_width(doc: Document) -> Iterator[Finding]:
    """A document symbol is the same in every language version: Latin letters, ASCII digits and
    slashes, never full-width forms.

    Bad::

        秘书长的报告(Ａ／７６／３９２)，

    Good::

        秘书长的报告(A/76/392)，
    """
    for passage in doc.all_passages:
        for m in doc.lang.compiled["fullwidth_symbol"].finditer(passage.text):
            half = unicodedata.normalize("NFKC", m.group())
            fix = doc.replace(passage, m.start(), m.end(), half, f'write "{half}"')
            yield Finding(
                f'symbol "{m.group()}" in full-width characters; expected "{half}"',
                passage.span_of(m.start(), m.end()),
                fix,
            )
