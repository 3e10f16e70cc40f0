"""The book's partial plotly.js bundle draws every figure and widget the book shows.

The book serves plotly.js-basic (scatter, bar and pie: a quarter of the full
bundle). A figure with any other trace type (scattergl, heatmap, ...) would
stay blank, so this test reads every trace in the built pages and checks its
type against the trace modules registered in the served bundle.
"""

import json
import re

from conftest import site_pages

from socialbrain.book.assets import PLOTLY_STATIC

BUNDLE = f"_static/{PLOTLY_STATIC}"
FIGURE_JSON = re.compile(r'<script type="application/json" class="(?:sb-plotly-figure|sb-data)">(.*?)</script>', re.S)
#: a widget's states too large to stay in the page (socialbrain/book/widget_data.py)
WIDGET_DATA = re.compile(r'<script type="application/json" class="sb-data" data-src="([^"?]+)')


def bundle_trace_types(site):
    return set(re.findall(r'moduleType:"trace",name:"(\w+)"', (site / BUNDLE).read_text(encoding="utf-8")))


def trace_types(spec):
    """Every trace type in a figure or widget spec (plotly's default type is scatter)."""
    found = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "data" and isinstance(value, list):
                found |= {t.get("type", "scatter") for t in value if isinstance(t, dict)}
            found |= trace_types(value)
    elif isinstance(spec, list):
        for item in spec:
            found |= trace_types(item)
    return found


def test_the_bundle_registers_the_basic_traces(site):
    assert {"scatter", "bar", "pie"} <= bundle_trace_types(site)


def test_every_figure_uses_only_traces_the_bundle_has(site):
    available = bundle_trace_types(site)
    used = {}
    for page in site_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        files = [(site / page).parent / src for src in WIDGET_DATA.findall(html)]
        for raw in FIGURE_JSON.findall(html) + [f.read_text(encoding="utf-8") for f in files]:
            for kind in trace_types(json.loads(raw)):
                used.setdefault(kind, page)
    assert used, "no figures found in the built book"
    missing = {kind: page for kind, page in used.items() if kind not in available}
    assert not missing, f"trace types the plotly.js bundle lacks (first page using each): {missing}"
