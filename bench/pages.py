"""Benchmark: how heavy each page of the built book is, and how fast it loads.

Serves _build/html on 127.0.0.1 (socialbrain.serve, the same server as
`make serve`), opens every page in one headless Chromium profile, in reading
order, and prints per page: its own bytes (the HTML and anything only it
loads), the shared bytes (files under _static/ that every page can reuse),
what was actually transferred (shared files come from the browser cache after
the first page), and the load time. Then: how often plotly.js was fetched,
and what the heaviest figure page would weigh with plain plotly output
(plotly.js inlined per figure, as plotly's `notebook` renderer does).

Targets (issue 7): no page's own weight above 500 KB; plotly.js fetched once.

Run:  make book && .venv/bin/python bench/pages.py
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, SITE, site_pages  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from socialbrain import serve  # noqa: E402

PLOTLY_JS = "_static/vendor/plotly.min.js"


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
    transferred = page.evaluate(
        "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".reduce((sum, e) => sum + (e.transferSize || 0), 0)"
    )
    fetched_plotly = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.includes('plotly.min.js')"
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


def main():
    pages = site_pages()
    if not pages:
        sys.exit("No book built: run `make book` first.")
    httpd, base = serve.start(SITE)
    rows, plotly_fetches = [], 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        for path in pages:
            own, shared, transferred, load_ms, fetched = measure(page, f"{base}/{path}")
            plotly_fetches += fetched
            rows.append((path, own, shared, transferred, load_ms))
        browser.close()
    httpd.shutdown()

    print(f"{'page':<50}{'own KB':>9}{'shared KB':>11}{'sent KB':>9}{'load ms':>9}")
    for path, own, shared, transferred, load_ms in rows:
        print(f"{path:<50}{own / 1024:>9.0f}{shared / 1024:>11.0f}{transferred / 1024:>9.0f}{load_ms:>9.0f}")
    heaviest = max(rows, key=lambda r: r[1])
    plotly_kb = (SITE / PLOTLY_JS).stat().st_size / 1024
    print(f"\npages: {len(rows)}; site size on disk: {sum(f.stat().st_size for f in SITE.rglob('*') if f.is_file()) / 2**20:.1f} MB")
    print(f"heaviest own weight: {heaviest[0]} {heaviest[1] / 1024:.0f} KB (target: under 500 KB)")
    print(f"pages over 500 KB own weight: {sum(r[1] > 500 * 1024 for r in rows)}")
    print(f"plotly.js ({plotly_kb:.0f} KB) fetched {plotly_fetches} time(s) over {len(rows)} pages (target: once)")
    print(f"plain plotly output would add {plain_plotly_figure_bytes() / 1024:.0f} KB to every figure")
    print(f"median load time: {sorted(r[4] for r in rows)[len(rows) // 2]:.0f} ms")


if __name__ == "__main__":
    main()
