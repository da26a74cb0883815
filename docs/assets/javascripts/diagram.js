/* Zoom for the pre-rendered program diagrams (figure.diagram > .diagram-canvas > svg).
   Without JavaScript the SVG fits the column and the text list and the SVG download stay available;
   with it the diagram opens at its own size (legible on a phone) and the canvas scrolls inside its box. */
(function () {
  "use strict";
  var STEP = 1.25, MIN = 0.1, MAX = 3, READABLE = 0.75, PAD = 20;

  function button(title, text, onClick, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "diagram-zoom__button";
    b.title = title;
    if (label) b.setAttribute("aria-label", label);
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function setUp(figure) {
    var canvas = figure.querySelector(".diagram-canvas");
    var svg = canvas && canvas.querySelector("svg");
    if (!svg || figure.querySelector(".diagram-zoom") || !svg.viewBox || !svg.viewBox.baseVal) return;
    var width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
    if (!width || !height) return;
    var scale = 1;
    var status = document.createElement("span");
    status.className = "diagram-zoom__status";
    status.setAttribute("aria-live", "polite");

    function fitScale() {
      // The whole diagram inside the box (the box is at most 70% of the window high).
      var box = canvas.getBoundingClientRect(), room = window.innerHeight * 0.7;
      return Math.min(1, (box.width - PAD) / width, (room - PAD) / height);
    }
    function apply(next, midX, midY) {
      // Keep the point at the middle of the box in the middle while the size changes.
      if (midX === undefined) midX = (canvas.scrollLeft + canvas.clientWidth / 2) / (width * scale);
      if (midY === undefined) midY = (canvas.scrollTop + canvas.clientHeight / 2) / (height * scale);
      scale = Math.min(MAX, Math.max(MIN, next));
      svg.style.maxWidth = "none";
      svg.style.width = width * scale + "px";
      svg.style.height = height * scale + "px";
      canvas.scrollLeft = midX * width * scale - canvas.clientWidth / 2;
      canvas.scrollTop = midY * height * scale - canvas.clientHeight / 2;
      status.textContent = Math.round(scale * 100) + "%";
    }

    var bar = document.createElement("div");
    bar.className = "diagram-zoom";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Ukuran diagram");
    bar.appendChild(button("Perkecil diagram (tombol -)", "\u2212", function () { apply(scale / STEP); }, "Perkecil"));
    bar.appendChild(button("Perbesar diagram (tombol +)", "+", function () { apply(scale * STEP); }, "Perbesar"));
    bar.appendChild(button("Sesuaikan diagram dengan lebar layar", "Pas layar", function () { apply(fitScale()); }));
    bar.appendChild(button("Ukuran asli diagram (tombol 0)", "100%", function () { apply(1); }));
    bar.appendChild(status);
    figure.insertBefore(bar, canvas);

    canvas.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var next = { "+": scale * STEP, "=": scale * STEP, "-": scale / STEP, "0": 1 }[event.key];
      if (next !== undefined) {
        event.preventDefault();
        apply(next);
      }
    });
    // Open legible (text at 75% of its size, about 12 px) unless the whole diagram fits larger; start at
    // the left edge, halfway down, where a left-to-right flowchart has its sasaran and program.
    apply(Math.max(fitScale(), READABLE), 0, 0.5);
  }

  function setUpAll() {
    // After the first paint: the page's layout is then done once, and the sizes read here cost nothing more.
    requestAnimationFrame(function () {
      setTimeout(function () {
        Array.prototype.forEach.call(document.querySelectorAll("figure.diagram"), setUp);
      });
    });
  }

  // Material's document$ fires on every page, also with instant navigation; plain load otherwise.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
