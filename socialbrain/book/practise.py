"""Every practice page offers its notebook, and the book serves the course package.

The build writes `practice/NN-name.ipynb` (plain Markdown, see
:mod:`socialbrain.practice`) and the package's wheel beside them, so
`pip install <the book's address>/practice/<wheel>` works from any hosted copy
of the book. A "Practise this" box at the top of each practice page links
both and says in three steps how to run the notebook.
"""

import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from docutils import nodes

from socialbrain import practice

FOLDER = "practice"
PACKAGE_FILES = ("pyproject.toml", "README.md")


def wheel_name():
    return f"socialbrain-{version('socialbrain')}-py3-none-any.whl"


def _box(docname):
    """The 'Practise this' admonition for the practice page `docname`."""
    up = "../" * docname.count("/")
    notebook = f"{Path(docname).name}.ipynb"
    wheel = wheel_name()

    def para(*parts):
        return nodes.paragraph("", "", *parts)

    def link(text, target):
        return nodes.reference(text, text, refuri=f"{up}{FOLDER}/{target}", classes=["download"])

    steps = nodes.enumerated_list()
    steps += nodes.list_item("", para(nodes.Text("Download the notebook: "), link(notebook, notebook), nodes.Text(".")))
    steps += nodes.list_item("", para(
        nodes.Text("Once, with Python 3.10 to 3.13: download the course package "), link(wheel, wheel),
        nodes.Text(" and, in the folder where you saved it, run "),
        nodes.literal(text=f'pip install "{wheel}[lab]"'),
        nodes.Text(" (or pip install the package link's address directly)."),
    ))
    steps += nodes.list_item("", para(
        nodes.Text("Run "), nodes.literal(text="jupyter lab"),
        nodes.Text(", open the notebook, run its first code cell, then each task. On a university "
                   "JupyterHub, open the notebook there and skip step 2 if your instructor installed the package."),
    ))
    box = nodes.admonition(classes=["practise-this", "tip"])
    box += nodes.title("", "Practise this")
    box += para(nodes.Text("The grey boxes on this page show what check says before anyone has answered. "
                           "To try the tasks yourself:"))
    box += steps
    return box


def add_box(app, doctree, docname):
    if not docname.startswith("exercises/"):
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    intro = next((i for i, child in enumerate(section.children) if isinstance(child, nodes.paragraph)), 0)
    section.insert(intro + 1, _box(docname))


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
    book_url = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""
    practice.write_student_notebooks(target, book_url)
    for old in target.glob("*.whl"):
        old.unlink()
    build_wheel(Path(app.confdir), target)


def setup(app):
    app.connect("doctree-resolved", add_box)
    app.connect("build-finished", write_downloads)
