"""Chapter 3 widget: "wanting" is not "liking" (Berridge).

Berridge and colleagues separate two parts of reward. "Wanting" (incentive
salience: the pull of a reward, the urge to go for it) depends on large
mesolimbic dopamine systems. "Liking" (the pleasure of the reward itself)
depends on small opioid "hedonic hotspots" and does not need dopamine
(Berridge & Robinson 2016; Berridge & Kringelbach 2015). Much of the evidence
comes from rat studies: raising or lowering dopamine changes how hard an
animal works for a sweet reward, but not its facial "liking" reactions to the
taste; stimulating opioid receptors in a hotspot amplifies liking (and
wanting).

A schematic, not data: bars show the direction of change on an arbitrary
0-10 scale. Model (pure): :data:`MANIPULATIONS`, :func:`effect`.
"""

from __future__ import annotations

from socialbrain.i18n import N_, _
from socialbrain.plotting import BLUE, ORANGE
from socialbrain.widgets.spec import Control, WidgetSpec, new_figure

BASELINE = 5
STEP = 3

#: manipulation -> (label, change in wanting, change in liking, explanation);
#: changes are directions (-1, 0, +1), as reported in the reviews.
MANIPULATIONS = {
    "none": (N_("No manipulation"), 0, 0,
             N_("Wanting and liking usually go together, which is why they are easy to confuse.")),
    "dopamine_up": (N_("More dopamine"), +1, 0,
                    N_("Raising dopamine makes a reward more wanted (more effort to get it) without "
                       "making it more liked.")),
    "dopamine_down": (N_("Less dopamine"), -1, 0,
                      N_("With dopamine depleted, animals barely work for a reward, yet still show "
                         "'liking' reactions when it is in their mouth.")),
    "opioid_hotspot": (N_("Opioids in a hotspot"), +1, +1,
                       N_("Stimulating opioid receptors in a small hedonic hotspot amplifies liking, "
                          "and wanting with it.")),
}


def effect(manipulation: str) -> dict:
    """Schematic levels (0-10) of wanting and liking after a manipulation."""
    _, dw, dl, _ = MANIPULATIONS[manipulation]
    return {"wanting": BASELINE + STEP * dw, "liking": BASELINE + STEP * dl}


def _arrow(level: int) -> str:
    return _("higher") if level > BASELINE else _("lower") if level < BASELINE else _("unchanged")


def figure(state: dict):
    e = effect(state["manipulation"])
    names = [_("Wanting<br>(dopamine)"), _("Liking<br>(opioid hotspots)")]
    vals = [e["wanting"], e["liking"]]
    bar = {"type": "bar", "textposition": "outside", "constraintext": "none",
           "textfont": {"size": 12}, "cliponaxis": False, "offsetgroup": "after",
           "hovertemplate": "%{x}: %{y} " + _("of 10") + "<extra></extra>"}
    traces = [
        dict(type="bar", x=names, y=[BASELINE, BASELINE], name=_("no manipulation"),
             offsetgroup="base",
             marker={"color": "rgba(0,0,0,0)", "line": {"color": "#444", "width": 2}},
             hoverinfo="skip"),
        dict(bar, x=names[:1], y=vals[:1], name=_("wanting, after"), text=[_arrow(vals[0])],
             marker={"color": BLUE, "line": {"color": "#222", "width": 1}}),
        dict(bar, x=names[1:], y=vals[1:], name=_("liking, after"), text=[_arrow(vals[1])],
             marker={"color": ORANGE,
                     "pattern": {"shape": "/", "fgcolor": "white", "bgcolor": ORANGE},
                     "line": {"color": "#222", "width": 1}}),
    ]
    return new_figure(
        traces, height=360, barmode="group", bargap=0.35, showlegend=True,
        legend={"orientation": "h", "x": 0, "y": -0.22, "yanchor": "top"},
        margin={"l": 50, "r": 10, "t": 10, "b": 10},
        yaxis={"title": {"text": _("Strength (schematic, 0-10)")}, "range": [0, 10.5],
               "fixedrange": True},
        xaxis={"fixedrange": True},
    )


def fields(state: dict) -> dict:
    label, *_rest, why = MANIPULATIONS[state["manipulation"]]
    e = effect(state["manipulation"])
    return {"label": _(label), "wanting": _arrow(e["wanting"]), "liking": _arrow(e["liking"]),
            "why": _(why)}


DESCRIPTION = (
    "{label}: wanting {wanting}, liking {liking} (schematic bars; the outlined bars show no "
    "manipulation). {why}"
)


def spec() -> WidgetSpec:
    return WidgetSpec(
        name="wanting_liking",
        title="Wanting versus liking: two parts of reward",
        note=("A schematic of findings, mostly from rat studies: bars show the direction of "
              "change on an arbitrary scale, not measured sizes."),
        controls=[Control("manipulation", "Manipulation", "radio",
                          tuple((k, v[0]) for k, v in MANIPULATIONS.items()), "none")],
        figure=figure,
        fields=fields,
        description=DESCRIPTION,
        source=("Based on Berridge & Robinson (2016), American Psychologist, and Berridge & "
                "Kringelbach (2015), Neuron: 'wanting' depends on mesolimbic dopamine, 'liking' "
                "on small opioid hedonic hotspots."),
    )
