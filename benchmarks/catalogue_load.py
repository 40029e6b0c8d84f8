"""Loading app catalogues: what share of a check reading them costs, on 10,000 units per file.

For each resource format, an English and a German catalogue of ``--units`` strings (each a short
sentence with a figure; one in fifty German figures changed) are written to a temporary folder,
then, in one process, loaded (the format's loader alone, both files) and checked (``consistency.check``
with every rule, no history, no cache).  The table gives seconds and the loading's share of the
check, the median of ``--runs`` runs, every format measured in the same process one after another.

    python benchmarks/catalogue_load.py [--units 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("CLAIM_CONSISTENCY_NO_NOTES", "1")
from tables import table  # noqa: E402


def sentences(lang: str, n: int) -> list[tuple[str, str]]:
    out = []
    for i in range(n):
        km = 3 + i % 97 + (1 if lang == "de" and i % 50 == 7 else 0)
        text = f"Route {i} is {km} km long." if lang == "en" else f"Strecke {i} ist {km} km lang."
        out.append((f"route_{i}", text))
    return out


def write(folder: Path, fmt: str, lang: str, units: list[tuple[str, str]]) -> str:
    if fmt == "json":
        path = folder / "locales" / lang / "app.json"
        body = "{\n" + ",\n".join(f'  "{k}": "{v}"' for k, v in units) + "\n}\n"
    elif fmt == "android":
        path = folder / "res" / ("values" if lang == "en" else f"values-{lang}") / "strings.xml"
        body = "<resources>\n" + "".join(f'  <string name="{k}">{escape(v)}</string>\n' for k, v in units) + "</resources>\n"
    elif fmt == "strings":
        path = folder / f"{lang}.lproj" / "Localizable.strings"
        body = "".join(f'"{k}" = "{v}";\n' for k, v in units)
    elif fmt == "yaml":
        path = folder / "config" / "locales" / f"{lang}.yml"
        body = f"{lang}:\n" + "".join(f"  {k}: \"{v}\"\n" for k, v in units)
    elif fmt == "po":
        path = folder / "po" / f"{lang}.po"
        english = dict(sentences("en", len(units)))
        body = f'msgid ""\nmsgstr "Language: {lang}\\n"\n\n' + "".join(
            f'msgid "{english[k]}"\nmsgstr "{v}"\n\n' for k, v in units)
    else:
        raise ValueError(fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return str(path)


def measure(fmt: str, n: int, runs: int) -> tuple[float, float, int]:
    import consistency
    from consistency.documents import load_document

    loads, checks, found = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = [write(folder, fmt, lang, sentences(lang, n)) for lang in ("en", "de")]
        if fmt == "po":
            files = files[1:]  # one catalogue holds both versions
        for _ in range(runs):
            start = time.perf_counter()
            for path in files:
                load_document(path)
            loads.append(time.perf_counter() - start)
            start = time.perf_counter()
            report = consistency.check(files, history=False, cache=False, baseline=False)
            checks.append(time.perf_counter() - start)
            found = len(report.findings)
    return statistics.median(loads), statistics.median(checks), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for fmt in ("json", "yaml", "android", "strings", "po"):
        load, check, found = measure(fmt, args.units, args.runs)
        rows.append([fmt, f"{load:.2f}", f"{check:.2f}", f"{100 * load / check:.0f} %", found])
    table(["format", "loading (s)", "check (s)", "loading's share", "findings"], rows, numeric_from=1)


if __name__ == "__main__":
    main()
