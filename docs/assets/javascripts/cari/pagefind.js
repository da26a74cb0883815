// Pagefind's search API as the search dialog's UI uses it (cari.js gives PagefindUI this folder as its bundle
// path), with one change: results of about equal relevance come newest year first. Pagefind's own sort by year
// would replace relevance altogether, and an old cascade's identical program would then rank like a better
// match. Everything else is Pagefind's, loaded from the site's pagefind/ folder.
import * as engine from "../../../pagefind/pagefind.js";

export { createInstance, debouncedSearch, destroy, filters, init, mergeIndex, options, preload }
  from "../../../pagefind/pagefind.js";

// Scores within about 5% of each other count as equal: the same program in two years scores nearly alike.
function relevanceStep(result) {
  return result.score > 0 ? Math.round(Math.log(result.score) * 20) : -Infinity;
}

export async function search(term, searchOptions) {
  var found = await engine.search(term, searchOptions);
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
