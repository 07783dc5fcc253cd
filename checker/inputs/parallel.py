"""Folders of PDFs read in parallel, each document under a time limit, none ever lost.

``read_documents`` turns PDFs into product records (the frame is built later, in the parent).
With one worker the documents are read in this process, one after another, under a ``SIGALRM``
time limit where the platform has one. With more, a process pool reads them in tasks of up to four
documents (one at the end of the batch), two tasks queued a worker so none waits for the parent between
tasks: each worker stops a document at its time limit
(an alarm in the worker's main thread: the error "timed out after N s"), and a reader stuck where no
alarm reaches has the pool's processes killed and replaced, so a hung reader never stalls the batch;
a reader that crashes its process becomes an error row too (documents that were in flight beside it
are read again, one at a time, so the crash is pinned on the right file). A progress bar is drawn on
stderr when it is a terminal.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from checker.errors import DocumentTimeout, UnusableInput

if TYPE_CHECKING:
    from checker.inputs.records import ProductRecord

log = logging.getLogger(__name__)

Outcome: TypeAlias = "ProductRecord | str"  # a record, or the one-line reason the document gave none
IN_FLIGHT = 2  # tasks queued a worker
CHUNK = 4  # documents a task at most (fewer trips between the parent and a worker)


def read_one(path: str, category: str | None) -> Outcome:
    """Read one PDF into a record; any failure is returned as a one-line reason, never raised."""
    from checker.inputs.document_records import pdf_record
    from checker.inputs.guard import guard_file

    try:
        guard_file(Path(path))  # refuse what must not reach a parser, in the worker as in the parent
        return pdf_record(Path(path), category)
    except UnusableInput as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - a reader bug is an error row, never a lost batch
        if _interrupted(exc):
            raise DocumentTimeout from None
        return _failure(Path(path), exc)


def _interrupted(exc: Exception) -> bool:
    """True when ``exc`` is the document's time limit firing inside a call into pdfium: ctypes turns an exception
    raised while it converts an argument into ``ArgumentError: argument 1: DocumentTimeout``."""
    return isinstance(exc.__context__, DocumentTimeout) or (
        type(exc).__name__ == "ArgumentError" and "DocumentTimeout" in str(exc))


def _failure(path: Path, exc: BaseException) -> str:
    """A one-line error for a reader that raised."""
    detail = str(exc).splitlines()[0] if str(exc) else ""
    return f"{path}: cannot read the document ({type(exc).__name__}{': ' + detail if detail else ''})"


def read_within(reader: Reader, path: str, category: str | None, seconds: float | None) -> Outcome:
    """In a worker process: ``reader(path, category)`` stopped by an alarm after ``seconds``."""
    try:
        with alarm(seconds):
            return reader(path, category)
    except DocumentTimeout:
        return _timed_out(Path(path), seconds or 0)


def _warm() -> int:
    """Import the reader in a fresh worker before the clock of any document starts."""
    import checker.inputs.warm_reader  # noqa: F401

    return 0


Reader = Callable[[str, "str | None"], Outcome]


def read_documents(paths: Sequence[Path], category: str | None, workers: int = 1, seconds: float | None = None,
                   progress: bool | None = None, reader: Reader = read_one) -> dict[Path, Outcome]:
    """Every PDF of ``paths`` as a record or an error text, keyed by path (each path accounted for).

    ``reader`` (a module-level function, so that it pickles) reads one document; tests swap it.
    """
    unique = list(dict.fromkeys(paths))
    if not unique:
        return {}
    show = sys.stderr.isatty() if progress is None else progress
    with _progress(len(unique), show) as advance:
        if workers <= 1 and (not seconds or _timer_usable()):
            results = _in_process(unique, category, seconds, advance, reader)
        else:
            results = _pooled(unique, category, workers, seconds, advance, reader)
    return {path: results[path] for path in unique}  # input order, every path


@contextmanager
def _progress(total: int, show: bool) -> Iterator[Callable[[], None]]:
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("documents"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task("documents", total=total)
        yield lambda: bar.advance(task)


def _in_process(paths: list[Path], category: str | None, seconds: float | None,
                advance: Callable[[], None], reader: Reader) -> dict[Path, Outcome]:
    results: dict[Path, Outcome] = {}
    for path in paths:
        try:
            with alarm(seconds):
                results[path] = reader(str(path), category)
        except DocumentTimeout:
            results[path] = _timed_out(path, seconds or 0)
        except Exception as exc:  # noqa: BLE001 - whatever the reader raised is this document's error
            results[path] = _failure(path, exc)
        advance()
    return results


def _timer_usable() -> bool:
    """A SIGALRM timer can interrupt a read here: the platform has one and this is the main thread (a
    Streamlit session runs in another thread, where the limit needs a worker process)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def alarm(seconds: float | None) -> Iterator[None]:
    """Interrupt the body after ``seconds`` (main thread on a POSIX system; otherwise no limit)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def ring(signum: int, frame: Any) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timed_out(path: Path, seconds: float) -> str:
    return f"{path}: timed out after {seconds:g} s"


def _context() -> Any:
    """forkserver where there is one (cheap, thread-safe restarts; the reader preloaded), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["checker.inputs.parallel", "checker.inputs.warm_reader"])
        return context
    return multiprocessing.get_context("spawn")


class _Early:
    """A pool started ahead of need by :func:`prestart`, from a thread (starting forkserver workers blocks)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.warming: list[Future[int]] = []
        self.thread = threading.Thread(target=self._start, name="document-workers", daemon=True)
        self.thread.start()

    def _start(self) -> None:
        try:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context())
            self.warming = [self.pool.submit(_warm) for _ in range(self.workers)]
        except Exception as exc:  # noqa: BLE001 - _start_pool reports it and reads in-process
            log.debug("early document workers did not start (%s)", type(exc).__name__)

    def take(self) -> tuple[ProcessPoolExecutor | None, list[Future[int]]]:
        self.thread.join()
        return self.pool, self.warming


_early: _Early | None = None


def prestart(workers: int) -> None:
    """Start ``workers`` document workers now, without waiting: they import the reader (on the other core)
    while this process loads the rest; the next :func:`read_documents` with as many workers uses them."""
    global _early
    if workers > 1 and _early is None:
        _early = _Early(workers)


def _drop_early() -> None:
    """Stop a prestarted pool nobody took (no PDF after all, or an error before the read)."""
    global _early
    if _early is not None:
        pool, _ = _early.take()
        _early = None
        if pool is not None:
            _kill(pool)


atexit.register(_drop_early)


def _start_pool(workers: int) -> ProcessPoolExecutor | None:
    """A warmed-up pool (the prestarted one when it has as many workers), or None when worker processes
    cannot start here (then read in-process)."""
    global _early
    early, _early = _early, None
    pool, warming = early.take() if early is not None else (None, [])
    if pool is None or early is None or early.workers != workers:
        if pool is not None:
            _kill(pool)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
        warming = [pool.submit(_warm) for _ in range(workers)]
    try:
        for future in warming:
            future.result(timeout=120)
    except Exception as exc:  # noqa: BLE001 - no pool (e.g. run from stdin): the caller reads in-process
        log.warning("document workers cannot start (%s); reading in this process", type(exc).__name__)
        _kill(pool)
        return None
    return pool


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, hung workers included."""
    kill = getattr(pool, "kill_workers", None)  # Python 3.14+
    if kill is not None:
        kill()
    else:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _pooled(paths: list[Path], category: str | None, workers: int, seconds: float | None,
            advance: Callable[[], None], reader: Reader) -> dict[Path, Outcome]:
    """Read with a pool: tasks of up to :data:`CHUNK` documents, :data:`IN_FLIGHT` tasks a worker (each task's
    clock starts at submit)."""
    results: dict[Path, Outcome] = {}
    queue: deque[Path] = deque(paths)
    solo: deque[Path] = deque()  # in flight when a process crashed or a task hung: read again one at a time
    running: dict[Future[list[Outcome]], _Task] = {}
    pool = _start_pool(workers)
    fruitless = 0  # restarts in a row that finished no document

    def finish(path: Path, outcome: Outcome) -> None:
        results[path] = outcome
        advance()

    try:
        while pool is not None and (queue or solo or running):
            broken = _submit(pool, reader, category, queue, solo, running, workers, seconds)
            done: set[Future[list[Outcome]]] = set()
            if not broken:
                deadline = min((t.deadline for t in running.values() if t.deadline is not None), default=None)
                done, _ = wait(running, return_when=FIRST_COMPLETED,
                               timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
            broken = _collect(done, running, finish, solo) or broken
            expired = _expired(running, seconds, finish, solo)
            if expired or broken:
                for task in running.values():  # innocent bystanders: read them again
                    for path in reversed(task.paths):
                        (solo if broken else queue).appendleft(path)
                running.clear()
                _kill(pool)
                fruitless = 0 if done or expired else fruitless + 1
                pool = _start_pool(workers) if fruitless < 3 else None  # a pool that keeps breaking: give up
    finally:
        if pool is not None:
            _kill(pool)
    left = [path for path in paths if path not in results]  # only when no pool could start
    results.update(_in_process(left, category, seconds, advance, reader) if left else {})
    return results


def _collect(done: set[Future[list[Outcome]]], running: dict[Future[list[Outcome]], _Task],
             finish: Callable[[Path, Outcome], None], solo: deque[Path]) -> bool:
    """The outcomes of the finished tasks; True if the pool broke (the documents of a task that was not alone
    are then read again one at a time, so a crash is pinned on the right file)."""
    broken = False
    for future in done:
        task = running.pop(future)
        try:
            for path, outcome in zip(task.paths, future.result(), strict=True):
                finish(path, outcome)
        except BrokenProcessPool:
            broken = True
            if task.alone:
                finish(task.paths[0], f"{task.paths[0]}: the document reader crashed (its process died)")
            else:
                solo.extend(task.paths)
        except Exception as exc:  # noqa: BLE001 - whatever the reader raised is these documents' error
            for path in task.paths:
                finish(path, _failure(path, exc))
    return broken


class _Task:
    """Documents one worker reads in one go, when they were submitted and when the parent stops waiting."""

    __slots__ = ("alone", "deadline", "paths")

    def __init__(self, paths: list[Path], seconds: float | None, alone: bool) -> None:
        self.paths = paths
        self.alone = alone
        # each worker stops its own document at ``seconds`` (an alarm in its main thread); the parent kills the
        # pool only for a reader stuck where no alarm reaches (inside a C library): after the documents that may
        # be queued ahead of it in its worker and its own
        self.deadline = time.monotonic() + seconds * (CHUNK * (IN_FLIGHT - 1) + len(paths) + 1) if seconds else None


def _expired(running: dict[Future[list[Outcome]], _Task], seconds: float | None,
             finish: Callable[[Path, Outcome], None], solo: deque[Path]) -> bool:
    """Take out the tasks past their deadline: a lone document timed out, several read again one at a time."""
    now = time.monotonic()
    late = [future for future, task in running.items() if task.deadline is not None and now >= task.deadline]
    for future in late:
        task = running.pop(future)
        if len(task.paths) == 1:
            log.warning("%s: timed out after %g s", task.paths[0], seconds)
            finish(task.paths[0], _timed_out(task.paths[0], seconds or 0))
        else:
            solo.extend(task.paths)
    return bool(late)


def read_chunk(reader: Reader, paths: list[str], category: str | None, seconds: float | None) -> list[Outcome]:
    """In a worker process: each document of ``paths`` read by :func:`read_within` (its own time limit)."""
    return [read_within(reader, path, category, seconds) for path in paths]


def _chunk_size(left: int, workers: int) -> int:
    """Documents for the next task: up to :data:`CHUNK` (fewer trips to the parent) while many are left, down
    to one at the end (so the last tasks spread over the workers)."""
    return max(1, min(CHUNK, left // (2 * workers * IN_FLIGHT)))


def _submit(pool: ProcessPoolExecutor, reader: Reader, category: str | None, queue: deque[Path],
            solo: deque[Path], running: dict[Future[list[Outcome]], _Task], workers: int,
            seconds: float | None) -> bool:
    """Fill the pool up to ``IN_FLIGHT`` tasks a worker (one suspect alone after a crash), so a worker never
    waits for the parent between two tasks; True if the pool broke."""
    while (solo and not running) or (not solo and queue and len(running) < workers * IN_FLIGHT):
        alone = bool(solo)
        source = solo if alone else queue
        paths = [source.popleft() for _ in range(1 if alone else min(len(queue), _chunk_size(len(queue), workers)))]
        try:
            future = pool.submit(read_chunk, reader, [str(path) for path in paths], category, seconds)
        except (BrokenProcessPool, RuntimeError):
            source.extendleft(reversed(paths))
            return True
        running[future] = _Task(paths, seconds, alone)
        if alone:
            break
    return False
