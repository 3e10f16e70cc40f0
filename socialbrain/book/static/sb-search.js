/* Search result snippets from the article itself.
   Sphinx's searchtools.js cuts each snippet from the page's whole [role=main]
   element, which in sphinx-book-theme also holds the article header (the
   download menu's ".pdf", the "Contents" button) and the on-page contents,
   so snippets began with "....pdf … Contents". Sphinx documents
   Search.htmlToText as the place to change this; only the search page loads
   this script, after searchtools.js (it is deferred) and before any search runs. */
(function () {
  "use strict";
  if (typeof Search === "undefined" || !Search.htmlToText) { return; }
  var sphinxHtmlToText = Search.htmlToText;
  var NOT_TEXT = ".headerlink, script, style, noscript";  // figure and widget data live in <script>s

  Search.htmlToText = function (htmlString, anchor) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    var article = page.querySelector("article.bd-article");
    if (!article) { return sphinxHtmlToText(htmlString, anchor); }
    article.querySelectorAll(NOT_TEXT).forEach(function (el) { el.remove(); });
    var part = null;
    try { part = anchor ? article.querySelector(anchor) : null; } catch (e) { part = null; }
    return (part || article).textContent.replace(/\s+/g, " ").trim();
  };
})();
