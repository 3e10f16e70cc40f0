"""Every practice notebook runs top to bottom, with blanks and with the worked answers.

(a) As published, with every answer left as ``...``: each check says "not
    yet" with a hint, and no cell raises.
(b) With each task's worked answer (from socialbrain/check/tasks/exNN.py)
    put in place of its blank line: every check says "right".

Each notebook is converted with jupytext and executed with nbclient. The
two versions of a notebook run in one kernel each; notebooks run in
parallel (two at a time) to keep the file fast on two cores.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from socialbrain.check.tasks import NOTEBOOKS, TASKS, tasks_for

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
CHECK_CALL = re.compile(r"""check\(\s*["'](ex\d+\.\d+)["']""")
TIMEOUT = 120


def _read(number: int) -> nbformat.NotebookNode:
    return jupytext.read(EXERCISES / f"{NOTEBOOKS[number]}.md")


def _code_part(line: str) -> str:
    return line.split("#", 1)[0].strip()


def _check_cells(nb) -> dict[str, int]:
    """task id -> index of the code cell that checks it (each task exactly once)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for task_id in CHECK_CALL.findall(cell.source):
            assert task_id not in found, f"{task_id} is checked in two cells"
            found[task_id] = index
    return found


def with_worked_answers(nb) -> nbformat.NotebookNode:
    """A copy of ``nb`` in which each task's blank line is replaced by its worked answer."""
    nb = nbformat.from_dict(nb)
    for task_id, index in _check_cells(nb).items():
        task = TASKS[task_id]
        lines = nb.cells[index].source.split("\n")
        blanks = [i for i, line in enumerate(lines) if _code_part(line) == task.blank]
        assert len(blanks) == 1, f"{task_id}: expected one blank line {task.blank!r}, found {len(blanks)}"
        line = lines[blanks[0]]
        indent = line[: len(line) - len(line.lstrip())]
        worked = [indent + w if w else w for w in task.worked.split("\n")]
        lines[blanks[0] : blanks[0] + 1] = worked
        nb.cells[index].source = "\n".join(lines)
    return nb


def _execute(nb) -> nbformat.NotebookNode:
    client = NotebookClient(
        nb, timeout=TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(EXERCISES)}}
    )
    client.execute()  # raises CellExecutionError if any cell fails
    return nb


def _cell_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            parts.append(f"ERROR {output.get('ename')}: {output.get('evalue')}")
        elif "data" in output:
            parts.append(str(output["data"].get("text/plain", "")))
    return "".join(parts)


def _feedback(nb) -> dict[str, str]:
    return {task_id: _cell_text(nb.cells[index]) for task_id, index in _check_cells(nb).items()}


@pytest.fixture(scope="module")
def executed():
    """Run all 16 notebook versions once (two at a time); tests read the results."""
    jobs = {}
    for number in NOTEBOOKS:
        nb = _read(number)
        jobs[(number, "blank")] = nb
        jobs[(number, "worked")] = with_worked_answers(nb)

    def run(item):
        key, nb = item
        try:
            return key, _execute(nb), None
        except Exception as exc:  # reported per test below
            return key, None, exc

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run, jobs.items()))
    return {key: (nb, exc) for key, nb, exc in results}


@pytest.mark.parametrize("number", sorted(NOTEBOOKS))
def test_notebook_structure(number):
    nb = _read(number)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["jupytext"]["text_representation"]["format_name"] == "myst"
    first_md = next(c for c in nb.cells if c.cell_type == "markdown")
    h1 = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.split("\n")
          if line.startswith("# ")]
    assert len(h1) == 1 and h1[0].startswith("# Practice: "), h1
    assert f"../book/{NOTEBOOKS[number]}.md" in first_md.source, "intro must link its chapter"
    checked = set(_check_cells(nb))
    defined = {t.id for t in tasks_for(number)}
    assert 3 <= len(defined) <= 6
    assert checked == defined, f"checked in notebook {sorted(checked)} != defined {sorted(defined)}"
    # the worked answers are only ever shown through show_answer, never written in the notebook
    text = "\n".join(c.source for c in nb.cells)
    for task in tasks_for(number):
        if len(task.worked) > 25:
            assert task.worked not in text, f"{task.id}: worked answer appears in the notebook"


@pytest.mark.parametrize("number", sorted(NOTEBOOKS))
def test_blank_notebook_says_not_yet(executed, number):
    nb, exc = executed[(number, "blank")]
    assert exc is None, f"notebook {number} with blanks failed: {exc}"
    feedback = _feedback(nb)
    for task_id, text in feedback.items():
        assert "not yet" in text.lower(), f"{task_id}: {text!r}"
        assert "Hint:" in text, f"{task_id}: no hint in {text!r}"
        assert "right!" not in text, f"{task_id}: {text!r}"
        assert "Traceback" not in text and "ERROR" not in text, f"{task_id}: {text!r}"


@pytest.mark.parametrize("number", sorted(NOTEBOOKS))
def test_worked_answers_pass(executed, number):
    nb, exc = executed[(number, "worked")]
    assert exc is None, f"notebook {number} with worked answers failed: {exc}"
    feedback = _feedback(nb)
    assert feedback, "no checks found"
    for task_id, text in feedback.items():
        assert "right!" in text, f"{task_id}: worked answer not accepted: {text!r}"
        assert "not yet" not in text.lower(), f"{task_id}: {text!r}"


def test_worked_answers_shown_collapsed(executed):
    """The worked-answer cell shows every answer inside a closed <details> element."""
    nb, exc = executed[(1, "blank")]
    assert exc is None
    html_parts = [
        o["data"]["text/html"]
        for c in nb.cells if c.cell_type == "code"
        for o in c.get("outputs", []) if "data" in o and "text/html" in o["data"]
    ]
    assert len(html_parts) == len(tasks_for(1))
    for part in html_parts:
        assert part.startswith('<details class="worked-answer">') and "<summary>" in part
        assert " open" not in part.split(">", 1)[0]


def test_substitution_replaces_the_blank():
    nb = with_worked_answers(_read(1))
    cell = nb.cells[_check_cells(nb)["ex1.1"]]
    assert "answer = ..." not in cell.source
    assert TASKS["ex1.1"].worked in cell.source
