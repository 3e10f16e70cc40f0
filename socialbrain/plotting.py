"""One plotly set-up for the whole course: renderer, palette, font, config and layout.

Figures are sent as plotly's own JSON output, which JupyterLab and Notebook 7
draw natively and which the book turns into a small div for the one shared
plotly.js (see socialbrain.book.plotly_output). No renderer here inlines
plotly.js, so no page or notebook carries a 4.9 MB copy of it.

Importing this module sets the defaults; every figure and widget module
imports its colours from here, so a chapter that draws anything has them.
Static figures end with :func:`finish`; widgets draw with
:data:`WIDGET_TEMPLATE` and :data:`WIDGET_CONFIG`.
"""

import plotly.graph_objects as go
import plotly.io as pio

from socialbrain.i18n import separators

#: Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

#: The same colours by name, for readable figure code.
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, BLACK = PALETTE

#: A neutral grey for what is context, not data (reference lines, crowds of dots).
GREY = "#6E6E6E"

#: The reader's own system font, in every figure and widget.
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

#: Plotly config for every figure: responsive, and no plotly logo link.
PLOTLY_CONFIG = {"responsive": True, "displaylogo": False}

#: Widget plots also have no mode bar: its buttons would be focusable content
#: inside the plot, which is marked up as one image.
WIDGET_CONFIG = {**PLOTLY_CONFIG, "displayModeBar": False}

#: A small layout template for widgets (the full plotly_white template would
#: add about 10 KB of JSON to every precomputed widget).
WIDGET_TEMPLATE = go.layout.Template(
    layout={
        "colorway": list(PALETTE),
        "font": {"family": FONT_FAMILY, "size": 13, "color": "#222"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": {"gridcolor": "#E5E5E5", "zerolinecolor": "#BBBBBB", "linecolor": "#444",
                  "showline": True, "automargin": True},
        "yaxis": {"gridcolor": "#E5E5E5", "zerolinecolor": "#BBBBBB", "linecolor": "#444",
                  "showline": True, "automargin": True},
        "hoverlabel": {"font": {"size": 13}},
    }
)


def use_course_renderer():
    """Make plotly's JSON output and a readable, colour-blind-safe template the defaults."""
    renderer = pio.renderers["plotly_mimetype"]
    renderer.config = dict(PLOTLY_CONFIG)
    pio.renderers.default = "plotly_mimetype"
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.colorway = PALETTE
    template.layout.font = {"family": FONT_FAMILY, "size": 14}
    pio.templates["socialbrain"] = template
    pio.templates.default = "socialbrain"


def finish(fig: go.Figure, description: str, *, height: int, margin: dict, narrow: dict | None = None) -> go.Figure:
    """Give a static figure the course's white background, its size and its text alternative.

    ``description`` says in words what the figure shows; the book prints it
    as the figure's caption, for screen readers and print. ``narrow`` is a
    plotly relayout update (keys such as "title.text" or "annotations[2].visible")
    that the book applies where the figure is narrower than a tablet, so a
    phone gets short titles, a legend below and fewer labels.
    """
    fig.update_layout(plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", height=height, margin=margin,
                      separators=separators())
    fig.update_layout(meta={"description": description, **({"narrow": narrow} if narrow else {})})
    return fig


use_course_renderer()
