"""What every platform preset shares: matching names to the roster, and a grade or a blank."""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import MissingEntry
from nbgrader.plugins import ExportPlugin, FileNameCollectorPlugin


def normal_name(name: str) -> str:
    """A full name as compared with the roster: same letters (accents kept), case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def name_id(name: str) -> str:
    """A student id made from a name, for a hand-in whose student is not on the roster: 'Ayşe Özdemir' -> 'ayşe-özdemir'."""
    return re.sub(r"[^\w]+", "-", normal_name(name)).strip("-")


# ---------------------------------------------------------------------------
# collecting
# ---------------------------------------------------------------------------

class RosterCollector(FileNameCollectorPlugin):
    """A collector for platforms whose downloads name students only by name (Brightspace, Moodle).

    The name is looked up in the gradebook's roster (``python -m socialbrain.grading roster``);
    a name that is not there becomes an id of its own (:func:`name_id`), and
    a name shared by two roster students is refused rather than guessed.
    """

    roster: dict[str, list[str]] | None = None

    def use_roster(self, students) -> None:
        """``students``: (id, first name, last name) of everyone on the roster."""
        self.roster = {}
        for sid, first, last in students:
            self.roster.setdefault(normal_name(f"{first or ''} {last or ''}"), []).append(sid)

    def _load_roster(self) -> None:
        from nbgrader.api import Gradebook

        coursedir = getattr(self.parent, "coursedir", None)
        if coursedir is None or not Path(coursedir.root, "gradebook.db").exists():
            self.roster = {}
            return
        with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gb:
            self.use_roster([(s.id, s.first_name, s.last_name) for s in gb.students])

    def student_for(self, full_name: str, path: str) -> str | None:
        if self.roster is None:
            self._load_roster()
        ids = self.roster.get(normal_name(full_name), [])
        if len(ids) > 1:
            self.log.warning("Skipping %s: %d students on the roster are called %s (%s); copy it by hand",
                             path, len(ids), full_name, ", ".join(ids))
            return None
        return ids[0] if ids else name_id(full_name)

    #: the platform's name in "Not a <platform> submission" warnings
    platform = ""

    def match(self, submitted_file: str):
        """The platform's file-name match (with a ``name`` and a ``file`` group), or None."""
        raise NotImplementedError

    def details(self, m) -> dict:
        """What else the platform's file name says, kept with the hand-in."""
        return {}

    def collect(self, submitted_file):
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        m = self.match(submitted_file)
        if not m:
            self.log.warning("Not a %s submission: %s", self.platform, submitted_file)
            return None
        student = self.student_for(m["name"], submitted_file)
        if student is None:
            return None
        return {"student_id": student, "file_id": m["file"], "full_name": m["name"], **self.details(m)}


# ---------------------------------------------------------------------------
# exporting
# ---------------------------------------------------------------------------

@dataclass
class Grade:
    points: float | None      # None: leave the cell blank
    why_blank: str = ""

    @property
    def text(self) -> str:
        return "" if self.points is None else f"{self.points:g}"


def grade_of(gb, assignment: str, student: str) -> Grade:
    """The points to send to the platform, or a blank (never a 0 that nobody gave) and why."""
    try:
        sub = gb.find_submission(assignment, student)
    except MissingEntry:
        return Grade(None, "no graded hand-in")
    grades = [g for nb in sub.notebooks for g in nb.grades]
    if not grades or any(g.auto_score is None and g.manual_score is None and not g.needs_manual_grade
                         for g in grades):
        return Grade(None, "not graded")
    if sub.needs_manual_grade:
        return Grade(None, "waits for manual grading")
    return Grade(sub.score)


@dataclass
class Table:
    """The grades of the chosen students and assignments, with every blank explained."""

    assignments: list[str]
    students: list = field(default_factory=list)          # nbgrader Student objects
    grades: dict = field(default_factory=dict)            # (student id, assignment) -> Grade
    max_scores: dict = field(default_factory=dict)

    def blanks(self) -> dict[str, list[str]]:
        """``{reason: ["student (assignment)", ...]}`` for every blank cell."""
        out: dict[str, list[str]] = {}
        for (sid, a), g in sorted(self.grades.items()):
            if g.points is None:
                out.setdefault(g.why_blank, []).append(f"{sid} ({a})")
        return out


class GradeExport(ExportPlugin):
    """Shared part of the platforms' ExportPlugins: choose students and assignments, write, warn."""

    default_file = "grades.csv"

    def table(self, gb) -> Table:
        names = [a.name for a in sorted(gb.assignments, key=lambda a: a.name)]
        # by default the assignments somebody handed in; one nobody handed in has nothing to send
        chosen = [str(a) for a in self.assignment] or [a for a in names if gb.find_assignment(a).submissions]
        unknown = sorted(set(chosen) - set(names))
        if unknown:
            raise ValueError(f"no assignment {', '.join(unknown)} in the gradebook (known: {', '.join(names)})")
        wanted = {str(s) for s in self.student}
        table = Table(chosen, [s for s in sorted(gb.students, key=lambda s: s.id) if not wanted or s.id in wanted])
        table.max_scores = {a: gb.find_assignment(a).max_score for a in chosen}
        for s in table.students:
            for a in chosen:
                table.grades[(s.id, a)] = grade_of(gb, a, s.id)
        return table

    def item(self, assignment: str) -> str:
        from . import Platform

        return Platform(config=self.config).items.get(assignment, assignment)

    def destination(self) -> Path:
        return Path(self.to or self.default_file)

    def write(self, header: list[str], rows: list[list[str]]) -> Path:
        path = self.destination()
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
        return path

    def export(self, gradebook) -> None:
        table = self.table(gradebook)
        path = self.write_table(table)
        self.log.info("Wrote %d students x %d assignments to %s", len(table.students), len(table.assignments), path)
        for why, who in table.blanks().items():
            self.log.warning("Left blank (%s) for %d: %s", why, len(who), ", ".join(who))
        self.result = (path, table)

    def write_table(self, table: Table) -> Path:  # pragma: no cover - every platform writes its own
        raise NotImplementedError
