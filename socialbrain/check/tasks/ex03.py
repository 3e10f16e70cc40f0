"""Practice 3, "The brain's own painkillers": how uncertain is a correlation from 18 people?

Everything here is simulated: samples of n = 18 (the size of Hsu et al.,
2013) drawn from a population in which the true correlation is 0.5. That
0.5 is a choice for the simulation, not a result of the study. The
notebook says so next to the code.
"""

import numpy as np

from ..core import Mistake, Task
from ..kinds import Choice, Number, Sample

SEED = 2018
N = 18
TRUE_R = 0.5


def first_sample():
    """The simulated sample of task 3.1 (same code as in the notebook)."""
    rng = np.random.default_rng(SEED)
    resilience = rng.normal(size=N)
    opioid = TRUE_R * resilience + np.sqrt(1 - TRUE_R**2) * rng.normal(size=N)
    return resilience, opioid


_x, _y = first_sample()
R_FIRST = float(np.corrcoef(_x, _y)[0, 1])

# Theory (Fisher z): with n = 18 and rho = 0.5, r falls below 0.3 in about 18% of samples.
P_BELOW_03 = 0.176


def _spread_ok(rs) -> bool:
    return rs.size == 1000 and 0.40 <= rs.mean() <= 0.58 and 0.14 <= rs.std() <= 0.24 \
        and rs.min() >= -1 and rs.max() <= 1


TASKS = [
    Task(
        id="ex3.1",
        title="One simulated study of 18 people",
        objective="Practise: explain what a correlation in a sample of n = 18 can and cannot show.",
        kind=Number(what="one correlation (a number between -1 and 1)", tolerance=0.001),
        expected=R_FIRST,
        start="Use np.corrcoef(resilience, opioid) and pick out the number that links the two variables.",
        hint="np.corrcoef gives a 2-by-2 table. The correlation between the two variables sits at row 0, "
             "column 1.",
        mistakes=(
            Mistake(equals=1.0, hint="1 is the correlation of a variable with itself (row 0, column 0). "
                    "Pick the number that links resilience with opioid: row 0, column 1."),
            Mistake(equals=TRUE_R, hint="0.5 is the true correlation we put into the simulation. "
                    "The task asks what this one sample of 18 shows: calculate it from the data."),
            Mistake(equals=-R_FIRST, hint="Right size, wrong sign: check that you did not put a minus sign in."),
        ),
        worked="answer = np.corrcoef(resilience, opioid)[0, 1]",
        explanation=(
            "np.corrcoef(resilience, opioid) returns a table: 1s on the diagonal (each variable with itself) "
            "and the correlation between the two at [0, 1] and [1, 0]. In this simulated sample r is about "
            "0.61, although the true correlation in the simulated population is 0.5."
        ),
        praise="This one sample gives r of about 0.61, although the true value we simulated is 0.5.",
    ),
    Task(
        id="ex3.2",
        title="A thousand studies of 18 people",
        objective="Practise: explain why a correlation from n = 18 is uncertain.",
        kind=Sample(what="a list of 1,000 correlations, one per simulated study"),
        expected=_spread_ok,
        blank="rs = ...",
        start="Call simulated_study() 1,000 times and collect the results in a list "
              "(a for loop with .append, or the [ ... for i in range(1000)] pattern).",
        hint="Each of the 1,000 values should come from its own call of simulated_study(), "
             "with the settings n=18 and true_r=0.5 left as they are.",
        mistakes=(
            Mistake(when=lambda rs: rs.size == N, hint="Your list has 18 values: that is the number of people "
                    "in one study. The task asks for 1,000 studies, one correlation each."),
            Mistake(when=lambda rs: rs.size != 1000, hint="Your list does not have 1,000 values. "
                    "Check the number inside range( )."),
            Mistake(when=lambda rs: rs.std() < 1e-9, hint="All your correlations are the same. "
                    "Call simulated_study() anew for every study, instead of repeating one result."),
            Mistake(when=lambda rs: rs.min() < -1 or rs.max() > 1, hint="Some values are outside -1 to 1, "
                    "so they cannot be correlations. Collect what simulated_study() returns."),
            Mistake(when=lambda rs: rs.std() < 0.14, hint="Your correlations vary much less than studies of "
                    "18 people would. Did you change n? Keep the default n=18."),
            Mistake(when=lambda rs: not 0.40 <= rs.mean() <= 0.58, hint="Your correlations are not centred "
                    "near 0.5. Did you change true_r? Keep the default true_r=0.5."),
        ),
        worked="rs = [simulated_study() for i in range(1000)]",
        explanation=(
            "[simulated_study() for i in range(1000)] runs the function 1,000 times and collects the 1,000 "
            "correlations in a list. A for loop with rs.append(...) does the same. The values average "
            "about 0.5 but spread widely: with 18 people per study, some studies find almost no "
            "correlation and others a very strong one."
        ),
        praise="Look at min(rs) and max(rs): the same true correlation of 0.5 gives very different results "
               "in studies of 18 people.",
    ),
    Task(
        id="ex3.3",
        title="How often would a study of 18 find a weak correlation?",
        objective="Practise: explain why a correlation from n = 18 is uncertain.",
        kind=Number(what="one proportion between 0 and 1", tolerance=0.06),
        expected=P_BELOW_03,
        start="Compare every correlation in rs with 0.3, then take the mean of the True/False values, "
              "as in the small example above.",
        hint="Compare each correlation with 0.3 (below it: True), then take the mean of the True/False values.",
        mistakes=(
            Mistake(when=lambda v: abs(v - (1 - P_BELOW_03)) < 0.06, hint="That is the proportion at or "
                    "above 0.3. The task asks for the studies below 0.3: check the direction of < ."),
            Mistake(when=lambda v: 100 <= v <= 260, hint="That looks like a count of studies. "
                    "The task asks for a proportion: divide by the number of studies, or use np.mean."),
            Mistake(when=lambda v: 10 <= v < 30, hint="That looks like a percentage. "
                    "Give a proportion between 0 and 1."),
            Mistake(when=lambda v: abs(v - 0.5) < 0.06, hint="About 0.5 is the average correlation, "
                    "not the share of studies below 0.3."),
        ),
        worked="answer = np.mean(np.array(rs) < 0.3)",
        explanation=(
            "np.array(rs) < 0.3 gives True for each simulated study whose correlation is below 0.3. "
            "Python counts True as 1 and False as 0, so np.mean gives the proportion of True: about 0.17. "
            "So roughly one study in six would find only a weak correlation even though the true "
            "correlation is 0.5. In the same way, a real n = 18 study can land far above or below the "
            "true value."
        ),
        praise="Roughly one in six studies of 18 people would find r below 0.3 although the true r is 0.5.",
    ),
    Task(
        id="ex3.4",
        title="What does the correlation show?",
        objective="Practise: explain why the resilience finding is correlational.",
        kind=Choice(options=("a", "b", "c", "d")),
        expected="b",
        start="Pick one letter and write it in quotes, like \"a\".",
        hint="Ask yourself: was anything changed on purpose in this study, or were two things measured "
             "and compared?",
        mistakes=(
            Mistake(equals="a", hint="A correlation alone cannot show what causes what: opioid release could "
                    "affect resilience, resilience could affect opioid release, or a third factor both."),
            Mistake(equals="c", hint="No one was trained in this study: two things were measured once "
                    "and compared. What can such a design show?"),
            Mistake(equals="d", hint="Your simulation shows the opposite: with 18 people the estimate can be "
                    "far from the true value. Small samples give uncertain estimates, not exact ones."),
        ),
        worked='answer = "b"',
        explanation=(
            "(b) is right. Hsu and colleagues (2013) measured trait resilience with a questionnaire and "
            "opioid activation with PET in 18 people, and found that the two went together. That is a "
            "correlation: it does not show that one causes the other (a), no training was tested (c), and "
            "with 18 people the true strength of the link is uncertain, as your simulation showed (d)."
        ),
        praise="A correlation in 18 people: a link worth following up, with an uncertain size and no "
               "proof of cause.",
    ),
]
