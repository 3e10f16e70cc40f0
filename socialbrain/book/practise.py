"""Every practice page offers its notebook, and the book serves the course package.

The build writes `practice/NN-name.ipynb` (plain Markdown, see
:mod:`socialbrain.practice`) and the package's wheel beside them, so
`pip install <the book's address>/practice/<wheel>` works from any hosted copy
of the book. A "Practise this" box at the top of each practice page links
both and says in three steps how to run the notebook. On a practice page the
theme's JupyterHub launch button (an nbgitpuller link, when switched on in
``_config.yml``) is pointed at the page's notebook (:mod:`socialbrain.hub_launch`)
instead of its MyST source.
"""

import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from string import Formatter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from docutils import nodes

from socialbrain import practice
from socialbrain.hub_launch import launch_path
from socialbrain.i18n import SOURCE_LANGUAGE, _, edition_folder

FOLDER = "practice"
PACKAGE_FILES = ("pyproject.toml", "README.md")


def wheel_name():
    return f"socialbrain-{version('socialbrain')}-py3-none-any.whl"


def _fill(template, **fields):
    """The nodes of a translated sentence whose ``{field}`` places hold nodes (a link, a command)."""
    parts = []
    for text, field, _spec, _conversion in Formatter().parse(template):
        if text:
            parts.append(nodes.Text(text))
        if field:
            parts.append(fields[field])
    return nodes.paragraph("", "", *parts)


def _box(docname, language=None):
    """The 'Practise this' admonition for the practice page `docname`, in the edition's language."""
    up = "../" * docname.count("/")
    notebook = f"{Path(docname).name}.ipynb"
    wheel = wheel_name()

    def link(text, target):
        return nodes.reference(text, text, refuri=f"{up}{FOLDER}/{target}", classes=["download"])

    steps = nodes.enumerated_list()
    steps += nodes.list_item("", _fill(_("Download the notebook: {notebook}.", language),
                                       notebook=link(notebook, notebook)))
    steps += nodes.list_item("", _fill(
        _("Once, with Python 3.10 to 3.13: download the course package {wheel} and, in the folder where you "
          "saved it, run {command} (or pip install the package link's address directly).", language),
        wheel=link(wheel, wheel), command=nodes.literal(text=f'pip install "{wheel}[lab]"'),
    ))
    steps += nodes.list_item("", _fill(
        _("Run {command}, open the notebook, run its first code cell, then each task. On a university "
          "JupyterHub, open the notebook there and skip step 2 if your instructor installed the package.",
          language),
        command=nodes.literal(text="jupyter lab"),
    ))
    box = nodes.admonition(classes=["practise-this", "tip"])
    box += nodes.title("", _("Practise this", language))
    box += _fill(_("The grey boxes on this page show what check says before anyone has answered. "
                   "To try the tasks yourself:", language))
    box += steps
    return box


def add_box(app, doctree, docname):
    if not docname.startswith("exercises/"):
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    intro = next((i for i, child in enumerate(section.children) if isinstance(child, nodes.paragraph)), 0)
    section.insert(intro + 1, _box(docname, app.config.language))


def build_wheel(confdir, target):
    """Build the course package's wheel into `target` from a clean copy (no build files in the repository)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "src"
        shutil.copytree(confdir / "socialbrain", copy / "socialbrain",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in PACKAGE_FILES:
            shutil.copy2(confdir / name, copy / name)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(target),
                        str(copy)], check=True)


def write_downloads(app, exception):
    if exception or app.builder.format != "html":
        return
    target = Path(app.outdir) / FOLDER
    language = app.config.language or SOURCE_LANGUAGE
    book_url = app.config.html_baseurl.rstrip("/") + "/" + edition_folder(language) if app.config.html_baseurl else ""
    practice.write_student_notebooks(target, book_url, language=language)
    for old in target.glob("*.whl"):
        old.unlink()
    build_wheel(Path(app.confdir), target)


def _buttons(buttons):
    for button in buttons:
        yield button
        yield from _buttons(button.get("buttons", []))


def open_notebook_on_hub(app, pagename, templatename, context, doctree):
    """The JupyterHub button of a practice page: nbgitpuller's urlpath opens the page's notebook."""
    if not pagename.startswith("exercises/"):
        return
    for button in _buttons(context.get("header_buttons", [])):
        if button.get("text") == "JupyterHub" and button.get("url"):
            parts = urlsplit(button["url"])
            query = dict(parse_qsl(parts.query))
            folder = query["urlpath"].split("/")[2]  # "lab/tree/<repository folder>/exercises/…"
            query["urlpath"] = launch_path(folder, Path(pagename).name, app.config.language or SOURCE_LANGUAGE)
            button["url"] = urlunsplit(parts._replace(query=urlencode(query, safe="/")))


def setup(app):
    # After sphinx-book-theme's add_launch_buttons (priority 501) made the buttons.
    app.connect("html-page-context", open_notebook_on_hub, priority=502)
    app.connect("doctree-resolved", add_box)
    app.connect("build-finished", write_downloads)
