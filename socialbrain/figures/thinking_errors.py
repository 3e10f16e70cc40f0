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

#: The four thinking errors, in the order they appear in chapter 7.
#: Each entry: (name, automatic thought, test question, balanced thought).
THINKING_ERRORS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Overgeneralisation",
        "They didn't invite me. Nobody ever wants me around.",
        "Is 'nobody ever' true? Can I recall exceptions?",
        "I wasn't invited this time. Others asked me last month.",
    ),
    (
        "Personalisation",
        "She cancelled our date. It must be something about me.",
        "What other reasons could there be?",
        "There are many possible reasons; I don't know hers yet.",
    ),
    (
        "Catastrophising",
        "This break-up means I will be alone forever.",
        "What is most likely to happen, rather than the worst?",
        "This hurts a lot now; it does not decide my whole future.",
    ),
    (
        "Emotional reasoning",
        "I feel worthless, so I must be worthless.",
        "Is a feeling a fact? What would I tell a friend?",
        "The feeling is real, but it is not proof of my worth.",
    ),
)

#: The column headers: the thinking error, then the three steps.
STEPS: tuple[str, ...] = ("1. Automatic thought", "2. Question to test it", "3. More balanced thought")

CAPTION = ("Four thinking errors after rejection, re-examined "
           "(teaching examples written for this course, after Burns, 1980)")


def thinking_errors_html() -> str:
    """The table as HTML: a caption, a header row, one row per thinking error."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in ("Thinking error", *STEPS))
    rows = "".join(
        f'<tr><th scope="row">{html.escape(name)}</th>'
        + "".join(f'<td data-label="{html.escape(step)}">{html.escape(cell)}</td>' for step, cell in zip(STEPS, cells))
        + "</tr>"
        for name, *cells in THINKING_ERRORS
    )
    return (f'<table class="sb-table sb-thinking-errors"><caption>{html.escape(CAPTION)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def thinking_errors() -> HTML:
    """The table for a notebook cell to show."""
    return HTML(thinking_errors_html())
