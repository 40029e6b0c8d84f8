"""PLH001 placeholder-mismatch and PLH002 markup-mismatch: what pofilter checks, across N versions.

Both rules look at units that correspond by key (PO, XLIFF, the resource files of apps): the
raw text of each version's unit, as written in the file, is read for placeholders (the
syntaxes of ``consistency/locale/data/placeholders.toml`` and ICU MessageFormat, parsed
here) or for tags.  Two versions agree when they hold the same tokens, in any order: a
translation may move ``%2$d`` before ``%1$s``; it may not turn ``%s`` into ``%d``, lose
``{count}`` or drop a ``<b>``.  The reference is the declared source, else the token set most
versions share (a tie goes to the version whose locale sorts first, never to the order of
the files).  A plural form ``[0]`` (the singular of a PO plural entry) may leave a count out or
write it: ``one file`` against ``%d Datei`` is no error.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import regex

from ...extract.patterns import compiled
from ...model import Finding
from .common import finding, location

__all__ = ["check_markup_mismatch", "check_placeholder_mismatch", "icu_arguments", "markup", "placeholders"]

_DATA = Path(__file__).resolve().parents[2] / "locale" / "data" / "placeholders.toml"
_UNICODE_ESCAPE = r"\\u[0-9A-Fa-f]{4}"  # the patterns of this module are compiled where used


@lru_cache(maxsize=1)
def _syntaxes():
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    out = []
    for entry in data["placeholder"]:
        out.append((regex.compile(entry["pattern"]), entry["token"], bool(entry.get("named")),
                    dict(entry.get("conv", {}))))
    return out, regex.compile(data["markup"]["pattern"]), frozenset(data["markup"].get("escaped_names", ()))


def placeholders(raw: str) -> Counter[str]:
    """The placeholder tokens of a unit's raw text.

    >>> sorted(placeholders("Delete %1$s and %2$d files of {count, plural, one {# item} other {{user}'s}}?"))
    ['%1s', '%2d', '{count}', '{user}']
    >>> placeholders("50% off, 100%ige Sicherheit, 15 % o") == Counter()
    True
    """
    tokens: Counter[str] = Counter()
    named: set[str] = set()
    syntaxes, _markup, _names = _syntaxes()
    # a \u0020 escape (Android, Java, JSON) before a placeholder is a character, not digits
    raw = compiled(_UNICODE_ESCAPE).sub(lambda m: " " * len(m.group()), raw)
    spans: list[tuple[int, int]] = []
    for pattern, template, is_named, conv in syntaxes:
        for m in pattern.finditer(raw):
            if any(a < m.end() and m.start() < b for a, b in spans):
                continue  # %{name} is Ruby, not printf's %{…}
            spans.append(m.span())
            groups = {k: (v or "") for k, v in m.groupdict().items()}
            if "conv" in groups:
                groups["conv"] = conv.get(groups["conv"], groups["conv"])
            token = template.format(**groups)
            if is_named:
                named.add(token)
            else:
                tokens[token] += 1
    masked = list(raw)
    for a, b in spans:
        masked[a:b] = " " * (b - a)
    for name in icu_arguments("".join(masked)):
        named.add("{" + name + "}")
    for token in named:
        tokens[token] = 1
    return tokens


def markup(raw: str) -> Counter[str]:
    """The tags of a unit's raw text, opening and closing counted apart.

    >>> sorted(markup('Tap <b>Save</b> or &lt;i&gt;Cancel&lt;/i&gt;<br/>, or &lt;not set&gt;'))
    ['/b', '/i', 'b', 'br', 'i']
    """
    _syntaxes_, pattern, escaped_names = _syntaxes()
    tags: Counter[str] = Counter()
    for m in pattern.finditer(raw):
        close = m.group("close") or m.group("eclose") or ""
        if m.group("ename") and m.group("ename").casefold() not in escaped_names:
            continue  # &lt;not set&gt;: text in angle brackets, not a tag
        tags[close + (m.group("name") or m.group("ename")).casefold()] += 1
    return tags


# --------------------------------------------------------------------------- ICU MessageFormat

_IDENT = r"\s*([\p{L}_][\p{L}\p{N}_.-]*|[0-9]+)\s*"
_WORD = r"\s*([^\s{},]+)\s*"
_BRANCHING = frozenset({"plural", "select", "selectordinal"})


class _NotICU(Exception):
    pass


def icu_arguments(text: str) -> set[str]:
    """The argument names of ``text`` read as an ICU message; empty where it is not one.

    >>> sorted(icu_arguments("{gender, select, female {Sie hat {n} Dateien} other {Er hat '{'x'}' {n}}}"))
    ['gender', 'n']
    >>> icu_arguments("a { brace")
    set()
    """
    if "{" not in text:
        return set()
    found: set[str] = set()
    try:
        end = _message(text, 0, found, 0)
    except (_NotICU, RecursionError):
        return set()
    return found if end == len(text) else set()


def _message(text: str, i: int, found: set[str], depth: int) -> int:
    """Parse message text from ``i`` up to an unmatched ``}`` (or the end); return its offset."""
    if depth > 20:
        raise _NotICU
    n = len(text)
    while i < n:
        c = text[i]
        if c == "'":
            if text.startswith("''", i):
                i += 2
            elif i + 1 < n and text[i + 1] in "{}#|":
                close = text.find("'", i + 1)
                i = n if close < 0 else close + 1
            else:
                i += 1
        elif c == "{":
            i = _argument(text, i, found, depth)
        elif c == "}":
            if depth == 0:
                raise _NotICU
            return i
        else:
            i += 1
    if depth:
        raise _NotICU
    return i


def _argument(text: str, i: int, found: set[str], depth: int) -> int:
    m = compiled(_IDENT).match(text, i + 1)
    if m is None:
        raise _NotICU
    name, i = m.group(1), m.end()
    if i < len(text) and text[i] == "}":
        found.add(name)
        return i + 1
    if i >= len(text) or text[i] != ",":
        raise _NotICU
    m = compiled(_WORD).match(text, i + 1)
    if m is None:
        raise _NotICU
    kind, i = m.group(1), m.end()
    found.add(name)
    if i < len(text) and text[i] == "}":
        return i + 1
    if i >= len(text) or text[i] != ",":
        raise _NotICU
    i += 1
    if kind not in _BRANCHING:  # {n, number, ::currency/EUR}: a style, skip to its brace
        close = text.find("}", i)
        if close < 0:
            raise _NotICU
        return close + 1
    while True:
        m = compiled(_WORD).match(text, i)
        if m is None:
            while i < len(text) and text[i].isspace():
                i += 1
            if i < len(text) and text[i] == "}":
                return i + 1
            raise _NotICU
        i = m.end()
        if i >= len(text) or text[i] != "{":
            if m.group(1).startswith("offset:"):
                continue
            raise _NotICU
        i = _message(text, i + 1, found, depth + 1) + 1


# --------------------------------------------------------------------------- the rules


def check_placeholder_mismatch(an, rule) -> Iterator[Finding]:
    """PLH001: a unit whose placeholders differ between versions."""
    yield from _compare(an, rule, placeholders, singular_may_drop=True)


def check_markup_mismatch(an, rule) -> Iterator[Finding]:
    """PLH002: a unit whose tags differ between versions."""
    yield from _compare(an, rule, markup, singular_may_drop=False)


def _compare(an, rule, tokens_of, *, singular_may_drop: bool) -> Iterator[Finding]:
    if not an.keyed:
        return
    for group in an.groups:
        present = [v for v in range(len(an.documents)) if group[v]]
        if len(present) < 2:
            continue
        spans = {v: (an.documents[v].blocks[group[v][0]].start, an.documents[v].blocks[group[v][-1]].end)
                 for v in present}
        tokens: dict[int, Counter] = {v: sum((tokens_of(an.documents[v].text[an.documents[v].blocks[b].start:
                                                         an.documents[v].blocks[b].end]) for b in group[v]),
                         Counter()) for v in present}
        if len({frozenset(t.items()) for t in tokens.values()}) == 1:
            continue
        reference = _reference(an, present, tokens)
        key = an.documents[reference].blocks[group[reference][0]].key or ""
        for v in present:
            if tokens[v] == tokens[reference]:
                continue
            if singular_may_drop and key.endswith("[0]") and (
                not (tokens[v] - tokens[reference]) or not (tokens[reference] - tokens[v])
            ):
                continue  # a singular form may leave the count out, or write it ("%d Datei")
            agreeing = [w for w in present if tokens[w] == tokens[reference]]
            message = rule.format_message(
                locale=an.documents[v].locale, text=_show(tokens[v]),
                other_locale=", ".join(an.documents[w].locale for w in agreeing), other_text=_show(tokens[reference]),
            )
            locations = [location(an, v, *spans[v], "deviant", _show(tokens[v]))]
            locations += [location(an, w, *spans[w], "reference", _show(tokens[w])) for w in agreeing]
            yield finding(an, rule, message, locations, f"{key}|{_show(tokens[v])}|{_show(tokens[reference])}")


def _reference(an, present: list[int], tokens) -> int:
    if an.source is not None and an.source in present:
        return an.source
    # the best-supported version; in a tie the first in the analysis' canonical order (English
    # first where there is one), as the figure rules do: never the alphabetically first locale
    support = {v: sum(tokens[w] == tokens[v] for w in present) for v in present}
    return min(present, key=lambda v: (-support[v], v))


def _show(tokens: Counter[str]) -> str:
    return " ".join(sorted(tokens.elements())) or "none"
