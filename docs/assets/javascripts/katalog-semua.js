/* The catalog of every cascade: filters over the cascades' JSON indexes, rows built on demand.
   The page ships no rows, only the list of perangkat daerah and years (each year's link carries the address of
   its index and the anchor prefix the earlier all-rows page gave its rows). A filter loads the indexes of the
   cascades it covers (once each), keeps the matching rows in an array and builds the first of them into the
   table in chunks, more on request: the page never holds the whole Kabupaten.
   Data is text: every value goes in with textContent or as an attribute through the DOM, never as markup.
   Without JavaScript a style of overrides/katalog.html hides the form and the list links every cascade's own
   catalog. */
(function () {
  "use strict";

  var CHUNK = 50; // rows built per frame
  var PAGE = 100; // rows shown before the "next" button
  var PARALLEL = 4; // indexes loading at once: the first in the list's order arrive first, not all together last

  // The same folding as katalog.js: no case, no diacritics, no invisible characters.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]/g, "").toLowerCase();
  }

  function readCascades(list) {
    var cascades = [];
    Array.prototype.forEach.call(list.querySelectorAll("li[data-perangkat-daerah]"), function (item) {
      var name = item.querySelector(".katalog-daftar__nama").textContent;
      Array.prototype.forEach.call(item.querySelectorAll("a[data-indeks]"), function (link, i) {
        cascades.push({
          slug: item.dataset.perangkatDaerah, name: name, tahun: link.dataset.tahun, latest: i === 0,
          index: new URL(link.getAttribute("data-indeks"), location.href).href,
          catalog: link.href.split("#")[0], prefix: link.dataset.anchor
        });
      });
    });
    return cascades;
  }

  // An earlier permalink to a row of this page ('#<pd>-<tahun>-<id>') opens that row in its cascade's catalog.
  function redirect(cascades) {
    var hash = decodeURIComponent(location.hash.slice(1));
    var best = null;
    cascades.forEach(function (c) {
      if (hash.indexOf(c.prefix) === 0 && hash.length > c.prefix.length &&
          (!best || c.prefix.length > best.prefix.length)) best = c;
    });
    if (best) location.replace(best.catalog + "#" + hash.slice(best.prefix.length));
    return best !== null;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(href, text, className) {
    var a = element("a", text, className);
    a.href = href;
    return a;
  }

  function rowBuilder(labels) {
    function cell(tag, i, content, className) {
      var node = element(tag, "", className);
      if (tag === "th") node.scope = "row";
      node.dataset.label = labels[i];
      (Array.isArray(content) ? content : [content]).forEach(function (part) {
        if (part) node.append(part);
      });
      return node;
    }
    // What the source does not state is said in words, marked as in each cascade's own catalog; a formulasi or
    // sumber data it does state may be long.
    function unstated() {
      return element("span", "tidak tercantum", "tidak-tercantum");
    }
    function statedCell(i, text) {
      return text ? cell("td", i, text, "teks-panjang") : cell("td", i, unstated());
    }
    return function (row) {
      var c = row.cascade;
      var tr = element("tr");
      tr.id = row.anchor;
      var id = link(new URL(row.link, c.index).href, row.id, "indikator-id");
      id.title = "Tautan langsung ke indikator ini di katalog cascade-nya";
      var predikat = element("span", row.predikat, "predikat");
      predikat.dataset.predikat = row.predikat_anchor;
      var iku = row.iku ? element("span", "IKU", "iku") : null;
      if (iku) iku.title = "Indikator Kinerja Utama";
      tr.append(
        cell("td", 0, id),
        cell("td", 1, link(c.catalog, c.name + " " + c.tahun)),
        cell("th", 2, [row.uraian, row.satuan && " ", row.satuan && element("span", "(" + row.satuan + ")", "satuan"),
                       iku && " ", iku]),
        cell("td", 3, row.level_label),
        cell("td", 4, link(new URL(row.owner_link, c.index).href, row.owner), "teks-panjang"),
        statedCell(5, row.formulasi),
        cell("td", 6, row.tipe_penghitungan === "tidak_tercantum" ? unstated() : row.tipe_label),
        cell("td", 7, row.polaritas === "tidak_tercantum" ? unstated() : row.polaritas_label),
        statedCell(8, row.sumber_data),
        cell("td", 9, [row.capaian && row.capaian + " ", predikat])
      );
      return tr;
    };
  }

  // On disk (file://) the browser blocks the rows' data: said as soon as the page shows, not once a filter fails.
  var ON_DISK = "Data indikator hanya dapat dimuat bila situs dibuka lewat server web (alamat http:// atau " +
    "https://), tidak bila berkasnya dibuka langsung dari disk. Katalog tiap cascade tetap dapat dibuka.";

  function setUp(form, list, results) {
    var cascades = readCascades(list);
    if (location.hash && redirect(cascades)) return;
    window.addEventListener("hashchange", function () { redirect(cascades); });

    var el = form.elements;
    var count = form.querySelector(".katalog-count");
    var body = results.querySelector("tbody");
    var empty = results.querySelector(".katalog-kosong");
    var more = results.querySelector(".katalog-lagi");
    var labels = Array.prototype.map.call(results.querySelectorAll("thead th"), function (th) { return th.textContent; });
    var buildRow = rowBuilder(labels);
    var loads = {};
    var generation = 0;
    var typing = 0;

    function load(c) {
      if (!loads[c.index]) {
        loads[c.index] = fetch(c.index).then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + c.index);
          return response.json();
        }).then(function (data) {
          return data.indikator.map(function (row) {
            row.cascade = c;
            row.text = fold([row.id, row.uraian, row.satuan, row.iku ? "IKU" : "", row.level_label, row.owner,
                             row.formulasi, row.tipe_label, row.polaritas_label, row.sumber_data, row.capaian,
                             row.predikat].join(" "));
            return row;
          });
        });
        // A failed load is tried again by the next filter, not remembered.
        loads[c.index].catch(function () { delete loads[c.index]; });
      }
      return loads[c.index];
    }

    // Each cascade's rows, loading a few at a time in the list's order.
    function loadInOrder(list) {
      var loading = [];
      list.forEach(function (c, i) {
        var turn = i < PARALLEL ? Promise.resolve() : loading[i - PARALLEL];
        var start = function () { return load(c); };
        loading.push(turn.then(start, start));
      });
      return loading;
    }

    function state() {
      return {
        words: fold(el.q.value).split(/\s+/).filter(Boolean), slug: el.perangkat_daerah.value, tahun: el.tahun.value,
        level: el.level.value, tipe: el.tipe.value, predikat: el.predikat.value, iku: el.iku.checked
      };
    }

    function covered(s) {
      return cascades.filter(function (c) {
        return (!s.slug || c.slug === s.slug) && (s.tahun === "semua" || (s.tahun ? c.tahun === s.tahun : c.latest));
      });
    }

    function matches(row, s) {
      return (!s.level || row.level === s.level) && (!s.tipe || row.tipe_penghitungan === s.tipe) &&
        (!s.predikat || row.predikat_anchor === s.predikat) && (!s.iku || row.iku) &&
        s.words.every(function (word) { return row.text.indexOf(word) !== -1; });
    }

    // The matching rows of one filter: the table shows the first hundred as soon as the cascades holding them have
    // loaded (in the list's order), while the rest still load; the count and the "next" button come at the end.
    function Results(run) {
      this.run = run;
      this.found = [];
      this.total = 0;
      this.built = 0;
      this.limit = 0;
      body.replaceChildren();
      more.hidden = true;
    }

    Results.prototype.current = function () { return this.run === generation; };

    Results.prototype.add = function (rows, s) {
      var found = this.found;
      this.total += rows.length;
      rows.forEach(function (row) { if (matches(row, s)) found.push(row); });
      if (this.limit === 0 && found.length >= PAGE) this.grow();
    };

    Results.prototype.grow = function () {
      this.limit = Math.min(this.found.length, this.limit + PAGE);
      results.hidden = false;
      this.chunk();
    };

    Results.prototype.chunk = function () {
      if (!this.current()) return;
      var fragment = document.createDocumentFragment();
      for (var end = Math.min(this.limit, this.built + CHUNK); this.built < end; this.built += 1) {
        fragment.append(buildRow(this.found[this.built]));
      }
      body.append(fragment);
      if (this.built < this.limit) requestAnimationFrame(this.chunk.bind(this));
    };

    Results.prototype.finish = function () {
      if (this.limit === 0) this.grow();
      var found = this.found.length;
      var rest = Math.min(PAGE, found - this.limit);
      empty.hidden = found !== 0;
      more.hidden = rest === 0;
      more.textContent = "Tampilkan " + rest + " indikator berikutnya";
      count.textContent = found + " dari " + this.total + " indikator cocok" +
        (this.limit < found ? "; " + this.limit + " pertama ditampilkan" : "");
    };

    function apply() {
      var run = ++generation;
      var s = state();
      if (!(s.words.length || s.slug || s.tahun || s.level || s.tipe || s.predikat || s.iku)) {
        results.hidden = true;
        body.replaceChildren();
        count.textContent = location.protocol === "file:" ? ON_DISK : "Pilih saringan untuk menampilkan indikator.";
        return;
      }
      count.textContent = "Memuat indikator\u2026";
      var loading = loadInOrder(covered(s));
      var shown = new Results(run);
      more.onclick = function () {
        shown.grow();
        shown.finish();
      };
      loading.reduce(function (previous, next) {
        return previous.then(function () { return next; }).then(function (rows) {
          if (shown.current()) shown.add(rows, s);
        });
      }, Promise.resolve()).then(function () {
        if (shown.current()) shown.finish();
      }, function () {
        if (shown.current()) {
          count.textContent = location.protocol === "file:" ? ON_DISK
            : "Data indikator tidak dapat dimuat. Periksa sambungan, lalu ubah saringan untuk mencoba lagi.";
        }
      });
    }

    form.addEventListener("input", function (event) {
      clearTimeout(typing);
      // Wait for a pause in typing: every keystroke need not rebuild the rows.
      if (event.target === el.q) typing = setTimeout(apply, 200);
      else apply();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(typing); apply(); });
    // The first touch of the form fetches what the first filter will most likely need: the latest years.
    form.addEventListener("focusin", function () { loadInOrder(covered(state())); }, { once: true });
    // The page comes with no rows and its prompt; going back, a browser may restore the fields, some only after the
    // page has loaded (pageshow comes after load, and on every showing): filter then.
    window.addEventListener("pageshow", function () { if (results.hidden) apply(); });
  }

  var form = document.querySelector("form[data-katalog-semua]");
  var list = document.querySelector("[data-katalog-daftar]");
  var results = document.querySelector("[data-katalog-hasil]");
  if (form && list && results) setUp(form, list, results);
})();
