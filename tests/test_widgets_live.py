"""Live (ipywidgets) and static (HTML) views of every chapter widget.

The live test builds each widget in Python, changes every control and checks
that the figure and the description change. The static tests check the HTML
contract the book's browser test relies on, and that the precomputed patches
reproduce what Python computes.
"""

import html as htmllib
import functools
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import ipywidgets
import pytest

import socialbrain.widgets as widgets
from socialbrain.widgets import embed, patches

NAMES = widgets.NAMES


def mod(name):
    return widgets.WIDGETS[name]


@functools.lru_cache(maxsize=None)
def static_html(name):
    """The static HTML of a widget (computed once per test session: it is the slow part)."""
    return embed.static_html(mod(name).spec())


def other_value(control, current):
    return next(v for v in control.values if v != current)


@pytest.mark.parametrize("name", NAMES)
def test_live_view_is_default_and_every_control_redraws(name, monkeypatch):
    monkeypatch.delenv(widgets.STATIC_ENV, raising=False)
    w = widgets.show(name)
    assert isinstance(w, ipywidgets.VBox)
    spec = w.spec
    for c in spec.controls:
        before_fig = w.figure.to_plotly_json()
        before_text = w.text
        before_shown = json.dumps(w.output.outputs[0]["data"]["application/vnd.plotly.v1+json"],
                                  sort_keys=True, default=str)
        ctl = w.controls[c.name]
        if c.kind == "checkbox":
            ctl.value = not ctl.value
        else:
            ctl.value = other_value(c, ctl.value)
        assert w.state[c.name] != spec.defaults[c.name]
        assert w.figure.to_plotly_json() != before_fig, f"{name}: {c.name} left the figure as it was"
        assert w.text != before_text, f"{name}: description not updated for {c.name}"
        assert w.output.outputs, "plot output empty"
        shown = w.output.outputs[0]["data"]["application/vnd.plotly.v1+json"]
        assert json.dumps(shown, sort_keys=True, default=str) != before_shown, "display not redrawn"


@pytest.mark.parametrize("name", NAMES)
def test_static_env_gives_html_with_root_controls_and_json(name, monkeypatch):
    monkeypatch.setenv(widgets.STATIC_ENV, "1")
    out = widgets.show(name)
    assert not isinstance(out, ipywidgets.Widget)
    assert f'data-widget="{name}"' in out._repr_html_()
    html = static_html(name)
    assert f'data-widget="{name}"' in html
    spec = mod(name).spec()
    for c in spec.controls:
        assert f'name="{c.name}"' in html
    m = re.search(r'<script type="application/json" class="sb-data">(.*?)</script>', html, re.S)
    payload = json.loads(m.group(1).replace("<\\/", "</"))
    assert payload["name"] == name
    assert payload["base"]["data"], "no traces"
    assert 'aria-live="polite"' in html
    assert "<label" in html or "<legend" in html
    # Nothing from another host.
    assert "http://" not in html and "https://" not in html
    # The static view of one widget stays small (page budget is 500 KB).
    assert len(html.encode()) < 250_000


@pytest.mark.parametrize("name", NAMES)
def test_static_patches_reproduce_python(name):
    spec = mod(name).spec()
    states = list(spec.states())
    random.Random(0).shuffle(states)
    assert patches.check_static(spec, [spec.defaults] + states[:25]) >= 1


@pytest.mark.parametrize("name", NAMES)
def test_static_description_is_the_default_state_text(name):
    spec = mod(name).spec()
    html = static_html(name)
    desc = re.search(r'<p class="sb-desc"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert htmllib.unescape(desc) == spec.text(spec.defaults)


def test_check_static_catches_a_wrong_factorisation():
    spec = mod("opioid_resilience").spec()
    # Claiming the sample size is independent of the rest is wrong: x depends on n and draw.
    spec.factors = (("region",), ("n",), ("r", "draw"))
    with pytest.raises(AssertionError):
        patches.check_static(spec, [dict(spec.defaults, n=200, draw=3)])


JS = Path(widgets.__file__).parent / "static" / "sb-widgets.js"
NODE_SHIM = """
const fs = require('fs');
global.window = { addEventListener() {} };
global.document = { readyState: 'complete', querySelectorAll: () => [], addEventListener() {} };
eval(fs.readFileSync(process.argv[1], 'utf8'));
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const out = input.states.map(idx => window.sbWidgets.compose(input.payload, idx));
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("name", ["opioid_resilience", "loneliness_map", "dunbar_layers"])
def test_the_shared_script_composes_states_exactly_like_python(name):
    spec = mod(name).spec()
    payload = patches.static_payload(spec)
    states = list(spec.states())
    random.Random(1).shuffle(states)
    indices = [{c.name: c.index(s[c.name]) for c in spec.controls} for s in states[:15]]
    run = subprocess.run(["node", "-e", NODE_SHIM, str(JS)], check=True, capture_output=True,
                         text=True, input=json.dumps({"payload": payload, "states": indices}))
    for idx, got in zip(indices, json.loads(run.stdout)):
        fig, fields = patches.compose(payload, idx)
        assert got["data"] == fig["data"]
        assert got["layout"] == fig["layout"]
        assert got["fields"] == fields


def test_shared_script_redraws_with_the_pages_plotly_and_updates_the_text():
    js = JS.read_text()
    assert "window.Plotly.react" in js
    assert "[data-widget]" in js
    assert "aria-valuetext" in js
    assert "http" not in js  # loads nothing from other hosts


def test_the_static_view_never_loads_ipywidgets():
    code = (f"import os, sys; os.environ[{widgets.STATIC_ENV!r}] = '1'; import socialbrain.widgets as w; "
            "w.show('wanting_liking'); assert 'ipywidgets' not in sys.modules, 'ipywidgets loaded'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_show_names_the_widgets_when_a_name_is_wrong():
    with pytest.raises(ValueError, match="loneliness_map"):
        widgets.show("lonelines_map")
