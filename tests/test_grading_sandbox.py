"""The bubblewrap kernel: student code cannot reach the course directory.

Runs a small notebook through nbclient with the sandboxed kernel manager
(no nbgrader, so it is quick).
"""

import nbformat
import pytest
from nbclient import NotebookClient
from traitlets.config import Config

from socialbrain.grading.sandbox import SandboxKernelManager, bwrap_command, check_sandbox


@pytest.fixture
def course(tmp_path):
    root = tmp_path / "course"
    work = root / "autograded" / "s1" / "ps2_measurement"
    work.mkdir(parents=True)
    (root / "gradebook.db").write_text("grades")
    (root / "source" / "ps2_measurement").mkdir(parents=True)
    (root / "source" / "ps2_measurement" / "measurement.ipynb").write_text("solutions")
    other = root / "submitted" / "s2" / "ps2_measurement"
    other.mkdir(parents=True)
    (other / "measurement.ipynb").write_text("other student")
    return root, work


def run(cells, root, work, timeout=20):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cfg = Config()
    cfg.SandboxKernelManager.course_root = str(root)
    NotebookClient(nb, config=cfg, timeout=timeout, allow_errors=True, interrupt_on_timeout=True, kernel_manager_class=SandboxKernelManager,
                   resources={"metadata": {"path": str(work)}}).execute()
    return ["".join(o.get("text", "") or o.get("ename", "") for o in c.outputs) for c in nb.cells]


def test_bwrap_works_here():
    check_sandbox()


def test_student_code_cannot_touch_the_course(course):
    root, work = course
    out = run([
        "import os, glob; print(sorted(os.listdir('../../..')))",
        "os.remove('../../../gradebook.db')",
        "open('../../../source/ps2_measurement/measurement.ipynb', 'w').write('{}')",
        "open('../../../submitted/s2/ps2_measurement/measurement.ipynb', 'w').write('x')",
        "open('scratch.txt', 'w').write('mine'); print('own folder writable')",
        "while True: pass",
        "print('still running after the loop')",
    ], root, work, timeout=5)
    assert out[0].strip() == "['autograded']"
    assert "FileNotFoundError" in out[1]
    assert "FileNotFoundError" in out[2] or "OSError" in out[2]
    assert "own folder writable" in out[4]
    assert "still running after the loop" in out[6], "an endless loop must be interrupted, not kill the kernel"
    assert (root / "gradebook.db").read_text() == "grades"
    assert (root / "source" / "ps2_measurement" / "measurement.ipynb").read_text() == "solutions"
    assert (root / "submitted" / "s2" / "ps2_measurement" / "measurement.ipynb").read_text() == "other student"
    assert (work / "scratch.txt").read_text() == "mine"


def test_bwrap_command_hides_root_and_binds_workdir(tmp_path):
    root = tmp_path / "c"
    work = root / "autograded" / "s" / "a"
    venv = root / ".venv"
    work.mkdir(parents=True)
    venv.mkdir()
    cmd = bwrap_command(root, work, expose_readonly=[venv])
    text = " ".join(cmd)
    assert f"--tmpfs {root}" in text
    assert f"--ro-bind {venv} {venv}" in text
    assert f"--bind {work} {work}" in text
    assert text.index(f"--tmpfs {root}") < text.index(f"--bind {work}")
