"""A chapter read after the one before it brings no plotly.js of its own (issue 16: a second chapter <= 150 KB).

Chapter 7 draws no figure, so plotly.js would first arrive with chapter 8. The
page before a page with figures fetches it at low priority when the reader
nears its link to the next page, and not before: a reader who stops halfway
pays nothing.
"""

import re

from conftest import is_redirect, site_pages
from socialbrain.book.assets import DRAWING, PLOTLY_STATIC

LOADER = re.compile(r'<script[^>]*src="[^"]*sb-plotly\.js[^"]*"[^>]*>')
BEFORE = "book/07-coping-with-rejection.html"
AFTER = "book/08-approach-and-avoidance.html"
#: bytes of plotly.js that came over the network (0 from the browser cache)
PLOTLY_BYTES = f"""() => performance.getEntriesByType('resource')
    .filter(e => e.name.includes({PLOTLY_STATIC!r})).map(e => e.transferSize)"""


def _loader(site, page):
    found = LOADER.search((site / page).read_text(encoding="utf-8"))
    return found.group() if found else ""


def test_only_the_page_before_a_page_with_figures_prefetches(site):
    prefetching = sorted(p for p in site_pages(site) if not is_redirect(p) and 'data-prefetch="next"' in _loader(site, p))
    assert BEFORE in prefetching and f"nl/{BEFORE}" in prefetching
    assert "data-prefetch" not in _loader(site, AFTER) and "data-plotly" in _loader(site, AFTER)
    for page in prefetching:
        html = (site / page).read_text(encoding="utf-8")
        assert not any(marker in html for marker in DRAWING), f"{page} draws a figure itself"
    assert not _loader(site, "book/glossary.html"), "the glossary is followed by no figure: no loader"


def test_the_next_chapter_finds_plotly_in_the_cache(server, context):
    page = context.new_page()
    plotly = []
    page.on("request", lambda request: plotly.append(request.url) if PLOTLY_STATIC in request.url else None)
    page.goto(f"{server}/{BEFORE}", wait_until="load")
    page.wait_for_timeout(500)
    assert not plotly, "plotly.js was fetched before the reader neared the end of chapter 7"

    page.locator(".prev-next-area a.right-next").scroll_into_view_if_needed()
    page.wait_for_function(f"() => performance.getEntriesByType('resource').some(e => e.name.includes({PLOTLY_STATIC!r}))",
                           timeout=15_000)

    page.locator(".prev-next-area a.right-next").click()
    page.wait_for_url(f"**/{AFTER}")
    page.locator(".sb-plotly, [data-widget]").first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.main-svg')", timeout=30_000)
    assert page.evaluate(PLOTLY_BYTES) == [0], "chapter 8 fetched plotly.js over the network again"
    page.close()
