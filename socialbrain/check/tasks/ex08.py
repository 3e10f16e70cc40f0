"""Practice 8, "Approach and avoidance": attachment styles, Miller's gradients, contested claims.

Bartholomew & Horowitz (1991): four styles from a positive or negative view
of self and of others. Miller (1944): the avoidance gradient is steeper than
the approach gradient; the numbers in task 8.2 are made up (labelled so in
the notebook). Task 8.3: Agrawal et al. (2004), Grossman (2023).
"""

from ..core import Mistake, Task
from ..kinds import Choice, Function, NumberSet, TextSet

STYLES = ("secure", "preoccupied", "dismissing", "fearful")
VIEWS = (("positive", "positive"), ("negative", "positive"), ("positive", "negative"), ("negative", "negative"))
STYLE_OF = ("secure", "preoccupied", "dismissing", "fearful")   # in the order of VIEWS

DISTANCES = range(0, 11)
AVOIDANCE_WINS = frozenset(d for d in DISTANCES if 16 - 2 * d > 10 - d)   # 0..5


def _swapped(v):
    return v == ("secure", "dismissing", "preoccupied", "fearful")


TASKS = [
    Task(
        id="ex8.1",
        title="Four attachment styles as a function",
        objective="Practise: describe the four adult attachment styles of Bartholomew and Horowitz (1991).",
        kind=Function(what="a function", cases=VIEWS, allowed=STYLES, name="attachment_style"),
        expected=STYLE_OF,
        blank="...",
        start="Replace the ... inside the function with if / elif / else lines that return one of "
              "\"secure\", \"preoccupied\", \"dismissing\" or \"fearful\".",
        hint="Check each of the four combinations against the table: view of self first, view of others second.",
        mistakes=(
            Mistake(when=_swapped, hint="Preoccupied and dismissing are swapped. Preoccupied people think "
                    "poorly of themselves but highly of others; dismissing people the other way round."),
            Mistake(when=lambda v: v[3] != "fearful", hint="Look at the combination negative, negative: "
                    "a negative view of both self and others. Which style is that?"),
            Mistake(when=lambda v: v[0] != "secure", hint="Look at the combination positive, positive: "
                    "a positive view of both self and others. Which style is that?"),
            Mistake(when=lambda v: len(set(v)) < 4, hint="Each of the four combinations has its own style: "
                    "your function gives the same style for two of them."),
        ),
        worked=('if self_view == "positive" and other_view == "positive":\n'
                '    return "secure"\n'
                'elif self_view == "negative" and other_view == "positive":\n'
                '    return "preoccupied"\n'
                'elif self_view == "positive" and other_view == "negative":\n'
                '    return "dismissing"\n'
                'else:\n'
                '    return "fearful"'),
        explanation=(
            "These lines replace the ... inside attachment_style. Bartholomew and Horowitz (1991) crossed a "
            "positive or negative view of self with a positive or negative view of others: secure (both "
            "positive), preoccupied (self negative, others positive), dismissing (self positive, others "
            "negative) and fearful (both negative). The fearful style both longs for closeness and fears it: "
            "the approach-avoidance profile of this chapter."
        ),
        praise="Your function sorts all four combinations; note that 'fearful' both wants and fears closeness.",
    ),
    Task(
        id="ex8.2",
        title="Where avoidance wins",
        objective="Practise: explain Miller's approach-avoidance conflict.",
        kind=NumberSet(what="a list of distances"),
        expected=AVOIDANCE_WINS,
        start="Compare the two arrays with > and use the result to pick distances: "
              "distances[condition] keeps the distances where the condition is True.",
        hint="Keep the distances at which the avoidance value is strictly larger than the approach value.",
        mistakes=(
            Mistake(equals=frozenset(d for d in DISTANCES if d > 6), hint="Those are the distances where "
                    "approach wins. The task asks where avoidance is stronger."),
            Mistake(equals=frozenset(d for d in DISTANCES if d >= 6), hint="Those are the distances where "
                    "approach is at least as strong. The task asks where avoidance is stronger."),
            Mistake(equals=AVOIDANCE_WINS | {6}, hint="At distance 6 the two are exactly equal. "
                    "'Stronger' means strictly larger: use > rather than >=."),
            Mistake(equals=frozenset({6}), hint="That is where the two are equal: the point where the person "
                    "hesitates. The task asks at which distances avoidance is stronger."),
            Mistake(when=lambda v: v and max(v) > 10, hint="Give distances (0 to 10), not the strength values."),
        ),
        worked="answer = distances[avoidance > approach]",
        explanation=(
            "avoidance > approach gives True at the distances 0 to 5, and distances[...] keeps exactly those. "
            "Far from the goal (7 to 10), approach is stronger and the person moves closer; near it (0 to 5), "
            "avoidance is stronger and they back off. At 6 the two are equal: the person tends to hover "
            "around that point, the push and pull of an approach-avoidance conflict (Miller, 1944)."
        ),
        praise="Close up, avoidance wins; further away, approach wins: so the person hovers in between.",
    ),
    Task(
        id="ex8.3",
        title="Reaction or diagnosis?",
        objective="Practise: explain why 'a neurobiological reaction instead of a diagnosis' is contested.",
        kind=Choice(options=("a", "b", "c", "d")),
        expected="b",
        start="Pick one letter and write it in quotes, like \"a\".",
        hint="Look at what chapter 8 says attachment patterns are (and are not), and how polyvagal-style "
             "explanations are judged.",
        mistakes=(
            Mistake(equals="a", hint="That is the claim from the popular article. Does the evidence show that "
                    "attachment patterns replace a diagnosis, or that they are linked to risk?"),
            Mistake(equals="c", hint="Polyvagal theory is contested, not settled: see Grossman (2023) "
                    "in chapter 8."),
            Mistake(equals="d", hint="Attachment styles are about patterns in relationships that develop and "
                    "can change; nothing in chapter 8 says they are fixed at birth."),
        ),
        worked='answer = "b"',
        explanation=(
            "(b) is right. Insecure attachment patterns are linked to later difficulties; for example, "
            "borderline personality disorder often goes with unresolved, preoccupied or fearful attachment "
            "(Agrawal et al., 2004). That makes them vulnerability markers, not an alternative to a diagnosis "
            "(a). Nervous-system explanations in the style of polyvagal theory are contested (Grossman, 2023), "
            "so (c) is wrong, and attachment is not fixed at birth (d)."
        ),
        praise="Attachment patterns mark vulnerability; they do not replace a diagnosis.",
    ),
    Task(
        id="ex8.4",
        title="Staying present, keeping your limits",
        objective="Practise: describe how to stay present without giving up your own limits.",
        kind=TextSet(what="a set of letters", allowed=("a", "b", "c", "d", "e")),
        expected=frozenset({"a", "c"}),
        start="Write the letters of the fitting responses as a set, like {\"b\", \"e\"}.",
        hint="Keep the responses that both stay available to the friend and protect your own limits.",
        mistakes=(
            Mistake(when=lambda v: "b" in v, hint="Messaging until they reply pushes when they pull back, "
                    "and does not respect your limits or theirs."),
            Mistake(when=lambda v: "d" in v, hint="Explaining someone's behaviour to them from an article is "
                    "a kind of diagnosis; chapter 8 shows how contested those explanations are."),
            Mistake(when=lambda v: "e" in v, hint="Taking their pulling back as proof that they don't care "
                    "is personalisation, one of the thinking errors from chapter 7."),
            Mistake(when=lambda v: "a" not in v or "c" not in v, hint="Which responses keep the door open "
                    "and are honest about what you can give?"),
        ),
        worked='answer = {"a", "c"}',
        explanation=(
            "(a) keeps the door open without giving up your own life, and (c) is honest about your limits: "
            "both stay present without pushing. (b) pushes when the friend pulls back, (d) turns an article "
            "into a diagnosis, and (e) is personalisation: their withdrawal may have little to do with you."
        ),
        praise="Available, honest about your limits, and not taking the distance personally.",
    ),
]
