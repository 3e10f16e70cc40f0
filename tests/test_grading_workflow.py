"""Grading a simulated class of problem set 2 with the course's command.

One scratch course (never the real gradebook), one grading run for the whole
class, then re-grading, plain ``nbgrader autograde``, feedback, export and a
Canvas zip. Each bad submission from issue 5 must get its own clear outcome.
"""

import csv
import hashlib
import html as html_lib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from socialbrain.grading import coordinator, simulated, workflow
from socialbrain.grading.cli import main
from socialbrain.grading.course import Course

A, NB = "ps2_measurement", "measurement"
MAX = 13

# test cells that must score zero for each simulated student
EXPECTED_FAILS = {
    "right": set(),
    "reversed": {"test_djg_score", "test_djg_score_items"},
    "offbyone": {"test_djg_level", "test_lsns6_isolated", "test_quadrant"},
    "novalidation": {"test_djg_score_items", "test_djg_subscales", "test_lsns6_score"},
    "loop": {"test_djg_level"},
    "importerror": {"test_djg_score", "test_djg_score_items", "test_djg_subscales"},
    "hugeoutput": set(),
    "malicious": set(),
    "edittest": {"test_quadrant"},
    "deltest": {"test_lsns6_isolated"},
}
NOT_GRADED = {"badjson", "missing", "misnamed"}


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


COURSE_ID = Course.open(simulated.REPO).config().CourseDirectory.course_id


def cell_scores(course: Path, student: str) -> dict:
    """Scores per test cell, read without the course's config (some tests break it on purpose)."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        sub = gb.find_submission_notebook(NB, A, student)
        return {g.name: g.score for g in sub.grades if g.cell_type == "code"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    old_timeout = os.environ.get("SOCIALBRAIN_CELL_TIMEOUT")
    os.environ["SOCIALBRAIN_CELL_TIMEOUT"] = "8"  # the endless loop costs this, not the default 60 s
    course = simulated.new_course(tmp_path_factory.mktemp("course"))
    assert main(["--course", str(course), "release", A]) == 0
    sol = simulated.solutions(course, A, NB)
    for student, (kind, edit) in simulated.PS2_STUDENTS.items():
        nb = simulated.submission(course, A, NB, simulated.ps2_answers(sol, kind), edit)
        simulated.hand_in(course, student, A, f"{NB}.ipynb", nb)
    exits = simulated.submission(course, A, NB, simulated.ps2_answers(sol, "exits_kernel"))
    simulated.hand_in(course, "exits", A, f"{NB}.ipynb", exits)
    simulated.hand_in(course, "badjson", A, f"{NB}.ipynb", '{"cells": [ {"cell_type": "code", ')
    simulated.hand_in(course, "missing", A, "notes.txt", "I forgot the notebook")
    right = simulated.submission(course, A, NB, sol)
    simulated.hand_in(course, "misnamed", A, "Measurement (1).ipynb", right)
    before = {"source": _digest(course / "source"), "release": _digest(course / "release")}
    code, results = coordinator.grade(Course.open(course), A)
    yield course, code, {r.student: r for r in results}, before
    if old_timeout is None:
        os.environ.pop("SOCIALBRAIN_CELL_TIMEOUT", None)
    else:
        os.environ["SOCIALBRAIN_CELL_TIMEOUT"] = old_timeout


def test_every_student_gets_a_result(graded):
    course, code, results, _ = graded
    assert code == 0
    assert set(results) == set(simulated.PS2_STUDENTS) | NOT_GRADED | {"exits"}
    # a submission that ends its kernel keeps the tests that ran before; the rest score 0
    assert results["exits"].status == "graded" and results["exits"].score == 6
    assert any("kernel stopped" in x for x in results["exits"].integrity)
    for student in simulated.PS2_STUDENTS:
        assert results[student].status == "graded", (student, results[student].message)
    report = (course / "reports" / f"{A}-grading.csv").read_text()
    for student in results:
        assert student in report


@pytest.mark.parametrize("student", sorted(EXPECTED_FAILS))
def test_scores_per_test_cell(graded, student):
    course, _, results, _ = graded
    scores = cell_scores(course, student)
    failed = {name for name, score in scores.items() if score == 0}
    assert failed == EXPECTED_FAILS[student]
    assert results[student].max_score == MAX
    with Course.open(course).gradebook_db() as gb:
        points = {c.name: c.max_score for c in gb.find_notebook(NB, A).grade_cells}
    assert results[student].score == MAX - sum(points[c] for c in EXPECTED_FAILS[student])


def test_unreadable_submissions_are_reported_not_graded(graded):
    _, _, results, _ = graded
    assert results["badjson"].status == "not graded" and "not valid JSON" in results["badjson"].message
    assert results["missing"].status == "not graded" and "was not handed in" in results["missing"].message
    assert "misnamed" in results["misnamed"].message and "Measurement (1).ipynb" in results["misnamed"].message
    for s in NOT_GRADED:
        assert results[s].score == 0


def test_tamper_report_names_only_the_tamperers(graded):
    _, _, results, _ = graded
    tampered = {s for s, r in results.items() if any("protected cells" in x for x in r.remarks)}
    assert tampered == {"edittest", "deltest"}
    assert any("test_quadrant" in x for x in results["edittest"].remarks)
    assert any("deleted" in x and "test_lsns6_isolated" in x for x in results["deltest"].remarks)


def test_sandbox_kept_gradebook_source_and_other_students_safe(graded):
    course, _, results, before = graded
    assert (course / "gradebook.db").exists()
    assert _digest(course / "source") == before["source"]
    assert _digest(course / "release") == before["release"]
    right = nbformat.read(course / "submitted" / "right" / A / f"{NB}.ipynb", as_version=4)
    assert right.cells, "another student's submission was overwritten"
    out = nbformat.read(course / "autograded" / "malicious" / A / f"{NB}.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in out.cells if c.cell_type == "code" for o in c.outputs)
    # three folders up is the sandbox's own root: no gradebook, no source/, nobody else's work
    assert "course root visible: [" in text, text
    assert "gradebook" not in text and "'source'" not in text and "could not" not in text
    assert list((course / "backups").glob("gradebook-*.db")), "gradebook was not backed up"


def test_huge_output_is_truncated(graded):
    course, *_ = graded
    path = course / "autograded" / "hugeoutput" / A / f"{NB}.ipynb"
    assert path.stat().st_size < 500_000
    assert "Output truncated" in path.read_text()


def test_regrading_gives_the_same_grades(graded):
    course, _, results, _ = graded
    again = ["loop", "malicious", "deltest"]
    before = {s: cell_scores(course, s) for s in again}
    code, second = coordinator.grade(Course.open(course), A, again)
    assert code == 0
    for r in second:
        assert cell_scores(course, r.student) == before[r.student]
        assert r.score == results[r.student].score
    assert len(list((course / "backups").glob("gradebook-*.db"))) >= 2


def test_regrading_some_students_updates_only_their_rows_of_the_report(graded):
    course, _, results, _ = graded
    report = course / "reports" / f"{A}-grading.csv"
    before = {row["student_id"]: row for row in csv.DictReader(report.open())}
    assert set(before) == set(results)
    code, _ = coordinator.grade(Course.open(course), A, ["right"], workers=1)
    assert code == 0
    after = {row["student_id"]: row for row in csv.DictReader(report.open())}
    assert set(after) == set(results)
    assert {s: r for s, r in after.items() if s != "right"} == {s: r for s, r in before.items() if s != "right"}
    assert after["right"]["score"] == "13"


def test_plain_nbgrader_autograde_is_sandboxed_too(graded):
    course, *_ = graded
    src = _digest(course / "source")
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", A, "--student", "malicious", "--force"],
                          cwd=course, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (course / "gradebook.db").exists()
    assert _digest(course / "source") == src
    assert cell_scores(course, "malicious") == {k: v for k, v in cell_scores(course, "right").items()}


def test_feedback_shows_messages_but_no_hidden_tests(graded):
    course, *_ = graded
    assert main(["--course", str(course), "feedback", A]) == 0
    files = sorted((course / "feedback").glob(f"*/{A}/{NB}.html"))
    assert {f.parts[-3] for f in files} >= set(EXPECTED_FAILS)
    hidden = workflow._hidden_test_lines(Course.open(course), A)
    assert len(hidden) > 20
    for f in files:
        html = f.read_text()
        leaked = [h for h in hidden if h in html_lib.unescape(html)]
        assert not leaked, (f, leaked[:3])
        assert "BEGIN HIDDEN TESTS" not in html
    reversed_html = html_lib.unescape((course / "feedback" / "reversed" / A / f"{NB}.html").read_text())
    assert "all 'no': the 5 positively worded items score 1" in reversed_html  # a visible test's message
    assert "an answer pattern with no lonely answers should score 0" in reversed_html  # a hidden test's message
    offbyone_html = html_lib.unescape((course / "feedback" / "offbyone" / A / f"{NB}.html").read_text())
    assert "12 is not below 12" in offbyone_html


def test_a_timed_out_answer_says_where_it_ran_out_of_time(graded):
    course, *_ = graded
    html = html_lib.unescape((course / "feedback" / "loop" / A / f"{NB}.html").read_text())
    assert "test_djg_level ran out of time (limit 8 s per cell)" in html
    assert "no message" not in html


def test_feedback_and_formgrader_load_nothing_from_other_hosts(graded):
    """No MathJax (or anything else) from a CDN: the pages work offline and make no third-party request."""
    import re

    from nbconvert import HTMLExporter

    course, *_ = graded
    files = sorted((course / "feedback").glob(f"*/{A}/{NB}.html"))
    assert files
    for f in files:
        assert not re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", f.read_text()), f
    cfg = Course.open(course).config()
    for template in ("feedback", "formgrade"):  # formgrader renders each hand-in with its "formgrade" template
        exporter = HTMLExporter(config=cfg, template_name=template)
        mathjax = exporter.environment.get_template("mathjax.html.j2")
        assert Path(mathjax.filename).is_relative_to(Path(workflow.__file__).parent / "templates"), template
        assert "cdnjs" not in mathjax.render()


def test_export_leaves_blanks_not_zeros(graded):
    course, _, results, _ = graded
    out = course / "grades.csv"
    assert main(["--course", str(course), "export", "--out", str(out)]) == 0  # Canvas, set in nbgrader_config.py
    table = list(csv.reader(out.open()))
    assert table[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", A]
    scores = {r[3]: r[5] for r in table[1:]}  # these simulated ids are not Canvas ids: they go in SIS Login ID
    assert set(scores) == set(results)
    for s, r in results.items():
        assert scores[s] == ("" if r.status == "not graded" else f"{r.score:g}"), s


def test_collect_canvas_zip(graded, tmp_path):
    course, *_ = graded
    nb = (course / "submitted" / "right" / A / f"{NB}.ipynb").read_bytes()
    zpath = tmp_path / "submissions.zip"
    with zipfile.ZipFile(zpath, "w") as z:
        z.writestr(f"jansenanna_12345_67890_{NB}.ipynb", nb)
        z.writestr(f"devriesbram_LATE_23456_78901_{NB}-1.ipynb", nb)
    assert main(["--course", str(course), "collect", "--zip", str(zpath), A]) == 0
    for student in ("12345", "23456"):  # Canvas's user ids
        assert (course / "submitted" / student / A / f"{NB}.ipynb").read_bytes() == nb


def test_cli_errors_are_clear(graded, capsys):
    course, *_ = graded
    assert main(["--course", str(course), "grade", "ps9_nothing"]) == 1
    assert "no assignment 'ps9_nothing'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["--course", str(course), "grade", A, "--wrong-flag"])
    assert exc.value.code == 2
    assert "unrecognized arguments: --wrong-flag" in capsys.readouterr().err
    assert main(["--course", str(course), "grade", A, "--student", "nobody"]) == 1
    assert "no submission of ps2_measurement for: nobody" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--course", str(course), "grade", A, "--workers", "0"])
    assert "must be 1 or more" in capsys.readouterr().err
    assert main(["--course", str(course), "grade", A, "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"]) == 1
    assert "not both" in capsys.readouterr().err
    assert main(["--course", str(course), "grade", A, "--scheduler", "tcp://127.0.0.1:9"]) == 1
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


def _gradebook_bytes(course):
    return (course / "gradebook.db").read_bytes()


def test_a_broken_config_grades_nothing(graded, tmp_path, capsys):
    course, *_ = graded
    broken = tmp_path / "broken"
    shutil.copytree(course, broken)
    config = broken / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.Execute.timeout = = 5\n")
    before = _gradebook_bytes(broken)
    assert main(["--course", str(broken), "grade", A, "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "nbgrader_config.py cannot be loaded (SyntaxError" in err and "nothing was done" in err
    assert _gradebook_bytes(broken) == before


def test_a_config_without_the_sandbox_grades_nothing(graded, tmp_path, capsys):
    course, *_ = graded
    unsafe = tmp_path / "unsafe"
    shutil.copytree(course, unsafe)
    config = unsafe / "nbgrader_config.py"
    config.write_text(config.read_text().replace("    SandboxedExecute,", "    Execute,").replace(
        "from nbgrader.preprocessors import (", "from nbgrader.preprocessors import (\n    Execute,"))
    before = _gradebook_bytes(unsafe)
    assert main(["--course", str(unsafe), "grade", A, "--workers", "1"]) == 1
    assert "must run student code through exactly one SandboxedExecute" in capsys.readouterr().err
    assert _gradebook_bytes(unsafe) == before


def test_no_sandbox_no_grading(graded, tmp_path, capsys, monkeypatch):
    """Without bubblewrap nothing is graded, and the message says how to install it."""
    import socialbrain.grading.sandbox as sandbox

    course, *_ = graded
    before = _gradebook_bytes(course)
    real_which = shutil.which
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None if name == "bwrap" else real_which(name))
    assert main(["--course", str(course), "grade", A, "--workers", "1"]) == 1
    assert "bubblewrap (bwrap) is not installed" in capsys.readouterr().err
    assert _gradebook_bytes(course) == before


def _broken_copy(course, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(course, broken)
    config = broken / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.Execute.timeout = = 5\n")
    return broken


def test_the_fail_safe_defaults_are_installed(tmp_path, monkeypatch):
    """nbgrader reads these before the course's file: without them a broken file grades unsandboxed."""
    from nbgrader.apps import NbGrader

    monkeypatch.chdir(tmp_path)  # no course here: only the environment's own defaults
    app = NbGrader()
    app.load_config_file()
    assert app.config.Autograde.autograde_preprocessors == ["socialbrain.grading.failsafe.RefuseToGrade"]


def test_plain_nbgrader_autograde_refuses_a_broken_config(graded, tmp_path):
    course, *_ = graded
    broken = _broken_copy(course, tmp_path)
    before = cell_scores(broken, "right")
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", A, "--student", "right", "--force"],
                          cwd=broken, capture_output=True, text=True, env=env)
    assert proc.returncode != 0
    assert "refusing to grade outside the sandbox" in proc.stderr
    assert "nbgrader_config.py cannot be loaded (SyntaxError" in proc.stderr
    assert "Executing notebook" not in proc.stderr
    assert cell_scores(broken, "right") == before


def test_plain_nbgrader_autograde_refuses_without_a_sandbox(graded, tmp_path):
    """No bubblewrap on the PATH: plain nbgrader names the cause and grades nothing."""
    course, *_ = graded
    copy = tmp_path / "copy"
    shutil.copytree(course, copy)
    before = cell_scores(copy, "right")
    env = dict(os.environ, PATH=str(Path(sys.executable).parent))  # Python's tools, but no /usr/bin/bwrap
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", A, "--student", "right", "--force"],
                          cwd=copy, capture_output=True, text=True, env=env)
    assert proc.returncode != 0
    assert "bubblewrap (bwrap) is not installed" in proc.stderr
    assert cell_scores(copy, "right") == before


def test_formgraders_autograde_refuses_a_broken_config(graded, tmp_path, monkeypatch):
    """Formgrader loads its configuration with nbgrader's NbGrader app and grades through NbGraderAPI."""
    from nbgrader.apps import NbGrader, NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    course, *_ = graded
    broken = _broken_copy(course, tmp_path)
    before = cell_scores(broken, "right")
    monkeypatch.chdir(broken)
    app = NbGrader()  # as nbgrader.server_extensions.formgrader.FormgradeExtension.load_config does
    app.load_config_file()
    api = NbGraderAPI(coursedir=CourseDirectory(config=app.config), config=app.config)
    result = api.autograde(A, "right", force=True)
    assert not result["success"]
    assert "refusing to grade outside the sandbox" in result["log"] + result.get("error", "")
    assert cell_scores(broken, "right") == before


def test_nbgraders_remedy_reaches_the_instructor(tmp_path, capsys):
    """An assignment in an older nbgrader format: nbgrader's own fix (`nbgrader update .`) is in our message."""
    course = simulated.new_course(tmp_path / "old")
    path = course / "source" / A / f"{NB}.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if "nbgrader" in cell.metadata:
            cell.metadata.nbgrader["schema_version"] = 1
    nbformat.write(nb, path)
    assert main(["--course", str(course), "release", A]) == 1
    out = capsys.readouterr().out
    assert "SchemaTooOldError" in out and "then run `nbgrader update .` in it" in out
