"""Chapter 5 widget: loneliness is not isolation.

The course's one SIMULATED population (:func:`socialbrain.simulate.simulate_survey`,
the same 1,000 adults as in the practice notebook and problem set 3), each
with a De Jong Gierveld loneliness total (0-11) and a Lubben Social Network
Scale total (LSNS-6, 0-30). The reader moves the two cut-offs (defaults from
:mod:`socialbrain.scales`: lonely = DJG >= 3, the Dutch monitor cut-off; at
risk of isolation = LSNS-6 below 12) and sees the four groups counted live,
by :func:`socialbrain.scales.quadrant_counts`: many lonely people are not
isolated, and many isolated people are not lonely.

How the population is made, and what it is modelled on, is said in
:mod:`socialbrain.simulate`; this module only draws and counts it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from socialbrain import scales, simulate
from socialbrain.i18n import _, number
from socialbrain.plotting import BLUE, GREY, ORANGE
from socialbrain.widgets.spec import Control, WidgetSpec, new_figure, scatter

#: The description field that counts each of the scales' quadrants.
QUADRANT_FIELDS = dict(zip(scales.QUADRANTS, ("both", "lonely_only", "isolated_only", "neither")))


@lru_cache(maxsize=1)
def _population():
    """(DJG totals, LSNS-6 totals, jittered x, jittered y) of the simulated survey."""
    survey = simulate.simulate_survey()
    x, y = simulate.jittered(survey, spread=0.35, seed=simulate.DEFAULT_SEED + 1)
    return (survey["djg_total"].to_numpy(), survey["lsns6_total"].to_numpy(),
            np.round(x, 2), np.round(y, 2))


X_RANGE, Y_RANGE = (-0.7, 30.7), (-0.7, 11.7)


def figure(state: dict):
    djg, lsns, jx, jy = _population()
    lc, ic = state["lonely_cut"], state["isolated_cut"]
    y0, x1 = lc - 0.5, ic - 0.5
    traces = []
    layout = dict(
        height=460,
        margin={"l": 55, "r": 10, "t": 10, "b": 10},
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"},
        xaxis={"title": {"text": _("Social network (LSNS-6 total, 0-30)")},
               "range": list(X_RANGE), "dtick": 5, "zeroline": False, "fixedrange": True},
        yaxis={"title": {"text": _("Loneliness (De Jong Gierveld, 0-11)")},
               "range": list(Y_RANGE), "dtick": 1, "zeroline": False, "fixedrange": True},
        annotations=[
            {"xref": "paper", "yref": "paper", "x": 0.01, "y": 0.99, "xanchor": "left",
             "yanchor": "top", "showarrow": False, "text": "<b>" + _("lonely +<br>isolated") + "</b>",
             "bgcolor": "rgba(255,255,255,0.8)", "align": "left"},
            {"xref": "paper", "yref": "paper", "x": 0.99, "y": 0.99, "xanchor": "right",
             "yanchor": "top", "showarrow": False, "text": "<b>" + _("lonely, not isolated") + "</b>",
             "bgcolor": "rgba(255,255,255,0.8)"},
            {"xref": "paper", "yref": "paper", "x": 0.01, "y": 0.01, "xanchor": "left",
             "yanchor": "bottom", "showarrow": False, "text": "<b>" + _("isolated,<br>not lonely") + "</b>",
             "bgcolor": "rgba(255,255,255,0.8)", "align": "left"},
            {"xref": "paper", "yref": "paper", "x": 0.99, "y": 0.01, "xanchor": "right",
             "yanchor": "bottom", "showarrow": False, "text": "<b>" + _("neither") + "</b>",
             "bgcolor": "rgba(255,255,255,0.8)"},
            {"xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5, "showarrow": False,
             "text": _("SIMULATED"), "font": {"size": 28, "color": "rgba(0,0,0,0.25)"}},
        ],
    )
    xa, xb = X_RANGE
    ya, yb = Y_RANGE
    traces.append(scatter(x=[xa, xb, xb, xa, xa], y=[y0, y0, yb, yb, y0], fill="toself", mode="lines",
                    name=_("lonely: DJG ≥ {cut}").format(cut=lc),
                    line={"color": ORANGE, "width": 2},
                    fillcolor="rgba(230,159,0,0.12)",
                    fillpattern={"shape": "/", "fgcolor": "rgba(230,159,0,0.45)", "size": 10},
                    hoverinfo="skip"))
    traces.append(scatter(x=[xa, x1, x1, xa, xa], y=[ya, ya, yb, yb, ya], fill="toself", mode="lines",
                    name=_("isolated: LSNS-6 < {cut}").format(cut=ic),
                    line={"color": BLUE, "width": 2, "dash": "dash"},
                    fillcolor="rgba(0,114,178,0.10)",
                    fillpattern={"shape": "\\", "fgcolor": "rgba(0,114,178,0.40)", "size": 10},
                    hoverinfo="skip"))
    traces.append(scatter(x=jx, y=jy, mode="markers", name=_("one simulated person"),
                    marker={"color": GREY, "size": 4, "opacity": 0.55},
                    hovertemplate="LSNS-6 %{x:.0f}, DJG %{y:.0f}<extra></extra>"))
    return new_figure(traces, **layout)


def _pct(k: int, n: int) -> str:
    return f"{k} ({100 * k / n:.0f}%)" if n else "0"


def fields(state: dict) -> dict:
    djg, lsns, _, _ = _population()
    lc, ic = state["lonely_cut"], state["isolated_cut"]
    q = {QUADRANT_FIELDS[k]: v for k, v in scales.quadrant_counts(djg, lsns, lc, ic).items()}
    n = djg.size
    lonely = q["both"] + q["lonely_only"]
    isolated = q["both"] + q["isolated_only"]
    share_iso_lonely = f"{100 * q['both'] / isolated:.0f}%" if isolated else _("none")
    share_lonely_iso = f"{100 * q['both'] / lonely:.0f}%" if lonely else _("none")
    return {
        "lc": lc, "ic": ic, "n": number(n),
        "lonely": _pct(lonely, n), "isolated": _pct(isolated, n),
        **{field: _pct(k, n) for field, k in q.items()},
        "iso_lonely": share_iso_lonely, "lonely_iso": share_lonely_iso,
    }


TARGETS = simulate.PARAMETERS["targets"]
LEVELS = ", ".join(f"{low}-{high} {label}" if low < high else f"{low} {label}"
                   for low, high, label in scales.DJG_LEVELS)

DESCRIPTION = (
    "Simulated population of {n} adults; each dot is one person, loneliness (De Jong Gierveld "
    "total) up, social network (LSNS-6 total) across. Lonely means a score of {lc} or more: "
    "{lonely}. Isolated means an LSNS-6 total below {ic}: {isolated}. Lonely and isolated: "
    "{both}; lonely but not isolated: {lonely_only}; isolated but not lonely: {isolated_only}; "
    "neither: {neither}. Of the isolated people, {iso_lonely} are lonely; of the lonely people, "
    "{lonely_iso} are isolated."
)


def spec() -> WidgetSpec:
    return WidgetSpec(
        name="loneliness_map",
        title="Lonely, isolated, both or neither? Move the cut-offs",
        note=(f"SIMULATED population of {simulate.DEFAULT_N:,} adults (seed {simulate.DEFAULT_SEED}), "
              "the same as in the practice notebook and problem set 3: each person's answers to "
              "the 11 De Jong Gierveld items and the 6 LSNS-6 items are generated so that about "
              f"{TARGETS['lonely (DJG >= 3)']:.0%} score 3 or more and "
              f"{TARGETS['severely lonely (DJG >= 9)']:.0%} score 9 or more on the De Jong Gierveld "
              "scale (as in the Dutch Gezondheidsmonitor 2022) and about "
              f"{TARGETS['at risk of isolation (LSNS-6 < 12)']:.0%} score below 12 on the LSNS-6; "
              "loneliness and network size are linked by a latent correlation of "
              f"{simulate.LATENT_CORRELATION}, chosen to be weak (no verified value exists)."),
        controls=[
            Control("lonely_cut", "Lonely if De Jong Gierveld total is at least", "range",
                    tuple((k, str(k)) for k in range(1, 12)), scales.DJG_LONELY_CUTOFF),
            Control("isolated_cut", "Isolated if LSNS-6 total is below", "range",
                    tuple((k, str(k)) for k in range(1, 31)), scales.LSNS6_ISOLATION_CUTOFF),
        ],
        figure=figure,
        fields=fields,
        description=DESCRIPTION,
        summary=tuple((label.capitalize(), field) for label, field in QUADRANT_FIELDS.items()),
        source=("Modelled on the Gezondheidsmonitor 2022 (GGD/RIVM/CBS; cut-off "
                f"{scales.DJG_LONELY_CUTOFF} on the 11-item De Jong Gierveld scale: {LEVELS}) and "
                "Lubben et al. (2006) for the LSNS-6 cut-off of "
                f"{scales.LSNS6_ISOLATION_CUTOFF}."),
        factors=(("lonely_cut",), ("isolated_cut",), ("lonely_cut", "isolated_cut")),
        fields_only=(2,),
    )
