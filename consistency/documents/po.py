"""gettext PO loader: one block per translated message, keyed by its msgid.

A PO file holds two versions of the same text: the source strings
(``msgid``) and their translation (``msgstr``).  :func:`load_po` returns the
translation, :func:`load_po_source` the source; both have one block per
translated, non-fuzzy, non-obsolete entry, with the same keys, so the
analysis pairs units by key instead of by the paragraph aligner.

>>> po = '''msgid ""
... msgstr "Language: de\\\\n"
...
... msgctxt "disk"
... msgid "%d files use 5 GB"
... msgstr "%d Dateien belegen 5 GB"
... '''
>>> doc = load_po("app.po", text=po)
>>> doc.locale, [(b.key, b.text) for b in doc.blocks]
('de', [('disk\\x04%d files use 5 GB', '   Dateien belegen 5 GB')])
>>> [b.text for b in load_po_source("app.po", text=po).blocks]
['   files use 5 GB']

Keys are ``msgctxt + "\\x04" + msgid`` (``msgid`` alone without a context,
as in compiled MO files), with ``"[n]"`` appended for the plural forms
``msgstr[n]``.  A block spans the string content of its ``msgstr`` (or
``msgid``) in the file: from the first character inside the quotes of the
first non-empty string to the last character of the last one.  Its text
keeps that length: the quotes, line breaks and indentation between the
continuation strings of a multi-line message become spaces, and each escape
is written as the character it stands for followed by a space (``\\n`` ->
``"\\n "``, ``\\"`` -> ``'" '``).  Format placeholders (``%d``, ``%(n)s``,
``%1$s``, ``{count}``, ``${x}``, strftime ``%H:%M``, ``%-d``, ``%e``) are
blanked so they never become figures.

**Why a tokenizer of our own, and polib only as the test oracle.**  Findings
must point at the exact characters of a message, and neither polib nor
translate-toolkit reports where in the file an entry's strings are: we have
to scan the file ourselves anyway, and the scanner is small (PO is a
line-based format with five keywords).  polib (pure Python, one module, no
dependencies, well maintained) is the reference the tests compare our
entries, flags and decoded strings against; translate-toolkit was not
considered further, as it pulls lxml and a large tree of format modules for
what is one small format here.  Parsing every file twice at run time would
double the work and add a dependency without giving any information the
scanner does not already have, so polib is a test dependency only.

The header entry, untranslated and fuzzy entries, obsolete (``#~``) entries
and the translator credits (``msgid "translator-credits"``, KDE's ``NAME OF
TRANSLATORS``) give no blocks.  A translator comment ``# claim-consistency:
disable=QTY001`` suppresses rules for the entry below it (``disable-file``:
for the whole file), as the HTML comment does in Markdown.

Malformed files raise :class:`~consistency.errors.InputError` with a
one-line message ``"PATH:LINE: malformed PO: …"``.  The file is only read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from consistency.documents.locales import known_locale, locale_from_path, normalize_locale
from consistency.documents.masking import BOM, ProseView
from consistency.documents.reading import read_text
from consistency.documents.suppression import Directive, parse_directive
from consistency.errors import InputError, LocaleError
from consistency.nonprose import CATALOGUE_PLACEHOLDERS, QT_PLACEHOLDER
from consistency.model import Block, Document

__all__ = ["load_po", "load_po_source", "mask_placeholders", "po_locale"]

#: What the PO grammar puts between a message's context and its id.
CONTEXT_SEPARATOR = "\x04"

#: Escapes that gettext (and polib) decode; others stay as written.
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\", '"': '"'}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[([0-9]+)\])?(?=[\s\"]|$)")
_LANGUAGE = re.compile(r"^[ \t]*Language[ \t]*:[ \t]*(\S*)", re.IGNORECASE | re.MULTILINE)
_SOURCE_LANGUAGE = re.compile(r"^[ \t]*X-Source-Language[ \t]*:[ \t]*(\S*)", re.IGNORECASE | re.MULTILINE)
_MODIFIER_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva", "arabic": "Arab"}

_QT_FLAGS = frozenset({"qt-format", "qt-plural-format", "kde-format"})
#: Entries whose msgstr names the translators (GNOME, KDE), skipped.
_CREDIT_IDS = frozenset({"translator-credits", "translator_credits"})
_CREDIT_CONTEXTS = frozenset({"NAME OF TRANSLATORS", "EMAIL OF TRANSLATORS"})


def mask_placeholders(chars: list[str], *, qt: bool = False) -> str:
    """The text of ``chars`` with URLs and format placeholders blanked.

    ``chars`` is a message as the loader sees it (one character per file code
    point); the result has the same length.

    >>> mask_placeholders(list("%(n)s of {total} at %H:%M on %-d %b, 50%% %s"))
    '      of         at   :   on       , 50%    '
    """
    view = ProseView("".join(chars))
    view.mask_non_prose(0, len(view.text))
    for match in CATALOGUE_PLACEHOLDERS.finditer(view.text):
        view.mask(match.start(), match.end())
    if qt:
        for match in QT_PLACEHOLDER.finditer(view.text):
            view.mask(match.start(), match.end())
    return "".join(view.chars)


@dataclass
class _Field:
    """One keyword's string: the content spans of its quoted pieces and its value."""

    line: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def value(self) -> str:
        return "".join(self.parts)

    def span(self) -> tuple[int, int] | None:
        pieces = [(s, e) for s, e in self.segments if e > s]
        return (pieces[0][0], pieces[-1][1]) if pieces else None


@dataclass
class _Entry:
    line: int
    flags: frozenset[str]
    directives: tuple[Directive, ...]
    msgctxt: _Field | None = None
    msgid: _Field | None = None
    msgid_plural: _Field | None = None
    msgstr: _Field | None = None
    forms: list[_Field] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.msgstr is not None or bool(self.forms)

    @property
    def key(self) -> str:
        assert self.msgid is not None
        if self.msgctxt is None:
            return self.msgid.value
        return self.msgctxt.value + CONTEXT_SEPARATOR + self.msgid.value

    @property
    def translated(self) -> bool:
        """As polib's ``translated()``: not fuzzy, every form non-empty."""
        if "fuzzy" in self.flags or self.msgid is None or self.msgid.value == "":
            return False
        if self.msgstr is not None:
            return self.msgstr.value != ""
        return bool(self.forms) and all(form.value != "" for form in self.forms)


@dataclass
class _Catalogue:
    entries: list[_Entry]
    header: str | None
    file_rules: frozenset[str]


def load_po(
    path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None
) -> Document:
    """The translation (``msgstr``) version of a PO file.

    The locale is ``locale`` if given, else the header's ``Language:``, else
    the one the file name gives (``de.po``, ``po/de/app.po``).
    """
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    catalogue = _parse(name, text)
    tag = _target_locale(name, locale, catalogue.header)
    blocks: list[Block] = []
    for entry in catalogue.entries:
        rules = _rules(entry, catalogue.file_rules)
        qt = bool(entry.flags & _QT_FLAGS)
        if entry.msgstr is not None:
            blocks.append(_block(text, len(blocks), "msgstr", entry.msgstr, entry.key, rules, qt))
            continue
        for number, form in enumerate(entry.forms):
            key = f"{entry.key}[{number}]"
            blocks.append(_block(text, len(blocks), "msgstr", form, key, rules, qt))
    return Document(path=name, locale=tag, text=text, blocks=tuple(blocks))


def load_po_source(
    path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None
) -> Document:
    """The source (``msgid``) version of a PO file, keyed like :func:`load_po`.

    Only entries that have a translation are included, so both versions have
    the same keys.  A plural entry gives one block per translated form:
    ``[0]`` is the ``msgid`` and ``[1]``, ``[2]``… the ``msgid_plural``; in a
    language with a single form (``nplurals=1``: Japanese, Chinese…) the one
    form ``[0]`` is compared with ``msgid_plural``, the general case.  The
    locale is ``locale`` if given, else the header's ``X-Source-Language:``,
    else English.
    """
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    catalogue = _parse(name, text)
    tag = normalize_locale(locale) if locale is not None else _source_locale(catalogue.header)
    blocks: list[Block] = []
    for entry in catalogue.entries:
        assert entry.msgid is not None
        rules = _rules(entry, catalogue.file_rules)
        qt = bool(entry.flags & _QT_FLAGS)
        if entry.msgstr is not None:
            blocks.append(_block(text, len(blocks), "msgid", entry.msgid, entry.key, rules, qt))
            continue
        plural = entry.msgid_plural or entry.msgid
        for number in range(len(entry.forms)):
            source = entry.msgid if number == 0 and len(entry.forms) > 1 else plural
            key = f"{entry.key}[{number}]"
            blocks.append(_block(text, len(blocks), "msgid", source, key, rules, qt))
    return Document(path=name, locale=tag, text=text, blocks=tuple(blocks))


def po_locale(header: str) -> str | None:
    """The locale named by a PO header's ``Language:`` field, if babel knows it.

    >>> po_locale("Language: pt_BR\\nMIME-Version: 1.0\\n"), po_locale("Language: sr@latin\\n")
    ('pt-BR', 'sr-Latn')
    """
    return _header_locale(_LANGUAGE, header)


def _header_locale(pattern: re.Pattern[str], header: str | None) -> str | None:
    match = pattern.search(header or "")
    if match is None or not match.group(1):
        return None
    tag, _, modifier = match.group(1).partition("@")
    script = _MODIFIER_SCRIPTS.get(modifier.lower())
    if script:
        found = known_locale(f"{tag}-{script}")
        if found:
            return found
    return known_locale(tag)


def _target_locale(name: str, locale: str | None, header: str | None) -> str:
    if locale is not None:
        return normalize_locale(locale)
    tag = po_locale(header or "") or locale_from_path(name)
    if tag is None:
        raise LocaleError(
            f"{name}: cannot tell the locale from the PO header or the file name; "
            f"pass --locale {name}=TAG"
        )
    return tag


def _source_locale(header: str | None) -> str:
    return _header_locale(_SOURCE_LANGUAGE, header) or "en"


def _rules(entry: _Entry, file_rules: frozenset[str]) -> frozenset[str]:
    rules = set(file_rules)
    for directive in entry.directives:
        rules |= directive.rules
    return frozenset(rules)


def _block(
    text: str, index: int, kind: str, field_: _Field, key: str, rules: frozenset[str], qt: bool
) -> Block:
    """A block spanning the content of ``field_``'s strings, escapes decoded."""
    span = field_.span()
    assert span is not None  # translated entries have non-empty strings
    start, end = span
    chars = [" "] * (end - start)
    for seg_start, seg_end in field_.segments:
        _decode_into(text, max(seg_start, start), min(seg_end, end), chars, start)
    return Block(
        index=index,
        kind=kind,
        start=start,
        end=end,
        text=mask_placeholders(chars, qt=qt),
        key=key,
        suppressed=rules,
    )


def _decode_into(text: str, start: int, end: int, chars: list[str], base: int) -> None:
    """Write the string content ``text[start:end]`` into ``chars`` (offset ``base``)."""
    i = start
    while i < end:
        c = text[i]
        if c == "\\" and i + 1 < end and text[i + 1] in _ESCAPES:
            chars[i - base] = _ESCAPES[text[i + 1]]
            chars[i + 1 - base] = " "
            i += 2
            continue
        chars[i - base] = c
        i += 1


def _unescape(raw: str) -> str:
    return re.sub(r'\\([ntrvbf\\"])', lambda m: _ESCAPES[m.group(1)], raw)


def _lines(text: str) -> Iterable[tuple[int, int, int]]:
    """``(line number, start, end)`` of every line, ends excluding the break."""
    number = 0
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        number += 1
        yield number, start, match.start()
        start = match.end()
    if start < len(text) or number == 0:
        yield number + 1, start, len(text)


class _Parser:
    """A line-based PO scanner that records where every string's content is."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.entries: list[_Entry] = []
        self.header: str | None = None
        self.file_rules: set[str] = set()
        self.current: _Entry | None = None
        self.last: _Field | None = None
        self.flags: set[str] = set()
        self.directives: list[Directive] = []

    def error(self, line: int, message: str) -> InputError:
        return InputError(f"{self.name}:{line}: malformed PO: {message}")

    def parse(self) -> _Catalogue:
        text = self.text
        for number, start, end in _lines(text):
            if start == 0 and text.startswith(BOM):
                start = 1
            i = start
            while i < end and text[i] in " \t\f\v":
                i += 1
            if i == end:
                continue
            if text[i] == "#":
                self.comment(number, i, end)
            elif text[i] == '"':
                if self.last is None:
                    raise self.error(number, "string without a keyword before it")
                self.string(number, i, end, self.last)
            else:
                self.keyword(number, i, end)
        self.finish()
        return _Catalogue(self.entries, self.header, frozenset(self.file_rules))

    def comment(self, number: int, start: int, end: int) -> None:
        body = self.text[start:end]
        if body.startswith("#~"):
            # an obsolete entry: its comments and flags do not carry over
            self.flags.clear()
            self.directives.clear()
            return
        if self.current is not None and self.current.complete:
            self.finish()
        if body.startswith("#,"):
            self.flags.update(flag.strip() for flag in body[2:].split(",") if flag.strip())
        elif body.startswith("# ") or body == "#":
            directive = parse_directive(body[1:], start)
            if directive is not None:
                if directive.whole_file:
                    self.file_rules |= directive.rules
                else:
                    self.directives.append(directive)

    def keyword(self, number: int, start: int, end: int) -> None:
        match = _KEYWORD.match(self.text, start, end)
        if match is None:
            word = self.text[start:end].split(maxsplit=1)[0][:40]
            raise self.error(number, f"unexpected {word!r}; expected a keyword, a string or a comment")
        word, index = match.group(1), match.group(2)
        if index is not None and word != "msgstr":
            raise self.error(number, f"{word} cannot take an index [{index}]")
        i = match.end()
        while i < end and self.text[i] in " \t":
            i += 1
        if i == end or self.text[i] != '"':
            raise self.error(number, f"{match.group(0)} must be followed by a quoted string")
        field_ = _Field(number)
        self.place(number, word, index, field_)
        self.last = field_
        self.string(number, i, end, field_)

    def place(self, number: int, word: str, index: str | None, field_: _Field) -> None:
        """Attach a keyword's field to the current entry, starting a new one when due."""
        entry = self.current
        if word in ("msgctxt", "msgid"):
            if entry is not None and entry.complete:
                self.finish()
                entry = None
            if entry is None:
                entry = self.current = _Entry(number, frozenset(self.flags), tuple(self.directives))
                self.flags.clear()
                self.directives.clear()
            if word == "msgctxt":
                if entry.msgctxt is not None or entry.msgid is not None:
                    raise self.error(number, "msgctxt after the msgid of an entry without msgstr")
                entry.msgctxt = field_
            else:
                if entry.msgid is not None:
                    raise self.error(number, "msgid after a msgid without msgstr")
                entry.msgid = field_
            return
        if entry is None or entry.msgid is None:
            raise self.error(number, f"{word} without a msgid before it")
        if word == "msgid_plural":
            if entry.msgid_plural is not None or entry.complete:
                raise self.error(number, "misplaced msgid_plural")
            entry.msgid_plural = field_
        elif index is None:
            if entry.msgid_plural is not None:
                raise self.error(number, "plural entry needs msgstr[0], msgstr[1]…, not msgstr")
            if entry.msgstr is not None:
                raise self.error(number, "second msgstr for one msgid")
            entry.msgstr = field_
        else:
            if entry.msgid_plural is None:
                raise self.error(number, f"msgstr[{index}] without msgid_plural")
            if int(index) != len(entry.forms):
                raise self.error(number, f"msgstr[{index}] out of order; expected msgstr[{len(entry.forms)}]")
            entry.forms.append(field_)

    def string(self, number: int, start: int, end: int, field_: _Field) -> None:
        """Scan the quoted string at ``start`` (a ``"``) to the end of the line."""
        text = self.text
        i = start + 1
        while i < end:
            c = text[i]
            if c == "\\":
                i += 2
                continue
            if c == '"':
                break
            i += 1
        if i >= end:
            raise self.error(number, "unterminated string")
        field_.segments.append((start + 1, i))
        field_.parts.append(_unescape(text[start + 1 : i]))
        rest = text[i + 1 : end].strip()
        if rest:
            raise self.error(number, f"unexpected {rest[:40]!r} after a string")

    def finish(self) -> None:
        entry = self.current
        self.current = None
        self.last = None
        if entry is None:
            return
        if entry.msgid is None:
            raise self.error(entry.line, "msgctxt without msgid")
        if not entry.complete:
            raise self.error(entry.line, "entry without msgstr")
        if entry.msgctxt is None and entry.msgid.value == "" and self.header is None:
            self.header = (entry.msgstr or entry.forms[0]).value
            return
        if entry.translated and not _credits(entry):
            self.entries.append(entry)


def _credits(entry: _Entry) -> bool:
    """Whether ``entry`` is the conventional list of translators, not a translation."""
    assert entry.msgid is not None
    if entry.msgid.value in _CREDIT_IDS:
        return True
    return entry.msgctxt is not None and entry.msgctxt.value in _CREDIT_CONTEXTS


def _parse(name: str, text: str) -> _Catalogue:
    return _Parser(name, text).parse()
