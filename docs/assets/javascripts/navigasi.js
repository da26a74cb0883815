/* With navigation.indexes Material labels each nav section by its fold button, which holds only an icon, so
   screen readers hear several navigation landmarks without a name (axe landmark-unique). Name each one after
   its section title instead. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("nav.md-nav[aria-labelledby]"), function (nav) {
    var label = document.getElementById(nav.getAttribute("aria-labelledby"));
    var title = nav.querySelector(":scope > .md-nav__title");
    if (label && !label.textContent.trim() && title && title.textContent.trim()) {
      nav.removeAttribute("aria-labelledby");
      nav.setAttribute("aria-label", title.textContent.trim());
    }
  });
})();
