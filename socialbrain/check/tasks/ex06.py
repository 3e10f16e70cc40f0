"""Practice 6, "The lonely brain under pressure": interventions, Cacioppo's loop, cortisol, evidence.

Fokkema & van Tilburg (2007): 2 of 10 Dutch interventions reduced
loneliness. Task 6.3 uses made-up cortisol values (labelled in the
notebook). Task 6.4 grades claims from A3 (rijks2025) against the studies
in references.bib: cacioppo2009b, lodder2015, spithoven2017, arnsten2009,
saporta2022, masi2011 and adam2006.
"""

from ..core import Mistake, Task
from ..kinds import Labels, Number

CORTISOL = [12.0, 18.5, 15.0, 9.0, 6.0, 3.5]     # made-up, nmol/L, at 0, 30, 60, 180, 360, 720 min
LOOP = ("B", "D", "E", "A", "C")
EVIDENCE_LABELS = ("supported", "mixed", "not directly tested", "contradicted")
EVIDENCE = ("mixed", "not directly tested", "contradicted", "supported", "supported")

TASKS = [
    Task(
        id="ex6.1",
        title="How many interventions worked?",
        objective="Practise: say what is known about interventions against loneliness.",
        kind=Number(what="one proportion between 0 and 1", tolerance=0.001),
        expected=2 / 10,
        start="Divide the number of interventions that reduced loneliness by the number that were studied.",
        hint="A proportion is the part divided by the whole: interventions that worked / all interventions studied.",
        mistakes=(
            Mistake(equals=8 / 10, hint="That is the share that did NOT reduce loneliness. "
                    "The task asks about the ones that did."),
            Mistake(equals=20, hint="That looks like a percentage. Give a proportion between 0 and 1."),
            Mistake(equals=10 / 2, hint="You divided the whole by the part. Turn the division around."),
            Mistake(equals=2, hint="That is the number of interventions that worked. Divide it by how many were studied."),
        ),
        worked="worked = 2\nstudied = 10\nanswer = worked / studied",
        explanation=(
            "2 of the 10 Dutch interventions reviewed by Fokkema and van Tilburg (2007) reduced loneliness: "
            "0.2, one in five. Good intentions and organised activities are not enough on their own; Masi "
            "and colleagues (2011) found that, among randomised studies, interventions that address how "
            "lonely people think about social situations worked best."
        ),
        praise="One in five: many well-meant interventions did not reduce loneliness.",
    ),
    Task(
        id="ex6.2",
        title="Put Cacioppo's loop in order",
        objective="Practise: describe Cacioppo's evolutionary theory of loneliness and its self-reinforcing loop.",
        kind=Labels(what="a list of the 5 letters in order", length=5, allowed=("A", "B", "C", "D", "E"),
                    distinct=True),
        expected=LOOP,
        start="Start with \"B\" (feeling lonely) and ask each time: what does this lead to next? "
              "Write the five letters in a list, in quotes.",
        hint="Follow the theory's chain: feeling, then attention, then interpretation, then behaviour, "
             "then what happens to contacts.",
        mistakes=(
            Mistake(when=lambda v: v[0] != "B", hint="Start the loop with B, feeling lonely, "
                    "so that your order can be compared."),
        ),
        item_hints=(
            "Start the loop with B, feeling lonely.",
            "What changes first in the lonely person's attention, before they interpret anything?",
            "After noticing more possible threats, how does the person tend to read what others do?",
            "What does someone who expects rejection tend to do?",
            "What does withdrawing do to the number of rewarding contacts, which feeds back into loneliness?",
        ),
        worked='answer = ["B", "D", "E", "A", "C"]',
        explanation=(
            "Feeling lonely (B) makes people more alert to signs of social threat (D); they then expect "
            "rejection and notice the negative (E); they withdraw and act self-protectively (A); that leads "
            "to fewer rewarding contacts (C), which feeds the loneliness (B) again (Cacioppo & Hawkley, 2009). "
            "Chapter 6 shows which of these links have been tested and which are still theory."
        ),
        praise="A self-reinforcing loop: each step makes the next one more likely.",
    ),
    Task(
        id="ex6.3",
        title="The cortisol awakening response",
        objective="Practise: describe what the cortisol studies measured.",
        kind=Number(what="one number in nmol/L", tolerance=0.001),
        expected=CORTISOL[1] - CORTISOL[0],
        start="Take the value 30 minutes after waking and subtract the value at waking. "
              "Remember that positions start at 0.",
        hint="The awakening response is the rise from waking (time 0) to 30 minutes later. "
             "Which positions in the list hold those two values?",
        mistakes=(
            Mistake(equals=CORTISOL[0] - CORTISOL[1], hint="Right size, wrong sign: you subtracted the other way "
                    "round. Take the value at 30 minutes minus the value at waking."),
            Mistake(equals=CORTISOL[1], hint="That is the level at 30 minutes itself. The response is the rise: "
                    "subtract the level at waking."),
            Mistake(equals=CORTISOL[0] - CORTISOL[-1], hint="That is the fall over the whole day. "
                    "The awakening response is the rise in the first 30 minutes."),
            Mistake(equals=CORTISOL[2] - CORTISOL[0], hint="That is the change over 60 minutes. "
                    "The awakening response uses the value at 30 minutes (position 1)."),
            Mistake(equals=CORTISOL[2] - CORTISOL[1], hint="Positions start at 0: the value at waking is "
                    "cortisol[0] and the value at 30 minutes is cortisol[1]."),
        ),
        worked="answer = cortisol[1] - cortisol[0]",
        explanation=(
            "cortisol[0] is the level at waking (12.0) and cortisol[1] the level 30 minutes later (18.5): "
            "a rise of 6.5 nmol/L. Adam and colleagues (2006) found that on days after people had felt "
            "lonelier, this morning rise was larger. That is a link between loneliness and cortisol; it "
            "does not yet show what the cortisol then does to thinking."
        ),
        praise="A rise of 6.5 nmol/L in the first half hour after waking.",
    ),
    Task(
        id="ex6.4",
        title="How strong is the evidence?",
        objective="Practise: judge claims about the lonely brain against the evidence.",
        kind=Labels(what="a list of 5 labels", length=5, allowed=EVIDENCE_LABELS),
        expected=EVIDENCE,
        start="For each claim, find the study or studies in chapter 6 and pick one label: "
              "\"supported\", \"mixed\", \"not directly tested\" or \"contradicted\".",
        hint="Ask for each claim: is there a study that tested it, and did it agree?",
        item_hints=(
            "Look again at claim 1: one fMRI study found it, but an eye-tracking study of 25 versus 25 "
            "people found no difference in gaze. What label fits studies that disagree?",
            "Look again at claim 2: each link was studied on its own, but was the whole chain ever tested "
            "in one study?",
            "Look again at claim 3: in Saporta and colleagues (2022), did lonely people show less or more "
            "activity when watching actions?",
            "Look again at claim 4: what did Masi and colleagues (2011) find among randomised studies?",
            "Look again at claim 5: this is what Adam and colleagues (2006) measured directly.",
        ),
        worked='answer = ["mixed", "not directly tested", "contradicted", "supported", "supported"]',
        explanation=(
            "1 is mixed: Cacioppo and colleagues (2009) found it with fMRI and a review (Spithoven et al., "
            "2017) supports a negative bias, but Lodder and colleagues (2015) found no gaze difference. "
            "2 is not directly tested: cortisol and prefrontal function were each studied, never the whole "
            "chain. 3 is contradicted: lonely people synchronised worse but showed more action-observation "
            "activity (Saporta et al., 2022). 4 is supported by Masi and colleagues (2011). 5 is what Adam "
            "and colleagues (2006) found."
        ),
        praise="Different claims in one popular article can rest on very different evidence.",
    ),
]
