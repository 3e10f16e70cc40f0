/* Self-check questions: mark, explain, and remember answers in this browser.
   Forms are written by socialbrain/book/selfcheck.py; nothing leaves the page. */
(function () {
  "use strict";
  var STORE = "socialbrain.selfcheck.v1";  /* one store for both editions: progress is per question */

  /* A translated edition puts its messages in window.socialbrainText (socialbrain/book/switch.py);
     "{name}" fields are filled from `fields`. */
  function t(message, fields) {
    var text = (window.socialbrainText || {})[message] || message;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return fields && name in fields ? fields[name] : all; });
  }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORE)) || {}; }
    catch (e) { return {}; }
  }
  function save(all) {
    try { window.localStorage.setItem(STORE, JSON.stringify(all)); } catch (e) { /* private mode: no memory */ }
  }
  function keyOf(form) { return JSON.parse(window.atob(form.dataset.key)); }

  function parseNumber(text) {
    var cleaned = String(text).trim().replace(/\s/g, "").replace("%", "").replace(",", ".");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) { return null; }
    return parseFloat(cleaned);
  }

  function isRight(key, value) {
    if (key.type === "number") {
      var x = parseNumber(value);
      return x !== null && Math.abs(x - key.answer) <= (key.tolerance || 0) + 1e-9;
    }
    return String(value) === String(key.answer);
  }

  function currentValue(form) {
    var text = form.querySelector('input[type="text"]');
    if (text) { return text.value; }
    var checked = form.querySelector('input[name="answer"]:checked');
    return checked ? checked.value : null;
  }

  /* A right answer comes with its explanation; a wrong one offers it on request, so the
     reader can think again and try a second time first. */
  function show(form, value, right) {
    var box = form.querySelector(".selfcheck-feedback");
    var why = form.querySelector(".selfcheck-explanation").innerHTML;
    form.classList.remove("is-right", "is-wrong");
    form.classList.add(right ? "is-right" : "is-wrong");
    var verdict = '<p class="selfcheck-verdict"><span aria-hidden="true">' + (right ? "✓" : "✗") + "</span> " +
      (right ? t("Right.") : t("Not quite. Try again, or read why.")) + "</p>";
    box.innerHTML = verdict + (right ? "<p>" + why + "</p>"
      : '<details class="selfcheck-why"><summary>' + t("Show the explanation") + '</summary><p>' + why + "</p></details>");
  }

  /* 0.4 for a question asked in percent is a proportion, not a wrong answer. */
  function looksLikeProportion(key, value) {
    var x = parseNumber(value);
    return key.type === "number" && key.unit === "%" && x !== null && Math.abs(x) > 0 && Math.abs(x) < 1 &&
      Math.abs(key.answer) >= 1;
  }

  function restore(form, saved) {
    var text = form.querySelector('input[type="text"]');
    if (text) { text.value = saved.value; }
    else {
      var radio = form.querySelector('input[name="answer"][value="' + String(saved.value).replace(/"/g, "") + '"]');
      if (radio) { radio.checked = true; }
    }
    show(form, saved.value, saved.right);
  }

  function setUpForm(form, all) {
    var id = form.dataset.selfcheck;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = currentValue(form);
      var box = form.querySelector(".selfcheck-feedback");
      if (value === null || String(value).trim() === "") {
        form.classList.remove("is-right", "is-wrong");
        box.innerHTML = "<p>" + t("Choose or type an answer first.") + "</p>";
        return;
      }
      var key = keyOf(form);
      if (key.type === "number" && parseNumber(value) === null) {
        form.classList.remove("is-right", "is-wrong");
        box.innerHTML = "<p>" + t("Please type a number, such as 12 or 48.6.") + "</p>";
        return;
      }
      if (looksLikeProportion(key, value)) {
        form.classList.remove("is-right", "is-wrong");
        box.innerHTML = "<p>" + t("As a percentage, please: for example, 0.25 is 25%.") + "</p>";
        return;
      }
      var right = isRight(key, value);
      var store = load();
      store[id] = { value: value, right: right, page: window.location.pathname, at: new Date().toISOString() };
      save(store);
      show(form, value, right);
    });
    if (all[id]) { restore(form, all[id]); }
  }

  function setUpProgress(table) {
    var all = load();
    table.querySelectorAll("tr[data-ids]").forEach(function (row) {
      var ids = row.dataset.ids.split(" ").filter(Boolean);
      var answered = ids.filter(function (id) { return all[id]; });
      var right = answered.filter(function (id) { return all[id].right; });
      row.querySelector(".progress-count").textContent = t("{answered} of {total}", { answered: answered.length, total: ids.length });
      var status = answered.length === 0 ? t("not started")
        : answered.length < ids.length ? t("in progress ({right} right)", { right: right.length })
        : right.length === ids.length ? t("done, all right") : t("done ({right} right)", { right: right.length });
      row.querySelector(".progress-status").textContent = status;
      row.classList.toggle("is-done", answered.length === ids.length);
    });
  }

  function start() {
    var all = load();
    document.querySelectorAll("form.selfcheck").forEach(function (form) { setUpForm(form, all); });
    document.querySelectorAll("table.selfcheck-progress").forEach(setUpProgress);
    document.querySelectorAll("button.selfcheck-reset").forEach(function (button) {
      button.addEventListener("click", function () {
        if (!window.confirm(t("Forget every answer you have given in this browser? This cannot be undone."))) { return; }
        save({});
        document.querySelectorAll("table.selfcheck-progress").forEach(setUpProgress);
        var status = document.querySelector(".selfcheck-reset-status");
        if (status) { status.textContent = t("Your saved answers are forgotten."); }
      });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
