"""Reference scoring of the De Jong Gierveld scale and the LSNS-6 (dejonggierveld1999, lubben2006)."""

import pytest

from socialbrain import scales

NEGATIVE = {2, 3, 5, 6, 9, 10}


def not_lonely_pattern():
    return ["no" if i in NEGATIVE else "yes" for i in range(1, 12)]


def test_items_match_the_manual():
    assert len(scales.DJG_ITEMS) == 11
    assert {i.number for i in scales.DJG_ITEMS if not i.positive} == NEGATIVE
    assert {i.number for i in scales.DJG_ITEMS if i.subscale == "emotional"} == NEGATIVE
    assert scales.DJG_ITEMS[1].text == "I miss having a really close friend."
    assert [i.subscale for i in scales.LSNS6_ITEMS] == ["family"] * 3 + ["friends"] * 3


@pytest.mark.parametrize("item", range(1, 12))
def test_each_item_is_keyed_right(item):
    answers = not_lonely_pattern()
    assert scales.djg_score(answers) == 0
    answers[item - 1] = "more or less"
    assert scales.djg_score(answers) == 1
    answers[item - 1] = "yes" if item in NEGATIVE else "no"
    assert scales.djg_score(answers) == 1
    assert scales.djg_subscales(answers) == ((1, 0) if item in NEGATIVE else (0, 1))


def test_whole_patterns_and_normalisation():
    assert scales.djg_score(["no"] * 11) == 5
    assert scales.djg_score(["yes"] * 11) == 6
    assert scales.djg_score([" More or Less "] * 11) == 11
    assert scales.djg_subscales(("more or less",) * 11) == (6, 5)


@pytest.mark.parametrize("bad", [["yes"] * 10, ["yes"] * 12, "yes" * 11, None, ["yes"] * 10 + ["ja"], ["yes"] * 10 + [1]])
def test_djg_validation(bad):
    with pytest.raises(ValueError, match=r"\w"):
        scales.djg_score(bad)


@pytest.mark.parametrize("score,level", [(0, "not lonely"), (2, "not lonely"), (3, "moderately lonely"),
                                         (8, "moderately lonely"), (9, "severely lonely"),
                                         (10, "severely lonely"), (11, "very severely lonely")])
def test_djg_levels(score, level):
    assert scales.djg_level(score) == level


@pytest.mark.parametrize("bad", [-1, 12, 2.5, "3", None, True])
def test_djg_level_validation(bad):
    with pytest.raises(ValueError):
        scales.djg_level(bad)


def test_lsns6():
    assert scales.lsns6_score([1, 2, 3, 4, 5, 0]) == 15
    assert scales.lsns6_subscales([1, 2, 3, 4, 5, 0]) == (6, 9)
    assert scales.lsns6_isolated(11) is True and scales.lsns6_isolated(12) is False
    for bad in ([1] * 5, [6] + [0] * 5, [-1] + [0] * 5, [2.5] + [0] * 5, "012345"):
        with pytest.raises(ValueError):
            scales.lsns6_score(bad)


@pytest.mark.parametrize("djg,lsns,label", [(3, 11, "lonely and isolated"), (3, 12, "lonely, not isolated"),
                                            (2, 11, "isolated, not lonely"), (2, 12, "neither")])
def test_quadrant_cutoffs(djg, lsns, label):
    assert scales.quadrant(djg, lsns) == label


def test_cut_offs_can_be_moved_and_are_checked():
    assert scales.djg_lonely(3) is True and scales.djg_lonely(2) is False
    assert scales.djg_lonely(8, cutoff=9) is False and scales.djg_lonely(9, cutoff=9) is True
    assert scales.lsns6_isolated(14, cutoff=15) is True and scales.lsns6_isolated(15, cutoff=15) is False
    assert scales.quadrant(5, 20, lonely_cut=6, isolated_cut=21) == "isolated, not lonely"
    for bad in (-1, 2.5, None, True):
        with pytest.raises(ValueError):
            scales.djg_lonely(3, cutoff=bad)
        with pytest.raises(ValueError):
            scales.lsns6_isolated(12, cutoff=bad)


def test_quadrant_counts_on_a_hand_made_population():
    djg = [0, 5, 9, 2, 3]
    lsns = [5, 5, 20, 20, 12]
    assert scales.quadrant_counts(djg, lsns) == {
        "lonely and isolated": 1, "lonely, not isolated": 2, "isolated, not lonely": 1, "neither": 1}
    assert list(scales.quadrant_counts([], [])) == list(scales.QUADRANTS)
    with pytest.raises(ValueError):
        scales.quadrant_counts([0, 5], [5])
    with pytest.raises(ValueError):
        scales.quadrant_counts([12], [5])
