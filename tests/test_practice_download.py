"""A student's path from the served book to a running practice notebook.

Each practice page links its `.ipynb` and the course package's wheel. Both are
downloaded from the served book, the wheel is installed with plain pip into a
fresh virtual environment of another Python version than the build's, and the
notebook runs there with nbclient: blank, every check says "not yet" with a
hint; with the worked answers, every check says "right!".
"""

import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest

from socialbrain.book.practise import FOLDER, wheel_name
from socialbrain.i18n import SOURCE_LANGUAGE, TRANSLATIONS, _, edition_folder
from socialbrain.practice import practice_sources
from test_exercises import _feedback, with_worked_answers
from test_translations import ENGLISH_SHARE, english_share

OTHER_VERSIONS = ("3.13", "3.12", "3.10")
PYENV = Path.home() / ".pyenv" / "versions"
MYST_MARKUP = re.compile(r"\{(term|cite:[pt]|nl|doc|ref)\}`|^:::|```\{", re.M)
# Run inside the student's environment: execute a notebook given as JSON on stdin.
RUN_NOTEBOOK = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.reads(sys.stdin.read(), as_version=4)
NotebookClient(nb, timeout=120, kernel_name="python3").execute()
sys.stdout.write(nbformat.writes(nb))
"""


def other_python():
    """An interpreter of another minor version than this one, or None."""
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    for version in OTHER_VERSIONS:
        if version == here:
            continue
        for candidate in sorted(PYENV.glob(f"{version}.*/bin/python{version}")):
            return candidate
    return None


def _get(url):
    with urllib.request.urlopen(url) as response:
        return response.read()


@pytest.fixture(scope="module")
def student_python(server, tmp_path_factory):
    """A fresh venv of another Python version with the book's wheel installed by pip."""
    python = other_python()
    if python is None:
        pytest.skip(f"no Python {', '.join(OTHER_VERSIONS)} under {PYENV}: cannot test another version")
    folder = tmp_path_factory.mktemp("student")
    wheel = folder / wheel_name()
    wheel.write_bytes(_get(f"{server}/{FOLDER}/{wheel.name}"))
    subprocess.run([str(python), "-m", "venv", str(folder / "venv")], check=True)
    venv_python = folder / "venv" / "bin" / "python"
    # nbclient only drives the notebook here, as Jupyter would.
    subprocess.run([str(venv_python), "-m", "pip", "install", "--quiet", str(wheel), "nbclient"], check=True)
    return venv_python


def _run(python, nb):
    done = subprocess.run([str(python), "-c", RUN_NOTEBOOK], input=json.dumps(nb), text=True,
                          capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return nbformat.reads(done.stdout, as_version=4)


def test_the_student_python_is_another_version(student_python):
    version = subprocess.run([str(student_python), "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout
    assert version.strip() != str(sys.version_info[:2])


def test_every_practice_page_links_its_notebook_and_the_wheel(site):
    for source in practice_sources():
        page = (site / "exercises" / f"{source.stem}.html").read_text(encoding="utf-8")
        assert "Practise this" in page
        assert f'href="../{FOLDER}/{source.stem}.ipynb"' in page
        assert f'href="../{FOLDER}/{wheel_name()}"' in page
        assert (site / FOLDER / f"{source.stem}.ipynb").is_file()
    assert (site / FOLDER / wheel_name()).is_file()


def test_the_notebooks_are_plain_markdown(site):
    for path in sorted((site / FOLDER).glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert not MYST_MARKUP.search(text), f"{path.name}: MyST markup {MYST_MARKUP.search(text).group()!r}"


@pytest.mark.parametrize("language", [SOURCE_LANGUAGE, *TRANSLATIONS])
@pytest.mark.parametrize("source", practice_sources()[:1] + practice_sources()[4:5], ids=lambda p: p.stem)
def test_downloaded_notebook_runs_in_the_students_python(server, student_python, source, language):
    """Each edition's notebook gives its feedback in the edition's language, with no setting by the student."""
    nb = nbformat.reads(_get(f"{server}/{edition_folder(language)}{FOLDER}/{source.stem}.ipynb").decode(), as_version=4)
    # "Task 1.1: not yet." and so on, in the edition's language, without the task's name
    not_yet, right = (_(message, language).replace("{task}", "") for message in ("{task}: not yet.", "{task}: right!"))
    hint = _("Hint:", language)
    blank = _feedback(_run(student_python, nb))
    assert blank
    for task_id, text in blank.items():
        assert not_yet in text and hint in text, f"{task_id}: {text!r}"
        assert "ERROR" not in text and "Traceback" not in text, f"{task_id}: {text!r}"
    worked = _feedback(_run(student_python, with_worked_answers(nb)))
    for task_id, text in worked.items():
        assert right in text and not_yet not in text, f"{task_id}: {text!r}"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_each_editions_notebooks_read_in_its_language(site, language):
    """Every paragraph, heading, list item and table cell of a translated edition's notebook is translated."""
    folder = site / edition_folder(language) / FOLDER
    for source in practice_sources():
        english = nbformat.read(site / FOLDER / f"{source.stem}.ipynb", as_version=4)
        translated = nbformat.read(folder / f"{source.stem}.ipynb", as_version=4)
        assert [c.cell_type for c in translated.cells] == [c.cell_type for c in english.cells]
        for ours, theirs in zip(translated.cells, english.cells):
            if ours.cell_type == "code":  # the same code; the import of check also chooses the language
                setting = re.compile(rf', set_language\nset_language\("{language}"\)  # [^\n]*')
                assert setting.sub("", ours.source) == theirs.source
                continue
            paragraphs = [p for p in ours.source.split("\n") if len(p.split()) >= 6]
            still_english = [p for p in paragraphs if english_share(p) > ENGLISH_SHARE]
            assert not still_english, f"{language}/{source.stem}: English in the notebook: {still_english[:3]}"
        assert any(f'set_language("{language}")' in c.source for c in translated.cells if c.cell_type == "code")
