"""Benchmark: grading a class three ways, beside plain ``nbgrader autograde``.

Makes a scratch copy of the course (never the real gradebook), releases
problem set 2 and hands in N simulated submissions: a mix of right answers,
wrong answers (reversed items, off-by-one cut-offs, missing validation) and
slow answers (right, but a second of needless work). Identical copies of
that class are graded in one run:

  plain nbgrader   `nbgrader autograde ps2_measurement`, one submission after
                   another, with the course's nbgrader_config.py (the same sandbox)
  local pool       `python -m socialbrain.grading grade ps2_measurement --workers W`
  Dask             the same command with `--scheduler`, against a real
                   `dask scheduler` and W single-threaded `dask worker`s that
                   this benchmark starts on 127.0.0.1

and every cell's score is compared across all three.

Targets (issue 11, 2 cores, N = 60): local pool >= 1.7x plain nbgrader;
Dask at most 15% slower than the local pool with the same number of workers.

Run:  .venv/bin/python bench/grading.py  [-n 60] [--workers W]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from socialbrain.grading import simulated  # noqa: E402
from socialbrain.grading.course import Course, quiet_warnings  # noqa: E402

A, NB = "ps2_measurement", "measurement"
#: one class in six is slow, half are wrong in some way
MIX = ["right", "reversed", "slow", "off_by_one", "right", "no_validation"]


def env() -> dict:
    bindir = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))


def make_class(folder: Path, n: int) -> tuple[Path, dict]:
    from socialbrain.grading.cli import main

    course = simulated.new_course(folder)
    with open(os.devnull, "w") as devnull, redirect_stdout(devnull), redirect_stderr(devnull):
        code = main(["--course", str(course), "release", A])
    if code != 0:
        raise SystemExit("release failed")
    sol = simulated.solutions(course, A, NB)
    kinds = {}
    for i in range(n):
        student, kind = f"s{i + 1:03d}", MIX[i % len(MIX)]
        simulated.hand_in(course, student, A, f"{NB}.ipynb",
                          simulated.submission(course, A, NB, simulated.ps2_answers(sol, kind)))
        kinds[student] = kind
    return course, kinds


def become_subreaper() -> None:
    """Adopt orphaned descendants (e.g. a fork server), so that their CPU time is counted too (Linux)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:  # noqa: BLE001 - CPU figures then miss orphaned processes
        pass


def reap(timeout: float = 30.0) -> None:
    """Wait for every remaining descendant process to end (they end with their parents)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.05)


def cpu_of_children() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


class Timed:
    """Wall-clock seconds and CPU seconds of every process started inside the block."""

    def __enter__(self):
        reap()
        self.cpu0, self.t0 = cpu_of_children(), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.t0
        reap()
        self.cpu = cpu_of_children() - self.cpu0


def run(cmd, cwd, log: Path) -> Timed:
    with Timed() as timed, log.open("w") as fh:
        proc = subprocess.run(cmd, cwd=cwd, env=env(), stdout=fh, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        print(f"warning: {' '.join(map(str, cmd))} exited with {proc.returncode}; see {log}", file=sys.stderr)
    return timed


class DaskOnLoopback:
    """A real scheduler and ``workers`` single-threaded workers on 127.0.0.1, for the length of a block."""

    def __init__(self, workers: int, log: Path):
        self.workers, self.log = workers, log

    def __enter__(self) -> str:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        bindir = Path(sys.executable).parent
        self.fh = self.log.open("w")
        self.procs = [subprocess.Popen([bindir / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                        "--no-dashboard"], stdout=self.fh, stderr=subprocess.STDOUT, env=env())]
        self.procs.append(subprocess.Popen([bindir / "dask", "worker", self.address, "--nworkers", str(self.workers),
                                            "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                                           stdout=self.fh, stderr=subprocess.STDOUT, env=env()))
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(self.workers, timeout=120)
        return self.address

    def __exit__(self, *exc):
        for proc in reversed(self.procs):
            proc.terminate()
            proc.wait(timeout=30)
        self.fh.close()


def scores(course: Path) -> dict:
    out = {}
    with Course.open(course).gradebook_db() as gb:
        for sub in gb.find_assignment(A).submissions:
            nb = gb.find_submission_notebook(NB, A, sub.student.id)
            out[sub.student.id] = {g.name: (g.auto_score, g.needs_manual_grade) for g in nb.grades}
    return out


def compare(a: dict, b: dict) -> tuple[bool, int]:
    """(identical?, number of differing cells); a missing student counts as all cells differing."""
    diff = 0
    for student in set(a) | set(b):
        ca, cb = a.get(student, {}), b.get(student, {})
        diff += sum(1 for cell in set(ca) | set(cb) if ca.get(cell) != cb.get(cell))
    return diff == 0 and set(a) == set(b) and bool(a), diff


def main() -> int:
    from socialbrain.grading.executors import default_workers

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=60, help="number of simulated submissions (default 60)")
    parser.add_argument("--workers", type=int, default=None, help="workers for the pool and for Dask (default: one per core)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch courses")
    args = parser.parse_args()
    quiet_warnings()
    become_subreaper()
    workers, cores = args.workers or default_workers(), default_workers()

    tmp = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    try:
        load0 = os.getloadavg()
        print(f"making {args.n} simulated submissions of {A} in {tmp} ...", file=sys.stderr)
        base, kinds = make_class(tmp / "base", args.n)
        courses = {name: tmp / name for name in ("plain", "pool", "dask")}
        for course in courses.values():
            shutil.copytree(base, course)
        grade = [sys.executable, "-m", "socialbrain.grading", "grade", A]
        timed = {}
        print("plain nbgrader autograde (serial) ...", file=sys.stderr)
        timed["plain"] = run([sys.executable, "-m", "nbgrader", "autograde", A], courses["plain"], tmp / "plain.log")
        print(f"local pool: grade {A} --workers {workers} ...", file=sys.stderr)
        timed["pool"] = run([*grade, "--workers", str(workers)], courses["pool"], tmp / "pool.log")
        print(f"Dask: grade {A} --scheduler (a scheduler and {workers} workers on 127.0.0.1) ...", file=sys.stderr)
        with DaskOnLoopback(workers, tmp / "dask-cluster.log") as address:
            timed["dask"] = run([*grade, "--scheduler", address], courses["dask"], tmp / "dask.log")

        graded = {name: scores(course) for name, course in courses.items()}
        checks = {name: compare(graded["plain"], graded[name]) for name in ("pool", "dask")}
        load1 = os.getloadavg()
        n = args.n
        counts = {k: list(kinds.values()).count(k) for k in dict.fromkeys(kinds.values())}
        labels = {"plain": "plain nbgrader autograde (serial)", "pool": f"local pool (--workers {workers})",
                  "dask": f"Dask, {workers} workers on 127.0.0.1"}
        lines = [
            "",
            f"grading benchmark: {n} submissions of {A} ({', '.join(f'{c} {k}' for k, c in counts.items())}); "
            f"{cores} cores; load average {load0[0]:.1f} before, {load1[0]:.1f} after",
            f"{'':38} {'wall':>8} {'per submission':>15} {'submissions/min/core':>21} {'CPU per submission':>19}",
        ]
        for name, t in timed.items():
            lines.append(f"{labels[name]:38} {t.wall:7.1f}s {t.wall / n:14.2f}s {n / (t.wall / 60) / cores:21.1f} "
                         f"{t.cpu / n:18.2f}s")
        overhead = timed["dask"].wall / timed["pool"].wall - 1
        lines += [
            f"speed-up of the local pool over plain nbgrader: {timed['plain'].wall / timed['pool'].wall:.2f}x "
            "(target >= 1.7)",
            f"speed-up of Dask over plain nbgrader: {timed['plain'].wall / timed['dask'].wall:.2f}x",
            f"Dask's overhead over the local pool with the same workers: {overhead:+.1%} (target <= +15%)",
            f"one worker's cost per submission: {timed['dask'].wall * workers / n:.2f} worker-seconds (Dask), "
            f"{timed['pool'].wall * workers / n:.2f} (pool)",
        ]
        for name, (same, diff) in checks.items():
            lines.append(f"identical grades, {labels[name]} vs plain nbgrader: "
                         f"{'yes' if same else f'NO ({diff} cells differ)'} ({len(graded[name])} students)")
        print("\n".join(lines))
        return 0 if all(same for same, _ in checks.values()) else 1
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
