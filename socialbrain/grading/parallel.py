"""Grading a class in parallel: a few worker processes, one gradebook, same grades.

Plain ``nbgrader autograde`` grades one submission after another. Here a
pool of worker processes (default: one per core) grades at the same time:

* **nbgrader is loaded once.** Each worker starts with nbgrader already
  imported (see the fork server below), reads the course configuration
  once (:func:`.workflow.use_cached_api`), then grades one student after
  another in-process with :func:`.workflow.grade_batch`. Starting
  ``nbgrader`` costs seconds, so a process per student would be slow; an
  in-process app per worker was also faster than one ``nbgrader autograde``
  subprocess per batch of students (``bench/grading.py --batches`` times both).
* **Dynamic batches.** Workers take the next student from a shared queue
  instead of a fixed share of the class, so one slow submission (an endless
  loop waits for the per-cell time limit) does not hold up a whole batch.
* **Gradebook writes are serialised.** Every nbgrader ``Gradebook`` a worker
  opens holds a lock shared by all workers until it is closed
  (:func:`serialise_gradebook`). nbgrader opens a gradebook only for short
  reads and writes before and after running a notebook, never while student
  code runs, so the workers still execute notebooks side by side, while the
  SQLite file only ever sees one writer: no "database is locked", no lost or
  doubled rows. ``tests/test_grading_parallel.py`` checks this.
* **Same safety.** Each worker runs nbgrader with the course's
  ``nbgrader_config.py``, so the sandbox, time limit and restored tests are
  exactly those of serial grading. Workers ignore Ctrl-C; the parent stops
  them. If a worker process dies, the students it had not finished are
  graded again one after another in the parent.

Workers are forked from a *fork server*: one clean Python process that loads
nbgrader once when grading starts (while the parent checks the submissions;
:mod:`._startup` makes that load seconds shorter), then forks a worker in a
fraction of a second. Workers are not forked from
the parent itself, which may hold kernel connections, event loops or threads
that must not be copied.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from tqdm import tqdm

# -- one writer at a time ------------------------------------------------------

_STATE = {"lock": None, "depth": 0, "timeout": 600.0}


def serialise_gradebook(lock, timeout: float = 600.0) -> None:
    """Make every nbgrader ``Gradebook`` opened in this process hold ``lock`` until it is closed.

    ``lock`` is a ``multiprocessing.Lock`` shared by all workers. Nested
    gradebooks in one process take the lock once. If the lock cannot be had
    within ``timeout`` seconds, opening the gradebook fails with a clear
    error rather than waiting for ever.
    """
    from nbgrader.api import Gradebook

    _STATE.update(lock=lock, depth=0, timeout=timeout)
    if getattr(Gradebook, "_socialbrain_serialised", False):
        return
    original_init, original_close = Gradebook.__init__, Gradebook.close

    def _acquire():
        if _STATE["lock"] is None:
            return False
        if _STATE["depth"] == 0 and not _STATE["lock"].acquire(timeout=_STATE["timeout"]):
            raise RuntimeError(f"could not get the gradebook lock within {_STATE['timeout']:.0f} s")
        _STATE["depth"] += 1
        return True

    def _release():
        _STATE["depth"] -= 1
        if _STATE["depth"] == 0:
            _STATE["lock"].release()

    def __init__(self, *args, **kwargs):
        self._socialbrain_holds_lock = _acquire()
        try:
            original_init(self, *args, **kwargs)
        except BaseException:
            if self._socialbrain_holds_lock:
                self._socialbrain_holds_lock = False
                _release()
            raise

    def close(self):
        try:
            original_close(self)
        finally:
            if getattr(self, "_socialbrain_holds_lock", False):
                self._socialbrain_holds_lock = False
                _release()

    Gradebook.__init__ = __init__
    Gradebook.close = close
    Gradebook._socialbrain_serialised = True


def release_leftover_lock() -> None:
    """Free the lock if a gradebook was left open (never expected; keeps other workers going)."""
    if _STATE["lock"] is not None and _STATE["depth"] > 0:
        _STATE["depth"] = 0
        _STATE["lock"].release()


# -- the workers -----------------------------------------------------------------

#: Imported once in the fork server, so that each worker starts in a fraction of a second.
PRELOAD = ["socialbrain.grading._startup", "socialbrain.grading.workflow", "socialbrain.grading.preprocessors", "socialbrain.grading.sandbox",
           "nbgrader.apps", "nbgrader.preprocessors", "nbgrader.converters", "nbclient", "ipykernel.kernelspec"]


def _context():
    """``forkserver`` (workers forked from one clean process that loaded nbgrader once), else ``spawn``."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - not Linux


def _init_worker(course_root: str, lock, environ: dict) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's job
    # The fork server keeps the environment of its start; use the parent's of now
    # (nbgrader_config.py reads e.g. SOCIALBRAIN_CELL_TIMEOUT).
    os.environ.clear()
    os.environ.update(environ)
    from .course import quiet_warnings

    quiet_warnings()
    serialise_gradebook(lock)
    from . import workflow

    workflow.use_cached_api(course_root)


def _ready() -> int:
    return os.getpid()


def _grade_one(course_root: str, assignment: str, student: str) -> dict:
    from . import workflow

    try:
        [result] = workflow.grade_batch(course_root, assignment, [student], progress=False)
    finally:
        release_leftover_lock()
    return result


class WorkerPool:
    """``workers`` grading processes for one course, started at once so that they load while the parent works.

    Use as a context manager; :meth:`grade` grades a list of students.
    """

    def __init__(self, course_root: str, workers: int):
        self.course_root = str(course_root)
        self.workers = workers
        ctx = _context()
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                         initargs=(self.course_root, ctx.Lock(), dict(os.environ)))
        # One trivial task per worker makes the pool start every worker now. Starting the
        # first one waits for the fork server to load nbgrader, so do it in the background.
        self._warm = threading.Thread(target=self._start_workers, daemon=True)
        self._warm.start()

    def _start_workers(self) -> None:
        try:
            for _ in range(self.workers):
                self._pool.submit(_ready)
        except Exception:  # noqa: BLE001 - grade() will see the broken pool and grade serially
            pass

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.stop()

    def close(self) -> None:
        """Let the workers finish and end."""
        self._pool.shutdown(wait=True)

    def stop(self) -> None:
        """Stop at once (Ctrl-C): cancel what is queued and end the workers; their kernels die with them."""
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()

    def grade(self, assignment: str, students: list[str], progress: bool = True) -> list[dict]:
        """Grade ``students``; return :func:`.workflow.grade_batch`'s dicts, in the same order."""
        from . import workflow

        done: dict[str, dict] = {}
        bar = workflow._bar(None, f"Grading {assignment}", "students", total=len(students)) if progress else None
        broken = False
        try:
            futures = {self._pool.submit(_grade_one, self.course_root, assignment, s): s for s in students}
            for future in as_completed(futures):
                student = futures[future]
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                except Exception as err:  # noqa: BLE001 - reported per student, the others go on
                    result = {"student": student, "success": False, "seconds": 0.0,
                              "error": f"grading worker error: {type(err).__name__}: {err}"}
                done[student] = result
                if bar is not None:
                    bar.update(1)
                    if not result["success"]:
                        tqdm.write(f"  {student}: autograde failed: {result['error']}")
        except BrokenProcessPool:
            broken = True
        finally:
            if bar is not None:
                bar.close()

        left = [s for s in students if s not in done]
        if left:
            why = "a grading worker process died" if broken else "some submissions were not graded by a worker"
            tqdm.write(f"{why}; grading the {len(left)} remaining submissions one after another")
            for result in workflow.grade_batch(self.course_root, assignment, left, progress=progress):
                done[result["student"]] = result
        return [done[s] for s in students]


def grade_in_parallel(course_root: str, assignment: str, students: list[str], workers: int,
                      progress: bool = True) -> list[dict]:
    """Grade ``students`` in ``workers`` processes; return :func:`.workflow.grade_batch`'s dicts, in order."""
    with WorkerPool(course_root, workers) as pool:
        return pool.grade(assignment, students, progress)
