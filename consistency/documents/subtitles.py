"""Subtitles: SubRip (``.srt``) and WebVTT (``.vtt``), one block per cue.

A cue's block spans its text lines in the file; its key is the cue's timing
(``00:01:02.500 --> 00:01:05.000``, milliseconds normalized, so SubRip's comma and WebVTT's
period and optional hours agree).  Cues of the versions correspond where they are on screen
together, so re-timed versions and merged or split cues still pair
(:func:`consistency.match.groups.timed_groups`).

Markup is not prose: SubRip's ``<i>``, ``<font …>`` and ``{\\an8}``-style override tags,
WebVTT's ``<b>``, ``<c.class>``, ``<v Speaker>``, ``<lang xx>`` and in-cue timestamps are
blanked; WebVTT character references (``&amp;``, ``&nbsp;``, ``&#8364;``) are decoded in place.
WebVTT ``NOTE``, ``STYLE`` and ``REGION`` blocks are skipped.  The locale comes from the file
name (``film.de.srt``, ``de/film.vtt``), else from a WebVTT header line ``Language: de``.

>>> doc = load_subtitles("film.de.srt", text="1\\n00:00:01,000 --> 00:00:03,000\\n<i>Es sind 5 km.</i>\\n")
>>> doc.locale, [(b.key, b.text.strip()) for b in doc.blocks]
('de', [('00:00:01.000 --> 00:00:03.000', 'Es sind 5 km.')])
"""

from __future__ import annotations

import os
import re

from consistency.documents.keyed import decode_in_place
from consistency.documents.locales import known_locale, locale_from_path, normalize_locale
from consistency.documents.masking import decode_reference
from consistency.documents.po import mask_placeholders
from consistency.documents.reading import read_text
from consistency.errors import InputError, LocaleError
from consistency.model import Block, Document

__all__ = ["load_subtitles"]

_TIME = r"(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)[,.](\d{1,3})"
_TIMING = re.compile(rf"[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}[^\n]*")
_MARKUP = re.compile(r"<[^<>\n]{0,200}>|\{\\[^{}\n]{0,200}\}")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LANGUAGE = re.compile(r"^Language:[ \t]*([A-Za-z0-9_-]{2,20})[ \t]*$", re.MULTILINE)
_VTT_SKIPPED = ("NOTE", "STYLE", "REGION")


def load_subtitles(path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None) -> Document:
    """One version of a film's or video's subtitles."""
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    vtt = name.lower().endswith(".vtt")
    header_end = _vtt_header(name, text) if vtt else 0
    entries = list(_cues(text, header_end, vtt))
    blocks: list[Block] = []
    for key, start, end in entries:
        chars = decode_in_place(text, start, end, _REFERENCE, lambda m: decode_reference(m.group()) or m.group()) \
            if vtt else list(text[start:end])
        for match in _MARKUP.finditer(text, start, end):
            chars[match.start() - start:match.end() - start] = " " * (match.end() - match.start())
        masked = mask_placeholders(chars)
        if not masked.strip():
            continue
        blocks.append(Block(index=len(blocks), kind="cue", start=start, end=end, text=masked, key=key))
    return Document(path=name, locale=_locale(name, locale, text if vtt else ""), text=text, blocks=tuple(blocks))


def _vtt_header(name: str, text: str) -> int:
    """Where the body of a WebVTT file starts (after ``WEBVTT`` and its header lines)."""
    body = text.removeprefix("\ufeff")
    if not body.startswith("WEBVTT") or (len(body) > 6 and body[6] not in " \t\r\n"):
        raise InputError(f"{name}: not a WebVTT file (it must start with WEBVTT)")
    end = text.find("\n\n")
    return len(text) if end < 0 else end + 2


def _cues(text: str, pos: int, vtt: bool):
    """``(key, start, end)`` of each cue's text, in file order."""
    for block_start, block_end in _paragraphs(text, pos):
        lines = _lines(text, block_start, block_end)
        first = text[lines[0][0]:lines[0][1]]
        if vtt and first.split(" ", 1)[0].split("\t", 1)[0] in _VTT_SKIPPED:
            continue
        timing_at = next((i for i, (a, b) in enumerate(lines[:2]) if _TIMING.fullmatch(text, a, b)), None)
        if timing_at is None or timing_at + 1 >= len(lines):
            continue  # no timing line, or a cue without text
        match = _TIMING.fullmatch(text, *lines[timing_at])
        assert match is not None
        key = f"{_ms(*match.groups()[:4])} --> {_ms(*match.groups()[4:])}"
        yield key, lines[timing_at + 1][0], lines[-1][1]


def _paragraphs(text: str, pos: int):
    """Spans of the runs of non-blank lines from ``pos`` on."""
    start: int | None = None
    previous_end = pos
    for line_start, line_end in _lines(text, pos, len(text)):
        blank = not text[line_start:line_end].strip()
        if blank and start is not None:
            yield start, previous_end
            start = None
        elif not blank:
            if start is None:
                start = line_start
            previous_end = line_end
    if start is not None:
        yield start, previous_end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while start < end:
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        out.append((start, stop - 1 if stop > start and text[stop - 1] == "\r" else stop))
        start = stop + 1
    return out


def _ms(hours: str | None, minutes: str, seconds: str, fraction: str) -> str:
    total = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(fraction.ljust(3, "0"))
    h, rest = divmod(total, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _locale(name: str, locale: str | None, header: str) -> str:
    if locale is not None:
        return normalize_locale(locale)
    tag = locale_from_path(name)
    if tag is None and header:
        declared = _LANGUAGE.search(header, 0, header.find("\n\n") if "\n\n" in header else len(header))
        tag = known_locale(declared.group(1)) if declared else None
    if tag is None:
        raise LocaleError(f"{name}: cannot tell the locale from the file name; pass --locale {name}=TAG")
    return tag

