"""Revision-aware checking (STL001, --since) on git repositories built by this script.

Two parts, both in temporary folders (nothing of the project is touched):

``trial``: a realistic history of the project's own example article
(``examples/solar-farm``: ja, de, en): the article is added, the English source
is edited several times (a figure raised, a date moved, a paragraph reworded),
the German translation follows some edits and misses others, the Japanese
follows all but one and gets one figure wrong; then ``check --source en`` with
the history (STL001) and ``--since`` the last release tag. Prints every finding
with its revision data.

``speed``: a site of ``--bundles`` articles (en/de/ja, generated from templates
with figures) and ``--commits`` commits (source figures edited at random, each
edit carried to the translations with probability 0.7, in the same or a later
commit); then the wall time of ``claim-consistency check --bundles … --jobs 1``
with the history (default) and with ``--no-history``, alternated, median of
``--runs`` fresh processes each, and the ratio (issue target: at most 1.30).

    python benchmarks/revisions.py trial
    python benchmarks/revisions.py speed [--bundles 400] [--commits 1000] [--runs 3] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tables import table

os.environ.setdefault("CLAIM_CONSISTENCY_NO_CACHE", "1")  # time the check itself, not the result cache

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "consistency"]


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.clock = 1_790_000_000
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        self.clock += 3600
        stamp = f"@{self.clock} +0000"
        env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.invalid",
               "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.invalid",
               "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_CONFIG_GLOBAL": os.devnull,
               "GIT_CONFIG_NOSYSTEM": "1"}
        return subprocess.run(["git", "-C", str(self.root), *args], env=env, check=True, capture_output=True,
                              text=True).stdout.strip()

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def read(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        if old not in text:
            raise SystemExit(f"trial script out of date: {old!r} not in {name}")
        self.write(name, text.replace(old, new, 1))

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "--short", "HEAD")


def run_check(cwd: Path, *args: str) -> tuple[int, dict]:
    env = {**os.environ, "CLAIM_CONSISTENCY_NO_NOTES": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([*CLI, "check", *args, "--format", "json"], cwd=cwd, env=env, capture_output=True,
                          text=True)
    if proc.returncode == 2:
        raise SystemExit(proc.stderr)
    return proc.returncode, json.loads(proc.stdout)


# ----------------------------------------------------------------------------- trial

def trial() -> None:
    example = ROOT / "examples" / "solar-farm"
    with tempfile.TemporaryDirectory() as tmp:
        repo = Repo(Path(tmp))
        for lang in ("en", "de", "ja"):
            repo.write(f"content/{lang}/solar-farm.md", (example / f"{lang}.md").read_text(encoding="utf-8"))
        repo.write("pyproject.toml", '[tool.claim-consistency]\nbundles = ["content/{locale}/{path}.md"]\n'
                                     'source-locale = "en"\n')
        log = [("add the article in en, de, ja", repo.commit("Add the solar farm article in three languages"))]
        en, de, ja = (f"content/{lang}/solar-farm.md" for lang in ("en", "de", "ja"))
        # 1. the source raises the capacity; ja follows, de never does
        repo.edit(en, "battery storage with an output of 500 megawatts", "battery storage with an output of 650 megawatts")
        log.append(("en: battery 500 -> 650 MW", repo.commit("Larger battery after the grid approval")))
        repo.edit(ja, "その出力は50万キロワット", "その出力は65万キロワット")
        log.append(("ja: follows the battery", repo.commit("ja: update the battery")))
        # 2. the source moves the first phase by a year; both translations follow
        repo.edit(en, "go online in late 2027", "go online in late 2028")
        log.append(("en: first phase late 2027 -> late 2028", repo.commit("Move the first phase")))
        repo.edit(de, "Ende 2027", "Ende 2028")
        repo.edit(ja, "2027年後半", "2028年後半")
        log.append(("de, ja: follow the first phase", repo.commit("de, ja: move the first phase")))
        repo.git("tag", "v1")
        log.append(("tag v1", "v1"))
        # 3. the German translator rewords a sentence and slips a zero
        repo.edit(de, "Die Anlage wird rund 4.000 Hektar bedecken", "Die Anlage soll rund 40.000 Hektar bedecken")
        log.append(("de: reworded, 4.000 -> 40.000 ha (a slip)", repo.commit("de: smoother wording")))
        # 4. the source corrects the investment; no translation follows yet
        repo.edit(en, "will cost €8 billion", "will cost €9.5 billion")
        log.append(("en: investment 8 -> 9.5 billion EUR", repo.commit("Correct the investment figure")))
        table(["step", "commit"], [[what, sha] for what, sha in log], numeric_from=2)
        code, report = run_check(repo.root)
        rows = []
        for f in report["findings"]:
            dev = next(loc for loc in f["locations"] if loc["role"] == "deviant")
            rev = f.get("revision") or {}
            change = (rev.get("source_change") or {})
            rows.append([f["rule"], dev["locale"], dev["text"], dev["value"], rev.get("status", ""),
                         rev.get("previous_value") or "", (change.get("commit") or "")[:7]])
        print(f"`check --source en` (exit {code}):\n")
        table(["rule", "locale", "text", "value", "status", "earlier source value", "source commit"], rows,
              numeric_from=9)
        code, since = run_check(repo.root, "--since", "v1")
        print(f"`check --since v1` (exit {code}): {len(since['findings'])} of {len(report['findings'])} findings "
              f"changed after v1\n")


# ----------------------------------------------------------------------------- speed

EN = ("# {name}\n\nThe {name} plant will deliver {mw} MW from {year}.\n\n"
      "It cost {eur} million euros and employs {staff} people.\n\nIts site covers {ha} hectares.\n")
DE = ("# {name}\n\nDas Kraftwerk {name} soll ab {year} {mw} MW liefern.\n\n"
      "Es kostete {eur} Millionen Euro und beschäftigt {staff} Menschen.\n\nDas Gelände umfasst {ha} Hektar.\n")
JA = ("# {name}\n\n{name}発電所は{year}年から{mw}MWを供給する。\n\n"
      "建設費は{eur}00万ユーロで、従業員は{staff}人。\n\n敷地は{ha}ヘクタール。\n")
FIELDS = ("mw", "eur", "staff", "ha")


def speed(bundles: int, commits: int, runs: int, seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        repo = Repo(Path(tmp))
        values = []
        for i in range(bundles):
            v = {"name": f"Site{i:03d}", "mw": rng.randint(10, 900), "year": rng.randint(2025, 2035),
                 "eur": rng.randint(20, 900), "staff": rng.randint(10, 900), "ha": rng.randint(10, 900)}
            values.append({"en": dict(v), "de": dict(v), "ja": dict(v)})
        def write(i: int, lang: str) -> None:
            template = {"en": EN, "de": DE, "ja": JA}[lang]
            repo.write(f"content/{lang}/site{i:03d}.md", template.format(**values[i][lang]))
        for i in range(bundles):
            for lang in ("en", "de", "ja"):
                write(i, lang)
        repo.write("pyproject.toml", '[tool.claim-consistency]\nbundles = ["content/{locale}/{path}.md"]\n'
                                     'source-locale = "en"\n')
        repo.commit("Add the sites")
        pending: list[tuple[int, str, str, int]] = []
        t0 = time.perf_counter()
        for _ in range(commits - 1):
            i, field = rng.randrange(bundles), rng.choice(FIELDS)
            new = values[i]["en"][field] + rng.randint(1, 50)
            values[i]["en"][field] = new
            write(i, "en")
            for lang in ("de", "ja"):
                if rng.random() < 0.7:
                    pending.append((i, lang, field, new))
            # carry some pending edits over, in this commit or a later one
            rng.shuffle(pending)
            carried, pending = pending[: rng.randint(0, 2)], pending[2:]
            for j, lang, f, value in carried:
                values[j][lang][f] = value
                write(j, lang)
            repo.commit(f"site{i:03d}: {field} -> {new}")
        print(f"built {bundles} bundles and {commits} commits in {time.perf_counter() - t0:.0f} s\n")
        times: dict[str, list[float]] = {"history": [], "no history": []}
        counts = {}
        for _ in range(runs):
            for label, extra in (("history", ()), ("no history", ("--no-history",))):
                start = time.perf_counter()
                code, report = run_check(repo.root, "--jobs", "1", *extra)
                times[label].append(time.perf_counter() - start)
                by_rule: dict[str, int] = {}
                for f in report["findings"]:
                    by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
                counts[label] = by_rule
        base = statistics.median(times["no history"])
        rows = [[label, f"{statistics.median(t):.2f}", f"{statistics.median(t) / base:.2f}",
                 ", ".join(f"{k} {v}" for k, v in sorted(counts[label].items()))] for label, t in times.items()]
        table(["check --bundles --jobs 1", f"median of {runs} (s)", "ratio", "findings"], rows, numeric_from=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="part", required=True)
    sub.add_parser("trial")
    sp = sub.add_parser("speed")
    sp.add_argument("--bundles", type=int, default=400)
    sp.add_argument("--commits", type=int, default=1000)
    sp.add_argument("--runs", type=int, default=3)
    sp.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.part == "trial":
        trial()
    else:
        speed(args.bundles, args.commits, args.runs, args.seed)


if __name__ == "__main__":
    main()
