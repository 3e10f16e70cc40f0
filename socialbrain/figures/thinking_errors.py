"""Chapter 7 figure: four thinking errors after rejection, each re-examined.

Cognitive therapy (Beck; popularised by Burns, 1980, *Feeling Good*) names
typical "thinking errors" (cognitive distortions). This figure lays four of
them out as a three-step table: the automatic thought someone might have
after a rejection, a question that tests it, and a more balanced thought.
The example sentences are teaching examples written for this course, not
data. Colour (Okabe-Ito), border style and marker shape each mark the step,
so the figure also reads without colour and in print.
"""

from __future__ import annotations

import plotly.graph_objects as go

from socialbrain.plotting import GREEN, ORANGE, VERMILLION, finish

#: The four thinking errors, in the order they appear in chapter 7.
#: Each entry: (name, automatic thought, test question, balanced thought).
THINKING_ERRORS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Overgeneralisation",
        "They didn't invite me.<br>Nobody ever<br>wants me around.",
        "Is 'nobody ever' true?<br>Can I recall<br>exceptions?",
        "I wasn't invited<br>this time. Others<br>asked me last month.",
    ),
    (
        "Personalisation",
        "She cancelled our date.<br>It must be<br>something about me.",
        "What other reasons<br>could there be?",
        "There are many<br>possible reasons; I<br>don't know hers yet.",
    ),
    (
        "Catastrophising",
        "This break-up means<br>I will be alone<br>forever.",
        "What is most likely<br>to happen, rather<br>than the worst?",
        "This hurts a lot now;<br>it does not decide<br>my whole future.",
    ),
    (
        "Emotional reasoning",
        "I feel worthless,<br>so I must be<br>worthless.",
        "Is a feeling a fact?<br>What would I tell<br>a friend?",
        "The feeling is real,<br>but it is not proof<br>of my worth.",
    ),
)

#: The three steps (columns): label, Okabe-Ito colour, border dash, marker symbol.
STEPS: tuple[tuple[str, str, str, str], ...] = (
    ("1. Automatic thought", VERMILLION, "dash", "x"),
    ("2. Question to test it", ORANGE, "dot", "diamond"),
    ("3. More balanced thought", GREEN, "solid", "circle"),
)

_BOX_HALF_WIDTH = 0.46
_BOX_HALF_HEIGHT = 0.36


def _tick_label(name: str) -> str:
    """Break a thinking error's name over two lines so the row labels stay narrow."""
    if name == "Overgeneralisation":
        return "Over-<br>generalisation"
    return name.replace(" ", "<br>")


#: Text alternative: what the figure shows, for screen readers and print.
DESCRIPTION = (
    'Table of four thinking errors after rejection (overgeneralisation, personalisation, catastrophising, emotional reasoning). For each, an automatic thought, a question that tests it, and a more balanced thought; the examples were written for this course.'
)


def thinking_errors() -> go.Figure:
    """Return the thinking-error table for chapter 7 as a static plotly figure.

    Rows are the four thinking errors (top to bottom); columns are the three
    steps of re-examining a thought. Arrows run from each step to the next.
    """
    fig = go.Figure()
    n_rows = len(THINKING_ERRORS)
    # Row 0 at the top: y runs from n_rows - 1 down to 0.
    row_y = [n_rows - 1 - i for i in range(n_rows)]

    for col, (step_label, colour, dash, symbol) in enumerate(STEPS):
        # One legend entry per step, with its marker at each box's left edge.
        fig.add_trace(
            go.Scatter(
                x=[col - _BOX_HALF_WIDTH] * n_rows,
                y=[y + _BOX_HALF_HEIGHT for y in row_y],
                mode="markers",
                name=step_label,
                marker=dict(symbol=symbol, size=11, color=colour,
                            line=dict(width=1, color="#000000")),
                hovertext=[row[0] for row in THINKING_ERRORS],
                hoverinfo="text+name",
            )
        )
        for row, y in zip(THINKING_ERRORS, row_y):
            fig.add_shape(
                type="rect",
                x0=col - _BOX_HALF_WIDTH, x1=col + _BOX_HALF_WIDTH,
                y0=y - _BOX_HALF_HEIGHT, y1=y + _BOX_HALF_HEIGHT,
                line=dict(color=colour, width=2.5, dash=dash),
                fillcolor="#FFFFFF",
                layer="below",
            )
            fig.add_annotation(
                x=col, y=y, text=row[col + 1], showarrow=False,
                font=dict(size=11, color="#000000"), align="center",
            )

    # Arrows from step 1 to 2 and from 2 to 3 in every row.
    for y in row_y:
        for col in range(len(STEPS) - 1):
            fig.add_annotation(
                x=col + 1 - _BOX_HALF_WIDTH, y=y,
                ax=col + _BOX_HALF_WIDTH, ay=y,
                xref="x", yref="y", axref="x", ayref="y",
                text="", showarrow=True, arrowhead=2, arrowsize=1.2,
                arrowwidth=1.5, arrowcolor="#000000",
            )

    fig.update_layout(
        title=dict(
            text="Four thinking errors after rejection, re-examined",
            subtitle=dict(text="Teaching examples written for this course, after Burns (1980)"),
        ),
        xaxis=dict(
            title=dict(text="Step in re-examining the thought"),
            tickvals=list(range(len(STEPS))),
            ticktext=[s[0].replace(" ", "<br>", 1) for s in STEPS],
            tickangle=0,
            range=[-0.52, len(STEPS) - 0.48],
            showgrid=False, zeroline=False, showline=False,
        ),
        yaxis=dict(
            title=dict(text="Thinking error"),
            tickvals=row_y,
            ticktext=[_tick_label(row[0]) for row in THINKING_ERRORS],
            range=[-0.45, n_rows - 0.55],
            showgrid=False, zeroline=False, showline=False,
        ),
        legend=dict(orientation="h", yanchor="top", y=-0.2,
                    xanchor="center", x=0.5, font=dict(size=12)),
    )
    return finish(fig, DESCRIPTION, height=600, margin=dict(l=100, r=10, t=80, b=40))
