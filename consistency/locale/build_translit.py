"""Generates ``consistency/locale/data/translit.json`` from ICU's transliterators (read by
:mod:`consistency.extract.translit`): how the letters of Greek, Arabic, Hebrew, the Indic scripts,
Thai, Armenian, Georgian
and Thaana are written in Latin letters, for matching names across scripts.

    python -m consistency.locale.build_translit --write

PyICU (``pip install 'claim-consistency[icu]'``) is needed only here and for the test that checks
the shipped table; a check reads the table.  ICU's transliterators are rule-based and look at the
letters around each one; the table keeps what a name needs of that, per script:

- ``initial`` and ``medial``: every letter, and every pair of letters whose Latin differs from
  that of its parts, at the start of a word and inside one (Greek ``ντ`` is ``d`` at
  the start of a word and ``nd`` inside it, BGN/PCGN's rule);
- the transliterator: BGN/PCGN's where ICU has one that covers the script (Greek, Hebrew,
  Armenian, Georgian), ICU's general one elsewhere; then ``Any-Latin`` for what it left,
  ``Latin-ASCII`` and lower case.

The shipped table reproduces ICU's own output for 9x % of the words of the NTREX-128 news
translations in those scripts (``tests/test_names.py`` measures it when PyICU is installed).
"""

from __future__ import annotations

import unicodedata

__all__ = ["SCRIPTS", "build"]

FILE = "data/translit.json"

#: script code -> (ICU transliterator, the letter that stands before a sequence to read it inside
#: a word, and the Unicode block to read letters from)
SCRIPTS: dict[str, tuple[str, str, tuple[int, int]]] = {
    "Grek": ("Greek-Latin/BGN", "β", (0x0370, 0x03FF)),
    "Arab": ("Arabic-Latin", "ب", (0x0600, 0x06FF)),  # the BGN rules leave ا and ي as they are
    "Hebr": ("Hebrew-Latin/BGN", "ב", (0x0590, 0x05FF)),
    "Deva": ("Devanagari-Latin", "क", (0x0900, 0x097F)),
    "Beng": ("Bengali-Latin", "ক", (0x0980, 0x09FF)),
    "Guru": ("Gurmukhi-Latin", "ਕ", (0x0A00, 0x0A7F)),
    "Gujr": ("Gujarati-Latin", "ક", (0x0A80, 0x0AFF)),
    "Taml": ("Tamil-Latin", "க", (0x0B80, 0x0BFF)),
    "Telu": ("Telugu-Latin", "క", (0x0C00, 0x0C7F)),
    "Knda": ("Kannada-Latin", "ಕ", (0x0C80, 0x0CFF)),
    "Mlym": ("Malayalam-Latin", "ക", (0x0D00, 0x0D7F)),
    "Thai": ("Thai-Latin", "ก", (0x0E00, 0x0E7F)),
    "Armn": ("Armenian-Latin/BGN", "բ", (0x0530, 0x058F)),
    "Geor": ("Georgian-Latin/BGN", "ბ", (0x10A0, 0x10FF)),
    "Thaa": ("Thaana-Latin", "ބ", (0x0780, 0x07BF)),
}


def _letters(block: tuple[int, int]) -> list[str]:
    out = []
    for code in range(block[0], block[1] + 1):
        ch = chr(code)
        if unicodedata.category(ch)[0] in "LM":
            out.append(ch)
    return out


def build() -> dict:
    """The table, from ICU (PyICU must be installed)."""
    import icu

    scripts: dict[str, dict] = {}
    for script, (tid, before, block) in SCRIPTS.items():
        tr = icu.Transliterator.createInstance(f"{tid}; Any-Latin; Latin-ASCII; Lower")

        def latin(text: str, tr=tr) -> str:
            return str(tr.transliterate(text))

        prefix = latin(before)

        def inside(seq: str, before: str = before, prefix: str = prefix) -> str | None:
            out = latin(before + seq)
            return out[len(prefix):] if out.startswith(prefix) else None

        letters = _letters(block)
        initial = {ch: latin(ch) for ch in letters}
        medial = {ch: m for ch in letters if (m := inside(ch)) is not None}
        for first in letters:
            if unicodedata.category(first)[0] != "L":
                continue
            for second in letters:
                pair = first + second
                got = latin(pair)
                if got != initial[first] + initial[second]:
                    initial[pair] = got
                got_inside = inside(pair)
                parts = medial.get(first, initial[first]) + medial.get(second, initial[second])
                if got_inside is not None and got_inside != parts:
                    medial[pair] = got_inside
        scripts[script] = {"transliterator": tid, "initial": dict(sorted(initial.items())),
                           "medial": dict(sorted(medial.items()))}
    return {"_comment": "written by `python -m consistency.locale.build_translit --write` from ICU; do not edit",
            "icu": icu.ICU_VERSION, "scripts": scripts}


def _main(argv: list[str] | None = None) -> int:
    from .generate import main

    return main(argv, module="consistency.locale.build_translit", doc=__doc__ or "", file=FILE, build=build,
                describe=lambda d: f"{sum(len(s['initial']) + len(s['medial']) for s in d['scripts'].values())} "
                                   f"sequences of {len(d['scripts'])} scripts")

if __name__ == "__main__":
    raise SystemExit(_main())
