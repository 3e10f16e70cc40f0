"""How to read an nbgrader cell: the one place that knows nbgrader's cell metadata.

nbgrader marks cells in ``cell.metadata["nbgrader"]``: ``grade_id``,
``solution`` (the student writes it), ``grade`` (it earns points) and
``locked`` (the student must not change it). Every other module asks these
functions instead of reading the metadata itself, so the rules cannot drift
apart. Cells may be ``nbformat.NotebookNode`` objects or plain dicts.
"""

from __future__ import annotations

#: nbgrader's default hidden-test markers (``ClearHiddenTests.begin_test_delimeter``
#: and ``end_test_delimeter``); pass the configured ones where a config is at hand.
BEGIN_HIDDEN = "BEGIN HIDDEN TESTS"
END_HIDDEN = "END HIDDEN TESTS"


def meta(cell) -> dict:
    return (cell.get("metadata") or {}).get("nbgrader") or {}


def grade_id(cell) -> str | None:
    return meta(cell).get("grade_id")


def source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def is_answer(cell) -> bool:
    """A cell the student writes (code or text)."""
    return bool(meta(cell).get("solution"))


def is_test(cell) -> bool:
    """An autograder test: a graded code cell that is not an answer."""
    m = meta(cell)
    return cell.get("cell_type") == "code" and bool(m.get("grade")) and not m.get("solution")


def is_protected(cell) -> bool:
    """A cell the student must not change: locked, or a test."""
    m = meta(cell)
    return bool(m.get("grade_id")) and (bool(m.get("locked")) or (bool(m.get("grade")) and not m.get("solution")))


def is_student_code(cell) -> bool:
    """Code the student wrote: an answer cell, or a code cell that nbgrader does not know."""
    return cell.get("cell_type") == "code" and (is_answer(cell) or not grade_id(cell))


def hidden_test_lines(cell, begin: str = BEGIN_HIDDEN, end: str = END_HIDDEN) -> list[str]:
    """The stripped, non-empty lines between the hidden-test markers of one cell."""
    lines, inside = [], False
    for line in source(cell).splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside and line.strip():
            lines.append(line.strip())
    return lines
