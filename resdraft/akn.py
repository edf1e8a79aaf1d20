"""Model -> Akoma Ntoso 3.0 XML following AKN4UN and the settled decisions in the design.

One merged ``<statement>`` per resolution (the two-level publication model is not used):
the masthead goes in ``<coverPage>``, the other header lines in ``<preface>``; each header
and closing line is a ``<p class="{field}">`` so that :mod:`resdraft.akn_read` can read it
back. Output depends on the model only, never on the clock: identical input, identical bytes.

Cited documents become ``<ref>``: symbols as ``/akn/un/doc/{symbol}`` (``/`` -> ``-``,
space -> ``_``); resolutions as ``/akn/un/statement/deliberation/{actor}/{date}/{number}``
where the date is the one printed with the citation, else the year derived from the number
(GA session N -> 1945 + N; Security Council "(YYYY)"), else ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from resdraft import lang as languages
from resdraft.build import header_match, iso_date
from resdraft.citations import Citation, citations, year_of
from resdraft.lang import Language
from resdraft.model import (
    Annex,
    Formula,
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
)
from resdraft.numbering import section_key
from resdraft.symbols import SYMBOL_IN_TEXT, resolution_symbol

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_A = f"{{{AKN_NS}}}"
ACTORS = {Organ.GA: "un-ga", Organ.SC: "un-sc", Organ.HRC: "un-hrc", Organ.ECOSOC: "un-ecosoc"}
ORGAN_NAMES = {
    Organ.GA: "General Assembly",
    Organ.SC: "Security Council",
    Organ.HRC: "Human Rights Council",
    Organ.ECOSOC: "Economic and Social Council",
}
UNKNOWN_DATE = "0001-01-01"
PREAMBULAR_PHRASE = "preambularPhrase"
OPERATIVE_PHRASE = "operativePhrase"
_COVER = {
    HeaderField.SYMBOL,
    HeaderField.DISTRIBUTION,
    HeaderField.MASTHEAD,
    HeaderField.ISSUE_DATE,
    HeaderField.ORIGINAL,
}
_PREFACE_GROUP = {
    HeaderField.SESSION: "session",
    HeaderField.COMMITTEE: "session",
    HeaderField.AGENDA_ITEM: "session",
    HeaderField.AGENDA_TITLE: "session",
    HeaderField.ADOPTED: "adoption",
    HeaderField.REPORT: "adoption",
    HeaderField.SC_ADOPTED: "adoption",
    HeaderField.SPONSORS: "proponents",
}
# element-only parents (their Clark names), indented in the output; everything else keeps its text untouched
_STRUCTURAL = {
    _A + name
    for name in (
        "akomaNtoso",
        "statement",
        "doc",
        "meta",
        "identification",
        "FRBRWork",
        "FRBRExpression",
        "FRBRManifestation",
        "references",
        "notes",
        "note",
        "coverPage",
        "preface",
        "preamble",
        "mainBody",
        "conclusions",
        "attachments",
        "attachment",
        "container",
        "formula",
        "paragraph",
        "section",
        "part",
        "list",
        "intro",
        "point",
        "content",
        "blockList",
        "item",
        "authorialNote",
    )
}


def sanitize(number: str) -> str:
    """AKN4UN number segment: ``/`` -> ``-``, spaces -> ``_``."""
    return re.sub(r"\s+", "_", number.strip()).replace("/", "-")


def work_number(res: Resolution) -> str:
    h = res.header
    if res.kind is Kind.ADOPTED:
        return h.number or h.symbol or "unnumbered"
    return h.symbol or h.number or "unnumbered"


def actor(res: Resolution) -> str:
    base = ACTORS[res.organ]
    if res.kind is Kind.DRAFT and res.organ is Organ.GA and res.header.committee:
        return f"{base}-c{res.header.committee}"
    return base


def work_date(res: Resolution) -> tuple[str, str]:
    """The Work date and its FRBRdate/@name: adoption date (adopted texts) or issue date
    (drafts); else 1 January of the year the number gives ("2730 (2024)"); else a placeholder."""
    h = res.header
    closing = res.closing.date if res.closing else None
    adopted = res.kind is Kind.ADOPTED
    found = (h.adopted_date or closing or h.issue_date) if adopted else (h.issue_date or h.adopted_date or closing)
    if found:
        return found, "adoption" if adopted else "issue"
    year = re.search(r"\((\d{4})\)", h.number or "")
    if year:
        return f"{year[1]}-01-01", "year"
    return UNKNOWN_DATE, "unknown"


class _Ids:
    """eIds unique within the statement: the n-th repeat of a label gets ``_n``."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def fresh(self, eid: str) -> str:
        self.seen[eid] = self.seen.get(eid, 0) + 1
        return eid if self.seen[eid] == 1 else f"{eid}_{self.seen[eid]}"


_CONCEPTS = {"publicationDate": "publication date", "adoptionDate": "adoption date", "symbol": "document symbol"}


@dataclass
class _Writer:
    """Writes one resolution as an AKN tree, collecting the TLC references it makes."""

    res: Resolution
    lang: Language
    tlcs: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    notes_written: set[str] = field(default_factory=set)
    footnotes: dict[str, Passage] = field(default_factory=dict)

    def el(
        self, parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str | None
    ) -> etree._Element:
        if attrs and ("class_" in attrs or None in attrs.values()):  # "class" is a keyword; None: no attribute
            attrs = {k.rstrip("_"): v for k, v in attrs.items() if v is not None}
        node = etree.Element(_A + tag, attrs) if parent is None else etree.SubElement(parent, _A + tag, attrs)
        if text is not None:
            node.text = text
        return node

    def refers(self, eid: str, kind: str, show_as: str) -> str:
        """A ``refersTo`` value; the TLC it names is added to ``<references>``."""
        self.tlcs.setdefault(eid, (kind, f"/akn/ontology/{kind.removeprefix('TLC').lower()}/un/{eid}", show_as))
        return f"#{eid}"

    # -- document --------------------------------------------------------------------------
    def document(self) -> etree._Element:
        res = self.res
        self.footnotes = {fn.marker: fn.text for fn in res.footnotes}
        root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS})
        name = "resolution" if res.kind is Kind.ADOPTED else "resolutionDraft"
        st = self.el(root, "statement", name=name, contains="originalVersion")
        meta = self.el(st, "meta")
        self.cover_page(st)
        self.preface(st)
        self.preamble(st)
        self.main_body(st)
        self.conclusions(st)
        self.attachments(st)
        self.meta(meta, name)
        return root

    def meta(self, meta: etree._Element, name: str, component: str = "main") -> None:
        res = self.res
        number = sanitize(work_number(res))
        date, date_name = work_date(res)
        work = f"/akn/un/statement/deliberation/{actor(res)}/{date}/{number}"
        expr = f"{work}/{self.lang.akn}@{date}"
        author = self.refers(actor(res), "TLCOrganization", ORGAN_NAMES[res.organ])
        ident = self.el(meta, "identification", source="#resdraft")
        w = self.el(ident, "FRBRWork")
        self.el(w, "FRBRthis", value=f"{work}/!{component}")
        self.el(w, "FRBRuri", value=work)
        self.el(w, "FRBRdate", date=date, name=date_name)
        self.el(w, "FRBRauthor", href=author)
        self.el(w, "FRBRcountry", value="un")
        self.el(w, "FRBRsubtype", value="deliberation")
        self.el(w, "FRBRnumber", value=number, showAs=work_number(res))
        self.el(w, "FRBRname", value=name)
        e = self.el(ident, "FRBRExpression")
        self.el(e, "FRBRthis", value=f"{expr}/!{component}")
        self.el(e, "FRBRuri", value=expr)
        self.el(e, "FRBRdate", date=date, name=date_name)
        self.el(e, "FRBRauthor", href=author)
        self.el(e, "FRBRlanguage", language=self.lang.akn)
        m = self.el(ident, "FRBRManifestation")
        self.el(m, "FRBRthis", value=f"{expr}/!{component}.xml")
        self.el(m, "FRBRuri", value=f"{expr}/.xml")
        self.el(m, "FRBRdate", date=date, name="markup")
        self.el(m, "FRBRauthor", href=self.refers("resdraft", "TLCOrganization", "resdraft"))
        self.el(m, "FRBRformat", value="xml")
        show = symbol(res)
        self.el(
            meta,
            "publication",
            date=res.header.issue_date or date,
            name="resolution" if res.kind is Kind.ADOPTED else "draftResolution",
            showAs=show,
        )
        if component != "main":
            return  # an annex shares the resolution's references (eIds are unique per statement)
        refs = self.el(meta, "references", source="#resdraft")
        for eid, (kind, href, show_as) in sorted(self.tlcs.items(), key=lambda kv: (kv[1][0], kv[0])):
            self.el(refs, kind, eId=eid, href=href, showAs=show_as)
        orphans = [m for m in self.footnotes if m not in self.notes_written]
        if orphans:
            notes = self.el(meta, "notes", source="#resdraft")
            for marker in orphans:
                note = self.el(notes, "note", eId=f"note_{sanitize(marker)}", marker=marker, class_="orphan")
                self.passage(self.el(note, "p"), self.footnotes[marker], None, None)

    # -- header ----------------------------------------------------------------------------
    def cover_page(self, st: etree._Element) -> None:
        lines = [ln for ln in self.res.header.lines if ln.field in _COVER]
        if not lines:
            return
        cover = self.el(st, "coverPage")
        box = self.el(cover, "container", name="masthead", eId="coverPage__container_1")
        for line in lines:
            self.header_line(box, line)

    def preface(self, st: etree._Element) -> None:
        preface = self.el(st, "preface")
        lines = [ln for ln in self.res.header.lines if ln.field not in _COVER]
        groups: list[tuple[str, list[HeaderLine]]] = []
        for line in lines:
            group = _PREFACE_GROUP.get(line.field, "title")
            if not groups or groups[-1][0] != group:
                groups.append((group, []))
            groups[-1][1].append(line)
        if not groups:
            self.el(self.el(preface, "container", name="title", eId="preface__container_1"), "p")
        for i, (group, group_lines) in enumerate(groups, start=1):
            box = self.el(preface, "container", name=group, eId=f"preface__container_{i}")
            for line in group_lines:
                self.header_line(box, line)

    def header_line(self, box: etree._Element, line: HeaderLine) -> None:
        p = self.el(box, "p", class_=line.field.value)
        self.header_content(p, line)
        for note in line.notes:
            self.note(p, note.marker)

    def header_content(self, p: etree._Element, line: HeaderLine) -> None:
        """The line's text with the inline elements its field calls for."""
        text = line.text
        m = header_match(line, self.lang)
        kind = line.field
        if kind is HeaderField.SESSION and self.res.header.session:
            refers = self.refers("session", "TLCEvent", text)
            self.el(p, "session", text, value=str(self.res.header.session), refersTo=refers)
        elif kind in (HeaderField.ISSUE_DATE, HeaderField.DATE):
            date = iso_date(m, self.lang)
            ref = "publicationDate" if kind is HeaderField.ISSUE_DATE else "adoptionDate"
            if date:
                self.el(p, "docDate", text, date=date, refersTo=self.refers(ref, "TLCConcept", _CONCEPTS[ref]))
            else:
                p.text = text
        elif kind is HeaderField.NUMBER_TITLE and m:
            self.el(p, "docNumber", m["number"]).tail = text[m.end("number") : m.start("title")]
            self.el(p, "docTitle", text[m.start("title") :])
        elif kind is HeaderField.TITLE:
            self.el(p, "docTitle", text)
        elif kind is HeaderField.SYMBOL and m:
            p.text = text[: m.start("symbol")]
            self.el(p, "docNumber", m["symbol"], refersTo=self.refers("symbol", "TLCConcept", _CONCEPTS["symbol"]))
            _append(p, text[m.end("symbol") :])
        elif kind is HeaderField.COMMITTEE and self.res.header.committee:
            c = self.res.header.committee
            self.el(p, "docCommittee", text, refersTo=self.refers(f"un-ga-c{c}", "TLCOrganization", text))
        elif kind is HeaderField.SPONSORS:
            self.el(p, "docProponent", text, refersTo=self.refers("sponsors", "TLCRole", "sponsors"))
        elif kind in (HeaderField.ADOPTED, HeaderField.SC_ADOPTED) and m and m.groupdict().get("year"):
            date = iso_date(m, self.lang) or UNKNOWN_DATE
            start, end = _date_span(m)
            p.text = text[:start]
            self.el(
                p,
                "docDate",
                text[start:end],
                date=date,
                refersTo=self.refers("adoptionDate", "TLCConcept", _CONCEPTS["adoptionDate"]),
            )
            _append(p, text[end:])
        elif kind is HeaderField.MEETING:
            number = re.search(r"\d+", text)  # one TLC per meeting, the same in every language
            eid = f"meeting-{number[0]}" if number else "meeting"
            self.el(p, "event", text, refersTo=self.refers(eid, "TLCEvent", text))
        elif kind is HeaderField.REPORT:
            refs = [(m.start(), m.end(), "ref", _symbol_href(m.group())) for m in SYMBOL_IN_TEXT.finditer(text)]
            self.inline_text(p, text, refs)
        else:
            p.text = text

    # -- preamble --------------------------------------------------------------------------
    def preamble(self, st: etree._Element) -> None:
        res = self.res
        if res.formula is None and not res.preamble:
            return
        pre = self.el(st, "preamble")
        if res.formula is not None:
            self.formula(pre, res.formula, "preamble__formula_1")
        for i, pp in enumerate(res.preamble, start=1):
            self.preambular(pre, pp, f"preamble__container_{i}")

    def formula(self, parent: etree._Element, formula: Formula, eid: str) -> None:
        box = self.el(parent, "formula", name="enactingFormula", eId=eid)
        self.el(box, "p", formula.text)

    def preambular(self, parent: etree._Element, pp: PreambularParagraph, eid: str) -> None:
        box = self.el(parent, "container", name="preambularParagraph", eId=eid)
        if not pp.items:
            self.passage(self.el(box, "p"), pp.text, pp.phrase, PREAMBULAR_PHRASE)
            return
        bl = self.el(box, "blockList", eId=f"{eid}__list_1")
        self.passage(self.el(bl, "listIntroduction"), pp.text, pp.phrase, PREAMBULAR_PHRASE)
        self.block_items(bl, pp.items, f"{eid}__list_1")

    def block_items(self, bl: etree._Element, items: list[Item], prefix: str) -> None:
        for eid, item in _keyed(items, f"{prefix}__item_"):
            node = self.el(bl, "item", eId=eid)
            self.el(node, "num", item.label)
            if item.items:
                inner = self.el(node, "blockList", eId=f"{eid}__list_1")
                self.passage(self.el(inner, "listIntroduction"), item.text, None, None)
                self.block_items(inner, item.items, f"{eid}__list_1")
            else:
                self.passage(self.el(node, "p"), item.text, None, None)

    # -- operative part --------------------------------------------------------------------
    def main_body(self, st: etree._Element) -> None:
        res = self.res
        body = self.el(st, "mainBody")
        every = res.all_operative()
        run_on = len({_para_key(p) for p in every}) == len(every)
        self.paragraphs(body, res.operative, "")
        ids = _Ids()
        for sec in res.sections:
            tag = "part" if sec.kind == "part" else "section"
            eid = ids.fresh(f"{'part' if sec.kind == 'part' else 'sec'}_{sanitize(section_key(sec.label))}")
            node = self.el(body, tag, eId=eid)
            self.el(node, "num", sec.label)
            if sec.heading is not None:
                self.el(node, "heading", sec.heading)
            if sec.formula is not None or sec.preamble:
                self.part_preamble(node, sec, eid)
            self.paragraphs(node, sec.paragraphs, "" if run_on else f"{eid}__")
            if sec.closing is not None:
                wrap = self.el(node, "wrapUp", eId=f"{eid}__wrapup")
                for line in sec.closing.lines:
                    self.header_line(wrap, line)
        if not len(body):
            self.el(body, "p")

    def part_preamble(self, node: etree._Element, sec: Section, eid: str) -> None:
        """Formula and preambular paragraphs of one part of a composite resolution."""
        intro = self.el(node, "intro", eId=f"{eid}__intro")
        if sec.formula is not None:
            self.el(intro, "p", sec.formula.text, class_="formula")
        for pp in sec.preamble:
            self.passage(self.el(intro, "p", class_="preambularParagraph"), pp.text, pp.phrase, PREAMBULAR_PHRASE)

    def paragraphs(self, parent: etree._Element, paras: list[OperativeParagraph], prefix: str) -> None:
        ids = _Ids()
        for ordinal, para in enumerate(paras, start=1):
            # an unnumbered paragraph among numbered ones gets its ordinal, marked "u"
            eid = ids.fresh(f"{prefix}para_{_para_key(para)}" if para.label else f"{prefix}para_u{ordinal}")
            node = self.el(parent, "paragraph", eId=eid)
            if para.label:
                self.el(node, "num", para.label)
            self.hierarchy(node, para.text, para.phrase, OPERATIVE_PHRASE, para.items, eid)

    def hierarchy(
        self,
        node: etree._Element,
        text: Passage,
        phrase: Phrase | None,
        phrase_name: str | None,
        items: list[Item],
        eid: str,
    ) -> None:
        """``content`` or, with sub-items, ``list`` + ``intro`` (the XSD allows one or the other)."""
        if not items:
            self.passage(self.el(self.el(node, "content", eId=f"{eid}__content"), "p"), text, phrase, phrase_name)
            return
        lst = self.el(node, "list", eId=f"{eid}__list_1")
        if text.text or text.notes:
            intro = self.el(lst, "intro", eId=f"{eid}__list_1__intro")
            self.passage(self.el(intro, "p"), text, phrase, phrase_name)
        for point_eid, item in _keyed(items, f"{eid}__list_1__point_"):
            point = self.el(lst, "point", eId=point_eid)
            self.el(point, "num", item.label)
            self.hierarchy(point, item.text, None, None, item.items, point_eid)

    # -- closing, annexes ------------------------------------------------------------------
    def conclusions(self, st: etree._Element) -> None:
        if not self.res.closing or not self.res.closing.lines:
            return
        box = self.el(self.el(st, "conclusions"), "container", name="adoption", eId="conclusions__container_1")
        for line in self.res.closing.lines:
            self.header_line(box, line)

    def attachments(self, st: etree._Element) -> None:
        if not self.res.annexes:
            return
        atts = self.el(st, "attachments")
        for i, annex in enumerate(self.res.annexes, start=1):
            self.annex(self.el(atts, "attachment", eId=f"att_{i}"), annex, i)

    def annex(self, att: etree._Element, annex: Annex, i: int) -> None:
        doc = self.el(att, "doc", name="annex")
        meta = self.el(doc, "meta")
        preface = self.el(doc, "preface")
        self.el(preface, "p", annex.heading, class_="annexHeading")
        if annex.title is not None:
            self.el(preface, "p", annex.title, class_="annexTitle")
        body = self.el(doc, "mainBody")
        for passage in annex.paragraphs:
            self.passage(self.el(body, "p"), passage, None, None)
        if not annex.paragraphs:
            self.el(body, "p")
        self.meta(meta, "annex", component=f"annex_{i}")

    # -- running text ----------------------------------------------------------------------
    def passage(self, p: etree._Element, passage: Passage, phrase: Phrase | None, phrase_name: str | None) -> None:
        marks: list[tuple[int, int, str, str]] = []
        if phrase is not None and phrase_name and phrase.text:
            marks.append((phrase.offset, phrase.offset + len(phrase.text), "phrase", phrase_name))
        for cited in citations(passage.text, self.lang, self.res.organ):
            if all(cited.end <= s or cited.start >= e for s, e, _, _ in marks):
                marks.append((cited.start, cited.end, "ref", _href(cited)))
        notes = sorted(passage.notes, key=lambda n: n.offset)
        self.inline_text(p, passage.text, sorted(marks), notes)

    def inline_text(
        self, p: etree._Element, text: str, marks: list[tuple[int, int, str, str]], notes: list | None = None
    ) -> None:
        """Write ``text`` into ``p`` with inline marks (non-overlapping) and note call-outs."""
        events: list[tuple[int, int, str, object]] = []
        for start, end, kind, value in marks:
            events.append((start, 1, "open", (kind, value, end)))
            events.append((end, 0, "close", kind))
        for note in notes or []:
            events.append((note.offset, 2 if note.offset > 0 else -1, "note", note.marker))
        events.sort(key=lambda e: (e[0], e[1]))
        current = p
        pos = 0
        for offset, _, what, value in events:
            _append(current, text[pos:offset])
            pos = offset
            if what == "open":
                kind, val, _end = value  # type: ignore[misc]
                if kind == "phrase":
                    current = self.el(current, "inline", name=val)
                else:
                    current = self.el(current, "ref", href=val)
            elif what == "close":
                current = p
            else:
                self.note(current, str(value))
        _append(current, text[pos:])

    def note(self, parent: etree._Element, marker: str) -> None:
        sup = self.el(parent, "sup")
        if marker in self.notes_written:
            sup.text = marker  # a second call-out of the same note
            return
        self.notes_written.add(marker)
        eid = f"authorialNote_{sanitize(marker)}"
        if marker not in self.footnotes:
            note = self.el(sup, "authorialNote", marker=marker, placement="bottom", eId=eid, class_="missing")
            self.el(note, "p")
            return
        note = self.el(sup, "authorialNote", marker=marker, placement="bottom", eId=eid)
        self.passage(self.el(note, "p"), self.footnotes[marker], None, None)


def _append(node: etree._Element, text: str) -> None:
    if not text:
        return
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text


def _date_span(m: re.Match[str]) -> tuple[int, int]:
    start = min(m.start(g) for g in ("day", "month", "year"))
    end = max(m.end(g) for g in ("day", "month", "year"))
    day_sign = re.compile(r"\s*日").match(m.string, end)  # Chinese dates end with 日
    return start, day_sign.end() if day_sign else end


def symbol(res: Resolution) -> str:
    """The printed symbol, or for an adopted text without one, the symbol its number implies."""
    h = res.header
    if h.symbol:
        return h.symbol
    if res.kind is Kind.ADOPTED and h.number:
        return resolution_symbol(res.organ, h.number)
    return work_number(res)


def _para_key(para: OperativeParagraph) -> str:
    return f"{para.number}{para.suffix or ''}" if para.number is not None else sanitize(para.label or "")


def _keyed(items: list[Item], prefix: str) -> list[tuple[str, Item]]:
    ids = _Ids()
    return [(ids.fresh(f"{prefix}{item.key}"), item) for item in items]


def _symbol_href(symbol: str) -> str:
    return f"/akn/un/doc/{sanitize(symbol)}"


def _href(citation: Citation) -> str:
    if citation.kind == "symbol":
        return _symbol_href(citation.number)
    organ = citation.organ or Organ.GA
    date = citation.date or year_of(citation) or "unknown"
    return f"/akn/un/statement/deliberation/{ACTORS[organ]}/{date}/{sanitize(citation.number)}"


def _indent(node: etree._Element, level: int = 0) -> None:
    """Element-only structural parents get their children on indented lines; mixed content
    is left exactly as written."""
    children = list(node)
    if not children or (node.text or "").strip():
        return
    if any(child.tail and child.tail.strip() for child in children):
        return  # mixed content: leave as it is
    pad = "\n" + "  " * (level + 1)
    node.text = pad
    for child in children:
        child.tail = pad
        if child.tag in _STRUCTURAL:
            _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def to_akn(res: Resolution) -> bytes:
    writer = _Writer(res, languages.get(res.language))
    root = writer.document()
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
