"""Refuse to grade when the course's nbgrader_config.py did not load.

nbgrader only logs "Exception while loading config file" when the course's
``nbgrader_config.py`` fails, and then grades with its defaults: plain
``Execute``, outside the sandbox. Setting up the grading environment (the
Makefile, or book/instructor-guide/before-you-start.md) copies
``jupyter-config/nbgrader_config.json`` to ``etc/jupyter/`` in the environment;
the package itself does not carry it, so the wheel that students install changes
nothing in their environments. nbgrader reads that file
*before* the course's own file, for every grading path (``nbgrader
autograde``, formgrader's button, the course's command). It makes
:class:`RefuseToGrade` the only sanitising and autograding step; the
course's file, once it loads, replaces both lists with the sandboxed ones.
So a course file that does not load leaves this refusal in place, and
nothing is graded.
"""

from __future__ import annotations

import os

from nbconvert.preprocessors import Preprocessor


class NotConfigured(Exception):
    """Grading was started without the course's configuration."""


def why_not_configured(folder: str) -> str:
    """The reason the course's configuration is missing, as precise as it can be found out."""
    from .course import CONFIG_FILE, Course, CourseError, find_course

    try:
        Course(find_course(folder)).config()
    except CourseError as err:
        return str(err)
    return (f"the course's {CONFIG_FILE} was not loaded by this nbgrader process (run it in the course "
            "directory, next to nbgrader_config.py); nothing was graded")


class RefuseToGrade(Preprocessor):
    """Stands in for the course's grading steps until the course's configuration replaces it."""

    def __call__(self, nb, resources):
        # nbconvert skips a preprocessor whose `enabled` is False (the default); this one cannot be switched off.
        return self.preprocess(nb, resources)

    def preprocess(self, nb, resources):
        folder = resources.get("metadata", {}).get("path") or os.getcwd()
        raise NotConfigured(f"refusing to grade outside the sandbox: {why_not_configured(folder)}")
