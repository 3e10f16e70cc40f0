"""Show plotly figures in the static book with the one shared plotly.js.

myst-nb skips plotly's own output type (`application/vnd.plotly.v1+json`),
and plotly's HTML renderers inline plotly.js per figure and call it at once,
which forces plotly.js to block the page. This myst-nb mime plugin
(registered as an entry point in pyproject.toml) turns the plotly JSON into
an empty <div> of the figure's height (so nothing jumps when it draws) and
the figure as JSON beside it; `static/sb-plotly.js` draws it once plotly.js
has loaded.
"""

import html
import json
import re

from docutils import nodes

from socialbrain.plotting import PLOTLY_CONFIG

PLOTLY_MIME = "application/vnd.plotly.v1+json"
#: plotly's own height for a figure that sets none
DEFAULT_HEIGHT = 450


class PlotlyJsonRenderer:
    """myst-nb MimeRenderPlugin: plotly JSON wins over any HTML copy in the same output."""

    mime_priority_overrides = [("html", PLOTLY_MIME, 25)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != PLOTLY_MIME or inline:
            return None
        figure = {"data": data.content.get("data", []), "layout": data.content.get("layout", {})}
        config = {**PLOTLY_CONFIG, **data.content.get("config", {})}
        return [nodes.raw(text=figure_html(plot_html(figure, config), figure["layout"]), format="html",
                          classes=["output", "text_html", "plotly-figure"])]


def plot_html(figure, config):
    """An empty plot box of the figure's own height, and the figure for sb-plotly.js to draw.

    A figure with a phone layout (layout.meta.narrow) may have a height of its own there:
    socialbrain.css reserves it where the figure is narrow, so the page does not jump when it draws.
    """
    height = figure["layout"].get("height") or DEFAULT_HEIGHT
    narrow = (figure["layout"].get("meta") or {}).get("narrow") or {}
    heights = f"--sb-height:{int(height)}px" + (f";--sb-narrow-height:{int(narrow['height'])}px" if narrow.get("height") else "")
    spec = json.dumps({**figure, "config": config}, separators=(",", ":")).replace("</", "<\\/")
    return (f'<div class="plotly-graph-div sb-plotly" style="{heights}"></div>'
            f'<script type="application/json" class="sb-plotly-figure">{spec}</script>')


def figure_html(plot, layout):
    """The plot inside a <figure>, with its text alternative (layout.meta.description) as caption."""
    meta = layout.get("meta") or {}
    description = meta.get("description", "") if isinstance(meta, dict) else ""
    title = layout.get("title", {})
    title = title.get("text", "") if isinstance(title, dict) else str(title or "")
    title = re.sub(r"<[^>]+>", " ", title).strip()
    caption = f'<figcaption class="sb-figure-description">{html.escape(description)}</figcaption>' if description else ""
    return f'<figure class="sb-figure" aria-label="{html.escape(title, quote=True)}">{plot}{caption}</figure>'
