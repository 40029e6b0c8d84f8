"""Document loaders: turn a file into a :class:`~consistency.model.Document`.

>>> doc = load_document("article.de.txt", text="Erster Absatz.\\n\\nZweiter Absatz.\\n")
>>> doc.locale, [block.text for block in doc.blocks]
('de', ['Erster Absatz.', 'Zweiter Absatz.'])

Formats are chosen by extension: ``.md``/``.markdown`` (Markdown),
``.html``/``.htm`` (HTML), anything else is read as plain text.  Each block
keeps code-point offsets into the decoded file text; its ``text`` has the
length of its span, with everything that is not prose replaced by spaces.
Heavy modules (markdown-it) are imported only when a file needs them.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from consistency.documents.locales import known_locale, locale_from_path, normalize_locale
from consistency.documents.reading import MAX_BYTES, read_text
from consistency.errors import LocaleError
from consistency.model import Block, Document

__all__ = [
    "MAX_BYTES",
    "document_format",
    "known_locale",
    "load_document",
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
    if text is None:
        text = read_text(name)
    form = document_format(name)
    tag = _resolve_locale(name, locale, text, form)
    return Document(path=name, locale=tag, text=text, blocks=parse_blocks(text, format=form))


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
