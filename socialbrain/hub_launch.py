"""A JupyterHub launch link opens the practice notebook, not its MyST source.

The book's JupyterHub button is an nbgitpuller link: the hub pulls the course
repository into the student's home folder, then opens ``urlpath``. For a
practice page that path is ``socialbrain/practice/<repository folder>/<page>``
(the Dutch edition's pages add ``/nl``), served here: the practice notebooks of
the pulled repository are written as ``.ipynb`` into ``my-practice/`` (Dutch:
``my-practice/nl/``; once: a student's copy is never replaced, so pulling
course updates never conflicts with answers), and the browser goes on to the
page's notebook in JupyterLab.

A Jupyter server extension, switched on by ``lab/jupyter_server_config.json``
for students only (``make lab``, or a hub set up as book/instructor-guide/practice-notebooks.md says).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from socialbrain.i18n import LANGUAGES, SOURCE_LANGUAGE, edition_folder
from socialbrain.practice import working_folder, write_student_notebooks

ROUTE = "socialbrain/practice"
_FOLDER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_PAGE = re.compile(r"^[0-9]{2}-[a-z0-9-]+$")


def launch_path(repository_folder: str, page: str, language: str = SOURCE_LANGUAGE) -> str:
    """The path (below the server's base URL) that opens `page`'s notebook in `language`: nbgitpuller's urlpath."""
    return f"{ROUTE}/{repository_folder}/{page}/{edition_folder(language)}".rstrip("/")


class PracticeHandler(JupyterHandler):
    @web.authenticated
    def get(self, folder: str, page: str, language: str | None = None):
        language = language or SOURCE_LANGUAGE
        if not (_FOLDER.match(folder) and _PAGE.match(page) and language in LANGUAGES):
            raise web.HTTPError(404, f"{folder}/{page}/{language} is not a practice page of the course")
        root = Path(self.settings["server_root_dir"]).expanduser()
        # where nbgitpuller put the repository: its parent folder setting, then the repository's name
        repository = root / os.environ.get("NBGITPULLER_PARENTPATH", "") / folder
        if not (repository / "exercises" / f"{page}.md").is_file():
            raise web.HTTPError(404, f"There is no practice notebook {page} in {folder}/exercises: "
                                     "did the hub pull the course repository into that folder?")
        target = working_folder(root, language)
        write_student_notebooks(target, overwrite=False, repository=repository, language=language)
        notebook = (target / f"{page}.ipynb").relative_to(root).as_posix()
        self.redirect(url_path_join(self.base_url, "lab", "tree", notebook))


def _jupyter_server_extension_points():
    return [{"module": "socialbrain.hub_launch"}]


def _load_jupyter_server_extension(serverapp):
    pattern = url_path_join(serverapp.web_app.settings["base_url"], ROUTE, r"([^/]+)", r"([^/]+)(?:/([^/]+))?")
    serverapp.web_app.add_handlers(".*$", [(pattern, PracticeHandler)])
