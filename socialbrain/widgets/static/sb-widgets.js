/* The Social Brain: static (no-kernel) widgets.
 *
 * One script for every widget on a page. Each widget root
 * ([data-widget]) holds its precomputed states as JSON in
 * <script type="application/json" class="sb-data"> (made by
 * socialbrain/widgets/embed.py), or, in the book, in the file its data-src
 * names, fetched when the widget comes near the screen. On every control change this script
 * composes the figure for the chosen state (base + one patch per factor),
 * redraws it with the page's shared window.Plotly (once sb-plotly.js has
 * loaded it), and rewrites the
 * aria-live description. After each redraw the root carries
 * data-state="<control>=<index>;..." and fires an "sb-widget-update" event.
 */
(function () {
  "use strict";

  function controlIndex(form, c) {
    var el = form.elements[c.name];
    if (!el) { return 0; }
    if (c.kind === "checkbox") { return el.checked ? 1 : 0; }
    var v = parseInt(el.value, 10);  // select, range, radio (RadioNodeList.value)
    return isNaN(v) ? 0 : v;
  }

  function compose(spec, idx) {
    var data = spec.base.data.map(function (t) { return Object.assign({}, t); });
    var layout = Object.assign({}, spec.base.layout);
    var fields = Object.assign({}, spec.base.fields);
    spec.factors.forEach(function (f) {
      var key = f.controls.map(function (n) { return idx[n]; }).join("|");
      var p = f.patches[key] || {};
      Object.keys(p.d || {}).forEach(function (i) {
        var props = p.d[i];
        Object.keys(props).forEach(function (k) {
          if (props[k] === null) { delete data[+i][k]; } else { data[+i][k] = props[k]; }
        });
      });
      Object.keys(p.l || {}).forEach(function (k) {
        if (p.l[k] === null) { delete layout[k]; } else { layout[k] = p.l[k]; }
      });
      Object.assign(fields, p.f || {});
    });
    return { data: data, layout: layout, fields: fields };
  }

  function fill(template, fields) {
    return template.replace(/\{(\w+)\}/g, function (m, name) {
      return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : m;
    });
  }

  function update(root, spec) {
    var form = root.querySelector("form.sb-controls");
    var idx = {};
    var stateParts = [];
    spec.controls.forEach(function (c) {
      var i = controlIndex(form, c);
      idx[c.name] = i;
      stateParts.push(c.name + "=" + i);
      if (c.kind === "range") {
        var el = form.elements[c.name];
        var label = c.labels[i];
        el.setAttribute("aria-valuetext", label);
        var out = form.querySelector("output[for='" + el.id + "']");
        if (out) { out.textContent = label; }
      }
    });
    var st = compose(spec, idx);
    var desc = root.querySelector(".sb-desc");
    var text = fill(spec.description, st.fields);
    if (desc && desc.textContent !== text) { desc.textContent = text; }
    root.querySelectorAll("[data-field]").forEach(function (el) {
      var name = el.getAttribute("data-field");
      if (name in st.fields) { el.textContent = st.fields[name]; }
    });
    var plot = root.querySelector(".sb-plot");
    root.setAttribute("data-state", stateParts.join(";"));
    if (window.Plotly && plot) {
      var done = window.Plotly.react(plot, st.data, st.layout, spec.config);
      var fire = function () { root.dispatchEvent(new CustomEvent("sb-widget-update", { bubbles: true })); };
      if (done && done.then) { done.then(fire); } else { fire(); }
    }
  }

  function init(root) {
    if (root.getAttribute("data-sb-ready")) { return; }
    var script = root.querySelector("script.sb-data");
    var form = root.querySelector("form.sb-controls");
    if (!script || !form) { return; }
    var spec;
    try { spec = JSON.parse(script.textContent); } catch (e) {
      if (window.console) { console.error("sb-widgets: bad JSON in", root, e); }
      return;
    }
    root.setAttribute("data-sb-ready", "1");
    var handler = function () { update(root, spec); };
    form.addEventListener("input", handler);
    form.addEventListener("change", handler);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    handler();
  }

  /* Large state tables live in a file of their own (socialbrain/book/widget_data.py):
     fetch it once the widget comes near the screen, then set the widget up. */
  function fetchThenInit(root, script) {
    fetch(script.getAttribute("data-src")).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.text();
    }).then(function (text) {
      script.textContent = text;
      init(root);
    }, function (e) {
      if (window.console) { console.error("sb-widgets: the states did not load for", root, e); }
      var note = document.createElement("p");
      note.className = "sb-noplot";
      note.textContent = "The plot could not be drawn (its data did not load); the text below describes it.";
      root.querySelector(".sb-plot").appendChild(note);
    });
  }

  var near = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) { return; }
      near.unobserve(entry.target);
      fetchThenInit(entry.target, entry.target.querySelector("script.sb-data"));
    });
  }, { rootMargin: "600px 0px" }) : null;

  function initAll() {
    document.querySelectorAll("[data-widget]").forEach(function (root) {
      var script = root.querySelector("script.sb-data");
      if (!script || !script.hasAttribute("data-src") || script.textContent.trim()) { init(root); }
      else if (near) { near.observe(root); }
      else { fetchThenInit(root, script); }
    });
  }

  window.sbWidgets = { init: init, initAll: initAll, compose: compose };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
  // plotly.js loads when a widget comes near the screen (sb-plotly.js): draw then.
  window.addEventListener("sb-plotly-ready", function () {
    document.querySelectorAll("[data-widget][data-sb-ready]").forEach(function (root) {
      var form = root.querySelector("form.sb-controls");
      if (form) { form.dispatchEvent(new Event("change")); }
    });
  });
})();
