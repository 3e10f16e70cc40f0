"""Show plotly figures in the static book with the one shared plotly.js.

myst-nb skips plotly's own output type (`application/vnd.plotly.v1+json`),
and plotly's HTML renderers inline 4.9 MB of plotly.js per figure. This
myst-nb mime plugin (registered as an entry point in pyproject.toml) turns
the plotly JSON into a small <div> that draws with `_static/vendor/plotly.min.js`,
which `assets.py` adds to every page that has a figure.
"""

import html
import re

import plotly.io as pio
from docutils import nodes

from socialbrain.plotting import PLOTLY_CONFIG

PLOTLY_MIME = "application/vnd.plotly.v1+json"


class PlotlyJsonRenderer:
    """myst-nb MimeRenderPlugin: plotly JSON wins over any HTML copy in the same output."""

    mime_priority_overrides = [("html", PLOTLY_MIME, 25)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != PLOTLY_MIME or inline:
            return None
        figure = {"data": data.content.get("data", []), "layout": data.content.get("layout", {})}
        config = {**PLOTLY_CONFIG, **data.content.get("config", {})}
        html = pio.to_html(figure, include_plotlyjs=False, include_mathjax=False, full_html=False,
                           config=config, validate=False)
        return [nodes.raw(text=figure_html(html, figure["layout"]), format="html",
                          classes=["output", "text_html", "plotly-figure"])]


def figure_html(plot, layout):
    """The plot inside a <figure>, with its text alternative (layout.meta.description) as caption."""
    meta = layout.get("meta") or {}
    description = meta.get("description", "") if isinstance(meta, dict) else ""
    title = layout.get("title", {})
    title = title.get("text", "") if isinstance(title, dict) else str(title or "")
    title = re.sub(r"<[^>]+>", " ", title).strip()
    caption = f'<figcaption class="sb-figure-description">{html.escape(description)}</figcaption>' if description else ""
    return f'<figure class="sb-figure" aria-label="{html.escape(title, quote=True)}">{plot}{caption}</figure>'
