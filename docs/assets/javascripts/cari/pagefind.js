// Pagefind's search API as the search dialog's UI uses it (cari.js gives PagefindUI this folder as its bundle
// path), with two changes: results of about equal relevance come newest year first (Pagefind's own sort by year
// would replace relevance altogether, and an old cascade's identical program would then rank like a better
// match), and excerpts show the page's own text without the words the index added beside it (standard
// spellings, forms of roots: macros/search.py). Everything else is Pagefind's, from the site's pagefind/ folder.
import * as engine from "../../../pagefind/pagefind.js";

export { createInstance, debouncedSearch, destroy, filters, init, mergeIndex, options, preload }
  from "../../../pagefind/pagefind.js";

// Scores within about 5% of each other count as equal: the same program in two years scores nearly alike.
function relevanceStep(result) {
  return result.score > 0 ? Math.round(Math.log(result.score) * 20) : -Infinity;
}

// The added words stand between Unicode noncharacters (macros/search.py): U+FDD0 opens the words of the word
// just before, U+FDD2 those of the heading before, U+FDD1 closes either. An excerpt is cut from the content by
// word positions, so it may begin or end inside them.
var ADDED = /(\S*)\s*([\uFDD0\uFDD2])[^\uFDD1]*(?:\uFDD1|$)/g;
var ADDED_CUT_AT_START = /^[^\uFDD0\uFDD1\uFDD2]*\uFDD1/;

// `html` without the added words. A query that matched only a word's added words (its root: "ditetapkan" finds
// "tetap") marks that word ("Penetapan") instead, so the reader still sees why the page was found.
export function withoutAddedWords(html) {
  if (typeof html !== "string") return html;
  return html.replace(ADDED_CUT_AT_START, "").replace(ADDED, function (all, word, opening) {
    var matched = opening === "\uFDD0" && all.indexOf("<mark>", word.length) >= 0;
    return matched && word && word.indexOf("<mark>") < 0 ? "<mark>" + word + "</mark>" : word;
  }).replace(/^\s+/, "");
}

function shownAsWritten(data) {
  return Object.assign({}, data, {
    content: withoutAddedWords(data.content),
    excerpt: withoutAddedWords(data.excerpt),
    sub_results: (data.sub_results || []).map(function (sub) {
      return Object.assign({}, sub, { excerpt: withoutAddedWords(sub.excerpt) });
    }),
  });
}

function withExcerptsAsWritten(result) {
  var load = result.data;
  return Object.assign({}, result, { data: async function () { return shownAsWritten(await load()); } });
}

export async function search(term, searchOptions) {
  var found = await engine.search(term, searchOptions);
  if (found && found.results) {
    found = Object.assign({}, found, { results: found.results.map(withExcerptsAsWritten) });
  }
  if (!found || !found.results || found.results.length < 2) return found;
  // Pages are tagged with their year (data-pagefind-sort, written by macros/search.py); pages of no single
  // year are left out of this ordering and come after the dated ones of the same relevance.
  var byYear = await engine.search(term, Object.assign({}, searchOptions, { sort: { tahun: "desc" } }));
  var yearRank = new Map();
  ((byYear && byYear.results) || []).forEach(function (result, index) { yearRank.set(result.id, index); });
  var ranked = found.results.map(function (result, index) {
    var year = yearRank.has(result.id) ? yearRank.get(result.id) : Infinity;
    return { result: result, step: relevanceStep(result), year: year, index: index };
  });
  ranked.sort(function (a, b) {
    return (b.step - a.step) || (a.year - b.year) || (a.index - b.index);
  });
  return Object.assign({}, found, { results: ranked.map(function (entry) { return entry.result; }) });
}
