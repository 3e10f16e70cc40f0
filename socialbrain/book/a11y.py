"""Accessibility repairs to the theme's markup, made in the written HTML.

Each repair answers an axe-core rule (tests/test_accessibility.py). They are
made in the files, after the build, not by a script in the browser: the
theme's icon script rewrites icons at unpredictable moments, so a browser-side
fix would race with it.
"""

import html
import re
from pathlib import Path

from socialbrain.i18n import SOURCE_LANGUAGE, N_, _

REPAIRS = (
    # label-content-name-mismatch: the colour-mode icons' titles become <svg><title>
    # text inside a button named "Color mode"; the button's own label suffices.
    (re.compile(r'(<i class="theme-switch [^"]*" data-mode="\w+")\s+title="[^"]*"'), r'\1 aria-hidden="true"'),
    # label-content-name-mismatch: the search button's visible text ("Search Ctrl+K")
    # must be part of its name, so it is named by that text, not by aria-label="Search"
    # (in every edition: the Dutch one says "Zoeken").
    (re.compile(r'(<button class="[^"]*search-button__button[^"]*" title="([^"]*)") aria-label="\2"'), r"\1"),
    # aria-required-children: a role="list" of references must hold list items
    # (Sphinx marks them doc-biblioentry, which DPUB-ARIA 1.1 deprecated).
    (re.compile(r'role="doc-biblioentry"'), 'role="listitem"'),
)


#: summary-name: the sidebar's toggle for a page's sub-pages (pydata-sphinx-theme 0.17.1) is a
#: <summary> holding only a chevron icon; it is named after the page whose sub-pages it shows.
SUB_PAGES_TOGGLE = re.compile(r'(<a class="[^"]*reference internal[^"]*" href="[^"]*">([^<]*)</a><details(?: open="open")?><summary)>')
SUB_PAGES = N_("Pages under {page}")


def repair_html(text, language=SOURCE_LANGUAGE):
    for pattern, replacement in REPAIRS:
        text = pattern.sub(replacement, text)
    label = _(SUB_PAGES, language)
    return SUB_PAGES_TOGGLE.sub(
        lambda found: f'{found.group(1)} aria-label="{_attribute(label.format(page=html.unescape(found.group(2))))}">',
        text)


def _attribute(text):
    return html.escape(text, quote=False).replace('"', "&quot;")


def repair_site(app, exception):
    if exception or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        repaired = repair_html(text, app.config.language or SOURCE_LANGUAGE)
        if repaired != text:
            page.write_text(repaired, encoding="utf-8")


def setup(app):
    app.connect("build-finished", repair_site)
