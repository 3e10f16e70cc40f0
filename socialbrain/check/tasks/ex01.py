"""Practice 1, "Wired for others": Dunbar's layers, and why no single number holds.

Numbers: Dunbar (2024) layers 1.5, 5, 15, 50, 150, 500, 1,500, 5,000;
Zhou et al. (2005) scaling ratio of about 3; Lindenfors et al. (2021) 95%
intervals as wide as 4 to 520.
"""

from ..core import Mistake, Task
from ..kinds import Flag, Number, Numbers, NumberSet

LAYERS = [1.5, 5, 15, 50, 150, 500, 1500, 5000]
RATIOS = tuple(b / a for a, b in zip(LAYERS, LAYERS[1:]))
CANDIDATES = [3, 20, 100, 150, 500, 600]

TASKS = [
    Task(
        id="ex1.1",
        title="Python as a calculator",
        objective="Objective 3: describe Dunbar's layered model of social networks.",
        kind=Number(what="one number: how many times larger the layer of 150 is than the layer of 50"),
        expected=150 / 50,
        start="Type a calculation after answer = . Python divides with / ; put the larger layer first.",
        hint="A ratio asks 'how many times larger': divide the larger layer by the smaller one.",
        mistakes=(
            Mistake(equals=50 / 150, hint="You divided the smaller layer by the larger one. "
                    "Turn it around: how many times does 50 fit into 150?"),
            Mistake(equals=100, hint="You subtracted. A ratio is a division (/), not a difference (-)."),
            Mistake(equals=7500, hint="You multiplied. A ratio is a division (/)."),
            Mistake(equals=200, hint="You added. A ratio is a division (/)."),
        ),
        worked="answer = 150 / 50",
        explanation=(
            "150 / 50 = 3.0: the layer of about 150 people is three times the layer of about 50. "
            "Zhou and colleagues (2005) found this ratio of roughly 3 between successive layers."
        ),
        praise="The layer of 150 is about three times the layer of 50: the 'scaling ratio' of about 3.",
    ),
    Task(
        id="ex1.2",
        title="Positions in a list",
        objective="Objective 3: describe Dunbar's layered model of social networks.",
        kind=Number(what="one whole number: the position (index) of 150 in the list"),
        expected=4,
        start="Count the positions in layers, starting from 0 for the first item, "
              "or ask Python with .index( ) as shown above.",
        hint="Count the items before 150 in the list, starting at position 0 for the first one.",
        mistakes=(
            Mistake(equals=5, hint="Close! You counted from 1. Python counts positions from 0: "
                    "the first item, 1.5, is at position 0."),
            Mistake(equals=150, hint="That is the value itself. The task asks for its position "
                    "(index) in the list: where it stands, not what it is."),
            Mistake(equals=500, hint="That is the value at the position after 150. "
                    "The task asks for the position of 150 itself."),
        ),
        worked="answer = layers.index(150)",
        explanation=(
            "Python counts positions from 0, so 1.5 is at position 0, 5 at 1, 15 at 2, 50 at 3 and "
            "150 at position 4. layers.index(150) finds this for you, and layers[4] gives back 150."
        ),
        praise="150 sits at position 4, because Python starts counting at 0.",
    ),
    Task(
        id="ex1.3",
        title="All the ratios at once",
        objective="Objective 3: describe Dunbar's layered model and the ratio between its layers.",
        kind=Numbers(what="7 numbers: each layer divided by the layer before it", length=7, tolerance=1e-6),
        expected=RATIOS,
        start="Use the two slices printed above: divide the one that starts at 5 by the one that starts at 1.5.",
        hint="Each ratio is a layer divided by the layer just below it, so 5 / 1.5 comes first.",
        mistakes=(
            Mistake(equals=tuple(a / b for a, b in zip(LAYERS, LAYERS[1:])),
                    hint="Your ratios are all below 1: you divided each layer by the next, larger one. "
                         "Swap the two parts of the division."),
            Mistake(equals=tuple(b - a for a, b in zip(LAYERS, LAYERS[1:])),
                    hint="These are differences (how many more people), not ratios. Use / instead of -."),
        ),
        worked="answer = sizes[1:] / sizes[:-1]",
        explanation=(
            "sizes[1:] is every layer except the first (5 ... 5000) and sizes[:-1] is every layer "
            "except the last (1.5 ... 1500). Dividing them divides each layer by the one below it, "
            "all at once: about 3.3, 3, 3.3, 3, 3.3, 3, 3.3. Each layer is roughly three times the last."
        ),
        praise="Every layer is roughly three times the one below it (3 or 3.3).",
    ),
    Task(
        id="ex1.4",
        title="Which group sizes fit the interval?",
        objective="Objective 3: explain why no single number, such as 150, can be derived from the evidence.",
        kind=NumberSet(what="a list of the group sizes that lie from 4 to 520"),
        expected=frozenset({20, 100, 150, 500}),
        start="Go through candidates and keep each size that is at least 4 and at most 520. "
              "You may type the list by hand, like [20, 150], or use the comparison in the text.",
        hint="Check each candidate: is it 4 or more, and 520 or less? Keep exactly those.",
        mistakes=(
            Mistake(equals=frozenset({150}), hint="150 fits, but it is not the only one. "
                    "Check every candidate against both ends of the interval."),
            Mistake(when=lambda v: 3 in v, hint="3 is below the lower end of the interval (4)."),
            Mistake(when=lambda v: 600 in v, hint="600 is above the upper end of the interval (520)."),
            Mistake(when=lambda v: not v <= set(CANDIDATES),
                    hint="Only use sizes from the candidates list."),
        ),
        worked="answer = [size for size in candidates if 4 <= size <= 520]",
        explanation=(
            "20, 100, 150 and 500 all lie between 4 and 520. With an interval this wide, the data "
            "fit a group of 20 as well as a group of 500. That is why Lindenfors and colleagues "
            "(2021) conclude that no single 'Dunbar's number' can be derived from the evidence."
        ),
        praise="Sizes from 20 to 500 all fit: the data cannot single out 150.",
    ),
    Task(
        id="ex1.5",
        title="True or False: the triune brain",
        objective="Objective 4: explain why the 'triune brain' model is outdated.",
        kind=Flag(),
        expected=False,
        blank="answer = ...",
        start="Write True or False (capital first letter, no quotes) after answer = .",
        hint="Re-read 'Why the triune brain is outdated' in chapter 1: do brains evolve by stacking "
             "new layers on top of old ones, or by changing the parts that were already there?",
        worked="answer = False",
        explanation=(
            "The statement is false. MacLean's triune brain (a reptile brain, with an emotional limbic "
            "layer and then a rational cortex added on top) is no longer accepted: as Cesario, Johnson "
            "and Eisthen (2020) explain, brain regions were reorganised and expanded across evolution, "
            "not stacked as new layers on an unchanged old brain."
        ),
        praise="The layered 'new brain on old brain' picture is outdated (Cesario et al., 2020).",
    ),
]
