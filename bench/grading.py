"""Benchmark: grading a class in parallel, ours beside plain ``nbgrader autograde``.

Makes a scratch copy of the course (never the real gradebook), releases
problem set 2 and hands in N simulated submissions: a mix of right answers,
wrong answers (reversed items, off-by-one cut-offs, missing validation) and
slow answers (right, but a second of needless work). Two identical copies
of that class are then graded in the same run:

  plain nbgrader   `nbgrader autograde ps2_measurement` in the course folder,
                   one submission after another, as an instructor would run
                   it (same nbgrader_config.py: sandbox, time limit ...)
  ours             `python -m socialbrain.grading grade ps2_measurement`
                   (worker processes, one per core unless --workers)

and every cell's score is compared. The floor is the time to execute one
submission once with nbclient: no nbgrader, no sandbox, no gradebook.
Measured for a right submission, and averaged over the class's mix of
answers (the slow ones take longer whoever runs them).

Targets (issue 7, 2 cores, N = 60): speed-up >= 1.7 with identical grades;
time per submission within 1.5 x the floor.

Run:  .venv/bin/python bench/grading.py  [-n 60] [--workers N] [--batches]
      --batches also times the other way to run batches in parallel: one
      `nbgrader autograde` subprocess per worker, each given its share of the
      students (nbgrader's own start-up paid once per batch).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from socialbrain.grading import simulated  # noqa: E402
from socialbrain.grading.course import quiet_warnings  # noqa: E402

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


def floor_seconds(course: Path, student: str, repeats: int = 3) -> tuple[float, float]:
    """Fastest of ``repeats`` executions of one submission with nbclient (plain kernel, no nbgrader).

    Returns (wall seconds, CPU seconds of this process and the kernel).
    """
    import resource

    import nbformat
    from nbclient import NotebookClient

    def cpu():
        me = resource.getrusage(resource.RUSAGE_SELF)
        return me.ru_utime + me.ru_stime + cpu_of_children()

    path = course / "submitted" / student / A / f"{NB}.ipynb"
    walls, cpus = [], []
    for _ in range(repeats):
        nb = nbformat.read(path, as_version=4)
        reap()
        c0, t0 = cpu(), time.perf_counter()
        NotebookClient(nb, timeout=60, allow_errors=True, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        walls.append(time.perf_counter() - t0)
        reap()
        cpus.append(cpu() - c0)
    return min(walls), min(cpus)


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


def run(cmd, cwd, log: Path, show: bool = False) -> Timed:
    with Timed() as timed, log.open("w") as fh:
        proc = subprocess.run(cmd, cwd=cwd, env=env(), stdout=fh, stderr=None if show else subprocess.STDOUT)
    if proc.returncode != 0:
        print(f"warning: {' '.join(map(str, cmd))} exited with {proc.returncode}; see {log}", file=sys.stderr)
    return timed


def run_batches(course: Path, students: list[str], workers: int, logdir: Path) -> Timed:
    """One `nbgrader autograde` subprocess per worker, each with its share of the students."""
    shares = [students[k::workers] for k in range(workers)]
    with Timed() as timed:
        procs = []
        for k, share in enumerate(shares):
            others = ",".join(s for s in students if s not in share)
            cmd = [sys.executable, "-m", "nbgrader", "autograde", A, "--student", "*",
                   f"--CourseDirectory.student_id_exclude={others}"]
            fh = (logdir / f"batch-{k}.log").open("w")
            procs.append((subprocess.Popen(cmd, cwd=course, env=env(), stdout=fh, stderr=subprocess.STDOUT), fh))
        for proc, fh in procs:
            proc.wait()
            fh.close()
    return timed


def scores(course: Path) -> dict:
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="social-brain") as gb:
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
    from socialbrain.grading.workflow import default_workers

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=60, help="number of simulated submissions (default 60)")
    parser.add_argument("--workers", type=int, default=None, help="workers for our command (default: one per core)")
    parser.add_argument("--batches", action="store_true", help="also time one nbgrader subprocess per batch")
    parser.add_argument("--keep", action="store_true", help="keep the scratch courses")
    args = parser.parse_args()
    quiet_warnings()
    become_subreaper()
    workers = args.workers or default_workers()

    tmp = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    try:
        load0 = os.getloadavg()
        print(f"making {args.n} simulated submissions of {A} in {tmp} ...", file=sys.stderr)
        base, kinds = make_class(tmp / "base", args.n)
        courses = {name: tmp / name for name in ("plain", "ours", "batches")}
        for name, course in courses.items():
            if name != "batches" or args.batches:
                shutil.copytree(base, course)

        print("floor: executing submissions with nbclient ...", file=sys.stderr)
        first = {kind: next(s for s, k in kinds.items() if k == kind) for kind in dict.fromkeys(kinds.values())}
        floors = {kind: floor_seconds(base, student) for kind, student in first.items()}

        print("plain nbgrader autograde (serial) ...", file=sys.stderr)
        plain = run([sys.executable, "-m", "nbgrader", "autograde", A], courses["plain"], tmp / "plain.log")
        t_plain = plain.wall
        print(f"  {t_plain:.1f} s", file=sys.stderr)

        print(f"ours: python -m socialbrain.grading grade {A} --workers {workers} ...", file=sys.stderr)
        ours = run([sys.executable, "-m", "socialbrain.grading", "--course", str(courses["ours"]), "grade", A,
                    "--workers", str(workers)], ROOT, tmp / "ours.log", show=True)
        t_ours = ours.wall
        print(f"  {t_ours:.1f} s", file=sys.stderr)

        batches = None
        if args.batches:
            print(f"{workers} nbgrader autograde subprocesses, one batch each ...", file=sys.stderr)
            batches = run_batches(courses["batches"], sorted(kinds), workers, tmp)

        print("floor again, after grading (the fastest of all runs counts) ...", file=sys.stderr)
        for kind, student in first.items():
            again = floor_seconds(base, student)
            floors[kind] = (min(floors[kind][0], again[0]), min(floors[kind][1], again[1]))
        floor_right, floor_right_cpu = floors["right"]
        floor_mix = statistics.fmean(floors[k][0] for k in kinds.values())
        floor_mix_cpu = statistics.fmean(floors[k][1] for k in kinds.values())

        plain_scores, our_scores = scores(courses["plain"]), scores(courses["ours"])
        same, diff = compare(plain_scores, our_scores)
        load1 = os.getloadavg()
        n = args.n
        counts = {k: list(kinds.values()).count(k) for k in dict.fromkeys(kinds.values())}
        mix = ", ".join(f"{c} {k}" for k, c in counts.items())
        per_ours = t_ours / n
        lines = [
            "",
            f"grading benchmark: {n} submissions of {A} ({mix}); {default_workers()} cores, "
            f"{workers} workers; load average {load0[0]:.1f} before, {load1[0]:.1f} after",
            "                                        wall     per submission   CPU per submission (all processes)",
            f"plain nbgrader autograde (serial):   {t_plain:7.1f} s   {t_plain / n:5.2f} s          {plain.cpu / n:5.2f} s",
            f"ours (grade --workers {workers}):          {t_ours:7.1f} s   {per_ours:5.2f} s          {ours.cpu / n:5.2f} s",
        ]
        if batches is not None:
            same_b, diff_b = compare(plain_scores, scores(courses["batches"]))
            lines.append(f"{workers} x nbgrader autograde, 1 batch each: {batches.wall:6.1f} s   {batches.wall / n:5.2f} s"
                         f"          {batches.cpu / n:5.2f} s   (grades identical: {'yes' if same_b else f'NO, {diff_b} cells differ'})")
        lines += [
            f"speed-up: {t_plain / t_ours:.2f}x   (target >= 1.7)",
            f"identical grades: {'yes' if same else f'NO ({diff} cells differ)'}   "
            f"({len(our_scores)} students x {len(next(iter(our_scores.values()), {}))} graded cells compared)",
            f"floor (nbclient, no nbgrader, no sandbox; fastest of 6 runs): one right submission "
            f"{floor_right:.2f} s ({floor_right_cpu:.2f} s CPU); averaged over the class's mix "
            f"{floor_mix:.2f} s ({floor_mix_cpu:.2f} s CPU)",
            f"per-submission cost / floor: {per_ours / floor_right:.2f} (right submission), "
            f"{per_ours / floor_mix:.2f} (mix)   (target <= 1.5); plain nbgrader: {t_plain / n / floor_mix:.2f} (mix)",
            f"  per worker: {t_ours * workers / n:.2f} worker-seconds per submission "
            f"= {t_ours * workers / n / floor_mix:.2f} x the mix floor",
            f"  CPU per submission / CPU floor (mix): ours {ours.cpu / n / floor_mix_cpu:.2f}, "
            f"plain nbgrader {plain.cpu / n / floor_mix_cpu:.2f}",
            f"  other programs on this machine compete for the same cores: compare the load average "
            f"with the {default_workers()} cores; CPU seconds do not depend on it",
        ]
        print("\n".join(lines))
        return 0 if same else 1
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
