"""Shared fixtures: where the shared corpus lives, and two ways to run the command line
(in-process through Typer's CliRunner, and as a real ``python -m resdraft`` subprocess)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import strategies  # noqa: F401  (registers the Hypothesis profiles and loads the chosen one for every test)
from typer.testing import CliRunner, Result

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """``../shared/corpus`` next to the repository; tests that use it skip when it is absent."""
    corpus = REPO_ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"shared corpus not available ({corpus})")
    return corpus


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Run ``resdraft ARGS…`` in-process on :data:`resdraft.cli.app`.

    Typer's runner calls the Typer app itself, not :func:`resdraft.cli.main`, so a
    :class:`resdraft.ResdraftError` surfaces as ``result.exception`` here; the documented
    exit statuses for bad input are checked with :func:`run_subprocess`.
    """
    from resdraft.cli import app

    runner = CliRunner()

    def run(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return run


def _run_subprocess(
    *args: str | Path, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resdraft", *(str(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=cwd or REPO_ROOT,
        timeout=timeout,
    )


@pytest.fixture
def run_subprocess() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m resdraft ARGS…`` as a real process (goes through ``cli.main``)."""
    return _run_subprocess


@pytest.fixture
def write_text(tmp_path: Path) -> Callable[..., Path]:
    """Write ``text`` (UTF-8) to ``tmp_path/name`` and return the path."""

    def write(text: str, name: str = "input.md") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8", newline="")
        return path

    return write
