// Filtering, spelling-tolerant search, keyboard navigation, language and theme.
// The page is complete without this script: it only hides cards, switches
// labels and remembers choices in the URL.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("has-js");
  var FACETS = ["tier", "severity", "type", "source", "entity", "story", "decision", "q"];
  var form = document.getElementById("filters");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var shown = document.getElementById("shown");
  var T = window.FACTCHECK_SEARCH || { norm: {}, drop: "", map: {}, article: "ال" };

  // factcheck.arabic's normalisation, then each word's consonant skeleton
  // (the tables come from the Python code: see report.search_tables)
  function normalise(s) {
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var ch = s.charAt(i), m = T.norm[ch];
      out += m === undefined ? ch : m;
    }
    return out.toLowerCase();
  }
  function skeleton(w) {
    if (w.indexOf(T.article) === 0 && w.length > 4) w = w.slice(T.article.length);
    var out = w.charAt(0);
    for (var i = 1; i < w.length; i++) {
      var ch = w.charAt(i);
      if (T.drop.indexOf(ch) >= 0) continue;
      out += T.map[ch] || ch;
    }
    return out;
  }
  function searchKey(s) {
    var words = normalise(s).match(/[\p{L}\p{N}_]+/gu) || [];
    return words.map(skeleton).join(" ");
  }
  var index = cards.map(function (c) {
    return { el: c, text: c.textContent.toLowerCase(), key: " " + (c.dataset.search || "") + " " };
  });

  function state() {
    return new URLSearchParams(location.hash.replace(/^#/, ""));
  }
  function setLang(lang) {
    if (root.getAttribute("data-lang") === lang && root.getAttribute("dir") === (lang === "en" ? "ltr" : "rtl")) return;
    root.setAttribute("data-lang", lang);
    root.setAttribute("lang", lang);
    root.setAttribute("dir", lang === "en" ? "ltr" : "rtl");
    Array.prototype.forEach.call(document.querySelectorAll("option[data-ar]"), function (o) {
      o.textContent = o.getAttribute("data-" + lang);
    });
  }
  function storedLang() {
    try { return sessionStorage.getItem("factcheck.lang"); } catch (e) { return null; }
  }
  function apply() {
    var p = state();
    setLang((p.get("lang") || storedLang()) === "en" ? "en" : "ar");
    if (p.get("theme")) root.setAttribute("data-theme", p.get("theme") === "dark" ? "dark" : "light");
    var f = {};
    FACETS.forEach(function (k) {
      f[k] = p.get(k) || "";
      if (form && form.elements[k]) form.elements[k].value = f[k];
    });
    var raw = f.q.toLowerCase().trim(), keys = searchKey(f.q).split(" ").filter(Boolean), n = 0;
    index.forEach(function (it) {
      var d = it.el.dataset;
      var ok = (!f.tier || d.tier === f.tier) && (!f.severity || d.severity === f.severity) &&
        (!f.type || d.type === f.type) && (!f.story || d.story === f.story) &&
        (!f.decision || d.decision === f.decision) &&
        (!f.source || d.source.split("|").indexOf(f.source) >= 0) &&
        (!f.entity || d.entity.split("|").indexOf(f.entity) >= 0) &&
        (!raw || it.text.indexOf(raw) >= 0 ||
         (keys.length > 0 && keys.every(function (k) { return it.key.indexOf(k) >= 0; })));
      it.el.hidden = !ok;
      if (ok) n++;
    });
    // a filtered tier opens the dismissed section, so its cards can be seen
    var dis = document.querySelector("details.dismissed-section");
    if (dis && f.tier === "dismissed") dis.open = true;
    Array.prototype.forEach.call(document.querySelectorAll(".tier-section"), function (s) {
      s.hidden = !s.querySelector("article.card:not([hidden])");
    });
    if (shown) shown.textContent = n + " / " + cards.length;
  }
  function save() {
    var p = state();
    FACETS.forEach(function (k) {
      var v = form.elements[k].value;
      if (v) p.set(k, v); else p.delete(k);
    });
    history.replaceState(null, "", "#" + p.toString());
    apply();
  }
  if (form) { form.addEventListener("change", save); form.addEventListener("input", save); }
  document.getElementById("lang").addEventListener("click", function () {
    var p = state(), lang = root.getAttribute("data-lang") === "ar" ? "en" : "ar";
    p.set("lang", lang);
    // kept for the tab, so a decision (which reloads the page at its card) keeps the language
    try { sessionStorage.setItem("factcheck.lang", lang); } catch (e) { /* no storage */ }
    history.replaceState(null, "", "#" + p.toString()); apply();
  });
  document.getElementById("theme").addEventListener("click", function () {
    var dark = root.getAttribute("data-theme") === "dark" ||
      (!root.getAttribute("data-theme") && matchMedia("(prefers-color-scheme: dark)").matches);
    var p = state(); p.set("theme", dark ? "light" : "dark");
    history.replaceState(null, "", "#" + p.toString()); apply();
  });
  // the counter's tier links filter (keeping the language)
  Array.prototype.forEach.call(document.querySelectorAll("a.tier-count"), function (a) {
    a.addEventListener("click", function (e) {
      var p = state(), t = a.getAttribute("data-tier");
      if (p.get("tier") === t) p.delete("tier"); else p.set("tier", t);
      history.replaceState(null, "", "#" + p.toString()); apply();
      e.preventDefault();
    });
  });
  // the editor's name is remembered between decisions (review server only)
  var by = document.querySelectorAll("form.decide input[name=by]");
  try {
    var saved = localStorage.getItem("factcheck.by");
    Array.prototype.forEach.call(by, function (i) {
      if (saved) i.value = saved;
      i.addEventListener("change", function () { localStorage.setItem("factcheck.by", i.value); });
    });
  } catch (e) { /* storage unavailable (file: pages in some browsers) */ }
  document.addEventListener("keydown", function (e) {
    if (e.target && /INPUT|SELECT|TEXTAREA/.test(e.target.tagName)) return;
    if (e.key !== "j" && e.key !== "k") return;
    var visible = cards.filter(function (c) { return !c.hidden && c.offsetParent !== null; });
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
    setLang(storedLang() === "en" ? "en" : "ar");
  } else { apply(); }
  window.addEventListener("hashchange", function () { if (location.hash.indexOf("=") >= 0) apply(); });
})();
