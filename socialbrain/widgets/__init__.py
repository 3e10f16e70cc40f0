"""Interactive widgets for the chapters: one line in a chapter shows one.

In the book build (``SOCIALBRAIN_STATIC=1``) each call returns a static HTML
widget that works with no kernel; in Jupyter it returns a live ipywidgets UI.
See ``_core.py`` for how the two views are made from one spec.
"""

from socialbrain.widgets.approach_avoidance import approach_avoidance
from socialbrain.widgets.dunbar_layers import dunbar_layers
from socialbrain.widgets.loneliness_map import loneliness_map
from socialbrain.widgets.opioid_resilience import opioid_resilience
from socialbrain.widgets.pain_overlap import pain_overlap
from socialbrain.widgets.wanting_liking import wanting_liking

__all__ = ["opioid_resilience", "pain_overlap", "loneliness_map", "approach_avoidance",
           "dunbar_layers", "wanting_liking"]
