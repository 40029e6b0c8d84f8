"""Spreadsheet exports with one column per language (``strings.csv``, ``strings.tsv``): one file,
every language, as games and many teams keep their strings.

The first row names the columns: a column whose header is a locale tag babel knows (``en``,
``de-DE``, ``pt_BR``) or a language's English name in CLDR (``German``, ``Japanese``) is that
language's version; the first other column keys the rows (``key``; also ``id``, which is a
locale code, Indonesian, but as the first of three or more columns the key), else a row is keyed
by its number (``row-7``). Every other column (comments, context,
max length) is not compared. A cell is one block; an empty cell is no unit (a string missing in
that language: COV001). Fields follow RFC 4180: quoted with ``"``, a quote doubled inside,
line breaks allowed inside quotes; the delimiter of a ``.csv`` is whichever of ``,`` ``;`` and
tab splits the header into most columns, a ``.tsv``'s a tab. Quotes and doubled quotes are
blanked or decoded in place, so offsets point into the file. The versions come in column order.

>>> csv = 'key,en,de\\nsize,5 GB,"5 GB, ""frei"" "\\n'
>>> [(d.locale, [(b.key, b.text) for b in d.blocks]) for d in load_table("strings.csv", text=csv)]
[('en', [('size', '5 GB')]), ('de', [('size', ' 5 GB, " frei"   ')])]
"""

from __future__ import annotations

import os
from functools import lru_cache

from consistency.documents.keyed import Entry, blocks_of
from consistency.documents.locales import AMBIGUOUS_CODES, known_locale
from consistency.documents.reading import read_text
from consistency.errors import InputError
from consistency.model import Document

__all__ = ["load_table"]


def _records(text: str, delimiter: str) -> list[list[tuple[int, int]]]:
    """Each record's fields as (start, end) spans of their raw text, quotes included."""
    records: list[list[tuple[int, int]]] = []
    fields: list[tuple[int, int]] = []
    i = 1 if text.startswith("\ufeff") else 0
    n = len(text)
    start = i
    quoted = False
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    i += 2
                    continue
                quoted = False
            i += 1
            continue
        if ch == '"' and i == start:
            quoted = True
        elif ch == delimiter:
            fields.append((start, i))
            start = i + 1
        elif ch in "\r\n":
            fields.append((start, i))
            records.append(fields)
            fields = []
            i += 2 if ch == "\r" and i + 1 < n and text[i + 1] == "\n" else 1
            start = i
            continue
        i += 1
    if quoted:
        line = text.count("\n", 0, start) + 1
        raise InputError(f"line {line}: a quoted field is never closed")
    if start < n or fields:
        fields.append((start, n))
        records.append(fields)
    return [r for r in records if any(e > s for s, e in r)]


def _cell(text: str, span: tuple[int, int]) -> list[str]:
    """A field's characters with its enclosing quotes blanked and each doubled quote read as one."""
    s, e = span
    chars = list(text[s:e])
    if chars and chars[0] == '"':
        chars[0] = " "
        if len(chars) > 1 and chars[-1] == '"':
            chars[-1] = " "
        k = 1
        while k < len(chars) - 2:
            if chars[k] == '"' and chars[k + 1] == '"':
                chars[k + 1] = " "
                k += 2
                continue
            k += 1
    return chars


def _delimiter(name: str, text: str) -> str:
    if name.lower().endswith(".tsv"):
        return "\t"
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """CLDR's English names of the languages babel has a locale for, folded -> tag."""
    from babel import Locale

    names = Locale("en").languages
    return {str(v).casefold(): str(k) for k, v in names.items() if known_locale(str(k)) is not None}


def _column_locale(header: str) -> str | None:
    return known_locale(header) or _language_names().get(header.casefold())


def load_table(path: str | os.PathLike[str], *, text: str | None = None) -> list[Document]:
    """Every language column of a CSV or TSV file, as versions keyed by row."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    try:
        records = _records(text, _delimiter(name, text))
    except InputError as exc:
        raise InputError(f"{name}:{exc}") from None
    if not records:
        raise InputError(f"{name}: empty; a header row naming each language column (key,en,de) is needed")
    header = ["".join(_cell(text, span)).strip() for span in records[0]]
    columns = [(k, tag) for k, cell in enumerate(header) if (tag := _column_locale(cell)) is not None]
    if len(header) >= 3 and columns[:1] == [(0, known_locale(header[0]))] and header[0].lower() in AMBIGUOUS_CODES:
        columns = columns[1:]  # "id,en,fr": the first column keys the rows
    if len(columns) < 2:
        raise InputError(f"{name}: the header row names {len(columns)} language column(s); "
                         f"name each one by its locale (key,en,de)")
    key_column = next((k for k in range(len(header)) if k not in dict(columns)), None)
    docs = []
    for column, tag in columns:
        cells: dict[Entry, list[str]] = {}
        for row, record in enumerate(records[1:], start=2):
            if column >= len(record):
                continue
            key = f"row-{row}"
            if key_column is not None and key_column < len(record):
                key = "".join(_cell(text, record[key_column])).strip() or key
            s, e = record[column]
            cells[Entry(key, s, e)] = _cell(text, (s, e))
        docs.append(Document(path=name, locale=tag, text=text, blocks=blocks_of(text, cells, cells.__getitem__, "cell")))
    return docs
