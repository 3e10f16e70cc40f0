"""Chapter 6 figure: Cacioppo's loneliness loop, with the evidence for each link."""

import plotly.graph_objects as go

from socialbrain.figures import loneliness_loop as mod

OKABE_ITO = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7",
             "#56B4E9", "#F0E442", "#000000"}


def _fig():
    return mod.loneliness_loop()


def _texts(fig):
    return [a.text for a in fig.layout.annotations if a.text]


def test_returns_figure_with_title_and_axis_label():
    fig = _fig()
    assert isinstance(fig, go.Figure)
    assert "loneliness loop" in fig.layout.title.text.lower()
    assert "Line style" in fig.layout.xaxis.title.text
    assert "not data" in fig.layout.title.subtitle.text


def test_one_line_per_link_styled_by_its_evidence():
    fig = _fig()
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == len(mod.LINKS)
    for trace, (_, _, category, *_rest) in zip(lines, mod.LINKS):
        style = mod.EVIDENCE[category]
        assert trace.line.color == style["color"]
        assert trace.line.dash == style["dash"]
        assert trace.name == style["label"]


def test_colour_is_not_the_only_cue():
    # Each evidence category has its own colour AND its own line style,
    # all colours come from the Okabe-Ito palette.
    dashes = [s["dash"] for s in mod.EVIDENCE.values()]
    colours = [s["color"] for s in mod.EVIDENCE.values()]
    assert len(set(dashes)) == len(dashes)
    assert len(set(colours)) == len(colours)
    assert set(colours) <= OKABE_ITO


def test_legend_lists_each_category_once():
    fig = _fig()
    in_legend = [t.name for t in fig.data if t.showlegend]
    assert sorted(in_legend) == sorted(s["label"] for s in mod.EVIDENCE.values())


def test_labels_name_the_studies_from_the_fact_sheet():
    text = " ".join(_texts(_fig()))
    for study in ["Lodder 2015", "Cacioppo 2009b", "Spithoven 2017", "Adam 2006",
                  "Doane & Adam 2010", "Arnsten 2009", "chain not tested"]:
        assert study in text, study


def test_loop_is_closed_and_cortisol_chain_is_marked_untested():
    loop = {(a, b) for a, b, *_ in mod.LINKS}
    # The main loop returns to "lonely" from "lonely".
    node, seen = "lonely", []
    for _ in range(5):
        node = next(b for a, b in loop if a == node and b != "cortisol")
        seen.append(node)
    assert seen[-1] == "lonely"
    category = {(a, b): c for a, b, c, *_ in mod.LINKS}
    assert category[("cortisol", "executive")] == "proposed"
    assert category[("lonely", "threat")] == "mixed"


def test_every_node_drawn_as_a_box():
    fig = _fig()
    boxed = [a.text for a in fig.layout.annotations if a.borderwidth]
    assert sorted(boxed) == sorted(node[2] for node in mod.NODES.values())


def test_lines_stop_outside_the_boxes():
    # Every line must start and end outside both boxes, or its arrowhead is hidden.
    for source, target, *_ in mod.LINKS:
        start, end = mod._segment(source, target)
        for point in (start, end):
            for x, y, _text, hw, hh in (mod.NODES[source], mod.NODES[target]):
                inside = abs(point[0] - x) < hw and abs(point[1] - y) < hh
                assert not inside, (source, target, point)
        # and the line still points from source to target
        sx, sy = mod.NODES[source][:2]
        tx, ty = mod.NODES[target][:2]
        assert (end[0] - start[0]) * (tx - sx) + (end[1] - start[1]) * (ty - sy) > 0
