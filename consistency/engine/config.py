"""Project configuration: ``claim-consistency.toml`` or ``[tool.claim-consistency]``.

Keys are kebab-case, as in ruff's configuration::

    # claim-consistency.toml (top-level keys)      # pyproject.toml
    select = ["QTY", "DAT001"]                      [tool.claim-consistency]
    ignore = ["COV001"]                             select = ["QTY", "DAT001"]
    fail-level = "warning"                          source-locale = "ja"
    source-locale = "ja"
    baseline = "consistency-baseline.json"
    rule-dirs = ["lint/rules"]
    bundles = ["content/{locale}/{slug}.md"]
    exclude = ["drafts", "content/archive/*"]
    format = "text"

    [per-rule-levels]
    QTY002 = "error"

    [locales]
    jp = "ja"

Relative paths (``baseline``, ``rule-dirs``, ``bundles`` and ``exclude``
patterns that contain a ``/``) resolve against the folder of the file that
sets them.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Mapping

from consistency.errors import ConfigError
from consistency.model import Level

if TYPE_CHECKING:  # pragma: no cover
    from consistency.engine.registry import Rule, RuleSet

__all__ = [
    "CONFIG_FILENAME",
    "DEFAULT_EXCLUDE",
    "FORMATS",
    "Config",
    "find_config_file",
    "load_config",
]

CONFIG_FILENAME = "claim-consistency.toml"
PYPROJECT = "pyproject.toml"
TOOL_TABLE = "claim-consistency"
FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github")

#: Folders never searched when a directory is expanded; ``exclude`` adds to these.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
)

#: TOML key -> Config field.
_KEYS: dict[str, str] = {
    "select": "select",
    "ignore": "ignore",
    "per-rule-levels": "levels",
    "fail-level": "fail_level",
    "source-locale": "source_locale",
    "baseline": "baseline",
    "rule-dirs": "rule_dirs",
    "locales": "locales",
    "bundles": "bundles",
    "exclude": "exclude",
    "format": "format",
}


@dataclass(frozen=True)
class Config:
    """Settings of one run; command-line options override them (``dataclasses.replace``).

    ``levels`` maps a rule selector (id, prefix or name) to a level.
    ``locales`` maps a locale token as it appears in file or folder names to
    a locale tag (``jp = "ja"``, ``cn = "zh-Hans"``).  ``bundles`` are bundle
    patterns such as ``content/{locale}/{slug}.md``, made absolute.
    ``exclude`` holds glob patterns: one without ``/`` matches any path
    component's name, one with ``/`` is made absolute and matches the whole
    path.  ``path`` is the file the settings came from (``None`` for the
    defaults) and ``root`` its folder (the start folder for the defaults).
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    levels: Mapping[str, Level] = field(default_factory=dict, hash=False)
    fail_level: Level = Level.ERROR
    source_locale: str | None = None
    baseline: Path | None = None
    rule_dirs: tuple[Path, ...] = ()
    locales: Mapping[str, str] = field(default_factory=dict, hash=False)
    bundles: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    format: str = "text"
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)

    def load_rules(self) -> RuleSet:
        """The built-in rules plus those of ``rule_dirs``."""
        from consistency.engine.registry import load_rules

        return load_rules(self.rule_dirs)

    def select_rules(self, rules: RuleSet | None = None) -> list[Rule]:
        """The rules this configuration runs, with per-rule levels applied."""
        ruleset = rules if rules is not None else self.load_rules()
        return ruleset.select(self.select, self.ignore, self.levels)

    def is_excluded(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` (relative paths are taken from ``root``) matches an exclude pattern.

        >>> config = Config(exclude=("drafts", "/site/old/*"), root=Path("/site"))
        >>> config.is_excluded("drafts/a.ja.md"), config.is_excluded("/site/old/x.md")
        (True, True)
        >>> config.is_excluded("content/a.ja.md")
        False
        """
        target = Path(path)
        if not target.is_absolute():
            target = self.root / target
        full = PurePath(os.path.normpath(target)).as_posix()
        parts = PurePath(full).parts
        for pattern in (*DEFAULT_EXCLUDE, *self.exclude):
            if "/" in pattern:
                if fnmatch.fnmatchcase(full, pattern) or fnmatch.fnmatchcase(full, pattern.rstrip("/") + "/*"):
                    return True
            elif any(fnmatch.fnmatchcase(part, pattern) for part in parts):
                return True
        return False


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest ``claim-consistency.toml``, or ``pyproject.toml`` with a
    ``[tool.claim-consistency]`` table, in ``start`` or its parents."""
    folder = Path(start) if start is not None else Path.cwd()
    folder = folder.resolve()
    if folder.is_file():
        folder = folder.parent
    from ..replay import note_probe

    for directory in (folder, *folder.parents):
        candidate = directory / CONFIG_FILENAME
        note_probe(candidate)  # a configuration file created later must not replay this run
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        note_probe(candidate)
        if candidate.is_file() and _tool_table(_read_toml(candidate)) is not None:
            return candidate
    return None


def load_config(path: Path | str | None = None, *, start: Path | None = None) -> Config:
    """Read the configuration.

    With ``path``, read that file (a ``claim-consistency.toml`` with top-level
    keys, or a ``pyproject.toml`` with a ``[tool.claim-consistency]`` table);
    otherwise discover the nearest one from ``start`` (default: the current
    folder) upwards.  Without any file, the defaults apply.
    """
    if path is not None:
        file = Path(path)
        if not file.is_file():
            from consistency.documents.reading import check_regular_file

            check_regular_file(str(file))  # a FIFO or device: say so
            raise ConfigError(f"configuration file not found: {file}")
    else:
        found = find_config_file(start)
        if found is None:
            root = Path(start) if start is not None else Path.cwd()
            root = root.resolve()
            return Config(root=root.parent if root.is_file() else root)
        file = found
    data = _read_toml(file)
    if file.name == PYPROJECT:
        table = _tool_table(data)
        if table is None:
            raise ConfigError(f"{file}: no [tool.{TOOL_TABLE}] table")
        data = table
    return _config_from_mapping(data, file.resolve())


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    from consistency.documents.reading import check_regular_file

    check_regular_file(str(path))
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def _tool_table(data: Mapping[str, Any]) -> dict[str, Any] | None:
    tool = data.get("tool")
    if isinstance(tool, dict) and TOOL_TABLE in tool:
        table = tool[TOOL_TABLE]
        return table if isinstance(table, dict) else {}
    return None


def _config_from_mapping(data: Mapping[str, Any], file: Path) -> Config:
    root = file.parent
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"{file}: unknown key {key!r}{_suggest(key)}")

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{file}: {key} must be a list of strings")
        return tuple(value)

    def table(key: str) -> dict[str, str]:
        value = data.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
            raise ConfigError(f"{file}: {key} must be a table of strings")
        return dict(value)

    def string(key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{file}: {key} must be a string")
        return value

    def level(key: str, value: str) -> Level:
        try:
            return Level(value.strip().lower())
        except ValueError:
            raise ConfigError(f"{file}: {key} must be error, warning or info, not {value!r}") from None

    levels = {selector: level(f"per-rule-levels.{selector}", value) for selector, value in table("per-rule-levels").items()}
    fail = string("fail-level")
    fmt = string("format") or "text"
    if fmt not in FORMATS:
        raise ConfigError(f"{file}: format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    baseline = string("baseline")
    return Config(
        select=strings("select"),
        ignore=strings("ignore"),
        levels=levels,
        fail_level=level("fail-level", fail) if fail is not None else Level.ERROR,
        source_locale=string("source-locale"),
        baseline=_resolve(root, baseline) if baseline else None,
        rule_dirs=tuple(_resolve(root, item) for item in strings("rule-dirs")),
        locales=table("locales"),
        bundles=tuple(_resolve(root, item).as_posix() for item in strings("bundles")),
        exclude=tuple(_resolve(root, item).as_posix() if "/" in item else item for item in strings("exclude")),
        format=fmt,
        path=file,
        root=root,
    )


def _resolve(root: Path, value: str) -> Path:
    """``value`` relative to ``root`` (``~`` expanded), normalized but not resolved."""
    path = Path(os.path.expanduser(value))
    return Path(os.path.normpath(path if path.is_absolute() else root / path))


def _suggest(key: str) -> str:
    dashed = key.replace("_", "-").lower()
    if dashed in _KEYS:
        return f"; did you mean {dashed!r}?"
    close = difflib.get_close_matches(key, list(_KEYS), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else f"; valid keys are {', '.join(_KEYS)}"
