"""Every page of the built book loads in a real browser with nothing from another host.

Fails on any request to a host other than the local server, any failed
request or HTTP error, and any JavaScript error or console error.
"""

from urllib.parse import urlparse

import pytest

from conftest import site_pages

#: Console messages that are not the book's fault, each with the reason it is allowed.
KNOWN_CONSOLE_MESSAGES = {}


@pytest.mark.parametrize("page_path", site_pages())
def test_page_loads_only_from_its_own_host(server, context, page_path):
    host = urlparse(server).netloc
    foreign, failed, errors = [], [], []
    page = context.new_page()
    page.on("request", lambda r: urlparse(r.url).scheme in ("http", "https")
            and urlparse(r.url).netloc != host and foreign.append(r.url))
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url} (HTTP {r.status})"))
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("console", lambda m: m.type == "error" and not any(k in m.text for k in KNOWN_CONSOLE_MESSAGES)
            and errors.append(f"console: {m.text}"))
    page.goto(f"{server}/{page_path}", wait_until="load")
    page.wait_for_timeout(300)  # let deferred scripts and figures run
    page.close()
    assert not foreign, f"{page_path} requested other hosts: {foreign}"
    assert not failed, f"{page_path} had failed requests: {failed}"
    assert not errors, f"{page_path} had JavaScript errors: {errors}"


def test_every_page_was_checked():
    """The parametrised test above must not silently check nothing."""
    pages = site_pages()
    assert "book/intro.html" in pages and len(pages) >= 10, pages
