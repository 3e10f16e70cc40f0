"""A simulated survey of loneliness and social isolation (fixed seed).

The course needs a data set in which students can see that loneliness and
isolation are different things. No real individual-level data ship with the
course, so this module *simulates* one. It is modelled on published Dutch
and international figures, but every row is made up:

* loneliness: the De Jong Gierveld scale (11 items) with answers generated
  so that about 48.6% score 3 or more (lonely) and about 14% score 9 or more
  (severely lonely), as in the Dutch Gezondheidsmonitor 2022 (GGD/RIVM/CBS);
* isolation: the LSNS-6 with answers generated so that about 15% score
  below 12 (at risk of isolation), between the 11-20% Lubben et al. (2006)
  found in three European samples;
* the two are only weakly related: the latent loneliness and network scores
  correlate ``LATENT_CORRELATION`` (-0.3). That number is a *choice* of this
  simulation, not a published estimate: no verified figure exists.

Each answer comes from a latent score plus item noise, cut at fixed
thresholds. The parameters are stored in ``df.attrs`` so that figures and
text can say what the data are.

This is the course's one simulated population: the practice notebook of
chapter 5, problem set 3 and the chapter 5 widget (``loneliness_map``) all
show these 1,000 adults. Use :func:`simulate_survey` to get the data,
:func:`plot_survey` for the standard scatter plot with the two cut-offs and
:func:`jittered` for the scatter positions of any other plot of it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import scales

__all__ = [
    "DEFAULT_SEED",
    "DEFAULT_N",
    "LATENT_CORRELATION",
    "PARAMETERS",
    "simulate_survey",
    "add_scores",
    "jittered",
    "plot_survey",
]

DEFAULT_SEED = 2022
DEFAULT_N = 1000
LATENT_CORRELATION = -0.3

#: Everything that shapes the simulation; copied into ``df.attrs``.
PARAMETERS = {
    "latent_correlation": LATENT_CORRELATION,
    "djg_loading": 1.4,          # weight of latent loneliness on each item
    "djg_threshold_scored": 0.8,  # item scores 1 above this
    "djg_threshold_strong": 1.8,  # "yes" (negative item) / "no" (positive item) above this
    "lsns6_loading": 1.0,
    "lsns6_cuts": (-2.1, -1.4, -0.7, 0.2, 1.2),  # answer codes 0..5
    "targets": {
        "lonely (DJG >= 3)": 0.486,
        "severely lonely (DJG >= 9)": 0.142,
        "at risk of isolation (LSNS-6 < 12)": 0.15,
    },
}

MODELLED_ON = (
    "Gezondheidsmonitor 2022 (GGD/RIVM/CBS): 48.6% lonely, 14.2% severely lonely; "
    "Lubben et al. (2006): 11-20% below 12 on the LSNS-6. "
    "The latent correlation of -0.3 is a choice of the simulation, not a published figure."
)

DJG_COLUMNS = [f"djg_{i}" for i in range(1, 12)]
LSNS6_COLUMNS = [f"lsns_{i}" for i in range(1, 7)]


def simulate_survey(n: int = DEFAULT_N, seed: int = DEFAULT_SEED, scores: bool = True) -> pd.DataFrame:
    """Return a simulated survey of ``n`` adults (same ``seed``, same data).

    Columns: ``respondent``; ``djg_1`` ... ``djg_11`` (answers "yes", "more
    or less", "no"); ``lsns_1`` ... ``lsns_6`` (codes 0-5, family items
    first). With ``scores=True`` (the default) also the totals and
    classifications from :mod:`socialbrain.scales`: ``djg_total``,
    ``djg_emotional``, ``djg_social``, ``djg_level``, ``lsns6_total``,
    ``lonely``, ``isolated``, ``quadrant``.

    ``df.attrs`` holds ``simulated=True``, the seed, ``n``, the parameters
    and what the simulation is modelled on.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive whole number, got {n!r}")
    p = PARAMETERS
    rng = np.random.default_rng(seed)
    rho = p["latent_correlation"]
    cov = np.array([[1.0, rho], [rho, 1.0]])
    latent = rng.multivariate_normal([0.0, 0.0], cov, size=n)
    lonely_latent, network_latent = latent[:, 0], latent[:, 1]

    z = p["djg_loading"] * lonely_latent[:, None] + rng.standard_normal((n, 11))
    strength = np.where(z > p["djg_threshold_strong"], 2, np.where(z > p["djg_threshold_scored"], 1, 0))
    data = {"respondent": np.arange(1, n + 1)}
    for j, item in enumerate(scales.DJG_ITEMS):
        # strength 0 = not lonely answer, 1 = "more or less", 2 = lonely answer
        labels = ("yes", "more or less", "no") if item.positive else ("no", "more or less", "yes")
        data[DJG_COLUMNS[j]] = np.array(labels, dtype=object)[strength[:, j]]

    w = p["lsns6_loading"] * network_latent[:, None] + rng.standard_normal((n, 6))
    codes = np.searchsorted(np.array(p["lsns6_cuts"]), w)
    for j in range(6):
        data[LSNS6_COLUMNS[j]] = codes[:, j].astype(int)

    df = pd.DataFrame(data)
    if scores:
        df = add_scores(df)
    df.attrs.update(
        simulated=True,
        seed=seed,
        n=n,
        parameters=p,
        modelled_on=MODELLED_ON,
        description="SIMULATED survey data (not real people): De Jong Gierveld scale and LSNS-6.",
    )
    return df


def add_scores(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with totals and classifications added."""
    out = df.copy()
    djg = out[DJG_COLUMNS].to_numpy().tolist()
    lsns = out[LSNS6_COLUMNS].to_numpy().tolist()
    sub = [scales.djg_subscales(a) for a in djg]
    out["djg_emotional"] = [e for e, _ in sub]
    out["djg_social"] = [s for _, s in sub]
    out["djg_total"] = out["djg_emotional"] + out["djg_social"]
    out["djg_level"] = [scales.djg_level(int(t)) for t in out["djg_total"]]
    out["lsns6_total"] = [scales.lsns6_score([int(x) for x in a]) for a in lsns]
    out["lonely"] = [scales.djg_lonely(int(t)) for t in out["djg_total"]]
    out["isolated"] = [scales.lsns6_isolated(int(t)) for t in out["lsns6_total"]]
    out["quadrant"] = [scales.quadrant(int(d), int(l)) for d, l in zip(out["djg_total"], out["lsns6_total"])]
    out.attrs = dict(df.attrs)
    return out


def jittered(df: pd.DataFrame, spread: float = 0.3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Scatter positions (LSNS-6 total, DJG total), each moved at random by up to ``spread``.

    People with the same two scores would otherwise hide each other.
    """
    rng = np.random.default_rng(seed)
    x = df["lsns6_total"].to_numpy() + rng.uniform(-spread, spread, len(df))
    y = df["djg_total"].to_numpy() + rng.uniform(-spread, spread, len(df))
    return x, y


def plot_survey(df: pd.DataFrame, title: str | None = None):
    """Scatter of loneliness (DJG) against network size (LSNS-6), with cut-offs.

    Points are :func:`jittered`. Returns a plotly figure; labelled as
    simulated when ``df.attrs['simulated']`` is true.
    """
    import plotly.graph_objects as go

    if "djg_total" not in df or "lsns6_total" not in df:
        df = add_scores(df)
    x, y = jittered(df)
    simulated = bool(df.attrs.get("simulated"))
    if title is None:
        title = "Loneliness against social network size"
        if simulated:
            title += f" (simulated data, n = {len(df)}, seed {df.attrs.get('seed')})"
    fig = go.Figure(
        go.Scattergl(
            x=x, y=y, mode="markers",
            marker=dict(size=5, opacity=0.5),
            text=df.get("quadrant"),
            hovertemplate="LSNS-6 %{x:.0f}, DJG %{y:.0f}<br>%{text}<extra></extra>",
        )
    )
    fig.add_vline(x=scales.LSNS6_ISOLATION_CUTOFF - 0.5, line_dash="dash",
                  annotation_text="isolated below 12", annotation_position="top left")
    fig.add_hline(y=scales.DJG_LONELY_CUTOFF - 0.5, line_dash="dash",
                  annotation_text="lonely from 3", annotation_position="bottom right")
    fig.update_layout(
        title=title,
        xaxis_title="LSNS-6 total (0-30, higher = larger network)",
        yaxis_title="De Jong Gierveld total (0-11, higher = lonelier)",
        height=450,
    )
    return fig
