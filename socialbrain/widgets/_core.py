"""Shared machinery for the course widgets: one spec, two views.

Every widget is described once, as a :class:`WidgetSpec`: its controls, a
plain-Python function that builds the plotly figure for one state of the
controls, a function that returns the numbers and phrases the text
description needs, and a description template. From that spec this module
makes two views:

* the LIVE view (Jupyter with a kernel): ipywidgets controls, the figure in an
  ``ipywidgets.Output``, and the description, re-computed in Python on every
  change (:class:`LiveWidget`);
* the STATIC view (the hosted book, no kernel): an HTML snippet with native,
  labelled HTML controls, an empty plot ``<div>``, the description in an
  ``aria-live`` paragraph, and every state the controls can reach precomputed
  here and embedded as JSON. The one shared script ``static/sb-widgets.js``
  reads that JSON and redraws with the page's shared ``window.Plotly``.

Which view a call shows is decided in one place, :func:`static_mode`: the
book's Sphinx extension sets ``SOCIALBRAIN_STATIC=1`` for every build.

Keeping the static JSON small
-----------------------------
The first state (all controls at their defaults) is stored in full as the
*base*. Every other state is stored as a *patch*: only the trace properties,
layout keys and description fields that differ. A spec may split its controls
into *factors* (groups of controls whose effects are independent, e.g. one
control that only relabels an axis); each factor then has its own table of
patches and the script applies them in order, so the stored size grows with
the sum, not the product, of the grids. :func:`check_static` proves for a
spec that composing the patches gives exactly the figure and text that
Python computes for a state, and the tests run it for every widget.
"""

from __future__ import annotations

import base64
import contextlib
import html
import itertools
import json
import os
import string
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import plotly.graph_objects as go

from socialbrain.plotting import WIDGET_CONFIG, WIDGET_TEMPLATE

#: Environment variable the book build sets; "1" means "show the static view".
STATIC_ENV = "SOCIALBRAIN_STATIC"


def static_mode() -> bool:
    """True when a widget call should show the static (no-kernel) view."""
    return os.environ.get(STATIC_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def new_figure(traces: Sequence[dict] = (), *, height: int = 400, **layout: Any) -> go.Figure:
    """A figure with the widget template, sized to fit a 375-px phone.

    ``traces`` are plain dicts (``{"type": "scatter", ...}``): building the
    figure once from dicts is several times faster than ``add_scatter`` calls,
    which matters because the static view builds a figure per state.
    """
    base = {
        "template": WIDGET_TEMPLATE,
        "height": height,
        "margin": {"l": 50, "r": 12, "t": 30, "b": 50},
        "showlegend": False,
    }
    base.update(layout)
    return go.Figure(data=[dict(t) for t in traces], layout=base, _validate=not _FAST[0])


#: While True, new_figure skips plotly's (slow) validation: used only when
#: precomputing the static view's states, which check_static compares with
#: validated figures.
_FAST = [False]


@contextlib.contextmanager
def _fast_figures():
    _FAST[0] = True
    try:
        yield
    finally:
        _FAST[0] = False


def scatter(**props: Any) -> dict:
    """A scatter trace as a plain dict, for :func:`new_figure`."""
    return {"type": "scatter", **props}


# --------------------------------------------------------------------------
# Controls and spec
# --------------------------------------------------------------------------

KINDS = ("select", "radio", "range", "checkbox")


@dataclass(frozen=True)
class Control:
    """One control of a widget.

    ``options`` is a sequence of ``(value, label)`` pairs: the value is what
    the model functions receive, the label what the reader sees. A ``range``
    control is a slider over the options (in order); a ``checkbox`` has
    exactly two options, unchecked first.
    """

    name: str
    label: str
    kind: str
    options: tuple
    default: Any

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown control kind {self.kind!r}")
        if self.kind == "checkbox" and len(self.options) != 2:
            raise ValueError("a checkbox control needs exactly two options")
        if self.default not in self.values:
            raise ValueError(f"default {self.default!r} of {self.name!r} is not an option")

    @property
    def values(self) -> list:
        return [v for v, _ in self.options]

    @property
    def labels(self) -> list[str]:
        return [str(lab) for _, lab in self.options]

    def index(self, value: Any) -> int:
        return self.values.index(value)


@dataclass
class WidgetSpec:
    """Everything a widget is, independent of how it is shown.

    figure(state) -> go.Figure and fields(state) -> {name: str} receive a
    state: a dict {control name: value}. ``description`` is a template whose
    ``{name}`` placeholders are filled from the fields; it is the text
    alternative to the plot, kept current in both views. ``summary`` is an
    optional list of (row label, field name) shown as a small table.
    ``factors`` groups the controls for compact storage (see module doc);
    None means one factor holding every control.
    """

    name: str
    title: str
    controls: Sequence[Control]
    figure: Callable[[dict], go.Figure]
    fields: Callable[[dict], dict]
    description: str
    source: str
    note: str = ""
    summary: Sequence[tuple[str, str]] = ()
    factors: Sequence[Sequence[str]] | None = None
    fields_only: Sequence[int] = ()

    def __post_init__(self):
        names = [c.name for c in self.controls]
        if len(set(names)) != len(names):
            raise ValueError("control names must be unique")
        if self.factors is None:
            self.factors = (tuple(names),)
        covered = set(itertools.chain.from_iterable(self.factors))
        if covered != set(names):
            raise ValueError("factors must cover exactly the controls")
        placeholders = {f for _, f, _, _ in string.Formatter().parse(self.description) if f}
        self._placeholders = placeholders

    @property
    def defaults(self) -> dict:
        return {c.name: c.default for c in self.controls}

    def control(self, name: str) -> Control:
        return next(c for c in self.controls if c.name == name)

    def states(self):
        """Every state the controls can reach."""
        for combo in itertools.product(*(c.values for c in self.controls)):
            yield dict(zip((c.name for c in self.controls), combo))

    def text(self, state: dict) -> str:
        """The description for a state."""
        return self.description.format(**self.fields(state))

    def show(self):
        """The view for this environment (static in the book build, live otherwise)."""
        return static_view(self) if static_mode() else LiveWidget(self)


# --------------------------------------------------------------------------
# Plain JSON (rounded) and patches
# --------------------------------------------------------------------------

def _decode_typed_array(obj: dict) -> list:
    arr = np.frombuffer(base64.b64decode(obj["bdata"]), dtype=np.dtype(obj["dtype"]))
    if "shape" in obj:
        shape = obj["shape"]
        if isinstance(shape, str):
            shape = [int(s) for s in shape.split(",")]
        arr = arr.reshape(shape)
    return arr.tolist()


def plain(obj: Any, digits: int = 3) -> Any:
    """Turn plotly JSON into plain, rounded JSON values (no numpy, no base64)."""
    if isinstance(obj, dict):
        if "bdata" in obj and "dtype" in obj:
            return plain(_decode_typed_array(obj), digits)
        return {k: plain(v, digits) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v, digits) for v in obj]
    if isinstance(obj, np.ndarray):
        return plain(obj.tolist(), digits)
    if isinstance(obj, (np.bool_, bool)):
        return bool(obj)
    if isinstance(obj, (np.integer, int)):
        return int(obj)
    if isinstance(obj, (np.floating, float)):
        x = round(float(obj), digits)
        return int(x) if x.is_integer() and abs(x) < 1e15 else x
    return obj


def figure_json(fig: go.Figure, digits: int = 3) -> dict:
    """{'data': [...], 'layout': {...}} as plain rounded JSON."""
    j = plain(fig.to_plotly_json(), digits)
    return {"data": j.get("data", []), "layout": j.get("layout", {})}


@dataclass
class _Computed:
    fig: dict
    fields: dict


def _compute(spec: WidgetSpec, state: dict) -> _Computed:
    return _Computed(figure_json(spec.figure(state)),
                     {k: str(v) for k, v in spec.fields(state).items()})


def _varying(composed: list[_Computed], wanted: list[_Computed]):
    """Trace props, layout keys and fields where what the earlier factors give
    (composed) differs from the truth (wanted) in any state of a factor's grid."""
    trace_props = [set() for _ in range(len(wanted[0].fig["data"]))]
    layout_keys, field_keys = set(), set()
    for have, want in zip(composed, wanted):
        if len(want.fig["data"]) != len(have.fig["data"]):
            raise ValueError("every state of a widget must draw the same number of traces")
        for i, (ht, wt) in enumerate(zip(have.fig["data"], want.fig["data"])):
            for k in set(ht) | set(wt):
                if ht.get(k) != wt.get(k):
                    trace_props[i].add(k)
        for k in set(have.fig["layout"]) | set(want.fig["layout"]):
            if have.fig["layout"].get(k) != want.fig["layout"].get(k):
                layout_keys.add(k)
        for k in set(have.fields) | set(want.fields):
            if have.fields.get(k) != want.fields.get(k):
                field_keys.add(k)
    return trace_props, layout_keys, field_keys


def _patch(c: _Computed, trace_props, layout_keys, field_keys) -> dict:
    patch = {}
    d = {str(i): {k: c.fig["data"][i].get(k) for k in sorted(props)}
         for i, props in enumerate(trace_props) if props}
    if d:
        patch["d"] = d
    if layout_keys:
        patch["l"] = {k: c.fig["layout"].get(k) for k in sorted(layout_keys)}
    if field_keys:
        patch["f"] = {k: c.fields.get(k) for k in sorted(field_keys)}
    return patch


def factor_key(spec: WidgetSpec, names: Sequence[str], state: dict) -> str:
    """The key of a state within one factor: option indices joined by '|'."""
    return "|".join(str(spec.control(n).index(state[n])) for n in names)


def static_payload(spec: WidgetSpec) -> dict:
    """Everything the shared script needs, as plain JSON (see _static_payload)."""
    with _fast_figures():
        return _static_payload(spec)


def _static_payload(spec: WidgetSpec) -> dict:
    """Factors are processed in order. For each state of a factor's grid (other
    controls at their defaults) the patch holds what the base plus the
    earlier factors' patches get wrong, so a later factor that spans several
    controls stores only what depends on them jointly. A factor listed in
    ``spec.fields_only`` promises not to change the figure (only the text),
    which saves computing figures for its whole grid; check_static verifies
    every promise.
    """
    defaults = spec.defaults
    base = _compute(spec, defaults)
    payload = {
        "name": spec.name,
        "controls": [{"name": c.name, "kind": c.kind, "labels": c.labels} for c in spec.controls],
        "base": {"data": base.fig["data"], "layout": base.fig["layout"], "fields": base.fields},
        "factors": [],
        "description": spec.description,
        "config": WIDGET_CONFIG,
    }
    for k, names in enumerate(spec.factors):
        controls = [spec.control(n) for n in names]
        keys, composed, wanted = [], [], []
        for combo in itertools.product(*(c.values for c in controls)):
            state = dict(defaults, **dict(zip(names, combo)))
            indices = {c.name: c.index(state[c.name]) for c in spec.controls}
            fig, fields = compose(payload, indices, upto=k)
            have = _Computed(fig, fields)
            if k in spec.fields_only:
                want = _Computed(fig, {kk: str(v) for kk, v in spec.fields(state).items()})
            else:
                want = _compute(spec, state)
            keys.append(factor_key(spec, names, state))
            composed.append(have)
            wanted.append(want)
        tp, lk, fk = _varying(composed, wanted)
        patches = {key: _patch(w, tp, lk, fk) for key, w in zip(keys, wanted)}
        payload["factors"].append({"controls": list(names), "patches": patches})
    return payload


def compose(payload: dict, indices: dict, upto: int | None = None) -> tuple[dict, dict]:
    """What sb-widgets.js draws for a state, given as {control name: option index}.

    A Python mirror of the script's ``compose`` so tests can prove the stored
    patches reproduce every state. ``upto`` applies only the first factors.
    """
    data = [dict(t) for t in payload["base"]["data"]]
    layout = dict(payload["base"]["layout"])
    fields = dict(payload["base"]["fields"])
    for factor in payload["factors"][:upto]:
        key = "|".join(str(indices[n]) for n in factor["controls"])
        patch = factor["patches"][key]
        for i, props in patch.get("d", {}).items():
            for k, v in props.items():
                if v is None:
                    data[int(i)].pop(k, None)
                else:
                    data[int(i)][k] = v
        for k, v in patch.get("l", {}).items():
            if v is None:
                layout.pop(k, None)
            else:
                layout[k] = v
        fields.update(patch.get("f", {}))
    return {"data": data, "layout": layout}, fields


def check_static(spec: WidgetSpec, states: Sequence[dict] | None = None) -> int:
    """Raise AssertionError unless composed patches equal direct computation.

    Checks the given states (default: all) against figures built WITH
    plotly's validation, so it also proves the fast precomputation is right.
    Returns how many states were checked.
    """
    payload = static_payload(spec)
    states = list(spec.states()) if states is None else list(states)
    for state in states:
        indices = {c.name: c.index(state[c.name]) for c in spec.controls}
        fig, fields = compose(payload, indices)
        want = _compute(spec, state)
        assert fig == want.fig, f"{spec.name}: figure differs for {state}"
        assert fields == want.fields, f"{spec.name}: fields differ for {state}"
    return len(states)


# --------------------------------------------------------------------------
# Static view (HTML snippet for the book)
# --------------------------------------------------------------------------

def _esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def _control_html(c: Control, uid: str) -> str:
    cid = f"{uid}-{c.name}"
    default = c.index(c.default)
    if c.kind == "select":
        opts = "".join(
            f'<option value="{i}"{" selected" if i == default else ""}>{_esc(lab)}</option>'
            for i, lab in enumerate(c.labels))
        return (f'<div class="sb-control sb-select"><label for="{cid}">{_esc(c.label)}</label>'
                f'<select id="{cid}" name="{c.name}">{opts}</select></div>')
    if c.kind == "range":
        lab = c.labels[default]
        return (f'<div class="sb-control sb-range"><label for="{cid}">{_esc(c.label)}</label>'
                f'<input type="range" id="{cid}" name="{c.name}" min="0" max="{len(c.options) - 1}" '
                f'step="1" value="{default}" aria-valuetext="{_esc(lab)}">'
                f'<output for="{cid}" id="{cid}-value" aria-hidden="true">{_esc(lab)}</output></div>')
    if c.kind == "radio":
        items = "".join(
            f'<label class="sb-radio"><input type="radio" name="{c.name}" value="{i}"'
            f'{" checked" if i == default else ""}> {_esc(lab)}</label>'
            for i, lab in enumerate(c.labels))
        return (f'<fieldset class="sb-control sb-radios"><legend>{_esc(c.label)}</legend>'
                f'{items}</fieldset>')
    # checkbox
    return (f'<div class="sb-control sb-checkbox"><input type="checkbox" id="{cid}" name="{c.name}"'
            f'{" checked" if default == 1 else ""}> <label for="{cid}">{_esc(c.label)}</label></div>')


def _summary_html(spec: WidgetSpec, fields: dict, static: bool) -> str:
    if not spec.summary:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{_esc(label)}</th>'
        f'<td{f" data-field={chr(34)}{name}{chr(34)}" if static else ""}>{_esc(fields[name])}</td></tr>'
        for label, name in spec.summary)
    return f'<table class="sb-summary"><tbody>{rows}</tbody></table>'


def _json_for_script(payload: dict) -> str:
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    # Nothing inside a <script> may close it.
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


_COUNTER: dict[str, int] = {}


def static_html(spec: WidgetSpec, uid: str | None = None) -> str:
    """The static view as an HTML string (see module doc and the DOM contract in README)."""
    if uid is None:  # deterministic (stable book builds), unique within one kernel
        _COUNTER[spec.name] = _COUNTER.get(spec.name, 0) + 1
        uid = f"sbw-{spec.name}-{_COUNTER[spec.name]}"
    payload = static_payload(spec)
    fields = payload["base"]["fields"]
    controls = "".join(_control_html(c, uid) for c in spec.controls)
    note = f'<p class="sb-note">{_esc(spec.note)}</p>' if spec.note else ""
    return (
        f'<div class="sb-widget" data-widget="{spec.name}" id="{uid}" role="group" '
        f'aria-labelledby="{uid}-title">'
        f'<p class="sb-title" id="{uid}-title">{_esc(spec.title)}</p>'
        f'{note}'
        f'<form class="sb-controls" aria-label="Controls: {_esc(spec.title)}">{controls}</form>'
        f'<div class="sb-plot" role="img" aria-label="Plot: {_esc(spec.title)}" '
        f'aria-describedby="{uid}-desc"></div>'
        f'{_summary_html(spec, fields, static=True)}'
        f'<p class="sb-desc" id="{uid}-desc" aria-live="polite">'
        f'{_esc(spec.description.format(**fields))}</p>'
        f'<p class="sb-source">{_esc(spec.source)}</p>'
        f'<noscript><p class="sb-noscript">The plot and controls need JavaScript; '
        f'the text above describes the default setting.</p></noscript>'
        f'<script type="application/json" class="sb-data">{_json_for_script(payload)}</script>'
        f'</div>'
    )


def static_view(spec: WidgetSpec):
    """The static view as an IPython HTML display object (a text/html output)."""
    from IPython.display import HTML

    return HTML(static_html(spec))


# --------------------------------------------------------------------------
# Live view (ipywidgets, needs a kernel)
# --------------------------------------------------------------------------

def _ipy_control(c: Control):
    """(control, container): the ipywidget, and what to lay out (label above it).

    ipywidgets puts a description left of its control, which squeezes a
    slider to nothing on a phone when the label is long; so the label goes on
    its own line (also kept as the control's tooltip, its accessible name).
    """
    import ipywidgets as w

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
    label = w.HTML(f"<b>{_esc(c.label)}</b>")
    return ctl, w.VBox([label, ctl], layout=w.Layout(max_width="100%"))


def _import_widgets():
    import ipywidgets

    return ipywidgets


class LiveWidget(_import_widgets().VBox):
    """The live view: controls, plot and description, recomputed in Python.

    ``controls`` maps control names to ipywidgets; ``figure`` is the current
    plotly figure; ``fields`` and ``text`` the current description. Setting a
    control's ``value`` redraws synchronously, so tests can check it.
    """

    def __init__(self, spec: WidgetSpec):
        w = _import_widgets()
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
            f'<p style="font-weight:600;margin:0">{_esc(spec.title)}</p>'
            + (f'<p style="margin:0.2em 0">{_esc(spec.note)}</p>' if spec.note else ""))
        source = w.HTML(f'<p style="font-size:90%;margin:0">{_esc(spec.source)}</p>')
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
        self.figure = self.spec.figure(state)
        self.fields = {k: str(v) for k, v in self.spec.fields(state).items()}
        self.text = self.spec.description.format(**self.fields)
        self.description_html.value = f'<p aria-live="polite">{_esc(self.text)}</p>'
        self.summary_html.value = _summary_html(self.spec, self.fields, static=False)
        self.output.outputs = (_display_data(self.figure),)


def _display_data(fig: go.Figure) -> dict:
    """fig as one Jupyter display_data output, as the course renderer shows it.

    Built directly from the figure's mime bundle (plotly JSON for JupyterLab /
    Notebook 7, plus HTML), so it works the same with or without a kernel.
    """
    data = dict(fig._repr_mimebundle_(None, None) or {})
    data.setdefault("text/plain", f"<plotly figure: {len(fig.data)} traces>")
    return {"output_type": "display_data", "data": data, "metadata": {}}
