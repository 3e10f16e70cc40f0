"""The practice notebooks as students run them: `.ipynb` with plain Markdown.

The sources in `exercises/` are MyST markdown notebooks, written for the book.
Outside the book (a download, JupyterLab, a JupyterHub, Colab) nothing renders
MyST roles, so :func:`student_notebook` turns them into plain Markdown: a
glossary term becomes its text, a citation "Author (year)", a Dutch term its
italic word, and a link to a chapter a link into the book (when its address is
known) or plain text. The book and the student's Lab (:mod:`socialbrain.lab`) both use it.
In another language the page's catalog translates the text (:mod:`socialbrain.page_catalog`)
and the first code cell sets `check`'s feedback to that language.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
from pybtex.database import parse_file

from socialbrain.i18n import SOURCE_LANGUAGE, _, edition_folder
from socialbrain.page_catalog import page_catalog, translate

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
BIBLIOGRAPHY = ROOT / "references.bib"
#: The student's folder of practice notebooks (never tracked), beside the course repository.
WORKING_FOLDER_NAME = "my-practice"

_ROLE = re.compile(r"\{(term|nl|cite:p|cite:t)\}`([^`]*)`")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\.md\)")
_CHECK_IMPORT = re.compile(r"^from socialbrain\.check import (.+)$", re.M)


def working_folder(root: Path, language: str = SOURCE_LANGUAGE) -> Path:
    """Where a student's practice notebooks in `language` live below `root`: my-practice/, my-practice/nl/."""
    return root / WORKING_FOLDER_NAME / edition_folder(language)


def practice_sources(repository: Path = ROOT):
    """The practice notebooks' MyST sources in a copy of the course repository, in book order."""
    return sorted((repository / EXERCISES.name).glob("[0-9][0-9]-*.md"))


def student_notebook(source: Path, book_url: str = "", bibliography: Path = BIBLIOGRAPHY,
                     language: str = SOURCE_LANGUAGE):
    """The practice notebook `source` as an nbformat notebook with plain Markdown, in `language`.

    book_url: the address of the book's edition in `language`, ending in "/", for links to the
    chapters; "" keeps their text only.
    """
    entries = parse_file(str(bibliography)).entries
    catalog = page_catalog(source, language) if language != SOURCE_LANGUAGE else {}
    nb = jupytext.read(source)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _plain(translate(cell.source, catalog), entries, book_url, language)
        elif language != SOURCE_LANGUAGE:
            cell.source = _CHECK_IMPORT.sub(lambda m: _feedback_in(m, language), cell.source, count=1)
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.validate(nb)
    return nb


def _feedback_in(check_import, language: str) -> str:
    """The import of `check`, then the line that makes its feedback speak `language`."""
    comment = _("check and show_answer give their feedback in this language", language)
    return f'{check_import.group(0)}, set_language\nset_language("{language}")  # {comment}'


def _plain(markdown: str, entries, book_url: str, language: str = SOURCE_LANGUAGE) -> str:
    def role(match):
        name, text = match.groups()
        if name == "term":
            return text.split(" <")[0]
        if name == "nl":
            return f"*{text}*"
        keys = [key.strip() for key in text.split(",")]
        cited = [(_authors(entries[k], language), _year(entries[k], language)) for k in keys]
        if name == "cite:t":
            return "; ".join(f"{authors} ({year})" for authors, year in cited)
        return "(" + "; ".join(f"{authors}, {year}" for authors, year in cited) + ")"

    def link(match):
        text, target = match.groups()
        if not book_url:
            return text
        page = (Path("exercises") / target).as_posix()
        page = re.sub(r"^exercises/\.\./", "", page)
        return f"[{text}]({book_url}{page}.html)"

    return _LINK.sub(link, _ROLE.sub(role, markdown))


def _authors(entry, language: str) -> str:
    people = entry.persons.get("author", [])
    if not people:
        return "*" + entry.fields.get("shorttitle", entry.fields["title"]).strip("{}") + "*"
    last = [" ".join(p.last_names).strip("{}") for p in people]
    if len(last) == 1:
        return last[0]
    if len(last) == 2:
        return _("{first} and {second}", language).format(first=last[0], second=last[1])
    return f"{last[0]} et al."


def _year(entry, language: str) -> str:
    return entry.fields.get("year", _("n.d.", language))


def write_student_notebooks(target: Path, book_url: str = "", overwrite: bool = True,
                            repository: Path = ROOT, language: str = SOURCE_LANGUAGE) -> list[Path]:
    """Write every practice notebook of `repository` as `.ipynb` in `language` into `target`;
    keep existing ones unless `overwrite`."""
    target.mkdir(parents=True, exist_ok=True)
    bibliography = repository / BIBLIOGRAPHY.name
    written = []
    for source in practice_sources(repository):
        path = target / f"{source.stem}.ipynb"
        if overwrite or not path.exists():
            nbformat.write(student_notebook(source, book_url, bibliography, language), path)
            written.append(path)
    return written

