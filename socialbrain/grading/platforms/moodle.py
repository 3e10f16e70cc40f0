"""Moodle: the assignment's "Download all submissions" zip in, its grading worksheet out.

Download: per student ``<Full name>_<participant id>_assignsubmission_file/<file
name>`` (with "Download submissions in folders"; Moodle 3.1 to 4.x end the folder
name with one more ``_``), or flat
``<Full name>_<participant id>_assignsubmission_file_<file name>``. The
participant id belongs to this assignment only, so the student is known by
name: the name is looked up in the roster (load the grading worksheet or a
plain class list with the ``roster`` command).

Grades out: Moodle takes back only its own grading worksheet (View all
submissions -> Grading action -> Download grading worksheet; the
assignment's "Offline grading worksheet" feedback type must be on). Export
fills the worksheet's ``Grade`` column and keeps everything else, rows
matched by e-mail address or full name; upload it with "Upload grading
worksheet". A blank grade changes nothing.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from traitlets import Unicode

from .base import GradeExport, RosterCollector, name_id, normal_name

FILE = re.compile(r"(?:^|/)(?P<name>[^/_]+)_(?P<participant>\d+)_assignsubmission_file(?:_?/|_)(?P<file>[^/]+)$")
WORKSHEET_COLUMNS = ("Identifier", "Full name", "Email address", "Grade")


def worksheet_student_id(row: dict) -> str:
    """The student id for a worksheet row: the e-mail address's user part, else the name."""
    email = (row.get("Email address") or "").strip()
    return email.split("@")[0].casefold() if email else name_id(row["Full name"])


def read_worksheet(path) -> tuple[list[str], list[dict]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        header = list(reader.fieldnames or [])
        missing = [c for c in WORKSHEET_COLUMNS if c not in header]
        if missing:
            raise ValueError(f"{path} is not a Moodle grading worksheet: no column {', '.join(missing)} "
                             "(download it from the assignment: View all submissions -> Download grading worksheet)")
        return header, list(reader)


class MoodleCollector(RosterCollector):
    """Moodle folder (or flat) names -> roster student id and notebook name."""

    platform = "Moodle"

    def match(self, submitted_file):
        return FILE.search(submitted_file)

    def details(self, m):
        return {"participant": m["participant"]}


class MoodleExport(GradeExport):
    """The gradebook's points in the Grade column of Moodle's grading worksheet for one assignment."""

    default_file = "moodle-grading-worksheet.csv"
    worksheet = Unicode("", help="the grading worksheet downloaded from the Moodle assignment").tag(config=True)

    def write_table(self, table) -> Path:
        worksheet = self.worksheet
        if not worksheet:
            raise ValueError("Moodle takes back only its own grading worksheet: give the one downloaded from "
                             "the assignment with --worksheet FILE")
        if len(table.assignments) != 1:
            raise ValueError("a Moodle grading worksheet holds one assignment: choose it with --assignment NAME")
        assignment = table.assignments[0]
        header, rows = read_worksheet(worksheet)
        by_email = {(s.email or "").casefold(): s for s in table.students if s.email}
        by_name: dict[str, list] = {}
        for s in table.students:
            by_name.setdefault(normal_name(f"{s.first_name or ''} {s.last_name or ''}"), []).append(s)
        by_id = {s.id: s for s in table.students}
        self.unmatched = []
        for row in rows:
            namesakes = by_name.get(normal_name(row["Full name"]), [])
            s = (by_email.get((row.get("Email address") or "").casefold()) or by_id.get(worksheet_student_id(row))
                 or (namesakes[0] if len(namesakes) == 1 else None))
            row["Grade"] = "" if s is None else table.grades[(s.id, assignment)].text
            if s is None:
                self.unmatched.append(f"{row['Full name']} ({len(namesakes)} students in the gradebook have this "
                                      "name; give them e-mail addresses with the roster command)"
                                      if namesakes else row["Full name"])
        if self.unmatched:
            self.log.warning("Left blank (not in the gradebook) for %d: %s", len(self.unmatched), ", ".join(self.unmatched))
        return self.write(header, [[row.get(c, "") for c in header] for row in rows])
