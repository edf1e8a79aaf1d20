"""The ``resdraft`` command line (Typer), in the manner of ruff.

Exit status: 0 success; 1 the job ran but found errors (``check``: findings at the
``--fail-on`` level; ``convert``: invalid output, or profile violations with ``--strict``);
2 unusable input or a usage error. Heavy modules (lxml, Lark,
the schemas) are imported inside the commands that need them, so ``--help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from resdraft.errors import EXIT_BAD_INPUT, ResdraftError

if TYPE_CHECKING:
    from resdraft.config import Settings
    from resdraft.convert import Converted, ConvertJob, ConvertOptions
    from resdraft.diagnostics import Diagnostic, FileReport
    from resdraft.format import Formatted
    from resdraft.rules import Rule

app = typer.Typer(
    name="resdraft",
    help="Check United Nations resolutions and draft resolutions, and convert them to Akoma Ntoso (AKN4UN).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class LangOption(StrEnum):
    auto = "auto"
    en = "en"
    zh = "zh"


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        from resdraft import __version__

        typer.echo(f"resdraft {__version__}")
        raise typer.Exit(0)


class RevisionsOption(StrEnum):
    accept = "accept"
    reject = "reject"


_Revisions = Annotated[
    RevisionsOption | None,
    typer.Option(
        "--revisions",
        help="Read the tracked changes of a Word document as accepted (the default) or rejected.",
        show_default=False,
    ),
]


_Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help="Files worked on at once, in as many processes (default: the number of usable cores; "
        "1: all in this process). The output is the same whatever N.",
        show_default=False,
    ),
]


class ConvertTarget(StrEnum):
    akn = "akn"
    text = "text"


_CONVERT_HELP = (
    "Convert resolutions to Akoma Ntoso 3.0 XML (AKN4UN), or render them as canonical text.\n\n"
    "The XML output is validated against the official OASIS schema and the project's AKN4UN profile; "
    "profile violations are reported on stderr with their XPath.\n\n"
    "With --to text the input (resdraft AKN XML, or text) is rendered back as canonical Markdown-flavoured "
    "text in UTF-8; --validate/--no-validate and --strict do not apply to text output.\n\n"
    "One file goes to standard output, or to -o FILE (into -o DIR by name when DIR is an existing folder "
    "or is written with a trailing slash, as in -o xml/). "
    "A directory (searched like `check` does; a file there "
    "that is not a resolution is skipped) or several files need -o OUTDIR: each output is written there as "
    "<name>.xml (.md with --to text), in the same subfolders as below the directory given.\n\n"
    "Exit status: 0 converted; 1 output not valid (or profile violations with --strict); 2 unusable input."
)


@app.command(help=_CONVERT_HELP)
def convert(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Resolutions to convert (.txt/.md text, Word .docx or AKN XML), or directories of them.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,  # as typed: a Path would drop the trailing "/" that makes "-o new/" a folder
        typer.Option(
            "-o",
            "--output",
            metavar="PATH",
            help="Write the output here (atomically) instead of standard output; with a directory or several "
            "files, or when it is an existing folder or ends in a slash, the folder to write them to.",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        ConvertTarget,
        typer.Option("--to", help="Output format: akn (Akoma Ntoso XML) or text (canonical text, not validated)."),
    ] = ConvertTarget.akn,
    lang: Annotated[LangOption, typer.Option("--lang", help="Language of the text.")] = LangOption.auto,
    validate: Annotated[
        bool, typer.Option("--validate/--no-validate", help="Validate against the OASIS XSD and the AKN4UN profile.")
    ] = True,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Profile violations (numbering, footnotes …) fail the run with exit status 1."),
    ] = False,
    revisions: _Revisions = None,
    jobs: _Jobs = None,
) -> None:
    """Convert resolutions to Akoma Ntoso 3.0 XML (AKN4UN), or render them as canonical text."""
    from resdraft.convert import ConvertJob, ConvertOptions, convert_file

    options = ConvertOptions(
        to_text=to is ConvertTarget.text,
        lang=None if lang is LangOption.auto else lang.value,
        validate=validate,
        strict=strict,
        revisions=revisions.value if revisions else "accept",
    )
    if output == "":
        raise ResdraftError("-o names no file: the path is empty")
    out = Path(output) if output is not None else None
    if len(paths) > 1 or paths[0].is_dir() or (output is not None and _names_folder(output)):
        raise typer.Exit(_convert_many(paths, out, options, jobs))  # -o DIR for one file: DIR/NAME.xml
    result = convert_file(ConvertJob(paths[0], out), options)
    for message in result.messages:
        typer.echo(message, err=True)
    if result.error is not None:
        raise ResdraftError(result.error)
    if result.data is not None:
        _write_stdout(result.data)
    raise typer.Exit(result.status)


def _names_folder(output: str) -> bool:
    """``-o`` names a folder for one file: an existing one, or one to create ("-o xml/")."""
    return output.endswith(tuple(filter(None, (os.sep, os.altsep)))) or os.path.isdir(output)


def _convert_many(paths: list[Path], output: Path | None, options: ConvertOptions, jobs: int | None) -> int:
    """Convert a directory or several files into the folder ``output``; the exit status."""
    from functools import partial

    from resdraft import batch
    from resdraft.convert import convert_file, plan_outputs, warm_up_convert

    if output is None:
        if len(paths) == 1:
            raise ResdraftError(f"{paths[0]}: is a directory; give -o OUTDIR, the folder to convert its files to")
        raise ResdraftError("several files to convert: give -o OUTDIR, the folder to write them to")
    if output.exists() and not output.is_dir():
        raise ResdraftError(
            f"{output}: not a directory (-o names a folder with a directory, several files or a trailing slash)"
        )
    planned = plan_outputs(paths, output, options.suffix)
    if not planned:
        raise ResdraftError("no files to convert (known types: .txt, .md, .docx, .xml)")
    _make_folders({job.output.parent for job, _ in planned if job.output is not None})
    converted = invalid = failed = skipped = 0
    shown = batch.show_progress(len(planned), sys.stderr)
    with batch.Progress(len(planned), "Converting", shown) as progress:
        results = batch.run_in_order(
            partial(convert_file, options=options),
            [job for job, _ in planned],
            jobs or batch.default_jobs(),
            _convert_failure,
            progress.advance,
            partial(warm_up_convert, options),
        )
        for (_, named), result in zip(planned, results, strict=True):
            if result.not_a_resolution and not named:
                skipped += 1  # a README or a letter beside the drafts
                continue
            for message in result.messages:
                progress.echo(message)
            if result.error is not None:
                failed += 1
                progress.echo(f"resdraft: error: {result.path}: {result.error.removeprefix(f'{result.path}: ')}")
                continue
            converted += 1
            invalid += result.status != 0
    typer.echo(_convert_summary(converted, output, invalid, failed, skipped), err=True)
    return EXIT_BAD_INPUT if failed else 1 if invalid else 0


def _convert_failure(job: ConvertJob, message: str) -> Converted:
    from resdraft.convert import Converted

    return Converted(str(job.source), error=message)


def _make_folders(folders: set[Path]) -> None:
    for folder in sorted(folders):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ResdraftError(f"{folder}: cannot create the folder ({err.strerror})") from None


def _convert_summary(converted: int, output: Path, invalid: int, failed: int, skipped: int) -> str:
    """``Converted 998 files to out (1 invalid, 2 failed, 1 skipped: not a resolution)``."""
    parts = [f"{invalid} invalid"] if invalid else []
    parts += [f"{failed} failed"] if failed else []
    parts += [f"{skipped} skipped: not a resolution"] if skipped else []
    return f"Converted {_files(converted)} to {output}" + (f" ({', '.join(parts)})" if parts else "")


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class Level(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


_CHECK_HELP = (
    "Check resolutions for structural, numbering, footnote, punctuation and reference errors.\n\n"
    "PATHS are files (.txt, .md, AKN .xml) or directories, which are searched for such files "
    "(a file there that is not a resolution is skipped). Settings come from resdraft.toml or "
    "[tool.resdraft] in pyproject.toml, found upwards from the current directory; options override "
    "them. `resdraft rules` lists the rules.\n\n"
    "Exit status: 0 no finding at the --fail-on level (default: error); 1 such findings; "
    "2 unusable input or a usage error."
)

_Selectors = Annotated[
    list[str] | None,
    typer.Option(metavar="CODE", help="Rule codes or prefixes (RD3, RD301), comma-separated or repeated."),
]


@app.command(help=_CHECK_HELP)
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories (default: .).", show_default=False)
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.text,
    select: Annotated[
        list[str] | None, typer.Option("--select", metavar="CODE", help="Check only these rules (codes or prefixes).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="CODE", help="Skip these rules.")] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option("--extend-select", metavar="CODE", help="Check these rules too.")
    ] = None,
    lang: Annotated[LangOption | None, typer.Option("--lang", help="Language of the texts (default: detect).")] = None,
    fail_on: Annotated[
        Level | None, typer.Option("--fail-on", help="Lowest severity that makes the exit status 1 (default: error).")
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count the findings per rule instead.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the safe fixes, writing the files in place.")] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="Use this resdraft.toml or pyproject.toml.", show_default=False)
    ] = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour the text output (default: on a terminal).")
    ] = None,
    revisions: _Revisions = None,
    jobs: _Jobs = None,
) -> None:
    from resdraft import report
    from resdraft.batch import MANY_FILES
    from resdraft.config import find_config, load_settings
    from resdraft.diagnostics import Severity
    from resdraft.lint import discover
    from resdraft.rules import rules

    registry = rules()
    config_path = config if config is not None else find_config(Path.cwd())
    settings = load_settings(config_path, known_codes=registry).with_overrides(
        select=_split(select),
        ignore=_split(ignore),
        extend_select=_split(extend_select),
        lang=lang.value if lang is not None else None,
        fail_on=Severity(fail_on.value) if fail_on is not None else None,
        known_codes=registry,
        revisions=revisions.value if revisions else None,
    )
    files = discover(paths or [Path(".")])
    if not files:
        raise ResdraftError("no files to check (known types: .txt, .md, .docx, .xml)")
    reports, skipped = _check_files(files, settings, fix, jobs)
    if statistics:
        out = report.statistics(reports, registry)
    elif output_format is OutputFormat.json:
        out = report.json(reports)
    elif output_format is OutputFormat.sarif:
        from resdraft import __version__

        out = report.sarif(reports, registry, __version__)
    elif output_format is OutputFormat.github:
        out = report.github(reports)
    else:
        out = report.text(reports, color=_use_color(color))
    if out:
        _write_stdout(out.encode("utf-8") + (b"" if out.endswith("\n") else b"\n"))
    for r in reports:
        for line, message in r.notices:
            typer.echo(f"{r.path}{f':{line}' if line else ''}: warning: {message}", err=True)
    if output_format is not OutputFormat.text or statistics:
        for r in reports:
            if r.error:
                typer.echo(f"resdraft: error: {r.path}: {r.error}", err=True)
    if len(files) >= MANY_FILES:
        typer.echo(_check_summary(reports, skipped), err=True)
    if any(r.error for r in reports):
        raise typer.Exit(EXIT_BAD_INPUT)
    failing = any(settings.fails(d.severity) for r in reports for d in r.diagnostics)
    raise typer.Exit(1 if failing and not exit_zero else 0)


def _check_files(
    files: list[tuple[Path, bool]], settings: Settings, fix: bool, jobs: int | None
) -> tuple[list[FileReport], int]:
    """The reports of the files, in order, and how many were skipped (not resolutions, found
    in a directory)."""
    from functools import partial

    from resdraft import batch
    from resdraft.lint import check_file, warm_up_check

    reports = []
    skipped = 0
    jobs = jobs or batch.default_jobs()
    if fix and len({path.resolve() for path, _ in files}) < len(files):
        jobs = 1  # a file reached twice (named twice, a symbolic link): two workers would fix it at once
    with batch.Progress(len(files), "Checking", batch.show_progress(len(files), sys.stderr)) as progress:
        outcomes = batch.run_in_order(
            partial(check_file, settings=settings, fix=fix),
            [path for path, _ in files],
            jobs,
            _check_failure,
            progress.advance,
            warm_up_check,
        )
        for (_, named), outcome in zip(files, outcomes, strict=True):
            if outcome.not_a_resolution and not named:
                skipped += 1  # a README or a letter beside the drafts
                continue
            reports.append(outcome)
    return reports, skipped


def _check_failure(path: Path, message: str) -> FileReport:
    from resdraft.diagnostics import FileReport

    return FileReport(str(path), [], error=message)


def _check_summary(reports: list[FileReport], skipped: int) -> str:
    """``Checked 1000 files: 12 with findings, 1 unusable, 3 fixed, 2 skipped (not a resolution).``"""
    counts = [
        (sum(1 for r in reports if r.diagnostics), "with findings"),
        (sum(1 for r in reports if r.error), "unusable"),
        (sum(1 for r in reports if r.fixed), "fixed"),
        (skipped, "skipped (not a resolution)"),
    ]
    parts = [f"{n} {what}" for n, what in counts if n]
    return f"Checked {_files(len(reports))}: {', '.join(parts) or 'no findings'}."


_FORMAT_HELP = (
    "Renumber and tidy resolutions: operative paragraphs (5 bis, [new] …), sub-items and footnotes "
    'numbered again in order, with every internal reference ("paragraph 5 above", "上文第5段") '
    "following its paragraph; punctuation, spacing and the emphasis of opening phrases fixed. Nothing "
    "else changes: words, layout, line endings and BOM stay as they are. A file whose numbering cannot "
    "be carried over safely (a reference to a paragraph that is gone …) is left untouched, with the "
    "reason.\n\n"
    "Without --write, --check or --diff, the formatted text of one file goes to standard output. "
    "The changes made are listed on standard error.\n\n"
    "Exit status: 0 done (or nothing to change); 1 with --check or --diff, some file would change; "
    "2 a file could not be read or formatted safely, or a usage error."
)


@app.command(name="format", help=_FORMAT_HELP)
def format_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories (default: .).", show_default=False)
    ] = None,
    write: Annotated[bool, typer.Option("--write", help="Write the formatted files in place (atomically).")] = False,
    check_only: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when some file would change.")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the changes; write nothing.")] = False,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="CODE", help="Apply only these rules' fixes (renumbering always runs)."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", metavar="CODE", help="Skip these rules' fixes.")
    ] = None,
    lang: Annotated[LangOption | None, typer.Option("--lang", help="Language of the texts (default: detect).")] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Use this resdraft.toml or pyproject.toml.", show_default=False)
    ] = None,
    revisions: _Revisions = None,
) -> None:
    from resdraft.config import find_config, load_settings
    from resdraft.format import format_file
    from resdraft.lint import discover
    from resdraft.rules import rules

    if write + check_only + diff > 1:
        raise ResdraftError("give only one of --write, --check and --diff")
    registry = rules()
    config_path = config if config is not None else find_config(Path.cwd())
    settings = load_settings(config_path, known_codes=registry).with_overrides(
        select=_split(select),
        ignore=_split(ignore),
        lang=lang.value if lang is not None else None,
        known_codes=registry,
        revisions=revisions.value if revisions else None,
    )
    files = [(p, named) for p, named in discover(paths or [Path(".")]) if named or p.suffix not in (".xml", ".akn")]
    if not files:
        raise ResdraftError("no files to format (known types: .txt, .md, .docx)")
    to_stdout = not (write or check_only or diff)
    if to_stdout and len(files) > 1:
        raise ResdraftError("several files: give --write, --check or --diff")
    if to_stdout and files[0][0].suffix.lower() == ".docx":
        raise ResdraftError("a Word document is not written to standard output: give --write, --check or --diff")
    results = []
    for path, named in files:
        result = format_file(path, settings, write=write)
        if result.not_a_resolution and not named:
            continue
        results.append(result)
        _report_formatting(result, write, check_only or diff)
        if diff and result.changed:
            _write_stdout(result.diff().encode("utf-8"))
        elif to_stdout and result.error is None:
            _write_stdout(result.text.encode("utf-8"))
    failed = [r for r in results if r.error or r.refused]
    changed = [r for r in results if r.changed]
    if not to_stdout:
        typer.echo(_format_summary(len(results), len(changed), len(failed), write), err=True)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)
    raise typer.Exit(1 if changed and (check_only or diff) else 0)


def _report_formatting(result: Formatted, write: bool, dry: bool) -> None:
    """What was (or would be) changed in one file, or why it was left alone, on stderr."""
    if result.error:
        typer.echo(f"resdraft: error: {result.path}: {result.error}", err=True)
        return
    for span, reason in result.refused:
        typer.echo(f"{result.path}:{result.where(span)}: not formatted: {reason}", err=True)
    if dry and result.changed:
        typer.echo(f"Would reformat: {result.path}", err=True)
    # the same fix several times on one line (ASCII commas in a Chinese paragraph) is one report
    groups: dict[tuple[int, str, str], list[Diagnostic]] = {}
    for d in result.changes:
        groups.setdefault((d.span.line, d.code, d.fix.message if d.fix else d.message), []).append(d)
    for (_, code, message), found in groups.items():
        times = f" (×{len(found)})" if len(found) > 1 else ""
        typer.echo(f"{result.path}:{result.where(found[0].span)}: {code} {message}{times}", err=True)


def _format_summary(total: int, changed: int, failed: int, write: bool) -> str:
    parts = []
    if changed:
        parts.append(f"{_files(changed)} {'reformatted' if write else 'would be reformatted'}")
    if total - changed - failed:
        parts.append(f"{_files(total - changed - failed)} {'left unchanged' if write else 'already formatted'}")
    if failed:
        parts.append(f"{_files(failed)} not formatted")
    return ", ".join(parts) or "no files"


def _files(n: int) -> str:
    return f"{n} file{'s' if n != 1 else ''}"


def _split(values: list[str] | None) -> list[str] | None:
    """``--select RD3,RD5 --select RD601`` -> ["RD3", "RD5", "RD601"]."""
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _use_color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


@app.command(name="rules")
def rules_command(
    code: Annotated[str | None, typer.Argument(help="A rule code: explain that rule.", show_default=False)] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Every rule with its explanation, as Markdown (docs/rules.md).")
    ] = False,
) -> None:
    """List the rules, or explain one (what it checks, a bad and a good example)."""
    from resdraft.rules import rules

    registry = rules()
    if markdown:
        _write_stdout(_rules_markdown(registry).encode("utf-8"))
        return
    if code is None:
        lines = []
        for r in registry.values():
            langs = ",".join(sorted(r.languages)) or "all"
            fix = "fix" if r.fixable else ""
            lines.append(f"{r.code}  {r.name:<28} {r.severity.value:<7} {langs:<5} {fix:<3}  {r.summary}")
        _write_stdout(("\n".join(lines) + "\n").encode("utf-8"))
        return
    r = registry.get(code.upper())
    if r is None:
        raise ResdraftError(f"unknown rule {code!r}; `resdraft rules` lists them")
    langs = ", ".join(sorted(r.languages)) or "all"
    head = [
        f"{r.code} ({r.name})",
        "",
        r.summary,
        "",
        f"Severity: {r.severity.value}    Languages: {langs}    Fix: {'safe fix available' if r.fixable else 'none'}",
        "",
        r.explanation,
    ]
    _write_stdout(("\n".join(head) + "\n").encode("utf-8"))


def _rules_markdown(registry: dict[str, Rule]) -> str:
    out = ["| code | name | severity | languages | fix | summary |", "|---|---|---|---|---|---|"]
    for r in registry.values():
        langs = ", ".join(sorted(r.languages)) or "all"
        out.append(
            f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.value} | {langs} | "
            f"{'yes' if r.fixable else ''} | {r.summary} |"
        )
    for r in registry.values():
        out += ["", f"### {r.code}", "", f"**{r.name}** — {r.summary}", "", _fenced(r.explanation)]
    return "\n".join(out) + "\n"


def _fenced(explanation: str) -> str:
    """The reST-style "Bad::" blocks of a rule's docstring as fenced Markdown code blocks."""
    out: list[str] = []
    block: list[str] | None = None
    for line in [*explanation.split("\n"), ""]:
        if block is not None and line and not line.startswith("    "):
            out += ["```text", *[b.removeprefix("    ") for b in _trim(block)], "```", ""]
            block = None
        if block is not None:
            block.append(line)
        elif line.endswith("::"):
            out.append(line[:-1])
            block = []
        else:
            out.append(line)
    if block is not None:
        out += ["```text", *[b.removeprefix("    ") for b in _trim(block)], "```"]
    return "\n".join(out).rstrip("\n")


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _write_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    except OSError as err:
        raise ResdraftError(f"cannot write standard output ({err.strerror})") from None


def main() -> None:
    """Entry point: never a traceback; documented exit statuses."""
    try:
        app()
    except ResdraftError as err:
        _report(str(err), err.exit_code)
    except KeyboardInterrupt:
        _report("interrupted", 130)
    except SystemExit as done:
        if done.code == 130:  # Typer turns Ctrl-C into a silent exit 130; no command of ours exits so
            _report("interrupted", 130)
        raise
    except Exception as err:  # a bug of ours, or input too deep or too large: one line, the documented status
        from resdraft.batch import crash_message

        _report(crash_message(err), EXIT_BAD_INPUT)


def _report(message: str, code: int) -> NoReturn:
    print(f"resdraft: error: {message}", file=sys.stderr)
    sys.exit(code)
