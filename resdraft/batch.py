"""Running one per-file job over many files: in the order of the file list, in parallel worker
processes, one bad file never stopping the others. The jobs themselves are
:func:`resdraft.lint.check_file` and :func:`resdraft.convert.convert_file`.

With one file, or one job, everything runs in the calling process with no pool at all (and
without importing :mod:`multiprocessing`: the start-up of a one-file check matters more than
anything else here). Otherwise a :class:`concurrent.futures.ProcessPoolExecutor` does the work,
on Linux with the "fork" start method, so that the workers inherit the imported modules, the
built Lark parser and the compiled schemas of the parent instead of each building its own.
Whatever the scheduling, results come back in the order of the file list, so the output of a
run does not depend on ``--jobs``.

Everything handed to a worker is picklable: top-level functions, :func:`functools.partial`
of them, and dataclasses.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext


Item = TypeVar("Item")
Result = TypeVar("Result")

#: From this many files on a run is long enough to be worth a progress bar (on a terminal) and
#: a count of the files at the end; below it the run is over before a bar would say anything,
#: and the output is short enough to read whole.
MANY_FILES = 20

#: The most files sent to a worker at once. A check of a resolution takes a few milliseconds,
#: so sending files one by one would spend a good part of the run on inter-process round
#: trips; much larger chunks would leave workers idle at the end of the run.
MAX_CHUNK = 16

#: What the files that were waiting in a pool whose worker died (killed, out of memory) get.
POOL_BROKEN = "not processed: a worker process ended abruptly (killed, or out of memory?)"
#: How many times a run starts a fresh pool after a worker died, before giving up on the rest
MAX_RESTARTS = 3


def default_jobs() -> int:
    """The number of cores this process may run on: its CPU affinity (which ``taskset`` and
    cpusets narrow), else the machine's cores, and no more than a container's CPU quota."""
    try:
        cores = max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    quota = cpu_quota()
    return min(cores, quota) if quota else cores


def cpu_quota(root: str = "/sys/fs/cgroup", membership: str = "/proc/self/cgroup") -> int | None:
    """The cores a CPU quota allows (``docker --cpus 2``, a Kubernetes limit, a systemd
    slice's CPUQuota), rounded up; None without a quota. The smallest quota counts, from the
    process's own cgroup (``membership`` names it; inside a container, the container's own)
    up to the root. cgroup v2 (``root`` holds ``cgroup.controllers``) keeps a quota in
    ``cpu.max`` ("200000 100000", or "max 100000" for none); v1 in ``cpu.cfs_quota_us`` (-1
    for none) over ``cpu.cfs_period_us``, below the cpu controller's folder ``root``/cpu."""
    unified = os.path.exists(os.path.join(root, "cgroup.controllers"))
    own = _own_cgroup(_read_small(membership) or "", unified)
    base = root if unified else os.path.join(root, "cpu")
    parts = [part for part in own.split("/") if part and part not in (".", "..")]
    quotas = []
    for depth in range(len(parts), -1, -1):
        folder = os.path.join(base, *parts[:depth])
        if unified:
            fields = (_read_small(os.path.join(folder, "cpu.max")) or "").split()
        else:
            fields = [_read_small(os.path.join(folder, f"cpu.cfs_{name}_us")) or "" for name in ("quota", "period")]
        try:
            quota, period = int(fields[0]), int(fields[1])
        except (ValueError, IndexError):  # "max", a file missing or holding something else: no quota
            continue
        if quota > 0 and period > 0:
            quotas.append(-(-quota // period))
    return min(quotas, default=None)


def _own_cgroup(membership: str, unified: bool) -> str:
    """The process's cgroup as ``/proc/self/cgroup`` gives it: the line "0::/a/b" for cgroup
    v2, the cpu controller's ("4:cpu,cpuacct:/a/b") for v1; "/" when it does not say."""
    for line in membership.splitlines():
        number, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if (unified and number == "0" and not controllers) or (not unified and "cpu" in controllers.split(",")):
            return path or "/"
    return "/"


def _read_small(path: str) -> str | None:
    try:
        with open(path, encoding="ascii") as f:
            return f.read().strip()
    except (OSError, UnicodeDecodeError):
        return None


def show_progress(files: int, stream: TextIO) -> bool:
    """Is a progress bar worth drawing on ``stream``: a long run, and a terminal to watch it
    (never in a pipe, a log file or CI)?"""
    return files >= MANY_FILES and stream.isatty()


def crash_message(err: BaseException) -> str:
    """The one-line message for an exception that is not a :class:`ResdraftError`: a bug of
    ours, or input beyond what Python can take."""
    if isinstance(err, RecursionError):
        return "input nested too deeply"
    if isinstance(err, MemoryError):
        return "input too large to process"
    return f"internal error ({type(err).__name__}: {err}); please report it"


class Progress:
    """A progress bar on standard error (Typer's own, i.e. click's) when ``shown``, or nothing.
    Lines written with :meth:`echo` go above the bar."""

    def __init__(self, total: int, label: str, shown: bool) -> None:
        # click's ProgressBar, from click or from the copy Typer vendors (0.26+), depending on the version
        self._bar: Any = None
        if shown:
            import typer

            self._bar = typer.progressbar(length=total, label=label, file=sys.stderr, show_pos=True)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)

    def advance(self, files: int) -> None:
        if self._bar is not None:
            self._bar.update(files)

    def echo(self, message: str) -> None:
        import typer

        if self._bar is not None:  # the bar is redrawn in place on its line: clear it; its next step draws it again
            sys.stderr.write("\r\x1b[K")
        typer.echo(message, err=True)


class _Crash:
    """A per-file job that raised: the message, made in the worker (an exception object
    may not survive pickling back to the parent). A plain class: a dataclass costs a
    one-file check start-up time for nothing."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _call(task: Callable[[Item], Result], item: Item) -> Result | _Crash:
    try:
        return task(item)
    except Exception as err:
        return _Crash(crash_message(err))


def run_in_order(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int,
    failed: Callable[[Item, str], Result],
    done: Callable[[int], None] | None = None,
    warm_up: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """``task(item)`` for every item, yielded in the order of ``items`` as soon as the ones
    before are done, using up to ``jobs`` worker processes. An item whose task raises (or
    that a dead worker took with it) gets ``failed(item, message)`` instead; the others are
    done all the same. ``done(n)`` is called in this process whenever ``n`` more items are
    finished, in whatever order they finish. ``warm_up`` does the work every worker would
    otherwise repeat on its first item: run once here before the workers are forked, or in
    each worker where they are not.

    ``task`` runs in another process: it must be picklable (a top-level function or a
    :func:`functools.partial` of one) and so must the items and what it returns. ``failed``
    and ``done`` run here."""
    size = chunk_size(len(items), jobs)
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    if min(jobs, len(chunks)) > 1:
        try:
            yield from _run_in_pool(task, chunks, min(jobs, len(chunks)), failed, done, warm_up)
            return
        except _PoolUnavailable as err:  # raised before any file was done: do them all here
            import typer

            typer.echo(f"resdraft: warning: {err}; working in this process", err=True)
    for item in items:
        yield _settle(item, _call(task, item), failed)
        if done is not None:
            done(1)


def chunk_size(items: int, jobs: int) -> int:
    """Files per worker round trip: about four chunks per worker, so that a worker that
    drew long files does not hold up the end of the run, and at most :data:`MAX_CHUNK`."""
    return max(1, min(MAX_CHUNK, items // (max(jobs, 1) * 4)))


def _settle(item: Item, outcome: Result | _Crash, failed: Callable[[Item, str], Result]) -> Result:
    return failed(item, outcome.message) if isinstance(outcome, _Crash) else outcome


def _pool_context() -> BaseContext:
    import multiprocessing

    # fork only on Linux: macOS system libraries are not fork-safe (Python's default there is
    # spawn), and Windows has no fork
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class _PoolUnavailable(Exception):
    """The worker processes could not be started (a process or open-file limit)."""


def _run_in_pool(
    task: Callable[[Item], Result],
    chunks: list[Sequence[Item]],
    workers: int,
    failed: Callable[[Item, str], Result],
    done: Callable[[int], None] | None,
    warm_up: Callable[[], None] | None,
) -> Iterator[Result]:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = _pool_context()
    forked = context.get_start_method() == "fork"
    if forked:
        _warm(warm_up)

    def new_pool() -> ProcessPoolExecutor:
        # a forked worker flushes its copy of the standard streams when it ends: nothing may be
        # waiting in them, or it would be written twice
        sys.stdout.flush()
        sys.stderr.flush()
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(task, None if forked else warm_up)
        )

    executor = new_pool()
    finished: dict[int, list[Any]] = {}
    # Only a few chunks per worker are in the pool at a time, the rest wait here: that keeps
    # ``wait`` cheap over tens of thousands of files, and lets an interrupted run stop soon.
    running: dict[Future[list[Any]], int] = {}
    sent = 0
    broken = False
    restarts = 0
    try:
        for index, chunk in enumerate(chunks):
            while index not in finished:
                while not broken and sent < len(chunks) and len(running) < 2 * workers:
                    try:
                        submitted = _submit(executor, chunks[sent], sent, running)
                    except OSError as err:  # a process or open-file limit
                        if not sent:  # the first submission starts the workers (all of them, forked)
                            _abandon(executor)
                            raise _PoolUnavailable(f"cannot start {workers} worker processes ({err})") from None
                        submitted = False  # a worker started on demand (spawn) failed: as if the pool broke
                    if submitted:
                        sent += 1
                    else:
                        broken = True
                if not running and broken and sent < len(chunks) and restarts < MAX_RESTARTS:
                    # a worker died (killed, out of memory): the chunks it and the others had in
                    # hand are lost, the rest of the run goes on in a fresh pool
                    executor.shutdown(wait=True)
                    executor, broken, restarts = new_pool(), False, restarts + 1
                    continue
                if not running:  # the pool broke again and again: the rest is not processed
                    for left in range(sent, len(chunks)):
                        finished[left] = [_BROKEN] * len(chunks[left])
                        if done is not None:
                            done(len(chunks[left]))
                    sent = len(chunks)
                    break
                completed, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in completed:
                    number = running.pop(future)
                    finished[number] = _outcomes(future, len(chunks[number]))
                    broken = broken or finished[number][0] is _BROKEN
                    if done is not None:
                        done(len(chunks[number]))
            for item, outcome in zip(chunk, finished.pop(index), strict=True):
                yield _settle(item, outcome, failed)
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)  # interrupted: do not wait for the queue
        raise
    executor.shutdown(wait=True)


_BROKEN = _Crash(POOL_BROKEN)


def _warm(warm_up: Callable[[], None] | None) -> None:
    if warm_up is None:
        return
    with suppress(Exception):  # the first file meets the same problem and reports it for itself
        warm_up()


def _abandon(executor: ProcessPoolExecutor) -> None:
    """End a pool that could not start all its workers. The ones already forked wait for work
    that will never come and would keep this process from exiting; ProcessPoolExecutor has no
    public way to end them before Python 3.14 (``terminate_workers``)."""
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)


def _submit(
    executor: ProcessPoolExecutor, chunk: Sequence[Item], index: int, running: dict[Future[list[Any]], int]
) -> bool:
    """Send a chunk to the pool; False when the pool is broken."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        running[executor.submit(_run_chunk, list(chunk))] = index
    except BrokenProcessPool:
        return False
    return True


def _outcomes(future: Future[list[Any]], size: int) -> list[Any]:
    """What a finished chunk gives: its results, or one failure for each of its files when the
    whole chunk failed (its worker died, or its results could not be sent back)."""
    from concurrent.futures.process import BrokenProcessPool

    error = future.exception()
    if error is None:
        return future.result()
    return [_BROKEN if isinstance(error, BrokenProcessPool) else _Crash(crash_message(error))] * size


#: In a worker: the per-file job, installed once by :func:`_start_worker` rather than sent
#: with every chunk (its settings would be pickled again each time).
_worker_task: Callable[[Any], Any] | None = None


def _start_worker(task: Callable[[Any], Any], warm_up: Callable[[], None] | None) -> None:
    import signal

    global _worker_task
    # Ctrl-C reaches the whole process group: the parent stops the run; a worker caught
    # waiting for work would otherwise die printing a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_task = task
    _warm(warm_up)


def _run_chunk(chunk: list[Any]) -> list[Any]:
    assert _worker_task is not None
    return [_call(_worker_task, item) for item in chunk]
