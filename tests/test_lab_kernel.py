"""The first-cell hint is the student's Lab's alone: its kernel has it, a grading kernel does not.

The student's Lab finds its kernel through the environment `socialbrain.lab`
gives it; a grading kernel (the real sandbox) starts from the same virtual
environment, after a student Lab was prepared, and must not load the hint.
"""

import nbformat
import pytest
from nbclient import NotebookClient

from socialbrain import lab
from socialbrain.grading.sandbox import SandboxKernelManager

EXTENSION = "socialbrain.check.first_cell"
CELLS = ['check("ex1.1", 3)',
         f"print({EXTENSION!r} in get_ipython().extension_manager.loaded)"]


def _run(**client_options):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, timeout=60, allow_errors=True, **client_options).execute()
    return ["".join(o.get("text", "") + o.get("ename", "") for o in c.outputs) for c in nb.cells]


def test_the_student_labs_kernel_says_what_to_run_first(tmp_path, monkeypatch):
    _, env = lab.command(tmp_path, port=0)
    monkeypatch.setenv("JUPYTER_PATH", env["JUPYTER_PATH"])
    error, loaded = _run(resources={"metadata": {"path": str(tmp_path)}})
    assert "NameError" in error and "Run that cell first" in error
    assert loaded.strip() == "True"


def test_a_grading_kernel_does_not_get_the_hint(tmp_path):
    lab.prepare(tmp_path / "my-practice")  # a student's Lab set up in this environment first
    work = tmp_path / "submission"
    work.mkdir()
    error, loaded = _run(kernel_manager_class=SandboxKernelManager, resources={"metadata": {"path": str(work)}})
    assert "NameError" in error and "Run that cell first" not in error
    assert loaded.strip() == "False"
