"""The grading sandbox on its own: what student code can see, reach and use.

Each test runs a small notebook through nbclient with the sandboxed kernel
manager (no nbgrader, so it is quick) and checks the outcome from outside:
secrets that exist on this machine never appear in any output, a listener
on 127.0.0.1 receives nothing, limits stop the cell that hits them but not
the kernel, and no process outlives its sandbox.
"""

import os
import secrets
import socket
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from socialbrain.grading.sandbox import (Limits, SandboxKernelManager, bwrap_command, check_sandbox,
                                         kernel_environment, leftover_processes, python_folders)


def run(cells, workdir, timeout=20, **limits):
    """Execute ``cells`` in the sandbox with ``workdir`` as the submission's folder; return each cell's text."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    client = NotebookClient(nb, timeout=timeout, allow_errors=True, interrupt_on_timeout=True,
                            kernel_manager_class=SandboxKernelManager, resources={"metadata": {"path": str(workdir)}})
    for name, value in limits.items():
        client.config.SandboxKernelManager[name] = value
    client.execute()
    return ["".join(o.get("text", "") or f"{o.get('ename', '')}: {o.get('evalue', '')}" for o in c.outputs)
            for c in nb.cells]


@pytest.fixture
def course(tmp_path):
    """A course folder with a gradebook, solutions and another student's work, and one submission folder."""
    root = tmp_path / "course"
    work = root / "autograded" / "s1" / "ps2_measurement"
    work.mkdir(parents=True)
    (work / "measurement.ipynb").write_text('{"hidden": "assert answer == 42"}')
    (work / "data.csv").write_text("a,b\n1,2\n")
    (root / "gradebook.db").write_text("grades")
    (root / "source" / "ps2_measurement").mkdir(parents=True)
    (root / "source" / "ps2_measurement" / "measurement.ipynb").write_text("solutions")
    return root, work


@pytest.fixture
def secret():
    """A secret in the grader's environment and in a file outside /tmp (the grader's home folder)."""
    token = secrets.token_hex(12)
    path = Path.home() / f".socialbrain-sandbox-test-{token[:8]}"
    path.write_text(f"file-{token}")
    os.environ["SOCIALBRAIN_SANDBOX_SECRET"] = f"env-{token}"
    yield token, path
    path.unlink()
    os.environ.pop("SOCIALBRAIN_SANDBOX_SECRET", None)


def test_the_sandbox_starts_and_holds_here():
    found = check_sandbox()
    assert found["uid"] != 0 and found["uid"] != os.getuid()
    assert found["network"] != "open"
    assert set(found["env"]) <= set(kernel_environment()) | {"PWD"}
    assert found["processes"] == ["1", "2"], "the sandbox sees only its own processes"
    assert found["limits"]["RLIMIT_AS"] == Limits().memory_mib * 2**20
    assert found["limits"]["RLIMIT_FSIZE"] == Limits().disk_mib * 2**20
    assert found["nice"] == 19, "student code must run at the lowest CPU priority"


def test_student_code_sees_only_python_and_its_own_files(course, secret):
    root, work = course
    token, path = secret
    out = run([
        "import os, glob; print(sorted(os.listdir('.')), sorted(glob.glob('/tmp/**/*.ipynb', recursive=True)))",
        f"print(open({str(root / 'gradebook.db')!r}).read())",
        f"print(open({str(path)!r}).read())",
        "print(open('/etc/shadow').read())",
        "print([p for p in os.listdir('/root') if p != '.pyenv'], sorted(os.listdir('/')))",
        "print(dict(os.environ), open('/proc/self/environ').read())",
        f"print(open('/proc/{os.getpid()}/environ').read())",
        "open('scratch.txt', 'w').write('mine'); print(open('scratch.txt').read())",
    ], work)
    assert out[0].startswith("['data.csv'] []"), "the notebook itself (with its tests) is not there"
    assert "FileNotFoundError" in out[1] and "FileNotFoundError" in out[2] and "FileNotFoundError" in out[3]
    assert out[4].startswith("[] "), "nothing of /root (at most the Python installation, if it lives there)"
    top = eval(out[4].split("] ", 1)[1])  # the sandbox's / : system folders and where Python lives
    pythons = {folder.parts[1] for folder in python_folders()}
    assert set(top) <= {"bin", "dev", "etc", "grading", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "tmp",
                        "usr"} | pythons
    assert "home" not in top
    assert "FileNotFoundError" in out[6], "another process's /proc is invisible"
    assert out[7].strip() == "mine"
    text = "\n".join(out)
    assert token not in text and "SOCIALBRAIN_SANDBOX_SECRET" not in text
    assert not (work / "scratch.txt").exists(), "what student code writes stays in the sandbox"
    assert (root / "gradebook.db").read_text() == "grades"


def test_no_network_not_even_the_machines_loopback(course):
    _, work = course
    received = []
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]

    def accept():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                received.append(conn.recv(100))
            except OSError:
                pass

    stop = threading.Event()
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        out = run([f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'hi')",
                   "socket.getaddrinfo('pypi.org', 443)",
                   "socket.create_connection(('1.1.1.1', 53), timeout=3)"], work)
    finally:
        stop.set()
        thread.join()
        listener.close()
    assert received == []
    assert "ConnectionRefusedError" in out[0]
    assert "gaierror" in out[1]
    assert "OSError" in out[2] or "unreachable" in out[2].lower()


def test_limits_stop_the_cell_not_the_kernel(course):
    _, work = course
    out = run([
        "hog = bytearray(1024 * 2**20)",
        "import subprocess\nkids = [subprocess.Popen(['sleep', '30']) for _ in range(100)]",
        "open('big.bin', 'wb').write(b'x' * (80 * 2**20))",
        "import threading\nfor i in range(3):\n    open(f'part{i}.bin', 'wb').write(b'x' * (40 * 2**20))",
        "while True: pass",
        "print('still here')",
    ], work, timeout=5, memory_mib=512, processes=64, disk_mib=64)
    assert out[0].startswith("MemoryError")
    assert "BlockingIOError" in out[1] and "Errno 11" in out[1]
    assert "File too large" in out[2] or "No space left" in out[2]
    assert "No space left" in out[3] or "File too large" in out[3]
    assert out[5].strip() == "still here"


def test_no_process_outlives_its_sandbox(course):
    _, work = course
    run(["import os, subprocess\nsubprocess.Popen(['sleep', '987'], start_new_session=True)\n"
         "if os.fork() == 0:\n    os.setsid()\n    os.execvp('sleep', ['sleep', '987'])"], work)
    assert leftover_processes() == []


def test_a_symlinked_environment_works(tmp_path, course):
    """The grader's Python found through a link (a symlinked .venv) still starts kernels in the sandbox."""
    _, work = course
    link = tmp_path / "venv-link"
    link.symlink_to(Path(sys.prefix))
    code = ("from tests.test_grading_sandbox import run; import sys; "
            f"print(run(['import sys; print(sys.prefix)'], {str(work)!r})[0])")
    proc = subprocess.run([str(link / "bin" / "python"), "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == str(link)


def test_bwrap_command_binds_only_what_is_needed(tmp_path):
    cmd = bwrap_command(tmp_path, ["python"], Limits())
    text = " ".join(cmd)
    assert "--ro-bind / /" not in text
    assert "--unshare-net" in cmd and "--clearenv" in cmd and "--die-with-parent" in cmd
    assert f"--ro-bind {tmp_path} /grading" in text
    assert f"--size {200 * 2**20} --tmpfs /tmp" in text
    assert text.index("--tmpfs /tmp") < text.index(f"--ro-bind {Path(sys.prefix).resolve()}")
