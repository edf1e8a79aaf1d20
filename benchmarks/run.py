"""resdraft's benchmarks: one command, a table on stdout, the figures in JSON.

    .venv/bin/python benchmarks/run.py [--quick] [--json benchmarks/results.json]

What is measured (medians; the machine is shared and noisy, so ratios say more than figures):

* warm, in one process after a warm-up: ``parse``, ``to_akn`` and ``check`` (every rule) of a
  resolution with 50 operative paragraphs in English and in Chinese, and of 10x versions;
* cold, a whole process each time: ``resdraft check FILE`` and ``resdraft convert FILE``;
* peak memory (maximum resident set) of a process that parses, converts and checks the 1x and
  10x documents;
* batch: ``resdraft check DIR`` over many generated resolutions, in files per second.

The documents are generated here (``benchmarks/documents.py``), never real ones.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from documents import resolution  # noqa: E402

import resdraft  # noqa: E402
from resdraft.lint import lint_text  # noqa: E402


def median_ms(work: Callable[[], object], runs: int, warmup: int = 3) -> float:
    """Median wall time of ``work`` in milliseconds, after ``warmup`` untimed runs."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def warm(text: str, runs: int) -> dict[str, float]:
    res = resdraft.parse(text)
    return {
        "parse": median_ms(lambda: resdraft.parse(text), runs),
        "to_akn": median_ms(lambda: resdraft.to_akn(res), runs),
        "check": median_ms(lambda: lint_text(text), runs),
    }


def cold(path: Path, runs: int) -> dict[str, float]:
    command = [sys.executable, "-m", "resdraft"]
    out = {}
    for name, args in (("check", ["check", "--exit-zero", str(path)]), ("convert", ["convert", str(path)])):
        out[name] = median_ms(lambda a=args: subprocess.run([*command, *a], capture_output=True, check=False), runs, 1)
    return out


_PEAK = """
import resource, sys
import resdraft
from resdraft.lint import lint_text
text = open(sys.argv[1], encoding="utf-8").read()
resdraft.to_akn(resdraft.parse(text)); lint_text(text)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_mib(path: Path) -> float:
    """Maximum resident set of a process that parses, converts and checks ``path``."""
    proc = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True)
    return int(proc.stdout.strip()) / 1024  # Linux reports KiB


def batch(folder: Path, count: int) -> dict[str, float]:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "resdraft", "check", "--exit-zero", str(folder)], capture_output=True)
    seconds = time.perf_counter() - start
    return {"files": count, "seconds": seconds, "files_per_second": count / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and files (a smoke test, not figures)")
    parser.add_argument("--json", type=Path, default=HERE / "results.json", help="where to write the figures")
    args = parser.parse_args()
    runs, cold_runs, files = (5, 2, 50) if args.quick else (21, 5, 1000)
    results: dict[str, object] = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for lang in ("en", "zh"):
            for scale in (1, 10):
                text = resolution(lang, operative=50 * scale, seed=scale)
                path = folder / f"{lang}-{scale}x.md"
                path.write_text(text, encoding="utf-8")
                key = f"{lang} {scale}x"
                figures: dict[str, object] = {"lines": text.count("\n") + 1, **warm(text, runs)}
                figures["peak_mib"] = peak_mib(path)
                if scale == 1:
                    figures["cold"] = cold(path, cold_runs)
                results[key] = figures
                rows.append((key, figures))
        archive = folder / "archive"
        archive.mkdir()
        for i in range(files):
            lang = "en" if i % 2 else "zh"
            (archive / f"{i:04}.md").write_text(resolution(lang, operative=10 + i % 40, seed=i), encoding="utf-8")
        results["batch check"] = batch(archive, files)
    widths = ((9, "<"), (6, ">"), (9, ">"), (10, ">"), (9, ">"), (9, ">"))
    names = ("document", "lines", "parse ms", "to_akn ms", "check ms", "peak MiB")
    print(" ".join(f"{n:{a}{w}}" for n, (w, a) in zip(names, widths, strict=True)) + "  cold check/convert ms")
    for key, f in rows:
        cold_figures = f.get("cold")
        shown = f"{cold_figures['check']:.0f} / {cold_figures['convert']:.0f}" if isinstance(cold_figures, dict) else ""
        print(
            f"{key:<9} {f['lines']:>6} {f['parse']:>9.2f} {f['to_akn']:>10.2f} {f['check']:>9.2f} "
            f"{f['peak_mib']:>9.1f}  {shown}"
        )
    b = results["batch check"]
    assert isinstance(b, dict)
    print(
        f"batch: resdraft check DIR, {b['files']} files in {b['seconds']:.1f} s ({b['files_per_second']:.0f} files/s)"
    )
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
