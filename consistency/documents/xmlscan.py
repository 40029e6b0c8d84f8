"""Safe XML scanning with offsets, for the resource formats kept in XML (Android, TMX).

:func:`scan` parses with the standard library's :mod:`xml.parsers.expat` and rejects any
document type declaration before its content is read (no DTD, no entity declared or expanded,
no external entity: the billion-laughs and XXE attacks cannot start), as the XLIFF loader
does.  It returns the elements whose local name is asked for, each with its attributes, the
names of its ancestors, and the code-point span of its content together with the spans of the
tags inside it, so that a loader can mask markup and decode references in place with
:func:`content`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from consistency.errors import InputError

__all__ = ["Element", "content", "scan"]


@dataclass
class Element:
    name: str
    attrs: dict[str, str]
    ancestors: tuple[str, ...]
    start: int = 0  # content start (after the opening tag)
    end: int = 0  # content end (before the closing tag)
    tags: list[tuple[int, int]] = field(default_factory=list)  # tags inside the content
    ancestor_attrs: tuple[dict[str, str], ...] = ()


def scan(name: str, text: str, wanted: frozenset[str], *, root: str | None = None,
         what: str = "XML", doctype_allowed: bool = False) -> tuple[str, list[Element]]:
    """``(root element name, wanted elements in document order)``; raises InputError on
    malformed XML, a DOCTYPE, or (with ``root``) another root element.  With
    ``doctype_allowed`` a DOCTYPE that only names its DTD passes (Apple's property lists carry
    one); one with an internal subset, and any entity declaration, is still refused."""
    from consistency.documents.xliff import tag_end

    data = text.encode("utf-8")
    ascii_only = len(data) == len(text)
    position = {"byte": 0, "cp": 0}
    parser = expat.ParserCreate(encoding="UTF-8")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[tuple[str, dict[str, str], Element | None]] = []
    found: list[Element] = []
    roots: list[str] = []

    def offset() -> int:
        byte = parser.CurrentByteIndex
        if ascii_only:
            return byte
        if byte < position["byte"]:
            position["byte"] = position["cp"] = 0
        position["cp"] += len(data[position["byte"]:byte].decode("utf-8"))
        position["byte"] = byte
        return position["cp"]

    def fail(message: str) -> InputError:
        return InputError(f"{name}:{parser.CurrentLineNumber}: {message}")

    def doctype(*_args: object) -> None:
        raise fail(f"{what} with a DOCTYPE: DTDs and entities are not allowed")

    def named_doctype(_name: str, _system: str | None, _public: str | None, internal_subset: int) -> None:
        if internal_subset:
            doctype()

    def start(qname: str, attrs: dict[str, str]) -> None:
        local = qname.rsplit(":", 1)[-1]
        begin = offset()
        stop = tag_end(text, begin)
        if not stack:
            roots.append(local)
            if root is not None and local != root:
                raise fail(f"not {what} (the root element is <{local}>, not <{root}>)")
        for _n, _a, open_el in stack:
            if open_el is not None:
                open_el.tags.append((begin, stop))
        element = None
        if local in wanted:
            element = Element(local, dict(attrs), tuple(n for n, _a, _e in stack), start=stop, end=stop,
                              ancestor_attrs=tuple(a for _n, a, _e in stack))
            found.append(element)
        stack.append((local, dict(attrs), element))

    def end(_qname: str) -> None:
        here = offset()
        _local, _attrs, element = stack.pop()
        closing = text.startswith("</", here)  # else an empty element <x/>: no content
        if element is not None:
            element.end = here if closing else element.start
        if closing:
            for _n, _a, open_el in stack:
                if open_el is not None:
                    open_el.tags.append((here, tag_end(text, here)))

    parser.StartDoctypeDeclHandler = named_doctype if doctype_allowed else doctype
    parser.EntityDeclHandler = doctype
    parser.ExternalEntityRefHandler = doctype  # type: ignore[assignment]  # raises: expat never reads a result
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(f"{name}:{exc.lineno}: malformed XML: {expat.ErrorString(exc.code)}") from None
    return (roots[0] if roots else ""), found


def content(text: str, element: Element) -> tuple[int, int, list[str]]:
    """``(start, end, chars)`` of an element's content: tags, comments and CDATA markers blank,
    references decoded in place, placeholders blanked; the span is the whole content."""
    from consistency.documents.xliff import Content
    from consistency.documents.xliff import content_span as xliff_content

    start, end, masked = xliff_content(text, Content(start=element.start, end=element.end, tags=element.tags))
    chars = [" "] * (element.end - element.start)  # untrimmed: the tags at the edges are the unit's
    chars[start - element.start:end - element.start] = masked
    return element.start, element.end, chars
