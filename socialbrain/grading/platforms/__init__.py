"""Learning-platform presets: their submission zips in, their grade-import files out.

Each platform is one module (:mod:`.canvas`, :mod:`.brightspace`,
:mod:`.moodle`) with a ``Collector`` (nbgrader's ``FileNameCollectorPlugin``:
a file in the platform's download -> student id, notebook name, hand-in
time) and an ``Export`` (nbgrader's ``ExportPlugin``: the gradebook -> the
file the platform imports). ``c.Platform.name`` in ``nbgrader_config.py``
chooses the preset; :class:`PlatformCollector` and :class:`PlatformExport`
follow it, so plain ``nbgrader zip_collect`` and ``nbgrader export`` use the
same preset as the course's commands.
"""

from __future__ import annotations

import importlib

from nbgrader.plugins import ExportPlugin, FileNameCollectorPlugin
from traitlets import Dict, Enum
from traitlets.config import Configurable

NAMES = ("canvas", "brightspace", "moodle")


class Platform(Configurable):
    """The course's learning platform (set in nbgrader_config.py)."""

    name = Enum(NAMES, default_value="canvas", help="the learning platform: " + ", ".join(NAMES)).tag(config=True)
    items = Dict(help="assignment -> the grade item's name on the platform, if it differs "
                      "(Canvas: 'Problem set 2 (4567)' with its assignment id)").tag(config=True)


def _preset(name: str, kind: str):
    if name not in NAMES:
        raise ValueError(f"unknown platform {name!r}: choose one of {', '.join(NAMES)}")
    return getattr(importlib.import_module(f"{__name__}.{name}"), name.capitalize() + kind)


def collector_class(name: str) -> type:
    """The platform's FileNameCollectorPlugin, e.g. CanvasCollector."""
    return _preset(name, "Collector")


def export_class(name: str) -> type:
    """The platform's ExportPlugin, e.g. CanvasExport."""
    return _preset(name, "Export")


class PlatformCollector(FileNameCollectorPlugin):
    """nbgrader zip_collect's collector for the platform named by ``c.Platform.name``."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._preset = collector_class(Platform(config=self.config).name)(**kwargs)

    def collect(self, submitted_file):
        return self._preset.collect(submitted_file)


class PlatformExport(ExportPlugin):
    """nbgrader export's plugin for the platform named by ``c.Platform.name``."""

    def export(self, gradebook):
        preset = export_class(Platform(config=self.config).name)(
            parent=self.parent, config=self.config, to=self.to, student=self.student, assignment=self.assignment)
        return preset.export(gradebook)
