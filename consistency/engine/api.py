"""The one way to run a check from Python: ``consistency.check(...) -> Report``.

The command line (``claim-consistency check``), the pytest plugin (one item per bundle) and the
benchmarks all call :func:`check`; what they add is only how they find the bundles and how they
show the report.

>>> import consistency
>>> drift = [f"examples/solar-farm-drift/{tag}.md" for tag in ("en", "de", "ja")]
>>> report = consistency.check(drift, select=["QTY001"], history=False)
>>> [f.message for f in report.findings]  # doctest: +NORMALIZE_WHITESPACE
['de gives 800 million EUR where en and ja give 8 billion EUR',
 'de gives 9 months where en and ja give 6 months',
 'en gives 2 megawatts where de and ja give 2 gigawatts']
>>> report.exit_code(), report.bundles[0].id
(1, 'solar-farm-drift')
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import BundleInfo, Finding, Level

__all__ = ["Report", "check"]


@dataclass
class Report:
    """What a check found: the findings (baseline applied), the bundles checked with their
    versions, and the rules that ran."""

    findings: list[Finding]
    bundles: list[BundleInfo] = field(default_factory=list)
    rules: list[Any] = field(default_factory=list)

    def failing(self, fail_level: Level | str = Level.ERROR) -> list[Finding]:
        """The findings at ``fail_level`` or above."""
        least = Level(fail_level).rank
        return [f for f in self.findings if Level(f.level).rank >= least]

    def exit_code(self, fail_level: Level | str = Level.ERROR) -> int:
        """1 when a finding is at ``fail_level`` or above, else 0 (the command line's exit code)."""
        return 1 if self.failing(fail_level) else 0


def check(paths_or_bundles: Any, *, config: Any = None, rules: Sequence[Any] | None = None,
          select: Sequence[str] | None = None, ignore: Sequence[str] = (), source: str | None = None,
          strict_source: bool | None = None, baseline: Any = None, history: bool = True, since: str | None = None,
          jobs: int = 1, dask: str | None = None, views: bool = False, cache: Any = None,
          vocabulary: Any = None, file_groups: tuple[Any, Any] | None = None, progress: bool = False) -> Report:
    """Check bundles and return a :class:`Report`.

    ``paths_or_bundles``: the files of one article's versions (paths; a folder holding one file
    per locale counts as its files), or :class:`~consistency.bundles.Bundle` values.
    ``config``: a :class:`~consistency.engine.config.Config`, a path to a configuration file, or
    None to discover one from the current folder.  The rules are ``rules`` if given, else the
    configuration's rules with ``select`` (else the configured selection) and the configured and
    given ``ignore``.  ``source``: the source locale (else the configured one); with
    ``strict_source`` (default: when the check is of one article given by its files) every bundle
    must have it.  ``baseline``: a path or a loaded baseline; None takes the configured one,
    False none.  ``vocabulary``: the names known beforehand; None takes the configuration's.
    ``file_groups``: ``(groups, patterns)`` from bundle discovery, for the file-coverage rules
    (COV003, COV004).  The other arguments are :func:`~consistency.engine.runner.check_bundles`'.
    """
    from ..bundles import Bundle
    from .config import Config, load_config
    from .runner import check_bundles

    if not isinstance(config, Config):
        config = load_config(config)
    single = False
    bundles: list[Any]
    if isinstance(paths_or_bundles, Bundle):
        bundles = [paths_or_bundles]
    else:
        items = [paths_or_bundles] if isinstance(paths_or_bundles, (str, os.PathLike)) else list(paths_or_bundles)
        if all(isinstance(item, Bundle) for item in items):  # none: nothing to check
            bundles = items
        else:
            from .resolve import bundle_from_paths

            bundles, single = [bundle_from_paths([os.fspath(p) for p in items], {}, config)], True
    if rules is None:
        # the selection, and the spec worker processes rebuild the same rules from
        spec = (config, tuple(select) if select else config.select, tuple(config.ignore) + tuple(ignore),
                dict(config.levels))
        rules = config.load_rules().select(*spec[1:])
    else:
        spec = None
    rules = list(rules)
    source = source or config.source_locale
    if vocabulary is None and config.rule_dirs:
        from ..extract.vocabulary import vocabulary_for

        vocabulary = vocabulary_for(config.rule_dirs)
    # else the built-in one, which None stands for: the extractors are imported and it is read only
    # where a bundle is checked, never for a check whose every result is stored
    if isinstance(cache, bool):
        from ..cache import open_cache

        cache = open_cache(enabled=cache, rules=rules, rule_dirs=config.rule_dirs)
    results = check_bundles(bundles, rules, source=source, strict_source=single if strict_source is None else strict_source,
                            jobs=jobs, spec=spec, progress=progress, history=history, since=since, dask=dask,
                            views=views, cache=cache, vocabulary=vocabulary)
    findings = [f for result in results for f in result[0]]
    if file_groups is not None:
        from .checks.files import file_findings

        groups, patterns = file_groups
        findings += file_findings(groups, patterns, rules, expected=None, source=source)
    if baseline is None and config.baseline:
        baseline = config.baseline
    if baseline:
        from .baseline import load_baseline
        from .suppression import apply_baseline

        given = isinstance(baseline, (str, os.PathLike))
        loaded = load_baseline(baseline) if given else baseline
        findings = apply_baseline(findings, loaded, bundles={b.id for b in bundles}, rules=rules,
                                  path=os.fspath(baseline) if given else str(loaded.path))
    infos = [BundleInfo(b.id, result[1], *result[2:]) for b, result in zip(bundles, results)]
    return Report(findings=findings, bundles=infos, rules=rules)
