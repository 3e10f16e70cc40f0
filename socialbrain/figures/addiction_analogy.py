"""From brain scan to "love is an addiction": which step rests on what evidence.

Chapter 4 ("Love, loss and craving") uses this figure to show students how a
popular claim is built from steps of different strength. Fisher et al. (2010)
scanned 15 recently rejected people (10 women, 5 men) who were still intensely
in love. What they *measured* was more activity for the rejecter's photo than
for a familiar neutral person's photo in reward-related regions. That some of
these regions are also active in cocaine craving comes from *other* studies.
That rejected love therefore *is* an addiction was not tested at all.

The figure is a ladder: one row per step of the argument (read from the bottom
up), one column per source of evidence. Each source has its own colour
(Okabe-Ito, colour-blind safe), marker shape and text label, so colour is never
the only cue. No data are simulated; the only numbers are those reported by
Fisher et al. (2010) (``fisher2010`` in references.bib).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from socialbrain.i18n import N_, _
from socialbrain.plotting import GREEN, ORANGE, VERMILLION, finish

__all__ = ["EVIDENCE_SOURCES", "STEPS", "addiction_analogy_ladder"]


@dataclass(frozen=True)
class EvidenceSource:
    """One column of the ladder: where the support for a step comes from."""

    label: str
    short: str
    colour: str
    symbol: str


# Okabe-Ito colours; shapes differ as well, so the figure also works in greyscale.
EVIDENCE_SOURCES: tuple[EvidenceSource, ...] = (
    EvidenceSource(N_("Measured in Fisher et al. (2010)"), N_("This<br>study"), GREEN, "circle"),
    EvidenceSource(N_("Borrowed from other studies"), N_("Other<br>studies"), ORANGE, "diamond"),
    EvidenceSource(N_("Not tested (interpretation)"), N_("Not<br>tested"), VERMILLION, "x"),
)


@dataclass(frozen=True)
class Step:
    """One rung of the ladder: a step in the argument and its evidence source."""

    name: str
    detail: str
    source: int  # index into EVIDENCE_SOURCES


STEPS: tuple[Step, ...] = (
    Step(
        N_("1. Design"),
        N_("15 people (10 women, 5 men), recently rejected and still intensely in love, "
           "looked at a photo of the rejecter and of a familiar neutral person"),
        0,
    ),
    Step(
        N_("2. Observation"),
        N_("More activity for the rejecter in the ventral tegmental area (both sides), "
           "ventral striatum, orbitofrontal/prefrontal cortex and cingulate gyrus"),
        0,
    ),
    Step(
        N_("3. Overlap"),
        N_("Some of these regions were also active in earlier studies of cocaine craving"),
        1,
    ),
    Step(
        N_("4. Conclusion"),
        N_("'Rejected love is an addiction': an interpretation of overlapping regions, "
           "not a test of an addiction mechanism"),
        2,
    ),
)


def _wrap(text: str, width: int = 38) -> str:
    """Break a long label into lines for plotly (which does not wrap text itself)."""
    return "<br>".join(textwrap.wrap(text, width=width))


#: Text alternative: what the figure shows, for screen readers and print.
DESCRIPTION = N_(
    'A ladder of four steps, read from the bottom up: the design of Fisher et al. (2010), what they observed, the overlap with regions active in cocaine craving, and the conclusion that rejected love is an addiction. Only the first two steps were measured in that study; the overlap is borrowed from other studies, and the conclusion was not tested.'
)


def addiction_analogy_ladder() -> go.Figure:
    """Return the evidence ladder for the love-as-addiction claim as a plotly Figure.

    Rows are the steps of the argument (bottom to top); the column, colour,
    marker shape and text label of each point show where the support for that
    step comes from. Dotted arrows connect the steps in reading order.
    """
    fig = go.Figure()

    # One trace per evidence source, so the legend explains colour and shape.
    for index, source in enumerate(EVIDENCE_SOURCES):
        rows = [(i + 1, step) for i, step in enumerate(STEPS) if step.source == index]
        fig.add_trace(
            go.Scatter(
                x=[index] * len(rows),
                y=[y for y, _step in rows],
                mode="markers",
                name=_(source.label),
                marker={
                    "size": 22,
                    "color": source.colour,
                    "symbol": source.symbol,
                    "line": {"width": 2, "color": "#000000"},
                },
                customdata=[_(step.detail) for _y, step in rows],
                hovertemplate="%{customdata}<extra>" + _(source.label) + "</extra>",
            )
        )

    # Dotted arrows from each step to the next: the chain of reasoning.
    for i in range(len(STEPS) - 1):
        fig.add_annotation(
            x=STEPS[i + 1].source,
            y=i + 2,
            ax=STEPS[i].source,
            ay=i + 1,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=3,
            arrowsize=1.2,
            arrowwidth=1.5,
            arrowcolor="#000000",
            standoff=16,
            startstandoff=16,
            opacity=0.6,
            text="",
        )

    # The detail of each step, as text beside the columns (readable in print too).
    for i, step in enumerate(STEPS):
        fig.add_annotation(
            x=0.43,
            y=i + 1,
            xref="paper",
            yref="y",
            xanchor="left",
            align="left",
            showarrow=False,
            text=_wrap(_(step.detail)),
            font={"size": 12, "color": "#000000"},
        )

    fig.update_layout(
        title={
            "text": _("From brain scan to 'love is an addiction'") + "<br><sup>"
            + _("Fisher et al. (2010), n = 15. One row per step; read from the bottom up.") + "</sup>",
            "x": 0.01,
            "xanchor": "left",
        },
        xaxis={
            "title": {"text": _("Source of the evidence")},
            "tickmode": "array",
            "tickvals": list(range(len(EVIDENCE_SOURCES))),
            "ticktext": [_(source.short) for source in EVIDENCE_SOURCES],
            "tickangle": 0,
            "range": [-0.5, len(EVIDENCE_SOURCES) - 0.5],
            "domain": [0.0, 0.40],
            "showgrid": False,
            "zeroline": False,
        },
        yaxis={
            "title": {"text": _("Step in the argument")},
            "tickmode": "array",
            "tickvals": list(range(1, len(STEPS) + 1)),
            "ticktext": ["<b>" + _(step.name) + "</b>" for step in STEPS],
            "range": [0.4, len(STEPS) + 0.6],
            "showgrid": True,
            "gridcolor": "#DDDDDD",
            "zeroline": False,
            "tickfont": {"size": 13},
        },
        # The columns are labelled on the x-axis, so a legend would only repeat them.
        showlegend=False,
        font={"color": "#000000"},
    )
    fig.update_yaxes(automargin=True)
    return finish(fig, _(DESCRIPTION), height=500, margin={"l": 20, "r": 20, "t": 90, "b": 50},
                  narrow=_narrow_layout(first_detail=len(STEPS) - 1))


def _narrow_layout(first_detail: int) -> dict:
    """On a phone: a short title, the legend below instead of crowded column labels, narrower text."""
    narrow = {
        "title.text": _("Brain scan to 'addiction'") + "<br><sup>" + _("Fisher et al. 2010, n = 15; read bottom up")
                      + "</sup>",
        "height": 640,
        "margin": {"l": 5, "r": 5, "t": 70, "b": 10},
        "xaxis.domain": [0.0, 0.28],
        "xaxis.showticklabels": False,
        "xaxis.title.text": "",
        "yaxis.title.text": "",
        "yaxis.tickfont.size": 11,
        "showlegend": True,
        "legend": {"orientation": "v", "x": 0, "y": -0.02, "yanchor": "top",
                   "title": {"text": _("Source of the evidence"), "side": "top"}},
    }
    for i, step in enumerate(STEPS):
        narrow[f"annotations[{first_detail + i}].x"] = 0.3
        narrow[f"annotations[{first_detail + i}].text"] = _wrap(_(step.detail), width=26)
        narrow[f"annotations[{first_detail + i}].font.size"] = 11
    return narrow
