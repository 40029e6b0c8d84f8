"""The house rules of the code (issue 9): imports point downward, no cycle, no private name
borrowed from another module, kinds declared once, rules that pickle, suppression in one room.

The layers, top to bottom: faces (command line, pytest plugin, reports) → engine (running
rules, configuration, cache, history, bundles) → match (alignment, figure clusters, name links,
quotation pairs) → extract (claims, names, quotations, units) → documents and locale data →
model (claims, findings, errors, positions, how values are written; built objects kept on disk).
"""

from __future__ import annotations

import ast
import pickle
import textwrap
from pathlib import Path

import pytest

from consistency.engine import kinds
from consistency.engine.registry import load_rules
from consistency.errors import ConfigError

PACKAGE = Path(__file__).resolve().parents[1] / "consistency"

LAYERS = [  # (module prefix, layer): a module may import its own layer and those below
    ("consistency.cli", 6), ("consistency.__main__", 6), ("consistency.pytest_plugin", 6), ("consistency.report", 6),
    ("consistency.engine", 5), ("consistency.cache", 5), ("consistency.history", 5), ("consistency.bundles", 5),
    ("consistency.layouts", 5),
    ("consistency.match", 4),
    ("consistency.extract", 3), ("consistency.units", 3),
    ("consistency.documents", 2), ("consistency.locale", 2),
    ("consistency.model", 1), ("consistency.errors", 1), ("consistency.positions", 1), ("consistency.display", 1),
    ("consistency.resources", 1), ("consistency.nonprose", 1), ("consistency.builds", 1), ("consistency.replay", 1),
]


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _layer(module: str) -> int | None:
    for prefix, layer in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return layer
    return None


def _imports(module: str, path: Path) -> list[tuple[str, int, bool, list[str]]]:
    """``(imported module, line, under TYPE_CHECKING, names)`` of every import of the project,
    module-level or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [a.name for a in node.names]
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            for t in submodules or [target]:
                out.append((t, node.lineno, id(node) in typing_only, names))
        elif isinstance(node, ast.Import):
            out.extend((a.name, node.lineno, id(node) in typing_only, []) for a in node.names)
    return [item for item in out if item[0].startswith("consistency")]


def _owner(target: str) -> str:
    while target not in MODULES and "." in target:
        target = target.rpartition(".")[0]
    return target


def test_every_module_has_a_layer():
    assert [m for m in MODULES if m != "consistency" and _layer(m) is None] == []


def test_imports_point_downward():
    upward = []
    for module, path in MODULES.items():
        for target, line, _typing, _names in _imports(module, path):
            here, there = _layer(module), _layer(_owner(target))
            if target != "consistency" and here is not None and there is not None and there > here:
                upward.append(f"{module}:{line} imports {target}")
    assert upward == []


def test_no_import_cycle():
    graph = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for target, _line, typing_only, _names in _imports(module, path):
            owner = _owner(target)
            if not typing_only and owner not in (module, "consistency"):
                graph[module].add(owner)
    cycles, index, low, stack, on_stack = [], {}, {}, [], set()

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert cycles == []


def test_the_layering_test_sees_an_upward_import(tmp_path, monkeypatch):
    """The scan above is no test that cannot fail: an extractor importing the engine is caught."""
    fake = tmp_path / "consistency" / "extract" / "probe.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..engine.registry import load_rules\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "consistency.extract.probe", fake)
    with pytest.raises(AssertionError):
        test_imports_point_downward()


def test_no_private_name_is_imported_from_another_module():
    borrowed = [f"{module}:{line} {name} from {target}"
                for module, path in MODULES.items()
                for target, line, _typing, names in _imports(module, path)
                for name in names if name.startswith("_") and not name.startswith("__")]
    assert borrowed == []


def test_a_long_module_says_why():
    long = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in MODULES.items()}
    unexplained = [m for m, n in long.items() if n > 600
                   and "600 lines" not in (ast.get_docstring(ast.parse(MODULES[m].read_text(encoding="utf-8"))) or "")]
    assert unexplained == []


# --------------------------------------------------------------------------- kinds declared once


def test_the_committed_schema_is_generated_from_the_kinds():
    committed = (PACKAGE.parent / "rules" / "schema.json").read_text(encoding="utf-8")
    assert committed == kinds.schema_text(), "rules/schema.json is stale: python -m consistency.engine.kinds > rules/schema.json"


def test_every_kind_names_a_check_of_its_family_module():
    import importlib

    for kind in kinds.KINDS.values():
        module, _, function = kind.check.partition(":")
        assert module.startswith("consistency.engine.checks."), kind
        assert callable(getattr(importlib.import_module(module), function)), kind
        assert kind.phase in ("bundle", "after-suppression", "run")


def test_a_message_may_use_only_the_fields_its_kind_gives(tmp_path):
    rule = textwrap.dedent("""\
        id: XYZ001
        name: custom-coverage
        kind: coverage
        level: warning
        category: coverage
        message: "{locale} lacks {unit}"
        docs: {what_it_does: a, why_it_matters: b, example: c}
        """)
    (tmp_path / "XYZ001.yml").write_text(rule, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\{unit\} is not one a coverage rule gives: \{locale\}, \{blocks\}"):
        load_rules([tmp_path])
    (tmp_path / "XYZ001.yml").write_text(rule.replace("{unit}", "{chars} characters"), encoding="utf-8")
    assert load_rules([tmp_path])["XYZ001"].message == "{locale} lacks {chars} characters"


def test_every_shipped_option_default_comes_from_its_kind():
    for rule in load_rules():
        assert dict(rule.options) == kinds.KINDS[rule.kind].defaults(), rule.id


# --------------------------------------------------------------------------- rules travel to workers


def test_rules_pickle_and_their_options_stay_read_only():
    rules = list(load_rules())
    again = pickle.loads(pickle.dumps(rules))
    assert again == rules
    qty = next(r for r in again if r.id == "QTY001")
    assert qty.options["relative_tolerance"] == 0.02
    with pytest.raises(TypeError):
        qty.options["relative_tolerance"] = 0.5  # type: ignore[index]
    assert hash(qty) == hash(next(r for r in rules if r.id == "QTY001"))
