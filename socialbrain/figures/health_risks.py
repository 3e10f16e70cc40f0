"""Social connection and health: the published ratios, side by side.

Chapter 5 reports how strongly loneliness and social isolation are linked to
death and disease. Popular articles tend to put every one of these numbers
under the word "loneliness" (A4). Plotted together, the numbers show two
things a reader should see at once: most ratios are modest (around 1.3), and
objective isolation and subjective loneliness do not always behave alike
(Steptoe et al. 2013). Every number comes from the study named in its row
(references.bib: holtlunstad2010, holtlunstad2015, steptoe2013, valtorta2016);
a confidence interval is drawn only where the study reports one.

Rows are grouped by what was measured, and each group has its own colour AND
marker shape, so colour is never the only cue. The kind of ratio (odds ratio,
hazard ratio, relative risk) is written in every row label.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

from socialbrain.i18n import N_, _, number
from socialbrain.plotting import BLACK, BLUE, GREEN, ORANGE, finish

#: What was measured: legend label, colour, marker symbol.
MEASURES = {
    "isolation": (N_("Objective: social isolation, living alone"), BLUE, "square"),
    "loneliness": (N_("Subjective: loneliness"), ORANGE, "circle"),
    "combined": (N_("Social relationships overall"), GREEN, "diamond"),
}

#: One row per published estimate:
#: (label, measure, ratio, lower CI or None, upper CI or None, outcome, source).
ESTIMATES = [
    (N_("Stronger relationships: survival (OR)"), "combined", 1.50, 1.42, 1.59,
     "survival", N_("Holt-Lunstad et al. 2010, 148 studies")),
    (N_("Social isolation: death (adjusted OR)"), "isolation", 1.29, None, None,
     "mortality", "Holt-Lunstad et al. 2015"),
    (N_("Living alone: death (adjusted OR)"), "isolation", 1.32, None, None,
     "mortality", "Holt-Lunstad et al. 2015"),
    (N_("Loneliness: death (adjusted OR)"), "loneliness", 1.26, None, None,
     "mortality", "Holt-Lunstad et al. 2015"),
    (N_("Social isolation: death (adjusted HR)"), "isolation", 1.26, 1.08, 1.48,
     "mortality", "Steptoe et al. 2013, ELSA"),
    (N_("Loneliness: death (adjusted HR)"), "loneliness", 0.92, None, None,
     "mortality", "Steptoe et al. 2013, ELSA"),
    (N_("Poor relationships: heart disease (RR)"), "combined", 1.29, None, None,
     "coronary heart disease", "Valtorta et al. 2016"),
    (N_("Poor relationships: stroke (RR)"), "combined", 1.32, None, None,
     "stroke", "Valtorta et al. 2016"),
]

TITLE = N_("Social connection and health: published ratios")
SUBTITLE = N_("Top row: odds of <b>survival</b> with stronger relationships.<br>"
              "Other rows: risk for the less-connected group.<br>"
              "OR odds ratio, HR hazard ratio, RR relative risk; bars: 95% CI where reported.")
X_LABEL = N_("Ratio (1 = no difference)")


#: Text alternative: what the figure shows, for screen readers and print.
DESCRIPTION = N_(
    'Dot plot of published ratios linking social connection to death and disease. Most ratios lie near 1.3 (for example isolation 1.29, loneliness 1.26, living alone 1.32 for mortality; 1.50 for survival with stronger relationships). In Steptoe et al. (2013) isolation predicted mortality (hazard ratio 1.26) but loneliness did not after adjustment (0.92).'
)


def health_risks() -> go.Figure:
    """Return a dot plot of the published ratios (static; no kernel needed)."""
    fig = go.Figure()
    rows = [f"{_(label)}<br><i>{_(source)}</i>" for label, *_mid, source in ESTIMATES]

    for measure, (legend, colour, symbol) in MEASURES.items():
        picked = [(row, e) for row, e in zip(rows, ESTIMATES) if e[1] == measure]
        if not picked:
            continue
        ratios = [e[2] for _, e in picked]
        plus = [(e[4] - e[2]) if e[4] is not None else None for _, e in picked]
        minus = [(e[2] - e[3]) if e[3] is not None else None for _, e in picked]
        fig.add_trace(
            go.Scatter(
                x=ratios,
                y=[row for row, _ in picked],
                mode="markers+text",
                name=_(legend),
                marker={"color": colour, "symbol": symbol, "size": 13,
                        "line": {"color": BLACK, "width": 1}},
                text=[
                    number(e[2], 2) + (f" ({number(e[3], 2)}–{number(e[4], 2)})" if e[3] is not None else "")
                    for _, e in picked
                ],
                textposition="top center",
                textfont={"color": BLACK, "size": 12},
                error_x={"type": "data", "symmetric": False,
                         "array": [p if p is not None else 0 for p in plus],
                         "arrayminus": [m if m is not None else 0 for m in minus],
                         "color": colour, "thickness": 2, "width": 6},
                hovertemplate="%{y}<br>" + _("ratio") + " %{x:.2f}<extra></extra>",
            )
        )

    fig.add_vline(x=1.0, line={"color": BLACK, "dash": "dash", "width": 1.5})
    fig.update_layout(
        title={"text": _(TITLE), "subtitle": {"text": _(SUBTITLE)}},
        xaxis={"title": {"text": _(X_LABEL)}, "range": [0.8, 1.85],
               "showgrid": True, "gridcolor": "#DDDDDD"},
        yaxis={"title": {"text": _("Published estimate (study)")},
               "categoryorder": "array", "categoryarray": rows[::-1]},
        legend={"title": {"text": _("What was measured")}, "orientation": "h",
                "y": -0.16, "x": 0.0, "yanchor": "top"},
    )
    return finish(fig, _(DESCRIPTION), height=655, margin={"l": 20, "r": 20, "t": 145, "b": 120},
                  narrow=_narrow_layout(rows))


def _short_row(label: str, source: str) -> str:
    """'Social isolation:<br>death (adj. HR), Steptoe 2013': a row label in two short lines."""
    measured, outcome = _(label).replace(_("adjusted"), _("adj.")).split(": ")
    author, year = source.split(" et al.")[0], re.search(r"\d{4}", source).group()
    return f"{measured}:<br>{outcome}, <i>{author} {year}</i>"


def _narrow_layout(rows: list[str]) -> dict:
    """On a phone: short title, two-line row labels, the legend below without its title."""
    return {
        "title.text": _("Connection and health"),
        "title.subtitle.text": _("Top row: odds of <b>survival</b>; others: risk<br>for the less connected. "
                                 "OR odds ratio,<br>HR hazard ratio, RR relative risk; bars: 95% CI;<br>"
                                 "dashed line: 1, no difference"),
        "height": 760,
        "margin": {"l": 5, "r": 10, "t": 145, "b": 150},
        "font.size": 11,
        "xaxis.title.text": _("Ratio"),
        "xaxis.range": [0.8, 2.15],
        "yaxis.title.text": "",
        "yaxis.tickmode": "array",
        "yaxis.tickvals": rows,
        "yaxis.ticktext": [_short_row(label, source) for label, *_mid, source in ESTIMATES],
        "yaxis.automargin": True,
        "legend.title.text": "",
        "legend.y": -0.1,
    }
