""".NET ``.resx`` resource files (``Strings.de.resx``).

One block per string resource, ``<data name="…"><value>…</value></data>``, keyed by its name;
a resource with a ``type`` or ``mimetype`` attribute (an image, a serialized object) and the
``<resheader>`` and ``<metadata>`` entries are no text and are left out. XML references are
decoded in place; composite-format items (``{0}``, ``{0:N2}``) are placeholders. Parsed safely
(no DTD, no entities: :mod:`consistency.documents.xmlscan`).

The locale comes from the culture before the extension (``Strings.de.resx``,
``Strings.zh-Hans.resx``); the neutral file without one (``Strings.resx``) holds the default
culture, read as English unless ``--locale Strings.resx=TAG`` says otherwise.

>>> xml = '<root><data name="size" xml:space="preserve"><value>5 GB</value></data></root>'
>>> doc = load_resx("Strings.de.resx", text=xml)
>>> doc.locale, [(b.key, b.text) for b in doc.blocks]
('de', [('size', '5 GB')])
"""

from __future__ import annotations

import os
import re

from consistency.documents.keyed import Entry, blocks_of
from consistency.documents.locales import version_locale
from consistency.documents.reading import read_text
from consistency.documents.xmlscan import content, scan
from consistency.model import Document

__all__ = ["load_resx"]

_WANTED = frozenset({"value"})
#: composite-format items, which mask_placeholders leaves: {0:N2}, {1,10}
_FORMAT_ITEM = re.compile(r"\{\d+(?:,-?\d+)?(?::[^{}]*)?\}")


def load_resx(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of an app's strings from a .NET ``.resx`` file."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    _root, elements = scan(name, text, _WANTED, root="root", what="a .resx resource file")
    chars: dict[Entry, list[str]] = {}
    for el in elements:
        if el.ancestors != ("root", "data"):
            continue
        attrs = el.ancestor_attrs[-1]
        if "type" in attrs or "mimetype" in attrs:
            continue
        start, end, raw = content(text, el)
        decoded = "".join(raw)
        decoded = _FORMAT_ITEM.sub(lambda m: " " * len(m.group()), decoded)
        chars[Entry(attrs.get("name", ""), start, end)] = list(decoded)
    blocks = blocks_of(text, chars, lambda e: chars[e], "string")
    return Document(path=name, locale=version_locale(name, locale, default="en"), text=text, blocks=blocks)
