"""The html and csv reports: snapshot, escaping, structure, --output, the plugin's page, and a real browser."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from consistency import __version__
from consistency.cli import main
from consistency.report.browser import dump_dom, find_browser, screenshot
from test_plugin import DE_WRONG, PLUGIN, QUIET, ROOT, site
from test_report import assert_snapshot

pytest_plugins = ["pytester"]

EXAMPLES = "examples/{path}/{locale}.md"  # examples/solar-farm and examples/solar-farm-drift
DRIFT = "examples/solar-farm-drift"

needs_browser = pytest.mark.skipif(
    find_browser() is None,
    reason="no Chromium on this machine (.ci/run installs Debian's chromium; "
           "apt-get install -y chromium, or set CLAIM_CONSISTENCY_BROWSER)")


@pytest.fixture(autouse=True)
def _quiet(monkeypatch):
    monkeypatch.setenv("CLAIM_CONSISTENCY_NO_NOTES", "1")


def check(tmp_path: Path, *argv: str, fmt: str = "html", cwd: Path = ROOT) -> tuple[int, str]:
    out = tmp_path / f"report.{fmt}"
    here = os.getcwd()
    os.chdir(cwd)
    try:
        code = main(["check", *argv, "--format", fmt, "--output", str(out)])
    finally:
        os.chdir(here)
    return code, out.read_text(encoding="utf-8")


def findings_json(capsys, *argv: str, cwd: Path = ROOT) -> list[dict]:
    here = os.getcwd()
    os.chdir(cwd)
    try:
        main(["check", *argv, "--format", "json"])
    finally:
        os.chdir(here)
    return json.loads(capsys.readouterr().out)["findings"]


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text outside <script>/<style>."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._skip = 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    def ids(self) -> set[str]:
        return {a["id"] for _t, a in self.tags if "id" in a}

    def joined(self) -> str:
        return " ".join("".join(self.text).split())


def table_rows(page: str, css: str) -> list[list[tuple[dict, str]]]:
    """The body rows of the first ``<table class=css>``: each cell's attributes and inner HTML
    (the page leaves out the end tags of cells and rows, as HTML allows)."""
    start = re.search(rf'<table class="?{css}\b', page).start()
    table = page[start:page.index("</table>", start)]
    rows = []
    for chunk in re.split(r"<tr\b[^>]*>", table.split("<tbody>", 1)[1])[1:]:
        parts = re.split(r"(<t[dh]\b[^>]*>)", chunk)
        rows.append([(Tags(tag).tags[0][1], re.sub(r"(</t[dhr]>)+$", "", inner))
                     for tag, inner in zip(parts[1::2], parts[2::2])])
    return rows


def one_line(text: str) -> str:
    return " ".join(text.split())


# ----------------------------------------------------------------------------- snapshot


def test_snapshot_of_the_example_bundles(tmp_path):
    code, page = check(tmp_path, "--bundles", EXAMPLES)
    assert code == 1
    assert_snapshot("report.html", page.replace(__version__, "VERSION"))


# ----------------------------------------------------------------------------- the page


@pytest.fixture(scope="module")
def drift_page(tmp_path_factory) -> str:
    return check(tmp_path_factory.mktemp("drift"), DRIFT)[1]


def test_page_is_self_contained(drift_page):
    tags = Tags(drift_page)
    assert not [t for t, a in tags.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in tags.tags if t == "script" and "src" in a]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", drift_page)
    assert "@import" not in drift_page and "url(" not in drift_page


def test_every_finding_shows_without_script_and_links_to_its_anchors(capsys, drift_page):
    findings = findings_json(capsys, DRIFT)
    assert len(findings) == 5
    tags = Tags(drift_page)
    text = tags.joined()
    ids = tags.ids()
    links = [a["href"][1:] for t, a in tags.tags if t == "a" and a.get("href", "").startswith("#")]
    items = [a for t, a in tags.tags if t == "li" and "finding" in a.get("class", "")]
    assert len(items) == 5
    for f in findings:
        assert one_line(f["message"]) in text
        deviant = f["locations"][0]
        if deviant["text"]:
            assert one_line(deviant["text"]) in text
    # each finding's deviant span is drawn in the side-by-side view, and a link (keyboard) reaches it
    for item in items:
        number = item["id"]
        assert f"{number}-0" in ids, f"finding {number} has no anchor in the aligned view"
        assert f"{number}-0" in links
        assert number in links  # the tag beside the deviant span leads back to the finding
    # every link inside the page has its target
    assert set(links) <= ids
    # the rule docs are one click away
    for f in findings:
        assert f"rule-{f['rule']}" in ids
    # filters exist but stay hidden until the script shows them
    assert any(t == "form" and a.get("id") == "filters" and "hidden" in a for t, a in tags.tags)


def test_missing_passage_is_an_empty_marked_cell(drift_page):
    cells = [inner for row in table_rows(drift_page, "aligned") for attrs, inner in row
             if attrs.get("class") == "gap"]
    assert len(cells) == 1  # the jobs paragraph that ja lacks
    assert "no corresponding passage" in cells[0] and "COV001" in cells[0]


def test_claims_carry_their_value_as_a_reader_writes_it_and_are_focusable(drift_page):
    claims = re.findall(r'<data value="([^"]*)" tabindex=0>([^<]*)', drift_page)
    values = {text: value for value, text in claims}
    assert values["80億ユーロ"] == "8 billion EUR"
    assert values["800 Millionen Euro"] == "800 million EUR"
    assert values["2027年後半"] == "H2 2027"


def test_names_and_quotations_are_marked(drift_page):
    names = set(re.findall(r'<span class=n(?: [^>]*)?>([^<]*)</span>', drift_page))
    assert {"Nordhafen Energie", "Katrin Vogel"} <= names
    assert re.search(r'<span class=q data-v="Katrin Vogel">', drift_page)  # the speaker


def test_levels_are_labelled_in_text_not_colour_alone(drift_page):
    tags = Tags(drift_page)
    for _t, attrs in tags.tags:
        if "lv" in attrs.get("class", "").split():
            assert attrs["class"].split()[1] in ("error", "warning", "info")
    text = tags.joined()
    assert "✖ error" in text and "▲ warning" in text


def test_claim_matrix_marks_disagreements(drift_page):
    rows = ["".join(inner for _attrs, inner in row) for row in table_rows(drift_page, "matrix")]
    disagree = [r for r in rows if "≠ disagree" in r]
    assert len(disagree) == 4  # three QTY001 and one DAT001
    assert any("neun Monate" in r and "6か月" in r and "six months" in r for r in disagree)


# ----------------------------------------------------------------------------- escaping


HOSTILE_EN = ("The plan costs 5 million dollars <script>document.title='pwned'</script> "
              "& \"quoted\" <img src=x onerror=alert(1)>.\n\nIt runs for 12 months.\n")
HOSTILE_DE = ("Der Plan kostet 6 Millionen Dollar <script>document.title='pwned'</script> "
              "<b onclick=alert(2)>fett</b>.\n\nEr läuft 12 Monate.\n")


@pytest.fixture
def hostile(tmp_path) -> Path:
    folder = tmp_path / "<i>bundle\"'"
    folder.mkdir()
    (folder / "en.txt").write_text(HOSTILE_EN, encoding="utf-8")
    (folder / "de.txt").write_text(HOSTILE_DE, encoding="utf-8")
    return folder


def test_article_markup_is_shown_as_text(tmp_path, hostile):
    code, page = check(tmp_path, str(hostile))
    assert code == 1  # 5 million vs 6 million
    tags = Tags(page)
    assert [t for t, _a in tags.tags].count("script") == 1  # the report's own
    assert not [t for t, _a in tags.tags if t in ("img", "b", "i")]
    assert not [k for _t, a in tags.tags for k in a if k.startswith("on")]
    text = tags.joined()
    assert "<script>document.title='pwned'</script>" in text
    assert "<i>bundle\"'" in text  # the folder name, as text


def test_characters_html_forbids_are_left_out(tmp_path):
    (tmp_path / "en.txt").write_text("The plan\x01 costs 5 million\x7f dollars.\ufffe\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Der Plan kostet 6 Millionen Dollar.\x0b\n", encoding="utf-8")
    _code, page = check(tmp_path, str(tmp_path / "en.txt"), str(tmp_path / "de.txt"))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe]", page)
    assert "The plan costs" in page


def test_csv_cells_never_start_a_formula(tmp_path):
    (tmp_path / "en.txt").write_text("=HYPERLINK(\"x\") costs 5 million dollars.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("=HYPERLINK(\"x\") kostet 6 Millionen Dollar.\n", encoding="utf-8")
    _code, text = check(tmp_path, str(tmp_path / "en.txt"), str(tmp_path / "de.txt"), fmt="csv")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


# ----------------------------------------------------------------------------- csv


def test_csv_is_the_claim_matrix(tmp_path, capsys):
    _code, text = check(tmp_path, DRIFT, fmt="csv")
    assert text.startswith("\ufeff")  # spreadsheet programs then read UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(rows[0])[:5] == ["bundle", "row", "kind", "status", "rules"]
    assert {"de text", "de value", "en text", "en value", "ja text", "ja value"} <= set(rows[0])
    disagree = {(r["rules"], r["de text"], r["en text"], r["ja text"]) for r in rows if r["status"] == "disagree"}
    assert disagree == {
        ("QTY001", "800 Millionen Euro", "€8 billion", "80億ユーロ"),
        ("QTY001", "neun Monate", "six months", "6か月"),
        ("DAT001", "Ende 2027", "early 2027", "2027年後半"),
        ("QTY001", "Zwei Gigawatt", "Two megawatts", "2ギガワット"),
    }
    by_ja = {r["ja text"]: r for r in rows}
    assert by_ja["38万世帯"]["status"] == "agree" and by_ja["38万世帯"]["en value"] == "380,000"


def test_csv_columns_span_bundles_with_different_locales(tmp_path):
    for name, files in {"a": {"en": "It costs 5 million dollars.\n", "de": "Es kostet 5 Millionen Dollar.\n"},
                        "b": {"en": "It takes 3 years.\n", "fr": "Cela prend 3 ans.\n"}}.items():
        for locale, body in files.items():
            (tmp_path / "site" / locale).mkdir(parents=True, exist_ok=True)
            (tmp_path / "site" / locale / f"{name}.md").write_text(body, encoding="utf-8")
    _code, text = check(tmp_path, "--bundles", "site/{locale}/{path}.md", fmt="csv", cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {"en text", "de text", "fr text"} <= set(rows[0])
    b = [r for r in rows if r["bundle"] == "b"]
    assert b and b[0]["de text"] == "" and b[0]["fr text"] == "3 ans"


# ----------------------------------------------------------------------------- many bundles, rtl, po


def _many(root: Path, count: int) -> None:
    for i in range(count):
        for locale, body in {"en": f"Article {i} says {i + 10} tonnes.\n", "de": f"Artikel {i} nennt {i + 10} Tonnen.\n"}.items():
            (root / locale).mkdir(parents=True, exist_ok=True)
            (root / locale / f"a{i:02d}.md").write_text(body, encoding="utf-8")


def test_many_bundles_have_a_table_of_contents_and_start_collapsed(tmp_path):
    from consistency.report.html import OPEN_LIMIT

    _many(tmp_path, OPEN_LIMIT + 2)
    code, page = check(tmp_path, "--bundles", "{locale}/{path}.md", cwd=tmp_path)
    assert code == 0
    tags = Tags(page)
    toc = page[page.index('<nav id="toc"'):page.index("</nav>", page.index('<nav id="toc"'))]
    assert len(re.findall(r'<a href="#b\d+">', toc)) == OPEN_LIMIT + 2
    bundles = [a for t, a in tags.tags if t == "details" and a.get("class") == "bundle"]
    assert len(bundles) == OPEN_LIMIT + 2 and not any("open" in a for a in bundles)
    # each collapsed bundle's content waits in a <noscript>: markup to a browser without script
    # (and to this parser), one text node to a browser with script until the bundle is opened
    assert page.count('<noscript class="lazy"><ul class="versions">') == OPEN_LIMIT + 2
    assert "Artikel 11 nennt" in tags.joined()


def test_few_bundles_start_open(tmp_path):
    _many(tmp_path, 2)
    _code, page = check(tmp_path, "--bundles", "{locale}/{path}.md", cwd=tmp_path)
    bundles = [a for t, a in Tags(page).tags if t == "details" and a.get("class") == "bundle"]
    assert len(bundles) == 2 and all("open" in a for a in bundles)


def test_views_come_back_from_worker_processes(tmp_path):
    _many(tmp_path, 3)
    _code, serial = check(tmp_path, "--bundles", "{locale}/{path}.md", cwd=tmp_path)
    _code, parallel = check(tmp_path, "--bundles", "{locale}/{path}.md", "--jobs", "2", cwd=tmp_path)
    assert parallel == serial and parallel.count("<table class=aligned") == 3


def test_right_to_left_versions_are_laid_out_right_to_left(tmp_path):
    (tmp_path / "en.txt").write_text("The bridge cost 40 million dollars.\n", encoding="utf-8")
    (tmp_path / "he.txt").write_text("הגשר עלה 40 מיליון דולר.\n", encoding="utf-8")
    (tmp_path / "ar.txt").write_text("تكلف الجسر 40 مليون دولار.\n", encoding="utf-8")
    _code, page = check(tmp_path, str(tmp_path / "en.txt"), str(tmp_path / "he.txt"), str(tmp_path / "ar.txt"))
    cells = {a["lang"]: a.get("dir", "ltr") for t, a in Tags(page).tags if t == "td" and "lang" in a}
    assert cells == {"en": "ltr", "he": "rtl", "ar": "rtl"}


def test_a_line_break_inside_japanese_adds_no_space(tmp_path):
    (tmp_path / "ja.md").write_text("港湾の工事は\n6か月続く。\n", encoding="utf-8")
    (tmp_path / "en.md").write_text("The harbour works\nwill last six months.\n", encoding="utf-8")
    _code, page = check(tmp_path, str(tmp_path / "ja.md"), str(tmp_path / "en.md"))
    cells = {attrs.get("lang"): inner for attrs, inner in table_rows(page, "aligned")[0]}
    ja = cells["ja"]
    assert "工事は<data" in ja and "\n" not in ja
    en = cells["en"]
    assert "works\nwill" in en  # between words the break stays (a space when rendered)


def test_po_catalogues_show_their_source_and_translations(tmp_path):
    po = ROOT / "tests" / "fixtures" / "po" / "messages.de.po"
    code, page = check(tmp_path, str(po))
    assert code in (0, 1)
    heads = [a["lang"] for t, a in Tags(page).tags if t == "th" and a.get("scope") == "col" and "lang" in a]
    assert "de" in heads and len(heads) >= 2


def test_po_catalogues_share_one_matrix(tmp_path):
    po = ROOT / "tests" / "fixtures" / "po"
    _code, text = check(tmp_path, str(po / "messages.de.po"), str(po / "ja.po"), fmt="csv")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {"en text", "de text", "ja text"} <= set(rows[0])
    # one row per source claim, whichever catalogue holds its unit
    assert any(r["en text"] == "30 days" and r["de text"] == "30 Tage" for r in rows)
    assert any(r["ja text"] == "20キロメートル" and r["en text"] for r in rows)


def test_view_survives_a_json_round_trip():
    from consistency.documents import load_document
    from consistency.match.analysis import analyse
    from consistency.engine.view import BundleView, bundle_view

    docs = [load_document(str(ROOT / DRIFT / f"{loc}.md")) for loc in ("ja", "de", "en")]
    view = bundle_view(analyse("drift", docs))
    assert BundleView.from_dict(json.loads(json.dumps(view.as_dict()))) == view
    ja = [v.locale for v in view.versions].index("ja")
    assert len(view.groups) >= 14 and any(not group[ja] for group in view.groups)  # ja lacks a passage


# ----------------------------------------------------------------------------- --output


def test_output_writes_any_format_to_a_file(tmp_path, capsys):
    code, text = check(tmp_path, DRIFT, fmt="json")
    assert code == 1 and capsys.readouterr().out == ""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        main(["check", DRIFT, "--format", "json"])
    finally:
        os.chdir(here)
    assert text == capsys.readouterr().out


def test_output_never_overwrites_an_input_file(tmp_path, capsys):
    en, de = tmp_path / "en.txt", tmp_path / "de.txt"
    en.write_text("It costs 5 million dollars.\n", encoding="utf-8")
    de.write_text("Es kostet 6 Millionen Dollar.\n", encoding="utf-8")
    code = main(["check", str(en), str(de), "--format", "html", "--output", str(de)])
    err = capsys.readouterr().err
    assert code == 2 and "input file" in err and len(err.strip().splitlines()) == 1
    assert de.read_text(encoding="utf-8") == "Es kostet 6 Millionen Dollar.\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_output_into_a_pipe_or_device_writes_into_it(tmp_path, capsys):
    """``-o /dev/null`` or a named pipe is written into, never replaced by a file (which, run as
    root, would turn /dev/null into an ordinary file for every program)."""
    import stat
    import threading

    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    code = main(["check", str(ROOT / DRIFT), "--format", "json", "--output", str(pipe)])
    reader.join(timeout=60)
    assert code == 1 and stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert received and json.loads(received[0])["tool"]["name"] == "claim-consistency"


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path, capsys):
    code = main(["check", str(ROOT / DRIFT), "--format", "html",
                 "--output", str(tmp_path / "nowhere" / "r.html")])
    err = capsys.readouterr().err
    assert code == 2 and "no such folder" in err and "Traceback" not in err


# ----------------------------------------------------------------------------- pytest plugin


def test_plugin_writes_the_page(pytester):
    site(pytester, de=DE_WRONG)
    result = pytester.runpytest(*PLUGIN, *QUIET, "--claim-consistency-html", "out/report.html")
    assert result.ret == pytest.ExitCode.USAGE_ERROR  # no folder out/: said before checking anything
    assert "no such folder" in result.stderr.str() and "Traceback" not in result.stderr.str()
    (pytester.path / "out").mkdir()
    result = pytester.runpytest(*PLUGIN, *QUIET, "--claim-consistency-html", "out/report.html")
    result.assert_outcomes(passed=1, failed=1)
    page = (pytester.path / "out" / "report.html").read_text(encoding="utf-8")
    text = Tags(page).joined()
    assert "harbour" in text and "tunnel" in text
    assert "content/de/harbour.md" in text
    assert "8 Milliarden Dollar" in text and "QTY001" in text


@pytest.mark.skipif(importlib.util.find_spec("xdist") is None, reason="pytest-xdist is not installed")
def test_plugin_page_with_xdist(pytester, monkeypatch):
    site(pytester, de=DE_WRONG)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    result = pytester.runpytest_subprocess(*PLUGIN, *QUIET, "-n", "2", "--claim-consistency-html", "r.html",
                                           timeout=300)
    result.assert_outcomes(passed=1, failed=1)
    page = (pytester.path / "r.html").read_text(encoding="utf-8")
    assert page.count('<details class="bundle"') == 2 and "8 Milliarden Dollar" in page


# ----------------------------------------------------------------------------- a real browser


@needs_browser
def test_browser_renders_every_finding(tmp_path, capsys):
    findings = findings_json(capsys, DRIFT)
    _code, page = check(tmp_path, DRIFT)
    path = tmp_path / "report.html"
    dom = dump_dom(path)
    text = Tags(dom).joined()
    for f in findings:
        assert one_line(f["message"]) in text
        for location in f["locations"]:
            if location["text"] and len(location["text"]) < 80:
                assert one_line(location["text"]) in text
    assert '<form id="filters" aria-label' in dom  # the script ran: the filters are shown
    png = screenshot(path, tmp_path / "report.png", width=1280, height=1600)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


@needs_browser
def test_browser_does_not_run_article_script(tmp_path, hostile):
    check(tmp_path, str(hostile))
    dom = dump_dom(tmp_path / "report.html")
    assert "<title>claim-consistency report</title>" in dom  # document.title='pwned' never ran
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom


@needs_browser
def test_browser_builds_a_collapsed_bundle_when_a_link_leads_into_it(tmp_path):
    from consistency.report.html import OPEN_LIMIT

    _many(tmp_path, OPEN_LIMIT + 2)
    last = tmp_path / "de" / f"a{OPEN_LIMIT + 1:02d}.md"
    last.write_text(last.read_text(encoding="utf-8").replace(" Tonnen", "0 Tonnen"), encoding="utf-8")
    code, page = check(tmp_path, "--bundles", "{locale}/{path}.md", cwd=tmp_path)
    assert code == 1 and page.count("<li class=finding id=f1 ") == 1

    def built(dom: str, needle: str) -> bool:
        """``needle`` is in the DOM as elements, not inside a <noscript>'s text."""
        at = dom.index(needle)
        return dom.rfind("<noscript", 0, at) <= dom.rfind("</noscript>", 0, at)

    closed = dump_dom(tmp_path / "report.html")
    assert closed.count('<noscript class="lazy">') == OPEN_LIMIT + 2
    assert not built(closed, "<li class=finding id=f1 ")  # one text node inside <noscript>, as written
    opened = dump_dom(tmp_path / "report.html", fragment="f1-0")  # the finding's deviant span
    assert built(opened, '<li class="finding" id="f1"') and built(opened, '<mark class="fd error" id="f1-0"')
    assert re.search(rf'<details class="bundle" id="b{OPEN_LIMIT + 2}" open="">', opened)
    assert opened.count('<noscript class="lazy">') == OPEN_LIMIT + 1  # the others stay collapsed


def test_claim_matrix_gives_a_value_every_version_agrees_on_once(drift_page):
    rows = table_rows(drift_page, "matrix")
    dates = [row for row in rows if "March 12, 2025" in row[2][1]]
    assert len(dates) == 1
    cells = [inner for _attrs, inner in dates[0]]
    assert cells[2:5] == ["March 12, 2025", "12. März 2025", "2025年3月12日"]  # the versions' text only
    assert cells[5] == "= agree<small>2025-03-12</small>"  # the value they agree on, once
    # where the values differ in form, each version shows its own
    power = [row for row in rows if "2.000 Megawatt" in row[3][1]][0]
    assert "<small>2,000 megawatts</small>" in power[3][1] and "<small>2 gigawatts</small>" in power[2][1]


def test_a_moved_passage_is_labelled_in_the_side_by_side_view(tmp_path):
    en = ["The council met on Tuesday.", "The quay will be 420 metres long and cost 35 million euros.",
          "Work starts in March.", "Residents may object until Friday."]
    de = ["Der Rat tagte am Dienstag.", "Die Arbeiten beginnen im März.", "Anwohner können bis Freitag widersprechen.",
          "Der Kai wird 420 Meter lang und kostet 35 Millionen Euro."]
    for loc, paras in (("en", en), ("de", de)):
        (tmp_path / f"{loc}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    _code, page = check(tmp_path, str(tmp_path / "en.txt"), str(tmp_path / "de.txt"))
    rows = table_rows(page, "aligned")
    labelled = [row for row in rows if "moved" in row[0][1]]
    assert len(labelled) == 1 and "420 Meter" in labelled[0][2][1] and "420 metres" in labelled[0][1][1]
