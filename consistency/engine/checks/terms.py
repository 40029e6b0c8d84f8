"""The terminology rule: TRM001 (a term the glossary forbids).

A glossary (a TBX or CSV term base in a vocabulary folder, :mod:`consistency.extract.glossary`)
marks some terms of a concept deprecated or forbidden in a language.  Its concepts are read as
name vocabulary entities, so a forbidden term is found as a mention of its concept (and the
name rules do not report the concept as missing); this rule reports each such mention, with the
term the glossary prefers in that language.  A term followed by an inflection (``Sonnenfarmen``
for the forbidden ``Sonnenfarm``) counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...extract.vocabulary import default_vocabulary, fold_form
from ...model import Finding
from .common import finding, location

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis

__all__ = ["check_term_forbidden"]


def check_term_forbidden(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """TRM001: a version writes a term its glossary forbids for the version's locale."""
    vocabulary = an.vocabulary if an.vocabulary is not None else default_vocabulary()
    entities = vocabulary.index
    for v, doc in enumerate(an.documents):
        for mentions in an.names[v]:
            for mention in mentions:
                ident = mention.entity or ""
                if not ident.startswith("vocab:"):
                    continue
                entity = entities.get(ident[len("vocab:"):])
                forbidden = [fold_form(t) for t in entity.forbidden_for(doc.locale)] if entity is not None else []
                written = fold_form(mention.text)
                term = next((t for t in forbidden if written == t or written.startswith(t)), None)
                if term is None:
                    continue
                preferred = entity.forms_for(doc.locale) if entity is not None else ()
                message = rule.format_message(locale=doc.locale, text=mention.text,
                                              other_text=preferred[0] if preferred else "(no term for this locale)")
                yield finding(an, rule, message, [location(an, v, mention.start, mention.end, "deviant", None)],
                              f"{mention.entity}:{term}")
