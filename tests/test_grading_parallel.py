"""Parallel grading gives exactly the grades and gradebook rows of serial grading.

One simulated class of problem set 2 (right, wrong, slow, an endless loop,
edited and deleted tests, an attack on the course, a kernel that dies, a
broken file) is handed in once and copied into two scratch courses. One is
graded serially (``--workers 1``), the other with three worker processes
(more workers than the two cores, so that gradebook writes really overlap).
Every score of every cell of every student must agree, and so must the
number of rows in every gradebook table; re-grading in parallel must change
neither. A second test checks the gradebook lock itself: processes that
write at the same time never have a gradebook open at the same moment, and
no row is lost or doubled.
"""

import multiprocessing
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from socialbrain.grading import simulated, workflow
from socialbrain.grading.cli import main
from socialbrain.grading.course import Course

A, NB = "ps2_measurement", "measurement"
KINDS = {  # student -> (kind of answers, edit of the notebook)
    "right": ("right", None),
    "right2": ("right", None),
    "reversed": ("reversed", None),
    "offbyone": ("off_by_one", None),
    "novalidation": ("no_validation", None),
    "slow": ("slow", None),
    "loop": ("endless_loop", None),
    "malicious": ("malicious", None),
    "exits": ("exits_kernel", None),
    "edittest": simulated.PS2_STUDENTS["edittest"],
    "deltest": simulated.PS2_STUDENTS["deltest"],
}


def gradebook_rows(course: Path) -> dict[str, int]:
    """Number of rows in every table of the course's gradebook."""
    con = sqlite3.connect(course / "gradebook.db")
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def all_scores(course: Path) -> dict:
    """{student: {cell: (auto_score, manual_score, needs_manual_grade)}} plus each submission's total."""
    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="social-brain") as gb:
        for student in gb.students:
            try:
                sub = gb.find_submission_notebook(NB, A, student.id)
            except Exception:  # noqa: BLE001 - no submission row
                out[student.id] = None
                continue
            cells = {g.name: (g.auto_score, g.manual_score, g.needs_manual_grade) for g in sub.grades}
            cells["(comments)"] = tuple(sorted((c.name, c.auto_comment or "") for c in sub.comments))
            cells["(total)"] = gb.find_submission(A, student.id).score
            out[student.id] = cells
    return out


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    old = os.environ.get("SOCIALBRAIN_CELL_TIMEOUT")
    os.environ["SOCIALBRAIN_CELL_TIMEOUT"] = "5"  # the endless loop costs this, twice
    base = simulated.new_course(tmp_path_factory.mktemp("class") / "course")
    assert main(["--course", str(base), "release", A]) == 0
    sol = simulated.solutions(base, A, NB)
    for student, (kind, edit) in KINDS.items():
        nb = simulated.submission(base, A, NB, simulated.ps2_answers(sol, kind), edit)
        simulated.hand_in(base, student, A, f"{NB}.ipynb", nb)
    simulated.hand_in(base, "badjson", A, f"{NB}.ipynb", '{"cells": [ ')
    serial, parallel = base.parent / "serial", base.parent / "parallel"
    shutil.copytree(base, serial)
    shutil.copytree(base, parallel)
    runs = {}
    for name, course, workers in (("serial", serial, 1), ("parallel", parallel, 3)):
        t0 = time.perf_counter()
        code, results = workflow.grade(Course.open(course), A, workers=workers)
        runs[name] = {"course": course, "code": code, "seconds": time.perf_counter() - t0,
                      "results": {r.student: r for r in results},
                      "rows": gradebook_rows(course), "scores": all_scores(course)}
    yield runs
    if old is None:
        os.environ.pop("SOCIALBRAIN_CELL_TIMEOUT", None)
    else:
        os.environ["SOCIALBRAIN_CELL_TIMEOUT"] = old


def test_every_score_of_every_cell_is_the_same(graded):
    serial, parallel = graded["serial"]["scores"], graded["parallel"]["scores"]
    assert set(serial) == set(KINDS) | {"badjson"}
    assert set(parallel) == set(serial)
    for student in sorted(serial):
        assert parallel[student] == serial[student], student
    # the class is really mixed: the comparison is not between two sets of zeros
    totals = {s: c["(total)"] for s, c in serial.items() if c}
    assert totals["right"] == totals["slow"] == totals["malicious"] == 13
    assert totals["reversed"] < 13 and totals["loop"] < 13 and totals["edittest"] < 13


def test_same_outcome_per_student(graded):
    serial, parallel = graded["serial"], graded["parallel"]
    assert parallel["code"] == serial["code"] == 1  # "exits" kills its kernel: reported as failed
    for student, r in serial["results"].items():
        p = parallel["results"][student]
        assert (p.status, p.score, p.max_score, p.remarks) == (r.status, r.score, r.max_score, r.remarks), student
    assert parallel["results"]["exits"].status == "failed"
    assert "Kernel died" in parallel["results"]["exits"].message
    assert parallel["results"]["badjson"].status == "not graded"
    assert not any("locked" in r.message for r in parallel["results"].values())


def test_no_lost_or_doubled_rows(graded):
    serial, parallel = graded["serial"], graded["parallel"]
    assert parallel["rows"] == serial["rows"]
    course = parallel["course"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="social-brain") as gb:
        cells = len(gb.find_notebook(NB, A).grade_cells)
        n_students = len(gb.students)
    assert n_students == len(KINDS) + 1
    graded_students = len(KINDS)  # badjson is never handed to nbgrader
    assert parallel["rows"]["submitted_assignment"] == graded_students
    assert parallel["rows"]["submitted_notebook"] == graded_students
    assert parallel["rows"]["grade"] == graded_students * cells


def test_parallel_regrading_changes_nothing(graded):
    parallel = graded["parallel"]
    course = parallel["course"]
    code, results = workflow.grade(Course.open(course), A, ["right", "loop", "deltest", "exits"], workers=2)
    assert code == 1
    assert gradebook_rows(course) == parallel["rows"]
    assert all_scores(course) == parallel["scores"]
    assert len(list((course / "backups").glob("gradebook-*.db"))) >= 2
    report = (course / "reports" / f"{A}-grading.csv").read_text()
    assert all(s in report for s in ("right", "loop", "deltest", "exits"))


def test_source_and_release_untouched_in_parallel(graded):
    serial, parallel = graded["serial"]["course"], graded["parallel"]["course"]
    for folder in ("source", "release", "submitted"):
        files = sorted(p.relative_to(parallel) for p in (parallel / folder).rglob("*") if p.is_file())
        assert files
        for f in files:
            assert (parallel / f).read_bytes() == (serial / f).read_bytes(), f


def test_workers_option(graded, capsys):
    course = graded["parallel"]["course"]
    with pytest.raises(SystemExit):
        main(["--course", str(course), "grade", A, "--workers", "0"])
    assert "must be 1 or more" in capsys.readouterr().err


# -- the lock itself -------------------------------------------------------------

def _hammer(db_url, lock, worker, n, out):
    """Open the gradebook ``n`` times, adding a student and a submission each time."""
    from socialbrain.grading.course import quiet_warnings
    from socialbrain.grading.parallel import serialise_gradebook

    quiet_warnings()
    if lock is not None:
        serialise_gradebook(lock)
    spans, errors = [], []
    for i in range(n):
        try:
            gb = Gradebook(db_url, course_id="social-brain")
            start = time.monotonic()
            with gb:
                student = f"w{worker}-{i:02d}"
                gb.update_or_create_student(student)
                gb.add_submission(A, student)
                time.sleep(0.005)  # keep the gradebook open a little, as nbgrader does
                end = time.monotonic()
            spans.append((start, end))
        except Exception as err:  # noqa: BLE001 - reported to the test
            errors.append(f"{type(err).__name__}: {err}")
    out.put((worker, spans, errors))


def hammer_gradebook(src: Path, db: Path, serialise: bool = True, n: int = 15, workers: int = 3):
    """Let ``workers`` processes write to a copy of ``src`` at once; return (errors, spans, url)."""
    shutil.copy2(src, db)  # a gradebook that knows the assignment
    url = f"sqlite:///{db}"
    ctx = multiprocessing.get_context("forkserver")  # as the grading workers are started
    lock, out = ctx.Lock() if serialise else None, ctx.Queue()
    procs = [ctx.Process(target=_hammer, args=(url, lock, w, n, out)) for w in range(workers)]
    for p in procs:
        p.start()
    reports = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    errors = [e for _, _, errs in reports for e in errs]
    spans = sorted(s for _, sp, _ in reports for s in sp)
    return errors, spans, url


def test_gradebook_lock_allows_one_writer_at_a_time(graded):
    src = graded["serial"]["course"] / "gradebook.db"
    n, workers = 15, 3
    errors, spans, url = hammer_gradebook(src, src.parent.parent / "lock-test.db", True, n, workers)
    assert not errors, errors[:3]
    assert len(spans) == n * workers
    overlaps = [(a, b) for a, b in zip(spans, spans[1:]) if b[0] < a[1]]
    assert not overlaps, f"{len(overlaps)} times two processes had the gradebook open at once"
    with Gradebook(url, course_id="social-brain") as gb:
        new = [s.id for s in gb.students if s.id.startswith("w")]
        subs = [s for s in gb.find_assignment(A).submissions if s.student.id.startswith("w")]
    assert sorted(new) == sorted({f"w{w}-{i:02d}" for w in range(workers) for i in range(n)})
    assert len(subs) == n * workers


def test_without_the_lock_the_check_above_sees_overlaps(graded):
    """The overlap check can fail: the same processes without the lock do overlap."""
    src = graded["serial"]["course"] / "gradebook.db"
    _, spans, _ = hammer_gradebook(src, src.parent.parent / "nolock-test.db", False, 15, 3)
    assert any(b[0] < a[1] for a, b in zip(spans, spans[1:]))
