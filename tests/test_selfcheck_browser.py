"""Self-checks in a real browser: marked at once, explained, remembered after a reload, counted on the progress page."""

from pathlib import Path


def _feedback(page, qid):
    return page.locator(f'form[data-selfcheck="{qid}"] .selfcheck-feedback').inner_text()


def test_answers_are_marked_explained_and_remembered(server, context):
    page = context.new_page()
    page.goto(f"{server}/book/how-to-use.html")

    # Right answer, by mouse.
    page.locator('form[data-selfcheck="start-storage"] input[value="1"]').check()
    page.locator('form[data-selfcheck="start-storage"] button').click()
    assert "Right." in _feedback(page, "start-storage")
    assert "local storage" in _feedback(page, "start-storage")

    # Wrong answer, by keyboard only: focus the first radio, Space selects it, Enter submits.
    page.locator('form[data-selfcheck="start-evidence"] input[value="true"]').focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    assert "Not quite." in _feedback(page, "start-evidence")

    # A number typed with a Dutch decimal comma still counts.
    page.locator('form[data-selfcheck="start-chapters"] input[type="text"]').fill("8,0")
    page.locator('form[data-selfcheck="start-chapters"] input[type="text"]').press("Enter")
    assert "Right." in _feedback(page, "start-chapters")

    page.reload()
    assert page.locator('form[data-selfcheck="start-storage"] input[value="1"]').is_checked()
    assert "Right." in _feedback(page, "start-storage")
    assert "Not quite." in _feedback(page, "start-evidence")

    page.goto(f"{server}/book/progress.html")
    row = page.locator('tr[data-progress-page="book/how-to-use"]')
    assert row.locator(".progress-count").inner_text() == "3 of 3"
    assert "2 right" in row.locator(".progress-status").inner_text()

    # Forgetting asks first: cancelled, nothing is lost; confirmed, everything goes.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Forget my answers").click()
    assert row.locator(".progress-count").inner_text() == "3 of 3"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Forget my answers").click()
    assert row.locator(".progress-count").inner_text() == "0 of 3"


def test_a_wrong_answer_keeps_the_explanation_back_until_asked(server, context):
    page = context.new_page()
    page.goto(f"{server}/book/how-to-use.html")
    form = page.locator('form[data-selfcheck="start-storage"]')
    form.locator('input[value="0"]').check()
    form.locator("button").click()
    explanation = form.locator(".selfcheck-why p")
    assert "Not quite." in _feedback(page, "start-storage")
    assert not explanation.is_visible()
    form.get_by_text("Show the explanation").click()
    assert "local storage" in explanation.inner_text()
    form.locator('input[value="1"]').check()
    form.locator("button").click()
    assert "Right." in _feedback(page, "start-storage")


def test_a_proportion_for_a_percentage_gets_a_second_try(server, context):
    page = context.new_page()
    page.goto(f"{server}/book/03-the-brains-own-painkillers.html")
    field = page.locator('form[data-selfcheck="ch03-many-regions"] input[type="text"]')
    field.fill("0,14")
    field.press("Enter")
    assert "As a percentage, please" in _feedback(page, "ch03-many-regions")
    field.fill("14")
    field.press("Enter")
    assert "Right." in _feedback(page, "ch03-many-regions")


def test_empty_and_non_numeric_answers_get_a_prompt_not_a_verdict(server, context):
    page = context.new_page()
    page.goto(f"{server}/book/how-to-use.html")
    page.locator('form[data-selfcheck="start-storage"] button').click()
    assert "Choose or type an answer first" in _feedback(page, "start-storage")
    page.locator('form[data-selfcheck="start-chapters"] input[type="text"]').fill("eight")
    page.locator('form[data-selfcheck="start-chapters"] button').click()
    assert "Please type a number" in _feedback(page, "start-chapters")


CHAPTER_PAGES = [f"book/{p.stem}.html" for p in sorted((Path(__file__).parent.parent / "book").glob("0[1-8]-*.md"))]


def test_every_chapter_has_working_self_checks(server, context):
    """In each chapter: the first question answered right, the second wrong; both remembered after a reload."""
    assert len(CHAPTER_PAGES) == 8
    page = context.new_page()
    for path in CHAPTER_PAGES:
        page.goto(f"{server}/{path}")
        forms = page.locator("form.selfcheck")
        assert forms.count() >= 3, f"{path}: fewer than three self-checks"
        ids = []
        for i, want_right in ((0, True), (1, False)):
            form = forms.nth(i)
            ids.append(form.get_attribute("data-selfcheck"))
            key = form.evaluate("f => JSON.parse(atob(f.dataset.key))")
            if key["type"] == "number":
                value = key["answer"] if want_right else key["answer"] + 10 * (key.get("tolerance", 0) + 1)
                form.locator('input[type="text"]').fill(str(value))
            else:
                values = form.locator('input[type="radio"]').evaluate_all("rs => rs.map(r => r.value)")
                right = str(key["answer"]).lower()
                choice = right if want_right else next(v for v in values if v != right)
                form.locator(f'input[value="{choice}"]').check()
            form.locator("button").click()
            verdict = "Right." if want_right else "Not quite."
            assert verdict in form.locator(".selfcheck-feedback").inner_text(), f"{path} {ids[-1]}"
        page.reload()
        assert "Right." in page.locator(f'form[data-selfcheck="{ids[0]}"] .selfcheck-feedback').inner_text()
        assert "Not quite." in page.locator(f'form[data-selfcheck="{ids[1]}"] .selfcheck-feedback').inner_text()
