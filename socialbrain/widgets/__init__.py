"""Interactive widgets for the chapters: ``show("<name>")`` in a chapter shows one.

Each widget is one module, ``socialbrain.widgets.<name>``, whose ``spec()``
describes it with :mod:`socialbrain.widgets.spec`. In the book build
(``SOCIALBRAIN_STATIC=1``) :func:`show` returns the static view
(:mod:`.embed`), which works with no kernel; in Jupyter it returns the live
ipywidgets view (:mod:`.live`). README.md in this folder says how.
"""

import os

from socialbrain.widgets import (approach_avoidance, dunbar_layers, loneliness_map,
                                 opioid_resilience, pain_overlap, wanting_liking)
from socialbrain.widgets.embed import static_view

__all__ = ["NAMES", "STATIC_ENV", "WIDGETS", "show", "static_mode"]

#: Environment variable the book build sets; "1" means "show the static view".
STATIC_ENV = "SOCIALBRAIN_STATIC"

#: Every widget module, by name: the name is also its ``data-widget`` in the book.
WIDGETS = {m.__name__.rsplit(".", 1)[1]: m for m in (
    dunbar_layers, pain_overlap, opioid_resilience, wanting_liking, loneliness_map,
    approach_avoidance)}
NAMES = tuple(WIDGETS)


def static_mode() -> bool:
    """True when a widget should show the static (no-kernel) view."""
    return os.environ.get(STATIC_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def show(name: str):
    """The widget ``name`` (one of :data:`NAMES`), in the view this environment needs."""
    if name not in WIDGETS:
        raise ValueError(f"there is no widget {name!r}; the widgets are {', '.join(NAMES)}")
    spec = WIDGETS[name].spec().translated()  # in the language of the book's edition, or the student's choice
    if static_mode():
        return static_view(spec)
    from socialbrain.widgets.live import LiveWidget  # ipywidgets only where a kernel shows it

    return LiveWidget(spec)
