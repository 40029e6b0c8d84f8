"""Names and quotations (NAM001-3, QUO001-3): detection, false alarms, speed.

Prints Markdown tables:

1. the seed pair ../shared/corpus/microsoft-ai-strategy/{ja,de}.txt: findings
   on the unchanged pair, then every mutation of :data:`MUTATIONS` (one name
   changed, one quotation given to another speaker or turned into indirect
   speech, in either version): detected when a new finding (any rule but
   COV001) has a location covering the edit; the detection rate;
2. NTREX-128 as 3-way bundles (en, de, ja; one block per sentence), only the
   name and quote rules: findings by rule per 100 sentence triples;
   ``--sample N`` prints N random findings with the sentences of every version
   for a human to judge;
3. speed of the full check with every rule (paragraphs per second, one core),
   on NTREX and on the seed pair.

    python benchmarks/names_quotes.py [--sample 30] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = CORPUS / "microsoft-ai-strategy"
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

TEXT_RULES = ("NAM001", "NAM002", "NAM003", "QUO001", "QUO002", "QUO003")

#: (edited version, old text, new text, what it is); each old text occurs once in its file
MUTATIONS: list[tuple[str, str, str, str]] = [
    ("de", "Noelle Walsh", "Noel Walsh", "name variant"),
    ("ja", "Noelle Walsh", "Noel Walsh", "name variant"),
    ("ja", "Michael Elias", "Michael Ellis", "name variant"),
    ("de", "Michael Elias", "Michael Ellis", "name variant"),
    ("de", "Mustafa Suleyman", "Mustafa Sulejman", "name variant"),
    ("ja", "Raimo Lenschow", "Raimo Lenschau", "name variant"),
    ("de", "Barclays-Analyst", "Goldman-Sachs-Analyst", "name conflict"),
    ("ja", "バークレイズ", "モルガン・スタンレー", "name conflict"),
    ("ja", "ニューヨーク", "ロンドン", "name conflict"),
    ("de", "in New York", "in London", "name conflict"),
    ("de", "in den USA und Europa", "in den USA und Asien", "name conflict"),
    ("ja", "米国とヨーロッパ", "米国とアジア", "name conflict"),
    ("de", "Laut Elias ist Google", "Laut Elias ist Amazon", "name conflict"),
    ("ja", "Metaがマイクロソフトによって", "Amazonがマイクロソフトによって", "name conflict"),
    ("de", "Das KI-Startup Cohere", "Das KI-Startup Anthropic", "name missing"),
    ("ja", "クラウド容量とNvidia GPU", "クラウド容量とGPU", "name missing"),
    ("de", "der TD-Cowen-Analyst Michael Elias", "ein Analyst", "name missing"),
    ("de", "fügte Elias hinzu", "fügte Lenschow hinzu", "quote speaker"),
    ("ja", "とEliasは付け加えた", "とLenschowは付け加えた", "quote speaker"),
    ("de", "schrieb Lenschow", "schrieb Elias", "quote speaker"),
    ("ja", "とLenschowは最近の投資家向けメモに書いている", "とEliasは最近の投資家向けメモに書いている", "quote speaker"),
    ("de", "bemerkte Elias", "bemerkte Walsh", "quote speaker"),
    ("ja", "とEliasは述べ", "とSuleymanは述べ", "quote speaker"),
    ("de", "‘Wir glauben jedoch weiterhin, dass die Stornierungen und Aufschübe von Mietverträgen auf ein "
           "Überangebot an Data Center-Kapazität im Verhältnis zu den aktuellen Nachfrageprognosen hindeuten’, "
           "fügte Elias hinzu.",
     "Elias fügte hinzu, er glaube weiterhin, dass die Stornierungen und Aufschübe von Mietverträgen auf ein "
     "Überangebot an Data Center-Kapazität im Verhältnis zu den aktuellen Nachfrageprognosen hindeuteten.",
     "quote paraphrased"),
    ("ja", "‘しかし、リースの中止と延期は、現在の需要予測と比較して、データセンター容量の過剰供給を示していると引き続き考えています’とEliasは付け加えた。",
     "Eliasは、リースの中止と延期は現在の需要予測と比較してデータセンター容量の過剰供給を示していると引き続き考えていると付け加えた。",
     "quote paraphrased"),
    ("de", "‘Beide Hyperscaler verzeichnen ein deutliches Wachstum der Data Center-Nachfrage im Jahresvergleich’, "
           "bemerkte Elias",
     "Elias bemerkte, beide Hyperscaler verzeichneten ein deutliches Wachstum der Data Center-Nachfrage im "
     "Jahresvergleich",
     "quote paraphrased"),
    ("ja", "’これらのハイパースケーラーはどちらも、データセンターの需要が前年比で大幅に増加している最中です’とEliasは述べ",
     "Eliasは、これらのハイパースケーラーはどちらもデータセンターの需要が前年比で大幅に増加している最中だと述べ",
     "quote paraphrased"),
    ("de", "‘Von Natur aus erfordert jedes bedeutende neue Unterfangen dieser Größenordnung Agilität und "
           "Feinabstimmung, während wir mit unseren Kunden lernen und uns weiterentwickeln. Das bedeutet, dass wir "
           "einige Projekte in frühen Phasen verlangsamen oder pausieren werden.’",
     "Von Natur aus erfordere jedes bedeutende neue Unterfangen dieser Größenordnung Agilität und "
     "Feinabstimmung. Das bedeute, dass man einige Projekte in frühen Phasen verlangsamen oder pausieren werde.",
     "quote paraphrased"),
]


def table(header: list[str], rows: list[list[object]], numeric_from: int = 1) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" if i >= numeric_from else "---" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    print()


def _documents(texts: dict[str, str]):
    from consistency.documents.text import parse_text
    from consistency.model import Document

    return [Document(path=f"{loc}.txt", locale=loc, text=t, blocks=tuple(parse_text(t))) for loc, t in texts.items()]


def run(texts: dict[str, str], rules, *, source: str | None = None, bundle: str = "seed"):
    from consistency.match.analysis import analyse

    an = analyse(bundle, _documents(texts), source=source)
    findings = []
    for rule in rules:
        if rule.kind != "unused-suppression":
            findings.extend(rule.load_check()(an, rule))
    return findings


def seed_texts() -> dict[str, str]:
    return {loc: (SEED / f"{loc}.txt").read_text(encoding="utf-8") for loc in ("ja", "de")}


def mutate(texts: dict[str, str], locale: str, old: str, new: str) -> tuple[dict[str, str], tuple[int, int]]:
    text = texts[locale]
    assert text.count(old) == 1, f"{old!r} should occur once in {locale}.txt"
    start = text.index(old)
    out = dict(texts)
    out[locale] = text.replace(old, new)
    i = 0
    while i < min(len(old), len(new)) and old[i] == new[i]:
        i += 1
    j = 0
    while j < min(len(old), len(new)) - i and old[-1 - j] == new[-1 - j]:
        j += 1
    return out, (start + i, max(start + i + 1, start + len(new) - j))


def detected(findings, locale: str, edit: tuple[int, int]) -> list:
    hits = []
    for f in findings:
        if f.rule == "COV001":
            continue
        for loc in f.locations:
            if loc.locale == locale and loc.start <= edit[0] and edit[1] <= max(loc.end, loc.start + 1):
                hits.append(f)
                break
    return hits


def seed_report() -> tuple[float, int]:
    from consistency.engine.registry import load_rules

    rules = load_rules().select((), (), {})
    texts = seed_texts()
    base = run(texts, rules)
    extra = [f for f in base if f.rule != "COV001"]
    print("### Seed pair, unchanged\n")
    table(["findings", "COV001", "others"], [[len(base), sum(f.rule == "COV001" for f in base), len(extra)]], 0)
    for f in extra:
        print(f"- {f.rule} {f.message}")
    rows = []
    hits = 0
    for locale, old, new, what in MUTATIONS:
        mutated, edit = mutate(texts, locale, old, new)
        findings = run(mutated, rules)
        found = detected(findings, locale, edit)
        new_findings = [f for f in findings if f.rule != "COV001"]
        hits += bool(found)
        rules_hit = ",".join(sorted({f.rule for f in found})) or "-"
        rows.append([f"{locale}: {old[:28]}… → {new[:24]}…" if len(old) > 30 else f"{locale}: {old} → {new}",
                     what, rules_hit, len(new_findings), "yes" if found else "**no**"])
    print("### Seed pair, one mutation at a time\n")
    table(["mutation", "kind", "rules at the edit", "findings (not COV001)", "detected"], rows, 2)
    rate = 100.0 * hits / len(MUTATIONS)
    print(f"Detection: {hits}/{len(MUTATIONS)} = {rate:.1f} %\n")
    return rate, len(extra)


def ntrex_report(sample: int, seed: int) -> None:
    import ntrex
    from consistency.match.analysis import analyse
    from consistency.engine.registry import load_rules

    if not ntrex.NTREX.is_dir():
        print("NTREX-128 not found; skipped.\n")
        return
    rules = [r for r in load_rules().select((), (), {}) if r.id in TEXT_RULES]
    all_rules = load_rules().select((), (), {})
    docs = ntrex.documents()
    triples = 0
    by_rule: Counter = Counter()
    found: list[tuple[str, object, list]] = []
    t_text = 0.0
    t_full = 0.0
    paragraphs = 0
    for doc_id, versions in docs.items():
        triples += len(versions["en"])
        documents = ntrex.as_documents(doc_id, versions)
        paragraphs += sum(len(d.blocks) for d in documents)
        an = analyse(doc_id, documents)
        t0 = time.perf_counter()
        for rule in rules:
            for f in rule.load_check()(an, rule):
                by_rule[f.rule] += 1
                found.append((doc_id, f, documents))
        t_text += time.perf_counter() - t0
        # full check, every rule, fresh analysis
        an2 = analyse(doc_id, ntrex.as_documents(doc_id, versions))
        t0 = time.perf_counter()
        for rule in all_rules:
            if rule.kind != "unused-suppression":
                list(rule.load_check()(an2, rule))
        t_full += time.perf_counter() - t0
    print("### NTREX-128, 3-way bundles (en, de, ja), name and quote rules only\n")
    rows = [[r, by_rule[r], f"{100.0 * by_rule[r] / triples:.2f}"] for r in TEXT_RULES]
    rows.append(["all", sum(by_rule.values()), f"{100.0 * sum(by_rule.values()) / triples:.2f}"])
    table(["rule", "findings", "per 100 triples"], rows)
    print(f"{len(docs)} documents, {triples} sentence triples.\n")
    print("### Speed (one core)\n")
    table(["what", "blocks", "seconds", "blocks per second"], [
        ["NTREX, names + quotes (extraction, matching, rules)", paragraphs, f"{t_text:.2f}",
         f"{paragraphs / t_text:.0f}" if t_text else "-"],
        ["NTREX, full check with every rule", paragraphs, f"{t_full:.2f}", f"{paragraphs / t_full:.0f}"],
    ])
    if sample:
        rng = random.Random(seed)
        picks = rng.sample(found, min(sample, len(found)))
        print(f"### {len(picks)} random findings (seed {seed}) for judgement\n")
        for doc_id, f, documents in picks:
            print(f"- **{f.rule}** {doc_id}: {f.message}")
            lines = set()
            for loc in f.locations:
                doc = next(d for d in documents if d.locale == loc.locale)
                for b, block in enumerate(doc.blocks):
                    if block.start <= loc.start < block.end or (loc.start <= block.start < loc.end):
                        lines.add(b)
            for b in sorted(lines)[:3]:
                for d in documents:
                    if b < len(d.blocks):
                        print(f"    - {d.locale} [{b + 1}] {d.blocks[b].text.strip()[:220]}")
        print()


def seed_speed(iterations: int = 20) -> None:
    from consistency.engine.registry import load_rules

    rules = load_rules().select((), (), {})
    texts = seed_texts()
    run(texts, rules)
    times = []
    for _ in range(iterations):
        t0 = time.perf_counter()
        run(texts, rules)
        times.append(time.perf_counter() - t0)
    times.sort()
    med = times[len(times) // 2]
    blocks = sum(len(d.blocks) for d in _documents(texts))
    table(["seed pair, full check (every rule)", "blocks", "median ms", "blocks per second"],
          [["ja + de", blocks, f"{med * 1000:.1f}", f"{blocks / med:.0f}"]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-ntrex", action="store_true")
    args = parser.parse_args(argv)
    if (SEED / "ja.txt").is_file():
        seed_report()
        seed_speed()
    else:
        print(f"seed article not found at {SEED}; skipped.\n")
    if not args.skip_ntrex:
        ntrex_report(args.sample, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
