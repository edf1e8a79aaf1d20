"""Coverage-guided fuzzing of resdraft with atheris (install the ``fuzz`` extra).

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/atheris_harness.py -runs=100000 fuzz/seeds

Each input goes through parse -> to_akn -> from_akn -> to_akn -> render. Anything but
ResdraftError, or an XML round trip that changes the bytes, is a crash that atheris saves.
The seed folder is filled from examples/ and tests/fixtures/ on first run.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import resdraft
    import resdraft.akn
    import resdraft.akn_read
    import resdraft.build
    import resdraft.lexer
    import resdraft.normalize
    import resdraft.parser
    import resdraft.reader
    from resdraft.render import render

ROOT = Path(__file__).resolve().parents[1]


def one_input(data: bytes) -> None:
    try:
        res = resdraft.parse(data)
    except resdraft.ResdraftError:
        return
    xml = resdraft.to_akn(res)
    if resdraft.to_akn(resdraft.from_akn(xml)) != xml:
        raise AssertionError("to_akn -> from_akn -> to_akn changed the bytes")
    render(res)


def seed(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in [*ROOT.glob("examples/*-*.md"), *ROOT.glob("tests/fixtures/*.txt")]:
        shutil.copy(path, folder / path.name)


if __name__ == "__main__":
    seeds = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    for folder in seeds:
        if not folder.exists() or not any(folder.iterdir()):
            seed(folder)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
