"""Checking bundles: one bundle (:func:`check_bundle`) or many, in this process, in worker
processes (``--jobs``) or on a Dask cluster (:mod:`consistency.engine.distributed`), with the result
cache (:mod:`consistency.cache`).  The commands that call it live in :mod:`consistency.cli`."""

from __future__ import annotations

import os
import sys
from typing import Sequence

from ..bundles import Bundle
from ..errors import ConfigError
from .checker import Result, check_bundle, check_one, resolve_since
from .resolve import bundle_source

__all__ = ["Bundle", "check_bundle", "check_bundles", "check_one", "resolve_since"]


_WORKER_RULES: list | None = None
_WORKER_VOCABULARY = None


def _init_worker(spec, locales: Sequence[str]) -> None:
    global _WORKER_RULES, _WORKER_VOCABULARY
    from ..extract.vocabulary import vocabulary_for

    _die_with_parent()
    config, select, ignore, levels = spec
    _WORKER_RULES = config.load_rules().select(select, ignore, levels)
    _WORKER_VOCABULARY = vocabulary_for(config.rule_dirs)  # cached: no work when forked from the parent
    _warm_up(locales)  # a no-op when forked from a warm parent


def _die_with_parent() -> None:
    """A worker whose parent is gone (killed with SIGTERM or SIGKILL, no chance to shut its pool
    down) exits within a second instead of living on as an orphan."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="claim-consistency-parent-watch", daemon=True).start()


class _Termination:
    """SIGTERM as Ctrl-C (a KeyboardInterrupt, so the pool is shut down), raised only once the work
    is submitted: one that arrives before is held until :meth:`armed`."""

    def __init__(self) -> None:
        self.ready = False
        self.pending = False

    def handle(self, signum, frame) -> None:
        if self.ready:
            raise KeyboardInterrupt
        self.pending = True

    def armed(self) -> None:
        self.ready = True
        if self.pending:
            raise KeyboardInterrupt


def _warm_up(locales: Sequence[str]) -> None:
    """Build each locale's extractor (compiled patterns, CLDR tables) once, before forking workers."""
    from ..extract import extract_claims

    for tag in locales:
        try:
            extract_claims("1", tag)
        except Exception:  # noqa: BLE001 - an unknown locale is reported by the check itself
            pass


def locales_of(bundles: Sequence[Bundle], sources: Sequence[str | None]) -> list[str]:
    """The locales of ``bundles`` and of their ``sources`` (one per bundle), sorted, each once."""
    return sorted({loc for b, src in zip(bundles, sources) for loc in (*b.locales, src) if loc})


def settle_heap(locales: Sequence[str]) -> None:
    """Warm ``locales`` up, then move every live object out of the collector's reach.

    The extractors' compiled patterns and CLDR tables live as long as the
    process; without this, each full collection (and pytest's five at exit)
    walks them again.  ``gc.collect`` first, so no garbage is frozen.  For
    processes that check many bundles (the CLI, the pytest plugin); the
    library functions never call it.  Before a fork it also keeps the
    workers' copies of those pages shared.
    """
    import gc

    _warm_up(locales)
    gc.collect()
    gc.freeze()


def _pool_context():
    """``fork`` where it is safe (Linux): workers inherit the warm caches; the platform default elsewhere."""
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _check_in_worker(bundle: Bundle, source: str | None, history: bool, since: str | None,
                     views: bool = False, store=None) -> Result:
    assert _WORKER_RULES is not None
    result = check_one(bundle, _WORKER_RULES, source, history, since, views, _WORKER_VOCABULARY)
    if store is not None:  # the worker writes the cache entry: file creation is slow on many disks
        cache, key = store
        cache.put(key, result)
    return result


def check_bundles(bundles: Sequence[Bundle], rules, *, source: str | None = None, strict_source: bool = False,
                  jobs: int = 1, spec=None, progress: bool = False, history: bool = True,
                  since: str | None = None, dask: str | None = None, views: bool = False,
                  cache=None, vocabulary=None, _sources: Sequence[str | None] | None = None,
                  _store=None) -> list[Result]:
    """Check ``bundles``; results (findings, versions) in the order of ``bundles``.

    With a ``cache`` (:class:`consistency.cache.ResultCache`), a bundle whose key is stored is not
    checked again; the others are checked as below and stored.

    ``vocabulary``: the names known beforehand, for a check in this process; worker processes and
    Dask workers build the one of ``spec``'s configuration (the built-in one when None).

    With ``views``, each result is (findings, versions, :class:`~.view.BundleView`):
    what the html and csv reports show of the bundle.

    With ``jobs`` > 1 (0: one per CPU) the bundles are checked in a process
    pool; ``spec`` = ``(config, select, ignore, levels)`` lets each worker
    build the rules itself (rules hold read-only mappings that do not pickle).
    Without ``strict_source``, a bundle that lacks the ``source`` locale is
    checked without a declared source instead of failing the run.  With ``dask`` (a scheduler
    address, or ``local``) the bundles are checked on a Dask cluster instead
    (:mod:`consistency.engine.distributed`; ``jobs`` is then the size of a local cluster).
    """
    sources = list(_sources) if _sources is not None else [bundle_source(b, source, strict_source) for b in bundles]
    if _sources is None and source is not None and bundles and not any(sources):
        found = sorted({loc for b in bundles for loc in b.locales if loc})
        raise ConfigError(f"--source {source}: no bundle has a version in that locale ({', '.join(found)})")
    if cache is not None:
        return _check_cached(cache, bundles, sources, rules, source=source, strict_source=strict_source, jobs=jobs,
                             spec=spec, progress=progress, history=history, since=since, dask=dask, views=views,
                             vocabulary=vocabulary)
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    workers = min(workers, len(bundles))
    bar = _Progress(len(bundles), enabled=progress)
    if dask is not None:
        if spec is None:
            raise ConfigError("--dask needs the rule spec (config, select, ignore, levels)")
        from .distributed import check_bundles_dask

        try:
            return check_bundles_dask(bundles, sources, spec, address=dask, workers=max(workers, 1) if jobs else 0,
                                      options={"history": history, "since": since, "views": views}, progress=bar.update)
        finally:
            bar.close()
    try:
        locales = locales_of(bundles, sources)
        serial = workers <= 1 or spec is None
        context = None if serial else _pool_context()
        if len(bundles) > 1 and (context is None or context.get_start_method() == "fork"):
            settle_heap(locales)  # spawned workers warm themselves up
        stores = [(_store[0], key) for key in _store[1]] if _store is not None else [None] * len(bundles)
        if serial:
            results = []
            for bundle, src, store in zip(bundles, sources, stores):
                bar.update(bundle.id)
                results.append(check_one(bundle, rules, src, history, since, views, vocabulary))
                if store is not None:
                    store[0].put(store[1], results[-1])
            return results
        from concurrent.futures import ProcessPoolExecutor, as_completed

        import signal
        import threading

        out: list[Result | None] = [None] * len(bundles)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                   initargs=(spec, locales))
        # SIGTERM stops the check as Ctrl-C does, but never inside the executor's own bookkeeping
        # (submitting work and starting its processes take its locks: an interrupt there could
        # leave the pool unable to shut down); a signal then is acted on once submitting is done
        term = _Termination()
        previous = None
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGTERM, term.handle)
        interrupted = False
        try:
            futures = {pool.submit(_check_in_worker, b, src, history, since, views, store): i
                       for i, (b, src, store) in enumerate(zip(bundles, sources, stores))}
            term.armed()
            for future in as_completed(futures):
                i = futures[future]
                out[i] = future.result()  # a worker's error (InputError, …) is raised here
                bar.update(bundles[i].id)
        except KeyboardInterrupt:
            interrupted = True
            raise
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
            if interrupted:  # the results are discarded: stop the workers now, not after their bundle
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
        return [r for r in out if r is not None]
    finally:
        bar.close()


def _check_cached(cache, bundles: Sequence[Bundle], sources: Sequence[str | None], rules, *, since: str | None,
                  history: bool, views: bool, **options) -> list[Result]:
    """:func:`check_bundles` through ``cache``: stored results for unchanged bundles, the rest checked."""
    keys = [cache.key(b.paths, b.locales, source=src, views=views,
                      history=_history_state(b.paths, since) if history else None)
            for b, src in zip(bundles, sources)]
    results: list[Result | None] = [cache.get(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        # a Dask worker may not see this machine's cache folder: its results are stored here
        store = None if options.get("dask") is not None else (cache, [keys[i] for i in todo])
        fresh = check_bundles([bundles[i] for i in todo], rules, since=since, history=history, views=views,
                              _sources=[sources[i] for i in todo], _store=store, **options)
        for i, result in zip(todo, fresh):
            results[i] = result
            if store is None:
                cache.put(keys[i], result)
    return [r for r in results if r is not None]


def _history_state(paths: Sequence[str], since: str | None) -> str:
    """git's state of ``paths`` in a result's key (imported here: a check without history needs no git)."""
    from ..history import state_of

    return f"{state_of(paths)} since={since}"


class _Progress:
    """``checking 12/418 bundles`` on one line of stderr, rewritten with ``\\r``; nothing when disabled."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.enabled, self.done, self.width = total, enabled, 0, 0

    def update(self, label: str) -> None:
        if not self.enabled:
            return
        self.done += 1
        line = f"checking {self.done}/{self.total} bundles  {label}"[:100]
        sys.stderr.write("\r" + line + " " * max(0, self.width - len(line)))
        sys.stderr.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.enabled and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()
            self.width = 0
