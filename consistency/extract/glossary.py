"""Term bases (glossaries) read as name vocabularies: TBX and CSV.

A localization team keeps its terminology in a term base; Xbench, Verifika and CheckMate read
TBX.  A file ``*.tbx`` or ``*.csv`` in a vocabulary folder (``rules/vocab/`` of a rule dir, next
to the YAML vocabularies) adds each of its concepts as an :class:`~consistency.extract.vocabulary.Entity`
of type ``term`` (:class:`Concept` here): its preferred and admitted terms per language are the forms every version
must use (a version that drops the concept's term where another has it is NAM001, one that
names another concept there NAM003), its deprecated terms are forbidden (TRM001).

**TBX**: TBX-Basic and TBX-Core in the v2 (``<martif>``, ``termEntry``/``langSet``/``tig``) and
v3 (``<tbx>``, ``conceptEntry``/``langSec``/``termSec``) layouts, and TBX-Min (``entry``/
``langGroup``/``termGroup``).  A term's status is its ``termNote type="administrativeStatus"``
(``preferredTerm-admn-sts``, ``admittedTerm-admn-sts``: allowed; ``deprecatedTerm-admn-sts``,
``supersededTerm-admn-sts``: forbidden) or TBX-Min's ``termStatus`` (``preferred``, ``admitted``;
``notRecommended``, ``obsolete``: forbidden).  The XML is parsed with expat: a document type
declaration may name its DTD, but no entity may be declared, and nothing external is read.

**CSV** (UTF-8, a header row): one column per locale tag (``en``, ``de``, ``pt-BR``) holding
that language's terms, several separated by ``|``, the first preferred; optional columns
``id`` and ``note``; a column ``forbidden:<locale>`` holds the terms forbidden in that locale.

>>> [(e.id, e.forms, e.forbidden) for e in load_glossary("g.csv", text="id,en,de,forbidden:de\\nsf,solar farm,Solarpark,Sonnenfarm\\n")]
[('term:sf', {'en': ('solar farm',), 'de': ('Solarpark',)}, {'de': ('Sonnenfarm',)})]
"""

from __future__ import annotations

import csv
import io
import os
from xml.parsers import expat

from dataclasses import dataclass

from ..errors import ConfigError

__all__ = ["Concept", "load_glossary"]


@dataclass(frozen=True)
class Concept:
    """One concept of a term base: its allowed and its forbidden terms per locale
    (:mod:`consistency.extract.vocabulary` makes it an entity of type ``term``)."""

    id: str
    forms: dict[str, tuple[str, ...]]
    forbidden: dict[str, tuple[str, ...]] | None = None
    type: str = "term"

_ENTRY = {"termEntry", "conceptEntry", "entry"}
_LANGUAGE = {"langSet", "langSec", "langGroup"}
_TERM_GROUP = {"tig", "ntig", "termSec", "termGroup"}
_FORBIDDEN = {"deprecatedterm-admn-sts", "supersededterm-admn-sts", "notrecommended", "obsolete", "deprecated",
              "forbidden"}
_XML_LANG = "http://www.w3.org/XML/1998/namespace lang"


def load_glossary(path: str | os.PathLike[str], *, text: str | None = None) -> list[Concept]:
    """The concepts of a TBX or CSV term base."""
    name = os.fspath(path)
    if text is None:
        from ..documents.reading import read_text

        text = read_text(name)
    if name.lower().endswith(".tbx"):
        return _tbx(name, text)
    return _csv(name, text)


def _entity(ident: str, allowed: dict[str, list[str]], forbidden: dict[str, list[str]]) -> Concept:
    return Concept(id=f"term:{ident}", forms={k: tuple(dict.fromkeys(v)) for k, v in allowed.items() if v},
                   forbidden={k: tuple(dict.fromkeys(v)) for k, v in forbidden.items() if v} or None)


def _csv(name: str, text: str) -> list[Concept]:
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    locales = {i: h for i, h in enumerate(header) if h and h not in ("id", "note", "type")}
    if not any(not h.startswith("forbidden:") for h in locales.values()):
        raise ConfigError(f"{name}: a CSV glossary needs a header row naming a locale per column (en,de,ja)")
    out = []
    for number, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        allowed: dict[str, list[str]] = {}
        forbidden: dict[str, list[str]] = {}
        for i, cell in enumerate(row):
            column = locales.get(i)
            terms = [t.strip() for t in cell.split("|") if t.strip()]
            if column is None or not terms:
                continue
            if column.startswith("forbidden:"):
                forbidden.setdefault(column.split(":", 1)[1], []).extend(terms)
            else:
                allowed.setdefault(column, []).extend(terms)
        ident = row[header.index("id")].strip() if "id" in header and header.index("id") < len(row) else ""
        out.append(_entity(ident or f"{os.path.basename(name)}:{number}", allowed, forbidden))
    return out


def _tbx(name: str, text: str) -> list[Concept]:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    entities: list[Concept] = []
    stack: list[str] = []
    state: dict = {}

    def refuse(*_args) -> None:
        raise ConfigError(f"{name}: declares an XML entity; term bases are read without entities")

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(" ", 1)[-1]
        stack.append(local)
        if local in _ENTRY:
            state.clear()
            state.update(id=attrs.get("id") or f"{os.path.basename(name)}:{len(entities) + 1}",
                         allowed={}, forbidden={}, lang=None, term=None, status=None, text=[])
        elif local in _LANGUAGE and state:
            state["lang"] = attrs.get(_XML_LANG) or attrs.get("lang")
        elif local in _TERM_GROUP and state:
            state.update(term=None, status=None)
        elif state and (local == "term" or local == "termStatus"
                        or (local == "termNote" and attrs.get("type") == "administrativeStatus")):
            state["text"] = []
            state["reading"] = local

    def data(chunk: str) -> None:
        if state.get("reading"):
            state["text"].append(chunk)

    def end(tag: str) -> None:
        local = tag.rsplit(" ", 1)[-1]
        stack.pop()
        if not state:
            return
        if state.get("reading") == local:
            value = " ".join("".join(state["text"]).split())
            state["term" if local == "term" else "status"] = value
            state["reading"] = None
        if local in _TERM_GROUP or (local == "term" and not any(s in _TERM_GROUP for s in stack)):
            _close_term(state)
        elif local in _ENTRY:
            _close_term(state)
            entities.append(_entity(state["id"], state["allowed"], state["forbidden"]))
            state.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = lambda *args: 0
    try:
        parser.Parse(text.removeprefix("\ufeff"), True)
    except expat.ExpatError as exc:
        raise ConfigError(f"{name}: malformed TBX at line {exc.lineno}: {expat.ErrorString(exc.code)}") from None
    return entities


def _close_term(state: dict) -> None:
    term, lang = state.get("term"), state.get("lang")
    if term and lang:
        bad = (state.get("status") or "").casefold() in _FORBIDDEN
        state["forbidden" if bad else "allowed"].setdefault(lang, []).append(term)
    state["term"] = state["status"] = None
