"""The pipeline from input to model: reader -> normaliser -> lexer -> grammar -> builder.

The Lark LALR parser is built once per process, on first use, from Lark's own cache of the
grammar analysis when there is one (see :func:`grammar_cache`).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
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


def grammar_cache() -> str | bool:
    """Where Lark keeps the analysed grammar between runs: building the LALR tables takes
    longer than checking a whole resolution, so a cold ``resdraft check`` loads them instead.
    Lark writes the file, and rebuilds it when the grammar, the options, Lark or Python
    change (it checks a digest of them). The file is a pickle, so it lives in the user's own
    cache directory, never in a shared one like /tmp; ``RESDRAFT_CACHE_DIR`` moves it, and
    ``RESDRAFT_CACHE_DIR=""`` turns the cache off."""
    folder = os.environ.get("RESDRAFT_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "resdraft")
    if not folder:
        return False
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:  # a read-only home: build the tables every time, as without a cache
        return False
    return os.path.join(folder, "grammar.lark-cache")


def build_parser(cache_file: str | bool = False) -> Lark:
    """The LALR parser of grammar/resolution.lark, its tables loaded from ``cache_file`` when
    it holds them (and written there when it does not)."""
    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer=_BlockLexer, cache=cache_file)


@cache
def parser() -> Lark:
    return build_parser(grammar_cache())


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Parsing makes many objects and frees few, so the cycle collector's passes over them
    find nothing, and they cost more the bigger the document (about a tenth of the time of a
    3,000-line one, against a twentieth of a 300-line one): it is off while a text is parsed,
    and left as it was found. (Process-wide: another thread's parse may turn it on early.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_no_cycle_collection()
def parse_text(text: str, lang_code: str | None = None, path: str | None = None) -> Resolution:
    from resdraft.normalize import normalise
    from resdraft.reader import clean_text

    text = clean_text(text)
    lang = _language(text, lang_code)
    return _parse(normalise(text, lang), lang, path)


@_no_cycle_collection()
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
