"""The ``resdraft`` command line (Typer), in the manner of ruff.

Exit status: 0 success; 1 the job ran but found errors (invalid output, or profile
violations with ``--strict``); 2 unusable input or a usage error. Heavy modules (lxml, Lark,
the schemas) are imported inside the commands that need them, so ``--help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from resdraft.errors import EXIT_BAD_INPUT, ResdraftError

app = typer.Typer(
    name="resdraft",
    help="Read United Nations resolutions and draft resolutions and convert them to Akoma Ntoso (AKN4UN).",
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


_CONVERT_HELP = (
    "Convert a resolution to Akoma Ntoso 3.0 XML (AKN4UN).\n\n"
    "The output is validated against the official OASIS schema and the project's AKN4UN profile; "
    "profile violations are reported on stderr with their XPath.\n\n"
    "Exit status: 0 converted; 1 output not valid (or profile violations with --strict); 2 unusable input."
)


@app.command(help=_CONVERT_HELP)
def convert(
    path: Annotated[
        Path, typer.Argument(help="Resolution to convert: .txt/.md text or resdraft AKN XML.", show_default=False)
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the XML here (atomically) instead of standard output.")
    ] = None,
    lang: Annotated[LangOption, typer.Option("--lang", help="Language of the text.")] = LangOption.auto,
    validate: Annotated[
        bool, typer.Option("--validate/--no-validate", help="Validate against the OASIS XSD and the AKN4UN profile.")
    ] = True,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Profile violations (numbering, footnotes …) fail the run with exit status 1."),
    ] = False,
) -> None:
    """Convert a resolution to Akoma Ntoso 3.0 XML (AKN4UN)."""
    from resdraft.akn import to_akn
    from resdraft.parser import parse

    res = parse(path, None if lang is LangOption.auto else lang.value)
    data = to_akn(res)
    status = 0
    if validate:
        from lxml import etree

        from resdraft.validate import check_oasis, check_profile, safe_parser

        doc = etree.fromstring(data, safe_parser())
        for v in check_oasis(doc):
            typer.echo(f"{path}: invalid against akomantoso30.xsd: {v}", err=True)
            status = 1
        for v in check_profile(doc):
            typer.echo(f"{path}: profile: {v}", err=True)
            if strict:
                status = 1
    if output is None:
        _write_stdout(data)
    else:
        from resdraft.fileio import write_atomic

        write_atomic(output, data)
    raise typer.Exit(status)


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
    except RecursionError:
        _report("input nested too deeply", EXIT_BAD_INPUT)
    except MemoryError:
        _report("input too large to process", EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        _report("interrupted", 130)
    except Exception as err:  # a bug of ours: say so in one line, keep the exit status documented
        _report(f"internal error ({type(err).__name__}: {err}); please report it", EXIT_BAD_INPUT)


def _report(message: str, code: int) -> NoReturn:
    print(f"resdraft: error: {message}", file=sys.stderr)
    sys.exit(code)
