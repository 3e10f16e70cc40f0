"""Every widget on the built book works with no kernel, by keyboard alone.

For each widget page, each control is reached with Tab-free focus and
operated with the keys a keyboard user has (arrows, Home/End, Space); after
every key the plot's data (read from the Plotly div) and the aria-live
description must change, with no console error.
"""

import json

import pytest

WIDGET_PAGES = {
    "dunbar_layers": "book/01-wired-for-others.html",
    "pain_overlap": "book/02-rejection-hurts.html",
    "opioid_resilience": "book/03-the-brains-own-painkillers.html",
    "wanting_liking": "book/03-the-brains-own-painkillers.html",
    "loneliness_map": "book/05-loneliness-is-not-isolation.html",
    "approach_avoidance": "book/08-approach-and-avoidance.html",
}

#: the key that moves each kind of control to another state
KEYS = {"range": "ArrowRight", "select-one": "ArrowDown", "radio": "ArrowDown", "checkbox": "Space"}


def _snapshot(root):
    return root.evaluate(
        "r => JSON.stringify({data: r.querySelector('.sb-plot').data, layout: r.querySelector('.sb-plot').layout,"
        " desc: r.querySelector('.sb-desc').textContent, state: r.dataset.state})"
    )


@pytest.mark.parametrize("widget", sorted(WIDGET_PAGES))
def test_every_control_changes_the_plot_by_keyboard(server, context, widget):
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(f"{server}/{WIDGET_PAGES[widget]}")
    root = page.locator(f'[data-widget="{widget}"]')
    root.wait_for()
    # The widget's states and plotly.js load once it comes near the screen; it is set up and drawn then.
    root.scroll_into_view_if_needed()
    page.wait_for_function(f"document.querySelector('[data-widget=\"{widget}\"]').dataset.sbReady === '1'")
    page.wait_for_function(f"document.querySelector('[data-widget=\"{widget}\"] .sb-plot').data")
    controls = root.locator("form.sb-controls").evaluate(
        "f => Array.from(new Set(Array.from(f.elements).filter(e => e.name).map(e => e.name + '|' + e.type)))"
    )
    assert controls, "a widget without controls"
    for name_type in controls:
        name, kind = name_type.split("|")
        before = _snapshot(root)
        control = root.locator(f'form.sb-controls [name="{name}"]').first
        if kind == "range":
            # move away from the end of the scale first, so ArrowRight always changes it
            control.focus()
            page.keyboard.press("Home")
            page.wait_for_timeout(50)
            before = _snapshot(root)
        control.focus()
        assert control.evaluate("e => e === document.activeElement"), f"{name} cannot take keyboard focus"
        page.keyboard.press(KEYS[kind])
        page.wait_for_function(
            "([sel, old]) => document.querySelector(sel).dataset.state !== old",
            arg=[f'[data-widget="{widget}"]', json.loads(before)["state"]],
            timeout=5000,
        )
        after = json.loads(_snapshot(root))
        old = json.loads(before)
        assert (after["data"], after["layout"]) != (old["data"], old["layout"]), f"{name}: plot unchanged"
        assert after["desc"] and after["desc"] != old["desc"] or kind == "range" and after["desc"], f"{name}: no description"
    assert not errors, errors


def test_widget_pages_name_what_is_simulated(site):
    page = (site / WIDGET_PAGES["opioid_resilience"]).read_text(encoding="utf-8")
    assert "imulated" in page and "Hsu" in page
