"""What the loaders of key-value resource files share (JSON, YAML, Android, Apple, TMX).

A resource file holds one string per key; the versions of an app correspond key by key, so
their blocks carry the key (:attr:`~consistency.model.Block.key`) and need no paragraph
alignment.  A string's block spans its content in the file (inside the quotes or the
element) with every escape sequence decoded *in place*: the decoded character stands where
its escape begins and the rest of the escape is blank, so the block keeps the length of its
span and every offset still points into the file (``5\\u00a0GB`` reads ``5`` NBSP ``GB``
with five blanks after the NBSP).  Format placeholders (``%s``, ``{count}``, ``%1$@``) are
blanked as in PO files.

Plural forms: where a format keeps one string per CLDR plural category (i18next ``_one`` /
``_other``, Android ``<plurals>``), only the ``other`` form is compared: languages have
different sets of categories (Japanese only ``other``, Polish ``one few many other``), and
``other`` is the one every language has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from consistency.documents.po import mask_placeholders
from consistency.model import Block

__all__ = ["PLURAL_CATEGORIES", "Entry", "blocks_of", "decode_in_place", "plural_key"]

#: CLDR plural categories.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
_PLURAL_SUFFIX = re.compile(r"_(zero|one|two|few|many|other)$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One string of a resource file: its key and the span of its raw content in the file."""

    key: str
    start: int
    end: int


def plural_key(key: str) -> str | None:
    """The key to compare for an i18next-style plural key, or ``None`` to skip it.

    >>> plural_key("items_one"), plural_key("items_other"), plural_key("title")
    (None, 'items_other', 'title')
    """
    match = _PLURAL_SUFFIX.search(key)
    if match is None or match.group(1) == "other":
        return key
    return None


def decode_in_place(text: str, start: int, end: int, escape: re.Pattern[str],
                    decode: Callable[[re.Match[str]], str]) -> list[str]:
    """The characters of ``text[start:end]`` with each ``escape`` match replaced by
    ``decode(match)`` at the match's first position and blanks after it.

    >>> import re
    >>> "".join(decode_in_place(r'5\\u00a0GB', 0, 9, re.compile(r"\\\\u([0-9a-f]{4})"),
    ...                         lambda m: chr(int(m.group(1), 16))))
    '5\\xa0     GB'
    """
    chars = list(text[start:end])
    for match in escape.finditer(text, start, end):
        decoded = decode(match)
        a, b = match.start() - start, match.end() - start
        width = b - a
        piece = decoded[:width] if len(decoded) <= width else decoded[: width]
        chars[a:b] = list(piece) + [" "] * (width - len(piece))
    return chars


def blocks_of(text: str, entries: Iterable[Entry], chars_of: Callable[[Entry], list[str]],
              kind: str, suppressed: frozenset[str] = frozenset()) -> tuple[Block, ...]:
    """Keyed blocks of ``entries``: content decoded by ``chars_of``, placeholders blanked,
    trimmed of the white space around it; strings without prose are left out (untranslated)."""
    blocks: list[Block] = []
    for entry in entries:
        decoded = chars_of(entry)
        masked = mask_placeholders(decoded)
        if not masked.strip():
            continue
        # trimmed of white space only: placeholders and tags at the edges belong to the unit
        raw = text[entry.start:entry.end]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        blocks.append(Block(index=len(blocks), kind=kind, start=entry.start + lead,
                            end=entry.end - trail, text=masked[lead:len(masked) - trail],
                            key=entry.key, suppressed=suppressed))
    return tuple(blocks)
