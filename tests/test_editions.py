"""Two editions of one book: every page has its counterpart, the switch leads there and back, `lang` is right.

English is at the site root, Dutch under `nl/` with the same page paths
(socialbrain/book/editions.py, switch.py). The static tests read every built
page; the browser test follows the switch by keyboard in headless Chromium.
"""

import posixpath
import re

import pytest

from conftest import SITE, is_redirect, site_pages
from socialbrain.i18n import LANGUAGES, SOURCE_LANGUAGE, TRANSLATIONS

ENGLISH = [p for p in site_pages() if p.split("/")[0] not in TRANSLATIONS and not is_redirect(p)]
EDITION_PAGES = [(lang, p) for lang in LANGUAGES for p in ENGLISH]


def edition_path(lang, page):
    return page if lang == SOURCE_LANGUAGE else f"{lang}/{page}"


def resolve(from_page, href):
    """A relative link on `from_page`, as a path from the site root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_page), href.split("#")[0]))


def _attr(tag, name):
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return found.group(1) if found else None


def test_the_book_has_english_pages_to_compare():
    assert len(ENGLISH) > 20, "the English edition is missing or nearly empty: run `make book`"


@pytest.mark.parametrize(("lang", "page"), EDITION_PAGES)
def test_every_page_has_its_counterpart_lang_switch_and_alternates(lang, page):
    path = edition_path(lang, page)
    built = SITE / path
    assert built.is_file(), f"{page} has no {LANGUAGES[lang]} counterpart {path}: run `make book`"
    text = built.read_text(encoding="utf-8")
    html_tag = re.search(r"<html[^>]*>", text).group(0)
    assert _attr(html_tag, "lang") == lang, f"{path}: {html_tag}"

    switches = re.findall(r'<a class="sb-language-switch[^>]*>', text)
    assert len(switches) == len(LANGUAGES) - 1, f"{path} should have one switch per other edition, has {switches}"
    for tag in switches:
        other = _attr(tag, "hreflang")
        assert other in LANGUAGES and other != lang
        assert _attr(tag, "lang") == other, "the switch's name is in the language it leads to"
        assert _attr(tag, "aria-label"), "the switch is named for screen readers"
        assert resolve(path, _attr(tag, "href")) == edition_path(other, page), f"{path}: the switch leads elsewhere"

    alternates = {_attr(t, "hreflang"): _attr(t, "href") for t in re.findall(r'<link rel="alternate"[^>]*>', text)}
    assert set(alternates) == {*LANGUAGES, "x-default"}, f"{path}: hreflang alternates {sorted(alternates)}"
    for code in LANGUAGES:
        assert resolve(path, alternates[code]) == edition_path(code, page)
    assert resolve(path, alternates["x-default"]) == page


def test_the_switch_leads_to_the_same_page_and_back_by_keyboard(server, context):
    page = context.new_page()
    chapter = "book/05-loneliness-is-not-isolation.html"
    page.goto(f"{server}/{chapter}")
    assert page.locator("html").get_attribute("lang") == "en"

    to_dutch = page.get_by_role("link", name="Lees deze pagina in het Nederlands")
    to_dutch.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/nl/{chapter}")
    assert page.locator("html").get_attribute("lang") == "nl"

    to_english = page.get_by_role("link", name="Read this page in English")
    to_english.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/{chapter}")
    assert page.locator("html").get_attribute("lang") == "en"


def test_self_check_progress_is_shared_by_both_editions(server, context):
    """Answers are stored per question, so one answered in Dutch counts on the English progress page."""
    page = context.new_page()
    page.goto(f"{server}/nl/book/how-to-use.html")
    form = page.locator('form[data-selfcheck="start-storage"]')
    form.locator('input[value="1"]').check()
    form.locator("button").click()
    assert "Goed." in form.locator(".selfcheck-feedback").inner_text()

    page.goto(f"{server}/book/progress.html")
    assert page.locator('tr[data-progress-page="book/how-to-use"] .progress-count').inner_text() == "1 of 3"
    page.goto(f"{server}/nl/book/progress.html")
    assert page.locator('tr[data-progress-page="book/how-to-use"] .progress-count').inner_text() == "1 van 3"
