"""What a widget is: its controls, and the figure and text for one state of them.

This is the module a new widget imports (see "Add a widget" in
CONTRIBUTING.md). A widget module holds a model (plain functions), a
``figure(state)`` built with :func:`new_figure` and :func:`scatter`, a
``fields(state)``, a ``DESCRIPTION`` template and a ``spec()`` that returns
a :class:`WidgetSpec`. How a spec is shown is not its business:
:mod:`socialbrain.widgets.embed` makes the static view for the book and
:mod:`socialbrain.widgets.live` the live view for Jupyter.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from typing import Any, Callable, Sequence

import plotly.graph_objects as go

from socialbrain.i18n import _, separators
from socialbrain.plotting import WIDGET_TEMPLATE

KINDS = ("select", "radio", "range", "checkbox")


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
    return go.Figure(data=[dict(t) for t in traces], layout=base)


def scatter(**props: Any) -> dict:
    """A scatter trace as a plain dict, for :func:`new_figure`."""
    return {"type": "scatter", **props}


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
    ``factors`` groups the controls whose effects are independent, so the
    static view stores fewer states (see :mod:`socialbrain.widgets.patches`);
    None means one factor holding every control. ``fields_only`` lists the
    factors that change only the text, never the figure.
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

    @property
    def defaults(self) -> dict:
        return {c.name: c.default for c in self.controls}

    def control(self, name: str) -> Control:
        return next(c for c in self.controls if c.name == name)

    def states(self):
        """Every state the controls can reach."""
        for combo in itertools.product(*(c.values for c in self.controls)):
            yield dict(zip((c.name for c in self.controls), combo))

    def draw(self, state: dict) -> go.Figure:
        """The figure for a state, its numbers written as the language in use writes them."""
        return self.figure(state).update_layout(separators=separators())

    def field_texts(self, state: dict) -> dict[str, str]:
        """The fields for a state, as the text both views show."""
        return {k: str(v) for k, v in self.fields(state).items()}

    def text(self, state: dict) -> str:
        """The description for a state."""
        return self.description.format(**self.field_texts(state))

    def texts(self) -> list[str]:
        """The words a reader sees around the plot; `make catalogs` puts them in the package's catalog."""
        labels = [lab for c in self.controls for lab in (c.label, *c.labels)]
        return [t for t in (self.title, self.note, self.source, self.description, *labels,
                            *(label for label, _name in self.summary)) if t and not _is_number(t)]

    def translated(self) -> "WidgetSpec":
        """This widget with its words in the language in use (English where the catalog has none).

        The model, the states and the fields' names stay as they are; a widget
        module translates the phrases its ``fields`` and ``figure`` write itself.
        """
        controls = [replace(c, label=_(c.label), options=tuple((v, _(str(lab))) for v, lab in c.options))
                    for c in self.controls]
        return replace(self, title=_(self.title), note=_(self.note) if self.note else "",
                       source=_(self.source), description=_(self.description), controls=controls,
                       summary=tuple((_(label), name) for label, name in self.summary))


def _is_number(text: str) -> bool:
    """Option labels such as "150" or "1.5" need no translation."""
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True
