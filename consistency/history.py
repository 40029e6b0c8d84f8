"""Revision history of the versions, read from git: who last changed a line, and what it said before.

Contract:

- :func:`history_for(paths)` returns a :class:`History` for the git work tree that holds every
  path, or an :class:`Unavailable` that says why there is none (not in a git work tree, git not
  installed, no commit yet, a shallow clone whose older history is missing, paths in two
  repositories).
- :meth:`History.blame(path, lines)` gives, for each 1-based line of the file *as it is on disk*,
  the :class:`~consistency.model.Change` that last touched it (what ``git blame`` answers): the
  commit, its date and subject, or an uncommitted change (``commit == ""``) where the working tree
  differs from ``HEAD``.  Renames are followed.  A file git does not track has no answer.
- :meth:`History.earlier_texts(path, line)` yields what that line's passage said before each change
  that led to the present text, newest first, each with the change that replaced it (at most
  :data:`MAX_STEPS` changes back).
- :meth:`History.changed_since(rev)` is the set of commits after ``rev`` (``rev..HEAD``).

How: one ``git log -p -U0`` over the first-parent history (a merge is diffed against its first
parent) and one ``git diff -U0 HEAD`` for the working tree, read once per repository and process;
a line is traced back through the hunks of the commits that touched its file, as ``git blame``
does, renames included (``-M``).  Where the change that touched a line is a merge, one ``git blame``
of that line at the merge names the commit on the merged branch that made it.  A check of 400
articles in a repository of 1,000 commits thus runs two git commands instead of one ``git blame``
per file and step back (which took 15× the check itself; ``benchmarks/revisions.py``).

It runs the ``git`` command itself (read-only: ``--no-optional-locks``, no network, no pager, a
fixed ``C`` locale) rather than a library: GitPython runs the same command underneath and adds an
import and a dependency, and libgit2 (pygit2) has no rename detection in its diffs and blame as git
has, so a claim's history would end at the first ``git mv``.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from .model import Change

__all__ = ["History", "MAX_STEPS", "Unavailable", "history_for"]

#: how many changes back a claim's earlier values are looked for
MAX_STEPS = 12
_TIMEOUT = 300  # seconds for one git command: a hung git must not hang the check


@dataclass(frozen=True, slots=True)
class Unavailable:
    """No revision history for these versions, and why."""

    reason: str

    def __bool__(self) -> bool:
        return False


@dataclass(slots=True)
class _Hunk:
    old_start: int
    old_len: int
    new_start: int
    new_len: int
    old_lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _FileChange:
    """One commit's change of one file: its path before and after, and the hunks."""

    commit: int  # index into History._commits (0 = the working tree, then newest first)
    old_path: str | None  # None: the file was added
    hunks: list[_Hunk] = field(default_factory=list)


def _git(root: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    return subprocess.run(["git", "--no-optional-locks", "-c", "core.quotePath=false", "-C", root, *args],
                          capture_output=True, env=env, timeout=_TIMEOUT, check=False, stdin=subprocess.DEVNULL)


@lru_cache(maxsize=64)
def _root_of(folder: str) -> str | Unavailable:
    try:
        top = _git(folder, "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        return Unavailable("git is not installed")
    except (OSError, subprocess.SubprocessError) as exc:
        return Unavailable(f"git failed ({exc.__class__.__name__})")
    if top.returncode != 0:
        return Unavailable(f"{folder} is not in a git work tree")
    root = top.stdout.decode("utf-8", "surrogateescape").strip()
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    if head.returncode != 0:
        return Unavailable(f"the repository at {root} has no commits yet")
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow.stdout.strip() == b"true":
        return Unavailable(f"the clone at {root} is shallow (git fetch --unshallow gives the history)")
    return os.path.realpath(root)


def history_for(paths: Iterable[str]) -> "History | Unavailable":
    """The history of the repository holding every one of ``paths`` (files on disk)."""
    roots = set()
    for path in paths:
        folder = os.path.dirname(os.path.abspath(path)) or "."
        root = _root_of(folder)
        if isinstance(root, Unavailable):
            return root
        roots.add(root)
    if not roots:
        return Unavailable("no files")
    if len(roots) > 1:
        return Unavailable("the versions are in different git repositories")
    return _history(roots.pop())


def state_of(paths: Iterable[str]) -> str:
    """What the history of ``paths`` depends on besides their text: the repository and its ``HEAD``
    (``root@sha``), or why there is no history.  A cache of results keys on it."""
    found = history_for(paths)
    if isinstance(found, Unavailable):
        return f"unavailable: {found.reason}"
    return f"{found.root}@{_head(found.root)}"


@lru_cache(maxsize=64)
def _head(root: str) -> str:
    return _git(root, "rev-parse", "HEAD").stdout.decode("ascii", "replace").strip()


@lru_cache(maxsize=16)
def _history(root: str) -> "History":
    return History(root)


class History:
    """Read-only answers about one git repository; git is asked once, lazily."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._commits: list[Change] | None = None
        self._merges: set[int] = set()
        self._changes: dict[str, list[_FileChange]] = {}  # path -> its changes, newest first
        self._since: dict[str, frozenset[str]] = {}
        self._merge_blame: dict[tuple[int, str, int], Change] = {}

    def __reduce__(self):  # worker processes rebuild it from the root (its caches stay behind)
        return (_history, (self.root,))

    # ------------------------------------------------------------------ public

    def relative(self, path: str) -> str:
        return os.path.relpath(os.path.realpath(path), self.root).replace(os.sep, "/")

    def blame(self, path: str, lines: Sequence[int]) -> dict[int, Change]:
        """The last change of each of ``lines`` (1-based) of ``path`` as it is on disk."""
        rel = self.relative(path)
        out = {}
        for line in lines:
            for change, _text, _more in self._trace(rel, line):
                out[line] = change
                break
        return out

    def earlier_texts(self, path: str, line: int) -> Iterator[tuple[str, Change]]:
        """What the passage around ``line`` of ``path`` said before each change, newest first.

        Yields ``(text, change)``: the lines that ``change`` replaced, as they were before it.
        A line that was added (not changed) has no earlier text and ends the walk; at most
        :data:`MAX_STEPS` changes back."""
        for steps, (change, text, _more) in enumerate(self._trace(self.relative(path), line)):
            if steps >= MAX_STEPS:
                return
            if text is None:
                return
            if text.strip():
                yield text, change

    def changed_since(self, rev: str) -> frozenset[str]:
        """Commits reachable from HEAD and not from ``rev``; raises ValueError for an unknown ``rev``."""
        if rev not in self._since:
            check = _git(self.root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}")
            if check.returncode != 0:
                raise ValueError(f"unknown revision {rev!r} in {self.root}")
            out = _git(self.root, "rev-list", f"{rev}..HEAD")
            self._since[rev] = frozenset(out.stdout.decode("ascii", "replace").split())
        return self._since[rev]

    # ------------------------------------------------------------------ tracing

    def _trace(self, rel: str, line: int) -> Iterator[tuple[Change, str | None, bool]]:
        """The changes that touched ``line`` of ``rel`` (or the lines it came from), newest first:
        ``(change, replaced text or None where the line was added, more to come)``."""
        self._load()
        assert self._commits is not None
        lo = hi = line
        path: str | None = rel
        after = -1  # only changes older than this commit index
        while path is not None:
            changes = self._changes.get(path, ())
            step = next((c for c in changes if c.commit > after), None)
            if step is None:
                return
            touched = [h for h in step.hunks if h.new_len and h.new_start <= hi and lo < h.new_start + h.new_len]
            if step.old_path is None:  # the file was added: every line is new
                yield self._change(step.commit, path, line), None, False
                return
            if touched:
                olds = [h for h in touched if h.old_len]
                text = "\n".join(t for h in touched for t in h.old_lines)
                yield self._change(step.commit, path, line), (text if olds else None), bool(olds)
                if not olds:
                    return  # inserted lines: nothing before them
                lo = min(h.old_start for h in olds)
                hi = max(h.old_start + h.old_len - 1 for h in olds)
            else:
                lo, hi = _map_back(step.hunks, lo), _map_back(step.hunks, hi)
            path, after = step.old_path, step.commit
            line = lo

    def _change(self, index: int, path: str, line: int) -> Change:
        """The commit at ``index``; a merge is resolved to the commit on the merged branch that
        changed the line (one ``git blame`` at the merge)."""
        assert self._commits is not None
        change = self._commits[index]
        if index not in self._merges:
            return change
        key = (index, path, line)
        if key not in self._merge_blame:
            found = change
            proc = _git(self.root, "blame", "--porcelain", "-L", f"{line},{line}", change.commit, "--", path)
            if proc.returncode == 0:
                head = proc.stdout.split(b"\n", 1)[0].split()
                sha = head[0].decode("ascii") if head else ""
                info = {k: v for k, _, v in (raw.decode("utf-8", "replace").partition(" ")
                                              for raw in proc.stdout.split(b"\n")[1:12])}
                if sha and sha != change.commit:
                    found = Change(commit=sha, timestamp=int(info.get("committer-time", change.timestamp)),
                                   subject=info.get("summary", ""), path=info.get("filename", path))
            self._merge_blame[key] = found
        return self._merge_blame[key]

    # ------------------------------------------------------------------ reading git

    def _load(self) -> None:
        if self._commits is not None:
            return
        import time

        self._commits = [Change(commit="", timestamp=int(time.time()), subject="(uncommitted)")]
        diff = _git(self.root, "diff", "-U0", "-M", "--no-color", "--no-ext-diff", "HEAD", "--")
        if diff.returncode == 0:
            self._read_patches(diff.stdout, 0)
        fmt = "%x1e%H%x1f%P%x1f%ct%x1f%s"
        log = _git(self.root, "log", "-p", "-U0", "-M", "--first-parent", "--diff-merges=first-parent",
                   "--no-color", "--no-ext-diff", f"--format={fmt}", "HEAD", "--")
        if log.returncode != 0:
            return
        for record in log.stdout.split(b"\x1e")[1:]:
            header, _, body = record.partition(b"\n")
            sha, parents, stamp, subject = (header.decode("utf-8", "replace").split("\x1f") + ["", "", "", ""])[:4]
            index = len(self._commits)
            self._commits.append(Change(commit=sha, timestamp=int(stamp or 0), subject=subject))
            if len(parents.split()) > 1:
                self._merges.add(index)
            self._read_patches(body, index)

    def _read_patches(self, data: bytes, index: int) -> None:
        """Record the file changes of one commit's patch (``-U0``, ``-M``)."""
        section: dict | None = None
        hunk: _Hunk | None = None

        def finish() -> None:
            if section is not None and section["new"] and not section["deleted"]:
                old = None if section["added"] else (section["old"] or section["new"])
                self._file_change(index, section["new"], old).hunks.extend(section["hunks"])

        for raw in data.split(b"\n"):
            if raw.startswith(b"diff --git "):
                finish()
                section = {"old": None, "new": None, "added": False, "deleted": False, "hunks": []}
                hunk = None
                continue
            if section is None:
                continue
            if raw.startswith(b"@@"):
                spec = raw.split(b"@@")[1].split()
                old_start, old_len = _range(spec[0][1:])
                new_start, new_len = _range(spec[1][1:])
                hunk = _Hunk(old_start, old_len, new_start, new_len)
                section["hunks"].append(hunk)
            elif hunk is not None:
                if raw.startswith(b"-"):
                    hunk.old_lines.append(raw[1:].decode("utf-8", "replace").rstrip("\r"))
            elif raw.startswith(b"new file mode"):
                section["added"] = True
            elif raw.startswith(b"deleted file mode"):
                section["deleted"] = True
            elif raw.startswith(b"rename from "):
                section["old"] = _unquote(raw[12:])
            elif raw.startswith(b"rename to "):
                section["new"] = _unquote(raw[10:])
            elif raw.startswith(b"--- ") and raw[4:] != b"/dev/null":
                section["old"] = section["old"] or _unquote(raw[4:])[2:]
            elif raw.startswith(b"+++ ") and raw[4:] != b"/dev/null":
                section["new"] = _unquote(raw[4:])[2:]
        finish()

    def _file_change(self, index: int, path: str, old_path: str | None) -> _FileChange:
        changes = self._changes.setdefault(path, [])
        if changes and changes[-1].commit == index:
            change = changes[-1]
            change.old_path = old_path
            return change
        change = _FileChange(commit=index, old_path=old_path)
        changes.append(change)
        return change


def _range(spec: bytes) -> tuple[int, int]:
    start, _, length = spec.partition(b",")
    return int(start), int(length) if length else 1


def _map_back(hunks: list[_Hunk], line: int) -> int:
    """``line`` of the new version, numbered as in the old one (no hunk touches it)."""
    shift = 0
    for h in hunks:
        before = (h.new_start + h.new_len - 1 < line) if h.new_len else (h.new_start < line)
        if before:
            shift += h.old_len - h.new_len
    return line + shift


def _unquote(raw: bytes) -> str:
    """A path as git writes it in a patch header (C-quoted where it has special characters)."""
    text = raw.decode("utf-8", "surrogateescape").rstrip("\t")
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        body = text[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return body.encode("latin-1", "surrogateescape").decode("utf-8", "replace")
    return text
