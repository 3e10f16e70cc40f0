"""A hostile class, graded three ways: in one process, in a local pool, and on a real Dask cluster.

The class of problem set 2 mixes typical students (right, wrong, slow, an
endless loop, edited and deleted tests, a kernel that dies, a broken file)
with hostile ones (:data:`socialbrain.grading.simulated.HOSTILE_STUDENTS`):
one per kind of escape, limit and exploit. The test starts a real
``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1 and a
listener on 127.0.0.1 that no student may reach, puts a secret in the
grader's environment and in a file in its home folder, and grades the same
class with ``--workers 1``, ``--workers 2`` and ``--scheduler``. Then:

* every score of every cell is the same in the three gradebooks;
* no secret appears in any autograded notebook or feedback file, the
  listener received nothing, and no sandbox process is left;
* every limit is hit, named in the report, and costs only the answers it
  affects;
* no exploit earns a point, and each is named in the integrity column.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import stop
from socialbrain.grading import coordinator, simulated, workflow
from socialbrain.grading.cli import main
from socialbrain.grading.course import Course
from socialbrain.grading.sandbox import leftover_processes as sandbox_processes

A, NB = "ps2_measurement", "measurement"
SECRET_ENV = "SOCIALBRAIN_GRADING_SECRET"
TYPICAL = {s: v for s, v in simulated.PS2_STUDENTS.items() if s != "hugeoutput"}
#: student -> words the integrity column must contain
EXPLOITS = {
    "always_equal": "defines __eq__", "rigged_types": "subclasses int", "swallow_errors": "switched off error reporting",
    "hide_tracebacks": "switched off error reporting", "excepthook": "excepthook", "patched_builtins": "touches builtins",
    "quits_early": "ends the kernel", "reads_tests": "input history",
}
#: student -> (words the limits column must contain, points lost)
LIMITS = {"memory": ("ran out of memory", 2), "processes": ("too many processes", 2), "disk": ("disk limit", 2),
          "network": ("network", 0)}


def all_scores(course: Path) -> dict:
    """{student: {cell: (auto_score, needs_manual_grade)} plus the total}, from the gradebook."""
    out = {}
    with Course.open(course).gradebook_db() as gb:
        for student in gb.students:
            try:
                sub = gb.find_submission_notebook(NB, A, student.id)
            except Exception:  # noqa: BLE001 - not graded
                out[student.id] = None
                continue
            cells = {g.name: (g.auto_score, g.needs_manual_grade) for g in sub.grades}
            cells["(total)"] = gb.find_submission(A, student.id).score
            out[student.id] = cells
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def listener():
    """A TCP listener on 127.0.0.1 that records every connection it receives."""
    received, stop = [], threading.Event()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)

    def accept():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                received.append(conn.recv(100) or b"(connected)")
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], received
    stop.set()
    thread.join()
    sock.close()


@pytest.fixture(scope="module")
def secret():
    token = secrets.token_hex(12)
    path = Path.home() / f".socialbrain-grading-test-{token[:8]}"
    path.write_text(f"file-{token}")
    old = os.environ.get(SECRET_ENV)
    os.environ[SECRET_ENV] = f"env-{token}"
    yield token, path
    path.unlink()
    if old is None:
        os.environ.pop(SECRET_ENV, None)
    else:
        os.environ[SECRET_ENV] = old


@pytest.fixture(scope="module")
def dask_scheduler(secret):
    """A real Dask scheduler and two single-threaded workers on 127.0.0.1 (the secret in their environment)."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    bindir = Path(sys.executable).parent
    # A loaded test machine can stall an event loop for tens of seconds; the default 30 s
    # before a connection counts as lost would then fail the run for a reason that is not grading.
    patience = {"distributed.comm.timeouts.tcp": "180s"}
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__TCP": patience["distributed.comm.timeouts.tcp"]}
    log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"socialbrain-dask-{port}.log", "w")
    procs = [subprocess.Popen([bindir / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], env=env, stdout=log, stderr=log)]
    procs.append(subprocess.Popen([bindir / "dask", "worker", address, "--nworkers", "2", "--nthreads", "1",
                                   "--no-dashboard", "--host", "127.0.0.1"], env=env, stdout=log, stderr=log))
    import dask
    from distributed import Client

    with dask.config.set(patience):
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    for proc in reversed(procs):
        stop(proc)
    log.close()


@pytest.fixture(scope="module")
def graded(tmp_path_factory, listener, secret, dask_scheduler):
    old_timeout = os.environ.get("SOCIALBRAIN_CELL_TIMEOUT")
    os.environ["SOCIALBRAIN_CELL_TIMEOUT"] = "5"  # the endless loop costs this, three times
    port, _ = listener
    token, secret_file = secret
    context = {"secret_file": str(secret_file), "secret_env": SECRET_ENV, "grader_pid": os.getpid(),
               "port": port, "sleep": 4321}
    base = simulated.new_course(tmp_path_factory.mktemp("class") / "course")
    assert main(["--course", str(base), "release", A]) == 0
    sol = simulated.solutions(base, A, NB)
    for student, (kind, edit) in TYPICAL.items():
        simulated.hand_in(base, student, A, f"{NB}.ipynb",
                          simulated.submission(base, A, NB, simulated.ps2_answers(sol, kind), edit))
    simulated.hand_in(base, "exits", A, f"{NB}.ipynb",
                      simulated.submission(base, A, NB, simulated.ps2_answers(sol, "exits_kernel")))
    simulated.hand_in(base, "badjson", A, f"{NB}.ipynb", '{"cells": [ ')
    for student, kind in simulated.HOSTILE_STUDENTS.items():
        simulated.hand_in(base, student, A, f"{NB}.ipynb", simulated.hostile_submission(base, kind, context))
    runs = {}
    for name, options in (("serial", {"workers": 1}), ("pool", {"workers": 2}), ("dask", {"scheduler": dask_scheduler})):
        course = base.parent / name
        shutil.copytree(base, course)
        started = time.perf_counter()
        code, results = coordinator.grade(Course.open(course), A, **options)
        runs[name] = {"course": course, "code": code, "seconds": time.perf_counter() - started,
                      "results": {r.student: r for r in results}, "scores": all_scores(course),
                      "left": sandbox_processes()}
    yield runs
    if old_timeout is None:
        os.environ.pop("SOCIALBRAIN_CELL_TIMEOUT", None)
    else:
        os.environ["SOCIALBRAIN_CELL_TIMEOUT"] = old_timeout


def test_the_three_executors_give_the_same_grades(graded):
    serial = graded["serial"]["scores"]
    assert set(serial) == set(TYPICAL) | set(simulated.HOSTILE_STUDENTS) | {"exits", "badjson"}
    for name in ("pool", "dask"):
        assert graded[name]["code"] == graded["serial"]["code"] == 0
        for student in sorted(serial):
            assert graded[name]["scores"][student] == serial[student], (name, student)
            a, b = graded[name]["results"][student], graded["serial"]["results"][student]
            # where exactly a kernel that ends itself is seen to stop depends on timing; the findings do not
            assert (a.status, a.score, bool(a.limits), bool(a.integrity)) == \
                   (b.status, b.score, bool(b.limits), bool(b.integrity)), (name, student)
    totals = {s: c["(total)"] for s, c in serial.items() if c}
    assert totals["right"] == totals["spy"] == totals["daemon"] == totals["malicious"] == 13
    assert totals["reversed"] < 13 and totals["loop"] < 13


def test_no_secret_leaves_the_sandbox(graded, secret):
    token, _ = secret
    for name, run in graded.items():
        for path in (run["course"] / "autograded").rglob("*"):
            if path.is_file():
                assert token not in path.read_text(errors="replace"), (name, path)
    course = graded["pool"]["course"]
    assert workflow.feedback(Course.open(course), [A]) == 0
    html = (course / "feedback" / "spy" / A / f"{NB}.html").read_text()
    assert "/etc/shadow" in html and token not in html
    spy = (course / "autograded" / "spy" / A / f"{NB}.ipynb").read_text()
    assert "read /etc/shadow <FileNotFoundError>" in spy and "env None" in spy


def test_no_connection_reaches_the_machine(graded, listener):
    _, received = listener
    assert received == []
    for run in graded.values():
        assert any("network" in x for x in run["results"]["network"].limits)


def test_no_process_is_left_behind(graded):
    for name, run in graded.items():
        assert run["left"] == [], name
    assert sandbox_processes() == []


@pytest.mark.parametrize("student", sorted(LIMITS))
def test_a_limit_costs_only_the_answers_it_affects(graded, student):
    words, lost = LIMITS[student]
    for name, run in graded.items():
        r = run["results"][student]
        assert r.status == "graded" and r.score == 13 - lost, (name, r.score)
        assert any(words in x for x in r.limits), (name, r.limits)
    kept = sum(p.stat().st_size for p in (graded["pool"]["course"] / "autograded" / student).rglob("*") if p.is_file())
    assert kept < 1_000_000, "what student code wrote is not kept under autograded/"


@pytest.mark.parametrize("student", sorted(EXPLOITS))
def test_no_exploit_earns_a_point(graded, student):
    for name, run in graded.items():
        r = run["results"][student]
        assert r.status == "graded" and r.score == 0, (name, r.score)
        assert any(EXPLOITS[student] in x for x in r.integrity), (name, r.integrity)


def test_what_cannot_be_prevented_is_named(graded):
    for run in graded.values():
        r = run["results"]["reads_frames"]
        assert any("calling code" in x for x in r.integrity), r.integrity


def test_honest_work_is_not_flagged(graded):
    results = graded["serial"]["results"]
    for student in ("right", "reversed", "offbyone", "novalidation", "importerror", "loop", "edittest", "deltest"):
        assert results[student].integrity == [], (student, results[student].integrity)
    assert any("kernel stopped" in x for x in results["exits"].integrity)
    assert results["exits"].score == 6, "the tests before the kernel ended still count"
