"""Sharper matching, measured: planted errors of each kind and legitimate variants, per kind.

    python benchmarks/matching.py [--ntrex N]

1. **Our own article** (a short news report on a reservoir, written for this benchmark in English,
   German, French, Spanish and Japanese; the versions agree, and the German, French, Spanish and
   Japanese ones already convert the English feet and miles into metres and kilometres). Each
   *case* edits one or more versions and checks bundles of 2, 3 and 5 versions:

   - planted errors, each expected as a finding of its rule naming the edited version (or, for a
     tie, one "unresolved" finding; for a wrong source, one "source suspected" finding about it):
     a person replaced by another, a surname one letter off, an approximate figure changed beyond
     its precision, the result of "grew by X to Y" changed, an exact figure far beyond a one-sided
     threshold, a wrong unit conversion, a moved paragraph with a changed figure, a 2-against-2 tie,
     a source whose figure the translations agree against;
   - legitimate variants, each expected to give no finding: the unedited article, an approximation
     within its precision, a moved paragraph, a conversion rounded differently, the person written
     without the given name.

   A case is *found* when the expected finding is there; a legitimate variant is a *false alarm*
   when any finding is.
2. **NTREX-128 people** (``--ntrex N``, ``../shared/corpus``; skipped without it): in N documents of
   each of ten languages written in Latin letters, a person the English names in full inside a
   sentence and reports speaking (``Walsh said``; neither name a word the English corpus writes in
   lower case) and whom the translation writes the same way is replaced in the translation by
   another such person of another document (the full name, and the surname with its endings);
   found when a new NAM003 or NAM002 names the new person. And the false alarms the person rules
   add on the real translations of all 20 languages: NAM003 findings of people without a
   vocabulary on the unedited NTREX pairs.

Prints Markdown tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("CLAIM_CONSISTENCY_NO_NOTES", "1")

from tables import table  # noqa: E402

ARTICLE = {
    "en": """# New reservoir opens in the valley

Noelle Walsh, the head of the regional water board, opened the new reservoir near Arnsberg on Monday.

The reservoir holds 12 million cubic metres of water and cost 85 million euros.

About 2 million people will get their drinking water from it, Walsh said.

The dam is 330 feet high and 5 miles long.

Work began in 2021 and took 30 months.

The budget grew by 15 million euros to 85 million euros during construction, the board said.

Fish ladders at least 1.5 metres wide let trout pass the dam.
""",
    "de": """# Neuer Stausee im Tal eröffnet

Noelle Walsh, die Leiterin des regionalen Wasserverbands, eröffnete am Montag den neuen Stausee bei Arnsberg.

Der Stausee fasst 12 Millionen Kubikmeter Wasser und kostete 85 Millionen Euro.

Rund 2 Millionen Menschen werden ihr Trinkwasser aus ihm beziehen, sagte Walsh.

Die Staumauer ist 100 Meter hoch und 8 Kilometer lang.

Die Arbeiten begannen 2021 und dauerten 30 Monate.

Das Budget wuchs während des Baus um 15 Millionen Euro auf 85 Millionen Euro, teilte der Verband mit.

Fischtreppen mit mindestens 1,5 Metern Breite lassen Forellen die Staumauer passieren.
""",
    "fr": """# Un nouveau réservoir ouvre dans la vallée

Noelle Walsh, la directrice de l'office régional de l'eau, a inauguré lundi le nouveau réservoir près d'Arnsberg.

Le réservoir contient 12 millions de mètres cubes d'eau et a coûté 85 millions d'euros.

Environ 2 millions de personnes y puiseront leur eau potable, a déclaré Walsh.

Le barrage mesure 100 mètres de haut et 8 kilomètres de long.

Les travaux ont commencé en 2021 et ont duré 30 mois.

Le budget a augmenté de 15 millions d'euros pour atteindre 85 millions d'euros pendant les travaux, selon l'office.

Des passes à poissons d'au moins 1,5 mètre de large permettent aux truites de franchir le barrage.
""",
    "es": """# Se inaugura un nuevo embalse en el valle

Noelle Walsh, la directora de la autoridad regional del agua, inauguró el lunes el nuevo embalse cerca de Arnsberg.

El embalse contiene 12 millones de metros cúbicos de agua y costó 85 millones de euros.

Unos 2 millones de personas obtendrán de él su agua potable, dijo Walsh.

La presa tiene 100 metros de altura y 8 kilómetros de longitud.

Las obras comenzaron en 2021 y duraron 30 meses.

El presupuesto creció en 15 millones de euros hasta 85 millones de euros durante las obras, según la autoridad.

Escalas para peces de al menos 1,5 metros de ancho permiten a las truchas pasar la presa.
""",
    "ja": """# 谷に新しい貯水池が完成

地域水道局長のノエル・ウォルシュ氏は月曜日、アルンスベルク近郊の新しい貯水池を開所した。

貯水池の容量は1200万立方メートルで、建設費は8500万ユーロだった。

約200万人がこの貯水池から飲み水を得ることになると、ウォルシュ氏は述べた。

ダムは高さ100メートル、長さ8キロメートル。

工事は2021年に始まり、30か月を要した。

予算は工事中に1500万ユーロ増えて8500万ユーロになったと、水道局は説明した。

幅1.5メートル以上の魚道により、マスがダムを通過できる。
""",
}
PERSON = {"en": ("Noelle Walsh", "Walsh"), "de": ("Noelle Walsh", "Walsh"), "fr": ("Noelle Walsh", "Walsh"),
          "es": ("Noelle Walsh", "Walsh"), "ja": ("ノエル・ウォルシュ", "ウォルシュ")}
OTHER_PERSON = {"en": ("Brad Smith", "Smith"), "de": ("Brad Smith", "Smith"), "fr": ("Brad Smith", "Smith"),
                "es": ("Brad Smith", "Smith"), "ja": ("ブラッド・スミス", "スミス")}
# per language: the text of each edit (old -> new), for the kinds that edit one version
EDITS = {
    "approximation": {"de": ("Rund 2 Millionen", "Rund 3 Millionen"), "fr": ("Environ 2 millions", "Environ 3 millions"),
                      "es": ("Unos 2 millones", "Unos 3 millones"), "ja": ("約200万人", "約300万人")},
    "grew by X to Y": {"de": ("auf 85 Millionen Euro", "auf 58 Millionen Euro"),
                       "fr": ("atteindre 85 millions", "atteindre 58 millions"),
                       "es": ("hasta 85 millones", "hasta 58 millones"), "ja": ("増えて8500万ユーロ", "増えて5800万ユーロ")},
    "threshold": {"de": ("mindestens 1,5 Metern", "15 Metern"), "fr": ("d'au moins 1,5 mètre", "de 15 mètres"),
                  "es": ("de al menos 1,5 metros", "de 15 metros"), "ja": ("幅1.5メートル以上", "幅15メートル")},
    "wrong conversion": {"de": ("100 Meter hoch", "200 Meter hoch"), "fr": ("100 mètres de haut", "200 mètres de haut"),
                         "es": ("100 metros de altura", "200 metros de altura"), "ja": ("高さ100メートル", "高さ200メートル")},
    # legitimate: within the precision of "about 2 million"; a conversion rounded another way
    "approximation within its precision": {"de": ("Rund 2 Millionen", "Rund 2,2 Millionen"),
                                           "fr": ("Environ 2 millions", "Environ 2,2 millions"),
                                           "es": ("Unos 2 millones", "Unos 2,2 millones"), "ja": ("約200万人", "約220万人")},
    "conversion rounded another way": {"de": ("8 Kilometer", "8,05 Kilometer"), "fr": ("8 kilomètres", "8,05 kilomètres"),
                                       "es": ("8 kilómetros", "8,05 kilómetros"), "ja": ("8キロメートル", "8.05キロメートル")},
}
TARGETS = ("de", "fr", "es", "ja")


def paragraphs(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


def move_last_figures(text: str) -> str:
    """The dam's paragraph (the fifth block) moved to the end."""
    parts = paragraphs(text)
    dam = parts.pop(4)
    return "\n\n".join(parts + [dam]) + "\n"


def replace_person(text: str, locale: str, new: tuple[str, str]) -> str:
    full, last = PERSON[locale]
    return text.replace(full, new[0]).replace(last, new[1])


def bundles_for(target: str) -> list[list[str]]:
    """The bundles a case on ``target`` runs in: 2, 3 and 5 versions, English first."""
    partner = next(t for t in TARGETS if t != target)
    return [["en", target], ["en", target, partner], ["en", *TARGETS]]


def run(texts: dict[str, str], locales: list[str], folder: Path, source: str | None = None) -> list:
    import consistency

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for loc in locales:
        path = folder / f"{loc}.md"
        path.write_text(texts[loc], encoding="utf-8")
        paths.append(str(path))
    return consistency.check(paths, source=source, history=False, cache=False).findings


def deviant_of(finding) -> str:
    return next((loc.locale for loc in finding.locations if loc.role == "deviant"), "")


def cases() -> list[tuple[str, bool, dict[str, str], list[str], str | None, object]]:
    """``(kind, planted, texts, locales, source, expect)``: ``expect(findings)`` says whether the
    planted error is found (for a legitimate variant: unused, any finding is a false alarm)."""
    out = []
    for target in TARGETS:
        for locales in bundles_for(target):
            def texts_with(edit, t: str = target) -> dict[str, str]:
                texts = dict(ARTICLE)
                texts[t] = edit(texts[t])
                return texts

            def names(rule: str, t: str = target):
                return lambda fs: any(f.rule == rule and deviant_of(f) == t for f in fs)

            out.append(("person replaced", True, texts_with(lambda s, t=target: replace_person(s, t, OTHER_PERSON[t])),
                        locales, None, names("NAM003")))
            if target != "ja":
                out.append(("surname one letter off", True,
                            texts_with(lambda s: s.replace("Walsh", "Walch")), locales, None, names("NAM002")))
            for kind in ("approximation", "grew by X to Y", "threshold", "wrong conversion"):
                old, new = EDITS[kind][target]
                out.append((kind, True, texts_with(lambda s, o=old, n=new: s.replace(o, n)), locales, None,
                            names("QTY001")))
            old, new = EDITS["wrong conversion"][target]
            out.append(("moved paragraph with a changed figure", True,
                        texts_with(lambda s, o=old, n=new: move_last_figures(s.replace(o, n))), locales, None,
                        names("QTY001")))
            # legitimate variants
            out.append(("the article as written", False, dict(ARTICLE), locales, None, None))
            for kind in ("approximation within its precision", "conversion rounded another way"):
                old, new = EDITS[kind][target]
                out.append((kind, False, texts_with(lambda s, o=old, n=new: s.replace(o, n)), locales, None, None))
            out.append(("moved paragraph", False, texts_with(move_last_figures), locales, None, None))
            if target != "ja":
                out.append(("the person without the given name", False,
                            texts_with(lambda s: s.replace("Noelle Walsh,", "Walsh,")), locales, None, None))
    # consensus: a tie in four versions, a wrong source in three and five
    for pair in (("fr", "es"), ("de", "ja")):
        texts = dict(ARTICLE)
        for t in pair:
            old, new = EDITS["wrong conversion"][t]
            texts[t] = texts[t].replace(old, new)
        locales = ["en", "de", "fr", "es"] if "ja" not in pair else ["en", "de", "fr", "ja"]
        out.append(("2-against-2 tie", True, texts, locales, None,
                    lambda fs: any(f.rule == "QTY001" and "unresolved" in f.message
                                   and all(loc.role == "tied" for loc in f.locations) for f in fs)))
    for locales in (["en", "de", "fr"], ["en", *TARGETS]):
        texts = dict(ARTICLE)
        texts["en"] = texts["en"].replace("330 feet", "660 feet")
        out.append(("wrong source, translations agree", True, texts, locales, "en",
                    lambda fs: any(f.rule == "QTY001" and "source suspected" in f.message and deviant_of(f) == "en"
                                   for f in fs)))
    return out


def article_table(tmp: Path) -> list[list[object]]:
    per_kind: OrderedDict[str, list[int]] = OrderedDict()  # kind -> [planted?, cases, found or alarms]
    for k, (kind, planted, texts, locales, source, expect) in enumerate(cases()):
        findings = run(texts, locales, tmp / f"case{k}", source)
        entry = per_kind.setdefault(kind, [int(planted), 0, 0])
        entry[1] += 1
        entry[2] += int(expect(findings)) if planted else int(bool(findings))
    rows = []
    for kind, (planted, count, hits) in per_kind.items():
        what = "found" if planted else "false alarms"
        rows.append([kind, "planted error" if planted else "legitimate variant", count,
                     f"{hits} {what} ({100 * hits / count:.0f} %)"])
    return rows


# ----------------------------------------------------------------------------- NTREX people

NTREX_LATIN = {"deu": "de", "spa": "es", "ita": "it", "por": "pt", "nld": "nl", "pol": "pl", "swe": "sv",
               "dan": "da", "fin": "fi", "ind": "id"}


def ntrex_tables(per_language: int) -> tuple[list[list[object]], list[list[object]]]:
    import regex

    from consistency.documents import load_document
    from consistency.engine.checks.names import check_name_conflict
    from consistency.engine.registry import load_rules
    from consistency.match.analysis import analyse
    from languages import LANGUAGES, read_lines

    rules = load_rules()
    ids = read_lines("DOCUMENT_IDS.tsv")
    english = read_lines("newstest2019-src.eng.txt")
    docs: OrderedDict[str, list[int]] = OrderedDict()
    for i, d in enumerate(ids):
        docs.setdefault(d, []).append(i)
    full = regex.compile(r"(?<=[\p{Ll},] )(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}{2,})\b")
    # a given name or surname is no word the English corpus also writes in lower case (and, state, park)
    common = {w for line in english for w in regex.findall(r"\b\p{Ll}+\b", line)}
    people: list[tuple[str, str]] = []  # (document, full name): named mid-sentence, reported speaking
    for d, lines in docs.items():
        text = "\n".join(english[i] for i in lines)
        for m in full.finditer(text):
            first, last = m.group(1), m.group(2)
            if first.lower() in common or last.lower() in common:
                continue
            if regex.search(rf"\b(?:{last} (?:said|says|told|added)|(?:said|says|told|added) {last})\b", text):
                people.append((d, m.group(0)))
    people = list(OrderedDict.fromkeys(people))

    def name_findings(an) -> set[tuple[str, str]]:
        out = set()
        for rid in ("NAM002", "NAM003"):
            rule = rules[rid]
            out.update((f.rule, f.message) for f in rule.load_check()(an, rule))
        return out

    rng = random.Random(11)
    recall_rows = []
    total_found = total_tried = 0
    for code, locale in NTREX_LATIN.items():
        other = read_lines(f"newstest2019-ref.{code}.txt")
        candidates = [(d, p) for d, p in people if p in "\n".join(other[i] for i in docs[d])]
        rng.shuffle(candidates)
        found = tried = 0
        for d, person in candidates[:per_language]:
            new = rng.choice([q for e, q in people if e != d and q.split()[1] != person.split()[1]])
            a = "\n\n".join(english[i] for i in docs[d]) + "\n"
            b = "\n\n".join(other[i] for i in docs[d]) + "\n"
            # the surname with its endings too (a genitive Scovells)
            planted = regex.sub(rf"\b{person.split()[1]}", new.split()[1], b.replace(person, new))
            en_doc = load_document(f"{d}.en.txt", locale="en", text=a)
            before = name_findings(analyse(d, [en_doc, load_document(f"{d}.txt", locale=locale, text=b)]))
            after = name_findings(analyse(d, [en_doc, load_document(f"{d}.txt", locale=locale, text=planted)]))
            tried += 1
            found += any(new.split()[1] in message for _rule, message in after - before)
        total_found += found
        total_tried += tried
        recall_rows.append([f"{code} ({locale})", len(candidates), tried, f"{found} ({100 * found / max(1, tried):.0f} %)"])
    recall_rows.append(["all", "", total_tried, f"{total_found} ({100 * total_found / max(1, total_tried):.0f} %)"])

    alarm_rows = []
    pairs = alarms = 0
    rule = rules["NAM003"]
    for code, locale in LANGUAGES.items():
        other = read_lines(f"newstest2019-ref.{code}.txt")
        count = 0
        for d, lines in docs.items():
            an = analyse(d, [load_document(f"{d}.en.txt", locale="en", text="\n\n".join(english[i] for i in lines) + "\n"),
                             load_document(f"{d}.txt", locale=locale, text="\n\n".join(other[i] for i in lines) + "\n")])
            before = {f.fingerprint for f in check_name_conflict(an, rule)}
            an.derived.clear()
            without = _without_people(an, rule)
            count += len(before - without)
        pairs += len(ids)
        alarms += count
        alarm_rows.append([f"{code} ({locale})", len(ids), count])
    alarm_rows.append(["all 20", pairs, alarms])
    return recall_rows, alarm_rows


def _without_people(an, rule) -> set[str]:
    """NAM003's fingerprints without the conflicts of people no vocabulary knows."""
    from consistency.engine.checks import names

    keep = names._people_swapped
    try:
        names._people_swapped = lambda *_args, **_kw: []  # type: ignore[assignment]
        return {f.fingerprint for f in names.check_name_conflict(an, rule)}
    finally:
        names._people_swapped = keep  # type: ignore[assignment]
        an.derived.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", type=int, default=30, metavar="N", help="planted people per NTREX language")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claim-consistency-matching-") as tmp:
        rows = article_table(Path(tmp))
    print("Our own article, en/de/fr/es/ja, in bundles of 2, 3 and 5 versions:\n")
    table(["kind", "", "cases", "result"], rows)
    ntrex = ROOT.parent / "shared" / "corpus" / "ntrex128"
    if not ntrex.is_dir() or args.ntrex <= 0:
        print("\nNTREX-128 people: skipped (../shared/corpus/ntrex128 absent, or --ntrex 0)")
        return 0
    recall, alarms = ntrex_tables(args.ntrex)
    print("\nNTREX-128: a person the translation names replaced by another (full name and surname):\n")
    table(["language", "people to replace", "planted", "found"], recall)
    print("\nNTREX-128: NAM003 findings of people without a vocabulary on the real translations:\n")
    table(["language", "sentence pairs", "findings"], alarms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
