"""The HTML report: render time in a real headless browser, and the size of a 1,000-bundle page.

    python benchmarks/html_report.py [--runs 5] [--bundles 1000]

1. A synthetic 3-version article (en, de, ja; 80 paragraphs, each stating an amount and a
   duration; 50 of them changed in one version) is checked, rendered with
   ``--format html`` and opened in headless Chromium ``--runs`` times: the time from
   navigation start until the page is parsed, styled and laid out (median; target < 1 s).
2. ``--bundles`` bundles on one page, built from the project's example article
   ``examples/solar-farm-drift`` (a 16-paragraph news article in ja/de/en, 35 claims,
   5 findings) checked once and repeated under distinct ids: file size (target < 20 MB),
   Python render time, and the browser's time to open it (bundles collapsed).
3. With ``../shared/corpus``: the NTREX-128 news articles (en/de/ja, one bundle per article) and
   the tldr-pages triplets (real, short pages) checked and
   rendered as one page: bytes per bundle, projected to 1,000 bundles.

Without a browser (see ``consistency/report/browser.py``) the browser timings print
``skipped``.  Prints Markdown tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CLAIM_CONSISTENCY_NO_NOTES", "1")

from consistency.report.browser import find_browser, render_time_ms  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def synthetic_article(folder: Path, paragraphs: int = 80, changed: int = 50) -> None:
    """en/de/ja versions of an article of ``paragraphs`` paragraphs; ``changed`` of them disagree."""
    texts = {"en": ["# Programme budget\n"], "de": ["# Haushalt des Programms\n"], "ja": ["# 事業予算\n"]}
    for i in range(1, paragraphs + 1):
        amount, months = 10 + i, 3 + i % 20
        a = {"en": amount, "de": amount, "ja": amount}
        m = {"en": months, "de": months, "ja": months}
        if i <= changed:
            target = ("de", "ja", "en")[i % 3]
            if i % 2:
                a[target] += 5
            else:
                m[target] += 2
        texts["en"].append(f"Phase {i} of the programme will cost {a['en']} million dollars "
                           f"and take {m['en']} months.\n")
        texts["de"].append(f"Phase {i} des Programms kostet {a['de']} Millionen Dollar "
                           f"und dauert {m['de']} Monate.\n")
        texts["ja"].append(f"第{i}期の事業費は{a['ja']}00万ドルで、期間は{m['ja']}か月となる。\n")
    for locale, lines in texts.items():
        (folder / f"{locale}.md").write_text("\n".join(lines), encoding="utf-8")


def check(*argv: str) -> tuple[list, list]:
    """(findings, bundle infos with views) as ``check --format html`` computes them."""
    import argparse as _argparse

    from consistency.engine.config import load_config
    from consistency.cli import add_check_arguments
    from consistency.engine.resolve import resolve_bundles
    from consistency.engine.runner import check_bundles
    from consistency.report import BundleInfo

    parser = _argparse.ArgumentParser()
    add_check_arguments(parser)
    args = parser.parse_args(list(argv))
    config = load_config(None)
    rules = config.load_rules().select(config.select, config.ignore, dict(config.levels))
    bundles, single = resolve_bundles(args, config, {})
    results = check_bundles(bundles, rules, strict_source=single, views=True)
    findings = [f for r in results for f in r[0]]
    infos = [BundleInfo(b.id, r[1], r[2]) for b, r in zip(bundles, results)]
    return findings, infos, rules


def sort_findings(findings):
    from consistency.report import sort_findings as sort

    return sort(findings)


def render(findings, infos, rules) -> str:
    from consistency.report import render as render_report

    return render_report(findings, fmt="html", bundles=infos, tool_version="bench", rules=rules)


def browser_ms(page: Path, runs: int) -> str:
    if find_browser() is None:
        return "skipped (no Chromium)"
    times = [render_time_ms(page) for _ in range(runs)]
    return f"{statistics.median(times):,.0f} ms (min {min(times):,.0f}, max {max(times):,.0f})"


def repeated(findings, infos, count: int):
    """``count`` copies of the bundles ``infos`` under distinct ids (views and findings alike)."""
    out_findings, out_infos = [], []
    for k in range(count):
        for info in infos:
            new_id = f"{info.id}-{k:04d}"
            view = dataclasses.replace(info.view, id=new_id)
            out_infos.append(dataclasses.replace(info, id=new_id, view=view))
            out_findings.extend(dataclasses.replace(f, bundle=new_id) for f in findings if f.bundle == info.id)
    return out_findings, out_infos


def write_ntrex(folder: Path) -> bool:
    """The NTREX-128 en/de/ja news articles as files, one folder per article (False without the corpus)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from ntrex import NTREX, documents

    if not NTREX.is_dir():
        return False
    for number, versions in enumerate(documents().values()):
        article = folder / f"article-{number:03d}"
        article.mkdir(parents=True)
        for locale, sentences in versions.items():
            (article / f"{locale}.txt").write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    return True


def projected(corpus: str, what: str, folder: Path | None, *argv: str) -> tuple[str, str]:
    """A table row: the real bundles under ``folder`` on one page, bytes per bundle projected to 1,000."""
    if folder is None:
        return (corpus, "skipped: corpus absent (../shared/corpus)")
    os.chdir(folder)
    try:
        findings, infos, rules = check(*argv)
        text = render(sort_findings(findings), infos, rules)
    finally:
        os.chdir(ROOT)
    per = len(text.encode()) / len(infos)
    return (f"{corpus}, {len(infos)} real {what} bundles ({len(findings)} findings): size per bundle, projected to 1,000",
            f"{per / 1024:,.1f} KB → {per * 1000 / 1e6:,.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundles", type=int, default=1000)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="claim-consistency-bench-") as tmp:
        tmp = Path(tmp)
        article = tmp / "programme"
        article.mkdir()
        synthetic_article(article)
        findings, infos, rules = check(str(article))
        page = tmp / "article.html"
        page.write_text(render(sort_findings(findings), infos, rules), encoding="utf-8")
        rows.append(("3-version article, 81 blocks each, "
                     f"{len(findings)} findings: headless Chromium, parse + style + layout",
                     browser_ms(page, args.runs)))
        rows.append(("  its file size", f"{page.stat().st_size / 1024:,.0f} KB"))

        os.chdir(ROOT)
        findings, infos, rules = check("examples/solar-farm-drift")
        many_findings, many_infos = repeated(findings, infos, args.bundles)
        started = time.perf_counter()
        text = render(sort_findings(many_findings), many_infos, rules)
        elapsed = time.perf_counter() - started
        big = tmp / "many.html"
        big.write_text(text, encoding="utf-8")
        size = big.stat().st_size
        rows.append((f"{args.bundles:,} bundles (the 3-version example article, 5 findings each): file size",
                     f"{size / 1e6:,.1f} MB ({size / args.bundles / 1024:,.1f} KB per bundle)"))
        rows.append(("  rendering the page in Python", f"{elapsed:,.2f} s"))
        rows.append(("  headless Chromium, parse + style + layout (bundles collapsed)", browser_ms(big, max(1, args.runs // 2))))

        ntrex_folder = tmp / "ntrex"
        have_ntrex = write_ntrex(ntrex_folder)
        rows.append(projected("NTREX-128 news articles", "en/de/ja article", ntrex_folder if have_ntrex else None,
                              "--bundles", "{path}/{locale}.txt"))
        tldr = CORPUS / "tldr-pages"
        rows.append(projected("tldr-pages", "en/ja/de page", tldr if tldr.is_dir() else None,
                              "--bundles", "pages/{path}.md=en", "--bundles", "pages.{locale}/{path}.md"))

    print("| measurement | result |\n|---|---:|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
