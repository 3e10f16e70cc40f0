"""Every chapter has what a student needs: objectives, evidence checks, self-checks,
a figure, a summary, further reading, and only citations and terms that exist."""

import re
from pathlib import Path

import pybtex.database
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]-*.md"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]-*.md"))
BOOK_PAGES = sorted((ROOT / "book").glob("*.md"))
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


# Where a reader may apply the text to themselves: low mood, suicide, self-harm,
# trauma, medication, or scoring a questionnaire on oneself.
SENSITIVE = re.compile(
    r"\b(?:depress\w*|suicid\w*|self-harm\w*|harming yourself|trauma\w*|medication|medicines?"
    r"|naltrexone|antidepressants?|prescri\w*|(?:on|for) yourself)\b",
    re.I,
)
# A medicine named by name; the page must then send readers to their prescriber.
NAMED_MEDICINE = re.compile(r"\b(?:naltrexone|antidepressants?)\b", re.I)
CONTENT_NOTE_LINK = re.compile(r"\{doc\}`(?:[^`<]*<)?content-note>?`|\]\((?:\.\./book/)?content-note\.md\)")


def links_content_note(text):
    return bool(CONTENT_NOTE_LINK.search(text))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_links_the_content_note(chapter):
    assert links_content_note(chapter.read_text(encoding="utf-8")), "no link to the content note"


@pytest.mark.parametrize("page", EXERCISES, ids=lambda p: p.stem)
def test_sensitive_practice_pages_link_the_content_note(page):
    text = page.read_text(encoding="utf-8")
    topics = sorted({m.lower() for m in SENSITIVE.findall(text)})
    assert not topics or links_content_note(text), f"mentions {topics} but does not link the content note"


@pytest.mark.parametrize("page", BOOK_PAGES + EXERCISES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_named_medicines_come_with_their_prescriber(page):
    """A reader who takes a medicine the book names is told not to change it on their own."""
    text = page.read_text(encoding="utf-8")
    assert not NAMED_MEDICINE.search(text) or re.search(r"\bprescri\w*", text, re.I), "names a medicine without the prescriber"


def test_checkers_can_fail():
    assert cited_keys("{cite:p}`a, b` and {cite}`c`") == {"a", "b", "c"}
    assert used_terms("{term}`x` {term}`the y <Y>`") == {"x", "y"}
    assert "nosuchkey2099" not in bib_keys()
    for link in ("{doc}`content-note`", "{doc}`content note <content-note>`", "[content note](../book/content-note.md)"):
        assert links_content_note(f"see the {link} first")
    assert not links_content_note("see the content note") and not links_content_note("{doc}`how-to-use`")
    assert SENSITIVE.search("a route into Depression") and SENSITIVE.search("if you score it for yourself")
    assert not SENSITIVE.search("try the tasks yourself")
