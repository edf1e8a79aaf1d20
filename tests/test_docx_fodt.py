"""Word documents whose structure LibreOffice made, not resdraft's test factory.

Each resolution here is written twice by this module's own code: as the Markdown text the
project's conventions describe (``examples/*.md``), and as a LibreOffice Flat ODT (``.fodt``)
that uses LibreOffice's native constructs — automatic text styles and the built-in "Emphasis"
and "Strong Emphasis" character styles for italics and bold, real footnotes (``text:note``),
automatic numbering from a list style (``text:list`` nested for sub-items,
``text:list-level-style-number`` levels "1." / "(a)" / "(i)" or "(一)"), lists that restart or
continue, headings numbered by the outline style, a masthead in a table, empty paragraphs,
fields, tracked changes, comments, hidden text, a text box and a footer. LibreOffice converts
the ``.fodt`` to ``.docx`` (``MS Word 2007 XML``); the ``.docx`` must give the model of the
Markdown text, with the same emphasis of the opening phrases, and ``resdraft check`` must report
on it exactly the emphasis slips planted in both texts (RD204, RD303), at the paragraph and
offset that the ``word`` member of ``--format json`` gives.

Skipped where LibreOffice is not installed (``apt install libreoffice-writer-nogui``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

import resdraft
from resdraft.model import Resolution

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")

# --------------------------------------------------------------------------------------------
# The Flat ODT writer
# --------------------------------------------------------------------------------------------

_NAMESPACES = " ".join(
    f'xmlns:{prefix}="{uri}"'
    for prefix, uri in (
        ("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
        ("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
        ("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
        ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
        ("fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
        ("number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"),
        ("draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"),
        ("svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
        ("xlink", "http://www.w3.org/1999/xlink"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
    )
)

_ITALIC = 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'
_BOLD = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
_LANGUAGES = {"en": ("en", "GB"), "zh": ("zh", "CN")}

# the named styles of a LibreOffice document: the default and footnote paragraph styles, the
# built-in character styles "Emphasis" (italic) and "Strong Emphasis" (bold), "Heading 1" and
# the outline numbering that numbers it ("I.", "II.")
_STYLES = f"""<office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties fo:language="{{language}}" fo:country="{{country}}"
     style:language-asian="zh" style:country-asian="CN"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"
    style:class="extra"/>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"
    style:class="extra"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
    style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
   <style:text-properties {_BOLD}/></style:style>
  <style:style style:name="Emphasis" style:family="text"><style:text-properties {_ITALIC}/></style:style>
  <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
   <style:text-properties {_BOLD}/></style:style>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format="I" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/>
    </style:list-level-properties>
   </text:outline-level-style>
  </text:outline-style>
  {{extra}}
 </office:styles>"""


def _level(level: int, fmt: str, prefix: str, suffix: str) -> str:
    """One numbered level of a list style, laid out as LibreOffice writes its own (label
    alignment, the number followed by a tab)."""
    indent = f"{0.6 + 0.9 * level:.1f}"
    prefix_attr = f' style:num-prefix="{prefix}"' if prefix else ""
    return f"""<text:list-level-style-number text:level="{level}"{prefix_attr} style:num-format="{fmt}"
     style:num-suffix="{suffix}">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{indent}cm"
       fo:text-indent="-0.9cm" fo:margin-left="{indent}cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>"""


#: the third level by language: (i) in English, (一) in Chinese ("一, 二, 三, ..." is
#: LibreOffice's name for Chinese counting)
_THIRD_LEVEL = {"en": "i", "zh": "一, 二, 三, ..."}


def _list_style(lang: str) -> str:
    return f"""<text:list-style style:name="L1">
   {_level(1, "1", "", ".")}
   {_level(2, "a", "(", ")")}
   {_level(3, _THIRD_LEVEL[lang], "(", ")")}
  </text:list-style>"""


# T1, T2: italic (two automatic styles, as LibreOffice makes when a phrase was formatted in two
# goes); T3: bold; T4: superscript; T5: hidden; Table1: the masthead table; N1: a date "2 November
# 2026"; pm1/Footer page layout
_AUTOMATIC = f"""<office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties {_ITALIC}/></style:style>
  <style:style style:name="T2" style:family="text"><style:text-properties {_ITALIC}/></style:style>
  <style:style style:name="T3" style:family="text"><style:text-properties {_BOLD}/></style:style>
  <style:style style:name="T4" style:family="text">
   <style:text-properties style:text-position="super 58%"/></style:style>
  <style:style style:name="T5" style:family="text"><style:text-properties text:display="none"/></style:style>
  <style:style style:name="Table1" style:family="table"><style:table-properties style:width="16cm"/></style:style>
  <number:date-style style:name="N1"><number:day/><number:text> </number:text>
   <number:month number:style="long" number:textual="true"/><number:text> </number:text>
   <number:year number:style="long"/></number:date-style>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/>
   <style:footer-style><style:header-footer-properties fo:min-height="1cm"/></style:footer-style></style:page-layout>
  {{list_style}}
  {{extra}}
 </office:automatic-styles>"""

_INLINE = re.compile(r"\*\*(?P<bold>[^*]+)\*\*|\*(?P<italic>[^*]+)\*|\[\^(?P<note>\w+)\]")
_OP = re.compile(r"(?P<label>\d+)\. (?P<rest>.*)", re.DOTALL)
_ITEM = re.compile(r"\((?P<label>[a-z]+|[一二三四五六七八九十]+)\) (?P<rest>.*)", re.DOTALL)
_SECTION = re.compile(r"(?P<label>[IVX]+)\. (?P<rest>.+)")
_NOTE_TEXT = re.compile(r"\[\^(?P<marker>\w+)\]: (?P<text>.*)", re.DOTALL)
_ROMAN = re.compile(r"[ivx]+")


@dataclass
class Fodt:
    """The Flat ODT of a resolution given as Markdown (the project's conventions: blank-line
    separated paragraphs, ``*…*`` italics, ``**…**`` bold, ``N. `` and ``(a) `` labels,
    ``[^n]`` call-outs with ``[^n]: text`` definitions at the end).

    Typed labels are dropped: LibreOffice numbers the paragraphs from the list style, each
    operative paragraph a ``text:list-item`` of a top-level ``text:list``, its sub-items in a
    ``text:list`` nested in that item. Other blocks (header, formula, preamble, closing, part
    labels) are ``text:p``, one per line; ``I. Heading`` blocks are ``text:h`` numbered by the
    outline style. A footnote called a second time is LibreOffice's cross-reference to it.
    """

    markdown: str
    lang: str = "en"
    formula: str = "The General Assembly,"
    #: the masthead as a table: rows of cells of paragraphs, read in order the Markdown's first block
    masthead: list[list[list[str]]] | None = None
    #: an empty paragraph after each block before the organ formula (a drafter's spacing)
    spacers: bool = False
    #: how a top-level list after an interruption numbers: "restart" (a list of its own),
    #: "continue-numbering" (``text:continue-numbering``) or "continue-list" (``text:continue-list``)
    lists: str = "restart"
    #: emphasised Markdown phrase → how it is written: "style" (the named character style,
    #: "Emphasis" or "Strong Emphasis"), "split" (a span per word, two italic automatic styles,
    #: the space in the second), "gap" (a span per word, the spaces between them roman)
    variants: dict[str, str] = field(default_factory=dict)
    #: what the Markdown cannot say (a field, a tracked change, a comment …): (XML of the body as
    #: written, its replacement), each found exactly once; ``paragraphs`` does not follow them
    patches: list[tuple[str, str]] = field(default_factory=list)
    #: ``text:changed-region`` elements of the tracked changes the patches refer to
    tracked: str = ""
    #: the text of the page footer (the page number field follows it)
    footer: str | None = None
    #: (body paragraph ordinal, text without labels and marks) of every body paragraph written,
    #: empty ones and those of the masthead table included
    paragraphs: list[tuple[int, str]] = field(default_factory=list, init=False)
    _called: set[str] = field(default_factory=set, init=False)

    def xml(self) -> str:
        blocks = self.markdown.strip().split("\n\n")
        notes = {m["marker"]: m["text"] for b in blocks if (m := _NOTE_TEXT.fullmatch(b))}
        body = "\n".join(self._body([b for b in blocks if not _NOTE_TEXT.fullmatch(b)], notes))
        for old, new in self.patches:
            assert body.count(old) == 1, f"{old!r} occurs {body.count(old)} times"
            body = body.replace(old, new)
        language, country = _LANGUAGES[self.lang]
        master = ""
        if self.footer is not None:
            master = (
                '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
                f'<style:footer><text:p text:style-name="Footer">{escape(self.footer)}<text:tab/>'
                '<text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>'
                "</style:master-page></office:master-styles>"
            )
        tracked = f"<text:tracked-changes>{self.tracked}</text:tracked-changes>" if self.tracked else ""
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document {_NAMESPACES} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">\n '
            + _STYLES.format(language=language, country=country, extra="")
            + "\n "
            + _AUTOMATIC.format(list_style=_list_style(self.lang), extra="")
            + master
            + f"\n <office:body><office:text>{tracked}\n"
            + body
            + "\n </office:text></office:body>\n</office:document>\n"
        )

    def ordinal(self, start: str) -> int:
        """The body paragraph ordinal of the one paragraph whose text starts with ``start``."""
        found = [n for n, text in self.paragraphs if text.startswith(start)]
        assert len(found) == 1, (start, found)
        return found[0]

    def write(self, path: Path) -> Path:
        path.write_text(self.xml(), encoding="utf-8")
        return path

    # -- body ----------------------------------------------------------------------------------

    def _body(self, blocks: list[str], notes: dict[str, str]) -> Iterator[str]:
        self.paragraphs = []
        self._called = set()
        depth = 0  # list levels open
        previous: tuple[int, str] | None = None  # the last list paragraph: level, text
        lists = 0
        front = True
        for index, block in enumerate(blocks):
            level, text = self._classify(block, previous)
            if level == 0 and depth:
                yield "</text:list-item></text:list>" * depth
                depth = 0
            if level == 0:
                previous = None
                if index == 0 and self.masthead is not None:
                    yield self._table(block)
                elif section := _SECTION.fullmatch(block):
                    # numbered by the outline style, the number is not typed
                    self._count(block)
                    rest = escape(section["rest"])
                    yield f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{rest}</text:h>'
                else:
                    yield from (self._p(line, notes) for line in block.split("\n"))
                front = front and block != self.formula
                if front and self.spacers:
                    yield self._p("", notes)
                continue
            if depth == 0:
                assert level == 1, f"a list must start at its first level: {block!r}"
                lists += 1
                yield self._open_list(lists)
            elif level > depth:
                assert level == depth + 1, f"a level skipped: {block!r}"
                yield "<text:list>"
            else:
                yield "</text:list-item></text:list>" * (depth - level) + "</text:list-item>"
            depth = level
            yield "<text:list-item>" + self._p(text, notes)
            previous = (level, text)
        if depth:
            yield "</text:list-item></text:list>" * depth

    def _open_list(self, number: int) -> str:
        ident = f'xml:id="list{number}" text:style-name="L1"'
        if number == 1 or self.lists == "restart":
            return f"<text:list {ident}>"
        if self.lists == "continue-numbering":
            return f'<text:list {ident} text:continue-numbering="true">'
        assert self.lists == "continue-list", self.lists
        return f'<text:list {ident} text:continue-list="list{number - 1}">'

    @staticmethod
    def _classify(block: str, previous: tuple[int, str] | None) -> tuple[int, str]:
        """The list level of a block (0: not numbered) and its text without the typed label.
        A roman-looking letter is a third-level item after a lead-in ending with a colon or
        after another third-level item, otherwise a letter ((i) after (h))."""
        if m := _OP.fullmatch(block):
            return 1, m["rest"]
        if m := _ITEM.fullmatch(block):
            label = m["label"]
            if not label.isascii():
                return 3, m["rest"]
            if _ROMAN.fullmatch(label) and previous and (previous[0] == 3 or previous[1].endswith((":", "："))):
                return 3, m["rest"]
            return 2, m["rest"]
        return 0, block

    def _table(self, block: str) -> str:
        assert self.masthead is not None
        lines = [line for row in self.masthead for cell in row for line in cell]
        assert "\n".join(lines) == block, "the masthead table must read as the first block"
        columns = max(len(row) for row in self.masthead)
        out = [
            '<table:table table:name="Masthead" table:style-name="Table1">',
            f'<table:table-column table:number-columns-repeated="{columns}"/>',
        ]
        for row in self.masthead:
            out.append("<table:table-row>")
            for cell in row:
                out.append('<table:table-cell office:value-type="string">')
                out.extend(self._p(line, {}) for line in cell)
                out.append("</table:table-cell>")
            out.append("</table:table-row>")
        out.append("</table:table>")
        return "\n".join(out)

    def _count(self, text: str) -> None:
        plain = _INLINE.sub(lambda m: m["bold"] or m["italic"] or "", text)
        self.paragraphs.append((len(self.paragraphs) + 1, plain))

    def _p(self, text: str, notes: dict[str, str], *, note: bool = False) -> str:
        if not note:
            self._count(text)
        style = "Footnote" if note else "Standard"
        return f'<text:p text:style-name="{style}">{self._inline(text, notes)}</text:p>'

    def _inline(self, text: str, notes: dict[str, str]) -> str:
        out: list[str] = []
        last = 0
        for m in _INLINE.finditer(text):
            out.append(escape(text[last : m.start()]))
            last = m.end()
            marker = m["note"]
            if marker and marker in self._called:
                # the footnote called again: Insert > Cross-reference > Footnotes, superscript
                out.append(
                    '<text:span text:style-name="T4"><text:note-ref text:note-class="footnote" '
                    f'text:reference-format="text" text:ref-name="ftn{marker}">{marker}</text:note-ref></text:span>'
                )
            elif marker:
                self._called.add(marker)
                body = self._p(notes[marker], notes, note=True)
                out.append(
                    f'<text:note text:id="ftn{marker}" text:note-class="footnote">'
                    f"<text:note-citation>{marker}</text:note-citation>"
                    f"<text:note-body>{body}</text:note-body></text:note>"
                )
            else:
                out.append(self._emphasis(m["bold"] or m["italic"], bold=m["bold"] is not None))
        out.append(escape(text[last:]))
        return "".join(out)

    def _emphasis(self, phrase: str, *, bold: bool) -> str:
        variant = self.variants.get(phrase)
        if variant == "style":
            name = "Strong_20_Emphasis" if bold else "Emphasis"
            return f'<text:span text:style-name="{name}">{escape(phrase)}</text:span>'
        automatic = "T3" if bold else "T1"
        words = phrase.split(" ")
        if variant == "split":
            spans = [words[0]] + [" " + w for w in words[1:]]
            styles = ["T1" if i % 2 == 0 else "T2" for i in range(len(spans))]
            pairs = zip(styles, spans, strict=True)
            return "".join(f'<text:span text:style-name="{s}">{escape(t)}</text:span>' for s, t in pairs)
        if variant == "gap":
            return " ".join(f'<text:span text:style-name="{automatic}">{escape(w)}</text:span>' for w in words)
        assert variant is None, variant
        return f'<text:span text:style-name="{automatic}">{escape(phrase)}</text:span>'


# --------------------------------------------------------------------------------------------
# LibreOffice and resdraft
# --------------------------------------------------------------------------------------------


def soffice(source: Path, outdir: Path, target: str = "docx:MS Word 2007 XML") -> Path:
    """``source`` converted by LibreOffice into ``outdir``, with a user profile of its own
    (parallel runs never share one)."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (outdir / "profile").as_uri()
    command = ["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", target]
    proc = subprocess.run([*command, "--outdir", outdir, source], capture_output=True, text=True, timeout=180)
    out = outdir / f"{source.stem}.{target.split(':')[0]}"
    assert proc.returncode == 0 and out.exists(), (proc.stdout, proc.stderr)
    return out


def to_docx(doc: Fodt, tmp_path: Path, name: str = "draft") -> Path:
    """The resolution as LibreOffice saves it in Word format."""
    return soffice(doc.write(tmp_path / f"{name}.fodt"), tmp_path / "docx")


def shown_text(docx: Path, tmp_path: Path) -> list[str]:
    """The lines LibreOffice shows for a Word document (its plain-text export)."""
    return soffice(docx, tmp_path / "text", "txt:Text").read_text(encoding="utf-8-sig").splitlines()


def resdraft_cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m resdraft ARGS…`` in ``cwd`` (a directory without configuration)."""
    return subprocess.run(
        [sys.executable, "-m", "resdraft", *(str(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def findings(path: Path) -> list[dict[str, Any]]:
    """``resdraft check --format json`` on one file."""
    proc = resdraft_cli("check", "--format", "json", "--exit-zero", path.name, cwd=path.parent)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def phrases(res: Resolution) -> list[tuple[str, int, str] | None]:
    """Every opening phrase (text, offset, emphasis), preambles of parts included."""
    paragraphs = [*res.preamble, *(p for s in res.sections for p in s.preamble), *res.all_operative()]
    return [(p.phrase.text, p.phrase.offset, p.phrase.emphasis.value) if p.phrase else None for p in paragraphs]


def labels(res: Resolution) -> list[str | None]:
    """The operative paragraphs' numbers, as printed or as Word shows them."""
    return [p.label for p in res.all_operative()]


@dataclass(frozen=True)
class Planted:
    """An emphasis slip written on purpose: its rule, the paragraph it is in (the start of the
    paragraph's text), the phrase it concerns, and the number Word shows before the paragraph."""

    code: str
    paragraph: str
    phrase: str
    number: str | None


def assert_same_resolution(docx: Path, markdown: str) -> Resolution:
    """The Word document gives the Markdown's model, with the same opening phrases and emphasis."""
    from_word, from_text = resdraft.parse(docx), resdraft.parse(markdown)
    assert from_word == from_text
    assert phrases(from_word) == phrases(from_text)
    return from_word


def assert_planted(doc: Fodt, docx: Path, tmp_path: Path, planted: list[Planted]) -> None:
    """``resdraft check`` reports on the Word document exactly the planted slips, at the paragraph
    and offset the ``word`` member gives, and the same findings as on the Markdown text."""
    found = findings(docx)
    expected = []
    for slip in planted:
        ordinal = doc.ordinal(slip.paragraph)
        offset = dict(doc.paragraphs)[ordinal].index(slip.phrase)
        word = {"part": "body", "paragraph": ordinal, "number": slip.number, "footnote": None, "offset": offset}
        expected.append((slip.code, ordinal, offset + 1, word))
    assert [(d["code"], d["line"], d["column"], d["word"]) for d in found] == expected
    for d, slip in zip(found, planted, strict=True):
        assert f'"{slip.phrase.split(" ")[0]}' in d["message"]
    text = tmp_path / "draft.md"
    text.write_text(doc.markdown, encoding="utf-8")
    assert [(d["code"], d["message"]) for d in findings(text)] == [(d["code"], d["message"]) for d in found]


# --------------------------------------------------------------------------------------------
# The resolutions (invented texts)
# --------------------------------------------------------------------------------------------

GA_DRAFT_EN = """United Nations
A/C.2/81/L.9
General Assembly
Distr.: Limited
2 November 2026
Original: English

Eighty-first session
Second Committee
Agenda item 18 (c)
Sustainable development: disaster risk reduction

Bhutan, Kyrgyzstan, Nepal, Peru and Switzerland: draft resolution

Glacier retreat and mountain water security

The General Assembly,

*Recalling* its resolution 77/158 of 14 December 2022, by which it proclaimed 2025 the International Year of \
Glaciers' Preservation,

*Recalling also* the Paris Agreement,[^1] in particular its provisions on adaptation and on averting, \
minimizing and addressing loss and damage,

*Deeply concerned* that glaciers in all mountain regions are retreating at an accelerating rate, threatening \
the water, food and energy security of downstream communities,

Noting with concern that glacial lake outburst floods endanger lives and infrastructure in mountain valleys,

*Welcoming* the work of the World Meteorological Organization and the United Nations Educational, Scientific \
and Cultural Organization on monitoring the cryosphere,[^2]

*Noting with appreciation* the contribution of mountain communities to the observation of glaciers,

1. *Encourages* Member States to integrate glacier and snow monitoring into their national adaptation plans;

2. *Calls upon* Member States, in cooperation with relevant stakeholders:

(a) To strengthen early warning systems for glacial lake outburst floods, including by:

(i) Mapping glacial lakes and assessing their hazard;

(ii) Installing automatic monitoring stations in high-risk valleys;[^3]

(b) To promote the integrated management of mountain river basins across borders;

(c) To involve mountain communities, including women and indigenous peoples, in the design of adaptation measures;

3. Stresses the importance of open data on glaciers, snow and permafrost for scientific research and planning;

4. *Invites Member States* to share good practices on water storage and retention in mountain areas;

5. *Requests* the Secretary-General to submit to the General Assembly at its eighty-third session a report on \
the implementation of the present resolution.

[^1]: See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.

[^2]: See *World Glacier Monitoring Report 2025*.

[^3]: See A/81/218, para. 14.
"""

GA_DRAFT_MASTHEAD = [
    [["United Nations"], ["A/C.2/81/L.9"]],
    [["General Assembly"], ["Distr.: Limited", "2 November 2026", "Original: English"]],
]

GA_DRAFT_PLANTED = [
    Planted("RD204", "Noting with concern", "Noting with concern", None),
    Planted("RD303", "Stresses", "Stresses", "3."),
    Planted("RD303", "Invites", "Invites Member States", "4."),
]

GA_RESOLUTION_ZH = """A/RES/81/190

Distr.: General
28 December 2026

第八十一届会议

议程项目 20 (d)

可持续发展：保护全球气候

2026年12月18日大会决议

[根据第二委员会的报告(A/81/463/Add.4，第10段)通过]

81/190. 山区冰川与水安全

大会，

回顾其2022年12月14日第77/158号决议，其中宣布2025年为国际冰川保护年，

又回顾《巴黎协定》，[^1]特别是其中关于适应的规定，

对冰川加速退缩及其对下游社区水、粮食和能源安全构成的威胁**深表遗憾**，

注意到世界气象组织关于冰冻圈监测的工作，[^2]

1. **鼓励**会员国将冰川和积雪监测纳入国家适应计划；

2. **促请**会员国与相关利益攸关方合作：

(a) 加强冰川湖溃决洪水早期预警系统，包括：

(一) 绘制冰川湖分布图并评估其危险程度；

(二) 在高风险河谷安装自动监测站；[^3]

(b) 促进跨界山区流域的综合管理；

(c) 让山区社区，包括妇女和土著人民，参与适应措施的设计；

3. 强调冰川、积雪和永久冻土开放数据对科学研究和规划的重要性；

4. 对秘书长关于冰冻圈监测的报告表示赞赏；

5. **请**秘书长向大会第八十三届会议提交关于本决议执行情况的报告；

6. **决定**在大会第八十三届会议上继续审议这一问题。

2026年12月18日
第60次全体会议

[^1]: 见FCCC/CP/2015/10/Add.1，第1/CP.21号决定，附件。

[^2]: 见《2025年世界冰川监测报告》。

[^3]: 见A/81/218，第14段。
"""

GA_RESOLUTION_ZH_PLANTED = [
    Planted("RD303", "强调", "强调", "3."),
    Planted("RD303", "对秘书长", "表示赞赏", "4."),
]

SC_RESOLUTION = """**Resolution 2851 (2026)**

Adopted by the Security Council at its 10102nd meeting, on 9 June 2026

The Security Council,

*Recalling* its resolutions 2231 (2015) and 2742 (2024) and the statements of its President,

*Expressing grave concern* at the continued trafficking of small arms and light weapons across the borders of \
the subregion,[^1]

*Stressing* that Member States have the primary responsibility to control the transfer of arms within and \
across their borders,

*Acting* under Chapter VII of the Charter of the United Nations,

1. *Decides* to establish, for an initial period of thirteen months, a Panel of Experts with the mandate set \
out in the annex to this resolution;

2. *Calls upon* all States:

(a) To mark and register small arms and light weapons at the time of manufacture and import;

(b) To cooperate with the Panel, including by providing information on seizures;

(c) To report to the Committee within 90 days on the steps they have taken;

3. *Requests* the Secretary-General to appoint the members of the Panel within thirty days of the adoption of \
this resolution;

4. *Decides* to remain actively seized of the matter.

Annex

Mandate of the Panel of Experts

1. The Panel shall gather, examine and analyse information on the implementation of the measures imposed by \
this resolution.

2. The Panel shall submit a final report to the Council no later than 1 June 2027.

[^1]: See S/2026/310.
"""

SECTIONS_EN = """Resolution adopted by the General Assembly on 22 December 2026

[on the report of the Fifth Committee (A/81/702)]

81/266. Questions relating to the programme budget

The General Assembly,

*Recalling* its resolution 80/255 of 24 December 2025,

*Having considered* the report of the Secretary-General and the related report of the Advisory Committee on \
Administrative and Budgetary Questions,

I. Conference services

1. *Takes note* of the report of the Secretary-General;

2. *Requests* the Secretary-General to ensure the equal treatment of the six official languages in all \
conference services;

II. Information and communications technology

3. *Notes* the progress made in the consolidation of data centres;

4. *Encourages* the Secretary-General to strengthen the protection of the Organization against cyberattacks, \
including by:

(a) Conducting regular assessments of vulnerabilities;

(b) Training staff in information security;

5. *Decides* to consider the question at the main part of its eighty-second session.

74th plenary meeting
22 December 2026
"""

COMPOSITE_EN = """Resolution adopted by the General Assembly on 9 December 2026

[on the report of the Special Political and Decolonization Committee (Fourth Committee) (A/81/411)]

81/97. Questions relating to information

A

Information in the service of humanity

The General Assembly,

*Taking note* of the comprehensive report of the Committee on Information,

1. *Urges* all countries to cooperate in reducing existing disparities in information flows at all levels;

2. *Calls upon* States to ensure that journalists can work freely and effectively.

50th plenary meeting
9 December 2026

B

United Nations global communications policies and activities

The General Assembly,

*Emphasizing* the role of the Department of Global Communications in promoting the work of the United Nations,

1. *Reaffirms* that the United Nations remains the indispensable foundation of a peaceful and just world;

2. *Requests* the Department to continue to strengthen its multilingual websites;

3. *Also requests* the Secretary-General to report to the Committee on Information at its forty-ninth session \
on the activities of the Department.

50th plenary meeting
9 December 2026
"""

SHORT_SC = """Resolution 2853 (2026)

Adopted by the Security Council at its 10110th meeting, on 23 June 2026

The Security Council,

*Recalling* its resolutions 2231 (2015) and 2742 (2024),

*Acting* under Chapter VII of the Charter of the United Nations,

1. *Decides* to extend the mandate of the Panel of Experts until 31 July 2027;

2. *Requests* the Secretary-General to take the necessary administrative measures;

3. *Encourages* Member States to cooperate fully with the Panel;

4. *Decides* to remain actively seized of the matter.
"""

#: the short resolution with its second operative paragraph started at 5 (``text:start-value``)
SHORT_SC_FROM_5 = (
    SHORT_SC.replace("2. *Requests*", "5. *Requests*")
    .replace("3. *Enc", "6. *Enc")
    .replace("4. *Decides* to remain", "7. *Decides* to remain")
)
START_AT_5 = (
    '<text:list-item><text:p text:style-name="Standard"><text:span text:style-name="T1">Requests',
    '<text:list-item text:start-value="5"><text:p text:style-name="Standard"><text:span text:style-name="T1">Requests',
)

_CHANGE_INFO = (
    "<office:change-info><dc:creator>Delegation of Peru</dc:creator>"
    "<dc:date>2026-10-20T10:00:00</dc:date></office:change-info>"
)


def _region(ident: str, kind: str, content: str = "") -> str:
    """A ``text:changed-region``: an insertion (marked in the text by change-start/change-end) or
    a deletion holding what was deleted (marked in the text by ``text:change``)."""
    return (
        f'<text:changed-region text:id="{ident}" xml:id="{ident}">'
        f"<text:{kind}>{_CHANGE_INFO}{content}</text:{kind}></text:changed-region>"
    )


def _without(markdown: str, paragraph: str) -> str:
    """The Markdown without one operative paragraph, the later ones renumbered."""
    blocks = markdown.split("\n\n")
    index = next(i for i, b in enumerate(blocks) if paragraph in b)
    rest = [re.sub(r"^(\d+)\.", lambda m: f"{int(m[1]) - 1}.", b) for b in blocks[index + 1 :]]
    return "\n\n".join(blocks[:index] + rest)


# --------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------


def test_ga_draft_with_masthead_table_footnotes_and_planted_emphasis(tmp_path: Path) -> None:
    """An English Second Committee draft: the masthead in a two-column table, the other header
    lines separated by empty paragraphs, the issue date a fixed date field; "Recalling also" in
    two italic spans, "Deeply concerned" with a roman space, "Welcoming" in the Emphasis style;
    footnotes in the preamble and in a (i) item; three emphasis slips (a preambular phrase left
    roman, an operative verb left roman, italics running past "Invites")."""
    doc = Fodt(
        GA_DRAFT_EN,
        masthead=GA_DRAFT_MASTHEAD,
        spacers=True,
        variants={"Recalling also": "split", "Deeply concerned": "gap", "Welcoming": "style"},
        patches=[
            (
                ">2 November 2026<",
                '><text:date style:data-style-name="N1" text:date-value="2026-11-02" text:fixed="true">'
                "2 November 2026</text:date><",
            )
        ],
    )
    docx = to_docx(doc, tmp_path)
    res = assert_same_resolution(docx, GA_DRAFT_EN)
    assert res.header.symbol == "A/C.2/81/L.9" and res.header.agenda_item == "18 (c)"
    assert res.header.sponsors == ["Bhutan", "Kyrgyzstan", "Nepal", "Peru", "Switzerland"]
    assert res.header.title == "Glacier retreat and mountain water security"
    assert [i.label for i in res.operative[1].items] == ["(a)", "(b)", "(c)"]
    assert [i.label for i in res.operative[1].items[0].items] == ["(i)", "(ii)"]
    assert [f.text.text for f in res.footnotes][1] == "See World Glacier Monitoring Report 2025."
    # the masthead's six paragraphs, each header block's paragraphs and an empty one after it,
    # the formula, three preambular paragraphs
    assert doc.ordinal("Noting with concern") == 6 + 1 + (4 + 1) + (1 + 1) + (1 + 1) + 1 + 3 + 1
    assert_planted(doc, docx, tmp_path, GA_DRAFT_PLANTED)


def test_chinese_resolution_with_chinese_counting_and_bold_verbs(tmp_path: Path) -> None:
    """A Chinese adopted resolution: preambular phrases plain, the fronted "对……深表遗憾" bold,
    operative verbs bold (one in the Strong Emphasis style), items (a) then (一) at level 3
    (LibreOffice's "一, 二, 三, ..."), footnotes ending with "。", the closing block's two lines
    in one paragraph with a line break; two slips: "强调" not bold, and a fronted operative
    phrase "表示赞赏" not bold (its offset is not 0)."""
    doc = Fodt(
        GA_RESOLUTION_ZH,
        lang="zh",
        formula="大会，",
        variants={"鼓励": "style"},
        patches=[
            (
                '2026年12月18日</text:p>\n<text:p text:style-name="Standard">第60次',
                "2026年12月18日<text:line-break/>第60次",
            )
        ],
    )
    docx = to_docx(doc, tmp_path)
    res = assert_same_resolution(docx, GA_RESOLUTION_ZH)
    assert (res.language, res.header.symbol, res.header.committee) == ("zh", "A/RES/81/190", 2)
    assert [(i.label, [j.label for j in i.items]) for i in res.operative[1].items] == [
        ("(a)", ["(一)", "(二)"]),
        ("(b)", []),
        ("(c)", []),
    ]
    assert res.preamble[2].phrase is not None and res.preamble[2].phrase.text == "深表遗憾"
    assert res.closing is not None and (res.closing.date, res.closing.meeting) == ("2026-12-18", "第60次全体会议")
    assert_planted(doc, docx, tmp_path, GA_RESOLUTION_ZH_PLANTED)


def test_security_council_resolution_with_annex_and_constructs_that_never_reach_the_text(tmp_path: Path) -> None:
    """A Security Council resolution, clean: its number in bold, items (a)–(c), a footnote whose
    symbol is a hyperlink, an annex whose paragraphs are a second list restarting at 1; and what
    a drafter's copy holds besides: a comment, hidden text, a text box anchored in the
    formula's paragraph, a bookmark and a footer with the page number."""
    doc = Fodt(
        SC_RESOLUTION,
        formula="The Security Council,",
        footer="26-11532 (E)",
        patches=[
            (
                ">See S/2026/310.<",
                '>See <text:a xlink:type="simple" xlink:href="https://undocs.org/S/2026/310">S/2026/310</text:a>.<',
            ),
            (
                "small arms and light weapons at the time",
                "small arms<office:annotation><dc:creator>Delegation of Ghana</dc:creator>"
                "<dc:date>2026-06-01T09:30:00</dc:date><text:p>Add ammunition?</text:p></office:annotation>"
                " and light weapons at the time",
            ),
            ("thirteen months,", 'thirteen<text:span text:style-name="T5"> [or twelve]</text:span> months,'),
            (
                ">The Security Council,<",
                '><draw:frame draw:name="Emblem" text:anchor-type="paragraph" svg:width="3cm" svg:height="1cm" '
                'draw:z-index="0"><draw:text-box><text:p>UNITED NATIONS</text:p></draw:text-box></draw:frame>'
                '<text:bookmark text:name="formula"/>The Security Council,<',
            ),
        ],
    )
    docx = to_docx(doc, tmp_path)
    res = assert_same_resolution(docx, SC_RESOLUTION)
    assert (res.header.number, res.header.meeting, res.header.adopted_date) == ("2851 (2026)", "10102nd", "2026-06-09")
    assert labels(res) == ["1.", "2.", "3.", "4."]
    assert [p.text[:3] for p in res.annexes[0].paragraphs] == ["1. ", "2. "]
    assert findings(docx) == []


@pytest.mark.parametrize("continuation", ["continue-numbering", "continue-list"])
def test_sections_numbered_by_the_outline_with_operative_numbering_continued(tmp_path: Path, continuation: str) -> None:
    """Sections "I." and "II." are Heading 1 paragraphs numbered by the outline numbering (a
    numbering LibreOffice puts in the heading style, not in the paragraph); the operative list
    is interrupted by the heading and continues (``text:continue-numbering`` or
    ``text:continue-list``): 1, 2 | 3, 4, 5."""
    doc = Fodt(SECTIONS_EN, lists=continuation)
    res = assert_same_resolution(to_docx(doc, tmp_path), SECTIONS_EN)
    assert [(s.label, s.heading) for s in res.sections] == [
        ("I", "Conference services"),
        ("II", "Information and communications technology"),
    ]
    assert labels(res) == ["1.", "2.", "3.", "4.", "5."]


def test_composite_resolution_whose_second_list_restarts(tmp_path: Path) -> None:
    """Parts A and B of a composite resolution: each part's operative list is a ``text:list`` of
    its own with the same list style, so part B starts again at 1."""
    doc = Fodt(COMPOSITE_EN, lists="restart")
    res = assert_same_resolution(to_docx(doc, tmp_path), COMPOSITE_EN)
    assert [(s.kind, s.label, [p.label for p in s.paragraphs]) for s in res.sections] == [
        ("part", "A", ["1.", "2."]),
        ("part", "B", ["1.", "2.", "3."]),
    ]


def test_a_list_item_started_at_another_value_is_read_as_libreoffice_shows_it(tmp_path: Path) -> None:
    """``text:start-value="5"`` on the second operative paragraph (LibreOffice writes a ``w:num``
    with a ``w:startOverride`` for that one paragraph, then goes back to the list's own): the
    numbers are 1, 5, 6 as LibreOffice shows them, and RD301 is reported at the paragraph
    numbered 5."""
    markdown = SHORT_SC_FROM_5
    doc = Fodt(markdown, formula="The Security Council,", patches=[START_AT_5])
    docx = to_docx(doc, tmp_path)
    res = assert_same_resolution(docx, markdown)
    assert labels(res) == ["1.", "5.", "6.", "7."]
    assert [line.strip()[:3] for line in shown_text(docx, tmp_path) if line.startswith(" ")] == [
        "1. ",
        "5. ",
        "6. ",
        "7. ",
    ]
    [gap] = findings(docx)
    assert gap["code"] == "RD301" and gap["word"]["paragraph"] == doc.ordinal("Requests")
    assert gap["word"]["number"] == "5."


def test_a_finding_about_an_automatic_number_points_at_the_number(tmp_path: Path) -> None:
    """The same gap: RD301 is about the number 5, which Word shows and the text does not hold;
    the README's convention for it is column 0, and the ``word`` member's offset null."""
    markdown = SHORT_SC_FROM_5
    doc = Fodt(markdown, formula="The Security Council,", patches=[START_AT_5])
    [gap] = findings(to_docx(doc, tmp_path))
    assert gap["code"] == "RD301"
    assert (gap["column"], gap["word"]["offset"]) == (0, None)


def test_inline_tracked_changes_read_as_accepted_or_rejected(tmp_path: Path) -> None:
    """A tracked deletion ("rapidly") and insertion ("at an accelerating rate") inside a
    preambular paragraph, as LibreOffice records them (``text:changed-region``): accepted by
    default, rejected with ``revisions="reject"``."""
    accepted = GA_DRAFT_EN.replace("Noting with concern", "*Noting with concern*").replace(
        "3. Stresses", "3. *Stresses*"
    )
    rejected = accepted.replace("retreating at an accelerating rate,", "retreating rapidly,")
    doc = Fodt(
        accepted,
        masthead=GA_DRAFT_MASTHEAD,
        tracked=_region("ct1", "deletion", "<text:p>rapidly</text:p>") + _region("ct2", "insertion"),
        patches=[
            (
                "retreating at an accelerating rate,",
                'retreating <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>'
                'at an accelerating rate<text:change-end text:change-id="ct2"/>,',
            )
        ],
    )
    docx = to_docx(doc, tmp_path)
    assert resdraft.parse(docx) == resdraft.parse(accepted)
    assert resdraft.parse(docx, revisions="reject") == resdraft.parse(rejected)


def test_an_inserted_operative_paragraph_keeps_its_number_when_accepted(tmp_path: Path) -> None:
    """Operative paragraph 3 inserted with changes tracked (its text and its paragraph mark):
    accepted, it is paragraph 3 and the last is 4; rejected, the last is 3."""
    doc = Fodt(
        SHORT_SC,
        formula="The Security Council,",
        tracked=_region("ct1", "insertion"),
        patches=[
            (
                '<text:span text:style-name="T1">Encourages',
                '<text:change-start text:change-id="ct1"/><text:span text:style-name="T1">Encourages',
            ),
            (
                '<text:span text:style-name="T1">Decides</text:span> to remain',
                '<text:change-end text:change-id="ct1"/><text:span text:style-name="T1">Decides</text:span> to remain',
            ),
        ],
    )
    docx = to_docx(doc, tmp_path)
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode()
    mark = re.search(r"<w:p>(?:(?!</w:p>).)*?<w:numPr>.*?<w:rPr><w:ins [^>]*>(?:(?!</w:p>).)*?>Encourages<", body)
    assert mark is not None, "LibreOffice writes the inserted paragraph's mark as w:pPr/w:rPr/w:ins"
    # LibreOffice shows the tracked paragraph numbered 3, in place
    assert "3. Encourages Member States to cooperate fully with the Panel;" in [
        line.strip() for line in shown_text(docx, tmp_path)
    ]
    assert resdraft.parse(docx, revisions="reject") == resdraft.parse(_without(SHORT_SC, "Encourages"))
    assert labels(resdraft.parse(docx)) == ["1.", "2.", "3.", "4."]
    assert resdraft.parse(docx) == resdraft.parse(SHORT_SC)


def test_a_deleted_operative_paragraph_keeps_its_number_when_rejected(tmp_path: Path) -> None:
    """Operative paragraph 3 deleted with changes tracked (its text and its paragraph mark):
    accepted, the last paragraph is 3; rejected, paragraph 3 is back and the last is 4."""
    shortened = _without(SHORT_SC, "Encourages")
    deleted = (
        '<text:list text:style-name="L1"><text:list-item><text:p text:style-name="Standard">'
        '<text:span text:style-name="T1">Encourages</text:span> Member States to cooperate fully with the Panel;'
        '</text:p></text:list-item></text:list><text:p text:style-name="Standard"/>'
    )
    doc = Fodt(
        shortened,
        formula="The Security Council,",
        tracked=_region("ct1", "deletion", deleted),
        patches=[
            (
                '<text:span text:style-name="T1">Decides</text:span> to remain',
                '<text:change text:change-id="ct1"/><text:span text:style-name="T1">Decides</text:span> to remain',
            )
        ],
    )
    docx = to_docx(doc, tmp_path)
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode()
    mark = re.search(r"<w:p>(?:(?!</w:p>).)*?<w:numPr>.*?<w:rPr><w:del [^>]*>(?:(?!</w:p>).)*?>Encourages<", body)
    assert mark is not None, "LibreOffice writes the deleted paragraph's mark as w:pPr/w:rPr/w:del"
    # LibreOffice shows the tracked paragraph numbered 3, in place, and the last paragraph 4
    shown = [line.strip() for line in shown_text(docx, tmp_path)]
    assert "3. Encourages Member States to cooperate fully with the Panel;" in shown
    assert "4. Decides to remain actively seized of the matter." in shown
    assert resdraft.parse(docx) == resdraft.parse(shortened)
    assert labels(resdraft.parse(docx, revisions="reject")) == ["1.", "2.", "3.", "4."]
    assert resdraft.parse(docx, revisions="reject") == resdraft.parse(SHORT_SC)


def test_a_footnote_called_again_by_a_libreoffice_cross_reference(tmp_path: Path) -> None:
    """The Arms Trade Treaty footnote called a second time in operative paragraph 1, through
    Insert > Cross-reference > Footnotes (``text:note-ref``), set in superscript."""
    markdown = SHORT_SC.replace(
        "*Recalling* its resolutions 2231 (2015) and 2742 (2024),",
        "*Recalling* the Arms Trade Treaty,[^1] and its resolutions 2231 (2015) and 2742 (2024),",
    ).replace(
        "1. *Decides* to extend the mandate of the Panel of Experts until 31 July 2027;",
        "1. *Calls upon* States parties to the Arms Trade Treaty[^1] to implement it fully;",
    )
    markdown += "\n[^1]: United Nations, *Treaty Series*, vol. 3013, No. 52373.\n"
    doc = Fodt(markdown, formula="The Security Council,")
    assert "text:note-ref" in doc.xml()
    docx = to_docx(doc, tmp_path)
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode()
    # LibreOffice's cross-reference: a REF field to a bookmark it sets at the footnote's reference
    assert re.search(
        r'<w:bookmarkStart w:id="\d+" w:name="_RefF1"/>(?:<w:bookmark[^>]*>)*<w:r>.{0,200}?<w:footnoteReference', body
    )
    assert re.search(r"<w:instrText[^>]*> REF _RefF1 \\h </w:instrText>", body)
    assert_same_resolution(docx, markdown)


def test_emphasis_style_inside_an_italic_paragraph_style_reads_as_word_shows_it(tmp_path: Path) -> None:
    """A preambular paragraph in an italic paragraph style ("Quotations", set italic here) with
    its phrase in the Emphasis character style. LibreOffice shows the phrase italic, but italics
    are toggle properties in Word: the two styles cancel out, so Word — and resdraft — show the
    phrase roman and the rest of the paragraph italic, and RD204 reports the phrase."""
    doc = Fodt(
        SHORT_SC,
        formula="The Security Council,",
        patches=[
            (
                '<text:p text:style-name="Standard"><text:span text:style-name="T1">Recalling</text:span>',
                '<text:p text:style-name="Quotations"><text:span text:style-name="Emphasis">Recalling</text:span>',
            )
        ],
    )
    source = doc.write(tmp_path / "draft.fodt")
    quotations = (
        '<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard">'
        f"<style:text-properties {_ITALIC}/></style:style>"
    )
    source.write_text(source.read_text(encoding="utf-8").replace("</office:styles>", quotations + "</office:styles>"))
    docx = soffice(source, tmp_path / "docx")
    res = resdraft.parse(docx)
    assert phrases(res)[0] == ("Recalling", 0, "none")
    assert res == resdraft.parse(SHORT_SC.replace("*Recalling*", "Recalling"))
    assert [d["code"] for d in findings(docx)] == ["RD204"]


def test_format_write_fixes_a_punctuation_slip_and_libreoffice_still_opens_the_draft(tmp_path: Path) -> None:
    """Operative paragraph 1 of the draft ends with "," instead of ";": ``resdraft format
    --write`` corrects it in the .docx LibreOffice wrote, which LibreOffice then opens and shows
    with ";" (its plain-text export), and which reads as the corrected Markdown."""
    clean = (
        GA_DRAFT_EN.replace("Noting with concern", "*Noting with concern*")
        .replace("3. Stresses", "3. *Stresses*")
        .replace("*Invites Member States*", "*Invites* Member States")
    )
    slip = clean.replace("national adaptation plans;", "national adaptation plans,")
    assert slip != clean
    docx = to_docx(Fodt(slip, masthead=GA_DRAFT_MASTHEAD, spacers=True), tmp_path)
    assert [d["code"] for d in findings(docx)] == ["RD304"]
    proc = resdraft_cli("format", "--write", docx.name, cwd=docx.parent)
    assert proc.returncode == 0 and "1 file reformatted" in proc.stderr, proc.stderr
    assert findings(docx) == []
    assert_same_resolution(docx, clean)
    shown = [line.strip() for line in shown_text(docx, tmp_path)]
    assert (
        "1. Encourages Member States to integrate glacier and snow monitoring into their national adaptation plans;"
        in shown
    )
    assert not any(line.endswith("adaptation plans,") for line in shown)
    again = resdraft_cli("format", "--check", docx.name, cwd=docx.parent)
    assert again.returncode == 0, again.stderr
