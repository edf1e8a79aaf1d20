"""Self-tests of tests/docx_factory.py, which need no Word reader.

* the packages are what Word writes: a DEFLATE zip with ``[Content_Types].xml`` first, every
  part well-formed, declared and related, the real namespaces with ``mc:Ignorable``;
* footnotes: the two separator notes, then real notes whose ids match the references, each
  opening with a footnoteRef run and a space run;
* the default styles and numbering parts are as specified;
* the noise (split runs and the rest) never changes the text;
* ``from_markdown`` keeps every word of the examples, in the body and in the footnotes;
* and the oracle of tests/test_docx_properties.py is right: a *minimal* reading of the
  packages (:func:`read_back`: paragraphs, run emphasis through styles with the toggle rule,
  footnotes by order of reference, NOTEREF fields as call-outs, field results, tracked
  changes, Word's list counters under both readings of ``w:num``) gives Markdown that parses to
  the model the original Markdown gives — for the examples, for generated resolutions and for
  the concrete cases. So when the real reader fails a property, the reader is wrong, not the
  test.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from docx_factory import (
    DEFAULT_NUMBERING,
    DEFAULT_STYLES,
    IGNORABLE,
    MC,
    PR,
    W14,
    Para,
    R,
    Run,
    W,
    cjk_value,
    document,
    from_markdown,
    inline,
    letter_value,
    numbering_part,
    package,
    roman_value,
)
from hypothesis import given
from lxml import etree
from strategies import resolutions
from test_docx_properties import CASES, EXAMPLE_DRAFTS, EXAMPLES, assert_reads_as

import resdraft
from resdraft.model import Resolution
from resdraft.render import render

CT = "http://schemas.openxmlformats.org/package/2006/content-types"
ALL_EXAMPLES = {**EXAMPLE_DRAFTS, "draft-with-errors-en.md": "en"}


def _w(local: str) -> str:
    return f"{{{W}}}{local}"


def _parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()}


def _val(el: etree._Element | None, name: str = "val") -> str | None:
    return None if el is None else el.get(_w(name))


# --- a minimal reading of the packages (the oracle's check) ------------------------------------------

_FALSE = {"0", "false", "off"}


class _Styles:
    """Italic and bold of paragraph and character styles: in a style, ``w:i``/``w:b`` set to
    true toggles the value inherited through ``basedOn`` (ECMA-376 §17.7.3), false leaves it."""

    def __init__(self, root: etree._Element) -> None:
        self.based: dict[str, str | None] = {}
        self.props: dict[str, dict[str, bool]] = {}
        self.default_paragraph = "Normal"
        for style in root.iter(_w("style")):
            sid = style.get(_w("styleId"))
            self.based[sid] = _val(style.find(_w("basedOn")))
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) == "1":
                self.default_paragraph = sid
            rpr = style.find(_w("rPr"))
            self.props[sid] = _switches(rpr)

    def toggled(self, sid: str | None, prop: str) -> bool:
        value, seen = False, set()
        while sid and sid not in seen:
            seen.add(sid)
            if self.props.get(sid, {}).get(prop):
                value = not value
            sid = self.based.get(sid)
        return value


def _switches(rpr: etree._Element | None) -> dict[str, bool]:
    out: dict[str, bool] = {}
    if rpr is not None:
        for prop in ("i", "b"):
            el = rpr.find(_w(prop))
            if el is not None:
                out[prop] = (_val(el) or "true") not in _FALSE
    return out


def _format(fmt: str, n: int) -> str:
    if fmt == "decimal":
        return str(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if fmt == "lowerRoman":
        out = ""
        for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                               (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
            while n >= value:
                out, n = out + numeral, n - value
        return out
    if fmt == "chineseCounting":
        digits = "一二三四五六七八九"
        tens, units = divmod(n, 10)
        head = ("" if tens == 1 else digits[tens - 1]) + "十" if tens else ""
        return head + (digits[units - 1] if units else "")
    raise AssertionError(fmt)


class _Numbers:
    """Word's list counters. ``shared``: the ``w:num`` of one abstract list share counters
    (Word's behaviour); ``separate``: each ``w:num`` counts on its own (the letter of the
    standard). A ``startOverride`` sets a level the first time its ``w:num`` uses it; a
    paragraph at a level restarts every deeper level."""

    def __init__(self, root: etree._Element, shared: bool) -> None:
        self.shared = shared
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        for abstract in root.iter(_w("abstractNum")):
            self.levels[abstract.get(_w("abstractNumId"))] = {
                int(lvl.get(_w("ilvl"))): (
                    _val(lvl.find(_w("numFmt"))) or "decimal",
                    _val(lvl.find(_w("lvlText"))) or "",
                    int(_val(lvl.find(_w("start"))) or 1),
                )
                for lvl in abstract.iter(_w("lvl"))
            }
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        for num in root.iter(_w("num")):
            overrides = {
                int(o.get(_w("ilvl"))): int(_val(o.find(_w("startOverride"))))
                for o in num.iter(_w("lvlOverride"))
                if o.find(_w("startOverride")) is not None
            }
            self.nums[num.get(_w("numId"))] = (_val(num.find(_w("abstractNumId"))), overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()

    def label(self, num: str, ilvl: int) -> str:
        abstract, overrides = self.nums[num]
        levels = self.levels[abstract]
        counters = self.counters.setdefault(abstract if self.shared else num, {})
        if ilvl in overrides and (num, ilvl) not in self.started:
            value = overrides[ilvl]
        else:
            value = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        self.started.add((num, ilvl))
        counters[ilvl] = value
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        return re.sub(r"%(\d)", lambda m: _format(levels[int(m.group(1)) - 1][0], counters[int(m.group(1)) - 1]),
                      levels[ilvl][1])  # fmt: skip


@dataclass
class _Reading:
    styles: _Styles
    reject: bool = False
    notes: list[str] = field(default_factory=list)  # footnote ids in order of reference


_MD_ESCAPE = re.compile(r"([\\*]|\[(?=\^|\d{1,3}\]))")


def _pieces(p: etree._Element, reading: _Reading) -> Iterator[tuple[str, bool, bool] | str]:
    """The paragraph's visible text as (text, italic, bold) pieces and call-out markers."""
    pstyle = _val(p.find(f"{_w('pPr')}/{_w('pStyle')}")) or reading.styles.default_paragraph
    fields: list[dict[str, str]] = []
    for r in p.iter(_w("r")):
        hidden_change = _w("ins") if reading.reject else _w("del")
        if any(a.tag == hidden_change for a in r.iterancestors()):
            continue
        rpr = r.find(_w("rPr"))
        rstyle = _val(rpr.find(_w("rStyle"))) if rpr is not None else None
        direct = _switches(rpr)
        italic = direct.get("i", reading.styles.toggled(pstyle, "i") != reading.styles.toggled(rstyle, "i"))
        bold = direct.get("b", reading.styles.toggled(pstyle, "b") != reading.styles.toggled(rstyle, "b"))
        for child in r:
            tag = etree.QName(child).localname
            if tag == "fldChar":
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    fields.append({"instr": "", "phase": "instr", "result": ""})
                elif kind == "separate":
                    fields[-1]["phase"] = "result"
                elif kind == "end":
                    done = fields.pop()
                    if done["instr"].split()[:1] == ["NOTEREF"]:
                        yield done["result"]
            elif tag in ("instrText", "delInstrText"):
                fields[-1]["instr"] += child.text or ""
            elif fields and fields[-1]["phase"] == "instr":
                continue
            elif tag in ("t", "delText", "tab", "br"):
                text = {"tab": " ", "br": "\n"}.get(tag, child.text or "")
                if fields and fields[-1]["instr"].split()[:1] == ["NOTEREF"]:
                    fields[-1]["result"] += text
                else:
                    yield (text, italic, bold)
            elif tag == "footnoteReference":
                reading.notes.append(child.get(_w("id")))
                yield str(len(reading.notes))


def _markdown(pieces: list[tuple[str, bool, bool] | str]) -> str:
    """Pieces -> Markdown, emphasis merged over runs, spaces kept outside the marks. A paragraph
    emphasised all through (a heading in a bold style) carries no phrase emphasis: no marks."""
    merged: list[tuple[str, bool, bool] | str] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if isinstance(piece, tuple) and isinstance(last, tuple) and last[1:] == piece[1:]:
            merged[-1] = (last[0] + piece[0], *piece[1:])
        else:
            merged.append(piece)
    texts = [m for m in merged if isinstance(m, tuple) and m[0].strip()]
    whole = bool(texts) and len({m[1:] for m in texts}) == 1 and not isinstance(merged[0], str)
    out = []
    for piece in merged:
        if isinstance(piece, str):
            out.append(f"[^{piece}]")
            continue
        text, italic, bold = piece
        mark = ("*" if italic else "") + ("**" if bold else "")
        core = text.strip()
        if not mark or not core or whole:
            out.append(_MD_ESCAPE.sub(r"\\\1", text))
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        escaped = _MD_ESCAPE.sub(r"\\\1", core)
        out.append(f"{lead}{mark}{escaped}{mark[::-1]}{trail}")
    return "".join(out)


def read_back(data: bytes, *, shared_counters: bool = True, reject: bool = False) -> str:
    """A minimal reading of a factory package as Markdown: one block per non-empty body
    paragraph (automatic numbers written before the text), then the footnotes in order of
    reference. Enough to check the factory and the oracle; no substitute for the reader."""
    parts = _parts(data)
    reading = _Reading(_Styles(parts["word/styles.xml"]), reject)
    numbers = _Numbers(parts["word/numbering.xml"], shared_counters)
    blocks = []
    for p in parts["word/document.xml"].find(_w("body")).iter(_w("p")):
        text = _markdown(list(_pieces(p, reading))).strip()
        numpr = p.find(f"{_w('pPr')}/{_w('numPr')}")
        if numpr is not None and text:
            text = numbers.label(_val(numpr.find(_w("numId"))), int(_val(numpr.find(_w("ilvl"))))) + " " + text
        if text:
            blocks.append(text)
    notes = {n.get(_w("id")): n for n in parts["word/footnotes.xml"].iter(_w("footnote"))}
    for i, note_id in enumerate(dict.fromkeys(reading.notes), start=1):
        text = " ".join(_markdown(list(_pieces(p, reading))).strip() for p in notes[note_id].iter(_w("p")))
        blocks.append(f"[^{i}]: {text}")
    return "\n\n".join(blocks) + "\n"


# --- the package --------------------------------------------------------------------------------------


def _sample() -> bytes:
    body = [
        Para([Run("The General Assembly,")]),
        Para([Run("Recalling", italic=True), Run(" its resolution 70/1,"), Run("", footnote=1)], "PreambularParagraph"),
        Para([Run("Decides", style="Emphasis", comment=3), Run(" to act"), Run(" now", inserted=True)], num=(1, 0)),
        Para([Run("To report", deleted=True), Run("1", field=" PAGE "), Run("x", tab=True)], num=(1, 1)),
    ]
    notes = {1: [Para([Run("See "), Run("Treaty Series", italic=True), Run(", vol. 1.")])], 2: [Para([Run("Two.")])]}
    return document(body, footnotes=notes, comments={3: "Why?"}, header="A/80/L.1", footer="24-22158 (E)")


def test_the_package_is_a_deflated_zip_with_the_content_types_first() -> None:
    with zipfile.ZipFile(io.BytesIO(_sample())) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in infos)
        names = {info.filename for info in infos}
    expected = {
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footnotes.xml",
        "word/endnotes.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/comments.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    }
    assert expected <= names
    assert "word/comments.xml" not in _parts(document([Para([Run("x")])]))


def test_every_part_parses_is_declared_and_related() -> None:
    parts = _parts(_sample())
    overrides = {o.get("PartName").lstrip("/") for o in parts["[Content_Types].xml"].iter(f"{{{CT}}}Override")}
    defaults = {d.get("Extension") for d in parts["[Content_Types].xml"].iter(f"{{{CT}}}Default")}
    for name in parts:
        assert name in overrides or name.rsplit(".", 1)[-1] in defaults, name
    related = {"docProps/core.xml", "docProps/app.xml", "word/document.xml"}
    targets = {rel.get("Target") for rel in parts["_rels/.rels"].iter(f"{{{PR}}}Relationship")}
    assert targets == related
    word_targets = {
        "word/" + rel.get("Target") for rel in parts["word/_rels/document.xml.rels"].iter(f"{{{PR}}}Relationship")
    }
    assert {n for n in parts if n.startswith("word/") and n.endswith(".xml") and n != "word/document.xml"} <= (
        word_targets
    )
    ids = {rel.get("Id") for rel in parts["word/_rels/document.xml.rels"].iter(f"{{{PR}}}Relationship")}
    sect = parts["word/document.xml"].find(f"{_w('body')}/{_w('sectPr')}")
    assert sect is not None and sect.getparent()[-1] is sect, "w:sectPr ends the body"
    assert {ref.get(f"{{{R}}}id") for ref in sect if ref.tag in (_w("headerReference"), _w("footerReference"))} <= ids


def test_the_story_parts_declare_the_word_namespaces() -> None:
    parts = _parts(_sample())
    for name in ("word/document.xml", "word/footnotes.xml", "word/comments.xml", "word/header1.xml"):
        root = parts[name]
        assert root.get(f"{{{MC}}}Ignorable") == IGNORABLE == "w14 w15 wp14"
        for prefix in IGNORABLE.split():
            assert prefix in root.nsmap, (name, prefix)
        assert root.nsmap["w"] == W and root.nsmap["w14"] == W14 and root.nsmap["r"] == R
    with zipfile.ZipFile(io.BytesIO(_sample())) as archive:
        head = archive.read("word/document.xml")[:60]
    assert head.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n')


def test_footnotes_have_the_separators_and_match_the_references() -> None:
    parts = _parts(_sample())
    notes = list(parts["word/footnotes.xml"].iter(_w("footnote")))
    assert [(n.get(_w("id")), n.get(_w("type"))) for n in notes[:2]] == [
        ("-1", "separator"),
        ("0", "continuationSeparator"),
    ]
    assert notes[0].find(f".//{_w('separator')}") is not None
    assert notes[1].find(f".//{_w('continuationSeparator')}") is not None
    real = notes[2:]
    assert [n.get(_w("id")) for n in real] == ["1", "2"]
    refs = [ref.get(_w("id")) for ref in parts["word/document.xml"].iter(_w("footnoteReference"))]
    assert refs == ["1"] and set(refs) <= {n.get(_w("id")) for n in real}
    for note in real:
        p = note.find(_w("p"))
        assert _val(p.find(f"{_w('pPr')}/{_w('pStyle')}")) == "FootnoteText"
        runs = p.findall(_w("r"))
        assert runs[0].find(_w("footnoteRef")) is not None
        assert _val(runs[0].find(f"{_w('rPr')}/{_w('rStyle')}")) == "FootnoteReference"
        assert "".join(runs[1].itertext()) == " "
    settings = parts["word/settings.xml"].find(_w("footnotePr"))
    assert [_val(n, "id") for n in settings] == ["-1", "0"]
    assert "".join(t.text for t in real[0].iter(_w("t"))) == " See Treaty Series, vol. 1."


def test_the_default_styles_are_as_specified() -> None:
    root = etree.fromstring(DEFAULT_STYLES.encode())
    styles = {s.get(_w("styleId")): s for s in root.iter(_w("style"))}

    def rpr(sid: str) -> dict[str, bool]:
        return _switches(styles[sid].find(_w("rPr")))

    assert styles["Normal"].get(_w("default")) == "1" and styles["Normal"].get(_w("type")) == "paragraph"
    assert styles["FootnoteText"].get(_w("type")) == "paragraph"
    assert _val(styles["FootnoteReference"].find(f"{_w('rPr')}/{_w('vertAlign')}")) == "superscript"
    assert styles["Emphasis"].get(_w("type")) == "character" and rpr("Emphasis") == {"i": True}
    assert styles["Strong"].get(_w("type")) == "character" and rpr("Strong") == {"b": True}
    assert styles["PreambularParagraph"].get(_w("type")) == "paragraph" and rpr("PreambularParagraph") == {"i": False}
    assert styles["OperativeHeading"].get(_w("type")) == "paragraph" and rpr("OperativeHeading") == {"b": True}
    resolved = _Styles(root)
    assert resolved.toggled("Emphasis", "i") and not resolved.toggled("PreambularParagraph", "i")


def _levels(root: etree._Element, abstract: str) -> list[tuple[str | None, str | None]]:
    node = next(a for a in root.iter(_w("abstractNum")) if a.get(_w("abstractNumId")) == abstract)
    return [(_val(lvl.find(_w("numFmt"))), _val(lvl.find(_w("lvlText")))) for lvl in node.iter(_w("lvl"))]


def test_the_default_numbering_is_as_specified() -> None:
    root = etree.fromstring(DEFAULT_NUMBERING.encode())
    assert _levels(root, "1")[:3] == [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]
    assert _levels(root, "2")[:3] == [("decimal", "%1."), ("lowerLetter", "(%2)"), ("chineseCounting", "(%3)")]
    first = next(a for a in root.iter(_w("abstractNum")) if a.get(_w("abstractNumId")) == "1")
    assert _val(first.find(f"{_w('lvl')}/{_w('suff')}")) == "tab"
    nums = {n.get(_w("numId")): n for n in root.iter(_w("num"))}
    assert {k: _val(n.find(_w("abstractNumId"))) for k, n in nums.items()} == {"1": "1", "2": "2", "3": "1"}
    override = nums["3"].find(_w("lvlOverride"))
    assert override.get(_w("ilvl")) == "0" and _val(override.find(_w("startOverride"))) == "1"
    assert not nums["1"].findall(_w("lvlOverride")) and not nums["2"].findall(_w("lvlOverride"))
    extra = etree.fromstring(numbering_part([(4, 2, {1: 1})]).encode())
    four = next(n for n in extra.iter(_w("num")) if n.get(_w("numId")) == "4")
    assert _val(four.find(_w("abstractNumId"))) == "2"
    # all abstractNum before all num, as the schema orders them
    tags = [etree.QName(el).localname for el in extra if isinstance(el.tag, str)]
    assert tags == sorted(tags, key=lambda t: t != "abstractNum")


def test_word_counters_under_both_readings() -> None:
    """The check of the check: :class:`_Numbers` counts as Word does."""
    for shared in (True, False):
        numbers = _Numbers(etree.fromstring(numbering_part([(4, 1, {1: 1})]).encode()), shared)
        labels = [numbers.label(n, lvl) for n, lvl in [("1", 1), ("1", 1), ("4", 1), ("1", 0), ("1", 1), ("1", 2)]]
        assert labels[:3] == ["(a)", "(b)", "(a)"]
        assert labels[4:] == ["(a)", "(i)"]
        assert labels[3] == "1."
        chinese = _Numbers(etree.fromstring(DEFAULT_NUMBERING.encode()), shared)
        assert [chinese.label("2", 2) for _ in range(12)][-3:] == ["(十)", "(十一)", "(十二)"]


# --- noise -----------------------------------------------------------------------------------------


def _paragraph_texts(data: bytes) -> list[str]:
    body = _parts(data)["word/document.xml"].find(_w("body"))
    return ["".join(t.text or "" for t in p.iter(_w("t"))) for p in body.iter(_w("p"))]


def test_noise_splits_runs_and_keeps_the_text() -> None:
    text = "Reaffirming the Universal Declaration of Human Rights, which proclaims that everyone has the right"
    body = [Para([Run(text[:11], italic=True), Run(text[11:])]) for _ in range(12)]
    clean = document(body, seed=None)
    clean_runs = len(list(_parts(clean)["word/document.xml"].iter(_w("r"))))
    assert clean_runs == 24
    split = False
    for seed in range(5):
        data = document(body, seed=seed)
        assert [t for t in _paragraph_texts(data) if t] == [text] * 12
        doc = _parts(data)["word/document.xml"]
        split |= len(list(doc.iter(_w("r")))) > clean_runs
        assert all(r.get(_w("rsidR")) for r in doc.iter(_w("r")) if r.find(_w("t")) is not None)
        for t in doc.iter(_w("t")):
            if t.text != t.text.strip():
                assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert split, "some seed splits a run"


def test_noise_of_from_markdown_is_realistic() -> None:
    """Across the examples: runs split inside words, proofing marks, bookmarks, page-break
    marks, emphasis both direct and through character styles."""
    found: set[str] = set()
    for name, lang in ALL_EXAMPLES.items():
        doc = _parts(from_markdown((EXAMPLES / name).read_text(encoding="utf-8"), lang=lang))["word/document.xml"]
        found |= {etree.QName(el).localname for el in doc.iter() if isinstance(el.tag, str)}
        found |= {f"style:{_val(s)}" for s in doc.iter(_w("rStyle"))}
        runs = [("".join(r.itertext())) for r in doc.iter(_w("r"))]
        if any(a[-1:].isalpha() and b[:1].isalpha() for a, b in itertools.pairwise(runs)):
            found.add("split-word")
    assert {"proofErr", "bookmarkStart", "lastRenderedPageBreak", "i", "b", "split-word"} <= found
    assert {"style:Emphasis", "style:Strong", "style:FootnoteReference"} <= found


# --- fields, revisions, comments -------------------------------------------------------------------------


def test_fields_revisions_and_comments_are_written_as_word_does() -> None:
    parts = _parts(_sample())
    doc = parts["word/document.xml"]
    kinds = [c.get(_w("fldCharType")) for c in doc.iter(_w("fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [i.text for i in doc.iter(_w("instrText"))] == [" PAGE "]
    assert "".join(t.text for t in doc.iter(_w("delText"))) == "To report"
    assert all(d.get(_w("author")) and d.get(_w("date")) for d in doc.iter(_w("ins"), _w("del")))
    assert "".join(t.text for ins in doc.iter(_w("ins")) for t in ins.iter(_w("t"))) == " now"
    assert [c.get(_w("id")) for c in doc.iter(_w("commentRangeStart"), _w("commentRangeEnd"))] == ["3", "3"]
    assert [c.get(_w("id")) for c in doc.iter(_w("commentReference"))] == ["3"]
    assert [c.get(_w("id")) for c in parts["word/comments.xml"].iter(_w("comment"))] == ["3"]
    assert doc.find(f".//{_w('tab')}") is not None
    assert "".join(parts["word/header1.xml"].itertext()) == "A/80/L.1"
    assert "".join(parts["word/footer1.xml"].itertext()) == "24-22158 (E)"
    settings = parts["word/settings.xml"]
    assert settings.find(_w("trackRevisions")) is None
    tracked = _parts(document([Para([Run("x", inserted=True)])], track_revisions=True))["word/settings.xml"]
    assert tracked.find(_w("trackRevisions")) is not None


# --- the Markdown converter's pieces ------------------------------------------------------------------


def test_inline_markdown() -> None:
    def show(text: str) -> list[object]:
        return [(p.text, p.italic, p.bold) if hasattr(p, "text") else p.marker for p in inline(text)]  # type: ignore[union-attr]

    assert show("*Recalling also* its resolution[^12] 2321\\(2016\\)") == [
        ("Recalling also", True, False),
        (" its resolution", False, False),
        "12",
        (" 2321(2016)", False, False),
    ]
    assert show("**决定**继续") == [("决定", False, True), ("继续", False, False)]
    assert show("A/76/L.21\\* and L.22* and L.23*") == [("A/76/L.21* and L.22* and L.23*", False, False)]
    assert show("see [A/76/53](#) now") == [("see A/76/53 now", False, False)]
    assert show("by[^3]: that") == [("by", False, False), "3", (": that", False, False)]


def test_label_values() -> None:
    assert [letter_value(k) for k in ("a", "z", "aa", "bb", "ab")] == [1, 26, 27, 28, None]
    assert [roman_value(k) for k in ("i", "iv", "ix", "xii", "iiii", "c")] == [1, 4, 9, 12, None, 100]
    assert [cjk_value(k) for k in ("一", "十", "十三", "二十", "七十六", "一十")] == [1, 10, 13, 20, 76, None]


def _numbered(data: bytes) -> list[tuple[str, str]]:
    body = _parts(data)["word/document.xml"].find(_w("body"))
    out = []
    for p in body.iter(_w("p")):
        numpr = p.find(f"{_w('pPr')}/{_w('numPr')}")
        if numpr is not None:
            out.append((_val(numpr.find(_w("numId"))), _val(numpr.find(_w("ilvl")))))
    return out


def test_auto_numbering_takes_the_numbers_out_of_the_text() -> None:
    text = (EXAMPLES / "draft-ga-en.md").read_text(encoding="utf-8")
    labels = re.findall(r"^(\d+\.|\([a-z]+\)) ", text, flags=re.M)
    auto = from_markdown(text)
    assert len(_numbered(auto)) == len(labels)
    assert not any(re.match(r"\d+\.|\([a-z]+\)", t) for t in _paragraph_texts(auto))
    typed = from_markdown(text, auto_numbering=False)
    assert _numbered(typed) == []
    assert sum(bool(re.match(r"(\d+\.|\([a-z]+\))$", t)) for t in _paragraph_texts(typed)) == 0  # label, tab, text
    starts = [t for t in _paragraph_texts(typed) if re.match(r"\d+\.\S|\([a-z]+\)\S", t)]
    assert len(starts) == len(labels)  # the tab between label and text is a w:tab, not in w:t


def test_auto_numbering_restarts_with_new_nums() -> None:
    """The errors example: (d) after (b), 7. twice, 10. after 8. — each a w:num with a
    startOverride; 5 bis. stays typed. Chinese uses the Chinese list."""
    errors = from_markdown((EXAMPLES / "draft-with-errors-en.md").read_text(encoding="utf-8"))
    numbering = _parts(errors)["word/numbering.xml"]
    extra = [n for n in numbering.iter(_w("num")) if int(n.get(_w("numId"))) > 3]
    starts = sorted(
        (int(o.get(_w("ilvl"))), int(_val(o.find(_w("startOverride")))))
        for n in extra
        for o in n.iter(_w("lvlOverride"))
    )
    assert (1, 4) in starts and (0, 7) in starts and (0, 10) in starts
    assert any(t.startswith("5 bis. Stresses") for t in _paragraph_texts(errors))
    zh = from_markdown((EXAMPLES / "resolution-ga-zh.md").read_text(encoding="utf-8"), lang="zh")
    assert {num for num, _ in _numbered(zh)} == {"2"}
    assert ("2", "2") in _numbered(zh)


_TYPED_LABEL = re.compile(r"^(\d+\.|\([a-z]+\)|\([一二三四五六七八九十]+\)|[a-z]{1,2}\.) ", re.M)


@pytest.mark.parametrize("shared_counters", [True, False], ids=["shared-counters", "separate-counters"])
@pytest.mark.parametrize("name", sorted(ALL_EXAMPLES))
def test_word_shows_the_labels_the_markdown_has(name: str, shared_counters: bool) -> None:
    """Every number and label, in order, as Word computes them from the lists — under both
    readings of the counters, the errors example included (its (d) after (b), second 7. and
    10. after 8. need a new w:num each, and the paragraph after each needs one again when the
    counters of the w:num are read as separate)."""
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    data = from_markdown(text, lang=ALL_EXAMPLES[name])
    assert _TYPED_LABEL.findall(read_back(data, shared_counters=shared_counters)) == _TYPED_LABEL.findall(text)


# --- from_markdown keeps every word ----------------------------------------------------------------------


def _words(text: str, lang: str) -> list[str]:
    return list("".join(text.split())) if lang == "zh" else text.split()


def _strip_markdown(text: str, auto_numbering: bool) -> tuple[str, str]:
    """(body text, footnote text) of a Markdown resolution without its marks: written
    independently of the factory's converter."""
    body, notes = [], []
    for line in text.splitlines():
        m = re.match(r"^\[\^[^\]]+\]:\s*(.*)$", line)
        if m:
            notes.append(m.group(1))
            continue
        if auto_numbering:
            line = re.sub(r"^(\d+\.|\([a-z]+\)|\([一二三四五六七八九十]+\)|[a-z]{1,2}\.) ", "", line)
        body.append(line)

    def clean(s: str) -> str:
        s = re.sub(r"\[\^[^\]]+\]", " ", s)
        s = s.replace("\\*", "\0").replace("*", "").replace("\0", "*")
        return re.sub(r"\\(.)", r"\1", s)

    return clean("\n".join(body)), clean("\n".join(notes))


@pytest.mark.parametrize("auto_numbering", [True, False])
@pytest.mark.parametrize("name", sorted(ALL_EXAMPLES))
def test_from_markdown_keeps_every_word(name: str, auto_numbering: bool) -> None:
    lang = ALL_EXAMPLES[name]
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    parts = _parts(from_markdown(text, auto_numbering=auto_numbering, lang=lang))
    body_md, notes_md = _strip_markdown(text, auto_numbering)
    # a footnote mark only separates words; the typed labels' tab is whitespace too
    body = parts["word/document.xml"].find(_w("body"))
    body_text = "\n".join(
        "".join(" " if el.tag == _w("tab") else (el.text or "") for el in p.iter(_w("t"), _w("tab")))
        for p in body.iter(_w("p"))
    )
    notes = [n for n in parts["word/footnotes.xml"].iter(_w("footnote")) if int(n.get(_w("id"))) > 0]
    notes_text = "\n".join("".join(t.text or "" for t in n.iter(_w("t"))) for n in notes)
    if name == "draft-with-errors-en.md":  # [^3] has no text: its mark is typed as a superscript "3"
        body_md = body_md.replace("Compact, ", "Compact,3 ")
    assert _words(body_text, lang) == _words(body_md, lang)
    assert _words(notes_text, lang) == _words(notes_md, lang)


# --- the oracle, checked against the minimal reading ------------------------------------------------------


@pytest.mark.parametrize("shared_counters", [True, False], ids=["shared-counters", "separate-counters"])
@pytest.mark.parametrize("auto_numbering", [True, False], ids=["auto-numbering", "typed-numbers"])
@pytest.mark.parametrize("name", sorted(EXAMPLE_DRAFTS))
def test_the_examples_read_back_as_their_markdown(name: str, auto_numbering: bool, shared_counters: bool) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    data = from_markdown(text, auto_numbering=auto_numbering, lang=EXAMPLE_DRAFTS[name])
    again = read_back(data, shared_counters=shared_counters)
    assert_reads_as(resdraft.parse(text), resdraft.parse(again), again)


@pytest.mark.parametrize("shared_counters", [True, False], ids=["shared-counters", "separate-counters"])
@pytest.mark.parametrize("auto_numbering", [True, False], ids=["auto-numbering", "typed-numbers"])
@given(res=resolutions())
def test_generated_resolutions_read_back_as_their_markdown(
    auto_numbering: bool, shared_counters: bool, res: Resolution
) -> None:
    text = render(res)
    data = from_markdown(text, auto_numbering=auto_numbering, lang=res.language)
    again = read_back(data, shared_counters=shared_counters)
    assert_reads_as(resdraft.parse(text), resdraft.parse(again), f"{text}\n--- read back ---\n{again}")


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_concrete_cases_read_back_as_their_markdown(name: str) -> None:
    case = CASES[name]()
    for shared in (True, False):
        again = read_back(case.data, shared_counters=shared, reject=case.revisions == "reject")
        assert_reads_as(resdraft.parse(case.markdown), resdraft.parse(again), f"{case.markdown}\n---\n{again}")


def test_package_keeps_given_parts_verbatim() -> None:
    data = package({"word/document.xml": "<x/>", "[Content_Types].xml": b"<Types/>"})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["[Content_Types].xml", "word/document.xml"]
        assert archive.read("word/document.xml") == b"<x/>"


def test_given_styles_and_numbering_parts_are_used() -> None:
    styles = DEFAULT_STYLES.replace('w:styleId="Strong"', 'w:styleId="Fett"')
    data = document([Para([Run("x")])], styles_xml=styles, numbering_xml=numbering_part([(9, 1, {0: 5})]))
    parts = _parts(data)
    assert any(s.get(_w("styleId")) == "Fett" for s in parts["word/styles.xml"].iter(_w("style")))
    assert any(n.get(_w("numId")) == "9" for n in parts["word/numbering.xml"].iter(_w("num")))
