"""Collecting a learning-platform download into submitted/ without destroying anything.

* A download is kept once, in ``downloaded/<assignment>/archive/<hash>/``,
  and unpacked once (nbgrader's ``ExtractorPlugin``) into
  ``downloaded/<assignment>/extracted/<hash>/``; the hash is of its content,
  so a second copy saved as ``canvas (1).zip`` is recognised as the same.
* The platform preset's collector (nbgrader's ``FileNameCollectorPlugin``,
  :mod:`.platforms`) names the student and notebook of every file; of
  several hand-ins of one notebook by one student the newest counts.
* A notebook goes into ``submitted/`` only if that undoes nothing: a file
  changed since it was collected (an instructor's fix) or put there another
  way is left alone and listed, unless ``replace`` is given; then the old
  file is moved to ``backups/`` first.
* ``timestamp.txt`` and ``submission_secret.txt`` are written for every
  collected student, as nbgrader's exchange writes them at ``submit``, so
  that ``nbgrader release_feedback`` works for them too.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .course import Course, CourseError


@dataclass
class HandIn:
    student: str
    notebook: str          # the file name in submitted/<student>/<assignment>/
    source: Path
    order: tuple           # (hand-in time or "", attempt): the larger is the newer
    timestamp: str | None


@dataclass
class Collected:
    download: str
    duplicate: bool
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    older: list[str] = field(default_factory=list)        # an older hand-in than the one in submitted/
    held_back: list[str] = field(default_factory=list)    # would undo a change in submitted/
    replaced: list[str] = field(default_factory=list)     # with --replace; the old file is in backups/
    superseded: list[str] = field(default_factory=list)   # an earlier hand-in in the same download
    skipped: list[str] = field(default_factory=list)      # notebooks the preset could not place
    files: int = 0


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Downloads:
    """``downloaded/<assignment>/``: the kept downloads, what they unpacked to, and what was collected."""

    def __init__(self, course: Course, assignment: str):
        self.course, self.assignment = course, assignment
        self.root = course.dir("downloaded") / assignment
        self.manifest_path = self.root / "collected.json"

    def keep(self, zip_file: Path) -> tuple[str, bool]:
        """Keep a copy of the download under its content hash; return (hash, already kept before)."""
        key = sha256(zip_file)[:16]
        folder = self.root / "archive" / key
        if folder.is_dir():
            return key, True
        partial = folder.with_name(key + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        shutil.copy2(zip_file, partial / zip_file.name)
        partial.rename(folder)
        return key, False

    def name_of(self, key: str) -> str:
        return next((p.name for p in (self.root / "archive" / key).iterdir()), key)

    def unpacked(self, key: str) -> Path:
        """The download's files, unpacked the first time they are needed."""
        from nbgrader.plugins import ExtractorPlugin

        target = self.root / "extracted" / key
        if not target.is_dir():
            partial = target.with_name(key + ".partial")
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir(parents=True)
            ExtractorPlugin().extract(str(self.root / "archive" / key), str(partial))
            partial.rename(target)
        return target

    def manifest(self) -> dict:
        return json.loads(self.manifest_path.read_text()) if self.manifest_path.exists() else {}

    def save_manifest(self, data: dict) -> None:
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False))
        tmp.replace(self.manifest_path)


def hand_ins(collector, folder: Path, result: Collected) -> list[HandIn]:
    """The newest hand-in of each notebook of each student in an unpacked download."""
    newest: dict[tuple[str, str], HandIn] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        result.files += 1
        info = collector.collect(str(path))
        if not info:
            if path.suffix == ".ipynb":
                result.skipped.append(str(path.relative_to(folder)))
            continue
        h = HandIn(info["student_id"], Path(info["file_id"]).name, path,
                   (info.get("timestamp") or "", info.get("attempt", 0)), info.get("timestamp"))
        key = (h.student, h.notebook)
        if key in newest:
            older, h = sorted([newest[key], h], key=lambda x: x.order)
            result.superseded.append(f"{older.student}: {older.source.relative_to(folder)} (a newer hand-in counts)")
        newest[key] = h
    return list(newest.values())


def place(course: Course, assignment: str, items: list[HandIn], downloads: Downloads, key: str,
          replace: bool, result: Collected) -> None:
    """Copy hand-ins into submitted/ where that undoes nothing (see the module's docstring)."""
    manifest = downloads.manifest()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    fallback_time = datetime.fromtimestamp(
        next((downloads.root / "archive" / key).iterdir()).stat().st_mtime, timezone.utc).replace(tzinfo=None)
    for h in sorted(items, key=lambda x: (x.student, x.notebook)):
        folder = course.dir("submitted") / h.student / assignment
        target = folder / h.notebook
        rel = str(target.relative_to(course.root))
        record = {"sha256": sha256(h.source), "order": list(h.order), "download": key}
        before = manifest.get(rel)
        if not target.exists():
            result.new.append(rel)
        elif sha256(target) == record["sha256"]:
            result.unchanged.append(rel)
            manifest.setdefault(rel, record)
            _write_exchange_files(folder, h.timestamp, fallback_time, only_if_missing=True)
            continue
        elif before and sha256(target) == before["sha256"]:   # as collected: only a newer hand-in replaces it
            if tuple(record["order"]) < tuple(before["order"]):
                result.older.append(rel)
                continue
            result.updated.append(rel)
        elif replace:
            backup = course.dir("backups") / f"submitted-{stamp}" / target.relative_to(course.dir("submitted"))
            backup.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(target, backup)
            result.replaced.append(f"{rel} (the old file is in {backup.relative_to(course.root)})")
        else:
            why = "changed since it was collected" if before else "not put there by collect"
            result.held_back.append(f"{rel} ({why}) would be replaced by {h.source.name} from {downloads.name_of(key)}")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(h.source, target)
        manifest[rel] = record
        _write_exchange_files(folder, h.timestamp, fallback_time, only_if_missing=not h.timestamp)
    downloads.save_manifest(manifest)


def _write_exchange_files(folder: Path, timestamp: str | None, fallback: datetime, only_if_missing: bool) -> None:
    """What ``nbgrader submit`` leaves with a hand-in and ``release_feedback`` reads.

    timestamp.txt: the platform's hand-in time, else the download's time (no
    hand-in is later); submission_secret.txt: the key feedback is filed under.
    """
    path = folder / "timestamp.txt"
    if not (only_if_missing and path.exists()):
        path.write_text(timestamp or fallback.isoformat(" "))
    secret = folder / "submission_secret.txt"
    if not secret.exists():
        secret.write_text(secrets.token_hex(64))


def collect_download(course: Course, assignment: str, zip_file: str, platform: str,
                     replace: bool = False) -> Collected:
    """Keep, unpack (once) and place one learning-platform download; see the module's docstring."""
    from .platforms import collector_class

    src = Path(zip_file)
    if not src.is_file():
        raise CourseError(f"no such file: {src}")
    downloads = Downloads(course, assignment)
    key, duplicate = downloads.keep(src)
    result = Collected(downloads.name_of(key), duplicate)
    collector = collector_class(platform)(config=course.config())
    if hasattr(collector, "use_roster"):
        collector.use_roster(roster_names(course))
    items = hand_ins(collector, downloads.unpacked(key), result)
    if not items:
        shown = "; ".join(result.skipped[:3]) or "no .ipynb file at all"
        raise CourseError(
            f"{src.name}: no notebook found that the {platform} preset can assign to a student "
            f"({result.files} files in the download; notebooks not recognised: {shown}). Is this the "
            f"{platform} download of {assignment}? Choose another preset with --platform. Nothing was collected.")
    place(course, assignment, items, downloads, key, replace, result)
    return result


def roster_names(course: Course) -> list[tuple[str, str | None, str | None]]:
    if not course.gradebook.exists():
        return []
    with course.gradebook_db() as gb:
        return [(s.id, s.first_name, s.last_name) for s in gb.students]
