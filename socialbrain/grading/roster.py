"""The class list: the platform's export in, nbgrader's gradebook students out.

Read by the ``roster`` command, so that formgrader, feedback and the grade
export show names and carry the platform's ids. Accepted files (the first
line says which):

* Canvas: the Gradebook export (``Student, ID, SIS User ID, SIS Login ID,
  Section, ...``); the student id is Canvas's numeric ``ID``.
* Brightspace: the Grades export with user details, or the class list
  (``OrgDefinedId, Username, Last Name, First Name, Email, ...``); the id is
  the OrgDefinedId (Brightspace writes it with a leading ``#``).
* Moodle: the assignment's grading worksheet (``Identifier, Full name,
  Email address, ...``); the id is the e-mail address's user part.
* Any platform: ``id,first,last,email``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .course import Course, CourseError


@dataclass
class Person:
    id: str
    first: str
    last: str
    email: str = ""
    platform_login: str = ""   # stored as nbgrader's lms_user_id


def _plain(value: str | None) -> str:
    return (value or "").strip().lstrip("#").strip()


CANVAS_TEST_STUDENT = "Student, Test"   # the Student View account every Canvas course has


def _canvas(row):
    if not row.get("ID", "").strip().isdigit() or row["Student"].strip() == CANVAS_TEST_STUDENT:
        return None  # the "Points Possible" row and the test student
    last, _, first = row["Student"].partition(",")
    return Person(row["ID"].strip(), first.strip(), last.strip(), "", _plain(row.get("SIS Login ID")))


def _brightspace(row):
    org, user = _plain(row.get("OrgDefinedId")), _plain(row.get("Username"))
    if not (org or user):
        return None
    return Person(org or user, _plain(row.get("First Name")), _plain(row.get("Last Name")),
                  _plain(row.get("Email")), user)


def _moodle(row):
    from .platforms.moodle import worksheet_student_id

    first, _, last = row["Full name"].strip().partition(" ")
    return Person(worksheet_student_id(row), first, last, row.get("Email address", "").strip())


def _simple(row):
    if not _plain(row.get("id")):
        return None
    return Person(_plain(row["id"]), _plain(row.get("first")), _plain(row.get("last")), _plain(row.get("email")))


FORMATS = (  # (columns that identify the format, platform, reader)
    ({"Student", "ID", "SIS Login ID"}, "Canvas", _canvas),
    ({"OrgDefinedId"}, "Brightspace", _brightspace),
    ({"Username", "First Name", "Last Name"}, "Brightspace", _brightspace),
    ({"Identifier", "Full name", "Email address"}, "Moodle", _moodle),
    ({"id", "first", "last"}, "plain", _simple),
)


def read_roster(path) -> tuple[str, list[Person]]:
    """(format name, people) of a class-list CSV; a file in no known format is refused with its header."""
    path = Path(path)
    if not path.is_file():
        raise CourseError(f"no such file: {path}")
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        header = {h.strip() for h in reader.fieldnames or []}
        for needed, name, read in FORMATS:
            if needed <= header:
                people = [p for p in (read({k.strip(): v for k, v in row.items() if k}) for row in reader) if p]
                break
        else:
            raise CourseError(f"{path.name} is not a class list this command knows (its columns: "
                              f"{', '.join(sorted(header)) or 'none'}). Use the platform's own export, or a CSV "
                              "with the columns id,first,last,email.")
    ids = [p.id for p in people]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        raise CourseError(f"{path.name} lists these ids more than once: {', '.join(doubles)}; nothing was loaded")
    return name, people


def load_roster(course: Course, path) -> tuple[str, list[Person], int]:
    """Put the class list into the gradebook (names, e-mail, platform login); return (format, people, new)."""
    fmt, people = read_roster(path)
    with course.gradebook_db() as gb:
        known = {s.id for s in gb.students}
        for p in people:
            gb.update_or_create_student(p.id, first_name=p.first or None, last_name=p.last or None,
                                        email=p.email or None, lms_user_id=p.platform_login or None)
    return fmt, people, sum(1 for p in people if p.id not in known)


def roster_ids(course: Course) -> set[str]:
    """Ids of the students loaded from a class list (they have a name)."""
    if not course.gradebook.exists():
        return set()
    with course.gradebook_db() as gb:
        return {s.id for s in gb.students if s.first_name or s.last_name}


def not_on_roster(course: Course, students) -> list[str]:
    """Of these students (with a hand-in), the ones not on the roster; nobody if no roster was loaded."""
    on = roster_ids(course)
    return sorted(set(students) - on) if on else []


def compare(course: Course) -> dict[str, list[str]]:
    """``{assignment: roster students without a hand-in}`` and ``{"(not on the roster)": hand-ins of strangers}``."""
    on = roster_ids(course)
    out, strangers = {}, set()
    for a in course.assignments():
        handed_in = set(course.students(a))
        if handed_in:
            out[a] = sorted(on - handed_in)
            strangers |= handed_in - on
    out["(not on the roster)"] = sorted(strangers)
    return out
