"""Trials on real localization repositories: the CLI gate and the pytest plugin.

Prints Markdown tables:

(a) tldr-pages (../shared/corpus/tldr-pages: 418 command pages in en, ja, de;
    patterns ``pages/{path}.md=en``, ``pages.ja/{path}.md``, ``pages.de/{path}.md``,
    source locale en):

    1. wall time of ``claim-consistency check --bundles … --jobs N`` (N = 1 and
       ``--jobs``), and of ``pytest --claim-consistency`` in a temporary folder
       whose configuration points at the corpus (without and, when
       pytest-xdist is installed, with ``-n --jobs``), the plugin's overhead
       over the CLI at the same parallelism, and a check that both report the
       same findings by rule;
    2. findings by rule;
    3. coverage against the corpus's own facts: the pages whose en/ja (en/de)
       versions have a different number of examples (``- description:`` lines;
       the corpus README says 34 and 38), against the pages with a COV001
       finding between those two versions;
    4. with ``--sample N``: N random findings (``--seed S``) with the lines of
       every version they point to, for a human to judge.

(b) GNOME Weather's PO catalogues (../shared/corpus/gnome-weather-po/{ja,de,fr}.po,
    pattern ``{locale}.po``; each translation is checked against its msgids):
    wall time of the CLI and the plugin, findings by rule, and every finding
    with its msgid and translation (from aligned_en_ja_de_fr.tsv where the
    message is listed there).  Skipped with a message while the PO loader is
    missing.

    python benchmarks/repo_trials.py [--jobs 2] [--runs 3] [--sample 30] [--seed 0] [--full-pages]

Times are the median of ``--runs`` fresh processes (interpreter start-up
included, as a CI job or pre-commit hook sees it).  Nothing here asserts a
timing.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("CLAIM_CONSISTENCY_NO_CACHE", "1")  # time the check itself, not the result cache

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
sys.path[:0] = [str(ROOT)]  # consistency from this checkout

TLDR_PATTERNS = ["pages/{path}.md=en", "pages.ja/{path}.md", "pages.de/{path}.md"]
PO_PATTERNS = ["{locale}.po"]
TARGETS = {"tldr_seconds": 10.0, "plugin_overhead_percent": 20.0}


# ----------------------------------------------------------------------------- helpers


def table(header: list[str], rows: list[list[object]], numeric_from: int = 1) -> None:
    """A Markdown pipe table; columns from ``numeric_from`` on are right-aligned."""
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" if i >= numeric_from else "---" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in row) + " |")
    print()


def env() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "NO_COLOR": "1", "CLAIM_CONSISTENCY_DEBUG": ""}


def timed(cmd: list[str], cwd: Path, runs: int, extra_env: dict[str, str] | None = None
          ) -> tuple[float, subprocess.CompletedProcess]:
    """Median wall time of ``runs`` fresh processes (after one untimed run), and the last result."""
    environ = {**env(), **(extra_env or {})}
    subprocess.run(cmd, cwd=cwd, env=environ, capture_output=True, text=True, timeout=900)  # bytecode caches
    times, proc = [], None
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, env=environ, capture_output=True, text=True, timeout=900)
        times.append(time.perf_counter() - start)
    assert proc is not None
    return statistics.median(times), proc


def cli_command(patterns: list[str], *extra: str) -> list[str]:
    args = [sys.executable, "-m", "consistency", "check"]
    for pattern in patterns:
        args += ["--bundles", pattern]
    return args + list(extra)


def plugin_args(autoload: bool = True) -> list[str]:
    from importlib.metadata import entry_points

    installed = any(ep.name == "claim_consistency" for ep in entry_points(group="pytest11"))
    return [] if installed and autoload else ["-p", "consistency.pytest_plugin"]


def other_plugins() -> list[str]:
    """The pytest11 entry points installed here besides this one (pytest loads them all at start-up)."""
    from importlib.metadata import entry_points

    return sorted({ep.value.split(".")[0].split(":")[0] for ep in entry_points(group="pytest11")
                   if ep.name != "claim_consistency"})


def has_xdist() -> bool:
    return importlib.util.find_spec("xdist") is not None


def plugin_run(folder: Path, patterns: list[str], source: str | None, runs: int, workers: int,
               autoload: bool = True) -> tuple[float, Counter, int, int]:
    """``pytest --claim-consistency`` in a temporary folder configured for ``folder``.

    ``autoload=False``: pytest with this plugin alone (and pytest-xdist for
    ``-n``), ``PYTEST_DISABLE_PLUGIN_AUTOLOAD=1``, so that the other pytest
    plugins this machine happens to have installed do not count as this
    plugin's overhead.

    Returns the median wall time, findings by rule (from the items' junit
    property ``claim_consistency_findings``), the number of items (one per
    bundle) and the number of failed items.
    """
    with tempfile.TemporaryDirectory(prefix="claim-consistency-trial-") as tmp:
        tmp_path = Path(tmp)
        lines = [f'bundles = {json.dumps([str(folder / p) for p in patterns])}']
        if source:
            lines.append(f'source-locale = "{source}"')
        (tmp_path / "claim-consistency.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (tmp_path / "pytest.ini").write_text("[pytest]\nclaim_consistency = true\n", encoding="utf-8")
        junit = tmp_path / "junit.xml"
        cmd = [sys.executable, "-m", "pytest", *plugin_args(autoload), "-q", "-p", "no:cacheprovider",
               f"--junitxml={junit}", "-W", "ignore"]
        cmd += ["-p", "no:hypothesispytest", "-p", "no:benchmark"] if autoload else []
        if workers > 1:
            cmd += ([] if autoload else ["-p", "xdist.plugin"]) + ["-n", str(workers)]
        seconds, proc = timed(cmd, tmp_path, runs, None if autoload else {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})
        if proc.returncode not in (0, 1):
            raise SystemExit(f"pytest failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
        by_rule: Counter = Counter()
        items = failed = 0
        for case in ET.parse(junit).getroot().iter("testcase"):
            items += 1
            failed += case.find("failure") is not None
            for prop in case.iter("property"):
                if prop.get("name") == "claim_consistency_findings":
                    by_rule.update(json.loads(prop.get("value") or "{}"))
        return seconds, +by_rule, items, failed


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def location_lines(folder: Path, loc: dict, limit: int = 6) -> list[str]:
    """The file lines a location spans (at most ``limit``)."""
    path = Path(loc["path"])
    lines = read_lines(path if path.is_absolute() else folder / path)
    first, last = loc["line"], max(loc["line"], loc["end_line"])
    chunk = lines[first - 1:min(last, first - 1 + limit)]
    if last - first + 1 > limit:
        chunk.append(f"… ({last - first + 1 - limit} more lines)")
    return chunk


# ----------------------------------------------------------------------------- (a) tldr-pages


def count_examples(path: Path) -> int:
    return sum(1 for line in read_lines(path) if line.startswith("- "))


def pairs_of(finding: dict) -> set[frozenset[str]]:
    """The version pairs a coverage finding is about: a deviant locale and a reference locale."""
    deviant = {loc["locale"] for loc in finding["locations"] if loc["role"] == "deviant"}
    reference = {loc["locale"] for loc in finding["locations"] if loc["role"] != "deviant"}
    return {frozenset((d, r)) for d in deviant for r in reference if d != r}


def tldr(args: argparse.Namespace) -> None:
    folder = CORPUS / "tldr-pages"
    print("## (a) tldr-pages: 418 en/ja/de page triplets\n")
    if not folder.is_dir():
        print(f"skipped: {folder} is absent\n")
        return
    listed = [line.strip() for line in (folder / "TRIPLETS.txt").read_text(encoding="utf-8").splitlines() if line.strip()]

    rows = []
    results: dict[str, dict] = {}
    for jobs in sorted({1, args.jobs}):
        seconds, proc = timed(cli_command(TLDR_PATTERNS, "--source", "en", "--jobs", str(jobs), "--format", "json"),
                              folder, args.runs)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr}")
        results[f"cli{jobs}"] = {"seconds": seconds, "data": json.loads(proc.stdout)}
        rows.append([f"CLI `check --bundles … --jobs {jobs}`", len(results[f"cli{jobs}"]["data"]["bundles"]),
                     f"{seconds:.2f}", "", proc.returncode])
    data = results[f"cli{args.jobs}"]["data"]
    cli_rules = Counter(f["rule"] for f in data["findings"])
    plugin_counts: dict[int, Counter] = {}
    others = other_plugins()
    for autoload in (False, True):
        for workers in sorted({1, args.jobs if has_xdist() else 1}):
            seconds, by_rule, items, failed = plugin_run(folder, TLDR_PATTERNS, "en", args.runs, workers, autoload)
            plugin_counts[workers] = by_rule
            base = results[f"cli{workers}"]["seconds"]
            label = "plugin `pytest --claim-consistency`" + (f" `-n {workers}`" if workers > 1 else "")
            label += (f", with this machine's other pytest plugins ({', '.join(others)}; "
                      f"hypothesis' and pytest-benchmark's turned off)") if autoload else ", alone"
            rows.append([label, f"{items} items ({failed} failed)", f"{seconds:.2f}",
                         f"{100 * (seconds - base) / base:+.0f} % vs CLI --jobs {workers}", ""])
    if not has_xdist():
        rows.append(["plugin with `-n`", "", "", "pytest-xdist not installed", ""])
    table(["run", "bundles", "wall s (median)", "plugin overhead", "exit"], rows)
    target = results[f"cli{args.jobs}"]["seconds"]
    print(f"Target: 418 triplets in under {TARGETS['tldr_seconds']:.0f} s with --jobs 2 "
          f"({'met' if target < TARGETS['tldr_seconds'] else 'NOT met'}: {target:.2f} s with --jobs {args.jobs}); "
          f"plugin overhead under {TARGETS['plugin_overhead_percent']:.0f} %.")
    same = all(plugin_counts[w] == cli_rules for w in plugin_counts)
    print(f"Plugin and CLI findings by rule {'agree' if same else 'DIFFER'}: "
          + "; ".join(f"plugin{' -n ' + str(w) if w > 1 else ''} {dict(sorted(c.items()))}"
                      for w, c in plugin_counts.items()) + "\n")
    if len(data["bundles"]) != len(listed):
        print(f"**{len(data['bundles'])} bundles found, {len(listed)} listed in TRIPLETS.txt**\n")

    print("### Findings by rule\n")
    pages_by_rule = defaultdict(set)
    for f in data["findings"]:
        pages_by_rule[f["rule"]].add(f["bundle"])
    table(["rule", "findings", "pages"], [[r, n, len(pages_by_rule[r])] for r, n in sorted(cli_rules.items())]
          + [["all", sum(cli_rules.values()), len({f['bundle'] for f in data['findings']})]])

    print("### Coverage (COV001) against pages whose number of examples differs\n")
    rows = []
    for other in ("ja", "de"):
        pair = frozenset(("en", other))
        differ = {p[:-3] for p in listed
                  if count_examples(folder / "pages" / p) != count_examples(folder / f"pages.{other}" / p)}
        flagged = {f["bundle"] for f in data["findings"] if f["rule"] == "COV001" and pair in pairs_of(f)}
        rows.append([f"en/{other}", len(differ), len(flagged), len(differ & flagged), len(flagged - differ),
                     len(differ - flagged)])
        if args.verbose:
            print(f"en/{other}: differ but not flagged: {sorted(differ - flagged)}")
            print(f"en/{other}: flagged but same count: {sorted(flagged - differ)}\n")
    table(["pair", "pages with a different number of examples", "pages with COV001 for the pair", "both",
           "COV001 only", "count differs only"], rows)
    print("The corpus README says 34 (en/ja) and 38 (en/de) triplets differ in their number of examples.\n")

    if args.sample:
        sample(folder, data["findings"], args)


def sample(folder: Path, findings: list[dict], args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    chosen = rng.sample(findings, min(args.sample, len(findings)))
    chosen.sort(key=lambda f: (f["bundle"], f["rule"]))
    print(f"### {len(chosen)} random findings (seed {args.seed}) for hand judgement\n")
    for n, f in enumerate(chosen, 1):
        print(f"{n}. **{f['rule']} {f['name']}** `{f['bundle']}`: {f['message']}")
        for loc in f["locations"]:
            text = loc["text"].replace("\n", " ⏎ ")
            print(f"   - {loc['role']} {loc['locale']} `{loc['path']}:{loc['line']}`: «{text[:160]}»"
                  + (f" → {loc['value']}" if loc.get("value") else ""))
            if not loc["text"].strip():
                context = location_lines(folder, loc, limit=1)
                print(f"     (at: «{context[0][:160] if context else ''}»)")
        if args.full_pages:
            for loc in f["locations"]:
                print(f"\n   ```\n   # {loc['path']}")
                path = Path(loc["path"])
                for line in read_lines(path if path.is_absolute() else folder / path):
                    print(f"   {line}")
                print("   ```")
        print()


# ----------------------------------------------------------------------------- (b) GNOME PO


def gnome(args: argparse.Namespace) -> None:
    folder = CORPUS / "gnome-weather-po"
    print("## (b) GNOME Weather PO catalogues: ja, de, fr against their msgids\n")
    if not folder.is_dir():
        print(f"skipped: {folder} is absent\n")
        return
    from consistency import documents

    if not hasattr(documents, "load_source_document"):
        print("skipped: the PO loader (consistency.documents.load_source_document) is not available yet\n")
        return
    seconds, proc = timed(cli_command(PO_PATTERNS, "--format", "json"), folder, args.runs)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr}")
    data = json.loads(proc.stdout)
    p_seconds, p_rules, items, failed = plugin_run(folder, PO_PATTERNS, None, args.runs, 1)
    cli_rules = Counter(f["rule"] for f in data["findings"])
    table(["run", "wall s (median)", "result"], [
        ["CLI `check --bundles '{locale}.po'`", f"{seconds:.2f}",
         f"{len(data['findings'])} findings, exit {proc.returncode}"],
        ["plugin `pytest --claim-consistency`", f"{p_seconds:.2f}",
         f"{items} items, {failed} failed; {100 * (p_seconds - seconds) / seconds:+.0f} % vs CLI"],
    ])
    versions = data["bundles"][0]["versions"] if data["bundles"] else []
    print("Versions: " + ", ".join(f"{v['path']} ({v['locale']})" for v in versions))
    print(f"Plugin and CLI findings by rule {'agree' if p_rules == cli_rules else 'DIFFER'}: "
          f"CLI {dict(sorted(cli_rules.items()))}, plugin {dict(sorted(p_rules.items()))}\n")
    messages = sum(1 for f in ("ja", "de", "fr") for line in read_lines(folder / f"{f}.po") if line.startswith("msgid "))
    table(["rule", "findings"], [[r, n] for r, n in sorted(cli_rules.items())] + [["all", len(data["findings"])]])
    print(f"({messages} msgid lines in the three catalogues, the header included.)\n")

    aligned = {}
    with (folder / "aligned_en_ja_de_fr.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("msgid"):
                aligned[" ".join(row["msgid"].split())] = row
    print("### Every finding\n")
    if not data["findings"]:
        print("(none)\n")
    for n, f in enumerate(data["findings"], 1):
        print(f"{n}. **{f['rule']} {f['name']}** ({f['level']}): {f['message']}")
        for loc in f["locations"]:
            print(f"   - {loc['role']} {loc['locale']} `{loc['path']}:{loc['line']}`: «{loc['text']}»"
                  + (f" → {loc['value']}" if loc.get("value") else ""))
        reference = next((loc for loc in f["locations"] if loc["locale"] == "en"), None)
        if reference is not None:
            row = next((r for key, r in aligned.items() if " ".join(reference["text"].split()) in key), None)
            if row is not None:
                print(f"   - aligned: en «{row['msgid']}» · ja «{row['ja']}» · de «{row['de']}» · fr «{row['fr']}»")
        print()
    placeholders = [f for f in data["findings"] if any(re.search(r"%[-0-9.]*[a-zA-Z]|\{\w*\}", loc["text"])
                                                      for loc in f["locations"])]
    print(f"Findings whose quoted text holds a printf/strftime/brace placeholder: {len(placeholders)}.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2, help="CLI --jobs and pytest -n (default 2)")
    parser.add_argument("--runs", type=int, default=3, help="timed fresh processes per command (median)")
    parser.add_argument("--sample", type=int, default=0, help="print N random tldr findings for hand judgement")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--full-pages", action="store_true", help="with --sample: print whole pages")
    parser.add_argument("--verbose", action="store_true", help="list the pages behind the coverage table")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: the shared corpus is not present at {CORPUS}")
        return
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, pytest-xdist "
          f"{'installed' if has_xdist() else 'not installed'}; median of {args.runs} runs.\n")
    tldr(args)
    gnome(args)


if __name__ == "__main__":
    main()
