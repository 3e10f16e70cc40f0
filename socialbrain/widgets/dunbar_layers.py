"""Chapter 1 widget: Dunbar's layers, and how sure the famous 150 is.

Dunbar (2024) summarises the layers of a personal network as about 1.5, 5,
15, 50, 150, 500, 1,500 and 5,000 people, each layer counting everyone inside
it; Zhou et al. (2005) found that such group sizes step up by a ratio of about
three. Lindenfors, Wartel & Lind (2021) re-analysed the primate data behind
"150" and got estimates of 69 to 109 people with 95% confidence intervals as
wide as 4 to 520: no single number can be derived.

The widget draws the layers as circles around a central person, each circle's
AREA proportional to the number of people in it. The reader chooses how far
out to show and can switch on the uncertainty around 150.

Model (pure): :data:`LAYERS`, :func:`layer_ratios`, :func:`radius`.
"""

from __future__ import annotations

import math

import numpy as np

from socialbrain.i18n import N_, _, number
from socialbrain.plotting import BLACK, BLUE, ORANGE, VERMILLION
from socialbrain.widgets.spec import Control, WidgetSpec, new_figure, scatter

#: Layer sizes (cumulative) from Dunbar (2024), with a short description.
LAYERS = (
    (1.5, N_("the one or two people you would turn to first, such as a partner or best friend")),
    (5, N_("the people who would support you in a crisis")),
    (15, N_("the people whose death would deeply affect you")),
    (50, N_("good friends")),
    (150, N_("the people you know as individuals, with a shared history")),
    (500, N_("acquaintances")),
    (1500, N_("people you can put a name to")),
    (5000, N_("faces you recognise")),
)
SIZES = tuple(s for s, _ in LAYERS)
#: Lindenfors et al. (2021): range of point estimates and widest 95% CI.
ESTIMATE_RANGE = (69, 109)
WIDEST_CI = (4, 520)
RATIO_ZHOU = 3


def layer_ratios(sizes=SIZES) -> list[float]:
    """Each layer's size divided by the size of the layer inside it."""
    return [b / a for a, b in zip(sizes, sizes[1:])]


def radius(n: float) -> float:
    """Circle radius whose area is proportional to n people."""
    return math.sqrt(n)


def _fmt(n: float) -> str:
    return number(n, 1) if n != int(n) else number(int(n))


# --------------------------------------------------------------------------
# View
# --------------------------------------------------------------------------

_T = np.linspace(0, 2 * np.pi, 73)


def _circle(r):
    return (np.round(r * np.cos(_T), 3), np.round(r * np.sin(_T), 3))


def figure(state: dict):
    out, show_ci = state["layer"], state["uncertainty"]
    k = SIZES.index(out)
    view = radius(max(out, WIDEST_CI[1] if show_ci else out)) * 1.12
    traces = []
    layout = dict(
        height=420,
        margin={"l": 5, "r": 5, "t": 5, "b": 5},
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 0, "yanchor": "top"},
        xaxis={"range": [-view, view], "visible": False, "fixedrange": True},
        yaxis={"range": [-view, view], "visible": False, "fixedrange": True,
               "scaleanchor": "x", "scaleratio": 1},
    )
    # Uncertainty first (drawn underneath): band of estimates and widest CI.
    lo, hi = (radius(v) for v in ESTIMATE_RANGE)
    xo, yo = _circle(hi)
    xi, yi = _circle(lo)
    traces.append(scatter(x=np.concatenate([xo, xi[::-1]]), y=np.concatenate([yo, yi[::-1]]),
                    fill="toself", mode="lines", line={"color": ORANGE, "width": 1},
                    fillcolor="rgba(230,159,0,0.30)",
                    fillpattern={"shape": ".", "fgcolor": "rgba(0,0,0,0.35)", "size": 6},
                    name=_("re-analysis: 69 to 109"), visible=bool(show_ci), hoverinfo="skip"))
    for v in WIDEST_CI:
        cx, cy = _circle(radius(v))
        traces.append(scatter(x=cx, y=cy, mode="lines", line={"color": BLACK, "width": 2, "dash": "dot"},
                        name=_("95% CI as wide as {low} to {high}").format(low=WIDEST_CI[0], high=WIDEST_CI[1]),
                        showlegend=v == WIDEST_CI[1], visible=bool(show_ci), hoverinfo="skip"))
    # Layers.
    for i, size in enumerate(SIZES):
        cx, cy = _circle(radius(size))
        chosen = i == k
        traces.append(scatter(x=cx, y=cy, mode="lines", visible=i <= k, showlegend=False,
                        line={"color": VERMILLION if chosen else BLUE, "width": 4 if chosen else 1.5},
                        name=_("layer of about {size}").format(size=_fmt(size)),
                        hovertemplate=_("about {size} people").format(size=_fmt(size)) + "<extra></extra>"))
    # Labels of layers big enough to read at this zoom.
    labels = [(_fmt(s) if i <= k and radius(s) > 0.09 * view else "") for i, s in enumerate(SIZES)]
    traces.append(scatter(x=[0] * len(SIZES), y=[round(radius(s), 3) for s in SIZES], mode="text",
                    text=labels, textposition="bottom center", textfont={"size": 12},
                    showlegend=False, hoverinfo="skip"))
    traces.append(scatter(x=[0], y=[0], mode="markers", marker={"color": BLACK, "size": 8},
                    name=_("you (the central person)"), hoverinfo="skip"))
    return new_figure(traces, **layout)


def fields(state: dict) -> dict:
    out, show_ci = state["layer"], state["uncertainty"]
    k = SIZES.index(out)
    desc = _(dict(LAYERS)[out])
    if k:
        ratio = layer_ratios()[k - 1]
        step = _("It is {ratio} times the layer inside it ({inner}), close to the ratio of about "
                 "{zhou} that Zhou et al. (2005) found.").format(
                     ratio=number(ratio, 1), inner=_fmt(SIZES[k - 1]), zhou=RATIO_ZHOU)
    else:
        step = _("It is the innermost layer.")
    if show_ci:
        ci = _("Shown around 150: a re-analysis (Lindenfors et al., 2021) estimated 69 to 109 "
               "people (orange dotted band), with 95% confidence intervals as wide as 4 to 520 "
               "(dotted circles): no single number follows from the data.")
    else:
        ci = _("Tick the box to see how uncertain the number 150 is.")
    separator = "; " if "," in number(1.5, 1) else ", "  # "1,5; 5; 15" where the comma is the decimal mark
    shown = separator.join(_fmt(s) for s in SIZES[:k + 1])
    return {"shown": shown, "size": _fmt(out), "what": desc, "step": step, "ci": ci}


DESCRIPTION = (
    "Circles around a central person, area proportional to the number of people; layers shown: "
    "{shown}. The highlighted outer layer holds about {size} people in all: {what}. {step} {ci}"
)


def spec() -> WidgetSpec:
    return WidgetSpec(
        name="dunbar_layers",
        title="Dunbar's layers: circles of about 1.5, 5, 15, 50, 150 people and beyond",
        note=("Average layer sizes, not a rule for any one person. Each circle counts everyone "
              "inside it; its area is proportional to the number of people."),
        controls=[
            Control("layer", "Show layers out to", "range",
                    tuple((s, _fmt(s)) for s in SIZES), 150),
            Control("uncertainty", "Show how uncertain 150 is (Lindenfors et al., 2021)",
                    "checkbox", ((False, "no"), (True, "yes")), False),
        ],
        figure=figure,
        fields=fields,
        description=DESCRIPTION,
        source=("Layers from Dunbar (2024), Annals of Human Biology; ratio of about 3 from Zhou "
                "et al. (2005), Proc. R. Soc. B; uncertainty from Lindenfors, Wartel & Lind "
                "(2021), Biology Letters."),
        factors=(("layer",), ("uncertainty",), ("layer", "uncertainty")),
    )
