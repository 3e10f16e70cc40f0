"""Practice 7, "Coping with rejection": thinking errors, self-compassion, evidence and sources.

Thinking errors after Burns (1980); self-compassion after Neff (2003);
McDonald & Donnellan (2012) on neuroticism; A2 (betterhelp2025) is a
commercial therapy platform's article. The statements are teaching examples.
"""

from ..core import Mistake, Task
from ..kinds import Choice, Labels, Number, TextSet

ERRORS = ("overgeneralisation", "personalisation", "catastrophising", "emotional reasoning")
SORTED = ("overgeneralisation", "personalisation", "catastrophising", "emotional reasoning",
          "personalisation", "overgeneralisation")

#: Same statements as in the notebook (task 7.2 counts words in them).
STATEMENTS = [
    "Nobody ever wants to talk to me: she didn't even reply to my message.",
    "My friends cancelled our dinner; it must be something I did.",
    "If I'm turned down for this job, it will be a disaster and I will never recover.",
    "I feel like a burden, so I must be one.",
    "The group went quiet when I walked in, so they must have been talking about me.",
    "Everyone else gets invited; I'll always be the one left out.",
]
WORDS = ["always", "never", "nobody", "everyone"]
COUNT = sum(any(w in s.lower() for w in WORDS) for s in STATEMENTS)                 # 3
COUNT_NO_LOWER = sum(any(w in s for w in WORDS) for s in STATEMENTS)                # 2
COUNT_WORDS = sum(w in s.lower() for s in STATEMENTS for w in WORDS)                # 4

COMPASSION = ("common humanity", "mindfulness", "self-kindness")

TASKS = [
    Task(
        id="ex7.1",
        title="Which thinking error?",
        objective="Practise: recognise overgeneralisation, personalisation, catastrophising and emotional reasoning.",
        kind=Labels(what="a list of 6 thinking errors", length=6, allowed=ERRORS),
        expected=SORTED,
        start="For each statement, ask which of the four patterns it shows, and write the six labels "
              "in a list, in the order of the statements.",
        hint="Overgeneralisation: one event becomes 'always' or 'nobody'. Personalisation: it must be about me. "
             "Catastrophising: the worst possible outcome. Emotional reasoning: I feel it, so it is true.",
        item_hints=(
            "Look again at statement 1: one unanswered message becomes a rule about everyone, forever. "
            "Which error turns one event into a general rule?",
            "Look again at statement 2: the thought assumes the cancellation is about the speaker. "
            "Which error makes events about yourself?",
            "Look again at statement 3: it jumps to the worst possible outcome. Which error is that?",
            "Look again at statement 4: the only evidence is a feeling. Which error treats a feeling as a fact?",
            "Look again at statement 5: the silence could have many causes, yet the thought makes it about "
            "the speaker. Which error is that?",
            "Look again at statement 6: one missed invitation becomes 'always'. Which error is that?",
        ),
        mistakes=(
            Mistake(when=lambda v: len(set(v)) == 1, hint="You gave every statement the same label. "
                    "All four thinking errors appear at least once."),
        ),
        worked=('answer = ["overgeneralisation", "personalisation", "catastrophising",\n'
                '          "emotional reasoning", "personalisation", "overgeneralisation"]'),
        explanation=(
            "1 and 6 turn one event into a rule ('nobody ever', 'always'): overgeneralisation. 2 and 5 assume "
            "that what others do must be about you: personalisation. 3 expects the worst possible outcome: "
            "catastrophising. 4 takes a feeling as proof: emotional reasoning. Real thoughts often mix "
            "several errors; naming the main one is a first step to questioning it."
        ),
        praise="Naming the error is the first step to questioning the thought.",
    ),
    Task(
        id="ex7.2",
        title="Count all-or-nothing words",
        objective="Practise: recognise overgeneralisation, and see what a simple word search can and cannot do.",
        kind=Number(what="one whole number: how many statements", tolerance=1e-9),
        expected=COUNT,
        start="Loop over statements; for each one, check whether any of the words occurs in it "
              "(in lower case), and add 1 to a counter when one does.",
        hint="Count statements, not words: a statement counts once when it contains at least one of the words.",
        mistakes=(
            Mistake(equals=COUNT_NO_LOWER, hint="Python treats 'Nobody' and 'nobody' as different. "
                    "Make each statement lower case with .lower() before you search in it."),
            Mistake(equals=COUNT_WORDS, hint="You counted words, so a statement with two of the words counted "
                    "twice. Count each statement at most once (any( ) or a break helps)."),
            Mistake(equals=len(STATEMENTS), hint="That is the number of all statements. "
                    "Count only those that contain one of the words."),
            Mistake(equals=0, hint="You found none. Check the spelling of the words, and use .lower() on "
                    "each statement so that capital letters do not hide a word."),
        ),
        worked=("count = 0\n"
                "for statement in statements:\n"
                "    text = statement.lower()\n"
                "    if any(word in text for word in words):\n"
                "        count = count + 1\n"
                "answer = count"),
        explanation=(
            "The loop looks at each statement in lower case and adds 1 when at least one of the words occurs "
            "in it: statements 1 ('nobody'), 3 ('never') and 6 ('everyone', 'always'), so 3. Note what the "
            "word search gets wrong: statement 3 is catastrophising, not overgeneralisation, and a thought "
            "can overgeneralise without any of these words. Words are clues, not proof."
        ),
        praise="3 statements. But is statement 3 an overgeneralisation? Word searches give clues, not diagnoses.",
    ),
    Task(
        id="ex7.3",
        title="The three parts of self-compassion",
        objective="Practise: describe the three components of self-compassion (Neff, 2003).",
        kind=Labels(what="a list of 3 components", length=3, allowed=COMPASSION),
        expected=COMPASSION,
        start="Write the three labels in a list, one per statement: \"self-kindness\", "
              "\"common humanity\" or \"mindfulness\".",
        hint="Self-kindness: warmth towards yourself. Common humanity: others go through this too. "
             "Mindfulness: noticing the feeling without blowing it up or pushing it away.",
        item_hints=(
            "Look again at statement 1: it reminds you that many people go through the same. "
            "Which component is about not being alone in it?",
            "Look again at statement 2: it notices the feeling without exaggerating or avoiding it. "
            "Which component is that?",
            "Look again at statement 3: it is about treating yourself as kindly as a friend. "
            "Which component is that?",
        ),
        worked='answer = ["common humanity", "mindfulness", "self-kindness"]',
        explanation=(
            "Statement 1 sees the rejection as part of a shared human experience: common humanity. Statement 2 "
            "holds the painful feeling in balanced awareness: mindfulness. Statement 3 offers yourself the "
            "warmth you would give a friend: self-kindness (Neff, 2003)."
        ),
        praise="Kindness, common humanity and balanced awareness: Neff's three components.",
    ),
    Task(
        id="ex7.4",
        title="Is neuroticism the key?",
        objective="Practise: check a popular claim about personality and rejection against a study.",
        kind=Choice(options=("a", "b", "c", "d")),
        expected="b",
        start="Pick one letter and write it in quotes, like \"a\".",
        hint="Look at what McDonald and Donnellan (2012) tested: did personality change how strongly people "
             "reacted right after being excluded?",
        mistakes=(
            Mistake(equals="a", hint="That is the popular claim, not what the study found. "
                    "What did McDonald and Donnellan find when they tested it in 270 people?"),
            Mistake(equals="c", hint="Being excluded hurts for most people, whatever their personality. "
                    "Nothing in the study limits the hurt to one group."),
            Mistake(equals="d", hint="The study was about ostracism: people were excluded on purpose, "
                    "and their reactions were measured."),
        ),
        worked='answer = "b"',
        explanation=(
            "(b) is right. McDonald and Donnellan (2012) tested in 270 people whether personality traits, "
            "neuroticism among them, changed people's immediate reactions to being excluded, and found little "
            "evidence that they did. The popular article (a) presents neuroticism as a key factor: more than "
            "this study supports."
        ),
        praise="Exclusion stings for most people, whatever their personality.",
    ),
    Task(
        id="ex7.5",
        title="Questions to ask of a source",
        objective="Practise: notice when advice comes from a commercial source, and what to check.",
        kind=TextSet(what="a set of letters", allowed=("a", "b", "c", "d", "e")),
        expected=frozenset({"a", "b", "d"}),
        start="Write the letters of the useful questions as a set or list, like {\"a\", \"c\"}.",
        hint="Keep the questions that help you judge whether a claim is true and who benefits from it; "
             "leave out those about how the text feels or how popular it is.",
        mistakes=(
            Mistake(when=lambda v: "c" in v, hint="A warm, confident tone makes a text pleasant to read, "
                    "but it says nothing about whether the claims are true."),
            Mistake(when=lambda v: "e" in v, hint="Being shared often shows that a text is popular, "
                    "not that it is right."),
            Mistake(when=lambda v: "a" not in v, hint="Think about who wrote the article and what they sell: "
                    "a source that sells therapy has a reason to present it in a good light."),
            Mistake(when=lambda v: "b" not in v or "d" not in v, hint="Which questions let you check the "
                    "claims against the studies themselves?"),
        ),
        worked='answer = {"a", "b", "d"}',
        explanation=(
            "(a) matters because the coping article in this chapter comes from a commercial therapy platform: "
            "not wrong for that reason, but written by someone who sells a service. (b) and (d) let you check "
            "the claims against the evidence. (c) tone and (e) popularity tell you nothing about accuracy."
        ),
        praise="Who says it, on what evidence, and does the evidence say that?",
    ),
]
