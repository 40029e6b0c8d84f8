"""Reading input files as text, with one-line errors a user can act on.

The text is decoded as UTF-8 and returned exactly as stored: a byte order
mark stays (offsets count it), line endings stay as they are.  Every offset
the loaders produce is a code-point offset into this string.
"""

from __future__ import annotations

import os
import stat

from consistency.errors import InputError

__all__ = ["MAX_BYTES", "check_regular_file", "read_text"]

#: Largest file accepted, in bytes (20 MB).  Articles are far smaller; a
#: larger file is almost certainly not an article.
MAX_BYTES = 20 * 1024 * 1024

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_text(path: str | os.PathLike[str], *, utf16: bool = False, latin1_fallback: bool = False) -> str:
    """Return the text of the file at ``path``, decoded as UTF-8.

    Raises :class:`~consistency.errors.InputError` with a one-line message
    (``"article.de.md: not valid UTF-8 (byte 0xff at offset 12)"``) when the
    file is missing, is a directory, is larger than :data:`MAX_BYTES`,
    contains a NUL byte (binary content) or is not valid UTF-8.  With ``utf16``, a file
    that starts with a UTF-16 byte-order mark is decoded as UTF-16; with ``latin1_fallback``, a
    file that is not valid UTF-8 is read as ISO-8859-1, as Java reads a ``.properties`` file.
    The file is only read, never modified.
    """
    name = os.fspath(path)
    data = _read_bytes(name)
    if data.startswith(b"bplist0"):
        raise InputError(f"{name}: a binary property list; convert it with `plutil -convert xml1` first")
    if utf16 and data.startswith(_UTF16_BOMS):  # Apple .strings are often UTF-16 with a BOM
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 (at byte offset {exc.start})") from None
    _check_not_binary(name, data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if latin1_fallback:
            return data.decode("latin-1")
        bad = data[exc.start]
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start})"
        ) from None


def check_regular_file(name: str) -> None:
    """Raise :class:`InputError` unless ``name`` is a regular file within :data:`MAX_BYTES`.

    Every file the tool reads passes here first (articles, catalogues, baselines, configuration,
    rules, vocabularies): a FIFO would block the read forever and ``/dev/zero`` never end, so only
    regular files are read, and all under one size cap.  A missing file is left to the caller's
    own message."""
    try:
        st = os.stat(name)
    except OSError:
        return
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: not a regular file (a FIFO, socket or device); only files are read")
    if st.st_size > MAX_BYTES:
        raise InputError(f"{name}: file too large ({_megabytes(st.st_size)}; the limit is {_megabytes(MAX_BYTES)})")


def _read_bytes(name: str) -> bytes:
    """Read at most ``MAX_BYTES + 1`` bytes, translating OS errors."""
    try:
        check_regular_file(name)
        size = os.stat(name).st_size
        if size > MAX_BYTES:
            limit = _megabytes(MAX_BYTES)
            raise InputError(f"{name}: file too large ({_megabytes(size)}; the limit is {limit})")
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: file too large (the limit is {_megabytes(MAX_BYTES)})")
    return data


def _check_not_binary(name: str, data: bytes) -> None:
    """Reject UTF-16 text and anything else that contains a NUL byte."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(f"{name}: UTF-16 text is not supported; save the file as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul}), not text")


def _megabytes(size: int) -> str:
    """``20971520`` -> ``'20 MB'``; ``26214400`` -> ``'25 MB'``."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"
