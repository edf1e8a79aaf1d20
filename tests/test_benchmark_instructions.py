"""benchmarks/instructions.py: the 10x / 1x ratio in instructions is one run's count, the
difference of a two-run and a one-run process, and its measured process does the stage's work.
(Counting under valgrind takes minutes: the counts themselves are the benchmark's job.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import instructions  # noqa: E402


def test_a_ratio_is_the_difference_of_two_processes_on_each_document(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str, int, int, int]] = []

    def counted(stage: str, lang: str, operative: int, seed: int, runs: int) -> int:
        asked.append((stage, lang, operative, seed, runs))
        start_up = 600_000_000 + operative * 1_000  # imports and warm-up: the same in both processes
        return start_up + runs * operative * (70_000 if stage == "parse" else 30_000) + runs * 5_000_000

    warmed: list[list[str]] = []

    def warm_up(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        warmed.append(command[-5:])
        asked.append(("warm-up", *command[-4:]))  # type: ignore[arg-type]
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(instructions, "instructions", counted)
    monkeypatch.setattr(instructions.subprocess, "run", warm_up)
    ratios = instructions.ratios("zh")
    assert list(ratios) == ["parse", "to_akn", "rules"]
    assert ratios["parse"] == pytest.approx((500 * 70_000 + 5_000_000) / (50 * 70_000 + 5_000_000))
    assert ratios["rules"] == pytest.approx((500 * 30_000 + 5_000_000) / (50 * 30_000 + 5_000_000))
    assert ("parse", "zh", 500, 10, 2) in asked and ("parse", "zh", 50, 1, 1) in asked
    assert len(asked) == 18  # three stages, two documents: a warm-up, one run, two runs
    assert asked[0] == ("warm-up", "zh", "500", "10", "0") and asked[1][0] == "parse"  # warmed first
    assert ["parse", "zh", "50", "1", "0"] in warmed
    shown = "10x / 1x, zh, in instructions: parse 4.71x, to_akn 3.08x, rules 3.08x"
    assert instructions.describe("zh", ratios) == shown


def test_the_count_is_read_from_callgrinds_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    commands: list[list[str]] = []

    def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        assert kwargs["env"]["PYTHONHASHSEED"] == "0"  # type: ignore[index]
        return subprocess.CompletedProcess(command, 0, "", "==1== Events    : Ir\n==1== Collected : 657862402\n")

    monkeypatch.setattr(instructions.subprocess, "run", run)
    assert instructions.instructions("rules", "en", 50, 1, 2) == 657_862_402
    assert commands[0][:2] == ["valgrind", "--tool=callgrind"]
    assert commands[0][-5:] == ["rules", "en", "50", "1", "2"]
    monkeypatch.setattr(instructions.subprocess, "run", lambda c, **k: subprocess.CompletedProcess(c, 0, "", ""))
    with pytest.raises(RuntimeError, match="no instruction count from rules en 50 1 2"):
        instructions.instructions("rules", "en", 50, 1, 2)
    failed = subprocess.CompletedProcess([], 1, "", "==1== Collected : 5\nTraceback …\nKeyError: 'lint'\n")
    monkeypatch.setattr(instructions.subprocess, "run", lambda c, **k: failed)
    with pytest.raises(RuntimeError, match="KeyError: 'lint'"):  # a failed process counts nothing
        instructions.instructions("lint", "en", 50, 1, 2)


@pytest.mark.parametrize(("stage", "called"), [("parse", "parse"), ("to_akn", "to_akn"), ("rules", "lint_document")])
def test_the_measured_stage_runs_once_to_warm_up_then_as_often_as_asked(
    stage: str, called: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import resdraft
    import resdraft.lint

    calls: list[str] = []
    for module, name in ((resdraft, "parse"), (resdraft, "to_akn"), (resdraft.lint, "lint_document")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name: calls.append(_name) or _real(*a))
    instructions._run_stage(stage, "en", 3, 1, 4)
    setting_up = 1 if stage == "parse" else 0  # the document is parsed once before the stage runs
    assert calls.count(called) == setting_up + 1 + 4


@pytest.mark.parametrize("stage", ["parse", "to_akn", "rules"])
def test_the_measured_process_runs_its_stage(stage: str) -> None:
    script = BENCHMARKS / "instructions.py"
    done = subprocess.run([sys.executable, str(script), stage, "en", "3", "1", "2"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    wrong = subprocess.run([sys.executable, str(script), "lint", "en", "3", "1", "2"], capture_output=True, text=True)
    assert wrong.returncode != 0 and "KeyError: 'lint'" in wrong.stderr


def test_run_asks_for_valgrind_before_any_work(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "PATH": str(tmp_path)}  # no valgrind on it
    out = tmp_path / "results.json"
    cmd = [sys.executable, str(BENCHMARKS / "run.py"), "--instructions", "--json", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert "--instructions needs valgrind, which is not installed" in done.stderr
    assert done.stdout == "" and not out.exists()
