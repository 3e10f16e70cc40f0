"""The live view of a widget (Jupyter with a kernel): ipywidgets, recomputed in Python.

Controls are ipywidgets, the figure sits in an ``ipywidgets.Output``, and the
description and summary are computed again on every change. Only this
module needs ipywidgets, so the book build, which shows the static view,
never loads it.
"""

from __future__ import annotations

import html

import ipywidgets as w
import plotly.graph_objects as go

from socialbrain.widgets.embed import summary_html
from socialbrain.widgets.spec import Control, WidgetSpec


def _ipy_control(c: Control):
    """(control, container): the ipywidget, and what to lay out (label above it).

    ipywidgets puts a description left of its control, which squeezes a
    slider to nothing on a phone when the label is long; so the label goes on
    its own line (also kept as the control's tooltip, its accessible name).
    """
    opts = [(lab, val) for val, lab in c.options]
    common = {"tooltip": c.label, "layout": w.Layout(width="auto", max_width="100%")}
    if c.kind == "checkbox":
        ctl = w.Checkbox(value=bool(c.index(c.default)), description=c.label, indent=False,
                         layout=w.Layout(width="auto", max_width="100%"))
        return ctl, ctl
    if c.kind == "select":
        ctl = w.Dropdown(options=opts, value=c.default, **common)
    elif c.kind == "range":
        ctl = w.SelectionSlider(options=opts, value=c.default, continuous_update=False,
                                tooltip=c.label, layout=w.Layout(width="20em", max_width="100%"))
    else:
        ctl = w.RadioButtons(options=opts, value=c.default, **common)
    label = w.HTML(f"<b>{html.escape(c.label)}</b>")
    return ctl, w.VBox([label, ctl], layout=w.Layout(max_width="100%"))


class LiveWidget(w.VBox):
    """The live view: controls, plot and description, recomputed in Python.

    ``controls`` maps control names to ipywidgets; ``figure`` is the current
    plotly figure; ``fields`` and ``text`` the current description. Setting a
    control's ``value`` redraws synchronously, so tests can check it.
    """

    def __init__(self, spec: WidgetSpec):
        self.spec = spec
        made = {c.name: _ipy_control(c) for c in spec.controls}
        self.controls = {name: ctl for name, (ctl, _) in made.items()}
        self.output = w.Output(layout=w.Layout(width="100%"))
        self.description_html = w.HTML()
        self.summary_html = w.HTML()
        self.figure: go.Figure | None = None
        self.fields: dict = {}
        self.text = ""
        header = w.HTML(
            f'<p style="font-weight:600;margin:0">{html.escape(spec.title)}</p>'
            + (f'<p style="margin:0.2em 0">{html.escape(spec.note)}</p>' if spec.note else ""))
        source = w.HTML(f'<p style="font-size:90%;margin:0">{html.escape(spec.source)}</p>')
        box = w.Box([box for _, box in made.values()],
                    layout=w.Layout(display="flex", flex_flow="row wrap", grid_gap="0.3em 1.2em"))
        super().__init__([header, box, self.output, self.summary_html,
                          self.description_html, source],
                         layout=w.Layout(width="100%", max_width="760px"))
        for ctl in self.controls.values():
            ctl.observe(self._on_change, names="value")
        self.redraw()

    @property
    def state(self) -> dict:
        state = {}
        for c in self.spec.controls:
            v = self.controls[c.name].value
            state[c.name] = c.values[int(bool(v))] if c.kind == "checkbox" else v
        return state

    def _on_change(self, _change=None):
        self.redraw()

    def redraw(self):
        state = self.state
        self.figure = self.spec.draw(state)
        self.fields = self.spec.field_texts(state)
        self.text = self.spec.description.format(**self.fields)
        self.description_html.value = f'<p aria-live="polite">{html.escape(self.text)}</p>'
        self.summary_html.value = summary_html(self.spec, self.fields, static=False)
        self.output.outputs = (_display_data(self.figure),)


#: The live figure's width in px: it fits the widget's 760 px.
FIGURE_WIDTH = 720


def _display_data(fig: go.Figure) -> dict:
    """fig as one Jupyter display_data output, as the course renderer shows it.

    Built directly from the figure's mime bundle (plotly JSON for JupyterLab /
    Notebook 7, plus HTML), so it works the same with or without a kernel.
    The figure gets a fixed width and height: JupyterLab's plotly renderer
    resizes a figure that lacks either to its container, and inside an
    ``Output`` widget that container is 0 px high, so the figure collapsed
    about a second after drawing. With both set, plotly leaves the size alone.
    """
    fig = go.Figure(fig).update_layout(width=FIGURE_WIDTH, height=fig.layout.height or 450, autosize=False)
    data = dict(fig._repr_mimebundle_(None, None) or {})
    data.setdefault("text/plain", f"<plotly figure: {len(fig.data)} traces>")
    return {"output_type": "display_data", "data": data, "metadata": {}}
