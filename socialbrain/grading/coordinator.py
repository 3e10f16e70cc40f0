"""Grading a class: sanitise here, run student code anywhere, record the grades here.

The coordinator is the course's ``grade`` command, and the only process
that opens the gradebook. For every submission it

1. runs nbgrader's own sanitising steps (``Autograde.sanitize_preprocessors``
   from ``nbgrader_config.py``: outputs cleared, test cells restored and
   overwritten from the source) on the submitted notebook;
2. hands the sanitised notebook (its JSON, with the submission's other
   files and the execution settings, never a path into the course folder)
   to an executor (:mod:`.executors`), which runs it in the sandbox;
3. as each executed notebook comes back, runs nbgrader's ``autograde`` for
   that student with :class:`.preprocessors.ApplyExecution` in place of
   :class:`.execute.SandboxedExecute`: nbgrader's own preprocessors record
   the grades exactly as plain ``nbgrader autograde`` would.

No lock and no change to nbgrader's classes is needed, because nothing but
this process writes to the gradebook.
"""

from __future__ import annotations

import copy
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import integrity
from .checks import check_submission
from .course import Course, CourseError
from .execute import SandboxedExecute
from .executors import DaskCluster, InProcess, LocalPool, default_workers
from .preprocessors import ApplyExecution
from .report import bar, last_error, say, write_report
from .sandbox import Limits, submission_files

#: Configuration sections that decide how a notebook runs; they travel with each task.
EXECUTION_SECTIONS = ("Execute", "SandboxedExecute", "ExecutePreprocessor", "NotebookClient", "SandboxKernelManager")


@dataclass
class StudentResult:
    student: str
    status: str            # graded | failed | not graded
    message: str = ""
    score: float = 0.0
    max_score: float = 0.0
    needs_manual_grade: bool = False
    remarks: list[str] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _classes(items) -> list[type]:
    from traitlets.utils.importstring import import_item

    return [import_item(item) if isinstance(item, str) else item for item in items]


def grading_config(cfg):
    """The coordinator's copy of the course configuration: notebooks are run by executors, not here.

    Fails closed: student code must go through :class:`.execute.SandboxedExecute`.
    """
    steps = _classes(cfg.Autograde.autograde_preprocessors)
    sandboxed = [i for i, step in enumerate(steps) if issubclass(step, SandboxedExecute)]
    if len(sandboxed) != 1:
        raise CourseError("nbgrader_config.py must run student code through exactly one SandboxedExecute in "
                          "c.Autograde.autograde_preprocessors; nothing was graded")
    coordinator = copy.deepcopy(cfg)
    steps[sandboxed[0]] = ApplyExecution
    coordinator.Autograde.autograde_preprocessors = steps
    return coordinator


def limits_of(cfg) -> Limits:
    section = cfg.SandboxKernelManager
    return Limits(**{name: section[name] for name in ("memory_mib", "processes", "disk_mib") if name in section})


def make_executor(workers: int | None, scheduler: str | None, tasks: int):
    if scheduler:
        if workers is not None:
            raise CourseError("give either --workers (this machine) or --scheduler (a Dask cluster), not both")
        return DaskCluster(scheduler)
    if workers is not None and workers < 1:
        raise CourseError(f"--workers must be 1 or more (got {workers})")
    n = min(workers or default_workers(), max(tasks, 1))
    return InProcess() if n == 1 else LocalPool(n)


class Coordinator:
    """Grades one assignment of one course; see the module's docstring."""

    def __init__(self, course: Course, assignment: str):
        self.course, self.assignment = course, assignment
        self.config = course.config()
        self.local_config = grading_config(self.config)
        self.limits = limits_of(self.config)
        self.execution = {name: dict(self.config[name]) for name in EXECUTION_SECTIONS if name in self.config}
        self._source_files: dict[str, bytes] | None = None

    # -- 1. sanitise -----------------------------------------------------------------
    def sanitised(self, student: str, notebook: str, db_url: str):
        """The submitted notebook after nbgrader's sanitising steps (as ``nbgrader autograde`` makes it)."""
        path = self.course.dir("submitted") / student / self.assignment / f"{notebook}.ipynb"
        nb = nbformat.read(path, as_version=4)
        resources = {"unique_key": notebook, "output_files_dir": f"{notebook}_files",
                     "metadata": {"name": notebook, "path": str(path.parent)},
                     "nbgrader": {"student": student, "assignment": self.assignment, "notebook": notebook,
                                  "db_url": db_url}}
        for step in _classes(self.config.Autograde.sanitize_preprocessors):
            nb, resources = step(config=self.config)(nb, resources)
        return nb

    def files(self, student: str) -> dict[str, bytes]:
        """The submission's other files, with the assignment's own files over them (as nbgrader copies them)."""
        limit = self.limits.disk_mib * 2**20
        if self._source_files is None:  # the same for every student: read once
            self._source_files = {rel: path.read_bytes()
                                  for rel, path in submission_files(self.course.dir("source") / self.assignment, limit)}
        mine = {rel: path.read_bytes()
                for rel, path in submission_files(self.course.dir("submitted") / student / self.assignment, limit)}
        return {**mine, **self._source_files}

    # -- 2 and 3. run and record ---------------------------------------------------------
    def grade(self, students: list[str], executor) -> dict[str, StudentResult]:
        results: dict[str, StudentResult] = {}
        with tempfile.TemporaryDirectory(prefix="socialbrain-executed-") as executed:
            self.local_config.ApplyExecution.executed_dir = executed
            api = self.course.api(self.local_config)
            db_url = api.coursedir.db_url
            pending: dict[str, set[str]] = {}
            finished: set[str] = set()

            def tasks():
                for student in students:
                    results[student] = StudentResult(student, "graded")
                    folder = self.course.dir("submitted") / student / self.assignment
                    names = [n for n in self.course.notebooks(self.assignment) if (folder / f"{n}.ipynb").is_file()]
                    pending[student] = set(names)
                    try:
                        files = self.files(student)
                        for name in names:
                            nb = self.sanitised(student, name, db_url)
                            results[student].integrity += [f"{name}: {f}" for f in integrity.scan_notebook(nb)]
                            yield {"key": f"{student}/{name}", "notebook": nbformat.writes(nb), "files": files,
                                   "config": self.execution}
                    except Exception as err:  # noqa: BLE001 - this student only
                        results[student].status, results[student].message = "failed", f"could not prepare: {err}"
                        pending[student] = set()
                        finish(student)

            def finish(student: str) -> None:
                if student in finished:  # a later notebook of a student who could not be prepared
                    return
                finished.add(student)
                r = results[student]
                if r.status == "graded":
                    outcome = api.autograde(self.assignment, student, force=True, create=True)
                    if not outcome.get("success"):
                        r.status, r.message = "failed", last_error(outcome)
                progress.update(1)
                if r.status == "failed":
                    progress.write(f"  {student}: not graded: {r.message}")

            progress = bar(None, f"Grading {self.assignment}", "students", total=len(students))
            try:
                for result in executor.run(tasks()):
                    student, name = result["key"].split("/", 1)
                    r = results[student]
                    r.seconds += result.get("seconds", 0.0)
                    if result.get("error"):
                        r.status, r.message = "failed", result["error"]
                    else:
                        target = Path(executed, student, f"{name}.ipynb")
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_text(result["notebook"], encoding="utf-8")
                        for note in result["notes"]:
                            where = f"{name}: {note['cell']}: {note['text']}"
                            (r.limits if note["kind"] == "limit" else r.integrity).append(where)
                    pending[student].discard(name)
                    if not pending[student]:
                        finish(student)
            finally:
                progress.close()
        return results


def grade(course: Course, assignment: str, students: list[str] | None = None, workers: int | None = None,
          scheduler: str | None = None) -> tuple[int, list[StudentResult]]:
    """Check the sandbox, back up, check, grade (anywhere) and report; return (exit code, results)."""
    course.check_assignment(assignment, released=True)
    coordinator = Coordinator(course, assignment)
    everyone = course.students(assignment)
    if students:
        unknown = sorted(set(students) - set(everyone))
        if unknown:
            raise CourseError(f"no submission of {assignment} for: {', '.join(unknown)}")
        everyone = [s for s in everyone if s in students]
    if not everyone:
        raise CourseError(f"no submissions for {assignment} in {course.dir('submitted')}/<student>/{assignment}/ "
                          "(run the collect command first)")
    checks = {s: check_submission(course, assignment, s) for s in everyone}
    gradable = [s for s in everyone if checks[s].gradable]
    executor = make_executor(workers, scheduler, len(gradable))
    started = time.perf_counter()
    try:
        reports = executor.check(coordinator.limits)  # fails closed: nothing is graded without a sandbox
        say(f"sandbox: no network, only Python and the submission's files, {coordinator.limits.describe()}, "
            f"{coordinator.config.Execute.get('timeout', 30)} s per cell; running {executor.where}")
        for warning in sorted({w for report in reports.values() for w in report["unenforced"]}):
            say(f"WARNING limit not enforced on this machine: {warning}")
        backup = course.backup_gradebook()
        if backup:
            say(f"gradebook backed up to {backup.relative_to(course.root)}")
        graded = coordinator.grade(gradable, executor) if gradable else {}
    finally:
        executor.close()
    elapsed = time.perf_counter() - started

    results = []
    with course.gradebook_db() as gb:
        max_score = gb.find_assignment(assignment).max_score
        for s in everyone:
            r = graded.get(s) or StudentResult(s, "not graded", "; ".join(
                n.message for n in checks[s].notebooks if n.status != "ok"))
            r.max_score, r.remarks = max_score, checks[s].problems
            if r.status == "not graded":
                gb.update_or_create_student(s)  # so that export lists the student
            if r.status == "graded":
                sub = gb.find_submission(assignment, s)
                r.score, r.needs_manual_grade = sub.score, sub.needs_manual_grade
            results.append(r)
    write_report(course, assignment, results, elapsed, len(gradable), executor.where, only_these=bool(students))
    return (1 if any(r.status == "failed" for r in results) else 0), results
