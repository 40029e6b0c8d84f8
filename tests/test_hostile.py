"""Hostile inputs: each once gave an internal error or blocked forever; now a check, or a one-line
error with exit code 2 (issue: red by chance no more, and no input that hangs or crashes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import main
from consistency.errors import ParseError
from consistency.extract import extract_claims, parse_number

ROOT = Path(__file__).resolve().parents[1]


def run(*argv: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """The CLI in a fresh process, so that a regression that blocks fails the test instead of the suite."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIM_CONSISTENCY_NO_NOTES": "1", "CLAIM_CONSISTENCY_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "consistency", *argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_a_two_million_digit_number_is_skipped_and_the_rest_checked(tmp_path, capsys):
    (tmp_path / "en.txt").write_text("It was " + "1" * 2_000_000 + " dollars.\n\nThe bridge is 5 km long.\n",
                                     encoding="utf-8")
    (tmp_path / "de.txt").write_text("Es waren 3 Dollar.\n\nDie Brücke ist 5 km lang.\n", encoding="utf-8")
    code = main(["check", str(tmp_path / "en.txt"), str(tmp_path / "de.txt"), "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "internal error" not in err


@pytest.mark.parametrize("text, locale", [
    ("It was 1" + "0" * 308 + " °F.", "en"),
    ("Es war 1" + "0" * 308 + " °C.", "de"),
    ("1" + "兆" * 84_000 + "円", "ja"),
    ("9" * 5000 + " km", "en"),
])
def test_numbers_beyond_any_range_are_no_claims(text, locale):
    assert [c for c in extract_claims(text, locale) if c.kind.value != "date"] == []


def test_huge_values_on_both_sides_do_not_stop_the_check(tmp_path, capsys):
    (tmp_path / "en.txt").write_text("It was 1" + "0" * 308 + " °F, and 3 km.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Es war 1" + "0" * 308 + " °C, und 4 km.\n", encoding="utf-8")
    code = main(["check", str(tmp_path / "en.txt"), str(tmp_path / "de.txt"), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1 and "QTY001" in out, err


@pytest.mark.parametrize("text", ["①", "²", "1" + "兆" * 5000])
def test_parse_number_raises_parse_error_only(text):
    with pytest.raises(ParseError):
        parse_number(text, "ja" if "兆" in text else "en")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_given_as_a_version_is_an_error_not_a_hang(tmp_path):
    os.mkfifo(tmp_path / "en.md")
    (tmp_path / "de.md").write_text("Die Brücke ist 5 km lang.\n", encoding="utf-8")
    proc = run("check", "en.md", "de.md", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["claim-consistency: error: en.md: not a regular file "
                                                "(a FIFO, socket or device); only files are read"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize("option", ["--baseline", "--config"])
def test_a_device_as_baseline_or_configuration_is_an_error_not_endless(tmp_path, option):
    (tmp_path / "en.md").write_text("The bridge is 5 km long.\n", encoding="utf-8")
    (tmp_path / "de.md").write_text("Die Brücke ist 5 km lang.\n", encoding="utf-8")
    proc = run("check", "en.md", "de.md", option, "/dev/zero", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert "not a regular file" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_vocabulary_linked_to_a_device_is_an_error(tmp_path):
    rules = tmp_path / "rules" / "vocab"
    rules.mkdir(parents=True)
    (rules / "people.yml").symlink_to("/dev/zero")
    (tmp_path / "claim-consistency.toml").write_text('rule-dirs = ["rules"]\n', encoding="utf-8")
    (tmp_path / "en.md").write_text("The bridge is 5 km long.\n", encoding="utf-8")
    (tmp_path / "de.md").write_text("Die Brücke ist 5 km lang.\n", encoding="utf-8")
    proc = run("check", "en.md", "de.md", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert "not a regular file" in proc.stderr and "Traceback" not in proc.stderr


# ------------------------------------------------------------------ character references (items 4 and 20)


@pytest.mark.parametrize("suffix, en, fr", [
    (".html", '<html lang="en"><body><p>The plan costs &euro;4.2&nbsp;billion.</p></body></html>',
     '<html lang="fr"><body><p>Le plan coûte 4,2&nbsp;millions d&rsquo;euros.</p></body></html>'),
    (".md", "The plan costs &euro;4.2&nbsp;billion.\n", "Le plan coûte 4,2&nbsp;millions d’euros.\n"),
])
def test_character_references_hide_no_error(tmp_path, capsys, suffix, en, fr):
    (tmp_path / f"a.en{suffix}").write_text(en, encoding="utf-8")
    (tmp_path / f"a.fr{suffix}").write_text(fr, encoding="utf-8")
    code = main(["check", str(tmp_path / f"a.en{suffix}"), str(tmp_path / f"a.fr{suffix}"), "--format", "json"])
    import json

    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    deviant = next(loc for loc in finding["locations"] if loc["role"] == "deviant")
    assert (code, finding["rule"], deviant["locale"]) == (1, "QTY001", "fr")
    assert deviant["text"].startswith("4,2&nbsp;millions")  # the span in the file, references and all


def test_french_digits_grouped_with_character_references(tmp_path):
    from consistency.documents import load_document

    path = tmp_path / "c.fr.html"
    path.write_text('<html lang="fr"><body><p>Il a reçu 1&#160;500&#160;000 euros.</p></body></html>', encoding="utf-8")
    (block,) = load_document(path).blocks
    (claim,) = extract_claims(block.text, "fr")
    assert (str(claim.value), claim.unit) == ("1.5E+6", "EUR")


# ------------------------------------------------------------------ messages that say what is wrong (items 7, 19, 20)


def test_a_misspelt_file_is_no_such_file(tmp_path, capsys):
    assert main(["check", str(tmp_path / "content/en/news/q3-reslts.md")]) == 2
    assert capsys.readouterr().err.strip().endswith("q3-reslts.md: no such file")


def test_a_folder_of_locale_folders_hints_at_bundles(tmp_path, capsys):
    for locale in ("en", "de"):
        (tmp_path / "site" / locale).mkdir(parents=True)
        (tmp_path / "site" / locale / "a.md").write_text("It is 5 km.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "--bundles" in err and "{locale}/{path}" in err and err.count("\n") == 1
    # a Hugo content/ folder is a layout known without configuration: it is checked
    (tmp_path / "site").rename(tmp_path / "content")
    assert main(["check", str(tmp_path / "content"), "--no-history"]) == 0
    assert "found Markdown by locale folder (Hugo, Docusaurus, MkDocs) in" in capsys.readouterr().err


def test_terminal_escape_sequences_from_input_are_never_printed_raw(tmp_path, capsys):
    (tmp_path / "a.en.txt").write_text("One.\n\nThe \x1b[2Jsecond \x1b]0;title\x07 part \u202eevil.\n", encoding="utf-8")
    (tmp_path / "a.de.txt").write_text("Eins.\n", encoding="utf-8")
    for form in ("text", "github"):
        assert main(["check", str(tmp_path / "a.en.txt"), str(tmp_path / "a.de.txt"), "--format", form]) == 0
        out = capsys.readouterr().out
        assert "COV001" in out and ("\\x1b[2J" in out or form == "github")  # github shows the references only
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


@pytest.mark.parametrize("entity", ["    any: 5\n", "    forms: {ja: 5}\n", "    related: [x]\n"])
def test_a_bad_vocabulary_value_is_a_one_line_error(tmp_path, capsys, entity):
    (tmp_path / "rd/vocab").mkdir(parents=True)
    (tmp_path / "rd/vocab/bad.yml").write_text("entities:\n  - id: x\n" + entity, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.claim-consistency]\nrule-dirs = ["rd"]\n', encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("It is 5 km.\n", encoding="utf-8")
    (tmp_path / "a.de.txt").write_text("Es sind 5 km.\n", encoding="utf-8")
    code = main(["check", "--config", str(tmp_path / "pyproject.toml"), str(tmp_path / "a.en.txt"),
                 str(tmp_path / "a.de.txt")])
    err = capsys.readouterr().err
    assert code == 2 and "bad.yml: entity x" in err and "internal error" not in err and err.count("\n") == 1


# ------------------------------------------------------------------ bundle patterns that backtrack (item 14)


def test_a_pattern_with_many_stars_against_a_long_name_ends_quickly(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / ("a" * 200 + ".md")).write_text("5 km\n", encoding="utf-8")
    pattern = "{locale}/" + "*a" * 22 + "b.md"
    result = run("check", "--bundles", pattern, cwd=tmp_path, timeout=30)  # was over a minute
    assert result.returncode == 2 and "no bundle" in result.stderr


def test_a_pattern_that_times_out_is_a_one_line_configuration_error():
    from consistency import bundles
    from consistency.errors import ConfigError

    pattern = bundles.parse_pattern("/x/{locale}/*.md", "/")

    class Slow:
        def fullmatch(self, path, timeout=None):
            assert timeout == bundles.MATCH_TIMEOUT
            raise TimeoutError("regex timed out")

    import dataclasses

    slow = dataclasses.replace(pattern, regex=Slow())
    with pytest.raises(ConfigError, match="too complex"):
        bundles._fullmatch(slow, "/x/en/a.md")


# ------------------------------------------------------------------ workers die with their parent (item 16)


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                out.append(int(entry.name))
    return out


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (Linux) to find the workers")
def test_sigterm_leaves_no_worker_behind(tmp_path):
    import signal
    import time

    for i in range(60):
        for locale, text in (("en", "The line is {} km long.\n"), ("de", "Die Strecke ist {} km lang.\n")):
            path = tmp_path / locale / f"a{i}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text.format(i + 2) * 40, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIM_CONSISTENCY_NO_NOTES": "1", "CLAIM_CONSISTENCY_NO_CACHE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "consistency", "check", "--jobs", "2", "--bundles",
                             "{locale}/{path}.md"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        workers = _children(proc.pid)
    if proc.poll() is not None:
        pytest.skip("the check finished before its workers could be seen")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.1)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and "zombie" not in Path(f"/proc/{w}/status").read_text().lower()]
    assert alive == []


def test_sigterm_while_work_is_submitted_is_acted_on_after_it():
    """An interrupt inside the executor's submit could leave its pool unable to shut down (a CI
    run once waited more than 60 s): a SIGTERM that arrives then is held until submitting ends."""
    from consistency.engine.runner import _Termination

    term = _Termination()
    term.handle(15, None)                       # during submission: held, nothing raised
    with pytest.raises(KeyboardInterrupt):
        term.armed()
    later = _Termination()
    later.armed()
    with pytest.raises(KeyboardInterrupt):
        later.handle(15, None)                  # after it: at once


# ------------------------------------------------------------------ --write-baseline keeps what it did not cover (item 17)


def _site(tmp_path):
    for name, text in {"en/a.md": "It is 5 km.\n", "de/a.md": "Es sind 6 km.\n",
                       "en/b.md": "It costs $3 million.\n", "de/b.md": "Es kostet 4 Millionen Dollar.\n"}.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")


def test_a_partial_run_keeps_the_entries_it_did_not_cover(tmp_path, monkeypatch):
    import json
    import stat

    _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    pattern = ["--bundles", "{locale}/{path}.md"]
    assert main(["check", *pattern, "--write-baseline", "base.json", "--reason", "accepted in review"]) == 0
    os.chmod("base.json", 0o640)
    os.symlink("base.json", "link.json")
    first = json.loads(Path("base.json").read_text())["findings"]
    assert {e["bundle"] for e in first} == {"a", "b"}
    # one file expanded, one rule selected: the entries of bundle b and of other rules stay, with their reasons
    assert main(["check", *pattern, "--expand", "de/a.md", "--select", "QTY001", "--write-baseline", "link.json",
                 "--reason", "second"]) == 0
    assert os.path.islink("link.json")
    after = json.loads(Path("base.json").read_text())["findings"]
    assert sorted(map(json.dumps, after)) == sorted(map(json.dumps, first))
    assert stat.S_IMODE(os.stat("base.json").st_mode) == 0o640
    assert not [p for p in os.listdir(".") if p.endswith(".tmp")]


# ------------------------------------------------------------------ content silently unchecked (item 18)


def test_html_without_the_optional_closing_head_keeps_its_body(tmp_path):
    from consistency.documents import load_document

    page = tmp_path / "a.en.html"
    page.write_text('<html lang="en"><head><title>Port</title><meta charset="utf-8">\n'
                    "<body><h1>Port</h1><p>The pier is 5 km long.</p></body></html>\n", encoding="utf-8")
    assert [b.text.strip() for b in load_document(page).blocks] == ["Port", "The pier is 5 km long."]


@pytest.mark.parametrize("depth", [10, 20, 60, 120, 400])
def test_markdown_nested_deeply_keeps_its_text(depth):
    from consistency.documents.markdown import parse_markdown

    quotes = "> " * depth + "The pier is 5 km long.\n" + "> " * depth + "It cost 3 million euros.\n"
    lists = "".join("  " * level + "- step\n" for level in range(depth)) + "  " * depth + "- The pier is 5 km long.\n"
    text = "Before 1.\n\n" + quotes + "\nAfter 2.\n\n" + lists
    blocks = [" ".join(b.text.split()) for b in parse_markdown(text)]
    assert blocks[0] == "Before 1." and blocks[-1] == "The pier is 5 km long."
    assert "After 2." in blocks
    quoted = " ".join(blocks[1:blocks.index("After 2.")])
    assert quoted == "The pier is 5 km long. It cost 3 million euros."
    # markers never leak into the text
    assert not any(b.startswith((">", "-")) for b in blocks)


OPENINGS = {"comment": "<!-- ", "comment before a '>'": "<!-- > ", "processing instruction": "<? ",
            "CDATA": "<![cdata[ ] > ", "Word condition": "<![if x > ", "start tag": "<a x='y' ",
            "nested span": "<span>"}


@pytest.mark.parametrize("suffix, opening", [("html", o) for o in OPENINGS.values()] + [("md", "<!-- ")],
                         ids=[*OPENINGS.keys(), "Markdown comment"])
def test_markup_openings_that_never_close_cost_no_more_than_their_size(tmp_path, suffix, opening):
    # 50,000 openings took a minute or more: the parser looked for each one's end, to the end of the file
    (tmp_path / f"en.{suffix}").write_text("<p>It is 5 km.</p>\n" + opening * 50_000 + "It is 7 km.\n",
                                           encoding="utf-8")
    (tmp_path / f"de.{suffix}").write_text("<p>Es sind 5 km.</p><p>Es sind 8 km.</p>\n", encoding="utf-8")
    result = run("check", f"en.{suffix}", f"de.{suffix}", "--no-history", "--format", "json", cwd=tmp_path,
                 timeout=60)
    assert result.returncode in (0, 1), result.stderr


@pytest.mark.parametrize("text, expected", [
    ("<p>It is 5 km.</p><!-- a comment never closed <p>It is 7 km.</p>",
     ["It is 5 km.", "<!-- a comment never closed", "It is 7 km."]),
    ("<p>It is 5 km.</p><p>Price <? 7 km", ["It is 5 km.", "Price <? 7 km"]),
    ("<p>It is 5 km.<![CDATA[ 3 ] m</p>", ["It is 5 km.<![CDATA[ 3 ] m"]),
    ("<p><![if !supportLists]>1.<![endif]>It is 5 km.</p>", ["1.          It is 5 km."]),
])
def test_markup_never_closed_reads_as_text_and_hides_nothing(text, expected):
    from consistency.documents.html import parse_html

    assert [b.text for b in parse_html(text)] == expected


# ------------------------------------------------------------------ PO continuation lines (item 11)


def test_a_word_split_across_po_continuation_lines_is_one_word_and_a_long_number_matches_itself(tmp_path, capsys):
    import json

    po = tmp_path / "ja.po"
    number = "1234567890" * 5 + "12345678"  # 58 digits: more than Decimal's 28
    po.write_text('msgid ""\nmsgstr ""\n"Language: ja\\n"\n\n'
                  f'msgid "Timestamp {number} items"\nmsgstr ""\n"タイ"\n"ムスタンプ {number} 項目"\n', encoding="utf-8")
    code = main(["check", str(po), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert (code, findings) == (0, [])  # no "Thailand" (タイ) missing, no number disagreeing with itself


# ------------------------------------------------------------------ links out of the repository (item 19)


def test_discovery_does_not_follow_a_link_out_of_the_root(tmp_path, capsys, monkeypatch):
    import json

    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("The password is 123456 and the vault holds 9 tonnes.\n", encoding="utf-8")
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "de").mkdir()
    (site / "en" / "a.md").write_text("It is 5 km.\n", encoding="utf-8")
    (site / "de" / "a.md").write_text("Es sind 5 km.\n", encoding="utf-8")
    os.symlink(secret, site / "de" / "b.md")
    (site / "en" / "b.md").write_text("Nothing here.\n", encoding="utf-8")
    monkeypatch.chdir(site)
    assert main(["check", "--bundles", "{locale}/{path}.md", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "123456" not in out and "vault" not in out
    assert [b["id"] for b in json.loads(out)["bundles"]] == ["a"]


# ------------------------------------------------------------------ inputs whose cost grew with the square (item 12)


def test_a_line_of_numbers_separated_by_spaces_reads_each_number():
    """``1 2 3 …`` looked like one grouped number each time the search resumed (a line of 20,000
    took 75 s); a number token now runs over at most 40 groups, and each number is read."""
    from consistency.extract import extract_claims

    claims = extract_claims(" ".join(str(i) for i in range(2000)), "en")
    assert [c.text for c in claims] == [str(i) for i in range(2000)]  # 1800-1999 read as years


def test_a_passage_with_thousands_of_figures_pairs_them_by_value(tmp_path, capsys):
    """A sentence repeated in one paragraph (a table pasted as prose): beyond MAX_PAIRED claims
    per version, claims pair by normalized value (linear) instead of by agreement (quadratic).
    Identical versions give nothing; a changed figure still gives findings."""
    from consistency.match.clusters import MAX_PAIRED

    repeat = MAX_PAIRED  # two figures a sentence: twice the limit
    en = "The plant delivers 2 GW for 380,000 homes. " * repeat
    de = "Die Anlage liefert 2 GW für 380.000 Haushalte. " * repeat
    (tmp_path / "en.txt").write_text(en + "\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text(de + "\n", encoding="utf-8")
    code, out = _check_json(capsys, tmp_path / "en.txt", tmp_path / "de.txt")
    assert (code, out) == (0, [])
    (tmp_path / "de.txt").write_text(de.replace("2 GW", "3 GW", 1) + "\n", encoding="utf-8")
    code, out = _check_json(capsys, tmp_path / "en.txt", tmp_path / "de.txt")
    assert sorted({f["rule"] for f in out}) == ["QTY002"] and code == 0


def _check_json(capsys, *paths: Path) -> tuple[int, list[dict]]:
    import json

    from consistency.cli import main

    code = main(["check", *map(str, paths), "--format", "json", "--no-history", "--no-cache"])
    return code, json.loads(capsys.readouterr().out)["findings"]


# ------------------------------------------------------------------ content silently unchecked (item 18)


def test_an_unreadable_folder_during_discovery_is_named(tmp_path, monkeypatch, capsys):
    """A folder that cannot be listed used to be skipped in silence (exit 0, its pages unchecked);
    discovery now says so on stderr, once.  (Permissions do not stop root, so listing is refused
    here the way the operating system refuses it: os.scandir raises PermissionError.)"""
    import os as os_module

    from consistency import bundles

    for locale in ("en", "de"):
        for page in ("a", "secret/b"):
            path = tmp_path / locale / f"{page}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("It is 5 km.\n", encoding="utf-8")
    real_scandir = os_module.scandir

    def scandir(path="."):
        if os_module.fspath(path).endswith(os_module.path.join("de", "secret")):
            raise PermissionError(13, "Permission denied", os_module.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os_module, "scandir", scandir)
    monkeypatch.setattr(bundles, "_WARNED", set())
    found = bundles.discover(tmp_path, ["{locale}/{path}.md"])
    assert [b.id for b in found] == ["a"]
    err = capsys.readouterr().err
    assert err.count("cannot read folder") == 1 and "de/secret" in err and "not checked" in err


def test_in_a_very_large_passage_the_kth_figure_of_a_value_pairs_with_the_kth_in_every_version():
    """Beyond MAX_PAIRED claims, pairing by value must still give one cluster per occurrence, holding
    every version that states it that often, whatever the number of versions."""
    from collections import Counter

    from consistency.extract import extract_claims
    from consistency.match.clusters import MAX_PAIRED, cluster_claims

    n = MAX_PAIRED // 2 + 10  # two figures a sentence: above the limit
    texts = {"en": "It is 5 km long and cost $3 million. " * n, "de": "Sie ist 5 km lang und kostete 3 Millionen Dollar. " * n,
             "fr": "Il mesure 5 km et a coûté 3 millions de dollars. " * (n - 1)}
    claims = [[extract_claims(text, locale)] for locale, text in texts.items()]
    clusters = cluster_claims([((0,), (0,), (0,))], claims)
    shapes = Counter(tuple(sorted(c.members)) for c in clusters)
    assert shapes == Counter({(0, 1, 2): 2 * (n - 1), (0, 1): 2})
