"""Document loaders: turn a file into a :class:`~consistency.model.Document`.

>>> doc = load_document("article.de.txt", text="Erster Absatz.\\n\\nZweiter Absatz.\\n")
>>> doc.locale, [block.text for block in doc.blocks]
('de', ['Erster Absatz.', 'Zweiter Absatz.'])

Formats are chosen by extension: ``.md``/``.markdown`` (Markdown),
``.html``/``.htm`` (HTML), ``.po``/``.pot`` (gettext), ``.xlf``/``.xliff``
(XLIFF 1.2 and 2.0) and ``.ts`` (Qt Linguist); the key-value resource files of apps ``.json``/``.arb``
(i18next, Flutter, Chrome), ``.yml``/``.yaml`` (Rails), ``.xml`` (Android
``strings.xml``), ``.strings`` and ``.stringsdict`` (Apple), ``.properties`` (Java), ``.resx``
(.NET), ``.ftl`` (Fluent), and the subtitles ``.srt``/``.vtt``, whose blocks are keyed; the
multilingual ``.tmx``, ``.xcstrings`` and ``.csv``/``.tsv`` (a column per language), one file
holding every version
(:func:`load_versions`); anything else is read as plain text.  PO and XLIFF
files hold two versions: :func:`load_document` gives the translation and
:func:`load_source_document` the source, with blocks keyed by unit.  Each block
keeps code-point offsets into the decoded file text; its ``text`` has the
length of its span, with everything that is not prose replaced by spaces.
Heavy modules (markdown-it) are imported only when a file needs them.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from consistency.documents.locales import known_locale, locale_from_path, normalize_locale
from consistency.documents.reading import MAX_BYTES, read_text
from consistency.errors import InputError, LocaleError
from consistency.model import Block, Document

__all__ = [
    "MAX_BYTES",
    "PER_UNIT_SUFFIXES",
    "document_format",
    "is_multilingual",
    "known_locale",
    "load_document",
    "load_source_document",
    "load_versions",
    "locale_from_path",
    "normalize_locale",
    "parse_blocks",
    "read_text",
]

_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def document_format(path: str | os.PathLike[str]) -> str:
    """``'markdown'``, ``'html'`` or ``'text'``, from the file extension.

    >>> document_format("article.ja.md"), document_format("a.HTM"), document_format("notes")
    ('markdown', 'html', 'text')
    """
    return _FORMATS.get(os.path.splitext(os.fspath(path))[1].lower(), "text")


def parse_blocks(text: str, *, format: str = "text") -> tuple[Block, ...]:  # noqa: A002
    """The blocks of ``text`` read as ``format`` (see :func:`document_format`)."""
    return _parser(format)(text)


def load_document(
    path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None
) -> Document:
    """Load one version of an article.

    ``text`` (if given) is used instead of reading the file; ``locale``
    overrides the locale derived from the path (or, for HTML, from
    ``<html lang>``).  Raises :class:`~consistency.errors.InputError` for an
    unreadable file and :class:`~consistency.errors.LocaleError` when the
    locale is unknown or cannot be determined.
    """
    name = os.fspath(path)
    if (units := _unit_loaders(name)) is not None:  # PO, XLIFF: the translation
        return units[0](name, locale=locale, text=text)
    if (keyed := _keyed_loader(name)) is not None:  # JSON, YAML, Android, Apple: keyed strings
        return keyed(name, locale=locale, text=text)
    if is_multilingual(name):
        raise InputError(f"{name}: holds every language of the bundle; check it on its own")
    if text is None:
        text = read_text(name)
    form = document_format(name)
    tag = _resolve_locale(name, locale, text, form)
    return Document(path=name, locale=tag, text=text, blocks=parse_blocks(text, format=form))


def load_source_document(
    path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None
) -> Document:
    """The source version of a per-unit file: PO ``msgid``s, XLIFF and Qt ``<source>``s.

    Its blocks have the keys of :func:`load_document`'s blocks for the same
    file.  The locale is ``locale`` if given, else the one the file declares
    (PO ``X-Source-Language:``, XLIFF ``source-language``/``srcLang``), else
    English.  Raises :class:`~consistency.errors.InputError` for other files.
    """
    name = os.fspath(path)
    units = _unit_loaders(name)
    if units is None:
        raise InputError(f"{name}: only PO, XLIFF and Qt Linguist files have a source version")
    return units[1](name, locale=locale, text=text)


#: Per-unit formats: extension -> the module and functions giving their (translation, source) versions.
_UNIT_FORMATS = {
    ".po": ("po", "load_po", "load_po_source"), ".pot": ("po", "load_po", "load_po_source"),
    ".xlf": ("xliff", "load_xliff", "load_xliff_source"), ".xliff": ("xliff", "load_xliff", "load_xliff_source"),
    ".ts": ("qtts", "load_ts", "load_ts_source"),
}
#: The extensions of the per-unit formats, which carry their own source text (PO, XLIFF, Qt Linguist).
PER_UNIT_SUFFIXES: tuple[str, ...] = tuple(_UNIT_FORMATS)


def _loader(module: str, function: str) -> Callable[..., Document]:
    """``consistency.documents.<module>.<function>``, imported on first use."""
    from importlib import import_module

    return getattr(import_module(f"consistency.documents.{module}"), function)


def _unit_loaders(name: str) -> tuple[Callable[..., Document], Callable[..., Document]] | None:
    """The (translation, source) loaders of a per-unit format, imported on first use."""
    form = _UNIT_FORMATS.get(os.path.splitext(name)[1].lower())
    if form is None:
        return None
    module, translation, source = form
    return _loader(module, translation), _loader(module, source)


#: Keyed resource formats: extension -> the module and function loading one version.
_KEYED_FORMATS = {
    ".json": ("jsonres", "load_json"), ".arb": ("jsonres", "load_json"),
    ".yml": ("yamlres", "load_yaml"), ".yaml": ("yamlres", "load_yaml"),
    ".xml": ("android", "load_android"),
    ".strings": ("apple", "load_strings"), ".stringsdict": ("apple", "load_stringsdict"),
    ".srt": ("subtitles", "load_subtitles"), ".vtt": ("subtitles", "load_subtitles"),
    ".properties": ("javaprops", "load_properties"), ".resx": ("resx", "load_resx"), ".ftl": ("fluent", "load_fluent"),
}
_MULTILINGUAL_FORMATS = {".tmx": "tmx", ".xcstrings": "xcstrings", ".csv": "table", ".tsv": "table"}


def _keyed_loader(name: str) -> Callable[..., Document] | None:
    """The loader of a key-value resource format, imported on first use."""
    form = _KEYED_FORMATS.get(os.path.splitext(name)[1].lower())
    return _loader(*form) if form is not None else None


def is_multilingual(path: str | os.PathLike[str]) -> bool:
    """Whether one file holds every version (TMX, Apple String Catalog, a CSV or TSV table).

    >>> is_multilingual("memory.tmx"), is_multilingual("Localizable.xcstrings"), is_multilingual("de.po")
    (True, True, False)
    """
    return os.path.splitext(os.fspath(path))[1].lower() in _MULTILINGUAL_FORMATS


def load_versions(path: str | os.PathLike[str], *, text: str | None = None) -> list[Document]:
    """Every version held by a multilingual file (see :func:`is_multilingual`), its source
    language first.  Raises :class:`~consistency.errors.InputError` for other files."""
    name = os.fspath(path)
    form = _MULTILINGUAL_FORMATS.get(os.path.splitext(name)[1].lower())
    if text is None and form is not None:
        text = read_text(name)
    if form == "tmx":
        from consistency.documents.tmx import load_tmx, tmx_locales

        return [load_tmx(name, language=lang, text=text) for lang in tmx_locales(name, text=text)]
    if form == "xcstrings":
        from consistency.documents.apple import load_xcstrings, xcstrings_locales

        return [load_xcstrings(name, language=lang, text=text) for lang in xcstrings_locales(name, text=text)]
    if form == "table":
        from consistency.documents.table import load_table

        return load_table(name, text=text)
    raise InputError(f"{name}: not a multilingual file (TMX, .xcstrings, CSV/TSV with a column per language)")


def _resolve_locale(name: str, locale: str | None, text: str, form: str) -> str:
    """The explicit locale, else the path's, else (HTML) the document's ``lang``."""
    if locale is not None:
        return normalize_locale(locale)
    tag = locale_from_path(name)
    if tag is None and form == "html":
        from consistency.documents.html import html_lang

        lang = html_lang(text)
        tag = known_locale(lang) if lang else None
    if tag is None:
        raise LocaleError(
            f"{name}: cannot tell the locale from the file name; pass --locale {name}=TAG"
        )
    return tag


def _parser(form: str) -> Callable[[str], tuple[Block, ...]]:
    """The block parser of a format, imported on first use."""
    if form == "markdown":
        from consistency.documents.markdown import parse_markdown

        return parse_markdown
    if form == "html":
        from consistency.documents.html import parse_html

        return parse_html
    if form == "text":
        from consistency.documents.text import parse_text

        return parse_text
    raise ValueError(f"unknown document format {form!r}; expected one of html, markdown, text")
