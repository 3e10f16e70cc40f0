"""A course on a JupyterHub: nbgrader's exchange from release to fetched feedback, graded by the course.

A temporary exchange root, two simulated students who fetch and submit with
nbgrader's own commands, the instructor collects with ``nbgrader collect``,
grades and writes feedback with the course's commands and releases it; the
students fetch it. A third student's hand-in comes from a Canvas zip: release_feedback
must work for that student as well.
"""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from socialbrain.grading import simulated
from socialbrain.grading.cli import main
from socialbrain.grading.course import Course

A, NB = "ps2_measurement", "measurement"
COURSE_ID = Course.open(simulated.REPO).config().CourseDirectory.course_id


def nbgrader(cwd, *args, exchange, home=None):
    """Run nbgrader; a student runs it in their own home (nbgrader keeps its cache of submissions there)."""
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    if home:
        env["HOME"] = str(home)
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--Exchange.root={exchange}"],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, (args, proc.stderr[-3000:])
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    root = tmp_path_factory.mktemp("hub")
    exchange, course = root / "exchange", simulated.new_course(root / "course")
    exchange.mkdir()
    assert main(["--course", str(course), "release", A]) == 0
    log = {"release": nbgrader(course, "release_assignment", A, exchange=exchange)}
    sol = simulated.solutions(course, A, NB)
    for student, kind in (("anna", "right"), ("bram", "reversed")):
        home = root / "home" / student
        home.mkdir(parents=True)
        log[f"fetch {student}"] = nbgrader(home, "fetch_assignment", A, f"--course={COURSE_ID}", exchange=exchange,
                                            home=home)
        path = home / A / f"{NB}.ipynb"
        nb = nbformat.read(path, as_version=4)
        answers = simulated.ps2_answers(sol, kind)
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            if gid in answers:
                cell.source = answers[gid]
        nbformat.write(nb, path)
        log[f"submit {student}"] = nbgrader(home, "submit", A, f"--course={COURSE_ID}", f"--student={student}",
                                            exchange=exchange, home=home)
    log["collect"] = nbgrader(course, "collect", A, exchange=exchange)
    zpath = root / "canvas.zip"
    with zipfile.ZipFile(zpath, "w") as z:
        z.writestr(f"devriescees_34567_1_{NB}.ipynb", nbformat.writes(simulated.submission(course, A, NB, sol)))
    assert main(["--course", str(course), "collect", "--zip", str(zpath), A]) == 0
    assert main(["--course", str(course), "grade", A]) == 0
    assert main(["--course", str(course), "feedback", A]) == 0
    log["release_feedback"] = nbgrader(course, "release_feedback", A, exchange=exchange)
    for student in ("anna", "bram"):
        home = root / "home" / student
        log[f"fetch_feedback {student}"] = nbgrader(home, "fetch_feedback", A, f"--course={COURSE_ID}",
                                                    f"--student={student}", exchange=exchange, home=home)
    return root, course, log


def test_students_fetch_and_submit_through_the_exchange(round_trip):
    root, course, log = round_trip
    assert (root / "exchange" / COURSE_ID / "outbound" / A / f"{NB}.ipynb").is_file()
    for student in ("anna", "bram", "34567"):
        assert (course / "submitted" / student / A / f"{NB}.ipynb").is_file(), student
        assert (course / "submitted" / student / A / "timestamp.txt").is_file(), student


def test_the_course_grades_what_the_exchange_collected(round_trip):
    _, course, _ = round_trip
    report = (course / "reports" / f"{A}-grading.csv").read_text().splitlines()
    scores = {line.split(",")[0]: line.split(",")[2] for line in report[1:]}
    assert scores == {"anna": "13", "bram": "9", "34567": "13"}


def test_feedback_is_released_for_everyone_and_fetched_by_the_students(round_trip):
    root, _, log = round_trip
    released = log["release_feedback"]
    for student in ("anna", "bram", "34567"):
        assert f"Releasing feedback for student '{student}'" in released
    for student, score in (("anna", "13"), ("bram", "9")):
        fetched = list((root / "home" / student / A / "feedback").glob(f"*/{NB}.html"))
        assert len(fetched) == 1, log[f"fetch_feedback {student}"]
        assert f"Score: {score}" in fetched[0].read_text() or f"{score} / 13" in fetched[0].read_text()
