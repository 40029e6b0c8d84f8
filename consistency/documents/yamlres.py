"""YAML resource files: Rails i18n (``config/locales/de.yml``) and other nested key-value YAML.

One block per string scalar, keyed by its dotted path.  A file whose single root key is a
locale (Rails: ``de:``) has that locale and the root key is not part of the keys; otherwise the
locale comes from the path.  Plural sub-keys named by CLDR categories (``one:``, ``few:``…)
keep only ``other`` (see :mod:`consistency.documents.keyed`).

Loaded with PyYAML's *safe* composer (no Python objects are ever built).  Anchors and aliases
are followed, but a file that expands to more than :data:`MAX_NODES` nodes (a "billion laughs"
alias bomb) is refused with a one-line error.  Each scalar's text is mapped back onto its span
in the file: plain and single-quoted scalars exactly, double-quoted and block scalars by
matching the value's characters in order (an escape such as ``\\u00a0`` is left blank).
"""

from __future__ import annotations

import os

from consistency.documents.keyed import PLURAL_CATEGORIES, Entry, blocks_of
from consistency.documents.locales import known_locale, locale_from_path, normalize_locale
from consistency.documents.reading import read_text
from consistency.errors import InputError, LocaleError
from consistency.model import Document

__all__ = ["MAX_NODES", "load_yaml"]

#: Nodes visited at most while walking a YAML resource file (aliases included).
MAX_NODES = 200_000
_OTHER_CATEGORIES = frozenset(PLURAL_CATEGORIES) - {"other"}


def load_yaml(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of an app's strings from a YAML resource file."""
    import yaml

    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{name}{where}: malformed YAML: {problem}") from None
    except RecursionError:
        raise InputError(f"{name}: malformed YAML: nested too deeply") from None
    if root is None:
        return Document(path=name, locale=_locale(name, locale, None), text=text, blocks=())
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"{name}: not a YAML resource file (the top level is not a mapping)")
    declared = None
    prefix: tuple[str, ...] = ()
    if len(root.value) == 1 and isinstance(root.value[0][0], yaml.ScalarNode):
        declared = known_locale(str(root.value[0][0].value))
        if declared is not None and isinstance(root.value[0][1], yaml.MappingNode):
            root, prefix = root.value[0][1], ()
    entries: list[Entry] = []
    chars: dict[Entry, list[str]] = {}
    for keys, node in _scalars(name, root, prefix):
        if keys and keys[-1] in _OTHER_CATEGORIES:
            continue
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("'", '"') and end - start >= 2:
            start, end = start + 1, end - 1  # inside the quotes
        entry = Entry(".".join(keys), start, end)
        entries.append(entry)
        chars[entry] = _mapped(text[start:end], str(node.value), node.style)
    blocks = blocks_of(text, entries, lambda e: chars[e], "string")
    return Document(path=name, locale=_locale(name, locale, declared), text=text, blocks=blocks)


def _scalars(name: str, root, prefix: tuple[str, ...]):
    import yaml

    budget = MAX_NODES
    stack = [(prefix, root)]
    while stack:
        keys, node = stack.pop()
        budget -= 1
        if budget < 0:
            raise InputError(f"{name}: YAML expands to more than {MAX_NODES} nodes (an alias bomb?)")
        if isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                stack.append((keys + (str(k.value) if isinstance(k, yaml.ScalarNode) else "?",), v))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in reversed(list(enumerate(node.value))):
                stack.append((keys + (str(i),), v))
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            yield keys, node


def _mapped(raw: str, value: str, style: str | None) -> list[str]:
    """``value``'s characters placed on ``raw`` (the scalar as written), the rest blank."""
    if style is None and raw == value:
        return list(raw)
    chars = [" "] * len(raw)
    i = 0
    for ch in value:
        if ch.isspace() and not (i < len(raw) and raw[i] == ch):
            continue  # a folded line break or an indentation: blank
        j = raw.find(ch, i)
        if j < 0:
            continue  # written as an escape: blank
        chars[j] = ch
        i = j + 1
    return chars


def _locale(name: str, locale: str | None, declared: str | None) -> str:
    if locale is not None:
        return normalize_locale(locale)
    tag = declared or locale_from_path(name)
    if tag is None:
        raise LocaleError(f"{name}: cannot tell the locale from the root key or the path; pass --locale {name}=TAG")
    return tag
