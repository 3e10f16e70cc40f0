"""Chapter 3 widget: how sure is a correlation in 18 people?

Hsu et al. (2013) scanned 18 people with PET and found that trait resiliency
correlated positively with mu-opioid activation during social rejection in the
amygdala, the periaqueductal gray (PAG) and the subgenual anterior cingulate
cortex. This widget does not show their data. It draws SIMULATED samples from
a population whose true correlation the reader chooses, so the reader can see
how far a sample correlation in 18 people can land from the truth, how wide
its 95% confidence interval is (Fisher z), and that no correlation, however
strong, shows what causes what.

Model (pure functions): :func:`simulate_sample`, :func:`sample_correlation`,
:func:`fisher_ci`, :func:`fit_line`.
"""

from __future__ import annotations

import math

import numpy as np

from socialbrain.i18n import N_, _, number
from socialbrain.plotting import BLUE, GREY, VERMILLION
from socialbrain.widgets.spec import Control, WidgetSpec, new_figure, scatter

#: Regions where Hsu et al. (2013) reported the positive resiliency correlation.
REGIONS = {
    "amygdala": N_("amygdala"),
    "pag": N_("periaqueductal gray (PAG)"),
    "sgacc": N_("subgenual anterior cingulate cortex"),
}
SHORT = {"amygdala": N_("amygdala"), "pag": "PAG", "sgacc": N_("subgenual ACC")}
SAMPLE_SIZES = (10, 18, 30, 50, 100, 200)
TRUE_RS = (0.0, 0.2, 0.4, 0.6, 0.8)
DRAWS = (1, 2, 3, 4, 5)
#: Base seed of the simulation (stated so anyone can reproduce a sample).
SEED = 2013
#: z value for a two-sided 95% interval.
Z95 = 1.959964


def simulate_sample(n: int, rho: float, draw: int = 1, seed: int = SEED):
    """A simulated sample of n people from a population with correlation rho.

    Returns (resiliency, opioid_activation), both in standard units. For a
    given (n, draw) the same random numbers are used whatever rho is, so
    changing rho moves the same people rather than drawing new ones.
    """
    if n < 4:
        raise ValueError("n must be at least 4 for a confidence interval")
    if not -1 < rho < 1:
        raise ValueError("rho must lie strictly between -1 and 1")
    rng = np.random.default_rng([seed, n, draw])
    z1, z2 = rng.standard_normal((2, n))
    x = z1
    y = rho * z1 + math.sqrt(1 - rho**2) * z2
    return x, y


def sample_correlation(x, y) -> float:
    """Pearson's r of two equally long samples."""
    return float(np.corrcoef(np.asarray(x, float), np.asarray(y, float))[0, 1])


def fisher_ci(r: float, n: int, z: float = Z95) -> tuple[float, float]:
    """95% confidence interval of a correlation r in n people (Fisher z)."""
    if n < 4:
        raise ValueError("n must be at least 4")
    zr = math.atanh(max(min(r, 0.999999), -0.999999))
    se = 1 / math.sqrt(n - 3)
    return math.tanh(zr - z * se), math.tanh(zr + z * se)


def fit_line(x, y) -> tuple[float, float]:
    """Least-squares (slope, intercept) of y on x."""
    slope, intercept = np.polyfit(np.asarray(x, float), np.asarray(y, float), 1)
    return float(slope), float(intercept)


# --------------------------------------------------------------------------
# View
# --------------------------------------------------------------------------

AXIS = 3.5  # axis range in standard units (points beyond are clipped visually)


def figure(state: dict):
    """Scatter, fitted line and the sample r with its 95% interval."""
    n, rho, draw, region = state["n"], state["r"], state["draw"], state["region"]
    x, y = simulate_sample(n, rho, draw)
    r = sample_correlation(x, y)
    lo, hi = fisher_ci(r, n)
    slope, icpt = fit_line(x, y)
    traces = []
    layout = dict(
        height=440,
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": -0.18, "yanchor": "top"},
        margin={"l": 60, "r": 10, "t": 10, "b": 10},
        xaxis={"title": {"text": _("Resiliency (simulated, SD)")},
               "range": [-AXIS, AXIS], "zeroline": False},
        yaxis={"title": {"text": _("Opioid activation: {region}<br>(simulated, SD)").format(region=_(SHORT[region]))},
               "range": [-AXIS, AXIS], "zeroline": False},
        annotations=[{
            "xref": "paper", "yref": "paper", "x": 0.01, "y": 0.99,
            "xanchor": "left", "yanchor": "top", "showarrow": False,
            "bgcolor": "rgba(255,255,255,0.85)", "text": _("SIMULATED DATA"),
        }],
    )
    traces.append(scatter(x=np.round(x, 2).tolist(), y=np.round(y, 2).tolist(), mode="markers",
                    name=_("simulated person"),
                    marker={"color": BLUE, "size": 6, "opacity": 0.7,
                            "line": {"width": 0.5, "color": "white"}},
                    hovertemplate=(_("resiliency") + " %{x:.2f}<br>"
                                   + _("activation ({region})").format(region=_(SHORT[region]))
                                   + " %{y:.2f}<extra></extra>")))
    xs = [-AXIS, AXIS]
    traces.append(scatter(x=xs, y=[round(icpt + slope * v, 3) for v in xs], mode="lines",
                    name=_("line fitted to sample"), line={"color": VERMILLION, "width": 3},
                    hoverinfo="skip"))
    traces.append(scatter(x=xs, y=[round(rho * v, 3) for v in xs], mode="lines",
                    name=_("true line (population)"), line={"color": GREY, "width": 2, "dash": "dash"},
                    hoverinfo="skip"))
    return new_figure(traces, **layout)


def fields(state: dict) -> dict:
    n, rho, draw, region = state["n"], state["r"], state["draw"], state["region"]
    x, y = simulate_sample(n, rho, draw)
    r = sample_correlation(x, y)
    lo, hi = fisher_ci(r, n)
    if lo <= 0 <= hi:
        verdict = _("The interval includes 0, so this sample cannot rule out that there is no correlation at all.")
    else:
        verdict = _("The interval excludes 0, but it still allows a much weaker or much stronger correlation.")
    return {
        "region": _(REGIONS[region]),
        "n": n, "true_r": number(rho, 1), "draw": draw,
        "r": number(r, 2), "ci": _("{low} to {high}").format(low=number(lo, 2), high=number(hi, 2)),
        "width": number(hi - lo, 2), "verdict": verdict,
    }


DESCRIPTION = (
    "Simulated sample {draw} of {n} people, region: {region}. True correlation in the "
    "simulated population: {true_r}. Each dot is one simulated person; the solid line is "
    "the line fitted to this sample, the dashed line the true one. Sample correlation "
    "r = {r}, 95% confidence interval {ci} (width {width}). {verdict}"
)


def spec() -> WidgetSpec:
    return WidgetSpec(
        name="opioid_resilience",
        title="Opioid release and resilience: how sure is a correlation?",
        note=("SIMULATED data, not the study's. Parameters: standard-normal resiliency and "
              "opioid activation with the true correlation you choose; seed 2013. The region "
              "changes the label only: the study reported a positive correlation in all three."),
        controls=[
            Control("region", "Region", "select", tuple(REGIONS.items()), "amygdala"),
            Control("n", "Sample size (people)", "range",
                    tuple((n, str(n)) for n in SAMPLE_SIZES), 18),
            Control("r", "True correlation", "range",
                    tuple((r, number(r, 1)) for r in TRUE_RS), 0.4),
            Control("draw", "Simulated sample number", "range",
                    tuple((d, str(d)) for d in DRAWS), 1),
        ],
        figure=figure,
        fields=fields,
        description=DESCRIPTION,
        source=("Modelled on Hsu et al. (2013), Molecular Psychiatry: PET, n = 18; trait "
                "resiliency correlated positively with mu-opioid activation during rejection "
                "in amygdala, PAG and subgenual ACC. A correlation shows neither direction nor "
                "cause: nothing was manipulated, and a third factor could drive both."),
        summary=(("Sample correlation r", "r"), ("95% confidence interval", "ci"),
                 ("True correlation (simulation)", "true_r")),
        factors=(("region",), ("n", "r", "draw")),
    )
