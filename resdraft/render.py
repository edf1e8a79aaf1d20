"""Model -> canonical text (Markdown flavour), the inverse of the parser.

Canonical layout: one block per line, blocks separated by a blank line; the masthead and the
closing block keep their lines together; opening phrases carry the emphasis the language's
convention gives them (italic in English, bold for Chinese operative phrases), or the
emphasis the model records; footnote call-outs are ``[^n]`` (or superscript digits) with the
footnote texts at the end. Characters that Markdown would read as mark-up are escaped.
"""

from __future__ import annotations

import re

from resdraft import lang as languages
from resdraft.lang import Language
from resdraft.model import (
    Emphasis,
    HeaderField,
    HeaderLine,
    Item,
    OperativeParagraph,
    Passage,
    Phrase,
    PreambularParagraph,
    Resolution,
)

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MASTHEAD = {
    HeaderField.SYMBOL,
    HeaderField.DISTRIBUTION,
    HeaderField.MASTHEAD,
    HeaderField.ISSUE_DATE,
    HeaderField.ORIGINAL,
}
_ESCAPE = re.compile(r"([\\*]|\[(?=\^|\d{1,3}\]))")
_MARKS = {Emphasis.ITALIC: "*", Emphasis.BOLD: "**"}


def escape(text: str) -> str:
    """Backslash what the reader would take for emphasis, a footnote or an escape."""
    return _ESCAPE.sub(r"\\\1", text)


class _Renderer:
    def __init__(self, res: Resolution, superscript: bool) -> None:
        self.res = res
        self.lang: Language = languages.get(res.language)
        self.superscript = superscript
        self.blocks: list[str] = []

    def call_out(self, marker: str) -> str:
        if self.superscript and marker.isdigit():
            return marker.translate(_SUPERSCRIPT)
        return f"[^{marker}]"

    def passage(self, p: Passage, phrase: Phrase | None = None, emphasis: Emphasis | None = None) -> str:
        """Text with its call-outs and the phrase's emphasis put back."""
        inserts: list[tuple[int, int, str]] = []  # (offset, order at that offset, text)
        for n in p.notes:
            if self.superscript and inserts and inserts[-1][0] == n.offset:
                inserts[-1] = (n.offset, 2, f"{inserts[-1][2]},{self.call_out(n.marker)}")  # ¹⁰,¹¹
            elif self.superscript and self._after_comma_and_call_out(p, n.offset, inserts):
                inserts.append((n.offset, 2, f"[^{n.marker}]"))  # "¹,²" would read as one group
            else:
                inserts.append((n.offset, 2, self.call_out(n.marker)))
        mark = _MARKS.get(emphasis or (phrase.emphasis if phrase else Emphasis.NONE), "")
        if phrase is not None and mark:
            inserts += [(phrase.offset, 1, mark), (phrase.offset + len(phrase.text), 0, mark)]
        out, pos = [], 0
        for offset, _, text in sorted(inserts, key=lambda insert: insert[:2]):  # stable: notes keep their order
            out.append(escape(p.text[pos:offset]))
            out.append(text)
            pos = offset
        out.append(escape(p.text[pos:]))
        return "".join(out)

    @staticmethod
    def _after_comma_and_call_out(p: Passage, offset: int, inserts: list[tuple[int, int, str]]) -> bool:
        return bool(inserts) and inserts[-1][0] == offset - 1 and p.text[offset - 1 : offset] == ","

    def header(self) -> None:
        lines = self.res.header.lines
        group: list[HeaderLine] = []
        for line in lines:
            if line.field in _MASTHEAD and group and group[-1].field in _MASTHEAD:
                group.append(line)
                continue
            self.flush(group)
            group = [line]
        self.flush(group)

    def flush(self, group: list[HeaderLine]) -> None:
        if group:
            self.blocks.append(self.lines(group))

    def lines(self, lines: list[HeaderLine]) -> str:
        """Header or closing lines kept together, each with its call-outs."""
        return "\n".join(self.passage(Passage(line.text, line.notes)) for line in lines)

    @staticmethod
    def _emphasis(phrase: Phrase | None, convention: Emphasis | None) -> Emphasis | None:
        """A phrase whose emphasis is unknown (plain or PDF text, or read back from XML) takes
        the language's convention: the canonical text is Markdown, and "*Acting* under Chapter
        VII …" then reads back as the same phrase, not as the lexicon's longer "Acting under
        Chapter VII of the Charter of the United Nations"."""
        if phrase is not None and phrase.emphasis is Emphasis.UNKNOWN:
            return convention
        return None

    def preambular(self, pp: PreambularParagraph) -> None:
        self.blocks.append(self.passage(pp.text, pp.phrase, self._emphasis(pp.phrase, self.lang.preambular_emphasis)))
        self.items(pp.items)

    def operative(self, para: OperativeParagraph) -> None:
        text = self.passage(para.text, para.phrase, self._emphasis(para.phrase, self.lang.operative_emphasis))
        self.blocks.append(f"{para.label} {text}" if para.label else text)
        self.items(para.items)

    def items(self, items: list[Item]) -> None:
        for item in items:
            self.blocks.append(f"{item.label} {self.passage(item.text)}")
            self.items(item.items)

    def render(self) -> str:
        res = self.res
        self.header()
        if res.formula is not None:
            self.blocks.append(escape(res.formula.text))
        for pp in res.preamble:
            self.preambular(pp)
        for para in res.operative:
            self.operative(para)
        for sec in res.sections:
            self.blocks.append(sec.label)
            if sec.heading is not None:
                self.blocks.append(escape(sec.heading))
            if sec.formula is not None:
                self.blocks.append(escape(sec.formula.text))
            for pp in sec.preamble:
                self.preambular(pp)
            for para in sec.paragraphs:
                self.operative(para)
            if sec.closing is not None:
                self.blocks.append(self.lines(sec.closing.lines))
        if res.closing is not None and res.closing.lines:
            self.blocks.append(self.lines(res.closing.lines))
        for annex in res.annexes:
            self.blocks.append(escape(annex.heading))
            if annex.title is not None:
                self.blocks.append(escape(annex.title))
            self.blocks.extend(self.passage(p) for p in annex.paragraphs)
        for fn in res.footnotes:
            superscript = self.superscript and fn.marker.isdigit()
            prefix = fn.marker.translate(_SUPERSCRIPT) if superscript else f"[^{fn.marker}]:"
            self.blocks.append(f"{prefix} {self.passage(fn.text)}")
        return "\n\n".join(self.blocks) + "\n"


def render(res: Resolution, superscript: bool = False) -> str:
    """The resolution as canonical text; ``superscript`` writes call-outs as ``¹²`` and
    footnote texts as ``¹² …`` lines instead of Markdown ``[^12]``."""
    return _Renderer(res, superscript).render()
