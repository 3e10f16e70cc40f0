"""What the instructor sees: progress bars, messages, and the grading report (terminal and CSV)."""

from __future__ import annotations

import csv
import re
import sys

from tqdm import tqdm


def say(msg: str = "") -> None:
    tqdm.write(msg)


def bar(items, desc: str, unit: str, total: int | None = None):
    return tqdm(items, desc=desc, unit=unit, total=total, file=sys.stderr, dynamic_ncols=True,
                bar_format="{desc}: {n_fmt}/{total_fmt} {unit} |{bar}| {elapsed} elapsed, {remaining} left")


#: nbgrader's own remedies, which its messages spell out over several lines (kept whole in ours).
REMEDY = re.compile(r"(nbgrader (?:update|db upgrade)\b[^`\n]*)")


def last_error(result: dict) -> str:
    """The most telling line of a failed nbgrader run, with nbgrader's remedy if it gave one."""
    text = (result.get("error") or "") + "\n" + (result.get("log") or "")
    cause = _cause(text)
    remedy = REMEDY.search(text)
    if remedy and remedy[1].strip() not in cause:
        cause += f" - nbgrader's remedy: back up the course folder, then run `{remedy[1].strip()}` in it"
    return cause


def _cause(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    generic = ("NbGraderException", "Please see the", "There was an error processing")
    causes = [ln for ln in lines if re.match(r"^[\w.]+(Error|Exception|Interrupt)\b.*", ln) and not any(g in ln for g in generic)]
    if causes:
        return re.sub(r"^[\w.]*\.(?=\w+(Error|Exception|Interrupt))", "", causes[-1])[:300]
    errors = [ln for ln in lines if "ERROR" in ln and not any(g in ln for g in generic)]
    return (errors[-1] if errors else (lines[-1] if lines else "unknown error"))[:300]


COLUMNS = ["student_id", "status", "score", "max_score", "needs_manual_grade", "remarks", "limits", "integrity",
           "message", "seconds"]


def _row(r) -> list[str]:
    return [r.student, r.status, f"{r.score:g}", f"{r.max_score:g}", str(r.needs_manual_grade),
            " | ".join(r.remarks), " | ".join(r.limits), " | ".join(r.integrity), r.message, f"{r.seconds:.1f}"]


def write_csv(path, results, only_these: bool) -> None:
    """Write the report; for a run on some students only, replace just their rows and keep the others."""
    rows = {}
    if only_these and path.exists():
        with path.open(newline="") as fh:
            old = list(csv.reader(fh))
        if old and old[0] == COLUMNS:
            rows = {row[0]: row for row in old[1:] if row}
    rows.update({r.student: _row(r) for r in results})
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        w.writerows(rows.values())
    tmp.replace(path)


def write_report(course, assignment: str, results, elapsed: float, n_graded: int, where: str,
                 only_these: bool = False) -> None:
    """Print the per-student table and write it to reports/<assignment>-grading.csv.

    ``only_these``: the run graded some students only (``--student``); the others' rows stay.
    """
    reports = course.dir("reports")
    reports.mkdir(exist_ok=True)
    path = reports / f"{assignment}-grading.csv"
    write_csv(path, results, only_these)
    say("")
    say(f"{'student':<16} {'status':<11} {'score':>11}  remarks")
    for r in results:
        score = f"{r.score:g}/{r.max_score:g}" if r.status != "failed" else f"-/{r.max_score:g}"
        manual = " (+ manual grading)" if r.needs_manual_grade else ""
        say(f"{r.student:<16} {r.status:<11} {score:>11}  {r.message}{manual}")
        for label, items in (("", r.remarks), ("limit: ", r.limits), ("integrity: ", r.integrity)):
            for item in items:
                if item != r.message:
                    say(f"{'':<16} {'':<11} {'':>11}  - {label}{item}")
    say("")
    per = f", {elapsed / n_graded:.1f} s per submission" if n_graded else ""
    say(f"graded {n_graded} of {len(results)} submissions in {elapsed:.0f} s, {where}{per}")
    tampered = [r.student for r in results if any("protected cells" in x for x in r.remarks)]
    say(f"changed or deleted test cells (judged against release/): {', '.join(tampered) or 'nobody'}")
    flagged = [r.student for r in results if r.integrity]
    say(f"integrity: {', '.join(flagged) + ' (look at their code; see the report)' if flagged else 'nothing to look at'}")
    done = f"updated (the rows of {', '.join(r.student for r in results)}) in" if only_these else "written to"
    say(f"report {done} {path.relative_to(course.root)}")
