"""Every chapter has what a student needs: objectives, evidence checks, self-checks,
a figure, a summary, further reading, and only citations and terms that exist."""

import re
from pathlib import Path

import pybtex.database
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]-*.md"))
SEEDS = ROOT.parent / "shared" / "seeds"


def bib_keys():
    return set(pybtex.database.parse_file(str(ROOT / "references.bib")).entries)


def glossary_terms():
    text = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return {line.strip().lower() for line in block.splitlines() if line.strip() and not line.startswith((" ", ":"))}


def cited_keys(text):
    keys = set()
    for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", text):
        keys.update(k.strip() for k in group.split(","))
    return keys


def used_terms(text):
    terms = set()
    for ref in re.findall(r"\{term\}`([^`]+)`", text):
        match = re.search(r"<([^>]+)>\s*$", ref)
        terms.add((match.group(1) if match else ref).strip().lower())
    return terms


def section(text, heading):
    match = re.search(rf"^## {heading}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


def test_there_are_eight_chapters():
    assert [c.name[:2] for c in CHAPTERS] == [f"{n:02d}" for n in range(1, 9)]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_structure(chapter):
    text = chapter.read_text(encoding="utf-8")
    number = chapter.name[:2]
    assert text.startswith("---\njupytext:"), "MyST notebook header missing"
    assert len(re.findall(r"^# ", text, re.M)) == 1, "exactly one H1 title"
    objectives = re.search(r":::\{admonition\} Learning objectives\s*\n:class: learning-objectives\n(.*?)\n:::", text, re.S)
    assert objectives, "learning objectives box missing"
    assert 3 <= len(re.findall(r"^\d+\. ", objectives.group(1), re.M)) <= 5, "3 to 5 numbered objectives"
    assert re.search(r":class: evidence-check", text), "no evidence check box"
    checks = re.findall(r"```\{selfcheck\} (\S+)", text)
    assert len(checks) >= 3, "at least three self-check questions"
    assert all(c.startswith(f"ch{number}-") for c in checks), checks
    assert "```{code-cell}" in text, "no figure or widget"
    assert section(text, "Summary").strip(), "no summary"
    reading = section(text, "Further reading")
    assert 2 <= len(re.findall(r"^[-*] ", reading, re.M)) <= 4, "2 to 4 further-reading items"
    assert f"exercises/{chapter.name}" in text, "no link to the chapter's practice notebook"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_citations_and_terms_exist(chapter):
    text = chapter.read_text(encoding="utf-8")
    cites = cited_keys(text)
    assert len(cites) >= 5, "a chapter cites its evidence"
    assert cites <= bib_keys(), f"unknown citation keys: {cites - bib_keys()}"
    assert used_terms(text) <= glossary_terms(), f"unknown glossary terms: {used_terms(text) - glossary_terms()}"


def _words(text):
    return re.findall(r"[a-zà-ÿ]+", text.lower())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles are not beside this checkout")
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_sentence_is_copied_from_the_seed_articles(chapter):
    """No run of ten words from a seed article appears in a chapter (short quotes of terms are fine)."""
    seed_grams = set()
    for seed in SEEDS.glob("*.txt"):
        words = _words(seed.read_text(encoding="utf-8"))
        seed_grams.update(tuple(words[i:i + 10]) for i in range(len(words) - 9))
    words = _words(chapter.read_text(encoding="utf-8"))
    copied = [" ".join(words[i:i + 10]) for i in range(len(words) - 9) if tuple(words[i:i + 10]) in seed_grams]
    assert not copied, copied[:3]


def test_checkers_can_fail():
    assert cited_keys("{cite:p}`a, b` and {cite}`c`") == {"a", "b", "c"}
    assert used_terms("{term}`x` {term}`the y <Y>`") == {"x", "y"}
    assert "nosuchkey2099" not in bib_keys()
