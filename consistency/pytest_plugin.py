"""pytest plugin: check a localization repository's bundles as test items (PYTEST_DONT_REWRITE).

Opt-in, as pytest-mypy: nothing is collected unless the run asks for it with
``--claim-consistency`` or the ini key ``claim_consistency = true``
(``--no-claim-consistency`` turns an ini-enabled plugin off for one run).
Installing the package therefore changes no other test run, and the
checking machinery is imported only when the plugin is enabled.

Which bundles: the ini key ``claim_consistency_bundles`` (one pattern a line,
relative to the rootdir), else ``bundles`` of ``[tool.claim-consistency]``
(or ``claim-consistency.toml``), with that configuration's rule selection,
levels, ``source-locale``, ``exclude``, ``locales`` and ``baseline`` (the ini
key ``claim_consistency_baseline`` overrides the latter)::

    [tool.pytest.ini_options]
    claim_consistency = true

    [tool.claim-consistency]
    bundles = ["content/{locale}/{path}.md"]
    source-locale = "en"
    baseline = "consistency-baseline.json"

Items: one per bundle, ``<config file>::<bundle id>``
(``pyproject.toml::news/budget``); the bundle is loaded and analysed once.
An item fails when a finding is at or above ``fail-level``; the failure shows
the findings as ``claim-consistency check`` prints them, without a traceback,
and the report points at the deviant file and line.  Findings below the fail
level become warnings (:class:`ClaimConsistencyWarning`) at the deviant file
and line.  ``-m claim_consistency`` selects all the items.

``-k`` works per bundle *and rule*: the expression is evaluated for each
rule against the bundle's names plus the rule's id, name and category, and
the item checks only the rules it selects: ``-k QTY`` or ``-k quantity``
runs the quantity rules on every bundle, ``-k "news and not COV001"``
everything but coverage on the bundles whose id contains ``news``, ``-k
QTY001`` that one rule.  This is what one item per (bundle, rule) would
give, with one pytest item per bundle: pytest spends about half a
millisecond on every item, which for a repository of 400 articles and 11
rules is more than the checking itself.

Collection is deterministic (bundles sorted by id), so pytest-xdist workers
collect the same items.  Each item's report (and ``--junitxml``) has the
properties ``claim_consistency_rules`` (the rule ids checked, comma-separated)
and ``claim_consistency_findings`` (the number of findings by rule, as JSON).

``--claim-consistency-html FILE`` (which implies ``--claim-consistency``) writes the
findings of every checked bundle to FILE as the page ``claim-consistency check
--format html`` writes, the versions side by side; under pytest-xdist each
worker's call reports carry their bundles' part to the controller, which writes it.

When a checked bundle has a Japanese version and the ``ja`` extra is not
installed, the terminal summary says so in one line, once per session (as
``claim-consistency check`` does on stderr; ``CLAIM_CONSISTENCY_NO_NOTES=1``
silences both).  It is no warning: ``-W error`` must not turn it into a failure.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generator, Iterator

import pytest

if TYPE_CHECKING:  # pragma: no cover
    from consistency.bundles import Bundle
    from consistency.engine.config import Config
    from consistency.engine.registry import Rule
    from consistency.model import Finding

__all__ = ["ClaimConsistencyWarning", "FindingsFailed"]

MARKER = "claim_consistency"
_PLUGIN_NAME = "claim_consistency_collector"


class ClaimConsistencyWarning(UserWarning):
    """A finding below the fail level (a warning or info by default)."""


class FindingsFailed(Exception):
    """Raised by an item whose rule found something at or above the fail level."""

    def __init__(self, findings: list[Finding], text: str) -> None:
        super().__init__(text)
        self.findings = findings
        self.text = text


# ----------------------------------------------------------------------------- options


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claim-consistency", "claim-consistency (localization consistency gate)")
    group.addoption(
        "--claim-consistency",
        action="store_true",
        dest="claim_consistency",
        default=None,
        help="check the configured bundles: one test item per bundle and rule",
    )
    group.addoption(
        "--no-claim-consistency",
        action="store_false",
        dest="claim_consistency",
        help="do not check bundles, even when the ini file enables it",
    )
    group.addoption(
        "--claim-consistency-since",
        dest="claim_consistency_since",
        default=None,
        metavar="REV",
        help="report only findings whose claims changed after the git revision REV ('auto': "
             "pre-commit's PRE_COMMIT_FROM_REF, HEAD inside a pre-commit hook, GitHub's base branch)",
    )
    group.addoption(
        "--claim-consistency-html",
        dest="claim_consistency_html",
        default=None,
        metavar="FILE",
        help="write the findings of the checked bundles to FILE as one HTML page, the versions side by "
             "side (implies --claim-consistency)",
    )
    parser.addini("claim_consistency", type="bool", default=False,
                  help="check the configured bundles in every run (as --claim-consistency)")
    parser.addini("claim_consistency_bundles", type="linelist", default=[],
                  help="bundle patterns relative to the rootdir, e.g. content/{locale}/{path}.md "
                       "(default: bundles of [tool.claim-consistency])")
    parser.addini("claim_consistency_baseline", type="string", default="",
                  help="baseline file of accepted findings, relative to the rootdir "
                       "(default: baseline of [tool.claim-consistency])")


def _enabled(config: pytest.Config) -> bool:
    flag = config.getoption("claim_consistency", default=None)
    if flag is not None:
        return bool(flag)
    if config.getoption("claim_consistency_html", default=None):
        return True
    return bool(config.getini("claim_consistency"))


def _skip_assertion_rewriting(config: pytest.Config) -> None:
    """pytest rewrites the asserts of every module in a pytest11 plugin's
    distribution; this package has none to rewrite, and where bytecode is not
    cached (PYTHONDONTWRITEBYTECODE) re-parsing its ~40 modules on each run was
    most of the plugin's overhead over the CLI.  Modules imported from here on
    (the checker is imported lazily) load as plain Python.  The hook's set of
    marked names is private, so any surprise leaves rewriting on."""
    hook = getattr(config.pluginmanager, "rewrite_hook", None)
    marked = getattr(hook, "_must_rewrite", None)
    if isinstance(marked, set):
        marked.discard("consistency")


def pytest_configure(config: pytest.Config) -> None:
    _skip_assertion_rewriting(config)
    config.addinivalue_line("markers", f"{MARKER}: a claim-consistency bundle check (one bundle, one rule)")
    if _enabled(config) and not config.pluginmanager.has_plugin(_PLUGIN_NAME):
        config.pluginmanager.register(_Collection(config), _PLUGIN_NAME)


# ----------------------------------------------------------------------------- settings


class _Settings:
    """What the plugin checks, read once per session (lazily: imports the engine)."""

    def __init__(self, config: pytest.Config) -> None:
        from consistency.engine.config import load_config
        from consistency.errors import ConsistencyError

        self.rootdir = Path(config.rootpath)
        try:
            self.config: Config = load_config(start=self.rootdir)
            self.rules: list[Rule] = sorted(self.config.select_rules(), key=lambda r: r.id)
            from consistency.extract.vocabulary import vocabulary_for

            self.vocabulary = vocabulary_for(self.config.rule_dirs)  # the vocab/ folders of the rule dirs
        except ConsistencyError as exc:
            raise pytest.UsageError(f"claim-consistency: {exc}") from None
        ini_patterns = [line for line in config.getini("claim_consistency_bundles") if line.strip()]
        if ini_patterns:
            self.patterns = [p if os.path.isabs(p) else str(self.rootdir / p) for p in ini_patterns]
            anchor = config.inipath
        else:
            self.patterns = list(self.config.bundles)
            anchor = self.config.path
        if not self.patterns:
            raise pytest.UsageError(
                "claim-consistency: no bundle patterns; set claim_consistency_bundles in the pytest ini "
                "or bundles in [tool.claim-consistency]"
            )
        self.anchor = Path(anchor) if anchor is not None else self.rootdir / "pyproject.toml"
        baseline = config.getini("claim_consistency_baseline")
        self.baseline_path: Path | None = (
            (self.rootdir / baseline) if baseline else self.config.baseline
        )
        self._baseline: Any = None
        from consistency.engine.checker import resolve_since

        self.since: str | None = resolve_since(config.getoption("claim_consistency_since", default=None))

    def baseline(self) -> Any:
        """The :class:`~consistency.engine.baseline.Baseline`, or ``None``."""
        if self.baseline_path is None:
            return None
        if self._baseline is None:
            from consistency.engine.baseline import load_baseline

            self._baseline = load_baseline(self.baseline_path)
        return self._baseline

    def discover(self) -> list[Bundle]:
        from consistency.bundles import discover
        from consistency.engine.resolve import relative_ids

        return relative_ids(discover(self.rootdir, self.patterns, source=self.config.source_locale,
                                     exclude=self.config.exclude, locales=dict(self.config.locales) or None),
                            self.rootdir)

    def display(self, path: str) -> str:
        """``path`` relative to the rootdir when it is under it."""
        rel = os.path.relpath(path, self.rootdir)
        return path if rel.startswith("..") else rel


class _Collection:
    """Registered only when the plugin is enabled: adds the bundle collector to the session."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.settings = _Settings(config)  # a configuration error is a usage error, before collection
        self.collected: dict[str, Bundle] = {}  # bundle id -> bundle (empty in an xdist controller)
        self.checked: set[str] = set()  # ids of the bundles whose items ran (here or in xdist workers)
        #: --claim-consistency-html: bundle id -> the item's report data (from here or from xdist workers)
        self.html_path: str | None = config.getoption("claim_consistency_html", default=None)
        self.pages: dict[str, dict] = {}
        if self.html_path:
            folder = (Path(config.invocation_params.dir) / self.html_path).parent
            if not folder.is_dir():
                raise pytest.UsageError(f"claim-consistency: --claim-consistency-html {self.html_path}: "
                                        f"no such folder {folder}")

    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        # `pytest pyproject.toml::news/budget::QTY001`: the anchor given on the command line
        if parent.session.isinitpath(file_path) and file_path == self.settings.anchor:
            return BundlesFile.from_parent(parent, path=file_path, settings=self.settings)
        return None

    @pytest.hookimpl(wrapper=True)
    def pytest_make_collect_report(self, collector: pytest.Collector) -> Generator[None, Any, Any]:
        report = yield
        if isinstance(collector, pytest.Session) and report.passed:
            if not any(_ours(node) for node in report.result):
                settings = self.settings
                report.result.append(BundlesFile.from_parent(collector, path=settings.anchor, settings=settings))
        return report


    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Before the first item: build the extractors of every collected bundle's locales and take
        them (and the rest of the heap) out of the garbage collector's walks, as the CLI does."""
        bundles = [item.bundle for item in session.items if isinstance(item, BundleItem)]
        self.collected = {b.id: b for b in bundles}
        if len(bundles) > 1:
            from consistency.engine.runner import locales_of, settle_heap

            settle_heap(locales_of(bundles, [self.settings.config.source_locale] * len(bundles)))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" and any(key == "claim_consistency_rules" for key, _v in report.user_properties):
            self.checked.add(report.nodeid.rsplit("::", 1)[-1])
        page = getattr(report, "claim_consistency_html", None)
        if report.when == "call" and isinstance(page, dict):
            self.pages[page["view"]["id"]] = page

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: Any) -> Generator[None, Any, Any]:
        """With --claim-consistency-html, the report of a bundle's call carries what the page shows
        of it, in plain JSON types: pytest-xdist sends it from the worker to the controller."""
        report = yield
        if call.when == "call" and isinstance(item, BundleItem) and item.page is not None:
            report.claim_consistency_html = item.page
        return report

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Write the --claim-consistency-html page, once, in the process that reports."""
        if not self.html_path or hasattr(self.config, "workerinput"):
            return
        from consistency.engine.view import BundleView
        from consistency.report import BundleInfo, render
        from consistency.report.json import finding_from_dict

        pages = [self.pages[key] for key in sorted(self.pages)]
        findings = [finding_from_dict(f) for page in pages for f in page["findings"]]
        infos = [BundleInfo(page["view"]["id"], [tuple(v) for v in page["versions"]],
                         BundleView.from_dict(page["view"])) for page in pages]
        text = render(findings, fmt="html", bundles=infos, rules=self.settings.rules)
        path = Path(self.html_path)
        if not path.is_absolute():
            path = Path(self.config.invocation_params.dir) / path
        try:
            path.write_text(text, encoding="utf-8", newline="\n")
        except OSError as exc:
            raise pytest.UsageError(f"claim-consistency: --claim-consistency-html {self.html_path}: "
                                    f"{exc.strerror or exc}") from None

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """Once per session, in the process that reports (the xdist controller, not its workers):
        the note ``claim-consistency check`` prints on stderr when an optional extra would
        improve the checked bundles (``claim-consistency[ja]`` for Japanese names), as one
        line of the terminal summary.  ``CLAIM_CONSISTENCY_NO_NOTES=1`` silences it."""
        if not self.checked or hasattr(self.config, "workerinput"):
            return
        from consistency.extract.foreign import NO_NOTES_ENV, missing_extra_notes

        if os.environ.get(NO_NOTES_ENV, "") not in ("", "0"):
            return
        bundles = self.collected
        if not bundles:  # xdist controller: the workers collected
            from consistency.errors import ConsistencyError

            try:
                bundles = {b.id: b for b in self.settings.discover()}
            except ConsistencyError:
                return
        locales = {loc for bid in self.checked if bid in bundles for loc in bundles[bid].locales if loc}
        notes = missing_extra_notes(locales)
        from consistency.locale.zawgyi import zawgyi_note

        zawgyi = zawgyi_note([(path, loc) for bid in self.checked if bid in bundles
                              for path, loc in zip(bundles[bid].paths, bundles[bid].locales)])
        for note in notes + ([zawgyi] if zawgyi else []):
            terminalreporter.write_line(note)

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        """Evaluate ``-k`` per (bundle, rule): keep the rules it selects, deselect bundles with none.

        Runs before pytest's own ``-k`` deselection; a kept item gets the
        keywords of one selected rule, for which the expression is true, so
        pytest keeps it too.
        """
        expression = _keyword_expression(config)
        if expression is None:
            return
        deselected = []
        for item in items:
            if not isinstance(item, BundleItem):
                continue
            names = _chain_names(item)
            active = [rule for rule in self.settings.rules
                      if expression.evaluate(_NameMatcher(names | _rule_keywords(rule)))]
            if active:
                item.active_rules = active
                item.extra_keyword_matches.update(_rule_keywords(active[0]))
            else:
                deselected.append(item)
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            gone = {id(item) for item in deselected}
            items[:] = [item for item in items if id(item) not in gone]


def _keyword_expression(config: pytest.Config) -> Any:
    """The compiled ``-k`` expression, or ``None`` (no ``-k``, or pytest's parser is unavailable)."""
    text = (config.getoption("keyword", default="") or "").lstrip()
    if not text:
        return None
    try:
        from _pytest.mark.expression import Expression  # stable since pytest 6; private

        return Expression.compile(text)
    except Exception:  # noqa: BLE001 - pytest reports a bad expression itself; without the parser, no per-rule -k
        return None


def _rule_keywords(rule: Rule) -> set[str]:
    return {rule.id, rule.name, rule.category}


def _chain_names(item: pytest.Item) -> set[str]:
    """The names pytest's ``-k`` matches for ``item`` (as ``_pytest.mark.KeywordMatcher``)."""
    names: set[str] = set()
    for node in item.listchain():
        if isinstance(node, pytest.Session):
            continue
        if isinstance(node, pytest.Directory) and isinstance(node.parent, pytest.Session):
            continue
        names.add(node.name)
    names.update(item.listextrakeywords())
    names.update(mark.name for mark in item.iter_markers())
    return names


class _NameMatcher:
    """``-k`` matching: a case-insensitive substring of any of the names."""

    def __init__(self, names: set[str]) -> None:
        self.names = [name.lower() for name in names]

    def __call__(self, subname: str, /, **kwargs: Any) -> bool:
        sub = subname.lower()
        return any(sub in name for name in self.names)


def _page(view: Any, findings: list[Finding], versions: list[tuple[str, str]], display: Any) -> dict:
    """A bundle's part of the --claim-consistency-html page, in plain JSON types."""
    import dataclasses

    from consistency.report.json import finding_to_dict

    view = dataclasses.replace(view, versions=tuple(dataclasses.replace(v, path=display(v.path))
                                                    for v in view.versions))
    return {"view": view.as_dict(), "versions": [list(v) for v in versions],
            "findings": [finding_to_dict(f) for f in findings]}


def _ours(node: Any) -> bool:
    while node is not None:
        if isinstance(node, BundlesFile):
            return True
        node = getattr(node, "parent", None)
    return False


# ----------------------------------------------------------------------------- nodes


class BundlesFile(pytest.File):
    """The configuration file that names the bundles; collects one item per bundle."""

    def __init__(self, *, settings: _Settings, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings = settings

    def collect(self) -> Iterator[BundleItem]:
        from consistency.errors import ConsistencyError

        try:
            bundles = self.settings.discover()
        except ConsistencyError as exc:
            raise self.CollectError(f"claim-consistency: {exc}") from None
        if not bundles:
            raise self.CollectError(
                f"claim-consistency: no bundle matches {', '.join(self.settings.patterns)}"
            )
        for bundle in bundles:
            yield BundleItem.from_parent(self, name=bundle.id, bundle=bundle)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, self.CollectError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class BundleItem(pytest.Item):
    """One bundle, checked with the rules ``-k`` selects (all by default); analysed once."""

    def __init__(self, *, bundle: Bundle, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.bundle = bundle
        self.active_rules: list[Rule] | None = None  # None: every configured rule
        self._result: tuple[list[Finding], list[tuple[str, str]]] | BaseException | None = None
        self.page: dict | None = None  # --claim-consistency-html: what the page shows of this bundle
        self.add_marker(MARKER)

    @property
    def settings(self) -> _Settings:
        assert isinstance(self.parent, BundlesFile)
        return self.parent.settings

    @property
    def rules(self) -> list[Rule]:
        return self.active_rules if self.active_rules is not None else self.settings.rules

    def results(self) -> tuple[list[Finding], list[tuple[str, str]]]:
        """The findings (baseline applied, paths relative to the rootdir) and the versions; computed once."""
        if self._result is None:
            try:
                self._result = self._check()
            except Exception as exc:  # noqa: BLE001 - reported by runtest (and again if asked)
                self._result = exc
        if isinstance(self._result, BaseException):
            raise self._result
        return self._result

    def _check(self) -> tuple[list[Finding], list[tuple[str, str]]]:
        import dataclasses

        from consistency.engine.api import check
        from consistency.engine.resolve import bundle_source

        settings, bundle, rules = self.settings, self.bundle, self.rules
        html = bool(self.config.getoption("claim_consistency_html", default=None))
        report = check(bundle, config=settings.config, rules=rules,
                       source=bundle_source(bundle, settings.config.source_locale, False), since=settings.since,
                       vocabulary=settings.vocabulary, baseline=settings.baseline() or False, views=html)
        # paths relative to the rootdir, as the CLI prints them when run from there
        findings = [
            dataclasses.replace(f, locations=tuple(
                dataclasses.replace(loc, path=settings.display(loc.path)) for loc in f.locations))
            for f in report.findings
        ]
        (info,) = report.bundles
        versions = [(settings.display(os.fspath(path)), locale) for path, locale in info.versions]
        from consistency.report import sort_findings

        findings = sort_findings(findings)
        if html:
            self.page = _page(info.view, findings, versions, settings.display)
        return findings, versions

    def runtest(self) -> None:
        import json
        from collections import Counter

        from consistency.model import Level
        from consistency.report import primary_location

        findings, versions = self.results()
        # for --junitxml and report hooks: the rules checked, and the findings by rule at any level
        self.user_properties.append(("claim_consistency_rules", ",".join(r.id for r in self.rules)))
        self.user_properties.append(("claim_consistency_findings",
                                     json.dumps(dict(sorted(Counter(f.rule for f in findings).items())))))
        fail_level = self.settings.config.fail_level
        failing = [f for f in findings if Level(f.level).rank >= fail_level.rank]
        for finding in findings:
            if finding in failing:
                continue
            where = primary_location(finding)
            warnings.warn_explicit(
                f"{finding.rule} {finding.name} {finding.message}",
                ClaimConsistencyWarning,
                filename=where.path if where else str(self.path),
                lineno=where.line if where else 0,
            )
        if failing:
            raise FindingsFailed(failing, self._render(failing, versions))

    def _render(self, findings: list[Finding], versions: list[tuple[str, str]]) -> str:
        from consistency.report import BundleInfo, render

        return render(findings, fmt="text", bundles=[BundleInfo(self.bundle.id, versions)],
                      rules=self.rules, color=False).rstrip("\n")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        from consistency.errors import ConsistencyError

        if isinstance(excinfo.value, FindingsFailed):
            return excinfo.value.text
        if isinstance(excinfo.value, ConsistencyError):
            return f"claim-consistency: error: {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path | str, int | None, str]:
        """The deviant file and line of the first failing finding (else the bundle's first translation)."""
        domain = self.bundle.id
        try:
            from consistency.model import Level
            from consistency.report import primary_location

            findings, _versions = self.results()
            fail_level = self.settings.config.fail_level
            failing = [f for f in findings if Level(f.level).rank >= fail_level.rank] or findings
            if failing:
                where = primary_location(failing[0])
                if where is not None and where.path:
                    return self.settings.rootdir / where.path, where.line - 1, domain
        except Exception:  # noqa: BLE001 - runtest reports the problem
            pass
        paths = self.bundle.paths
        return Path(paths[1] if len(paths) > 1 else paths[0]), None, domain
