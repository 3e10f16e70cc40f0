"""Practice 5, "Loneliness is not isolation": score the De Jong Gierveld scale and the LSNS-6.

Scoring and cut-offs come from :mod:`socialbrain.scales` (the course's one
source). The respondent in tasks 5.1-5.4 is made up. Task 5.5 uses the
course's simulated survey (:func:`socialbrain.simulate.simulate_survey`).
"""

from functools import lru_cache

from ... import scales
from ..core import Mistake, Task
from ..kinds import Labels, Number, Numbers

#: The made-up respondent's answers to the 11 items (same list as in the notebook).
RESPONDENT = ["yes", "no", "more or less", "no", "more or less", "yes",
              "more or less", "yes", "yes", "no", "yes"]

TOTAL = scales.djg_score(RESPONDENT)                      # 6
EMOTIONAL, SOCIAL = scales.djg_subscales(RESPONDENT)      # 4, 2

# Typical slips when scoring by hand
NO_REVERSAL = sum(a in ("yes", "more or less") for a in RESPONDENT)          # every item keyed like a negative one
MORE_OR_LESS_AS_0 = sum(
    (a == "yes" and not item.positive) or (a == "no" and item.positive)
    for item, a in zip(scales.DJG_ITEMS, RESPONDENT)
)
ONLY_YES = sum(a == "yes" for a in RESPONDENT)

SCORES = [2, 3, 8, 9, 11]
LEVEL_LABELS = tuple(label for _, _, label in scales.DJG_LEVELS)
LEVELS = tuple(scales.djg_level(s) for s in SCORES)

#: Task 5.4: how many relatives / friends (the made-up respondent's raw counts).
LSNS_COUNTS = [4, 1, 2, 10, 3, 0]


def lsns_code(count: int) -> int:
    """Turn a number of people into the LSNS-6 answer code 0-5."""
    if count <= 2:
        return count
    if count <= 4:
        return 3
    if count <= 8:
        return 4
    return 5


LSNS_TOTAL = scales.lsns6_score([lsns_code(c) for c in LSNS_COUNTS])   # 14


@lru_cache(maxsize=1)
def survey_share() -> dict:
    """Shares in the simulated survey (default seed), computed once."""
    from ...simulate import simulate_survey

    df = simulate_survey()
    lonely = df[df["lonely"]]
    return {
        "lonely_not_isolated": float((~lonely["isolated"]).mean()),
        "lonely_isolated": float(lonely["isolated"].mean()),
        "all_lonely_not_isolated": float((df["lonely"] & ~df["isolated"]).mean()),
        "lonely": float(df["lonely"].mean()),
        "isolated_not_lonely": float((~df[df["isolated"]]["lonely"]).mean()),
    }


def _near(key, tolerance=0.005, scale=1.0):
    return lambda v: abs(v - scale * survey_share()[key]) <= tolerance * scale


TASKS = [
    Task(
        id="ex5.1",
        title="Score one questionnaire by hand",
        objective="Practise: score the De Jong Gierveld Loneliness Scale and read the score.",
        kind=Number(what="one whole number from 0 to 11", tolerance=1e-9),
        expected=TOTAL,
        start="Go through the 11 answers one by one with the table: is the item positively or negatively "
              "worded, and does this answer score 1 or 0? Add up the 1s.",
        hint="Check the positively worded items (1, 4, 7, 8, 11) again: for those, 'no' and 'more or less' "
             "score 1, and 'yes' scores 0.",
        mistakes=(
            Mistake(equals=NO_REVERSAL, hint="You scored every item the same way. The positively worded items "
                    "(1, 4, 7, 8, 11) are reversed: there 'no' shows loneliness, so 'no' scores 1 and 'yes' 0."),
            Mistake(equals=MORE_OR_LESS_AS_0, hint="'More or less' counts as 1 on every item, positive or "
                    "negative: a hesitant answer already signals some loneliness."),
            Mistake(equals=ONLY_YES, hint="You counted the 'yes' answers. Each item is scored on its own: "
                    "look at how it is worded (positive or negative) before scoring the answer."),
            Mistake(when=lambda v: not 0 <= v <= 11, hint="The total runs from 0 to 11: each of the 11 items "
                    "scores 0 or 1."),
        ),
        worked=("# item:    1  2  3  4  5  6  7  8  9 10 11\n"
                "# points:  0  0  1  1  1  1  1  0  1  0  0\n"
                "answer = 0 + 0 + 1 + 1 + 1 + 1 + 1 + 0 + 1 + 0 + 0"),
        explanation=(
            "Items 2, 3, 5, 6, 9 and 10 are negatively worded: 'yes' or 'more or less' scores 1. That gives "
            "item 3 (more or less), 5 (more or less), 6 (yes) and 9 (yes): 4 points. Items 1, 4, 7, 8 and 11 "
            "are positively worded: 'no' or 'more or less' scores 1. That gives item 4 (no) and 7 (more or "
            "less): 2 points. Total: 6."
        ),
        praise="6 out of 11: by the Dutch cut-offs, moderately lonely.",
    ),
    Task(
        id="ex5.2",
        title="Let the course package score it",
        objective="Practise: tell emotional from social loneliness on the De Jong Gierveld scale.",
        kind=Numbers(what="two numbers: (emotional, social)", length=2, tolerance=1e-9),
        expected=(EMOTIONAL, SOCIAL),
        start="Call djg_subscales with the list of answers inside the brackets.",
        hint="The function gives back two numbers: first emotional (0-6), then social (0-5). "
             "Give both, in that order.",
        mistakes=(
            Mistake(equals=(SOCIAL, EMOTIONAL), hint="Right numbers, wrong order: emotional loneliness comes "
                    "first, social second."),
            Mistake(when=lambda v: v[0] + v[1] != TOTAL and v[0] <= 6 and v[1] <= 5,
                    hint="The two subscales should add up to the total you found in task 5.1. "
                         "Let the package do the work: djg_subscales(answers)."),
        ),
        worked="answer = djg_subscales(answers)",
        explanation=(
            "djg_subscales(answers) scores each item and adds them up per subscale: emotional loneliness "
            "(items 2, 3, 5, 6, 9, 10) is 4 of 6, social loneliness (items 1, 4, 7, 8, 11) is 2 of 5. "
            "Together they make the total of 6 from task 5.1. This person misses closeness more than a "
            "wider circle."
        ),
        praise="Emotional 4 of 6, social 2 of 5: this person mainly misses a close bond.",
    ),
    Task(
        id="ex5.3",
        title="From score to level",
        objective="Practise: apply the Dutch cut-offs for the De Jong Gierveld scale.",
        kind=Labels(what="a list of 5 levels", length=5, allowed=LEVEL_LABELS),
        expected=LEVELS,
        start="For each score in scores, look up its level in the table of cut-offs (or use djg_level). "
              "Write the five levels in a list, in the same order.",
        hint="Use the cut-offs exactly: 0-2 not lonely, 3-8 moderately, 9-10 severely, 11 very severely.",
        item_hints=(
            "Look again at the score 2: which range of the table is it in?",
            "Look again at the score 3: it is the first score of a new range.",
            "Look again at the score 8: it is the last score of a range.",
            "Look again at the score 9: it is the first score of a new range.",
            "Look again at the score 11: the highest possible score has its own level.",
        ),
        worked="answer = [djg_level(score) for score in scores]",
        explanation=(
            "2 is not lonely (0-2); 3 is the first moderately lonely score (3-8), and so is 8; 9 is severely "
            "lonely (9-10); 11 is very severely lonely. The boundaries matter: in the Dutch monitors, "
            "everyone from 3 up counts as lonely."
        ),
        praise="The edges of each range are where mistakes happen; you got them all.",
    ),
    Task(
        id="ex5.4",
        title="Score the LSNS-6",
        objective="Practise: measure social isolation with the Lubben Social Network Scale.",
        kind=Number(what="one whole number from 0 to 30", tolerance=1e-9),
        expected=LSNS_TOTAL,
        start="First turn each number of people into its answer code (0-5) with the table, "
              "then add up the six codes (or use lsns6_score on the list of codes).",
        hint="Each count becomes a code first: 0, 1, 2 stay; 3-4 is 3; 5-8 is 4; 9 or more is 5.",
        mistakes=(
            Mistake(equals=sum(LSNS_COUNTS), hint="You added up the numbers of people. The LSNS-6 scores "
                    "answer codes from 0 to 5: turn each count into its code first."),
            Mistake(equals=sum(min(c, 5) for c in LSNS_COUNTS), hint="Look at the codes again: 4 people falls "
                    "in the category 'three or four', which has code 3."),
            Mistake(when=lambda v: not 0 <= v <= 30, hint="The LSNS-6 total runs from 0 to 30: "
                    "six items of 0 to 5 each."),
        ),
        worked="codes = [3, 1, 2, 5, 3, 0]\nanswer = lsns6_score(codes)",
        explanation=(
            "Relatives: 4 people is code 3 (three or four), 1 is code 1, 2 is code 2. Friends: 10 is code 5 "
            "(nine or more), 3 is code 3, 0 is code 0. Total 3 + 1 + 2 + 5 + 3 + 0 = 14. That is 12 or more, "
            "so this person is not at risk of social isolation on the LSNS-6, although they scored as "
            "moderately lonely in task 5.1."
        ),
        praise="14: not at risk of isolation, yet moderately lonely. Loneliness is not isolation.",
    ),
    Task(
        id="ex5.5",
        title="Lonely, but not isolated?",
        objective="Practise: explain why loneliness and isolation often do not coincide.",
        kind=Number(what="one proportion between 0 and 1", tolerance=0.005),
        expected=_near("lonely_not_isolated"),
        start="Keep only the lonely rows with survey[survey[\"lonely\"]], then ask what share of them "
              "is not isolated.",
        hint="Look only at the lonely people. Among them, what proportion is NOT at risk of isolation?",
        mistakes=(
            Mistake(when=_near("lonely_isolated"), hint="That is the share of lonely people who ARE at risk "
                    "of isolation. The task asks for those who are not: 1 minus that."),
            Mistake(when=_near("all_lonely_not_isolated"), hint="You divided by everyone in the survey. Look "
                    "only at the lonely people: how many of them are not isolated?"),
            Mistake(when=_near("lonely"), hint="That is the share of lonely people in the whole survey. "
                    "The task asks: among the lonely people, what share is not isolated?"),
            Mistake(when=_near("isolated_not_lonely"), hint="That is the share of isolated people who are not "
                    "lonely. The task starts from the lonely people."),
            Mistake(when=_near("lonely_not_isolated", scale=100), hint="That looks like a percentage. "
                    "Give a proportion between 0 and 1."),
        ),
        worked='lonely_people = survey[survey["lonely"]]\nanswer = 1 - lonely_people["isolated"].mean()',
        explanation=(
            "survey[survey[\"lonely\"]] keeps the rows of the lonely respondents. The mean of their "
            "\"isolated\" column (True/False) is the share that is isolated; 1 minus it is the share that is "
            "not: about 0.79 in this simulated survey. Most lonely people have a reasonable network. In real "
            "Dutch data, CBS (2022) likewise found that about 9 in 10 strongly lonely people did have weekly "
            "contact."
        ),
        praise="Most lonely people in this simulated survey are not isolated: the two measure different things.",
    ),
]
