"""Bundle discovery from patterns (consistency.bundles): which files are versions of one article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.bundles import Bundle, discover, expand, is_per_unit, match_file, parse_pattern
from consistency.errors import ConfigError


def make(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{name}\n", encoding="utf-8")


def rel(root: Path, bundles: list[Bundle]) -> list[tuple[str, list[str], list[str | None]]]:
    return [(b.id, [Path(p).relative_to(root).as_posix() for p in b.paths], b.locales) for b in bundles]


# ----------------------------------------------------------------------------- discover


def test_locale_folder_with_nested_paths(tmp_path):
    make(tmp_path, "content/en/news/2024/budget.md", "content/de/news/2024/budget.md",
         "content/ja/news/2024/budget.md", "content/en/about.md", "content/de/about.md",
         "content/en/only-english.md",  # one version: nothing to compare
         "content/images/logo.md",  # "images" is not a locale
         "content/de/notes.txt")  # not .md
    found = discover(tmp_path, ["content/{locale}/{path}.md"], source="en")
    assert rel(tmp_path, found) == [
        ("about", ["content/en/about.md", "content/de/about.md"], ["en", "de"]),
        ("news/2024/budget", ["content/en/news/2024/budget.md", "content/de/news/2024/budget.md",
                              "content/ja/news/2024/budget.md"], ["en", "de", "ja"]),
    ]
    assert all(b.source == "en" for b in found)
    assert all(os.path.isabs(p) for b in found for p in b.paths)


def test_without_source_versions_follow_pattern_then_locale(tmp_path):
    make(tmp_path, "content/ja/a.md", "content/de/a.md", "content/en/a.md")
    (bundle,) = discover(tmp_path, ["content/{locale}/{path}.md"])
    assert bundle.locales == ["de", "en", "ja"] and bundle.source is None


def test_tldr_layout_declared_and_implicit_locales(tmp_path):
    make(tmp_path, "pages/common/tar.md", "pages.ja/common/tar.md", "pages.de/common/tar.md",
         "pages/linux/apt.md", "pages.de/linux/apt.md", "pages.ja/common/..md", "pages/common/..md")
    expected = [
        ("common/.", ["pages/common/..md", "pages.ja/common/..md"], ["en", "ja"]),
        ("common/tar", ["pages/common/tar.md", "pages.ja/common/tar.md", "pages.de/common/tar.md"], ["en", "ja", "de"]),
        ("linux/apt", ["pages/linux/apt.md", "pages.de/linux/apt.md"], ["en", "de"]),
    ]
    # "pages.ja/{path}.md": the fixed folder name says the locale, as locale_from_path reads it
    found = discover(tmp_path, ["pages/{path}.md=en", "pages.ja/{path}.md", "pages.de/{path}.md"], source="en")
    assert rel(tmp_path, found) == expected
    # the (pattern, locale) pair form and a {locale} pattern give the same bundles
    found = discover(tmp_path, [("pages/{path}.md", "en"), "pages.{locale}/{path}.md"], source="en")
    assert [(i, sorted(p), sorted(loc)) for i, p, loc in rel(tmp_path, found)] == \
        [(i, sorted(p), sorted(loc)) for i, p, loc in expected]


def test_locale_suffix_beats_a_declared_pattern(tmp_path):
    make(tmp_path, "docs/guide.md", "docs/guide.de.md", "docs/guide.pt-BR.md", "docs/setup.v2.md",
         "docs/setup.v2.ja.md")
    found = discover(tmp_path, ["docs/{path}.md=en", "docs/{path}.{locale}.md"], source="en")
    assert rel(tmp_path, found) == [
        ("guide", ["docs/guide.md", "docs/guide.de.md", "docs/guide.pt-BR.md"], ["en", "de", "pt-BR"]),
        ("setup.v2", ["docs/setup.v2.md", "docs/setup.v2.ja.md"], ["en", "ja"]),
    ]


def test_slug_stays_in_one_folder(tmp_path):
    make(tmp_path, "blog/en/a.md", "blog/de/a.md", "blog/en/x/b.md", "blog/de/x/b.md")
    assert [b.id for b in discover(tmp_path, ["blog/{locale}/{slug}.md"])] == ["a"]
    assert [b.id for b in discover(tmp_path, ["blog/{locale}/{path}.md"])] == ["a", "x/b"]


def test_per_unit_files_make_one_bundle_even_alone(tmp_path):
    make(tmp_path, "po/de.po", "po/ja.po", "po/app.pot", "single/fr.po")
    assert rel(tmp_path, discover(tmp_path, ["po/{locale}.po"])) == \
        [("po/{locale}.po", ["po/de.po", "po/ja.po"], ["de", "ja"])]
    # one PO file carries its source text: still a bundle
    assert rel(tmp_path, discover(tmp_path, ["single/{locale}.po"])) == \
        [("single/{locale}.po", ["single/fr.po"], ["fr"])]
    assert is_per_unit("x.xliff") and is_per_unit("x.XLF") and not is_per_unit("x.md")


def test_exclude_include_and_always_excluded_folders(tmp_path):
    make(tmp_path, "content/en/a.md", "content/de/a.md", "content/en/drafts/b.md", "content/de/drafts/b.md",
         "content/en/old/c.md", "content/de/old/c.md", "content/en/node_modules/d.md",
         "content/de/node_modules/d.md")
    pattern = ["content/{locale}/{path}.md"]
    assert [b.id for b in discover(tmp_path, pattern)] == ["a", "drafts/b", "old/c"]
    assert [b.id for b in discover(tmp_path, pattern, exclude=["drafts"])] == ["a", "old/c"]
    assert [b.id for b in discover(tmp_path, pattern, exclude=["content/*/old"])] == ["a", "drafts/b"]
    absolute = (tmp_path / "content/de/old").as_posix()
    assert [b.id for b in discover(tmp_path, pattern, exclude=[absolute])] == ["a", "drafts/b"]  # de/old gone: c alone
    assert [b.id for b in discover(tmp_path, pattern, include=["drafts/*"])] == ["drafts/b"]


def test_locale_aliases_and_allowed_locales(tmp_path):
    make(tmp_path, "site/jp/a.md", "site/en/a.md", "site/fr/a.md")
    assert discover(tmp_path, ["site/{locale}/{path}.md"])[0].locales == ["en", "fr"]  # "jp" is no locale
    assert discover(tmp_path, ["site/{locale}/{path}.md"], locales={"jp": "ja"})[0].locales == ["en", "fr", "ja"]
    assert discover(tmp_path, ["site/{locale}/{path}.md"], locales=["en", "fr"])[0].locales == ["en", "fr"]
    assert discover(tmp_path, ["site/{locale}/{path}.md"], locales=["en"]) == []


def test_relative_root_and_absolute_patterns(tmp_path, monkeypatch):
    make(tmp_path, "c/en/a.md", "c/de/a.md")
    monkeypatch.chdir(tmp_path)
    assert [b.id for b in discover(".", ["c/{locale}/{path}.md"])] == ["a"]
    assert [b.id for b in discover("/nonexistent-root", [(tmp_path / "c/{locale}/{path}.md").as_posix()])] == ["a"]
    assert discover(tmp_path, ["missing/{locale}/{path}.md"]) == []


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("docs/{path}.md", "needs {locale}"),
        ("content/{lang}/{path}.md", "unknown placeholder {lang}"),
        ("{locale}/{locale}.md", "more than once"),
        ("a/{path}/{slug}.{locale}.md", "either {path} or {slug}"),
        ("content/{locale}/{path}.md=en", "also declares"),
        ("pages/{path}.md=xx", "unknown locale"),
        ("", "empty"),
    ],
)
def test_invalid_patterns_are_config_errors(pattern, message):
    with pytest.raises(ConfigError, match=message.replace("{", r"\{").replace("}", r"\}")):
        parse_pattern(pattern, "/repo")
    with pytest.raises(ConfigError):
        discover("/repo", [])


def test_parse_pattern_base_and_declared_locale():
    p = parse_pattern("pages/{path}.md=en", "/repo")
    assert (p.locale, p.base, p.has_locale, p.has_path) == ("en", "/repo/pages", False, True)
    q = parse_pattern("content/{locale}/{path}.md", "/repo")
    assert (q.locale, q.base, q.has_locale) == (None, "/repo/content", True)
    assert parse_pattern("pages.ja/{path}.md", "/repo").locale == "ja"
    assert parse_pattern(("pages/{path}.md", "pt_br"), "/repo").locale == "pt-BR"


# ----------------------------------------------------------------------------- expand


def test_expand_gives_each_changed_file_its_whole_bundle_once(tmp_path, monkeypatch):
    make(tmp_path, "content/en/a.md", "content/de/a.md", "content/ja/a.md", "content/en/b.md",
         "content/de/b.md", "content/en/c.md", "content/de/c.md", "README.md")
    monkeypatch.chdir(tmp_path)
    pattern = ["content/{locale}/{path}.md"]
    # pre-commit passes paths relative to the repository root; unrelated files are ignored
    got = expand(["content/de/a.md", "content/ja/a.md", "content/en/c.md", "README.md", "setup.py"],
                 tmp_path, pattern, source="en")
    assert rel(tmp_path, got) == [
        ("a", ["content/en/a.md", "content/de/a.md", "content/ja/a.md"], ["en", "de", "ja"]),
        ("c", ["content/en/c.md", "content/de/c.md"], ["en", "de"]),
    ]
    # split across processes: each process gets the same whole bundle
    assert rel(tmp_path, expand(["content/ja/a.md"], tmp_path, pattern, source="en")) == rel(tmp_path, got[:1])
    assert expand(["README.md"], tmp_path, pattern) == []


def test_expand_tldr_and_po_layouts(tmp_path):
    make(tmp_path, "pages/common/tar.md", "pages.ja/common/tar.md", "pages.de/common/tar.md",
         "pages/common/ls.md", "pages.de/common/ls.md", "po/de.po", "po/fr.po")
    patterns = ["pages/{path}.md=en", "pages.{locale}/{path}.md", "po/{locale}.po"]
    got = expand([tmp_path / "pages.de/common/tar.md", tmp_path / "po/fr.po"], tmp_path, patterns, source="en")
    assert [(b.id, sorted(b.locales)) for b in got] == [("common/tar", ["de", "en", "ja"]),
                                                       ("po/{locale}.po", ["de", "fr"])]


def test_expand_of_a_deleted_file_still_finds_its_bundle(tmp_path):
    make(tmp_path, "content/en/a.md", "content/de/a.md")
    got = expand([tmp_path / "content/ja/a.md"], tmp_path, ["content/{locale}/{path}.md"])
    assert [b.id for b in got] == ["a"]


def test_expand_respects_exclude(tmp_path):
    make(tmp_path, "content/en/drafts/a.md", "content/de/drafts/a.md")
    pattern = ["content/{locale}/{path}.md"]
    assert expand([tmp_path / "content/de/drafts/a.md"], tmp_path, pattern, exclude=["drafts"]) == []


def test_match_file(tmp_path):
    patterns = ["docs/{path}.md=en", "docs/{path}.{locale}.md"]
    assert match_file(tmp_path / "docs/a/b.de.md", tmp_path, patterns) == ("a/b", "de")
    assert match_file(tmp_path / "docs/a/b.md", tmp_path, patterns) == ("a/b", "en")
    assert match_file(tmp_path / "other/a.md", tmp_path, patterns) is None


_LAYOUT = [f"content/{loc}/{name}.md" for loc in ("en", "de", "ja") for name in ("a", "b", "x/c", "x/d")] + [
    "content/en/e.md", "content/fr/f.md", "content/de/g.md", "content/ja/g.md", "README.md", "content/img/a.md",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changed=st.lists(st.sampled_from(_LAYOUT), max_size=8))
def test_expand_is_discover_restricted_to_the_changed_files(tmp_path, changed):
    """Whatever subset pre-commit passes, expand gives exactly the discovered bundles holding those files."""
    root = tmp_path / "repo"
    if not root.exists():
        make(root, *_LAYOUT)
    pattern = ["content/{locale}/{path}.md"]
    everything = discover(root, pattern, source="en")
    wanted = {(root / c).as_posix() for c in changed}
    expected = [b for b in everything if wanted & set(b.paths)]
    assert expand([root / c for c in changed], root, pattern, source="en") == expected


@pytest.mark.corpus
def test_tldr_corpus_has_418_triplets(corpus):
    root = corpus / "tldr-pages"
    found = discover(root, ["pages/{path}.md=en", "pages.ja/{path}.md", "pages.de/{path}.md"], source="en")
    listed = sorted(line.strip()[:-3] for line in (root / "TRIPLETS.txt").read_text().splitlines() if line.strip())
    assert [b.id for b in found] == listed
    assert all(b.locales == ["en", "ja", "de"] for b in found)
