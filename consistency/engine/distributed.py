"""Checking bundles on a Dask cluster, for audits that outgrow one machine.

Contract: :func:`check_bundles_dask` takes the same bundles and options as
:func:`consistency.engine.runner.check_bundles` and returns the same results, in the same order
(one ``(findings, versions)`` per bundle); ``claim-consistency check --dask ADDRESS`` uses it in
place of ``--jobs``.  ``ADDRESS`` is a scheduler (``tcp://scheduler:8786``) or ``local`` for a
:class:`distributed.LocalCluster` of ``--jobs`` worker processes (0: one per CPU) on this machine.

What travels: the bundles (paths and locales: every worker must see the files at the same paths,
a shared or replicated checkout) and the *spec* the rules are built from (configuration, selection,
levels), pickled once per task; never the rules themselves, whose read-only mappings do not
pickle.  Each worker process builds the rules, the name vocabulary and each locale's extractors once
(:func:`_worker_rules`, cached per spec), so the warm-up (1-3 s) is paid once per worker, not per
bundle.  Findings come back as they finish (a progress counter on a terminal) and are reported in
the bundles' order, exactly as ``--jobs`` reports them.

Install with ``pip install 'claim-consistency[dask]'``; without it, ``--dask`` is a one-line error.
"""

from __future__ import annotations

import os
import pickle
from typing import Any, Callable, Sequence

from ..errors import ConfigError

__all__ = ["check_bundles_dask", "dask_client"]

_RULES: dict[bytes, Any] = {}


def _require():
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ConfigError("--dask needs Dask's distributed scheduler: pip install 'claim-consistency[dask]'") from None
    return distributed


def dask_client(address: str, workers: int = 0):
    """A client of the scheduler at ``address``, or of a new LocalCluster for ``local``."""
    distributed = _require()
    if address == "local":
        n = workers or (os.cpu_count() or 1)
        cluster = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=50)
        return distributed.Client(cluster)
    try:
        return distributed.Client(address, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"--dask {address}: cannot reach the scheduler ({exc})") from None


def _worker_rules(spec_bytes: bytes):
    """``(rules, vocabulary)`` for a spec, built once per worker process (and its warm caches)."""
    rules = _RULES.get(spec_bytes)
    if rules is None:
        from ..extract.vocabulary import vocabulary_for

        config, select, ignore, levels = pickle.loads(spec_bytes)
        rules = config.load_rules().select(select, ignore, levels), vocabulary_for(config.rule_dirs)
        _RULES[spec_bytes] = rules
    return rules


def _check_remote(bundle, source: str | None, spec_bytes: bytes, options: dict):
    from .checker import check_one

    rules, vocabulary = _worker_rules(spec_bytes)
    return check_one(bundle, rules, source, vocabulary=vocabulary, **options)


def check_bundles_dask(bundles: Sequence[Any], sources: Sequence[str | None], spec, *, address: str = "local",
                       workers: int = 0, options: dict | None = None,
                       progress: Callable[[str], None] | None = None, client=None) -> list:
    """Check ``bundles`` (each with its source from ``sources``) on Dask; results in their order.

    ``spec`` is ``(config, select, ignore, levels)``; ``options`` are passed on to each bundle's
    check (as :func:`~consistency.engine.runner.check_bundles` passes them).  A ``client`` given is used as is (and not
    closed); otherwise one is made for ``address`` and closed at the end.  A worker's error (an
    InputError for a missing file, say) is raised here, as ``--jobs`` raises it."""
    distributed = _require()
    own = client is None
    if own:
        client = dask_client(address, workers)
    try:
        spec_bytes = pickle.dumps(spec)
        futures = [client.submit(_check_remote, bundle, source, spec_bytes, dict(options or {}), pure=False,
                                 key=f"claim-consistency-{i}-{bundle.id}")
                   for i, (bundle, source) in enumerate(zip(bundles, sources))]
        index = {future.key: i for i, future in enumerate(futures)}
        out: list[Any] = [None] * len(futures)
        for future in distributed.as_completed(futures):
            i = index[future.key]
            out[i] = future.result()
            if progress is not None:
                progress(bundles[i].id)
        return out
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
