"""Names linked across versions: which mention of one version names the same person, place or
organisation as which mention of another.

Contract: :func:`link_names` takes a bundle analysis (its ``documents``, ``groups``, ``claims``
and ``names``) and returns :class:`NameLinks`; it decides nothing about findings.

1. In every aligned group, the name mentions of each pair of versions are
   matched: the same vocabulary or gazetteer entity; Latin names sharing a
   word (``Michael Elias`` / ``Elias``); across scripts, by transliteration
   (:func:`~consistency.extract.translit.name_similarity`; with the ``ja`` extra
   also UniDic's foreign spelling of a katakana name, where it is written like
   the Latin name), and only for the best *mutual* match of the group, never on
   a lone score.  A weak candidate (a German noun, a katakana run) becomes a
   name only when it matches a strong one.  Spellings that differ slightly are
   *variants* (``NameLinks.variants``, reported by NAM002).
2. Surnames join full names inside each version (``Elias`` stands for ``Michael Elias``).
3. Matched mentions are joined into entities across the whole bundle
   (``NameLinks.entities``), so the tool learns how each version writes each name
   (``Walsh`` / ``Walsh``, ``Barclays`` / ``バークレイズ``): :meth:`NameLinks.forms`, and
   :meth:`NameLinks.present` tells whether a version's passage (or the passages around it,
   where a pronoun may stand for it) holds an entity in any of its forms.

This module is longer than 600 lines: the linking and the presence check with its fallbacks per
script (derived words, caseless words, a name spelled across Thai dictionary words) share the
similarity thresholds and helpers kept private here; split, each part would import the other's.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import regex
from rapidfuzz import fuzz

from ..extract.foreign import foreign_name
from ..extract.names import REPORTABLE_TYPES, Mention
from ..extract.vocabulary import default_vocabulary, fold_chars, gazetteer, national_adjectives, own_languages
from ..extract.translit import name_similarity, phonetic_key, romanize, skeleton
from ..locale.scripts import letter_script
from ..locale.tags import language

from .spelling import own_spelling, single_variant, surname_typo, variant
from ..extract.patterns import compiled

if TYPE_CHECKING:
    from .analysis import BundleAnalysis

__all__ = [
    "MIN_SIMILARITY",
    "WINDOW_AFTER",
    "WINDOW_BEFORE",
    "NameLinks",
    "UnionFind",
    "link_names",
    "name_type",
    "node_key",
    "reportable",
    "score",
    "tail",
]

#: how many passages before a group may hold the name a pronoun stands for
WINDOW_BEFORE = 3
WINDOW_AFTER = 1
#: the least transliteration similarity for a cross-script match (always also best mutual)
MIN_SIMILARITY = 0.72


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)


@dataclass
class NameLinks:
    """Name mentions linked across the versions of one bundle (see the module's contract).

    A *node* is ``(version, key)``: one name as one version writes it; ``uf`` joins the nodes
    of one entity."""

    an: Any
    #: ``pools[g][v]``: the mentions of version ``v`` in group ``g`` (not those inside a figure)
    pools: list = field(default_factory=list)
    uf: UnionFind = field(default_factory=UnionFind)
    #: nodes matched with a strong name or an entity of another version
    confirmed: set = field(default_factory=set)
    #: ``(node, g)``: a weak candidate confirmed by a match in group ``g``
    local: set = field(default_factory=set)
    strong_nodes: set = field(default_factory=set)
    node_mentions: dict = field(default_factory=dict)
    #: ``((v, a, w, b), g)``: mention ``a`` of ``v`` and ``b`` of ``w`` spell one name differently
    variants: list = field(default_factory=list)
    #: entity root -> its nodes
    clusters: dict = field(default_factory=dict)
    #: nodes that are names (strong or confirmed)
    name_nodes: set = field(default_factory=set)
    #: entity root -> {node: mentions}, for the entities that hold a name
    entities: dict = field(default_factory=dict)
    _forms: dict = field(default_factory=dict, repr=False)
    _folded: list | None = field(default=None, repr=False)

    @property
    def folded(self) -> list[str]:
        """Each version's text, case- and accent-folded (:func:`~consistency.extract.vocabulary.fold_chars`)."""
        if self._folded is None:
            self._folded = [fold_chars(d.text) for d in self.an.documents]
        return self._folded

    def forms(self, root, w: int) -> list[str]:
        """The forms version ``w`` uses (or its vocabulary or CLDR gives) for entity ``root``, folded."""
        key = (root, w)
        if key in self._forms:
            return self._forms[key]
        an, clusters, node_mentions = self.an, self.clusters, self.node_mentions
        out: list[str] = []
        locale = an.documents[w].locale
        cldr: list[str] = []
        for node in clusters[root]:
            ms = node_mentions[node]
            m = ms[0]
            if node[0] == w:
                for mm in ms:
                    out.append(mm.text)
                    if len(mm.tokens) > 1 and mm.script in ("latin", "kana", "cyrillic", "greek"):
                        out.extend(t for t in compiled(r"[\s\-・･]+").split(mm.text) if len(t) >= 3)
            if m.entity and m.entity.startswith("vocab:"):
                out.extend(_vocab_forms(m.entity, locale, self.an.vocabulary))
                cldr.extend(_vocab_cldr(m.entity, self.an.vocabulary))
            elif m.entity:
                out.extend(_gaz_forms(m.entity, locale))
        if out:
            # a vocabulary entity that is a CLDR place is also written by CLDR's names for it (pl
            # Nowy Jork for the vocabulary's New York); only where the version's forms are known
            # at all: these widen what counts as the name, they do not make a version answerable.
            # CLDR's names only, from the built gazetteer: the endonyms and national adjectives
            # of _gaz_forms read babel's locale data, which a process with built objects never loads
            names = _gaz_reverse(locale)
            for cldr_id in dict.fromkeys(cldr):
                out.extend(names.get(cldr_id, ()))
        res = sorted({fold_chars(f) for f in out if f.strip()}, key=len, reverse=True)
        self._forms[key] = res
        return res

    def present(self, root, w: int, g: int, held: dict, *, before: int = WINDOW_BEFORE,
                after: int = WINDOW_AFTER) -> bool:
        """Does version ``w`` name entity ``root`` in group ``g``, or in the ``before`` passages
        before it or the ``after`` passages after it?  ``held``: the mentions of the versions
        that do (version -> mention)."""
        an, groups, pools = self.an, self.an.groups, self.pools
        fs = self.forms(root, w)
        lo, hi = max(0, g - before), min(len(groups) - 1, g + after)
        text = self.folded[w]
        # stems compared without Greek accents, which move as the word declines (Βασίλειο, Βασιλείου)
        stems = {_stem(_unaccented(f)) for f in fs if f.isalpha() and len(f) >= 5 and _is_cased_text(f)}
        phrases = {p for f in fs if (p := _phrase_stems(_unaccented(f)))}
        for gg in range(lo, hi + 1):
            blocks = groups[gg][w]
            if not blocks:
                continue
            doc = an.documents[w]
            s, e = doc.blocks[blocks[0]].start, doc.blocks[blocks[-1]].end
            seg = text[s:e]
            for f in fs:
                i = seg.find(f)
                while i >= 0:
                    if not (f[0].isalpha() and f[0].isascii() and i > 0 and seg[i - 1].isalpha() and seg[i - 1].isascii()):
                        return True
                    i = seg.find(f, i + 1)
            bare = _unaccented(seg) if stems or phrases else seg
            if stems:
                # a derived word: argentinische for Argentina, britisch for British, europäischen for Europe
                for word in compiled(r"\p{L}{4,}").findall(bare):
                    if any(word.startswith(st) for st in stems):
                        return True
            if phrases and _phrase_written(bare, phrases):
                return True  # each word inflected: Ameryce Łacińskiej for Ameryka Łacińska, Nowym Jorku
        # a candidate of that version that transliterates to the name (Wales / ウェールズ)
        for gg in range(max(0, g - min(1, before)), min(len(groups), g + min(1, after) + 1)):
            for m in pools[gg][w]:
                for h in held.values():
                    if m.script != h.script and score(m, h) >= MIN_SIMILARITY + 0.05:
                        return True
                    if m.script == h.script == "latin" and (variant(m, h) or m.shares_token(h) or
                                                            fuzz.ratio(m.key, h.key) >= 75):
                        return True  # Türkei / Turkey, Athen / Athens
        # a script without capital letters (Arabic, Persian, Hebrew, Devanagari, Thai) gives no
        # candidates by case: a word of the passage that transliterates to the name (ترامب, Trump)
        return self._caseless_word_names(w, g, held, lo=max(0, g - min(1, before)),
                                         hi=min(len(groups) - 1, g + min(1, after)))

    def _caseless_word_names(self, w: int, g: int, held: dict, *, lo: int, hi: int) -> bool:
        tokens = {t for h in held.values() if h.script == "latin" and not h.acronym
                  for t in h.tokens if len(t) >= 4}
        if not tokens:
            return False
        skeletons = {_abjad_skeleton(phonetic_key(t)) for t in tokens}  # once, not per word of the passage
        an = self.an
        doc = an.documents[w]
        proclitics = _proclitics(doc.locale)
        for gg in range(lo, hi + 1):
            blocks = an.groups[gg][w]
            if not blocks:
                continue
            seg = doc.text[doc.blocks[blocks[0]].start:doc.blocks[blocks[-1]].end]
            # a name Latin writes as one word that these scripts write syllable by syllable (Chinese
            # given names: Jinping, ar جين بينغ, fa جین پینگ): two neighbouring words joined
            for pair in compiled(_CASELESS_PAIR).finditer(seg):
                joined = pair.group(1) + pair.group(2)
                if any(len(t) >= 6 and name_similarity(joined, t) >= MIN_SIMILARITY + 0.05 for t in tokens):
                    return True
            for word in compiled(_CASELESS_WORD).findall(seg):
                forms = [word] + [word[len(p):] for p in proclitics if word.startswith(p) and len(word) > len(p) + 2]
                for form in forms:
                    if any(name_similarity(form, t) >= MIN_SIMILARITY + 0.05 for t in tokens):
                        return True
                    # the consonants alone: these scripts write few vowels, and Arabic has no p
                    # (ترامب, tramb: Trump); three consonants or more
                    sk = _abjad_skeleton(phonetic_key(form))
                    if len(sk) >= 3 and sk in skeletons:
                        return True
                    # Thai, Lao, Khmer, Burmese write a sentence's words together: the name's
                    # consonants (four or more) inside the run (ประธานาธิบดีทรัมป์, President Trump)
                    if _SPACELESS_WORD.match(word) and any(len(tk) >= 4 and tk in sk for tk in skeletons):
                        return True
                if _SPACELESS_WORD.match(word) and _spelled_inside(word, doc.locale, tokens):
                    return True
        return False


# --------------------------------------------------------------------------- linking


def link_names(an: BundleAnalysis) -> NameLinks:
    """Name mentions of every version linked into entities (see the module's contract)."""
    n = len(an.documents)
    if n < 2:
        return NameLinks(an=an)
    pools = _group_pools(an)
    uf = UnionFind()
    confirmed: set[tuple[int, str]] = set()
    local: set = set()  # ((v, key), g): a weak candidate confirmed by a match in group g
    strong_nodes: set[tuple[int, str]] = set()
    node_mentions: dict[tuple[int, str], list[Mention]] = defaultdict(list)
    node_groups: dict[tuple[int, str], set[int]] = defaultdict(set)
    for g, per in enumerate(pools):
        for v in range(n):
            for m in per[v]:
                node = (v, node_key(m))
                node_mentions[node].append(m)
                node_groups[node].add(g)
                uf.find(node)
                if m.strong:
                    strong_nodes.add(node)
    variants: list[tuple[int, Mention, int, Mention]] = []  # (v, a, w, b) per group
    variant_groups: list[int] = []
    # 1. matching inside each group
    for g, per in enumerate(pools):
        distinct = [_distinct(mentions) for mentions in per]  # each version's once, not once per pair
        for v in range(n):
            for w in range(v + 1, n):
                A = distinct[v]
                B = distinct[w]
                if not A or not B:
                    continue
                matched_a: set[str] = set()
                matched_b: set[str] = set()
                scores: dict[tuple[str, str], float] = {}
                for ka, a in A.items():
                    for kb, b in B.items():
                        if not (a.strong or b.strong or a.entity or b.entity):
                            continue  # two weak candidates (German noun, katakana loanword) prove nothing
                        s = score(a, b)
                        if s >= 1.0:
                            _link(uf, confirmed, (v, ka), (w, kb), a, b, g, local)
                            matched_a.add(ka)
                            matched_b.add(kb)
                            if ka != kb and ka not in B and kb not in A and (variant(a, b) or surname_typo(an, v, a, w, b)) \
                                    and not own_spelling(an, v, a, w, b):
                                variants.append((v, a, w, b))  # Noel Walsh / Noelle Walsh share "walsh"
                                variant_groups.append(g)
                        elif s >= MIN_SIMILARITY:
                            scores[(ka, kb)] = s
                # best mutual transliteration matches among the rest
                best_a: dict[str, tuple[float, str]] = {}
                best_b: dict[str, tuple[float, str]] = {}
                for (ka, kb), s in scores.items():
                    if ka in matched_a or kb in matched_b:
                        continue
                    if s > best_a.get(ka, (0, ""))[0]:
                        best_a[ka] = (s, kb)
                    if s > best_b.get(kb, (0, ""))[0]:
                        best_b[kb] = (s, ka)
                for ka, (_s, kb) in best_a.items():
                    if best_b.get(kb, (0, ""))[1] == ka:
                        _link(uf, confirmed, (v, ka), (w, kb), A[ka], B[kb], g, local)
                        matched_a.add(ka)
                        matched_b.add(kb)
                # spelling variants among the unmatched Latin names
                for ka, a in A.items():
                    for kb, b in B.items():
                        if (ka in matched_a and kb in matched_b) or not (a.strong or b.strong):
                            continue
                        if ka in B or kb in A:
                            continue
                        if variant(a, b) or (single_variant(a, b) and _known_elsewhere(an, v, w, a, b)
                                              and not _common_word(an, v, g, b) and not _common_word(an, w, g, a)):
                            if not own_spelling(an, v, a, w, b):  # cs Kowalská is Kowalski, az Varqa is Varga: one name
                                variants.append((v, a, w, b))
                                variant_groups.append(g)
                            uf.union((v, ka), (w, kb))
                            confirmed.add((v, ka))
                            confirmed.add((w, kb))
    # 2. surnames join full names inside each version
    for v in range(n):
        full: dict[str, set[str]] = defaultdict(set)
        for (vv, key), ms in node_mentions.items():
            if vv != v or not key.startswith("s:"):
                continue
            m = ms[0]
            if len(m.tokens) > 1 and m.script in ("latin", "kana", "cyrillic", "greek") and m.type in (None, "person") \
                    and compiled(r"[\s・]\S+$").search(m.text) and ((v, key) in confirmed or (v, key) in strong_nodes):
                # the surname: Elias stands for Michael Elias (and never "Werk" for "Toyota-Werk")
                if len(m.tokens[-1]) >= 3:
                    full[m.tokens[-1]].add(key)
        for (vv, key), ms in list(node_mentions.items()):
            if vv != v or not key.startswith("s:"):
                continue
            m = ms[0]
            if len(m.tokens) == 1 and len(full.get(m.tokens[0], ())) == 1:
                other = (v, next(iter(full[m.tokens[0]])))
                uf.union((v, key), other)
    # 3. entities: clusters of nodes; reportable when a node is a strong or confirmed name
    clusters: dict = defaultdict(list)
    for node in node_mentions:
        clusters[uf.find(node)].append(node)
    name_nodes = {node for node in node_mentions if _is_name(node, node_mentions[node], strong_nodes, confirmed)}
    entities = {root: {node: node_mentions[node] for node in nodes} for root, nodes in clusters.items()
                       if any(node in name_nodes for node in nodes)}
    return NameLinks(an=an, pools=pools, uf=uf, confirmed=confirmed, local=local, strong_nodes=strong_nodes,
                     node_mentions=node_mentions, variants=list(zip(variants, variant_groups)), clusters=clusters,
                     name_nodes=name_nodes, entities=entities)


# --------------------------------------------------------------------------- helpers


def node_key(m: Mention) -> str:
    return m.entity if m.entity else "s:" + m.key


def _latinish(m: Mention) -> bool:
    return m.script == "latin"


def score(a: Mention, b: Mention) -> float:
    """1.0: the same name; 0..1 for a transliteration; 0: different."""
    if a.entity and b.entity:
        if a.entity == b.entity:
            return 1.0
        if a.entity.startswith("vocab:") or b.entity.startswith("vocab:"):
            return 0.0
        # two CLDR ids may name one place (Micronesia the region, ミクロネシア the country): compare the names
    if _latinish(a) and _latinish(b):
        return 1.0 if a.shares_token(b) else 0.0
    if a.script == b.script and a.script in ("kana", "hangul", "cyrillic", "greek"):
        if a.shares_token(b):
            return 1.0
    best = name_similarity(a.key, b.key) if (a.key and b.key) else 0.0
    for ta in a.tokens:
        if len(ta) < 3:
            continue
        for tb in b.tokens:
            if len(tb) < 3:
                continue
            best = max(best, name_similarity(ta, tb) - 0.02)  # a part is a little less than the whole
    kana, latin = _kana_latin(a, b)
    if kana is not None and latin is not None:
        best = max(best, _foreign_similarity(kana, latin))
    return best


#: how alike (rapidfuzz ratio of the letters, 0..100) a foreign spelling and a Latin name must be spelled
#: for the spelling to count: it is the word itself, so it must be *written* alike (Barclay /
#: Barclays, Ranger / Rangers); sounding alike is the transliteration's job, and between two
#: Latin spellings it is too lenient (Water / Twitter, Heart / Holt score 0.83 or more).  85, not
#: 80: the ratio counts a common subsequence, and Wien / Wissen has 80
FOREIGN_SPELLING_RATIO = 85


def _foreign_similarity(kana: Mention, latin: Mention, *, whole: bool = False) -> float:
    """The similarity of a katakana mention, in UniDic's foreign spellings (the ``ja`` extra),
    to a Latin one; 0 when it knows none or none is spelled like the Latin name.  One more
    candidate beside the transliteration, never instead of it (see :mod:`..extract.foreign`)."""
    joined, spelled = foreign_name(kana.text)
    if not joined or not latin.key:
        return 0.0
    best = 0.0
    if _spelled_alike(romanize(joined), latin.key):
        best = name_similarity(joined, latin.key)
    if whole:
        return best
    for s in spelled:
        if len(s) < 3:
            continue
        for i, tb in enumerate(latin.tokens):
            if len(tb) < 3:
                continue
            stem = latin.stems[i] if i < len(latin.stems) else tb
            if _spelled_alike(s, tb) or (stem != tb and _spelled_alike(s, stem)):
                best = max(best, name_similarity(s, tb) - 0.02)  # a part is a little less than the whole
    return best


def _spelled_alike(x: str, y: str) -> bool:
    x = "".join(ch for ch in x if ch.isalpha())
    y = "".join(ch for ch in y if ch.isalpha())
    return bool(x and y) and fuzz.ratio(x, y) >= FOREIGN_SPELLING_RATIO


def _kana_latin(a: Mention, b: Mention) -> tuple[Mention | None, Mention | None]:
    if a.script == "kana" and b.script == "latin":
        return a, b
    if b.script == "kana" and a.script == "latin":
        return b, a
    return None, None


#: A word of a script without letter case (no capital marks a name there), of at least three letters.
_CASELESS_WORD = (  # compiled where such a passage is searched
    r"(?:(?![\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])(?=\p{L})[^\p{Lu}\p{Ll}\p{Lt}\P{L}][\p{L}\p{M}]{2,})")
#: two such words, whole, side by side (each a group)
_CASELESS_PAIR = (r"(?<![\p{L}\p{M}])(?=(" + _CASELESS_WORD + r")[ \u00a0]+(" + _CASELESS_WORD
                  + r")(?![\p{L}\p{M}]))")


_SPACELESS_WORD = regex.compile(r"[\p{Line_Break=SA}]")


#: the most dictionary words a name written in a spaceless script is read across (โต|โย|ต้า: Toyota)
_SPELLED_WORDS = 4


def _spelled_inside(run: str, locale: str, tokens: set[str]) -> bool:
    """Does a run of Thai, Lao, Khmer or Burmese text hold, between two of ICU's word boundaries,
    a spelling of one of the name's ``tokens`` (เมืองปาลู: Palu; โตโยต้า, three dictionary words:
    Toyota)?  False without PyICU."""
    from ..locale.words import word_boundaries

    bounds = word_boundaries(run, locale)
    if bounds is None:
        return False
    cuts = sorted(bounds)
    for i, start in enumerate(cuts):
        for end in cuts[i + 1:i + 1 + _SPELLED_WORDS]:
            piece = run[start:end]
            if any(name_similarity(piece, t) >= MIN_SIMILARITY + 0.05 for t in tokens):
                return True
    return False


def _abjad_skeleton(key: str) -> str:
    """The consonant skeleton of a phonetic key with p read as b (Arabic writes Trump ترامب)."""
    return skeleton(key.replace("p", "b"))


def _proclitics(locale: str) -> tuple[str, ...]:
    """What a word may carry glued before a name (ar و, ب, ل; the article ال): the data of
    locale/data/inflection.toml, and the article, longest first."""
    from ..locale.inflection import inflection

    words = set(inflection().proclitics.get(language(locale), ()))
    if words:
        words |= {"ال"} | {p + "ال" for p in words}
    return tuple(sorted(words, key=len, reverse=True))


class _SpanIndex:
    """Spans sorted by start with the running maximum of their ends: whether any overlaps
    ``[start, end)`` in O(log n) (a paragraph with thousands of figures and names was quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _e in spans]
        self.max_end: list[int] = []
        for _s, e in spans:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the spans that start before ``end``
        return k > 0 and self.max_end[k - 1] > start


def _group_pools(an: BundleAnalysis) -> list[list[list[Mention]]]:
    """Mentions per group and version, without those inside a figure (ドル in 3500万ドル)."""
    n = len(an.documents)
    kept: list[list[list[Mention]]] = []
    for v in range(n):
        per_block = []
        for b, mentions in enumerate(an.names[v]):
            claims = an.claims[v][b]
            if not claims or not mentions:  # most blocks: nothing to leave out
                per_block.append(list(mentions))
                continue
            inside = _SpanIndex([(c.start, c.end) for c in claims])
            per_block.append([m for m in mentions if not inside.overlaps(m.start, m.end)])
        kept.append(per_block)
    return [[[m for b in group[v] for m in kept[v][b]] for v in range(n)] for group in an.groups]


_GAZ_REVERSE: dict = {}


def _gaz_forms(ident: str, locale: str) -> list[str]:
    """The names of gazetteer entity ``ident`` that a version in ``locale`` may write: CLDR's in
    ``locale`` and in English; for a place, also its name at home, in its territory's official
    language (an endonym: hu and nl ``Rapid Wien`` for Rapid Vienna, ``Deutschland``); for a
    country, the name in ``locale`` of its national language, which is the nation's adjective in
    many languages (:func:`~consistency.extract.vocabulary.national_languages`: it ``danese``,
    ``tedesca``, sv ``danska``; four letters or more)."""
    key = (ident, locale)
    if key not in _GAZ_REVERSE:
        forms = list(_gaz_reverse(locale).get(ident, []))
        for lang in own_languages(ident):
            forms.extend(_gaz_reverse(lang, alone=True).get(ident, []))
        forms.extend(national_adjectives(ident, locale))
        _GAZ_REVERSE[key] = list(dict.fromkeys(forms))
    return _GAZ_REVERSE[key]


def _gaz_reverse(locale: str, *, alone: bool = False) -> dict[str, list[str]]:
    """Gazetteer entity -> its names in ``locale``, its language and English (``alone``: in
    ``locale`` only)."""
    key = (None, locale, alone)
    if key not in _GAZ_REVERSE:
        rev: dict[str, list[str]] = defaultdict(list)
        for tag in dict.fromkeys([locale] if alone else [locale, language(locale), "en"]):
            for name, (i, _k) in gazetteer(tag).items():
                rev[i].append(name)
        _GAZ_REVERSE[key] = rev
    return _GAZ_REVERSE[key]


def _vocab_cldr(ident: str, vocabulary=None) -> tuple[str, ...]:
    """The gazetteer ids vocabulary entity ``ident`` is (its ``cldr``: ``city:America/New_York``)."""
    entity = (vocabulary or default_vocabulary()).index.get(ident[len("vocab:"):]) if ident.startswith("vocab:") else None
    return entity.cldr if entity else ()


def _vocab_forms(ident: str, locale: str, vocabulary=None) -> list[str]:
    entity = (vocabulary or default_vocabulary()).index.get(ident[len("vocab:"):]) if ident.startswith("vocab:") else None
    return list(entity.forms_for(locale)) + list(entity.related_for(locale)) if entity else []


#: the alphabets whose words derive adjectives and cases from a name by a suffix on its stem
#: (argentinische, индонезийский, ινδονησιακός; Georgian ხორვატიისკენ, "towards Croatia"; Armenian
#: Խորվաթիայում, "in Croatia")
_STEM_SCRIPTS = frozenset({"Latn", "Grek", "Cyrl", "Geor", "Armn"})


def _unaccented(text: str) -> str:
    """``text`` without the accents of its Greek letters (tonos, dialytika), for comparing stems:
    Greek moves its accent as a word declines (Βασίλειο, Βασιλείου).  A Latin letter keeps its
    accent, which often makes another letter (Hungarian ``álló`` is no ``allo``)."""
    if not any("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for ch in text):
        return text
    out: list[str] = []
    greek = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not greek:
                out.append(ch)
            continue
        greek = "\u0370" <= ch <= "\u03ff"
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _stem(word: str) -> str:
    """The stem a derived or inflected word of ``word`` starts with: its first 60 %, four letters
    at least (``argentin`` of Argentina)."""
    return word[: max(4, int(len(word) * 0.6))]


#: the words of a name of several words, and what stands between them
_PHRASE_WORD = regex.compile(r"\p{L}+")
_PHRASE_GAP = regex.compile(r"[\s\-‐‑]+")


def _phrase_stems(form: str) -> tuple[str, ...]:
    """The stems of the words of a name of two words or more in a cased script, each word of five
    letters or more cut to :func:`_stem`, a shorter one kept whole (``ameryka łacińska`` ->
    ``amer``, ``łaci``; ``nowy jork`` -> ``nowy``, ``jork``); empty for one word, for a word that is no
    letters, and for a name with no word of four letters (nothing would then tell it apart)."""
    words = _PHRASE_GAP.split(form.strip())
    if len(words) < 2 or not all(w.isalpha() and _is_cased_text(w) for w in words):
        return ()
    if max(len(w) for w in words) < 4:
        return ()
    return tuple(_stem(w) if len(w) >= 5 else w for w in words)


def _phrase_written(seg: str, phrases: set[tuple[str, ...]]) -> bool:
    """Whether ``seg`` writes one of ``phrases`` (see :func:`_phrase_stems`) as consecutive words,
    apart by spaces or hyphens only, each starting with its stem: a name of several words whose
    every word takes a case ending (pl ``Ameryce Łacińskiej``, ``Nowym Jorku``; fi ``Latinalaisen
    Amerikan``; el ``Πόλης του Μεξικό``)."""
    words = list(_PHRASE_WORD.finditer(seg))
    for phrase in phrases:
        k = len(phrase)
        for i in range(len(words) - k + 1):
            if all(words[i + j].group(0).startswith(phrase[j]) for j in range(k)) and all(
                    _PHRASE_GAP.fullmatch(seg[words[i + j].end():words[i + j + 1].start()]) for j in range(k - 1)):
                return True
    return False


def _is_cased_text(text: str) -> bool:
    """Letters of :data:`_STEM_SCRIPTS` only (:func:`~consistency.locale.scripts.letter_script`)."""
    return all(letter_script(ch) in _STEM_SCRIPTS for ch in text)


def tail(m: Mention, k: int) -> Mention:
    """The mention's last ``k`` words (``Managerin Noel Walsh`` -> ``Noel Walsh``; a particle the
    tokens leave out, as in ``Montag von Noel Walsh``, is no word of the tail)."""
    if len(m.tokens) <= k:
        return m
    words = list(regex.finditer(r"[\p{L}\p{N}’']+", m.text))
    if len(words) < len(m.tokens):
        return m
    if len(words) > len(m.tokens):  # particles (von, de) are no tokens: the tail must hold none
        if any(not w.group(0)[:1].isupper() for w in words[len(words) - k:]):
            return m
    cut = words[len(words) - k].start()
    return replace(m, start=m.start + cut, text=m.text[cut:], tokens=m.tokens[-k:],
                   stems=m.stems[-k:] if m.stems else ())


def name_type(held: dict) -> str | None:
    for m in held.values():
        if m.type:
            return m.type
        if m.script in ("latin", "kana", "cyrillic", "greek", "hangul") and len(m.tokens) > 1 and not m.entity:
            return "person"
    return None


def reportable(m: Mention) -> bool:
    if m.type not in REPORTABLE_TYPES:
        return False
    if m.acronym and not m.entity:
        return False
    return True


def _is_name(node, mentions: list[Mention], strong: set, confirmed: set) -> bool:
    if node in confirmed:
        return True
    if node in strong:
        m = mentions[0]
        return not m.acronym or bool(m.entity)
    return False


def _distinct(mentions: list[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        key = node_key(m)
        if key not in out or (m.strong and not out[key].strong):
            out[key] = m
    return out


def _whole(a: Mention, b: Mention) -> bool:
    """Do two matched mentions name the whole same thing (so their entities may be joined)?
    ``Labour MP`` and ``Labour`` only share a word: they match where they stand, but
    joining them would chain unrelated names into one entity."""
    if a.entity or b.entity:
        if a.entity == b.entity:
            return True
        if (a.entity or "").startswith("vocab:") or (b.entity or "").startswith("vocab:") or not (a.entity and b.entity):
            return False
    if len(a.tokens) != len(b.tokens):
        return False
    if a.script == b.script == "latin":
        return all(a.same_token(i, b, i) for i in range(len(a.tokens)))
    if name_similarity(a.key, b.key) >= MIN_SIMILARITY:
        return True
    kana, latin = _kana_latin(a, b)
    if kana is None or latin is None:
        return False
    return _foreign_similarity(kana, latin, whole=True) >= MIN_SIMILARITY


def _link(uf: UnionFind, confirmed: set, na, nb, a: Mention, b: Mention, g: int | None = None,
          local: set | None = None) -> None:
    if _whole(a, b):
        uf.union(na, nb)
    if a.strong or a.entity:
        confirmed.add(nb)
        if local is not None:
            local.add((nb, g))
    if b.strong or b.entity:
        confirmed.add(na)
        if local is not None:
            local.add((na, g))


def _known_elsewhere(an: BundleAnalysis, v: int, w: int, a: Mention, b: Mention) -> bool:
    """Does ``w`` write ``a``'s spelling elsewhere, or ``v`` write ``b``'s?"""
    ta, tb = a.tokens[0], b.tokens[0]
    return (ta in an.name_words[w]) != (tb in an.name_words[v])


def _common_word(an: BundleAnalysis, x: int, g: int, m: Mention) -> bool:
    """A weak candidate (a capitalised German noun) that version ``x`` writes in lower case in
    the same passage is a common word there, not a name (Deal / "a €100 million deal")."""
    if m.strong or not m.text.isalpha():
        return False
    span = an.group_span(x, g)
    if span is None:
        return False
    word = m.text.lower()
    return regex.search(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})", an.documents[x].text[span[0]:span[1]]) is not None


