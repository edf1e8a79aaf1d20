"""The output formats of ``resdraft check``: pure functions from file reports to a string.

- :func:`text`: ruff-style, one header line per diagnostic, the source line and a caret line;
- :func:`json`: the list of diagnostics described by ``schemas/diagnostics.schema.json``;
- :func:`sarif`: a SARIF 2.1.0 log (GitHub code scanning and other SARIF viewers);
- :func:`github`: GitHub Actions workflow commands (annotations on a pull request);
- :func:`statistics`: one line per rule code with its count, like ruff's ``--statistics``.

Lines are 1-based and columns count Unicode code points, the end column exclusive, in every
format (SARIF says so with ``columnKind: "unicodeCodePoints"``). A diagnostic without a known
position (input that carries none, such as AKN XML: line 0) has null positions in JSON and no
region in SARIF or GitHub annotations. Diagnostics are listed in
path, line, column, code order. A file that could not be checked (``FileReport.error``) is
printed by :func:`text`, :func:`sarif` and :func:`github`; in JSON it is left out (the CLI
writes it to stderr).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from resdraft.diagnostics import Diagnostic, Edit, FileReport, Fix, Severity
from resdraft.model import Span

if TYPE_CHECKING:
    from resdraft.docx_read import Place
    from resdraft.rules import Rule

__all__ = ["github", "json", "sarif", "statistics", "text"]

SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/resdraft/resdraft"

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_SEVERITY_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[34m"}
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _entries(reports: list[FileReport]) -> list[tuple[str, Diagnostic, FileReport]]:
    """Every diagnostic with the path it is reported under and its report, in path, line,
    column, code order (:attr:`Diagnostic.sort_key`, with the report's path when the
    diagnostic carries none)."""
    found = [(d.path or r.path, d, r) for r in reports for d in r.diagnostics]
    found.sort(key=lambda e: (e[0], *e[1].sort_key[1:]))
    return found


def _file_errors(reports: list[FileReport]) -> Iterator[FileReport]:
    return (r for r in reports if r.error is not None)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ---------------------------------------------------------------------------------- text


@cache  # an excerpt line is measured character by character; a text uses few distinct ones
def _width(ch: str) -> int:
    """Terminal columns taken by one character: 2 for East Asian Wide and Fullwidth, 0 for a
    combining mark (it sits on the character before), otherwise 1 (a tab too: the excerpt
    shows it as one space)."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _columns(s: str) -> int:
    if s.isascii():  # every ASCII character takes one column (a tab is shown as one space)
        return len(s)
    return sum(map(_width, s))


def _place(r: FileReport, span: Span) -> Place | None:
    """What the line of ``span`` is in a Word document (None for a text)."""
    if r.places is None or not 1 <= span.line <= len(r.places):
        return None
    return r.places[span.line - 1]


def _where(r: FileReport, span: Span) -> str:
    """``:line:column``; for a Word document ``:paragraph:column`` (``:footnote 3:column``),
    column 0 standing for Word's automatic number."""
    if span.line < 1:
        return ""
    place = _place(r, span)
    return f":{place if place is not None else span.line}:{span.column}"


def _excerpt(r: FileReport, span: Span, color: str, reset: str) -> list[str]:
    """The gutter, the source line of ``span`` and a caret line under the span (to the end of
    the line when the span runs on); nothing when the line is unknown. A Word paragraph is
    shown with the number Word puts before it."""
    lines = r.lines
    if span.line < 1 or span.line > len(lines):
        return []
    line = lines[span.line - 1].removesuffix("\r").replace("\t", " ")
    start = max(span.column, 1) - 1
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    place = _place(r, span)
    shown = f"{place.number} " if place is not None and place.number else ""
    if span.column == 0 and shown:  # the automatic number itself
        start, end = -len(shown), -1
    line = shown + line
    start, end = start + len(shown), end + len(shown)
    before = _columns(line[:start]) + max(start - len(line), 0)  # a span may point just past the end
    carets = max(_columns(line[start:end]), 1)
    number = str(place) if place is not None else str(span.line)
    gutter = " " * len(number)
    return [
        f"{gutter} |",
        f"{number} | {line}".rstrip(),
        f"{gutter} | {' ' * before}{color}{'^' * carets}{reset}",
        f"{gutter} |",
    ]


def text(reports: list[FileReport], *, color: bool) -> str:
    """Human-readable output: file errors first, then each diagnostic as
    ``path:line:col: CODE message`` (`` [*]`` when it has a fix) with its source excerpt, then
    a summary. ANSI colours only when ``color``: the path bold, the code and carets red for
    an error, yellow for a warning, blue for an info."""
    bold, reset = (_BOLD, _RESET) if color else ("", "")
    out: list[str] = []
    for r in _file_errors(reports):
        red = _SEVERITY_COLORS[Severity.ERROR] if color else ""
        out.append(f"{bold}{r.path}{reset}: {red}error{reset}: {r.error}")
    if out:
        out.append("")
    counts: Counter[Severity] = Counter()
    fixable = 0
    for path, d, r in _entries(reports):
        counts[d.severity] += 1
        fixable += d.fix is not None
        code_color = _SEVERITY_COLORS[d.severity] if color else ""
        mark = " [*]" if d.fix is not None else ""
        out.append(f"{bold}{path}{reset}{_where(r, d.span)}: {code_color}{d.code}{reset} {d.message}{mark}")
        out.extend(_excerpt(r, d.span, code_color, reset))
        out.append("")
    file_errors = sum(1 for _ in _file_errors(reports))
    parts = [
        _plural(counts[sev], word)
        for sev, word in ((Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "info"))
        if counts[sev]
    ]
    if file_errors:
        parts.append(_plural(file_errors, "unusable file"))
    out.append(f"Found {', '.join(parts)}." if parts else "All checks passed!")
    if fixable:
        out.append(f"[*] {fixable} fixable with --fix.")
    fixed = sum(r.fixed for r in reports)
    if fixed > 0:
        out.append(f"Fixed {_plural(fixed, 'issue')}.")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------- json


def _edit_json(edit: Edit) -> dict[str, Any]:
    s = edit.span
    out: dict[str, Any] = {
        "line": s.line,
        "column": s.column,
        "end_line": s.end_line,
        "end_column": s.end_column,
        "content": edit.new,
    }
    if edit.formatting:
        out["formatting"] = dict(edit.formatting)
    return out


def _fix_json(fix: Fix | None) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {"message": fix.message, "edits": [_edit_json(e) for e in fix.edits]}


def _position(span: Span) -> dict[str, int | None]:
    if span.line < 1 or span.column < 0:
        return {"line": None, "column": None, "end_line": None, "end_column": None}
    return {"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column}


def _word_position(r: FileReport, span: Span) -> dict[str, Any]:
    """For a Word document: the paragraph (body ordinal or footnote), the number Word shows
    before it, and the 0-based offset in its text (None: at the automatic number)."""
    place = _place(r, span)
    if place is None:
        return {}
    return {
        "word": {
            "part": place.part,
            "paragraph": place.paragraph,
            "number": place.number,
            "footnote": place.footnote,
            "offset": span.column - 1 if span.column >= 1 else None,
        }
    }


def json(reports: list[FileReport]) -> str:
    """The diagnostics as a JSON list (``schemas/diagnostics.schema.json``), file errors left
    out. Indented by 2, non-ASCII characters as they are."""
    items = [
        {
            "path": path,
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            **_position(d.span),
            "fix": _fix_json(d.fix),
            **_word_position(r, d.span),
        }
        for path, d, r in _entries(reports)
    ]
    import json as _json  # only for --format json/sarif: not on the way of a plain check

    return _json.dumps(items, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------- sarif


def _uri(path: str) -> str:
    """A URI reference for ``path``: relative paths stay relative (posix separators,
    percent-encoded as RFC 3986 requires), absolute ones become ``file:`` URIs."""
    p = PurePosixPath(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(str(p), safe="/")


def _region(span: Span) -> dict[str, int] | None:
    if span.line < 1:
        return None
    region = {"startLine": span.line}
    if span.column >= 1:
        region["startColumn"] = span.column
    if span.end_line >= span.line:
        region["endLine"] = span.end_line
        if span.end_column >= 1:
            region["endColumn"] = span.end_column
    return region


def _sarif_rule(r: Rule) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.code, "name": r.name, "shortDescription": {"text": r.summary}}
    if r.explanation:
        out["fullDescription"] = {"text": r.explanation}
    out["defaultConfiguration"] = {"level": _SARIF_LEVELS[r.severity]}
    return out


def _sarif_fix(fix: Fix, uri: str) -> dict[str, Any] | None:
    """A SARIF fix; None when an edit has no position (it could not be applied) or changes
    formatting, which SARIF replacements cannot say."""
    regions = [_region(e.span) for e in fix.edits]
    if not fix.edits or any(r is None for r in regions) or any(e.formatting for e in fix.edits):
        return None
    return {
        "description": {"text": fix.message},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {"deletedRegion": region, "insertedContent": {"text": e.new}}
                    for e, region in zip(fix.edits, regions, strict=True)
                ],
            }
        ],
    }


def sarif(reports: list[FileReport], rules: dict[str, Rule], version: str) -> str:
    """A SARIF 2.1.0 log with one run: the rules of ``rules`` (in its order) as the driver's
    rules, one result per diagnostic (with its fix, if any), and the files that could not be
    checked as error notifications of the invocation."""
    index = {code: i for i, code in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for path, d, _ in _entries(reports):
        uri = _uri(path)
        location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
        region = _region(d.span)
        if region is not None:
            location["region"] = region
        result: dict[str, Any] = {"ruleId": d.code}
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        result["level"] = _SARIF_LEVELS[d.severity]
        result["message"] = {"text": d.message}
        result["locations"] = [{"physicalLocation": location}]
        sarif_fix = _sarif_fix(d.fix, uri) if d.fix is not None else None
        if sarif_fix is not None:
            result["fixes"] = [sarif_fix]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}],
        }
        for r in _file_errors(reports)
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "resdraft",
                        "informationUri": INFORMATION_URI,
                        "version": version,
                        "rules": [_sarif_rule(r) for r in rules.values()],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    import json as _json

    return _json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# -------------------------------------------------------------------------------- github


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(reports: list[FileReport]) -> str:
    """GitHub Actions workflow commands, one line per diagnostic
    (``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message``; ``::warning``
    for a warning, ``::notice`` for an info), then ``::error file=…::message`` per file that
    could not be checked."""
    out: list[str] = []
    for r in _file_errors(reports):
        out.append(f"::error file={_escape_property(r.path)}::{_escape_data(r.error or '')}")
    for path, d, _ in _entries(reports):
        props = [f"file={_escape_property(path)}"]
        s = d.span
        if s.line >= 1:
            columns = max(s.column, 1), max(s.end_column, 1)  # GitHub counts from 1 (0: Word's own number)
            props += [f"line={s.line}", f"col={columns[0]}", f"endLine={s.end_line}", f"endColumn={columns[1]}"]
        props.append(f"title={_escape_property(d.code)}")
        out.append(f"::{_GITHUB_COMMANDS[d.severity]} {','.join(props)}::{_escape_data(d.message)}")
    return "".join(line + "\n" for line in out)


# ---------------------------------------------------------------------------- statistics


def statistics(reports: list[FileReport], rules: dict[str, Rule]) -> str:
    """One line per rule code, most frequent first (then by code): the count right-aligned,
    the code, ``[*]`` when some of those findings have a fix, and the rule's name."""
    counts = Counter(d.code for _, d, _ in _entries(reports))
    fixable = {d.code for _, d, _ in _entries(reports) if d.fix is not None}
    if not counts:
        return ""
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    count_width = max(4, *(len(str(n)) for _, n in rows))
    code_width = max(len(code) for code, _ in rows)
    out = []
    for code, n in rows:
        rule = rules.get(code)
        mark = "[*] " if code in fixable else "    "
        name = rule.name if rule is not None else ""
        out.append(f"{n:>{count_width}}  {code:<{code_width}}  {mark}{name}".rstrip())
    return "\n".join(out) + "\n"
