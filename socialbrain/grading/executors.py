"""Where student notebooks run: here, in a local process pool, or on a Dask cluster.

The coordinator (:mod:`.coordinator`) gives every executor the same tasks,
plain data made by :func:`.execute.run_submission`'s rules, and takes the
results back in the order they finish. An executor never sees the course
folder or the gradebook, so the three are interchangeable and give the
same grades:

* :class:`InProcess`: one after another in the grading process (``--workers 1``);
* :class:`LocalPool`: worker processes on this machine (``--workers N``,
  default one per core), forked from one clean process that loaded the
  grading code once;
* :class:`DaskCluster`: the workers of a running ``dask.distributed``
  scheduler (``--scheduler tcp://HOST:PORT``). A worker machine needs the
  course package with its pinned dependencies and bubblewrap, nothing else.

Each executor first checks the sandbox where the code will run
(:meth:`check`) and refuses to start if it cannot be set up.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from .execute import run_submission
from .sandbox import Limits, SandboxError, check_sandbox, unenforced_limits

#: Imported once in the pool's fork server, so each worker starts in a fraction of a second.
PRELOAD = ["socialbrain.grading._startup", "socialbrain.grading.execute", "nbgrader.preprocessors", "nbclient",
           "ipykernel.kernelspec"]


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def sandbox_report(limits: Limits) -> dict:
    """What one machine's sandbox holds; raises :class:`.sandbox.SandboxError` if it cannot start."""
    check_sandbox(limits)
    return {"unenforced": unenforced_limits(limits)}


def _failed(task: dict, why: str) -> dict:
    return {"key": task["key"], "error": why, "seconds": 0.0}


class InProcess:
    """Run each notebook in this process, one after another."""

    workers = 1
    where = "one after another in this process"

    def check(self, limits: Limits) -> dict[str, dict]:
        return {"this machine": sandbox_report(limits)}

    def run(self, tasks: Iterable[dict]) -> Iterator[dict]:
        for task in tasks:
            yield run_submission(task)

    def close(self) -> None:
        pass


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the coordinator's to handle


class LocalPool:
    """Run notebooks in ``workers`` processes on this machine."""

    def __init__(self, workers: int):
        self.workers = workers
        self.where = f"in {workers} worker processes on this machine"
        if "forkserver" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(PRELOAD)
        else:  # pragma: no cover - not Linux
            ctx = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_ignore_interrupt)

    def check(self, limits: Limits) -> dict[str, dict]:
        return {"this machine": self._pool.submit(sandbox_report, limits).result()}

    def run(self, tasks: Iterable[dict]) -> Iterator[dict]:
        futures = {self._pool.submit(run_submission, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                yield _failed(futures[future], "a grading worker process died; grade this student again")

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster:
    """Run notebooks on the workers of a ``dask.distributed`` scheduler.

    ``scheduler`` is an address (``tcp://HOST:PORT``, the command line's
    ``--scheduler``), or, from Python, a ``distributed.Client`` or a cluster
    object with ``get_client()`` (Dask Gateway, dask-jobqueue, dask-kubernetes).
    """

    def __init__(self, scheduler, timeout: float = 10):
        try:
            from distributed import Client
        except ImportError:
            raise SandboxError("grading on a Dask cluster needs dask.distributed: "
                               "pip install 'socialbrain[cluster]' (here and on every worker)") from None
        self._own = isinstance(scheduler, str)
        if self._own:
            try:
                self._client = Client(scheduler, timeout=timeout, set_as_default=False)
            except OSError as err:
                raise SandboxError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
        else:
            self._client = scheduler.get_client() if hasattr(scheduler, "get_client") else scheduler
        threads = self._client.nthreads()
        if not threads:
            self.close()
            raise SandboxError(f"the Dask scheduler at {self._client.scheduler.address} has no workers")
        self.workers = sum(threads.values())
        self.where = f"on {len(threads)} Dask workers ({self.workers} threads) of {self._client.scheduler.address}"

    def check(self, limits: Limits) -> dict[str, dict]:
        reports = self._client.run(sandbox_report, limits, on_error="return")
        broken = {worker: r for worker, r in reports.items() if isinstance(r, BaseException)}
        if broken:
            raise SandboxError("the sandbox cannot start on " + "; ".join(f"{w}: {e}" for w, e in broken.items()))
        return reports

    def run(self, tasks: Iterable[dict]) -> Iterator[dict]:
        from distributed import as_completed as dask_completed

        futures = {}
        for task in tasks:
            future = self._client.submit(run_submission, task, pure=False, key=f"grade-{task['key']}-{os.urandom(4).hex()}")
            futures[future] = task
        for future in dask_completed(futures, loop=self._client.loop):
            try:
                yield future.result()
            except Exception as err:  # noqa: BLE001 - e.g. a worker lost twice: that student only
                yield _failed(futures[future], f"the Dask cluster could not run it: {type(err).__name__}: {err}")

    def close(self) -> None:
        if self._own:  # a client the instructor passed in stays theirs
            self._client.close()
