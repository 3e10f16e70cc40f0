"""The instructor guide was one long page; its old section links still land on the right text.

The overview (book/instructor-guide.md) holds an `anchormap` (sphinx-anchormap): the
page carries a map from each old section id to the page that holds that section now,
and a small script follows it when the id in the address is not on the overview. The
static tests read that map in each edition; the browser tests open old links in
headless Chromium.
"""

import json
import posixpath
import re

import pytest

from conftest import SITE
from socialbrain.i18n import LANGUAGES, edition_folder
from test_links import _parse

OVERVIEW = "book/instructor-guide.html"
#: old links people may have kept, with the page and section they must end on
OLD_LINKS = {
    "grade": "book/instructor-guide/grade.html",  # a whole step: its page, from the top
    "the-sandbox": "book/instructor-guide/sandbox.html",
    "re-grading-safely": "book/instructor-guide/grade.html#re-grading-safely",
    "on-a-jupyterhub-nbgrader-s-exchange": "book/instructor-guide/release-and-collect.html#on-a-jupyterhub-nbgrader-s-exchange",
    "troubleshooting": "book/instructor-guide/troubleshooting.html#troubleshooting",
}


def _edition(lang, path):
    return edition_folder(lang) + path


def old_section_map(lang):
    """{old id: target href relative to the overview} as the built overview carries it."""
    built = SITE / _edition(lang, OVERVIEW)
    if not built.is_file():
        pytest.fail(f"{built} is missing: run `make book`")
    found = re.search(r'<script id="python-docs-anchor-redirects" type="application/json">(.*?)</script>',
                      built.read_text(encoding="utf-8"), re.S)
    assert found, f"{_edition(lang, OVERVIEW)} carries no map of its old section ids"
    return json.loads(found.group(1))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_old_section_id_leads_to_a_page_that_has_it(lang):
    redirects = old_section_map(lang)
    assert set(OLD_LINKS) <= set(redirects), f"old ids without a new place: {sorted(set(OLD_LINKS) - set(redirects))}"
    overview_ids = _parse(SITE / _edition(lang, OVERVIEW)).ids
    for old_id, href in redirects.items():
        assert old_id not in overview_ids, f"#{old_id} is on the overview itself: the map would never be used"
        path, _, fragment = href.partition("#")
        target = SITE / posixpath.normpath(posixpath.join(posixpath.dirname(_edition(lang, OVERVIEW)), path))
        assert target.is_file() and "/instructor-guide/" in target.as_posix(), f"#{old_id} -> {href}: no such task page"
        assert not fragment or fragment in _parse(target).ids, f"#{old_id} -> {href}: the page has no #{fragment}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("old_id", OLD_LINKS)
def test_an_old_link_lands_on_the_new_page_at_its_section(server, context, lang, old_id):
    page = context.new_page()
    page.goto(f"{server}/{_edition(lang, OVERVIEW)}#{old_id}")
    expected = f"{server}/{_edition(lang, OLD_LINKS[old_id])}"
    page.wait_for_url(expected, timeout=10_000)
    section = expected.partition("#")[2]
    heading = page.locator(f"#{section}" if section else "article h1").first
    top = heading.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200, f"{expected}: the section is not at the top of the window (top {top})"
    assert page.evaluate("document.documentElement.lang") == lang


def test_the_overview_stays_put_for_its_own_sections_and_follows_a_changed_address(server, context):
    page = context.new_page()
    page.goto(f"{server}/{OVERVIEW}#also-in-this-guide")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.url == f"{server}/{OVERVIEW}#also-in-this-guide"
    page.evaluate("location.hash = 'collect'")  # an old link followed from the page itself
    page.wait_for_url(f"{server}/book/instructor-guide/release-and-collect.html#collect", timeout=10_000)
