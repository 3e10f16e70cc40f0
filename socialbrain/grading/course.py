"""Find the course directory and load its nbgrader configuration."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"


class CourseError(Exception):
    """A problem the instructor can fix; the message says how."""


def find_course(start=None) -> Path:
    """Return the nearest folder (``start`` or above) holding nbgrader_config.py."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file() and (folder / "source").is_dir():
            return folder
    raise CourseError(
        f"no course directory found at or above {here}: expected {CONFIG_FILE} next to a source/ folder. "
        "Run the command inside the course directory or pass --course DIR."
    )


def quiet_warnings() -> None:
    """Hide the warnings nbgrader 0.9 causes under SQLAlchemy 2.1 (the results are right)."""
    import warnings

    warnings.filterwarnings("ignore", message=".*relationship.*")
    warnings.filterwarnings("ignore", module="nbgrader.*")
    try:
        from sqlalchemy.exc import SAWarning

        warnings.filterwarnings("ignore", category=SAWarning)
    except ImportError:  # pragma: no cover
        pass


def ensure_tools_on_path() -> None:
    """nbgrader calls ``alembic`` and ``nbgrader`` by name: put this Python's bin first."""
    bindir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])


@dataclass
class Course:
    root: Path

    @classmethod
    def open(cls, course=None) -> "Course":
        root = Path(course).resolve() if course else find_course()
        if not (root / CONFIG_FILE).is_file():
            raise CourseError(f"{root} has no {CONFIG_FILE}: is this the course directory?")
        ensure_tools_on_path()
        return cls(root)

    # -- configuration ---------------------------------------------------------
    def config(self) -> Config:
        """The course's nbgrader configuration; a file that does not load stops everything (fail closed)."""
        try:
            cfg = PyFileConfigLoader(CONFIG_FILE, path=str(self.root)).load_config()
        except Exception as err:  # noqa: BLE001 - any error in the file: say which, grade nothing
            raise CourseError(f"{self.root / CONFIG_FILE} cannot be loaded ({type(err).__name__}: {err}); "
                              "nothing was done. Fix the file and run the command again.") from None
        cfg.CourseDirectory.root = str(self.root)
        return cfg

    def api(self, cfg: Config | None = None):
        """nbgrader's API for this course, with ``cfg`` (default: the course's configuration)."""
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        cfg = cfg or self.config()
        return NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)

    def gradebook_db(self):
        """nbgrader's ``Gradebook`` for this course (use it as a context manager)."""
        from nbgrader.api import Gradebook
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config())
        return Gradebook(coursedir.db_url, course_id=coursedir.course_id)

    # -- folders ---------------------------------------------------------------
    def dir(self, name: str) -> Path:
        return self.root / name

    @property
    def gradebook(self) -> Path:
        return self.root / "gradebook.db"

    def assignments(self) -> list[str]:
        src = self.dir("source")
        return sorted(p.name for p in src.iterdir() if p.is_dir() and not p.name.startswith((".", "_")) and any(p.glob("*.ipynb")))

    def check_assignment(self, assignment: str, released: bool = False) -> None:
        known = self.assignments()
        if assignment not in known:
            raise CourseError(
                f"no assignment {assignment!r} in {self.dir('source')} (known: {', '.join(known) or 'none'})"
            )
        if released and not (self.dir("release") / assignment).is_dir():
            raise CourseError(
                f"{assignment} has not been released yet: run `python -m socialbrain.grading release {assignment}` first"
            )

    def notebooks(self, assignment: str) -> list[str]:
        """Names (without .ipynb) of the notebooks of an assignment, from source/."""
        return sorted(p.stem for p in (self.dir("source") / assignment).glob("*.ipynb"))

    def students(self, assignment: str) -> list[str]:
        sub = self.dir("submitted")
        if not sub.is_dir():
            return []
        return sorted(p.name for p in sub.iterdir() if (p / assignment).is_dir())

    # -- gradebook backup ------------------------------------------------------
    def backup_gradebook(self, keep: int = 30) -> Path | None:
        """Copy gradebook.db to backups/ (consistent SQLite copy); keep the newest ``keep``."""
        if not self.gradebook.exists():
            return None
        folder = self.dir("backups")
        folder.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = folder / f"gradebook-{stamp}.db"
        n = 1
        while target.exists():
            target = folder / f"gradebook-{stamp}-{n}.db"
            n += 1
        src = sqlite3.connect(self.gradebook)
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
        backups = sorted(folder.glob("gradebook-*.db"))
        for old in backups[:-keep]:
            old.unlink()
        return target
