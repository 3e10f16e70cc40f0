"""nbgrader preprocessors that make grading safe; switched on in nbgrader_config.py.

* :class:`SandboxedExecute` runs each notebook in the bubblewrap sandbox
  (:mod:`socialbrain.grading.sandbox`).
* :class:`RestoreDeletedCells` puts back locked and test cells that a student
  deleted, from the released notebook, so every submission is graded with
  the original tests (nbgrader itself only restores cells that still exist).
* :class:`LimitOutputSize` caps outputs in characters as well as lines, so a
  cell that prints megabytes cannot bloat the gradebook or the feedback.
* :class:`HideHiddenTests` (feedback) removes hidden tests from the cells
  *and* from the stored tracebacks and outputs, keeping each failed test's
  message.
"""

from __future__ import annotations

import copy
import os
import re

import nbformat
from nbgrader.preprocessors import ClearHiddenTests, Execute, LimitOutput, NbGraderPreprocessor
from traitlets import Integer, Unicode

from .sandbox import SandboxKernelManager

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class SandboxedExecute(Execute):
    """nbgrader's Execute, with every kernel started inside the sandbox."""

    def __init__(self, *args, **kwargs):
        # nbgrader's Execute forces AsyncKernelManager through a keyword
        # argument (which beats configuration), so set ours first.
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(*args, **kwargs)


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _is_protected(cell) -> bool:
    """A cell the student must not change: locked, or a test (grade, no solution)."""
    meta = cell.metadata.get("nbgrader", {})
    return bool(meta.get("locked")) or (bool(meta.get("grade")) and not meta.get("solution"))


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
        present = {_grade_id(c) for c in nb.cells if _grade_id(c)}
        restored = []
        for i, cell in enumerate(released.cells):
            gid = _grade_id(cell)
            if not gid or gid in present or not _is_protected(cell):
                continue
            # insert after the nearest earlier released cell the student still has
            pos = 0
            for earlier in reversed(released.cells[:i]):
                eg = _grade_id(earlier)
                idx = next((k for k, c in enumerate(nb.cells) if eg and _grade_id(c) == eg), None)
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
        lines, inside = [], False
        for line in cell.source.splitlines():
            if self.begin_test_delimeter in line:
                inside = True
            elif self.end_test_delimeter in line:
                inside = False
            elif inside and line.strip():
                lines.append(line.strip())
        return lines

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
