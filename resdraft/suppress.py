"""Inline suppressions: directives a drafter writes in the text, as HTML comments (invisible in
Markdown; the normaliser drops a line that is nothing but an HTML comment).

``<!-- resdraft: disable=RD301,RD302 -->``
    On a line of its own: suppresses those codes in the next paragraph. When the text separates
    its paragraphs by blank lines (the normaliser's judgement, comment lines aside) and the directive opens a
    block (nothing but blank lines or other comment lines before it), that is the following
    lines up to the next blank line or comment line; otherwise (one paragraph a line, or a
    directive in the middle of a block) it is the next non-blank line only. At the end of a
    line of text: suppresses on that line only.
``<!-- resdraft: disable -->``
    The same for every code.
``<!-- resdraft: disable-file=RD604 -->`` / ``<!-- resdraft: disable-file -->``
    Anywhere: suppresses those codes (every code) in the whole file.

Codes may be prefixes (``RD3``) or ``ALL``; they are case-sensitive, separated by commas
(whitespace around them, the ``:`` and the ``=`` is free). A comment that starts with
``resdraft`` but cannot be understood (an unknown word such as ``enable``, a malformed code)
suppresses nothing and is reported in :attr:`Suppressions.problems`, for the linter to warn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from resdraft.normalize import _blank_separated

_COMMENT = re.compile(r"<!--(?P<body>.*?)-->")
_OWN_LINE = re.compile(r"^\s*(?:<!--.*?-->\s*)+$")
_RESDRAFT = re.compile(r"^\s*resdraft\b", re.IGNORECASE)
_DIRECTIVE = re.compile(r"^\s*resdraft\s*:\s*(?P<word>[^\s=]*)\s*(?:=(?P<codes>.*?))?\s*$")
_SELECTOR = re.compile(r"ALL|RD\d{0,3}")


class Scope(StrEnum):
    LINE = "line"  # at the end of a line of text
    PARAGRAPH = "paragraph"  # on a line of its own
    FILE = "file"  # disable-file


@dataclass(frozen=True)
class Directive:
    """One understood directive: where it stands, what it covers, and its codes (None: every
    code). ``lines`` are the 1-based lines it suppresses on (empty for the whole file)."""

    line: int
    scope: Scope
    codes: tuple[str, ...] | None
    lines: frozenset[int] = frozenset()

    def covers(self, code: str) -> bool:
        return self.codes is None or any(c == "ALL" or code.startswith(c) for c in self.codes)


@dataclass
class Suppressions:
    """The directives of one text, and what was wrong with the ones that could not be used."""

    directives: list[Directive] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (1-based line, message)

    def __post_init__(self) -> None:
        self._by_line: dict[int, list[Directive]] = {}
        self._file: list[Directive] = []
        for d in self.directives:
            if d.scope is Scope.FILE:
                self._file.append(d)
            for n in d.lines:
                self._by_line.setdefault(n, []).append(d)

    def suppresses(self, code: str, line: int) -> bool:
        """Is a diagnostic ``code`` whose span starts on 1-based ``line`` suppressed?"""
        if not self.directives:
            return False  # the common case, asked of every finding
        return any(d.covers(code) for d in self._file) or any(d.covers(code) for d in self._by_line.get(line, ()))


def parse_suppressions(text: str) -> Suppressions:
    """Every ``<!-- resdraft: … -->`` directive in ``text`` (lines split on ``\\n``; a ``\\r``
    left at a line's end is ignored)."""
    if "<!--" not in text:
        return Suppressions()  # most texts have no comment at all: no need to look at every line
    lines = [line.rstrip("\r") for line in text.split("\n")]
    blank_separated: bool | None = None  # worked out for the first directive on a line of its own
    directives: list[Directive] = []
    problems: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if "<!--" not in line:
            continue
        own_line = bool(_OWN_LINE.match(line))
        for comment in _COMMENT.finditer(line):
            parsed = _parse(comment.group("body"), index + 1, problems)
            if parsed is None:
                continue
            file_wide, codes = parsed
            if file_wide:
                directives.append(Directive(index + 1, Scope.FILE, codes))
            elif own_line:
                if blank_separated is None:
                    blank_separated = _blank_separated([ln for ln in lines if not _is_comment_line(ln)])
                covered = _paragraph_after(lines, index, blank_separated)
                if not covered:
                    problems.append((index + 1, "resdraft directive with no text after it: it suppresses nothing"))
                directives.append(Directive(index + 1, Scope.PARAGRAPH, codes, covered))
            else:
                directives.append(Directive(index + 1, Scope.LINE, codes, frozenset({index + 1})))
    return Suppressions(directives, problems)


def _parse(body: str, lineno: int, problems: list[tuple[int, str]]) -> tuple[bool, tuple[str, ...] | None] | None:
    """(file-wide?, codes or None for every code) of a directive comment's body; None when the
    comment is not a directive or cannot be used (then a problem is noted)."""
    if not _RESDRAFT.match(body):
        return None
    shown = f"<!--{body}-->"
    m = _DIRECTIVE.match(body)
    if m is None:
        problems.append((lineno, f"malformed resdraft directive {shown!r} (expected 'resdraft: disable=CODE,…')"))
        return None
    word = m.group("word")
    if word not in ("disable", "disable-file"):
        problems.append(
            (lineno, f"unknown resdraft directive {word!r} in {shown!r} (expected 'disable' or 'disable-file')")
        )
        return None
    if m.group("codes") is None:
        return (word == "disable-file", None)
    codes = tuple(c for c in re.split(r"[,\s]+", m.group("codes")) if c)
    if not codes:
        problems.append((lineno, f"no rule codes after '=' in {shown!r} (write 'disable' alone for every code)"))
        return None
    bad = [c for c in codes if not _SELECTOR.fullmatch(c)]
    if bad:
        problems.append(
            (lineno, f"invalid rule code {bad[0]!r} in {shown!r} (expected codes or prefixes such as RD301, RD3)")
        )
        return None
    return (word == "disable-file", codes)


def _is_comment_line(line: str) -> bool:
    return bool(_OWN_LINE.match(line))


def _paragraph_after(lines: list[str], index: int, blank_separated: bool) -> frozenset[int]:
    """The 1-based lines of the paragraph that an own-line directive at ``lines[index]`` covers."""
    before = index - 1
    while before >= 0 and _is_comment_line(lines[before]):
        before -= 1
    opens_block = before < 0 or not lines[before].strip()
    start = index + 1
    while start < len(lines) and (not lines[start].strip() or _is_comment_line(lines[start])):
        start += 1
    if start >= len(lines):
        return frozenset()
    if not (blank_separated and opens_block):
        return frozenset({start + 1})
    end = start
    while end + 1 < len(lines) and lines[end + 1].strip() and not _is_comment_line(lines[end + 1]):
        end += 1
    return frozenset(range(start + 1, end + 2))
