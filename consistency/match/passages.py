"""Sentences a version shares word for word with the reference version, and their language.

A translation that keeps a paragraph or a sentence of the source as it is (an untranslated
passage, or an English quotation left in the German version) writes that passage in the source's
language, so its figures follow the source's conventions: ``1,500`` in an English sentence of the
German version is fifteen hundred, not one and a half. Claims are read with the locale of the
language a sentence is written in (:func:`foreign_spans`), and COV002 reports a translation's
sentence in the reference's language.

What is shared is decided by the text, not by a language detector: a sentence (split at sentence
ends, quotation marks and line breaks) of a version whose words, in lower case, are the words of a
sentence of the reference version (the declared source, else the first version), and that reads as
prose (:func:`words_key`). Versions of the reference's language (``en-GB`` against ``en-US``) share
nothing. Text written without spaces between words (Chinese, Japanese, Thai) has no word count to
go by and is never shared: a shared sentence there is usually a name or a title. Which language a
shared sentence is in comes from the words each version writes elsewhere (:class:`LanguageEvidence`).

>>> from consistency.model import Block, Document
>>> en = "The plant will employ 1,500 people. It opens in May next year."
>>> de = "Das Werk soll 1.500 Menschen beschäftigen. It opens in May next year."
>>> doc = lambda loc, t: Document(f"a.{loc}", loc, t, (Block(0, "paragraph", 0, len(t), t),))
>>> [shared] = shared_passages([doc("en", en), doc("de", de)], reference=0)
>>> de[shared.start:shared.end], shared.language
('It opens in May next year.', 'reference')
>>> foreign_spans([doc("en", en), doc("de", de)], [shared], reference=0)
{(1, 0): [(43, 69, 'en')]}
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import regex

from ..extract.patterns import compiled
from ..locale.tags import language
from ..model import Document

__all__ = ["MIN_WORDS", "LanguageEvidence", "SharedPassage", "common_words", "copy_targets", "foreign_spans",
           "language_evidence", "same_words", "sentence_spans", "shared_passages", "words_key"]

#: the fewest words of letters a passage must have to be taken for a copy ("Microsoft Azure" is a name)
MIN_WORDS = 4

# a sentence ends at . ! ? … (and their CJK forms) before a space, at a quotation mark, or at a line break
#: the regex module's ``\s`` (Unicode's White_Space) written out: the standard library's ``\s`` also
#: takes U+001C-U+001F (``tests/test_untranslated.py`` checks every code point)
_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: one sentence; in the standard library, whose lazy scan takes half the regex module's time
_SENTENCE = re.compile(rf"""[^\n"“”„‟«»‹›「」『』]+?(?:[.!?…。！？]+(?=[{_SPACE}]|$)|(?=[\n"“”„‟«»‹›「」『』])|$)""")
_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")
_LETTER = regex.compile(r"\p{L}")
# a word of lower-case letters (punctuation around it allowed): not a code (h264, 128kbit) or a name
_LOWER_WORD = r"\p{P}*[\p{Ll}\p{M}'’-]+\p{P}*"
# scripts written without spaces between words: no word count to go by
_UNSPACED = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"  # both compiled where asked


def same_words(a: str, b: str) -> bool:
    """Whether two texts write the same words, case, spacing and punctuation aside.

    >>> same_words('"Here I am," she said.', '“here I am”, she said')
    True
    """
    return _WORD.findall(a.casefold()) == _WORD.findall(b.casefold())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)``, without the spaces around them.

    >>> t = 'He said: "We are done." Then he left.'
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['He said:', 'We are done.', 'Then he left.']
    """
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _words_of(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def words_key(text: str) -> str | None:
    """The lower-case words of ``text``, one space apart, where it reads as prose: at least
    :data:`MIN_WORDS` words (runs between spaces) with a letter, two of them in lower case in a
    script that has case (a title, a heading of names, ``avahi-resolve-host-name`` are no
    sentences), and no script written without spaces; else None.

    >>> words_key("It opens in May!"), words_key("Microsoft Azure AI Foundry Agent Service")
    ('it opens in may', None)
    >>> words_key("東京で会議を開く予定です"), words_key("systemctl reload-or-try-restart")
    (None, None)
    >>> words_key("AAC Audio @ 128kbit, h264 Video @ CRF 23:") is None
    True
    """
    if compiled(_UNSPACED).search(text):
        return None
    tokens = [t for t in text.split() if _LETTER.search(t)]
    if len(tokens) < MIN_WORDS:
        return None
    if any(ch.isupper() for ch in text) and sum(1 for t in tokens if compiled(_LOWER_WORD).fullmatch(t)) < 2:
        return None
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True)
class SharedPassage:
    """A sentence that a version and the reference both write, word for word: ``version``'s copy
    (block ``block``, ``start:end`` in the block's text) and the reference's (``ref_block``,
    ``ref_start:ref_end``); ``language`` is ``"reference"``, ``"version"`` (whose language it is
    written in, by :class:`LanguageEvidence`) or None (a third language, or no telling)."""

    version: int
    block: int
    start: int
    end: int
    ref_block: int
    ref_start: int
    ref_end: int
    key: str
    language: str | None


def copy_targets(documents: Sequence[Document], reference: int) -> list[int]:
    """The versions that can copy the ``reference`` version: those of another language."""
    ref_language = language(documents[reference].locale)
    return [v for v, doc in enumerate(documents) if v != reference and language(doc.locale) != ref_language]


def common_words(text: str) -> str:
    """The words of ``text`` with no capital letter, lower-cased, one space apart: what a
    translation translates (names and titles stay as they are).

    >>> common_words("Anna Berg is the author of The Quiet Harbour")
    'is the author of'
    """
    return " ".join(w for w in _WORD.findall(text) if w == w.casefold())


def shared_passages(documents: Sequence[Document], reference: int) -> list[SharedPassage]:
    """The sentences each version of another language than the ``reference`` version shares with it."""
    ref_doc = documents[reference]
    targets = copy_targets(documents, reference)
    if not targets:
        return []
    # every reference sentence by its words; whether it reads as prose (words_key) is asked only of
    # the few a translation shares, which keeps this pass cheap on a long article
    occurrences: dict[str, list[tuple[int, int, int]]] = {}
    for b, block in enumerate(ref_doc.blocks):
        for s, e in sentence_spans(block.text):
            occurrences.setdefault(_words_of(block.text[s:e]), []).append((b, s, e))
    ref_keys: dict[str, tuple[int, int, int]] = {}  # key -> the first of its sentences that reads as prose

    def reference_sentence(key: str) -> tuple[int, int, int] | None:
        if key not in ref_keys:
            ref_keys[key] = next(((b, s, e) for b, s, e in occurrences[key]
                                  if words_key(ref_doc.blocks[b].text[s:e]) is not None), (-1, 0, 0))
        return ref_keys[key] if ref_keys[key][0] >= 0 else None

    found: list[tuple[int, int, int, int, str]] = []
    for v in targets:
        for b, block in enumerate(documents[v].blocks):
            for s, e in sentence_spans(block.text):
                key = _words_of(block.text[s:e])
                if key in occurrences and words_key(block.text[s:e]) is not None and reference_sentence(key):
                    found.append((v, b, s, e, key))
    if not found:
        return []
    evidence = LanguageEvidence(documents, reference, found, ref_keys)
    return [SharedPassage(v, b, s, e, *ref_keys[key], key, evidence.language(v, key)) for v, b, s, e, key in found]


def language_evidence(documents: Sequence[Document], reference: int,
                      shared: Sequence[SharedPassage]) -> LanguageEvidence:
    """The :class:`LanguageEvidence` of the versions with ``shared`` passages set aside."""
    found = [(p.version, p.block, p.start, p.end, p.key) for p in shared]
    return LanguageEvidence(documents, reference, found, {p.key: (p.ref_block, p.ref_start, p.ref_end) for p in shared})


#: the fewest words a version must write besides the passages it shares for its vocabulary to say anything
MIN_CONTEXT_WORDS = 80


class LanguageEvidence:
    """Which language a shared sentence is written in, by the words each version writes besides
    the sentences it shares: a sentence of the reference's language uses the reference's common
    words (``the``, ``in``, ``it``), which the rest of the reference writes and the rest of the
    translation does not, and the other way round; a quotation in a third language (``Il faut
    bien le faire``), kept by both, uses words neither writes elsewhere. Where the reference writes
    too little besides (:data:`MIN_CONTEXT_WORDS`) there is no evidence, and the sentence counts
    as the reference's."""

    def __init__(self, documents: Sequence[Document], reference: int,
                 found: Sequence[tuple[int, int, int, int, str]], ref_keys: dict[str, tuple[int, int, int]]) -> None:
        self._shared: dict[int, dict[int, set[tuple[int, int]]]] = {}  # each shared sentence once
        for v, b, s, e, key in found:
            self._shared.setdefault(v, {}).setdefault(b, set()).add((s, e))
            rb, rs, re_ = ref_keys[key]
            self._shared.setdefault(reference, {}).setdefault(rb, set()).add((rs, re_))
        self._documents = documents
        self._counts: dict[int, Counter[str]] = {}
        self._reference = reference
        self._enough = sum(self._count(reference).values()) >= MIN_CONTEXT_WORDS

    def _count(self, v: int) -> Counter[str]:
        """The words version ``v`` writes outside the sentences it shares."""
        if v not in self._counts:
            counts: Counter[str] = Counter()
            shared = self._shared.get(v, {})
            for b, block in enumerate(self._documents[v].blocks):
                counts.update(_words(block.text))
                for s, e in shared.get(b, ()):
                    counts.subtract(_words(block.text[s:e]))
            self._counts[v] = counts
        return self._counts[v]

    def language(self, v: int, text: str, *, besides: tuple[str, str] = ("", "")) -> str | None:
        """``"reference"``, ``"version"`` or None for ``text``, which version ``v`` and the reference
        both write; ``besides``: passages of ``v`` and of the reference (not shared sentences) whose
        words are not counted as written elsewhere."""
        words = set(_words(text))
        if not self._enough or not words:
            return "reference"
        mine_here, ref_here = Counter(_words(besides[0])), Counter(_words(besides[1]))
        ref, mine = self._count(self._reference), self._count(v)
        in_ref = sum(1 for w in words if ref[w] - ref_here[w] > 0)
        in_mine = sum(1 for w in words if mine[w] - mine_here[w] > 0)
        return "reference" if in_ref > in_mine else "version" if in_mine > in_ref else None


def _words(text: str) -> list[str]:
    """The words of ``text`` with a letter, lower-cased.  An ASCII word (letters and digits) has one
    unless it is all digits: asked without a regex search for most words."""
    return [w for w in _WORD.findall(text.casefold()) if (not w.isdigit() if w.isascii() else _LETTER.search(w))]


def foreign_spans(documents: Sequence[Document], shared: Sequence[SharedPassage],
                  reference: int) -> dict[tuple[int, int], list[tuple[int, int, str]]]:
    """``{(version, block): [(start, end, locale), …]}``: the sentences to read with another
    version's locale, because they are written in its language."""
    out: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for p in shared:
        if p.language == "reference":
            out.setdefault((p.version, p.block), []).append((p.start, p.end, documents[reference].locale))
        elif p.language == "version":  # the reference's sentence, read as the first version sharing it writes
            spans = out.setdefault((reference, p.ref_block), [])
            if not any(s == p.ref_start for s, _e, _loc in spans):
                spans.append((p.ref_start, p.ref_end, documents[p.version].locale))
    return {k: sorted(v) for k, v in out.items()}
