"""Checks on submissions before grading, and the tamper report.

``check_submission`` looks at one student's folder in ``submitted/`` and
says what is there: each expected notebook is ``ok``, ``missing``,
``misnamed`` (another .ipynb is there instead) or ``invalid`` (not a
readable notebook). For readable notebooks it compares every locked or test
cell with the *released* version and lists the cells the student changed or
deleted. (nbgrader's own checksum warning fires for every student as soon
as an assignment has hidden tests, so it cannot tell who tampered.)
Nothing here writes to ``submitted/``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import cells


def _digest(cell) -> str:
    src = "\n".join(line.rstrip() for line in cells.source(cell).strip().splitlines())
    return hashlib.sha256(f"{cell.get('cell_type')}\n{src}".encode()).hexdigest()


def tampered_cells(released_nb, submitted_nb) -> dict[str, list[str]]:
    """Return ``{"changed": [...], "deleted": [...]}`` grade_ids of protected cells."""
    submitted = {}
    for cell in submitted_nb.get("cells", []):
        gid = cells.grade_id(cell)
        if gid:
            submitted.setdefault(gid, cell)
    changed, deleted = [], []
    for cell in released_nb.cells:
        if not cells.is_protected(cell):
            continue
        gid = cells.grade_id(cell)
        if gid not in submitted:
            deleted.append(gid)
        elif _digest(submitted[gid]) != _digest(cell):
            changed.append(gid)
    return {"changed": changed, "deleted": deleted}


@dataclass
class NotebookCheck:
    notebook: str
    status: str  # ok | missing | misnamed | invalid
    message: str = ""
    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def tampered(self) -> bool:
        return bool(self.changed or self.deleted)


@dataclass
class SubmissionCheck:
    student: str
    assignment: str
    notebooks: list[NotebookCheck]

    @property
    def gradable(self) -> bool:
        """True when nbgrader can grade it: no unreadable notebook and at least one readable one."""
        return any(n.status == "ok" for n in self.notebooks) and not any(
            n.status == "invalid" for n in self.notebooks
        )

    @property
    def problems(self) -> list[str]:
        out = []
        for n in self.notebooks:
            if n.status != "ok":
                out.append(n.message)
            if n.changed:
                out.append(f"{n.notebook}: changed protected cells {', '.join(n.changed)} (graded with the original tests)")
            if n.deleted:
                out.append(f"{n.notebook}: deleted protected cells {', '.join(n.deleted)} (restored for grading)")
        return out

    @property
    def tampered(self) -> bool:
        return any(n.tampered for n in self.notebooks)


def _read_notebook(path: Path):
    """Return (notebook, None) or (None, error message)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, f"{path.name} is not a text file (not a notebook)"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return None, f"{path.name} is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
    try:
        nb = nbformat.reads(json.dumps(data), as_version=4)
    except Exception as err:  # noqa: BLE001 - any reader error is reported, not raised
        return None, f"{path.name} is JSON but not a Jupyter notebook ({type(err).__name__}: {err})"
    if not isinstance(nb.get("cells"), list):
        return None, f"{path.name} is JSON but has no list of cells"
    return nb, None


def check_submission(course, assignment: str, student: str) -> SubmissionCheck:
    folder = course.dir("submitted") / student / assignment
    present = {p.name for p in folder.glob("*.ipynb")} if folder.is_dir() else set()
    expected = course.notebooks(assignment)
    unknown = sorted(present - {f"{n}.ipynb" for n in expected})
    checks = []
    for name in expected:
        path = folder / f"{name}.ipynb"
        if not path.exists():
            if unknown:
                msg = (f"{name}.ipynb is missing but {', '.join(unknown)} was handed in instead "
                       f"(misnamed?). To grade it: cp '{folder / unknown[0]}' '{path}' and grade again")
                checks.append(NotebookCheck(name, "misnamed", msg))
            else:
                checks.append(NotebookCheck(name, "missing", f"{name}.ipynb was not handed in (scores 0)"))
            continue
        nb, error = _read_notebook(path)
        if nb is None:
            checks.append(NotebookCheck(name, "invalid", f"{error}: not graded; ask the student to hand in again"))
            continue
        released_path = course.dir("release") / assignment / f"{name}.ipynb"
        check = NotebookCheck(name, "ok")
        if released_path.exists():
            found = tampered_cells(nbformat.read(released_path, as_version=4), nb)
            check.changed, check.deleted = found["changed"], found["deleted"]
        checks.append(check)
    return SubmissionCheck(student, assignment, checks)
