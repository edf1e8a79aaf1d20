"""Word ``.docx`` packages built in code, for the tests of the Word reader.

No binary fixture is kept in the repository: every package is written here with ``zipfile``
and ``lxml``, laid out the way Microsoft Word (and, near enough, LibreOffice) saves a draft, so
that the reader is tested against what drafters actually send and not against a tidy subset:

* the parts Word writes (``[Content_Types].xml`` first, ``_rels/.rels``, ``word/document.xml``
  and its relationships, styles, numbering, settings, font table, footnotes and endnotes with
  their separator notes ``w:id`` -1 and 0, comments, a header and a footer when asked for,
  ``docProps/core.xml`` and ``docProps/app.xml``), with the real namespaces and
  ``mc:Ignorable="w14 w15 wp14"``;
* the noise a reader must see through: ``w:rsidR``/``w:rsidRPr``/``w14:paraId`` attributes,
  runs split in the middle of words (Word splits runs at editing-session boundaries),
  ``w:proofErr`` marks, bookmarks (``_GoBack``, ``_Hlk…``), ``w:lastRenderedPageBreak``,
  ``xml:space="preserve"`` on text with leading or trailing spaces, East Asian font hints,
  empty paragraphs, the final ``w:sectPr``.

Two levels of API:

* :class:`Run`, :class:`Para` and :func:`document` build a package from explicit paragraphs
  (for concrete tests: tracked changes, comments, fields, headers and footers, styles);
* :func:`from_markdown` turns a resolution in the project's canonical Markdown
  (``resdraft.render.render``) into the Word document a drafter would have: one Word paragraph
  per Markdown paragraph, emphasis as run formatting, call-outs as real footnotes and, with
  ``auto_numbering``, paragraph numbers and item labels as Word automatic numbering.

The noise is deterministic (seeded), so a failing example is the same file on every run.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from lxml import etree

# --- namespaces and part names ------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
WP14 = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPC = "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
WPI = "http://schemas.microsoft.com/office/word/2010/wordprocessingInk"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WNE = "http://schemas.microsoft.com/office/word/2006/wordml"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
OFFICE = "urn:schemas-microsoft-com:office:office"
VML = "urn:schemas-microsoft-com:vml"
W10 = "urn:schemas-microsoft-com:office:word"
XML = "http://www.w3.org/XML/1998/namespace"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"

#: the namespaces Word declares on the root of every story part (a subset of Word 2016's list:
#: every prefix named in ``mc:Ignorable`` must be declared, or the package is invalid)
WORD_NSMAP: dict[str, str] = {
    "wpc": WPC,
    "mc": MC,
    "o": OFFICE,
    "r": R,
    "m": M,
    "v": VML,
    "wp14": WP14,
    "wp": WP,
    "w10": W10,
    "w": W,
    "w14": W14,
    "w15": W15,
    "wpg": WPG,
    "wpi": WPI,
    "wne": WNE,
    "wps": WPS,
}
IGNORABLE = "w14 w15 wp14"
_PREFIXES = {**WORD_NSMAP, "xml": XML}

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_DATE = "2025-10-14T09:30:00Z"
_AUTHOR = "Drafter"

# --- the package ----------------------------------------------------------------------------------


def package(parts: Mapping[str, bytes | str]) -> bytes:
    """The parts zipped with DEFLATE, ``[Content_Types].xml`` first (Word writes it first, and
    some readers stream the archive and expect it there); ``str`` parts are UTF-8."""
    buffer = io.BytesIO()
    names = sorted(parts, key=lambda name: name != "[Content_Types].xml")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            data = parts[name]
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def _q(name: str) -> str:
    """``"w:p"`` -> ``"{…main}p"``."""
    prefix, _, local = name.partition(":")
    return f"{{{_PREFIXES[prefix]}}}{local}"


def _el(parent: etree._Element | None, name: str, attrs: Mapping[str, str] | None = None) -> etree._Element:
    """A new element (a child of ``parent`` when given) with prefixed attribute names."""
    qattrs = {(_q(k) if ":" in k else k): v for k, v in (attrs or {}).items()}
    if parent is None:
        return etree.Element(_q(name), qattrs, nsmap=WORD_NSMAP)
    return etree.SubElement(parent, _q(name), qattrs)


def _root(name: str) -> etree._Element:
    root = _el(None, name)
    root.set(_q("mc:Ignorable"), IGNORABLE)
    return root


def _xml(root: etree._Element) -> bytes:
    """Serialised as Word does: double-quoted declaration with ``standalone``, then CRLF."""
    return _DECLARATION + etree.tostring(root, encoding="UTF-8")


# --- default styles and numbering -----------------------------------------------------------------

_STYLES_OPEN = (
    f'<w:styles xmlns:mc="{MC}" xmlns:r="{R}" xmlns:w="{W}" xmlns:w14="{W14}" xmlns:w15="{W15}" mc:Ignorable="w14 w15">'
)

#: Normal is the default paragraph style; FootnoteReference is superscript; Emphasis (italic)
#: and Strong (bold) are character styles; PreambularParagraph explicitly turns italic off and
#: OperativeHeading is bold, so that tests can check that emphasis is resolved through styles.
DEFAULT_STYLES = (
    _DECLARATION.decode() + _STYLES_OPEN + "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" '
    'w:defQFormat="0" w:count="376">'
    '<w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/>'
    '<w:lsdException w:name="footnote text" w:semiHidden="1" w:unhideWhenUsed="1"/>'
    '<w:lsdException w:name="footnote reference" w:semiHidden="1" w:unhideWhenUsed="1"/>'
    '<w:lsdException w:name="Strong" w:uiPriority="22" w:qFormat="1"/>'
    '<w:lsdException w:name="Emphasis" w:uiPriority="20" w:qFormat="1"/>'
    "</w:latentStyles>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
    '<w:rsid w:val="00C81D2E"/><w:pPr><w:jc w:val="both"/></w:pPr>'
    '<w:rPr><w:lang w:val="en-GB"/></w:rPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/><w:semiHidden/>'
    '<w:pPr><w:spacing w:after="0"/><w:ind w:left="1264" w:hanging="357"/></w:pPr>'
    '<w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>'
    '<w:style w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar"><w:name w:val="Footnote Text Char"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/><w:semiHidden/>'
    '<w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:semiHidden/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="20"/><w:qFormat/>'
    "<w:rPr><w:i/><w:iCs/></w:rPr></w:style>"
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="22"/><w:qFormat/>'
    "<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="PreambularParagraph">'
    '<w:name w:val="Preambular Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:ind w:left="1264" w:firstLine="567"/></w:pPr><w:rPr><w:i w:val="0"/><w:iCs w:val="0"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="OperativeHeading">'
    '<w:name w:val="Operative Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:keepNext/><w:spacing w:before="240"/><w:ind w:left="1264"/><w:jc w:val="left"/></w:pPr>'
    "<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>'
    '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>'
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="Normal"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs></w:pPr>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs></w:pPr>'
    "</w:style>"
    "</w:styles>"
)

#: (numFmt, lvlText) of levels 0..3 of the two lists (levels 4..8 are Word's unused fillers)
RESOLUTION_LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"), ("lowerLetter", "%4."))
CHINESE_LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("chineseCounting", "(%3)"), ("lowerLetter", "%4."))
#: the lists of the default numbering part: abstractNum id -> levels
ABSTRACT_NUMS = {1: RESOLUTION_LEVELS, 2: CHINESE_LEVELS}
#: the default w:num instances: numId -> (abstractNumId, {ilvl: startOverride})
DEFAULT_NUMS: dict[int, tuple[int, dict[int, int]]] = {1: (1, {}), 2: (2, {}), 3: (1, {0: 1})}


def _abstract_num(abstract_id: int, levels: Sequence[tuple[str, str]]) -> str:
    out = [
        f'<w:abstractNum w:abstractNumId="{abstract_id}" w15:restartNumberingAfterBreak="0">'
        f'<w:nsid w:val="{0x1F2A3B40 + abstract_id:08X}"/><w:multiLevelType w:val="multilevel"/>'
        f'<w:tmpl w:val="{0x0409001D + abstract_id:08X}"/>'
    ]
    for ilvl in range(9):
        fmt, text = levels[ilvl] if ilvl < len(levels) else ("decimal", f"%{ilvl + 1}.")
        suffix = '<w:suff w:val="tab"/>' if ilvl == 0 else ""
        left, hanging = 1264 + 567 * ilvl, 567
        out.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{suffix}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        )
    out.append("</w:abstractNum>")
    return "".join(out)


def _num(num_id: int, abstract_id: int, overrides: Mapping[int, int]) -> str:
    body = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in sorted(overrides.items())
    )
    durable = 0x1A2B0000 + num_id * 7919
    return (
        f'<w:num w:numId="{num_id}" w16cid:durableId="{durable}"><w:abstractNumId w:val="{abstract_id}"/>{body}</w:num>'
    )


def numbering_part(extra: Sequence[tuple[int, int, Mapping[int, int]]] = ()) -> str:
    """The numbering part: abstractNum 1 (the resolution list: ``1.`` / ``(a)`` / ``(i)`` /
    ``a.``), abstractNum 2 (the Chinese list: ``1.`` / ``(a)`` / ``(一)`` / ``a.``), nums 1 -> 1,
    2 -> 2, 3 -> 1 restarting level 0 at 1, and the ``extra`` nums ``(numId, abstractNumId,
    {ilvl: startOverride})`` (what Word adds for each "Restart at 1" / "Set numbering value")."""
    nums = [(num_id, abstract, overrides) for num_id, (abstract, overrides) in DEFAULT_NUMS.items()]
    return (
        _DECLARATION.decode()
        + f'<w:numbering xmlns:mc="{MC}" xmlns:r="{R}" xmlns:w="{W}" xmlns:w14="{W14}" xmlns:w15="{W15}" '
        'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" mc:Ignorable="w14 w15 w16cid">'
        + "".join(_abstract_num(a, levels) for a, levels in ABSTRACT_NUMS.items())
        + "".join(_num(n, a, o) for n, a, o in [*nums, *extra])
        + "</w:numbering>"
    )


DEFAULT_NUMBERING = numbering_part()

# --- explicit paragraphs --------------------------------------------------------------------------


@dataclass
class Run:
    """One stretch of text with one formatting, as the drafter made it.

    ``footnote``: a footnote reference to the footnote with that Word id (``text`` ignored);
    ``inserted``/``deleted``: a tracked insertion (``w:ins``) or deletion (``w:del``, the text
    as ``w:delText``); ``tab``: a ``w:tab`` before the text; ``field``: a complex field with that
    instruction, ``text`` being its last computed result; ``comment``: the run is the range of
    the comment with that id (``commentRangeStart``/``End`` and a ``commentReference`` run);
    ``bookmark``: the run is wrapped in a bookmark of that name (what REF/NOTEREF fields point
    at). A ``"\\t"`` in ``text`` is written as ``w:tab``, a ``"\\n"`` as ``w:br``.
    """

    text: str
    italic: bool = False
    bold: bool = False
    style: str | None = None
    footnote: int | None = None
    inserted: bool = False
    deleted: bool = False
    tab: bool = False
    field: str | None = None
    comment: int | None = None
    bookmark: str | None = None


@dataclass
class Para:
    """A paragraph: its runs, its paragraph style and its automatic numbering ``(numId, ilvl)``."""

    runs: list[Run] = field(default_factory=list)
    style: str | None = None
    num: tuple[int, int] | None = None


_CJK_CHAR = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


class _Writer:
    """Writes paragraphs as Word XML, with deterministic noise when seeded."""

    def __init__(self, seed: int | None) -> None:
        self.noisy = seed is not None
        self.rng = random.Random(seed if seed is not None else 0)
        self.rsids = [f"00{self.rng.randrange(0x100000, 0xFFFFFF):06X}" for _ in range(6)]
        self.used_rsids: set[str] = set()
        self.next_bookmark = 0
        self.next_change = 1
        self.paragraphs = 0
        self.go_back = False

    # -- small pieces

    def rsid(self) -> str:
        value = self.rng.choice(self.rsids)
        self.used_rsids.add(value)
        return value

    def chance(self, p: float) -> bool:
        return self.noisy and self.rng.random() < p

    def bookmark_id(self) -> str:
        self.next_bookmark += 1
        return str(self.next_bookmark)

    def change(self, parent: etree._Element, name: str) -> etree._Element:
        attrs = {"w:id": str(self.next_change), "w:author": _AUTHOR, "w:date": _DATE}
        self.next_change += 1
        return _el(parent, name, attrs)

    # -- paragraphs

    def paragraph(self, parent: etree._Element, para: Para, note: int | None = None) -> etree._Element:
        """``note``: the paragraph opens footnote ``note`` (footnoteRef run, then a space)."""
        self.paragraphs += 1
        p = _el(parent, "w:p")
        if self.noisy:
            p.set(_q("w14:paraId"), f"{self.rng.randrange(0x10000000, 0x7FFFFFFF):08X}")
            p.set(_q("w14:textId"), "77777777")
            p.set(_q("w:rsidR"), self.rsid())
            p.set(_q("w:rsidRDefault"), self.rsid())
            if self.chance(0.5):
                p.set(_q("w:rsidP"), self.rsid())
        style = para.style or ("FootnoteText" if note is not None else None)
        if style or para.num or self.noisy:
            ppr = _el(p, "w:pPr")
            if style:
                _el(ppr, "w:pStyle", {"w:val": style})
            if para.num:
                numpr = _el(ppr, "w:numPr")
                _el(numpr, "w:ilvl", {"w:val": str(para.num[1])})
                _el(numpr, "w:numId", {"w:val": str(para.num[0])})
            if self.chance(0.3):
                _el(ppr, "w:spacing", {"w:after": "120"})
            if self.chance(0.2):
                _el(ppr, "w:ind", {"w:right": "0"})
            if self.chance(0.08):  # the paragraph mark's own formatting: no text has it
                mark = _el(ppr, "w:rPr")
                _el(mark, self.rng.choice(("w:i", "w:b")))
            if len(ppr) == 0:
                p.remove(ppr)
        if note is not None:
            self.reference_run(p, "FootnoteReference", "w:footnoteRef")
            self.text_runs(p, Run(" "), split=False)
        runs = list(para.runs)
        if self.noisy and not self.go_back and runs and self.chance(0.05):
            self.go_back = True  # Word's "last edit" bookmark, empty, anywhere
            _el(p, "w:bookmarkStart", {"w:id": "0", "w:name": "_GoBack"})
            _el(p, "w:bookmarkEnd", {"w:id": "0"})
        first = True
        for run in runs:
            self.run(p, run, page_break=first and self.paragraphs % 11 == 0)
            first = False
        return p

    def reference_run(
        self, parent: etree._Element, style: str, name: str, attrs: Mapping[str, str] | None = None
    ) -> None:
        r = _el(parent, "w:r")
        if self.noisy:
            r.set(_q("w:rsidR"), self.rsid())
        rpr = _el(r, "w:rPr")
        _el(rpr, "w:rStyle", {"w:val": style})
        _el(r, name, attrs)

    def run(self, p: etree._Element, run: Run, page_break: bool = False) -> None:
        if run.comment is not None:
            _el(p, "w:commentRangeStart", {"w:id": str(run.comment)})
        container = p
        if run.inserted:
            container = self.change(p, "w:ins")
        elif run.deleted:
            container = self.change(p, "w:del")
        mark = None
        if run.bookmark:
            mark = self.bookmark_id()
            _el(container, "w:bookmarkStart", {"w:id": mark, "w:name": run.bookmark})
        elif self.noisy and run.text.strip() and self.chance(0.03):
            mark = self.bookmark_id()
            _el(container, "w:bookmarkStart", {"w:id": mark, "w:name": f"_Hlk{self.rng.randrange(10**8, 10**9)}"})
        if run.footnote is not None:
            self.reference_run(container, "FootnoteReference", "w:footnoteReference", {"w:id": str(run.footnote)})
        elif run.field is not None:
            self.field(container, run)
        else:
            spell = self.noisy and not run.deleted and " " not in run.text.strip() and self.chance(0.1)
            if spell:
                _el(container, "w:proofErr", {"w:type": "spellStart"})
            self.text_runs(container, run, page_break=page_break)
            if spell:
                _el(container, "w:proofErr", {"w:type": "spellEnd"})
        if mark is not None:
            _el(container, "w:bookmarkEnd", {"w:id": mark})
        if run.comment is not None:
            _el(p, "w:commentRangeEnd", {"w:id": str(run.comment)})
            self.reference_run(p, "CommentReference", "w:commentReference", {"w:id": str(run.comment)})

    def field(self, parent: etree._Element, run: Run) -> None:
        """begin / instruction / separate / the result as last computed / end."""

        def char(kind: str) -> None:
            r = _el(parent, "w:r")
            _el(r, "w:fldChar", {"w:fldCharType": kind})

        char("begin")
        r = _el(parent, "w:r")
        instr = _el(r, "w:delInstrText" if run.deleted else "w:instrText")
        instr.text = run.field
        instr.set(_q("xml:space"), "preserve")
        char("separate")
        self.text_runs(parent, Run(run.text, run.italic, run.bold, run.style, deleted=run.deleted), split=False)
        char("end")

    def rpr(self, r: etree._Element, run: Run, text: str) -> None:
        rpr = etree.Element(_q("w:rPr"))
        if run.style:
            _el(rpr, "w:rStyle", {"w:val": run.style})
        if _CJK_CHAR.search(text):
            _el(rpr, "w:rFonts", {"w:hint": "eastAsia"})
        if run.bold:
            _el(rpr, "w:b")
            _el(rpr, "w:bCs")
        if run.italic:
            _el(rpr, "w:i")
            _el(rpr, "w:iCs")
        if self.noisy and not _CJK_CHAR.search(text) and self.chance(0.15):
            _el(rpr, "w:lang", {"w:val": "en-GB"})
        if len(rpr):
            r.append(rpr)
            if self.noisy:
                r.set(_q("w:rsidRPr"), self.rsid())

    def pieces(self, text: str, split: bool) -> list[str]:
        """Where Word would have split the run: anywhere, words included (editing sessions)."""
        if not split or len(text) < 4 or not self.chance(0.35):
            return [text]
        cuts = sorted(self.rng.sample(range(1, len(text)), k=min(len(text) - 1, self.rng.choice((1, 1, 2)))))
        return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]

    def text_runs(self, parent: etree._Element, run: Run, split: bool = True, page_break: bool = False) -> None:
        texts = self.pieces(run.text, split) if run.text else [""]
        for i, text in enumerate(texts):
            r = _el(parent, "w:r")
            if self.noisy:
                r.set(_q("w:rsidR"), self.rsid())
            self.rpr(r, run, text)
            if i == 0 and page_break and self.noisy:
                _el(r, "w:lastRenderedPageBreak")
            if i == 0 and run.tab:
                _el(r, "w:tab")
            for kind, chunk in _chunks(text):
                if kind == "tab":
                    _el(r, "w:tab")
                elif kind == "br":
                    _el(r, "w:br")
                else:
                    t = _el(r, "w:delText" if run.deleted else "w:t")
                    t.text = chunk
                    if chunk != chunk.strip():
                        t.set(_q("xml:space"), "preserve")


def _chunks(text: str) -> Iterator[tuple[str, str]]:
    for piece in re.split(r"([\t\n])", text):
        if piece == "\t":
            yield "tab", piece
        elif piece == "\n":
            yield "br", piece
        elif piece:
            yield "text", piece


def _story(writer: _Writer, name: str, paras: Sequence[Para], style: str) -> bytes:
    root = _root(name)
    for para in paras:
        writer.paragraph(root, Para(para.runs, para.style or style, para.num))
    return _xml(root)


def _as_paras(content: str | Sequence[Para]) -> list[Para]:
    return [Para([Run(content)])] if isinstance(content, str) else list(content)


def _footnotes_part(writer: _Writer, notes: Mapping[int, Sequence[Para]], name: str = "footnote") -> bytes:
    """Separator (id -1) and continuation separator (id 0) first, as Word writes them, then
    each footnote: a footnoteRef run in FootnoteReference style, a space run, the text."""
    root = _root(f"w:{name}s")
    for note_id, kind, mark in (
        (-1, "separator", "w:separator"),
        (0, "continuationSeparator", "w:continuationSeparator"),
    ):
        note = _el(root, f"w:{name}", {"w:type": kind, "w:id": str(note_id)})
        p = _el(note, "w:p")
        ppr = _el(p, "w:pPr")
        _el(ppr, "w:spacing", {"w:after": "0", "w:line": "240", "w:lineRule": "auto"})
        r = _el(p, "w:r")
        _el(r, mark)
    for note_id, paras in sorted(notes.items()):
        note = _el(root, f"w:{name}", {"w:id": str(note_id)})
        for i, para in enumerate(paras):
            writer.paragraph(note, para, note=note_id if i == 0 else None)
    return _xml(root)


def _comments_part(writer: _Writer, comments: Mapping[int, str]) -> bytes:
    root = _root("w:comments")
    for comment_id, text in sorted(comments.items()):
        comment = _el(
            root, "w:comment", {"w:id": str(comment_id), "w:author": _AUTHOR, "w:date": _DATE, "w:initials": "D"}
        )
        p = _el(comment, "w:p")
        _el(_el(p, "w:pPr"), "w:pStyle", {"w:val": "CommentText"})
        writer.reference_run(p, "CommentReference", "w:annotationRef")
        writer.text_runs(p, Run(text), split=False)
    return _xml(root)


def _settings_part(writer: _Writer, track_revisions: bool) -> bytes:
    root = _root("w:settings")
    _el(root, "w:zoom", {"w:percent": "100"})
    _el(root, "w:proofState", {"w:spelling": "clean", "w:grammar": "clean"})
    if track_revisions:
        _el(root, "w:trackRevisions")
    _el(root, "w:defaultTabStop", {"w:val": "567"})
    _el(root, "w:characterSpacingControl", {"w:val": "doNotCompress"})
    for name in ("footnote", "endnote"):
        pr = _el(root, f"w:{name}Pr")
        _el(pr, f"w:{name}", {"w:id": "-1"})
        _el(pr, f"w:{name}", {"w:id": "0"})
    compat = _el(root, "w:compat")
    _el(
        compat,
        "w:compatSetting",
        {"w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"},
    )
    rsids = _el(root, "w:rsids")
    ordered = sorted(writer.used_rsids | {writer.rsids[0]})
    _el(rsids, "w:rsidRoot", {"w:val": writer.rsids[0]})
    for value in ordered:
        _el(rsids, "w:rsid", {"w:val": value})
    _el(root, "w:themeFontLang", {"w:val": "en-US", "w:eastAsia": "zh-CN"})
    _el(root, "w:decimalSymbol", {"w:val": "."})
    _el(root, "w:listSeparator", {"w:val": ","})
    _el(root, "w14:docId", {"w14:val": "5B3C2A1D"})
    _el(root, "w15:docId", {"w15:val": "{6F1D2C3B-4A5E-4F60-8B7A-9C0D1E2F3A4B}"})
    return _xml(root)


_FONTS = (
    f'<w:fonts xmlns:mc="{MC}" xmlns:r="{R}" xmlns:w="{W}" xmlns:w14="{W14}" xmlns:w15="{W15}" '
    'mc:Ignorable="w14 w15">'
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/>'
    '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/>'
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    "</w:fonts>"
)


def _core(title: str) -> str:
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_escape(title)}</dc:title><dc:creator>{_AUTHOR}</dc:creator>"
        f"<cp:lastModifiedBy>{_AUTHOR}</cp:lastModifiedBy><cp:revision>3</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{_DATE}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_DATE}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _app(words: int, paragraphs: int) -> str:
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>3</Pages>"
        f"<Words>{words}</Words><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
        f"<Paragraphs>{paragraphs}</Paragraphs><Company>United Nations</Company>"
        "<AppVersion>16.0000</AppVersion></Properties>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _relationships(rels: Sequence[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return _DECLARATION.decode() + f'<Relationships xmlns="{PR}">{body}</Relationships>'


def document(
    body: Sequence[Para],
    *,
    footnotes: Mapping[int, Sequence[Para]] | None = None,
    styles_xml: str | None = None,
    numbering_xml: str | None = None,
    comments: Mapping[int, str] | None = None,
    header: str | Sequence[Para] | None = None,
    footer: str | Sequence[Para] | None = None,
    track_revisions: bool = False,
    seed: int | None = 0,
    title: str = "Draft resolution",
) -> bytes:
    """The whole ``.docx``: ``body`` paragraphs, ``footnotes`` by Word id (1, 2, …; each is
    called from a ``Run(footnote=id)``), optional styles and numbering parts (the defaults
    above otherwise), ``comments`` by id, a default header and footer (text, or paragraphs for
    fields such as PAGE), and ``w:trackRevisions`` in the settings.

    ``seed`` drives the noise (split runs, rsids, proofing marks, bookmarks, page-break marks,
    empty paragraphs); ``None`` writes the runs exactly as given.
    """
    footnotes = footnotes or {}
    comments = comments or {}
    writer = _Writer(seed)
    root = _root("w:document")
    xml_body = _el(root, "w:body")
    for i, para in enumerate(body):
        writer.paragraph(xml_body, para)
        if 0 < i < len(body) - 1 and writer.chance(0.04):
            writer.paragraph(xml_body, Para())  # the drafter pressed Enter twice
    rels: list[tuple[str, str, str]] = [
        ("rId1", _REL + "styles", "styles.xml"),
        ("rId2", _REL + "settings", "settings.xml"),
        ("rId3", _REL + "fontTable", "fontTable.xml"),
        ("rId4", _REL + "numbering", "numbering.xml"),
        ("rId5", _REL + "footnotes", "footnotes.xml"),
        ("rId6", _REL + "endnotes", "endnotes.xml"),
    ]
    overrides = {
        "/word/document.xml": _MAIN_CT + "document.main+xml",
        "/word/styles.xml": _MAIN_CT + "styles+xml",
        "/word/settings.xml": _MAIN_CT + "settings+xml",
        "/word/fontTable.xml": _MAIN_CT + "fontTable+xml",
        "/word/numbering.xml": _MAIN_CT + "numbering+xml",
        "/word/footnotes.xml": _MAIN_CT + "footnotes+xml",
        "/word/endnotes.xml": _MAIN_CT + "endnotes+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    parts: dict[str, bytes | str] = {}
    sect = _el(xml_body, "w:sectPr")
    if writer.noisy:
        sect.set(_q("w:rsidR"), writer.rsid())
    if header is not None:
        rels.append(("rId7", _REL + "header", "header1.xml"))
        overrides["/word/header1.xml"] = _MAIN_CT + "header+xml"
        parts["word/header1.xml"] = _story(writer, "w:hdr", _as_paras(header), "Header")
        _el(sect, "w:headerReference", {"w:type": "default", "r:id": "rId7"})
    if footer is not None:
        rels.append(("rId8", _REL + "footer", "footer1.xml"))
        overrides["/word/footer1.xml"] = _MAIN_CT + "footer+xml"
        parts["word/footer1.xml"] = _story(writer, "w:ftr", _as_paras(footer), "Footer")
        _el(sect, "w:footerReference", {"w:type": "default", "r:id": "rId8"})
    _el(sect, "w:pgSz", {"w:w": "12240", "w:h": "15840"})
    _el(
        sect,
        "w:pgMar",
        {
            "w:top": "1440",
            "w:right": "1200",
            "w:bottom": "1440",
            "w:left": "1200",
            "w:header": "720",
            "w:footer": "720",
            "w:gutter": "0",
        },
    )
    _el(sect, "w:cols", {"w:space": "720"})
    _el(sect, "w:docGrid", {"w:linePitch": "360"})
    if comments:
        rels.append(("rId9", _REL + "comments", "comments.xml"))
        overrides["/word/comments.xml"] = _MAIN_CT + "comments+xml"
        parts["word/comments.xml"] = _comments_part(writer, comments)
    parts["word/footnotes.xml"] = _footnotes_part(writer, footnotes)
    parts["word/endnotes.xml"] = _footnotes_part(writer, {}, "endnote")
    document_xml = _xml(root)
    words = len("".join(root.itertext()).split())
    content_types = (
        _DECLARATION.decode()
        + f'<Types xmlns="{CT}">'
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{ct}"/>' for name, ct in overrides.items())
        + "</Types>"
    )
    package_rels = _relationships(
        [
            ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
             "docProps/app.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
             "docProps/core.xml"),
            ("rId1", _REL + "officeDocument", "word/document.xml"),
        ]
    )  # fmt: skip
    return package(
        {
            "[Content_Types].xml": content_types,
            "_rels/.rels": package_rels,
            "word/document.xml": document_xml,
            "word/_rels/document.xml.rels": _relationships(rels),
            **parts,
            "word/styles.xml": styles_xml if styles_xml is not None else DEFAULT_STYLES,
            "word/settings.xml": _settings_part(writer, track_revisions),
            "word/fontTable.xml": _DECLARATION.decode() + _FONTS,
            "word/numbering.xml": numbering_xml if numbering_xml is not None else DEFAULT_NUMBERING,
            "docProps/core.xml": _DECLARATION.decode() + _core(title),
            "docProps/app.xml": _DECLARATION.decode() + _app(words, writer.paragraphs),
        }
    )


# --- canonical Markdown -> the drafter's Word document ------------------------------------------


@dataclass
class _Span:
    """Inline text with its Markdown emphasis."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass
class _Call:
    """A footnote call-out ``[^marker]``."""

    marker: str


_INLINE = re.compile(
    r"\\(?P<esc>[!-/:-@\[-`{-~])"  # an escaped ASCII punctuation mark is that mark
    r"|\[\^(?P<call>[^\]\s]+)\]"  # a footnote call-out
    r"|\[(?P<link>[^\]\n]*)\]\([^)\s]*\)"  # a link keeps its text
    r"|(?P<delim>\*\*|\*)"  # emphasis delimiters
)


def inline(text: str) -> list[_Span | _Call]:
    """Markdown inline mark-up -> spans with emphasis and call-outs.

    Delimiters pair as in CommonMark for the cases that occur in resolutions: an opener is
    followed by a non-space, a closer preceded by one (so ``L.21* and L.22*`` stays literal);
    an unpaired delimiter is a literal asterisk."""
    tokens: list[tuple[str, str, bool, bool]] = []  # (kind, value, can_open, can_close)
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            tokens.append(("text", text[pos : m.start()], False, False))
        if m.group("esc") is not None:
            tokens.append(("text", m.group("esc"), False, False))
        elif m.group("call") is not None:
            tokens.append(("call", m.group("call"), False, False))
        elif m.group("link") is not None:
            tokens.append(("text", m.group("link"), False, False))
        else:
            before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
            opens = bool(after) and not after.isspace()
            closes = bool(before) and not before.isspace()
            tokens.append(("delim", m.group("delim"), opens, closes))
        pos = m.end()
    if pos < len(text):
        tokens.append(("text", text[pos:], False, False))
    role: dict[int, str] = {}  # token index -> "open" / "close"
    stacks: dict[str, list[int]] = {"*": [], "**": []}
    for i, (kind, value, opens, closes) in enumerate(tokens):
        if kind != "delim":
            continue
        if closes and stacks[value]:
            role[stacks[value].pop()] = "open"
            role[i] = "close"
        elif opens:
            stacks[value].append(i)
    out: list[_Span | _Call] = []
    italic = bold = 0
    for i, (kind, value, _, _) in enumerate(tokens):
        if kind == "delim" and i in role:
            step = 1 if role[i] == "open" else -1
            if value == "*":
                italic += step
            else:
                bold += step
            continue
        if kind == "call":
            out.append(_Call(value))
            continue
        span = _Span(value, italic > 0, bold > 0)
        last = out[-1] if out else None
        if isinstance(last, _Span) and (last.italic, last.bold) == (span.italic, span.bold):
            last.text += span.text
        else:
            out.append(span)
    return out


_CJK_NUMERALS = "一二三四五六七八九"
_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_LABEL = re.compile(
    r"^(?:(?P<number>\d+)\."
    r"|\((?P<paren>[a-z]+)\)"
    r"|\((?P<cjk>[一二三四五六七八九十]+)\)"
    r"|(?P<dotted>[a-z]{1,2})\.)"
    r"[ \t]+"
)
_FORMULA = re.compile(
    r"^(?:The (?:General Assembly|Security Council|Human Rights Council|Economic and Social Council),"
    r"|(?:大会|安全理事会|人权理事会|经济及社会理事会)，)$"
)
_ANNEX = re.compile(r"^(?:Annex(?: [IVXLC]+)?|附件[一二三四五六七八九十]*)$")
_SECTION = re.compile(r"^(?:[IVXLC]+|[一二三四五六七八九十]+)$")
_DEFINITION = re.compile(r"^\[\^(?P<marker>[^\]\s]+)\]:[ \t]?(?P<text>.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ENDS_CLAUSE = tuple(",;:，；：.。")
_OPERATIVE_START = re.compile(r"^(?:\d|\[new\]|OP\d)")  # "5 bis.", "[new]", "OP5bis"


def roman_value(key: str) -> int | None:
    """``"iv"`` -> 4; None unless ``key`` is a canonical lower-case roman numeral."""
    if not key or not _ROMAN.match(key):
        return None
    values = [_ROMAN_VALUES[c] for c in key]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def letter_value(key: str) -> int | None:
    """``"a"`` -> 1, ``"z"`` -> 26, ``"aa"`` -> 27, ``"bb"`` -> 28 (Word's lowerLetter and the
    UN's labels alike double the letter after z); None for anything else (``"ab"``)."""
    if not key or len(set(key)) != 1 or not key.isascii() or not key.isalpha():
        return None
    return (len(key) - 1) * 26 + ord(key[0]) - ord("a") + 1


def cjk_value(key: str) -> int | None:
    """``"一"`` -> 1, ``"十"`` -> 10, ``"十三"`` -> 13, ``"二十"`` -> 20 (Word's chineseCounting,
    below one hundred)."""
    if key in ("", "十") or len(key) > 3:
        return 10 if key == "十" else None
    if "十" not in key:
        return _CJK_NUMERALS.index(key) + 1 if len(key) == 1 and key in _CJK_NUMERALS else None
    tens, _, units = key.partition("十")
    if (tens and (len(tens) != 1 or tens not in _CJK_NUMERALS or tens == "一")) or len(units) > 1:
        return None
    if units and units not in _CJK_NUMERALS:
        return None
    return (_CJK_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_CJK_NUMERALS.index(units) + 1 if units else 0)


class _Lists:
    """Which ``w:num`` each numbered paragraph uses, so that Word shows the label the Markdown
    has.

    Whether two ``w:num`` of one abstract list share their counters is read differently by
    Word and by other readers; so both readings are simulated — *shared* counters per abstract
    list, and *separate* counters per ``w:num`` — and whenever either would show another number
    than the Markdown's, a new ``w:num`` with a ``startOverride`` at that level is started (what
    Word writes for "Restart at 1" and "Set numbering value"). Every number is then the same
    under both readings."""

    def __init__(self, abstract: int, base: int) -> None:
        self.abstract = abstract
        self.current = base
        self.next_id = max(DEFAULT_NUMS) + 1
        self.overrides: dict[int, dict[int, int]] = {base: {}}
        self.extra: list[tuple[int, int, dict[int, int]]] = []
        self.started: set[tuple[int, int]] = set()
        self.shared: dict[int, int] = {}
        self.separate: dict[int, dict[int, int]] = {}

    def _value(self, counters: dict[int, int], num: int, ilvl: int) -> int:
        start = self.overrides[num].get(ilvl)
        if start is not None and (num, ilvl) not in self.started:
            return start
        return counters.get(ilvl, 0) + 1

    def number(self, ilvl: int, value: int) -> int:
        """The numId for a paragraph at ``ilvl`` that must show ``value``."""
        num = self.current
        separate = self.separate.setdefault(num, {})
        if self._value(self.shared, num, ilvl) != value or self._value(separate, num, ilvl) != value:
            num = self.next_id
            self.next_id += 1
            self.overrides[num] = {ilvl: value}
            self.extra.append((num, self.abstract, {ilvl: value}))
            self.current = num
            separate = self.separate.setdefault(num, {})
        self.started.add((num, ilvl))
        for counters in (self.shared, separate):
            counters[ilvl] = value
            for deeper in [k for k in counters if k > ilvl]:
                del counters[deeper]
        return num


@dataclass
class _Label:
    """A paragraph number or item label at the start of a Markdown paragraph."""

    text: str  # as typed: "5.", "(a)", "(一)", "a."
    level: int  # 0 paragraph, 1 (a), 2 (i)/(一), 3 a.
    value: int | None  # what Word's list at that level must show, None if it cannot
    length: int  # characters of the label and the space after it


class _Items:
    """Decides the level of an item label from its siblings, as a reader of the text does:
    ``(i)`` after ``(h)`` is the letter i, after ``(a)`` it opens a roman sub-list."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.last: dict[int, int] = {}  # level -> value of the last label at that level

    def reset(self) -> None:
        self.last = {}

    def label(self, line: str) -> _Label | None:
        m = _LABEL.match(line)
        if m is None:
            return None
        text = m.group(0).rstrip(" \t")
        if m.group("number"):
            self.reset()
            return self._at(0, int(m.group("number")), text, m.end())
        if m.group("cjk"):
            value = cjk_value(m.group("cjk"))
            return self._at(2, value if self.lang == "zh" else None, text, m.end())
        if m.group("dotted"):
            return self._at(3, letter_value(m.group("dotted")), text, m.end())
        key = m.group("paren")
        roman, letter = roman_value(key), letter_value(key)
        if roman is not None and self.last.get(2) is not None and roman == self.last[2] + 1:
            level = 2
        elif letter is not None and self.last.get(1) is not None and letter == self.last[1] + 1:
            level = 1
        elif roman == 1:
            level = 2
        elif letter is not None:
            level = 1
        elif roman is not None:
            level = 2
        else:
            return _Label(text, 1, None, m.end())
        value = letter if level == 1 else roman
        if level == 2 and self.lang == "zh":  # the Chinese list counts (一), (二) at this level
            return self._at(2, None, text, m.end())
        return self._at(level, value, text, m.end())

    def _at(self, level: int, value: int | None, text: str, length: int) -> _Label:
        if value is not None:
            self.last[level] = value
            for deeper in [k for k in self.last if k > level]:
                del self.last[deeper]
        return _Label(text, level, value, length)


class _Converter:
    """One Markdown resolution -> the paragraphs and footnotes of its Word document."""

    def __init__(self, text: str, auto_numbering: bool, lang: str) -> None:
        self.lang = lang
        self.auto = auto_numbering
        self.seed = zlib.crc32(text.encode("utf-8")) & 0xFFFF
        self.rng = random.Random(self.seed)
        self.joiner = "" if lang == "zh" else " "
        text = _COMMENT.sub("", text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
        self.blocks, self.definitions = self._split(text)
        self.lists = _Lists(2 if lang == "zh" else 1, 2 if lang == "zh" else 1)
        self.items = _Items(lang)
        self.ids: dict[str, int] = {}  # footnote marker -> Word id (= the number Word shows)
        self.repeated: set[str] = set()
        self.bookmarks: dict[str, str] = {}

    @staticmethod
    def _split(text: str) -> tuple[list[list[str]], dict[str, str]]:
        """Blank-line separated blocks of lines, and the footnote definitions taken out."""
        blocks: list[list[str]] = []
        definitions: dict[str, str] = {}
        for chunk in re.split(r"\n[ \t]*\n", text):
            lines = [ln.rstrip() for ln in chunk.split("\n") if ln.strip()]
            kept: list[str] = []
            current: str | None = None
            for line in lines:
                m = _DEFINITION.match(line.strip())
                if m:
                    current = m.group("marker")
                    definitions[current] = m.group("text").strip()
                elif current is not None and not kept:
                    definitions[current] += " " + line.strip()  # a definition running over lines
                else:
                    kept.append(line)
            if kept:
                blocks.append(kept)
        return blocks, definitions

    # -- zones

    def _zones(self) -> tuple[int, int]:
        """(index of the first body block, index of the first annex block)."""
        start = next((i for i, b in enumerate(self.blocks) if len(b) == 1 and _FORMULA.match(b[0].strip())), None)
        if start is None:  # no formula: the body starts at the first numbered or emphasised paragraph
            start = next(
                (i for i, b in enumerate(self.blocks) if _LABEL.match(b[0]) or b[0].lstrip().startswith("*")),
                len(self.blocks),
            )
        annex = next(
            (i for i in range(start, len(self.blocks)) if len(self.blocks[i]) == 1 and _ANNEX.match(self.blocks[i][0])),
            len(self.blocks),
        )
        return start, annex

    def _line_block(self, lines: list[str]) -> bool:
        """A closing block (meeting, date, vote) keeps its lines as paragraphs; a hard-wrapped
        paragraph is one paragraph (its last line ends a clause)."""
        first = lines[0].lstrip()
        return not (_LABEL.match(first) or first.startswith("*") or lines[-1].rstrip().endswith(_ENDS_CLAUSE))

    # -- footnotes

    def _number_footnotes(self, start: int, annex: int) -> None:
        """Word ids in order of first call-out (Word shows footnotes numbered in that order);
        a marker called again is a NOTEREF cross-reference to a bookmark on its first call."""
        seen: list[str] = []
        for i, block in enumerate(self.blocks):
            texts = block if (i < start or (i < annex and self._line_block(block))) else [self.joiner.join(block)]
            for text in texts:
                for piece in inline(text):
                    if isinstance(piece, _Call):
                        if piece.marker in seen:
                            self.repeated.add(piece.marker)
                        else:
                            seen.append(piece.marker)
        defined = [m for m in seen if m in self.definitions]
        defined += [m for m in self.definitions if m not in defined]  # never called: still in the part
        self.ids = {marker: n for n, marker in enumerate(defined, start=1)}

    def call(self, marker: str) -> Run:
        if marker not in self.ids:  # no footnote text: the drafter typed a superscript number
            return Run(marker, style="FootnoteReference")
        note = self.ids[marker]
        if marker in self.bookmarks:
            bookmark = self.bookmarks[marker]
            return Run(str(note), style="FootnoteReference", field=f" NOTEREF {bookmark} \\f \\h ")
        if marker in self.repeated:
            self.bookmarks[marker] = f"_Ref{181000000 + self.seed * 100 + note}"
            return Run("", footnote=note, bookmark=self.bookmarks[marker])
        return Run("", footnote=note)

    # -- runs

    def runs(self, text: str) -> list[Run]:
        """Markdown inline text -> runs, with the emphasis made in the different ways drafters
        make it: direct italic/bold, the Emphasis/Strong character styles, or a phrase split in
        two runs made each way; sometimes the space after the phrase is italic too."""
        pieces = inline(text)
        out: list[Run] = []
        for i, piece in enumerate(pieces):
            if isinstance(piece, _Call):
                out.append(self.call(piece.marker))
                continue
            if not piece.text:
                continue
            if not (piece.italic or piece.bold):
                out.append(Run(piece.text))
                continue
            style = (
                "Emphasis" if piece.italic and not piece.bold else "Strong" if piece.bold and not piece.italic else None
            )
            way = self.rng.randrange(4)
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            if way == 3 and isinstance(nxt, _Span) and nxt.text.startswith(" ") and not (nxt.italic or nxt.bold):
                piece.text += " "  # the space typed after the phrase took its formatting
                nxt.text = nxt.text[1:]
                way = 0
            if way == 1 and style:
                out.append(Run(piece.text, style=style))
            elif way == 2 and style and len(piece.text) > 1:
                cut = self.rng.randrange(1, len(piece.text))
                out.append(Run(piece.text[:cut], italic=piece.italic, bold=piece.bold))
                out.append(Run(piece.text[cut:], style=style))
            else:
                out.append(Run(piece.text, italic=piece.italic, bold=piece.bold))
        return out

    def numbered(self, line: str, style: str | None) -> tuple[Para, _Label | None]:
        """A body paragraph: a number or label becomes automatic numbering (or stays typed,
        followed by a tab)."""
        label = self.items.label(line)
        if label is None:
            self.items.reset()
            return Para(self.runs(line), style), None
        rest = line[label.length :]
        if self.auto and label.value is not None:
            num = self.lists.number(label.level, label.value)
            list_style = "ListParagraph" if self.rng.random() < 0.3 else None
            return Para(self.runs(rest), list_style, (num, label.level)), label
        return Para([Run(label.text), Run("", tab=True), *self.runs(rest)]), label

    def convert(self) -> tuple[list[Para], dict[int, list[Para]]]:
        start, annex = self._zones()
        self._number_footnotes(start, annex)
        body: list[Para] = []
        preamble = True  # until the first operative paragraph, unnumbered paragraphs are preambular
        heading_next = False
        for i, block in enumerate(self.blocks):
            if i < start or i >= annex:  # header lines, annexes: plain paragraphs, as typed
                lines = block if (i < start or self._line_block(block)) else [self.joiner.join(block)]
                body += [Para(self.runs(line)) for line in lines]
                continue
            if len(block) > 1 and self._line_block(block):  # a closing block: one paragraph per line
                body += [Para(self.runs(line)) for line in block]
                continue
            line = self.joiner.join(s.strip() for s in block)
            if i == start:  # the formula
                body.append(Para(self.runs(line)))
                continue
            if _SECTION.match(line):
                self.items.reset()
                body.append(Para(self.runs(line), "OperativeHeading"))
                heading_next = True
                continue
            if heading_next and not _LABEL.match(line) and not line.startswith("*"):
                body.append(Para(self.runs(line), "OperativeHeading"))
                heading_next = False
                continue
            heading_next = False
            para, label = self.numbered(line, "PreambularParagraph" if preamble else None)
            if (label is not None and label.level == 0) or _OPERATIVE_START.match(line):
                preamble = False
            body.append(para)
        notes = {self.ids[m]: [Para(self.runs(self.definitions[m]))] for m in self.ids}
        return body, notes


def from_markdown(text: str, *, auto_numbering: bool = True, lang: str = "en") -> bytes:
    """The Word document a drafter would have for this Markdown resolution (see the module
    docstring): header lines and closing lines one paragraph each, the formula, the preamble in
    the PreambularParagraph style, operative paragraphs and items numbered automatically
    (``auto_numbering``) or typed with a tab after the label, section labels and headings in
    the OperativeHeading style, annexes as plain paragraphs, footnotes as real footnotes."""
    conv = _Converter(text, auto_numbering, lang)
    body, notes = conv.convert()
    return document(body, footnotes=notes, numbering_xml=numbering_part(conv.lists.extra), seed=conv.seed)
