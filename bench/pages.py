"""Benchmark: how heavy each page of the built book is, and how fast it loads.

Serves _build/html on 127.0.0.1 (socialbrain.serve, the same server as
`make serve`), opens every page in one headless Chromium profile, in reading
order, and prints per page: its own bytes (the HTML and anything only it
loads), the shared bytes (files under _static/ that every page can reuse),
what was actually transferred (shared files come from the browser cache after
the first page), and the load time. Then: how often plotly.js was fetched,
and what the heaviest figure page would weigh with plain plotly output
(plotly.js inlined per figure, as plotly's `notebook` renderer does).

Then (issue 16) a table with a row per page: Lighthouse 12's default mobile
run (performance, accessibility and best-practice scores, first contentful
paint, total blocking time; on every page, or the pages named with --pages),
the bytes transferred on a first visit in a fresh browser, read to the end so
every figure draws (compressed, as the server sends them), and what the page
adds when read right after the page before it.

Targets (issue 7): no page's own weight above 500 KB; plotly.js fetched once (per edition).
Targets (issue 16): Lighthouse performance >= 90, accessibility and best
practices 100 on every page; FCP <= 1.8 s and TBT <= 200 ms on widget pages;
first visit to the heaviest chapter <= 1 MB, a second chapter <= 150 KB more.

Run:  make book && .venv/bin/python bench/pages.py [--pages book/intro.html ...] [--runs 3] [--no-lighthouse] [--site DIR]

Lighthouse's simulated throttling multiplies the CPU time it observes: on a busy machine
total blocking time (and so the performance score) comes out higher; measure on a quiet one.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, SITE, is_redirect, site_pages  # noqa: E402
from lighthouse import audit  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from socialbrain import serve  # noqa: E402
from socialbrain.book.assets import PLOTLY_STATIC  # noqa: E402
from socialbrain.i18n import SOURCE_LANGUAGE, TRANSLATIONS  # noqa: E402

PLOTLY_JS = f"_static/{PLOTLY_STATIC}"
#: bytes the page and its files took over the network (0 for those from the browser cache)
TRANSFERRED = ("performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
               ".reduce((sum, e) => sum + (e.transferSize || 0), 0)")


def measure(page, url):
    sizes = {}

    def on_response(response):
        try:
            size = len(response.body())
        except Exception:  # redirects and the like have no body
            size = 0
        sizes[response.url] = size

    page.on("response", on_response)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)
    load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    transferred = page.evaluate(TRANSFERRED)
    fetched_plotly = page.evaluate(
        f"performance.getEntriesByType('resource').filter(e => e.name.includes('{PLOTLY_STATIC}')"
        " && e.transferSize > 0).length"
    )
    page.remove_listener("response", on_response)
    own = sum(size for url, size in sizes.items() if "/_static/" not in url)
    shared = sum(size for url, size in sizes.items() if "/_static/" in url)
    return own, shared, transferred, load_ms, fetched_plotly


def plain_plotly_figure_bytes():
    """Bytes one figure costs with plotly.js inlined (plain Jupyter Book with plotly's notebook renderer)."""
    import plotly.graph_objects as go
    import plotly.io as pio

    return len(pio.to_html(go.Figure(go.Scatter(y=[1, 2, 3])), include_plotlyjs=True, full_html=False))


def visit_bytes(page, url):
    """Bytes transferred to read `url` to its end, every figure drawn (cached files cost nothing)."""
    page.goto(url, wait_until="load")
    for box in page.locator(".sb-plotly, .sb-plot").all():
        box.scroll_into_view_if_needed()
        # A figure draws when it has been near the screen for a frame (IntersectionObserver);
        # scrolling on at once would skip it, as no reader does.
        page.wait_for_timeout(150)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_load_state("networkidle")
    return page.evaluate(TRANSFERRED)


def visits(base, pages):
    """Per page: bytes for a first visit (fresh browser), and as the next page read after the one
    before it in reading order (the cache holds what that one loaded)."""
    first, after = {}, {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for before, path in zip([None, *pages], pages):
            context = browser.new_context()
            page = context.new_page()
            first[path] = visit_bytes(page, f"{base}/{path}")
            context.close()
            if before is None:
                continue
            context = browser.new_context()
            page = context.new_page()
            visit_bytes(page, f"{base}/{before}")
            after[path] = visit_bytes(page, f"{base}/{path}")
            context.close()
        browser.close()
    return first, after


def median_audit(url, runs):
    """Lighthouse's own advice: its scores vary from run to run, so report the median of several.
    Each figure is the median of its own runs (the run with the median score can have the highest TBT)."""
    results = [audit(url) for _ in range(runs)]
    return {key: sorted(r[key] for r in results)[len(results) // 2] for key in results[0]}


def page_table(base, site, pages, lighthouse, runs=1):
    """One row per page: Lighthouse (mobile) and the bytes a reader's browser receives."""
    pages = [p for p in pages if not is_redirect(p, site)]  # the site root only forwards to a chapter
    first, after = visits(base, pages)
    print(f"\n{'page':<50}{'perf':>5}{'a11y':>5}{'best':>5}{'FCP s':>6}{'TBT ms':>7}"
          f"{'1st KB':>8}{'next KB':>8}")
    for path in pages:
        r = median_audit(f"{base}/{path}", runs) if path in lighthouse else None
        scores = (f"{r['performance']:>5}{r['accessibility']:>5}{r['best-practices']:>5}"
                  f"{r['fcp'] / 1000:>6.1f}{r['tbt']:>7.0f}") if r else f"{'-':>5}{'-':>5}{'-':>5}{'-':>6}{'-':>7}"
        next_kb = f"{after[path] / 1024:>8.0f}" if path in after else f"{'-':>8}"
        print(f"{path:<50}{scores}{first[path] / 1024:>8.0f}{next_kb}", flush=True)
    chapters = [p for p in pages if p.startswith("book/0")]
    heaviest = max(chapters, key=first.get)
    second = max((p for p in chapters if p in after), key=after.get)
    print(f"\n1st KB: a first visit, read to the end (every figure drawn), compressed as the server sends it;"
          f"\nnext KB: the same page read right after the page before it (browser cache warm).")
    print(f"heaviest first visit: {heaviest} {first[heaviest] / 1024:.0f} KB (target: at most 1024 KB)")
    print(f"heaviest next chapter: {second} {after[second] / 1024:.0f} KB (target: at most 150 KB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", help="Lighthouse only these pages (default: every page)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median is shown")
    parser.add_argument("--site", type=Path, default=SITE, help="a built site (default: _build/html)")
    args = parser.parse_args()
    site = args.site.resolve()
    pages = site_pages(site)
    if not pages:
        sys.exit(f"No book built in {site}: run `make book` first.")
    httpd, base = serve.start(site)
    rows, plotly_fetches = [], 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        for path in pages:
            own, shared, transferred, load_ms, fetched = measure(page, f"{base}/{path}")
            plotly_fetches += fetched
            rows.append((path, own, shared, transferred, load_ms))
        browser.close()

    print(f"{'page':<50}{'own KB':>9}{'shared KB':>11}{'sent KB':>9}{'load ms':>9}")
    for path, own, shared, transferred, load_ms in rows:
        print(f"{path:<50}{own / 1024:>9.0f}{shared / 1024:>11.0f}{transferred / 1024:>9.0f}{load_ms:>9.0f}")
    heaviest = max(rows, key=lambda r: r[1])
    plotly_kb = (site / PLOTLY_JS).stat().st_size / 1024
    print(f"\npages: {len(rows)}; site size on disk: {sum(f.stat().st_size for f in site.rglob('*') if f.is_file()) / 2**20:.1f} MB")
    print(f"heaviest own weight: {heaviest[0]} {heaviest[1] / 1024:.0f} KB (target: under 500 KB)")
    print(f"pages over 500 KB own weight: {sum(r[1] > 500 * 1024 for r in rows)}")
    editions = {path.split("/")[0] if path.split("/")[0] in TRANSLATIONS else SOURCE_LANGUAGE for path, *_ in rows}
    print(f"plotly.js ({plotly_kb:.0f} KB) fetched {plotly_fetches} time(s) over {len(rows)} pages read without scrolling"
          f" (target: at most once per edition, {len(editions)} here, each with its own _static/;"
          " it loads when a figure nears the screen)")
    print(f"plain plotly output would add {plain_plotly_figure_bytes() / 1024:.0f} KB to every figure")
    print(f"median load time: {sorted(r[4] for r in rows)[len(rows) // 2]:.0f} ms")
    lighthouse = set() if args.no_lighthouse else set(args.pages or pages)
    page_table(base, site, pages, lighthouse, args.runs)
    httpd.shutdown()


if __name__ == "__main__":
    main()
