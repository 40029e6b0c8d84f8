"""Configuration: claim-consistency.toml and [tool.claim-consistency] in pyproject.toml."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from consistency.engine.config import Config, find_config_file, load_config
from consistency.errors import ConfigError
from consistency.model import Level

FULL = """
select = ["QTY", "DAT001"]
ignore = ["QTY002"]
fail-level = "warning"
source-locale = "ja"
baseline = "qa/baseline.json"
rule-dirs = ["qa/rules", "/opt/shared-rules"]
bundles = ["content/{locale}/{slug}.md"]
exclude = ["drafts", "content/archive/*"]
format = "sarif"

[per-rule-levels]
QTY001 = "warning"
coverage = "info"

[locales]
jp = "ja"
"""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(start=tmp_path)
    assert config == Config(root=tmp_path.resolve())
    assert config.path is None
    assert config.fail_level is Level.ERROR and config.format == "text"
    assert config.select == () and config.baseline is None


def test_full_file(tmp_path: Path) -> None:
    file = _write(tmp_path / "claim-consistency.toml", FULL)
    config = load_config(file)
    root = tmp_path.resolve()
    assert config.path == file.resolve() and config.root == root
    assert config.select == ("QTY", "DAT001") and config.ignore == ("QTY002",)
    assert config.fail_level is Level.WARNING
    assert config.source_locale == "ja"
    assert config.baseline == root / "qa" / "baseline.json"
    assert config.rule_dirs == (root / "qa" / "rules", Path("/opt/shared-rules"))
    assert config.bundles == ((root / "content").as_posix() + "/{locale}/{slug}.md",)
    assert config.exclude == ("drafts", (root / "content" / "archive").as_posix() + "/*")
    assert config.format == "sarif"
    assert config.levels == {"QTY001": Level.WARNING, "coverage": Level.INFO}
    assert config.locales == {"jp": "ja"}


def test_pyproject_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[project]\nname = "site"\n\n[tool.claim-consistency]\nsource-locale = "de"\n')
    config = load_config(start=tmp_path)
    assert config.source_locale == "de" and config.path == (tmp_path / "pyproject.toml").resolve()
    assert load_config(tmp_path / "pyproject.toml").source_locale == "de"


def test_discovery_walks_up(tmp_path: Path) -> None:
    _write(tmp_path / "claim-consistency.toml", 'source-locale = "ja"\n')
    deep = tmp_path / "content" / "ja" / "news"
    deep.mkdir(parents=True)
    config = load_config(start=deep)
    assert config.source_locale == "ja" and config.root == tmp_path.resolve()
    # A file as the start point works as its folder.
    article = _write(deep / "a.ja.md", "テスト\n")
    assert find_config_file(article) == (tmp_path / "claim-consistency.toml").resolve()


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "claim-consistency.toml", 'source-locale = "en"\n')
    _write(tmp_path / "sub" / "pyproject.toml", '[tool.black]\nline-length = 100\n')
    assert load_config(start=tmp_path / "sub").source_locale == "en"


def test_nearest_file_wins_and_dedicated_file_first(tmp_path: Path) -> None:
    _write(tmp_path / "claim-consistency.toml", 'source-locale = "en"\n')
    _write(tmp_path / "sub" / "pyproject.toml", '[tool.claim-consistency]\nsource-locale = "de"\n')
    assert load_config(start=tmp_path / "sub").source_locale == "de"
    _write(tmp_path / "sub" / "claim-consistency.toml", 'source-locale = "ja"\n')
    assert load_config(start=tmp_path / "sub").source_locale == "ja"


def test_explicit_pyproject_without_table(tmp_path: Path) -> None:
    file = _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.claim-consistency\] table"):
        load_config(file)


def test_explicit_file_missing(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [("fail_level", "'fail-level'"), ("selct", "'select'"), ("rule-dir", "'rule-dirs'"), ("colour", "valid keys are")],
)
def test_unknown_key_names_key_file_and_suggestion(tmp_path: Path, key: str, suggestion: str) -> None:
    file = _write(tmp_path / "claim-consistency.toml", f'{key} = "x"\n')
    with pytest.raises(ConfigError) as info:
        load_config(file)
    message = str(info.value)
    assert message.startswith(f"{file.resolve()}: unknown key {key!r}")
    assert suggestion in message and "\n" not in message


def test_unknown_key_in_pyproject(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.claim-consistency]\nsource_locale = 'ja'\n")
    with pytest.raises(ConfigError, match="unknown key 'source_locale'; did you mean 'source-locale'"):
        load_config(start=tmp_path)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("select = 3\n", "select must be a list of strings"),
        ("select = [1]\n", "select must be a list of strings"),
        ('fail-level = "fatal"\n', "fail-level must be error, warning or info"),
        ('format = "xml"\n', "format must be one of text, json, sarif, github"),
        ("source-locale = 1\n", "source-locale must be a string"),
        ('[per-rule-levels]\nQTY001 = "loud"\n', "per-rule-levels.QTY001 must be error"),
        ("locales = 1\n", "locales must be a table of strings"),
    ],
)
def test_invalid_values(tmp_path: Path, text: str, match: str) -> None:
    file = _write(tmp_path / "claim-consistency.toml", text)
    with pytest.raises(ConfigError, match=match) as info:
        load_config(file)
    assert str(file.resolve()) in str(info.value)


def test_single_string_is_a_list(tmp_path: Path) -> None:
    file = _write(tmp_path / "claim-consistency.toml", 'select = "QTY"\n')
    assert load_config(file).select == ("QTY",)


def test_malformed_toml_is_one_line(tmp_path: Path) -> None:
    file = _write(tmp_path / "claim-consistency.toml", 'select = ["QTY"\nignore = []\n')
    with pytest.raises(ConfigError) as info:
        load_config(file)
    message = str(info.value)
    assert message.startswith(f"{file}: invalid TOML:") and "line 2" in message and "\n" not in message


def test_select_rules_applies_selection_and_levels(tmp_path: Path) -> None:
    file = _write(
        tmp_path / "claim-consistency.toml",
        'select = ["QTY", "COV"]\nignore = ["QTY002"]\n[per-rule-levels]\nmissing-passage = "error"\n',
    )
    rules = load_config(file).select_rules()
    assert [(rule.id, rule.level) for rule in rules] == [("COV001", Level.ERROR), ("COV002", Level.WARNING),
                                                         ("COV003", Level.WARNING),
                                                         ("COV004", Level.WARNING), ("QTY001", Level.ERROR),
                                                         ("QTY003", Level.ERROR)]


def test_select_rules_unknown_selector(tmp_path: Path) -> None:
    file = _write(tmp_path / "claim-consistency.toml", 'select = ["QTY9"]\n')
    with pytest.raises(ConfigError, match="unknown rule selector 'QTY9'"):
        load_config(file).select_rules()


def test_rule_dirs_from_config(tmp_path: Path) -> None:
    import yaml

    from consistency.engine.registry import builtin_rules_dir

    data = yaml.safe_load((builtin_rules_dir() / "QTY002.yml").read_text(encoding="utf-8"))
    data.update(id="QTY201", name="local-missing")
    _write(tmp_path / "qa" / "rules" / "QTY201.yml", yaml.safe_dump(data, allow_unicode=True))
    file = _write(tmp_path / "claim-consistency.toml", 'rule-dirs = ["qa/rules"]\nselect = ["QTY2"]\n')
    assert [rule.id for rule in load_config(file).select_rules()] == ["QTY201"]


def test_is_excluded(tmp_path: Path) -> None:
    file = _write(tmp_path / "claim-consistency.toml", 'exclude = ["drafts", "*.bak", "content/archive/*"]\n')
    config = load_config(file)
    root = tmp_path.resolve()
    assert config.is_excluded(root / "content" / "drafts" / "a.ja.md")
    assert config.is_excluded("content/a.de.md.bak")
    assert config.is_excluded("content/archive/2019/a.en.md")
    assert config.is_excluded(root / "node_modules" / "pkg" / "README.md")
    assert not config.is_excluded("content/news/a.ja.md")
    assert not config.is_excluded(root / "content" / "archived.md")


def test_config_is_overridable() -> None:
    config = dataclasses.replace(Config(), select=("DAT",), fail_level=Level.INFO)
    assert [rule.id for rule in config.select_rules()] == ["DAT001", "DAT002"]


# --------------------------------------------------------------------------- user vocabularies


HARBOUR_EN = "Harbour Transit will open the new line in May.\n"
HARBOUR_JA = "港湾交通局は5月に新路線を開業する。\n"
DROPPED_JA = "5月に新路線が開業する。\n"


def _check_json(monkeypatch, capsys, folder: Path) -> list[dict]:
    import json

    from consistency.cli import main

    monkeypatch.chdir(folder)
    rc = main(["check", "article.en.txt", "article.ja.txt", "--format", "json", "--select", "NAM"])
    out = capsys.readouterr().out
    assert rc in (0, 1), out
    return json.loads(out)["findings"]


def _write_vocabulary(root: Path) -> None:
    """A rule dir ``qa/rules`` whose vocabulary knows how Japanese writes Harbour Transit."""
    vocab = root / "qa" / "rules" / "vocab"
    vocab.mkdir(parents=True)
    (vocab / "transit.yml").write_text(
        "entities:\n  - id: harbour-transit\n    type: organization\n    forms:\n"
        "      en: [Harbour Transit]\n      ja: [港湾交通局]\n", encoding="utf-8")
    _write(root / "claim-consistency.toml", 'rule-dirs = ["qa/rules"]\n')


def test_a_vocabulary_in_a_rule_dir_teaches_check_a_name(tmp_path, monkeypatch, capsys):
    (tmp_path / "article.en.txt").write_text(HARBOUR_EN, encoding="utf-8")
    (tmp_path / "article.ja.txt").write_text(DROPPED_JA, encoding="utf-8")
    # without a vocabulary, how the Japanese writes this name is unknown: no finding either way
    assert _check_json(monkeypatch, capsys, tmp_path) == []
    _write_vocabulary(tmp_path)
    # with it, the dropped name is found, and the name written as the vocabulary says is accepted
    found = _check_json(monkeypatch, capsys, tmp_path)
    assert [f["rule"] for f in found] == ["NAM001"] and "Harbour Transit" in found[0]["message"]
    (tmp_path / "article.ja.txt").write_text(HARBOUR_JA, encoding="utf-8")
    assert _check_json(monkeypatch, capsys, tmp_path) == []


def test_a_broken_user_vocabulary_is_a_one_line_error(tmp_path, monkeypatch, capsys):
    from consistency.cli import main

    (tmp_path / "article.en.txt").write_text(HARBOUR_EN, encoding="utf-8")
    (tmp_path / "article.ja.txt").write_text(HARBOUR_JA, encoding="utf-8")
    (tmp_path / "qa" / "rules" / "vocab").mkdir(parents=True)
    (tmp_path / "qa" / "rules" / "vocab" / "bad.yml").write_text("entities: [oops\n", encoding="utf-8")
    _write(tmp_path / "claim-consistency.toml", 'rule-dirs = ["qa/rules"]\n')
    monkeypatch.chdir(tmp_path)
    rc = main(["check", "article.en.txt", "article.ja.txt"])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and "bad.yml" in err and "invalid YAML" in err


def _vocab_site(root: Path, pages: int = 3) -> None:
    _write_vocabulary(root)
    for i in range(pages):
        for locale, text in (("en", HARBOUR_EN), ("ja", DROPPED_JA)):
            (root / locale).mkdir(exist_ok=True)
            (root / locale / f"page{i}.txt").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_user_vocabulary_reaches_worker_processes(tmp_path, monkeypatch, capsys, jobs):
    """The vocabulary is passed to each check, not set process-wide: worker processes build the
    configuration's own (issue 9 item 3)."""
    import json

    from consistency.cli import main

    _vocab_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    rc = main(["check", "--bundles", "{locale}/{path}.txt", "--format", "json", "--select", "NAM", "--jobs", jobs,
               "--no-cache"])
    out, err = capsys.readouterr()
    found = json.loads(out)["findings"]
    assert rc == 0 and sorted(f["rule"] for f in found) == ["NAM001"] * 3, err  # warnings: exit 0


def test_checking_without_the_configuration_uses_the_built_in_vocabulary_only(tmp_path, monkeypatch, capsys):
    """A check with the user's vocabulary leaves nothing behind in the process: the next check,
    given no vocabulary, knows only the built-in names."""
    from consistency.bundles import Bundle
    from consistency.engine.checker import check_bundle
    from consistency.engine.registry import load_rules
    from consistency.extract.vocabulary import vocabulary_for

    _vocab_site(tmp_path, pages=1)
    rules = load_rules().select(["NAM001"])
    bundle = Bundle(id="page0", paths=[str(tmp_path / "en" / "page0.txt"), str(tmp_path / "ja" / "page0.txt")],
                    locales=["en", "ja"])
    with_vocab, _ = check_bundle(bundle, rules, history=False, vocabulary=vocabulary_for([tmp_path / "qa" / "rules"]))
    without, _ = check_bundle(bundle, rules, history=False)
    assert [f.rule for f in with_vocab] == ["NAM001"] and without == []
