"""Shared loader: NTREX-128 documents as in-memory bundles (eng, deu, jpn).

Each sentence becomes one block, so alignment is exercised on real sentence
lengths; the corpus itself is line-aligned, which lets us count sentence
triples. Reads ../shared/corpus/ntrex128; callers skip when it is absent.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT.parent / "shared" / "corpus" / "ntrex128"
FILES = {"en": "newstest2019-src.eng.txt", "de": "newstest2019-ref.deu.txt", "ja": "newstest2019-ref.jpn.txt"}


def read_lines(name: str) -> list[str]:
    text = (NTREX / name).read_bytes().decode("utf-8")
    return [line.rstrip("\r") for line in text.split("\n")][:-1] if text.endswith("\n") else text.splitlines()


def documents(limit: int | None = None) -> "OrderedDict[str, dict[str, list[str]]]":
    """``{doc_id: {locale: [sentences]}}`` in corpus order."""
    ids = read_lines("DOCUMENT_IDS.tsv")
    per_locale = {loc: read_lines(name) for loc, name in FILES.items()}
    out: OrderedDict[str, dict[str, list[str]]] = OrderedDict()
    for i, doc_id in enumerate(ids):
        entry = out.setdefault(doc_id, {loc: [] for loc in FILES})
        for loc in FILES:
            entry[loc].append(per_locale[loc][i])
        if limit and len(out) > limit:
            out.popitem()
            break
    return out


def as_documents(doc_id: str, versions: dict[str, list[str]]):
    """consistency Documents, one block per sentence, joined by blank lines."""
    from consistency.documents.text import parse_text
    from consistency.model import Document

    docs = []
    for loc, sentences in versions.items():
        text = "\n\n".join(s.strip() for s in sentences) + "\n"
        docs.append(Document(path=f"{doc_id}.{loc}.txt", locale=loc, text=text, blocks=tuple(parse_text(text))))
    return docs
