"""The course's one simulated population: reproducible, labelled as simulated,
close to its targets, and the same people wherever the course shows it."""

import numpy as np
import pytest

from socialbrain import scales
from socialbrain.simulate import PARAMETERS, add_scores, plot_survey, simulate_survey
from socialbrain.widgets import loneliness_map


@pytest.fixture(scope="module")
def survey():
    return simulate_survey()


def test_same_seed_same_data(survey):
    assert simulate_survey().equals(survey)
    assert not simulate_survey(seed=1).equals(survey)


def test_labelled_as_simulated(survey):
    assert survey.attrs["simulated"] is True
    assert survey.attrs["seed"] == 2022 and survey.attrs["n"] == 1000
    assert survey.attrs["parameters"] == PARAMETERS
    assert "SIMULATED" in survey.attrs["description"]


def test_answers_are_valid_and_scores_agree(survey):
    for _, row in survey.head(50).iterrows():
        answers = [row[f"djg_{i}"] for i in range(1, 12)]
        assert scales.djg_score(answers) == row["djg_total"]
        assert scales.lsns6_score([int(row[f"lsns_{i}"]) for i in range(1, 7)]) == row["lsns6_total"]
    assert add_scores(simulate_survey(n=20, scores=False)).equals(simulate_survey(n=20))


def test_close_to_the_dutch_targets(survey):
    targets = PARAMETERS["targets"]
    assert abs(survey["lonely"].mean() - targets["lonely (DJG >= 3)"]) < 0.04
    assert abs((survey["djg_total"] >= 9).mean() - targets["severely lonely (DJG >= 9)"]) < 0.04
    assert abs(survey["isolated"].mean() - targets["at risk of isolation (LSNS-6 < 12)"]) < 0.04


def test_matches_the_facts_it_is_modelled_on(survey):
    djg, lsns = survey["djg_total"], survey["lsns6_total"]
    assert djg.min() >= 0 and djg.max() <= 11 and lsns.min() >= 0 and lsns.max() <= 30
    assert (djg >= 3).mean() == pytest.approx(0.48, abs=0.04)   # Gezondheidsmonitor 2022
    assert (djg >= 9).mean() == pytest.approx(0.14, abs=0.03)
    assert (lsns < 12).mean() == pytest.approx(0.15, abs=0.04)  # Lubben 2006: 11-20%


def test_loneliness_and_isolation_are_only_weakly_related(survey):
    r = survey["djg_total"].corr(survey["lsns6_total"])
    assert -0.45 < r < -0.1  # weak and negative: a simulation parameter, not a fact
    lonely = survey["lonely"]
    assert (~survey["isolated"][lonely]).mean() > 0.6  # most lonely people are not isolated


def test_the_latent_correlation_matters(monkeypatch):
    def r(rho):
        monkeypatch.setitem(PARAMETERS, "latent_correlation", rho)
        df = simulate_survey(n=2000, seed=1)
        return df["djg_total"].corr(df["lsns6_total"])

    assert abs(r(0.0)) < abs(r(-0.3))


def test_quadrants_add_up_for_every_cut_off(survey):
    djg, lsns = survey["djg_total"], survey["lsns6_total"]
    for lc in range(1, 12):
        for ic in (1, 6, 12, 20, 30):
            q = scales.quadrant_counts(djg, lsns, lc, ic)
            assert sum(q.values()) == len(survey)
            assert q["lonely and isolated"] + q["lonely, not isolated"] == int((djg >= lc).sum())
            assert q["lonely and isolated"] + q["isolated, not lonely"] == int((lsns < ic).sum())
    assert scales.quadrant_counts(djg, lsns) == {q: int((survey["quadrant"] == q).sum()) for q in scales.QUADRANTS}


def test_the_chapter_widget_shows_these_people(survey):
    counts = survey["quadrant"].value_counts()
    defaults = loneliness_map.spec().defaults
    fields = loneliness_map.fields(defaults)
    for quadrant, field in loneliness_map.QUADRANT_FIELDS.items():
        assert fields[field].startswith(f"{counts[quadrant]} (")
    dots = loneliness_map.figure(defaults).data[2]  # one jittered dot per person
    assert np.abs(np.asarray(dots.x) - survey["lsns6_total"].to_numpy()).max() <= 0.355
    assert np.abs(np.asarray(dots.y) - survey["djg_total"].to_numpy()).max() <= 0.355


def test_plot_is_labelled(survey):
    fig = plot_survey(survey)
    assert "simulated" in fig.layout.title.text
    assert len(fig.data[0].x) == len(survey)


def test_bad_n():
    with pytest.raises(ValueError):
        simulate_survey(n=0)
