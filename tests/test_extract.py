"""Extraction: what is a figure and what is not (issue: foundation and figure extraction)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from consistency import extract_claims
from consistency.locale.cldr import tables


def one(text: str, locale: str):
    claims = extract_claims(text, locale)
    assert len(claims) == 1, claims
    return claims[0]


def values(text: str, locale: str) -> list[str]:
    return [c.text for c in extract_claims(text, locale)]


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Version 2.4.1 is out; see v3.2 later.", "en"),
        ("The server at 192.168.10.20 answered.", "en"),
        ("Call 0800 555 123 or +49 30 1234 5678 now.", "de"),
        ("Bel 0800 555 123, of mail ons.", "nl"),  # a comma after the last group ends the number
        ("اتصلوا على الرقم 111 555 0800 الآن.", "ar"),  # the number as right-to-left text shows it
        ("Kapal tiba pukul 0100 dengan kode 007.", "id"),  # leading zeros: no quantity
        ("Rufen Sie 030/1234567 an.", "de"),
        ("Read https://example.org/report-2024/page3 for details.", "en"),
        ("Write to press2024@example.org.", "en"),
        ("Run `sleep 30` and wait.", "en"),
        ("%d files, %(count)s items, {n} rows, {{limit}} cells, %1$s", "en"),
        ("今回の会議は成功した。", "ja"),
        ("The GPT-4 model and COVID-19 and the A320.", "en"),
        ("It finished 4-1 after a 2–0 lead.", "en"),
        ("The meeting starts at 10:30 and ends at 7.55pm.", "en"),
        ("会議は午前9時半に始まった。", "ja"),
        ("一部の議員は一時停止を求めた。", "ja"),
    ],
)
def test_not_claims(text, locale):
    assert extract_claims(text, locale) == [], extract_claims(text, locale)


@pytest.mark.parametrize("locale", ["ff_Adlm", "ar", "fr", "de_CH", "en"])
def test_a_group_of_digits_starting_with_zero_is_no_leading_zero_number(locale):
    """0100 alone is a time or a code, but 1,007,000 has a group 007 after any group sign (the
    fuzz profile found ff-Adlm's ⹁ once the rule listed the signs it knew)."""
    from babel.numbers import format_decimal

    written = format_decimal(131_007_000, locale=locale, numbering_system="latn")
    assert [c.value for c in extract_claims(written, locale.replace("_", "-"))] == [Decimal(131_007_000)]


@pytest.mark.parametrize(("text", "locale", "value"), [
    ("彼は第3位に入った。", "ja", "3"), ("Der 3. Platz ging an Berlin.", "de", "3"),
    ("The 5G network and 4th place.", "en", "4"), ("His 21st birthday.", "en", "21"),  # not 21 stones
    ("Hun vandt på 16. hul i går.", "da", "16"), ("le 16e arrondissement", "fr", "16"),
])
def test_an_ordinal_in_digits_is_a_claim_of_its_own_kind(text, locale, value):
    """Positions are compared with the other versions' positions, never with counts (16th is no
    16 km), and never reported missing."""
    [c] = extract_claims(text, locale)
    assert (c.kind.value, str(c.value)) == ("ordinal", value)


def test_full_width_digits_and_offsets():
    text = "総額は８００億ドルだった。"
    c = one(text, "ja")
    assert (c.value, c.unit) == (Decimal("8E+10"), "USD")
    assert text[c.start:c.end] == "８００億ドル"


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("三百五十万人", "ja", "3500000"),
        ("1兆2000億円", "ja", "1.2E+12"),
        ("1億2万人", "ja", "100020000"),
        ("1.2万亿美元", "zh", "1.2E+12"),
        ("两千人", "zh", "2000"),
        ("1조 2000억 원", "ko", "1.2E+12"),
        ("1,50,000 crore", "en-IN", "1.5E+12"),
        ("2.000,5 Tonnen", "de", "2000.5"),
        ("2,000.5 tons", "en", "2000.5"),
        ("2 000,5 tonnes", "fr", "2000.5"),
        ("2'000.5 Tonnen", "de-CH", "2000.5"),
        ("dreiundzwanzig Mitarbeiter", "de", "23"),
        ("quatre-vingt-douze ans", "fr", "92"),
        ("twenty-one people", "en", "21"),
        ("eine Million Menschen", "de", "1E+6"),
    ],
)
def test_numbers_in_all_scripts(text, locale, value):
    assert one(text, locale).value == Decimal(value)


@pytest.mark.parametrize(
    ("text", "locale", "unit", "low", "high"),
    [
        ("über 2 Gigawatt", "de", "gigawatt", "2", None),
        ("2ギガワット以上", "ja", "gigawatt", "2", None),
        ("knapp 2 GW", "de", "gigawatt", "1.8", "2"),
        ("約3.5%", "ja", "percent", "3.325", "3.675"),
        ("2–3 GW", "en", "gigawatt", "2", "3"),
        ("2〜3ギガワット", "ja", "gigawatt", "2", "3"),
        ("数兆ドル", "ja", "USD", "2E+12", "9E+12"),
        ("Billionen Dollar", "de", "USD", "2E+12", "9.99E+14"),
        ("several million people", "en", None, "2E+6", "9E+6"),
    ],
)
def test_qualifiers_shape_the_interval(text, locale, unit, low, high):
    c = one(text, locale)
    assert c.unit == unit
    assert c.low == (Decimal(low) if low else None)
    assert c.high == (Decimal(high) if high else None)


def test_more_than_is_open_and_at_least_closed():
    assert one("über 2 GW", "de").low_open is True
    assert one("2ギガワット以上", "ja").low_open is False


@pytest.mark.parametrize(
    ("text", "locale", "label", "low", "high"),
    [
        ("2022年後半", "ja", "2022-H2", "2022-07-01", "2022-12-31"),
        ("Ende 2022", "de", "2022-end", "2022-10-01", "2022-12-31"),
        ("Q3 2024", "en", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("im dritten Quartal 2024", "de", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("2025会計年度", "ja", "FY2025", None, None),
        ("Geschäftsjahr 2025", "de", "FY2025", None, None),
        ("fiscal year 2025", "en", "FY2025", None, None),
        ("第3四半期", "ja", "Q3", None, None),
        ("3. Oktober 2024", "de", "2024-10-03", "2024-10-03", "2024-10-03"),
        ("in the 1930s", "en", "1930s", "1930-01-01", "1939-12-31"),
        ("1950-53", "en", "1950/1953", "1950-01-01", "1953-12-31"),
    ],
)
def test_dates_and_periods(text, locale, label, low, high):
    c = [c for c in extract_claims(text, locale) if c.kind.value == "date"][0]
    assert c.label == label
    assert (c.low.isoformat() if c.low else None) == low
    assert (c.high.isoformat() if c.high else None) == high


def test_years_versus_counts():
    assert one("im Jahr 2025", "de").kind.value == "date"
    assert one("etwa 2000 Soldaten", "de").kind.value == "count"
    assert one("2,000 troops", "en").kind.value == "count"


@pytest.mark.parametrize(("text", "locale", "kind"), [
    ("A meta é liderar até 2030.", "pt", "date"),           # until 2030
    ("Quiere liderar hasta 2030, dijo.", "es", "date"),
    ("The plan runs up to 2030.", "en", "date"),
    ("Até 2030 pessoas vieram.", "pt", "count"),           # up to 2030 people
    ("Die Halle fasst bis zu 2000 Menschen.", "de", "count"),
    ("Cerca de 2030 vieram.", "pt", "count"),               # about 2030 (people): no time limit
])
def test_an_upper_bound_on_a_year_that_ends_its_clause_is_a_time_limit(text, locale, kind):
    assert one(text, locale).kind.value == kind


@pytest.mark.parametrize(
    ("text", "locale", "unit", "value"),
    [
        ("6か月", "ja", "month", "6"),
        ("sechs Monaten", "de", "month", "6"),
        ("5 miles", "en", "mile", "5"),
        ("72°F", "en", "degree_Fahrenheit", "72"),
        ("27 ºC", "de", "degree_Celsius", "27"),
        ("85 mph", "en", "mile/hour", "85"),
        ("時速136キロ", "ja", "kilometer/hour", "136"),
        ("1時間半", "ja", "hour", "1.5"),
        ("6 feet 6 inches", "en", "inch", "78"),
        ("a 6-foot-6 forward", "en", "inch", "78"),    # a height in feet and inches
        ("the 5-foot-11 guard", "en", "inch", "71"),
        ("He is 6′6″ tall", "en", "inch", "78"),       # the prime and double prime, any language
        ("с ръст 5′ 11″", "bg", "inch", "71"),
        ("fa 1,98 m d'alçada", "ca", "meter", "1.98"),  # m: the metre's symbol, also CLDR's month here
        ("va durar 2 mesos", "ca", "month", "2"),
        ("2 MW de potència", "ca", "megawatt", "2"),
        ("3,5 Prozent", "de", "percent", "3.5"),
        ("35 процента", "ru", "percent", "35"),
        ("5パーセント", "ja", "percent", "5"),
    ],
)
def test_units(text, locale, unit, value):
    c = one(text, locale)
    assert (c.unit, c.value) == (unit, Decimal(value))


@pytest.mark.parametrize("text, locale, unit", [
    ("Mvula ya mainchesi 10 m'malo ena.", "ny", None),   # m' elided: "in places", no metre
    ("Ils ont couru 10 km d'affilée.", "fr", "kilometer"),
    ("Koşu 100 m'lik bir pistte.", "tr", "meter"),       # Turkish writes a case ending so
    ("It held more than a day's worth.", "en", "day"),   # a word keeps its possessive
])
def test_a_unit_symbol_before_an_elision_is_none(text, locale, unit):
    assert [c.unit for c in extract_claims(text, locale)] == [unit]


@pytest.mark.parametrize("text, locale, expected", [
    ("She is 100 percent certain that it happened.", "en", []),   # an intensifier (the packs' excluded)
    ("He said he was a hundred per cent sure.", "en", []),
    ("I'm 100% confident in the team.", "en", []),
    ("Sie sei 100%ig sicher, dass es geschah.", "de", []),
    ("The farm is 100 percent renewable.", "en", ["percent"]),   # a figure
    ("They sold 100 percent of certain stocks.", "en", ["percent"]),
    ("Der Hof ist zu 100 Prozent erneuerbar.", "de", ["percent"]),
])
def test_a_hundred_percent_of_certainty_is_no_figure(text, locale, expected):
    assert [c.unit for c in extract_claims(text, locale)] == expected


def test_an_angle_in_minutes_and_seconds_is_no_height():
    assert not [c for c in extract_claims("at 40°26′46″ north", "en") if c.unit == "inch"]


@pytest.mark.parametrize(
    ("text", "locale", "currency", "value"),
    [
        ("$1.2bn", "en", "USD", "1.2E+9"),
        ("€500m", "en", "EUR", "5E+8"),
        ("1,2 Mrd. Euro", "de", "EUR", "1.2E+9"),
        ("80 Mrd. US-Dollar", "de", "USD", "8E+10"),
        ("800亿美元", "zh", "USD", "8E+10"),
        ("800억 달러", "ko", "USD", "8E+10"),
        ("USD 5", "en", "USD", "5"),
        ("billions of dollars", "en", "USD", None),
    ],
)
def test_money(text, locale, currency, value):
    c = one(text, locale)
    assert c.unit == currency
    assert c.value == (Decimal(value) if value else None)


def test_precision_follows_the_written_digits():
    assert one("800億ドル", "ja").precision == Decimal("1E+8")
    assert one("2.5 GW", "en").precision == Decimal("0.1")
    assert one("80 Milliarden Dollar", "de").precision == Decimal("1E+9")


def test_every_babel_locale_has_tables():
    from babel.localedata import locale_identifiers

    broken = []
    for tag in locale_identifiers():
        try:
            tab = tables(tag)
            assert tab.decimal and tab.group is not None
        except Exception as exc:  # pragma: no cover - reported below
            broken.append((tag, exc))
    assert broken == []


def test_unknown_locale_is_a_locale_error():
    from consistency.errors import LocaleError

    with pytest.raises(LocaleError):
        extract_claims("5", "xx-NOPE")
    with pytest.raises(ValueError):  # LocaleError is also a ValueError
        extract_claims("5", "")


SEED_FIGURES = {
    "ja": ["2022年後半", "2年間", "6か月", "2ギガワット以上", "数兆ドル", "2025会計年度", "800億ドル", "2つ"],
    "de": ["Ende 2022", "Zwei Jahre", "sechs Monaten", "über 2 Gigawatt", "Billionen Dollar",
           "Geschäftsjahr 2025", "80 Milliarden Dollar", "nur zwei"],
}


@pytest.mark.parametrize("locale", ["ja", "de"])
def test_every_figure_of_the_seed_article(corpus, locale):
    text = (corpus / "microsoft-ai-strategy" / f"{locale}.txt").read_text(encoding="utf-8")
    first_25 = "\n\n".join(text.split("\n\n")[:25])
    found = values(first_25, locale)
    for figure in SEED_FIGURES[locale]:
        assert any(figure in f for f in found), (figure, found)


def test_a_cldr_unit_name_that_is_a_common_word_is_no_unit():
    # Persian بار is CLDR's name of the bar (pressure) and the everyday word for "times":
    # "دو بار" is "twice" (data: ambiguous_surfaces in locale/data/cldr_units.json)
    assert not [c for c in extract_claims("آن را دو بار برای او فرستاد.", "fa") if c.unit == "bar"]


@pytest.mark.parametrize("text, locale", [
    ("Yüz kişi meydanda toplandı.", "tr"),     # Turkish has no pack: "yüz" may be "hundreds" (yüzlerce)
    ("Прийшло сто людей.", "uk"),
    ("Přišlo tisíc lidí.", "cs"),
])
def test_a_bare_round_word_is_weak_where_no_vague_amounts_are_known(text, locale):
    """A word for a hundred or a thousand alone, in a language whose words for "several" the tool
    does not know, agrees with the same figure but is never reported on its own."""
    claims = [c for c in extract_claims(text, locale) if c.value is not None]
    assert claims and all(c.weak for c in claims), claims


@pytest.mark.parametrize("text, locale, value", [
    ("Bugün iki yüz kişi meydanda toplandı.", "tr", 200),   # a number before it: exact
    ("Прийшло сто двадцять людей.", "uk", 120),
    ("Száz ember jött el.", "hu", 100),               # the hu pack lists its vague amounts (több száz)
])
def test_a_round_word_with_a_number_or_a_pack_is_exact(text, locale, value):
    claims = [c for c in extract_claims(text, locale) if c.value is not None]
    assert [(c.value, c.weak) for c in claims] == [(Decimal(value), False)], claims


@pytest.mark.parametrize("text, locale, value", [
    ("İki yüz kişi meydanda toplandı.", "tr", 200),   # Turkish İ is i's capital
    ("İKİ YÜZ KİŞİ", "tr", 200),
    ("İyirmi iki nəfər gəldi.", "az", 22),
])
def test_a_number_word_with_the_dotted_capital_i_is_read(text, locale, value):
    assert [c.value for c in extract_claims(text, locale) if c.value is not None] == [Decimal(value)]


@pytest.mark.parametrize("locale, text, low, high, unit", [
    ("bg", "Очакват се валежи от 4 до 6 инча.", 4, 6, "inch"),
    ("bg", "Мостът е между 12 и 15 метра висок.", 12, 15, "meter"),
    ("pl", "Spadnie od 4 do 6 cali deszczu.", 4, 6, "inch"),
    ("pl", "Trasa ma między 12 a 15 kilometrów.", 12, 15, "kilometer"),
    ("ru", "Мост длиной между 12 и 15 метрами.", 12, 15, "meter"),
    ("ar", "يتوقع هطول من 4 إلى 6 بوصات من الأمطار.", 4, 6, "inch"),
])
def test_a_range_in_the_words_of_its_language(locale, text, low, high, unit):
    """A range written with the language's words for "from ... to" and "between ... and" is one
    figure with both bounds, not a count and a measure."""
    (c,) = extract_claims(text, locale)
    assert (c.low, c.high, c.unit) == (Decimal(low), Decimal(high), unit)


@pytest.mark.parametrize("locale, text, value, unit", [
    ("en", "He is 6 feet 6 inches tall.", 78, "inch"),
    ("en", "The trip took 2 hours and 30 minutes.", 150, "minute"),
    ("ru", "Рост игрока 1 м 95 см.", 195, "centimeter"),
    ("fa", "قد او ۱ متر و ۹۵ سانتیمتر است.", 195, "centimeter"),
    ("de", "Die Fahrt dauerte 2 Stunden 30 Minuten.", 150, "minute"),
    ("pl", "Paczka waży 3 kg 250 g.", 3250, "gram"),
])
def test_a_measure_in_two_units_is_one_measure(locale, text, value, unit):
    """A height, weight or time written in two units of one dimension, the second finer, is
    one figure in the finer unit, so a version that writes it in one unit agrees with it."""
    (c,) = extract_claims(text, locale)
    assert (c.value, c.unit) == (Decimal(value), unit)


@pytest.mark.parametrize("locale, text", [
    ("en", "The plank is 1 m long and the rope 120 cm."),       # more than one of the coarser unit
    ("en", "They ran 3 km, then rested for 20 minutes."),      # two dimensions
    ("en", "It rose from 2.5 m to 30 cm."),                    # a range, not one measure
    ("en", "If it takes two years, three months, it does not matter."),  # a list
    ("en", "If it takes three years or five months, it does not matter."),  # not "and"
    ("ja", "前半13分10秒にゴールを決めた。"),                       # a game clock (13:10 elsewhere)
])
def test_two_measures_stay_two(locale, text):
    assert len(extract_claims(text, locale)) == 2


@pytest.mark.parametrize("locale, text", [
    ("sv", "Grisen vägde 250 kilo."),
    ("da", "Grisen vejede 250 kilo."),
    ("pl", "Świnia ważyła 250 kilo."),
    ("fi", "Sika painoi 250 kiloa."),
    ("ru", "Свинья весила 250 кило."),
    ("bg", "Прасето тежеше 250 кила."),
])
def test_the_everyday_word_for_a_kilogram(locale, text):
    (c,) = extract_claims(text, locale)
    assert (c.value, c.unit) == (Decimal(250), "kilogram")


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("A man bought a house for a million dollars in an hour, a year ago, a $5 million grant.", "en"),
        ("It took an entire day and a half, a-3 score, a 10 km walk, a km, an ounce, a dozen eggs.", "en"),
        ("Er kaufte ein Haus und eine Woche später einen Hund für eine Million Euro.", "de"),
        ("Kuna mita moja na milioni moja, asilimia moja.", "sw"),
    ],
)
def test_nothing_follows_is_exact(text: str, locale: str) -> None:
    """A number word that needs a unit, where no unit can start after it, is skipped before the
    patterns run: the claims are the same as when every pattern runs."""
    from consistency.extract.figures import Extractor

    fast = Extractor(locale)
    full = Extractor(locale)
    full.follow_res = None  # the pre-check never fires
    assert fast.follow_res is not None
    assert fast.extract(text) == full.extract(text)


def test_looks_around_marks_anchors_and_lookbehinds() -> None:
    from consistency.extract.figures import _LOOKS_AROUND

    assert [bool(_LOOKS_AROUND.search(p)) for p in (r"a\b", r"(?<!x)y", "a$", "^a", r"\Z", r"\$", "[^a]", r"\p{L}")] \
        == [True, True, True, True, True, False, False, False]



def test_two_numbers_a_short_word_joins_with_hyphens_are_both_figures():
    """1-of-4, 1-in-10: the second number is no code's part (GPT-4 and COVID-19 stay codes)."""
    assert values("He became 1-of-4 players to do it, a 1-in-10 chance.", "en") == ["1", "4", "1", "10"]
    assert values("The GPT-4 model and COVID-19 and the x-86.", "en") == []
    # a word of a script without case, whose last letter may be a vowel sign: no minus sign
    assert [c.value for c in extract_claims("वे 4-को-1 खेलाडी बने", "ne")] == [4, 1]
