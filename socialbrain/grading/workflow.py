"""The instructor's commands besides grading: release, collect, feedback, export.

Grading itself is :mod:`.coordinator`. Each command prints what it does and
a progress bar (tqdm) with counts and time left.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

from . import cells
from .checks import check_submission
from .course import Course, CourseError
from .report import bar, last_error, say


# ---------------------------------------------------------------------------
# release
# ---------------------------------------------------------------------------

def release(course: Course, assignments: list[str]) -> int:
    for a in assignments:
        course.check_assignment(a)
    api = course.api()
    failed = 0
    for a in bar(assignments, "Releasing", "assignments"):
        result = api.generate_assignment(a, force=True)
        if not result.get("success"):
            failed += 1
            say(f"FAILED  {a}: {last_error(result)}")
            continue
        with course.gradebook_db() as gb:
            points = gb.find_assignment(a).max_score
        for nb in sorted((course.dir("release") / a).glob("*.ipynb")):
            say(f"released {nb.relative_to(course.root)}  ({points:g} points in {a})")
    say(f"{len(assignments) - failed} of {len(assignments)} released to {course.dir('release')}/"
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
        say(f"copied {src.name} to {archive.relative_to(course.root)}/; running nbgrader zip_collect (a few seconds) ...")
        proc = subprocess.run(
            [sys.executable, "-m", "nbgrader", "zip_collect", assignment, "--force"],
            cwd=course.root, capture_output=True, text=True,
        )
        log = proc.stdout + proc.stderr
        skipped = [ln for ln in log.splitlines() if "Skipping" in ln or "WARNING" in ln and "SAWarning" not in ln]
        for ln in skipped[:20]:
            say("  " + ln.strip())
        if proc.returncode != 0:
            say(log[-2000:])
            raise CourseError("nbgrader zip_collect failed (see above); check the file-name pattern "
                              "FileNameCollectorPlugin.named_regexp in nbgrader_config.py")
    students = course.students(assignment)
    if not students:
        raise CourseError(f"no submissions for {assignment} in {course.dir('submitted')}/<student>/{assignment}/")
    checks = [check_submission(course, assignment, s) for s in bar(students, "Checking", "submissions")]
    ok = sum(1 for c in checks if c.gradable and not c.problems)
    say(f"{len(checks)} submissions for {assignment}: {ok} fine, {len(checks) - ok} with remarks")
    for c in checks:
        for p in c.problems:
            say(f"  {c.student}: {p}")
    return 0


# ---------------------------------------------------------------------------
# feedback
# ---------------------------------------------------------------------------

def _hidden_test_lines(course: Course, assignment: str) -> set[str]:
    import nbformat

    cfg = course.config().ClearHiddenTests
    begin, end = cfg.get("begin_test_delimeter", cells.BEGIN_HIDDEN), cfg.get("end_test_delimeter", cells.END_HIDDEN)
    lines = set()
    for path in (course.dir("source") / assignment).glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            lines.update(line for line in cells.hidden_test_lines(cell, begin, end) if len(line) > 10)
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
            say(f"{a}: nothing graded yet (run the grade command first)")
            continue
        for s in bar(graded, f"Feedback {a}", "students"):
            result = api.generate_feedback(a, s, force=True)
            if not result.get("success"):
                failed += 1
                say(f"  {s}: feedback failed: {last_error(result)}")
        files = sorted(course.dir("feedback").glob(f"*/{a}/*.html"))
        leaks = leaked_hidden_tests(course, a, files)
        for f, lines in leaks.items():
            say(f"  WARNING {f} shows hidden-test source: {lines[0]!r}")
            Path(f).unlink()
        say(f"{a}: {len(files) - len(leaks)} feedback files in {course.dir('feedback').relative_to(course.root)}/<student>/{a}/"
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
    with course.gradebook_db() as gb:
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
    say(f"wrote {len(rows)} students x {len(assignments)} assignments to {out_path}")
    return 0
