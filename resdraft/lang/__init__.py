"""Everything that differs by language, as data: one module per language.

A :class:`Language` names the organ formulas, opening-phrase lexicons, the numbering scheme of
each sub-item level, the punctuation, and the patterns of the header and closing lines. Code
elsewhere asks the profile; it never branches on a language code.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import cache, cached_property

from resdraft.model import Emphasis, Organ
from resdraft.symbols import SYMBOL


@dataclass(frozen=True)
class Punctuation:
    """The language's own marks, and every form of each that a text may carry (extracted
    Chinese often has ASCII ``,`` and ``;``), for recognising what a paragraph ends with."""

    comma: str
    semicolon: str
    colon: str
    full_stop: str
    commas: str
    semicolons: str
    colons: str
    full_stops: str

    @cached_property
    def terminal(self) -> str:
        """What may end a preambular or operative paragraph or a lead-in."""
        return self.commas + self.semicolons + self.colons + self.full_stops

    @cached_property
    def terminal_endings(self) -> tuple[str, ...]:
        """``terminal`` as the tuple ``str.endswith`` takes (made once: asked on every line)."""
        return tuple(self.terminal)


@dataclass(frozen=True)
class ReferenceForms:
    """How a text of this language points at its own operative paragraphs and sub-items
    ("paragraph 5 above", "上文第5段", "subparagraph (b) above"), as regular expressions.

    ``paragraph`` and ``item`` find a whole reference: group ``refs`` holds the members, group
    ``dir`` the optional direction. ``member`` finds each member inside ``refs``: groups
    ``num``, ``suffix`` ("bis"), ``item`` ((a)) and ``sub`` ((i) / (一)). ``range`` separates
    the two ends of a range ("3 to 5", "3至5"). A reference with no direction is another
    document's when ``external_after`` matches right after it ("paragraph 8 of resolution …")
    (matched at its end) or ``external_before`` matches the text just before it ("第2397(2017)号决议第8段").
    ``backward`` and ``forward`` are the direction words ("above", "上文")."""

    paragraph: str
    item: str
    member: str
    range: str
    backward: str
    forward: str
    external_after: str
    external_before: str
    hint: str  # a word every reference contains: texts without it are not searched ("paragraph", "段")

    @cached_property
    def compiled(self) -> CompiledPatterns:
        names = ("paragraph", "item", "member", "range", "external_after", "external_before")
        return CompiledPatterns({name: getattr(self, name) for name in names})


class CompiledPatterns(dict[str, re.Pattern[str]]):
    """A language's patterns by name, each compiled when first asked for: a run pays only for
    those its text needs (compiling them all costs ~3 ms at start-up, a third of it for
    patterns a check of a Chinese text never uses). Meant for lookups: ``[name]`` at a dict's
    speed once compiled, and ``get``; ``in``, ``len`` and iteration see only the patterns
    compiled so far."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self._sources = sources

    def __missing__(self, name: str) -> re.Pattern[str]:
        pattern = self[name] = re.compile(self._sources[name])
        return pattern

    def get(self, name: str, default: re.Pattern[str] | None = None) -> re.Pattern[str] | None:  # type: ignore[override]
        return self[name] if name in self._sources else default


def masthead_patterns(united_nations: str, organs: str) -> dict[str, str]:
    """Masthead line patterns: the organisation's and organs' names are the language's; the
    symbol, "Distr.: …" and "Original: …" stay in English in every language version."""
    return {
        "symbol_line": rf"^(?:(?:{united_nations})\s+)?(?P<symbol>{SYMBOL})(?:\s+(?P<distr>Distr\.:\s*\w+))?$",
        "distribution": rf"^(?:(?:{organs})\s+)?Distr\.:\s*\w+$",
        "original": r"^Original:\s*\w+$",
    }


@dataclass(frozen=True)
class Language:
    """One language's profile: formulas, phrase lexicons, numbering schemes, punctuation and
    patterns, as data (see ``en.py`` and ``zh.py``)."""

    code: str  # ISO 639-1, used in xml:lang
    akn: str  # ISO 639-2/T, used in FRBR
    name: str
    formulas: dict[Organ, str]  # organ -> formula without its final comma
    preambular_phrases: tuple[str, ...]
    operative_phrases: tuple[str, ...]
    # words that may precede / follow a lexicon phrase and belong to it ("Also", "further")
    phrase_prefixes: tuple[str, ...]
    phrase_suffixes: tuple[str, ...]
    punctuation: Punctuation
    item_schemes: tuple[str, ...]  # scheme names per level (for the linter), see resdraft.numbering
    spaced_words: bool  # words are separated by spaces (not so in Chinese)
    # header, closing and in-text patterns, by name (see en.py for the full set)
    patterns: dict[str, str]
    organ_names: dict[str, Organ]  # how running text and header lines name each organ
    list_separator: str  # regex between the members of a list ("A, B and C", "甲、乙和丙") …
    list_conjunction: str  # … and before its last member
    months: tuple[str, ...] = ()  # month names in dates of this language's texts
    committees: tuple[str, ...] = ()  # names of the six Main Committees, in order
    fronted_marker: str | None = None  # "对" in Chinese: the key phrase may stand later
    closing_order: tuple[str, str] = ("meeting", "date")
    ordinal_words: dict[str, int] = field(default_factory=dict)
    # character-for-character folding applied before matching lexicons and patterns
    # (traditional -> simplified Chinese); the text itself is never changed
    fold_table: dict[int, str] = field(default_factory=dict)
    # how the opening phrases are set when the input carries formatting (None: not set apart)
    preambular_emphasis: Emphasis | None = None
    operative_emphasis: Emphasis | None = None
    # do preambular and operative openers differ in their head word ("Recalling" / "Recalls")?
    # Not in Chinese, where 欢迎, 谴责, 重申 … open both kinds of paragraph
    distinct_openers: bool = False
    references: ReferenceForms | None = None  # internal cross-references (None: not recognised)

    @property
    def joiner(self) -> str:
        """What joins two wrapped lines of one paragraph."""
        return " " if self.spaced_words else ""

    def fold(self, text: str) -> str:
        foldable = self._foldable
        return text.translate(self.fold_table) if foldable is not None and foldable.search(text) else text

    @cached_property
    def _foldable(self) -> re.Pattern[str] | None:
        """The characters folding changes. Most texts hold none, and finding that out is far
        cheaper than translating them (``str.translate`` looks every character up)."""
        if not self.fold_table:
            return None
        return re.compile("[" + re.escape("".join(map(chr, self.fold_table))) + "]")

    @cached_property
    def compiled(self) -> CompiledPatterns:
        return CompiledPatterns(self.patterns)

    @cached_property
    def _phrase_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        phrases = sorted(set(self.preambular_phrases) | set(self.operative_phrases), key=len, reverse=True)
        alt = "|".join(re.escape(p) for p in phrases)
        pre = "|".join(re.escape(p) for p in sorted(self.phrase_prefixes, key=len, reverse=True))
        post = "|".join(re.escape(p) for p in sorted(self.phrase_suffixes, key=len, reverse=True))
        sep = r"\s+" if self.spaced_words else r"\s*"
        prefix = f"(?:(?:{pre}){sep})*" if pre else ""
        suffix = f"(?:{sep}(?:{post}))*" if post else ""
        boundary = r"(?![^\W\d_])" if self.spaced_words else ""
        # after a modifier the verb is lower-case ("Also requests"): that form matches without case
        flags = re.IGNORECASE if self.spaced_words else 0
        bare = re.compile(f"(?:(?:{alt}){suffix}){boundary}")
        one_prefix = re.compile(f"(?:{pre}){sep}" if pre else r"(?!)", flags)
        return bare, re.compile(f"(?:{prefix}(?:{alt}){suffix}){boundary}", flags), one_prefix

    def match_phrase(self, text: str) -> re.Match[str] | None:
        """The longest opening phrase (with its modifiers) at the start of ``text``, which
        should already be folded. A regex alternation takes the first branch that fits, so
        the bare lexicon entry ("再次严重关切地强调指出"), the prefixed form ("再次" +
        "严重关切") and every split after leading modifiers are tried, and the longest wins.
        Only ``end()`` of the result is meaningful."""
        bare, prefixed, one_prefix = self._phrase_patterns
        longest = bare.match(text)
        if (m := prefixed.match(text)) and (longest is None or m.end() > longest.end()):
            longest = m
        pos = 0
        while (p := one_prefix.match(text, pos)) and p.end() > pos:
            pos = p.end()
            # "又" + the whole entry "再次严重关切地强调指出"; on a tie the earlier match stays
            if (m := bare.match(text, pos)) and (longest is None or m.end() > longest.end()):
                longest = m
        return longest

    def formula_organ(self, text: str) -> Organ | None:
        """The organ whose formula this line is (its comma optional)."""
        trailing, organs = self._formula_lookup
        return organs.get(text.strip().rstrip(trailing).strip())

    @cached_property
    def _formula_lookup(self) -> tuple[str, dict[str, Organ]]:
        """The marks a formula may end with, and the organ of each formula (the first organ
        listed wins should two share one), made once: every line is asked."""
        marks = self.punctuation
        organs: dict[str, Organ] = {}
        for organ, formula in self.formulas.items():
            organs.setdefault(formula, organ)
        return marks.commas + marks.semicolons + marks.colons, organs

    def month_number(self, name: str) -> int | None:
        try:
            return self.months.index(name) + 1
        except ValueError:
            return None


def _registry() -> dict[str, Language]:
    from resdraft.lang import en, zh

    return {lang.code: lang for lang in (en.LANGUAGE, zh.LANGUAGE)}


_LANGUAGES: dict[str, Language] | None = None


def languages() -> dict[str, Language]:
    global _LANGUAGES
    if _LANGUAGES is None:
        _LANGUAGES = _registry()
    return _LANGUAGES


def get(code: str) -> Language:
    from resdraft.errors import ResdraftError

    try:
        return languages()[code]
    except KeyError:
        known = ", ".join(sorted(languages()))
        raise ResdraftError(f"unsupported language {code!r} (known: {known})") from None


# CJK ideographs: unified (with extension A) and compatibility
IDEOGRAPH_RANGES = (("\u3400", "\u9fff"), ("\uf900", "\ufaff"))


@cache  # compiled when first needed (~0.7 ms): an English text is told without it
def _ideograph_runs() -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{low}-{high}" for low, high in IDEOGRAPH_RANGES) + "]+")


def is_ideograph(ch: str) -> bool:
    """Is ``ch`` a CJK ideograph? (A comparison, not a regex class: compiling a class over
    28,000 code points costs ~0.7 ms, for callers that look at a handful of characters.)"""
    return any(low <= ch <= high for low, high in IDEOGRAPH_RANGES)


_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_DETECTION_SAMPLE = 20000  # characters read to tell the language
_CJK_STEP = 1000  # ideographs are counted this many characters at a time


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the pattern matches (deleting them is one pass in C;
    findall would make an object per character)."""
    return len(text) - len(pattern.sub("", text))


def detect(text: str) -> Language:
    """Chinese when CJK ideographs outnumber a fifth of the Latin letters, else English."""
    sample = text[:_DETECTION_SAMPLE]
    # the Latin letters: the sample's ASCII, then the letters deleted from it (in C, no regex)
    ascii_part = sample.encode("ascii", "ignore")
    latin = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    # the ideographs only as far as needed: no more than the non-ASCII characters, and no fewer
    # than those of the part read so far
    if (len(sample) - len(ascii_part)) * 5 <= latin:
        return get("en")
    cjk = 0
    for start in range(0, len(sample), _CJK_STEP):
        cjk += _count(_ideograph_runs(), sample[start : start + _CJK_STEP])
        if cjk * 5 > latin:
            return get("zh")
    return get("en")
