// The page in headless Chromium that renders Mermaid diagrams for macros/diagram_svg.py, a batch per call.

// With SVG-text labels Mermaid 11 writes its entity codes as text ("#34;" shows "&#34;"). Show the character
// instead, as soon as Mermaid writes a label, so node sizes (measured after the text is set) fit the real
// glyphs. mermaid_label (macros/render/escape.py) writes '&' and '#' of the data escaped, so "&#NN;" in a
// label's text comes only from a code. Each text node is decoded once (a node reached again through a later
// record must not be decoded twice). Only sources with codes are watched: walking every node costs time.
const showCodes = (text) => text.replace(/&#(\d+);/g,
  (code, number) => (Number(number) <= 0x10FFFF ? String.fromCodePoint(Number(number)) : code));
let decoded = new WeakSet();
const labelWatcher = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = node.nodeType === Node.TEXT_NODE ? node : walker.nextNode(); text;
           text = walker.nextNode()) {
        if (!decoded.has(text) && text.parentNode && text.parentNode.localName !== 'style') {
          decoded.add(text);
          const shown = showCodes(text.data);
          if (shown !== text.data) text.data = shown;
        }
      }
    }
  }
});

// What Mermaid writes for its own script and for features these diagrams do not use, taken out so that a program
// page (a dozen diagrams) is lighter to download and to lay out; what is drawn stays the same:
// - edge geometry and the data-* attributes kept for Mermaid's client-side interactivity and its "neo" look;
// - the dozen arrowhead markers defined in every diagram, of which one or two are used;
// - the empty label of every edge (these diagrams label no edge), and the invisible edges (`~~~`) that only
//   ordered the layout;
// - a tspan per word: consecutive words of one line styled alike share one tspan (the same text run), and a run
//   that only restates the defaults (normal weight and style) is its line's text itself;
// - shadow filters no element uses, empty label backgrounds (rects without a size draw nothing), repeated class
//   names, empty style attributes, and coordinates to more than two decimals (a hundredth of a pixel at the
//   drawing's own size).
const DATA_ATTRIBUTES = ['data-points', 'data-edge', 'data-et', 'data-id', 'data-look'];
const MARKER_ATTRIBUTES = ['marker-start', 'marker-mid', 'marker-end'];
const sameAttributes = (a, b) => a.attributes.length === b.attributes.length &&
  [...a.attributes].every((attribute) => b.getAttribute(attribute.name) === attribute.value);
const roundNumbers = (text) => text.replace(/-?\d+\.\d{3,}/g, (number) => String(Math.round(Number(number) * 100) / 100));
const slim = (svg) => {
  for (const name of DATA_ATTRIBUTES) {
    for (const el of svg.querySelectorAll(`[${name}]`)) el.removeAttribute(name);
  }
  const used = new Set();
  for (const el of svg.querySelectorAll(MARKER_ATTRIBUTES.map((name) => `[${name}]`).join(','))) {
    for (const name of MARKER_ATTRIBUTES) {
      const reference = /^url\(#(.+)\)$/.exec(el.getAttribute(name) || '');
      if (reference) used.add(reference[1]);
    }
  }
  for (const marker of svg.querySelectorAll('marker')) if (!used.has(marker.id)) marker.remove();
  for (const edge of svg.querySelectorAll('path.edge-thickness-invisible')) edge.remove();
  for (const label of svg.querySelectorAll('g.edgeLabels > g')) {
    if (!label.textContent.trim()) label.remove();
  }
  for (const filter of svg.querySelectorAll('filter[id]')) {
    if (!svg.querySelector(`[filter="url(#${filter.id})"]`)) filter.remove();
  }
  for (const defs of svg.querySelectorAll('defs')) if (!defs.children.length) defs.remove();
  for (const rect of svg.querySelectorAll('g.label rect')) {
    if (!rect.hasAttribute('width') && !rect.hasAttribute('height')) rect.remove();
  }
  for (const el of svg.querySelectorAll('[class]')) {
    const names = [...new Set(el.getAttribute('class').split(/\s+/).filter(Boolean))].join(' ');
    if (names !== el.getAttribute('class')) el.setAttribute('class', names);
  }
  const GEOMETRY = ['d', 'points', 'transform', 'x', 'y', 'width', 'height', 'rx', 'ry'];
  for (const el of svg.querySelectorAll(GEOMETRY.map((name) => `[${name}]`).join(', '))) {
    for (const name of GEOMETRY) {
      const value = el.getAttribute(name);
      if (value !== null) el.setAttribute(name, roundNumbers(value));
    }
  }
  for (const word of svg.querySelectorAll('tspan.text-inner-tspan')) {
    const previous = word.previousSibling;
    if (previous && previous.nodeType === Node.ELEMENT_NODE && previous.classList.contains('text-inner-tspan') &&
        sameAttributes(previous, word)) {
      previous.textContent += word.textContent;
      word.remove();
    }
  }
  for (const run of svg.querySelectorAll('tspan.text-inner-tspan')) {
    if (run.attributes.length === 3 && run.getAttribute('font-weight') === 'normal' &&
        run.getAttribute('font-style') === 'normal' && run.getAttribute('class') === 'text-inner-tspan') {
      run.replaceWith(...run.childNodes);
    }
  }
  for (const el of svg.querySelectorAll('[style]')) {
    if (!el.getAttribute('style').replace(/[\s;]/g, '')) el.removeAttribute('style');
  }
};

// Mermaid's stylesheet, about 8 KB in every diagram, styles each kind of element it can draw (error icons, edge
// animations, KaTeX, icon shapes, ...); a flowchart of a cascade has a few. Keep the rules that select an element
// of this drawing, and the keyframes a kept rule names. A state (:hover) or a pseudo-element selects nothing while
// the drawing is parsed, so a selector is tried without them; a selector the browser cannot try keeps its rule.
// The text is cut at its own rule boundaries (the CSS object model would rewrite colours and spacing) and is left
// whole unless that cut finds the rules the browser finds.
const DYNAMIC_PARTS = /::?(?:hover|focus(?:-visible|-within)?|active|visited|link|before|after|first-line|first-letter|placeholder|selection)\b/g;
const topLevelRules = (css) => {
  const rules = [];
  let depth = 0, start = 0;
  for (let i = 0; i < css.length; i += 1) {
    if (css[i] === '{') depth += 1;
    else if (css[i] === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  return depth === 0 && !css.slice(start).trim() ? rules : null;
};
const selects = (svg, selector) => {
  const tried = selector.replace(DYNAMIC_PARTS, '');
  try {
    return svg.matches(tried) || svg.querySelector(tried) !== null;
  } catch (e) {
    return true;
  }
};
const pruneStyle = (svg) => {
  for (const style of svg.querySelectorAll('style')) {
    const texts = topLevelRules(style.textContent);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style.textContent);
    if (!texts || texts.length !== sheet.cssRules.length) continue;
    const rules = [...sheet.cssRules];
    const keep = rules.map((rule) => !(rule instanceof CSSStyleRule) || selects(svg, rule.selectorText));
    const animated = rules.filter((rule, i) => keep[i] && rule instanceof CSSStyleRule).map((rule) => rule.cssText).join(' ');
    rules.forEach((rule, i) => {
      if (rule instanceof CSSKeyframesRule) keep[i] = new RegExp(`(^|[\\s,:])${rule.name}([\\s,;]|$)`).test(animated);
    });
    style.textContent = texts.filter((text, i) => keep[i]).join('');
  }
};

// What a screen reader says. Mermaid writes each line of a label as a tspan of its own with no space between them, so
// "Perangkat" ending a line and "Daerah" starting the next were read "PerangkatDaerah"; and it announces the drawing
// as "flowchart-v2". Each node is an image named by its lines joined by spaces (a node the page links, macros/render/
// diagram.py link_nodes, is a link of that name), and the drawing is announced in Indonesian.
const nameForScreenReaders = (svg) => {
  svg.setAttribute('aria-roledescription', 'diagram alir');
  for (const node of svg.querySelectorAll('g.node')) {
    const lines = [...node.querySelectorAll('tspan.text-outer-tspan')].map((line) => line.textContent);
    const name = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (!name) continue;
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', name);
  }
};

// Mermaid 11 draws a stadium (a node written `(["..."])`) with rough.js: two paths of about eighty Bézier segments,
// 8 KB each, for an outline SVG draws as one rectangle with round ends. The two paths become that rectangle
// when every point they pass through lies on the stadium their bounds describe, to a hundredth of a pixel; any other
// outline stays as Mermaid drew it. Its style, fill and stroke are the paths' own (the stylesheet's `.node rect`
// rule is the `.node path` one).
const STADIUM_TOLERANCE = 0.01;
const passesThrough = (d) => {
  // A point a path passes through: M's and L's each pair, C's every third pair (the two before steer the curve).
  const points = [];
  for (const [, command, numbers] of d.matchAll(/([MLC])([^MLCZz]*)/g)) {
    const values = numbers.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    const step = command === 'C' ? 6 : 2;
    for (let i = step - 2; i + 1 < values.length; i += step) points.push([values[i], values[i + 1]]);
  }
  return points;
};
const stadiumOf = (points) => {
  if (points.length < 4 || points.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) return null;
  const xs = points.map(([x]) => x), ys = points.map(([, y]) => y);
  const left = Math.min(...xs), right = Math.max(...xs), top = Math.min(...ys), bottom = Math.max(...ys);
  const radius = (bottom - top) / 2, middle = (left + right) / 2, centre = (top + bottom) / 2;
  // Half the straight edges' length, from the point farthest along: an end's points lie on its circle, but none
  // need lie at its tip (the bounds fall short of the circle by up to a few hundredths of a pixel).
  const straight = Math.max(...points.map(([x, y]) =>
    Math.abs(x - middle) - Math.sqrt(Math.max(0, radius ** 2 - (y - centre) ** 2))));
  if (radius <= 0 || straight < 0) return null;
  const onOutline = ([x, y]) => {
    const along = Math.abs(x - middle), across = Math.abs(y - centre);
    const off = along <= straight ? across - radius : Math.hypot(along - straight, across) - radius;
    return Math.abs(off) <= STADIUM_TOLERANCE;
  };
  return points.every(onOutline)
    ? { x: middle - straight - radius, y: top, width: 2 * (straight + radius), height: bottom - top, radius } : null;
};
const drawStadiumsAsRectangles = (svg) => {
  for (const outline of svg.querySelectorAll('g.node > g.label-container')) {
    const paths = [...outline.children];
    if (!paths.length || paths.some((el) => el.localName !== 'path')) continue;
    const shapes = paths.map((path) => stadiumOf(passesThrough(path.getAttribute('d') || '')));
    const [shape] = shapes;
    if (shapes.some((other) => !other || ['x', 'y', 'width', 'height'].some(
      (key) => Math.abs(other[key] - shape[key]) > STADIUM_TOLERANCE))) continue;
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('class', outline.getAttribute('class'));
    const filled = paths.find((path) => path.getAttribute('fill') !== 'none') || paths[0];
    const stroked = paths.find((path) => path.getAttribute('stroke') !== 'none') || paths[0];
    for (const [name, from] of [['style', filled], ['fill', filled], ['stroke', stroked], ['stroke-width', stroked]]) {
      if (from.hasAttribute(name)) rect.setAttribute(name, from.getAttribute(name));
    }
    for (const key of ['x', 'y', 'width', 'height']) rect.setAttribute(key, String(shape[key]));
    rect.setAttribute('rx', String(shape.radius));
    rect.setAttribute('ry', String(shape.radius));
    outline.replaceWith(rect);
  }
};

// Mermaid runs with securityLevel "loose" (see macros/diagram_svg.py): a drawing is published only if it holds
// nothing but the elements a flowchart draws, none with an attribute that runs a script or fetches a resource.
const DRAWN = new Set(['svg', 'g', 'path', 'rect', 'polygon', 'polyline', 'line', 'circle', 'ellipse', 'text',
  'tspan', 'style', 'defs', 'marker', 'title', 'desc', 'filter', 'fedropshadow', 'feflood', 'fecomposite',
  'feoffset', 'fegaussianblur', 'femerge', 'femergenode', 'lineargradient', 'radialgradient', 'stop', 'clippath']);
const ACTIVE_ATTRIBUTE = /^on|href$|^src$/i;
const refuseActive = (svg) => {
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    if (!DRAWN.has(el.localName.toLowerCase())) throw new Error(`Diagram memuat elemen <${el.localName}> yang tidak diizinkan`);
    const active = [...el.attributes].find((attribute) => ACTIVE_ATTRIBUTE.test(attribute.name));
    if (active) throw new Error(`Diagram memuat atribut ${active.name} yang tidak diizinkan`);
  }
};

const finish = (markup) => {
  // mermaid returns HTML-serialised markup (e.g. &nbsp;), so re-serialise it as XML.
  const svg = new DOMParser().parseFromString(markup, 'text/html').querySelector('svg');
  drawStadiumsAsRectangles(svg);
  slim(svg);
  pruneStyle(svg);
  nameForScreenReaders(svg);
  refuseActive(svg);
  // Mermaid puts each word of a label in a tspan of its own, the space between them as text of its own:
  // outside browsers (librsvg, Inkscape) SVG's default whitespace handling drops those spaces.
  svg.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  const xml = new XMLSerializer().serializeToString(svg);
  // Braces in label text and in the nodes' names become character references so the markup stays inert if a
  // template engine (Jinja in mkdocs-macros) ever sees it; the CSS in <style> needs them raw.
  return xml.replace(/(<style\b[^>]*>[^<]*)|[{}]/g, (match, style) =>
    style !== undefined ? style : (match === '{' ? '&#123;' : '&#125;'));
};

// The SVG drawn at PNG_SCALE times its size on white, as base64 PNG: the same glyphs as the SVG, since this
// browser drew both. The PNG is encoded off the main thread (toBlob), while the next diagram is laid out.
const PNG_SCALE = 2;
const toPng = async (xml) => {
  const svg = new DOMParser().parseFromString(xml, 'image/svg+xml').documentElement;
  const box = svg.viewBox.baseVal;
  const width = Math.ceil(box.width * PNG_SCALE), height = Math.ceil(box.height * PNG_SCALE);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  let canvas;
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
  } finally {
    URL.revokeObjectURL(url);
  }
  const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const dataUrl = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(png);
  });
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
};

const failure = (e) => ({ error: String((e && (e.message || e.str)) || e) });

// items: [svg id, Mermaid source, whether a PNG is wanted too].
window.__mmdRenderBatch = async (items) => {
  // One diagram at a time through Mermaid (it keeps state between renders); their PNGs are awaited at the end.
  const out = [];
  for (const [id, src, png] of items) {
    if (/#\d+;/.test(src)) labelWatcher.observe(document.body, { childList: true, subtree: true });
    try {
      const { svg } = await mermaid.render(id, src);
      const xml = finish(svg);
      out.push(png ? toPng(xml).then((drawn) => ({ svg: xml, png: drawn }), failure) : { svg: xml });
    } catch (e) {
      out.push(failure(e));
    } finally {
      labelWatcher.disconnect();
      for (const leftover of document.querySelectorAll('#d' + id + ', #i' + id + ', #' + id)) leftover.remove();
    }
  }
  return Promise.all(out);
};
