"""The name rules: NAM001 (a name missing), NAM002 (a name spelled differently), NAM003 (another
name in its place).

They read the name links of the bundle (:mod:`consistency.match.names`): NAM002 only its
spelling variants; NAM001 and NAM003 are decided together (an entity one version names and
another lacks is a conflict where the other names another entity of the same type there
instead, else it is missing), computed once per bundle whichever of the two runs.  A speaker
that QUO002 reports (:mod:`consistency.match.quotes`) is left to it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Iterator, cast

import regex

from ...extract.names import Mention, calendar_words, sentence_initial
from ...extract.persons import looks_like_person
from ...extract.translit import ascii_fold, name_similarity
from ...match.issues import Issue, Side
from ...match.names import MIN_SIMILARITY, WINDOW_AFTER, WINDOW_BEFORE, name_type, node_key, reportable, score, tail
from ...model import Finding
from .common import issue_findings
from ...extract.patterns import compiled

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis

__all__ = ["check_name_conflict", "check_name_missing", "check_name_variant"]


def check_name_missing(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM001: a name in one version's passage with no counterpart in another."""
    return issue_findings(an, rule, _missing_and_conflicts_of(an, rule)["name-missing"])


def check_name_variant(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM002: one name spelled differently (Noelle Walsh / Noel Walsh)."""
    return issue_findings(an, rule, _variants(an))


def check_name_conflict(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM003: versions name different entities at the same place."""
    return issue_findings(an, rule, _missing_and_conflicts_of(an, rule)["name-conflict"])


def _missing_and_conflicts_of(an: BundleAnalysis, rule) -> dict[str, list[Issue]]:
    """The NAM001/NAM003 issues of ``an`` for the rule's window, computed once per window (kept
    on the analysis: NAM001 and NAM003 with the same options share one computation)."""
    window = (int(rule.options.get("window_before", WINDOW_BEFORE)), int(rule.options.get("window_after", WINDOW_AFTER)))
    key = ("names:missing", window)
    if key not in an.derived:
        by_kind: dict[str, list[Issue]] = {"name-missing": [], "name-conflict": []}
        found = _missing_and_conflicts(an, *window)
        found += _people_swapped(an, found, *window)
        for issue in found:
            if an.keyed and all(side[0] != an.pivot for side in (*issue.deviant, *issue.reference)):
                # app strings: a capitalised word two translations share (ru Вы, es Qué) where the
                # source unit names nothing is no name another translation dropped
                continue
            by_kind[issue.kind].append(issue)
        an.derived[key] = by_kind
    return an.derived[key]


def _missing_and_conflicts(an: BundleAnalysis, before: int = WINDOW_BEFORE, after: int = WINDOW_AFTER) -> list[Issue]:
    """``name-missing`` and ``name-conflict`` issues, decided together: an entity one version
    names and another lacks is a conflict where the other names another entity there instead."""
    links = an.name_links
    n = len(an.documents)
    issues: list[Issue] = []
    if n < 2:
        return issues
    groups, pools, uf, entities, local = an.groups, links.pools, links.uf, links.entities, links.local
    forms, present = links.forms, links.present
    variants = [item for item, _g in links.variants]
    # quotations first: speaker disagreements explain a missing or extra name (QUO002 reports them)
    speaker_spans = an.quote_pairs.speaker_spans

    variant_spans = {(v, a.start) for v, a, _w, _b in variants} | {(w, b.start) for _v, _a, w, b in variants}
    missing: dict[int, list] = defaultdict(list)  # g -> [(root, holders, missing versions, mention per holder)]
    for g, per in enumerate(pools):
        present_groups = [v for v in range(n) if groups[g][v]]
        if len(present_groups) < 2:
            continue
        roots: dict = {}
        for v in range(n):
            for m in per[v]:
                node = (v, node_key(m))
                root = uf.find(node)
                if root not in entities or not reportable(m):
                    continue
                if not (m.strong or (node, g) in local or (m.entity and m.strong)):
                    continue  # a weak candidate is a name only where it matched one
                if (v, m.start) in speaker_spans:
                    continue
                roots.setdefault(root, {}).setdefault(v, m)
        for root, held in roots.items():
            lacking = []
            for w in present_groups:
                if w in held:
                    continue
                if not forms(root, w):
                    continue  # how this version writes the name is unknown
                if present(root, w, g, held, before=before, after=after):
                    continue
                lacking.append(w)
            if lacking:
                missing[g].append((root, held, lacking))
    source = an.source
    for g, items in missing.items():
        used: set[int] = set()
        for i, (root, held, lacking) in enumerate(items):
            if i in used:
                continue
            # a conflict: the lacking versions name another entity of the same type instead
            partner = None
            for j, (_root2, held2, lacking2) in enumerate(items):
                if j == i or j in used:
                    continue
                if set(held2) == set(lacking) and set(lacking2) >= set(held) - set(held2) and set(held) & set(lacking2):
                    t1 = name_type(held)
                    t2 = name_type(held2)
                    similar = any(score(m1, m2) >= MIN_SIMILARITY for m1 in held.values() for m2 in held2.values())
                    if not similar and (t1 == t2 or t1 is None or t2 is None):
                        partner = j
                        break
            if partner is not None:
                used.update({i, partner})
                root2, held2, lacking2 = items[partner]
                a_side, b_side = held, held2
                # the deviant: the minority, else the one that is not the source (or pivot)
                if len(b_side) > len(a_side) or (source is not None and source in b_side) or (
                    len(a_side) == len(b_side) and source is None and 0 in b_side
                ):
                    a_side, b_side = b_side, a_side
                dev = [(v, m.start, m.end, m.text) for v, m in sorted(b_side.items())]
                ref = [(v, m.start, m.end, m.text) for v, m in sorted(a_side.items())]
                ma = next(iter(a_side.values()))
                mb = next(iter(b_side.values()))
                issues.append(Issue(
                    "name-conflict", g, dev, ref,
                    {"locale": ",".join(str(v) for v in sorted(b_side)), "text": mb.text,
                     "other_locale": ",".join(str(v) for v in sorted(a_side)), "other_text": ma.text},
                    key=f"{mb.key} vs {ma.key}"))
            else:
                used.add(i)
                first = next(iter(held.values()))
                if any((v, m.start) in variant_spans for v, m in held.items()):
                    continue
                if any(m.qualifier for m in held.values()):
                    continue  # "Naples, Italy" / "in Neapel": a qualifier dropped, not a name
                if n > 2 and len(held) < 2 and (source is None or source not in held):
                    continue  # one translation naming what the others leave implicit (英国, トランプ) adds, it does not drop
                if any(score(h, m) >= MIN_SIMILARITY for root2, held2, _l in items for m in held2.values()
                       for h in held.values() if root2 != root):
                    continue  # the same name under another id (Micronesia / ミクロネシア)
                majority = an.holds_reference(list(held), lacking)
                holders: list[Side] = [(v, m.start, m.end, m.text) for v, m in sorted(held.items())]
                absent: list[Side] = []
                for w in lacking:
                    span = cast("tuple[int, int]", an.group_span(w, g))  # w holds the passage
                    absent.append((w, span[0], span[1], None))
                dev, ref = (absent, holders) if majority else (holders, absent)
                issues.append(Issue(
                    "name-missing", g, dev, ref,
                    {"locale": ",".join(str(v) for v in sorted(held)), "text": first.text,
                     "other_locale": ",".join(str(w) for w in lacking)},
                    key=f"{first.key} missing in {','.join(an.documents[w].locale for w in lacking)}"))
    return issues


#: the least transliteration similarity at which two full names in different scripts may be one
#: person, of the whole names or of one word of each: a conflict needs them clearly apart (two
#: different names score 0.25-0.36; Poyet / ポジェ 0.58)
SAME_PERSON = 0.5
#: the same in one script, where unrelated names sound more alike (Maria Schmidt / Mark Schneider
#: 0.63; Sayfullo Saipov / Sajfoello Sajpov 0.80)
SAME_PERSON_SAME_SCRIPT = 0.75
#: a capitalised word (``Walsh``, ``O'Brien``, ``Jean-Luc``, ``Уолш``)
_CAPITALISED = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*")
_WORDS = regex.compile(r"[\p{L}\p{M}’'-]+")
#: a full name in katakana: given name and surname joined by a middle dot (ノエル・ウォルシュ)
_KANA_FULL = regex.compile(r"\p{Katakana}{2,}(?:[・･＝]\p{Katakana}{2,})+")


#: a word closed by a period that is an abbreviation, not a sentence's end (Rep., Dr., U.S., St.)
_ABBREVIATION = regex.compile(r"(?:\p{Lu}\p{Ll}{0,3}|\p{L}(?:\.\p{L})+)\.\s*$")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (after a title's abbreviation it does not)."""
    return sentence_initial(text, start) and not _ABBREVIATION.search(text[max(0, start - 12):start])


def _written_at(text: str, part: str) -> Iterator[int]:
    """Where ``part`` is written in ``text``, the places apart (a literal search, without a pattern
    compiled for each name)."""
    i = text.find(part)
    while i >= 0:
        yield i
        i = text.find(part, i + len(part))


def _written_inside_a_sentence(an: BundleAnalysis, v: int, name: str) -> bool:
    """Whether version ``v`` writes ``name`` somewhere it does not open a sentence; asked once per
    name and version (each mention of a person asked it again, a scan of the whole text each time)."""
    asked = an.derived.setdefault("names:inside-a-sentence", {})
    if (v, name) not in asked:
        text = an.documents[v].text
        asked[v, name] = any(not _opens_sentence(text, at) for at in _written_at(text, name))
    return asked[v, name]


def _full_name(an: BundleAnalysis, v: int, m):
    """``(full name, firm)``: the person's full name mention ``m`` of version ``v`` ends with (given name and surname:
    the last two capitalised words in a cased script, or katakana joined by a middle dot), else None.

    Without a vocabulary this is all that says "a person": ``Montag von Brad Smith`` (a German
    candidate, where every noun is capitalised) ends with ``Brad Smith``. Not a person: a known
    place or organisation, an acronym, a month or weekday; a passage that is nothing but the words (a
    title-case label or heading: ``Daily Forecast``). Two words that open a sentence, where the
    first is capitalised wherever it stands (``Should Congress``, ``Weitere Informationen``), are
    not *firm* unless a comma follows them (``Noelle Walsh, the head of …``) or the version also
    writes them together inside a sentence: a conflict needs a firm name on one side."""
    if m.entity or m.acronym or m.type not in (None, "person"):
        return None
    if m.script == "kana":
        return (m, True) if _KANA_FULL.fullmatch(m.text) else None
    if m.script not in ("latin", "cyrillic", "greek"):
        return None
    doc = an.documents[v]
    words = list(_WORDS.finditer(m.text))
    run = 0
    for word in reversed(words):
        if not _CAPITALISED.fullmatch(word.group(0)) or word.group(0).casefold() in calendar_words(doc.locale):
            break
        run += 1
    run = min(run, 2)  # given name and surname: a capitalised title before them (Minority Leader) is no part
    if run < 2 or run > len(m.tokens):
        return None
    first = m.start + words[-run].start()
    # a sentence's first word is capitalised wherever it stands (Should Congress): such a name is
    # only firm where the version also writes the two words together inside a sentence
    firm = not _opens_sentence(doc.text, first) or doc.text[m.end:m.end + 1] in (",", "،", "、") or \
        _written_inside_a_sentence(an, v, m.text[words[-run].start():])
    cut = words[-run].start()  # the run has no particle (von, de), so its words are the last tokens
    person = replace(m, start=m.start + cut, text=m.text[cut:], tokens=m.tokens[-run:], stems=m.stems[-run:])
    block = an.block_of(v, person.start)
    if block is not None and compiled(r"[^\p{L}\p{M}]+").sub("", block.text) == compiled(r"[^\p{L}\p{M}]+").sub("", person.text):
        return None
    return (person, firm) if looks_like_person(doc.text, person) else None


def _named_near(an: BundleAnalysis, person, w: int, g: int, before: int, after: int) -> bool:
    """Whether version ``w`` names ``person`` (a mention of another version) in group ``g`` or
    the passages around it: one of its words written there (case endings allowed), or a name
    there that transliterates to it."""
    links = an.name_links
    groups = an.groups
    lo, hi = max(0, g - before), min(len(groups) - 1, g + after)
    doc = an.documents[w]
    written = _WORDS.findall(person.text)
    words = [ascii_fold(t) for t in written if len(t) >= 3]
    surname = written[-1] if written else person.text
    for gg in range(lo, hi + 1):
        blocks = groups[gg][w]
        if not blocks:
            continue
        text = ascii_fold(doc.text[doc.blocks[blocks[0]].start:doc.blocks[blocks[-1]].end])
        if any(_at_word_start(text, t) for t in words):
            return True
        for m in links.pools[gg][w]:
            named = m.strong or bool(_KANA_FULL.fullmatch(m.text))  # not a German noun or a katakana word
            least = SAME_PERSON_SAME_SCRIPT if m.script == person.script or not named else SAME_PERSON
            last = _NAME_GAPS.split(m.text.strip())[-1]
            if (named or m.script == person.script) and score(person, m) >= MIN_SIMILARITY or \
                    name_similarity(person.text, m.text) >= least or (
                    len(m.tokens) > 1 and named and name_similarity(surname, last) >= least):
                return True  # the same letters, or a transliteration of the name or, in another full
                # name, of its surname (Sajpov / Saipov; Gus Poyet / グスタボ・ポジェ); a given name alone, or
                # one word like another (Noelle / Neuer; スミス / Stausee, a German noun), proves nothing
    return False


_NAME_GAPS = regex.compile(r"[\s・･＝]+")
_LETTER = regex.compile(r"\p{L}")


def _at_word_start(text: str, word: str) -> bool:
    """Whether ``word`` is written in ``text`` after no letter (a case ending may follow)."""
    i = text.find(word)
    while i >= 0:
        if i == 0 or not _LETTER.match(text[i - 1]):
            return True
        i = text.find(word, i + 1)
    return False


def _people_swapped(an: BundleAnalysis, found: list[Issue], before: int = WINDOW_BEFORE,
                    after: int = WINDOW_AFTER) -> list[Issue]:
    """``name-conflict`` issues for people no vocabulary knows: where the versions of a passage
    split into two sides, each naming a full name (given name and surname) that the other side
    does not name there nor around it, the sides name different people (Noelle Walsh / Brad
    Smith).  Each version of both sides must write its side's full name in the passage; the
    deviant side is the smaller, else the one without the source (or the first version)."""
    n = len(an.documents)
    taken = {(side[0], side[1]) for issue in found for side in (*issue.deviant, *issue.reference)}
    speaker_spans = an.quote_pairs.speaker_spans
    issues: list[Issue] = []
    for g, per in enumerate(an.name_links.pools):
        present_versions = [v for v in range(n) if an.groups[g][v]]
        if len(present_versions) < 2:
            continue
        named: list[tuple[int, Mention, bool]] = []
        for v in present_versions:  # both sides name a person in each of their versions: every version does
            here = [(v, *fn) for m in per[v] if (v, m.start) not in speaker_spans
                    and (fn := _full_name(an, v, m)) is not None and (v, fn[0].start) not in taken]
            if not here:
                break
            named.extend(here)
        else:
            people = [(v, person, frozenset([v] + [w for w in present_versions
                                                   if w != v and _named_near(an, person, w, g, before, after)]), firm)
                      for v, person, firm in named]  # (version, full name, versions naming it here, firm)
            issues.extend(_sides_in_conflict(an, g, present_versions, people))
    return issues


def _sides_in_conflict(an: BundleAnalysis, g: int, present_versions: list[int], people: list) -> list[Issue]:
    """The conflicts of group ``g`` among ``people`` (see :func:`_people_swapped`)."""
    issues: list[Issue] = []
    done: set[frozenset] = set()
    for _v, _person, side_a, _firm in people:
        side_b = frozenset(present_versions) - side_a
        if not side_b or side_a in done or side_b in done:
            continue
        a_names = {v: p for v, p, h, _f in people if h == side_a}
        b_names = {v: p for v, p, h, _f in people if h == side_b}
        if set(a_names) != side_a or set(b_names) != side_b:
            continue  # a version of a side names no full name of its own here
        if not any(f for _v, _p, h, f in people if h in (side_a, side_b)):
            continue  # every name of both sides opens a sentence: none need be a name
        done.update({side_a, side_b})
        source = an.source
        if len(side_b) > len(side_a) or (len(side_a) == len(side_b) and (
                source in side_b if source is not None else 0 in side_b)):
            a_names, b_names = b_names, a_names
        dev = [(v, p.start, p.end, p.text) for v, p in sorted(b_names.items())]
        ref = [(v, p.start, p.end, p.text) for v, p in sorted(a_names.items())]
        mb, ma = next(iter(b_names.values())), next(iter(a_names.values()))
        issues.append(Issue(
            "name-conflict", g, dev, ref,
            {"locale": ",".join(str(v) for v in sorted(b_names)), "text": mb.text,
             "other_locale": ",".join(str(v) for v in sorted(a_names)), "other_text": ma.text},
            key=f"{mb.key} vs {ma.key}"))
    return issues


def _inflected_in_its_language(an: BundleAnalysis, v: int, a, w: int, b) -> bool:
    """Whether one spelling is the other with a case ending, written in a language that inflects
    names with suffixes (``locale/data/inflection.toml``: Hungarian ``Tuskyra``, Basque
    ``Mastodonek``, Slovenian ``Mastodonov``)."""
    from ...locale.inflection import inflection
    from ...locale.tags import language

    rule = inflection()
    for (x, version), (y, _other) in (((a.text, v), (b.text, w)), ((b.text, w), (a.text, v))):
        if (len(x) > len(y) and x.casefold().startswith(y.casefold()) and len(y) >= rule.min_stem
                and len(x) - len(y) <= rule.max_ending and rule.takes_endings(language(an.documents[version].locale))):
            return True
    return False


def _in_pivot(an: BundleAnalysis, group: int, tokens: list[str]) -> bool:
    """Whether the pivot version's unit in ``group`` writes one of ``tokens`` (case folded)."""
    blocks = an.documents[an.pivot].blocks
    text = " ".join(blocks[b].text for b in an.groups[group][an.pivot]).casefold()
    return any(t.casefold() in text for t in tokens)


def _variants(an: BundleAnalysis) -> list[Issue]:
    """``name-variant`` issues: one per misspelling, the deviant being the rarer spelling (or not
    the source's), every version that spells it otherwise a reference."""
    links = an.name_links
    issues: list[Issue] = []
    if not links.variants:
        return issues  # most bundles: no need to count every word of every version
    source = an.source
    folded = links.folded
    seen_variant: dict = {}
    counts = [Counter(compiled(r"[\p{Latin}\p{Cyrillic}]+").findall(f)) for f in folded]
    for (v, a, w, b), g in links.variants:
        k = min(len(a.tokens), len(b.tokens))
        a, b = tail(a, k), tail(b, k)
        diff_a = [x for x, y in zip(a.tokens, b.tokens) if x != y] or list(a.tokens)
        diff_b = [y for x, y in zip(a.tokens, b.tokens) if x != y] or list(b.tokens)
        if _inflected_in_its_language(an, v, a, w, b):
            continue  # hu Tuskyra, eu Mastodonek: the name with a case ending, not misspelt
        if an.keyed and an.pivot not in (v, w) and not _in_pivot(an, g, [*diff_a, *diff_b]):
            # app strings: two translations of a capitalised label (sk Verzia SDK, cs Verze SDK) are
            # no one name misspelt unless the source unit writes it too
            continue
        freq_a = sum(c[t] for c in counts for t in diff_a)
        freq_b = sum(c[t] for c in counts for t in diff_b)
        if source is not None:
            a_dev = source == w
        elif freq_a != freq_b:
            a_dev = freq_a < freq_b
        else:
            a_dev = v != 0 and w == 0
        (dv, dm), (rv, rm) = ((v, a), (w, b)) if a_dev else ((w, b), (v, a))
        sig = (g, dv, dm.start)
        if sig in seen_variant:  # one finding per misspelling, every other version a reference
            issue = seen_variant[sig]
            if all(r[0] != rv for r in issue.reference):
                issue.reference.append((rv, rm.start, rm.end, rm.text))
                issue.fields["other_locale"] += f",{rv}"
            continue
        issue = Issue(
            "name-variant", g, [(dv, dm.start, dm.end, dm.text)], [(rv, rm.start, rm.end, rm.text)],
            {"locale": str(dv), "text": dm.text, "other_locale": str(rv), "other_text": rm.text},
            key=f"{dm.key} vs {rm.key}")
        seen_variant[sig] = issue
        issues.append(issue)
    return issues
