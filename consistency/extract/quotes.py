"""Quotations, their kind and their speaker: ``extract_quotes(text, locale)``.

Every language has its marks (``„…“``, ``«…»``, ``「…」``, ``“…”``), and real
texts use others: the seed article's Japanese opens and closes with ``’``, its
German with ``‘…’``, and both nest a quotation inside a quotation with the same
marks.  So all marks are accepted in every language, and which mark opens and
which closes is decided per block by the cheapest consistent pairing: a mark
after a space or at the start of a sentence tends to open, one before a space,
punctuation or the Japanese quotative ``と`` tends to close, and a ``’``
between two Latin letters is an apostrophe.

>>> q = extract_quotes("‘Mit anderen Worten, wir haben ‘überinvestiert’’, schrieb Lenschow.", "de")
>>> [(x.content, x.depth, x.kind) for x in q]
[('Mit anderen Worten, wir haben ‘überinvestiert’', 0, 'speech'), ('überinvestiert', 1, 'other')]
>>> q[0].speaker_text
'Lenschow'
>>> [(x.content, x.kind) for x in extract_quotes("’言い換えれば、土地に’過剰投資’しましたが、今は通常です’とLenschowは書いている。", "ja")][:1]
[('言い換えれば、土地に’過剰投資’しましたが、今は通常です', 'speech')]
>>> [(x.content, x.kind) for x in extract_quotes("Das Startup nannte sein Modell ‘Command R’.", "de")]
[('Command R', 'other')]

A quotation is ``speech`` (direct speech) when a speech verb of the language
pack introduces it (``„…“, sagte sie``; ``…」と述べた``; ``he said: "…"``) or
when it holds a sentence of its own; short quotations with neither are scare
quotes or titles (``other``) and are never counted as direct speech.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..locale.packs import Pack, load_pack
from ..locale.tags import language
from .names import Mention
from .patterns import compiled

__all__ = ["Quote", "extract_quotes", "has_quotation_marks", "quote_words", "CLOSERS"]

#: opening mark -> the marks that may close it (every language; packs add theirs)
CLOSERS: dict[str, str] = {
    "「": "」", "『": "』", "«": "»", "»": "«", "‹": "›", "›": "‹", "„": "“”", "‚": "‘’", "“": "”",
    "‘": "’", "’": "’", "”": "”", '"': '"', "'": "'", "〝": "〟〞", "《": "》",
}
_SYMMETRIC = {"’", "”", '"', "'"}
_CJK_CLOSE_AFTER = set("と、。，,」』）)!！?？ \n고라며") | {""}
_CJK_OPEN_BEFORE = set("、。，「『（(：: \n") | {""}
_PARTICLES = set("にをがはでのもへや")
_CJK_CLOSERS = set("」』》〟〞")
_NOT_SPEAKERS = {"place", "language", "script", "currency"}
_SENTENCE_END = regex.compile(r"[.!?。！？]")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark
    content_start: int
    content_end: int
    content: str
    depth: int  # 0: top level; 1: a quotation inside a quotation
    kind: str  # speech | other
    verb: str | None = None  # the speech verb that introduces it
    speaker: Mention | None = None
    speaker_text: str | None = None  # a name or a pronoun (sie, 彼女)
    speaker_start: int | None = None
    speaker_end: int | None = None
    pronoun: bool = False
    candidates: tuple = ()  # every name that may be the speaker, the likeliest first
    open_before: bool = False  # no opening mark: runs on from the previous block
    open_after: bool = False  # no closing mark: runs into the next block

    def shifted(self, offset: int) -> "Quote":
        return replace(
            self, start=self.start + offset, end=self.end + offset, content_start=self.content_start + offset,
            content_end=self.content_end + offset,
            speaker=self.speaker.shifted(offset) if self.speaker else None,
            candidates=tuple(c.shifted(offset) for c in self.candidates),
            speaker_start=None if self.speaker_start is None else self.speaker_start + offset,
            speaker_end=None if self.speaker_end is None else self.speaker_end + offset,
        )




@lru_cache(maxsize=64)
def _closers(lang: str) -> dict[str, str]:
    out = dict(CLOSERS)
    for pair in load_pack(lang).quote_marks:
        out[pair[0]] = "".join(dict.fromkeys(out.get(pair[0], "") + pair[1]))
    return out


@lru_cache(maxsize=64)
def _marks(lang: str) -> regex.Pattern[str]:
    """Any quotation mark of ``lang``, opening or closing.  Every quotation starts or ends at one,
    so a block without one (most blocks) has none, and the pairing visits these places only."""
    closers = _closers(lang)
    return regex.compile("[" + "".join(regex.escape(ch) for ch in sorted({*closers, *"".join(closers.values())})) + "]")


def has_quotation_marks(text: str, locale: str) -> bool:
    """Whether ``text`` holds a quotation mark of ``locale`` (without one it holds no quotation)."""
    return _marks(language(locale)).search(text) is not None


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u0400" <= ch <= "\u04ff")


#: CJK symbols, kana, Han, hangul syllables and full-width forms (a character, or counted in C
#: over a text by :func:`_is_cjk_text`)
_CJK = regex.compile("[\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef]")


def _is_cjk(ch: str) -> bool:
    return ch != "" and _CJK.match(ch) is not None


#: a quotation mark or apostrophe between two Hebrew letters: Hebrew's gershayim (״) or geresh (׳) as
#: keyboards type them
_GERSHAYIM = regex.compile(r"\p{Script=Hebrew}['’\"“”](?=\p{Script=Hebrew})")

#: Unicode format characters (general category Cf): invisible, so not what a mark stands next to
#: (a right-to-left mark before a Persian «, a zero-width joiner, a soft hyphen)
_FORMAT = regex.compile(r"\p{Cf}")


def _beside(text: str, i: int) -> tuple[str, str]:
    """The visible characters left and right of ``text[i]`` ("" at an edge), format characters skipped."""
    j = i - 1
    while j >= 0 and _FORMAT.match(text[j]):
        j -= 1
    k = i + 1
    while k < len(text) and _FORMAT.match(text[k]):
        k += 1
    return (text[j] if j >= 0 else ""), (text[k] if k < len(text) else "")


def _hints(text: str, i: int) -> tuple[bool, bool]:
    """(looks like an opening mark, looks like a closing mark) at ``text[i]``."""
    left, right = _beside(text, i)
    if _is_cjk(left) or _is_cjk(right):
        opening = left in _CJK_OPEN_BEFORE or left in "。！？" and right not in _CJK_CLOSE_AFTER
        closing = right in _CJK_CLOSE_AFTER or (left in "。！？" and right in _CJK_CLOSE_AFTER)
        if left in "。！？" and right not in _CJK_CLOSE_AFTER:
            closing = False  # ’ after 。 opens the next sentence's quotation
        if text[i] in _CJK_CLOSERS:
            return False, True  # 」 never opens
        if left in _PARTICLES:  # 建物に’過剰投資’: a quotation begins after a particle
            opening, closing = True, False
        return opening, closing
    opening = (left == "" or left.isspace() or left in "([{—–-/:;" or left in CLOSERS) and right != "" \
        and not right.isspace()
    closing = (right == "" or right.isspace() or right in ".,;:!?)]}—–-…" or right in "”’«»‹›“‘\"'"
               or _TERMINAL.match(right) is not None) \
        and left != "" and not left.isspace()
    ch = text[i]
    if ch in "«‹" and (left == "" or left.isspace()) and right in " \u00a0\u202f":
        opening, closing = True, False  # French « spaced »
    elif ch in "»›" and left in " \u00a0\u202f" and (right == "" or right.isspace() or right in ".,;:!?"):
        opening, closing = False, True
    return opening, closing


#: a dash after a closing mark, that introduces the speaker (pl "” — dodał", hu "” – mondta")
_DASH_AFTER = regex.compile(r"[ \u00a0]*[—–][ \u00a0]")

#: an apostrophe that is a clipped word, not a quotation mark: Dutch 's (des: 's morgens), 't (het),
#: Dutch and Afrikaans 'n (een): the mark, one of these letters in lower case, then a space
_APOSTROPHE_WORD = regex.compile(r"['’‘][stn][ \u00a0]")

#: an apostrophe that stands for a year's century, not a quotation mark: en "the ’80s", "class of
#: '99", it "gli anni ‘80", de "die ’90er": a single mark, two digits, no third digit
_ELIDED_CENTURY = regex.compile(r"['’‘]\d\d(?!\d)")


def _pair(text: str, closers: dict[str, str], at: list[int]) -> list[tuple[int, int, int]]:
    """(open index, close index, depth) of the cheapest consistent pairing of the marks (at ``at``)."""
    all_close = set("".join(closers.values()))
    marks: list[tuple[int, str, bool, bool, bool, bool]] = []  # pos, char, can open, can close, hint o, hint c
    for i in at:
        ch = text[i]
        if ch in "'’" and i > 0 and i + 1 < len(text) and _is_latin_letter(text[i - 1]) and _is_latin_letter(text[i + 1]):
            continue  # an apostrophe: don't, O’Brien, geht’s
        if ch in "'’" and i > 0 and i + 1 < len(text) and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue  # a Swiss digit group separator: 1’000
        if ch in "'’‘" and (_APOSTROPHE_WORD.match(text, i) or _ELIDED_CENTURY.match(text, i)) and \
                (i == 0 or not text[i - 1].isalnum()):
            continue  # a word that starts with an apostrophe: nl 's morgens, 't, af 'n; the ’80s
        ho, hc = _hints(text, i)
        marks.append((i, ch, ch in closers, ch in all_close, ho, hc))
    if not marks:
        return []
    if len(marks) > 48:
        marks = marks[:48]
    k = len(marks)
    memo: dict[tuple[int, tuple[int, ...]], tuple[float, tuple]] = {}

    def best(j: int, stack: tuple[int, ...]) -> tuple[float, tuple]:
        if j == k:
            return 2.0 * len(stack), ()
        key = (j, stack)
        if key in memo:
            return memo[key]
        pos, ch, can_open, can_close, ho, hc = marks[j]
        left = text[pos - 1] if pos > 0 else ""
        right = text[pos + 1] if pos + 1 < len(text) else ""
        latin = (_is_latin_letter(left) and not _is_cjk(right)) or (_is_latin_letter(right) and not _is_cjk(left))
        unused = 0.3 if ch in "'’\"" and latin else 1.5
        options: list[tuple[float, tuple]] = []
        c, rest = best(j + 1, stack)
        options.append((c + unused, rest))
        if can_close and stack and ch in closers[marks[stack[-1]][1]]:
            cost = (2.0 if ho and not hc else 0.0) + (0.0 if hc else 0.5)
            c, rest = best(j + 1, stack[:-1])
            options.append((c + cost, ((stack[-1], j, len(stack) - 1),) + rest))
        if can_open and len(stack) < 3:
            cost = (2.0 if hc and not ho else 0.0) + (0.0 if ho else 0.5)
            if ch in _SYMMETRIC and stack and marks[stack[-1]][1] in _SYMMETRIC and not ho:
                cost += 0.4  # a nested symmetric quotation needs some evidence
            c, rest = best(j + 1, stack + (j,))
            options.append((c + cost, rest))
        result = min(options, key=lambda o: o[0])
        memo[key] = result
        return result

    _, pairs = best(0, ())
    return sorted((marks[a][0], marks[b][0], d) for a, b, d in pairs)


#: Unicode's terminal punctuation (property Terminal_Punctuation): the commas, periods, colons and
#: semicolons of every script (Arabic ، ؛ ؟, Devanagari ।, Armenian ։, Ethiopic ፣ ።, CJK 。、，) and …
_TERMINAL = regex.compile(r"[\p{Terminal_Punctuation}…]")
#: the same but colons and semicolons, which introduce a quotation rather than end one
_ENDS_CLAUSE = regex.compile(r"[\p{Terminal_Punctuation}…--[:;：；؛︓︔﹕﹔]]", regex.V1)


def _verb_next(text: str, i: int, pack: Pack) -> bool:
    """Whether a speech verb of ``pack`` is the first word from ``text[i]``, or follows one of the
    pack's speech pronouns (a closing mark's speaker clause: "” είπε", "” ha aggiunto", "” he said";
    not "” office said")."""
    if not pack.speech_verbs:
        return False
    head = compiled(r"[ \u00a0]+(\p{L}+[ \u00a0]+)?").match(text, i)
    if head is None:
        return False
    if head.group(1) and head.group(1).strip().casefold() not in pack.speech_pronouns:
        head = compiled(r"[ \u00a0]+").match(text, i)
    v = _verb_at(text[head.start():head.end() + 24], pack, cjk=False)
    return v is not None and v[0] <= head.end() - head.start()


def _edge_quotes(text: str, pairs: list, closers: dict[str, str], at: list[int],
                 pack: Pack) -> list[tuple[int, int, int]]:
    """A quotation running on from the previous block (closing mark only) or into the next
    one (opening mark at the block start, never closed), as journalists write long quotes.
    ``at``: where the text's quotation marks are, in order."""
    out: list[tuple[int, int, int]] = []
    used = {p for o, c, _ in pairs for p in (o, c)}
    last_end = max((c for _, c, _ in pairs), default=-1)
    # an opening mark never closed, after every pair: the quotation runs into the next block
    for i in reversed(at):
        if i <= last_end:
            break
        ch = text[i]
        left = _beside(text, i)[0]
        if ch in closers and i not in used and _hints(text, i)[0] and not _APOSTROPHE_WORD.match(text, i) and \
                not (ch in "'’‘" and _ELIDED_CENTURY.match(text, i)) and \
                (ch not in "'’" or left == "" or left.isspace() or left in ":：") and \
                not any(c in compiled(r"(?<=\p{L})['’](?=\p{L})").sub("", text[i + 1:]) for c in closers[ch]):
            end = len(text.rstrip())
            if end - i > 3:
                return [(i, end, 0)]
    stripped = len(text) - len(text.lstrip())
    if stripped < len(text):
        first = text[stripped]
        if first in closers and stripped not in used and not any(o > stripped for o, _, _ in pairs) and \
                not any(ch in text[stripped + 1:] for ch in closers[first]):
            end = len(text.rstrip())
            out.append((stripped, end - 1 if text[end - 1] in closers[first] else end, 0))
            return out
    all_close = set("".join(closers.values()))
    first_open = min((o for o, _, _ in pairs), default=len(text))
    for i in at:
        if i >= first_open:
            break
        ch = text[i]
        if ch in all_close and i not in used and i > 0 and _hints(text, i)[1] and \
                (_ENDS_CLAUSE.match(text[i - 1]) or i + 1 >= len(text.rstrip())
                 or (i + 1 < len(text) and (text[i + 1] == "と" or _TERMINAL.match(text[i + 1])))
                 # after a word, before a dash that introduces the speaker (pl "nie ujawniliśmy” —
                 # dodał", ru "» — сказал") or before a speech verb (el "Λιγκ" είπε", "fatto” he
                 # said"): not a possessive written with the wrong mark (Waters" office)
                 or (text[i - 1].isalpha() and (_DASH_AFTER.match(text, i + 1) is not None
                                                or _verb_next(text, i + 1, pack)))) and \
                not any(c2 in text[:i] for c2 in closers if c2 not in "’'\"" and ch in closers[c2]):
            out.append((-1, i, 0))
            break
    return out


_LATIN_WORD = regex.compile(r"[\p{L}\p{N}]+")


def _verb_at(segment: str, pack: Pack, *, cjk: bool) -> tuple[int, str] | None:
    """The first speech verb in ``segment`` (offset, verb)."""
    folded = segment.casefold()
    best: tuple[int, str] | None = None
    for verb in pack.speech_verbs:
        whole = verb.endswith(" ")
        v = verb.strip()
        start = 0
        while True:
            i = folded.find(v, start)
            if i < 0:
                break
            start = i + 1
            if not cjk:
                if i > 0 and folded[i - 1].isalnum():
                    continue
                tail = compiled(r"\p{L}*").match(folded[i + len(v):]).group()
                if (whole and tail) or len(tail) > 2:
                    continue
            if best is None or i < best[0]:
                best = (i, segment[i:i + len(v)])
            break
    return best


#: the last four words of a text, or fewer (a word: letters, periods and apostrophes, then anything
#: but letters and digits)
_CLAUSE_HEAD = regex.compile(r"(?:[\p{L}.’']+\W*){0,4}$")
#: a letter after a space or punctuation mark that no word of :data:`_CLAUSE_HEAD` ends with: a word
#: of its own there
_WORD_OF_ITS_OWN = regex.compile(r"(?<=[^\w.’'])\p{L}")


def _clause_head(text: str) -> regex.Match[str] | None:
    """:data:`_CLAUSE_HEAD` searched in ``text`` from where its match can start: at the fourth-last
    letter that starts a word of its own, or after it (five words do not fit).  Searched from every
    place, the pattern tried each way to cut each word into four at every word of the text: some
    milliseconds for 160 characters before a quotation."""
    starts = [m.start() for m in _WORD_OF_ITS_OWN.finditer(text)]
    return _CLAUSE_HEAD.search(text, starts[-4] if len(starts) >= 4 else 0)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = start
    while s > 0 and text[s - 1] not in ".!?。！？\n":
        s -= 1
    e = end
    while e < len(text) and text[e] not in ".!?。！？\n":
        e += 1
    return s, e


def extract_quotes(text: str, locale: str, *, names: list[Mention] | None = None) -> list[Quote]:
    """The quotations of one block (block-relative offsets), in text order.

    ``names`` are the block's name mentions (:func:`~consistency.extract.names.extract_names`);
    they are computed when not given."""
    lang = language(locale)
    pack = load_pack(lang)
    closers = _closers(lang)
    # a mark between two Hebrew letters is a typed gershayim or geresh (ארה"ב, ארה“ב, ק“מ), not a
    # quotation mark: paired as the Hebrew mark it stands for (same offsets)
    scan = _GERSHAYIM.sub(lambda m: m.group()[0] + ("\u05f3" if m.group()[1] in "'’" else "\u05f4"), text) \
        if "\u0590" <= max(text) else text
    at = [m.start() for m in _marks(lang).finditer(scan)]
    if not at:
        return []
    pairs = _pair(scan, closers, at)
    pairs += _edge_quotes(scan, pairs, closers, at, pack)
    pairs.sort()
    if not pairs:
        return []
    if names is None:
        from .names import extract_names

        names = extract_names(text, locale)
    cjk = lang in ("ja", "zh", "ko") or _is_cjk_text(text)
    pronouns = pack.speech_pronouns
    spans = [(o, c) for o, c, _ in pairs]
    out: list[Quote] = []
    pairs = [(o, c, sum(1 for o2, c2, _ in pairs if (o2, c2) != (o, c) and o2 <= o and c <= c2))
             for o, c, _ in pairs]
    for o, c, depth in pairs:
        if c >= len(text):
            c = len(text)
        content = text[o + 1:c]
        words = _words(content)
        inner_sentence = bool(_SENTENCE_END.search(content.strip()[:-1])) or (
            content.strip()[-1:] in ".!?。！？" and words >= 4
        )
        long = words >= 8 and (not _is_cjk_text(content) or compiled(r"\p{Hiragana}").search(content) is not None)
        verb = None
        speaker: Mention | None = None
        speaker_text = None
        s_start = s_end = None
        pronoun = False
        cands: list[Mention] = []
        if depth == 0:
            s_lo, s_hi = _sentence_bounds(text, o, c + 1)
            # after the closing mark: "’, fügte Elias hinzu", "’とEliasは付け加えた", "” he said"
            after_end = min(s_hi + 1, len(text))
            for o2, _c2 in spans:
                if o2 > c and o2 < after_end:
                    after_end = o2
            after = text[c + 1:after_end]
            window = after[:40] if cjk else after[:80]
            found = None
            if cjk:
                m = compiled(r"\s*[、,]?\s*(?:と|って|とも|と、|이?라고|고\s)").match(window)
                named: Mention | int | None = None  # a name, or a pronoun's offset
                if not m:
                    # 「もちろんだ」ケネディは言った: a name or pronoun right after the quotation
                    lead = len(window) - len(window.lstrip(" 、,"))
                    named = next((nm for nm in names if nm.start == c + 1 + lead), None)
                    if named is None and any(window[lead:].startswith(p) for p in pronouns):
                        named = lead
                if m or named is not None:
                    v = _verb_at(after[:60], pack, cjk=True)
                    if v:
                        found = (c + 1 + (m.end() if m else 0), c + 1 + v[0], v[1])
            else:
                v = _verb_at(" ".join(window.split(" ")[:6]), pack, cjk=False)
                gap = compiled(r"\b(?:Mr|Ms|Mrs|Dr|St|Sen|Rep|Gov|Prof|Hr|Fr|M|Mme)\.").sub("", window[:v[0]]) if v else ""
                if v and not _SENTENCE_END.search(gap) and _only_speaker_words(
                        window[:v[0]], pack, names, c + 1):
                    # the speaker stands next to the verb: "said Walton", "Pelosi said", "fügte Elias hinzu"
                    tail = compiled(r"(?:\W*[\p{L}.’']+){0,3}").match(window[v[0] + len(v[1]):])
                    found = (c + 1, c + 1 + v[0] + len(v[1]) + (tail.end() if tail else 0), v[1])
            if found:
                lo, hi, verb = found
                hi = min(hi, after_end)
                cand = [n for n in names if lo <= n.start < hi and n.type not in _NOT_SPEAKERS]
                if cjk:
                    # the speaker is the topic or subject: ウォルトンは, not レイカーズの
                    marked = [n for n in cand if text[n.end:n.end + 1] in ("は", "が") or
                              text[n.end:n.end + 2] in ("氏は", "氏が")]
                    cand = marked or cand
                pr = _first_pronoun(text, lo, hi, pronouns, cjk)
                if cand and (pr is None or cand[0].start < pr[0]):
                    speaker = cand[0]
                    cands = cand
                    speaker_text, s_start, s_end = speaker.text, speaker.start, speaker.end
                elif pr is not None:
                    s_start, s_end = pr
                    speaker_text = text[s_start:s_end]
                    pronoun = True
            else:
                # before the opening mark: "Elias sagte: „…“", "He said: “…”"
                before = text[max(s_lo, o - 160):o]
                if compiled(r"[:：,]\s*$").search(before):
                    v = _verb_at(before, pack, cjk=cjk)
                    if v:
                        verb = v[1]
                        lo = max(s_lo, o - 160)
                        # "Elias sagte:", "erklärte er:", "he said:" (not a name further back in the clause)
                        head = _clause_head(before[: v[0]])
                        lo = max(lo, o - len(before) + (head.start() if head else v[0]))
                        cand = [n for n in names if lo <= n.start and n.end <= o and n.type not in _NOT_SPEAKERS]
                        if cjk:
                            marked = [n for n in cand if text[n.end:n.end + 1] in ("は", "が") or
                                      text[n.end:n.end + 2] in ("氏は", "氏が") or
                                      compiled(r"\p{Han}{1,3}[はが]").match(text[n.end:n.end + 4])]
                            ranked = (marked or cand)[::-1]  # the name next to the verb first
                        else:
                            ranked = _subjects(text, names, max(s_lo, o - 160), o - len(before) + v[0], o, pack) \
                                or cand[::-1]
                        cands = ranked
                        pr = _first_pronoun(text, lo, o, pronouns, cjk)
                        if ranked and (pr is None or (not cjk and ranked[0].end <= lo)):
                            speaker = ranked[0]
                            speaker_text, s_start, s_end = speaker.text, speaker.start, speaker.end
                        elif pr is not None:
                            s_start, s_end = pr
                            speaker_text = text[s_start:s_end]
                            pronoun = True
        kind = "speech" if depth == 0 and (verb is not None or inner_sentence or long) else "other"
        if kind == "speech" and verb is None and o >= 0 and words <= 8 and _after_term_marker(text, o, pack):
            kind = "other"  # 'calls it "personal empowerment through data."': a label, not speech
        out.append(Quote(start=max(o, 0), end=min(c + 1, len(text)), content_start=o + 1, content_end=c,
                         content=content, depth=depth,
                         kind=kind, verb=verb, speaker=speaker, speaker_text=speaker_text, speaker_start=s_start,
                         speaker_end=s_end, pronoun=pronoun, candidates=tuple(cands),
                         open_before=o < 0, open_after=c >= len(text.rstrip())))
    return out


_LINK_WORDS = frozenset({"the", "a", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "der", "die", "das",
                         "le", "la", "m.", "mme", "el", "il"})


def _only_speaker_words(gap: str, pack: Pack, names: list[Mention], offset: int) -> bool:
    """Between a closing mark and a speech verb stand only a name, a pronoun or a title
    ("’, schrieb sie", "” Ms. Steinem said"), not a clause ("” and said")."""
    for m in regex.finditer(r"[\p{L}.]+", gap):
        word = m.group().casefold()
        if word in pack.speech_pronouns or word in _LINK_WORDS or word in pack.name_titles:
            continue
        if m.group()[0].isupper():
            continue
        return False
    return True


_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem",
                       "einer", "le", "la", "les", "l", "el", "il", "lo", "o", "os", "as", "het", "de"})


def _subjects(text: str, names: list[Mention], lo: int, verb: int, o: int, pack: Pack) -> list[Mention]:
    """Who says the quotation after "…, said:" / "… sagte:" (Latin and Cyrillic scripts), the
    likeliest first: the name nearest before the verb that is not the object of a preposition
    ("Robyn Christie of Melrose said:"), a place in apposition ("in Bethesda, Maryland, said:"),
    or a possessor ("Microsoft's Noelle Walsh"); else the name right after the verb ("said
    analyst Michael Elias:"), never a name after "told" ("Luke Armitage told FEMAIL:")."""
    cand = [n for n in names if lo <= n.start and n.end <= o and n.type not in _NOT_SPEAKERS]
    before = [n for n in cand if n.end <= verb]
    out = []
    for k in range(len(before) - 1, -1, -1):
        n = before[k]
        words = compiled(r"[\p{L}]+").findall(text[max(lo - 40, 0):n.start])
        while words and (words[-1].casefold() in _ARTICLES or words[-1][0].isupper()):
            words.pop()  # "of the US National Cancer Institute": past articles and other names
        if words and words[-1].casefold() in pack.speech_not_after:
            continue
        gap = text[n.end:verb]
        if compiled(r"['’]s\b|s?\s+\p{Lu}").match(gap) and any(m.start > n.end for m in before[k + 1:]):
            continue  # Microsoft's Noelle Walsh, Microsofts Noelle Walsh: the next name is the speaker
        between = text[before[k - 1].end:n.start] if k > 0 else ""
        if compiled(r",\s{0,2}$").search(between) and not between.strip(", "):
            continue  # Bethesda, Maryland: a place qualifying the place before it
        out.append(n)
    if out:
        return out
    after = [n for n in cand if n.start >= verb]
    return after[:1]


def _after_term_marker(text: str, o: int, pack: Pack) -> bool:
    """Does a word of ``[quotes] term_before`` ("calls it", "as", "als") end right before ``o``?"""
    before = text[max(0, o - 40):o].rstrip().casefold()
    return any(before.endswith(m) and (len(before) == len(m) or not before[-len(m) - 1].isalnum())
               for m in pack.quote_terms_before)


def _is_cjk_text(text: str) -> bool:
    return len(_CJK.findall(text)) > len(text) / 3


def _words(content: str) -> int:
    """Words of a quotation: Latin words, or about one per three CJK characters."""
    if _is_cjk_text(content):
        return len(compiled(r"\s").sub("", content)) // 3
    return len(_LATIN_WORD.findall(content))


def _first_pronoun(text: str, lo: int, hi: int, pronouns: tuple[str, ...], cjk: bool) -> tuple[int, int] | None:
    segment = text[lo:hi].casefold()
    best = None
    for p in pronouns:
        start = 0
        while True:
            i = segment.find(p, start)
            if i < 0:
                break
            start = i + 1
            if not cjk and ((i > 0 and segment[i - 1].isalnum()) or
                            (i + len(p) < len(segment) and segment[i + len(p)].isalnum())):
                continue
            if best is None or i < best[0]:
                best = (i, i + len(p))
            break
    return None if best is None else (lo + best[0], lo + best[1])


def quote_words(quote: Quote) -> int:
    """About how many words a quotation holds (CJK: one per three characters)."""
    return _words(quote.content)
