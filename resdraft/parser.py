"""The pipeline from input to model: reader -> normaliser -> lexer -> grammar -> builder.

The Lark LALR parser is built once per process, on first use.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lark import Lark, Token
from lark.exceptions import UnexpectedInput, VisitError
from lark.lexer import Lexer

from resdraft import lang as languages
from resdraft.errors import NotAResolution, ResdraftError
from resdraft.model import Resolution

if TYPE_CHECKING:
    from resdraft.docx_read import WordText
    from resdraft.normalize import Normalised
    from resdraft.reader import Source


class _BlockLexer(Lexer):
    """Hands Lark the tokens resdraft.lexer made from the blocks."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:
        yield from data


def grammar_path() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "grammar" / "resolution.lark", here.parent / "grammar" / "resolution.lark"):
        if candidate.exists():
            return candidate
    raise ResdraftError("grammar/resolution.lark not found: the installation is incomplete")


@cache
def parser() -> Lark:
    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer=_BlockLexer)


def parse_text(text: str, lang_code: str | None = None, path: str | None = None) -> Resolution:
    from resdraft.normalize import normalise
    from resdraft.reader import clean_text

    text = clean_text(text)
    lang = _language(text, lang_code)
    return _parse(normalise(text, lang), lang, path)


def parse_word(word: WordText, lang_code: str | None = None, path: str | None = None) -> Resolution:
    """A Word document read by :mod:`resdraft.docx_read`: its paragraphs, footnotes and
    automatic numbers go through the same normaliser, grammar and builder as a text."""
    from resdraft.docx_read import lines_of
    from resdraft.normalize import normalise_paragraphs

    lang = _language(word.view, lang_code)
    body, footnotes = lines_of(word)
    return _parse(normalise_paragraphs(body, footnotes, lang), lang, path)


def _language(text: str, lang_code: str | None) -> languages.Language:
    return languages.get(lang_code) if lang_code and lang_code != "auto" else languages.detect(text)


def _parse(norm: Normalised, lang: languages.Language, path: str | None) -> Resolution:
    from resdraft.build import build
    from resdraft.lexer import tokens

    toks = tokens(norm, lang)
    if not toks:
        raise NotAResolution("not a resolution: the text is empty")
    try:
        tree = parser().parse(toks)
    except UnexpectedInput as err:
        tok = getattr(err, "token", None)
        line = getattr(tok, "line", None)
        where = f" at line {line}" if line else ""
        found = getattr(tok, "type", "end of text")
        raise NotAResolution(f"cannot be read as a resolution{where}: unexpected {found}") from None
    try:
        res = build(tree, norm, lang)
    except VisitError as err:  # the builder's own refusal, wrapped by Lark
        raise err.orig_exc from None
    res.path = path
    return res


def parse(source: str | bytes | os.PathLike[str], lang: str | None = None, revisions: str = "accept") -> Resolution:
    """Read a resolution from a path, bytes, or its text; AKN XML and Word documents are read
    as well (``revisions``: a Word document's tracked changes accepted or rejected)."""
    from resdraft.reader import read

    return parse_source(read(source, revisions), lang)


def parse_source(src: Source, lang: str | None = None) -> Resolution:
    """The resolution a source holds, whatever its kind (text, Word, AKN XML)."""
    if src.xml is not None:
        from resdraft.akn_read import from_akn

        res = from_akn(src.xml)
        res.path = src.path
        return res
    if src.word is not None:
        return parse_word(src.word, lang, src.path)
    assert src.text is not None
    return parse_text(src.text, lang, src.path)
