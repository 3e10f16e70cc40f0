"""Command line: ``python -m socialbrain.grading <command> [options]``."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import OperationalError

from .course import Course, CourseError, quiet_warnings
from .platforms import NAMES as PLATFORMS
from .sandbox import SandboxError

EPILOG = """\
typical order:
  python -m socialbrain.grading release --all
  python -m socialbrain.grading collect ps2_measurement            (submissions in submitted/)
  python -m socialbrain.grading roster class-list.csv                 (names and platform ids)
  python -m socialbrain.grading collect --zip canvas.zip ps2_measurement
  python -m socialbrain.grading grade ps2_measurement
  python -m socialbrain.grading grade ps2_measurement --scheduler tcp://10.0.0.5:8786   (on a Dask cluster)
  python -m socialbrain.grading feedback ps2_measurement
  jupyter lab   (menu Nbgrader > Formgrader: manual grading of written answers)
  python -m socialbrain.grading export                                (the platform's import file)
"""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m socialbrain.grading",
        description="Release, collect, grade, give feedback on and export the course's nbgrader assignments.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--course", metavar="DIR", help="course directory (default: the one containing the current folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("release", help="make the student versions in release/ (nbgrader generate_assignment)",
                       description="Make the student version of one or all assignments in release/.")
    p.add_argument("assignment", nargs="?", help="e.g. ps2_measurement")
    p.add_argument("--all", action="store_true", help="release every assignment in source/")

    p = sub.add_parser("collect", help="check submitted/, or collect a learning-platform zip first",
                       description="Check the submissions in submitted/<student>/ASSIGNMENT/; with --zip, first "
                                   "put a learning platform's download into submitted/ (kept and unpacked once in "
                                   "downloaded/; a file changed in submitted/ is kept unless --replace).")
    p.add_argument("assignment", help="e.g. ps2_measurement")
    p.add_argument("--zip", metavar="FILE", help="submissions zip downloaded from the learning platform")
    p.add_argument("--platform", choices=PLATFORMS, help="whose download it is (default: c.Platform.name in nbgrader_config.py)")
    p.add_argument("--replace", action="store_true",
                   help="replace files in submitted/ that were changed since they were collected (old ones go to backups/)")

    p = sub.add_parser("grade", help="autograde every submission (sandboxed) and report per student",
                       description="Check the sandbox, back up the gradebook, check every submission, run them in "
                                   "the sandbox (here in worker processes, one per core unless --workers says "
                                   "otherwise, or on a Dask cluster with --scheduler), record the grades and print "
                                   "a per-student report (also in reports/ASSIGNMENT-grading.csv).")
    p.add_argument("assignment", help="e.g. ps2_measurement")
    p.add_argument("--student", action="append", metavar="ID", help="grade only this student (repeatable)")
    p.add_argument("--workers", type=_positive_int, metavar="N",
                   help="grade in N worker processes at once (default: one per core; 1 = one after another)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the notebooks on the workers of this Dask scheduler, e.g. tcp://10.0.0.5:8786")

    p = sub.add_parser("feedback", help="write HTML feedback (no hidden-test source) to feedback/",
                       description="Write HTML feedback for graded submissions to feedback/<student>/ASSIGNMENT/.")
    p.add_argument("assignment", nargs="?", help="one assignment (default: all graded ones)")

    p = sub.add_parser("export", help="write the learning platform's grade-import file",
                       description="Write the grades in the platform's own import format (Canvas Gradebook import, "
                                   "Brightspace grades import, Moodle grading worksheet). A grade that is not final "
                                   "(no hand-in, not graded, waiting for manual grading) is left blank, with a warning.")
    p.add_argument("--platform", choices=PLATFORMS, help="the platform (default: c.Platform.name in nbgrader_config.py)")
    p.add_argument("--out", metavar="FILE", help="output CSV (default: canvas-grades.csv, brightspace-grades.csv or moodle-grading-worksheet.csv in the course directory)")
    p.add_argument("--assignment", action="append", metavar="NAME", help="only this assignment (repeatable)")
    p.add_argument("--worksheet", metavar="FILE", help="Moodle: the grading worksheet downloaded from the assignment")

    p = sub.add_parser("roster", help="load the class list (names, platform ids) into the gradebook",
                       description="Load a class list into the gradebook: Canvas's Gradebook export, Brightspace's "
                                   "class list or grades export, Moodle's grading worksheet, or id,first,last,email. "
                                   "Lists hand-ins from students not on it and students without a hand-in.")
    p.add_argument("file", help="the class-list CSV")
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    quiet_warnings()
    from . import coordinator, workflow

    try:
        course = Course.open(args.course)
        if args.command == "release":
            if args.all == bool(args.assignment):
                parser.error("release: give one ASSIGNMENT or --all (not both)")
            return workflow.release(course, course.assignments() if args.all else [args.assignment])
        if args.command == "collect":
            if (args.platform or args.replace) and not args.zip:
                parser.error("collect: --platform and --replace go with --zip FILE")
            return workflow.collect(course, args.assignment, args.zip, args.platform, args.replace)
        if args.command == "grade":
            code, _ = coordinator.grade(course, args.assignment, args.student, workers=args.workers,
                                        scheduler=args.scheduler)
            return code
        if args.command == "feedback":
            return workflow.feedback(course, [args.assignment] if args.assignment else course.assignments())
        if args.command == "export":
            return workflow.export(course, args.out, args.platform, args.assignment, args.worksheet)
        if args.command == "roster":
            return workflow.roster(course, args.file)
    except (CourseError, SandboxError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OperationalError as err:
        print(f"error: the gradebook cannot be read ({str(err.orig)[:200]}); it was probably made by an older "
              "nbgrader. nbgrader's remedy: back up gradebook.db, then run `nbgrader db upgrade` in the course "
              "directory.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; the gradebook backup in backups/ is intact", file=sys.stderr)
        return 130
    return 0  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
