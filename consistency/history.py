"""Revision history of the versions, read from git: who last changed a line, and what it said before.

Contract:

- :func:`history_for(paths)` returns a :class:`History` for the git work tree that holds every
  path, or an :class:`Unavailable` that says why there is none (not in a git work tree, git not
  installed, a shallow clone whose older history is missing, paths in two repositories).
- :meth:`History.blame(path, lines)` gives, for each 1-based line of the file *as it is on disk*,
  the :class:`Change` that last touched it: the commit, its date and subject, or an uncommitted
  change (``commit == ""``) when the working tree differs from ``HEAD`` there.  ``git blame``
  follows renames of the whole file.
- :meth:`History.earlier_texts(path, line)` gives what that line's passage said before each change
  that led to the present text, newest first, each with the :class:`Change` that replaced it
  (bounded: :data:`MAX_STEPS` changes back).
- :meth:`History.changed_since(rev)` is the set of commits after ``rev`` (``rev..HEAD``).

It runs the ``git`` command itself (read-only: ``--no-optional-locks``, no network, no pager, a
fixed ``C`` locale) rather than a library: GitPython runs the same command underneath and adds an
import of ~0.1 s and a dependency, and libgit2 (pygit2) blames without git's rename and copy
detection, so it would lose a claim's history at the first ``git mv``.  Every answer is cached per
process; a bundle costs one ``git blame`` per file that has a disagreement, plus one per step back
in a stale claim's history.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from .model import Change

__all__ = ["Change", "History", "MAX_STEPS", "Unavailable", "history_for"]

#: how many changes back a claim's earlier values are looked for
MAX_STEPS = 12
_NULL = "0" * 40
_TIMEOUT = 60  # seconds for one git command: a hung git must not hang the check


@dataclass(frozen=True, slots=True)
class Unavailable:
    """No revision history for these versions, and why."""

    reason: str

    def __bool__(self) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class _Origin:
    change: Change
    line: int  # the line's number in the commit's version of the file
    previous: str | None  # the parent commit the line is diffed against (None: added by a root commit)
    previous_path: str | None


def _git(root: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    return subprocess.run(["git", "--no-optional-locks", "-C", root, *args], capture_output=True, env=env,
                          timeout=_TIMEOUT, check=False, stdin=subprocess.DEVNULL)


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


@lru_cache(maxsize=16)
def _history(root: str) -> "History":
    return History(root)


class History:
    """Read-only answers about one git repository, cached."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._blame: dict[tuple[str, str | None], dict[int, _Origin | None]] = {}
        self._blobs: dict[tuple[str | None, str], list[str] | None] = {}
        self._since: dict[str, frozenset[str]] = {}

    def __reduce__(self):  # worker processes rebuild it from the root (its caches stay behind)
        return (_history, (self.root,))

    # ------------------------------------------------------------------ public

    def relative(self, path: str) -> str:
        return os.path.relpath(os.path.realpath(path), self.root).replace(os.sep, "/")

    def blame(self, path: str, lines: Sequence[int]) -> dict[int, Change]:
        """The last change of each of ``lines`` (1-based) of ``path`` as it is on disk."""
        origins = self._origins(None, self.relative(path), lines)
        return {line: origin.change for line, origin in origins.items()}

    def earlier_texts(self, path: str, line: int) -> list[tuple[str, Change]]:
        """What the passage around ``line`` of ``path`` said before each change, newest first.

        Each item is ``(text, change)``: the lines that ``change`` replaced, as they were
        before it.  A line that was added (not changed) has no earlier text; the walk goes back
        through the changes of those earlier lines, at most :data:`MAX_STEPS` of them."""
        out: list[tuple[str, Change]] = []
        todo: list[tuple[str | None, str, list[int]]] = [(None, self.relative(path), [line])]
        seen: set[tuple[str | None, str, int]] = set()
        while todo and len(out) < MAX_STEPS:
            rev, rel, lines = todo.pop(0)
            for ln, origin in sorted(self._origins(rev, rel, lines).items()):
                if (origin.change.commit, origin.change.path, origin.line) in seen or origin.previous is None:
                    continue
                seen.add((origin.change.commit, origin.change.path, origin.line))
                before = self._replaced_lines(origin)
                if before is None:
                    continue
                old_lines, text = before
                if text.strip():
                    out.append((text, origin.change))
                if old_lines:
                    todo.append((origin.previous, origin.previous_path or rel, old_lines))
                if len(out) >= MAX_STEPS:
                    break
        return out

    def changed_since(self, rev: str) -> frozenset[str]:
        """Commits reachable from HEAD and not from ``rev``; raises ValueError for an unknown ``rev``."""
        if rev not in self._since:
            check = _git(self.root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}")
            if check.returncode != 0:
                raise ValueError(f"unknown revision {rev!r} in {self.root}")
            out = _git(self.root, "rev-list", f"{rev}..HEAD")
            self._since[rev] = frozenset(out.stdout.decode("ascii", "replace").split())
        return self._since[rev]

    # ------------------------------------------------------------------ git

    def _origins(self, rev: str | None, rel: str, lines: Sequence[int]) -> dict[int, _Origin]:
        """Blame ``lines`` of ``rel`` at ``rev`` (None: the working tree); one git call for the
        lines not asked before."""
        known = self._blame.setdefault((rel, rev), {})
        wanted = sorted({n for n in lines if n >= 1} - known.keys())
        if wanted:
            args = ["blame", "--porcelain"]
            for n in wanted:
                args += ["-L", f"{n},{n}"]
            if rev is not None:
                args.append(rev)
            args += ["--", rel]
            proc = _git(self.root, *args)
            found = _parse_porcelain(proc.stdout.decode("utf-8", "surrogateescape")) if proc.returncode == 0 else {}
            for n in wanted:
                known[n] = found.get(n)
        return {n: known[n] for n in lines if known.get(n) is not None}

    def _blob_lines(self, rev: str | None, rel: str) -> list[str] | None:
        key = (rev, rel)
        if key not in self._blobs:
            if rev is None:
                try:
                    with open(os.path.join(self.root, rel), "rb") as fh:
                        data = fh.read()
                except OSError:
                    data = None
            else:
                proc = _git(self.root, "cat-file", "blob", f"{rev}:{rel}")
                data = proc.stdout if proc.returncode == 0 else None
            self._blobs[key] = None if data is None else data.decode("utf-8", "replace").splitlines()
        return self._blobs[key]

    def _replaced_lines(self, origin: _Origin) -> tuple[list[int], str] | None:
        """The lines (1-based, in the parent's file) that ``origin``'s commit replaced around the
        line, and their text; ``([], "")`` when the line was inserted."""
        after = self._blob_lines(origin.change.commit or None, origin.change.path)
        before = self._blob_lines(origin.previous, origin.previous_path or origin.change.path)
        if after is None or before is None:
            return None
        target = origin.line - 1
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if j1 <= target < j2 or (j1 == j2 == target):
                if tag == "equal":
                    return [], ""
                return list(range(i1 + 1, i2 + 1)), "\n".join(before[i1:i2])
        return [], ""


def _parse_porcelain(out: str) -> dict[int, _Origin]:
    """``git blame --porcelain`` output -> {final line: origin}."""
    commits: dict[str, dict[str, str]] = {}
    result: dict[int, _Origin] = {}
    current: dict[str, str] | None = None
    sha = ""
    orig = final = 0
    for raw in out.split("\n"):
        if raw.startswith("\t"):
            if current is not None:
                info = current
                prev = info.get("previous")
                previous, previous_path = (prev.split(" ", 1) + [""])[:2] if prev else (None, None)
                change = Change(
                    commit="" if sha == _NULL else sha,
                    timestamp=int(info.get("committer-time", "0") or 0),
                    subject="(uncommitted)" if sha == _NULL else info.get("summary", ""),
                    path=info.get("filename", ""),
                )
                result[final] = _Origin(change, orig, previous, previous_path or None)
            current = None
            continue
        head = raw.split(" ")
        if current is None and len(head) >= 3 and len(head[0]) == 40 and all(c in "0123456789abcdef" for c in head[0]):
            sha = head[0]
            orig, final = int(head[1]), int(head[2])
            current = commits.setdefault(sha, {})
            continue
        if current is not None and raw:
            name, _, value = raw.partition(" ")
            current[name] = value
    return result
