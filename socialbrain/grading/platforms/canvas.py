"""Canvas: the "Download Submissions" zip in, the Gradebook import CSV out.

Download: one file per hand-in, named
``<login>_<user id>_<submission id>_<file name>`` (``LATE_`` after the
login for late work; a re-submitted file gets ``-1``, ``-2`` ... before its
extension). The login is Canvas's lower-case "lastfirst" (accents kept:
``özdemirayşe``); the numeric user id is Canvas's stable id and becomes the
student id, so two students with the same name stay apart.

Import (Grades -> Import): ``Student, ID, SIS User ID, SIS Login ID,
Section`` and then one column per assignment; Canvas matches rows by ``ID``
(or the SIS ids) and columns by the assignment's name, and a column name it
does not know becomes a new assignment. A blank cell changes nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from nbgrader.plugins import FileNameCollectorPlugin

from .base import GradeExport

FILE = re.compile(r"^(?P<login>[^_/]+)_(?P<late>LATE_)?(?P<user_id>\d+)_(?P<submission_id>\d+)_(?P<file>.+)$")
RESUBMISSION = re.compile(r"^(?P<stem>.+?)-(?P<attempt>\d+)(?P<ext>\.[A-Za-z0-9]+)$")


class CanvasCollector(FileNameCollectorPlugin):
    """Canvas file names -> Canvas user id, the released notebook name and the attempt number."""

    def collect(self, submitted_file):
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        m = FILE.match(os.path.basename(submitted_file))
        if not m:
            self.log.warning("Not a Canvas submission file name: %s", submitted_file)
            return None
        file_id, attempt = m["file"], 0
        again = RESUBMISSION.match(file_id)
        if again:
            file_id, attempt = again["stem"] + again["ext"], int(again["attempt"])
        return {"student_id": m["user_id"], "file_id": file_id, "attempt": attempt,
                "login": m["login"], "late": bool(m["late"])}


class CanvasExport(GradeExport):
    """The gradebook as Canvas's Gradebook import CSV."""

    default_file = "canvas-grades.csv"

    def write_table(self, table) -> Path:
        header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] + [self.item(a) for a in table.assignments]
        rows = []
        for s in table.students:
            name = ", ".join(p for p in (s.last_name, s.first_name) if p) or s.id
            canvas_id = s.id if s.id.isdigit() else ""
            login = s.lms_user_id or ("" if canvas_id else s.id)
            rows.append([name, canvas_id, "", login, ""] + [table.grades[(s.id, a)].text for a in table.assignments])
        return self.write(header, rows)
