"""The instructor's commands: release, collect, grade, feedback, export.

Each command prints what it does and a progress bar (tqdm) with counts and
time left.

Grading runs in parallel (:mod:`.parallel`): a few worker processes
(default: one per core) each load nbgrader once and then grade one student
after another, taking the next student from a shared queue, so a slow
submission does not hold up a whole batch. :func:`grade_batch` is the unit
of work: it grades a list of students in the calling process, with one
nbgrader API per process. Writes to the gradebook are serialised across the
workers (see :func:`.parallel.serialise_gradebook`), so parallel grading
gives exactly the rows and scores that serial grading gives.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .checks import check_submission
from .course import Course, CourseError
from .sandbox import check_sandbox


def _say(msg: str = "") -> None:
    tqdm.write(msg)


def _bar(items, desc: str, unit: str, total: int | None = None):
    return tqdm(items, desc=desc, unit=unit, total=total, file=sys.stderr, dynamic_ncols=True,
                bar_format="{desc}: {n_fmt}/{total_fmt} {unit} |{bar}| {elapsed} elapsed, {remaining} left")


def _last_error(result: dict) -> str:
    """The most telling line of a failed nbgrader run (the root exception if there is one)."""
    import re

    text = (result.get("error") or "") + "\n" + (result.get("log") or "")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    generic = ("NbGraderException", "Please see the", "There was an error processing")
    causes = [ln for ln in lines if re.match(r"^[\w.]+(Error|Exception|Interrupt)\b.*", ln) and not any(g in ln for g in generic)]
    if causes:
        cause = re.sub(r"^[\w.]*\.(?=\w+(Error|Exception|Interrupt))", "", causes[-1])
        hint = " (the student's code ended the Python kernel, e.g. with exit())" if "DeadKernelError" in cause else ""
        return cause[:300] + hint
    errors = [ln for ln in lines if "ERROR" in ln and not any(g in ln for g in generic)]
    return (errors[-1] if errors else (lines[-1] if lines else "unknown error"))[:300]


# ---------------------------------------------------------------------------
# release
# ---------------------------------------------------------------------------

def release(course: Course, assignments: list[str]) -> int:
    for a in assignments:
        course.check_assignment(a)
    api = course.api()
    failed = 0
    for a in _bar(assignments, "Releasing", "assignments"):
        result = api.generate_assignment(a, force=True)
        if not result.get("success"):
            failed += 1
            _say(f"FAILED  {a}: {_last_error(result)}")
            continue
        with _gradebook(course) as gb:
            points = gb.find_assignment(a).max_score
        for nb in sorted((course.dir("release") / a).glob("*.ipynb")):
            _say(f"released {nb.relative_to(course.root)}  ({points:g} points in {a})")
    _say(f"{len(assignments) - failed} of {len(assignments)} released to {course.dir('release')}/"
         " - give students these files (or publish the release/ folder).")
    return 1 if failed else 0


# ---------------------------------------------------------------------------
# collect
# ---------------------------------------------------------------------------

def collect(course: Course, assignment: str, zip_file: str | None = None) -> int:
    course.check_assignment(assignment, released=True)
    if zip_file:
        src = Path(zip_file)
        if not src.is_file():
            raise CourseError(f"no such zip file: {src}")
        archive = course.dir("downloaded") / assignment / "archive"
        archive.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, archive / src.name)
        _say(f"copied {src.name} to {archive.relative_to(course.root)}/; running nbgrader zip_collect (a few seconds) ...")
        proc = subprocess.run(
            [sys.executable, "-m", "nbgrader", "zip_collect", assignment, "--force"],
            cwd=course.root, capture_output=True, text=True,
        )
        log = proc.stdout + proc.stderr
        skipped = [ln for ln in log.splitlines() if "Skipping" in ln or "WARNING" in ln and "SAWarning" not in ln]
        for ln in skipped[:20]:
            _say("  " + ln.strip())
        if proc.returncode != 0:
            _say(log[-2000:])
            raise CourseError("nbgrader zip_collect failed (see above); check the file-name pattern "
                              "FileNameCollectorPlugin.named_regexp in nbgrader_config.py")
    students = course.students(assignment)
    if not students:
        raise CourseError(f"no submissions for {assignment} in {course.dir('submitted')}/<student>/{assignment}/")
    checks = [check_submission(course, assignment, s) for s in _bar(students, "Checking", "submissions")]
    ok = sum(1 for c in checks if c.gradable and not c.problems)
    _say(f"{len(checks)} submissions for {assignment}: {ok} fine, {len(checks) - ok} with remarks")
    for c in checks:
        for p in c.problems:
            _say(f"  {c.student}: {p}")
    return 0


# ---------------------------------------------------------------------------
# grade
# ---------------------------------------------------------------------------

@dataclass
class StudentResult:
    student: str
    status: str            # graded | failed | not graded
    message: str = ""
    score: float = 0.0
    max_score: float = 0.0
    needs_manual_grade: bool = False
    remarks: list[str] = field(default_factory=list)
    seconds: float = 0.0


#: One nbgrader API per worker process, made by :func:`use_cached_api`.
_API_CACHE: dict[str, object] = {}


def use_cached_api(course_root: str) -> None:
    """Make :func:`grade_batch` in this process reuse one nbgrader API for ``course_root``.

    Called once in each worker process: loading nbgrader and the course
    configuration costs about a second, so a worker pays it once, not per student.
    """
    _API_CACHE.clear()
    _API_CACHE[str(Path(course_root).resolve())] = Course.open(course_root).api()


def grade_batch(course_root: str, assignment: str, students: list[str], progress: bool = True) -> list[dict]:
    """Autograde ``students`` one after another in this process; return one dict per student.

    Takes and returns plain data so that it can run in a worker process.
    """
    api = _API_CACHE.get(str(Path(course_root).resolve())) or Course.open(course_root).api()
    results = []
    items = _bar(students, f"Grading {assignment}", "students") if progress else students
    for student in items:
        t0 = time.perf_counter()
        result = api.autograde(assignment, student, force=True, create=True)
        results.append({
            "student": student,
            "success": bool(result.get("success")),
            "error": "" if result.get("success") else _last_error(result),
            "seconds": time.perf_counter() - t0,
        })
        if progress and not result.get("success"):
            tqdm.write(f"  {student}: autograde failed: {results[-1]['error']}")
    return results


def _gradebook(course: Course):
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{course.gradebook}", course_id="social-brain")


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def grade(course: Course, assignment: str, students: list[str] | None = None,
          workers: int | None = None) -> tuple[int, list[StudentResult]]:
    """Back up, check, autograde (in ``workers`` processes; default: one per core) and report."""
    if workers is not None and workers < 1:
        raise CourseError(f"--workers must be 1 or more (got {workers})")
    course.check_assignment(assignment, released=True)
    check_sandbox()
    all_students = course.students(assignment)
    if students:
        unknown = sorted(set(students) - set(all_students))
        if unknown:
            raise CourseError(f"no submission of {assignment} for: {', '.join(unknown)}")
        all_students = [s for s in all_students if s in students]
    if not all_students:
        raise CourseError(f"no submissions for {assignment} in {course.dir('submitted')}/<student>/{assignment}/ "
                          "(run the collect command first)")
    t0 = time.perf_counter()
    n_workers = min(workers or default_workers(), len(all_students))
    pool = None
    if n_workers > 1:
        # start the workers now: they load nbgrader while this process checks the submissions
        from .parallel import WorkerPool

        pool = WorkerPool(str(course.root), n_workers)
    try:
        backup = course.backup_gradebook()
        if backup:
            _say(f"gradebook backed up to {backup.relative_to(course.root)}")

        checks = {s: check_submission(course, assignment, s) for s in all_students}
        gradable = [s for s in all_students if checks[s].gradable]
        if not gradable:
            batch = []
        elif pool is None:
            batch = grade_batch(str(course.root), assignment, gradable)
        else:
            _say(f"grading {len(gradable)} submissions in {n_workers} worker processes")
            batch = pool.grade(assignment, gradable)
    except BaseException:
        if pool is not None:
            pool.stop()
        raise
    if pool is not None:
        pool.close()
    elapsed = time.perf_counter() - t0
    by_student = {r["student"]: r for r in batch}

    results = []
    with _gradebook(course) as gb:
        max_score = gb.find_assignment(assignment).max_score
        for s in all_students:
            check = checks[s]
            r = StudentResult(s, "graded", max_score=max_score, remarks=check.problems)
            if s not in by_student:
                gb.update_or_create_student(s)  # so that export lists the student with 0
                r.status, r.message = "not graded", "; ".join(n.message for n in check.notebooks if n.status != "ok")
            elif not by_student[s]["success"]:
                r.status, r.message = "failed", by_student[s]["error"]
            if s in by_student:
                r.seconds = by_student[s]["seconds"]
            try:
                sub = gb.find_submission(assignment, s)
                if r.status == "graded":
                    r.score, r.needs_manual_grade = sub.score, sub.needs_manual_grade
            except Exception:  # noqa: BLE001 - no submission row: score stays 0
                pass
            results.append(r)

    _report(course, assignment, results, elapsed, len(gradable), n_workers)
    return (1 if any(r.status == "failed" for r in results) else 0), results


def _report(course: Course, assignment: str, results: list[StudentResult], elapsed: float, n_graded: int,
            n_workers: int = 1) -> None:
    reports = course.dir("reports")
    reports.mkdir(exist_ok=True)
    path = reports / f"{assignment}-grading.csv"
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["student_id", "status", "score", "max_score", "needs_manual_grade", "remarks", "message",
                    "seconds"])
        for r in results:
            w.writerow([r.student, r.status, f"{r.score:g}", f"{r.max_score:g}", r.needs_manual_grade,
                        " | ".join(r.remarks), r.message, f"{r.seconds:.1f}"])
    _say("")
    _say(f"{'student':<16} {'status':<11} {'score':>11}  remarks")
    for r in results:
        score = f"{r.score:g}/{r.max_score:g}"
        manual = " (+ manual grading)" if r.needs_manual_grade else ""
        _say(f"{r.student:<16} {r.status:<11} {score:>11}  {r.message}{manual}")
        for remark in r.remarks:
            if remark != r.message:
                _say(f"{'':<16} {'':<11} {'':>11}  - {remark}")
    tampered = [r.student for r in results if any("protected cells" in x for x in r.remarks)]
    _say("")
    per = f", {elapsed / n_graded:.1f} s per submission" if n_graded else ""
    how = f" with {n_workers} workers" if n_workers > 1 else ""
    _say(f"graded {n_graded} of {len(results)} submissions in {elapsed:.0f} s{how}{per}")
    _say(f"changed or deleted test cells (judged against release/): {', '.join(tampered) or 'nobody'}")
    _say(f"report written to {path.relative_to(course.root)}")


# ---------------------------------------------------------------------------
# feedback
# ---------------------------------------------------------------------------

def _hidden_test_lines(course: Course, assignment: str) -> set[str]:
    import nbformat

    lines = set()
    for path in (course.dir("source") / assignment).glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            inside = False
            for line in cell.source.splitlines():
                if "### BEGIN HIDDEN TESTS" in line:
                    inside = True
                elif "### END HIDDEN TESTS" in line:
                    inside = False
                elif inside and len(line.strip()) > 10:
                    lines.add(line.strip())
    return lines


def leaked_hidden_tests(course: Course, assignment: str, html_files) -> dict[str, list[str]]:
    """Return ``{file: [hidden lines found]}`` for feedback files that show hidden-test source."""
    import html as html_lib

    hidden = _hidden_test_lines(course, assignment)
    leaks = {}
    for f in html_files:
        text = html_lib.unescape(Path(f).read_text(encoding="utf-8", errors="replace"))
        found = [h for h in hidden if h in text]
        if found:
            leaks[str(f)] = found
    return leaks


def feedback(course: Course, assignments: list[str]) -> int:
    api = course.api()
    failed = 0
    for a in assignments:
        course.check_assignment(a, released=True)
        graded = sorted(p.parent.name for p in course.dir("autograded").glob(f"*/{a}")) if course.dir("autograded").is_dir() else []
        if not graded:
            _say(f"{a}: nothing graded yet (run the grade command first)")
            continue
        for s in _bar(graded, f"Feedback {a}", "students"):
            result = api.generate_feedback(a, s, force=True)
            if not result.get("success"):
                failed += 1
                _say(f"  {s}: feedback failed: {_last_error(result)}")
        files = sorted(course.dir("feedback").glob(f"*/{a}/*.html"))
        leaks = leaked_hidden_tests(course, a, files)
        for f, lines in leaks.items():
            _say(f"  WARNING {f} shows hidden-test source: {lines[0]!r}")
            Path(f).unlink()
        _say(f"{a}: {len(files) - len(leaks)} feedback files in {course.dir('feedback').relative_to(course.root)}/<student>/{a}/"
             f"; hidden tests checked: {'none shown' if not leaks else f'{len(leaks)} files REMOVED'}")
        failed += len(leaks)
    return 1 if failed else 0


# ---------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------

def export(course: Course, out: str) -> int:
    if not course.gradebook.exists():
        raise CourseError(f"no gradebook at {course.gradebook}: grade something first")
    rows, assignments = [], []
    with _gradebook(course) as gb:
        assignments = [a.name for a in sorted(gb.assignments, key=lambda a: a.name)]
        maxima = {a: gb.find_assignment(a).max_score for a in assignments}
        for student in sorted(gb.students, key=lambda s: s.id):
            row = {"student_id": student.id, "last_name": student.last_name or "",
                   "first_name": student.first_name or "", "email": student.email or ""}
            total = 0.0
            for a in assignments:
                try:
                    score = gb.find_submission(a, student.id).score
                except Exception:  # noqa: BLE001 - not handed in
                    score = 0.0
                row[a] = f"{score:g}"
                row[f"{a} max"] = f"{maxima[a]:g}"
                total += score
            row["total"] = f"{total:g}"
            row["total max"] = f"{sum(maxima.values()):g}"
            rows.append(row)
    out_path = Path(out)
    if not out_path.is_absolute():
        out_path = course.root / out_path
    columns = ["student_id", "last_name", "first_name", "email"]
    for a in assignments:
        columns += [a, f"{a} max"]
    columns += ["total", "total max"]
    with out_path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)
    _say(f"wrote {len(rows)} students x {len(assignments)} assignments to {out_path}")
    return 0
