"""Practice 4, "Love, loss and craving": a small sample, a within-person contrast, wanting v liking.

Fisher et al. (2010): 10 women and 5 men. Task 4.2 uses simulated
activation values (seed 2014, 15 people, true difference 0.5 units),
labelled as simulated in the notebook. Wanting and liking: Berridge &
Robinson (2016), Berridge & Kringelbach (2015).
"""

import numpy as np

from ..core import Mistake, Task
from ..kinds import Choice, Labels, Number

SEED = 2014


def simulated_activation():
    """The simulated activation values of task 4.2 (same code as in the notebook)."""
    rng = np.random.default_rng(SEED)
    neutral = rng.normal(loc=0.0, scale=1.0, size=15)
    rejecter = neutral + rng.normal(loc=0.5, scale=1.0, size=15)
    return neutral, rejecter


_neutral, _rejecter = simulated_activation()
MEAN_DIFFERENCE = float(np.mean(_rejecter - _neutral))

WANTING_LIKING = ("wanting", "wanting", "liking", "liking", "wanting", "liking")

TASKS = [
    Task(
        id="ex4.1",
        title="Who took part?",
        objective="Practise: describe the design and sample of Fisher et al. (2010).",
        kind=Number(what="one proportion between 0 and 1", tolerance=0.002),
        expected=10 / 15,
        start="Take the number of women out of the dictionary with fisher_sample[\"women\"], "
              "and divide it by the total number of participants.",
        hint="A proportion is a part divided by the whole: women / (women + men).",
        mistakes=(
            Mistake(equals=10 / 5, hint="You divided the women by the men. A proportion divides the part "
                    "by everyone: women plus men."),
            Mistake(equals=5 / 15, hint="That is the proportion of men. The task asks about the women."),
            Mistake(when=lambda v: abs(v - 1000 / 15) < 0.5, hint="That looks like a percentage. "
                    "Give a proportion between 0 and 1."),
            Mistake(equals=15, hint="That is the total number of participants. Divide the number of women by it."),
        ),
        worked='answer = fisher_sample["women"] / (fisher_sample["women"] + fisher_sample["men"])',
        explanation=(
            "10 of the 15 participants were women: 10 / 15 = 0.67. With 15 people, of whom only 5 men, "
            "the study cannot say much about differences between groups or about people in general: a "
            "reason to read its conclusions carefully."
        ),
        praise="Two thirds of a sample of 15: small, and not balanced.",
    ),
    Task(
        id="ex4.2",
        title="Each person compared with themselves",
        objective="Practise: explain the within-person contrast behind an fMRI finding.",
        kind=Number(what="one number: the average difference (arbitrary units)", tolerance=0.001),
        expected=MEAN_DIFFERENCE,
        start="Subtract the two arrays (rejecter minus neutral) to get one difference per person, "
              "then take the mean with np.mean( ).",
        hint="For each person: activation for the rejecter's photo minus activation for the neutral photo. "
             "Then average those 15 differences.",
        mistakes=(
            Mistake(equals=-MEAN_DIFFERENCE, hint="Right size, opposite sign: you subtracted the other way "
                    "round. Take rejecter minus neutral."),
            Mistake(equals=float(np.mean(_rejecter)), hint="That is the average for the rejecter's photo alone. "
                    "The contrast is the difference with the neutral photo, per person."),
            Mistake(equals=float(np.mean(_neutral)), hint="That is the average for the neutral photo alone. "
                    "The contrast is the difference between the two photos, per person."),
            Mistake(when=lambda v: abs(v - 0.5) < 1e-9, hint="0.5 is the true difference we put into the "
                    "simulation. Calculate what these 15 simulated people show."),
        ),
        worked="answer = np.mean(rejecter - neutral)",
        explanation=(
            "rejecter - neutral subtracts the two arrays person by person, giving 15 differences; np.mean "
            "averages them: about 0.57 units. Because every person is compared with themselves, differences "
            "between people (some brains simply give a stronger signal) drop out. The simulated true "
            "difference was 0.5; this sample of 15 lands a little above it."
        ),
        praise="About 0.57 units: each person's reaction to the rejecter, compared with their own reaction "
               "to a familiar face.",
    ),
    Task(
        id="ex4.3",
        title="Wanting or liking?",
        objective="Practise: tell 'wanting' (dopamine) apart from 'liking' (opioids).",
        kind=Labels(what="a list of 6 labels, 'wanting' or 'liking'", length=6, allowed=("wanting", "liking")),
        expected=WANTING_LIKING,
        start="Write a list of six labels in quotes, one per statement, in order: "
              "[\"wanting\", \"liking\", ...].",
        hint="'Wanting' is the pull or urge towards something; 'liking' is the pleasure felt when you get it.",
        item_hints=(
            "Look again at statement 1: is it about pleasure felt, or about an urge to go after something "
            "even when it does not feel good?",
            "Look again at statement 2: is the pull to text about enjoying the reply, or about being driven "
            "towards it before any pleasure?",
            "Look again at statement 3: is a hug's warmth the urge to get something, or the pleasure of it?",
            "Look again at statement 4: a pleasant reaction that does not depend on dopamine. "
            "Which of the two is the one that does not need dopamine?",
            "Look again at statement 5: large dopamine systems. Which of the two is linked to dopamine?",
            "Look again at statement 6: small opioid 'hotspots'. Which of the two is linked to opioids?",
        ),
        mistakes=(
            Mistake(when=lambda v: len(set(v)) == 1, hint="You gave every statement the same label. "
                    "Three are about the urge to pursue something and three about the pleasure itself."),
            Mistake(when=lambda v: all(a != b for a, b in zip(v, WANTING_LIKING)),
                    hint="Every label is the other one: you may have swapped the meanings. 'Wanting' is the "
                         "urge to pursue; 'liking' is the pleasure itself."),
        ),
        worked='answer = ["wanting", "wanting", "liking", "liking", "wanting", "liking"]',
        explanation=(
            "Statements 1 and 2 describe a pull towards something (checking, texting) that goes on even when "
            "it brings no pleasure: wanting. Statement 3 is pleasure itself: liking. Statement 4 describes "
            "pleasure that does not depend on dopamine: liking. "
            "Statements 5 and 6 name the systems: large dopamine systems for wanting, small opioid hotspots "
            "for liking (Berridge & Robinson, 2016; Berridge & Kringelbach, 2015)."
        ),
        praise="Wanting drives you towards something; liking is the pleasure once it is there.",
    ),
    Task(
        id="ex4.4",
        title="What does the overlap with craving show?",
        objective="Practise: judge what the addiction analogy does and does not show.",
        kind=Choice(options=("a", "b", "c", "d")),
        expected="b",
        start="Pick one letter and write it in quotes, like \"a\".",
        hint="Think back to reverse inference in chapter 2: what can the same active regions tell you, "
             "and what can they not?",
        mistakes=(
            Mistake(equals="a", hint="Overlapping regions are not the same mechanism: the same regions serve "
                    "many purposes (remember reverse inference in chapter 2)."),
            Mistake(equals="c", hint="fMRI measured changes in blood flow while people looked at photos. "
                    "Nothing in this design measured damage."),
            Mistake(equals="d", hint="Small studies can find real effects; the question is how far the finding "
                    "reaches. Is 'nothing' fair to what they found?"),
        ),
        worked='answer = "b"',
        explanation=(
            "(b) is right. Fisher and colleagues (2010) found activity in reward regions such as the ventral "
            "tegmental area and ventral striatum, some of which also show up in studies of cocaine craving. "
            "That fits the idea of a shared motivational (wanting) system. It is an interpretation of "
            "overlapping regions in 15 people, not proof that love works like an addiction (a). Nothing "
            "measured damage (c), and a small study can still find something worth following up (d)."
        ),
        praise="Overlapping reward regions fit a shared 'wanting' system; they do not prove an addiction.",
    ),
]
