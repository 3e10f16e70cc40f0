"""What holds back a page's first paint on a slow connection: only the stylesheets it needs to
lay out its text, each linked directly (an `@import` costs another round trip)."""

import re

import pytest

from conftest import site_pages

LINK = re.compile(r"<link\b[^>]*>")


def _stylesheets(html):
    head = html.split("</head>")[0]
    return [tag for tag in LINK.findall(re.sub(r"<noscript>.*?</noscript>", "", head, flags=re.S))
            if 'rel="stylesheet"' in tag]


@pytest.mark.parametrize("page_path", site_pages(), ids=str)
def test_no_import_chain_and_code_styles_do_not_block(site, page_path):
    html = (site / page_path).read_text(encoding="utf-8")
    if "</head>" not in html:
        pytest.skip("a redirect, no page")
    sheets = _stylesheets(html)
    assert not [s for s in sheets if "styles/theme.css" in s], "theme.css only @imports basic.css"
    assert [s for s in sheets if "_static/basic.css" in s], "basic.css must still be linked"
    for name in ("pygments.css", "copybutton.css"):
        tag = next(s for s in sheets if name in s)
        assert 'media="print"' in tag and "onload=" in tag, f"{page_path}: {name} blocks rendering"
        assert re.search(rf"<noscript><link[^>]*{re.escape(name)}", html), f"{page_path}: no fallback for {name}"


def test_code_is_highlighted_once_the_stylesheet_arrives(server, context):
    page = context.new_page()
    page.goto(f"{server}/book/instructor-guide.html")
    page.wait_for_load_state("load")
    comment = page.locator(".highlight .c1").first  # pygments.css: `.highlight .c1 { color: #515151 }`
    assert comment.evaluate("e => getComputedStyle(e).color") == "rgb(81, 81, 81)"
