"""United Nations document symbols: the same in every language version (A/76/462/Add.3 is
never translated), so this is shared data, not language data."""

from __future__ import annotations

import re

from resdraft.model import Organ

# organ or series / subsidiary bodies, session or year, special components / modifiers
SYMBOL = (
    r"(?:A|S|E|T|ST|UNEP|TD|DP|(?:CRC|CEDAW|CCPR|CAT|CERD|CESCR|CMW|CRPD|CED)/C)"
    r"(?:/(?:C\.[1-6]|AC\.\d+|CN\.\d+|CONF\.\d+|GC(?:\.\d+)?|PC\.\d+|SC\.\d+|Sub\.\d+|WG\.\d+"
    r"|HRC|BUR|INF|PRST|RES|ES-\d+|S-\d+|\d{1,4}|L\.\d+|PV\.\d+|SR\.\d+|CRP\.\d+|WP\.\d+|NGO))+"
    r"(?:/(?:Add|Corr|Rev|Amend)\.\d+)*(?:\s?\(\d{4}\))?\*?"
)
# in running text a symbol starts after anything but a letter, digit or slash (CJK included)
SYMBOL_IN_TEXT = re.compile(rf"(?<![A-Za-z0-9/]){SYMBOL}(?![A-Za-z0-9])")

# "76/177. Title", "ES-11/1. Title", "2025/7. Title", "31/6 A. Title": a number, then the title
NUMBER_TITLE = re.compile(
    r"^(?P<number>(?:(?:S|ES)-\d+|\d{1,4})/\d{1,4}(?:\s?[A-Z](?:\s(?:and|to)\s[A-Z])?)?)\.\s*(?P<title>\S.*)$"
)

_RESOLUTION_SYMBOL = {Organ.GA: "A/RES/{}", Organ.SC: "S/RES/{}", Organ.HRC: "A/HRC/RES/{}", Organ.ECOSOC: "E/RES/{}"}


def organ_of_symbol(symbol: str) -> Organ | None:
    """A/RES -> GA, S/RES -> SC, A/HRC -> HRC, E/ -> ECOSOC (drafts alike)."""
    if symbol.startswith("A/HRC/"):
        return Organ.HRC
    return {"A": Organ.GA, "S": Organ.SC, "E": Organ.ECOSOC}.get(symbol.split("/", 1)[0])


def resolution_symbol(organ: Organ, number: str) -> str:
    """The symbol of an adopted resolution: 76/177 of the GA -> A/RES/76/177."""
    return _RESOLUTION_SYMBOL[organ].format(number)


def resolution_symbols(number: str) -> set[str]:
    """Every symbol a resolution numbered ``number`` may carry (for running heads)."""
    return {template.format(number) for template in _RESOLUTION_SYMBOL.values()} | {
        template.format(number.replace(" ", "")) for template in _RESOLUTION_SYMBOL.values()
    }


# a resolution number as cited: 75/190, 31/6 A, S-27/2, ES-11/1, 2231 (2015), 217 A (III), 2024/8
RESOLUTION_NUMBER = (
    r"(?:S-|ES-)?\d{1,2}/\d{1,3}(?:\s?[A-Z](?![A-Za-z]))?|\d{1,4}\s?\(\d{4}\)"
    r"|\d{1,4}\s?[A-Z]?\s?\((?:[IVXLC]+|S-[IVXLC]+|ES-[IVXLC]+)\)|\d{4}/\d{1,3}"
)


def normalise_number(number: str) -> str:
    """One spelling per resolution number: "2231(2015)" -> "2231 (2015)", single spaces."""
    number = re.sub(r"\s+", " ", number.strip())
    return re.sub(r"(?<=[\dA-Z])\(", " (", number)
