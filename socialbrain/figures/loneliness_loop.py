"""Cacioppo's self-reinforcing loneliness loop, with how well each link is tested.

Chapter 6 teaches the evolutionary theory of loneliness (Cacioppo & Hawkley
2009; Cacioppo, Cacioppo & Boomsma 2014): feeling lonely makes a person more
alert to social threat, which biases what they notice and expect, which leads
to self-protective withdrawal, which keeps the loneliness going. A diagram of
that loop is easy to remember, and that is the risk: every arrow looks equally
solid. This figure draws each arrow in the style of the evidence behind it
(references.bib: cacioppo2009b, lodder2015, spithoven2017, cbs2022, adam2006,
doane2010, arnsten2009), so that a reader sees the theory and its weak links at
the same time. Colour is never the only cue: every link also has its own line
style and a text label naming the studies.

Nothing here is data; the figure is a diagram of a theory.
"""

from __future__ import annotations

import plotly.graph_objects as go

from socialbrain.i18n import N_, _
from socialbrain.plotting import BLACK, BLUE, ORANGE, VERMILLION, finish

#: Evidence categories: label shown in the legend, colour, and line style.
EVIDENCE = {
    "found": {
        "label": N_("Found in studies (correlational)"),
        "color": BLUE,
        "dash": "solid",
    },
    "mixed": {
        "label": N_("Mixed findings"),
        "color": ORANGE,
        "dash": "dash",
    },
    "proposed": {
        "label": N_("Proposed, not directly tested"),
        "color": VERMILLION,
        "dash": "dot",
    },
}

#: Boxes of the diagram: key -> (x, y, text, half-width, half-height).
#: The half-sizes are the box's approximate extent in data units when the
#: figure is about 600 px wide (the book's text column); lines stop at them.
NODES = {
    "lonely": (0.0, 1.0, N_("<b>Feels lonely</b>"), 0.42, 0.15),
    "threat": (1.5, 0.2, N_("More alert to<br>social threat"), 0.47, 0.23),
    "bias": (1.1, -1.0, N_("Expects rejection,<br>notices the negative"), 0.68, 0.23),
    "withdraw": (-1.1, -1.0, N_("Withdraws,<br>acts self-protectively"), 0.74, 0.23),
    "fewer": (-1.5, 0.2, N_("Fewer rewarding<br>contacts"), 0.53, 0.23),
    "cortisol": (0.0, 2.2, N_("Higher morning cortisol,<br>flatter daily rhythm"), 0.82, 0.23),
    "executive": (1.85, 2.2, N_("Weaker prefrontal<br>(executive) control"), 0.63, 0.23),
}

#: Links: (from, to, evidence category, label naming the studies,
#: label x, label y, label anchor). Labels sit beside their line, never on it.
LINKS = [
    ("lonely", "threat", "mixed",
     N_("Cacioppo 2009b: yes (fMRI)<br>Lodder 2015: no gaze difference"), 0.85, 0.98, "left"),
    ("threat", "bias", "found",
     N_("Spithoven 2017 review:<br>negative social bias"), 1.45, -0.42, "left"),
    ("bias", "withdraw", "proposed",
     N_("theory only<br>(Cacioppo & Hawkley 2009)"), 0.0, -1.38, "center"),
    ("withdraw", "fewer", "proposed",
     N_("theory only"), -1.45, -0.42, "right"),
    ("fewer", "lonely", "mixed",
     N_("contact and loneliness<br>often diverge (CBS 2022)"), -0.85, 0.98, "right"),
    ("lonely", "cortisol", "found",
     N_("Adam 2006;<br>Doane & Adam 2010"), -0.12, 1.6, "right"),
    ("cortisol", "executive", "proposed",
     N_("stress harms prefrontal function<br>(Arnsten 2009); chain not tested"), 1.0, 1.72, "center"),
]

TITLE = N_("The loneliness loop: which links are tested?")
SUBTITLE = N_("Cacioppo's theory, clockwise from 'Feels lonely'. A diagram of a theory, not data.")
X_LABEL = N_("Line style = evidence for the link (see legend)")
GAP = 0.07  # space between a box and the end of a line, in data units


def _exit_fraction(node: str, dx: float, dy: float) -> float:
    """Fraction of the segment (dx, dy) that lies inside the box of `node`."""
    _, _, _, hw, hh = NODES[node]
    limits = []
    if dx:
        limits.append(hw / abs(dx))
    if dy:
        limits.append(hh / abs(dy))
    return min(limits)


def _segment(source: str, target: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """Start and end of the visible line: from the edge of one box to the edge of the other."""
    ax, ay = NODES[source][:2]
    bx, by = NODES[target][:2]
    dx, dy = bx - ax, by - ay
    length = (dx * dx + dy * dy) ** 0.5
    t0 = _exit_fraction(source, dx, dy) + GAP / length
    t1 = 1 - _exit_fraction(target, dx, dy) - GAP / length
    return (ax + t0 * dx, ay + t0 * dy), (ax + t1 * dx, ay + t1 * dy)


#: Text alternative: what the figure shows, for screen readers and print.
DESCRIPTION = N_(
    "Diagram of Cacioppo's loop: loneliness raises vigilance for social threat, which biases attention and expectations, which leads to self-protective withdrawal, which keeps loneliness going. Each arrow's line style shows how well that link is supported; some links are well tested, others rest on mixed or indirect evidence."
)


def loneliness_loop() -> go.Figure:
    """Return the loop diagram as a plotly Figure (static; no kernel needed)."""
    fig = go.Figure()
    shown_in_legend: set[str] = set()
    annotations = []

    for source, target, category, label, lx, ly, anchor in LINKS:
        style = EVIDENCE[category]
        start, end = _segment(source, target)
        fig.add_trace(
            go.Scatter(
                x=[start[0], end[0]],
                y=[start[1], end[1]],
                mode="lines",
                line={"color": style["color"], "dash": style["dash"], "width": 3},
                name=_(style["label"]),
                legendgroup=category,
                legendrank=list(EVIDENCE).index(category),
                showlegend=category not in shown_in_legend,
                hovertemplate=f"{_(NODES[source][2])} → {_(NODES[target][2])}<br>"
                f"{_(style['label'])}<br>{_(label)}<extra></extra>",
            )
        )
        shown_in_legend.add(category)
        # Arrowhead at the end of the line (annotations cannot be dashed,
        # so the line itself is a trace and only the head is an annotation).
        dx, dy = end[0] - start[0], end[1] - start[1]
        length = (dx * dx + dy * dy) ** 0.5
        tail = (end[0] - 0.12 * dx / length, end[1] - 0.12 * dy / length)
        annotations.append(
            dict(
                x=end[0], y=end[1], ax=tail[0], ay=tail[1],
                xref="x", yref="y", axref="x", ayref="y",
                text="", showarrow=True, arrowhead=2, arrowsize=1.4,
                arrowwidth=3, arrowcolor=style["color"],
            )
        )
        annotations.append(
            dict(
                x=lx, y=ly, xref="x", yref="y", text=_(label), xanchor=anchor,
                align=anchor if anchor != "center" else "center",
                showarrow=False, font={"size": 11, "color": BLACK},
                bgcolor="rgba(255,255,255,0.9)",
            )
        )

    for x, y, text, _hw, _hh in NODES.values():
        annotations.append(
            dict(
                x=x, y=y, xref="x", yref="y", text=_(text), showarrow=False,
                font={"size": 13, "color": BLACK}, align="center",
                bgcolor="#FFFFFF", bordercolor=BLACK, borderwidth=1.5, borderpad=6,
            )
        )

    axis = dict(showgrid=False, zeroline=False, showticklabels=False, showline=False,
                fixedrange=True)
    fig.update_layout(
        title={"text": _(TITLE), "subtitle": {"text": _(SUBTITLE)}},
        annotations=annotations,
        xaxis=dict(axis, range=[-2.3, 2.6], title={"text": _(X_LABEL)}),
        yaxis=dict(axis, range=[-1.55, 2.5], title={"text": ""}),
        legend={"title": {"text": _("Evidence for the link")}, "orientation": "h",
                "y": -0.1, "x": 0.0, "yanchor": "top"},
    )
    return finish(fig, _(DESCRIPTION), height=640, margin={"l": 10, "r": 10, "t": 80, "b": 100},
                  narrow=_narrow_layout(annotations))


def _narrow_layout(annotations: list[dict]) -> dict:
    """On a phone: a short title, smaller boxes, and no study names beside the links (the text names them)."""
    narrow = {
        "title.text": _("The loneliness loop"),
        "title.subtitle.text": _("Cacioppo's theory: a diagram, not data"),
        "height": 560,
        "margin": {"l": 0, "r": 0, "t": 70, "b": 110},
        "xaxis.title.text": "",
        "xaxis.range": [-2.45, 2.75],
        "legend": {"orientation": "v", "x": 0, "y": 0.0, "yanchor": "top",
                   "title": {"text": _("Evidence for the link"), "side": "top"}},
    }
    for i, note in enumerate(annotations):
        if note["text"] and note.get("bordercolor"):
            narrow[f"annotations[{i}].font.size"] = 9
            narrow[f"annotations[{i}].borderpad"] = 3
        elif note["text"]:
            narrow[f"annotations[{i}].visible"] = False
    return narrow
