"""The search page quotes the matching article text in each result, not the page's header
("....pdf … Contents …" came from the download menu and the contents button)."""

import re

SNIPPET = "#search-results li p.context"


def _normalised(text):
    return re.sub(r"\s+", " ", text).strip()


def test_search_snippets_quote_the_article(server, context):
    page = context.new_page()
    page.goto(f"{server}/search.html?q=resilience")
    page.wait_for_selector(SNIPPET, timeout=15000)
    page.wait_for_timeout(1000)  # the snippets arrive one result page at a time
    results = [(li.locator("a").first.get_attribute("href"), _normalised(li.locator("p.context").inner_text()))
               for li in page.locator("#search-results li").all() if li.locator("p.context").count()]
    assert results, "no result with a snippet"
    for href, snippet in results:
        assert ".pdf" not in snippet and not snippet.strip(". ").startswith("Contents"), (href, snippet)

    # A page-level result quotes a passage around the word from the article itself.
    href, snippet = next((h, s) for h, s in results if "#" not in h and len(s) > 100)
    article = context.new_page()
    article.goto(f"{server}/{href}")
    text = _normalised(article.locator("article.bd-article").inner_text())
    quoted = snippet.strip(". ")
    assert "resili" in snippet.lower(), snippet  # Sphinx matches the stem: resilience, resilient
    assert quoted[:60] in text and quoted[-60:] in text, f"{href}: the snippet is not the article's text: {snippet!r}"
