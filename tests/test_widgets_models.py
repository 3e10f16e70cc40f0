"""Tests for the models behind the chapter widgets (socialbrain.widgets.*).

The models are plain functions; these tests check them against the formulas
and against what the papers report (the studies each widget's source names,
all in references.bib).
"""

import math

import numpy as np
import pytest

from socialbrain.widgets import (approach_avoidance, dunbar_layers, opioid_resilience, pain_overlap,
                                 wanting_liking)


# ---------------------------------------------------------------- opioid_resilience

def test_sample_correlation_is_near_the_true_one_in_a_large_sample():
    m = opioid_resilience
    for rho in (0.0, 0.4, 0.8):
        x, y = m.simulate_sample(5000, rho, draw=1)
        assert abs(m.sample_correlation(x, y) - rho) < 0.04


def test_same_seed_same_sample_and_draws_differ():
    m = opioid_resilience
    a = m.simulate_sample(18, 0.4, draw=1)
    b = m.simulate_sample(18, 0.4, draw=1)
    c = m.simulate_sample(18, 0.4, draw=2)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])
    assert len(a[0]) == 18


def test_small_samples_scatter_more_around_the_true_r_than_large_ones():
    m = opioid_resilience
    rs18 = [m.sample_correlation(*m.simulate_sample(18, 0.4, d)) for d in range(1, 201)]
    rs200 = [m.sample_correlation(*m.simulate_sample(200, 0.4, d)) for d in range(1, 201)]
    assert np.std(rs18) > 2.5 * np.std(rs200)
    # Fisher's approximation: SD of r is about (1 - rho^2) / sqrt(n - 1).
    assert np.std(rs18) == pytest.approx((1 - 0.16) / math.sqrt(17), rel=0.25)


def test_fisher_interval_matches_the_formula():
    m = opioid_resilience
    lo, hi = m.fisher_ci(0.5, 18)
    z, se = math.atanh(0.5), 1 / math.sqrt(15)
    assert lo == pytest.approx(math.tanh(z - 1.959964 * se))
    assert hi == pytest.approx(math.tanh(z + 1.959964 * se))
    assert lo < 0.5 < hi
    # Wider in 18 people than in 200.
    lo2, hi2 = m.fisher_ci(0.5, 200)
    assert hi - lo > 2 * (hi2 - lo2)


def test_fisher_interval_covers_the_true_r_about_95_percent_of_the_time():
    m = opioid_resilience
    hits = 0
    for d in range(1, 401):
        lo, hi = m.fisher_ci(m.sample_correlation(*m.simulate_sample(18, 0.4, d)), 18)
        hits += lo <= 0.4 <= hi
    assert 0.90 < hits / 400 < 0.99


def test_fit_line_recovers_a_known_line():
    m = opioid_resilience
    x = np.linspace(-2, 2, 9)
    slope, icpt = m.fit_line(x, 0.5 * x + 1)
    assert slope == pytest.approx(0.5) and icpt == pytest.approx(1)


def test_regions_are_the_three_hsu_reported():
    m = opioid_resilience
    names = " ".join(m.REGIONS.values()).lower()
    for region in ("amygdala", "periaqueductal gray", "subgenual"):
        assert region in names
    assert 18 in m.SAMPLE_SIZES


# ---------------------------------------------------------------- pain_overlap

def test_overlap_sets_per_study_match_the_papers():
    m = pain_overlap
    e = m.overlap_sets("eisenberger2003")
    assert e["both"] == {"dACC"}
    assert not m.STUDIES["eisenberger2003"].pain_tested  # Cyberball only, no pain condition
    k = m.overlap_sets("kross2011")
    assert {"dACC", "AI"} <= k["both"]            # affective
    assert {"S2", "dpINS"} <= k["both"]           # sensory, the new finding
    assert m.STUDIES["kross2011"].pain_tested
    w = m.STUDIES["woo2014"]
    assert m.overlap_sets("woo2014")["both"] == k["both"]
    assert w.same_pattern is False
    assert w.classifier == {"pain": 92, "rejection": 80}


def test_every_region_in_the_diagram_has_a_full_name():
    m = pain_overlap
    for key in m.STUDIES:
        for regions in m.overlap_sets(key).values():
            assert regions <= set(m.REGION_NAMES)


def test_each_study_view_names_its_caveat():
    m = pain_overlap
    texts = {k: m.spec().text({"study": k}) for k in m.STUDIES}
    assert "not tested" in texts["eisenberger2003"]
    assert "differ" in texts["woo2014"] and "chance" in texts["woo2014"]


# ---------------------------------------------------------------- approach_avoidance

@pytest.mark.parametrize("longing,fear", [(6, 8), (3, 7), (2, 5.5), (9, 10)])
def test_gradients_cross_where_the_formula_says(longing, fear):
    m = approach_avoidance
    outcome, d = m.balance_point(longing, fear)
    assert outcome == "hover"
    assert d == pytest.approx((fear - longing) / (m.AVOIDANCE_SLOPE - m.APPROACH_SLOPE))
    assert m.approach(d, longing) == pytest.approx(m.avoidance(d, fear))
    # Further out approach wins, nearer in avoidance wins.
    assert m.approach(d + 0.5, longing) > m.avoidance(d + 0.5, fear)
    assert m.approach(d - 0.5, longing) < m.avoidance(d - 0.5, fear)


def test_avoidance_gradient_is_steeper():
    m = approach_avoidance
    assert m.AVOIDANCE_SLOPE > m.APPROACH_SLOPE
    with pytest.raises(ValueError):
        m.balance_point(5, 8, a=0.5, v=0.5)


def test_no_conflict_when_longing_beats_fear_or_fear_dominates():
    m = approach_avoidance
    assert m.balance_point(8, 5) == ("close", 0.0)
    assert m.balance_point(5, 5) == ("close", 0.0)
    outcome, d = m.balance_point(1, 10)
    assert outcome == "away" and d is None
    d_grid = np.linspace(0, m.D_MAX, 101)
    pull, push = m.approach(d_grid, 1), m.avoidance(d_grid, 10)
    assert not np.any((pull > push) & (pull > 0))


def test_stronger_fear_moves_the_balance_further_away():
    m = approach_avoidance
    assert m.balance_point(6, 9)[1] > m.balance_point(6, 7)[1]


# ---------------------------------------------------------------- dunbar_layers

def test_dunbar_layers_and_ratio_of_about_three():
    m = dunbar_layers
    assert m.SIZES[:5] == (1.5, 5, 15, 50, 150)
    assert all(2.9 <= r <= 3.4 for r in m.layer_ratios())
    assert m.ESTIMATE_RANGE == (69, 109) and m.WIDEST_CI == (4, 520)


def test_circle_area_is_proportional_to_people():
    m = dunbar_layers
    assert (m.radius(150) / m.radius(15)) ** 2 == pytest.approx(10)


# ---------------------------------------------------------------- wanting_liking

def test_dopamine_changes_wanting_not_liking():
    m = wanting_liking
    base = m.effect("none")
    up, down = m.effect("dopamine_up"), m.effect("dopamine_down")
    assert up["wanting"] > base["wanting"] > down["wanting"]
    assert up["liking"] == base["liking"] == down["liking"]


def test_opioid_hotspot_raises_liking():
    m = wanting_liking
    assert m.effect("opioid_hotspot")["liking"] > m.effect("none")["liking"]
