"""Indonesian word roots for the search index, where Pagefind's stemmer (Snowball) gets the affixes wrong.

Snowball strips prefixes by their letters and cannot know that meN-/peN- drop the first t, k, p or s of the
root: "Penetapan" stems to "etap" while "ditetapkan" stems to "tetap", so one never finds the other. A dictionary
stemmer (Sastrawi) knows both come from "tetap". For each word of the indexed text whose Snowball stem misses
its root's other forms, the index gets a few forms of the root beside it, chosen so that every usual affixed form
of a query stems to one of them (`WordRoots.helper_forms`); the browser maps a query word, or the word being
typed, to its root with the map this module writes (`WordRoots.root_map`).
"""

from __future__ import annotations

import re

import snowballstemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

# Words shorter than this are left alone: Sastrawi's guesses on short words and codes are noise.
_MIN_LENGTH = 5
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _men(root: str) -> str:
    """The meN- form of `root` (menetap, mengelola, menata, menangani; membina; menyediakan)."""
    first = root[0]
    if first in "aeiou":
        return "meng" + root
    if first == "k":
        return "meng" + root[1:]
    if first in "gh":
        return "meng" + root
    if first == "t":
        return "men" + root[1:]
    if first in "dcjz":
        return "men" + root
    if first == "s":
        return "meny" + root[1:]
    if first == "p":
        return "mem" + root[1:]
    if first in "bfv":
        return "mem" + root
    return "me" + root


class WordRoots:
    """Roots of the words of one build's indexed text (Sastrawi), with the forms that make Snowball find them.

    Sastrawi's dictionary loads once per object; every word is looked up once (kept on the object).
    """

    def __init__(self) -> None:
        self._sastrawi = StemmerFactory().create_stemmer()
        self._snowball = snowballstemmer.stemmer("indonesian")
        self._roots: dict[str, str] = {}
        self._helpers: dict[str, tuple[str, ...]] = {}

    def root(self, word: str) -> str:
        """The root of a lower-case word ('penetapan' → 'tetap'); the word itself when it has none."""
        if word not in self._roots:
            self._roots[word] = self._sastrawi.stem(word) if len(word) >= _MIN_LENGTH else word
        return self._roots[word]

    def helper_forms(self, word: str) -> tuple[str, ...]:
        """Forms of the lower-case `word`'s root to index beside it: those whose Snowball stem the word's own
        stem is not, among the root, di-root and meN-root (peN-root-an stems as meN-root does). Empty when
        Snowball already treats the word like its root's other forms."""
        if word not in self._helpers:
            root = self.root(word)
            forms: tuple[str, ...] = ()
            if root != word and len(root) >= 3:
                stems = {self._snowball.stemWord(word)}
                chosen = []
                for form in (root, "di" + root, _men(root)):
                    stem = self._snowball.stemWord(form)
                    if stem not in stems:
                        stems.add(stem)
                        chosen.append(form)
                forms = tuple(chosen)
            self._helpers[word] = forms
        return self._helpers[word]

    def root_map(self) -> dict[str, str]:
        """Every word looked up so far whose root differs from it, {form: root}, sorted: the browser's map."""
        return {word: root for word, root in sorted(self._roots.items()) if root != word}
