"""Every state of a widget, stored small, and proven to redraw exactly as Python draws it.

The static view (:mod:`socialbrain.widgets.embed`) carries every state the
controls can reach, so the book needs no kernel. The first state (all
controls at their defaults) is stored in full as the *base*; every other
state as a *patch*: only the trace properties, layout keys and description
fields that differ. A spec may split its controls into *factors* (groups of
controls whose effects are independent, e.g. one control that only relabels
an axis); each factor then has its own table of patches and the script
applies them in order, so the stored size grows with the sum, not the
product, of the grids.

:func:`compose` is the Python twin of ``compose`` in ``static/sb-widgets.js``,
and :func:`check_static` proves for a spec that composing the patches gives
exactly the figure and text that Python computes for a state; the tests run
it for every widget, and run the script's ``compose`` against this one.
"""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import plotly.graph_objects as go

from socialbrain.plotting import WIDGET_CONFIG
from socialbrain.widgets.spec import WidgetSpec


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
    return _Computed(figure_json(spec.draw(state)), spec.field_texts(state))


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
    """Everything the shared script needs, as plain JSON.

    Factors are processed in order. For each state of a factor's grid (other
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
                want = _Computed(fig, spec.field_texts(state))
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

    Checks the given states (default: all). Returns how many states were checked.
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
