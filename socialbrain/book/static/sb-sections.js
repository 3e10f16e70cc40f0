/* Sections far from the screen are not laid out when a page loads (content-visibility: auto in
   socialbrain.css), so a phone's first layout is one screen's work, not a whole chapter's. Until
   a section is laid out, 600 px stands in for it, and a jump to a place below it (Tab, find in
   page, a script's scrollIntoView) lands wrong when it then grows to its real size. So once the
   page has loaded, each section is laid out in a task of its own (no long task on a phone), and
   stays so; <html data-sb-laid-out> says when all are. */
(function () {
  "use strict";
  var waiting = [].slice.call(document.querySelectorAll("article.bd-article > section > section"));

  function layOutNext() {
    var section = waiting.shift();
    if (!section) {
      document.documentElement.setAttribute("data-sb-laid-out", "");
      return;
    }
    section.classList.add("sb-laid-out");
    void section.offsetHeight; // lay it out now, in this task
    setTimeout(layOutNext, 0);
  }

  // Not inside the load event's task: the theme's own load handlers already make it a long one.
  function start() { setTimeout(layOutNext, 0); }
  if (document.readyState === "complete") { start(); }
  else { window.addEventListener("load", start); }
})();
