"""Tests for the chapter 7 figure socialbrain.figures.thinking_errors."""

import re

import plotly.graph_objects as go

from socialbrain.figures.thinking_errors import STEPS, THINKING_ERRORS, thinking_errors

OKABE_ITO = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7",
             "#56B4E9", "#F0E442", "#000000", "#FFFFFF"}


def _plain(text):
    return re.sub(r"<br>", " ", text)


def test_returns_figure_with_title_and_axis_labels():
    fig = thinking_errors()
    assert isinstance(fig, go.Figure)
    assert "thinking errors" in fig.layout.title.text.lower()
    assert fig.layout.xaxis.title.text
    assert fig.layout.yaxis.title.text


def test_rows_are_the_four_thinking_errors_of_chapter_7():
    fig = thinking_errors()
    labels = [t.replace("-<br>", "").replace("<br>", " ") for t in fig.layout.yaxis.ticktext]
    assert labels == [
        "Overgeneralisation", "Personalisation", "Catastrophising", "Emotional reasoning"]
    # Top row is the first error.
    assert fig.layout.yaxis.tickvals[0] > fig.layout.yaxis.tickvals[-1]


def test_every_cell_text_is_drawn_once_in_its_column():
    fig = thinking_errors()
    texts = {(round(a.x, 3), round(a.y, 3)): a.text for a in fig.layout.annotations if a.text}
    assert len(texts) == len(THINKING_ERRORS) * len(STEPS)
    n = len(THINKING_ERRORS)
    for i, row in enumerate(THINKING_ERRORS):
        for col in range(len(STEPS)):
            assert texts[(col, n - 1 - i)] == row[col + 1]


def test_arrows_link_each_step_to_the_next():
    fig = thinking_errors()
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == len(THINKING_ERRORS) * (len(STEPS) - 1)
    for a in arrows:
        assert a.x > a.ax  # arrows point forwards, from step k to step k + 1


def test_colour_is_not_the_only_cue():
    fig = thinking_errors()
    # Okabe-Ito palette only.
    colours = {s.line.color for s in fig.layout.shapes} | {t.marker.color for t in fig.data}
    assert colours <= OKABE_ITO
    # Each step differs in colour, border dash AND marker symbol.
    assert len({s[1] for s in STEPS}) == len({s[2] for s in STEPS}) == len(
        {t.marker.symbol for t in fig.data}) == len(STEPS)
    assert [t.name for t in fig.data] == [s[0] for s in STEPS]
    for step_label, colour, dash, _ in STEPS:
        boxes = [s for s in fig.layout.shapes if s.line.color == colour]
        assert len(boxes) == len(THINKING_ERRORS)
        assert {b.line.dash for b in boxes} == {dash}


def test_balanced_thoughts_do_not_repeat_the_absolute_words():
    # The alternative should drop the all-or-nothing words of the automatic thought.
    for name, thought, _question, alternative in THINKING_ERRORS:
        for word in ("never", "nobody", "forever", "must be"):
            assert word not in _plain(alternative).lower(), (name, word)
