"""When two Latin spellings are one name misspelt (NAM002), and when they are merely the same
word as each language writes it.

Contract: :func:`variant` says whether two mentions spell one name slightly differently (``Noelle
Walsh`` / ``Noel Walsh``: the same last word, another close one), :func:`single_variant` the same
for one-word names (``Weiss`` / ``Weis``, used only where the other spelling occurs elsewhere).
:func:`surname_typo` says whether two full names differ by one letter of the surname, however
short (``Katrin Weiss`` / ``Katrin Weis``); :func:`feminine_form` whether one surname is the other
in the feminine form a language gives women's surnames (cs ``Kowalská`` / ``Kowalski``). None counts an inflection, ``ue`` for ``ü`` or a
cognate spelled each language's way (:func:`inflected`: ``Schottland`` / ``Scotland``,
``Designers``) as a misspelling.
"""

from __future__ import annotations

from typing import Any, TypeVar

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from ..extract.names import Mention
from ..extract.persons import looks_like_person
from ..extract.translit import ascii_fold
from ..locale.tags import language

__all__ = ["declined", "feminine_form", "inflected", "own_spelling", "plain", "respelled", "single_variant", "surname_typo",
           "variant"]

T = TypeVar("T")


def variant(a: Mention, b: Mention) -> bool:
    """Two Latin names spelled slightly differently (Noelle Walsh / Noel Walsh)."""
    if not (a.script == "latin" and b.script == "latin") or a.acronym or b.acronym:
        return False
    if a.entity and b.entity:
        return False
    ta, tb = a.tokens, b.tokens
    k = min(len(ta), len(tb))
    if k < 2 and len(ta) != len(tb):
        return False
    # "Managerin Noel Walsh" / "Noelle Walsh": compare the last words, where the name is
    oa, ob = len(ta) - k, len(tb) - k
    same = [a.same_token(oa + i, b, ob + i) for i in range(k)]
    if k >= 3 and not same[0]:
        # a word before a full name (Spaniard / Spanier Sergio Garcia): compare the name alone
        oa, ob, k, same = oa + 1, ob + 1, k - 1, same[1:]
    if all(same):
        return False
    differ = [(ta[oa + i], tb[ob + i]) for i in range(k) if not same[i]]
    if any(len(x) < 3 or len(y) < 3 or fuzz.ratio(x, y) < 70 or inflected(x, y) or _typo_distance(x, y) > 2
           for x, y in differ):
        return False
    return sum(same) >= 1


def inflected(x: str, y: str) -> bool:
    """The same word: ü written ue (Württemberg / Wuerttemberg), a plural or case ending
    (Designers), or a cognate spelled the way each language spells it (Schottland /
    Scotland, Hurrikan / Hurricane, Republikaner / Republican): not a misspelled name."""
    if plain(x) == plain(y):
        return True
    short, long_ = sorted((x, y), key=len)
    if long_.startswith(short) and long_[len(short):] in ("s", "es", "e", "n", "en", "er", "ern", "a", "u", "om", "ym"):
        return True
    spelled = any(old in x or old in y for old, _new in _COGNATE_RULES)
    return spelled and bool(_cognates(x) & _cognates(y))  # Noel / Noelle is no cognate: nothing was respelled


def plain(t: str) -> str:
    """A folded word with ü, ö, ä written ue, oe, ae read as u, o, a (``wuerttemberg`` = ``wurttemberg``)."""
    return t.replace("ue", "u").replace("oe", "o").replace("ae", "a")


_COGNATE_RULES = (("sch", "sk"), ("sc", "sk"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("c", "k"), ("z", "k"),
                  ("y", "i"), ("ie", "i"), ("ee", "e"))


def _cognate(word: str) -> str:
    w = word
    for old, new in _COGNATE_RULES:
        w = w.replace(old, new)
    out: list[str] = []
    for ch in w:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _cognates(word: str) -> set[str]:
    w = _cognate(word)
    out = {w}
    for ending in ("ard", "ern", "er", "en", "e", "n", "s"):
        if len(w) > len(ending) + 3 and w.endswith(ending):
            out.add(w[: -len(ending)])
    return out


def _typo_distance(x: str, y: str) -> int:
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(x, y)


def single_variant(a: Mention, b: Mention) -> bool:
    if not (a.script == "latin" and b.script == "latin") or a.acronym or b.acronym or a.entity or b.entity:
        return False
    if len(a.tokens) != 1 or len(b.tokens) != 1 or a.same_token(0, b, 0):
        return False
    x, y = a.tokens[0], b.tokens[0]
    return min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= 75 and not inflected(x, y) and _typo_distance(x, y) <= 2


def _ending_of_its_language(an: Any, v: int, word: str, other: str) -> bool:
    """Whether ``word`` (version ``v``) is ``other`` with a one-letter ending ``v``'s language puts
    on names: a genitive -s (sv ``Andersons``) or a case ending of a suffixing language."""
    from ..locale.inflection import inflection

    if not (len(word) == len(other) + 1 and word.startswith(other)):
        return False
    rule = inflection()
    lang = language(an.documents[v].locale)
    return (word.endswith("s") and lang in rule.genitive_s) or rule.takes_endings(lang)


def feminine_form(an: Any, v: int, a: Mention, w: int, b: Mention) -> bool:
    """Whether the last words of ``a`` (version ``v``) and ``b`` (version ``w``) are one surname,
    one of them in the feminine form its version's language gives a woman's surname
    (``locale/data/inflection.toml``: Czech ``Anna Kowalská`` for Anna Kowalski, ``Merkelová``
    for Merkel)."""
    from ..locale.inflection import inflection

    if not (a.script == b.script == "latin"):
        return False
    xs, ys = _last_words(a, b)
    if not xs:
        return False
    rules = inflection().feminine_surnames
    for lang, fem, masc in _each_way(an, v, xs[-1], w, ys[-1]):
        for m_end, f_ends in rules.get(lang, ()):
            if not masc.endswith(m_end):
                continue
            stem = masc[: len(masc) - len(m_end)]
            if len(stem) >= 2 and any(fem == stem + f_end for f_end in f_ends):
                return True
    return False


def respelled(an: Any, v: int, a: Mention, w: int, b: Mention) -> bool:
    """Whether ``a`` (version ``v``) and ``b`` (version ``w``) are one name, one of them with the
    letters its version's language writes for the other's in every foreign name
    (``locale/data/inflection.toml``, ``name_respellings``: Azerbaijani ``Helena Varqa`` for Helena
    Varga)."""
    from ..locale.inflection import inflection

    if not (a.script == b.script == "latin"):
        return False
    rules = inflection().name_respellings
    xs, ys = _last_words(a, b)
    if not xs:
        return False
    for lang, own, foreign in _each_way(an, v, " ".join(xs), w, " ".join(ys)):
        pairs = rules.get(lang, ())
        if not pairs:
            continue
        for old, new in pairs:
            foreign = foreign.replace(old, new)
        if own == foreign or own.startswith(foreign) and own[len(foreign):].isalpha() and len(own) - len(foreign) <= 4:
            return True  # az Berqlə: the respelled name with a case ending
    return False


def declined(an: Any, v: int, a: Mention, w: int, b: Mention) -> bool:
    """Whether ``a`` (version ``v``) and ``b`` (version ``w``) are one name, one of them in a case
    its version's language puts a foreign name in: each word the other's with a case ending after
    it or in place of its final vowel (``locale/data/inflection.toml``, ``name_endings``: Polish
    ``Juanem Carlosem Varelą`` for Juan Carlos Varela, ``Aguery`` for Aguero, ``Mike'a``; Czech
    ``San Diegu``)."""
    from ..locale.inflection import inflection

    if not (a.script == b.script == "latin"):
        return False
    xs, ys = _last_words(a, b, letters=r"[\p{L}\p{M}']+")  # pl Mike'a: the apostrophe within the word
    if not xs:
        return False
    rules = inflection().name_endings
    for lang, own, foreign in _each_way(an, v, xs, w, ys):
        endings = rules.get(lang)
        if endings and own != foreign and all(_declines(x, y, endings) or _declines(
                ascii_fold(x), ascii_fold(y), _folded_endings(lang)) for x, y in zip(own, foreign, strict=True)):
            return True  # fi Thomas Bjørnin for Thomas Bjorn: the name's letters folded as its key folds them
    return False


def _folded_endings(lang: str) -> frozenset[str]:
    from ..locale.inflection import inflection

    return frozenset(ascii_fold(e) for e in inflection().name_endings.get(lang, ()))


def _last_words(a: Mention, b: Mention, *, letters: str = r"[\p{L}\p{M}]+") -> tuple[list[str], list[str]]:
    """The last words of ``a`` and of ``b``, folded, as many of each as the shorter has (az ``Mer
    Helena Varqa``, pl ``Prezydent Juanem…``: the name's words, not a title before them)."""
    words = [regex.findall(letters, m.text.casefold().replace("’", "'")) for m in (a, b)]
    k = min(len(words[0]), len(words[1]))
    return words[0][len(words[0]) - k:], words[1][len(words[1]) - k:]


def _each_way(an: Any, v: int, x: T, w: int, y: T) -> tuple[tuple[str, T, T], tuple[str, T, T]]:
    """(the language of version ``v``, ``x``, ``y``) and (that of ``w``, ``y``, ``x``): each
    version's spelling against the other's, by its own language's rules."""
    return (language(an.documents[v].locale), x, y), (language(an.documents[w].locale), y, x)


#: the final vowels a case ending replaces (pl Aguero: Aguery; cs Laverne: Lavernově; Varela: Varelą)
_VOWELS = frozenset("aeo")


def _declines(own: str, foreign: str, endings: frozenset[str]) -> bool:
    """``own`` is ``foreign``, or ``foreign`` with one of ``endings`` after it (after an
    apostrophe too: pl ``mike'a``) or in place of its final vowel (``aguery`` for ``aguero``)."""
    if own == foreign:
        return True
    base, apostrophe, ending = own.partition("'")
    if apostrophe:
        return base == foreign and ending in endings
    stems = (foreign, foreign[:-1]) if foreign[-1:] in _VOWELS else (foreign,)
    return any(len(stem) >= 3 and own.startswith(stem) and own[len(stem):] in endings for stem in stems)


def own_spelling(an: Any, v: int, a: Mention, w: int, b: Mention) -> bool:
    """Whether two spellings are one name as each version's language spells it: a feminine surname
    (:func:`feminine_form`), a foreign name respelled (:func:`respelled`) or declined
    (:func:`declined`)."""
    return feminine_form(an, v, a, w, b) or respelled(an, v, a, w, b) or declined(an, v, a, w, b)


def surname_typo(an: Any, v: int, a: Mention, w: int, b: Mention) -> bool:
    """A person's surname misspelt by one letter, however short (``Katrin Weiss`` / ``Katrin
    Weis``, ``John Smith`` / ``John Smyth``): the same given name, surnames one edit apart that
    are not one word inflected (their stems differ), and each version writes only its own
    spelling, everywhere in the article (a case ending is written beside the plain name)."""
    if not (a.script == b.script == "latin") or a.entity or b.entity or a.acronym or b.acronym:
        return False
    if len(a.tokens) < 2 or len(b.tokens) < 2 or a.type not in (None, "person") or b.type not in (None, "person"):
        return False
    i, j = len(a.tokens) - 1, len(b.tokens) - 1
    if not a.same_token(i - 1, b, j - 1) or a.same_token(i, b, j):
        return False
    if DamerauLevenshtein.distance(a.tokens[i], b.tokens[j]) != 1 or plain(a.tokens[i]) == plain(b.tokens[j]):
        return False  # one letter apart, and not ü written ue (Württemberg / Wuerttemberg)
    if not (looks_like_person(an.documents[v].text, a) or looks_like_person(an.documents[w].text, b)):
        return False  # Inverewe Garden / Gardens: nothing says a person
    x, y = regex.findall(r"[\p{L}\p{M}’']+", a.text)[-1], regex.findall(r"[\p{L}\p{M}’']+", b.text)[-1]
    if _ending_of_its_language(an, v, x, y) or _ending_of_its_language(an, w, y, x):
        return False

    def writes(text: str, word: str) -> bool:
        return regex.search(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(word)}(?![\p{{L}}\p{{M}}])", text) is not None

    return not writes(an.documents[v].text, y) and not writes(an.documents[w].text, x)
