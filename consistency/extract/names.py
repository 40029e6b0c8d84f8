"""Proper-name mentions, per locale, with spans: ``extract_names(text, locale)``.

A mention is a candidate until something says it is a name.  The evidence:

- ``vocab``: a form of an entity of a name vocabulary (``rules/vocab/*.yml``);
- ``gazetteer``: a CLDR territory, city (time-zone exemplar city), language,
  script or currency name of the locale or of English (built lazily from babel);
- ``camel``: a Latin token with a capital inside (``OpenAI``, ``ChatGPT``);
- ``latin``: a Latin word in a text of another script (``Walsh`` in Japanese);
- ``capital``: a capitalised word inside a sentence, in a language that does
  not capitalise every noun (so never in German);
- ``weak``: anything else that looks like a name (a German capitalised noun, a
  katakana run, a hangul word, a capitalised word opening a sentence).  Weak
  candidates become names only when they match a name of another version's
  aligned passage (see :mod:`consistency.engine.checks.names`).

>>> [(m.text, m.evidence) for m in extract_names("Laut Elias ist Google eingesprungen.", "de")]
[('Elias', 'weak'), ('Google', 'vocab')]
>>> [(m.text, m.evidence) for m in extract_names("Later, Noelle Walsh met the Prime Minister in Paris.", "en")]
[('Later', 'weak'), ('Noelle Walsh', 'capital'), ('Paris', 'gazetteer')]
>>> [(m.text, m.entity) for m in extract_names("米国とヨーロッパで撤退した。", "ja")]
[('米国', 'vocab:united-states'), ('ヨーロッパ', 'vocab:europe')]
>>> [(m.text, m.evidence, m.tokens) for m in extract_names("TD-CowenのアナリストであるMichael Eliasは", "ja")]
[('TD-Cowen', 'vocab', ('td', 'cowen')), ('アナリスト', 'weak', ('anarisuto',)), ('Michael Elias', 'latin', ('michael', 'elias'))]

This module is longer than 600 lines: the scan for known names, the capitalised runs and the
rules that qualify a place read the same per-script character tests and word boundaries, which
stay private to one module (a split would import them across modules).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..locale.inflection import inflection
from ..locale.packs import Pack, load_pack
from ..locale.scripts import letter_script, unmix_homoglyphs
from ..locale.tags import language
from ..locale.words import UNSPACED_SCRIPTS, word_boundaries
from .translit import ascii_fold, romanize
from .vocabulary import Vocabulary, default_vocabulary, fold_chars, gazetteer
from .patterns import DIGIT, compiled

__all__ = ["REPORTABLE_TYPES", "Mention", "calendar_words", "extract_names", "sentence_initial"]

#: entity types whose absence or change is reported (languages, scripts and
#: currencies only help recognition: figures and wording cover them)
REPORTABLE_TYPES = frozenset({"person", "organization", "place", "product", "event", "term", None})

_NON_LATIN_LOCALES = {"ja", "zh", "ko", "ru", "uk", "be", "bg", "sr", "mk", "el", "ar", "he", "fa", "hi", "th",
                      "ka", "hy", "yue", "kk", "ky", "mn"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a (candidate) name."""

    start: int
    end: int
    text: str
    script: str  # latin | kana | hangul | han | cyrillic | greek | other
    tokens: tuple[str, ...]  # per word: ASCII-folded (Latin) or romanized, lower case, inflection kept
    evidence: str = "weak"  # vocab | gazetteer | camel | latin | capital | weak
    entity: str | None = None  # "vocab:microsoft", "territory:US", "city:America/New_York"...
    type: str | None = None  # person | organization | place | product | language | script | currency
    acronym: bool = False  # AI, GPU, CEO: all capitals, five letters at most
    title: str | None = None  # the title written before it (President, Analyst)
    stems: tuple[str, ...] = ()  # ``tokens`` without an inflection suffix of the pack (microsofts -> microsoft)
    #: a place that only qualifies another name: "Naples, Italy", "US President Donald Trump", "US-Präsident"
    qualifier: bool = False

    @property
    def strong(self) -> bool:
        return self.evidence != "weak"

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    def same_token(self, i: int, other: "Mention", j: int) -> bool:
        """Are word ``i`` of this mention and word ``j`` of ``other`` the same, inflection aside?"""
        a, b = self.tokens[i], other.tokens[j]
        if a == b:
            return True
        sa = self.stems[i] if i < len(self.stems) else a
        sb = other.stems[j] if j < len(other.stems) else b
        return sa == b or a == sb or sa == sb

    def shares_token(self, other: "Mention") -> bool:
        return any(self.same_token(i, other, j) for i in range(len(self.tokens)) for j in range(len(other.tokens)))

    def shifted(self, offset: int) -> "Mention":
        # every field by position: twice as fast as dataclasses.replace, which a check calls for
        # every mention of every block (tests/test_names.py keeps the field list whole)
        return Mention(self.start + offset, self.end + offset, self.text, self.script, self.tokens, self.evidence,
                       self.entity, self.type, self.acronym, self.title, self.stems, self.qualifier)


# --------------------------------------------------------------------------- surface tables


@dataclass(frozen=True)
class _Surfaces:
    """Known surfaces of one locale, indexed by their first folded characters and length."""

    #: first three folded characters (two or one for a surface of two or one) -> [(length, {folded
    #: surface: (original, entity id, type, evidence)})], longest first
    index: dict
    #: the kinds of character no surface can start at (:data:`_SKIPPABLE`), which the scan skips,
    #: each with the letters it is still scanned at (hiragana ひ in ja), none for most
    skip: tuple[tuple[str, str], ...] = ()




def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@lru_cache(maxsize=64)
def _surfaces(locale: str, vocab: Vocabulary) -> _Surfaces:
    if vocab is default_vocabulary():  # the built-in one: the same in every process of this code
        from ..builds import built

        return built("surfaces", locale, lambda: _surfaces_of(locale, vocab))
    return _surfaces_of(locale, vocab)


def _surfaces_of(locale: str, vocab: Vocabulary) -> _Surfaces:
    items: dict[str, tuple[str, str | None, str | None, str]] = {}
    for entity in vocab.entities:
        # a term a glossary forbids is still that concept (TRM001 reports it; NAM001 does not)
        for form in (*entity.forms_for(locale), *entity.forbidden_for(locale)):
            if len(form) < 2 or (len(form) < 2 and _is_han(form[0])):
                continue
            items[fold_chars(form)] = (form, "vocab:" + entity.id, entity.type, "vocab")
    alias = {c: ("vocab:" + e.id, e.type) for e in vocab.entities for c in e.cldr}
    for tag in dict.fromkeys([locale, language(locale), "en"]):
        for name, (cldr_id, cldr_type) in gazetteer(tag).items():
            ident, kind = alias.get(cldr_id, (cldr_id, cldr_type))
            items.setdefault(fold_chars(name), (name, ident, kind, "gazetteer"))
    # a name ending in -a takes the pack's case endings in its place (pl Arizona: w Arizonie; ru
    # Москва: в Москве, Турция: с Турцией)
    endings = load_pack(language(locale)).name_a_endings
    if endings:
        for folded, item in list(items.items()):
            if len(folded) >= 4 and folded[-1] in "aая" and folded[-2].isalpha() and not folded.isupper():
                for ending in endings:
                    items.setdefault(folded[:-1] + ending, item)
    # a name that starts with the article is written with a proclitic that contracts it (ar
    # المملكة المتحدة: للمملكة المتحدة, "for the United Kingdom")
    for article, contracted in inflection().article_contractions.get(language(locale), ()):
        for folded, item in list(items.items()):
            if folded.startswith(article) and len(folded) > len(article) + 1:
                items.setdefault(contracted + folded[len(article):], item)
    # keyed by the first three characters, then by length: at a word start the scan looks up one
    # slice of the text per length instead of trying hundreds of gazetteer names one by one (with
    # two characters, ten lengths a place in German text: Ge, Be, St start many names)
    by_length: dict[str, dict[int, dict[str, tuple]]] = {}
    for folded, item in items.items():
        if folded[:1].isspace():
            continue  # never found: the scan does not stop on white space (_NAME_START)
        by_length.setdefault(folded[:3], {}).setdefault(len(folded), {})[folded] = item
    index = {key: sorted(tables.items(), reverse=True) for key, tables in by_length.items()}
    return _Surfaces(index, _skippable(items))


def _skippable(items: dict[str, tuple[str, str | None, str | None, str]]) -> tuple[tuple[str, str], ...]:
    """What of :data:`_SKIPPABLE` the scan for ``items`` can skip: a kind of character none of them
    starts with, or hiragana but the first characters of the few surfaces that do
    (``("hiragana", "ひ")``: CLDR's ja name of the script, ひらがな; folding keeps a hiragana letter as it
    is, so the text's letter is the surface's).

    A lower-case Latin or Cyrillic letter starts only a surface written in lower case (a capital
    name is not found in lower case, :func:`_known`); folding keeps each kind a kind and hiragana
    as it is (``tests/test_names.py`` checks every code point), so a kind no folded surface starts
    with starts no match."""
    skip = []
    for kind, pattern in _SKIPPABLE.items():
        starting = [folded for folded, (orig, *_) in items.items()
                    if pattern.match(folded) and not (kind == "lower" and orig[0].isupper())]
        if not starting:
            skip.append((kind, ""))
        elif kind == "hiragana" and len(heads := sorted({folded[0] for folded in starting})) <= 16:
            skip.append((kind, "".join(heads)))
    return tuple(skip)


# --------------------------------------------------------------------------- extraction

_WORD = regex.compile(
    r"[\p{Latin}\p{Cyrillic}\p{Greek}\p{N}][\p{Latin}\p{Cyrillic}\p{Greek}\p{M}\p{N}]*"
    r"(?:[’'][\p{Latin}\p{Cyrillic}\p{Greek}]+)?"
)
_KATAKANA = regex.compile(r"[\p{Katakana}ー][\p{Katakana}ー・･＝]*")
_HANGUL = regex.compile(r"[가-힣]+")
_SENTENCE_START = set(".!?:;\"“”„«»「」『』‘’‚()[]{}…—–-•*#|\n")


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"


def _is_kana(ch: str) -> bool:
    return "\u30a0" <= ch <= "\u30ff" or ch == "ー"


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_greek(ch: str) -> bool:
    return "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff"


def sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\u3000":
        i -= 1
    if i < 0:
        return True
    return text[i] in _SENTENCE_START or text[i] in "。！？"


@lru_cache(maxsize=64)
def calendar_words(locale: str) -> frozenset[str]:
    """Month and weekday names (capitalised in English, never names), kept on disk between processes."""
    from ..builds import built

    return built("calendar", locale, lambda: _calendar_words(locale))


def _calendar_words(locale: str) -> frozenset[str]:
    from ..locale.cldr import parse_locale

    words: set[str] = set()
    for tag in {locale, "en"}:
        try:
            loc = parse_locale(tag)
        except Exception:
            continue
        for table in (loc.months, loc.days):
            for ctx in table.values():
                for width in ctx.values():
                    for name in width.values():
                        words.add(str(name).casefold().rstrip("."))
    return frozenset(words)


def _token_key(word: str, script: str) -> str:
    if script == "latin":
        return ascii_fold(word)
    return romanize(word).replace(" ", "")


def _strip_suffix(word: str, pack: Pack) -> str:
    for suffix in pack.name_suffixes:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    for ending in pack.name_a_endings:  # pl Arianę, Arizonie: the name ends in -a (Ariana, Arizona)
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)] + "a"
    return word


_LETTERS = regex.compile(r"[\p{L}’']+")


#: A glossary term (a common noun) may take any ending this long (de Solarparks, Sonnenfarmen),
#: not a longer one (Netz is not Netzwerk).
TERM_ENDING = 3


def _boundary_ok(text: str, start: int, end: int, pack: Pack, *, term: bool = False) -> bool:
    """A Latin or Cyrillic surface must be a whole word (an inflection suffix may follow)."""
    if start > 0 and (text[start - 1].isalnum() and not _is_han(text[start - 1])
                      and not ("\u3040" <= text[start - 1] <= "\u30ff")):
        return False
    if end < len(text) and text[end].isalnum() and not _is_han(text[end]) and not ("\u3040" <= text[end] <= "\u30ff"):
        rest = _LETTERS.match(text, end)
        tail = rest.group() if rest else ""
        return tail in pack.name_suffixes or (term and len(tail) <= TERM_ENDING)
    return True


#: Letters of the Latin and Cyrillic ranges a name is told apart in (_is_latin, _is_cyrillic) that are
#: letters or digits, and those characters plus the ASCII digits.
_WORD_BEFORE = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0400-\u0481\u048a-\u04ff"
_WORD_CHAR = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff"
#: Where a name can start: not white space, and not a Latin or Cyrillic letter or a digit inside a
#: Latin or Cyrillic word.  The scan visits these places only (one finditer in C, not a Python
#: step per character).
_NAME_START = regex.compile(rf"(?<![{_WORD_BEFORE}])\S|[^\s{_WORD_CHAR}]")
#: Kinds of character where most scanned places are and few names start: a lower-case Latin or
#: Cyrillic letter (most words of a Latin or Cyrillic text), hiragana (half of a Japanese one),
#: punctuation.  A locale's scan skips each kind none of its surfaces starts with.
_SKIPPABLE = {
    "lower": regex.compile(r"[\p{Ll}&&[\p{Latin}\p{Cyrillic}]]", regex.V1),
    "hiragana": regex.compile(r"\p{Hiragana}"),
    "punctuation": regex.compile(r"\p{P}"),
}


@lru_cache(maxsize=8)
def _name_starts(skip: tuple[tuple[str, str], ...]) -> regex.Pattern[str]:
    """:data:`_NAME_START` without the places of the ``skip`` kinds of :data:`_SKIPPABLE`."""
    if not skip:
        return _NAME_START
    avoid = [f"(?![{regex.escape(but)}]){_SKIPPABLE[kind].pattern}" if but else _SKIPPABLE[kind].pattern
             for kind, but in skip]
    return regex.compile(rf"(?!{'|'.join(avoid)})(?:{_NAME_START.pattern})", regex.V1)


#: the characters :func:`_start_filter` tries, where most of the characters of a text are: Latin-1,
#: Latin, Greek and Cyrillic, and CJK punctuation, hiragana and katakana
_FILTER_TRIED = "".join(map(chr, (*range(0x530), *range(0x1e00, 0x1f00), *range(0x3000, 0x3100))))


@lru_cache(maxsize=8)
def _start_filter(starts: regex.Pattern[str]) -> re.Pattern[str] | None:
    """A standard-library pattern that stops at every place ``starts`` (:func:`_name_starts`) matches
    and at few others: at any character but those of :data:`_FILTER_TRIED` that ``starts`` matches
    nowhere; None where that leaves the lower-case ASCII letters (a scan stopping at most letters is
    no faster).

    ``starts`` matches one character, and looks behind it only to turn a place down: a character it
    does not match at the start of a text (nothing behind it) it matches nowhere.  The standard
    library's search for one class of characters runs several times faster than the regex module's
    lookarounds at every character, and its places are checked with ``starts`` (a few per word: the
    capitals, digits and symbols of a Latin text)."""
    never = [ord(c) for c in _FILTER_TRIED if starts.match(c) is None]
    if not all(ord(c) in never for c in "abcdefghijklmnopqrstuvwxyz"):
        return None
    ranges: list[list[int]] = []
    for code in never:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[^" + "".join(rf"\u{a:04x}-\u{b:04x}" for a, b in ranges) + "]")


_CAMEL, _LETTER = regex.compile(r"\p{Ll}\p{Lu}"), regex.compile(r"\p{L}")


def _camel(words: list[str]) -> bool:
    """Whether a word of ``words`` writes a lower-case letter before a capital (iPhone) or a digit
    and a letter (3M).  Asked of the words joined by a space (which neither holds) and, only where
    they hold a digit, word by word: one search for most names instead of one to three a word."""
    spaced = " ".join(words)
    return _CAMEL.search(spaced) is not None or (
        DIGIT.search(spaced) is not None and any(DIGIT.search(w) and _LETTER.search(w) for w in words))


def _known(text: str, locale: str, pack: Pack, vocab: Vocabulary) -> list[Mention]:
    """Vocabulary and gazetteer names in ``text``, longest first, no overlaps."""
    known = _surfaces(locale, vocab)
    surfaces = known.index
    folded = fold_chars(text)
    calendar = calendar_words(locale)
    out: list[Mention] = []
    n = len(text)
    resume = 0  # the end of the last name found
    starts = _name_starts(known.skip)
    places = _start_filter(starts)
    # the places a name can start at, or a few more checked below with ``starts`` where a name is
    # written there
    check = places is not None
    for where in (places or starts).finditer(text):
        i = where.start()
        if i < resume:
            continue
        # surfaces of three characters or more, then of two, then of one (e.g. a gazetteer's 米):
        # longest first (a slice near the end of the text may read a shorter key twice, in vain)
        cands = surfaces.get(folded[i:i + 3])
        two = surfaces.get(folded[i:i + 2])
        single = surfaces.get(folded[i])
        if two or single:
            cands = [*(cands or ()), *(two or ()), *(single or ())]
        if not cands or check and starts.match(text, i) is None:
            continue
        latin_like = _is_latin(text[i]) or _is_cyrillic(text[i]) or text[i].isdigit()
        if latin_like and i > 0 and text[i - 1].isalnum() and (_is_latin(text[i - 1]) or _is_cyrillic(text[i - 1])):
            continue
        hit = None
        for length, table in cands:
            item = table.get(folded[i:i + length])
            if item is not None:
                orig, ident, kind, evidence = item
                end = i + length
                if latin_like:
                    if orig[0].isupper() and not text[i].isupper():
                        continue
                    if len(orig) == 2 and orig.isupper() and not text[i:end].isupper():
                        continue  # ro Eu is "I", fr Un "a": a two-letter acronym is one in capitals
                    if not _boundary_ok(text, i, end, pack, term=kind == "term"):
                        continue
                elif _is_kana(text[i]):
                    # パース is Perth, not the middle of ハイパースケール
                    if (i > 0 and _is_kana(text[i - 1])) or (end < n and _is_kana(text[end])):
                        continue
                elif "가" <= text[i] <= "힣" and i > 0 and "가" <= text[i - 1] <= "힣":
                    continue
                elif letter_script(text[i]) in _SPACED_SCRIPTS and (
                        not _whole_word(text, i, end, locale) or orig[0].isupper() and not text[i].isupper()):
                    # fa هند (India) is not the end of هستند, nor پرو (Peru) the start of پرونده; el
                    # άκρα ("ends") is no Άκρα (Accra)
                    continue
                elif letter_script(text[i]) in UNSPACED_SCRIPTS and not _dictionary_word(text, i, end, locale):
                    continue  # th ปราก (Prague) is not the start of ปรากฏ, nor ริกา (Riga) the end of บริการ
                if evidence == "gazetteer" and folded[i:end].casefold() in calendar:
                    continue  # fa دوشنبه is Monday before it is Dushanbe: CLDR's day and month names
                hit = (end, orig, ident, kind, evidence)
                break
        if hit is None:
            continue
        end, orig, ident, kind, evidence = hit
        # the inflection suffix belongs to the mention's span
        while end < n and latin_like and text[end].isalnum() and (_is_latin(text[end]) or _is_cyrillic(text[end])):
            end += 1
        surface_text = text[i:end]
        script = _script_of_word(surface_text)
        words = [w for w in _WORD.findall(surface_text)] or [surface_text]
        tokens = tuple(_token_key(w, script) for w in words)
        stems = tuple(_token_key(_strip_suffix(w, pack) if latin_like else w, script) for w in words)
        stems = tokens if stems == tokens else stems  # one tuple where no word has a suffix (memory)
        if evidence == "gazetteer" and latin_like and len(words) == 1 and sentence_initial(text, i) \
                and not pack.capitalised_nouns:
            evidence = "weak"  # "Police arrest ...", "Mother ..." open a sentence
        elif evidence == "gazetteer" and len(words) == 1 and (ident or "").startswith("city:") \
                and not text[i].isupper() and not text[i].islower() \
                and letter_script(text[i]) in _SPACED_SCRIPTS | UNSPACED_SCRIPTS:
            # a script without capitals cannot tell one of CLDR's cities from a word: ar ترك is
            # "left" (and Chuuk), مسقط رأس "birthplace" (and Muscat); a name only where it matches
            evidence = "weak"
        out.append(Mention(start=i, end=end, text=surface_text, script=script, tokens=tokens, evidence=evidence,
                           entity=ident, type=kind, acronym=surface_text.isupper() and len(surface_text) <= 5,
                           stems=stems))
        resume = end
    return out


def _dictionary_word(text: str, start: int, end: int, locale: str) -> bool:
    """Do ``start`` and ``end`` fall on ICU's word boundaries (text written without spaces)?  Every
    position does where PyICU is not installed."""
    bounds = word_boundaries(text, locale)
    return bounds is None or (start in bounds and end in bounds)


#: Scripts other than Latin and Cyrillic that separate words with spaces: a known name there is a
#: whole word (or follows one of the language's proclitics: ar وترامب, "and Trump")
_SPACED_SCRIPTS = frozenset({"Grek", "Arab", "Hebr", "Deva", "Beng", "Guru", "Gujr", "Taml", "Telu", "Knda",
                             "Mlym", "Sinh", "Geor", "Armn", "Ethi"})


def _letter_or_mark(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


def _whole_word(text: str, start: int, end: int, locale: str) -> bool:
    if end < len(text) and _letter_or_mark(text[end]):
        return False
    if start == 0 or not _letter_or_mark(text[start - 1]):
        return True
    for p in inflection().proclitics.get(language(locale), ()):
        s = start - len(p)
        if s >= 0 and text[s:start] == p and (s == 0 or not _letter_or_mark(text[s - 1])):
            return True
    return False


#: the scripts a name is told apart by (:mod:`consistency.locale.scripts`), as mentions name them
_NAME_SCRIPTS = {"Latn": "latin", "Cyrl": "cyrillic", "Grek": "greek", "Kana": "kana", "Hang": "hangul", "Hani": "han"}


def _script_of_word(word: str) -> str:
    """The script of a name's first letter of a script names are told apart by, else ``other``."""
    for ch in word:
        name = _NAME_SCRIPTS.get(letter_script(ch) or "")
        if name is not None:
            return name
    return "other"


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


#: the English possessive clitic, which ends the name it is written on
_POSSESSIVE = ("'s", "’s")


def _apostrophe(word: str) -> int:
    """Where an apostrophe inside ``word`` sets off a case ending (tr ``Washington'da``: 10), else -1."""
    cut = max(word.rfind("'"), word.rfind("’"))
    return cut if 0 < cut < len(word) - 1 else -1


#: Padding between two characters of scripts written without spaces: a PO continuation line
#: (`"タイ"` `"ムスタンプ"`) or blanked markup inside a word, never a word boundary (compiled where
#: text has two spaces).
_CJK_PADDING = (
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}ー]) {2,}(?=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}ー])"
)


def extract_names(text: str, locale: str, *, vocabulary: Vocabulary | None = None) -> list[Mention]:
    """Every candidate name mention in ``text`` (block-relative offsets), in text order.

    >>> [m.text for m in extract_names("タイ   ムスタンプを押す", "ja")]  # one word across a PO continuation
    ['タイムスタンプ']

    A word that mixes look-alike letters of two scripts is read in one (sr ``Tрамп`` with a Latin
    T: :func:`~consistency.locale.scripts.unmix_homoglyphs`), offsets unchanged.
    """
    text = unmix_homoglyphs(text)
    if "  " in text and compiled(_CJK_PADDING).search(text):
        from .padding import squeeze

        squeezed, where = squeeze(text, compiled(_CJK_PADDING))
        return [replace(m, start=where[m.start], end=where[m.end - 1] + 1)
                for m in _extract_names(squeezed, locale, vocabulary=vocabulary)]
    return _extract_names(text, locale, vocabulary=vocabulary)


def _extract_names(text: str, locale: str, *, vocabulary: Vocabulary | None = None) -> list[Mention]:
    vocab = vocabulary if vocabulary is not None else default_vocabulary()
    lang = language(locale)
    pack = load_pack(lang)
    stop = pack.name_stopwords
    mentions = _known(text, locale, pack, vocab)
    if stop:  # a CLDR name that the pack says is a common word (fa مالی: Mali, and "financial")
        mentions = [m for m in mentions if m.evidence != "gazetteer" or m.text.casefold() not in stop]
    taken = [(m.start, m.end) for m in mentions]
    non_latin_text = lang in _NON_LATIN_LOCALES
    calendar = calendar_words(locale)
    titles = pack.name_titles
    particles = pack.name_particles
    apostrophe_suffix = lang in inflection().apostrophe_suffixes  # tr Washington'da

    # capitalised runs of Latin, Cyrillic or Greek words
    run: list[regex.Match] = []

    def flush() -> None:
        if not run:
            return
        words = list(run)
        run.clear()
        # titles split runs; leading stopwords and titles go
        pieces: list[list[regex.Match]] = [[]]
        title_of: list[str | None] = [None]
        for w in words:
            folded = w.group().casefold().rstrip(".")
            if folded in titles or folded + "." in titles:
                pieces.append([])
                title_of.append(w.group())
                continue
            pieces[-1].append(w)
        for piece, title in zip(pieces, title_of):
            while piece and (piece[0].group().casefold() in stop or piece[0].group().casefold() in particles):
                piece.pop(0)
            while piece and piece[-1].group().casefold() in particles:
                piece.pop()
            if not piece:
                continue
            start, end = piece[0].start(), piece[-1].end()
            if not _free(taken, start, end):
                # split around known names
                parts: list[list[regex.Match]] = [[]]
                for w in piece:
                    if _free(taken, w.start(), w.end()):
                        parts[-1].append(w)
                    else:
                        parts.append([])
                for part in parts:
                    if part:
                        _emit(part, title)
                continue
            _emit(piece, title)

    def _emit(piece: list[regex.Match], title: str | None) -> None:
        start, end = piece[0].start(), piece[-1].end()
        words = [w.group() for w in piece if w.group().casefold() not in particles]
        if not words:
            return
        if len(words[-1]) > 3 and words[-1][-2:] in _POSSESSIVE:
            # the possessive is no part of the name: Turkey's accession, Father Johnson's son
            words[-1] = words[-1][:-2]
            end -= 2
        elif apostrophe_suffix and (cut := _apostrophe(words[-1])) > 0:
            # tr Washington'da: the case ending is no part of the name
            end -= len(words[-1]) - cut
            words[-1] = words[-1][:cut]
        surface = text[start:end]
        folded_words = [w.casefold() for w in words]
        if all(w in stop or w in calendar for w in folded_words):
            return
        script = "cyrillic" if _is_cyrillic(words[0][0]) else "greek" if _is_greek(words[0][0]) else "latin"
        tokens = tuple(_token_key(w, script) for w in words)
        stems = tuple(_token_key(_strip_suffix(w, pack), script) for w in words)
        stems = tokens if stems == tokens else stems
        acronym = all(w.isupper() and len(w) <= 5 for w in words if w.isalpha()) and any(w.isalpha() for w in words)
        camel = _camel(words)
        initial = sentence_initial(text, start)
        if script == "latin" and non_latin_text:
            evidence = "latin" if not acronym else "weak"
        elif camel:
            evidence = "camel"
        elif pack.capitalised_nouns or acronym:
            evidence = "weak"
        elif not initial or len(words) > 1:
            evidence = "capital"
        else:
            evidence = "weak"
        if evidence == "capital" and all(w in calendar or w in stop for w in folded_words[1 if initial else 0:]):
            evidence = "weak"
        mentions.append(Mention(start=start, end=end, text=surface, script=script, tokens=tokens,
                                evidence=evidence, acronym=acronym, title=title, stems=stems))

    prev_end = -1
    for w in _WORD.finditer(text):
        word = w.group()
        first = word[0]
        capital = first.isupper() and (_is_latin(first) or _is_cyrillic(first) or _is_greek(first))
        if not capital and not run:  # most words: nothing to end, nothing to start
            prev_end = w.end()
            continue
        # von, van, da join a first name to a surname (Ursula von der Leyen, Leonardo da Vinci),
        # not two names ("von Manchester United zu Real Madrid")
        lower_particle = word.casefold() in particles and run and (
            len(run) == 1 or run[-1].group().casefold() in particles)
        gap = text[prev_end:w.start()] if prev_end >= 0 else ""
        joined = prev_end >= 0 and gap in (" ", "-", "\u00a0", "‑")
        if (capital or (first.isdigit() and run and joined) or lower_particle) and (not run or joined):
            if not _free(taken, w.start(), w.end()) and not run:
                prev_end = w.end()
                continue
            run.append(w)
        else:
            flush()
            if capital:
                run.append(w)
        prev_end = w.end()
        if run and run[-1] is w and len(word) > 3 and (word[-2:] in _POSSESSIVE
                                                       or apostrophe_suffix and _apostrophe(word) > 0):
            # the possessive ends a name: "Liverpool's Alisson Becker" names a club and a player
            flush()
            prev_end = -1
    flush()

    if lang == "ja" or compiled(r"\p{Katakana}").search(text):
        for m in _KATAKANA.finditer(text):
            surface = m.group().strip("・･＝")
            start = m.start() + (len(m.group()) - len(m.group().lstrip("・･＝")))
            end = start + len(surface)
            short = len(surface.replace("ー", "")) < 2
            if short and not any(text.startswith(h, end) for h in pack.name_honorifics[:3]):
                continue  # リ is a name only as リ氏
            if not _free(taken, start, end):
                continue
            words = [w for w in compiled(r"[・･＝]").split(surface) if w]
            tokens = tuple(_token_key(w, "kana") for w in words)
            mentions.append(Mention(start=start, end=end, text=surface, script="kana", tokens=tokens))
    if lang == "ko":
        hon = tuple(sorted(pack.name_honorifics, key=len, reverse=True))
        after = pack.name_particles_after
        for m in _HANGUL.finditer(text):
            word = m.group()
            for suffix in after:
                if word.endswith(suffix) and len(word) > len(suffix) + 1:
                    word = word[: -len(suffix)]
                    break
            for suffix in hon:
                if word.endswith(suffix) and len(word) > len(suffix) + 1:
                    word = word[: -len(suffix)]
                    break
            start, end = m.start(), m.start() + len(word)
            if len(word) < 2 or not _free(taken, start, end):
                continue
            mentions.append(Mention(start=start, end=end, text=word, script="hangul",
                                    tokens=(_token_key(word, "hangul"),)))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return [replace(m, qualifier=True) if m.type == "place" and _qualifies(text, m, mentions, pack) else m
            for m in mentions]


def _title_case(text: str, at: int) -> bool:
    """Is the sentence around ``at`` a headline in title case ("Storm Toll Climbs Above 80")?
    There every word of four letters or more is capitalised, names or not."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    stop = min((i for i in (text.find(c, at) for c in ".!?\n") if i >= 0), default=len(text))
    words = compiled(r"\p{L}{4,}").findall(text, start, stop)
    return len(words) >= 3 and all(w[0].isupper() for w in words)


#: the evidence of a capitalised word no vocabulary or gazetteer knows
_CAPITALISED = frozenset({"capital", "weak", "camel"})

_CONJUNCTIONS = frozenset({"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "en", "of", "и", "или"})


def _qualifies(text: str, m: Mention, mentions: list[Mention], pack: Pack) -> bool:
    """Does the place ``m`` only qualify another name?  "in Naples, Italy", "Sinsheim, Germany"
    (after a place that is no country, and not in a list: "Germany, France and Italy"), and a
    country before a title ("US President Donald Trump", "US-Präsident").  Translators drop
    such qualifiers freely, so their absence is no missing name.  So is a place written before
    a capitalised word that names nothing known, where only names are capitalised: it qualifies
    that name or is part of it ("the UK Government", "Paris Saint-Germain", "Jordan Spieth")."""
    after = text[m.end:]
    title = compiled(r"[\s\-‑]?(\p{L}+)").match(after)
    if title and (title.group(1).casefold() in pack.name_titles or title.group(1).casefold() + "." in pack.name_titles):
        return True  # an abbreviated title as the pack lists it, with its period: "U.S. Sen.", "U.S. Rep."
    if not pack.capitalised_nouns and after[:1] in (" ", "\u00a0") and any(
            x.start == m.end + 1 and x.entity is None and x.evidence in _CAPITALISED for x in mentions) \
            and not _title_case(text, m.start):
        return True
    head = compiled(r"(\p{Lu}[\p{L}\-’']+),\s*$").search(text[:m.start])
    if head is None:
        return False
    previous = next((x for x in mentions if x.start <= head.start(1) < x.end), None)
    if previous is not None and (previous.entity or "").startswith("territory:"):
        return False  # a list of countries
    nxt = compiled(r"\s*(,\s*\p{Lu}|\p{L}+)").match(after)
    if nxt and (nxt.group(1).startswith(",") or nxt.group(1).casefold() in _CONJUNCTIONS):
        return False  # "Paris, London and Rome", "Paris, London, Rome"
    return True
