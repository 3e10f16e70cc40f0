"""Chapter 2 widget: which regions respond to physical pain, to rejection, to both?

Three views, one per study, show how the answer changed:

* Eisenberger, Lieberman & Williams (2003): Cyberball exclusion (n = 13)
  raised activity in the dorsal anterior cingulate cortex (dACC), a region
  known from earlier work on the unpleasantness of pain; physical pain itself
  was not tested. Right ventral prefrontal cortex activity went with less
  distress.
* Kross et al. (2011): the same 40 people (recent unwanted break-up) had both
  painful heat and rejection trials. The overlap included affective regions
  (dACC, anterior insula) and, new, sensory regions (secondary somatosensory
  cortex S2 and dorsal posterior insula) when rejection was intense.
* Woo et al. (2014): the regions overlap, but multivariate patterns inside
  them differ: a pain classifier recognised pain (92%) and a rejection
  classifier recognised rejection (80%) in new people, each at chance on the
  other condition; even within dACC the patterns were uncorrelated.

The diagram is a schematic (two overlapping circles), not a brain map.
Model: :data:`STUDIES` and :func:`overlap_sets`.
"""

from __future__ import annotations

from dataclasses import dataclass

from socialbrain.i18n import N_, _
from socialbrain.plotting import BLACK, BLUE, GREY, VERMILLION
from socialbrain.widgets.spec import Control, WidgetSpec, new_figure, scatter

#: Abbreviation -> full name of each region in the diagram.
REGION_NAMES = {
    "dACC": N_("dorsal anterior cingulate cortex"),
    "AI": N_("anterior insula"),
    "S2": N_("secondary somatosensory cortex"),
    "dpINS": N_("dorsal posterior insula"),
    "rVPFC": N_("right ventral prefrontal cortex"),
}
AFFECTIVE = ("dACC", "AI")
SENSORY = ("S2", "dpINS")


@dataclass(frozen=True)
class Study:
    label: str
    design: str
    pain_tested: bool
    pain_only: tuple
    both: tuple
    rejection_only: tuple
    same_pattern: bool | None  # None: not tested
    finding: str
    caveat: str
    headline: str = ""
    classifier: dict | None = None  # {'pain': %, 'rejection': %} accuracy on its own condition


STUDIES = {
    "eisenberger2003": Study(
        label="Eisenberger et al. (2003)",
        design=N_("Cyberball exclusion versus inclusion, fMRI, n = 13"),
        pain_tested=False,
        pain_only=(),
        both=("dACC",),
        rejection_only=("rVPFC",),
        same_pattern=None,
        headline=N_("dACC active in rejection; pain not tested"),
        finding=N_("Being excluded raised dACC activity, and more dACC activity went with more "
                 "distress; right ventral prefrontal cortex activity went with less distress."),
        caveat=N_("Physical pain was not tested: the link to pain comes from earlier pain studies. "
                "Only 13 people; a later meta-analysis of Cyberball studies (Cacioppo et al., 2013) "
                "did not support a shared 'pain matrix'."),
    ),
    "kross2011": Study(
        label="Kross et al. (2011)",
        design=N_("the same 40 people felt painful heat and viewed a photo of the ex-partner "
               "who had rejected them (recent unwanted break-up), fMRI"),
        pain_tested=True,
        pain_only=(),
        both=AFFECTIVE + SENSORY,
        rejection_only=(),
        same_pattern=None,
        headline=N_("overlap includes sensory pain regions"),
        finding=N_("Both conditions activated affective regions (dACC, anterior insula) and, when "
                 "rejection was intense, sensory regions of pain (S2, dorsal posterior insula)."),
        caveat=N_("Active in the same regions is not the same as the same process: one region "
                "does many jobs, and the analysis compared whole regions, not patterns."),
    ),
    "woo2014": Study(
        label="Woo et al. (2014)",
        design=N_("heat versus warmth and ex-partner versus friend photos, fMRI, n = 60"),
        pain_tested=True,
        pain_only=(),
        both=AFFECTIVE + SENSORY,
        rejection_only=(),
        same_pattern=False,
        headline=N_("same regions, different patterns"),
        finding=N_("The regions overlap, but the activity patterns inside them differ: a pain "
                 "classifier recognised pain in new people (92%) and a rejection classifier "
                 "recognised rejection (80%), each at chance on the other condition; even within "
                 "dACC the two patterns were uncorrelated."),
        caveat=N_("Overlapping regions, separate representations: rejection does not hurt "
                "'the same way' as a burn."),
        classifier={"pain": 92, "rejection": 80},
    ),
}


def overlap_sets(study: str) -> dict:
    """Regions reported for pain only, for both, and for rejection only, by one study."""
    s = STUDIES[study]
    return {"pain": set(s.pain_only), "both": set(s.both), "rejection": set(s.rejection_only)}


# --------------------------------------------------------------------------
# View: two circles stacked vertically (fits a phone)
# --------------------------------------------------------------------------

PAIN_C, REJ_C, RADIUS = (5.0, 8.0), (5.0, 4.0), 3.2


def _circle(center, color, dash, fill):
    (cx, cy), r = center, RADIUS
    return {"type": "circle", "xref": "x", "yref": "y", "x0": cx - r, "x1": cx + r,
            "y0": cy - r, "y1": cy + r, "line": {"color": color, "width": 3, "dash": dash},
            "fillcolor": fill, "layer": "below"}


def _label(x, y, text, size=13, color=BLACK):
    return {"x": x, "y": y, "text": text, "showarrow": False, "xref": "x", "yref": "y",
            "font": {"size": size, "color": color}}


def figure(state: dict):
    s = STUDIES[state["study"]]
    pain_dash = "solid" if s.pain_tested else "dot"
    notes = []
    # Regions in the overlap, affective above sensory.
    both = list(s.both)
    rows = []
    aff = [r for r in both if r in AFFECTIVE]
    sen = [r for r in both if r in SENSORY]
    if aff:
        rows.append((_("affective:") + " " if sen else "") + ", ".join(aff))
    if sen:
        rows.append(_("sensory:") + " " + ", ".join(sen))
    ys = [6.35, 5.65] if len(rows) == 2 else [6.0]
    for text, y in zip(rows, ys):
        notes.append(_label(5.0, y, f"<b>{text}</b>", 13))
    for i, r in enumerate(s.rejection_only):
        notes.append(_label(5.0, 2.6 - 0.6 * i, f"<b>{r}</b>: " + _("less distress"), 13))
    if not s.pain_tested:
        notes.append(_label(5.0, 9.3, _("not tested in this study:<br>known from earlier pain studies"),
                            11, GREY))
    if s.classifier:
        notes.append(_label(5.0, 9.3, _("pain pattern: recognises pain<br>in new people ({percent}%)").format(
            percent=s.classifier["pain"]), 11))
        notes.append(_label(5.0, 2.7, _("rejection pattern: recognises<br>rejection ({percent}%)").format(
            percent=s.classifier["rejection"]), 11))
    notes.append(_label(5.0, 10.25, "<b>" + _("PHYSICAL PAIN") + "</b>", 13, VERMILLION))
    notes.append(_label(5.0, 1.75, "<b>" + _("SOCIAL REJECTION") + "</b>", 13, BLUE))
    notes.append({"xref": "paper", "yref": "paper", "x": 0.5, "y": 1.0, "yanchor": "bottom",
                  "showarrow": False, "text": f"<b>{s.label}</b><br>{_(s.headline)}", "font": {"size": 13}})
    traces = []
    layout = dict(
        height=450,
        margin={"l": 5, "r": 5, "t": 45, "b": 5},
        xaxis={"range": [0.5, 9.5], "visible": False, "fixedrange": True},
        yaxis={"range": [0.5, 11.5], "visible": False, "fixedrange": True,
               "scaleanchor": "x", "scaleratio": 1},
        shapes=[_circle(PAIN_C, VERMILLION, pain_dash, "rgba(213,94,0,0.10)"),
                _circle(REJ_C, BLUE, "dash", "rgba(0,114,178,0.10)")],
        annotations=notes,
    )
    # One invisible trace so the plot has data (hover gives full region names).
    regions = sorted(set(s.both) | set(s.rejection_only) | set(s.pain_only))
    traces.append(scatter(x=[5.0] * len(regions), y=[6.0] * len(regions), mode="markers",
                    marker={"size": 1, "opacity": 0}, hoverinfo="skip",
                    text=[_(REGION_NAMES[r]) for r in regions], name=_("regions: {study}").format(study=s.label)))
    return new_figure(traces, **layout)


def fields(state: dict) -> dict:
    s = STUDIES[state["study"]]
    sets = overlap_sets(state["study"])

    def names(keys):
        return ", ".join(f"{_(REGION_NAMES[k])} ({k})" for k in sorted(keys)) or _("none shown")

    pain = (_("physical pain tested in the same people") if s.pain_tested
            else _("physical pain not tested (dotted circle)"))
    return {
        "study": s.label, "design": _(s.design), "pain": pain,
        "both": names(sets["both"]), "rejection": names(sets["rejection"]),
        "finding": _(s.finding), "caveat": _(s.caveat),
    }


DESCRIPTION = (
    "{study}: {design}; {pain}. Regions in the overlap of the two circles: {both}. "
    "Rejection only: {rejection}. {finding} Caveat: {caveat}"
)


def spec() -> WidgetSpec:
    return WidgetSpec(
        name="pain_overlap",
        title="Does rejection hurt like pain? Three studies, three pictures",
        note=("A schematic, not a brain map: the top circle stands for physical pain, the bottom "
              "circle for social rejection, the overlap for regions active in both."),
        controls=[Control("study", "Study", "radio",
                          tuple((k, s.label) for k, s in STUDIES.items()), "eisenberger2003")],
        figure=figure,
        fields=fields,
        description=DESCRIPTION,
        summary=(("Overlap", "both"),),
        source=("Based on Eisenberger, Lieberman & Williams (2003), Science; Kross et al. (2011), "
                "PNAS; Woo et al. (2014), Nature Communications; Cacioppo et al. (2013), "
                "Scientific Reports."),
    )
