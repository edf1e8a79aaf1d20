"""Linter settings, in the manner of ruff: which rules run (``select``, ``extend-select``,
``ignore``, ``per-file-ignores``), at which severity, in which language, and from which
severity on a finding fails the run.

Settings live in ``resdraft.toml`` (top-level keys) or in ``pyproject.toml`` under
``[tool.resdraft]``; :func:`find_config` looks for the nearest one, walking up from the checked
file, and :func:`load_settings` reads and validates it. Command-line options are laid over the
file with :meth:`Settings.with_overrides`.

A selector is a rule code or a prefix of one: ``RD3`` selects RD300–RD399, ``RD30`` RD300–RD309,
``RD301`` one rule, ``ALL`` every rule. A code is enabled when the most specific (longest)
selector that matches it comes from ``select``/``extend-select``; when the most specific match
is in ``ignore``, or a ``select`` and an ``ignore`` selector are equally specific, it is
disabled.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path, PurePath

from resdraft.diagnostics import Severity
from resdraft.errors import ResdraftError

CONFIG_FILE = "resdraft.toml"
PYPROJECT_FILE = "pyproject.toml"

_SELECTOR = re.compile(r"ALL|RD\d{0,3}")
_FULL_CODE = re.compile(r"RD\d{3}")
_SEVERITIES = ", ".join(repr(s.value) for s in Severity)
_KEYS = ("select", "extend-select", "ignore", "per-file-ignores", "severity", "lang", "fail-on", "revisions")


def selector_error(value: object, known_codes: Iterable[str] | None = None) -> str | None:
    """Why ``value`` is not a usable rule selector, or None when it is one. With ``known_codes``,
    a full three-digit code must be one of them (prefixes are never checked: ``RD9`` may select
    nothing today and the rules of tomorrow)."""
    if not isinstance(value, str):
        return f"expected a rule code or prefix (a string), got {_describe(value)}"
    if not _SELECTOR.fullmatch(value):
        return f"invalid rule selector {value!r} (expected ALL, or RD followed by up to three digits: RD3, RD301)"
    if known_codes is not None and _FULL_CODE.fullmatch(value) and value not in set(known_codes):
        return f"unknown rule code {value}"
    return None


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


def _matches(selector: str, code: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def _covers(outer: str, inner: str) -> bool:
    """Does selector ``outer`` match everything ``inner`` matches?"""
    return outer == "ALL" or (inner != "ALL" and inner.startswith(outer))


def _best(selectors: Iterable[str], code: str) -> int:
    """The specificity of the most specific selector matching ``code``; -1 when none does."""
    return max((_specificity(s) for s in selectors if _matches(s, code)), default=-1)


@dataclass(frozen=True)
class Settings:
    """The linter's settings. ``source`` is the configuration file they were read from (None:
    the defaults), used in messages and as the base of ``per_file_ignores`` patterns."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    lang: str | None = None
    fail_on: Severity = Severity.ERROR
    revisions: str = "accept"  # how tracked changes in a .docx are read: "accept" or "reject"
    source: Path | None = None

    def selected(self, code: str) -> bool:
        """Is ``code`` enabled by ``select``/``extend_select``/``ignore`` (per-file ignores aside)?"""
        return _best(self.select + self.extend_select, code) > _best(self.ignore, code)

    def enabled(self, code: str, path: str | None = None) -> bool:
        """Is rule ``code`` enabled for the file at ``path`` (as given on the command line, or
        absolute)? ``per_file_ignores`` patterns are matched with :func:`fnmatch.fnmatch` against
        the path relative to the configuration file's directory (``/`` separators), the path as
        given, and the bare file name."""
        if not self.selected(code):
            return False
        if path is None or not self.per_file_ignores:
            return True
        names = _path_forms(path, str(self.source.parent) if self.source else None, os.getcwd())
        for pattern, selectors in self.per_file_ignores.items():
            if any(_matches(s, code) for s in selectors) and _pattern_matches(pattern, names):
                return False
        return True

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity configured for ``code`` (the most specific matching key of ``severity``
        wins, keys may be prefixes), else ``default`` (the rule's own)."""
        best = max((k for k in self.severity if _matches(k, code)), key=_specificity, default=None)
        return self.severity[best] if best is not None else default

    def fails(self, severity: Severity) -> bool:
        """Does a finding of ``severity`` fail the run?"""
        return severity.rank >= self.fail_on.rank

    def with_overrides(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        extend_select: Iterable[str] | None = None,
        lang: str | None = None,
        fail_on: Severity | None = None,
        known_codes: Iterable[str] | None = None,
        revisions: str | None = None,
    ) -> Settings:
        """These settings with command-line options laid over them, as ruff does.

        ``--select`` starts the rule selection afresh: the file's ``select``, ``extend-select``
        and ``ignore`` no longer count (``ignore = ["RD301"]`` in the file and ``--select RD301``
        check RD301). Without it, ``--extend-select`` and ``--ignore`` act on top of the file's
        selection: ``--ignore RD3`` disables RD301 even when the file selects it explicitly, and
        ``--extend-select RD301`` enables it even when the file ignores it. Between themselves,
        the command-line selectors follow the usual rule (most specific wins, ties: ignore).
        ``per-file-ignores`` and ``severity`` stay. ``lang`` (``"auto"``: detect),
        ``fail_on`` and ``revisions`` replace the file's. Malformed selectors (and, given ``known_codes``, full
        codes of no rule) raise :class:`ResdraftError`.
        """
        cli_select = _cli_selectors("--select", select, known_codes)
        cli_ignore = _cli_selectors("--ignore", ignore, known_codes) or ()
        cli_extend = _cli_selectors("--extend-select", extend_select, known_codes) or ()
        if cli_select is not None:
            new_select, new_extend, new_ignore = cli_select, cli_extend, cli_ignore
        else:
            # One layer of select/ignore with "most specific wins" gives ruff's layered result
            # once the file's selectors that a command-line selector overrules are dropped: those
            # at least as specific as it, within its range, and saying the opposite.
            new_select = tuple(s for s in self.select if not any(_covers(i, s) for i in cli_ignore))
            new_extend = tuple(s for s in self.extend_select if not any(_covers(i, s) for i in cli_ignore))
            new_extend += cli_extend
            new_ignore = tuple(s for s in self.ignore if not any(_covers(e, s) for e in cli_extend)) + cli_ignore
        settings = replace(self, select=new_select, extend_select=new_extend, ignore=new_ignore)
        if lang is not None:
            settings = replace(settings, lang=None if lang == "auto" else lang)
        if fail_on is not None:
            settings = replace(settings, fail_on=Severity(fail_on))
        if revisions is not None:
            settings = replace(settings, revisions=revisions)
        return settings


def _cli_selectors(
    option: str, values: Iterable[str] | None, known_codes: Iterable[str] | None = None
) -> tuple[str, ...] | None:
    if values is None:
        return None
    selectors = tuple(values)
    for value in selectors:
        if problem := selector_error(value, known_codes):
            raise ResdraftError(f"{problem} in {option}")
    return selectors


@lru_cache(maxsize=4096)
def _path_forms(path: str, base: str | None, cwd: str) -> tuple[str, ...]:
    """The forms of ``path`` that per-file-ignore patterns are matched against: relative to
    ``base`` (the configuration file's directory) when it lies below it, as given, and its name.
    (``cwd``, which relative paths depend on, is part of the cache key.)"""
    given = PurePath(path).as_posix()
    forms: list[str] = []
    if base is not None:
        for absolute, root in (
            (os.path.abspath(path), os.path.abspath(base)),
            (os.path.realpath(path), os.path.realpath(base)),
        ):
            try:
                forms.append(PurePath(os.path.relpath(absolute, root)).as_posix())
            except ValueError:  # another drive (Windows)
                continue
        forms = [f for f in forms if f != ".." and not f.startswith("../")]
    forms.append(given.removeprefix("./"))
    forms.append(PurePath(path).name)
    return tuple(dict.fromkeys(f for f in forms if f))


def _pattern_matches(pattern: str, forms: tuple[str, ...]) -> bool:
    pattern = PurePath(pattern).as_posix().removeprefix("./")
    return any(fnmatch(form, pattern) for form in forms)


def _has_tool_table(pyproject: Path) -> bool:
    tool = _read_toml(pyproject).get("tool")
    return isinstance(tool, dict) and "resdraft" in tool


def find_config(start: Path) -> Path | None:
    """The configuration file for ``start`` (a file or a directory): in ``start``'s directory or
    the nearest one above, ``resdraft.toml``, else a ``pyproject.toml`` with a ``[tool.resdraft]``
    table (one without it is passed over). None when there is none up to the filesystem root."""
    start = Path(start).resolve()
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT_FILE
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, object]:
    import tomllib  # only when there is a file to read (~2 ms of a cold start)

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as err:
        raise ResdraftError(f"cannot read {path}: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ResdraftError(f"invalid TOML in {path}: {err}") from None
    except UnicodeDecodeError:
        raise ResdraftError(f"invalid TOML in {path}: not UTF-8") from None


def load_settings(path: Path | None, known_codes: Iterable[str] | None = None) -> Settings:
    """The settings in the configuration file ``path`` (None: the defaults). ``resdraft.toml``
    (or any file not named ``pyproject.toml``) holds the keys at the top level, a
    ``pyproject.toml`` under ``[tool.resdraft]``. Every key and value is checked; anything wrong
    raises :class:`ResdraftError` with a one-line message naming the file and the key. With
    ``known_codes``, a full rule code that is not one of them is an error too."""
    if path is None:
        return Settings()
    path = Path(path)
    data = _read_toml(path)
    prefix = ""
    if path.name == PYPROJECT_FILE:
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "resdraft" not in tool:
            return Settings(source=path)
        data, prefix = tool["resdraft"], "tool.resdraft."
        if not isinstance(data, dict):
            raise ResdraftError(f"expected a table, got {_describe(data)} in {path} (tool.resdraft)")
    return _Reader(path, prefix, None if known_codes is None else frozenset(known_codes)).settings(data)


@dataclass
class _Reader:
    """Reads the settings table of one configuration file, naming the file and key in each error."""

    path: Path
    prefix: str  # "tool.resdraft." in a pyproject.toml
    known_codes: frozenset[str] | None

    def fail(self, key: str, message: str) -> ResdraftError:
        return ResdraftError(f"{message} in {self.path} ({self.prefix}{key})")

    def settings(self, data: Mapping[str, object]) -> Settings:
        unknown = [k for k in data if k not in _KEYS]
        if unknown:
            expected = ", ".join(_KEYS)
            where = f"{self.prefix}{unknown[0]}"
            raise ResdraftError(f"unknown key {where!r} in {self.path} (expected one of: {expected})")
        defaults = Settings()
        return Settings(
            select=self.selectors("select", data.get("select", list(defaults.select))),
            ignore=self.selectors("ignore", data.get("ignore", [])),
            extend_select=self.selectors("extend-select", data.get("extend-select", [])),
            per_file_ignores=self.per_file_ignores(data.get("per-file-ignores", {})),
            severity=self.severities(data.get("severity", {})),
            lang=self.lang(data.get("lang")),
            fail_on=self.severity_value("fail-on", data.get("fail-on", defaults.fail_on.value)),
            revisions=self.revisions(data.get("revisions", defaults.revisions)),
            source=self.path,
        )

    def selectors(self, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list of rule codes or prefixes, got {_describe(value)}")
        for item in value:
            if problem := selector_error(item, self.known_codes):
                raise self.fail(key, problem)
        return tuple(value)

    def per_file_ignores(self, value: object) -> dict[str, tuple[str, ...]]:
        key = "per-file-ignores"
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table of glob pattern = [codes], got {_describe(value)}")
        result: dict[str, tuple[str, ...]] = {}
        for pattern, selectors in value.items():
            if not pattern.strip():
                raise self.fail(key, "empty glob pattern")
            result[pattern] = self.selectors(f"{key}.{_toml_key(pattern)}", selectors)
        return result

    def severities(self, value: object) -> dict[str, Severity]:
        if not isinstance(value, dict):
            raise self.fail("severity", f"expected a table of rule code = severity, got {_describe(value)}")
        result: dict[str, Severity] = {}
        for code, severity in value.items():
            key = f"severity.{_toml_key(code)}"
            if problem := selector_error(code, self.known_codes):
                raise self.fail(key, problem)
            result[code] = self.severity_value(key, severity)
        return result

    def severity_value(self, key: str, value: object) -> Severity:
        if not isinstance(value, str):
            raise self.fail(key, f"expected a severity ({_SEVERITIES}), got {_describe(value)}")
        try:
            return Severity(value)
        except ValueError:
            raise self.fail(key, f"unknown severity {value!r} (expected {_SEVERITIES})") from None

    def lang(self, value: object) -> str | None:
        from resdraft.lang import languages

        if value is None or value == "auto":
            return None
        known = sorted(languages())
        if not isinstance(value, str) or value not in known:
            expected = ", ".join(repr(code) for code in ["auto", *known])
            raise self.fail("lang", f"unsupported language {value!r} (expected {expected})")
        return value

    def revisions(self, value: object) -> str:
        if value not in ("accept", "reject"):
            raise self.fail("revisions", f'expected "accept" or "reject", got {_describe(value)}')
        return str(value)


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'


def _describe(value: object) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number", list: "an array"}
    if isinstance(value, dict):
        return "a table"
    return names.get(type(value), type(value).__name__) + (f" ({value!r})" if not isinstance(value, list) else "")
