"""The rule registry: shipped rules, the schema, loading errors and selection."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from consistency.engine import registry
from consistency.engine.registry import (
    CATEGORIES,
    KINDS,
    MESSAGE_FIELDS,
    builtin_rules_dir,
    load_rules,
    resolve_kind,
    rules_table_markdown,
)
from consistency.errors import ConfigError
from consistency.model import Level

REPO = Path(__file__).resolve().parents[1]
RULES_DIR = REPO / "rules"
SCHEMA = json.loads((RULES_DIR / "schema.json").read_text(encoding="utf-8"))
RULE_FILES = sorted(RULES_DIR.glob("*.yml"))


def _validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def _data(rule_id: str) -> dict:
    return yaml.safe_load((RULES_DIR / f"{rule_id}.yml").read_text(encoding="utf-8"))


def _write(folder: Path, data: dict, stem: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem or data['id']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- shipped rules


def test_builtin_dir_is_the_checkout_rules_folder() -> None:
    assert builtin_rules_dir() == RULES_DIR


def test_shipped_rules() -> None:
    rules = load_rules()
    assert rules.ids == ["COV001", "COV002", "COV003", "COV004", "DAT001", "DAT002", "NAM001", "NAM002", "NAM003",
                         "PLH001", "PLH002", "QTY001", "QTY002", "QTY003", "QUO001", "QUO002", "QUO003", "STL001", "SUP001",
                         "TRM001"]
    expected = {
        "QTY001": ("quantity-mismatch", "quantity-mismatch", Level.ERROR, "quantity", {"relative_tolerance": 0.02}),
        "QTY002": ("quantity-missing", "quantity-missing", Level.WARNING, "quantity", {}),
        "QTY003": ("pair-mismatch", "pair-mismatch", Level.ERROR, "quantity", {}),
        "DAT001": ("date-mismatch", "date-mismatch", Level.ERROR, "date", {}),
        "DAT002": ("weekday-mismatch", "weekday-mismatch", Level.ERROR, "date", {}),
        "COV001": ("missing-passage", "coverage", Level.WARNING, "coverage", {"min_chars": 1}),
        "COV002": ("untranslated-passage", "untranslated", Level.WARNING, "coverage", {"min_words": 4}),
        "SUP001": ("unused-suppression", "unused-suppression", Level.INFO, "meta", {}),
        "NAM001": ("name-missing", "name-missing", Level.WARNING, "name", {"window_before": 3, "window_after": 1}),
        "NAM002": ("name-variant", "name-variant", Level.ERROR, "name", {}),
        "NAM003": ("name-conflict", "name-conflict", Level.ERROR, "name", {"window_before": 3, "window_after": 1}),
        "QUO001": ("quote-count", "quote-count", Level.WARNING, "quote", {"min_words": 4}),
        "QUO002": ("quote-speaker", "quote-speaker", Level.ERROR, "quote", {}),
        "QUO003": ("quote-paraphrased", "quote-paraphrased", Level.WARNING, "quote", {"min_words": 4}),
        "STL001": ("translation-stale", "translation-stale", Level.ERROR, "revision", {}),
        "PLH001": ("placeholder-mismatch", "placeholder-mismatch", Level.ERROR, "placeholder", {}),
        "PLH002": ("markup-mismatch", "markup-mismatch", Level.WARNING, "placeholder", {}),
        "COV003": ("missing-file", "missing-file", Level.WARNING, "coverage", {}),
        "COV004": ("orphan-file", "orphan-file", Level.WARNING, "coverage", {}),
        "TRM001": ("term-forbidden", "term-forbidden", Level.WARNING, "term", {}),
    }
    for rule in rules:
        assert (rule.name, rule.kind, rule.level, rule.category, dict(rule.options)) == expected[rule.id]
        assert rule.source == (RULES_DIR / f"{rule.id}.yml")
    assert rules["QTY001"].message == "{locale} gives {value} where {other_locale} gives {other_value}"
    assert rules["QTY002"].message == "{locale} states {value} ({text}); {other_locale} has no matching figure"
    assert rules["COV001"].message == (
        "{locale} blocks {blocks}, {chars} characters, have no counterpart in {other_locale}"
    )
    assert rules["SUP001"].message == "suppression of {rule} matches no finding"


def test_only_yaml_rules_in_the_rules_folder() -> None:
    stems = {path.stem for path in RULES_DIR.iterdir() if path.suffix in (".yml", ".yaml")}
    assert stems == set(load_rules().ids)


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda path: path.stem)
def test_shipped_rule_validates_against_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _validator().validate(data)
    assert data["id"] == path.stem


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda path: path.stem)
def test_shipped_rule_docs_have_a_trilingual_example(path: Path) -> None:
    rule = load_rules()[path.stem]
    for locale in ("ja", "de", "en"):
        assert f"{locale}:" in rule.docs.example
    assert rule.docs.summary.endswith(".")
    markdown = rule.docs_markdown()
    for heading in ("## What it does", "## Why it matters", "## Example"):
        assert heading in markdown


def test_schema_agrees_with_registry() -> None:
    props = SCHEMA["properties"]
    assert props["kind"]["enum"] == list(KINDS)
    assert props["category"]["enum"] == list(CATEGORIES)
    assert props["level"]["enum"] == [level.value for level in Level]
    for name in MESSAGE_FIELDS:
        assert name in props["message"]["pattern"]


def test_kinds_map_to_check_functions() -> None:
    # the closed set of kinds is a contract of the rule files; each runs check_<kind>
    assert set(KINDS) == {"quantity-mismatch", "quantity-missing", "pair-mismatch", "date-mismatch", "weekday-mismatch", "coverage", "untranslated",
                          "unused-suppression", "name-missing", "name-variant", "name-conflict", "quote-count",
                          "quote-speaker", "quote-paraphrased", "translation-stale", "placeholder-mismatch",
                          "markup-mismatch", "term-forbidden", "missing-file", "orphan-file"}
    import importlib

    for kind, path in KINDS.items():
        module, _, function = path.partition(":")
        assert function == "check_" + kind.replace("-", "_"), path
        assert callable(getattr(importlib.import_module(module), function)), path
    assert load_rules()["QTY001"].check_path == KINDS["quantity-mismatch"]


def test_loading_rules_imports_no_check_code() -> None:
    code = (
        "import sys\n"
        "from consistency.engine.registry import load_rules\n"
        "rules = load_rules(); rules.select(['QTY'])\n"
        "heavy = [m for m in ('consistency.engine.checks', 'babel', 'pint', 'jsonschema') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"


def test_message_format() -> None:
    rules = load_rules()
    assert rules["QTY001"].format_message(locale="de", value="8E+9 USD", other_locale="ja", other_value="8E+10 USD") == (
        "de gives 8E+9 USD where ja gives 8E+10 USD"
    )
    assert rules["SUP001"].format_message() == "suppression of {rule} matches no finding"


def test_rules_table() -> None:
    table = rules_table_markdown(load_rules())
    assert table.splitlines()[0] == "| Code | Name | Level | What it does |"
    assert "| QTY001 | quantity-mismatch | error |" in table


# --------------------------------------------------------------------------- broken rules

MUTATIONS = {
    "bad-id": lambda d: d.update(id="QTY01"),
    "bad-name": lambda d: d.update(name="QuantityMismatch"),
    "unknown-kind": lambda d: d.update(kind="regex"),
    "bad-level": lambda d: d.update(level="fatal"),
    "bad-category": lambda d: d.update(category="numbers"),
    "unknown-field": lambda d: d.update(severity="error"),
    "missing-docs": lambda d: d.pop("docs"),
    "missing-message": lambda d: d.pop("message"),
    "extra-docs-key": lambda d: d["docs"].update(see_also="QTY002"),
    "missing-docs-key": lambda d: d["docs"].pop("example"),
    "empty-docs": lambda d: d["docs"].update(example=""),
    "unknown-message-field": lambda d: d.update(message="{locale} says {amount}"),
    "unknown-option": lambda d: d["options"].update(relative_tolerence=0.1),
    "negative-option": lambda d: d["options"].update(relative_tolerance=-1),
    "string-option": lambda d: d["options"].update(relative_tolerance="2%"),
}


@pytest.mark.parametrize("mutation", list(MUTATIONS))
def test_broken_rule_fails_schema_and_loader(mutation: str, tmp_path: Path) -> None:
    data = copy.deepcopy(_data("QTY001"))
    MUTATIONS[mutation](data)
    assert list(_validator().iter_errors(data)), f"schema accepted {mutation}"
    stem = "QTY001" if mutation != "bad-id" else "QTY01"
    _write(tmp_path / "rules", data, stem=stem)
    with pytest.raises(ConfigError) as info:
        load_rules([tmp_path / "rules"], builtin=False)
    message = str(info.value)
    assert "\n" not in message and "rules" in message


def test_unknown_kind_lists_valid_kinds(tmp_path: Path) -> None:
    data = _data("QTY001") | {"kind": "spelling"}
    path = _write(tmp_path, data)
    with pytest.raises(ConfigError) as info:
        load_rules([tmp_path], builtin=False)
    assert str(info.value) == (
        f"{path}: unknown kind 'spelling'; valid kinds are "
        "quantity-mismatch, quantity-missing, pair-mismatch, date-mismatch, weekday-mismatch, coverage, untranslated, unused-suppression, name-missing, "
        "name-variant, name-conflict, quote-count, quote-speaker, quote-paraphrased, translation-stale, "
        "placeholder-mismatch, markup-mismatch, term-forbidden, missing-file, orphan-file"
    )
    with pytest.raises(ConfigError, match="valid kinds are quantity-mismatch"):
        resolve_kind("spelling")


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "QTY009.yml"
    path.write_text("id: QTY009\nname: broken\nmessage: [unclosed\nlevel: error\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_rules([tmp_path])
    message = str(info.value)
    assert message.startswith(f"{path}:") and "invalid YAML" in message and "\n" not in message
    line = int(message[len(str(path)) + 1 :].split(":")[0])
    assert line in (3, 4, 5)


def test_id_must_equal_file_name(tmp_path: Path) -> None:
    _write(tmp_path, _data("QTY001") | {"id": "QTY005"}, stem="QTY004")
    with pytest.raises(ConfigError, match="must equal the file name 'QTY004'"):
        load_rules([tmp_path])


def test_not_a_mapping(tmp_path: Path) -> None:
    (tmp_path / "QTY004.yml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a mapping"):
        load_rules([tmp_path])


def test_duplicate_name(tmp_path: Path) -> None:
    _write(tmp_path, _data("QTY001") | {"id": "QTY009"})
    with pytest.raises(ConfigError, match="name 'quantity-mismatch' is already used by QTY001"):
        load_rules([tmp_path])


def test_missing_rule_dir(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rule directory not found"):
        load_rules([tmp_path / "nope"])


# --------------------------------------------------------------------------- user rules


def test_user_dir_adds_and_overrides(tmp_path: Path) -> None:
    _write(tmp_path, _data("QTY001") | {"level": "warning", "options": {"relative_tolerance": 0.05}})
    _write(tmp_path, _data("QTY002") | {"id": "QTY101", "name": "quantity-missing-strict", "level": "error"})
    rules = load_rules([tmp_path])
    assert rules.ids == ["COV001", "COV002", "COV003", "COV004", "DAT001", "DAT002", "NAM001", "NAM002", "NAM003",
                         "PLH001", "PLH002", "QTY001", "QTY002", "QTY003", "QTY101", "QUO001", "QUO002", "QUO003", "STL001", "SUP001",
                         "TRM001"]
    assert rules["QTY001"].level is Level.WARNING
    assert rules["QTY001"].options["relative_tolerance"] == 0.05
    assert rules["QTY001"].source == (tmp_path / "QTY001.yml").resolve()
    assert rules["quantity-missing-strict"].kind == "quantity-missing"
    assert load_rules([tmp_path], builtin=False).ids == ["QTY001", "QTY101"]


def test_options_default_when_omitted(tmp_path: Path) -> None:
    data = _data("COV001")
    del data["options"]
    _write(tmp_path, data)
    assert dict(load_rules([tmp_path])["COV001"].options) == {"min_chars": 1}


def test_each_file_is_parsed_once(tmp_path: Path) -> None:
    path = _write(tmp_path, _data("QTY002") | {"id": "QTY102", "name": "another-missing"})
    load_rules([tmp_path])
    before = registry._parse_rule_file.cache_info()
    load_rules([tmp_path])
    after = registry._parse_rule_file.cache_info()
    assert after.misses == before.misses and after.hits == before.hits + 21
    # An edited file is read again.
    path.write_text(path.read_text(encoding="utf-8").replace("warning", "error"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert load_rules([tmp_path])["QTY102"].level is Level.ERROR


# --------------------------------------------------------------------------- selection


def _ids(rules) -> list[str]:
    return [rule.id for rule in rules]


def test_select_defaults_to_all() -> None:
    rules = load_rules()
    assert _ids(rules.select()) == rules.ids
    assert _ids(rules.select(["ALL"])) == rules.ids


@pytest.mark.parametrize(
    ("select", "expected"),
    [
        (["QTY"], ["QTY001", "QTY002", "QTY003"]),
        (["QTY0"], ["QTY001", "QTY002", "QTY003"]),
        (["Q"], ["QTY001", "QTY002", "QTY003", "QUO001", "QUO002", "QUO003"]),
        (["QTY001"], ["QTY001"]),
        (["qty001"], ["QTY001"]),
        (["quantity-mismatch"], ["QTY001"]),
        (["missing-passage", "DAT"], ["COV001", "DAT001", "DAT002"]),
        (["QTY,DAT001"], ["DAT001", "QTY001", "QTY002", "QTY003"]),
        ("SUP001", ["SUP001"]),
    ],
)
def test_select(select, expected) -> None:
    assert _ids(load_rules().select(select)) == expected


def test_ignore_removes() -> None:
    rules = load_rules()
    assert _ids(rules.select(ignore=["QTY002", "COV", "NAM", "QUO", "PLH"])) == ["DAT001", "DAT002", "QTY001", "QTY003",
                                                                                 "STL001", "SUP001", "TRM001"]
    assert _ids(rules.select(["QTY"], ["QTY"])) == []
    assert _ids(rules.select(["QTY001"], ["QTY"])) == []
    assert _ids(rules.select(["ALL"], ["unused-suppression", "NAM", "QUO", "PLH", "COV003", "COV004"])) == [
        "COV001", "COV002", "DAT001", "DAT002", "QTY001", "QTY002", "QTY003", "STL001", "TRM001"]


@pytest.mark.parametrize(
    ("selector", "hint"),
    [
        ("QTX", "did you mean"),
        ("quantity-mismach", "did you mean quantity-mismatch"),
        ("QTY004", "did you mean QTY003, QTY002, QTY001"),
        ("zzzzzzzz", "use an id (QTY001), an id prefix (QTY) or a name"),
    ],
)
def test_unknown_selector(selector: str, hint: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_rules().select([selector])
    message = str(info.value)
    assert message.startswith(f"unknown rule selector {selector!r}") and hint in message and "\n" not in message
    with pytest.raises(ConfigError):
        load_rules().select(ignore=[selector])


def test_levels_override_by_specificity() -> None:
    rules = load_rules()
    selected = {rule.id: rule.level for rule in rules.select(levels={"QTY001": "info", "QTY": "warning"})}
    assert selected["QTY001"] is Level.INFO
    assert selected["QTY002"] is Level.WARNING
    assert selected["DAT001"] is Level.ERROR
    by_name = {r.id: r.level for r in rules.select(levels={"ALL": "info", "date-mismatch": Level.ERROR})}
    assert by_name == {"COV001": Level.INFO, "COV002": Level.INFO, "DAT001": Level.ERROR, "DAT002": Level.INFO,
                       "QTY001": Level.INFO,
                       "QTY002": Level.INFO, "QTY003": Level.INFO, "SUP001": Level.INFO, "NAM001": Level.INFO, "NAM002": Level.INFO,
                       "NAM003": Level.INFO, "QUO001": Level.INFO, "QUO002": Level.INFO, "QUO003": Level.INFO,
                       "STL001": Level.INFO, "PLH001": Level.INFO, "PLH002": Level.INFO, "COV003": Level.INFO,
                       "COV004": Level.INFO, "TRM001": Level.INFO}
    # The registry itself is not changed.
    assert rules["QTY001"].level is Level.ERROR


def test_invalid_level_override() -> None:
    with pytest.raises(ConfigError, match="invalid level 'fatal'"):
        load_rules().select(levels={"QTY001": "fatal"})
    with pytest.raises(ConfigError, match="unknown rule selector"):
        load_rules().select(levels={"QTY999": "error"})


def test_ruleset_lookup() -> None:
    rules = load_rules()
    assert "QTY001" in rules and "quantity-missing" in rules and "XYZ001" not in rules
    assert rules.get("nope") is None
    with pytest.raises(KeyError):
        rules["nope"]
    assert len(rules) == 20
