"""resdraft's benchmarks: one command, a table on stdout, the figures in JSON.

    .venv/bin/python benchmarks/run.py [--quick] [--instructions] [--json benchmarks/results.json]

What is measured (medians; the machine is shared and noisy, so ratios say more than figures):

* warm, in one process after a warm-up: ``parse``, ``to_akn``, the rules over a parsed
  document (``rules``) and ``check`` (parse + rules, what ``resdraft check`` does per file) of
  a resolution with 50 operative paragraphs in English and in Chinese, of 10x versions, and of
  GA resolution 79/138 (Chinese) when ``../shared/corpus`` is there;
* cold, a whole process each time, with the bytecode compiled as an installation has it:
  ``resdraft check FILE`` and ``resdraft convert FILE``, beside the floor of any Typer + Lark
  program (``python -c "import typer, lark"``);
* scaling: each stage on the 10x document over the 1x, the two timed in turn; with
  ``--instructions`` (about 3 minutes more, needs valgrind) also counted in CPU instructions,
  which do not vary from run to run (``benchmarks/instructions.py``);
* peak memory (maximum resident set) of a process that parses, converts and checks the 1x and
  10x documents;
* batch: ``resdraft check DIR --jobs N`` and ``resdraft convert DIR -o OUTDIR --jobs N`` over
  1,000 generated resolutions, for N = 1 up to the number of cores, in files per second;
* when bluebell-akn is installed, the same resolution in bluebell's syntax, side by side.

The documents are generated here (``benchmarks/documents.py``), never real ones.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import instructions  # noqa: E402
import vs_bluebell  # noqa: E402
from documents import resolution  # noqa: E402
from timing import median_ms, paired_medians  # noqa: E402

import resdraft  # noqa: E402
from resdraft.lint import document, lint_document, lint_text  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "corpus" / "A-RES-79-138.zh.txt"  # the reference document


def stages(text: str) -> dict[str, Callable[[], object]]:
    """The work timed warm on one document, each stage on its own."""
    res = resdraft.parse(text)
    doc = document(text)
    return {
        "parse": lambda: resdraft.parse(text),
        "to_akn": lambda: resdraft.to_akn(res),
        "rules": lambda: lint_document(doc),
        "check": lambda: lint_text(text),
    }


def warm(text: str, runs: int) -> dict[str, float]:
    return {name: median_ms(work, runs) for name, work in stages(text).items()}


def scaling(one: str, ten: str, runs: int) -> dict[str, float]:
    """How many times longer each stage takes on the 10x document than on the 1x one, the two
    timed in turn (a busy spell of the shared machine then falls on both, not on one)."""
    small, large = stages(one), stages(ten)
    ratios = {}
    for name, work in small.items():
        first, second = paired_medians(work, large[name], runs)
        ratios[name] = second / first
    return ratios


def compile_bytecode() -> None:
    """Compile resdraft's modules as ``pip install`` does, so that a cold run does not compile
    them (an editable install, or PYTHONDONTWRITEBYTECODE, would leave them uncompiled)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(resdraft.__file__).parent)], env=env, check=True)


def cold(path: Path, runs: int) -> dict[str, float]:
    """Run from the file's own folder, as a drafter would: wherever the benchmark is started
    from (this project's root has a pyproject.toml to read), it measures the same thing."""
    command = [sys.executable, "-m", "resdraft"]
    out = {}
    for name, args in (("check", ["check", "--exit-zero", path.name]), ("convert", ["convert", path.name])):
        out[name] = median_ms(
            lambda a=args: subprocess.run([*command, *a], capture_output=True, check=True, cwd=path.parent), runs, 1
        )
    return out


def floor(runs: int) -> dict[str, float]:
    """What any Python program, and any Typer + Lark program, takes to start on this machine."""
    return {
        name: median_ms(lambda c=code: subprocess.run([sys.executable, "-c", c], check=True), runs, 1)
        for name, code in (("python", "pass"), ("typer", "import typer"), ("typer+lark", "import typer, lark"))
    }


_PEAK = """
import re, resource, sys
import resdraft
from resdraft.lint import lint_text
text = open(sys.argv[1], encoding="utf-8").read()
resdraft.to_akn(resdraft.parse(text)); lint_text(text)
try:  # this process's own high-water mark; ru_maxrss survives exec, so it may be the parent's
    print(re.search(r"VmHWM:\\s*(\\d+)", open("/proc/self/status").read())[1])
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_mib(path: Path) -> float:
    """Maximum resident set of a process that parses, converts and checks ``path``."""
    proc = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True)
    return int(proc.stdout.strip()) / 1024  # KiB on Linux


def batch(folder: Path, out: Path, count: int, jobs: int) -> dict[str, float]:
    """Files per second of ``check DIR`` and ``convert DIR -o OUTDIR`` with ``--jobs``."""
    figures: dict[str, float] = {"jobs": jobs}
    for name, args in (
        ("check", ["check", "--exit-zero", "--jobs", str(jobs), str(folder)]),
        ("convert", ["convert", "--jobs", str(jobs), str(folder), "-o", str(out / f"jobs{jobs}")]),
    ):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "resdraft", *args], capture_output=True, check=True)
        figures[f"{name}_files_per_second"] = count / (time.perf_counter() - start)
    return figures


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and files (a smoke test, not figures)")
    parser.add_argument("--json", type=Path, default=HERE / "results.json", help="where to write the figures")
    parser.add_argument(
        "--instructions", action="store_true", help="also count the 10x / 1x ratios in instructions (valgrind)"
    )
    args = parser.parse_args()
    if args.instructions and not instructions.available():
        parser.error("--instructions needs valgrind, which is not installed")
    runs, cold_runs, files = (5, 2, 40) if args.quick else (21, 7, 1000)
    compile_bytecode()
    results: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "usable": cores(), "python": sys.version.split()[0]}
    }
    rows: list[tuple[str, dict[str, object]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        documents = [
            (f"{lang} {scale}x", resolution(lang, operative=50 * scale, seed=scale), scale)
            for lang in ("en", "zh")
            for scale in (1, 10)
        ]
        if REFERENCE.exists():
            documents.append(("79/138 zh", REFERENCE.read_text(encoding="utf-8"), 1))
        for key, text, scale in documents:
            path = folder / f"{key.replace(' ', '-').replace('/', '-')}.md"
            path.write_text(text, encoding="utf-8")
            figures: dict[str, object] = {"lines": text.count("\n") + 1, **warm(text, runs)}
            figures["peak_mib"] = peak_mib(path)
            if scale == 1:
                figures["cold"] = cold(path, cold_runs)
            results[key] = figures
            rows.append((key, figures))
        results["scaling"] = {
            lang: scaling(resolution(lang, operative=50, seed=1), resolution(lang, operative=500, seed=10), runs)
            for lang in ("en", "zh")
        }
        if args.instructions:
            results["instructions"] = {lang: instructions.ratios(lang) for lang in ("en", "zh")}
        results["floor"] = floor(cold_runs)
        archive = folder / "archive"
        archive.mkdir()
        for i in range(files):
            lang = "en" if i % 2 else "zh"
            (archive / f"{i:04}.md").write_text(resolution(lang, operative=10 + i % 40, seed=i), encoding="utf-8")
        results["batch"] = [batch(archive, folder / "out", files, jobs) for jobs in range(1, cores() + 1)]
        results["bluebell"] = {lang: vs_bluebell.side_by_side(lang, runs) for lang in ("en", "zh")}
    print_table(rows, results)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.json}")


def print_table(rows: list[tuple[str, dict[str, object]]], results: dict[str, object]) -> None:
    names = ("document", "lines", "parse", "to_akn", "rules", "check", "peak MiB", "cold check/convert")
    print(f"{names[0]:<10}{names[1]:>6}" + "".join(f"{n:>9}" for n in names[2:7]) + f"  {names[7]} (ms)")
    for key, f in rows:
        cold_figures = f.get("cold")
        shown = f"{cold_figures['check']:.0f} / {cold_figures['convert']:.0f}" if isinstance(cold_figures, dict) else ""
        timed = "".join(f"{f[k]:>9.2f}" for k in ("parse", "to_akn", "rules", "check"))
        print(f"{key:<10}{f['lines']:>6}{timed}{f['peak_mib']:>9.1f}  {shown}")
    for lang, ratios in results["scaling"].items():  # type: ignore[attr-defined]
        shown = ", ".join(f"{name} {ratio:.1f}x" for name, ratio in ratios.items())
        print(f"10x / 1x, {lang}, timed in turn: {shown}")
    for lang, ratios in results.get("instructions", {}).items():  # type: ignore[attr-defined]
        print(instructions.describe(lang, ratios))
    base = results["floor"]
    assert isinstance(base, dict)
    print(
        f"start-up floor: python {base['python']:.0f} ms, python -c 'import typer' {base['typer']:.0f} ms, "
        f"python -c 'import typer, lark' {base['typer+lark']:.0f} ms"
    )
    for b in results["batch"]:  # type: ignore[attr-defined]
        print(
            f"batch, {b['jobs']} job(s): check {b['check_files_per_second']:.0f} files/s, "
            f"convert {b['convert_files_per_second']:.0f} files/s"
        )
    bluebell = results["bluebell"]
    assert isinstance(bluebell, dict)
    if all(v is None for v in bluebell.values()):
        print(vs_bluebell.NOT_INSTALLED)
    for lang, f in bluebell.items():
        if f is not None:
            print(
                f"{vs_bluebell.describe()}, {lang} 1x: bluebell {f['bluebell_ms']:.2f} ms, resdraft parse+to_akn "
                f"{f['resdraft_ms']:.2f} ms: bluebell takes {f['ratio']:.1f}x resdraft's time"
            )


if __name__ == "__main__":
    main()
