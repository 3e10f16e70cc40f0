"""The student's JupyterLab: practice notebooks as notebooks whose work survives, no instructor tools.

In the test's own student Lab (as `make lab` starts it): a task run before the
import cell says what to run first; an answered task, saved and reopened,
still shows the answer and its feedback; the course's git status is
unchanged; nbgrader's formgrader and create-assignment are off; a JupyterHub
launch link (after nbgitpuller's pull) opens the page's practice notebook.
"""

import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, wait_for_lab_kernel
from socialbrain.hub_launch import launch_path

NOTEBOOK = "01-wired-for-others.ipynb"
ANSWER = 'answer = 150 / 50\ncheck("ex1.1", answer)'
INSTRUCTOR_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment")
# Run inside the page: the open notebook's cells.
CELLS = "window.jupyterapp.shell.currentWidget.content"
DIALOG_TEXT = "() => Array.from(document.querySelectorAll('.jp-Dialog'), d => d.innerText).join(' | ')"


def _git_status():
    return subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout


def _open(page, url, token):
    page.goto(f"{url}/lab/tree/{NOTEBOOK}?token={token}")
    wait_for_lab_kernel(page)


def _task_cell_index(page):
    return page.evaluate(f"""() => {CELLS}.widgets.findIndex(
        c => c.model.type === 'code' && c.model.sharedModel.getSource().includes('check("ex1.1"'))""")


def _run_cell(page, index):
    page.evaluate(f"() => {{ {CELLS}.activeCellIndex = {index}; }}")
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-cell'); }")


def _command(page, name, timeout_ms):
    """Run a Lab command and wait for it to finish (its promise), failing after timeout_ms."""
    page.evaluate("""([name, ms]) => Promise.race([
        window.jupyterapp.commands.execute(name).then(() => true),
        new Promise((_, fail) => setTimeout(() => fail(new Error(`${name}: not done after ${ms} ms`)), ms))])""",
                  [name, timeout_ms])


def _cell_text(page, index):
    """Source and outputs from the cell's model (Lab draws only the cells in view)."""
    return page.evaluate(f"""() => {{ const m = {CELLS}.widgets[{index}].model;
        return m.sharedModel.getSource() + JSON.stringify(m.outputs.toJSON()); }}""")


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


def test_answer_and_feedback_survive_saving_and_reopening(student_lab, page):
    url, token, folder = student_lab
    before = _git_status()
    _open(page, url, token)
    task = _task_cell_index(page)

    _run_cell(page, task)  # before the import cell
    page.wait_for_function(f"() => JSON.stringify({CELLS}.widgets[{task}].model.outputs.toJSON())"
                           ".includes('first code cell')", timeout=30_000)
    assert "Run that cell first" in _cell_text(page, task)
    kernel = page.evaluate(f"() => {CELLS.rsplit('.', 1)[0]}.sessionContext.kernelDisplayName")
    assert kernel == "Python 3 (practice)", "the notebook did not get the student Lab's kernel"

    page.evaluate(f"() => {CELLS}.widgets[{task}].model.sharedModel.setSource({json.dumps(ANSWER)})")
    # Save only once every cell has run: an output arriving after the save marks the notebook unsaved again.
    _command(page, "notebook:run-all-cells", 90_000)
    assert "right!" in _cell_text(page, task)
    _command(page, "docmanager:save", 30_000)
    assert not page.evaluate(f"() => {CELLS}.model.dirty"), \
        f"the notebook is still unsaved; Lab says: {page.evaluate(DIALOG_TEXT)!r}"
    _command(page, "application:close-all", 30_000)

    _open(page, url, token)
    assert ANSWER.split("\n")[0] in _cell_text(page, task)
    assert "right!" in _cell_text(page, task)
    saved = json.loads((folder / NOTEBOOK).read_text(encoding="utf-8"))
    assert any("right!" in json.dumps(c.get("outputs", [])) for c in saved["cells"])
    assert _git_status() == before, "the student's work changed files the course tracks"


def test_no_instructor_tools(student_lab, page):
    url, token, _ = student_lab
    _open(page, url, token)
    installed = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyter" / "nbgrader"
    assert installed.is_dir(), "nbgrader's Lab extension is not installed, so this test would prove nothing"
    for plugin in INSTRUCTOR_PLUGINS:
        assert not page.evaluate(f"window.jupyterapp.isPluginActivated({json.dumps(plugin)})"), plugin
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{url}/formgrader?token={token}")
    assert missing.value.code == 404


def _get(url):
    """(status, Location) of a GET that does not follow redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    try:
        response = urllib.request.build_opener(NoRedirect).open(url)
        return response.status, response.headers.get("Location")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location")


def test_a_hub_launch_link_opens_the_practice_notebook(student_lab, page):
    """What nbgitpuller does on a hub: the repository pulled into the home folder, then the link's urlpath."""
    url, token, folder = student_lab
    pulled = folder / "social-brain"
    shutil.copytree(ROOT / "exercises", pulled / "exercises")
    shutil.copy2(ROOT / "references.bib", pulled)
    page_name = "02-rejection-hurts"
    link = f"{url}/{launch_path('social-brain', page_name)}?token={token}"

    status, location = _get(link)
    assert status == 302 and location.endswith(f"/lab/tree/my-practice/{page_name}.ipynb"), (status, location)
    notebook = folder / "my-practice" / f"{page_name}.ipynb"
    text = notebook.read_text(encoding="utf-8")
    assert '"cell_type": "code"' in text and "{term}" not in text and "{cite:" not in text
    notebook.write_text(text.replace("answer = ...", "answer = 42", 1), encoding="utf-8")
    assert _get(link)[0] == 302 and "answer = 42" in notebook.read_text(encoding="utf-8"), \
        "a second launch replaced the student's copy"

    page.goto(link)
    page.wait_for_function(f"""() => window.jupyterapp && window.jupyterapp.shell.currentWidget
        && window.jupyterapp.shell.currentWidget.context.path === 'my-practice/{page_name}.ipynb'""", timeout=60_000)
    wait_for_lab_kernel(page)

    assert _get(f"{url}/{launch_path('social-brain', '99-no-such-page')}?token={token}")[0] == 404
    assert _get(f"{url}/{launch_path('..', page_name)}?token={token}")[0] == 404
    status, location = _get(f"{url}/{launch_path('social-brain', page_name)}")
    assert status == 403 or "/login" in location, "no token, no notebook"


def test_a_dutch_pages_hub_launch_link_opens_the_dutch_notebook(student_lab):
    """The Dutch edition's link adds /nl: the notebook is Dutch, beside the English ones, and answers in Dutch."""
    url, token, folder = student_lab
    pulled = folder / "social-brain"
    for part in ("exercises", "locales"):
        shutil.copytree(ROOT / part, pulled / part, dirs_exist_ok=True)
    shutil.copy2(ROOT / "references.bib", pulled)
    page_name = "05-loneliness-is-not-isolation"
    link = f"{url}/{launch_path('social-brain', page_name, 'nl')}?token={token}"

    status, location = _get(link)
    assert status == 302 and location.endswith(f"/lab/tree/my-practice/nl/{page_name}.ipynb"), (status, location)
    text = (folder / "my-practice" / "nl" / f"{page_name}.ipynb").read_text(encoding="utf-8")
    assert "Oefenen: Eenzaamheid is geen isolement" in text and 'set_language(\\"nl\\")' in text
    assert _get(f"{url}/{launch_path('social-brain', page_name, 'xx')}?token={token}")[0] == 404
