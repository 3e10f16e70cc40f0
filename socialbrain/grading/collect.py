"""Collecting submissions: checks on submitted/ and the zip_collect plugin.

``PlatformFileNameCollector`` is nbgrader's FileNameCollectorPlugin with one
addition: Canvas renames a re-submitted file ``measurement-1.ipynb``,
``measurement-2.ipynb`` ...; the suffix is removed so that the notebook is
found under its released name.
"""

from __future__ import annotations

import re

from nbgrader.plugins import FileNameCollectorPlugin

RESUBMISSION = re.compile(r"^(?P<stem>.+?)-\d+(?P<ext>\.[A-Za-z0-9]+)$")


class PlatformFileNameCollector(FileNameCollectorPlugin):
    """FileNameCollectorPlugin that also strips Canvas's ``-N`` re-submission suffix."""

    def collect(self, submitted_file):
        info = super().collect(submitted_file)
        if info and info.get("file_id"):
            m = RESUBMISSION.match(info["file_id"])
            if m:
                info["file_id"] = m["stem"] + m["ext"]
        return info
