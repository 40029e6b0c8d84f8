"""Every language of NTREX-128 paired with English: false alarms and recall of figures and dates.

../shared/corpus/ntrex128 holds the same 1,997 news sentences in English and 20 translations. For each
language L, each document becomes an en/L bundle (one block per sentence) and is checked with the
figure and date rules (QTY001, QTY002, QTY003, DAT001, DAT002):

- **findings per 100 sentence pairs** on the real translations, by rule. Most are false alarms (a
  figure misread or a conversion not recognised); some are real drift in the translations;
- **recall on mutations made without the extractor**, so that a figure the extractor cannot read is a
  miss: (digit) in one sentence of the translation, one run of digits is changed (×10, or +1 to a
  non-leading digit; +1 to the last digit where ×10 would keep the value: a run of zeros, or the
  digits after a comma, period or colon, a decimal fraction or minutes in most languages); (unit) in the English, a unit word is replaced by another of the same
  dimension (kilometres ↔ miles, …) right after a number in digits; (scale) in the English, million ↔
  billion after a number in digits (a unit word with no number, "for hours", states no figure). A
  mutation counts as found when the mutated bundle gives a figure or date finding on the mutated
  sentence that the unmutated bundle does not.

Mutations are drawn with a fixed seed, so two revisions see the same ones. Compare two revisions side
by side in one run with ``--base REV`` (checked out into a temporary git worktree). ``--names`` counts
the name and quotation rules' findings (NAM001-3, QUO001-3) on the real pairs instead, without
mutations. ``--untranslated`` counts COV002 (untranslated passages) and the figure rules on the real
pairs, and plants copies: a translated sentence replaced by its English source sentence, found when
COV002 reports that sentence; "figures misread" counts the copies with a figure on which a figure or
date rule reports something (read with the translation's number conventions, an English ``1,500``
in the German version was one and a half):

    python benchmarks/languages.py [--languages de,sv,...|all] [--mutations 40] [--base REV] [--names | --untranslated]
                                   [--corpus NTREX-128-FOLDER]

``--corpus`` measures another folder of NTREX-128 files, such as ``NTREX-128/`` of a clone of
github.com/MicrosoftTranslator/NTREX, which holds all 128 languages (``--languages all``, or file
codes such as ``fra,ces,tur``); languages this project was not developed on are then measured too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the corpus folder: ../shared/corpus/ntrex128, or ``--corpus`` (passed on to the measuring processes)
NTREX = Path(os.environ.get("CLAIM_CONSISTENCY_NTREX", ROOT.parent / "shared" / "corpus" / "ntrex128"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import table  # noqa: E402  (benchmarks/tables.py)

LANGUAGES = {  # NTREX file code -> locale
    "deu": "de", "jpn": "ja", "spa": "es", "ita": "it", "por": "pt", "nld": "nl", "rus": "ru", "hin": "hi",
    "pol": "pl", "swe": "sv", "fin": "fi", "ell": "el", "arb": "ar", "ind": "id", "tha": "th", "ron": "ro",
    "hun": "hu", "dan": "da", "bul": "bg", "fas": "fa",
}
RULES = ("QTY001", "QTY002", "QTY003", "DAT001", "DAT002")
#: ``--names``: the name and quotation rules
NAME_RULES = ("NAM001", "NAM002", "NAM003", "QUO001", "QUO002", "QUO003")
#: ``--untranslated``: untranslated passages, and the figure rules on the copies
COPY_RULES = ("COV002", *RULES)
UNITS = [  # English unit words, each with another of the same dimension
    ("kilometres", "miles"), ("kilometers", "miles"), ("miles", "kilometres"), ("metres", "feet"),
    ("meters", "feet"), ("feet", "metres"), ("kilograms", "pounds"), ("pounds", "kilograms"),
    ("tonnes", "tons"), ("tons", "tonnes"), ("litres", "gallons"), ("liters", "gallons"),
    ("gallons", "litres"), ("hours", "days"), ("days", "weeks"), ("weeks", "months"), ("months", "years"),
    ("years", "months"), ("minutes", "hours"), ("per cent", "points"), ("degrees", "percent"),
    ("inches", "centimetres"), ("centimetres", "inches"), ("hectares", "acres"), ("acres", "hectares"),
]
SCALES = [("million", "billion"), ("billion", "million"), ("thousand", "million")]


def locale_of(code: str) -> str:
    """The locale of an NTREX file code: ours for the 20 languages above, else CLDR's alias of the
    ISO 639-3 code (``ces`` -> ``cs``, ``srp-Cyrl`` -> ``sr-Cyrl``, ``zho-CN`` -> ``zh-CN``)."""
    if code in LANGUAGES:
        return LANGUAGES[code]
    from babel.core import get_global

    base, _, rest = code.partition("-")
    return "-".join(filter(None, [get_global("language_aliases").get(base, base).replace("_", "-"), rest]))


def _known_locale(tag: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return False
    return True


def available(corpus: Path) -> list[str]:
    """The codes of every translation in ``corpus`` (NTREX-128's ``newstest2019-ref.CODE.txt``)."""
    return sorted(p.name[len("newstest2019-ref."):-len(".txt")] for p in corpus.glob("newstest2019-ref.*.txt"))


def read_lines(name: str) -> list[str]:
    path = NTREX / name
    if not path.exists() and (NTREX.parent / name).exists():
        path = NTREX.parent / name  # the NTREX repository keeps DOCUMENT_IDS.tsv beside NTREX-128/
    text = path.read_bytes().decode("utf-8")
    return text.split("\n")[:-1] if text.endswith("\n") else text.splitlines()


def documents(code: str) -> "OrderedDict[str, tuple[list[str], list[str]]]":
    ids = read_lines("DOCUMENT_IDS.tsv")
    en = read_lines("newstest2019-src.eng.txt")
    other = read_lines(f"newstest2019-ref.{code}.txt")
    out: OrderedDict[str, tuple[list[str], list[str]]] = OrderedDict()
    for i, doc in enumerate(ids):
        a, b = out.setdefault(doc, ([], []))
        a.append(en[i].strip())
        b.append(other[i].strip())
    return out


def mutate_digits(sentence: str, rng: random.Random) -> str | None:
    runs = list(re.finditer(r"\d+", sentence))
    if not runs:
        return None
    m = rng.choice(runs)
    digits = m.group()
    if len(digits) > 1 and rng.random() < 0.5:
        k = rng.randrange(1, len(digits))
        new = digits[:k] + str((int(digits[k]) + 1) % 10) + digits[k + 1:]
    else:
        new = digits + "0"
    if new == digits + "0" and (not digits.strip("0") or re.search(r"\d[.,:]$", sentence[:m.start()])):
        # ×10 would change no value: zeros (1-0 → 1-00), or the digits after a separator, which in
        # most of these languages are a decimal fraction (4,8 → 4,80) or minutes: +1 to the last
        # digit instead (the random draws stay as they were, so the other mutations do not move)
        new = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    return sentence[:m.start()] + new + sentence[m.end():]


def _after_number(word: str) -> str:
    """A unit or scale word right after a number written in digits (``35 kilometres``, ``2.5-million``):
    the word states a figure, so changing it changes a figure."""
    return rf"(?<=\d)(\s?-?){re.escape(word)}(?![A-Za-z])"


def mutate_word(sentence: str, pairs, rng: random.Random) -> str | None:
    options = [(m, b) for a, b in pairs for m in re.finditer(_after_number(a), sentence)]
    if not options:
        return None
    m, b = rng.choice(options)
    return sentence[:m.start()] + m.group(1) + b + sentence[m.end():]


def plan(code: str, per_kind: int, seed: int = 7) -> list[dict]:
    """The mutations for one language: ``{doc, side, index, text, kind}``."""
    rng = random.Random(f"{seed}-{code}")
    docs = documents(code)
    candidates: dict[str, list[dict]] = {"digit": [], "unit": [], "scale": []}
    for doc, (en, other) in docs.items():
        for i, (s_en, s_other) in enumerate(zip(en, other)):
            if re.search(r"\d", s_other) and re.search(r"\d", s_en):
                candidates["digit"].append({"doc": doc, "side": "other", "index": i, "kind": "digit"})
            if any(re.search(_after_number(a), s_en) for a, _ in UNITS):
                candidates["unit"].append({"doc": doc, "side": "en", "index": i, "kind": "unit"})
            if any(re.search(_after_number(a), s_en) for a, _ in SCALES):
                candidates["scale"].append({"doc": doc, "side": "en", "index": i, "kind": "scale"})
    out = []
    for kind, items in candidates.items():
        rng.shuffle(items)
        for item in items[:per_kind]:
            en, other = docs[item["doc"]]
            sentence = (en if item["side"] == "en" else other)[item["index"]]
            if kind == "digit":
                new = mutate_digits(sentence, rng)
            else:
                new = mutate_word(sentence, UNITS if kind == "unit" else SCALES, rng)
            if new and new != sentence:
                out.append({**item, "text": new})
    return out


def plan_copies(code: str, per_kind: int, seed: int = 7) -> list[dict]:
    """Copies for one language: a translated sentence replaced by the English one (4 words or more)."""
    rng = random.Random(f"{seed}-copy-{code}")
    docs = documents(code)
    items = [{"doc": doc, "side": "other", "index": i, "kind": "copy", "text": s_en}
             for doc, (en, other) in docs.items() for i, (s_en, s_other) in enumerate(zip(en, other))
             if s_en.strip() != s_other.strip() and len(s_en.split()) >= 4]
    rng.shuffle(items)
    return items[:per_kind]


def run_language(code: str, per_kind: int, rule_ids: tuple[str, ...] = RULES) -> dict:
    """Findings per rule on the real pairs, and which mutations are found (in this process's code)."""
    os.environ["CLAIM_CONSISTENCY_NO_NOTES"] = "1"
    from consistency.documents.text import parse_text
    from consistency.match.analysis import analyse
    from consistency.engine.registry import load_rules
    from consistency.model import Document

    locale = locale_of(code)
    rules = [r for r in load_rules() if r.id in rule_ids]

    def check(doc: str, en: list[str], other: list[str]) -> list[tuple[str, int]]:
        docs = []
        for loc, sentences in (("en", en), (locale, other)):
            text = "\n\n".join(sentences) + "\n"
            docs.append(Document(path=f"{doc}.{loc}.txt", locale=loc, text=text, blocks=tuple(parse_text(text))))
        an = analyse(doc, docs)
        found = []
        for rule in rules:
            for f in rule.load_check()(an, rule):
                for loc in f.locations:
                    found.append((f.rule, loc.locale, docs[0 if loc.locale == "en" else 1].text.count("\n\n", 0, loc.start)))
        return found

    docs = documents(code)
    pairs = sum(len(en) for en, _ in docs.values())
    counts: Counter[str] = Counter()
    base: dict[str, set] = {}
    for doc, (en, other) in docs.items():
        got = check(doc, en, other)
        base[doc] = set(got)
        counts.update(r for r, loc, _i in got if loc == locale)
    results = []
    copies = "COV002" in rule_ids
    for m in ((plan_copies if copies else plan)(code, per_kind) if per_kind else []):
        en, other = docs[m["doc"]]
        en, other = list(en), list(other)
        (en if m["side"] == "en" else other)[m["index"]] = m["text"]
        got = set(check(m["doc"], en, other)) - base[m["doc"]]
        here = {r for r, _loc, i in got if i == m["index"]}
        results.append({"kind": m["kind"], "found": ("COV002" in here) if copies else bool(here),
                        "misread": bool(here - {"COV002"}) if re.search(r"\d", m["text"]) else None})
    return {"pairs": pairs, "counts": dict(counts), "mutations": results}


def measure(code_dir: Path, languages: list[str], per_kind: int, rule_ids: tuple[str, ...] = RULES) -> dict[str, dict]:
    probe = (f"import sys, json; sys.path[:0] = [{str(code_dir)!r}, {str(Path(__file__).resolve().parent)!r}]; "
             f"import languages; print(json.dumps({{c: languages.run_language(c, {per_kind}, {rule_ids!r}) "
             f"for c in {languages!r}}}))")
    env = {**os.environ, "PYTHONPATH": str(code_dir), "CLAIM_CONSISTENCY_NO_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False,
                         timeout=7200)
    if out.returncode:
        raise SystemExit(out.stderr[-2000:])
    return json.loads(out.stdout)


#: the mutation kinds each mode plants (``misread``: the copies with a figure that a figure rule reports)
KINDS_OF = {RULES: ("digit", "unit", "scale"), NAME_RULES: (), COPY_RULES: ("copy", "misread")}


def rows_of(data: dict[str, dict], rule_ids: tuple[str, ...] = RULES) -> tuple[list[list], dict[str, float]]:
    rows = []
    totals: Counter[str] = Counter()
    for code, d in data.items():
        per100 = 100 * sum(d["counts"].values()) / d["pairs"]
        recall = {}
        for kind in KINDS_OF[rule_ids]:
            items = [m["misread"] for m in d["mutations"] if m["kind"] == "copy" and m["misread"] is not None] \
                if kind == "misread" else [m["found"] for m in d["mutations"] if m["kind"] == kind]
            recall[kind] = (sum(items), len(items))
            totals[kind + "_found"] += sum(items)
            totals[kind + "_all"] += len(items)
        totals["findings"] += sum(d["counts"].values())
        totals["pairs"] += d["pairs"]
        rows.append([code, locale_of(code), f"{per100:.2f}",
                     " ".join(f"{r} {d['counts'].get(r, 0)}" for r in rule_ids),
                     *(f"{f}/{n}" for f, n in recall.values())])
    summary = {"per100": 100 * totals["findings"] / max(1, totals["pairs"]),
               **{k: 100 * totals[k + "_found"] / max(1, totals[k + "_all"]) for k in KINDS_OF[rule_ids]}}
    return rows, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default=",".join(LANGUAGES),
                        help="NTREX file codes or locales, comma-separated, or 'all' (every translation in the corpus)")
    parser.add_argument("--corpus", type=Path,
                        help="a folder of NTREX-128 files (default ../shared/corpus/ntrex128; the full set of 128 "
                             "languages is NTREX-128/ of github.com/MicrosoftTranslator/NTREX)")
    parser.add_argument("--mutations", type=int, default=40, help="mutations per kind and language")
    parser.add_argument("--base", help="a git revision to measure side by side")
    parser.add_argument("--names", action="store_true",
                        help="the name and quotation rules' findings on the real pairs instead (no mutations)")
    parser.add_argument("--untranslated", action="store_true",
                        help="COV002 and the figure rules on the real pairs, and planted untranslated sentences")
    args = parser.parse_args()
    rule_ids = NAME_RULES if args.names else COPY_RULES if args.untranslated else RULES
    per_kind = 0 if args.names else args.mutations
    global NTREX
    if args.corpus is not None:
        NTREX = args.corpus.resolve()
        os.environ["CLAIM_CONSISTENCY_NTREX"] = str(NTREX)  # the measuring processes read the same files
    if not NTREX.is_dir():
        raise SystemExit(f"skipped: {NTREX} is absent")
    present = available(NTREX)
    wanted = args.languages.split(",")
    codes = present if wanted == ["all"] else \
        [c for c in wanted if c in present] or [c for c in present if locale_of(c) in wanted]
    codes = [c for c in codes if not c.startswith("eng")]  # English against English measures nothing
    unknown = [c for c in codes if not _known_locale(locale_of(c))]
    if unknown:
        print(f"left out, locales CLDR (babel) does not know: {', '.join(unknown)}\n")
        codes = [c for c in codes if c not in unknown]
    runs = {"now": ROOT}
    tmp = None
    if args.base:
        tmp = tempfile.mkdtemp()
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        runs = {args.base: base, "now": ROOT}
    try:
        summaries = {}
        for label, code_dir in runs.items():
            rows, summary = rows_of(measure(code_dir, codes, per_kind, rule_ids), rule_ids)
            summaries[label] = summary
            if args.names:
                print(f"## {label}: names and quotations, each language against English (NTREX-128)\n")
                table(["file", "locale", "findings /100 pairs", "by rule"], [r[:4] for r in rows], numeric_from=2)
            elif args.untranslated:
                print(f"## {label}: untranslated sentences, each language against English (NTREX-128)\n")
                table(["file", "locale", "findings /100 pairs", "by rule", "copies found", "copies with figures misread"],
                      rows, numeric_from=2)
            else:
                print(f"## {label}: figures and dates, each language against English (NTREX-128)\n")
                table(["file", "locale", "findings /100 pairs", "by rule", "digit found", "unit found", "scale found"],
                      rows, numeric_from=2)
        print("## Summary\n")
        if args.names:
            table(["code", "findings /100 pairs"], [[label, f"{s['per100']:.2f}"] for label, s in summaries.items()])
        elif args.untranslated:
            table(["code", "findings /100 pairs", "copies found %", "copies with figures misread %"],
                  [[label, f"{s['per100']:.2f}", f"{s['copy']:.0f}", f"{s['misread']:.0f}"]
                   for label, s in summaries.items()])
        else:
            table(["code", "findings /100 pairs", "recall digit %", "recall unit %", "recall scale %"],
                  [[label, f"{s['per100']:.2f}", f"{s['digit']:.0f}", f"{s['unit']:.0f}", f"{s['scale']:.0f}"]
                   for label, s in summaries.items()])
    finally:
        if tmp:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(Path(tmp) / "base")],
                           check=False)


if __name__ == "__main__":
    main()
