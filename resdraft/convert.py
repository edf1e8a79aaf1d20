"""``resdraft convert``'s job for one file: read, convert, validate and write it; and where
the outputs of a whole run go. :mod:`resdraft.batch` runs the job over many files.

What goes to and comes back from a worker process is picklable: dataclasses, and the
module-level functions here (bound with :func:`functools.partial`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resdraft.errors import NotAResolution, ResdraftError

if TYPE_CHECKING:
    from resdraft.model import Resolution


@dataclass(frozen=True)
class ConvertOptions:
    """How ``resdraft convert`` converts each file."""

    to_text: bool = False  # canonical text instead of AKN XML
    lang: str | None = None  # None: detect
    validate: bool = True  # against the OASIS XSD and the AKN4UN profile (AKN output only)
    strict: bool = False  # profile violations make the file fail (status 1)
    revisions: str = "accept"  # a Word document's tracked changes: "accept" or "reject"

    @property
    def suffix(self) -> str:
        return ".md" if self.to_text else ".xml"


@dataclass(frozen=True)
class ConvertJob:
    """One file to convert, and where to write the result (None: return it)."""

    source: Path
    output: Path | None = None


@dataclass
class Converted:
    """The outcome of converting one file. ``messages`` are for stderr, each starting with the
    path; ``status`` 1: the output is not valid (or breaks the profile, with --strict);
    ``data`` is the output when it was not written to a file; ``error``: why the file could
    not be converted (the whole message, as the error said it)."""

    path: str
    messages: list[str] = field(default_factory=list)
    status: int = 0
    data: bytes | None = None
    error: str | None = None
    not_a_resolution: bool = False  # readable, but not a resolution (skipped inside directories)


def convert_file(job: ConvertJob, options: ConvertOptions) -> Converted:
    """Read, convert, validate and (given ``job.output``) write one file atomically. Unusable
    input, or an output that cannot be written, becomes ``error``."""
    from resdraft.parser import parse_source
    from resdraft.reader import read

    shown = str(job.source)
    messages: list[str] = []
    try:
        src = read(job.source, options.revisions)
        messages += [f"{shown}: warning: {message}" for message in (src.word.notices if src.word else [])]
        data, status = _output(parse_source(src, options.lang), options, shown, messages)
        if job.output is None:
            return Converted(shown, messages, status, data)
        from resdraft.fileio import write_atomic

        write_atomic(job.output, data)
        return Converted(shown, messages, status)
    except ResdraftError as err:
        return Converted(shown, messages, error=str(err), not_a_resolution=isinstance(err, NotAResolution))


def _validate(shown: str, data: bytes, strict: bool, messages: list[str]) -> int:
    """Validate AKN output, adding what is wrong to ``messages``; the file's status."""
    from lxml import etree

    from resdraft.validate import check_oasis, check_profile, safe_parser

    doc = etree.fromstring(data, safe_parser())
    status = 0
    for v in check_oasis(doc):
        messages.append(f"{shown}: invalid against akomantoso30.xsd: {v}")
        status = 1
    for v in check_profile(doc):
        messages.append(f"{shown}: profile: {v}")
        if strict:
            status = 1
    return status


def _output(res: Resolution, options: ConvertOptions, shown: str, messages: list[str]) -> tuple[bytes, int]:
    """The converted (and, when asked, validated) output of a resolution, and the file's status."""
    if options.to_text:
        from resdraft.render import render

        return render(res).encode("utf-8"), 0
    from resdraft.akn import to_akn

    data = to_akn(res)
    return data, _validate(shown, data, options.strict, messages) if options.validate else 0


def warm_up_convert(options: ConvertOptions) -> None:
    """Load what converting the first file would: modules, the grammar's tables and, when the
    output is validated, the schemas (compiling the OASIS XSD alone takes a tenth of a second)."""
    from resdraft.lint import WARM_UP_SAMPLE
    from resdraft.parser import parse_text

    _output(parse_text(WARM_UP_SAMPLE), options, "", [])


def plan_outputs(paths: Sequence[Path], outdir: Path, suffix: str) -> list[tuple[ConvertJob, bool]]:
    """The files to convert, each with where its output goes and whether it was named
    explicitly: a file named goes to ``outdir/<stem><suffix>``, a file found in a directory to
    the same place below ``outdir`` as below that directory. Files already under ``outdir``
    are not looked for in directories (the output of an earlier run). Raises
    :class:`ResdraftError` before anything is written when two files would go to one output or
    an output would overwrite an input."""
    from resdraft.lint import discover

    out_root = Path(os.path.realpath(outdir))
    planned: list[tuple[ConvertJob, bool]] = []
    inputs: dict[Path, Path] = {}  # where each input really is -> the input as given
    for given in paths:
        if not given.is_dir():
            planned.append((ConvertJob(given, outdir / f"{given.stem}{suffix}"), True))
            inputs.setdefault(Path(os.path.realpath(given)), given)
            continue
        # realpath is costly over tens of thousands of files: the directory's, then joined
        root = Path(os.path.realpath(given))
        # an output folder inside the directory holds an earlier run's output, not drafts
        earlier_output = out_root != root and out_root.is_relative_to(root)
        for path, _ in discover([given]):
            relative = path.relative_to(given)
            if earlier_output and (root / relative).is_relative_to(out_root):
                continue
            planned.append((ConvertJob(path, outdir / relative.parent / f"{path.stem}{suffix}"), False))
            inputs.setdefault(root / relative, path)
    writers: dict[Path, Path] = {}
    for job, _ in planned:
        assert job.output is not None
        target = out_root / job.output.relative_to(outdir)
        if target in inputs:
            over = "itself" if inputs[target] == job.source else str(inputs[target])
            raise ResdraftError(f"{job.source} would be written over {over} ({job.output}); nothing converted")
        if target in writers:
            raise ResdraftError(
                f"{writers[target]} and {job.source} would both be written to {job.output}; nothing converted"
            )
        writers[target] = job.source
    return planned
