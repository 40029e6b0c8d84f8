"""Checking bundles on Dask (``--dask``): the same findings, in the same order, as ``--jobs 1``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import main

ROOT = Path(__file__).resolve().parents[1]

EN = "The port will spend $80 billion on new quays.\n\nThe tunnel is 12 kilometers long.\n"
DE = "Der Hafen wird 80 Milliarden Dollar für neue Kais ausgeben.\n\nDer Tunnel ist 12 Kilometer lang.\n"
JA = "港は新しい岸壁に800億ドルを投じる。\n\nトンネルの長さは12キロメートルだ。\n"


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=50)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _site(root: Path, n: int = 12) -> None:
    for i in range(n):
        de = DE.replace("80 Milliarden", "8 Milliarden") if i % 3 == 0 else DE
        for locale, text in (("en", EN), ("de", de), ("ja", JA)):
            path = root / "content" / locale / f"a{i:02d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def _check(root: Path):
    import argparse

    from consistency.engine.config import load_config
    from consistency.engine.resolve import resolve_bundles

    config = load_config(None)
    ns = argparse.Namespace(paths=[str(root)], bundles=["content/{locale}/{path}.md"], expand=False)
    bundles, _ = resolve_bundles(ns, config, {}, source="en")
    return bundles, config


def test_a_local_cluster_gives_the_findings_of_one_process(client, tmp_path):
    from consistency.engine.distributed import check_bundles_dask
    from consistency.engine.resolve import bundle_source
    from consistency.engine.runner import check_bundles

    _site(tmp_path)
    bundles, config = _check(tmp_path)
    rules = config.load_rules().select((), (), {})
    spec = (config, (), (), {})
    serial = check_bundles(bundles, rules, source="en")
    sources = [bundle_source(b, "en", False) for b in bundles]
    seen: list[str] = []
    on_dask = check_bundles_dask(bundles, sources, spec, client=client, progress=seen.append)
    assert on_dask == serial
    assert sorted(seen) == sorted(b.id for b in bundles)
    assert sum(len(findings) for findings, _versions in on_dask) == 4  # a00, a03, a06, a09
    # each worker built the rules once for the spec, whatever the number of bundles it checked
    counts = client.run(lambda: len(__import__("consistency.engine.distributed", fromlist=["_RULES"])._RULES))
    assert set(counts.values()) <= {0, 1}


def test_a_worker_error_is_a_one_line_error(client, tmp_path):
    from consistency.engine.distributed import check_bundles_dask
    from consistency.engine.config import load_config
    from consistency.engine.runner import Bundle
    from consistency.errors import InputError

    config = load_config(None)
    gone = Bundle(id="gone", paths=[str(tmp_path / "a.en.md"), str(tmp_path / "a.de.md")], locales=["en", "de"])
    with pytest.raises(InputError):
        check_bundles_dask([gone], [None], (config, (), (), {}), client=client)


def test_the_cli_on_a_local_cluster(tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    _site(tmp_path, 6)
    monkeypatch.chdir(tmp_path)
    args = ["check", "--bundles", "content/{locale}/{path}.md", "--source", "en", "--format", "json"]
    assert main(args) == 1
    serial = json.loads(capsys.readouterr().out)
    assert main([*args, "--dask", "local", "--jobs", "2"]) == 1
    assert json.loads(capsys.readouterr().out) == serial


@pytest.mark.corpus
def test_tldr_pages_on_a_local_cluster_as_with_jobs_1(client, corpus):
    from consistency.bundles import discover
    from consistency.engine.distributed import check_bundles_dask
    from consistency.engine.config import load_config
    from consistency.engine.resolve import bundle_source
    from consistency.engine.runner import check_bundles

    tldr = corpus / "tldr-pages"
    if not tldr.is_dir():
        pytest.skip("tldr-pages is not in the corpus")
    patterns = [str(tldr / "pages/{path}.md=en"), str(tldr / "pages.ja/{path}.md"), str(tldr / "pages.de/{path}.md")]
    bundles = discover(str(tldr), patterns, source="en")
    config = load_config(None)
    rules = config.load_rules().select((), (), {})
    serial = check_bundles(bundles, rules, source="en")
    on_dask = check_bundles_dask(bundles, [bundle_source(b, "en", False) for b in bundles],
                                 (config, (), (), {}), client=client)
    assert len(bundles) > 400
    assert on_dask == serial


def test_without_the_extra_dask_is_a_one_line_error(tmp_path):
    _site(tmp_path, 2)
    code = ("import sys; sys.modules['distributed'] = None\n"
            "from consistency.cli import main\n"
            "sys.exit(main(['check', '--bundles', 'content/{locale}/{path}.md', '--dask', 'local']))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "CLAIM_CONSISTENCY_NO_NOTES": "1"})
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "claim-consistency: error: --dask needs Dask's distributed scheduler: pip install 'claim-consistency[dask]'"]
