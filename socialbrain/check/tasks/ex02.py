"""Practice 2, "Rejection hurts": overlap of regions, classifiers and reverse inference.

The region lists in task 2.1-2.2 are made-up practice data (labelled so in
the notebook). Woo et al. (2014): classifiers recognised pain 92% and
rejection 80% of the time in new people. The database counts in task 2.4
are invented to practise reverse inference (labelled so in the notebook).
"""

from ..core import Mistake, Task
from ..kinds import Number, TextSet

PAIN = {"dACC", "anterior insula", "thalamus", "S2", "dorsal posterior insula"}
REJECTION = {"dACC", "anterior insula", "ventral prefrontal cortex", "ventral striatum"}

TASKS = [
    Task(
        id="ex2.1",
        title="Which regions are in both lists?",
        objective="Practise: tell overlapping regions apart from shared representations.",
        kind=TextSet(what="a set of region names"),
        expected=frozenset(PAIN & REJECTION),
        start="Combine the two sets with one of the operators in the table above; "
              "you want the regions that are in both.",
        hint="You want only the regions that appear in pain_regions and also in rejection_regions.",
        mistakes=(
            Mistake(equals=frozenset(PAIN | REJECTION), hint="That is every region in either list (|). "
                    "Overlap means: in both lists at once."),
            Mistake(equals=frozenset(PAIN - REJECTION), hint="Those are the pain regions that are NOT "
                    "in the rejection list (-). Overlap means: in both lists."),
            Mistake(equals=frozenset(REJECTION - PAIN), hint="Those are the rejection regions that are NOT "
                    "in the pain list (-). Overlap means: in both lists."),
            Mistake(equals=frozenset(PAIN ^ REJECTION), hint="Those are the regions in just one of the two "
                    "lists (^). Overlap means: in both lists."),
        ),
        worked="answer = pain_regions & rejection_regions",
        explanation=(
            "The & operator keeps what two sets have in common: here the dACC and the anterior insula. "
            "Remember what this shows: the same regions are active, which does not yet mean the same "
            "activity pattern inside them (Woo et al., 2014)."
        ),
        praise="Two regions are in both lists. Same regions, though, need not mean the same pattern.",
    ),
    Task(
        id="ex2.2",
        title="How large is the overlap?",
        objective="Practise: tell overlapping regions apart from shared representations.",
        kind=Number(what="one proportion between 0 and 1", tolerance=0.001),
        expected=len(PAIN & REJECTION) / len(PAIN | REJECTION),
        start="Count the regions in both lists and the regions in either list with len( ), "
              "then divide the first count by the second.",
        hint="Overlap proportion = number of regions in both lists / number of regions in either list.",
        mistakes=(
            Mistake(equals=len(PAIN & REJECTION) / len(PAIN), hint="You divided by the number of pain "
                    "regions only. Divide by all regions that appear in either list."),
            Mistake(equals=len(PAIN & REJECTION) / len(REJECTION), hint="You divided by the number of "
                    "rejection regions only. Divide by all regions that appear in either list."),
            Mistake(equals=len(PAIN & REJECTION), hint="That is the number of shared regions. The task "
                    "asks for a proportion: divide it by the number of regions in either list."),
            Mistake(equals=len(PAIN | REJECTION), hint="That is the number of regions in either list. "
                    "It belongs under the division sign; what goes on top?"),
            Mistake(when=lambda v: abs(v - 100 * 2 / 7) < 0.1,
                    hint="That looks like a percentage. Give a proportion between 0 and 1."),
        ),
        worked="answer = len(pain_regions & rejection_regions) / len(pain_regions | rejection_regions)",
        explanation=(
            "2 regions are in both lists and 7 are in either list, so the overlap is 2 / 7, about 0.29. "
            "This measure (shared / all) is called the Jaccard index."
        ),
        praise="About 0.29: 2 of the 7 regions in the two lists are shared.",
    ),
    Task(
        id="ex2.3",
        title="Better than guessing?",
        objective="Practise: explain why overlapping regions can still hold distinct patterns (Woo et al., 2014).",
        kind=Number(what="one number of percentage points", tolerance=0.01),
        expected=30,
        start="Work out what accuracy pure guessing would give with two options, "
              "then subtract that from the rejection classifier's accuracy.",
        hint="Chance with two equally likely options is half of the time. "
             "How far is the rejection classifier above that?",
        mistakes=(
            Mistake(equals=80, hint="80% is the classifier's accuracy itself. Subtract what guessing alone would give."),
            Mistake(equals=42, hint="That is the pain classifier (92%). The task asks about the rejection classifier."),
            Mistake(equals=0.3, hint="You used proportions. The task asks for percentage points, "
                    "numbers out of 100, like the 80% in the text."),
            Mistake(equals=-30, hint="You subtracted the other way round: accuracy minus chance."),
            Mistake(equals=55, hint="With two options, guessing is right half of the time, not a quarter."),
        ),
        worked="chance = 50\nanswer = 80 - chance",
        explanation=(
            "With two equally likely options, guessing gives 50%. The rejection classifier was right 80% "
            "of the time in new people: 30 percentage points above chance. The pain classifier, applied to "
            "rejection, was at chance: overlapping regions, but distinct patterns."
        ),
        praise="30 points above chance: rejection has its own recognisable pattern.",
    ),
    Task(
        id="ex2.4",
        title="Reverse inference",
        objective="Practise: explain reverse inference and why it is risky.",
        kind=Number(what="one proportion between 0 and 1", tolerance=0.001),
        expected=160 / (160 + 240),
        start="First count all studies in which region X is active (pain studies and other studies together). "
              "Then ask what share of those are pain studies.",
        hint="Reverse inference looks only at studies where X is active: "
             "pain studies with X active / all studies with X active.",
        mistakes=(
            Mistake(equals=160 / 200, hint="That is how often X is active when there is pain (forward "
                    "inference). Reverse inference asks the other way round: when X is active, how often is "
                    "there pain?"),
            Mistake(equals=200 / 1000, hint="That is the share of pain studies in the whole database. "
                    "Look only at the studies where X is active."),
            Mistake(equals=160 / 1000, hint="You divided by all 1,000 studies. Divide by the studies in which "
                    "X is active."),
            Mistake(equals=240 / 800, hint="That is how often X is active in the other (non-pain) studies. "
                    "The question is about studies where X is active."),
            Mistake(equals=240 / 400, hint="That is the share of non-pain studies among those with X active. "
                    "The question asks for the pain studies."),
            Mistake(equals=40, hint="That looks like a percentage. Give a proportion between 0 and 1."),
        ),
        worked="active_in_pain = 160\nactive_in_other = 240\nanswer = active_in_pain / (active_in_pain + active_in_other)",
        explanation=(
            "X is active in 160 + 240 = 400 studies, and 160 of those are pain studies: 160 / 400 = 0.40. "
            "So even though X is active in 80% of pain studies, seeing X active tells you 'pain' only 40% of "
            "the time in this made-up database, because X is also active in many other studies."
        ),
        praise="Only 0.40: a region that is active in most pain studies can still be a weak sign of pain.",
    ),
]
