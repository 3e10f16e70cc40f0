"""Chapter 8 widget: why someone comes close and then pulls away.

Neal Miller's (1944) approach-avoidance conflict: when the same goal is both
wanted and feared, the tendency to approach it and the tendency to avoid it
both grow as one comes nearer, but avoidance grows faster (its gradient is
steeper). Far away, wanting wins and the person moves closer; close by, fear
wins and they pull back. Where the two gradients cross, they balance, and the
person tends to hover there.

Here the goal is closeness to another person. The reader sets the strength
of longing (the approach gradient's height at contact) and of fear (the
avoidance gradient's height at contact). Units are arbitrary: this is a
model of an idea, not of measurements.

Model (pure): :func:`approach`, :func:`avoidance`, :func:`balance_point`.
"""

from __future__ import annotations

import numpy as np

from socialbrain.i18n import _, number
from socialbrain.plotting import BLACK, BLUE, VERMILLION
from socialbrain.widgets.spec import Control, WidgetSpec, new_figure, scatter

#: Fall of each tendency per unit of distance: avoidance is steeper (Miller 1944).
APPROACH_SLOPE = 0.25
AVOIDANCE_SLOPE = 0.75
D_MAX = 10.0
LEVELS = tuple(range(1, 11))


def approach(d, longing: float, slope: float = APPROACH_SLOPE):
    """Strength of the pull towards the other person at distance d (never below 0)."""
    return np.maximum(longing - slope * np.asarray(d, float), 0.0)


def avoidance(d, fear: float, slope: float = AVOIDANCE_SLOPE):
    """Strength of the push away at distance d (never below 0)."""
    return np.maximum(fear - slope * np.asarray(d, float), 0.0)


def balance_point(longing: float, fear: float, a: float = APPROACH_SLOPE,
                  v: float = AVOIDANCE_SLOPE, d_max: float = D_MAX):
    """Where the gradients cross, and what the person does.

    Returns (outcome, d): outcome "close" (longing wins at every distance, d =
    0), "hover" (the gradients cross at d = (fear - longing) / (v - a), with
    0 < d <= d_max and both tendencies still positive) or "away" (fear wins
    wherever longing is felt, d = None).
    """
    if v <= a:
        raise ValueError("Miller's model needs the avoidance gradient to be steeper")
    if fear <= longing:
        return "close", 0.0
    d = (fear - longing) / (v - a)
    if d <= d_max and longing - a * d > 0:
        return "hover", d
    return "away", None


# --------------------------------------------------------------------------
# View
# --------------------------------------------------------------------------

_D = np.linspace(0, D_MAX, 41)


def figure(state: dict):
    a_level, f_level = state["longing"], state["fear"]
    outcome, d = balance_point(a_level, f_level)
    ann = []
    if outcome == "hover":
        y = a_level - APPROACH_SLOPE * d
        bx, by = [round(d, 2)], [round(y, 2)]
        if d < D_MAX - 1.5:
            ann.append({"x": (d + D_MAX) / 2, "y": 10.6, "text": _("longing wins:<br>⟵ moves closer"),
                        "showarrow": False, "font": {"size": 12}})
        if d > 1.5:
            ann.append({"x": d / 2, "y": 10.6, "text": _("fear wins:<br>pulls back ⟶"),
                        "showarrow": False, "font": {"size": 12}})
        ann.append({"x": d, "y": y, "text": _("balance<br>at {distance}").format(distance=number(d, 1)), "showarrow": True,
                    "ax": 30, "ay": -40, "font": {"size": 12}, "bgcolor": "rgba(255,255,255,0.85)"})
    else:
        bx, by = [None], [None]
        text = (_("longing wins everywhere: comes all the way") if outcome == "close"
                else _("fear wins everywhere: stays away"))
        ann.append({"x": D_MAX / 2, "y": 10.6, "text": text, "showarrow": False,
                    "font": {"size": 12}})
    traces = []
    layout = dict(
        height=420,
        margin={"l": 50, "r": 10, "t": 10, "b": 10},
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": -0.27, "yanchor": "top"},
        xaxis={"title": {"text": _("Distance to the other person")}, "range": [-0.3, D_MAX + 0.3],
               "tickvals": [0, 2, 4, 6, 8, 10],
               "ticktext": ["0<br>" + _("close"), "2", "4", "6", "8", "10<br>" + _("far")], "fixedrange": True},
        yaxis={"title": {"text": _("Strength of the tendency")}, "range": [0, 11.3],
               "fixedrange": True},
        annotations=ann,
    )
    traces.append(scatter(x=_D.round(2), y=approach(_D, a_level).round(3), mode="lines",
                    name=_("approach (longing)"), line={"color": BLUE, "width": 3},
                    hovertemplate=_("distance") + " %{x:.1f}: " + _("approach") + " %{y:.1f}<extra></extra>"))
    traces.append(scatter(x=_D.round(2), y=avoidance(_D, f_level).round(3), mode="lines",
                    name=_("avoidance (fear), steeper"), line={"color": VERMILLION, "width": 3,
                                                            "dash": "dash"},
                    hovertemplate=_("distance") + " %{x:.1f}: " + _("avoidance") + " %{y:.1f}<extra></extra>"))
    traces.append(scatter(x=bx, y=by, mode="markers", name=_("balance point"),
                    marker={"symbol": "diamond", "size": 13, "color": BLACK},
                    hovertemplate=_("balance at distance") + " %{x:.1f}<extra></extra>"))
    return new_figure(traces, **layout)


def fields(state: dict) -> dict:
    a_level, f_level = state["longing"], state["fear"]
    outcome, d = balance_point(a_level, f_level)
    if outcome == "close":
        text = _("Longing is at least as strong as fear even in close contact, so approach wins at "
                 "every distance: the person comes all the way.")
    elif outcome == "hover":
        text = _("The lines cross at distance {distance}. Further away, longing is stronger and the "
                 "person moves closer; nearer than that, fear is stronger and they pull back. So "
                 "they come close, then pull away, and hover around distance {distance}.").format(
                     distance=number(d, 1))
    else:
        text = _("Fear is stronger than longing wherever longing is felt: the person stays away.")
    return {"longing": a_level, "fear": f_level, "outcome": text}


DESCRIPTION = (
    "Longing {longing} of 10, fear {fear} of 10. The solid line (approach) falls slowly with "
    "distance, the dashed line (avoidance) falls three times as steeply. {outcome}"
)


def spec() -> WidgetSpec:
    return WidgetSpec(
        name="approach_avoidance",
        title="Come closer, go away: the approach-avoidance conflict",
        note=("A model of an idea, not data: straight-line gradients in arbitrary units, "
              f"approach falling {APPROACH_SLOPE} and avoidance {AVOIDANCE_SLOPE} per unit of "
              "distance."),
        controls=[
            Control("longing", "Longing (approach strength at contact)", "range",
                    tuple((k, str(k)) for k in LEVELS), 6),
            Control("fear", "Fear (avoidance strength at contact)", "range",
                    tuple((k, str(k)) for k in LEVELS), 8),
        ],
        figure=figure,
        fields=fields,
        description=DESCRIPTION,
        source=("Modelled on Miller (1944), approach and avoidance gradients: avoidance rises "
                "more steeply than approach as the goal comes near. A way of thinking about "
                "push-pull behaviour, not a diagnosis."),
        factors=(("longing",), ("fear",), ("longing", "fear")),
    )
