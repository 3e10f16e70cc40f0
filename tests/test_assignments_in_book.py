"""The book offers the student versions of the assignments and never their solutions or hidden tests."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "source").glob("ps*/*.ipynb"))


def secret_lines():
    """Lines that only the instructor's source holds: solution code and hidden tests."""
    secrets = set()
    for nb in SOURCES:
        for cell in json.loads(nb.read_text())["cells"]:
            inside = False
            for line in "".join(cell["source"]).splitlines():
                if "BEGIN SOLUTION" in line or "BEGIN HIDDEN TESTS" in line:
                    inside = True
                elif "END SOLUTION" in line or "END HIDDEN TESTS" in line:
                    inside = False
                elif inside and len(line.strip()) >= 25:
                    secrets.add(line.strip())
    return secrets


def site_texts(site):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".ipynb", ".txt", ".js", ".md", ".json"):
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_the_three_student_versions_are_downloadable(site):
    downloads = {p.name for p in (site / "_downloads").rglob("*.ipynb")}
    assert {"concepts.ipynb", "measurement.ipynb", "survey.ipynb"} <= downloads
    page = (site / "book" / "assignments.html").read_text(encoding="utf-8")
    assert page.count('class="reference download') >= 3


def test_no_solution_or_hidden_test_is_published(site):
    secrets = secret_lines()
    assert len(secrets) >= 10, "the sources should hold solutions and hidden tests to protect"
    leaks = []
    for path, text in site_texts(site):
        if "BEGIN SOLUTION" in text or "BEGIN HIDDEN TESTS" in text:
            leaks.append(f"{path}: nbgrader marker")
        leaks += [f"{path}: {line}" for line in secrets if line in text]
    assert not leaks, leaks[:5]
