"""Parse tree -> document model. One job: give each block its meaning (which header field,
which opening phrase, which number) and assemble the :class:`~resdraft.model.Resolution`."""

from __future__ import annotations

import re
from datetime import date

from lark import Token, Transformer, Tree

from resdraft.errors import NotAResolution
from resdraft.lang import Language
from resdraft.model import (
    Annex,
    Closing,
    Emphasis,
    Footnote,
    Formula,
    Header,
    HeaderField,
    HeaderLine,
    Item,
    Kind,
    OperativeParagraph,
    Organ,
    Passage,
    Phrase,
    PreambularParagraph,
    Resolution,
    Section,
    Span,
)
from resdraft.normalize import Block, Normalised, drop
from resdraft.numbering import CJK_NUMERALS, cjk_to_int
from resdraft.symbols import NUMBER_TITLE, SYMBOL_IN_TEXT, organ_of_symbol

_FIELD = {
    "SYMBOL": HeaderField.SYMBOL,
    "DISTRIBUTION": HeaderField.DISTRIBUTION,
    "MASTHEAD": HeaderField.MASTHEAD,
    "ISSUE_DATE": HeaderField.ISSUE_DATE,
    "ORIGINAL": HeaderField.ORIGINAL,
    "SESSION": HeaderField.SESSION,
    "COMMITTEE": HeaderField.COMMITTEE,
    "AGENDA_ITEM": HeaderField.AGENDA_ITEM,
    "ADOPTED": HeaderField.ADOPTED,
    "REPORT": HeaderField.REPORT,
    "SPONSORS": HeaderField.SPONSORS,
    "NUMBER_TITLE": HeaderField.NUMBER_TITLE,
    "SC_SYMBOL": HeaderField.SC_SYMBOL,
    "SC_ADOPTED": HeaderField.SC_ADOPTED,
    "HEADER_TEXT": HeaderField.OTHER,
}
_IDENTITY = {
    HeaderField.ADOPTED,
    HeaderField.SC_ADOPTED,
    HeaderField.NUMBER_TITLE,
    HeaderField.SC_SYMBOL,
    HeaderField.SPONSORS,
}


def iso_date(match: re.Match[str] | None, lang: Language) -> str | None:
    """ISO date from a match with ``day``, ``month`` (name or number) and ``year`` groups."""
    if match is None or match.groupdict().get("year") is None or match.groupdict().get("day") is None:
        return None
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else lang.month_number(month_text)
    try:
        return date(int(match["year"]), month or 0, int(match["day"])).isoformat()
    except ValueError:
        return None


class _Builder(Transformer[Token, Resolution]):
    def __init__(self, norm: Normalised, lang: Language) -> None:
        # tokens stand for blocks, read by the rules' callbacks; none has its own (Lark's
        # __init__ sets visit_tokens on the instance, so a class attribute would not hold)
        super().__init__(visit_tokens=False)
        self.blocks = norm.blocks
        self.footnote_blocks = norm.footnotes
        self.lang = lang
        self.formatted = norm.formatted
        self.extracted = norm.extracted

    # -- helpers -----------------------------------------------------------------------
    def block(self, tok: Token) -> Block:
        i = tok.start_pos or 0
        n = len(self.blocks)
        return self.blocks[i] if i < n else self.footnote_blocks[i - n]

    def first_passage(self, children: list[object]) -> Passage:
        tok = children[0]
        assert isinstance(tok, Token)
        return self.block(tok).passage

    def phrase(self, p: Passage) -> Phrase | None:
        return find_phrase(p, self.lang, self.formatted)

    def _items(self, children: list[object]) -> list[Item]:
        items = next((c for c in children if isinstance(c, list)), [])
        _set_depth(items, 1)
        return items

    # -- header ------------------------------------------------------------------------
    def front(self, toks: list[Token]) -> Header:
        lines: list[HeaderLine] = []
        for k, tok in enumerate(toks):
            p = self.block(tok).passage
            kind = _FIELD[tok.type]
            if kind is HeaderField.OTHER:
                prev = lines[-1].field if lines else None
                if prev in (HeaderField.AGENDA_ITEM, HeaderField.AGENDA_TITLE) and k + 1 < len(toks):
                    kind = HeaderField.AGENDA_TITLE
                elif prev is HeaderField.SPONSORS or k == len(toks) - 1:
                    kind = HeaderField.TITLE
            lines.append(HeaderLine(kind, p.text, p.span, p.notes))
        return header_from_lines(lines, self.lang)

    # -- body --------------------------------------------------------------------------
    def body(self, children: list[object]) -> object:
        return children[0]

    def simple(self, children: list[object]) -> tuple[Formula | None, list[PreambularParagraph], object]:
        formula = None
        if isinstance(children[0], Token):
            formula = self.formula(children[0])
            children = children[1:]
        preamble, operative = children
        return (formula, preamble, operative)  # type: ignore[return-value]

    def formula(self, tok: Token) -> Formula:
        b = self.block(tok)
        organ = self.lang.formula_organ(self.lang.fold(b.passage.text)) or Organ.GA
        return Formula(b.passage.text, organ, b.passage.span)

    def parts(self, parts: list[Section]) -> tuple[None, list[PreambularParagraph], object]:
        return (None, [], ([], parts))

    def part_closing(self, toks: list[Token]) -> Closing:
        return self.closing_of(toks)

    def part(self, children: list[object]) -> Section:
        label_tok = children[0]
        assert isinstance(label_tok, Token)
        heading = None
        rest = children[1:]
        if isinstance(rest[0], Token) and rest[0].type == "HEADING":
            heading = self.block(rest[0]).passage.text
            rest = rest[1:]
        closing = rest.pop() if isinstance(rest[-1], Closing) else None
        formula_tok, preamble, operative = rest
        assert isinstance(formula_tok, Token)
        paragraphs, sections = operative  # type: ignore[misc]
        section = Section(
            self.block(label_tok).passage.text.rstrip("."),
            heading,
            paragraphs + [p for s in sections for p in s.paragraphs],
            self.block(label_tok).passage.span,
        )
        section.formula = self.formula(formula_tok)
        section.preamble = preamble  # type: ignore[assignment]
        section.kind = "part"
        section.closing = closing
        return section

    def preamble(self, paras: list[PreambularParagraph]) -> list[PreambularParagraph]:
        return paras

    def preambular_paragraph(self, children: list[object]) -> PreambularParagraph:
        p = self.first_passage(children)
        return PreambularParagraph(p, self.phrase(p), self._items(children), p.span)

    def operative(self, children: list[object]) -> tuple[list[OperativeParagraph], list[Section]]:
        paragraphs = [c for c in children if isinstance(c, OperativeParagraph)]
        sections = [c for c in children if isinstance(c, Section)]
        return paragraphs, sections

    def operative_paragraph(self, children: list[object]) -> OperativeParagraph:
        tok = children[0]
        assert isinstance(tok, Token)
        b = self.block(tok)
        p = b.passage
        m = b.match
        label, number, suffix = None, None, None
        if m is not None:
            label = p.text[: m.end()].strip()
            number = int(m["num"])
            suffix = m["suffix"]
            _drop_label(p, m.end())
        else:  # "[new]"
            end = p.text.index("]") + 1
            label = p.text[:end]
            suffix = "new"
            _drop_label(p, end)
        return OperativeParagraph(label, number, p, self.phrase(p), self._items(children), suffix, b.passage.span)

    def stray_paragraph(self, children: list[object]) -> OperativeParagraph:
        p = self.first_passage(children)
        return OperativeParagraph(None, None, p, self.phrase(p), self._items(children), None, p.span)

    def section(self, children: list[object]) -> Section:
        tok = children[0]
        assert isinstance(tok, Token)
        b = self.block(tok)
        heading = b.match["heading"] if b.match and b.match["heading"] else None
        rest = children[1:]
        if rest and isinstance(rest[0], Token):
            heading = self.block(rest[0]).passage.text
            rest = rest[1:]
        num = b.match["num"] if b.match else b.passage.text
        paragraphs = [c for c in rest if isinstance(c, OperativeParagraph)]
        return Section(num, heading, paragraphs, b.passage.span)

    # -- items -------------------------------------------------------------------------
    def items(self, children: list[Item]) -> list[Item]:
        return children

    def _item(self, children: list[object]) -> Item:
        tok = children[0]
        assert isinstance(tok, Token)
        b = self.block(tok)
        p = b.passage
        m = b.match
        assert m is not None
        label = m["label"].strip()
        _drop_label(p, m.end())
        nested = [c for c in children[1:] if isinstance(c, Item)]
        return Item(label, b.data["key"], 0, p, nested, p.span)  # level: see _set_depth

    item_a = item_b = item_c = item_d = _item

    # -- closing, annexes, footnotes ---------------------------------------------------
    def closing(self, toks: list[Token]) -> Closing:
        return self.closing_of(toks)

    def closing_of(self, toks: list[Token]) -> Closing:
        lines = []
        for tok in toks:
            b = self.block(tok)
            kind = {"meeting": HeaderField.MEETING, "date": HeaderField.DATE}.get(b.kind, HeaderField.VOTE)
            lines.append(HeaderLine(kind, b.passage.text, b.passage.span))
        return closing_from_lines(lines, self.lang)

    def annex(self, children: list[Token]) -> Annex:
        head = self.block(children[0])
        title = None
        paragraphs = []
        for tok in children[1:]:
            if tok.type == "HEADING":
                title = self.block(tok).passage.text
            else:
                paragraphs.append(self.block(tok).passage)
        return Annex(head.passage.text, title, paragraphs, head.passage.span)

    def footnote(self, children: list[Token]) -> Footnote:
        b = self.block(children[0])
        return Footnote(b.label or "", b.passage, b.passage.span)

    # -- the document ------------------------------------------------------------------
    def start(self, children: list[object]) -> Resolution:
        header = children[0]
        assert isinstance(header, Header)
        formula, preamble, (operative, sections) = children[1]  # type: ignore[misc]
        closing = next((c for c in children if isinstance(c, Closing)), None)
        annexes = [c for c in children if isinstance(c, Annex)]
        footnotes = [c for c in children if isinstance(c, Footnote)]
        identity = any(ln.field in _IDENTITY for ln in header.lines)
        parts_formula = next((s.formula for s in sections if getattr(s, "formula", None)), None)
        if formula is None and parts_formula is None and not identity:
            raise NotAResolution(
                "not a resolution: no organ formula (such as "
                f'"{self.lang.formulas[Organ.GA]}{self.lang.punctuation.comma}") and no resolution header'
            )
        if not preamble and not operative and not sections:
            raise NotAResolution("not a resolution: no preambular or operative paragraph found")
        if not operative and not sections and preamble:
            operative = _unnumbered_operative(preamble, self.lang)
        stated = formula or parts_formula
        organ = stated.organ if stated else _organ_from_header(header, self.lang)
        return Resolution(
            language=self.lang.code,
            organ=organ,
            kind=_kind(header, closing),
            header=header,
            formula=formula,
            preamble=preamble,
            operative=operative,
            sections=sections,
            closing=closing,
            footnotes=footnotes,
            annexes=annexes,
            formatted=self.formatted,
            extracted=self.extracted,
        )


def _pattern(kind: HeaderField, lang: Language) -> re.Pattern[str] | None:
    if kind is HeaderField.NUMBER_TITLE:
        return NUMBER_TITLE
    name = {
        HeaderField.SYMBOL: "symbol_line",
        HeaderField.ISSUE_DATE: "masthead_date",
        HeaderField.DATE: "date",
        HeaderField.AGENDA_ITEM: "agenda_item",
        HeaderField.SC_SYMBOL: "sc_symbol",
        HeaderField.SC_ADOPTED: "sc_adopted",
    }.get(kind, kind.value)
    return lang.compiled.get(name)


def header_match(line: HeaderLine, lang: Language) -> re.Match[str] | None:
    """Match a header or closing line against the pattern of its field (dates in a Chinese
    masthead are English, so the English date is tried too)."""
    pattern = _pattern(line.field, lang)
    folded = lang.fold(line.text)
    m = pattern.match(folded) if pattern else None
    if m is None and line.field is HeaderField.ISSUE_DATE:
        m = lang.compiled["date"].match(folded)  # a masthead date written in the language
    if m is not None and folded != line.text:
        return OriginalMatch(m, line.text)  # type: ignore[return-value]
    return m


class OriginalMatch:
    """A match made on folded text (traditional -> simplified Chinese) whose groups are read
    from the original text: folding is one character for one, so the offsets agree."""

    def __init__(self, match: re.Match[str], text: str) -> None:
        self._match = match
        self.string = text

    def __getitem__(self, group: int | str) -> str | None:
        start, end = self._match.span(group)
        return None if start < 0 else self.string[start:end]

    def group(self, group: int | str = 0) -> str | None:
        return self[group]

    def groupdict(self) -> dict[str, str | None]:
        return {name: self[name] for name in self._match.groupdict()}

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group)


def header_from_lines(lines: list[HeaderLine], lang: Language) -> Header:
    """The facts of a header (symbol, number, session, dates …) read from its lines."""
    header = Header(lines=lines)
    for line in lines:
        kind = line.field
        if kind is HeaderField.TITLE:
            header.title = line.text
        m = header_match(line, lang)
        if m is None:
            continue
        groups = m.groupdict()
        if kind is HeaderField.SYMBOL:
            header.symbol = groups["symbol"]
        elif kind is HeaderField.ISSUE_DATE:
            header.issue_date = iso_date(m, lang)
        elif kind is HeaderField.SESSION:
            header.session = session_number(groups["words"], lang)
        elif kind is HeaderField.COMMITTEE:
            header.committee = committee_number(line.text, lang)
        elif kind is HeaderField.AGENDA_ITEM:
            header.agenda_item = groups["item"].strip()
        elif kind is HeaderField.ADOPTED:
            header.adopted_date = iso_date(m, lang)
        elif kind is HeaderField.REPORT:
            docs = groups.get("docs") or groups.get("docs2") or ""
            header.report_symbols = SYMBOL_IN_TEXT.findall(docs)
            if groups.get("committee"):
                header.committee = committee_number(groups["committee"], lang)
        elif kind is HeaderField.SPONSORS:
            if groups.get("sponsors"):
                header.sponsors = split_list(groups["sponsors"], lang)
        elif kind is HeaderField.NUMBER_TITLE:
            header.number = re.sub(r"\s+", " ", groups["number"])
            header.title = groups["title"].strip()
        elif kind is HeaderField.SC_SYMBOL:
            header.number = f"{groups['number']} ({groups['year']})"
            header.adopted_date = iso_date(m, lang) or header.adopted_date  # "… Resolution of 14 June 1971"
        elif kind is HeaderField.SC_ADOPTED:
            header.adopted_date = iso_date(m, lang)
            header.meeting = groups["meeting"]
    return header


def closing_from_lines(lines: list[HeaderLine], lang: Language) -> Closing:
    closing = Closing(lines=lines)
    for line in lines:
        if line.field is HeaderField.DATE:
            closing.date = iso_date(header_match(line, lang), lang)
        elif line.field is HeaderField.MEETING:
            closing.meeting = line.text
    return closing


def _set_depth(items: list[Item], depth: int) -> None:
    """An item's level is its depth under the paragraph; whether its label has the scheme of
    that level ("(i)" at level 1?) is for the linter to say."""
    for item in items:
        item.level = depth
        _set_depth(item.items, depth + 1)


def _drop_label(p: Passage, end: int) -> None:
    """Take the printed number or label (and the space after it) out of the text."""
    drop(p, 0, end)
    drop(p, 0, len(p.text) - len(p.text.lstrip()))


def _unnumbered_operative(preamble: list[PreambularParagraph], lang: Language) -> list[OperativeParagraph]:
    """ "Adopts …." / "决定：" + items: a single unnumbered operative paragraph ends the text."""
    last = preamble[-1]
    end = last.text.text.rstrip()[-1:]
    if end in lang.punctuation.full_stops or (last.items and end in lang.punctuation.colons):
        preamble.pop()
        return [OperativeParagraph(None, None, last.text, last.phrase, last.items, None, last.span)]
    return []


def _organ_from_header(header: Header, lang: Language) -> Organ:
    if header.symbol and (organ := organ_of_symbol(header.symbol)):
        return organ
    for line in header.lines:
        if line.field is HeaderField.SC_ADOPTED or line.field is HeaderField.SC_SYMBOL:
            return Organ.SC
        for name, organ in lang.organ_names.items():
            if line.field is HeaderField.ADOPTED and name in line.text:
                return organ
    return Organ.GA


def _kind(header: Header, closing: Closing | None) -> Kind:
    fields = {ln.field for ln in header.lines}
    if HeaderField.SPONSORS in fields or (header.symbol and "/L." in header.symbol):
        return Kind.DRAFT
    if fields & {HeaderField.ADOPTED, HeaderField.SC_ADOPTED, HeaderField.NUMBER_TITLE, HeaderField.SC_SYMBOL}:
        return Kind.ADOPTED
    if (header.symbol and "/RES/" in header.symbol) or closing is not None:
        return Kind.ADOPTED
    return Kind.DRAFT


def session_number(words: str, lang: Language) -> int | None:
    if words.isdigit():  # ECOSOC: "2025 session"
        return int(words)
    if words[0] in CJK_NUMERALS:
        return cjk_to_int(words)
    return lang.ordinal_words.get(words.lower())


def committee_number(text: str, lang: Language) -> int | None:
    for i, name in enumerate(lang.committees, start=1):
        if name in text:
            return i
    return None


def split_list(text: str, lang: Language) -> list[str]:
    """ "A, B and C" -> [A, B, C]: split at the separators, then the last member at its first
    conjunction (so "Norway and Trinidad and Tobago" keeps Trinidad and Tobago whole)."""
    parts = [p.strip() for p in re.split(lang.list_separator, text) if p.strip()]
    if parts:
        parts[-1:] = [p.strip() for p in re.split(lang.list_conjunction, parts[-1], maxsplit=1) if p.strip()]
    return parts


def find_phrase(p: Passage, lang: Language, formatted: bool) -> Phrase | None:
    """The opening phrase: the emphasised run at the start, else the longest lexicon phrase,
    else (Chinese ``对……`` pattern) the first emphasised run or a known phrase closing the
    first clause; finally the first word of an unknown opener."""
    text = p.text
    folded = lang.fold(text)
    unmarked = Emphasis.NONE if formatted else Emphasis.UNKNOWN
    m = lang.match_phrase(folded)
    first = p.emphasis[0] if p.emphasis else None
    if first and first.start == 0 and first.emphasis is not Emphasis.UNKNOWN:
        end = first.end
        # emphasis running on past a known phrase into further words ("*Recalling its*"), or over
        # the whole paragraph: the phrase is the lexicon's, and the linter reports the spill
        if m and end > m.end() and (end - m.end() > 40 or text[m.end()].isspace()):
            end = m.end()
        # emphasis ending inside a word ("**Recall**ing"): the phrase is still the whole word
        if lang.spaced_words and 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            word_end = re.match(r"[\w'-]*", text[end:])
            end = max(m.end() if m else 0, end + (word_end.end() if word_end else 0))
        return _phrase(p, 0, end, first.emphasis, lang)
    if m:
        return _phrase(p, 0, m.end(), unmarked, lang)
    if lang.fronted_marker and folded.startswith(lang.fronted_marker):
        if first:
            return _phrase(p, first.start, first.end, first.emphasis, lang)
        clause = re.split(f"[{re.escape(lang.punctuation.terminal)}]", folded, maxsplit=1)[0]
        for phrase in sorted(lang.preambular_phrases + lang.operative_phrases, key=len, reverse=True):
            if clause.endswith(phrase):
                start = len(clause) - len(phrase)
                return _phrase(p, start, len(clause), unmarked, lang)
        return None
    if lang.spaced_words:
        word = re.match(r"[^\W\d_][\w'-]*", text)
        if word:
            return _phrase(p, 0, word.end(), unmarked, lang)
    return None


def _phrase(p: Passage, start: int, end: int, emphasis: Emphasis, lang: Language) -> Phrase:
    raw = p.text[start:end]
    text = raw.strip()
    start += len(raw) - len(raw.lstrip())
    end = start + len(text)
    # a space the PDF left where the typeface changed after a Chinese phrase
    if not lang.spaced_words and p.text[end : end + 1] == " " and not p.text[end + 1 : end + 2].isascii():
        drop(p, end, end + 1)
    return Phrase(text, start, emphasis, p.span_of(start, end))


def build(tree: Tree[Token], norm: Normalised, lang: Language) -> Resolution:
    return _Builder(norm, lang).transform(tree)


__all__ = ["Span", "build", "find_phrase"]
