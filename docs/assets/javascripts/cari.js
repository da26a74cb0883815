// Header search: open a dialog holding Pagefind's UI. The UI, its styles and the spelling-variant map load on
// first use, so reading a page costs nothing extra; every file comes from this site's own pagefind/ folder.
(function () {
  "use strict";
  var toggle = document.querySelector(".cari-toggle");
  var dialog = document.getElementById("cari");
  if (!toggle || !dialog || typeof dialog.showModal !== "function") return;

  // Absolute so that the site works under any sub-path (https://<org>.github.io/<repo>/).
  var bundle = new URL(toggle.getAttribute("data-cari-bundle"), location.href);
  var engine = new URL(toggle.getAttribute("data-cari-engine"), location.href);
  var siteRoot = new URL("../", bundle).pathname;
  var ready = null;

  function loadStyle(href) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = resolve;
      link.onerror = reject;
      document.head.appendChild(link);
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // What the index holds beside the page's own words (macros/search.py), a query is mapped to as well: the
  // standard spelling of a variant ("Presentase"), then a word's root ("ditetapkan" → "tetap"), which Pagefind's
  // stemmer misses when meN-/peN- dropped the root's first letter. The word still being typed ("pemberdaya")
  // stems to nothing Pagefind knows; when every word of the site it begins has the same root, that root is sought.
  function queryWords(variants, roots) {
    var forms = Object.keys(roots).sort();
    var isRoot = new Set(Object.keys(roots).map(function (form) { return roots[form]; }));

    function rootOfPrefix(prefix) {
      var low = 0, high = forms.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (forms[middle] < prefix) low = middle + 1; else high = middle;
      }
      var found = null;
      for (var i = low; i < forms.length && forms[i].lastIndexOf(prefix, 0) === 0; i += 1) {
        if (found !== null && roots[forms[i]] !== found) return null;
        found = roots[forms[i]];
      }
      return found;
    }

    return function (term) {
      var lastEnd = term.replace(/[^\p{L}\p{N}]+$/u, "").length;
      return term.replace(/[\p{L}\p{N}]+/gu, function (word, offset) {
        var lower = word.toLowerCase();
        lower = variants[lower] || lower;
        if (roots[lower]) return roots[lower];
        if (offset + word.length === lastEnd && lower.length >= 4 && !isRoot.has(lower)) {
          return rootOfPrefix(lower) || lower;
        }
        return lower;
      });
    };
  }

  function start() {
    if (!ready) {
      ready = Promise.all([
        loadStyle(new URL("pagefind-ui.css", bundle).href),
        loadStyle(new URL(toggle.getAttribute("data-cari-css"), location.href).href),
        loadScript(new URL("pagefind-ui.js", bundle).href),
        fetch(new URL("varian-ejaan.json", bundle).href).then(function (response) { return response.json(); }),
        fetch(new URL("akar-kata.json", bundle).href).then(function (response) { return response.json(); }),
      ]).then(function (loaded) {
        new PagefindUI({
          element: "#cari-ui",
          // Pagefind's API with results of equal relevance ordered newest year first (cari/pagefind.js).
          bundlePath: engine.pathname,
          baseUrl: siteRoot,
          showSubResults: true,
          showImages: false,
          resetStyles: false,
          processTerm: queryWords(loaded[3], loaded[4]),
        });
        // Pagefind names its field only by a title attribute; screen readers want a real label (axe label-title-only).
        var field = dialog.querySelector("input.pagefind-ui__search-input");
        if (field) field.setAttribute("aria-label", "Kata yang dicari");
      }).catch(function () {
        ready = null;  // try again on the next opening
        // On disk (file://) the browser blocks the index: trying again cannot help.
        document.getElementById("cari-ui").textContent = location.protocol === "file:"
          ? "Pencarian hanya berjalan bila situs dibuka lewat server web (alamat http:// atau https://), " +
            "tidak bila berkasnya dibuka langsung dari disk."
          : "Pencarian belum dapat dimuat. Coba lagi sebentar lagi.";
      });
    }
    return ready;
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    start().then(function () {
      var input = dialog.querySelector("input");
      if (input) input.focus();
    });
  }

  toggle.hidden = false;
  toggle.addEventListener("click", open);
  dialog.querySelector(".cari__tutup").addEventListener("click", function () { dialog.close(); });
  // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  // Following a result to another part of the same page leaves the dialog open otherwise.
  dialog.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a[href]")) dialog.close();
  });
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && !typing(event.target) && !dialog.open && !event.ctrlKey && !event.metaKey &&
        !event.altKey) {
      event.preventDefault();
      open();
    }
  });
  // While the dialog is open, keys pressed outside its field are the dialog's: the theme's shortcuts (n, p) must
  // not turn the page behind it (on disk, where there is no field, typing a word went to the next page). Stopped
  // on the way in, before any listener; what the key does itself (Escape, Tab, Enter) is left to it.
  window.addEventListener("keydown", function (event) {
    if (dialog.open && !typing(event.target)) event.stopPropagation();
  }, true);
})();
