/* The light/dark switch of partials/palette.html, in place of Material's palette component, which marks the body
   as switching, sets the palette's attributes again and reads the header's computed colour on every page load:
   three restyles of the whole page before it answers a tap. This one behaves as Material's does (the choice, or
   the palette whose media query matches, is kept with Material's own __md_set under "__palette"; the label shown
   switches to the next palette; Enter on a radio button switches too) but on load it writes only what differs
   from the page as it came (the first palette's label shown) and from what the head script of base.html already
   set, and reads the colours for the browser's own bar once the page is drawn. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-palette-switch]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  var body = document.body;

  function colorOf(input) {
    return {
      media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent"),
    };
  }

  function meta(name) {
    var element = document.head.querySelector('meta[name="' + name + '"]');
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      document.head.appendChild(element);
    }
    return element;
  }

  // The browser's bar takes the header's colour; a dark palette also darkens the page's own scrollbars. A light
  // page needs no color-scheme meta (light is the default), so loading one restyles nothing.
  function updateBrowserColours(switched) {
    var style = getComputedStyle(document.querySelector("[data-md-component=header]"));
    var rgb = style.backgroundColor.match(/\d+/g) || [];
    meta("theme-color").content = "#" + rgb.slice(0, 3).map(function (c) {
      return (+c).toString(16).padStart(2, "0");
    }).join("");
    if (switched || /dark/.test(style.colorScheme)) meta("color-scheme").content = style.colorScheme;
  }

  function apply(index, switched) {
    var color = colorOf(inputs[index]);
    var changed = Object.keys(color).filter(function (key) {
      return body.getAttribute("data-md-color-" + key) !== color[key];
    });
    // Only the scheme and the colours style the page (no rule reads the media query): a change of those alone
    // marks the body as switching, which Material's stylesheet reads to turn transitions off.
    var restyles = changed.some(function (key) { return key !== "media"; });
    if (restyles) body.setAttribute("data-md-color-switching", "");
    changed.forEach(function (key) { body.setAttribute("data-md-color-" + key, color[key]); });
    inputs.forEach(function (input, position) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement && label.hidden !== (position !== index)) label.hidden = position !== index;
    });
    inputs[index].checked = true;
    __md_set("__palette", {index: index, color: color});
    if (restyles) setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
    if (switched) updateBrowserColours(true);
    // On load, when the browser has nothing else to do: the page is drawn and reading its colours costs nothing.
    else if (window.requestIdleCallback) requestIdleCallback(function () { updateBrowserColours(false); });
    else setTimeout(function () { updateBrowserColours(false); }, 1000);
  }

  var stored = __md_get("__palette");
  var index = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  apply(Math.max(0, Math.min(index, inputs.length - 1)), false);

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index >= 0) apply(index, true);
  });
  form.addEventListener("keydown", function (event) {
    var index = inputs.indexOf(event.target);
    if (event.key !== "Enter" || index < 0) return;
    event.preventDefault();
    var next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
