/* A cascade's indicator catalog: a text box, level/tipe/predikat selects and an "IKU only" box that hide
   non-matching rows.
   Progressive enhancement: without JavaScript a style of overrides/katalog.html hides the form and the full
   table shows. Light on load: the page already shows the form and the count, and the script touches no row
   until the first filtering, which reads the rows' text. */
(function () {
  "use strict";

  // Lower case without diacritics, so "ekonomi" finds "Ekonomi" and "é" matches "e"; and without the invisible
  // characters a copied word may carry (soft hyphen, zero-width space and joiners, word joiner, BOM), which
  // the site search ignores too. The same folding as katalog-semua.js.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]/g, "").toLowerCase();
  }

  function setUp(form, table) {
    var body = table.tBodies[0];
    var total = body.rows.length;
    var count = form.querySelector(".katalog-count");
    var empty = table.parentNode.querySelector(".katalog-kosong");
    var rows = null;
    var texts = null;

    function filtered() {
      var el = form.elements;
      return el.q.value.trim() || el.level.value || el.tipe.value || el.predikat.value || el.iku.checked;
    }

    function apply() {
      if (rows === null) {
        rows = Array.prototype.slice.call(body.rows);
        texts = rows.map(function (row) { return fold(row.textContent); });
      }
      var el = form.elements;
      var words = fold(el.q.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var data = row.dataset;
        var match = (!el.level.value || data.level === el.level.value) && (!el.tipe.value || data.tipe === el.tipe.value) &&
          (!el.predikat.value || data.predikat === el.predikat.value) && (!el.iku.checked || "iku" in data) &&
          words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        if (row.hidden === match) row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " dari " + total + " indikator ditampilkan";
      if (empty) empty.hidden = shown !== 0;
    }

    // A permalink to a row hidden by the filter would land nowhere: clear the filter first.
    function reveal() {
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && target.hidden && body.contains(target)) {
        form.reset();
        apply();
        target.scrollIntoView();
      }
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    window.addEventListener("hashchange", reveal);
    // Going back, a browser may restore the fields, some only after the page has loaded (pageshow comes after
    // load, and on every showing): filter then; otherwise every row shows as it came.
    window.addEventListener("pageshow", function () { if (filtered()) apply(); });
  }

  var form = document.querySelector("form[data-katalog-filter]");
  var table = document.querySelector("table[data-katalog]");
  if (form && table) setUp(form, table);
})();
