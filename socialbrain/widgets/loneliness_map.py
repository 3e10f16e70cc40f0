"""Chapter 5 widget: loneliness is not isolation.

A SIMULATED population of adults, each with a De Jong Gierveld loneliness
total (0-11) and a Lubben Social Network Scale total (LSNS-6, 0-30). The
reader moves the two cut-offs (defaults: lonely = DJG >= 3, the Dutch monitor
cut-off; at risk of isolation = LSNS-6 below 12) and sees the four groups
counted live: many lonely people are not isolated, and many isolated people
are not lonely.

How the population is made (all simulation parameters, not findings):
* DJG totals follow :data:`DJG_PMF`, chosen so that about 48% score 3 or more
  and about 14% score 9 or more (Gezondheidsmonitor 2022: 48.6% lonely, 14.2%
  severely lonely).
* LSNS-6 totals follow a rounded normal distribution (mean 16.8, SD 5,
  limited to 0-30), so that about 15% score below 12 (Lubben et al. 2006:
  11-20% at risk in three European samples).
* The two are linked through a Gaussian copula with latent correlation
  :data:`LATENT_RHO` = -0.3: weakly, because the two are only modestly
  related. No verified correlation between the two scales exists, so this
  number is the simulation's choice, not a fact.

Model: :func:`simulate_population`, :func:`quadrant_counts`.
"""

from __future__ import annotations

import math

import numpy as np

from socialbrain.widgets._core import (
    BLUE, GREY, ORANGE, Control, WidgetSpec, new_figure, scatter)

#: Simulated share of adults at each DJG total 0..11 (sums to 1).
DJG_PMF = np.array([0.20, 0.18, 0.14,                       # 0-2: not lonely (52%)
                    0.075, 0.065, 0.055, 0.05, 0.05, 0.045,  # 3-8: moderately (34%)
                    0.05, 0.05, 0.04])                       # 9-11: severely (14%)
LSNS_MEAN, LSNS_SD = 16.8, 5.0
LATENT_RHO = -0.3
N_PEOPLE = 1000
SEED = 2022
LONELY_CUT, ISOLATED_CUT = 3, 12


def _phi(z):
    """Standard normal CDF."""
    return 0.5 * (1 + np.vectorize(math.erf)(np.asarray(z, float) / math.sqrt(2)))


def lsns_pmf(mean: float = LSNS_MEAN, sd: float = LSNS_SD) -> np.ndarray:
    """Shares at LSNS-6 totals 0..30: a normal rounded to whole scores, tails piled at 0 and 30."""
    edges = np.arange(-0.5, 31.5, 1.0)
    cdf = _phi((edges - mean) / sd)
    cdf[0], cdf[-1] = 0.0, 1.0
    return np.diff(cdf)


def _quantile(pmf: np.ndarray, u: np.ndarray) -> np.ndarray:
    cdf = np.cumsum(pmf)
    cdf[-1] = 1.0
    return np.searchsorted(cdf, u, side="left")


def simulate_population(n: int = N_PEOPLE, rho: float = LATENT_RHO, seed: int = SEED):
    """Simulated (djg, lsns) integer totals for n adults (see module doc)."""
    rng = np.random.default_rng(seed)
    z_lonely = rng.standard_normal(n)
    z_network = rho * z_lonely + math.sqrt(1 - rho**2) * rng.standard_normal(n)
    djg = _quantile(DJG_PMF, _phi(z_lonely))
    lsns = _quantile(lsns_pmf(), _phi(z_network))
    return djg.astype(int), lsns.astype(int)


def quadrant_counts(djg, lsns, lonely_cut: int = LONELY_CUT, isolated_cut: int = ISOLATED_CUT):
    """Counts of the four groups: lonely = DJG >= lonely_cut; isolated = LSNS-6 < isolated_cut."""
    djg, lsns = np.asarray(djg), np.asarray(lsns)
    lonely = djg >= lonely_cut
    isolated = lsns < isolated_cut
    return {
        "lonely_isolated": int(np.sum(lonely & isolated)),
        "lonely_only": int(np.sum(lonely & ~isolated)),
        "isolated_only": int(np.sum(~lonely & isolated)),
        "neither": int(np.sum(~lonely & ~isolated)),
    }


# --------------------------------------------------------------------------
# View
# --------------------------------------------------------------------------

_POP = None


def _population():
    global _POP
    if _POP is None:
        djg, lsns = simulate_population()
        rng = np.random.default_rng(SEED + 1)
        jx = rng.uniform(-0.35, 0.35, djg.size)
        jy = rng.uniform(-0.35, 0.35, djg.size)
        _POP = (djg, lsns, np.round(lsns + jx, 2), np.round(djg + jy, 2))
    return _POP


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
        xaxis={"title": {"text": "Social network (LSNS-6 total, 0-30)"},
               "range": list(X_RANGE), "dtick": 5, "zeroline": False, "fixedrange": True},
        yaxis={"title": {"text": "Loneliness (De Jong Gierveld, 0-11)"},
               "range": list(Y_RANGE), "dtick": 1, "zeroline": False, "fixedrange": True},
        annotations=[
            {"xref": "paper", "yref": "paper", "x": 0.01, "y": 0.99, "xanchor": "left",
             "yanchor": "top", "showarrow": False, "text": "<b>lonely +<br>isolated</b>",
             "bgcolor": "rgba(255,255,255,0.8)", "align": "left"},
            {"xref": "paper", "yref": "paper", "x": 0.99, "y": 0.99, "xanchor": "right",
             "yanchor": "top", "showarrow": False, "text": "<b>lonely, not isolated</b>",
             "bgcolor": "rgba(255,255,255,0.8)"},
            {"xref": "paper", "yref": "paper", "x": 0.01, "y": 0.01, "xanchor": "left",
             "yanchor": "bottom", "showarrow": False, "text": "<b>isolated,<br>not lonely</b>",
             "bgcolor": "rgba(255,255,255,0.8)", "align": "left"},
            {"xref": "paper", "yref": "paper", "x": 0.99, "y": 0.01, "xanchor": "right",
             "yanchor": "bottom", "showarrow": False, "text": "<b>neither</b>",
             "bgcolor": "rgba(255,255,255,0.8)"},
            {"xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5, "showarrow": False,
             "text": "SIMULATED", "font": {"size": 28, "color": "rgba(0,0,0,0.25)"}},
        ],
    )
    xa, xb = X_RANGE
    ya, yb = Y_RANGE
    traces.append(scatter(x=[xa, xb, xb, xa, xa], y=[y0, y0, yb, yb, y0], fill="toself", mode="lines",
                    name=f"lonely: DJG ≥ {lc}",
                    line={"color": ORANGE, "width": 2},
                    fillcolor="rgba(230,159,0,0.12)",
                    fillpattern={"shape": "/", "fgcolor": "rgba(230,159,0,0.45)", "size": 10},
                    hoverinfo="skip"))
    traces.append(scatter(x=[xa, x1, x1, xa, xa], y=[ya, ya, yb, yb, ya], fill="toself", mode="lines",
                    name=f"isolated: LSNS-6 < {ic}",
                    line={"color": BLUE, "width": 2, "dash": "dash"},
                    fillcolor="rgba(0,114,178,0.10)",
                    fillpattern={"shape": "\\", "fgcolor": "rgba(0,114,178,0.40)", "size": 10},
                    hoverinfo="skip"))
    traces.append(scatter(x=jx, y=jy, mode="markers", name="one simulated person",
                    marker={"color": GREY, "size": 4, "opacity": 0.55},
                    hovertemplate="LSNS-6 %{x:.0f}, DJG %{y:.0f}<extra></extra>"))
    return new_figure(traces, **layout)


def _pct(k: int, n: int) -> str:
    return f"{k} ({100 * k / n:.0f}%)" if n else "0"


def fields(state: dict) -> dict:
    djg, lsns, _, _ = _population()
    lc, ic = state["lonely_cut"], state["isolated_cut"]
    q = quadrant_counts(djg, lsns, lc, ic)
    n = djg.size
    lonely = q["lonely_isolated"] + q["lonely_only"]
    isolated = q["lonely_isolated"] + q["isolated_only"]
    share_iso_lonely = f"{100 * q['lonely_isolated'] / isolated:.0f}%" if isolated else "none"
    share_lonely_iso = f"{100 * q['lonely_isolated'] / lonely:.0f}%" if lonely else "none"
    return {
        "lc": lc, "ic": ic, "n": f"{n:,}",
        "lonely": _pct(lonely, n), "isolated": _pct(isolated, n),
        "both": _pct(q["lonely_isolated"], n), "lonely_only": _pct(q["lonely_only"], n),
        "isolated_only": _pct(q["isolated_only"], n), "neither": _pct(q["neither"], n),
        "iso_lonely": share_iso_lonely, "lonely_iso": share_lonely_iso,
    }


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
        note=(f"SIMULATED population of {N_PEOPLE:,} adults (seed {SEED}). Simulation parameters: "
              "about 48% score 3 or more and 14% score 9 or more on the De Jong Gierveld scale "
              "(as in the Dutch Gezondheidsmonitor 2022); LSNS-6 totals are normal with mean "
              f"{LSNS_MEAN}, SD {LSNS_SD:g}, so about 15% score below 12; the two are linked by a "
              f"latent correlation of {LATENT_RHO} chosen to be weak (no verified value exists)."),
        controls=[
            Control("lonely_cut", "Lonely if De Jong Gierveld total is at least", "range",
                    tuple((k, str(k)) for k in range(1, 12)), LONELY_CUT),
            Control("isolated_cut", "Isolated if LSNS-6 total is below", "range",
                    tuple((k, str(k)) for k in range(1, 31)), ISOLATED_CUT),
        ],
        figure=figure,
        fields=fields,
        description=DESCRIPTION,
        summary=(("Lonely and isolated", "both"), ("Lonely, not isolated", "lonely_only"),
                 ("Isolated, not lonely", "isolated_only"), ("Neither", "neither")),
        source=("Modelled on the Gezondheidsmonitor 2022 (GGD/RIVM/CBS; cut-off 3 on the "
                "11-item De Jong Gierveld scale: 0-2 not lonely, 3-8 moderately, 9-10 severely, "
                "11 very severely lonely) and Lubben et al. (2006) for the LSNS-6 cut-off of 12."),
        factors=(("lonely_cut",), ("isolated_cut",), ("lonely_cut", "isolated_cut")),
        fields_only=(2,),
    )


def loneliness_map():
    """A simulated population on loneliness versus network size, with movable cut-offs."""
    return spec().show()
