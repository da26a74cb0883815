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

/* Material's menu button (the phone's navigation drawer) is a <label> for a hidden checkbox: a mouse or a finger
   opens it, the keyboard could not even reach it, and once the closed drawer was hidden (cascade.css) its links
   could not be reached either. A real button takes its place (without JavaScript the label stays): named "Menu
   navigasi", saying whether the drawer is open, opened and closed by Enter, Space or a tap; opening puts focus on
   the drawer's first link, and Escape closes it with focus back on the button. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector(".md-header label[for='__drawer']");
  if (!toggle || !label) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " menu-navigasi";
  button.setAttribute("aria-label", "Menu navigasi");
  while (label.firstChild) button.appendChild(label.firstChild);
  label.replaceWith(button);
  function show() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  show();
  toggle.addEventListener("change", show);
  button.addEventListener("click", function () {
    toggle.click();
    if (!toggle.checked) return;
    // The first link shown (sections folded away are not), once the drawer is visible again.
    setTimeout(function () {
      var first = Array.prototype.find.call(document.querySelectorAll(".md-sidebar--primary a[href]"),
        function (link) { return link.getClientRects().length > 0; });
      if (first) first.focus();
    }, 50);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();
