/* A copy of the site opened straight from disk (file://, e.g. the intranet zip unzipped and index.html opened):
   links end in a folder ("../kecamatan-kebasen/"), which a web server answers with the folder's index.html but a
   browser on disk shows as a file listing. There, point every link at the folder's index.html. Search and the
   catalog of every cascade still need a web server (browsers block their data on disk); they say so. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function point(link) {
    var href = link.getAttribute("href");
    if (!href) return;
    var url = new URL(href, location.href);
    if (url.protocol === "file:" && url.pathname.slice(-1) === "/") {
      url.pathname += "index.html";
      link.setAttribute("href", url.href);
    }
  }

  // The previous and next page in the head too: the theme's keys (n, p) go there.
  Array.prototype.forEach.call(document.querySelectorAll("a[href], link[rel=prev][href], link[rel=next][href]"),
                               point);
  // Links written later (search results, catalog rows) are pointed when followed.
  ["click", "auxclick"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      if (link) point(link);
    }, true);
  });
})();
