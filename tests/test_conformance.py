"""The shared conformance checker (../shared/tools/conformance.py) against the real corpus."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CONFORMANCE = REPO_ROOT.parent / "shared" / "tools" / "conformance.py"


def test_conformance_checks_all_hold(shared_corpus):
    if not CONFORMANCE.is_file():
        pytest.skip(f"conformance tool not available ({CONFORMANCE})")
    proc = subprocess.run(
        [
            sys.executable,
            str(CONFORMANCE),
            "--corpus",
            str(shared_corpus),
            "--resdraft",
            f"{shlex.quote(sys.executable)} -m resdraft",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=REPO_ROOT,
        timeout=300,
    )
    lines = proc.stdout.strip().splitlines()
    assert lines, proc.stderr
    m = re.fullmatch(r"conformance: (\d+)/(\d+) checks hold", lines[-1])
    assert m, lines[-1]
    assert m[1] == m[2], proc.stdout
    assert int(m[2]) > 0
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_corpus_text_parses_or_is_refused_cleanly(shared_corpus):
    import resdraft

    texts = sorted(shared_corpus.glob("*.txt"))
    if not texts:
        pytest.skip("no texts in the shared corpus")
    for path in texts:
        try:
            res = resdraft.parse(path)
        except resdraft.NotAResolution:
            continue
        xml = resdraft.to_akn(res)
        assert resdraft.to_akn(resdraft.from_akn(xml)) == xml, path.name
