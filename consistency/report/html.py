"""The ``html`` format: one self-contained page for the people who decide on findings.

The page holds everything inline (styles, a few lines of script, the chart as
SVG; nothing is fetched) and reads fully with JavaScript off:

- a summary: bundles, versions and locales, findings per rule, level and
  locale, with a bar chart in inline SVG;
- a table of contents when there are several bundles; each bundle is a
  ``<details>`` element, collapsed when the report has more than
  :data:`OPEN_LIMIT` bundles, its content in a ``<noscript>``: with script on
  the browser keeps that as one text node and builds the elements only when the
  bundle is opened (or a link leads into it), with script off it shows it as
  usual, so 1,000 bundles open fast and nothing is hidden without script;
- per bundle: its findings (each links to its deviant span, its references
  and its rule's documentation), the versions side by side as aligned (one row
  per group of corresponding blocks; a missing passage is an empty, labelled
  cell), every claim highlighted with its normalized value on hover and
  keyboard focus, names and quotations marked, and the claim matrix;
- filters by rule, level and locale (the script only hides; without it
  everything shows), right-to-left versions laid out right to left (CLDR's
  character order), CJK line breaking, a print stylesheet.

Every piece of article text, path, message and rule text is escaped: an
article is untrusted input.  Colours always come with a text label.

This module is longer than 600 lines: about 100 of them are the page's inline stylesheet and
script (``_CSS``, ``_SCRIPT``), since the page is one self-contained file.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence, cast

import regex

from consistency.model import Finding, Location
from consistency.report.common import (TOOL_NAME, BundleInfo, alignment_rows, history_line, level_of, primary_location,
                                       reference_locations)
from consistency.report.json import posix_path

if TYPE_CHECKING:  # pragma: no cover
    from consistency.engine.registry import Rule
    from consistency.engine.view import BlockView, BundleView

__all__ = ["OPEN_LIMIT", "render_html", "text_direction"]

#: reports with more bundles than this show each bundle collapsed (opened on demand)
OPEN_LIMIT = 10

_LEVEL_SIGN = {"error": "✖", "warning": "▲", "info": "ℹ"}
_LEVELS = ("error", "warning", "info")
#: characters HTML does not allow in text (C0/C1 controls but tab and newlines, noncharacters, surrogates)
_INVALID = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\p{Cs}]")
#: a line break beside a character of a script written without spaces (Chinese, Japanese): no space
#: when rendered (as markdown-it-cjk-breaks does; Korean is written with spaces)
_CJK = r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]"
_CJK_BREAK = regex.compile(rf"(?<={_CJK})[ \t]*\n[ \t]*|[ \t]*\n[ \t]*(?={_CJK})")
#: an attribute value that needs no quotes
_BARE = regex.compile(r"[A-Za-z0-9_.:#-]+")
_DROP = "\x00"  # stands for a character that is not rendered (keeps offsets while rendering)


def esc(value: object) -> str:
    """Text or attribute value escaped for HTML, without characters HTML forbids.

    >>> esc('<script>alert("x")</script> & co')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'
    """
    text = str(value)
    if not text.isprintable():  # rare: only then can it hold a character HTML forbids
        text = _INVALID.sub("", text)
    return html.escape(text, quote=True)


def _attr(value: str) -> str:
    """An attribute value, quoted only when HTML needs it (the page is generated: bytes count).

    >>> _attr("en-GB"), _attr('a "b"')
    ('en-GB', '"a &quot;b&quot;"')
    """
    return value if _BARE.fullmatch(value) else f'"{esc(value)}"'


@lru_cache(maxsize=None)
def text_direction(locale: str) -> str:
    """``rtl`` or ``ltr`` from CLDR's character order for ``locale`` (``auto`` if babel does not know it).

    >>> text_direction("ar"), text_direction("he-IL"), text_direction("ja")
    ('rtl', 'rtl', 'ltr')
    """
    try:
        from babel import Locale

        order = Locale.parse(locale.replace("-", "_")).character_order
    except Exception:  # noqa: BLE001 - an unknown tag: let the browser decide per paragraph
        return "auto"
    return "rtl" if order == "right-to-left" else "ltr"


def _lang(locale: str) -> str:
    return locale.replace("_", "-")


@lru_cache(maxsize=None)
def _loc_attrs(locale: str) -> str:
    """``lang`` and, unless left to right as the page, ``dir`` (the filters hide a locale's cells by ``lang``)."""
    direction = text_direction(locale)
    return f" lang={_attr(_lang(locale))}" + (f" dir={direction}" if direction != "ltr" else "")


# ----------------------------------------------------------------------------- findings in bundles


class _Mark:
    """A finding's location in a bundle's view: where it is drawn and its element id."""

    __slots__ = ("finding", "number", "index", "location", "version", "deviant")

    def __init__(self, finding: int, number: int, index: int, location: Location, version: int | None) -> None:
        self.finding, self.number, self.index = finding, number, index
        self.location, self.version = location, version
        self.deviant = index == 0 and location.role != "tied"  # a tie names no side deviant

    @property
    def id(self) -> str:
        return f"f{self.number}-{self.index}"


def _version_index(view: BundleView | None, versions: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
    pairs = [(v.path, v.locale) for v in view.versions] if view is not None else list(versions)
    out: dict[tuple[str, str], int] = {}
    for i, (path, locale) in enumerate(pairs):
        out.setdefault((posix_path(path), locale), i)
    return out


# ----------------------------------------------------------------------------- rendering text with marks


_LAYER = {"quote": 0, "fd": 1, "fr": 1, "name": 2, "claim": 3}


def _open_tag(item: tuple, first: bool, bundle: int, findings: Sequence[Finding]) -> str:
    kind = item[2]
    if kind == "claim":
        return f'<data value="{esc(item[4].label)}" tabindex=0>'
    if kind in ("name", "quote"):  # a name's type (none: a name), a quotation's speaker
        label = "" if kind == "name" and item[4].label == "name" else item[4].label
        return f'<span class={kind[0]}' + (f" data-v={_attr(label)}>" if label else ">")
    mark: _Mark = item[4]
    finding = findings[mark.finding]
    ident = f" id={mark.id}" if first else ""
    level = level_of(finding).value
    css = f'"fd {level}"' if kind == "fd" else "fr"
    return f"<mark class={css}{ident} data-rule={_attr(finding.rule)} data-level={level}>"


def _close_tag(kind: str) -> str:
    return "</mark>" if kind in ("fd", "fr") else "</data>" if kind == "claim" else "</span>"


def _tag_link(mark: _Mark, findings: Sequence[Finding]) -> str:
    finding = findings[mark.finding]
    level = level_of(finding).value
    return (f'<a class="tag {level}" href=#f{mark.number} data-rule={_attr(finding.rule)} data-level={level}>'
            f'{_LEVEL_SIGN[level]} {esc(finding.rule)}</a>')


def _display_text(text: str) -> str:
    """Block text for display, as long as ``text`` (offsets keep): characters HTML forbids and
    line breaks beside CJK characters become placeholders that are not written out."""
    text = _INVALID.sub(_DROP, text)
    return _CJK_BREAK.sub(lambda m: _DROP * len(m.group(0)), text)


def _render_block(block: BlockView, items: list[tuple], bundle: int, findings: Sequence[Finding],
                  opened: set) -> str:
    """``block``'s text with nested elements for ``items`` ((start, end, kind, order, payload, version)).

    Overlapping items are split where they cross; an element id goes on the first piece only."""
    text = _display_text(block.text)
    base = block.start
    inside = [it for it in items if it[0] < block.end and it[1] > block.start]
    bounds = sorted({block.start, block.end} | {max(block.start, min(block.end, x))
                                                 for it in inside for x in (it[0], it[1])})
    out: list[str] = []
    stack: list[tuple] = []
    for a, b in zip(bounds, bounds[1:]):
        want = sorted((it for it in inside if it[0] <= a and it[1] >= b),
                      key=lambda it: (_LAYER[it[2]], it[0], -it[1], it[3]))
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        for it in reversed(stack[keep:]):
            out.append(_close_tag(it[2]))
            if it[2] == "fd" and it[1] <= a:
                out.append(_tag_link(it[4], findings))
        stack = stack[:keep]
        for it in want[keep:]:
            key = id(it)
            out.append(_open_tag(it, key not in opened, bundle, findings))
            opened.add(key)
            stack.append(it)
        out.append(html.escape(text[a - base:b - base].replace(_DROP, ""), quote=False))
    for it in reversed(stack):
        out.append(_close_tag(it[2]))
        if it[2] == "fd":
            out.append(_tag_link(it[4], findings))
    return "".join(out)


# ----------------------------------------------------------------------------- page parts


def _counts(findings: Sequence[Finding]) -> Counter:
    return Counter(level_of(f).value for f in findings)


def _count_label(findings: Sequence[Finding]) -> str:
    if not findings:
        return '<span class="ok">no findings</span>'
    counts = _counts(findings)
    parts = [f'<span class="lv {lv}">{_LEVEL_SIGN[lv]} {counts[lv]} {lv if lv == "info" or counts[lv] == 1 else lv + "s"}</span>'
             for lv in _LEVELS if counts[lv]]
    return " ".join(parts)


def _bar_chart(title: str, rows: list[tuple[str, int, str]]) -> str:
    """A horizontal bar chart in inline SVG: ``rows`` of (label, count, level class)."""
    if not rows:
        return ""
    width, label_w, bar_h, gap = 440, 190, 18, 6
    top = 22
    most = max(count for _l, count, _c in rows) or 1
    height = top + len(rows) * (bar_h + gap)
    desc = "; ".join(f"{label}: {count}" for label, count, _c in rows)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="{esc(title + ": " + desc)}"><text x="0" y="14" class="ct">{esc(title)}</text>']
    for i, (label, count, css) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(2, round((width - label_w - 40) * count / most))
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{esc(label)}</text>'
                     f'<rect class="{css}" x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="2"/>'
                     f'<text x="{label_w + w + 5}" y="{y + 13}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _summary(findings: Sequence[Finding], bundles: Sequence[BundleInfo], rules_by_id: dict) -> str:
    locales = sorted({loc for b in bundles for _p, loc in b.versions})
    versions = sum(len(b.versions) for b in bundles)
    by_rule = Counter(f.rule for f in findings)
    rule_level = {f.rule: level_of(f).value for f in findings}
    by_locale = Counter(getattr(primary_location(f), "locale", "") or "—" for f in findings)
    counts = _counts(findings)
    out = ['<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>',
           '<dl class="facts">',
           f'<div><dt>bundles</dt><dd>{len(bundles)}</dd></div>',
           f'<div><dt>versions</dt><dd>{versions}</dd></div>',
           f'<div><dt>locales</dt><dd>{esc(", ".join(locales)) or "—"}</dd></div>',
           f'<div><dt>findings</dt><dd>{len(findings)}</dd></div>']
    for lv in _LEVELS:
        out.append(f'<div><dt><span class="lv {lv}">{_LEVEL_SIGN[lv]} {lv}</span></dt><dd>{counts[lv]}</dd></div>')
    out.append("</dl>" + _LEGEND)
    if findings:
        rule_rows = []
        for rule_id, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = rules_by_id.get(rule_id)
            label = f"{rule_id} {rule.name}" if rule is not None else rule_id
            rule_rows.append((label, count, "bar-" + rule_level[rule_id]))
        locale_rows = [(loc, count, "bar-loc") for loc, count in sorted(by_locale.items(), key=lambda kv: (-kv[1], kv[0]))]
        out.append('<div class="charts">')
        out.append(_bar_chart("Findings per rule", rule_rows))
        out.append(_bar_chart("Findings per locale (the deviant version)", locale_rows))
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def _filters(findings: Sequence[Finding]) -> str:
    """Checkboxes; shown and wired by the script (without it, everything shows and they stay hidden)."""
    if not findings:
        return ""
    rules = sorted({f.rule for f in findings})
    locales = sorted({loc.locale for f in findings if (loc := primary_location(f)) is not None})
    levels = [lv for lv in _LEVELS if any(level_of(f).value == lv for f in findings)]

    def group(name: str, attr: str, values: Iterable[str]) -> str:
        boxes = "".join(f'<label><input type="checkbox" data-attr="{attr}" value="{esc(v)}" checked> {esc(v)}</label>'
                        for v in values)
        return f'<fieldset><legend>{name}</legend>{boxes}</fieldset>'

    return ('<form id="filters" hidden aria-label="Filter findings">'
            + group("Rule", "rule", rules) + group("Level", "level", levels) + group("Locale", "loc", locales)
            + "</form>")


def _toc(bundles: Sequence[BundleInfo], per_bundle: dict[str, list[Finding]]) -> str:
    if len(bundles) < 2:
        return ""
    items = []
    for i, bundle in enumerate(bundles, 1):
        found = per_bundle.get(bundle.id, [])
        items.append(f'<li><a href="#b{i}">{esc(bundle.id)}</a> {_count_label(found)}</li>')
    return ('<nav id="toc" aria-labelledby="toc-h"><h2 id="toc-h">Bundles</h2><ol>' + "".join(items)
            + "</ol></nav>")


def _location_line(mark: _Mark | None, location: Location, anchored: bool) -> str:
    text = " ".join(location.text.split())
    if len(text) > 90:
        text = text[:89] + "…"
    quoted = f'<bdi{_loc_attrs(location.locale)}>{esc(text)}</bdi>' if text else '<i>(no passage)</i>'
    shown = location.display or location.value
    value = f' → <span class=val title={_attr(location.value or "")}>{esc(shown)}</span>' if shown else ""
    where = f'{esc(posix_path(location.path))}:{location.line}:{location.column}'
    body = f'<span class=role>{esc(location.role)}</span> <span class=loc>{esc(location.locale)}</span> “{quoted}”{value}'
    if mark is not None and anchored:
        body = f'<a href=#{mark.id}>{body}</a>'
    return f'<li>{body} <span class=pos>{where}</span></li>'


def _finding_item(number: int, finding: Finding, marks: list[_Mark], anchored: set[str],
                  rules_by_id: dict) -> str:
    level = level_of(finding).value
    primary = primary_location(finding)
    locale = primary.locale if primary is not None else ""
    rule_link = (f'<a class=rule href={_attr("#rule-" + finding.rule)}>{esc(finding.rule)} {esc(finding.name)}</a>'
                 if finding.rule in rules_by_id else f'<span class="rule">{esc(finding.rule)} {esc(finding.name)}</span>')
    lines = "".join(_location_line(m, m.location, m.id in anchored) for m in marks)
    history = history_line(finding)
    if history is not None:  # which version changed the claim, and when (git history)
        lines += f'<li class=history><span class=role>history</span> {esc(history)}</li>'
    return (f'<li class=finding id=f{number} data-rule={_attr(finding.rule)} data-level={level} '
            f'data-loc={_attr(locale)}><p><span class="lv {level}">{_LEVEL_SIGN[level]} {level}</span> {rule_link} '
            f'<span class=msg>{esc(finding.message)}</span></p><ul class=locs>{lines}</ul></li>')


def _aligned_table(b: int, view: BundleView, marks: list[_Mark], findings: Sequence[Finding]) -> tuple[str, set[str]]:
    """The versions side by side, one row per aligned group; returns the html and the ids drawn."""
    n = len(view.versions)
    items_of: list[list[tuple]] = [[] for _ in range(n)]
    for v, version in enumerate(view.versions):
        for order, span in enumerate(version.spans):
            if span.end > span.start:
                items_of[v].append((span.start, span.end, span.kind, order, span, v))
    gap_marks: dict[tuple[int, int], list[_Mark]] = defaultdict(list)  # (group, version) -> marks
    caret_marks: list[_Mark] = []
    for k, mark in enumerate(marks):
        if mark.version is None:
            continue
        loc = mark.location
        if loc.end > loc.start:
            items_of[mark.version].append((loc.start, loc.end, "fd" if mark.deviant else "fr", 10_000 + k, mark,
                                           mark.version))
        elif mark.deviant:
            g = _gap_group(view, mark, marks)
            if g is not None:
                gap_marks[(g, mark.version)].append(mark)
            else:
                caret_marks.append(mark)
    for mark in caret_marks:  # an insertion point inside a block: a visible caret
        v = cast(int, mark.version)  # a caret is drawn in a version
        items_of[v].append((mark.location.start, mark.location.start, "caret", 0, mark, v))
    drawn: set[str] = set()
    opened: set = set()
    head = "".join(f'<th scope=col{_loc_attrs(v.locale)}><span class=loc>{esc(v.locale)}</span> '
                   f'<span class=path>{esc(posix_path(v.path))}</span>' for v in view.versions)
    rows = []
    moved = [flag for _blocks, flag in alignment_rows(view)]
    for g, group in enumerate(view.groups):
        cells = []
        for v, blocks in enumerate(group):
            version = view.versions[v]
            attrs = _loc_attrs(version.locale)
            if not blocks:
                here = gap_marks.get((g, v), [])
                inner = '<span class=gapnote>no corresponding passage</span>'
                for mark in here:
                    finding = findings[mark.finding]
                    level = level_of(finding).value
                    inner = (f'<mark class="fd {level}" id={mark.id} data-rule={_attr(finding.rule)} '
                             f'data-level={level}>{inner}</mark>'
                             + _tag_link(mark, findings))
                    drawn.add(mark.id)
                cells.append(f'<td class=gap{attrs}>{inner}')
                continue
            paras = []
            for bi in blocks:
                block = version.blocks[bi]
                inside = [it for it in items_of[v] if it[2] != "caret"]
                body = _render_block(block, inside, b, findings, opened)
                for it in items_of[v]:
                    if it[2] == "caret" and block.start <= it[0] <= block.end:
                        body += (f'<mark class="fd caret" id={it[4].id}>⁁ here</mark>' + _tag_link(it[4], findings))
                        drawn.add(it[4].id)
                paras.append(f'<p class={_attr(block.kind)}>{body}</p>' if block.kind != "paragraph" else f"<p>{body}</p>")
            cells.append(f'<td{attrs}>{"".join(paras)}')
        label = '<small class=moved title="a passage one version has at another place">moved</small>' if moved[g] else ""
        rows.append(f'<tr id=b{b}-g{g}><th>{g + 1}{label}{"".join(cells)}')  # end tags HTML implies are left out
    for mark in marks:
        if mark.version is not None and mark.location.end > mark.location.start:
            if any(view.versions[mark.version].blocks[bi].start < mark.location.end
                   and view.versions[mark.version].blocks[bi].end > mark.location.start
                   for group in view.groups for bi in group[mark.version]):
                drawn.add(mark.id)
    table = (f'<div class=scroll><table class=aligned style="--n:{n}"><thead><tr><th scope=col>#{head}'
             f'<tbody>{"".join(rows)}</table></div>')
    return table, drawn


def _gap_group(view: BundleView, mark: _Mark, marks: list[_Mark]) -> int | None:
    """The row where the deviant version of an empty location has no block and a reference's span lies."""
    v = cast(int, mark.version)  # a deviant's mark is in a version
    refs = [m for m in marks if m.finding == mark.finding and not m.deviant and m.version is not None]
    for g, group in enumerate(view.groups):
        if group[v]:
            continue
        for ref in refs:
            w = cast(int, ref.version)
            blocks = view.versions[w].blocks
            if any(blocks[bi].start < ref.location.end and blocks[bi].end > ref.location.start
                   for bi in group[w]):
                return g
    return None


def _matrix(b: int, view: BundleView, findings: Sequence[Finding], marks: list[_Mark]) -> str:
    """The claim matrix: one row per matched claim, one column per version."""
    if not view.matrix:
        return '<p class="none">No claims (figures, dates) in this bundle.</p>'
    at: dict[tuple[int, int, int], list[_Mark]] = defaultdict(list)
    for mark in marks:
        if mark.version is not None:
            at[(mark.version, mark.location.start, mark.location.end)].append(mark)
    head = "".join(f'<th scope=col{_loc_attrs(v.locale)}>{esc(v.locale)}' for v in view.versions)
    rows = []
    for row in view.matrix:
        cells, flagged = [], []
        present = [cell for cell in row.cells if cell is not None]
        # every version gives the same value: it is shown once, in the status column
        common = present[0][3] if len(present) > 1 and len({c[3] for c in present}) == 1 else None
        for v, cell in enumerate(row.cells):
            locale = view.versions[v].locale
            if cell is None:
                cells.append(f'<td class=empty{_loc_attrs(locale)}>—')
                continue
            start, end, text, value = cell
            here = at.get((v, start, end), [])
            deviant = [m for m in here if m.deviant]
            flag = ""
            css = ""
            if deviant:
                finding = findings[deviant[0].finding]
                level = level_of(finding).value
                css = f' class="dis {level}"'
                flag = f' <a class="tag {level}" href=#f{deviant[0].number}>≠ {esc(finding.rule)}</a>'
                flagged.append(finding.rule)
            shown = "" if common is not None and not flagged else f"<small>{esc(value)}</small>"
            cells.append(f'<td{css}{_loc_attrs(locale)}>{esc(text)}{shown}{flag}')
        if flagged:
            status = '<span class="lv error">≠ disagree</span>'
        elif common is not None:
            status = f"= agree<small>{esc(common)}</small>"
        else:
            status = "= agree" if len(present) > 1 else "one version"
        rows.append(f'<tr><th><a href=#b{b}-g{row.group}>{row.group + 1}</a><td>{esc(row.kind)}{"".join(cells)}'
                    f'<td>{status}')
    return (f'<div class=scroll><table class=matrix><thead><tr><th scope=col title="aligned row">#'
            f'<th scope=col>kind{head}<th scope=col>status<tbody>{"".join(rows)}'
            f'</table></div>')


def _bundle_section(b: int, bundle: BundleInfo, found: list[tuple[int, Finding]], rules_by_id: dict,
                    open_: bool) -> str:
    view: BundleView | None = bundle.view
    index = _version_index(view, [(str(p), loc) for p, loc in bundle.versions])
    findings = [f for _n, f in found]
    all_marks: list[list[_Mark]] = []
    for k, (number, finding) in enumerate(found):
        ordered = [loc for loc in (primary_location(finding),) if loc is not None] + reference_locations(finding)
        all_marks.append([_Mark(k, number, i, loc, index.get((posix_path(loc.path), loc.locale)))
                          for i, loc in enumerate(ordered)])
    flat = [m for ms in all_marks for m in ms]
    if view is not None:
        table, drawn = _aligned_table(b, view, flat, findings)
    else:
        table, drawn = "", set()
    versions = "".join(f'<li><span class="loc">{esc(loc)}</span> <span class="path">{esc(posix_path(p))}</span></li>'
                       for p, loc in bundle.versions)
    head = (f'<details class="bundle" id="b{b}"{" open" if open_ else ""}>'
            f'<summary><h2>{esc(bundle.id)}</h2> {_count_label(findings)}</summary>')
    out = [f'<ul class="versions">{versions}</ul>']
    if found:
        items = "".join(_finding_item(number, finding, all_marks[k], drawn, rules_by_id)
                        for k, (number, finding) in enumerate(found))
        out.append(f'<h3>Findings</h3><ol class="findings">{items}</ol>')
    if view is not None:
        out.append('<h3>Versions side by side, as aligned</h3>' + table)
        out.append(f'<details class="matrixbox" open><summary><h3>Claim matrix ({len(view.matrix)} claims)</h3>'
                   f'</summary>{_matrix(b, view, findings, flat)}</details>')
    if open_:
        return head + "".join(out) + "</details>"
    # Collapsed: with script on, the browser reads a <noscript> as one text node (no elements to
    # build); the script turns it into elements when the bundle is opened.  With script off, the
    # browser parses it as ordinary markup, and everything shows.  (All text in it is escaped, so
    # "</noscript>" cannot occur in it.)
    return head + '<noscript class="lazy">' + "".join(out) + "</noscript></details>"


_LEGEND = ('<p class="legend">In the versions side by side: <data value="normalized value" tabindex=-1>claim</data> '
           '(hover or focus it for its normalized value) · <span class="n">name</span> · '
           '<span class="q">quotation</span> · <mark class="fd error">deviant span</mark>'
           '<span class="tag error">✖ RULE</span> · <mark class="fr">reference</mark> · '
           '<span class="gapnote">no corresponding passage</span></p>')


def _rules_section(rules: Sequence[Rule], used: set[str]) -> str:
    if not rules:
        return ""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})  # rule files may come from users: no raw HTML
    parts = ['<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rules</h2>']
    for rule in sorted(rules, key=lambda r: (r.id not in used, r.id)):
        docs = md.render(rule.docs_markdown().split("\n", 1)[-1])
        for level in range(1, 7):  # the docs' headings sit below the rule's own <h3>
            docs = docs.replace(f"<h{level}>", "<h4>").replace(f"</h{level}>", "</h4>")
        parts.append(f'<details class="ruledoc" id="rule-{esc(rule.id)}"{" open" if rule.id in used else ""}>'
                     f'<summary><h3>{esc(rule.id)} {esc(rule.name)}</h3> '
                     f'<span class="lv {rule.level.value}">{_LEVEL_SIGN[rule.level.value]} {rule.level.value}</span>'
                     f'</summary>{docs}</details>')
    parts.append("</section>")
    return "".join(parts)


def render_html(findings: Sequence[Finding], *, bundles: Sequence[BundleInfo], tool_version: str,
                rules: Sequence[Rule] = ()) -> str:
    """The whole report as one HTML page (``bundles[i].view`` gives the side-by-side view;
    a bundle without one shows its findings only)."""
    rules_by_id = {r.id: r for r in rules}
    per_bundle: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        per_bundle[f.bundle].append(f)
    known = {b.id for b in bundles}
    extra = [BundleInfo(bid) for bid in per_bundle if bid not in known]  # e.g. a stale baseline entry
    all_bundles = list(bundles) + extra
    open_ = len(all_bundles) <= OPEN_LIMIT
    numbers = {id(f): n for n, f in enumerate(findings, 1)}
    sections = [_bundle_section(i, bundle, [(numbers[id(f)], f) for f in per_bundle.get(bundle.id, [])],
                                rules_by_id, open_)
                for i, bundle in enumerate(all_bundles, 1)]
    from consistency.report.text import summary_line

    title = f"{TOOL_NAME} report"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{TOOL_NAME} {esc(tool_version)}">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{esc(title)}</h1><p class="meta">{esc(summary_line(findings, len(all_bundles)))} · '
        f'{esc(TOOL_NAME)} {esc(tool_version)}</p></header>\n'
        f"{_filters(findings)}\n{_summary(findings, all_bundles, rules_by_id)}\n{_toc(all_bundles, per_bundle)}\n"
        f'<main>\n{chr(10).join(sections)}\n</main>\n'
        f"{_rules_section(rules, {f.rule for f in findings})}\n"
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


_CSS = """
:root{--fg:#1b1b1f;--muted:#5d5f66;--line:#d9dbe1;--bg:#fff;--soft:#f6f7f9;--err:#b3261e;--errbg:#fde7e4;
--warn:#8a5300;--warnbg:#fff1cc;--info:#0b57d0;--infobg:#e3ecfd;--claim:#e6effd;--name:#e4f3e8;--quote:#f3e9fb;
--ref:#fff6b8;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",
"IPAGothic","Hiragino Sans",sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0 auto;max-width:1400px;padding:0 20px 40px}
header{border-bottom:2px solid var(--fg);margin-bottom:12px}h1{font-size:1.5rem;margin:18px 0 2px}
.meta{color:var(--muted);margin:0 0 10px}h2{font-size:1.2rem;margin:0}h3{font-size:1.02rem;margin:16px 0 6px}
a{color:#0b4fb5}a:focus-visible,data:focus-visible,summary:focus-visible{outline:3px solid #0b57d0;outline-offset:1px}
.facts{display:flex;flex-wrap:wrap;gap:6px 22px;margin:8px 0}.facts div{display:flex;gap:6px}.facts dt{color:var(--muted)}
.facts dd{margin:0;font-weight:600}.charts{display:flex;flex-wrap:wrap;gap:8px 40px}
.chart{font-size:12px;max-width:100%;height:auto}.chart .ct{font-weight:600;font-size:13px}
.bar-error{fill:var(--err)}.bar-warning{fill:#c98a00}.bar-info{fill:var(--info)}.bar-loc{fill:#5b6b8c}
.lv{display:inline-block;border-radius:3px;padding:0 6px;font-size:.82em;font-weight:600;white-space:nowrap}
.lv.error{color:var(--err);background:var(--errbg)}.lv.warning{color:var(--warn);background:var(--warnbg)}
.lv.info{color:var(--info);background:var(--infobg)}.ok{color:#1e6b35;font-size:.85em}.solo{color:var(--muted);font-size:.85em}
#filters{display:flex;flex-wrap:wrap;gap:6px 16px;background:var(--soft);border:1px solid var(--line);padding:6px 10px;
border-radius:6px;position:sticky;top:0;z-index:3}#filters[hidden]{display:none}
#filters fieldset{border:0;margin:0;padding:0}#filters legend{float:left;font-weight:600;margin-right:6px}
#filters label{margin-right:8px;white-space:nowrap}
#toc ol{columns:18em;margin:6px 0 14px;padding-left:2.2em}#toc li{break-inside:avoid}
details.bundle{border:1px solid var(--line);border-radius:8px;margin:14px 0;padding:0 14px 10px;
content-visibility:auto;contain-intrinsic-size:auto 600px}
details.bundle>summary{cursor:pointer;padding:10px 0;list-style-position:inside}
details.bundle>summary h2,details summary h3{display:inline;margin-right:10px}
.versions{list-style:none;padding:0;margin:0 0 6px;color:var(--muted);font-size:.88em;display:flex;gap:4px 18px;flex-wrap:wrap}
.loc{font-weight:700;color:var(--fg);text-transform:none}.path{color:var(--muted);font-size:.88em;overflow-wrap:anywhere}
ol.findings{padding-left:1.8em;margin:4px 0}.finding p{margin:6px 0 2px}.msg{margin-left:4px}
.rule{font-weight:600;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.locs{list-style:none;padding-left:8px;margin:0 0 6px;font-size:.92em}.locs a{color:inherit;text-decoration:none}
.locs a:hover bdi,.locs a:focus bdi{text-decoration:underline}.locs bdi{color:#0b4fb5}.locs .role{display:inline-block;min-width:5.2em;color:var(--muted)}
.pos{color:var(--muted);font-size:.85em;font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.val{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em;color:#33415c}
.legend{font-size:.85em;color:var(--muted);margin:2px 0 8px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:6px 8px;vertical-align:top;text-align:start}
thead th{background:var(--soft);position:sticky;top:0}
table.aligned{table-layout:fixed;min-width:calc(var(--n) * 17em)}table.aligned th:first-child{width:2.6em}
table.aligned tbody th{color:var(--muted);font-weight:400;font-size:.82em;text-align:center}
table.aligned td p{margin:0 0 .45em}table.aligned td p:last-child{margin:0}
p.heading{font-weight:700;font-size:1.05em}p.list_item{padding-inline-start:1em;text-indent:-.8em}
p.list_item::before{content:"•";display:inline-block;width:.8em;text-indent:0}
td.gap{background:repeating-linear-gradient(135deg,#fff,#fff 6px,#f3f3f5 6px,#f3f3f5 12px)}
.gapnote{color:var(--muted);font-style:italic;font-size:.88em}small.moved{display:block;font-size:.75em;color:var(--warn)}
td:lang(ja),td:lang(zh),bdi:lang(ja),bdi:lang(zh){line-break:strict;overflow-wrap:anywhere}
td:lang(ko),bdi:lang(ko){word-break:keep-all;overflow-wrap:anywhere}
data{background:var(--claim);border-bottom:1px dotted #4a6fa5;position:relative;white-space:nowrap;cursor:help;border-radius:2px}
.n,.q[data-v]{position:relative}.n:hover::after{content:"name"}.n[data-v]:hover::after{content:"name · " attr(data-v)}
.q[data-v]:hover::after{content:"quotation · " attr(data-v)}
data:hover::after,data:focus::after{content:attr(value)}
data:hover::after,data:focus::after,.n:hover::after,.q[data-v]:hover::after{position:absolute;left:0;top:100%;z-index:5;background:#1b1b1f;
color:#fff;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;padding:2px 6px;border-radius:3px;white-space:nowrap;direction:ltr}
data:hover::after,data:focus::after{top:auto;bottom:100%}.n:hover::after,.q[data-v]:hover::after{font-family:inherit}
.n{background:var(--name);border-bottom:1px dashed #2f7a45}
.q{background:var(--quote);border-radius:2px}
mark{color:inherit;border-radius:2px}mark.fd{background:var(--errbg);outline:2px solid var(--err);outline-offset:0}
mark.fd.warning{background:var(--warnbg);outline-color:#c98a00}mark.fd.info{background:var(--infobg);outline-color:var(--info)}
mark.fr{background:var(--ref);outline:2px dashed #8a7a00}mark data{background:transparent}
a.tag,span.tag{font-size:.72em;font-weight:700;vertical-align:super;text-decoration:none;margin:0 2px;padding:0 3px;
border-radius:3px;white-space:nowrap;color:#fff;background:var(--err)}
a.tag.warning,span.tag.warning{background:#8a5300}a.tag.info{background:var(--info)}
table.matrix td{font-size:.92em}table.matrix small{display:block;font:.85em ui-monospace,Menlo,Consolas,monospace;color:#33415c}
table.matrix td:last-child{color:var(--muted);font-size:.85em;white-space:nowrap}table.matrix td.dis{background:var(--errbg)}table.matrix td.dis.warning{background:var(--warnbg)}
table.matrix td.empty{color:var(--muted);text-align:center}table.matrix td a{color:inherit}
details.matrixbox>summary{cursor:pointer;margin-top:12px}
#rules details{border-top:1px solid var(--line);padding:4px 0}#rules summary{cursor:pointer}#rules{margin-top:24px}
#rules code{background:var(--soft);padding:0 3px}
:target{scroll-margin-top:70px}mark:target,li.finding:target{box-shadow:0 0 0 4px #ffd54f}
@media (max-width:700px){body{padding:0 8px}}
@media print{:root{font-size:10pt}#filters,#toc,.legend,data::after{display:none}
details.bundle{content-visibility:visible;break-inside:auto;border:0;padding:0}
details::details-content{content-visibility:visible;display:block}details.ruledoc:not([open]){display:none}
.scroll{overflow:visible}table.aligned{min-width:0}tr{break-inside:avoid}thead th{position:static}
data{white-space:normal}data::after{content:" ⟨" attr(value) "⟩"!important;position:static;background:none;color:#333;font-size:.8em;display:inline;white-space:normal}
a{color:inherit;text-decoration:none}mark.fd{outline-width:1px}a.tag{color:#000;background:none;border:1px solid #000}
#filters[hidden]{display:none}}
"""

_SCRIPT = """
(function(){var f=document.getElementById("filters"),st=document.createElement("style");
document.head.appendChild(st);
if(f){f.hidden=false;f.addEventListener("change",function(){var r=[];
f.querySelectorAll("input:not(:checked)").forEach(function(i){var s='[data-'+i.dataset.attr+'="'+CSS.escape(i.value)+'"]';
r.push("li.finding"+s+",a.tag"+s+"{display:none}mark"+s+"{background:none!important;outline:none!important}");
if(i.dataset.attr==="loc"){var l='[lang="'+CSS.escape(i.value.replace("_","-"))+'"]';r.push("th"+l+",td"+l+"{display:none}");}});st.textContent=r.join("\\n");});}
function fill(d){var n=d.querySelector(":scope>noscript");if(n){n.insertAdjacentHTML("afterend",n.textContent);n.remove();}}
document.addEventListener("toggle",function(e){if(e.target.open)fill(e.target)},true);
function has(t,id){return t.indexOf('id="'+id+'"')>=0||t.indexOf("id="+id+" ")>=0||t.indexOf("id="+id+">")>=0}
function openTo(h){if(!h)return;var id=decodeURIComponent(h.slice(1)),t=document.getElementById(id),n,i;
if(!t){n=document.querySelectorAll("details.bundle>noscript");for(i=0;i<n.length;i++)
if(has(n[i].textContent,id)){fill(n[i].parentElement);break;}t=document.getElementById(id);}
for(var e=t;e;e=e.parentElement)if(e.tagName==="DETAILS"&&!e.open){e.open=true;fill(e);}
if(t)t.scrollIntoView();}
addEventListener("hashchange",function(){openTo(location.hash)});openTo(location.hash);
document.addEventListener("click",function(e){var a=e.target.closest&&e.target.closest('a[href^="#"]');
if(a&&!document.getElementById(decodeURIComponent(a.hash.slice(1))))openTo(a.hash);});
addEventListener("beforeprint",function(){document.querySelectorAll("details.bundle,details.matrixbox").forEach(function(d){d.open=true;fill(d)})});})();
"""
