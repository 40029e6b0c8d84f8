"""XLIFF 1.2 and 2.0 loader: one block per translated unit (or segment).

Like a PO file, an XLIFF file holds two versions: :func:`load_xliff` returns
the translation (``<target>``, locale from ``target-language`` / ``trgLang``)
and :func:`load_xliff_source` the source (``<source>``, ``source-language`` /
``srcLang``), with the same keys:

- XLIFF 1.2: ``<trans-unit id>`` -> ``original + "#" + id``, where
  ``original`` is the attribute of the enclosing ``<file>``;
- XLIFF 2.0: ``<unit id><segment>`` -> ``file id + "#" + unit id``, plus
  ``"#" + n`` (0-based) when the unit has several segments.

>>> xlf = '''<xliff version="2.0" srcLang="en" trgLang="de">
... <file id="f"><unit id="u"><segment>
... <source>Uses <pc id="1">5&#160;GB</pc></source>
... <target>Belegt <pc id="1">5&#160;GB</pc></target>
... </segment></unit></file></xliff>'''
>>> [(b.key, b.text) for b in load_xliff("app.xlf", text=xlf).blocks]
[('f#u', 'Belegt            5\\xa0     GB')]

Only units whose target is present and not empty are included, not those
marked ``translate="no"`` nor (XLIFF 1.2) targets in the states ``new`` or
``needs-translation``.  A block spans the element's content without
surrounding white space.  Inline markup is not prose: tags (``<x/>``,
``<g>``, ``<pc>``, ``<mrk>``…) are blanked, and the native code held by
XLIFF 1.2 ``<bpt>``, ``<ept>``, ``<it>`` and ``<ph>`` is blanked with them.
The five predefined entities and numeric character references are written as
the character followed by spaces, so a block keeps the length of its span;
format placeholders are blanked as in PO files.

**Safe parsing.**  The file is parsed by the standard library's
:mod:`xml.parsers.expat` with handlers that reject any document type
declaration before its content is read, so no DTD is loaded, no entity is
declared or expanded (billion laughs, external entities) and no other
dependency (``defusedxml``) is needed.  Malformed XML raises
:class:`~consistency.errors.InputError` with ``"PATH:LINE: malformed XML: …"``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from xml.parsers import expat

from consistency.documents.locales import known_locale, locale_from_path, normalize_locale
from consistency.documents.po import mask_placeholders
from consistency.documents.reading import read_text
from consistency.documents.suppression import Directive, parse_directive
from consistency.errors import InputError, LocaleError
from consistency.model import Block, Document

__all__ = ["load_xliff", "load_xliff_source"]

#: XLIFF 1.2 elements whose content is native code, not text.
_CODE = frozenset({"bpt", "ept", "it", "ph"})
#: XLIFF 1.2 target states that mean "not translated yet".
_UNTRANSLATED_STATES = frozenset({"new", "needs-translation"})
_XML_REFERENCES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def load_xliff(
    path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None
) -> Document:
    """The translation (``<target>``) version of an XLIFF 1.2 or 2.0 file."""
    return _load(path, locale, text, "target")


def load_xliff_source(
    path: str | os.PathLike[str], *, locale: str | None = None, text: str | None = None
) -> Document:
    """The source (``<source>``) version of an XLIFF file, keyed like :func:`load_xliff`."""
    return _load(path, locale, text, "source")


def _load(path: str | os.PathLike[str], locale: str | None, text: str | None, side: str) -> Document:
    name = os.fspath(path)
    if text is None:
        text = read_text(name)
    parsed = _Reader(name, text).read()
    tag = _locale(name, locale, parsed.languages[side], side)
    blocks: list[Block] = []
    for unit in parsed.units:
        content = unit.target if side == "target" else unit.source
        assert content is not None
        start, end, masked = content_span(text, content)
        rules = set(parsed.file_rules)
        for directive in unit.directives:
            rules |= directive.rules
        blocks.append(
            Block(
                index=len(blocks),
                kind=side,
                start=start,
                end=end,
                text=masked,
                key=unit.key,
                suppressed=frozenset(rules),
            )
        )
    return Document(path=name, locale=tag, text=text, blocks=tuple(blocks))


def _locale(name: str, locale: str | None, declared: str | None, side: str) -> str:
    if locale is not None:
        return normalize_locale(locale)
    tag = known_locale(declared) if declared else None
    if tag is None and side == "target":
        tag = locale_from_path(name)
    if tag is None and side == "source":
        tag = "en"
    if tag is None:
        raise LocaleError(
            f"{name}: cannot tell the locale from the XLIFF target language or the file name; "
            f"pass --locale {name}=TAG"
        )
    return tag


@dataclass
class Content:
    """A ``<source>``/``<target>`` element: its content span and markup inside it."""

    start: int
    end: int = -1
    tags: list[tuple[int, int]] = field(default_factory=list)  # blanked spans
    state: str | None = None


@dataclass
class _Unit:
    key: str
    source: Content | None = None
    target: Content | None = None
    skip: bool = False
    directives: list[Directive] = field(default_factory=list)


@dataclass
class _Parsed:
    units: list[_Unit]
    languages: dict[str, str | None]
    file_rules: frozenset[str]


@dataclass
class _Open:
    """An element being parsed."""

    name: str
    start: int
    content: int  # offset just after the start tag
    empty: bool


class _Reader:
    """Expat events -> units with code-point spans into the decoded text."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)
        self._byte = 0
        self._cp = 0
        self.stack: list[_Open] = []
        self.version: str | None = None
        self.languages: dict[str, str | None] = {"source": None, "target": None}
        self.file_key = ""
        self.unit: _Unit | None = None
        self.unit_segments: list[_Unit] = []
        self.units: list[_Unit] = []
        self.content: Content | None = None
        self.content_depth = 0
        self.pending: list[Directive] = []
        self.file_rules: set[str] = set()
        parser = expat.ParserCreate(encoding="UTF-8")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._entity
        parser.ExternalEntityRefHandler = self._external
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CommentHandler = self._comment
        self.parser = parser

    # -- positions -----------------------------------------------------------

    def offset(self) -> int:
        """The code-point offset of the current event."""
        byte = self.parser.CurrentByteIndex
        if self.ascii:
            return byte
        if byte < self._byte:
            self._byte = self._cp = 0
        self._cp += len(self.data[self._byte : byte].decode("utf-8"))
        self._byte = byte
        return self._cp

    # -- parsing -------------------------------------------------------------

    def error(self, line: int, message: str) -> InputError:
        return InputError(f"{self.name}:{line}: {message}")

    def read(self) -> _Parsed:
        try:
            self.parser.Parse(self.data, True)
        except expat.ExpatError as exc:
            message = expat.ErrorString(exc.code)
            raise self.error(exc.lineno, f"malformed XML: {message}") from None
        if self.version is None:
            raise self.error(1, "not an XLIFF file (the root element is not <xliff>)")
        return _Parsed(self.units, self.languages, frozenset(self.file_rules))

    def _doctype(self, *_args: object) -> None:
        line = self.parser.CurrentLineNumber
        raise self.error(line, "XLIFF with a DOCTYPE: DTDs and entities are not allowed")

    def _entity(self, *_args: object) -> None:  # pragma: no cover - DOCTYPE is rejected first
        raise self.error(self.parser.CurrentLineNumber, "DTDs and entities are not allowed")

    def _external(self, *_args: object) -> int:  # pragma: no cover - DOCTYPE is rejected first
        raise self.error(self.parser.CurrentLineNumber, "external entities are not allowed")

    def _start(self, qname: str, attrs: dict[str, str]) -> None:
        name = qname.rsplit(":", 1)[-1]
        start = self.offset()
        end = tag_end(self.text, start)
        empty = self.text[end - 2] == "/"
        parent = self.stack[-1].name if self.stack else None
        self.stack.append(_Open(name, start, end, empty))
        if self.content is not None:
            self.content.tags.append((start, end))
            return
        if parent is None:
            self._root(name, attrs)
        elif name == "file":
            self._file(attrs)
        elif name == ("trans-unit" if self.version == "1" else "unit"):
            self._open_unit(f"{self.file_key}#{attrs.get('id', '')}")
            assert self.unit is not None
            self.unit.skip = attrs.get("translate", "yes") == "no"
        elif name == "segment" and self.version == "2" and parent == "unit" and self.unit:
            self.unit_segments.append(_Unit(self.unit.key, skip=self.unit.skip))
        elif name in ("source", "target") and self._owner(parent) is not None:
            self.content = Content(end, state=attrs.get("state"))
            self.content_depth = len(self.stack)
            if empty:
                self.content.end = end

    def _root(self, name: str, attrs: dict[str, str]) -> None:
        if name != "xliff":
            raise self.error(
                self.parser.CurrentLineNumber,
                f"not an XLIFF file (the root element is <{name}>, not <xliff>)",
            )
        self.version = "2" if attrs.get("version", "1.2").startswith("2") else "1"
        if self.version == "2":
            self.languages = {"source": attrs.get("srcLang"), "target": attrs.get("trgLang")}

    def _file(self, attrs: dict[str, str]) -> None:
        if self.version == "1":
            self.file_key = attrs.get("original", "")
            for side, attribute in (("source", "source-language"), ("target", "target-language")):
                if self.languages[side] is None and attrs.get(attribute):
                    self.languages[side] = attrs[attribute]
        else:
            self.file_key = attrs.get("id", "")

    def _open_unit(self, key: str) -> None:
        self.unit = _Unit(key, directives=list(self.pending))
        self.pending.clear()
        self.unit_segments = []

    def _owner(self, parent: str | None) -> _Unit | None:
        """The unit (1.2) or segment (2.0) a ``<source>``/``<target>`` child of ``parent`` fills."""
        if self.version == "1" and parent == "trans-unit":
            return self.unit
        if self.version == "2" and parent == "segment" and self.unit_segments:
            return self.unit_segments[-1]
        return None

    def _end(self, qname: str) -> None:
        element = self.stack.pop()
        close = element.content if element.empty else self.offset()
        end = element.content if element.empty else tag_end(self.text, close)
        content = self.content
        if content is not None and len(self.stack) >= self.content_depth:
            if element.name in _CODE and self.version == "1":
                content.tags.append((element.start, end))
            elif not element.empty:
                content.tags.append((close, end))
            return
        if content is not None:
            # the <source>/<target> element itself ends here
            if content.end < 0:
                content.end = close
            owner = self._owner(self.stack[-1].name if self.stack else None)
            if owner is not None:
                if element.name == "source":
                    owner.source = content
                else:
                    owner.target = content
            self.content = None
            return
        if element.name == "trans-unit" and self.version == "1" and self.unit is not None:
            self._keep(self.unit)
            self.unit = None
        elif element.name == "unit" and self.version == "2" and self.unit is not None:
            segments = self.unit_segments
            for number, segment in enumerate(segments):
                if len(segments) > 1:
                    segment.key = f"{self.unit.key}#{number}"
                segment.directives = self.unit.directives
                self._keep(segment)
            self.unit = None
            self.unit_segments = []

    def _keep(self, unit: _Unit) -> None:
        target = unit.target
        if unit.skip or unit.source is None or target is None:
            return
        if target.state in _UNTRANSLATED_STATES and self.version == "1":
            return
        if not self.text[target.start : target.end].strip():
            return
        self.units.append(unit)

    def _comment(self, data: str) -> None:
        directive = parse_directive(data, self.offset())
        if directive is None:
            return
        if directive.whole_file:
            self.file_rules |= directive.rules
        elif self.unit is not None:
            self.unit.directives.append(directive)
        else:
            self.pending.append(directive)


def content_span(text: str, content: Content) -> tuple[int, int, str]:
    """Span and masked text of an element's content, trimmed of white space."""
    start, end = content.start, content.end
    chars = list(text[start:end])
    references: list[tuple[int, int]] = []

    def blank(a: int, b: int) -> None:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = " "

    i = start
    while i < end:
        c = text[i]
        if c == "<":
            if text.startswith("<![CDATA[", i):
                close = text.find("]]>", i, end)
                blank(i, i + 9)
                blank(close, close + 3)
                i = close + 3
                continue
            if text.startswith("<!--", i):
                stop = text.find("-->", i, end) + 3
            elif text.startswith("<?", i):
                stop = text.find("?>", i, end) + 2
            else:
                stop = tag_end(text, i)
            blank(i, stop)
            i = stop
        elif c == "&":
            stop = text.find(";", i, end) + 1
            raw = text[i:stop]
            decoded = _reference(raw)
            blank(i, stop)
            if decoded:
                chars[i - start : i - start + len(decoded)] = decoded
            references.append((i, stop))
            i = stop
        else:
            i += 1
    for a, b in content.tags:
        blank(a, b)
    masked = mask_placeholders(chars)
    lead = len(masked) - len(masked.lstrip())
    trail = len(masked) - len(masked.rstrip())
    if lead == len(masked):
        return start, end, masked
    last = end - trail
    for a, b in references:  # never end inside a reference: `5&#160;` ends after `;`
        if a < last < b:
            last = b
    return start + lead, last, masked[lead : last - start]


def _reference(raw: str) -> str | None:
    """The character of a predefined entity or character reference (``&#xA0;``)."""
    name = raw[1:-1]
    if not name.startswith("#"):
        return _XML_REFERENCES.get(name)
    try:
        return chr(int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:]))
    except (ValueError, OverflowError):  # pragma: no cover - expat has checked it
        return None


def tag_end(text: str, start: int) -> int:
    """Offset just after the tag that opens at ``start`` (quote-aware)."""
    quote = ""
    for i in range(start + 1, len(text)):
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == ">":
            return i + 1
    return len(text)  # pragma: no cover - expat has checked the tag
