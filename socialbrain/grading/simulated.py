"""Simulated students: submissions built from the released notebooks.

Used by the tests (and by grading benchmarks) to grade a whole class
without real students. :func:`new_course` copies the course's
``nbgrader_config.py`` and ``source/`` into a scratch folder, so the real
gradebook is never touched. :func:`submission` builds a student's notebook
from ``release/`` by filling answer cells (by ``grade_id``) with code.
:data:`PS2_STUDENTS` holds the usual right and wrong answers to problem set 2.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]


def new_course(dest, repo=REPO) -> Path:
    """Copy nbgrader_config.py and source/ into ``dest`` (a scratch course directory)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(repo) / "nbgrader_config.py", dest / "nbgrader_config.py")
    shutil.copytree(Path(repo) / "source", dest / "source", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return dest


def _gid(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def solutions(course, assignment: str, notebook: str) -> dict[str, str]:
    """``{grade_id: code}`` of every code answer cell of the source notebook, markers removed."""
    nb = nbformat.read(Path(course) / "source" / assignment / f"{notebook}.ipynb", as_version=4)
    out = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            out[meta["grade_id"]] = "\n".join(
                ln for ln in cell.source.splitlines() if "### BEGIN SOLUTION" not in ln and "### END SOLUTION" not in ln
            )
        elif meta.get("solution"):
            out[meta["grade_id"]] = cell.source
    return out


def submission(course, assignment: str, notebook: str, answers: dict[str, str] | None = None,
               edit=None) -> nbformat.NotebookNode:
    """The released notebook with ``answers`` filled in; ``edit(nb)`` may change it further."""
    nb = nbformat.read(Path(course) / "release" / assignment / f"{notebook}.ipynb", as_version=4)
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if answers and _gid(cell) in answers:
            cell.source = answers[_gid(cell)]
    if edit:
        edit(nb)
    return nb


def hand_in(course, student: str, assignment: str, filename: str, content) -> Path:
    """Write a submission to submitted/<student>/<assignment>/<filename> (notebook or raw text)."""
    folder = Path(course) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    if isinstance(content, str):
        path.write_text(content)
    else:
        nbformat.write(content, path)
    return path


# ---------------------------------------------------------------------------
# Problem set 2: a class of typical submissions
# ---------------------------------------------------------------------------

MALICIOUS = r'''
import glob, os
root = os.path.abspath(os.path.join(os.getcwd(), "..", "..", ".."))
for db in glob.glob(os.path.join(root, "*.db")):
    try:
        os.remove(db)
    except OSError as err:
        print("could not remove", db, err)
for nb in glob.glob(os.path.join(root, "source", "**", "*.ipynb"), recursive=True):
    try:
        open(nb, "w").write("{}")
    except OSError as err:
        print("could not rewrite", nb, err)
for other in glob.glob(os.path.join(root, "submitted", "*", "*", "*.ipynb")):
    try:
        open(other, "w").write("overwritten")
    except OSError as err:
        print("could not overwrite", other, err)
print("course root visible:", sorted(os.listdir(root)))
'''


SLOW = "_warm_up = sum(i % 7 for i in range(20_000_000))  # needless work: slow, but right\n"


def _replace(code: str, old: str, new: str) -> str:
    if old not in code:
        raise ValueError(f"simulated student: {old!r} not found in the solution")
    return code.replace(old, new)


def ps2_answers(sol: dict[str, str], kind: str) -> dict[str, str]:
    """Answers of a simulated ps2 student of the given ``kind`` (see PS2_STUDENTS)."""
    a = dict(sol)
    if kind == "right":
        pass
    elif kind == "reversed":      # positive and negative items swapped
        a["djg_score"] = _replace(a["djg_score"], "negative = {2, 3, 5, 6, 9, 10}", "negative = {1, 4, 7, 8, 11}")
    elif kind == "off_by_one":    # every cut-off one off
        a["djg_level"] = _replace(a["djg_level"], "if score <= 2:", "if score < 2:")
        a["lsns6_isolated"] = _replace(a["lsns6_isolated"], "return score < 12", "return score <= 12")
        a["quadrant"] = _replace(a["quadrant"], "lonely = djg_total >= 3", "lonely = djg_total > 3")
    elif kind == "isolated_off_by_one":
        a["lsns6_isolated"] = _replace(a["lsns6_isolated"], "return score < 12", "return score <= 12")
    elif kind == "quadrant_off_by_one":
        a["quadrant"] = _replace(a["quadrant"], "lonely = djg_total >= 3", "lonely = djg_total > 3")
    elif kind == "no_validation":  # checks the length only
        a["djg_score"] = re.sub(r"        if not isinstance\(answer, str\):\n.*?\n", "", a["djg_score"])
        a["djg_score"] = _replace(a["djg_score"], 'if answer not in ("yes", "more or less", "no"):', "if False:")
        a["djg_score"] = _replace(a["djg_score"], "answer = answer.strip().lower()", "answer = str(answer).strip().lower()")
        a["lsns6_score"] = _replace(a["lsns6_score"], "or not 0 <= answer <= 5", "and False")
    elif kind == "endless_loop":  # an endless loop in one answer
        a["djg_level"] = _replace(a["djg_level"], '"""Return the Dutch loneliness level for a De Jong Gierveld total."""',
                                  '"""Return the Dutch loneliness level for a De Jong Gierveld total."""\n    while True:\n        pass')
    elif kind == "slow":  # right, but slow: about a second of needless work (no time limit reached)
        a["djg_score"] = SLOW + a["djg_score"]
    elif kind == "import_error":  # the first answer cell fails on import
        a["djg_score"] = "import loneliness_tools  # no such module\n" + a["djg_score"]
    elif kind == "huge_output":
        a["djg_score"] = a["djg_score"] + "\nprint('x' * 5_000_000)\nfor i in range(200_000):\n    print(i)"
    elif kind == "exits_kernel":  # ends the Python process
        a["djg_level"] = "import os\nos._exit(1)\n" + a["djg_level"]
    elif kind == "malicious":
        a["djg_score"] = MALICIOUS + "\n" + a["djg_score"]
    else:
        raise ValueError(f"unknown kind of student: {kind}")
    return a


#: Simulated students of ps2: name -> (kind of answers, edit of the notebook or None).
def _change_test(nb, gid="test_quadrant"):
    for cell in nb.cells:
        if _gid(cell) == gid:
            cell.source = '"""Checks nothing (edited by the student)."""\nassert True'


def _delete_test(nb, gid="test_lsns6_isolated"):
    nb.cells = [c for c in nb.cells if _gid(c) != gid]


PS2_STUDENTS = {
    "right": ("right", None),
    "reversed": ("reversed", None),
    "offbyone": ("off_by_one", None),
    "novalidation": ("no_validation", None),
    "loop": ("endless_loop", None),
    "importerror": ("import_error", None),
    "hugeoutput": ("huge_output", None),
    "malicious": ("malicious", None),
    # wrong answer + the test that would catch it edited or deleted:
    "edittest": ("quadrant_off_by_one", _change_test),
    "deltest": ("isolated_off_by_one", _delete_test),
}
