// Filtering, keyboard navigation, language and theme. The page is complete
// without this script: it only hides cards and remembers choices in the URL.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("has-js");
  var form = document.getElementById("filters");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var shown = document.getElementById("shown");
  var index = cards.map(function (c) { return { el: c, text: c.textContent.toLowerCase() }; });

  function state() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    return p;
  }
  function apply() {
    var p = state();
    if (p.get("lang")) root.setAttribute("data-lang", p.get("lang") === "en" ? "en" : "ar");
    if (p.get("theme")) root.setAttribute("data-theme", p.get("theme") === "dark" ? "dark" : "light");
    var f = {};
    ["severity", "type", "source", "entity", "story", "q"].forEach(function (k) {
      f[k] = p.get(k) || "";
      if (form && form.elements[k]) form.elements[k].value = f[k];
    });
    var q = f.q.toLowerCase(), n = 0;
    index.forEach(function (it) {
      var d = it.el.dataset;
      var ok = (!f.severity || d.severity === f.severity) && (!f.type || d.type === f.type) &&
        (!f.story || d.story === f.story) && (!f.source || d.source.split("|").indexOf(f.source) >= 0) &&
        (!f.entity || d.entity.split("|").indexOf(f.entity) >= 0) &&
        (!q || it.text.indexOf(q) >= 0);
      it.el.hidden = !ok;
      if (ok) n++;
    });
    if (shown) shown.textContent = n + " / " + cards.length;
  }
  function save() {
    var p = state();
    ["severity", "type", "source", "entity", "story", "q"].forEach(function (k) {
      var v = form.elements[k].value;
      if (v) p.set(k, v); else p.delete(k);
    });
    history.replaceState(null, "", "#" + p.toString());
    apply();
  }
  if (form) { form.addEventListener("change", save); form.addEventListener("input", save); }
  document.getElementById("lang").addEventListener("click", function () {
    var p = state(); p.set("lang", root.getAttribute("data-lang") === "ar" ? "en" : "ar");
    history.replaceState(null, "", "#" + p.toString()); apply();
  });
  document.getElementById("theme").addEventListener("click", function () {
    var dark = root.getAttribute("data-theme") === "dark" ||
      (!root.getAttribute("data-theme") && matchMedia("(prefers-color-scheme: dark)").matches);
    var p = state(); p.set("theme", dark ? "light" : "dark");
    history.replaceState(null, "", "#" + p.toString()); apply();
  });
  document.addEventListener("keydown", function (e) {
    if (e.target && /INPUT|SELECT|TEXTAREA/.test(e.target.tagName)) return;
    if (e.key !== "j" && e.key !== "k") return;
    var visible = cards.filter(function (c) { return !c.hidden; });
    if (!visible.length) return;
    var cur = visible.indexOf(document.activeElement);
    var next = e.key === "j" ? Math.min(cur + 1, visible.length - 1) : Math.max(cur - 1, 0);
    visible[next].focus(); visible[next].scrollIntoView({ block: "start" });
    e.preventDefault();
  });
  // a plain anchor (#c-… or a card id) is navigation, not filter state
  if (location.hash && location.hash.indexOf("=") < 0) {
    var t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (t) t.scrollIntoView();
  } else { apply(); }
  window.addEventListener("hashchange", function () { if (location.hash.indexOf("=") >= 0) apply(); });
})();
