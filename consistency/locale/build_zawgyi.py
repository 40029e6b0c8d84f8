"""Generates ``consistency/locale/data/zawgyi.json`` from CLDR and ICU (read by
:mod:`consistency.locale.zawgyi`): which pairs of adjacent characters tell Burmese text in the
Zawgyi font encoding from Burmese text in Unicode.

    python -m consistency.locale.build_zawgyi --write

PyICU (``pip install 'claim-consistency[icu]'``) is needed only here and for the test that checks
the shipped table; a check reads the table, so Zawgyi text is detected without ICU.

The text is CLDR's Burmese (babel's data for ``my``: the names of languages, territories,
scripts, currencies, time zones and cities, date fields), about 16,000 characters, all written in
Unicode; ICU's ``my-Zawgyi`` transliterator writes the same text in Zawgyi.  The table is a
first-order Markov model over the Myanmar block (U+1000-U+109F) plus one state for every other
character, as Google's myanmar-tools detector is: for each pair of states, the log of the ratio
of its transition probability in the Zawgyi text to that in the Unicode text (add-one
smoothing), rounded to two decimals; pairs seen in neither text, and those whose ratio rounds
to 0, are left out (they count 0).  Month and
weekday names and ICU's spelled-out numbers are kept out of the training text, so that the
tests can use them as Unicode text the model has not seen.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping

__all__ = ["build", "training_text"]

FILE = "data/zawgyi.json"
FIRST, LAST = 0x1000, 0x109F
OTHER = " "  # the state of every character outside the Myanmar block


def state(ch: str) -> str:
    return ch if FIRST <= ord(ch) <= LAST else OTHER


def training_text() -> list[str]:
    """CLDR's Burmese strings the model is built from (not months, weekdays, number words)."""
    from babel import Locale

    data = Locale("my")._data
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            if any(FIRST <= ord(c) <= LAST for c in value):
                out.append(value)
        elif isinstance(value, Mapping):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    for key in ("languages", "territories", "scripts", "variants", "currency_names", "currency_names_plural",
                "time_zones", "meta_zones", "date_fields", "unit_display_names", "unit_patterns"):
        walk(data.get(key, {}))
    return sorted(set(out))


def _pairs(texts: list[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        states = [OTHER] + [state(c) for c in text] + [OTHER]
        counts.update(a + b for a, b in zip(states, states[1:]) if not (a == OTHER and b == OTHER))
    return counts


def build() -> dict:
    """The table, from CLDR and ICU (PyICU must be installed)."""
    import icu

    to_zawgyi = icu.Transliterator.createInstance("my-Zawgyi")
    unicode_text = training_text()
    zawgyi_text = [to_zawgyi.transliterate(t) for t in unicode_text]
    alphabet = [OTHER] + [chr(c) for c in range(FIRST, LAST + 1)]
    uni, zaw = _pairs(unicode_text), _pairs(zawgyi_text)
    u_from: Counter = Counter()
    z_from: Counter = Counter()
    for pair, n in uni.items():
        u_from[pair[0]] += n
    for pair, n in zaw.items():
        z_from[pair[0]] += n
    size = len(alphabet)
    table: dict[str, float] = {}
    for a in alphabet:
        for b in alphabet:
            if a == OTHER and b == OTHER or not (zaw[a + b] or uni[a + b]):
                continue
            pz = (zaw[a + b] + 1) / (z_from[a] + size)
            pu = (uni[a + b] + 1) / (u_from[a] + size)
            llr = round(math.log(pz / pu), 2)
            if llr:
                table[a + b] = llr
    return {"about": "log(P_zawgyi / P_unicode) of adjacent characters; ' ' is any character outside "
                     "U+1000-U+109F; built by consistency/locale/build_zawgyi.py from CLDR's Burmese and "
                     "ICU's my-Zawgyi transliterator",
            "icu": icu.ICU_VERSION, "characters": sum(map(len, unicode_text)), "pairs": table}


def _main(argv: list[str] | None = None) -> int:
    import argparse
    from importlib import resources

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {FILE}")
    args = parser.parse_args(argv)
    table = build()
    text = json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0) + "\n"
    if args.write:
        path = resources.files("consistency.locale").joinpath(FILE)
        with open(str(path), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        print(f"wrote {FILE}: {len(table['pairs'])} pairs from {table['characters']} characters")
    else:
        print(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())
