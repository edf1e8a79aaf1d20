"""The 10x / 1x ratio counted in CPU instructions under valgrind's callgrind, beside the timed
one: the count is the same from run to run whatever else the shared machine does, so it tells
whether the code's cost grows linearly with the document, and timing noise does not.

Each figure is the difference of two processes that differ by one run of the stage: one does
the stage once, the other twice, both after the same imports and warm-up, with the same hash
seed. So start-up, imports and the warm-up cancel out, and what is left is one run's cost.

    .venv/bin/python benchmarks/instructions.py            # the ratios, when valgrind is there
    .venv/bin/python benchmarks/instructions.py STAGE LANG OPERATIVE SEED RUNS   # one process
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("parse", "to_akn", "rules")
#: The documents of the timed scaling row (run.py): 50 operative paragraphs and 500
ONE, TEN = (50, 1), (500, 10)
_COLLECTED = re.compile(r"Collected : (\d+)")


def available() -> bool:
    return shutil.which("valgrind") is not None


def instructions(stage: str, lang: str, operative: int, seed: int, runs: int) -> int:
    """Instructions of a process that imports, warms up, then runs ``stage`` ``runs`` times."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__]
    command += [stage, lang, str(operative), str(seed), str(runs)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    found = _COLLECTED.search(done.stderr)
    if done.returncode or found is None:
        raise RuntimeError(f"no instruction count from {' '.join(command[-5:])}:\n{done.stderr[-2000:]}")
    return int(found[1])


def per_run(stage: str, lang: str, operative: int, seed: int) -> int:
    """Instructions of one run of ``stage``: two runs' process less one run's. A first process,
    not counted, leaves what any process leaves behind (the grammar's tables in the cache,
    compiled bytecode), which would otherwise fall on the first of the two alone."""
    subprocess.run([sys.executable, __file__, stage, lang, str(operative), str(seed), "0"], check=True)
    return instructions(stage, lang, operative, seed, 2) - instructions(stage, lang, operative, seed, 1)


def ratios(lang: str) -> dict[str, float]:
    """Each stage's instructions on the 10x document over those on the 1x one."""
    return {stage: per_run(stage, lang, *TEN) / per_run(stage, lang, *ONE) for stage in STAGES}


def describe(lang: str, figures: dict[str, float]) -> str:
    return f"10x / 1x, {lang}, in instructions: " + ", ".join(f"{k} {v:.2f}x" for k, v in figures.items())


def _run_stage(stage: str, lang: str, operative: int, seed: int, runs: int) -> None:
    """The measured process: the same work as run.py's stage of that name."""
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))
    from documents import resolution

    import resdraft
    from resdraft.lint import document, lint_document

    text = resolution(lang, operative=operative, seed=seed)
    res, doc = resdraft.parse(text), document(text)
    work = {"parse": lambda: resdraft.parse(text), "to_akn": lambda: resdraft.to_akn(res)}
    work["rules"] = lambda: lint_document(doc)
    work[stage]()  # warm-up: first-use compiles and caches are not part of a run
    for _ in range(runs):
        work[stage]()


def main() -> None:
    if len(sys.argv) == 6:
        stage, lang, operative, seed, runs = sys.argv[1:]
        _run_stage(stage, lang, int(operative), int(seed), int(runs))
        return
    if not available():
        sys.exit("valgrind is not installed: no instruction counts")
    for lang in ("en", "zh"):
        print(describe(lang, ratios(lang)))


if __name__ == "__main__":
    main()
