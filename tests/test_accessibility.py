"""WCAG 2.1 A and AA, checked by axe-core in a real browser on every page of the book.

axe-core comes from the npm registry (package.json) and is injected into each
page; it is never part of the built site. Serious and critical violations
fail; moderate ones must be fixed or listed in ALLOWED_MODERATE with a reason.
"""

import re
from pathlib import Path

import pytest

from conftest import RENDER_ALL_SECTIONS, ROOT, is_redirect, site_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: rule id -> why a moderate finding of it is accepted
ALLOWED_MODERATE = {}


def axe_violations(page, rules=None):
    """Run axe-core on the page: all WCAG 2.1 A/AA rules, or only the given rule ids."""
    page.add_script_tag(path=str(AXE))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    return page.evaluate(
        """async (only) => {
            const result = await axe.run(document, {runOnly: only});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""",
        only,
    )


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("page_path", [p for p in site_pages() if p != "genindex.html" and not is_redirect(p)])
def test_page_has_no_serious_accessibility_violations(server, browser, page_path, mode):
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (make book does it).")
    context = browser.new_context(color_scheme=mode)
    page = context.new_page()
    page.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    page.goto(f"{server}/{page_path}", wait_until="load")
    page.wait_for_timeout(200)
    # axe cannot compute the colours of a section that is not rendered yet
    page.add_style_tag(content=RENDER_ALL_SECTIONS)
    # Structure and names do not depend on the colour theme: the dark run checks contrast only.
    found = axe_violations(page, None if mode == "light" else ["color-contrast"])
    context.close()
    blocking = [v for v in found if v["impact"] in ("serious", "critical")]
    unexplained = [v for v in found if v["impact"] == "moderate" and v["id"] not in ALLOWED_MODERATE]
    assert not blocking, f"{page_path} ({mode}): {blocking}"
    assert not unexplained, f"{page_path} ({mode}): {unexplained}"


def test_axe_finds_a_known_violation(browser, tmp_path):
    """The checker itself must be able to fail: an image without alt text and a low-contrast text."""
    bad = tmp_path / "bad.html"
    bad.write_text('<html lang="en"><title>t</title><body><main><img src="x.png">'
                   '<p style="color:#ccc;background:#fff">faint</p></main></body></html>')
    page = browser.new_page()
    page.goto(bad.as_uri())
    ids = {v["id"] for v in axe_violations(page)}
    page.close()
    assert {"image-alt", "color-contrast"} <= ids


def test_book_declares_english_and_marks_dutch(site):
    intro = (site / "book" / "intro.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in intro
    assert '<span class="dutch" lang="nl">eenzaamheid</span>' in intro


def test_theme_markup_repairs():
    from socialbrain.book.a11y import repair_html

    theme = ('<i class="theme-switch fa-solid fa-sun fa-lg" data-mode="light" title="Light"></i>'
             '<button class="btn search-button-field search-button__button" title="Search" aria-label="Search">'
             '<div class="citation" role="doc-biblioentry">')
    fixed = repair_html(theme)
    assert 'title="Light"' not in fixed and 'aria-hidden="true"' in fixed
    assert 'aria-label="Search"' not in fixed and 'role="listitem"' in fixed


def test_the_sidebars_sub_page_toggle_is_named_in_the_editions_language():
    from socialbrain.book.a11y import repair_html

    toggle = ('<li class="toctree-l1 has-children"><a class="reference internal" href="instructor-guide.html">'
              'Instructor &amp; guide</a><details><summary><span class="toctree-toggle" role="presentation">')
    assert '<summary aria-label="Pages under Instructor &amp; guide">' in repair_html(toggle)
    assert '<summary aria-label="Pagina\'s onder Instructor &amp; guide">' in repair_html(toggle, "nl")
    assert repair_html(repair_html(toggle)) == repair_html(toggle), "a page repaired twice is the same"


def test_every_figure_has_a_text_alternative(site):
    """Each plotly figure (widgets have their own description) sits in a <figure> with a caption saying what it shows."""
    figures = 0
    for rel in site_pages():
        text = (site / rel).read_text(encoding="utf-8")
        plots = text.count('class="plotly-graph-div')
        captions = len(re.findall(r'<figcaption class="sb-figure-description">[^<]{40,}</figcaption>', text))
        assert plots == captions, f"{rel}: {plots} figures, {captions} described"
        figures += plots
    assert figures >= 3, "the chapters' static figures were not found"  # chapter 7's is a table
