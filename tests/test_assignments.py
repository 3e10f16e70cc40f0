"""The graded assignments test themselves.

Every source notebook, handed in as it is (the solution), gets full
autograded marks; every released notebook handed in unchanged gets zero.
Also checks what students receive: no solutions, no hidden tests, every test
cell opens with a docstring and carries points, outputs are cleared, and
problem set 2 has exactly the grade_ids and functions issue 5 fixes.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

from socialbrain.grading import coordinator, simulated, workflow
from socialbrain.grading.cli import main
from socialbrain.grading.course import Course

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = {"ps1_concepts": "concepts", "ps2_measurement": "measurement", "ps3_survey": "survey"}
PS2_FUNCTIONS = ["djg_score", "djg_subscales", "djg_level", "lsns6_score", "lsns6_isolated", "quadrant"]


def meta(cell):
    return cell.metadata.get("nbgrader", {})


def source_nb(assignment):
    return nbformat.read(ROOT / "source" / assignment / f"{ASSIGNMENTS[assignment]}.ipynb", as_version=4)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebook_is_well_formed(assignment):
    nb = source_nb(assignment)
    nbformat.validate(nb)
    ids = [meta(c)["grade_id"] for c in nb.cells if meta(c)]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    tests = [c for c in nb.cells if meta(c).get("grade") and not meta(c).get("solution")]
    assert tests, "no test cells"
    for cell in tests:
        assert cell.cell_type == "code"
        assert meta(cell)["points"] > 0 and meta(cell)["locked"]
        first = ast.parse(cell.source).body[0]
        assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str), \
            f"{meta(cell)['grade_id']} must open with a docstring saying what it checks"
    assert any("### BEGIN HIDDEN TESTS" in c.source for c in tests), "no hidden tests"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, "outputs must be cleared"
    written = [c for c in nb.cells if meta(c).get("grade") and meta(c).get("solution")]
    if assignment != "ps2_measurement":
        assert written and all(c.cell_type == "markdown" for c in written), "needs a manually graded written answer"
        assert any("Rubric" in c.source for c in nb.cells), "the rubric for the grader is missing"


def test_ps2_grade_ids_and_functions_are_as_specified():
    nb = source_nb("ps2_measurement")
    answers = [meta(c)["grade_id"] for c in nb.cells if meta(c).get("solution")]
    assert answers == PS2_FUNCTIONS
    for cell in nb.cells:
        if meta(cell).get("solution"):
            defs = [n.name for n in ast.parse(cell.source).body if isinstance(n, ast.FunctionDef)]
            assert defs == [meta(cell)["grade_id"]]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = simulated.new_course(tmp_path_factory.mktemp("course"))
    assert main(["--course", str(course), "release", "--all"]) == 0
    for assignment, notebook in ASSIGNMENTS.items():
        solution = nbformat.read(course / "source" / assignment / f"{notebook}.ipynb", as_version=4)
        simulated.hand_in(course, "solution", assignment, f"{notebook}.ipynb", solution)
        blank = nbformat.read(course / "release" / assignment / f"{notebook}.ipynb", as_version=4)
        simulated.hand_in(course, "blank", assignment, f"{notebook}.ipynb", blank)
        code, _ = coordinator.grade(Course.open(course), assignment)
        assert code == 0
    return course


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_released_version_hides_solutions_and_hidden_tests(course, assignment):
    text = (course / "release" / assignment / f"{ASSIGNMENTS[assignment]}.ipynb").read_text()
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    hidden = workflow._hidden_test_lines(Course.open(course), assignment)
    assert hidden and not [h for h in hidden if h in text]
    written = [c.source for c in source_nb(assignment).cells if meta(c).get("solution") and c.cell_type == "markdown"]
    for answer in written:
        assert answer.splitlines()[0] not in text, "a model answer leaked into the student version"


def _autograded(course, assignment, student):
    with Course.open(course).gradebook_db() as gb:
        nb = gb.find_submission_notebook(ASSIGNMENTS[assignment], assignment, student)
        return [(g.name, g.score, g.max_score) for g in nb.grades if g.cell_type == "code"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_gets_full_autograded_marks(course, assignment):
    grades = _autograded(course, assignment, "solution")
    assert grades
    assert [(n, s) for n, s, m in grades if s != m] == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_unchanged_student_version_gets_zero(course, assignment):
    grades = _autograded(course, assignment, "blank")
    assert grades
    assert [(n, s) for n, s, m in grades if s != 0] == []


def test_ps3_data_are_labelled_simulated(course):
    out = nbformat.read(course / "autograded" / "solution" / "ps3_survey" / "survey.ipynb", as_version=4)
    assert "simulated" in out.cells[0].source.lower()
    assert re.search(r"simulated data", out.cells[1].source)
