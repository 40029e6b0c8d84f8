"""The names the tool knows before reading a text: name vocabularies and the CLDR gazetteer.

- A **vocabulary** (``rules/vocab/*.yml`` and the ``vocab/`` folder of each configured rule dir)
  lists entities (people, organisations, places, products) with their forms per locale.
  :func:`load_vocabulary` reads one, :func:`vocabulary_for` the one of a configuration's rule
  dirs; extraction takes it as an argument (``extract_names(..., vocabulary=)``,
  ``analyse(..., vocabulary=)``, ``check_bundle(..., vocabulary=)``) and uses the built-in one
  (:func:`default_vocabulary`) where none is given.  There is no process-wide setting: what a
  check uses is what it was given.
- A **glossary** (a term base: ``*.tbx`` or ``*.csv`` in the same folders, see
  :mod:`consistency.extract.glossary`) adds its concepts as entities of type ``term``, with the
  terms it forbids per locale (TRM001).
- The **gazetteer** (:func:`gazetteer`) holds CLDR's names of territories, exemplar cities,
  languages, scripts and currencies of a locale, built lazily from babel.
- :func:`fold_chars` and :func:`fold_form` are how names are compared (case folded, NFKC).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..locale.tags import language

__all__ = [
    "Entity",
    "Vocabulary",
    "default_vocabulary",
    "fold_chars",
    "fold_form",
    "gazetteer",
    "load_vocabulary",
    "vocabulary_for",
]


@dataclass(frozen=True, eq=False)
class Entity:
    id: str
    type: str | None
    forms: dict  # locale -> tuple of forms
    any: tuple[str, ...] = ()
    cldr: tuple[str, ...] = ()  # gazetteer ids that are this entity (territory:150)
    related: dict | None = None  # locale -> adjectives and demonyms (britische, British): presence only
    forbidden: dict | None = None  # locale -> terms a glossary forbids for this concept (TRM001)

    def forbidden_for(self, locale: str) -> tuple[str, ...]:
        lang = language(locale)
        bad = self.forbidden or {}
        return tuple(bad.get(locale, ())) + (tuple(bad.get(lang, ())) if lang != locale else ())

    def related_for(self, locale: str) -> tuple[str, ...]:
        lang = language(locale)
        rel = self.related or {}
        return tuple(rel.get(locale, ())) + tuple(rel.get(lang, ()))

    def forms_for(self, locale: str) -> tuple[str, ...]:
        lang = language(locale)
        return tuple(self.forms.get(locale, ())) + tuple(self.forms.get(lang, ())) + self.any


class _FoldTable(dict):
    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "ёЁ":  # Russian writes е for ё as often as not: Соединенных / Соединённых Штатов
            self[code] = "е"
            return "е"
        f = unicodedata.normalize("NFKC", ch).casefold() if not ch.isascii() else ch.lower()
        self[code] = f if len(f) == 1 else ch.lower()
        return self[code]


_FOLD = _FoldTable()


def fold_chars(text: str) -> str:
    """Case folding that keeps every offset (ß stays ß; ё is е)."""
    return text.translate(_FOLD)


def fold_form(text: str) -> str:
    """How forms are compared: NFKC, case folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True, eq=False)
class Vocabulary:
    entities: tuple[Entity, ...] = ()

    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @property
    def index(self) -> dict[str, Entity]:
        """``by_id()``, built once."""
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = self.by_id()
            object.__setattr__(self, "_index", cached)
        return cached


def _builtin_vocab_dir() -> Path | None:
    from ..resources import builtin_rules_dir

    try:
        path = builtin_rules_dir() / "vocab"
    except Exception:  # pragma: no cover - broken install
        return None
    return path if path.is_dir() else None


def load_vocabulary(dirs: Sequence[Path | str] = (), *, builtin: bool = True) -> Vocabulary:
    """The entities of ``rules/vocab/*.yml`` and of ``vocab/`` folders in ``dirs``
    (later folders extend or, with the same id, replace earlier entities)."""
    import yaml

    from ..errors import ConfigError

    folders: list[Path] = []
    if builtin:
        b = _builtin_vocab_dir()
        if b is not None:
            folders.append(b)
    for d in dirs:
        d = Path(d)
        folders.append(d / "vocab" if (d / "vocab").is_dir() else d)
    entities: dict[str, Entity] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.tbx"), *folder.glob("*.csv")]):
            from .glossary import load_glossary

            for concept in load_glossary(path):  # term bases: TBX and CSV (see extract/glossary.py)
                entities[concept.id] = Entity(id=concept.id, type=concept.type, forms=concept.forms,
                                              forbidden=concept.forbidden)
        for path in sorted(folder.glob("*.yml")):
            try:
                # libyaml's safe loader where PyYAML has it: the pure-Python one took 0.3 s of
                # every cold start on the built-in vocabulary
                loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
                from ..documents.reading import check_regular_file

                check_regular_file(str(path))
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
            except yaml.YAMLError as exc:
                raise ConfigError(f"{path}: invalid YAML: {' '.join(str(exc).split())}") from None
            items = data.get("entities") if isinstance(data, dict) else None
            if not isinstance(items, list):
                raise ConfigError(f"{path}: a vocabulary is a mapping with one key, 'entities', holding a list")
            for item in items:
                if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                    raise ConfigError(f"{path}: every entity needs an 'id'")
                where = f"{path}: entity {item['id']}"
                forms = _mapping_of_lists(item.get("forms"), f"{where}: 'forms'")
                related = _mapping_of_lists(item.get("related"), f"{where}: 'related'")
                entities[item["id"]] = Entity(
                    id=item["id"], type=item.get("type"), forms=forms,
                    any=_list_of_strings(item.get("any"), f"{where}: 'any'"),
                    cldr=_list_of_strings(item.get("cldr"), f"{where}: 'cldr'"),
                    related=related,
                )
    return Vocabulary(tuple(entities.values()))


def _list_of_strings(value, where: str) -> tuple[str, ...]:
    from ..errors import ConfigError

    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ConfigError(f"{where} must be a list of names, not {value!r}")
    return tuple(str(v) for v in value)


def _mapping_of_lists(value, where: str) -> dict[str, tuple[str, ...]]:
    from ..errors import ConfigError

    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must map locales to lists of names")
    return {str(k): _list_of_strings(v, f"{where}[{k}]") for k, v in value.items()}


@lru_cache(maxsize=1)
def _builtin_vocabulary() -> Vocabulary:
    """Kept with the built objects: a process that finds it on disk parses no YAML (7 ms)."""
    from ..builds import built_from

    return built_from("vocabulary", "builtin", _builtin_vocab_dir(), load_vocabulary)


def default_vocabulary() -> Vocabulary:
    """The vocabulary extraction uses when none is passed: the built-in one."""
    return _builtin_vocabulary()


def vocabulary_for(dirs: Sequence[Path | str]) -> Vocabulary:
    """The built-in vocabulary plus the ``vocab/`` folder of each of ``dirs`` (a configuration's
    ``rule-dirs``; a folder without ``vocab/`` adds nothing).  Loaded once per set of folders;
    the command line, the pytest plugin and each worker process pass it to the checks."""
    folders = tuple(str(Path(d) / "vocab") for d in dirs if (Path(d) / "vocab").is_dir())
    return _vocabulary_of(folders) if folders else _builtin_vocabulary()


@lru_cache(maxsize=8)
def _vocabulary_of(folders: tuple[str, ...]) -> Vocabulary:
    return load_vocabulary(folders)


@lru_cache(maxsize=64)
def gazetteer(locale: str) -> dict[str, tuple[str, str]]:
    """CLDR names of ``locale`` -> (entity id, type): territories, exemplar
    cities, languages, scripts and currencies (ヨーロッパ -> territory:150).
    Built once per locale and kept on disk between processes; Latin names keep their case (only
    capitalised ones)."""
    from ..builds import built

    return built("gazetteer", locale, lambda: _gazetteer(locale))


#: Hebrew's gershayim (״, an abbreviation: ארה״ב) and geresh (׳) as keyboards type them: the
#: quotation marks and apostrophes that stand in for them between two Hebrew letters
_GERSHAYIM_TYPED = {"\u05f4": '"“”', "\u05f3": "'’"}


def _typed_gershayim(name: str) -> list[str]:
    """``name`` with its gershayim or geresh written as each mark typed for it (none without one)."""
    out: list[str] = []
    for mark, typed in _GERSHAYIM_TYPED.items():
        if mark in name:
            out.extend(name.replace(mark, t) for t in typed)
    return out


def _without_optional_marks(name: str) -> str:
    """``name`` without the marks the Arabic and Hebrew scripts write only optionally: short vowels,
    shadda and sukun, the hamza above that marks Persian ezafe (کرهٔ), the superscript alef,
    tatweel, Hebrew points.  CLDR writes some of them; most text does not.

    >>> _without_optional_marks("کرهٔ شمالی") == "کره شمالی"
    True
    """
    decomposed = unicodedata.normalize("NFD", name)
    kept = "".join(c for c in decomposed if not (
        ("\u0591" <= c <= "\u05c7" or "\u0610" <= c <= "\u06ed" or "\u08d3" <= c <= "\u08ff" or c == "\u0640")
        and unicodedata.category(c) in ("Mn", "Lm")))
    return unicodedata.normalize("NFC", kept) if kept != decomposed else name


def _gazetteer(locale: str) -> dict[str, tuple[str, str]]:
    from ..locale.cldr import parse_locale

    out: dict[str, tuple[str, str]] = {}
    try:
        loc = parse_locale(locale)
    except Exception:
        return out

    # every territory's own names: a parenthesis that holds another territory's name qualifies a
    # name rather than giving another one (ru "Внешние малые острова (США)", uk "Віргінські
    # Острови (США)": islands of the United States, not the United States)
    own: dict[str, set[str]] = {}
    for code, name in [*loc.territories.items(), *_short_names().get(loc.language, {}).items()]:
        if isinstance(name, str):
            own.setdefault(unicodedata.normalize("NFKC", name).strip(), set()).add(f"territory:{code}")

    def add(name: object, ident: str, kind: str, *, acronym: bool = False) -> None:
        if not isinstance(name, str):
            return
        name = unicodedata.normalize("NFKC", name).strip()
        if "(" in name:
            # "Myanmar (Burma)", "Congo (DRC)": both names stand for the place
            head, _, rest = name.partition("(")
            for part in (head, rest.rstrip(")")):
                if "(" not in part and not (own.get(part.strip(), {ident}) - {ident}):
                    add(part, ident, kind)
            return
        if len(name) < 2:
            return
        if name[0].isascii() or "\u00c0" <= name[0] <= "\u024f" or "\u0400" <= name[0] <= "\u04ff":
            if not name[0].isupper() or len(name) < 3 and not (acronym and name.isupper()):
                return
        out.setdefault(name, (ident, kind))
        bare = _without_optional_marks(name)
        if bare != name and len(bare) >= 2:
            out.setdefault(bare, (ident, kind))  # fa کرهٔ شمالی is written کره شمالی as often
        for typed in _typed_gershayim(name):
            out.setdefault(typed, (ident, kind))  # he ארה״ב is typed ארה"ב and ארה“ב

    for code, name in loc.territories.items():
        if code not in ("ZZ", "QO", "EZ", "UN", "001"):  # not "the world"
            add(name, f"territory:{code}", "place")
    # CLDR's short names (en US, UK; ro S.U.A.; el ΗΠΑ), which babel lacks: locale/data/short_names.json
    for code, name in _short_names().get(loc.language, {}).items():
        if code not in ("ZZ", "QO", "EZ", "UN", "001"):
            add(name, f"territory:{code}", "place", acronym=True)
            letters = "".join(ch for ch in name if ch.isalpha())
            if letters.isupper() and 2 <= len(letters) <= 4 and set(name) <= set(letters) | set(". "):
                # an acronym is written with and without periods: U.S. and US, S.U.A. and SUA
                for form in (".".join(letters) + ".", letters):
                    add(form, f"territory:{code}", "place", acronym=True)
    zones = loc.time_zones
    for zone in _zone_ids():
        city = None
        try:
            info = zones.get(zone)
            city = info.get("city") if info is not None else None
        except Exception:  # pragma: no cover - babel data gaps
            city = None
        add(city or zone.rsplit("/", 1)[-1].replace("_", " "), f"city:{zone}", "place")
    for code, name in loc.languages.items():
        if "_" not in code:
            add(name, f"language:{code}", "language")
    for code, name in loc.scripts.items():
        add(name, f"script:{code}", "script")
    for code, name in loc.currencies.items():
        add(name, f"currency:{code}", "currency")
    return out


@lru_cache(maxsize=1)
def _short_names() -> dict[str, dict[str, str]]:
    """``locale/data/short_names.json``: language -> territory code -> CLDR's short name."""
    import json
    from importlib import resources

    try:
        return json.loads(resources.files("consistency.locale").joinpath("data/short_names.json").read_text("utf-8"))["names"]
    except (FileNotFoundError, OSError, ValueError, KeyError):
        return {}


@lru_cache(maxsize=4096)
def own_languages(ident: str) -> tuple[str, ...]:
    """The languages a gazetteer place is named in at home: CLDR's official languages (de jure or de
    facto) of its territory, or of the territory of a city's time zone (``city:Europe/Vienna`` ->
    ``("de",)``, ``territory:DK`` -> ``("da",)``); none for a region of several territories."""
    from babel.core import get_global
    from babel.languages import get_official_languages

    kind, _, code = ident.partition(":")
    if kind == "city":
        code = get_global("zone_territories").get(code, "")
    elif kind != "territory":
        return ()
    if len(code) != 2 or not code.isalpha():
        return ()
    return tuple(get_official_languages(code, de_facto=True))


#: a language official in more territories than this (CLDR: English, French, Spanish, Arabic,
#: Portuguese) is spoken far beyond one nation, so its name is no nation's adjective
NATIONAL_LANGUAGE_TERRITORIES = 7


@lru_cache(maxsize=4096)
def national_languages(ident: str) -> tuple[str, ...]:
    """The language whose name is also the adjective of territory ``ident`` (``territory:DK`` ->
    ``("da",)``: it ``danese``, sv ``dansk``; ``territory:DE`` -> ``("de",)``: it ``tedesco``, ar
    ``الألمانية``): the territory's one official language, if the territory is that language's
    likeliest (CLDR's likely subtags) and the language is official in at most
    :data:`NATIONAL_LANGUAGE_TERRITORIES` territories.  In many languages a nation's adjective and
    its language's name are one word; a territory of several official languages (India,
    Switzerland, Belgium) has none such."""
    from babel.core import get_global

    if not ident.startswith("territory:"):
        return ()
    code = ident[len("territory:"):]
    langs = {lang.split("_")[0] for lang in own_languages(ident)}  # uz and uz_Cyrl: one language
    if len(langs) != 1:
        return ()
    (lang,) = langs
    tag = str(get_global("likely_subtags").get(lang, ""))
    if tag.rsplit("_", 1)[-1] != code or _official_count().get(lang, 0) > NATIONAL_LANGUAGE_TERRITORIES:
        return ()
    return (lang,)


@lru_cache(maxsize=4096)
def national_adjectives(ident: str, locale: str) -> tuple[str, ...]:
    """CLDR's names in ``locale`` of the national languages of territory ``ident``
    (:func:`national_languages`), four letters or more, as written (lower case too: it ``danese``)."""
    from ..locale.cldr import parse_locale

    langs = national_languages(ident)
    if not langs:
        return ()
    try:
        loc = parse_locale(locale)
    except Exception:
        return ()
    names = (unicodedata.normalize("NFKC", str(loc.languages.get(lang) or "")).strip() for lang in langs)
    return tuple(n for n in names if len(n) >= 4)


@lru_cache(maxsize=1)
def _official_count() -> dict[str, int]:
    from babel.core import get_global

    count: dict[str, int] = {}
    for langs in get_global("territory_languages").values():
        for lang, info in langs.items():
            if info.get("official_status") in ("official", "de_facto_official"):
                count[lang] = count.get(lang, 0) + 1
    return count


@lru_cache(maxsize=1)
def _zone_ids() -> tuple[str, ...]:
    from babel.core import get_global

    return tuple(z for z in get_global("zone_territories") if "/" in z and not z.startswith("Etc/"))
