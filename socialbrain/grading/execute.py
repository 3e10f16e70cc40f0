"""Running a submission: nbgrader's ``Execute`` in the sandbox, with proof that every test really ran.

nbgrader scores a test cell by whether it shows an error. Student code runs
in the same Python process as the tests, so it can try to make failing
tests look passed. :class:`SandboxedExecute` closes the known ways:

* **Error reporting switched off** (a custom exception handler, a patched
  ``showtraceback`` or ``run_cell``, a hook that clears the error): after
  each test cell the grader runs a probe of its own that must fail with a
  random message and print a few facts about built-in functions. If the
  probe's failure does not come back, or the facts are wrong, error
  reporting or the built-ins can no longer be trusted: that test and every
  later one score 0, and the report says why.
* **Ending the kernel early** (``exit()``, ``os._exit``, a crash): the tests
  that did not run get an error, so they score 0 instead of counting as
  passed, and the tests before still count.
* **Reading the tests at run time**: test cells run without being stored in
  the kernel's history (``In``, ``_ih``), and the notebook file is never in
  the sandbox (:func:`.sandbox.stage_inputs`).

A cell that runs into a sandbox limit (memory, processes, disk, time, the
missing network) is named in plain words (:func:`limit_hit`). These notes
go into ``resources["socialbrain"]["notes"]`` and nbgrader's log.

:func:`run_submission` is the executors' unit of work: notebook JSON in,
executed notebook JSON and notes out, nothing of the course needed.
"""

from __future__ import annotations

import os
import secrets
import socket
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.preprocessors import Execute
from traitlets.config import Config

from . import cells
from .sandbox import Limits, SandboxError, SandboxKernelManager

#: Built-in facts the probe prints; a patched built-in shows up as a wrong answer.
TRUTHS = "(isinstance(1, str), type(1) is int, len('abc'), str(12), repr(None), sorted([2, 1]), AssertionError.__name__)"
TRUE_ANSWER = "(False, True, 3, '12', 'None', [1, 2], 'AssertionError')"


def _error(ename: str, message: str):
    return nbformat.v4.new_output("error", ename=ename, evalue=message, traceback=[f"{ename}: {message}"])


def _explain(output, why: str) -> None:
    """Say in the error itself which limit stopped the cell: feedback shows it instead of a bare KeyboardInterrupt."""
    output.evalue = f"{output.evalue} ({why})" if output.get("evalue") else why
    output.traceback = [*output.get("traceback", []), f"{output.ename}: {output.evalue}"]


def limit_hit(output, limits, timeout) -> str | None:
    """Say in plain words which sandbox limit an error output shows, if any."""
    ename, evalue = output.get("ename", ""), str(output.get("evalue", ""))
    if ename == "MemoryError":
        return f"ran out of memory (limit {limits.memory_mib} MiB)"
    if ename in ("CellTimeoutError", "KeyboardInterrupt"):
        return f"ran out of time (limit {timeout} s per cell)"
    if "[Errno 11]" in evalue or "can't start new thread" in evalue:
        return f"started too many processes or threads (limit {limits.processes})"
    if "[Errno 28]" in evalue or "[Errno 27]" in evalue:
        return f"wrote more than the disk limit ({limits.disk_mib} MiB)"
    if any(code in evalue for code in ("[Errno 111]", "[Errno 101]", "[Errno -3]", "[Errno -2]", "[Errno 99]")):
        return "tried to use the network (there is none while grading)"
    return None


class SandboxedExecute(Execute):
    """nbgrader's Execute, with every kernel in the sandbox and every test checked to have really run."""

    def __init__(self, *args, **kwargs):
        # nbgrader's Execute forces AsyncKernelManager through a keyword
        # argument (which beats configuration), so set ours first.
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(*args, **kwargs)

    # -- the whole notebook --------------------------------------------------------
    def preprocess(self, nb, resources=None, km=None):
        self._notes: list[dict] = []
        self._stopped: str | None = None     # why the kernel is gone
        self._untrusted: str | None = None   # why test results can no longer be trusted
        self._published_errors = 0
        nb, resources = super().preprocess(nb, resources, km)
        resources.setdefault("socialbrain", {})["notes"] = self._notes
        for note in self._notes:
            self.log.warning("%s: %s", note["cell"], note["text"])
        return nb, resources

    def _note(self, kind: str, cell, index: int, text: str) -> None:
        self._notes.append({"kind": kind, "cell": cells.grade_id(cell) or f"cell {index + 1}", "text": text})

    def _stop(self, cell, index: int, err: Exception) -> None:
        how = "stopped answering" if isinstance(err, CellTimeoutError) else "stopped"
        self._stopped = f"the kernel {how} in or right after {cells.grade_id(cell) or f'cell {index + 1}'}"
        self._note("integrity", cell, index, f"the kernel {how} here (exit(), os._exit, a crash, a limit or "
                                             "patched internals); the tests after it did not run and score 0")

    # -- one cell --------------------------------------------------------------------
    def preprocess_cell(self, cell, resources, index):
        self._check_assign_resources(resources)
        if cell.cell_type != "code":
            return cell, self.resources
        test = cells.is_test(cell)
        if self._stopped or self._untrusted:
            # Nothing after this point can earn points: do not spend time running it.
            cell.outputs, cell.execution_count = [], None
            if test and self._untrusted:
                cell.outputs.append(_error("IntegrityError", f"this test cannot be trusted: {self._untrusted}"))
            elif test:
                cell.outputs.append(_error("NotRun", f"this test did not run: {self._stopped}"))
            return cell, self.resources
        try:
            # Tests stay out of the kernel's history, so student code cannot read them from In/_ih.
            cell = self.execute_cell(cell, index, store_history=not test)
        except (DeadKernelError, CellTimeoutError) as err:
            self._stop(cell, index, err)
            if test:
                cell.outputs.append(_error("NotRun", f"this test did not run: {self._stopped}"))
            return cell, self.resources
        limits = getattr(self.km, "limits", Limits())
        hits = [(o, limit_hit(o, limits, self.timeout)) for o in cell.outputs if o.output_type == "error"]
        hits = [(o, hit) for o, hit in hits if hit]
        if hits:  # a timeout leaves two errors (the interrupt and nbclient's own): explain both
            self._note("limit", cell, index, hits[0][1])
            for output, hit in hits:
                _explain(output, f"{cells.grade_id(cell) or f'cell {index + 1}'} {hit}")
        if test:
            self._untrusted = self._probe(index)
            if self._untrusted:
                self._note("integrity", cell, index, f"{self._untrusted}; this test and all later tests score 0")
                cell.outputs.append(_error("IntegrityError", f"this test cannot be trusted: {self._untrusted}"))
        return cell, self.resources

    def on_cell_executed(self, **kwargs):
        # Count the errors the kernel itself published, before nbgrader adds one from the reply.
        self._published_errors = sum(1 for o in kwargs["cell"].outputs if o.output_type == "error")
        self._last_reply = kwargs["execute_reply"]
        super().on_cell_executed(**kwargs)

    def _probe(self, index: int) -> str | None:
        """Run the grader's own failing check; return why error reporting is broken, or None."""
        nonce, mark = secrets.token_hex(8), secrets.token_hex(4)
        a = secrets.randbelow(10**6)
        probe = nbformat.v4.new_code_cell(f"print({TRUTHS}, {mark!r})\nassert {a} == {a + 1}, {nonce!r}")
        keep = self.nb.cells[index]
        try:
            self.execute_cell(probe, index, store_history=False)
        except (DeadKernelError, CellTimeoutError) as err:
            self._stop(keep, index, err)
            return None
        finally:
            self.nb.cells[index] = keep
        content = self._last_reply["content"]
        printed = "".join(o.get("text", "") for o in probe.outputs if o.output_type == "stream").strip()
        if content.get("status") != "error" or content.get("evalue") != nonce:
            return "student code switched off error reporting (a failing check came back as passed)"
        if not self._published_errors:
            return "student code hid error messages (a failing check showed no error)"
        if printed != f"{TRUE_ANSWER} {mark}":
            return "student code changed Python's built-in functions or its output"
        return None


def run_submission(task: dict) -> dict:
    """Execute one sanitised notebook in the sandbox of this machine; plain data in and out.

    ``task`` holds ``key``, ``notebook`` (JSON text), ``files`` (the
    submission's other files, ``{relative path: bytes}``) and ``config``
    (the execution settings from ``nbgrader_config.py``). Errors come back
    as ``{"error": ...}``; nothing is raised, so every executor reports
    them the same way.
    """
    started = time.perf_counter()
    result = {"key": task["key"], "worker": f"{socket.gethostname()}:{os.getpid()}"}
    try:
        with tempfile.TemporaryDirectory(prefix="sb-submission-") as folder:
            for name, data in task.get("files", {}).items():
                path = Path(folder, name).resolve()
                if not path.is_relative_to(Path(folder).resolve()):
                    raise ValueError(f"refusing a file outside the submission: {name}")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            nb = nbformat.reads(task["notebook"], as_version=4)
            executor = SandboxedExecute(config=Config(task.get("config", {})))
            nb, resources = executor.preprocess(nb, {"metadata": {"path": folder}})
        result.update(notebook=nbformat.writes(nb), notes=resources["socialbrain"]["notes"])
    except SandboxError as err:
        result["error"] = f"the sandbox could not start: {err}"
    except Exception as err:  # noqa: BLE001 - reported per submission, the others go on
        result["error"] = f"{type(err).__name__}: {err}"
    result["seconds"] = time.perf_counter() - started
    return result
