/* Indicator catalog filter: a text box, level/tipe/predikat selects and an "IKU only" box that hide non-matching
   rows.
   Progressive enhancement: the form ships hidden and the full table shows until this script runs. */
(function () {
  "use strict";

  // Lower case without diacritics, so "ekonomi" finds "Ekonomi" and "é" matches "e"; and without the invisible
  // characters a copied word may carry (soft hyphen, zero-width space and joiners, word joiner, BOM), which
  // the site search ignores too.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]/g, "").toLowerCase();
  }

  function setUp(form) {
    var table = document.querySelector("table[data-katalog]");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var count = form.querySelector(".katalog-count");
    var empty = table.parentNode.querySelector(".katalog-kosong");

    function apply() {
      var words = fold(form.elements.q.value).split(/\s+/).filter(Boolean);
      var level = form.elements.level.value;
      var tipe = form.elements.tipe.value;
      var predikat = form.elements.predikat.value;
      var ikuOnly = form.elements.iku.checked;
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = (!level || row.dataset.level === level) && (!tipe || row.dataset.tipe === tipe) &&
          (!predikat || row.dataset.predikat === predikat) && (!ikuOnly || "iku" in row.dataset) &&
          words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " dari " + rows.length + " indikator ditampilkan";
      if (empty) empty.hidden = shown !== 0;
    }

    // A permalink to a row hidden by the filter would land nowhere: clear the filter first.
    function reveal() {
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && target.hidden && rows.indexOf(target) !== -1) {
        form.reset();
        apply();
        target.scrollIntoView();
      }
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", reveal);
    form.hidden = false;
    apply();
  }

  var form = document.querySelector("form[data-katalog-filter]");
  if (form) setUp(form);
})();
