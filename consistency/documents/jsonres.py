"""JSON resource files: i18next, Flutter ARB, Chrome/WebExtension ``messages.json``, flat key-value.

One block per string value, keyed by its path (``nav.home.title``; an array item adds its
index: ``steps.2``).  The flavours are told apart by their content:

- **ARB** (Flutter): keys starting with ``@`` are metadata and skipped; ``@@locale`` names the
  locale;
- **messages.json** (Chrome, WebExtensions): every top-level value is an object with a
  ``message``; the key is the message name, ``description`` and ``placeholders`` are skipped;
- **i18next** and flat files: every string is a unit; plural keys keep only their ``_other``
  form (see :mod:`consistency.documents.keyed`).

The file is validated by the standard library's :mod:`json` (malformed JSON, and nesting too
deep for it, raise :class:`~consistency.errors.InputError` with the line), then scanned once
for the offsets of each string, which :mod:`json` does not keep.

>>> doc = load_json("locales/de/app.json", text='{"cart": {"total": "Summe: 1.200\\\\u00a0€"}}')
>>> doc.locale, [(b.key, b.text) for b in doc.blocks]
('de', [('cart.total', 'Summe: 1.200\\xa0     €')])
"""

from __future__ import annotations

import json
import os
import re

from consistency.documents.keyed import Entry, blocks_of, decode_in_place, plural_key
from consistency.documents.locales import known_locale, locale_from_path, normalize_locale
from consistency.documents.reading import read_text
from consistency.errors import InputError, LocaleError
from consistency.model import Document

__all__ = ["load_json", "parse_json", "scan_strings"]

JSON_ESCAPE = re.compile(
    r'\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(["\\/bfnrt]))'
)
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def json_decode(match: re.Match[str]) -> str:
    if match.group(1):
        high, low = int(match.group(1), 16), int(match.group(2), 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    if match.group(3):
        code = int(match.group(3), 16)
        return " " if 0xD800 <= code <= 0xDFFF else chr(code)  # a lone surrogate is no character
    return _SIMPLE[match.group(4)]


def load_json(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of an app's strings from a JSON resource file."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    data = parse_json(name, text)
    if not isinstance(data, dict):
        raise InputError(f"{name}: not a JSON resource file (the top level is not an object)")
    strings = scan_strings(text)
    entries = list(_entries(data, strings))
    tag = _locale(name, locale, data)
    blocks = blocks_of(text, entries, lambda e: decode_in_place(text, e.start, e.end, JSON_ESCAPE, json_decode), "string")
    return Document(path=name, locale=tag, text=text, blocks=blocks)


def parse_json(name: str, text: str):
    """``json.loads`` with one-line :class:`~consistency.errors.InputError` naming the line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}: malformed JSON: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"{name}: malformed JSON: nested too deeply") from None


def _entries(data: dict, strings: list[tuple[tuple[str, ...], int, int]]):
    arb = any(k.startswith("@") for k in data)
    chrome = bool(data) and all(isinstance(v, dict) and isinstance(v.get("message"), str) for v in data.values())
    for keys, start, end in strings:
        if arb and keys[0].startswith("@"):
            continue
        if chrome:
            if len(keys) == 2 and keys[1] == "message":
                yield Entry(keys[0], start, end)
            continue
        key = plural_key(".".join(keys))
        if key is not None:
            yield Entry(key, start, end)


def _locale(name: str, locale: str | None, data: dict) -> str:
    if locale is not None:
        return normalize_locale(locale)
    declared = data.get("@@locale")
    tag = known_locale(declared) if isinstance(declared, str) else None
    tag = tag or locale_from_path(name)
    if tag is None:
        raise LocaleError(f"{name}: cannot tell the locale from the file or its path; pass --locale {name}=TAG")
    return tag


_TOKEN = re.compile(r'\s*(?:"((?:[^"\\]|\\.)*)"|([{}\[\]:,])|([^\s{}\[\]:,"]+))', re.DOTALL)


def scan_strings(text: str, *, keys: bool = False) -> list[tuple[tuple[str, ...], int, int]]:
    """The path and content span of every string *value* of a valid JSON text, in file order;
    with ``keys``, of every object key too (its path ends with the key and a ``""``).

    >>> scan_strings('{"a": {"b": "x"}, "c": ["y", 1]}')
    [(('a', 'b'), 13, 14), (('c', '0'), 25, 26)]
    >>> scan_strings('{"a": "x"}', keys=True)
    [(('a', ''), 2, 3), (('a',), 7, 8)]
    """
    out: list[tuple[tuple[str, ...], int, int]] = []
    # each frame: [is_object, current key or index, expecting_key]
    stack: list[list] = []
    pos = 1 if text.startswith("\ufeff") else 0
    n = len(text)
    while pos < n:
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        pos = m.end()
        if m.group(2):
            c = m.group(2)
            if c in "{[":
                stack.append([c == "{", None if c == "{" else 0, c == "{"])
            elif c in "}]":
                if stack:
                    stack.pop()
                _next_value(stack)
            elif c == ":":
                if stack:
                    stack[-1][2] = False
            elif c == ",":
                if stack and stack[-1][0]:
                    stack[-1][2] = True
            continue
        if m.group(1) is not None and stack and stack[-1][0] and stack[-1][2]:
            stack[-1][1] = json.loads('"' + m.group(1) + '"')
            if keys:
                out.append((tuple(str(frame[1]) for frame in stack) + ("",), m.start(1), m.end(1)))
            continue
        if m.group(1) is not None and stack:
            path = tuple(str(frame[1]) for frame in stack)
            out.append((path, m.start(1), m.end(1)))
        _next_value(stack)
    return out


def _next_value(stack: list[list]) -> None:
    """After a value: an array moves to its next index."""
    if stack and not stack[-1][0]:
        stack[-1][1] += 1
