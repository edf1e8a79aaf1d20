"""The analysed grammar is cached between runs (a cold ``resdraft check`` would otherwise spend
longer building the LALR tables than checking): where the cache lives, and that a missing,
stale or damaged cache never changes what is parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdraft.lang import get
from resdraft.lexer import tokens
from resdraft.normalize import normalise
from resdraft.parser import build_parser, grammar_cache

TEXT = """80/1. Cooperation on coastal resilience

The General Assembly,

*Recalling* its resolution 79/1 of 1 December 2024,

1. *Decides* to continue its consideration of the question;

2. *Requests* the Secretary-General to report on the implementation of the present resolution.
"""


def _tree(cache_file: str | bool) -> str:
    lang = get("en")
    return build_parser(cache_file).parse(tokens(normalise(TEXT, lang), lang)).pretty()


def test_cache_lives_in_resdraft_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESDRAFT_CACHE_DIR", str(tmp_path / "c"))
    assert grammar_cache() == str(tmp_path / "c" / "grammar.lark-cache")
    assert (tmp_path / "c").is_dir()


def test_cache_defaults_to_the_users_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESDRAFT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert grammar_cache() == str(tmp_path / "resdraft" / "grammar.lark-cache")
    assert (tmp_path / "resdraft").stat().st_mode & 0o077 == 0  # the user's own: a pickle is code


def test_empty_cache_dir_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESDRAFT_CACHE_DIR", "")
    assert grammar_cache() is False


def test_unusable_cache_dir_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("RESDRAFT_CACHE_DIR", str(blocker / "sub"))
    assert grammar_cache() is False


def test_cached_tables_parse_like_fresh_ones(tmp_path: Path) -> None:
    cache_file = tmp_path / "grammar.lark-cache"
    fresh = _tree(False)
    assert _tree(str(cache_file)) == fresh  # builds and writes the cache
    written = cache_file.read_bytes()
    assert written
    assert _tree(str(cache_file)) == fresh  # loads it
    assert cache_file.read_bytes() == written  # loaded, not rebuilt


def test_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    cache_file = tmp_path / "grammar.lark-cache"
    cache_file.write_bytes(b"garbage\n\x80\x04not a pickle")
    assert _tree(str(cache_file)) == _tree(False)
    assert cache_file.read_bytes() != b"garbage\n\x80\x04not a pickle"
