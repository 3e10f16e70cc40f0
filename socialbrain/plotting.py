"""One plotly set-up for the whole course: renderer, palette and layout.

Figures are sent as plotly's own JSON output, which JupyterLab and Notebook 7
draw natively and which the book turns into a small div for the one shared
plotly.js (see socialbrain.book.plotly_output). No renderer here inlines
plotly.js, so no page or notebook carries a 4.9 MB copy of it.

Importing this module sets the defaults; every figure and widget module
imports its colours from here, so a chapter that draws anything has them.
"""

import plotly.graph_objects as go
import plotly.io as pio

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

#: Plotly config for every figure: responsive, and no plotly logo link.
PLOTLY_CONFIG = {"responsive": True, "displaylogo": False}


def use_course_renderer():
    """Make plotly's JSON output and a readable, colour-blind-safe template the defaults."""
    renderer = pio.renderers["plotly_mimetype"]
    renderer.config = dict(PLOTLY_CONFIG)
    pio.renderers.default = "plotly_mimetype"
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.colorway = PALETTE
    template.layout.font = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 14}
    pio.templates["socialbrain"] = template
    pio.templates.default = "socialbrain"


use_course_renderer()
