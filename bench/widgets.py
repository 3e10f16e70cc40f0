"""Benchmark: how long each widget takes to redraw in the browser after a key press.

Opens every widget page of the built book in headless Chromium and presses a
key on each control ten times, measuring in the page itself the time from the
key-down event to the widget's `sb-widget-update` event (fired once Plotly has
redrawn the plot). Prints the median and worst time per widget, and each
widget page's own weight (the HTML, without the shared plotly.js).

Run:  make book && .venv/bin/python bench/widgets.py
"""

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, SITE  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from test_widgets_browser import KEYS, WIDGET_PAGES  # noqa: E402

from socialbrain import serve  # noqa: E402

ARM = """sel => {
    const root = document.querySelector(sel);
    window.__sb = {down: null, done: null};
    document.addEventListener('keydown', () => { window.__sb.down = performance.now(); }, {capture: true, once: true});
    root.addEventListener('sb-widget-update', () => { window.__sb.done = performance.now(); }, {once: true});
}"""


def time_widget(page, widget):
    sel = f'[data-widget="{widget}"]'
    page.wait_for_function(f"document.querySelector('{sel}').dataset.sbReady === '1'")
    controls = page.locator(f"{sel} form.sb-controls").evaluate(
        "f => Array.from(new Set(Array.from(f.elements).filter(e => e.name).map(e => e.name + '|' + e.type)))")
    times = []
    for name_type in controls:
        name, kind = name_type.split("|")
        checked = ":checked" if kind == "radio" else ""  # arrows move on from the chosen radio button
        control = page.locator(f'{sel} form.sb-controls [name="{name}"]{checked}').first
        for _ in range(10):
            control.focus()
            if kind in ("range", "select-one"):
                page.keyboard.press("Home")  # from the start, the timed key always changes the state
                page.wait_for_timeout(100)
            page.evaluate(ARM, sel)
            page.keyboard.press(KEYS[kind])
            page.wait_for_function("window.__sb.done !== null")
            times.append(page.evaluate("window.__sb.done - window.__sb.down"))
    return times


def main():
    if not (SITE / "index.html").is_file():
        sys.exit("No book built: run `make book` first.")
    httpd, base = serve.start(SITE)
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for widget, path in sorted(WIDGET_PAGES.items()):
            page.goto(f"{base}/{path}")
            times = time_widget(page, widget)
            rows.append((widget, path, statistics.median(times), max(times), len(times)))
        browser.close()
    httpd.shutdown()
    print(f"\n{'widget':<20}{'key presses':>12}{'median ms':>11}{'worst ms':>10}{'page KB':>9}")
    for widget, path, med, worst, count in rows:
        print(f"{widget:<20}{count:>12}{med:>11.1f}{worst:>10.1f}{(SITE / path).stat().st_size / 1024:>9.0f}")


if __name__ == "__main__":
    main()
