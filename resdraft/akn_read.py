"""resdraft's own AKN XML -> document model (the round trip text -> XML -> model -> XML).

The XML is parsed with DTDs, entity expansion and network access off. Emphasis is not stored
in AKN (it is presentation), so a model read back from XML has ``Emphasis.UNKNOWN`` phrases.
"""

from __future__ import annotations

import re

from lxml import etree

from resdraft import lang as languages
from resdraft.akn import AKN_NS, OPERATIVE_PHRASE, PREAMBULAR_PHRASE
from resdraft.build import closing_from_lines, header_from_lines
from resdraft.errors import ResdraftError
from resdraft.lang import Language
from resdraft.model import (
    Annex,
    Emphasis,
    Footnote,
    Formula,
    HeaderField,
    HeaderLine,
    Item,
    Kind,
    NoteRef,
    OperativeParagraph,
    Organ,
    Passage,
    Phrase,
    PreambularParagraph,
    Resolution,
    Section,
)
from resdraft.normalize import OP_NUMBER
from resdraft.reader import check_size
from resdraft.validate import safe_parser

_NS = {"a": AKN_NS}
_A = f"{{{AKN_NS}}}"
_ORGANS = {"un-ga": Organ.GA, "un-sc": Organ.SC, "un-hrc": Organ.HRC, "un-ecosoc": Organ.ECOSOC}
_BY_AKN = {"eng": "en", "zho": "zh"}


def _parse_xml(data: bytes) -> etree._Element:
    check_size(len(data))
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as err:
        raise ResdraftError(f"not well-formed XML: {err}") from None
    if root.getroottree().docinfo.doctype:
        raise ResdraftError("XML with a DTD (<!DOCTYPE …>) is refused: entities are never expanded")
    return root


class _Reader:
    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.footnotes: list[Footnote] = []

    def passage(self, p: etree._Element | None) -> tuple[Passage, Phrase | None]:
        """Text, call-outs and phrase of a ``<p>`` (or ``intro``/``listIntroduction``)."""
        parts: list[str] = []
        notes: list[NoteRef] = []
        phrase: list[Phrase] = []
        length = 0

        def add(text: str | None) -> None:
            nonlocal length
            if text:
                parts.append(text)
                length += len(text)

        def walk(node: etree._Element) -> None:
            add(node.text)
            for child in node:
                if not isinstance(child.tag, str):  # a comment or processing instruction
                    add(child.tail)
                    continue
                name = etree.QName(child).localname
                if name == "sup":
                    note = child.find("a:authorialNote", _NS)
                    if note is not None:
                        marker = note.get("marker", "")
                        notes.append(NoteRef(marker, length))
                        if note.get("class") != "missing":
                            text, _ = self.passage(note.find("a:p", _NS))
                            self.footnotes.append(Footnote(marker, text))
                    else:
                        notes.append(NoteRef("".join(child.itertext()), length))
                elif name == "inline" and child.get("name") in (PREAMBULAR_PHRASE, OPERATIVE_PHRASE):
                    start = length
                    walk(child)
                    phrase.append(Phrase("".join(parts)[start:], start, Emphasis.UNKNOWN))
                else:
                    walk(child)
                add(child.tail)

        if p is not None:
            walk(p)
        return Passage("".join(parts), notes), (phrase[0] if phrase else None)

    def items(self, parent: etree._Element, level: int) -> list[Item]:
        out = []
        for point in parent.findall("a:point", _NS) + parent.findall("a:item", _NS):
            label = point.findtext("a:num", "", _NS)
            # eId "…__point_{key}" or "…__point_{key}_{n}" for the n-th repeat of a label
            key = re.split(r"__(?:point|item)_", point.get("eId", ""))[-1]
            key = re.sub(r"_\d+$", "", key)
            inner = point.find("a:list", _NS)
            if inner is None:
                inner = point.find("a:blockList", _NS)
            if inner is not None:
                intro = inner.find("a:intro/a:p", _NS)
                if intro is None:
                    intro = inner.find("a:listIntroduction", _NS)
                text, _ = self.passage(intro)
                nested = self.items(inner, level + 1)
            else:
                text, _ = self.passage(
                    point.find("a:content/a:p", _NS)
                    if point.find("a:content", _NS) is not None
                    else point.find("a:p", _NS)
                )
                nested = []
            out.append(Item(label, key, level, text, nested))
        return out

    def preambular(self, box: etree._Element) -> PreambularParagraph:
        bl = box.find("a:blockList", _NS)
        if bl is None:
            text, phrase = self.passage(box.find("a:p", _NS))
            return PreambularParagraph(text, phrase)
        text, phrase = self.passage(bl.find("a:listIntroduction", _NS))
        return PreambularParagraph(text, phrase, self.items(bl, 1))

    def paragraph(self, node: etree._Element) -> OperativeParagraph:
        label = node.findtext("a:num", None, _NS)
        number, suffix = None, None
        if label is not None:
            m = OP_NUMBER.match(label + " ")
            if m:
                number = int(m["num"])
                suffix = m["suffix"]
            elif label.lower().startswith("[new]"):
                suffix = "new"
        lst = node.find("a:list", _NS)
        if lst is None:
            text, phrase = self.passage(node.find("a:content/a:p", _NS))
            return OperativeParagraph(label, number, text, phrase, [], suffix)
        text, phrase = self.passage(lst.find("a:intro/a:p", _NS))
        return OperativeParagraph(label, number, text, phrase, self.items(lst, 1), suffix)


_FIELDS = {f.value: f for f in HeaderField}


def _header_lines(reader: _Reader, container: etree._Element | None) -> list[HeaderLine]:
    """Header or closing lines: every ``<p class="{field}">`` (other classes are not ours)."""
    if container is None:
        return []
    lines = []
    for p in container.iter(_A + "p"):
        if p.get("class") in _FIELDS and p.getparent().tag != _A + "authorialNote":
            text, _ = reader.passage(p)
            lines.append(HeaderLine(_FIELDS[p.get("class", "")], text.text, notes=text.notes))
    return lines


def from_akn(data: bytes) -> Resolution:
    root = _parse_xml(data)
    if root.tag != _A + "akomaNtoso":
        raise ResdraftError("not Akoma Ntoso 3.0 XML (root element is not akomaNtoso in the OASIS namespace)")
    st = root.find("a:statement", _NS)
    if st is None:
        raise ResdraftError("not a resolution: the AKN document has no <statement>")
    akn_lang = st.xpath("string(a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage/@language)", namespaces=_NS)
    lang = languages.get(_BY_AKN.get(akn_lang, akn_lang or "en"))
    author = st.xpath("string(a:meta/a:identification/a:FRBRWork/a:FRBRauthor/@href)", namespaces=_NS).lstrip("#")
    organ = _ORGANS.get(re.sub(r"-c\d$", "", author), Organ.GA)
    kind = Kind.ADOPTED if st.get("name") == "resolution" else Kind.DRAFT
    reader = _Reader(lang)
    lines = _header_lines(reader, st.find("a:coverPage", _NS)) + _header_lines(reader, st.find("a:preface", _NS))
    header = header_from_lines(lines, lang)
    formula_el = st.find("a:preamble/a:formula/a:p", _NS)
    formula = None
    if formula_el is not None:
        text = "".join(formula_el.itertext())
        formula = Formula(text, lang.formula_organ(lang.fold(text)) or organ)
    preamble = [reader.preambular(box) for box in st.findall("a:preamble/a:container", _NS)]
    body = st.find("a:mainBody", _NS)
    operative: list[OperativeParagraph] = []
    sections: list[Section] = []
    if body is not None:
        for node in body:
            name = etree.QName(node).localname
            if name == "paragraph":
                operative.append(reader.paragraph(node))
            elif name in ("section", "part"):
                sections.append(_section(reader, node, name))
    closing_lines = _header_lines(reader, st.find("a:conclusions", _NS))
    closing = closing_from_lines(closing_lines, lang) if closing_lines else None
    annexes = [_annex(reader, doc) for doc in st.findall("a:attachments/a:attachment/a:doc", _NS)]
    for note in st.findall("a:meta/a:notes/a:note", _NS):
        text, _ = reader.passage(note.find("a:p", _NS))
        reader.footnotes.append(Footnote(note.get("marker", ""), text))
    return Resolution(
        language=lang.code,
        organ=organ,
        kind=kind,
        header=header,
        formula=formula,
        preamble=preamble,
        operative=operative,
        sections=sections,
        closing=closing,
        footnotes=reader.footnotes,
        annexes=annexes,
    )


def _section(reader: _Reader, node: etree._Element, name: str) -> Section:
    sec = Section(
        node.findtext("a:num", "", _NS),
        node.findtext("a:heading", None, _NS),
        [reader.paragraph(p) for p in node.findall("a:paragraph", _NS)],
    )
    if name == "part":
        sec.kind = "part"
        wrap = _header_lines(reader, node.find("a:wrapUp", _NS))
        sec.closing = closing_from_lines(wrap, reader.lang) if wrap else None
        for p in node.findall("a:intro/a:p", _NS):
            if p.get("class") == "formula":
                text = "".join(p.itertext())
                sec.formula = Formula(text, reader.lang.formula_organ(reader.lang.fold(text)) or Organ.GA)
            else:
                text, phrase = reader.passage(p)
                sec.preamble.append(PreambularParagraph(text, phrase))
    return sec


def _annex(reader: _Reader, doc: etree._Element) -> Annex:
    heading = doc.xpath("string(a:preface/a:p[@class='annexHeading'])", namespaces=_NS)
    title = doc.find("a:preface/a:p[@class='annexTitle']", _NS)
    paragraphs = [reader.passage(p)[0] for p in doc.findall("a:mainBody/a:p", _NS)]
    if len(paragraphs) == 1 and not paragraphs[0].text:
        paragraphs = []
    return Annex(heading, "".join(title.itertext()) if title is not None else None, paragraphs)
