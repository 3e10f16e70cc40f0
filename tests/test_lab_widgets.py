"""Live widgets hold their figure in a real JupyterLab 4.

The test's own JupyterLab (the student's set-up, on 127.0.0.1) runs a
notebook that shows a widget; the figure must be taller than 300 px right
away and still a few seconds later, and moving a slider must redraw it.
"""

import json

import pytest

from conftest import wait_for_lab_kernel

WIDGETS = {"opioid_resilience": 3, "pain_overlap": 2}  # widget -> its chapter
MIN_HEIGHT = 300
# The figure in the notebook on show (Lab reopens the earlier test's notebook in a hidden tab).
FIGURE = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output .js-plotly-plot"


def _notebook(name):
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": f'from socialbrain.widgets import show\nshow("{name}")'}
    return {"cells": [cell], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                          "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def _figure_height(page):
    return page.locator(FIGURE).first.evaluate("el => el.getBoundingClientRect().height")


def _move_a_control(page):
    """Move the first slider one step with the keyboard; a widget without sliders: pick another radio button."""
    slider = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-slider .noUi-handle")
    if slider.count():
        slider.first.focus()
        page.keyboard.press("ArrowRight")
    else:
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-radio-box input:not(:checked)").first.check()


@pytest.mark.parametrize("widget", sorted(WIDGETS))
def test_live_widget_keeps_its_figure_and_redraws(student_lab, context, widget):
    url, token, folder = student_lab
    (folder / f"{widget}.ipynb").write_text(json.dumps(_notebook(widget)))
    page = context.new_page()
    page.goto(f"{url}/lab/workspaces/{widget}/tree/{widget}.ipynb?token={token}")  # a workspace of its own
    wait_for_lab_kernel(page)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_selector(FIGURE, timeout=60_000)
    page.wait_for_timeout(300)
    assert _figure_height(page) > MIN_HEIGHT
    page.wait_for_timeout(3000)  # the collapse came about a second after drawing
    assert _figure_height(page) > MIN_HEIGHT, "the figure collapsed after drawing"
    before = page.locator(FIGURE).first.inner_html()
    _move_a_control(page)
    page.wait_for_function(f"document.querySelector('{FIGURE}') && document.querySelector('{FIGURE}').innerHTML !== {json.dumps(before)}",
                           timeout=20_000)
    page.wait_for_timeout(1500)
    assert _figure_height(page) > MIN_HEIGHT, "the figure collapsed after a redraw"
    page.close()
