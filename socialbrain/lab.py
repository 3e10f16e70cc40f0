"""A student's JupyterLab on 127.0.0.1: the practice notebooks, nothing for instructors.

``python -m socialbrain.lab`` (what ``make lab`` runs; ``--language nl`` for the
Dutch ones, in ``my-practice/nl/``) copies the practice
notebooks as ``.ipynb`` into a working folder that git ignores, once, so the
student's answers and outputs stay there and course updates never conflict
with them; then starts JupyterLab in that folder with the settings in
``lab/``: nbgrader's formgrader and create-assignment extensions off, and a
kernel that says what to run first when a cell needs one above it.

Those settings reach only this Lab, through its environment (``JUPYTER_PATH``
and ``JUPYTER_CONFIG_PATH``): ``lab/kernels/python3`` stands in for the usual
Python kernel there and loads :mod:`socialbrain.check.first_cell`. Every other
kernel of the environment (grading, the book build) stays as it was.
``--instructor`` starts it in the repository with every extension on.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from socialbrain.i18n import LANGUAGES, SOURCE_LANGUAGE
from socialbrain.practice import ROOT, working_folder, write_student_notebooks

STUDENT_CONFIG = ROOT / "lab"
WORKING_FOLDER = working_folder(ROOT)


def prepare(folder: Path = WORKING_FOLDER, language: str = SOURCE_LANGUAGE) -> None:
    """New practice notebooks in `language` into `folder`, never over a student's copy."""
    write_student_notebooks(folder, overwrite=False, language=language)


def _prepend(env: dict, name: str, path: Path) -> None:
    env[name] = os.pathsep.join(filter(None, [str(path), env.get(name)]))


def command(folder: Path, port: int, instructor: bool = False) -> tuple[list[str], dict]:
    """The argv and environment that start the Lab."""
    env = dict(os.environ)
    if not instructor:
        _prepend(env, "JUPYTER_CONFIG_PATH", STUDENT_CONFIG)  # extensions off
        _prepend(env, "JUPYTER_PATH", STUDENT_CONFIG)  # kernels/python3: the first-cell hint
    argv = [sys.executable, "-m", "jupyterlab", "--ip=127.0.0.1", f"--port={port}", "--no-browser",
            f"--ServerApp.root_dir={ROOT if instructor else folder}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")
    return argv, env


def main(args=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument("--instructor", action="store_true", help="the whole repository, nbgrader's tools on")
    parser.add_argument("--language", choices=sorted(LANGUAGES), default=SOURCE_LANGUAGE,
                        help="the practice notebooks' language (Dutch ones go into my-practice/nl/)")
    options = parser.parse_args(args)
    if not options.instructor:
        prepare(working_folder(ROOT, options.language), options.language)
    argv, env = command(WORKING_FOLDER, options.port, options.instructor)
    os.execve(argv[0], argv, env)


if __name__ == "__main__":
    main()
