"""Learning platforms both ways: their downloads in, their grade-import files out, and the roster.

The zips are built with the file and folder names each platform's download
uses; the class lists and the Moodle worksheet are in tests/fixtures/platforms/
(see its README). The students are simulated.
"""

import csv
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from socialbrain.grading import coordinator, simulated
from socialbrain.grading.cli import main
from socialbrain.grading.course import Course

FIXTURES = Path(__file__).parent / "fixtures" / "platforms"
A, NB = "ps2_measurement", "measurement"
A1, NB1 = "ps1_concepts", "concepts"


def notebook(course, kind="right", assignment=A, name=NB, marker=""):
    """A simulated student's notebook as bytes; ``marker`` makes otherwise equal hand-ins differ."""
    sol = simulated.solutions(course, assignment, name)
    answers = simulated.ps2_answers(sol, kind) if assignment == A else sol
    nb = simulated.submission(course, assignment, name, answers)
    nb.metadata["simulated_hand_in"] = marker
    return nbformat.writes(nb).encode()


def make_zip(path, files: dict) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = simulated.new_course(tmp_path_factory.mktemp("platform-course"))
    assert main(["--course", str(course), "release", "--all"]) == 0
    return course


@pytest.fixture
def fresh(course, tmp_path):
    """A copy of the released course with an empty gradebook, so each test collects from scratch."""
    copy = tmp_path / "course"
    shutil.copytree(course, copy, ignore=shutil.ignore_patterns("submitted", "downloaded", "backups"))
    return copy


def run(course, *args):
    return main(["--course", str(course), *args])


# ---------------------------------------------------------------------------
# Canvas
# ---------------------------------------------------------------------------

def test_canvas_collect_keeps_ids_accents_and_the_newest_hand_in(fresh, tmp_path, capsys):
    first, second = notebook(fresh, marker="first"), notebook(fresh, marker="resubmitted")
    z = make_zip(tmp_path / "submissions.zip", {
        f"jansenanna_12345_67890_{NB}.ipynb": notebook(fresh, "right"),
        f"jansenanna_12346_67891_{NB}.ipynb": notebook(fresh, "reversed"),   # another Anna Jansen
        f"özdemirayşe_23456_78900_{NB}.ipynb": first,
        f"özdemirayşe_LATE_23456_78902_{NB}-1.ipynb": second,               # her re-submission, late
    })
    assert run(fresh, "collect", "--platform", "canvas", "--zip", str(z), A) == 0
    out = capsys.readouterr().out
    sub = fresh / "submitted"
    assert sorted(p.name for p in sub.iterdir()) == ["12345", "12346", "23456"]
    assert (sub / "23456" / A / f"{NB}.ipynb").read_bytes() == second
    assert (sub / "12345" / A / f"{NB}.ipynb").read_bytes() != (sub / "12346" / A / f"{NB}.ipynb").read_bytes()
    assert "3 new" in out and "an earlier hand-in, not used: 23456" in out
    for student in ("12345", "12346", "23456"):
        assert (sub / student / A / "timestamp.txt").read_text().startswith("20")


def test_canvas_duplicate_download_and_instructor_fixes_are_safe(fresh, tmp_path, capsys):
    z = make_zip(tmp_path / "submissions.zip", {f"jansenanna_12345_67890_{NB}.ipynb": notebook(fresh, marker="v1")})
    assert run(fresh, "collect", "--zip", str(z), A) == 0     # the platform set in nbgrader_config.py: canvas
    target = fresh / "submitted" / "12345" / A / f"{NB}.ipynb"
    archive = fresh / "downloaded" / A / "archive"
    # the same download saved again under another name: recognised by its content, not unpacked again
    again = tmp_path / "submissions (1).zip"
    shutil.copy(z, again)
    capsys.readouterr()
    assert run(fresh, "collect", "--zip", str(again), A) == 0
    assert "collected before (same content)" in capsys.readouterr().out
    assert len(list(archive.iterdir())) == 1
    # the instructor repairs the hand-in; a newer download must not undo that without --replace
    fixed = target.read_bytes().replace(b'"v1"', b'"fixed by the instructor"')
    target.write_bytes(fixed)
    newer = make_zip(tmp_path / "later.zip", {f"jansenanna_12345_67899_{NB}-1.ipynb": notebook(fresh, marker="v2")})
    assert run(fresh, "collect", "--zip", str(newer), A) == 1
    out = capsys.readouterr().out
    assert f"KEPT submitted/12345/{A}/{NB}.ipynb (changed since it was collected)" in out and "--replace" in out
    assert target.read_bytes() == fixed
    assert run(fresh, "collect", "--zip", str(newer), A, "--replace") == 0
    assert b'"v2"' in target.read_bytes()
    backups = list((fresh / "backups").glob(f"submitted-*/12345/{A}/{NB}.ipynb"))
    assert [b.read_bytes() for b in backups] == [fixed]
    assert len(list(archive.iterdir())) == 2 and len(list((fresh / "downloaded" / A / "extracted").iterdir())) == 2


def test_a_zip_without_notebooks_exits_non_zero(fresh, tmp_path, capsys):
    z = make_zip(tmp_path / "wrong.zip", {"index.html": "<html></html>", "Anna Jansen - essay.docx": b"PK"})
    assert run(fresh, "collect", "--platform", "canvas", "--zip", str(z), A) == 1
    err = capsys.readouterr().err
    assert "no notebook found that the canvas preset can assign" in err and "Nothing was collected" in err
    brightspace = make_zip(tmp_path / "bs.zip", {f"123456-78910 - Lotte de Boer - 29 November, 2026 1012 AM/{NB}.ipynb": b"{}"})
    assert run(fresh, "collect", "--platform", "canvas", "--zip", str(brightspace), A) == 1
    assert "--platform" in capsys.readouterr().err
    assert not (fresh / "submitted").exists()


def test_plain_nbgrader_zip_collect_uses_the_platform_preset(fresh, tmp_path):
    archive = fresh / "downloaded" / A / "archive"
    archive.mkdir(parents=True)
    hand_in = notebook(fresh)
    make_zip(archive / "submissions.zip", {f"özdemirayşe_LATE_23456_78902_{NB}-1.ipynb": hand_in})
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "zip_collect", A], cwd=fresh,
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (fresh / "submitted" / "23456" / A / f"{NB}.ipynb").read_bytes() == hand_in


# ---------------------------------------------------------------------------
# Brightspace and Moodle: students known by name, ids from the roster
# ---------------------------------------------------------------------------

def test_brightspace_collect_both_layouts_through_the_roster(fresh, tmp_path, capsys):
    assert run(fresh, "roster", str(FIXTURES / "brightspace-classlist.csv")) == 0
    assert "3 students from brightspace-classlist.csv (Brightspace class list): 3 new" in capsys.readouterr().out
    early, late = notebook(fresh, marker="early"), notebook(fresh, marker="late")
    z = make_zip(tmp_path / "Problem set 2 Download Nov 29, 2026 1100 AM.zip", {
        f"123456-78910 - Lotte de Boer - 28 November, 2026 0915 PM/{NB}.ipynb": early,
        f"123456-78910 - Lotte de Boer - 29 November, 2026 1012 AM/{NB}.ipynb": late,
        f"123456-78911 - Ayşe Özdemir - 29 November, 2026 0940 AM/{NB}.ipynb": notebook(fresh, "reversed"),
        f"123456-78912 - Sem Visser - 29 November, 2026 0800 AM/{NB}.ipynb": notebook(fresh),
        "index.html": "<html><body>Brightspace index of the download</body></html>",
    })
    assert run(fresh, "collect", "--platform", "brightspace", "--zip", str(z), A) == 0
    out = capsys.readouterr().out
    sub = fresh / "submitted"
    assert sorted(p.name for p in sub.iterdir()) == ["1003", "1004", "sem-visser"]
    assert (sub / "1004" / A / f"{NB}.ipynb").read_bytes() == late
    assert (sub / "1004" / A / "timestamp.txt").read_text() == "2026-11-29 10:12:00"
    assert "not on the roster (1): sem-visser" in out
    flat = make_zip(tmp_path / "old.zip", {f"123456-789012 - Anna Jansen - Nov 25, 2026 1017 AM - {NB}.ipynb": early})
    assert run(fresh, "collect", "--platform", "brightspace", "--zip", str(flat), A) == 0
    assert (sub / "1001" / A / f"{NB}.ipynb").read_bytes() == early


def test_two_roster_students_with_one_name_are_not_guessed(fresh, tmp_path, capsys):
    roster = tmp_path / "class.csv"
    roster.write_text("id,first,last,email\nanna1,Anna,Jansen,a1@example.nl\nanna2,Anna,Jansen,a2@example.nl\n")
    assert run(fresh, "roster", str(roster)) == 0
    z = make_zip(tmp_path / "bs.zip", {f"1-2 - Anna Jansen - 29 November, 2026 1012 AM/{NB}.ipynb": notebook(fresh)})
    assert run(fresh, "collect", "--platform", "brightspace", "--zip", str(z), A) == 1
    assert "no notebook found" in capsys.readouterr().err


def test_moodle_collect_both_layouts(fresh, tmp_path):
    assert run(fresh, "roster", str(FIXTURES / "moodle-grading-worksheet.csv")) == 0
    z = make_zip(tmp_path / "PS2-Problem set 2-881.zip", {
        f"Anna Jansen_881001_assignsubmission_file/{NB}.ipynb": notebook(fresh),
        f"Ayşe Özdemir_881003_assignsubmission_file_{NB}.ipynb": notebook(fresh, "reversed"),
        "Ayşe Özdemir_881003_assignsubmission_onlinetext_onlinetext.html": "<p>see the notebook</p>",
        f"Lotte de Boer_881004_assignsubmission_file_/{NB}.ipynb": notebook(fresh),  # Moodle 3.1 to 4.x folders
    })
    assert run(fresh, "collect", "--platform", "moodle", "--zip", str(z), A) == 0
    assert sorted(p.name for p in (fresh / "submitted").iterdir()) == ["a.jansen", "a.ozdemir", "l.deboer"]


def test_roster_in_an_unknown_format_is_refused(fresh, tmp_path, capsys):
    bad = tmp_path / "list.csv"
    bad.write_text("name;number\nAnna;1\n")
    assert run(fresh, "roster", str(bad)) == 1
    assert "not a class list this command knows (its columns: name;number)" in capsys.readouterr().err


def test_roster_lists_missing_hand_ins_and_strangers(fresh, tmp_path, capsys):
    z = make_zip(tmp_path / "c.zip", {f"jansenanna_12345_1_{NB}.ipynb": notebook(fresh),
                                      f"nieuwnoor_55555_2_{NB}.ipynb": notebook(fresh)})
    assert run(fresh, "collect", "--zip", str(z), A) == 0
    capsys.readouterr()
    assert run(fresh, "roster", str(FIXTURES / "canvas-gradebook-export.csv")) == 0
    out = capsys.readouterr().out
    assert "4 students from canvas-gradebook-export.csv (Canvas class list)" in out  # not the test student
    assert "handed in but not on the roster (1): 55555" in out
    assert f"{A}: no hand-in from 3 on the roster: 12346, 23456, 34567" in out
    with Course.open(fresh).gradebook_db() as gb:
        ayse = gb.find_student("23456")
        assert (ayse.first_name, ayse.last_name, ayse.lms_user_id) == ("Ayşe", "Özdemir", "aozdemir")


# ---------------------------------------------------------------------------
# Grades out
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graded(course, tmp_path_factory):
    """A small class graded with the course's command: ps2 for two students, ps1 (hand-graded part pending)."""
    folder = tmp_path_factory.mktemp("graded") / "course"
    shutil.copytree(course, folder)
    zips = tmp_path_factory.mktemp("zips")
    assert main(["--course", str(folder), "roster", str(FIXTURES / "canvas-gradebook-export.csv")]) == 0
    ps2 = make_zip(zips / "ps2.zip", {f"jansenanna_12345_1_{NB}.ipynb": notebook(folder, "right"),
                                      f"özdemirayşe_23456_2_{NB}.ipynb": notebook(folder, "reversed")})
    ps1 = make_zip(zips / "ps1.zip", {f"jansenanna_12345_3_{NB1}.ipynb": notebook(folder, assignment=A1, name=NB1)})
    assert main(["--course", str(folder), "collect", "--zip", str(ps2), A]) == 0
    assert main(["--course", str(folder), "collect", "--zip", str(ps1), A1]) == 0
    for assignment in (A, A1):
        code, _ = coordinator.grade(Course.open(folder), assignment)
        assert code == 0
    return folder


def test_canvas_export_is_canvas_gradebook_import(graded, capsys):
    assert run(graded, "export", "--platform", "canvas", "--out", "canvas.csv") == 0
    out = capsys.readouterr().out
    table = rows(graded / "canvas.csv")
    assert table[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", A1, A]
    by_id = {r[1]: r for r in table[1:]}
    assert set(by_id) == {"12345", "12346", "23456", "34567"}
    assert by_id["12345"][:4] == ["Jansen, Anna", "12345", "", "ajansen"]
    assert by_id["12345"][6] == "13" and by_id["23456"][6] == "9"
    assert by_id["12345"][5] == ""        # ps1: the written answer still waits for manual grading
    assert by_id["12346"][5:] == ["", ""]  # no hand-in: blank, not 0
    assert f"left blank (waits for manual grading) for 1: 12345 ({A1})" in out
    assert "left blank (no graded hand-in)" in out and f"12346 ({A})" in out


def test_brightspace_export_is_brightspace_grades_import(graded, tmp_path):
    out = tmp_path / "bs.csv"
    assert run(graded, "export", "--platform", "brightspace", "--out", str(out), "--assignment", A) == 0
    table = rows(out)
    assert table[0] == ["OrgDefinedId", "Username", f"{A} Points Grade", "End-of-Line Indicator"]
    assert ["12345", "ajansen", "13", "#"] in table and ["23456", "aozdemir", "9", "#"] in table and ["12346", "ajansen2", "", "#"] in table


def test_platform_item_names_come_from_the_config(graded, tmp_path):
    config = graded / "nbgrader_config.py"
    original = config.read_text()
    try:
        config.write_text(original.replace("c.Platform.items = {}", f"c.Platform.items = {{'{A}': 'Problem set 2 (4567)'}}"))
        assert run(graded, "export", "--out", str(tmp_path / "c.csv"), "--assignment", A) == 0
    finally:
        config.write_text(original)
    assert rows(tmp_path / "c.csv")[0][-1] == "Problem set 2 (4567)"


def test_moodle_export_fills_its_grading_worksheet(graded, tmp_path, capsys):
    course = tmp_path / "course"
    shutil.copytree(graded, course)
    worksheet = FIXTURES / "moodle-grading-worksheet.csv"
    out = tmp_path / "moodle.csv"
    assert run(course, "export", "--platform", "moodle", "--out", str(out)) == 1
    assert "--worksheet" in capsys.readouterr().err
    export = ["export", "--platform", "moodle", "--out", str(out), "--assignment", A, "--worksheet", str(worksheet)]
    assert run(course, *export) == 0
    table = rows(out)
    assert table[0] == rows(worksheet)[0]
    assert [r[0] for r in table[1:]] == ["Participant 881001", "Participant 881003", "Participant 881004"]
    # two Anna Jansens in the gradebook (Canvas ids 12345 and 12346): not guessed
    assert {r[1]: r[4] for r in table[1:]} == {"Anna Jansen": "", "Ayşe Özdemir": "9", "Lotte de Boer": ""}
    assert "Anna Jansen (2 students in the gradebook have this name" in capsys.readouterr().out
    emails = tmp_path / "emails.csv"
    emails.write_text("id,first,last,email\n12345,Anna,Jansen,a.jansen@student.example.nl\n")
    assert run(course, "roster", str(emails)) == 0
    assert run(course, *export) == 0
    assert {r[1]: r[4] for r in rows(out)[1:]}["Anna Jansen"] == "13"


def test_plain_nbgrader_export_uses_the_platform_preset(graded, tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    out = tmp_path / "plain.csv"
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", str(out)], cwd=graded,
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert rows(out)[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert "Left blank (waits for manual grading)" in proc.stderr


def test_an_older_gradebook_gets_nbgraders_remedy(graded, tmp_path, capsys):
    import sqlite3

    course = tmp_path / "course"
    shutil.copytree(graded, course)
    db = sqlite3.connect(course / "gradebook.db")
    db.execute("ALTER TABLE student DROP COLUMN lms_user_id")  # as nbgrader before 0.8 made it
    db.commit()
    db.close()
    assert run(course, "export") == 1
    err = capsys.readouterr().err
    assert "lms_user_id" in err and "then run `nbgrader db upgrade`" in err
