/* Load plotly.js only when a figure comes near the screen, then draw it (or, on the page
   before a page with figures, prefetch it when the reader nears the next-page link).
   plotly.js is large; loaded up front it would hold back the first paint of
   every page with a figure. Each static figure is an empty box of its own
   height (socialbrain/book/plotly_output.py) with its JSON beside it; widgets
   (sb-widgets.js) redraw on the "sb-plotly-ready" event this script fires. */
(function () {
  "use strict";
  var script = document.currentScript;
  var loading = null;

  function loadPlotly() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL(script.dataset.plotly, script.src).href;
        tag.onload = resolve;
        tag.onerror = reject;
        document.head.appendChild(tag);
      }).then(function () {
        window.dispatchEvent(new Event("sb-plotly-ready"));
      }, function () {
        document.querySelectorAll(".sb-plotly, .sb-plot").forEach(function (box) {
          var note = document.createElement("p");
          note.className = "sb-noplot";
          note.textContent = "The plot could not be drawn (plotly.js did not load); the text below describes it.";
          box.appendChild(note);
        });
      });
    }
    return loading;
  }

  function draw(box) {
    var spec = JSON.parse(box.nextElementSibling.textContent);
    /* A narrow figure takes its phone layout (layout.meta.narrow, from socialbrain.plotting.finish);
       socialbrain.css says where a figure is narrow, and has already given the box that height. */
    var narrow = getComputedStyle(box).getPropertyValue("--sb-narrow").trim() === "1" && (spec.layout.meta || {}).narrow;
    var config = spec.config;
    if (narrow) {
      // On a phone the mode bar would cover the title.
      config = Object.assign({}, config, { displayModeBar: false });
    }
    loadPlotly().then(function () {
      if (!window.Plotly) { return; }
      var drawn = window.Plotly.newPlot(box, spec.data, spec.layout, config);
      if (narrow) { drawn.then(function () { return window.Plotly.relayout(box, narrow); }); }
    });
  }

  /* A page without figures before one with figures: fetch plotly.js at low priority once the
     reader nears the link to the next page, unless the reader asked to save data. */
  function prefetchBeforeNext() {
    var next = document.querySelector(".prev-next-area a.right-next");
    var saving = navigator.connection && navigator.connection.saveData;
    if (!next || saving || !("IntersectionObserver" in window)) { return; }
    var watch = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) { return; }
      watch.disconnect();
      var link = document.createElement("link");
      link.rel = "prefetch";
      link.href = new URL(script.dataset.plotly, script.src).href;
      document.head.appendChild(link);
    }, { rootMargin: "600px 0px" });
    watch.observe(next);
  }

  function start() {
    if (script.dataset.prefetch === "next") { prefetchBeforeNext(); return; }
    var figures = document.querySelectorAll(".sb-plotly");
    var widgets = document.querySelectorAll("[data-widget]");
    if (!("IntersectionObserver" in window)) {
      figures.forEach(draw);
      if (widgets.length) { loadPlotly(); }
      return;
    }
    var watch = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) { return; }
        watch.unobserve(entry.target);
        if (entry.target.classList.contains("sb-plotly")) { draw(entry.target); } else { loadPlotly(); }
      });
    }, { rootMargin: "600px 0px" });
    figures.forEach(function (box) { watch.observe(box); });
    widgets.forEach(function (root) { watch.observe(root); });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
