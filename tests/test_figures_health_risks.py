"""Chapter 5 figure: published health ratios for isolation and loneliness."""

import plotly.graph_objects as go

from socialbrain.figures import health_risks as mod

OKABE_ITO = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7",
             "#56B4E9", "#F0E442", "#000000"}


def _points(fig):
    """(row label, ratio, trace) for every plotted estimate."""
    return [(y, x, t) for t in fig.data for x, y in zip(t.x, t.y)]


def test_figure_has_title_and_axis_labels():
    fig = mod.health_risks()
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text
    assert "1 = no difference" in fig.layout.xaxis.title.text
    assert fig.layout.yaxis.title.text
    assert "survival" in fig.layout.title.subtitle.text


def test_every_estimate_plotted_once_with_its_value():
    points = _points(mod.health_risks())
    assert len(points) == len(mod.ESTIMATES)
    for label, _measure, ratio, *_rest in mod.ESTIMATES:
        hits = [x for y, x, _ in points if y.startswith(label)]
        assert hits == [ratio], label


def test_numbers_match_the_fact_sheet():
    by_label = {e[0]: e for e in mod.ESTIMATES}
    assert by_label["Stronger relationships: survival (OR)"][2:5] == (1.50, 1.42, 1.59)
    assert by_label["Social isolation: death (adjusted HR)"][2:5] == (1.26, 1.08, 1.48)
    assert by_label["Loneliness: death (adjusted HR)"][2] == 0.92
    assert by_label["Loneliness: death (adjusted OR)"][2] == 1.26
    assert by_label["Social isolation: death (adjusted OR)"][2] == 1.29
    assert by_label["Living alone: death (adjusted OR)"][2] == 1.32
    assert by_label["Poor relationships: stroke (RR)"][2] == 1.32


def test_confidence_intervals_only_where_reported():
    fig = mod.health_risks()
    for label, _m, ratio, lo, hi, *_ in mod.ESTIMATES:
        for trace in fig.data:
            if any(y.startswith(label) for y in trace.y):
                i = next(k for k, y in enumerate(trace.y) if y.startswith(label))
                plus, minus = trace.error_x.array[i], trace.error_x.arrayminus[i]
                if lo is None:
                    assert plus == 0 and minus == 0, label
                else:
                    assert abs(ratio + plus - hi) < 1e-9 and abs(ratio - minus - lo) < 1e-9
                    assert f"{lo:.2f}–{hi:.2f}" in trace.text[i]


def test_groups_differ_in_colour_and_shape():
    fig = mod.health_risks()
    colours = [t.marker.color for t in fig.data]
    symbols = [t.marker.symbol for t in fig.data]
    assert len(set(colours)) == len(fig.data) == len(set(symbols))
    assert set(colours) <= OKABE_ITO


def test_loneliness_and_isolation_are_separate_groups():
    fig = mod.health_risks()
    names = {t.name: list(t.y) for t in fig.data}
    loneliness = names[mod.MEASURES["loneliness"][0]]
    isolation = names[mod.MEASURES["isolation"][0]]
    assert all("Loneliness" in y for y in loneliness)
    assert not any("Loneliness" in y for y in isolation)
