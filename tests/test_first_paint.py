"""What holds back a page's first paint on a slow connection: nothing but the page itself.

Each page carries the style rules it uses in one <style> (socialbrain/book/critical_css.py);
its stylesheets load without blocking, with a <noscript> fallback. The page must look the
same before they arrive as after: same layout on a phone and on a desktop, same colours in
the dark theme (otherwise the reader sees the page jump, and Lighthouse counts the shift).
"""

import re
import time

import pytest

from conftest import PHONE, is_redirect, site_pages

LINK = re.compile(r"<link\b[^>]*>")
PAGES = [p for p in site_pages() if not is_redirect(p)]
#: a chapter with widgets, a chapter with a static figure, front matter with code, the search page
SAMPLES = ["book/03-the-brains-own-painkillers.html", "book/05-loneliness-is-not-isolation.html",
           "book/instructor-guide/grade.html", "search.html"]
#: where the reader's eye lands: the layout of these must not change when the stylesheets arrive
LANDMARKS = ("article.bd-article h1, article.bd-article p, article.bd-article table, .bd-header-article, "
             ".bd-sidebar-primary, .sb-widget, .sb-figure, .highlight, .bd-search-container")
BOXES = f"""() => [...document.querySelectorAll({LANDMARKS!r})].slice(0, 40).map(e => {{
  const r = e.getBoundingClientRect();
  return [e.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
}})"""
COLOURS = """() => [document.body, document.querySelector('article.bd-article p'),
  document.querySelector('.bd-header-article')].map(e => e && [getComputedStyle(e).color, getComputedStyle(e).backgroundColor])"""


def _head(html):
    return html.split("</head>")[0]


@pytest.mark.parametrize("page_path", PAGES, ids=str)
def test_no_stylesheet_blocks_the_first_paint(site, page_path):
    head = _head((site / page_path).read_text(encoding="utf-8"))
    assert re.search(r"<style>.{2000,}?</style>", head, re.S), f"{page_path}: no critical CSS inlined"
    outside_noscript = re.sub(r"<noscript>.*?</noscript>", "", head, flags=re.S)
    sheets = [tag for tag in LINK.findall(outside_noscript) if 'rel="stylesheet"' in tag]
    assert sheets, f"{page_path}: the full stylesheets must still load"
    # switched on together by one script before them (critical-css.mjs), once all have arrived
    assert f"let left={len(sheets)};" in head.split(sheets[0])[0], f"{page_path}: nothing switches the stylesheets on"
    for tag in sheets:
        assert 'media="print"' in tag and 'data-beasties-media="all"' in tag, f"{page_path}: {tag} blocks rendering"
        href = re.search(r'href="([^"]+)"', tag).group(1)
        assert re.search(rf'<noscript><link[^>]*href="{re.escape(href)}"', head), f"{page_path}: no fallback for {href}"
    assert "styles/theme.css" not in head, "theme.css only @imports basic.css: one more round trip"


#: a script the parser must fetch and run before it reads on: no defer or async, and JavaScript
BLOCKING_SCRIPT = re.compile(r"<script\b(?![^>]*\b(?:defer|async)\b)(?![^>]*\btype=\"(?!text/javascript)[^\"]*\")[^>]*\bsrc=[^>]*>")


@pytest.mark.parametrize("page_path", PAGES, ids=str)
def test_no_script_blocks_the_first_paint(site, page_path):
    """The search page loaded Sphinx's search scripts and index this way (FCP 2.4 s on a phone)."""
    html = (site / page_path).read_text(encoding="utf-8")
    assert "<script" in html, f"{page_path}: no scripts found at all"
    assert not BLOCKING_SCRIPT.findall(html), f"{page_path}: scripts that block the parser"


def _looks(browser, server, page_path, viewport, scheme, hold_css):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    if hold_css:  # the first paint: only what the page itself carries
        page.route(re.compile(r"\.css(\?|$)"), lambda route: route.abort())
    page.goto(f"{server}/{page_path}", wait_until="load")
    page.wait_for_timeout(200)
    looks = page.evaluate(BOXES), page.evaluate(COLOURS)
    context.close()
    return looks


@pytest.mark.parametrize("page_path", SAMPLES)
@pytest.mark.parametrize("viewport,scheme", [({"width": 390, "height": 844}, "light"),
                                             ({"width": 1280, "height": 800}, "light"),
                                             ({"width": 390, "height": 844}, "dark")],
                         ids=["phone", "desktop", "phone-dark"])
def test_the_page_looks_the_same_before_the_stylesheets_arrive(browser, server, page_path, viewport, scheme):
    first_boxes, first_colours = _looks(browser, server, page_path, viewport, scheme, hold_css=True)
    boxes, colours = _looks(browser, server, page_path, viewport, scheme, hold_css=False)
    assert len(boxes) >= 3, f"{page_path}: nothing measured"
    assert first_boxes == boxes, f"{page_path} moves when its stylesheets arrive"
    assert first_colours == colours, f"{page_path} changes colour when its stylesheets arrive ({scheme})"


def _late_by(seconds):
    """A route handler that answers `seconds` late, as a slow connection does: the page is drawn first."""
    def late(route):
        time.sleep(seconds)
        route.continue_()
    return late


#: each layout shift in the page from its first byte, with what moved (Chromium's Layout Instability API)
RECORD_SHIFTS = """window.sbShifts = []; new PerformanceObserver(list => { for (const e of list.getEntries())
  sbShifts.push([Math.round(e.startTime), e.value, e.sources.map(s => s.node && s.node.className)]); })
  .observe({type: 'layout-shift', buffered: true});"""
#: what the page fetches after its first paint, each of which could move what is on the screen
LATE = ["basic.css", "pydata-sphinx-theme.css", "pygments.css", "sphinx-book-theme.css", "mystnb.", "socialbrain.css",
        "fa-solid-900.woff2"]


@pytest.mark.parametrize("late", LATE)
@pytest.mark.parametrize("viewport", [PHONE, {"viewport": {"width": 1280, "height": 800}}], ids=["phone", "desktop"])
def test_nothing_moves_whichever_stylesheet_or_font_comes_last(browser, server, viewport, late):
    """Switched on as each arrived, one stylesheet overrode the inlined rules of another still on its
    way (chapter 3's first box jumped 117 px on a phone and back); the header's icons grew when their
    font came and the buttons slid 44 px."""
    context = browser.new_context(**viewport)
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    page.route(lambda url: late in url, _late_by(1))
    with page.expect_response(lambda response: late in response.url):
        page.goto(f"{server}/book/03-the-brains-own-painkillers.html", wait_until="commit")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    media = page.evaluate("[...document.querySelectorAll('head > link[rel=stylesheet]')].map(l => l.media)")
    assert media and set(media) == {"all"}, f"the stylesheets were not all switched on: {media}"
    assert page.evaluate("sbShifts") == [], f"the page moved while {late} was on its way"
    context.close()


def test_code_is_highlighted_once_the_stylesheet_arrives(server, context):
    page = context.new_page()
    page.goto(f"{server}/book/instructor-guide/grade.html")
    page.wait_for_load_state("load")
    comment = page.locator(".highlight .c1").first  # pygments.css: `.highlight .c1 { color: #515151 }`
    assert comment.evaluate("e => getComputedStyle(e).color") == "rgb(81, 81, 81)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_colour_theme_is_set_before_the_theme_script_runs(browser, server, scheme):
    """The first paint already has the reader's colours: the theme's script comes last, and changing
    them then flashed the page and restarted every colour transition on it."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.route(re.compile(r"pydata-sphinx-theme\.js"), lambda route: route.abort())
    page.goto(f"{server}/nl/book/02-rejection-hurts.html", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    assert page.evaluate("document.documentElement.dataset.mode") == "auto"
    context.close()


#: counts the CSS transitions that start anywhere in the page, from its first byte
COUNT_TRANSITIONS = "window.sbTransitions = []; addEventListener('transitionrun', e => sbTransitions.push(`${e.target.className}: ${e.propertyName}`), true);"


@pytest.mark.parametrize("page_path", ["exercises/08-approach-and-avoidance.html", "nl/book/instructor-guide/grade.html"])
def test_nothing_transitions_while_the_page_loads(browser, server, page_path):
    """Transitions are for the reader's actions; started by the page's own loading (a practice page
    began a hundred at once), they are one long task on a phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    context.add_init_script(COUNT_TRANSITIONS)
    page = context.new_page()
    page.route(re.compile(r"(\.css|pydata-sphinx-theme\.js)(\?|$)"), _late_by(0.3))
    page.goto(f"{server}/{page_path}", wait_until="load")
    page.wait_for_timeout(500)
    assert page.evaluate("sbTransitions") == [], f"{page_path}: transitions started while it loaded"
    page.locator("button.copybtn").first.focus()  # the copy button fades in: transitions still work
    page.wait_for_timeout(100)
    assert page.evaluate("sbTransitions"), "no transition counted: the counter does not work"
    context.close()


#: a page's sections, each laid out only near the screen until sb-sections.js has laid it out
SECTIONS = "[...document.querySelectorAll('article.bd-article > section > section')]"
#: whether each section is rendered (a section far from the screen is skipped)
SECTIONS_RENDERED = f"() => {SECTIONS}.map(s => s.firstElementChild.checkVisibility({{contentVisibilityAuto: true}}))"
LONG_PAGES = ["book/05-loneliness-is-not-isolation.html", "nl/book/06-the-lonely-brain-under-pressure.html"]


@pytest.mark.parametrize("page_path", LONG_PAGES)
def test_a_phone_lays_out_only_what_is_near_the_screen(browser, server, page_path):
    """A chapter's first layout was one long task on a phone (Lighthouse: 306 ms of blocking time on
    chapter 5): sections far below the screen wait until the reader nears them, and the figure or
    widget a section holds still draws then. (Here without sb-sections.js, which lays them out later.)"""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.route(re.compile(r"sb-sections\.js"), lambda route: route.abort())
    page.goto(f"{server}/{page_path}", wait_until="load")
    page.wait_for_timeout(300)
    rendered = page.evaluate(SECTIONS_RENDERED)
    assert len(rendered) >= 8, f"{page_path}: only {len(rendered)} sections found"
    assert rendered[-1] is False and rendered.count(False) >= len(rendered) // 2, f"{page_path}: {rendered}"
    # a section clips what it holds: not the focus ring (3 px, 2 px off) of a link at its edge
    margins = page.evaluate(f"{SECTIONS}.map(s => parseFloat(getComputedStyle(s).overflowClipMargin))")
    assert min(margins) >= 5, f"{page_path}: focus rings at a section's edge are cut off ({margins})"
    last = page.locator(".sb-plot, .sb-plotly").last
    assert not last.evaluate("e => !!e.querySelector('.main-svg')"), "drawn before the reader came near it"
    for _ in range(60):  # the reader scrolls down, a screen at a time
        if last.evaluate("e => !!e.querySelector('.main-svg')"):
            break
        page.mouse.wheel(0, 800)
        page.wait_for_timeout(250)
    assert last.evaluate("e => !!e.querySelector('.main-svg')"), f"{page_path}: the last figure never drew"
    context.close()


@pytest.mark.parametrize("page_path", LONG_PAGES)
def test_every_section_is_laid_out_soon_after_the_page_loads(browser, server, page_path):
    """Until then a section far below stands in at 600 px: a jump into it (Tab, find in page,
    scrollIntoView) landed thousands of pixels off once it grew to its real size."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}/{page_path}", wait_until="load")
    page.wait_for_selector("html[data-sb-laid-out]", state="attached", timeout=5000)
    assert all(page.evaluate(SECTIONS_RENDERED)), f"{page_path}: sections still waiting"
    last = page.locator(".sb-plot, .sb-plotly").last
    last.scroll_into_view_if_needed()
    page.wait_for_function("e => e.querySelector('.main-svg')", arg=last.element_handle(), timeout=15_000)
    top = last.evaluate("e => e.getBoundingClientRect().top")
    assert -5 <= top <= 844, f"{page_path}: the jump to the last figure landed {top:.0f} px off"
    context.close()


@pytest.mark.parametrize("page_path", LONG_PAGES)
def test_a_link_to_a_place_in_a_long_page_lands_there(browser, server, page_path):
    """Sections not yet drawn stand in at 600 px; one that grew after the jump pushed the place the
    link named off the screen (on chapter 5, 2,900 px below it)."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}/{page_path}", wait_until="load")
    places = page.evaluate(f"{SECTIONS}.map(s => s.id)")
    missed = []
    for place in places[2:]:
        for arrive in ("from another page", "by a link in the page"):
            if arrive == "from another page":
                page.goto("about:blank")
                page.goto(f"{server}/{page_path}#{place}", wait_until="load")
            else:
                page.goto(f"{server}/{page_path}", wait_until="load")
                page.evaluate(f"location.hash = {place!r}")
            page.wait_for_timeout(600)  # sections near the screen are drawn in the next frames
            top = page.evaluate(f"document.getElementById({place!r}).getBoundingClientRect().top")
            if not -5 <= top <= 200:
                missed.append((place, arrive, round(top)))
    assert not missed, f"{page_path}: {missed}"
    context.close()
