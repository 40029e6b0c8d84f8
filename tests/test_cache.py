"""The result cache (consistency/cache.py): an unchanged bundle is answered from the cache with
the same findings; anything its result depends on changes the key; the cache never breaks a check.
The built objects kept beside it (compiled extractors, CLDR tables) are read back equal to what a
fresh process builds, and ``--no-cache`` reads and writes neither."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consistency import builds as builds_module
from consistency.builds import built
from consistency.cache import open_cache
from consistency.cli import main

ROOT = Path(__file__).resolve().parents[1]
DRIFT = ROOT / "examples" / "solar-farm-drift"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("CLAIM_CONSISTENCY_NO_CACHE", raising=False)
    monkeypatch.setenv("CLAIM_CONSISTENCY_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def bundle(tmp_path) -> Path:
    folder = tmp_path / "article"
    shutil.copytree(DRIFT, folder)
    return folder


def entries(folder: Path) -> list[Path]:
    """The stored results (the built objects live in ``builds/`` beside them)."""
    return sorted((folder / "results").rglob("*.pickle"))


def builds(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "builds").rglob("*.pickle"))


@pytest.fixture
def fresh_process(monkeypatch):
    """This process as a new one would start: nothing built in memory yet."""
    from consistency.extract import figures, names, vocabulary, weekdays
    from consistency.locale import cldr, packs

    cached = [figures.extractor, cldr.tables, vocabulary.gazetteer, names.calendar_words, names._surfaces,
              packs.load_pack, weekdays._pattern, vocabulary._builtin_vocabulary]
    for function in cached:
        function.cache_clear()
    builds_module._builds_folder.cache_clear()
    builds_module.keep_builds(True)
    yield
    for function in cached:
        function.cache_clear()
    builds_module._builds_folder.cache_clear()


def check(capsys, *argv: str) -> tuple[int, list[dict]]:
    code = main(["check", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    assert out, err
    return code, json.loads(out)["findings"]


def test_a_second_run_is_answered_from_the_cache_with_the_same_findings(cache_dir, bundle, capsys, monkeypatch):
    first = check(capsys, str(bundle))
    assert len(entries(cache_dir)) == 1
    import consistency.engine.runner as runner

    def fail(*_a, **_k):
        raise AssertionError("an unchanged bundle was checked again")

    monkeypatch.setattr(runner, "check_one", fail)
    assert check(capsys, str(bundle)) == first


def test_an_edited_version_is_checked_again(cache_dir, bundle, capsys):
    code, findings = check(capsys, str(bundle))
    assert code == 1 and any(f["rule"] == "QTY001" for f in findings)
    de = bundle / "de.md"
    de.write_text(de.read_text(encoding="utf-8").replace("neun Monate", "sechs Monate"), encoding="utf-8")
    _code, after = check(capsys, str(bundle))
    assert len(after) == len(findings) - 1
    assert not any("neun Monate" in loc["text"] for f in after for loc in f["locations"])
    assert len(entries(cache_dir)) == 2


def test_the_rules_and_their_options_are_part_of_the_key(cache_dir, bundle, capsys, tmp_path):
    check(capsys, str(bundle))
    _code, selected = check(capsys, str(bundle), "--select", "QTY001")
    assert {f["rule"] for f in selected} == {"QTY001"}
    config = tmp_path / "claim-consistency.toml"
    config.write_text('[per-rule-levels]\nQTY001 = "info"\n', encoding="utf-8")
    _code, relevelled = check(capsys, str(bundle), "--config", str(config))
    assert {f["level"] for f in relevelled if f["rule"] == "QTY001"} == {"info"}
    assert len(entries(cache_dir)) == 3


def test_no_cache_writes_nothing(cache_dir, bundle, capsys):
    check(capsys, str(bundle), "--no-cache")
    assert entries(cache_dir) == []


def test_a_damaged_entry_is_a_miss(cache_dir, bundle, capsys):
    first = check(capsys, str(bundle))
    for entry in entries(cache_dir):
        entry.write_bytes(b"not a pickle")
    assert check(capsys, str(bundle)) == first


def test_a_cache_folder_that_cannot_be_made_does_not_stop_the_check(tmp_path, bundle, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.delenv("CLAIM_CONSISTENCY_NO_CACHE", raising=False)
    monkeypatch.setenv("CLAIM_CONSISTENCY_CACHE_DIR", str(blocker / "cache"))
    code, findings = check(capsys, str(bundle))
    assert code == 1 and findings
    assert open_cache(rules=[]) is None


def test_the_environment_switch_turns_it_off(cache_dir, monkeypatch):
    monkeypatch.setenv("CLAIM_CONSISTENCY_NO_CACHE", "1")
    assert open_cache(rules=[]) is None


@pytest.mark.history
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_new_commit_changes_the_key_when_the_history_is_read(cache_dir, bundle, capsys, monkeypatch):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(bundle), *args], check=True, capture_output=True, env=env)

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    check(capsys, str(bundle))
    git("commit", "-q", "--allow-empty", "-m", "second")
    import consistency.history as history

    monkeypatch.setattr(history, "_head", history._head.__wrapped__)  # a new process would ask git again
    check(capsys, str(bundle))
    assert len(entries(cache_dir)) == 2
    check(capsys, str(bundle), "--no-history")
    assert len(entries(cache_dir)) == 3


def test_a_built_object_is_read_back_instead_of_built_again(cache_dir, fresh_process):
    assert built("thing", "de", lambda: {"de": [1, 2]}) == {"de": [1, 2]}
    assert builds(cache_dir) == ["thing-de.pickle"]

    def fail():
        raise AssertionError("built again although it was kept")

    assert built("thing", "de", fail) == {"de": [1, 2]}
    assert built("thing", "fr", lambda: "fr") == "fr"  # another tag is another entry


def test_a_damaged_built_entry_is_built_again(cache_dir, fresh_process):
    built("thing", "de", lambda: 1)
    for path in (cache_dir / "builds").rglob("*.pickle"):
        path.write_bytes(b"\x80\x05 not a pickle")
    assert built("thing", "de", lambda: 2) == 2
    assert built("thing", "de", lambda: 3) == 2  # and written again


def test_other_code_builds_in_its_own_folder_and_only_four_are_kept(cache_dir, fresh_process, monkeypatch):
    for n in range(6):
        monkeypatch.setattr(builds_module, "code_fingerprint", lambda n=n: f"code {n}".encode())
        builds_module._builds_folder.cache_clear()
        assert built("thing", "de", lambda n=n: n) == n  # never another code's object
    assert len([p for p in (cache_dir / "builds").iterdir() if p.is_dir()]) == 4


@pytest.mark.parametrize("tag", ["en", "de", "ja", "fi", "ar", "hi", "pt-BR"])
def test_an_extractor_read_from_the_cache_extracts_what_a_new_one_does(cache_dir, fresh_process, tag):
    from consistency.extract import figures

    text = ("Am 3. März 2024 kostete es 80 Milliarden Dollar; 2 GW, 35 km, 12,5 %, von 2 bis 3 Tonnen. "
            "The plant cost $80 billion and delivers 1,500.5 MW from 3 March 2024, up to 40 miles away. "
            "2024年3月3日、800億ドル、200万キロワット。 ٣٥ كم في ٢٠٢٤ ، 35 kilometriä, 1,00,000 रुपये.")
    fresh = figures.Extractor(figures.normalize_tag(tag)).extract(text)
    figures.extractor(tag)  # built and written
    figures.extractor.cache_clear()
    assert any(name.startswith("figures-") for name in builds(cache_dir))
    assert figures.extractor(tag).extract(text) == fresh  # read back


def test_no_cache_builds_in_memory_and_writes_nothing(cache_dir, bundle, capsys, fresh_process):
    code, findings = check(capsys, str(bundle), "--no-cache")
    assert code == 1 and findings
    assert not cache_dir.exists() or not any(cache_dir.rglob("*.pickle"))


def test_a_check_in_a_fresh_process_reads_what_the_first_one_kept(cache_dir, bundle, capsys, fresh_process,
                                                                  monkeypatch):
    first = check(capsys, str(bundle), "--no-history")
    kept = builds(cache_dir)
    assert {"figures-de.pickle", "figures-en.pickle", "figures-ja.pickle", "cldr-de.pickle"} <= set(kept)
    shutil.rmtree(cache_dir / "results")
    from consistency.extract import figures

    figures.extractor.cache_clear()

    def fail(self, tag):
        raise AssertionError(f"the {tag} extractor was compiled again")

    monkeypatch.setattr(figures.Extractor, "__init__", fail)  # unpickling does not call it
    assert check(capsys, str(bundle), "--no-history") == first


def test_the_built_in_rules_vocabulary_and_day_names_are_read_back_as_parsed(cache_dir, fresh_process, monkeypatch):
    from consistency.builds import fingerprinted
    from consistency.engine import registry
    from consistency.extract import vocabulary, weekdays

    assert fingerprinted(registry.builtin_rules_dir()) and not fingerprinted(cache_dir)
    rules = list(registry.load_rules())
    vocab = vocabulary.default_vocabulary()
    days = weekdays.weekday_mentions("Am Dienstag, nicht am Montag", "de")
    kept = builds(cache_dir)
    assert {"vocabulary-builtin.pickle", "weekdays-de.pickle"} <= set(kept)
    assert any(name.startswith("rules-") for name in kept)
    vocabulary._builtin_vocabulary.cache_clear()
    weekdays._pattern.cache_clear()

    def fail(*_a, **_k):
        raise AssertionError("parsed again although it was kept")

    monkeypatch.setattr(registry, "_load_dir", fail)
    monkeypatch.setattr(vocabulary, "load_vocabulary", fail)
    monkeypatch.setattr(weekdays, "day_names", fail)
    assert list(registry.load_rules()) == rules
    assert repr(vocabulary.default_vocabulary().entities) == repr(vocab.entities)  # entities compare by identity
    assert weekdays.weekday_mentions("Am Dienstag, nicht am Montag", "de") == days


def test_rules_outside_the_package_are_never_kept(cache_dir, fresh_process, tmp_path, monkeypatch):
    from consistency.engine import registry

    own = tmp_path / "rules"
    shutil.copytree(registry.builtin_rules_dir(), own)
    monkeypatch.setattr(registry, "builtin_rules_dir", lambda: own)
    assert registry.load_rules()["QTY001"].source == (own / "QTY001.yml").resolve()
    assert not any(name.startswith("rules-") for name in builds(cache_dir))


def test_a_process_that_finds_the_built_objects_parses_no_yaml_and_no_cldr_locale(cache_dir, bundle):
    code = ("import sys; from consistency.cli import main; main(['check', '--no-history', sys.argv[1]]); "
            "print(sorted(m for m in ('yaml', 'babel.dates') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(2):  # the first process builds and keeps; the second checks the bundle again
        shutil.rmtree(cache_dir / "results", ignore_errors=True)
        run = subprocess.run([sys.executable, "-c", code, str(bundle)], capture_output=True, text=True, env=env,
                             check=False)
    assert run.stdout.strip().splitlines()[-1] == "[]", run.stderr


def test_a_check_whose_every_result_is_stored_imports_no_extractor(cache_dir, bundle):
    code = ("import sys; from consistency.cli import main; main(['check', '--no-history', sys.argv[1]]); "
            "print(sorted(m for m in ('consistency.extract.figures', 'consistency.match.analysis') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", code, str(bundle)], capture_output=True, text=True, env=env,
                           check=False) for _ in range(2)]  # the first checks and stores, the second reads
    assert [run.stdout.strip().splitlines()[-1] for run in runs] == [
        "['consistency.extract.figures', 'consistency.match.analysis']", "[]"], runs[1].stderr
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1]


def test_workers_store_what_they_check_and_a_second_run_reads_it(cache_dir, tmp_path, capsys, monkeypatch):
    # --jobs 2: each worker writes the entries of the bundles it checked
    root = tmp_path / "site"
    for name in ("a", "b", "c"):
        for locale in ("en", "de", "ja"):
            (root / locale).mkdir(parents=True, exist_ok=True)
            (root / locale / f"{name}.md").write_text((DRIFT / f"{locale}.md").read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    argv = ["--bundles", "{locale}/{path}.md", "--jobs", "2", "--no-history", str(root)]
    first = check(capsys, *argv)
    assert len(entries(cache_dir)) == 3
    import consistency.engine.runner as runner

    def fail(*_a, **_k):
        raise AssertionError("an unchanged bundle was checked again")

    monkeypatch.setattr(runner, "check_one", fail)
    assert check(capsys, *argv) == first
