"""The simulated survey: reproducible, labelled as simulated, close to its targets."""

import pytest

from socialbrain import scales
from socialbrain.simulate import PARAMETERS, add_scores, plot_survey, simulate_survey


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


def test_loneliness_and_isolation_are_only_weakly_related(survey):
    r = survey["djg_total"].corr(survey["lsns6_total"])
    assert -0.5 < r < -0.05
    lonely = survey["lonely"]
    assert (~survey["isolated"][lonely]).mean() > 0.6  # most lonely people are not isolated


def test_plot_is_labelled(survey):
    fig = plot_survey(survey)
    assert "simulated" in fig.layout.title.text
    assert len(fig.data[0].x) == len(survey)


def test_bad_n():
    with pytest.raises(ValueError):
        simulate_survey(n=0)
