"""The selfcheck directive accepts well-formed questions and explains what is wrong with others.

Questions are rendered by a real Sphinx build of a small MyST project (the
book's own extension modules, the book's bibliography), so the tests see
what a reader, a translator and a printed copy get.
"""

import base64
import io
import json
import re
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

from socialbrain.book.selfcheck import SelfCheckError, parse_question

ROOT = Path(__file__).resolve().parent.parent

CHOICE = """
type: choice
question: How many people were scanned in the first Cyberball study?
options: ["13", "40", "60"]
answer: 0
explanation: Eisenberger and colleagues scanned 13 people.
"""

CONF = f"""
extensions = ["myst_parser", "sphinxcontrib.bibtex", "socialbrain.book.dutch",
              "socialbrain.book.selfcheck", "socialbrain.book.progress"]
bibtex_bibfiles = [{str(ROOT / "references.bib")!r}]
bibtex_reference_style = "author_year"
exclude_patterns = ["_build"]
root_doc = "index"
"""

INDEX = """# Index

```{toctree}
chapter
progress
```

```{glossary}
loneliness
  The feeling that one's relationships fall short.
```
"""

CHAPTER = f"""# Chapter

```{{selfcheck}} ch02-n
{CHOICE}
```

```{{selfcheck}} ch05-x
type: number
question: What share of Dutch adults was lonely in 2022?
answer: 48.6
tolerance: 0.1
unit: '%'
explanation: E.
```

```{{selfcheck}} ch05-y
type: truefalse
question: Is <b>this</b> bold?
answer: false
explanation: No & never.
```

```{{selfcheck}} ch05-markup
type: choice
question: "Which study scanned *people* who felt {{term}}`loneliness` ({{nl}}`eenzaamheid`)?"
options: ["{{cite:t}}`kross2011`", "none"]
answer: 0
explanation: "**Kross** and colleagues {{cite:p}}`kross2011`."
```

```{{bibliography}}
```
"""

PROGRESS = """# Progress

```{selfcheck-progress}
```
"""


def build(src, builder, parallel=0):
    """Build ``src`` with ``builder``; return (output folder, warnings)."""
    warnings = io.StringIO()
    out = src / "_build" / builder
    with docutils_namespace():
        app = Sphinx(str(src), str(src), str(out), str(src / "_build" / "doctrees" / builder), builder,
                     status=None, warning=warnings, parallel=parallel)
        app.build()
    return out, warnings.getvalue()


def project(tmp_path, **pages):
    (tmp_path / "conf.py").write_text(CONF)
    for name, text in {"index": INDEX, "chapter": CHAPTER, "progress": PROGRESS, **pages}.items():
        (tmp_path / f"{name}.md").write_text(text)
    return tmp_path


@pytest.fixture(scope="module")
def html_page(tmp_path_factory):
    out, warnings = build(project(tmp_path_factory.mktemp("book")), "html")
    assert not warnings, warnings
    return (out / "chapter.html").read_text(encoding="utf-8")


def form(page, qid):
    return re.search(rf'<form class="selfcheck" id="selfcheck-{qid}".*?</form>', page, re.S).group(0)


def test_choice_question_renders_an_accessible_form_with_an_encoded_key(html_page):
    page = form(html_page, "ch02-n")
    assert 'data-selfcheck="ch02-n"' in page and "<legend>" in page
    assert page.count('type="radio"') == 3
    assert 'role="status"' in page and 'aria-live="polite"' in page
    key = page.split('data-key="')[1].split('"')[0]
    assert json.loads(base64.b64decode(key)) == {"type": "choice", "answer": 0}
    assert ">13<" in page and "scanned 13 people" in page


def test_number_and_truefalse_questions(html_page):
    number = parse_question("ch05-x", "type: number\nquestion: Q?\nanswer: 48.6\ntolerance: 0.1\nunit: '%'\nexplanation: E.")
    assert number["answer"] == 48.6 and number["tolerance"] == 0.1
    assert 'inputmode="decimal"' in form(html_page, "ch05-x") and "<span>%</span>" in form(html_page, "ch05-x")
    tf = parse_question("ch05-y", "type: truefalse\nquestion: Q?\nanswer: false\nexplanation: E.")
    assert tf["answer"] is False and form(html_page, "ch05-y").count('type="radio"') == 2


def test_question_text_is_escaped(html_page):
    page = form(html_page, "ch05-y")
    assert "<b>this</b>" not in page and "&lt;b&gt;this&lt;/b&gt;" in page
    assert "No &amp; never." in page


def test_question_options_and_explanation_are_myst(html_page):
    page = form(html_page, "ch05-markup")
    legend = page.split("<legend>")[1].split("</legend>")[0]
    assert "<em>people</em>" in legend
    assert '#term-loneliness"' in legend                              # a glossary term, linked
    assert '<span class="dutch" lang="nl">eenzaamheid</span>' in legend
    options = page.split('class="selfcheck-field">')[1].split("</div>")[0]
    assert "Kross" in options and 'href="#id' in options                # a citation, resolved
    explanation = page.split('<template class="selfcheck-explanation">')[1].split("</template>")[0]
    assert "<strong>Kross</strong>" in explanation and "2011" in explanation


def test_questions_reach_print_and_translation(tmp_path):
    src = project(tmp_path)
    out, warnings = build(src, "text")
    assert not warnings, warnings
    text = (out / "chapter.txt").read_text(encoding="utf-8")
    assert re.search(r"Check yourself:\W+How many people were scanned", text)
    assert re.search(r"\* 13\n\W*\* 40", text)
    assert re.search(r"Explanation:\W+Eisenberger and colleagues scanned 13 people.", text)
    assert "Progress" in (out / "progress.txt").read_text(encoding="utf-8")
    out, warnings = build(src, "gettext")
    assert not warnings, warnings
    catalog = (out / "chapter.pot").read_text(encoding="utf-8")
    for message in ("How many people were scanned in the first Cyberball study?",
                    "Eisenberger and colleagues scanned 13 people.", "none"):
        assert f'msgid "{message}"' in catalog


def progress_rows(out):
    page = (out / "progress.html").read_text(encoding="utf-8")
    return dict(re.findall(r'<tr data-progress-page="([^"]+)" data-ids="([^"]*)">', page))


def test_progress_page_follows_the_pages_when_one_changes(tmp_path):
    src = project(tmp_path)
    out, _ = build(src, "html")
    assert progress_rows(out) == {"chapter": "ch02-n ch05-x ch05-y ch05-markup"}
    chapter = src / "chapter.md"
    chapter.write_text(chapter.read_text().replace("{selfcheck} ch05-x", "{selfcheck} ch05-z"))
    out, _ = build(src, "html")   # an incremental build: only the chapter is read again
    assert progress_rows(out) == {"chapter": "ch02-n ch05-z ch05-y ch05-markup"}


def test_parallel_reading_merges_every_page_and_finds_repeated_ids(tmp_path):
    extra = {f"page{i}": f"# Page {i}\n\n```{{selfcheck}} p{i}\n{CHOICE}\n```\n" for i in range(8)}
    extra["page7"] = extra["page7"].replace("{selfcheck} p7", "{selfcheck} p0")
    index = INDEX.replace("progress\n", "progress\n" + "".join(f"{name}\n" for name in extra))
    src = project(tmp_path, index=index, **extra)
    out, warnings = build(src, "html", parallel=2)
    rows = progress_rows(out)
    assert rows == {"chapter": "ch02-n ch05-x ch05-y ch05-markup",
                    **{f"page{i}": f"p{i}" for i in range(7)}, "page7": "p0"}
    assert "self-check id 'p0' is also used in page0" in warnings


@pytest.mark.parametrize(
    "body, message",
    [
        ("type: essay\nquestion: Q\nexplanation: E", "type must be one of"),
        ("type: choice\nquestion: Q\noptions: [a]\nanswer: 0\nexplanation: E", "at least 2 options"),
        ("type: choice\nquestion: Q\noptions: [a, b]\nanswer: 2\nexplanation: E", "index (0 to 1)"),
        ("type: truefalse\nquestion: Q\nanswer: yes please\nexplanation: E", "true or false"),
        ("type: number\nquestion: Q\nanswer: many\nexplanation: E", "must be a number"),
        ("type: number\nquestion: Q\nanswer: 1\ntolerance: -1\nexplanation: E", "tolerance"),
        ("type: truefalse\nquestion: Q\nanswer: true", "'explanation' must be non-empty"),
        ("type: truefalse\nquestion: Q\nanswer: true\nexplanation: E\nhint: H", "unknown key(s) hint"),
        ("question: Do this: now\n  bad: indent", "Put text that contains a colon in quotes"),
        ("- just\n- a list", "must be YAML keys"),
    ],
)
def test_bad_questions_get_a_message_that_says_what_is_wrong(body, message):
    with pytest.raises(SelfCheckError, match=None) as err:
        parse_question("ch00-bad", body)
    assert message in str(err.value)


def test_ids_must_be_simple():
    with pytest.raises(SelfCheckError, match="letters, digits"):
        parse_question("ch 02/x", CHOICE)
