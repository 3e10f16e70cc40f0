"""Chapter 7 table: four thinking errors after rejection, each re-examined.

Cognitive therapy (Beck; popularised by Burns, 1980, *Feeling Good*) names
typical "thinking errors" (cognitive distortions). This table lays four of
them out in three steps: the automatic thought someone might have after a
rejection, a question that tests it, and a more balanced thought. The example
sentences are teaching examples written for this course, not data.

It is an HTML table, not a drawing: it reflows on a phone, a screen reader
reads it cell by cell with its headers, and it prints.
"""

from __future__ import annotations

import html

from IPython.display import HTML

from socialbrain.i18n import N_, _

#: The four thinking errors, in the order they appear in chapter 7.
#: Each entry: (name, automatic thought, test question, balanced thought).
THINKING_ERRORS: tuple[tuple[str, str, str, str], ...] = (
    (
        N_("Overgeneralisation"),
        N_("They didn't invite me. Nobody ever wants me around."),
        N_("Is 'nobody ever' true? Can I recall exceptions?"),
        N_("I wasn't invited this time. Others asked me last month."),
    ),
    (
        N_("Personalisation"),
        N_("She cancelled our date. It must be something about me."),
        N_("What other reasons could there be?"),
        N_("There are many possible reasons; I don't know hers yet."),
    ),
    (
        N_("Catastrophising"),
        N_("This break-up means I will be alone forever."),
        N_("What is most likely to happen, rather than the worst?"),
        N_("This hurts a lot now; it does not decide my whole future."),
    ),
    (
        N_("Emotional reasoning"),
        N_("I feel worthless, so I must be worthless."),
        N_("Is a feeling a fact? What would I tell a friend?"),
        N_("The feeling is real, but it is not proof of my worth."),
    ),
)

#: The column headers: the thinking error, then the three steps.
STEPS: tuple[str, ...] = (N_("1. Automatic thought"), N_("2. Question to test it"), N_("3. More balanced thought"))

CAPTION = N_("Four thinking errors after rejection, re-examined "
             "(teaching examples written for this course, after Burns, 1980)")


def thinking_errors_html() -> str:
    """The table as HTML: a caption, a header row, one row per thinking error."""
    steps = [_(step) for step in STEPS]
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in (_("Thinking error"), *steps))
    rows = "".join(
        f'<tr><th scope="row">{html.escape(_(name))}</th>'
        + "".join(f'<td data-label="{html.escape(step)}">{html.escape(_(cell))}</td>' for step, cell in zip(steps, cells))
        + "</tr>"
        for name, *cells in THINKING_ERRORS
    )
    return (f'<table class="sb-table sb-thinking-errors"><caption>{html.escape(_(CAPTION))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def thinking_errors() -> HTML:
    """The table for a notebook cell to show."""
    return HTML(thinking_errors_html())
