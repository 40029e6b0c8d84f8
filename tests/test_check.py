"""Laws of ``check`` on small generated articles (hypothesis).

Articles are built from paragraph templates written for these tests in
English, German, French and Japanese; the figures in them (money, quantities
with units, percentages, durations, years, head counts) are drawn by
hypothesis and rendered in each version's own language and number format
(babel's ``format_decimal`` for the digits).  Three laws:

* a version checked against an identical copy has no findings;
* versions that state the same figures in other words or another number
  format (de / de-CH / de-AT, en / en-IN, fr / fr-CH; en / de / fr / ja) have
  no findings;
* changing one figure (value x10 or +50 %, unit GW -> MW, year +-k) in one
  version yields a finding whose deviant location covers the change; with
  three versions the changed one is the deviant.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import tempfile
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import get_month_names
from babel.numbers import format_decimal
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from num2words import num2words

from consistency.cli import main

SETTINGS = settings(
    max_examples=int(os.environ.get("CHECK_MAX_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --------------------------------------------------------------------------------------------
# Figures and how each language writes them
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    kind: str  # money | power | distance | mass | percent | duration | year | count
    value: Decimal  # in `unit`; for money the full amount (8E+10), for a year the year
    unit: str = ""  # USD/EUR, GW/MW, km/m, t/kg, %, month/year/week/day
    scale: int = 0  # money only: 0 (written out), 6 (million) or 9 (billion)
    qualifier: str = ""  # "" | "more" (more than, counts) | "about" (percentages)
    month: int = 0  # month dates only: 1..12 (value is the year)


#: A unit and the other unit a careless translator might write with the same number.
SWAP = {"GW": "MW", "MW": "GW", "km": "m", "m": "km", "t": "kg", "kg": "t",
        "month": "year", "year": "month", "week": "day", "day": "week"}

#: Unit words per language: a list of forms (hypothesis picks one); regional
#: spellings under the full tag.
UNIT_WORDS = {
    "GW": {"en": ["gigawatts", "GW"], "de": ["Gigawatt", "GW"], "fr": ["gigawatts", "GW"], "ja": ["ギガワット", "GW"]},
    "MW": {"en": ["megawatts", "MW"], "de": ["Megawatt", "MW"], "fr": ["mégawatts", "MW"], "ja": ["メガワット", "MW"]},
    "km": {"en": ["kilometers", "km"], "en-GB": ["kilometres", "km"], "en-IN": ["kilometres", "km"],
           "de": ["Kilometer", "km"], "fr": ["kilomètres", "km"], "ja": ["キロメートル", "km"]},
    "m": {"en": ["meters"], "en-GB": ["metres"], "en-IN": ["metres"], "de": ["Meter"], "fr": ["mètres"],
          "ja": ["メートル"]},
    "t": {"en": ["tonnes"], "de": ["Tonnen"], "fr": ["tonnes"], "ja": ["トン"]},
    "kg": {"en": ["kilograms", "kg"], "de": ["Kilogramm", "kg"], "fr": ["kilogrammes", "kg"],
           "ja": ["キログラム", "kg"]},
    "month": {"en": ["months"], "de": ["Monate"], "fr": ["mois"], "ja": ["か月", "ヶ月"]},
    "year": {"en": ["years"], "de": ["Jahre"], "fr": ["ans"], "ja": ["年間"]},
    "week": {"en": ["weeks"], "de": ["Wochen"], "fr": ["semaines"], "ja": ["週間"]},
    "day": {"en": ["days"], "de": ["Tage"], "fr": ["jours"], "ja": ["日間"]},
}
PERCENT_FORMS = {"en": ["{n}%", "{n} percent"], "de": ["{n} Prozent", "{n} %"], "fr": ["{n}\u00a0%", "{n} pour cent"],
                 "ja": ["{n}%", "{n}パーセント"]}
COUNT_FORMS = {"en": ["{n} people"], "de": ["{n} Menschen"], "fr": ["{n} personnes"], "ja": ["{n}人"]}
MONEY_FORMS = {
    "en": {"USD": ["${n}{s}", "{n}{s} dollars", "US${n}{s}"], "EUR": ["€{n}{s}", "{n}{s} euros"]},
    "de": {"USD": ["{n}{s} Dollar", "{n}{s} US-Dollar"], "EUR": ["{n}{s} Euro"]},
    "fr": {"USD": ["{n}{s} dollars"], "EUR": ["{n}{s} euros"]},
}
SCALE_WORDS = {
    "en": {6: [" million"], 9: [" billion"]},
    "de": {6: [" Millionen", " Mio."], 9: [" Milliarden", " Mrd."]},
    "fr": {6: [" millions de"], 9: [" milliards de"]},
}
JA_CURRENCY = {"USD": ["ドル", "米ドル"], "EUR": ["ユーロ"]}
QUALIFIED = {
    "more": {"en": ["more than {x}"], "de": ["mehr als {x}"], "fr": ["plus de {x}"], "ja": ["{x}以上", "{x}超"]},
    "about": {"en": ["about {x}", "around {x}"], "de": ["rund {x}", "etwa {x}"], "fr": ["environ {x}"],
              "ja": ["約{x}"]},
}


def language(tag: str) -> str:
    return tag.split("-")[0]


def num(value: Decimal, tag: str) -> str:
    """``value`` in the digits of locale ``tag`` (babel)."""
    return format_decimal(value, locale=tag.replace("-", "_"), decimal_quantization=False)


def _pick(options: list[str], style: int) -> str:
    return options[style % len(options)]


def _unit_word(unit: str, tag: str, style: int) -> str:
    forms = UNIT_WORDS[unit]
    return _pick(forms.get(tag) or forms[language(tag)], style)


def _ja_amount(value: Decimal, tag: str) -> str:
    """8E+10 -> 800億, 1.25E+8 -> 1億2,500万, 1.5E+6 -> 150万 (digits otherwise)."""
    v = int(value)
    if v != value or v % 10**4 or v < 10**4:
        return num(value, tag)
    oku, man = divmod(v // 10**4, 10**4)
    return (f"{num(Decimal(oku), tag)}億" if oku else "") + (f"{num(Decimal(man), tag)}万" if man else "")


def known_bug_in_number_word(word: str) -> bool:
    """Number words the extractor misreads today (see the xfail tests at the
    end): German words with ß (dreißig), and acht / neuf, which are also
    ordinary words and so never pair with a differing figure.  Generated
    articles write these numbers in digits so that the laws test the rest."""
    return "ß" in word or word in ("acht", "neuf")


def render(fig: Figure, tag: str, style: int) -> str:
    """How a version in locale ``tag`` writes ``fig``."""
    text = _render(fig, tag, style)
    if fig.qualifier:
        text = _pick(QUALIFIED[fig.qualifier][language(tag)], style // 2).format(x=text)
    return text


def _render(fig: Figure, tag: str, style: int) -> str:
    lang = language(tag)
    if fig.kind == "month":
        if lang == "ja":
            return f"{fig.value}年{fig.month}月"
        name = get_month_names("wide", locale=tag.replace("-", "_"))[fig.month]
        return f"{name} {fig.value}"
    if fig.kind == "year":
        return str(fig.value)
    if fig.kind == "money":
        if lang == "ja":
            return _ja_amount(fig.value, tag) + _pick(JA_CURRENCY[fig.unit], style)
        mantissa = fig.value.scaleb(-fig.scale)
        scale = _pick(SCALE_WORDS[lang][fig.scale], style // 3) if fig.scale else ""
        form = _pick(MONEY_FORMS[lang][fig.unit], style)
        text = form.format(n=num(mantissa, tag), s=scale)
        if lang == "fr" and fig.scale and fig.unit == "EUR":
            text = text.replace(" de euros", " d’euros" if style % 2 else " d'euros")
        return text
    if fig.kind == "percent":
        return _pick(PERCENT_FORMS[lang], style).format(n=num(fig.value, tag))
    if fig.kind == "count":
        return _pick(COUNT_FORMS[lang], style).format(n=num(fig.value, tag))
    word = _unit_word(fig.unit, tag, style)
    digits = num(fig.value, tag)
    if fig.kind == "duration" and style % 3 == 2:  # spelled out: sechs Monate, six mois, 六か月
        word_form = num2words(int(fig.value), lang=lang)
        if not known_bug_in_number_word(word_form):
            digits = word_form
    if lang == "ja":
        return f"{digits}{word}"
    return f"{digits} {word}"


# --------------------------------------------------------------------------------------------
# Paragraph templates (written for these tests); {0} and {1} are figure slots
# --------------------------------------------------------------------------------------------

TEMPLATES: list[tuple[tuple[str, ...], dict[str, str]]] = [
    (("money", "year"), {
        "en": "The regional utility Nordwind plans to invest {0} in new transmission lines by {1}, its chief "
              "executive told shareholders on Tuesday.",
        "de": "Der regionale Versorger Nordwind will bis {1} insgesamt {0} in neue Übertragungsleitungen "
              "investieren, sagte der Vorstandschef am Dienstag vor den Aktionären.",
        "fr": "Le fournisseur régional Nordwind prévoit d'investir {0} dans de nouvelles lignes de transport "
              "d'ici {1}, a déclaré mardi son directeur général aux actionnaires.",
        "ja": "地域電力会社のノルトヴィントは、{1}年までに新しい送電線へ{0}を投資する計画だと、最高経営責任者が火曜日に株主に語った。",
    }),
    (("power",), {
        "en": "Once complete, the offshore wind farm is expected to feed {0} into the mainland grid.",
        "de": "Nach der Fertigstellung soll der Offshore-Windpark {0} in das Netz auf dem Festland einspeisen.",
        "fr": "Une fois achevé, le parc éolien en mer devrait injecter {0} dans le réseau continental.",
        "ja": "完成すれば、この洋上風力発電所は本土の送電網に{0}を供給する見込みだ。",
    }),
    (("percent", "duration"), {
        "en": "Electricity prices in the valley have gone up by {0}, the statistics office said, in a climb "
              "that lasted {1}.",
        "de": "Die Strompreise im Tal sind nach Angaben des Statistikamts um {0} gestiegen; der Anstieg "
              "dauerte {1}.",
        "fr": "Selon l'office statistique, les prix de l'électricité dans la vallée ont augmenté de {0}, une "
              "hausse qui a duré {1}.",
        "ja": "統計局によると、谷の電気料金は{0}上昇し、その上昇は{1}続いた。",
    }),
    (("count",), {
        "en": "The cooperative now employs {0} at its workshops in the north of the country.",
        "de": "Die Genossenschaft beschäftigt inzwischen {0} in ihren Werkstätten im Norden des Landes.",
        "fr": "La coopérative emploie désormais {0} dans ses ateliers du nord du pays.",
        "ja": "この協同組合は現在、国内北部の作業場で{0}を雇用している。",
    }),
    (("distance", "duration"), {
        "en": "The new rail link will stretch {0}, and construction is scheduled to take {1}.",
        "de": "Die neue Bahnstrecke wird {0} lang sein, und der Bau soll {1} dauern.",
        "fr": "La nouvelle liaison ferroviaire s'étendra sur {0} et les travaux devraient durer {1}.",
        "ja": "新しい鉄道路線の全長は{0}で、建設には{1}かかる予定だ。",
    }),
    (("mass", "money"), {
        "en": "Customs officers seized {0} of counterfeit sneakers worth {1} at the harbour.",
        "de": "Zollbeamte beschlagnahmten im Hafen {0} gefälschter Turnschuhe im Wert von {1}.",
        "fr": "Les douaniers ont saisi au port {0} de baskets contrefaites d'une valeur de {1}.",
        "ja": "税関職員は港で{1}相当の偽造スニーカー{0}を押収した。",
    }),
    (("percent",), {
        "en": "Turnout in the municipal elections reached {0}, the highest level in decades.",
        "de": "Die Wahlbeteiligung bei den Kommunalwahlen erreichte {0}, den höchsten Wert seit Jahrzehnten.",
        "fr": "La participation aux élections municipales a atteint {0}, son plus haut niveau depuis des décennies.",
        "ja": "市議会選挙の投票率は{0}に達し、近年で最も高い水準となった。",
    }),
    (("year", "count"), {
        "en": "The glass museum, which opened in {0}, welcomed {1} last summer.",
        "de": "Das Glasmuseum, das {0} eröffnet wurde, empfing im vergangenen Sommer {1}.",
        "fr": "Le musée du verre, ouvert en {0}, a accueilli {1} l'été dernier.",
        "ja": "{0}年に開館したガラス博物館には、昨年の夏に{1}が訪れた。",
    }),
    (("money",), {
        "en": "Analysts had expected the merger to be valued at {0}.",
        "de": "Analysten hatten erwartet, dass die Fusion mit {0} bewertet wird.",
        "fr": "Les analystes s'attendaient à ce que la fusion soit évaluée à {0}.",
        "ja": "アナリストは、この合併が{0}と評価されると予想していた。",
    }),
    (("duration", "power"), {
        "en": "Engineers needed {0} to repair the damaged turbine, which can generate {1}.",
        "de": "Ingenieure brauchten {0}, um die beschädigte Turbine zu reparieren, die {1} erzeugen kann.",
        "fr": "Les ingénieurs ont eu besoin de {0} pour réparer la turbine endommagée, qui peut produire {1}.",
        "ja": "技術者たちは、{1}を発電できる損傷したタービンの修理に{0}を要した。",
    }),
    (("month",), {
        "en": "The ferry service between the islands resumed in {0} after a long pause.",
        "de": "Der Fährdienst zwischen den Inseln wurde im {0} nach einer langen Pause wieder aufgenommen.",
        "fr": "Le service de ferry entre les îles a repris en {0} après une longue pause.",
        "ja": "島々を結ぶフェリーは、長い休止の後、{0}に運航を再開した。",
    }),
    (("month", "count"), {
        "en": "Since {0}, the clinic on the hill has treated {1}.",
        "de": "Seit {0} hat die Klinik auf dem Hügel {1} behandelt.",
        "fr": "Depuis {0}, la clinique sur la colline a soigné {1}.",
        "ja": "{0}以来、丘の上の診療所は{1}を治療してきた。",
    }),
]

LANGUAGES = ("en", "de", "fr", "ja")
#: Locale variants of one language whose number formats differ (babel).
VARIANTS = {
    "de": ["de", "de-CH", "de-AT"],
    "en": ["en", "en-IN"],
    "fr": ["fr", "fr-CH", "fr-CA"],
    "ja": ["ja"],
}

# --------------------------------------------------------------------------------------------
# Strategies
# --------------------------------------------------------------------------------------------


def _tenths(lo: int, hi: int):
    """Decimals with at most one decimal place in [lo/10, hi/10], integers shown plainly."""
    return st.integers(lo, hi).map(lambda n: (Decimal(n) / 10).normalize() if n % 10 else Decimal(n // 10))


@st.composite
def figures(draw, kind: str) -> Figure:
    if kind == "money":
        currency = draw(st.sampled_from(["USD", "EUR"]))
        scale = draw(st.sampled_from([0, 6, 9]))
        if scale:
            mantissa = draw(_tenths(20, 999))  # 2 .. 99.9 million/billion
            return Figure("money", mantissa.scaleb(scale), currency, scale)
        return Figure("money", Decimal(draw(st.integers(10, 9_999)) * 1_000), currency)
    if kind in ("power", "distance", "mass"):
        unit = draw(st.sampled_from({"power": ["GW", "MW"], "distance": ["km", "m"], "mass": ["t", "kg"]}[kind]))
        return Figure(kind, draw(_tenths(20, 999_999)), unit)
    if kind == "percent":
        return Figure(kind, draw(_tenths(20, 999)), "%", qualifier=draw(st.sampled_from(["", "", "about"])))
    if kind == "month":
        return Figure(kind, Decimal(draw(st.integers(1990, 2030))), month=draw(st.integers(1, 12)))
    if kind == "duration":
        return Figure(kind, Decimal(draw(st.integers(2, 60))), draw(st.sampled_from(["month", "year", "week", "day"])))
    if kind == "year":
        return Figure(kind, Decimal(draw(st.integers(1990, 2030))))
    if kind == "count":
        return Figure(kind, Decimal(draw(st.integers(10, 999_999))), qualifier=draw(st.sampled_from(["", "", "more"])))
    raise AssertionError(kind)


@dataclass(frozen=True)
class Article:
    paragraphs: tuple[int, ...]  # template indexes, all different
    figures: tuple[tuple[Figure, ...], ...]  # per paragraph, one per slot


@st.composite
def articles(draw) -> Article:
    n = draw(st.integers(3, 8))
    chosen = draw(st.permutations(range(len(TEMPLATES))))[:n]
    figs = tuple(tuple(draw(figures(kind)) for kind in TEMPLATES[t][0]) for t in chosen)
    return Article(tuple(chosen), figs)


def build(article: Article, tag: str, styles: list[int] | None = None) -> tuple[str, list[list[tuple[int, int]]]]:
    """The text of ``article`` in locale ``tag`` and the span of each figure."""
    lang = language(tag)
    parts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    offset = 0
    k = 0
    for p, (t, figs) in enumerate(zip(article.paragraphs, article.figures)):
        if p:
            parts.append("\n\n")
            offset += 2
        template = TEMPLATES[t][1][lang]
        para_spans: list[tuple[int, int]] = [(0, 0)] * len(figs)
        last = 0
        for m in re.finditer(r"\{(\d)\}", template):
            literal = template[last:m.start()]
            parts.append(literal)
            offset += len(literal)
            slot = int(m.group(1))
            style = styles[k % len(styles)] if styles else 0
            k += 1
            text = render(figs[slot], tag, style)
            parts.append(text)
            para_spans[slot] = (offset, offset + len(text))
            offset += len(text)
            last = m.end()
        parts.append(template[last:])
        offset += len(template) - last
        spans.append(para_spans)
    parts.append("\n")
    text = "".join(parts)
    assert len(text) == offset + 1
    return text, spans


def mutate(fig: Figure, how: str, k: int) -> Figure:
    """``fig`` changed clearly beyond rounding."""
    if fig.kind == "year":
        return replace(fig, value=fig.value + k)
    if fig.kind == "month":
        if how == "x10":  # another year
            return replace(fig, value=fig.value + k)
        months = int(fig.value) * 12 + fig.month - 1 + k  # another month
        return replace(fig, value=Decimal(months // 12), month=months % 12 + 1)
    if how == "unit" and fig.unit in SWAP:
        return replace(fig, unit=SWAP[fig.unit])
    if how == "x10":
        return replace(fig, value=fig.value * 10)
    value = fig.value * Decimal("1.5")
    if len(fig.value.normalize().as_tuple().digits) == 1:
        # one significant digit (2 GW, 1万ドル, about 2 %) may be rounded
        # from anything up to +50 %: triple it to be clearly outside
        value = fig.value * 3
    if fig.kind in ("duration", "count") or (fig.kind == "money" and not fig.scale):
        value = Decimal(math.ceil(value))
    return replace(fig, value=value.normalize() if value != value.to_integral_value() else value.quantize(1))


# --------------------------------------------------------------------------------------------
# Running the CLI in-process
# --------------------------------------------------------------------------------------------


def run_check(*args: str) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(["check", *args, "--format", "json"])
    assert rc in (0, 1), err.getvalue()
    return rc, json.loads(out.getvalue()), err.getvalue()


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def describe_findings(data: dict) -> str:
    lines = []
    for f in data["findings"]:
        lines.append(f"{f['rule']} {f['message']}")
        for loc in f["locations"]:
            lines.append(f"    {loc['role']} {loc['locale']} [{loc['start']}, {loc['end']}) {loc['text'][:60]!r}")
    return "\n".join(lines)


_DIGIT_GROUP_QUOTE = re.compile(r"\d[’']\d{3}|^[’']\d{3}|\d[’']$")


def unexplained(data: dict) -> list[dict]:
    """The findings, less those of a known bug: QUO003 taking the Swiss group
    separator ’ (1’000) for a quotation mark, see
    test_swiss_digit_group_separators_are_not_quotation_marks."""
    return [f for f in data["findings"]
            if not (f["rule"].startswith("QUO") and any(_DIGIT_GROUP_QUOTE.search(loc["text"])
                                                        for loc in f["locations"]))]


def canonical(tags: list[str]) -> list[str]:
    """The engine's canonical order of versions (README: without a source, English first)."""
    return sorted(tags, key=lambda t: (t.split("-")[0] != "en", t))


def covering(data: dict, path: str, span: tuple[int, int]) -> list[dict]:
    """Figure findings (not coverage) whose deviant location in ``path`` covers ``span``."""
    out = []
    for f in data["findings"]:
        if f["category"] == "coverage":
            continue
        for loc in f["locations"]:
            if loc["role"] == "deviant" and loc["path"] == path and loc["start"] <= span[0] and span[1] <= loc["end"]:
                out.append(f)
                break
    return out


def changed_span(old: str, new: str, start: int) -> tuple[int, int]:
    """Where ``new`` (written at ``start``) differs from ``old``: the smallest span covering the edit."""
    i = 0
    while i < min(len(old), len(new)) and old[i] == new[i]:
        i += 1
    j = 0
    while j < min(len(old), len(new)) - i and old[-1 - j] == new[-1 - j]:
        j += 1
    lo, hi = start + i, start + len(new) - j
    return (lo, max(hi, lo + 1) if hi <= lo else hi)


styles_st = st.lists(st.integers(0, 11), min_size=1, max_size=6)

# --------------------------------------------------------------------------------------------
# 1. identical copies
# --------------------------------------------------------------------------------------------


@SETTINGS
@given(article=articles(), tag=st.sampled_from([t for ts in VARIANTS.values() for t in ts]), styles=styles_st)
def test_identical_copy_has_no_findings(article, tag, styles):
    text, _ = build(article, tag, styles)
    note(text)
    with tempfile.TemporaryDirectory() as tmp:
        a = Path(tmp, "a")
        b = Path(tmp, "b")
        a.mkdir()
        b.mkdir()
        pa = write(a, f"article.{tag}.txt", text)
        pb = write(b, f"article.{tag}.txt", text)
        rc, data, _ = run_check(pa, pb)
    assert data["findings"] == [], describe_findings(data)
    assert rc == 0


#: Locales with a language pack but no templates here: identical copies of
#: arbitrary prose with figures in the locale's digits must not be reported.
OTHER_LOCALES = ["es", "it", "nl", "pt", "pt-PT", "ru", "ko", "zh", "zh-Hant", "hi", "sv", "pl", "tr", "ar"]
_WORDS = st.sampled_from(["alpha", "beta", "río", "straße", "город", "도시", "都市", "नगर", "ville", "the", "of",
                          "%", "km", "€", "$", "kg", "GW", "年", "万", "億", "Mio.", "mil", "million", "(", ")", ",",
                          ".", "—", "-", "/", ":"])


@st.composite
def prose(draw, tag: str) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(2, 6))):
        tokens = []
        for _ in range(draw(st.integers(3, 25))):
            if draw(st.booleans()):
                value = draw(st.decimals(min_value=0, max_value=10**9, places=draw(st.integers(0, 2)),
                                         allow_nan=False, allow_infinity=False))
                tokens.append(num(value, tag))
            else:
                tokens.append(draw(_WORDS))
        paragraphs.append(" ".join(tokens))
    return "\n\n".join(paragraphs) + "\n"


@SETTINGS
@given(data=st.data(), tag=st.sampled_from(OTHER_LOCALES))
def test_identical_copy_of_any_prose_has_no_findings(data, tag):
    text = data.draw(prose(tag))
    with tempfile.TemporaryDirectory() as tmp:
        pa = write(Path(tmp), f"one.{tag}.txt", text)
        pb = write(Path(tmp), f"two.{tag}.txt", text)
        rc, found, _ = run_check(pa, pb)
    assert found["findings"] == [], describe_findings(found)
    assert rc == 0


# --------------------------------------------------------------------------------------------
# 2. the same figures in another number format or another language
# --------------------------------------------------------------------------------------------


@SETTINGS
@given(article=articles(), lang=st.sampled_from(["de", "en", "fr"]), data=st.data())
def test_locale_variants_of_the_same_language_agree(article, lang, data):
    tag_a, tag_b = data.draw(st.permutations(VARIANTS[lang]))[:2]
    styles_a, styles_b = data.draw(styles_st), data.draw(styles_st)
    text_a, _ = build(article, tag_a, styles_a)
    text_b, _ = build(article, tag_b, styles_b)
    note(text_a)
    note(text_b)
    with tempfile.TemporaryDirectory() as tmp:
        rc, found, _ = run_check(write(Path(tmp), f"article.{tag_a}.txt", text_a),
                                 write(Path(tmp), f"article.{tag_b}.txt", text_b))
    assert unexplained(found) == [], describe_findings(found)


@SETTINGS
@given(article=articles(), data=st.data())
def test_translations_stating_the_same_figures_agree(article, data):
    tags = data.draw(st.lists(st.sampled_from(LANGUAGES), min_size=2, max_size=3, unique=True))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for tag in tags:
            text, _ = build(article, tag, data.draw(styles_st))
            note(text)
            paths.append(write(Path(tmp), f"article.{tag}.txt", text))
        rc, found, _ = run_check(*paths)
    assert unexplained(found) == [], describe_findings(found)


# --------------------------------------------------------------------------------------------
# 3. one changed figure is found, in the changed version
# --------------------------------------------------------------------------------------------


@st.composite
def edits(draw, article: Article):
    p = draw(st.integers(0, len(article.paragraphs) - 1))
    slot = draw(st.integers(0, len(article.figures[p]) - 1))
    fig = article.figures[p][slot]
    hows = ["x10", "plus50"] + (["unit"] if fig.unit in SWAP else [])
    how = draw(st.sampled_from(hows))
    new = mutate(fig, how, draw(st.sampled_from([-2, -1, 1, 2, 5])))
    assert new != fig
    figs = list(article.figures)
    para = list(figs[p])
    para[slot] = new
    figs[p] = tuple(para)
    return p, slot, how, Article(article.paragraphs, tuple(figs))


def _check_changed(article: Article, changed: Article, p: int, slot: int, tags: list[str], mutated: str,
                   styles: dict[str, list[int]], order: list[str]):
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for tag in tags:
            source = changed if tag == mutated else article
            text, spans = build(source, tag, styles[tag])
            note(f"--- {tag}{' (changed)' if tag == mutated else ''}\n{text}")
            paths[tag] = write(Path(tmp), f"article.{tag}.txt", text)
            if tag == mutated:
                old_text, old_spans = build(article, tag, styles[tag])
                s, e = spans[p][slot]
                os_, oe = old_spans[p][slot]
                edit = changed_span(old_text[os_:oe], text[s:e], s)
        rc, found, _ = run_check(*[paths[t] for t in order])
    note(describe_findings(found))
    hits = covering(found, paths[mutated], edit)
    assert hits, f"no finding covers {edit} in {mutated}:\n{describe_findings(found)}"
    return found


@SETTINGS
@given(article=articles(), data=st.data())
def test_a_changed_figure_is_reported_between_two_versions(article, data):
    tags = data.draw(st.lists(st.sampled_from(LANGUAGES), min_size=2, max_size=2, unique=True))
    p, slot, how, changed = data.draw(edits(article))
    note(f"paragraph {p} slot {slot}: {article.figures[p][slot]} -> {changed.figures[p][slot]} ({how})")
    # two versions cannot tell which one is wrong: without a declared source the reference is
    # the canonical first version (English, else the first locale), whatever order the paths
    # are given in; so the changed version is the other one
    styles = {t: data.draw(styles_st) for t in tags}
    order = data.draw(st.permutations(tags))
    _check_changed(article, changed, p, slot, tags, canonical(tags)[1], styles, order)


@SETTINGS
@given(article=articles(), data=st.data())
def test_a_changed_figure_is_reported_with_a_declared_source(article, data):
    tags = data.draw(st.lists(st.sampled_from(LANGUAGES), min_size=2, max_size=2, unique=True))
    p, slot, how, changed = data.draw(edits(article))
    note(f"paragraph {p} slot {slot}: {article.figures[p][slot]} -> {changed.figures[p][slot]} ({how})")
    styles = {t: data.draw(styles_st) for t in tags}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for tag in tags:
            text, spans = build(changed if tag == tags[0] else article, tag, styles[tag])
            paths[tag] = write(Path(tmp), f"article.{tag}.txt", text)
            if tag == tags[0]:
                old_text, old_spans = build(article, tag, styles[tag])
                edit = changed_span(old_text[slice(*old_spans[p][slot])], text[slice(*spans[p][slot])],
                                    spans[p][slot][0])
        # the changed version first: only --source makes the other the reference
        rc, found, _ = run_check(paths[tags[0]], paths[tags[1]], "--source", tags[1])
    note(describe_findings(found))
    assert covering(found, paths[tags[0]], edit), describe_findings(found)


@SETTINGS
@given(article=articles(), data=st.data())
def test_a_changed_figure_makes_its_version_the_deviant_among_three(article, data):
    tags = ["en", "de", "ja"]
    mutated = data.draw(st.sampled_from(tags))
    order = data.draw(st.permutations(tags))
    p, slot, how, changed = data.draw(edits(article))
    note(f"paragraph {p} slot {slot}: {article.figures[p][slot]} -> {changed.figures[p][slot]} ({how}) in {mutated}")
    styles = {t: data.draw(styles_st) for t in tags}
    found = _check_changed(article, changed, p, slot, tags, mutated, styles, list(order))
    # no other version is blamed for a figure
    for f in found["findings"]:
        if f["category"] not in ("quantity", "date"):
            continue
        deviant = {loc["locale"] for loc in f["locations"] if loc["role"] == "deviant"}
        assert deviant == {mutated}, describe_findings(found)


@SETTINGS
@given(article=articles(), data=st.data())
def test_a_changed_figure_is_found_between_locale_variants(article, data):
    lang = data.draw(st.sampled_from(["de", "en", "fr"]))
    tag_a, tag_b = data.draw(st.permutations(VARIANTS[lang]))[:2]
    p, slot, how, changed = data.draw(edits(article))
    note(f"paragraph {p} slot {slot}: {article.figures[p][slot]} -> {changed.figures[p][slot]} ({how})")
    styles = {t: data.draw(styles_st) for t in (tag_a, tag_b)}
    _check_changed(article, changed, p, slot, [tag_a, tag_b], canonical([tag_a, tag_b])[1], styles, [tag_a, tag_b])


# --------------------------------------------------------------------------------------------
# Bugs found by the laws above, as plain examples (the first two were xfail until 3ea4263 fixed them)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag, text", [("fr", "1\u202f000\u202f000 dollars"), ("fr", "2 050 000 dollars"),
                                       ("fr-CH", "1\u202f000\u202f000 dollars")])
def test_french_millions_with_space_groups_are_read_whole(tag, text):
    from consistency.extract import extract_claims

    claims = extract_claims(text, tag)
    assert [(c.kind.value, c.text) for c in claims] == [("money", text)]


@pytest.mark.parametrize("text, unit", [("2GWの電力", "gigawatt"), ("送電網に20GWを供給する", "gigawatt"),
                                        ("5kmの道路", "kilometer"), ("10kgを押収した", "kilogram")])
def test_japanese_latin_unit_symbol_before_a_particle(text, unit):
    from consistency.extract import extract_claims

    claims = extract_claims(text, "ja")
    assert [(c.kind.value, c.unit) for c in claims] == [("quantity", unit)]


def test_the_same_amount_in_another_currency_is_reported(tmp_path):
    en = write(tmp_path, "article.en.txt", "The utility will invest $80 billion in the grid.\n")
    de = write(tmp_path, "article.de.txt", "Der Versorger investiert 80 Milliarden Euro in das Netz.\n")
    rc, found, _ = run_check(en, de, "--source", "en")
    text = Path(de).read_text(encoding="utf-8")
    start = text.index("Euro")
    assert covering(found, de, (start, start + 4)), describe_findings(found)


@pytest.mark.parametrize("tag, text, kind, unit", [
    ("en-GB", "It costs $80 billion.", "money", "USD"),
    ("en-IN", "The road is 120 kilometers long.", "quantity", "kilometer"),
    ("en-GB", "The road is 120 meters long.", "quantity", "meter"),
    ("de-CH", "Es kostet 80 Mio. €.", "money", "EUR"),
    ("zh-Hant", "重量為 5 kg。", "quantity", "kilogram"),
    ("fr-CA", "La route fait 5 miles.", "quantity", "mile"),
])
def test_regional_locales_read_what_their_language_reads(tag, text, kind, unit):
    from consistency.extract import extract_claims

    base = extract_claims(text, tag.split("-")[0])
    assert [(c.kind.value, c.unit) for c in base] == [(kind, unit)], "the language itself reads it"
    assert [(c.kind.value, c.unit) for c in extract_claims(text, tag)] == [(kind, unit)]


def test_a_wrong_dollar_amount_in_a_british_version_is_a_mismatch(tmp_path):
    en = write(tmp_path, "article.en.txt", "The utility will invest $80 billion in the grid.\n")
    gb = write(tmp_path, "article.en-GB.txt", "The utility will invest $8 billion in the grid.\n")
    rc, found, _ = run_check(en, gb)
    assert [f["rule"] for f in found["findings"]] == ["QTY001"], describe_findings(found)
    assert rc == 1


@pytest.mark.parametrize("tag, text, real", [
    ("en", "They won a $5 million grant.", "$5 million"),
    ("en", "It was an €80 billion plan.", "€80 billion"),
    ("en", "The A$5 million fund opened.", "A$5 million"),
])
def test_a_currency_symbol_belongs_to_the_number_after_it(tag, text, real):
    from consistency.extract import extract_claims

    assert [c.text for c in extract_claims(text, tag)] == [real]


@pytest.mark.parametrize("text, value", [("dreißig Monate", 30), ("einunddreißig Tage", 31),
                                         ("neununddreißig Wochen", 39)])
def test_german_number_words_with_sharp_s(text, value):
    from consistency.extract import extract_claims

    assert [(c.kind.value, c.value) for c in extract_claims(f"Der Bau dauerte {text}.", "de")] == \
        [("duration", Decimal(value))]


@pytest.mark.parametrize("tag, text, wrong", [
    ("de", "Der Bau soll acht Monate dauern.", "Construction is to take 8 years."),
    ("de", "Der Bau soll acht Monate dauern.", "Construction is to take 5 months."),
    ("fr", "Les travaux devraient durer neuf mois.", "Construction is to take 9 years."),
])
def test_a_unit_after_an_ambiguous_number_word_makes_it_a_figure(tmp_path, tag, text, wrong):
    src = write(tmp_path, f"article.{tag}.txt", text + "\n")
    en = write(tmp_path, "article.en.txt", wrong + "\n")
    rc, found, _ = run_check(src, en, "--source", tag)
    assert [f["rule"] for f in found["findings"]] == ["QTY001"], describe_findings(found)


def test_swiss_digit_group_separators_are_not_quotation_marks(tmp_path):
    de = write(tmp_path, "article.de.txt",
               "Zollbeamte beschlagnahmten im Hafen 1.000 Tonnen gefälschter Turnschuhe im Wert von 10.000 Dollar.\n")
    ch = write(tmp_path, "article.de-CH.txt",
               "Zollbeamte beschlagnahmten im Hafen 1’000 Tonnen gefälschter Turnschuhe im Wert von 10’000 Dollar.\n")
    rc, found, _ = run_check(de, ch)
    assert found["findings"] == [], describe_findings(found)
    assert rc == 0
