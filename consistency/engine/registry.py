"""The rule registry: rules are data (one YAML file per rule), loaded once.

A rule file names a *kind* from a closed set (:data:`KINDS`); each kind maps to
a check function by dotted path, imported only when a rule of that kind runs,
so listing or selecting rules never imports the extraction machinery.

>>> rules = load_rules()
>>> [rule.id for rule in rules.select(["QTY"])]
['QTY001', 'QTY002', 'QTY003']
>>> rules["quantity-mismatch"].id
'QTY001'
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
import string
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from consistency.engine.kinds import CATEGORIES, MESSAGE_FIELDS
from consistency.engine.kinds import KINDS as _KINDS
from consistency.errors import ConfigError
from consistency.resources import builtin_rules_dir
from consistency.model import Level

__all__ = [
    "CATEGORIES",
    "KINDS",
    "MESSAGE_FIELDS",
    "Rule",
    "RuleDocs",
    "RuleSet",
    "builtin_rules_dir",
    "load_rules",
    "parse_level",
    "resolve_kind",
    "rules_table_markdown",
]

#: ``kind -> "module:function"`` of its check (derived from :data:`consistency.engine.kinds.KINDS`).
KINDS: dict[str, str] = {name: kind.check for name, kind in _KINDS.items()}

class Options(dict):
    """A rule's options: a read-only mapping that pickles (rules travel to worker processes)."""

    def _read_only(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("a rule's options are read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _read_only  # type: ignore[assignment]

    def __reduce__(self):
        return (Options, (dict(self),))


_ID_RE = re.compile(r"^[A-Z]{3}[0-9]{3}$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_PREFIX_RE = re.compile(r"^[A-Z]{1,3}[0-9]{0,2}$")
_FIELDS = ("id", "name", "kind", "level", "category", "message", "options", "docs")
_DOC_KEYS = ("what_it_does", "why_it_matters", "example")
_RULE_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True, slots=True)
class RuleDocs:
    """The three documentation sections of a rule (as ruff's rule docs)."""

    what_it_does: str
    why_it_matters: str
    example: str

    def __getitem__(self, key: str) -> str:
        """Allow ``docs["what_it_does"]`` as well as attribute access."""
        if key not in _DOC_KEYS:
            raise KeyError(key)
        return getattr(self, key)

    @property
    def summary(self) -> str:
        """The first sentence of *What it does*, for one-line listings."""
        text = " ".join(self.what_it_does.split())
        match = re.match(r"(.+?[.!?])(?:\s|$)", text)
        return match.group(1) if match else text


@dataclass(frozen=True)
class Rule:
    """One rule, as read from its YAML file (``source``)."""

    id: str
    name: str
    kind: str
    level: Level
    category: str
    message: str
    options: Mapping[str, Any] = field(hash=False)
    docs: RuleDocs
    source: Path

    @property
    def check_path(self) -> str:
        """Dotted path ``module:function`` of the check function of this kind."""
        return KINDS[self.kind]

    def load_check(self) -> Callable[..., Any]:
        """Import (once) and return the check function of this rule's kind."""
        return resolve_kind(self.kind)

    def format_message(self, **fields: Any) -> str:
        """Fill the message template; a field not given stays as ``{field}``.

        A list of locales (``locale``, ``other_locale``: ``"en, ja"``) reads as English does
        (``en and ja``) and the verb right after it agrees (``give``, ``have``, ``name``…).

        >>> rule = load_rules()["SUP001"]
        >>> rule.format_message(rule="QTY001")
        'suppression of QTY001 matches no finding'
        >>> load_rules()["QTY001"].format_message(locale="de", value="2 MW", other_locale="en, fr, ja",
        ...                                       other_value="2 GW")
        'de gives 2 MW where en, fr and ja give 2 GW'
        """
        formatter = string.Formatter()
        out: list[str] = []
        plural = False
        for literal, name, spec, conversion in formatter.parse(self.message):
            out.append(_agree(literal) if plural else literal)
            plural = False
            if name is None:
                continue
            if name not in fields:
                out.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
                continue
            value = fields[name]
            if name in _LOCALE_LISTS and isinstance(value, str) and ", " in value:
                *head, last = value.split(", ")
                value, plural = ", ".join(head) + " and " + last, True
            out.append(formatter.format_field(formatter.convert_field(value, conversion), spec or ""))
        return "".join(out)

    def with_level(self, level: Level | str) -> Rule:
        """The same rule with another level."""
        return replace(self, level=parse_level(level))

    def docs_markdown(self) -> str:
        """The rule's documentation as Markdown (for ``claim-consistency rule ID``)."""
        lines = [
            f"# {self.id} {self.name}",
            "",
            f"Level: {self.level.value} · Category: {self.category} · Kind: {self.kind}",
            "",
            "## What it does",
            "",
            self.docs.what_it_does.strip(),
            "",
            "## Why it matters",
            "",
            self.docs.why_it_matters.strip(),
            "",
            "## Example",
            "",
            "```text",
            self.docs.example.rstrip(),
            "```",
        ]
        if self.options:
            lines += ["", "## Options", ""]
            declared = _KINDS[self.kind]
            for key, value in self.options.items():
                option = declared.option(key)
                about = option.description if option is not None else ""
                lines.append(f"- `{key}` = `{value}`" + (f": {about}" if about else ""))
        return "\n".join(lines) + "\n"


#: message fields that hold a list of locales
_LOCALE_LISTS = frozenset({"locale", "other_locale"})
#: third-person verbs of the shipped messages and their plural, for a list of locales
_PLURAL_VERBS = {"gives": "give", "has": "have", "names": "name", "writes": "write", "states": "state",
                 "quotes": "quote", "attributes": "attribute", "is": "are", "was": "were", "lacks": "lack"}
_VERB = re.compile(r"^(\s+(?:still |now |also )?)([a-z]+)\b")


def _agree(literal: str) -> str:
    """The literal after a list of locales, its first verb in the plural (``gives`` -> ``give``)."""
    m = _VERB.match(literal)
    if m is None or m.group(2) not in _PLURAL_VERBS:
        return literal
    return m.group(1) + _PLURAL_VERBS[m.group(2)] + literal[m.end():]


def parse_level(value: Level | str, *, where: str = "") -> Level:
    """A :class:`Level` from ``"error"``, ``"warning"`` or ``"info"`` (ConfigError otherwise)."""
    if isinstance(value, Level):
        return value
    try:
        return Level(str(value).strip().lower())
    except ValueError:
        prefix = f"{where}: " if where else ""
        raise ConfigError(
            f"{prefix}invalid level {value!r}; expected one of error, warning, info"
        ) from None


@functools.lru_cache(maxsize=None)
def resolve_kind(kind: str) -> Callable[..., Any]:
    """Import the check function of ``kind`` (lazily, once)."""
    if kind not in KINDS:
        raise ConfigError(_unknown_kind_message(kind))
    import importlib

    module_name, _, attr = KINDS[kind].partition(":")
    return getattr(importlib.import_module(module_name), attr)


def _unknown_kind_message(kind: object, where: str = "") -> str:
    prefix = f"{where}: " if where else ""
    return f"{prefix}unknown kind {kind!r}; valid kinds are {', '.join(KINDS)}"


# --------------------------------------------------------------------------- loading


def _yaml_loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=None)
def _parse_rule_file(path: Path, mtime_ns: int, size: int) -> Rule:
    """Parse and validate one rule file; cached by (path, mtime, size)."""
    import yaml

    from consistency.documents.reading import check_regular_file

    check_regular_file(str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read rule file: {exc}") from None
    try:
        data = yaml.load(text, Loader=_yaml_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise ConfigError(f"{path}{line}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {' '.join(str(exc).split())}") from None
    return _rule_from_data(data, path)


def _rule_from_data(data: Any, path: Path) -> Rule:
    where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: a rule file must be a mapping of {', '.join(_FIELDS)}")
    unknown = [key for key in data if key not in _FIELDS]
    if unknown:
        raise ConfigError(f"{where}: unknown field {unknown[0]!r}{_suggest(str(unknown[0]), _FIELDS)}")
    missing = [key for key in _FIELDS if key not in data and key != "options"]
    if missing:
        raise ConfigError(f"{where}: missing field {missing[0]!r}")

    def text_field(key: str) -> str:
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: field {key!r} must be a non-empty string")
        return value

    rule_id = text_field("id")
    if not _ID_RE.match(rule_id):
        raise ConfigError(f"{where}: id {rule_id!r} must be three capitals and three digits, like QTY001")
    if rule_id != path.stem:
        raise ConfigError(f"{where}: id {rule_id!r} must equal the file name {path.stem!r}")
    name = text_field("name")
    if not _NAME_RE.match(name):
        raise ConfigError(f"{where}: name {name!r} must be kebab-case, like quantity-mismatch")
    kind = data["kind"]
    if kind not in KINDS:
        raise ConfigError(_unknown_kind_message(kind, where))
    level = parse_level(text_field("level"), where=where)
    category = text_field("category")
    if category not in CATEGORIES:
        raise ConfigError(f"{where}: unknown category {category!r}; valid categories are {', '.join(CATEGORIES)}")
    message = text_field("message")
    _check_message(message, where, kind)
    options = _check_options(kind, data.get("options") or {}, where)
    docs = data["docs"]
    if not isinstance(docs, dict) or set(docs) != set(_DOC_KEYS):
        raise ConfigError(f"{where}: docs must have exactly the keys {', '.join(_DOC_KEYS)}")
    for key in _DOC_KEYS:
        if not isinstance(docs[key], str) or not docs[key].strip():
            raise ConfigError(f"{where}: docs.{key} must be a non-empty string")
    return Rule(
        id=rule_id,
        name=name,
        kind=kind,
        level=level,
        category=category,
        message=message,
        options=Options(options),
        docs=RuleDocs(**{key: docs[key] for key in _DOC_KEYS}),
        source=path,
    )


def _check_message(message: str, where: str, kind: str) -> None:
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:
        raise ConfigError(f"{where}: invalid message template: {exc}") from None
    fields = _KINDS[kind].fields
    for _, field_name, _, _ in parsed:
        if field_name is None:
            continue
        if field_name not in fields:
            allowed = ", ".join("{" + name + "}" for name in fields)
            raise ConfigError(f"{where}: message field {{{field_name}}} is not one a {kind} rule gives: {allowed}")


def _check_options(kind: str, options: Any, where: str) -> dict[str, Any]:
    if not isinstance(options, dict):
        raise ConfigError(f"{where}: options must be a mapping")
    declared = _KINDS[kind]
    result = declared.defaults()
    for key, value in options.items():
        option = declared.option(str(key))
        if option is None:
            valid = ", ".join(o.name for o in declared.options) or "none"
            names = [o.name for o in declared.options]
            raise ConfigError(
                f"{where}: unknown option {key!r} for kind {kind}{_suggest(str(key), names)} (valid: {valid})"
            )
        if not option.accepts(value):
            raise ConfigError(f"{where}: option {key!r} must be a {option.type}, not {value!r}")
        result[key] = value
    return result


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _rule_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise ConfigError(f"rule directory not found: {directory}")
    return sorted(p for p in directory.iterdir() if p.suffix in _RULE_SUFFIXES and p.is_file())


def _load_dir(directory: Path) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for path in _rule_files(directory):
        stat = path.stat()
        rule = _parse_rule_file(path.resolve(), stat.st_mtime_ns, stat.st_size)
        if rule.id in rules:
            raise ConfigError(f"{path}: rule {rule.id} is also defined in {rules[rule.id].source}")
        rules[rule.id] = rule
    return list(rules.values())


def _load_builtin(directory: Path) -> list[Rule]:
    """The built-in rules, parsed and validated once and kept with the built objects: a process
    that finds them on disk imports no YAML parser (PyYAML's import and the 20 files took 14 ms)."""
    from consistency.builds import built_from

    tag = hashlib.blake2b(str(directory.resolve()).encode(), digest_size=8).hexdigest()  # each rule's source
    return built_from("rules", tag, directory, lambda: _load_dir(directory))


def load_rules(dirs: Sequence[Path | str] = (), *, builtin: bool = True) -> RuleSet:
    """Load the built-in rules and those of ``dirs`` (later directories win).

    A rule in a user directory adds a rule or, with the id of a built-in one,
    replaces it.  Each file is parsed once per process (cached by path,
    modification time and size); the built-in ones are read back as parsed by an earlier process
    where the built objects are kept (:func:`consistency.builds.built`).
    """
    by_id: dict[str, Rule] = {}
    if builtin:
        for rule in _load_builtin(builtin_rules_dir()):
            by_id[rule.id] = rule
    for directory in dirs:
        for rule in _load_dir(Path(directory)):
            by_id[rule.id] = rule
    names: dict[str, Rule] = {}
    for rule in by_id.values():
        if rule.name in names:
            other = names[rule.name]
            raise ConfigError(f"{rule.source}: name {rule.name!r} is already used by {other.id} ({other.source})")
        names[rule.name] = rule
    return RuleSet(by_id.values())


# --------------------------------------------------------------------------- selection


class RuleSet:
    """An ordered (by id), read-only collection of rules with ruff-like selection."""

    __slots__ = ("_by_id", "_by_name")

    def __init__(self, rules: Iterable[Rule]) -> None:
        ordered = sorted(rules, key=lambda rule: rule.id)
        self._by_id: dict[str, Rule] = {rule.id: rule for rule in ordered}
        self._by_name: dict[str, Rule] = {rule.name: rule for rule in ordered}

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __getitem__(self, key: str) -> Rule:
        rule = self.get(key)
        if rule is None:
            raise KeyError(key)
        return rule

    def __repr__(self) -> str:
        return f"RuleSet({', '.join(self._by_id)})"

    def get(self, key: str, default: Rule | None = None) -> Rule | None:
        """The rule with this id (any case) or name, else ``default``."""
        key = key.strip()
        return self._by_id.get(key.upper()) or self._by_name.get(key.lower()) or default

    @property
    def ids(self) -> list[str]:
        return list(self._by_id)

    def resolve(self, selector: str) -> tuple[list[Rule], int]:
        """The rules one selector matches and its specificity.

        Selectors are ``ALL`` (specificity 0), an id prefix such as ``QTY`` or
        ``QTY0`` (its length), an exact id or a rule name (100).  An unknown
        selector is a :class:`ConfigError` that lists close matches.
        """
        raw = selector.strip()
        if raw.upper() == "ALL":
            return list(self), 0
        rule = self.get(raw)
        if rule is not None:
            return [rule], 100
        prefix = raw.upper()
        if _PREFIX_RE.match(prefix):
            matched = [rule for rule in self if rule.id.startswith(prefix)]
            if matched:
                return matched, len(prefix)
        candidates = ["ALL", *self._by_id, *self._by_name, *sorted({rid[:3] for rid in self._by_id})]
        close = difflib.get_close_matches(raw, candidates, n=3, cutoff=0.5)
        if not close:
            close = difflib.get_close_matches(raw.upper(), candidates, n=3, cutoff=0.5)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else "; use an id (QTY001), an id prefix (QTY) or a name (quantity-mismatch)"
        )
        raise ConfigError(f"unknown rule selector {raw!r}{hint}")

    def select(
        self,
        select: Iterable[str] | str = (),
        ignore: Iterable[str] | str = (),
        levels: Mapping[str, Level | str] | None = None,
    ) -> list[Rule]:
        """The rules to run, in id order.

        ``select`` (default: all rules) and ``ignore`` take ids, id prefixes,
        names or ``ALL`` (comma-separated strings are split, as on ruff's
        command line); ``ignore`` removes what ``select`` added.  ``levels``
        maps a selector to a level; more specific selectors win
        (``{"QTY": "warning", "QTY001": "error"}``).
        """
        selected: dict[str, Rule] = {}
        selectors = _split(select) or ["ALL"]
        for selector in selectors:
            for rule in self.resolve(selector)[0]:
                selected[rule.id] = rule
        for selector in _split(ignore):
            for rule in self.resolve(selector)[0]:
                selected.pop(rule.id, None)
        if levels:
            overrides: list[tuple[int, int, list[Rule], Level]] = []
            for order, (selector, level) in enumerate(levels.items()):
                matched, specificity = self.resolve(selector)
                overrides.append((specificity, order, matched, parse_level(level, where=f"level of {selector}")))
            for _, _, matched, level in sorted(overrides, key=lambda item: (item[0], item[1])):
                for rule in matched:
                    if rule.id in selected:
                        selected[rule.id] = selected[rule.id].with_level(level)
        return sorted(selected.values(), key=lambda rule: rule.id)


def _split(selectors: Iterable[str] | str) -> list[str]:
    if isinstance(selectors, str):
        selectors = [selectors]
    result: list[str] = []
    for item in selectors:
        result.extend(part for part in re.split(r"[,\s]+", str(item)) if part)
    return result


def rules_table_markdown(rules: Iterable[Rule]) -> str:
    """A Markdown table of rules (for the README): id, name, level, summary."""
    lines = ["| Code | Name | Level | What it does |", "| --- | --- | --- | --- |"]
    for rule in rules:
        summary = rule.docs.summary.replace("|", "\\|")
        lines.append(f"| {rule.id} | {rule.name} | {rule.level.value} | {summary} |")
    return "\n".join(lines) + "\n"
