"""The instructor's commands besides grading: release, collect, feedback, export, roster.

Grading itself is :mod:`.coordinator`. Each command prints what it does and
a progress bar (tqdm) with counts and time left.
"""

from __future__ import annotations

from pathlib import Path

from . import cells
from .checks import check_submission
from .collect import collect_download
from .course import Course, CourseError
from .report import bar, last_error, say


# ---------------------------------------------------------------------------
# release
# ---------------------------------------------------------------------------

def release(course: Course, assignments: list[str]) -> int:
    for a in assignments:
        course.check_assignment(a)
    api = course.api()
    failed = 0
    for a in bar(assignments, "Releasing", "assignments"):
        result = api.generate_assignment(a, force=True)
        if not result.get("success"):
            failed += 1
            say(f"FAILED  {a}: {last_error(result)}")
            continue
        with course.gradebook_db() as gb:
            points = gb.find_assignment(a).max_score
        for nb in sorted((course.dir("release") / a).glob("*.ipynb")):
            say(f"released {nb.relative_to(course.root)}  ({points:g} points in {a})")
    say(f"{len(assignments) - failed} of {len(assignments)} released to {course.dir('release')}/"
         " - give students these files (or publish the release/ folder).")
    return 1 if failed else 0


# ---------------------------------------------------------------------------
# collect
# ---------------------------------------------------------------------------

def platform_of(course: Course, platform: str | None) -> str:
    """The platform given, else the one set in nbgrader_config.py (``c.Platform.name``)."""
    from .platforms import Platform

    return platform or Platform(config=course.config()).name


def collect(course: Course, assignment: str, zip_file: str | None = None, platform: str | None = None,
            replace: bool = False) -> int:
    course.check_assignment(assignment, released=True)
    code = 0
    if zip_file:
        platform = platform_of(course, platform)
        say(f"collecting {Path(zip_file).name} as a {platform} download ...")
        result = collect_download(course, assignment, zip_file, platform, replace)
        code = report_collected(course, assignment, result)
    students = course.students(assignment)
    if not students:
        raise CourseError(f"no submissions for {assignment} in {course.dir('submitted')}/<student>/{assignment}/")
    checks = [check_submission(course, assignment, s) for s in bar(students, "Checking", "submissions")]
    ok = sum(1 for c in checks if c.gradable and not c.problems)
    say(f"{len(checks)} submissions for {assignment}: {ok} fine, {len(checks) - ok} with remarks")
    for c in checks:
        for p in c.problems:
            say(f"  {c.student}: {p}")
    from .roster import not_on_roster

    strangers = not_on_roster(course, students)
    if strangers:
        say(f"not on the roster ({len(strangers)}): {', '.join(strangers)} - load the class list with "
            "`python -m socialbrain.grading roster FILE`")
    return code


def report_collected(course: Course, assignment: str, r) -> int:
    """Print what a collect did; 1 if something was held back (it needs --replace) or could not be placed."""
    if r.duplicate:
        say(f"{r.download}: this download was collected before (same content); it was not unpacked again")
    counts = [f"{len(r.new)} new", f"{len(r.updated)} updated with a newer hand-in", f"{len(r.unchanged)} unchanged"]
    counts += [f"{len(items)} {label}" for label, items in (("older than the one collected", r.older),
                                                           ("replaced", r.replaced), ("kept", r.held_back)) if items]
    say(f"{assignment}: {r.files} file{'s' * (r.files != 1)} in {r.download}: {', '.join(counts)}")
    for label, items in (("an earlier hand-in, not used", r.superseded), ("older than submitted/, kept the newer", r.older),
                         ("replaced", r.replaced), ("not recognised (skipped)", r.skipped)):
        for item in items:
            say(f"  {label}: {item}")
    for item in r.held_back:
        say(f"  KEPT {item}")
    if r.held_back:
        n = len(r.held_back)
        say(f"{n} file{'s' * (n != 1)} in submitted/ {'was' if n == 1 else 'were'} kept as {'it is' if n == 1 else 'they are'}. "
            "Run the same command with --replace to replace them (the old files go to backups/).")
    return 1 if r.held_back or r.skipped else 0


# ---------------------------------------------------------------------------
# feedback
# ---------------------------------------------------------------------------

def _hidden_test_lines(course: Course, assignment: str) -> set[str]:
    import nbformat

    cfg = course.config().ClearHiddenTests
    begin, end = cfg.get("begin_test_delimeter", cells.BEGIN_HIDDEN), cfg.get("end_test_delimeter", cells.END_HIDDEN)
    lines = set()
    for path in (course.dir("source") / assignment).glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            lines.update(line for line in cells.hidden_test_lines(cell, begin, end) if len(line) > 10)
    return lines


def leaked_hidden_tests(course: Course, assignment: str, html_files) -> dict[str, list[str]]:
    """Return ``{file: [hidden lines found]}`` for feedback files that show hidden-test source."""
    import html as html_lib

    hidden = _hidden_test_lines(course, assignment)
    leaks = {}
    for f in html_files:
        text = html_lib.unescape(Path(f).read_text(encoding="utf-8", errors="replace"))
        found = [h for h in hidden if h in text]
        if found:
            leaks[str(f)] = found
    return leaks


def feedback(course: Course, assignments: list[str]) -> int:
    api = course.api()
    failed = 0
    for a in assignments:
        course.check_assignment(a, released=True)
        graded = sorted(p.parent.name for p in course.dir("autograded").glob(f"*/{a}")) if course.dir("autograded").is_dir() else []
        if not graded:
            say(f"{a}: nothing graded yet (run the grade command first)")
            continue
        for s in bar(graded, f"Feedback {a}", "students"):
            result = api.generate_feedback(a, s, force=True)
            if not result.get("success"):
                failed += 1
                say(f"  {s}: feedback failed: {last_error(result)}")
        files = sorted(course.dir("feedback").glob(f"*/{a}/*.html"))
        leaks = leaked_hidden_tests(course, a, files)
        for f, lines in leaks.items():
            say(f"  WARNING {f} shows hidden-test source: {lines[0]!r}")
            Path(f).unlink()
        say(f"{a}: {len(files) - len(leaks)} feedback files in {course.dir('feedback').relative_to(course.root)}/<student>/{a}/"
             f"; hidden tests checked: {'none shown' if not leaks else f'{len(leaks)} files REMOVED'}")
        failed += len(leaks)
    return 1 if failed else 0


# ---------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------

def export(course: Course, out: str | None = None, platform: str | None = None,
           assignments: list[str] | None = None, worksheet: str | None = None) -> int:
    """Write the platform's grade-import file; a blank (never 0) where no grade is final yet, with a warning."""
    from .platforms import export_class

    if not course.gradebook.exists():
        raise CourseError(f"no gradebook at {course.gradebook}: grade something first")
    platform = platform_of(course, platform)
    plugin = export_class(platform)(config=course.config(), assignment=assignments or [])
    target = Path(out or plugin.default_file)
    plugin.to = str(target if target.is_absolute() else course.root / target)
    if worksheet:
        plugin.worksheet = str(Path(worksheet).resolve())
    with course.gradebook_db() as gb:
        try:
            plugin.export(gb)
        except (ValueError, OSError) as err:
            raise CourseError(f"export for {platform}: {err}; nothing was written") from None
    path, table = plugin.result
    say(f"wrote {len(table.students)} students x {len(table.assignments)} assignments to {path} "
        f"({platform}'s import format)")
    for why, who in table.blanks().items():
        say(f"WARNING left blank ({why}) for {len(who)}: {', '.join(who)}")
    for name in getattr(plugin, "unmatched", []):
        say(f"WARNING left blank, not matched to the gradebook: {name}")
    return 0


# ---------------------------------------------------------------------------
# roster
# ---------------------------------------------------------------------------

def roster(course: Course, path: str) -> int:
    from .roster import compare, load_roster

    fmt, people, new = load_roster(course, path)
    say(f"roster: {len(people)} students from {Path(path).name} ({fmt} class list): {new} new, "
        f"{len(people) - new} already in the gradebook (names and ids updated)")
    for key, who in compare(course).items():
        if key.startswith("("):
            if who:
                say(f"handed in but not on the roster ({len(who)}): {', '.join(who)}")
        elif who:
            say(f"{key}: no hand-in from {len(who)} on the roster: {', '.join(who)}")
    return 0
