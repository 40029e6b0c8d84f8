"""Java ``.properties`` resource bundles (``messages_de.properties``).

One block per ``key=value`` entry, keyed by the key, as ``java.util.Properties`` reads them: the
key ends at the first unescaped ``=``, ``:`` or white space; comment lines start with ``#`` or
``!``; a line ending in an odd number of backslashes continues on the next, whose leading white
space is dropped; escapes (``\\uXXXX``, ``\\t``, ``\\n``, ``\\=``, ``\\:``) are decoded in place.
A file that is not valid UTF-8 is read as ISO-8859-1, as ``PropertyResourceBundle`` does since
Java 9.  MessageFormat arguments (``{0}``, ``{count}``) are placeholders.

The locale comes from the file name's suffix (``messages_de.properties``,
``messages_pt_BR.properties``); the base bundle without one (``messages.properties``) holds the
default language, read as English unless ``--locale messages.properties=TAG`` says otherwise.

>>> doc = load_properties("messages_de.properties", text="# Größe\\nsize = 5\\\\u00a0GB\\n")
>>> doc.locale, [(b.key, b.text) for b in doc.blocks]
('de', [('size', '5\\xa0     GB')])
"""

from __future__ import annotations

import os
import re

from consistency.documents.keyed import Entry, blocks_of, decode_in_place
from consistency.documents.locales import version_locale
from consistency.documents.reading import read_text
from consistency.model import Document

__all__ = ["load_properties"]

#: one logical line: physical lines joined where one ends in an odd number of backslashes
_LOGICAL = re.compile(r"(?:[^\n\\]|\\\r\n|\\.)*", re.DOTALL)
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(\r?\n[ \t\f]*)|(.))", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "f": "\f"}
_KEY_END = re.compile(r"(?:[^\\=:\s]|\\.)*", re.DOTALL)
_SEPARATOR = re.compile(r"[ \t\f]*[=:]?[ \t\f]*")


def _decode(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return " " if 0xD800 <= code <= 0xDFFF else chr(code)
    if match.group(2) is not None:
        return ""  # a continuation: the line break and the next line's indent are no text
    return _SIMPLE.get(match.group(3), match.group(3))


def load_properties(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of an app's strings from a Java ``.properties`` file."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name, latin1_fallback=True)
    entries = list(_entries(text))
    blocks = blocks_of(text, entries, lambda e: decode_in_place(text, e.start, e.end, _ESCAPE, _decode), "string")
    return Document(path=name, locale=version_locale(name, locale, default="en"), text=text, blocks=blocks)


def _entries(text: str):
    pos = 1 if text.startswith("\ufeff") else 0
    n = len(text)
    while pos < n:
        m = _LOGICAL.match(text, pos)
        start, end = pos, m.end() if m else pos
        pos = end + 1  # past the newline
        line = text[start:end].rstrip("\r")
        stripped = line.lstrip(" \t\f")
        if not stripped or stripped[0] in "#!":
            continue
        key_start = start + len(line) - len(stripped)
        key_match = _KEY_END.match(text, key_start, start + len(line))
        key_end = key_match.end() if key_match else key_start
        sep = _SEPARATOR.match(text, key_end, start + len(line))
        value_start = sep.end() if sep else key_end
        yield Entry(_ESCAPE.sub(_decode, text[key_start:key_end]), value_start, start + len(line))
