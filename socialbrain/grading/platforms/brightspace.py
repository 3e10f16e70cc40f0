"""Brightspace (D2L): the assignment's "Download" zip in, the Grades import CSV out.

Download: one folder per hand-in, ``<number>-<number> - <First Last> -
<date and time>/<file name>`` (for example ``123456-78910 - Lotte de Boer -
29 November, 2026 1012 AM/measurement.ipynb``); older versions put the
same parts in one flat file name, ``... - <date> - <file name>``. The
numbers belong to the assignment folder and the download, not to the
student: the student is known by name only, so the name is looked up in the
roster (load Brightspace's class list with the ``roster`` command) and the
roster's OrgDefinedId becomes the student id.

Import (Grades -> Enter Grades -> Import): ``OrgDefinedId`` and/or
``Username``, one ``<grade item> Points Grade`` column per item, and
``End-of-Line Indicator`` (``#``) last. A blank cell changes nothing.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from .base import GradeExport, RosterCollector

PREFIX = r"\d+-\d+ - (?P<name>.+?) - (?P<date>[^/]*?\d{4} \d{3,4} [AP]M)"
FOLDER = re.compile(rf"(?:^|/){PREFIX}/(?P<file>[^/]+)$")
FLAT = re.compile(rf"(?:^|/){PREFIX} - (?P<file>[^/]+)$")
DATE_FORMATS = ("%b %d %Y %I%M %p", "%B %d %Y %I%M %p", "%d %B %Y %I%M %p", "%d %b %Y %I%M %p")


def hand_in_time(text: str) -> str | None:
    """'29 November, 2026 1012 AM' or 'Nov 25, 2026 1017 AM' -> '2026-11-29 10:12:00' (the platform's clock)."""
    plain = " ".join(text.replace(",", " ").split())
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(plain, fmt).isoformat(" ")
        except ValueError:
            continue
    return None


class BrightspaceCollector(RosterCollector):
    """Brightspace folder (or older flat) names -> roster student id, notebook name, hand-in time."""

    platform = "Brightspace"

    def match(self, submitted_file):
        return FOLDER.search(submitted_file) or FLAT.search(submitted_file)

    def details(self, m):
        return {"timestamp": hand_in_time(m["date"])}


class BrightspaceExport(GradeExport):
    """The gradebook as Brightspace's grades import CSV."""

    default_file = "brightspace-grades.csv"

    def write_table(self, table) -> Path:
        header = ["OrgDefinedId", "Username"] + [f"{self.item(a)} Points Grade" for a in table.assignments]
        header.append("End-of-Line Indicator")
        rows = [[s.id, s.lms_user_id or ""] + [table.grades[(s.id, a)].text for a in table.assignments] + ["#"]
                for s in table.students]
        return self.write(header, rows)
