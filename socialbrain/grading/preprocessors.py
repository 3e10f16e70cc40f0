"""nbgrader preprocessors that make grading safe; switched on in nbgrader_config.py.

* :class:`RestoreDeletedCells` puts back locked and test cells that a student
  deleted, from the released notebook, so every submission is graded with
  the original tests (nbgrader itself only restores cells that still exist).
* :class:`ApplyExecution` takes the place of nbgrader's ``Execute`` when the
  course's command grades: the notebook was already run by an executor
  (:mod:`.executors`), so it only puts those outputs in, after checking that
  the executor ran exactly this sanitised notebook.
* :class:`LimitOutputSize` caps outputs in characters as well as lines, so a
  cell that prints megabytes cannot bloat the gradebook or the feedback.
* :class:`HideHiddenTests` (feedback) removes hidden tests from the cells
  *and* from the stored tracebacks and outputs, keeping each failed test's
  message.

Student code itself runs in :class:`.execute.SandboxedExecute`.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

import nbformat
from nbgrader.preprocessors import ClearHiddenTests, LimitOutput, NbGraderPreprocessor
from traitlets import Integer, Unicode

from . import cells

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class RestoreDeletedCells(NbGraderPreprocessor):
    """Re-insert protected cells that are missing from a submission."""

    course_root = Unicode("", help="Course directory (default: current folder).").tag(config=True)

    def _released(self, resources):
        info = resources.get("nbgrader", {})
        root = self.course_root or os.getcwd()
        path = os.path.join(root, "release", info.get("assignment", ""), info.get("notebook", "") + ".ipynb")
        if not os.path.exists(path):
            self.log.warning("Cannot restore deleted cells: no released notebook at %s", path)
            return None
        return nbformat.read(path, as_version=4)

    def preprocess(self, nb, resources):
        released = self._released(resources)
        if released is None:
            return nb, resources
        present = {cells.grade_id(c) for c in nb.cells if cells.grade_id(c)}
        restored = []
        for i, cell in enumerate(released.cells):
            gid = cells.grade_id(cell)
            if not gid or gid in present or not cells.is_protected(cell):
                continue
            # insert after the nearest earlier released cell the student still has
            pos = 0
            for earlier in reversed(released.cells[:i]):
                eg = cells.grade_id(earlier)
                idx = next((k for k, c in enumerate(nb.cells) if eg and cells.grade_id(c) == eg), None)
                if idx is not None:
                    pos = idx + 1
                    break
            new = copy.deepcopy(cell)
            if new.cell_type == "code":
                new.outputs = []
                new.execution_count = None
            nb.cells.insert(pos, new)
            present.add(gid)
            restored.append(gid)
        if restored:
            self.log.warning("Restored deleted cells from the released notebook: %s", ", ".join(restored))
        return nb, resources


class ApplyExecution(NbGraderPreprocessor):
    """Put in the outputs of a notebook that an executor ran (the course's command only).

    ``executed_dir`` holds ``<student>/<notebook>.ipynb`` as the executor
    returned it. Its cells must be this sanitised notebook's cells, source
    for source: otherwise the executor ran something else, and grading
    stops for this student.
    """

    executed_dir = Unicode("", help="Folder of executed notebooks, written by the course's grade command.").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        path = Path(self.executed_dir, info["student"], info["notebook"] + ".ipynb")
        if not self.executed_dir or not path.is_file():
            raise RuntimeError(f"no executed notebook for {info['student']}/{info['notebook']}: "
                               "run student code through the grade command or SandboxedExecute")
        executed = nbformat.read(path, as_version=4)
        if [(c.cell_type, c.source) for c in executed.cells] != [(c.cell_type, c.source) for c in nb.cells]:
            raise RuntimeError(f"the executed notebook of {info['student']}/{info['notebook']} is not the one "
                               "that was sent to the executor; not graded")
        for mine, ran in zip(nb.cells, executed.cells):
            if mine.cell_type == "code":
                mine.outputs, mine.execution_count = ran.outputs, ran.get("execution_count")
        nb.metadata["language_info"] = executed.metadata.get("language_info", {})
        return nb, resources


class LimitOutputSize(LimitOutput):
    """nbgrader's LimitOutput plus a cap on characters per output."""

    max_chars = Integer(20000, help="Maximum characters kept per output (-1: no limit).").tag(config=True)

    def _cut(self, text: str) -> str:
        if self.max_chars < 0 or len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + f"\n... Output truncated ({len(text)} characters in all) ...\n"

    def preprocess_cell(self, cell, resources, cell_index):
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.cell_type != "code":
            return cell, resources
        for output in cell.outputs:
            if output.output_type == "stream":
                output.text = self._cut(output.text)
            elif output.output_type in ("display_data", "execute_result"):
                for mime, value in list(output.data.items()):
                    size = len(value) if isinstance(value, str) else len(str(value))
                    if self.max_chars >= 0 and size > 50 * self.max_chars:
                        output.data = {"text/plain": f"[{mime} output of {size} characters removed: too large]"}
                        break
                    if isinstance(value, str) and mime.startswith("text/plain"):
                        output.data[mime] = self._cut(value)
            elif output.output_type == "error":
                output.evalue = self._cut(output.evalue)
        return cell, resources


class HideHiddenTests(ClearHiddenTests):
    """Remove hidden tests from feedback: cell source, tracebacks and any output."""

    def preprocess(self, nb, resources):
        hidden_lines = set()
        for cell in nb.cells:
            hidden_lines.update(self._hidden_lines(cell))
        hidden_lines = {line for line in hidden_lines if len(line) > 3}
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            has_hidden = bool(self._hidden_lines(cell))
            for output in cell.get("outputs", []):
                self._scrub_output(output, has_hidden, hidden_lines)
        return super().preprocess(nb, resources)

    def _hidden_lines(self, cell) -> list[str]:
        return cells.hidden_test_lines(cell, self.begin_test_delimeter, self.end_test_delimeter)

    @staticmethod
    def _scrub_text(text: str, hidden_lines) -> str:
        keep = [ln for ln in text.split("\n") if ANSI.sub("", ln).strip().lstrip("->0123456789 ").strip() not in hidden_lines
                and not any(h in ANSI.sub("", ln) for h in hidden_lines)]
        return "\n".join(keep)

    def _scrub_output(self, output, cell_has_hidden: bool, hidden_lines) -> None:
        if output.output_type == "error":
            if cell_has_hidden:
                message = output.evalue or "a hidden test failed (no message)"
                output.traceback = [f"{output.ename}: {message}"]
            else:
                output.traceback = [self._scrub_text(t, hidden_lines) for t in output.traceback]
            output.evalue = self._scrub_text(output.evalue, hidden_lines)
        elif output.output_type == "stream":
            output.text = self._scrub_text(output.text, hidden_lines)
        elif output.output_type in ("display_data", "execute_result"):
            for mime, value in list(output.data.items()):
                if isinstance(value, str):
                    output.data[mime] = self._scrub_text(value, hidden_lines)
