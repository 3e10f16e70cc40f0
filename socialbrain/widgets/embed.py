"""The static view of a widget: an HTML snippet that works in the book with no kernel.

The snippet has native, labelled HTML controls, an empty plot ``<div>``, the
description in an ``aria-live`` paragraph, and every state the controls can
reach (:mod:`socialbrain.widgets.patches`) embedded as JSON. The one shared
script ``static/sb-widgets.js`` reads that JSON and redraws with the page's
shared ``window.Plotly``. README.md in this folder gives the DOM contract
the browser tests rely on.
"""

from __future__ import annotations

import hashlib
import html
import json

from IPython.display import HTML

from socialbrain.i18n import _
from socialbrain.widgets.patches import static_payload
from socialbrain.widgets.spec import Control, WidgetSpec


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


def summary_html(spec: WidgetSpec, fields: dict, static: bool) -> str:
    """The summary table (both views); in the static view its cells name their field."""
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


def static_html(spec: WidgetSpec, uid: str | None = None) -> str:
    """The static view as an HTML string.

    ``uid`` prefixes the element ids; by default it is made from the
    widget's content, so a build writes the same page every time. Two copies
    of one widget in the same state on one page need a ``uid`` each.
    """
    payload = static_payload(spec)
    data = _json_for_script(payload)
    if uid is None:
        uid = f"sbw-{spec.name}-{hashlib.sha1(data.encode()).hexdigest()[:8]}"
    fields = payload["base"]["fields"]
    controls = "".join(_control_html(c, uid) for c in spec.controls)
    note = f'<p class="sb-note">{_esc(spec.note)}</p>' if spec.note else ""
    controls_name = _("Controls: {title}").format(title=spec.title)
    plot_name = _("Plot: {title}").format(title=spec.title)
    # the plot's own height, kept free before plotly.js draws it, so the text below does not jump
    height = payload["base"]["layout"].get("height")
    reserve = f' style="min-height:{int(height)}px"' if height else ""
    noscript = _("The plot and controls need JavaScript; the text above describes the default setting.")
    return (
        f'<div class="sb-widget" data-widget="{spec.name}" id="{uid}" role="group" '
        f'aria-labelledby="{uid}-title">'
        f'<p class="sb-title" id="{uid}-title">{_esc(spec.title)}</p>'
        f'{note}'
        f'<form class="sb-controls" aria-label="{_esc(controls_name)}">{controls}</form>'
        f'<div class="sb-plot" role="img" aria-label="{_esc(plot_name)}" '
        f'aria-describedby="{uid}-desc"{reserve}></div>'
        f'{summary_html(spec, fields, static=True)}'
        f'<p class="sb-desc" id="{uid}-desc" aria-live="polite">'
        f'{_esc(spec.description.format(**fields))}</p>'
        f'<p class="sb-source">{_esc(spec.source)}</p>'
        f'<noscript><p class="sb-noscript">{_esc(noscript)}</p></noscript>'
        f'<script type="application/json" class="sb-data">{data}</script>'
        f'</div>'
    )


def static_view(spec: WidgetSpec):
    """The static view as an IPython HTML display object (a text/html output)."""
    return HTML(static_html(spec))
