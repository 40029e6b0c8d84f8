"""Replay of an unchanged ``check``: a re-run whose inputs did not change prints the stored report
without importing the engine (what a pre-commit hook or an editor pays on every save).

Contract:

- :func:`replay` is the first thing ``claim-consistency`` does (before ``argparse``): it returns
  the exit code of a stored run of the same command, after writing that run's stdout and stderr, or
  ``None`` when there is none or anything it read has changed; then the command runs as usual.
- A run is stored (:func:`recording`) only when it is a ``check`` that ends with exit code 0 or 1,
  writes its report to stdout (no ``--output``), writes no baseline, uses no ``--dask`` and no
  ``--since``, and has the caches on (no ``--no-cache``, no ``CLAIM_CONSISTENCY_NO_CACHE``); a run
  that starts another program than ``git``, or writes a file outside the cache folder, is not stored.
- What a stored run depends on is what it read, recorded as it ran (Python's audit events
  ``open``, ``os.listdir`` and ``os.scandir``, PEP 578): the content of every file it opened (the
  versions, the configuration, the rules, a baseline), the names in every folder it listed (a file
  added to a bundle's folder), the configuration files it looked for and did not find, the size and
  time of every module and data file of Python and the libraries that it used and of every file of
  this package (as :func:`consistency.builds.code_fingerprint`), the folders of ``sys.path``, and for the revision
  history, each repository's top level, ``HEAD`` and shallowness (one ``git rev-parse``).  The key
  of a run is its arguments, the current folder, the Python executable and version, the
  environment variables the tool or git reads (``CLAIM_CONSISTENCY_*``, ``GIT_*``, ``NO_COLOR``,
  ``COLUMNS``, ``TERM``, ``PATH``, ``HOME``…) and whether stdout and stderr are terminals (and
  their size).  A file changed while the run read it (modified after the run began, or in the two
  seconds before: file systems with coarse times) makes the run not stored.
- Entries live in ``runs/`` of the cache folder (:func:`consistency.builds.default_dir`), written
  through a temporary file renamed into place; a damaged entry is a miss.  The progress line
  (rewritten with ``\\r`` on a terminal) is not stored.

This module imports only the standard library's cheapest modules: a replay costs the interpreter's
start, one small file and the checks above.
"""

from __future__ import annotations

import marshal
import os
import sys

try:  # hashlib imports OpenSSL's bindings (a few ms); its BLAKE2 comes from _blake2
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

TYPE_CHECKING = False  # typing costs more to import than a replay takes
if TYPE_CHECKING:
    from typing import Any

__all__ = ["cache_folder", "note_probe", "recording", "replay"]

SCHEMA = 1
RACY_NS = 2_000_000_000  # a file modified this close to the run's start is not trusted (as git's "racy" index)
_ENV_NAMES = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "PATH", "HOME", "XDG_CACHE_HOME",
              "LOCALAPPDATA", "PYTHONPATH", "PYTHONHASHSEED", "PYTHONIOENCODING", "PYTHONUTF8", "LANG",
              "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TZ")
_ENV_PREFIXES = ("CLAIM_CONSISTENCY_", "GIT_", "PRE_COMMIT")
_SYSTEM = ("/proc/", "/dev/", "/sys/")


def cache_folder() -> str:
    """The user's cache folder (absolute): ``$CLAIM_CONSISTENCY_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/claim-consistency`` or ``~/.cache/claim-consistency``,
    ``~/Library/Caches/claim-consistency`` on macOS, ``%LOCALAPPDATA%\\claim-consistency\\Cache``
    on Windows; :func:`consistency.builds.default_dir` is this folder as a path."""
    if env := os.environ.get("CLAIM_CONSISTENCY_CACHE_DIR"):
        return os.path.abspath(env)
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        return os.path.join(os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local"),
                            "claim-consistency", "Cache")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "claim-consistency")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "claim-consistency")


def _key(argv: list[str]) -> str:
    env = sorted((k, v) for k, v in os.environ.items() if k in _ENV_NAMES or k.startswith(_ENV_PREFIXES))
    ttys = []
    for stream in (sys.stdout, sys.stderr):
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        ttys.append(tty)
    size = None
    if ttys[0]:
        try:
            size = tuple(os.get_terminal_size(sys.stdout.fileno()))
        except (OSError, ValueError, AttributeError):
            size = None
    encoding = getattr(sys.stdout, "encoding", None), getattr(sys.stderr, "encoding", None)
    what = (SCHEMA, sys.version, sys.executable, list(argv), os.getcwd(), env, ttys, size, encoding, sys.path)
    return blake2b(repr(what).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def _entry_path(key: str) -> str:
    return os.path.join(cache_folder(), "runs", key[:2], key)


def _digest(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return blake2b(f.read(), digest_size=20).digest()
    except OSError:
        return None


def _listing(path: str) -> bytes | None:
    try:
        names = sorted(os.listdir(path))
    except OSError:
        return None
    return blake2b("\0".join(names).encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _stat(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _git_state(folder: str) -> bytes:
    import subprocess

    try:
        proc = subprocess.run(["git", "--no-optional-locks", "-C", folder, "rev-parse", "--show-toplevel",
                               "--is-shallow-repository", "HEAD"], capture_output=True, stdin=subprocess.DEVNULL,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"failed: {type(exc).__name__}".encode()
    return b"%d\n" % proc.returncode + proc.stdout


def _holds(dep: tuple) -> bool:
    kind, path, value = dep
    if kind == "h":
        return _digest(path) == value
    if kind == "s":
        return _stat(path) == value
    if kind == "d":
        return _listing(path) == value
    if kind == "g":
        return _git_state(path) == value
    return False


def replay(argv: list[str]) -> int | None:
    """Write the stored output of this command and return its exit code, or ``None`` (run it)."""
    if not argv or argv[0] != "check" or os.environ.get("CLAIM_CONSISTENCY_NO_CACHE"):
        return None
    if any(len(a) > 5 and "--no-cache".startswith(a) for a in argv):  # argparse takes prefixes
        return None
    try:
        with open(_entry_path(_key(argv)), "rb") as f:
            entry = marshal.load(f)
        deps, out, err, code = entry
        if not all(_holds(dep) for dep in deps):
            return None
    except Exception:  # noqa: BLE001 - absent, damaged or foreign: the command runs
        return None
    if err:
        sys.stderr.write(err)
        sys.stderr.flush()
    sys.stdout.write(out)
    sys.stdout.flush()
    return int(code)


class _Tee:
    """A text stream that writes through and keeps what was written (not ``\\r`` progress lines)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        if not text.startswith("\r"):
            self.parts.append(text)
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Recorder:
    def __init__(self) -> None:
        self.opened: set[str] = set()
        self.listed: set[str] = set()
        self.probed: set[str] = set()
        self.git: set[str] = set()
        self.unsafe = False
        self.cache = os.path.join(os.path.realpath(cache_folder()), "")

    def _ignored(self, path: str) -> bool:
        real = os.path.realpath(path)
        return real.startswith(self.cache) or real.startswith(_SYSTEM) or "__pycache__" in real

    def event(self, event: str, args: tuple) -> None:
        if event == "open":
            path, mode, flags = args
            if path is None or isinstance(path, int):
                return
            path = os.path.abspath(os.fsdecode(path))
            if isinstance(mode, str):
                writes = any(c in mode for c in "wax+")
            else:
                writes = bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
            if self._ignored(path):
                return
            if writes:
                self.unsafe = True
            else:
                self.opened.add(path)
        elif event in ("os.listdir", "os.scandir"):
            path = args[0]
            if isinstance(path, int):
                self.unsafe = True
                return
            path = os.path.abspath(os.fsdecode(path) if path is not None else ".")
            if not self._ignored(path):
                self.listed.add(path)
        elif event == "subprocess.Popen":
            cmd = [os.fsdecode(a) if isinstance(a, (bytes, str)) else str(a) for a in (args[1] or ())]
            if cmd and os.path.basename(cmd[0]) in ("git", "git.exe") and "-C" in cmd:
                self.git.add(os.path.abspath(cmd[cmd.index("-C") + 1]))
            else:
                self.unsafe = True

    def deps(self, started_ns: int) -> list[tuple] | None:
        """The recorded dependencies, or ``None`` when a file changed while the run read it (or
        within the two seconds before: a file system with coarse times cannot tell them apart)."""
        started_ns -= RACY_NS
        stable = tuple(os.path.join(os.path.realpath(p), "")
                       for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.abspath(__file__))))
        deps: list[tuple] = []
        modules: set[str] = {f for m in list(sys.modules.values()) if isinstance(f := getattr(m, "__file__", None), str)}
        package = os.path.dirname(os.path.abspath(__file__))  # all of it: --jobs workers import what the parent did not
        for folder, subfolders, files in os.walk(package):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            modules.update(os.path.join(folder, name) for name in files)
        for path in sorted(modules | {p for p in self.opened if os.path.realpath(p).startswith(stable)}):
            deps.append(("s", path, _stat(path)))
        for path in sorted(p for p in self.opened | self.probed if not os.path.realpath(p).startswith(stable)):
            st = _stat(path)
            if st is not None and st[1] >= started_ns:
                return None
            deps.append(("h", path, _digest(path)))
        for path in sorted(self.listed | {os.path.abspath(p or ".") for p in sys.path}):
            st = _stat(path)
            if st is not None and st[1] >= started_ns and not os.path.join(os.path.realpath(path), "").startswith(stable):
                return None
            deps.append(("d", path, _listing(path)))
        states = {folder: _git_state(folder) for folder in sorted(self.git)}
        tops = {state.split(b"\n")[1] for state in states.values() if state.startswith(b"0\n")}
        for folder, state in states.items():
            if os.fsencode(folder) not in tops:  # a repository's top level is implied by a folder in it
                deps.append(("g", folder, state))
        return deps


_active: _Recorder | None = None
_hooked = False


def _hook(event: str, args: tuple) -> None:
    if _active is not None and event in ("open", "os.listdir", "os.scandir", "subprocess.Popen"):
        _active.event(event, args)


def note_probe(path: Any) -> None:
    """Tell a recording run that it looked for ``path`` (a configuration file that may not exist)."""
    if _active is not None:
        _active.probed.add(os.path.abspath(os.fspath(path)))


class recording:
    """``with recording(argv) as run: ...; run.store(code)``: record what a ``check`` reads and
    store its output for :func:`replay`."""

    def __init__(self, argv: list[str]) -> None:
        self.argv = list(argv)

    def __enter__(self) -> recording:
        global _active, _hooked
        import time

        self.started_ns = time.time_ns()
        try:
            self.key: str | None = _key(self.argv)
        except OSError:  # no current folder any more: nothing to key the run by
            self.key = None
        self.recorder = _Recorder()
        self.out, self.err = _Tee(sys.stdout), _Tee(sys.stderr)
        self.saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = self.out, self.err
        if not _hooked:
            sys.addaudithook(_hook)
            _hooked = True
        _active = self.recorder
        return self

    def __exit__(self, *exc: object) -> None:
        global _active
        _active = None
        sys.stdout, sys.stderr = self.saved

    def store(self, code: int) -> None:
        """Keep this run's output for the next identical command (when it is safe to replay)."""
        global _active
        _active = None
        if code not in (0, 1) or self.recorder.unsafe or self.key is None:
            return
        deps = self.recorder.deps(self.started_ns)
        if deps is None:
            return
        data = marshal.dumps((deps, "".join(self.out.parts), "".join(self.err.parts), code))
        path = _entry_path(self.key)
        try:
            import tempfile

            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass  # a read-only or full cache folder costs the replay, never the check
