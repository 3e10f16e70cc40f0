"""Tests for the chapter 4 figure: the evidence ladder for 'love is an addiction'."""

import plotly.graph_objects as go

from socialbrain.figures.addiction_analogy import (
    EVIDENCE_SOURCES,
    STEPS,
    addiction_analogy_ladder,
)

OKABE_ITO = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"}


def _all_text(fig: go.Figure) -> str:
    """Every piece of text a reader can see in the figure, joined."""
    layout = fig.layout
    parts = [layout.title.text, layout.xaxis.title.text, layout.yaxis.title.text]
    parts += list(layout.xaxis.ticktext) + list(layout.yaxis.ticktext)
    parts += [a.text for a in layout.annotations if a.text]
    return " ".join(p for p in parts if p).replace("<br>", " ")


def test_returns_figure_with_title_and_axis_labels():
    fig = addiction_analogy_ladder()
    assert isinstance(fig, go.Figure)
    assert "addiction" in fig.layout.title.text
    assert fig.layout.xaxis.title.text
    assert fig.layout.yaxis.title.text


def test_reports_fisher_2010_sample_and_regions():
    text = _all_text(addiction_analogy_ladder())
    # Fisher et al. (2010): 15 people, 10 women and 5 men.
    assert "n = 15" in text
    assert "10 women, 5 men" in text
    for region in ("ventral tegmental area", "ventral striatum", "cingulate gyrus"):
        assert region in text


def test_one_point_per_step_in_the_right_column():
    fig = addiction_analogy_ladder()
    points = {}
    for trace in fig.data:
        for x, y in zip(trace.x, trace.y):
            points[y] = x
    assert sorted(points) == list(range(1, len(STEPS) + 1))
    # Design and observation were measured in the study; the conclusion was not tested.
    assert points[1] == 0 and points[2] == 0
    assert points[3] == 1
    assert points[len(STEPS)] == len(EVIDENCE_SOURCES) - 1
    assert "Not tested" in EVIDENCE_SOURCES[points[len(STEPS)]].label


def test_colour_is_not_the_only_cue():
    fig = addiction_analogy_ladder()
    colours = [trace.marker.color for trace in fig.data]
    symbols = [trace.marker.symbol for trace in fig.data]
    assert set(colours) <= OKABE_ITO
    assert len(set(colours)) == len(fig.data)
    assert len(set(symbols)) == len(fig.data), "each source needs its own marker shape"
    # Each column is also named in words on the x-axis.
    assert len(fig.layout.xaxis.ticktext) == len(EVIDENCE_SOURCES)


def test_arrows_link_consecutive_steps():
    fig = addiction_analogy_ladder()
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == len(STEPS) - 1
    assert [a.y for a in arrows] == list(range(2, len(STEPS) + 1))
