"""The document model every stage shares: readers -> normalised lines -> grammar -> model ->
rules / XML / text.

Plain dataclasses. Every node carries a :class:`Span` in the *original* input; spans (and the
source maps behind them) are excluded from equality, so two models of the same resolution
compare equal whatever file they came from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Span:
    """1-based line and column (in Unicode code points) of the first character, and the
    line/column just past the last one."""

    line: int
    column: int
    end_line: int
    end_column: int


NO_SPAN = Span(0, 0, 0, 0)


@dataclass(frozen=True)
class SourceMap:
    """Maps an offset in a normalised text back to the original line and column.

    ``anchors`` holds ``(offset, line, column)`` for every point where the original text
    stops being contiguous (a new line, removed mark-up); between anchors the text is a
    verbatim copy of the source.
    """

    anchors: tuple[tuple[int, int, int], ...] = ()

    def locate(self, offset: int) -> tuple[int, int]:
        if not self.anchors:
            return (0, 0)
        i = max(bisect_right(self.anchors, (offset, 1 << 62, 0)) - 1, 0)
        start, line, column = self.anchors[i]
        return (line, column + max(offset - start, 0))

    def span(self, start: int, end: int) -> Span:
        line, column = self.locate(start)
        end_line, end_column = self.locate(max(end - 1, start))
        return Span(line, column, end_line, end_column + (1 if end > start else 0))


EMPTY_MAP = SourceMap()


class Emphasis(StrEnum):
    """How the input marked a run of text. ``UNKNOWN``: the input carries no formatting at
    all (plain or PDF-extracted text), so nothing can be said."""

    ITALIC = "italic"
    BOLD = "bold"
    NONE = "none"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class EmphasisRun:
    """Characters ``start``–``end`` of a passage's text and their emphasis."""

    start: int
    end: int
    emphasis: Emphasis


@dataclass(frozen=True)
class NoteRef:
    """A footnote call-out at ``offset`` in its passage's text; the printed marker is not
    part of the text."""

    marker: str
    offset: int
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True)
class Phrase:
    """The opening phrase of a paragraph (``Recalling also``, ``Decides``, ``深表遗憾``).
    ``offset`` is where it stands in the paragraph text: 0 except for fronted Chinese
    phrases (``对……深表遗憾``)."""

    text: str
    offset: int
    emphasis: Emphasis
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass
class Passage:
    """A run of running text: the text without mark-up or footnote markers, plus where the
    markers and emphasis stood."""

    text: str
    notes: list[NoteRef] = field(default_factory=list)
    emphasis: list[EmphasisRun] = field(default_factory=list, compare=False)
    span: Span = field(default=NO_SPAN, compare=False)
    source: SourceMap = field(default=EMPTY_MAP, compare=False, repr=False)

    def span_of(self, start: int, end: int) -> Span:
        return self.source.span(start, end) if self.source.anchors else self.span


class Organ(StrEnum):
    GA = "GA"
    SC = "SC"
    HRC = "HRC"
    ECOSOC = "ECOSOC"


class Kind(StrEnum):
    ADOPTED = "adopted"
    DRAFT = "draft"


class HeaderField(StrEnum):
    """What a header line is. The values are also the ``class`` of its ``<p>`` in AKN."""

    SYMBOL = "symbol"
    DISTRIBUTION = "distribution"
    MASTHEAD = "masthead"
    ISSUE_DATE = "issueDate"
    ORIGINAL = "originalLanguage"
    SESSION = "session"
    COMMITTEE = "committee"
    AGENDA_ITEM = "agendaItem"
    AGENDA_TITLE = "agendaTitle"
    ADOPTED = "adopted"
    REPORT = "report"
    SPONSORS = "sponsors"
    NUMBER_TITLE = "numberTitle"
    TITLE = "title"
    SC_SYMBOL = "scSymbol"
    SC_ADOPTED = "scAdopted"
    OTHER = "other"
    # lines of the closing block
    DATE = "date"
    MEETING = "meeting"
    VOTE = "vote"


@dataclass
class HeaderLine:
    """One line of the header (symbol, session, agenda item, title …) with what it is."""

    field: HeaderField
    text: str
    span: Span = field(default=NO_SPAN, compare=False)
    # footnote call-outs on the line ("76/177. Title¹"); AKN places them at the line's end
    notes: list[NoteRef] = field(default_factory=list)


@dataclass
class Header:
    """The lines before the organ formula, in order, with the facts read from them."""

    lines: list[HeaderLine] = field(default_factory=list)
    symbol: str | None = None
    number: str | None = None  # "76/177", "2730 (2024)"
    title: str | None = None
    session: int | None = None
    agenda_item: str | None = None
    committee: int | None = None  # 1..6 for the Main Committees
    adopted_date: str | None = None  # ISO
    issue_date: str | None = None  # ISO, masthead date
    meeting: str | None = None
    report_symbols: list[str] = field(default_factory=list)
    sponsors: list[str] = field(default_factory=list)

    def line(self, kind: HeaderField) -> HeaderLine | None:
        return next((ln for ln in self.lines if ln.field is kind), None)


@dataclass
class Formula:
    """The organ formula, ``The General Assembly,`` / ``大会，``."""

    text: str
    organ: Organ
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass
class Item:
    """A sub-item ``(a)``, ``(i)``, ``(一)``, ``a.``… ``level`` is 1 for (a), 2 for (i)/(一)."""

    label: str  # as printed, "(a)"
    key: str  # language-independent: "a", "i" (also for "(一)"), "aa"
    level: int
    text: Passage
    items: list[Item] = field(default_factory=list)
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass
class PreambularParagraph:
    """A preambular paragraph: its text, the opening phrase found in it, its sub-items."""

    text: Passage
    phrase: Phrase | None
    items: list[Item] = field(default_factory=list)
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass
class OperativeParagraph:
    """``label`` is the number as printed (``"5."``, ``"5 bis."``, ``"11"``) or None for the
    single unnumbered operative paragraph."""

    label: str | None
    number: int | None
    text: Passage
    phrase: Phrase | None
    items: list[Item] = field(default_factory=list)
    suffix: str | None = None  # "bis", "ter", "alt", "new"
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass
class Closing:
    """The lines after the operative part, in source order: meeting, date, vote line."""

    lines: list[HeaderLine] = field(default_factory=list)
    date: str | None = None
    meeting: str | None = None


@dataclass
class Section:
    """A division of the operative part: ``I`` + heading; or, with ``kind == "part"``, one
    part (A, B, …) of a composite resolution, which restates the formula and has its own
    preamble."""

    label: str
    heading: str | None
    paragraphs: list[OperativeParagraph] = field(default_factory=list)
    span: Span = field(default=NO_SPAN, compare=False)
    kind: str = "section"
    formula: Formula | None = None
    preamble: list[PreambularParagraph] = field(default_factory=list)
    closing: Closing | None = None  # a part's own meeting and date (all parts but the last)


@dataclass
class Footnote:
    """A footnote: the marker it is called by and its text."""

    marker: str
    text: Passage
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass
class Annex:
    """An annex after the resolution: its heading ("Annex", "附件"), title and paragraphs."""

    heading: str
    title: str | None
    paragraphs: list[Passage] = field(default_factory=list)
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass
class Resolution:
    """A resolution or draft resolution, from header to closing block and footnotes."""

    language: str  # "en", "zh", …
    organ: Organ
    kind: Kind
    header: Header
    formula: Formula | None
    preamble: list[PreambularParagraph]
    operative: list[OperativeParagraph]  # paragraphs outside any section
    sections: list[Section] = field(default_factory=list)
    closing: Closing | None = None
    footnotes: list[Footnote] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    formatted: bool = field(default=False, compare=False)  # input carried emphasis mark-up
    extracted: bool = field(default=False, compare=False)  # input is text extracted from a PDF
    path: str | None = field(default=None, compare=False)

    def all_operative(self) -> list[OperativeParagraph]:
        """Every operative paragraph in document order, sections included."""
        return self.operative + [p for s in self.sections for p in s.paragraphs]
