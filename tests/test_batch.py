"""Batch runs: ``check``/``convert`` over many files with ``--jobs`` (resdraft/batch.py).

The output of a run does not depend on the number of worker processes; one bad file (garbage,
an empty file, a README, a bug of ours, a dead worker) never stops the others; ``convert`` takes
directories and several files into ``-o OUTDIR`` and refuses, before any work, outputs that
would collide or overwrite an input; a progress bar only on a terminal; the summary lines.

Every test works in a fresh temporary directory (the working directory too), on short drafts
written here. The pool uses the "fork" start method on Linux, so the workers see what a test
monkeypatches before the run."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from files import write
from lxml import etree

import resdraft
from resdraft import batch, convert
from resdraft.config import Settings
from resdraft.lint import check_file
from resdraft.validate import check_oasis, check_profile, safe_parser

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
FORK = sys.platform.startswith("linux")

README = "# Drafts\n\nThe drafts of the session, one file each.\n"
GARBAGE = b"\x00\x01\x02\xff garbage \x00"


def draft(operative: int, *, gap: bool = False, lang: str = "en") -> str:
    """A clean draft resolution (valid against the XSD and the profile) with ``operative``
    operative paragraphs; with ``gap``, paragraph 2 is missing (RD301, a profile violation)."""
    numbers = [n + (1 if gap and n >= 2 else 0) for n in range(1, operative + 1)]
    if lang == "zh":
        paras = [f"{n}. 决定采取行动；" for n in numbers]
        paras[-1] = paras[-1].removesuffix("；") + "。"
        return "大会，\n\n回顾其以往决议，\n\n" + "\n\n".join(paras) + "\n\n2021年12月16日\n第54次全体会议\n"
    paras = [f"{n}. *Decides* to take action;" for n in numbers]
    paras[-1] = paras[-1].removesuffix(";") + "."
    head = "United Nations A/80/L.9\nGeneral Assembly Distr.: Limited\n3 March 2026\nOriginal: English\n\n"
    title = "Norway: draft resolution\n\nLighthouses\n\n"
    preamble = f"The General Assembly,\n\n*Recalling* its resolution 75/{operative},\n\n"
    return head + title + preamble + "\n\n".join(paras) + "\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def archive(files: int = 22, folder: str = "archive") -> Path:
    """``files`` drafts in ``folder`` and two subfolders, English and Chinese, every fourth with
    a numbering gap (a finding, a profile violation)."""
    for i in range(files):
        where = ("", "ga/", "ga/sc/")[i % 3]
        write(f"{folder}/{where}d{i:02}.md", draft(2 + i % 5, gap=i % 4 == 0, lang="zh" if i % 4 == 1 else "en"))
    return Path(folder)


def stderr_lines(result) -> list[str]:
    return result.stderr.splitlines()


# --- check: the output does not depend on --jobs -------------------------------------------


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_check_output_is_the_same_with_1_and_2_jobs(run_cli, output_format):
    folder = archive(22)
    write(f"{folder}/README.md", README)
    write(f"{folder}/ga/sc/scan.txt", GARBAGE)
    write(f"{folder}/a-scan.txt", GARBAGE)  # reported first: the order of the files, not of the work
    one = run_cli("check", "--format", output_format, "--jobs", "1", folder)
    two = run_cli("check", "--format", output_format, "-j", "2", folder)
    assert one.exit_code == two.exit_code == 2  # the garbage files
    assert "RD301" in one.stdout
    assert two.stdout_bytes == one.stdout_bytes
    assert two.stderr == one.stderr
    errors = [line for line in (one.stdout + one.stderr).splitlines() if "binary file" in line]
    assert ["a-scan.txt" in errors[0], "sc/scan.txt" in errors[1]] == [True, True]
    assert stderr_lines(one)[-1] == "Checked 24 files: 6 with findings, 2 unusable, 1 skipped (not a resolution)."


def test_results_come_back_in_the_order_of_the_items_whatever_finishes_first():
    # the first items take longest, so they finish last
    results = list(batch.run_in_order(_slow_for_small, list(range(12)), 2, _failure))
    assert [item for item, _ in results] == list(range(12))
    assert len({pid for _, pid in results}) == 2  # two worker processes did the work
    assert os.getpid() not in {pid for _, pid in results}


def _slow_for_small(item: int) -> tuple[int, int]:
    time.sleep((12 - item) * 0.003)
    return item, os.getpid()


def _failure(item: object, message: str) -> tuple[object, str]:
    return item, message


# --- check: one bad file never stops the others --------------------------------------------


def test_bad_files_in_a_directory(run_cli):
    write("drafts/a.md", draft(3))
    write("drafts/b.md", draft(3, gap=True))
    write("drafts/scan.txt", GARBAGE)
    write("drafts/empty.md", "")
    write("drafts/README.md", README)
    result = run_cli("check", "-j", "2", "--format", "json", "drafts")
    assert result.exit_code == 2
    assert [d["path"] for d in json.loads(result.stdout)] == ["drafts/b.md"]
    # the empty file and the README are skipped silently; the garbage is reported
    assert result.stderr == "resdraft: error: drafts/scan.txt: binary file (contains NUL bytes), not a text\n"


def test_a_named_file_that_is_not_a_resolution_is_an_error(run_cli):
    write("a.md", draft(3))
    write("README.md", README)
    result = run_cli("check", "-j", "2", "--format", "json", "a.md", "README.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("resdraft: error: README.md: ")


def test_a_bug_on_one_file_becomes_that_files_error():
    items = [Path(f"f{i}.md") for i in range(8)]
    for jobs in (1, 2):
        results = list(batch.run_in_order(_raise_on_f3, items, jobs, _failure))
        assert results[:3] == [(p, "done") for p in items[:3]]
        assert results[3] == (items[3], "internal error (ValueError: boom); please report it")
        assert results[4:] == [(p, "done") for p in items[4:]]


def _raise_on_f3(path: Path) -> tuple[Path, str]:
    if path.name == "f3.md":
        raise ValueError("boom")
    return path, "done"


def test_recursion_and_memory_errors_say_what_they_mean():
    assert batch.crash_message(RecursionError()) == "input nested too deeply"
    assert batch.crash_message(MemoryError()) == "input too large to process"


@pytest.mark.skipif(not FORK, reason="the workers see the monkeypatched checker only when forked")
def test_a_bug_inside_a_worker_is_reported_for_that_file_only(run_cli, monkeypatch):
    folder = archive(7)
    monkeypatch.setattr("resdraft.lint.check_file", _check_file_but_crash_on_d04)
    result = run_cli("check", "-j", "2", "--format", "json", folder)
    assert result.exit_code == 2
    assert result.stderr == (
        "resdraft: error: archive/ga/d04.md: internal error (RuntimeError: a bug); please report it\n"
    )
    paths = {d["path"] for d in json.loads(result.stdout)}
    assert paths == {"archive/d00.md"}  # the others were checked: d00 has a gap


def _check_file_but_crash_on_d04(path: Path, settings: Settings, fix: bool = False):
    if path.name == "d04.md":
        raise RuntimeError("a bug")
    return check_file(path, settings, fix)


def test_a_dead_worker_loses_only_the_files_in_hand_the_rest_go_on_in_a_fresh_pool():
    items = list(range(40))
    results = list(batch.run_in_order(_die_on_7, items, 2, _failure))
    assert [item for item, _ in results] == items
    assert results[7] == (7, batch.POOL_BROKEN)
    assert all(outcome in ("done", batch.POOL_BROKEN) for _, outcome in results)
    # chunks of 5 files, at most 2 per worker in hand: when item 7 (chunk 1) kills its worker,
    # no chunk past the fifth has been sent yet; those are done by the fresh pool
    assert batch.chunk_size(40, 2) == 5
    assert all(outcome == "done" for item, outcome in results if item >= 25)


def test_a_run_whose_every_worker_dies_ends_all_the_same():
    items = list(range(30))
    results = list(batch.run_in_order(_die, items, 2, _failure))
    assert results == [(item, batch.POOL_BROKEN) for item in items]


def _die(item: int) -> tuple[int, str]:
    os._exit(9)


def test_workers_that_cannot_be_started_leave_the_work_to_this_process(monkeypatch, capsys):
    def no_processes(*args: object) -> bool:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(batch, "_submit", no_processes)
    items = list(range(12))
    assert list(batch.run_in_order(_twice, items, 4, _failure)) == [2 * i for i in items]
    assert capsys.readouterr().err == (
        "resdraft: warning: cannot start 4 worker processes ([Errno 11] Resource temporarily unavailable); "
        "working in this process\n"
    )


def _twice(item: int) -> int:
    return 2 * item


def _die_on_7(item: int) -> tuple[int, str]:
    if item == 7:
        os._exit(9)  # as if killed
    time.sleep(0.002)
    return item, "done"


def test_what_goes_to_a_worker_pickles():
    settings = Settings(select=("RD3",), lang="en", source=Path("resdraft.toml"))
    report = check_file(write("gap.md", draft(3, gap=True)), settings)
    job = convert.ConvertJob(Path("a.md"), Path("out/a.xml"))
    options = convert.ConvertOptions(to_text=True, strict=True)
    for value in (settings, report, job, options, convert.convert_file(job, options)):
        assert pickle.loads(pickle.dumps(value)) == value
    assert report.diagnostics and pickle.loads(pickle.dumps(report)).text == report.text


# --- check --fix with several workers -------------------------------------------------------


def test_fix_with_2_jobs_writes_the_same_files_as_1_job(run_cli):
    for folder in ("one", "two"):
        for i in range(6):
            write(f"{folder}/d{i}.md", draft(3 + i, gap=True, lang="zh" if i % 2 else "en"))
    one = run_cli("check", "--fix", "-j", "1", "one")
    two = run_cli("check", "--fix", "-j", "2", "two")
    assert one.exit_code == two.exit_code == 0, two.stdout
    assert two.stdout == one.stdout
    assert "Fixed 6 issues." in two.stdout
    for i in range(6):
        fixed = Path(f"two/d{i}.md").read_text(encoding="utf-8")
        assert fixed == Path(f"one/d{i}.md").read_text(encoding="utf-8")
        assert fixed == draft(3 + i, lang="zh" if i % 2 else "en")


def test_a_file_reached_twice_is_fixed_once(run_cli):
    for folder in ("one", "two"):
        write(f"{folder}/a.md", draft(4, gap=True))
        Path(f"{folder}/b.md").symlink_to("a.md")
    one = run_cli("check", "--fix", "-j", "1", "one/a.md", "one/b.md")
    two = run_cli("check", "--fix", "-j", "2", "two/a.md", "two/b.md")
    assert two.stdout.replace("two/", "one/") == one.stdout
    assert Path("two/a.md").read_text(encoding="utf-8") == draft(4)


# --- progress bar and summary ---------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_for_a_long_run_on_a_terminal():
    assert batch.show_progress(batch.MANY_FILES, _Terminal())
    assert not batch.show_progress(batch.MANY_FILES - 1, _Terminal())
    assert not batch.show_progress(10_000, io.StringIO())  # a pipe, a log, CI


def test_the_progress_bar_draws_on_stderr_with_messages_above_it(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with batch.Progress(30, "Converting", shown=True) as progress:
        progress.advance(10)
        progress.echo("a.md: warning: something")
        progress.advance(20)
    drawn = terminal.getvalue()
    assert "Converting" in drawn and "30/30" in drawn
    assert "\r\x1b[Ka.md: warning: something\n" in drawn
    hidden = _Terminal()
    monkeypatch.setattr(sys, "stderr", hidden)
    with batch.Progress(30, "Converting", shown=False) as progress:
        progress.advance(30)
        progress.echo("a.md: warning: something")
    assert hidden.getvalue() == "a.md: warning: something\n"


def test_no_progress_text_when_stderr_is_not_a_terminal(run_cli):
    result = run_cli("check", "-j", "2", archive(25))
    assert result.exit_code == 1
    assert result.stderr == "Checked 25 files: 7 with findings.\n"


def test_a_short_run_has_no_count_at_the_end(run_cli):
    result = run_cli("check", "-j", "2", archive(5))
    assert result.exit_code == 1
    assert result.stderr == ""


def test_a_long_clean_run_says_so():
    for i in range(batch.MANY_FILES):
        write(f"clean/d{i:02}.md", draft(2))
    proc = _subprocess("check", "clean")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "All checks passed!\n"
    assert proc.stderr == f"Checked {batch.MANY_FILES} files: no findings.\n"


def _subprocess(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resdraft", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


# --- jobs -----------------------------------------------------------------------------------


def test_jobs_default_to_the_usable_cores(monkeypatch):
    monkeypatch.setattr(batch, "cpu_quota", lambda: None)
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert batch.default_jobs() == expected


_V2 = {"cgroup.controllers": "cpuset cpu io memory pids\n"}  # what marks the unified hierarchy


@pytest.mark.parametrize(
    ("files", "cores"),
    [
        ({**_V2, "cpu.max": "200000 100000\n"}, 2),  # cgroup v2 inside a container, docker --cpus 2
        ({**_V2, "cpu.max": "150000 100000\n"}, 2),  # 1.5 cores: rounded up
        ({**_V2, "cpu.max": "max 100000\n"}, None),  # v2 without a quota
        ({**_V2}, None),  # the host's root cgroup has no cpu.max
        ({**_V2, "cpu.max": "garbage"}, None),
        ({**_V2, "cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),  # not v1 files
        ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3),  # cgroup v1
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),  # v1 without a quota
        ({"cpu/cpu.cfs_quota_us": "200000 100000\n", "cpu/cpu.cfs_period_us": ""}, None),  # each file its field
        ({"cpu.max": "200000 100000\n"}, None),  # no cgroup.controllers: v1, whose files are not there
        ({}, None),  # not Linux, or no cgroup file system
    ],
)
def test_cpu_quota_of_a_container(tmp_path, files, cores):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="ascii")
    assert batch.cpu_quota(str(tmp_path), str(tmp_path / "no-such-membership")) == cores


@pytest.mark.parametrize(
    ("membership", "files", "cores"),
    [
        # v2 on a host: a systemd slice two levels up holds the smallest quota
        (
            "0::/user.slice/user-1000.slice/session-3.scope\n",
            {**_V2, "user.slice/cpu.max": "400000 100000", "user.slice/user-1000.slice/cpu.max": "150000 100000",
             "user.slice/user-1000.slice/session-3.scope/cpu.max": "max 100000"},
            2,
        ),
        # v1: the cpu controller's line, its folders below root/cpu
        (
            "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n",
            {"cpu/docker/abc/cpu.cfs_quota_us": "100000", "cpu/docker/abc/cpu.cfs_period_us": "100000",
             "cpu/cpu.cfs_quota_us": "-1", "cpu/cpu.cfs_period_us": "100000"},
            1,
        ),
        ("0::/../../etc\n", {**_V2, "cpu.max": "300000 100000"}, 3),  # a path never leaves the root
    ],
)  # fmt: skip
def test_cpu_quota_of_the_process_own_cgroup_and_its_parents(tmp_path, membership, files, cores):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="ascii")
    (tmp_path / "membership").write_text(membership, encoding="ascii")
    assert batch.cpu_quota(str(tmp_path), str(tmp_path / "membership")) == cores


def test_jobs_default_to_no_more_than_the_cpu_quota(monkeypatch):
    monkeypatch.setattr(batch, "cpu_quota", lambda: 1)
    assert batch.default_jobs() == 1


@pytest.mark.parametrize("command", ["check", "convert"])
def test_jobs_0_is_a_usage_error(run_cli, command):
    result = run_cli(command, "-j", "0", write("a.md", draft(2)))
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_chunks_are_small_and_several_per_worker():
    assert batch.chunk_size(1, 8) == 1
    assert batch.chunk_size(20, 2) == 2
    assert batch.chunk_size(100_000, 8) == batch.MAX_CHUNK


def test_a_single_file_run_starts_no_pool():
    path = write("a.md", draft(3))
    script = textwrap.dedent(
        f"""
        import sys
        from resdraft.cli import main
        sys.argv = ["resdraft", "check", "-j", "4", {str(path)!r}]
        try:
            main()
        except SystemExit as done:
            assert done.code == 0, done.code
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("multiprocessing", "concurrent")))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"


# --- convert: directories and several files -------------------------------------------------


def test_convert_a_directory_mirrors_it_with_one_valid_xml_per_draft(run_cli):
    folder = archive(7)
    write(f"{folder}/ga/README.md", README)
    result = run_cli("convert", "-j", "2", folder, "-o", "out")
    assert result.exit_code == 0, result.stderr
    written = sorted(p.relative_to("out").as_posix() for p in Path("out").rglob("*") if p.is_file())
    assert written == [
        "d00.xml",
        "d03.xml",
        "d06.xml",
        "ga/d01.xml",
        "ga/d04.xml",
        "ga/sc/d02.xml",
        "ga/sc/d05.xml",
    ]
    for name in written:
        source = (folder / name).with_suffix(".md")
        data = Path("out", name).read_bytes()
        assert data == resdraft.to_akn(resdraft.parse(source))
        assert check_oasis(etree.fromstring(data, safe_parser())) == []
    # the drafts with a gap (d00, d04) break the profile: said on stderr, in the order of the files
    lines = stderr_lines(result)
    assert [line.split(":")[0] for line in lines[:-1]] == ["archive/d00.md"] + ["archive/ga/d04.md"] * 5
    assert all(": profile: " in line for line in lines[:-1])
    assert lines[-1] == "Converted 7 files to out (1 skipped: not a resolution)"


def test_convert_output_is_the_same_with_1_and_2_jobs(run_cli):
    folder = archive(21)
    one = run_cli("convert", "-j", "1", folder, "-o", "one")
    two = run_cli("convert", "-j", "2", folder, "-o", "two")
    assert one.exit_code == two.exit_code == 0
    assert two.stderr == one.stderr.replace("to one", "to two")
    for path in Path("one").rglob("*.xml"):
        assert (Path("two") / path.relative_to("one")).read_bytes() == path.read_bytes()


def test_convert_goes_on_past_bad_files_and_exits_2(run_cli):
    write("drafts/a.md", draft(2))
    write("drafts/b.txt", GARBAGE)
    write("drafts/c.md", "")
    write("drafts/d.md", draft(3, lang="zh"))
    result = run_cli("convert", "-j", "2", "drafts", "-o", "out")
    assert result.exit_code == 2
    assert sorted(p.name for p in Path("out").iterdir()) == ["a.xml", "d.xml"]
    assert stderr_lines(result) == [
        "resdraft: error: drafts/b.txt: binary file (contains NUL bytes), not a text",
        "Converted 2 files to out (1 failed, 1 skipped: not a resolution)",
    ]


def test_convert_several_named_files_a_non_resolution_among_them_is_an_error(run_cli):
    write("a.md", draft(2))
    write("sub/b.md", draft(2, lang="zh"))
    write("README.md", README)
    result = run_cli("convert", "a.md", "sub/b.md", "README.md", "-o", "out")
    assert result.exit_code == 2
    assert sorted(p.name for p in Path("out").iterdir()) == ["a.xml", "b.xml"]
    lines = stderr_lines(result)
    assert lines[0].startswith("resdraft: error: README.md: ") and "not a resolution" in lines[0]
    assert lines[-1] == "Converted 2 files to out (1 failed)"


def test_convert_strict_counts_the_invalid_and_exits_1(run_cli):
    write("drafts/a.md", draft(2))
    write("drafts/b.md", draft(3, gap=True))
    result = run_cli("convert", "--strict", "drafts", "-o", "out")
    assert result.exit_code == 1
    assert stderr_lines(result)[-1] == "Converted 2 files to out (1 invalid)"
    assert Path("out/b.xml").exists()  # converted all the same, as with one file


def test_convert_to_text_writes_md_files_like_the_single_file_command(run_cli):
    folder = archive(4)
    result = run_cli("convert", "--to", "text", folder, "-o", "texts")
    assert result.exit_code == 0, result.stderr
    assert stderr_lines(result) == ["Converted 4 files to texts"]
    for source in folder.rglob("*.md"):
        alone = run_cli("convert", "--to", "text", source)
        assert (Path("texts") / source.relative_to(folder)).read_bytes() == alone.stdout_bytes


def test_convert_one_file_into_an_existing_folder_writes_it_there_by_name(run_cli):
    write("a.md", draft(2))
    Path("out").mkdir()
    for _ in range(2):  # the second run replaces the first one's output, as -o FILE does
        result = run_cli("convert", "a.md", "-o", "out")
        assert result.exit_code == 0, result.stderr
        assert stderr_lines(result) == ["Converted 1 file to out"]
        assert [p.name for p in Path("out").iterdir()] == ["a.xml"]
        assert Path("out/a.xml").read_bytes() == resdraft.to_akn(resdraft.parse(draft(2)))


def test_convert_one_file_to_a_name_ending_in_a_slash_makes_that_folder(run_cli):
    write("a.md", draft(2))
    result = run_cli("convert", "a.md", "-o", "new/deeper/")
    assert result.exit_code == 0, result.stderr
    assert stderr_lines(result) == ["Converted 1 file to new/deeper"]
    assert [p.name for p in Path("new/deeper").iterdir()] == ["a.xml"]
    assert Path("new/deeper/a.xml").read_bytes() == resdraft.to_akn(resdraft.parse(draft(2)))
    # without the slash a new name is a file, as before
    assert run_cli("convert", "a.md", "-o", "plain").exit_code == 0
    assert Path("plain").is_file() and Path("plain").read_bytes() == Path("new/deeper/a.xml").read_bytes()
    # a slash after the name of an existing file: a folder was meant, nothing is written over
    refused = _subprocess("convert", "a.md", "-o", "plain/")
    assert refused.returncode == 2
    assert refused.stderr == (
        "resdraft: error: plain: not a directory "
        "(-o names a folder with a directory, several files or a trailing slash)\n"
    )
    assert Path("plain").read_bytes() == Path("new/deeper/a.xml").read_bytes()


def test_a_windows_separator_at_the_end_of_o_names_a_folder_there(monkeypatch: pytest.MonkeyPatch):
    from resdraft.cli import _names_folder

    assert not _names_folder("out\\") and _names_folder("out/")  # on POSIX a backslash is a name's
    monkeypatch.setattr("os.sep", "\\")
    monkeypatch.setattr("os.altsep", "/")
    assert _names_folder("out\\") and _names_folder("out/") and not _names_folder("out")


def test_an_empty_o_is_refused_for_one_file_and_for_several():
    write("a.md", draft(2))
    write("b.md", draft(3))
    for files in (["a.md"], ["a.md", "b.md"]):
        refused = _subprocess("convert", *files, "-o", "")
        assert refused.returncode == 2
        assert refused.stderr == "resdraft: error: -o names no file: the path is empty\n"
    assert sorted(p.name for p in Path(".").iterdir()) == ["a.md", "b.md"]


def test_convert_one_file_into_an_existing_folder_as_text_or_refused(run_cli):
    write("a.md", draft(2))
    write("out/b.md", draft(3, lang="zh"))
    write("letter.md", README)
    result = run_cli("convert", "--to", "text", "a.md", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert Path("out/a.md").read_bytes() == run_cli("convert", "--to", "text", "a.md").stdout_bytes
    inside = _subprocess("convert", "--to", "text", "out/b.md", "-o", "out")  # would write over itself
    assert inside.returncode == 2
    assert inside.stderr == "resdraft: error: out/b.md would be written over itself (out/b.md); nothing converted\n"
    assert Path("out/b.md").read_text(encoding="utf-8") == draft(3, lang="zh")
    letter = run_cli("convert", "letter.md", "-o", "out")
    assert letter.exit_code == 2
    assert stderr_lines(letter)[-1] == "Converted 0 files to out (1 failed)"
    assert sorted(p.name for p in Path("out").iterdir()) == ["a.md", "b.md"]


def test_an_output_folder_inside_the_directory_is_not_read_again(run_cli):
    folder = archive(3)
    for _ in range(2):
        result = run_cli("convert", folder, "-o", folder / "xml")
        assert result.exit_code == 0, result.stderr
        assert stderr_lines(result)[-1] == "Converted 3 files to archive/xml"
    assert not (folder / "xml" / "xml").exists()


# --- convert: refused before any work --------------------------------------------------------


def test_convert_refuses_two_inputs_with_one_output(run_cli):
    write("drafts/a.md", draft(2))
    write("drafts/a.txt", draft(2))
    result = run_cli("convert", "drafts", "-o", "out")
    assert isinstance(result.exception, resdraft.ResdraftError)
    assert str(result.exception) == "drafts/a.md and drafts/a.txt would both be written to out/a.xml; nothing converted"
    assert not Path("out").exists()


def test_convert_refuses_to_write_over_its_input():
    write("drafts/a.md", draft(2))
    write("drafts/b.xml", resdraft.to_akn(resdraft.parse(draft(2))))
    proc = _subprocess("convert", "--to", "text", "drafts", "-o", "drafts")
    assert proc.returncode == 2
    assert proc.stderr == (
        "resdraft: error: drafts/a.md would be written over itself (drafts/a.md); nothing converted\n"
    )
    other = _subprocess("convert", "drafts/b.xml", "drafts/a.md", "-o", "drafts")
    assert other.returncode == 2
    assert other.stderr == (
        "resdraft: error: drafts/b.xml would be written over itself (drafts/b.xml); nothing converted\n"
    )
    assert Path("drafts/a.md").read_text(encoding="utf-8") == draft(2)


def test_convert_of_a_directory_needs_an_output_folder():
    write("drafts/a.md", draft(2))
    write("b.md", draft(2))
    for args, says in [
        (["drafts"], "drafts: is a directory; give -o OUTDIR"),
        (["b.md", "drafts/a.md"], "several files to convert: give -o OUTDIR"),
        (["b.md", "drafts/a.md", "-o", "b.md"], "b.md: not a directory"),
    ]:
        proc = _subprocess("convert", *args)
        assert proc.returncode == 2
        assert proc.stderr.startswith(f"resdraft: error: {says}"), proc.stderr
        assert proc.stdout == ""
        assert len(proc.stderr.splitlines()) == 1


def test_plan_outputs_maps_files_and_directories():
    write("d/x.md", "")
    write("d/sub/y.docx", "")
    write("z.txt", "")
    planned = convert.plan_outputs([Path("d"), Path("z.txt")], Path("out"), ".xml")
    assert [(job.source.as_posix(), job.output.as_posix(), named) for job, named in planned] == [
        ("d/x.md", "out/x.xml", False),
        ("d/sub/y.docx", "out/sub/y.xml", False),
        ("z.txt", "out/z.xml", True),
    ]
    with pytest.raises(resdraft.ResdraftError, match=r"d/x\.md and x\.md would both be written to out/x\.xml"):
        convert.plan_outputs([Path("d"), write("x.md", "")], Path("out"), ".xml")


def test_a_single_file_converts_as_before(run_cli):
    path = write("a.md", draft(3, gap=True))
    result = run_cli("convert", "-j", "2", path)
    assert result.exit_code == 0
    assert result.stdout_bytes == resdraft.to_akn(resdraft.parse(path))
    assert "Converted" not in result.stderr
    assert all(line.startswith("a.md: profile: ") for line in stderr_lines(result))
    profile = check_profile(etree.fromstring(result.stdout_bytes, safe_parser()))
    assert len(stderr_lines(result)) == len(profile)
