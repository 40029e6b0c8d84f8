"""Quotations: marks of every language, nesting, direct speech versus scare quotes,
speakers, and the QUO rules on small bundles of our own sentences."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.documents.markdown import parse_markdown
from consistency.match.analysis import analyse
from consistency.extract.quotes import extract_quotes
from consistency.model import Document
from test_names import bundle, findings, rules_of


def kinds(text: str, locale: str) -> list[tuple[str, int, str]]:
    return [(q.content, q.depth, q.kind) for q in extract_quotes(text, locale)]


@pytest.mark.parametrize("text, locale, content", [
    ("„Wir bauen weiter aus“, sagte sie.", "de", "Wir bauen weiter aus"),
    ("»Wir bauen weiter aus«, sagte sie.", "de", "Wir bauen weiter aus"),
    ("« Nous continuons », a dit la ministre.", "fr", " Nous continuons "),
    ("「需要は強い」と彼女は述べた。", "ja", "需要は強い"),
    ("『需要は強い』と彼女は述べた。", "ja", "需要は強い"),
    ("“Demand is strong,” she said.", "en", "Demand is strong,"),
    ('"Demand is strong," she said.', "en", "Demand is strong,"),
    ("‘Demand is strong,’ she said.", "en", "Demand is strong,"),
    ("“需求很强，”她说。", "zh", "需求很强，"),
    ("“수요가 강하다”고 그녀는 말했다.", "ko", "수요가 강하다"),
    ("«Спрос высокий», — сказала она.", "ru", "Спрос высокий"),
])
def test_marks_of_every_language(text, locale, content):
    (q,) = extract_quotes(text, locale)
    assert q.content == content and q.kind == "speech"


def test_symmetric_japanese_marks_and_nesting():
    text = "’言い換えれば、土地と建物に’過剰投資’しましたが、今は通常のペースです’とLenschowは書いている。"
    qs = kinds(text, "ja")
    assert qs[0][1:] == (0, "speech") and qs[0][0].startswith("言い換えれば")
    assert ("過剰投資", 1, "other") in qs


def test_nested_quotes_with_the_same_marks_in_german():
    text = "‘Mit anderen Worten, wir haben ‘überinvestiert’, kehren aber zurück’, schrieb Lenschow."
    assert kinds(text, "de") == [
        ("Mit anderen Worten, wir haben ‘überinvestiert’, kehren aber zurück", 0, "speech"),
        ("überinvestiert", 1, "other"),
    ]


@pytest.mark.parametrize("text, locale", [
    ("Das Startup nannte sein neues Modell ‘Command R’.", "de"),
    ("Während dieser ‘Landnahme’ sicherten sich Firmen Flächen.", "de"),
    ("新しいモデル’Command R’の実行に必要なGPUは少ない。", "ja"),
    ("The company calls it a “land grab” in its report.", "en"),
    # a label after "calls it", "as", "als", "baptisé", even with a full stop inside the marks
    ('The company calls it "personal empowerment through data."', "en"),
    ('One fan described the switch as "some sort of sick joke."', "en"),
    ("Sie bezeichnete den Tag als „den schlimmsten Tag ihres Lebens.“", "de"),
    ("Le projet, baptisé « Horizon bleu », démarre.", "fr"),
])
def test_scare_quotes_and_titles_are_not_direct_speech(text, locale):
    assert [q.kind for q in extract_quotes(text, locale)] == ["other"]


def test_apostrophes_are_not_quotation_marks():
    assert extract_quotes("Microsoft’s plans and O’Brien’s view don’t change.", "en") == []


@pytest.mark.parametrize("text, locale, speaker", [
    ("„Wir glauben das weiterhin“, fügte Elias hinzu.", "de", "Elias"),
    ("’リースの中止は過剰供給を示している’とEliasは付け加えた。", "ja", "Elias"),
    ("“We are still confident,” said Michael Elias.", "en", "Michael Elias"),
    ("Elias said: “We are still confident.”", "en", "Elias"),
    ("「1分以上になるだろう」とレイカーズの公式サイトでウォルトンは言った。", "ja", "ウォルトン"),
])
def test_speakers(text, locale, speaker):
    (q,) = [q for q in extract_quotes(text, locale) if q.depth == 0]
    assert q.speaker_text == speaker and not q.pronoun


def test_pronoun_speakers_are_marked():
    (q,) = extract_quotes("„Die Nachfrage wächst schneller als erwartet“, schrieb sie.", "de")
    assert q.speaker_text == "sie" and q.pronoun


def test_a_quote_running_on_from_the_previous_block():
    (q,) = extract_quotes('We will slow some projects," she said.', "en")
    assert q.content == "We will slow some projects," and q.kind == "speech"


# --------------------------------------------------------------------------- rules


def test_quotes_that_agree_give_nothing():
    an = bundle(
        en="“Demand for data centres is growing strongly,” Elias said.\n",
        de="„Die Nachfrage nach Rechenzentren wächst stark“, sagte Elias.\n",
        ja="「データセンターの需要は大きく伸びている」とEliasは述べた。\n",
    )
    assert findings(an) == []


def test_a_quote_given_to_another_speaker():
    # a speaker is compared when it is known as a name in the bundle (here: from the first paragraph)
    an = bundle(
        en="Michael Elias and Raimo Lenschow disagree.\n\n“Demand for data centres is growing strongly,” Elias said.\n",
        de="Michael Elias und Raimo Lenschow sind uneins.\n\n„Die Nachfrage nach Rechenzentren wächst stark“, "
           "sagte Lenschow.\n",
        ja="Michael EliasとRaimo Lenschowは意見が分かれている。\n\n「データセンターの需要は大きく伸びている」とEliasは述べた。\n",
    )
    fs = findings(an)
    assert rules_of(fs) == ["QUO002"]
    deviant = [loc for loc in fs[0].locations if loc.role == "deviant"]
    assert deviant[0].locale == "de" and "Lenschow" in deviant[0].text


def test_a_quote_turned_into_indirect_speech():
    an = bundle(
        en="“Demand for data centres is growing strongly,” Elias said.\n",
        de="Elias sagte, die Nachfrage nach Rechenzentren wachse stark.\n",
        ja="「データセンターの需要は大きく伸びている」とEliasは述べた。\n",
    )
    fs = findings(an)
    assert rules_of(fs) == ["QUO003"]
    assert any(loc.locale == "de" and loc.role == "deviant" for loc in fs[0].locations)


def test_french_korean_and_russian_quotes():
    an = bundle(en="“Prices will fall next year,” Macron said.\n",
                fr="« Les prix baisseront l'an prochain », a dit Macron.\n")
    assert findings(an) == []
    an = bundle(en="“Prices will fall next year,” Trump said.\n", ko="“내년에 가격이 내릴 것”이라고 트럼프는 말했다.\n")
    assert findings(an) == []
    an = bundle(en="“Prices will fall next year,” Putin said.\n", ru="«Цены снизятся в следующем году», — сказал Путин.\n")
    assert findings(an) == []


def test_two_speakers_merged_into_one_quotation_is_a_count_difference():
    an = bundle(
        en="Michael Elias and Raimo Lenschow disagree.\n\n"
           "“Demand grew faster than we expected in every region,” Elias said. "
           "“We will slow some early projects,” Lenschow added.\n",
        de="Michael Elias und Raimo Lenschow sind uneins.\n\n"
           "„Die Nachfrage wuchs in jeder Region schneller als erwartet, und wir werden einige frühe Projekte "
           "verlangsamen“, sagte Elias.\n",
    )
    assert "QUO001" in rules_of(findings(an))


def test_one_speaker_split_differently_is_style():
    an = bundle(
        en="“Demand grew faster than we expected in every region,” she wrote. “We will slow some early projects.”\n",
        de="„Die Nachfrage wuchs in jeder Region schneller als erwartet, und wir werden einige frühe Projekte "
           "verlangsamen“, schrieb sie.\n",
    )
    assert findings(an) == []


# --------------------------------------------------------------------------- quotations over several blocks


def test_a_japanese_closing_bracket_after_a_full_stop_closes():
    # the opening 「 is in the previous sentence; 」 after 。 can only close
    (q,) = extract_quotes("私はがれきの下にいたのだと思う。」とハリスは通信社に語った。", "ja")
    assert q.open_before and not q.open_after
    assert q.content == "私はがれきの下にいたのだと思う。" and q.kind == "speech" and q.speaker_text == "ハリス"


def test_an_unclosed_quotation_runs_into_the_next_block():
    (q,) = extract_quotes("The mayor said: “We rebuilt the bridge in six months.", "en")
    assert q.open_after and not q.open_before and q.kind == "speech"


SPLIT_EN = ("The mayor said: “We rebuilt the bridge in six months.\n\n"
            "Nobody thought we could do it.\n\n"
            "Now the whole valley uses it every day.”\n")


def test_a_quotation_over_three_blocks_whose_closing_mark_a_translation_drops():
    # the Japanese closes nothing: its last two sentences are still inside the quotation
    an = bundle(
        en=SPLIT_EN,
        de="Der Bürgermeister sagte: „Wir haben die Brücke in sechs Monaten wieder aufgebaut.\n\n"
           "Niemand hat geglaubt, dass wir das schaffen.\n\n"
           "Jetzt nutzt das ganze Tal sie jeden Tag.“\n",
        ja="市長はこう語った。「私たちは6か月で橋を再建した。\n\n"
           "誰もできるとは思っていなかった。\n\n"
           "今では谷全体が毎日それを使っている。\n",
    )
    assert findings(an, "QUO001", "QUO003") == []
    assert an.inside_quote[2] == [False, True, True]


def test_a_quotation_turned_into_reported_speech_over_three_blocks_is_still_found():
    # no mark at all in the German: nothing is carried, the quotation is missing there
    an = bundle(
        en=SPLIT_EN,
        de="Der Bürgermeister sagte, man habe die Brücke in sechs Monaten wieder aufgebaut.\n\n"
           "Niemand habe geglaubt, dass man das schaffe.\n\n"
           "Jetzt nutze das ganze Tal sie jeden Tag.\n",
        ja="市長はこう語った。「私たちは6か月で橋を再建した。\n\n"
           "誰もできるとは思っていなかった。\n\n"
           "今では谷全体が毎日それを使っている。」\n",
    )
    fs = findings(an, "QUO003")
    assert fs and all(loc.locale == "de" for f in fs for loc in f.locations if loc.role == "deviant")


@pytest.mark.parametrize("text, locale, speaker", [
    ("Robyn Christie of Melrose said: \"Credit to Ayr, they took their chances better than we did.\"", "en",
     "Robyn Christie"),
    ("Robyn Christie von Melrose sagte: „Respekt vor Ayr, sie haben ihre Chancen besser genutzt als wir.“", "de",
     "Robyn Christie"),
    ("Celebrity stylist Luke Armitage told FEMAIL: 'I expect to see large hats on the high street next summer.'", "en",
     "Luke Armitage"),
    ("Professor Jay Berzofsky, of the US National Cancer Institute in Bethesda, Maryland, said: "
     "\"Our results suggest that we have a very promising vaccine.\"", "en", "Jay Berzofsky"),
    ("Microsoft's Noelle Walsh said: \"We may strategically pace or adjust our infrastructure in some areas.\"",
     "en", "Noelle Walsh"),
])
def test_the_speaker_is_the_subject_not_a_place_an_employer_or_the_listener(text, locale, speaker):
    (q,) = [q for q in extract_quotes(text, locale) if q.depth == 0]
    assert q.speaker_text == speaker


def test_a_labelled_phrase_paraphrased_in_a_translation_is_not_reported():
    an = bundle(en='The company calls it "personal empowerment through data."\n',
                de="Das Unternehmen nennt dieses Konzept persönliche Stärkung durch Daten.\n")
    assert findings(an, "QUO003") == []
    # while the same words as speech are
    an = bundle(en='The founder said: "Personal empowerment through data is what we sell."\n',
                de="Der Gründer sagte, persönliche Stärkung durch Daten sei das, was sie verkauften.\n")
    assert rules_of(findings(an, "QUO003")) == ["QUO003"]


# --------------------------------------------------------------------------------------------- laws

_TOKENS = {
    "en": ["said", "told", "of", "as", "calls it", "Walsh", "Noelle", "Barclays", "New York", "Turkey's", "the",
           "analyst", "demand", "grew", "Mr.", "he", "she", ",", ".", ":", "Italy", "Naples,"],
    "de": ["sagte", "schrieb", "von", "als", "Walsh", "Noelle", "Barclays", "New York", "der", "Analyst",
           "Nachfrage", "wuchs", "Herr", "er", "sie", ",", ".", ":", "Italien", "Neapel,"],
    "ja": ["と述べた", "と語った", "の", "ウォルシュ", "バークレイズ", "ニューヨーク", "アナリスト", "需要", "は", "が",
           "、", "。", "彼女"],
}
_MARKS = ["“", "”", "‘", "’", "„", "«", "»", "「", "」", "『", "』", '"', "'"]


@st.composite
def quoted_prose(draw, locale: str) -> str:
    sep = "" if locale == "ja" else " "
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        pieces = draw(st.lists(st.one_of(st.sampled_from(_TOKENS[locale]), st.sampled_from(_MARKS)),
                               min_size=1, max_size=30))
        paragraphs.append(sep.join(pieces))
    return "\n\n".join(paragraphs) + "\n"


@settings(max_examples=int(os.environ.get("QUOTE_LAW_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), locale=st.sampled_from(["en", "de", "ja"]))
def test_a_version_compared_with_itself_has_no_name_or_quote_findings(data, locale):
    # quotation marks anywhere, unbalanced and across paragraphs included: never a crash,
    # and two identical versions never disagree about a name or a quotation
    text = data.draw(quoted_prose(locale))
    other = {"en": "en-GB", "de": "de-AT", "ja": "ja-JP"}[locale]
    docs = [Document(path=f"a.{loc}.md", locale=loc, text=text, blocks=tuple(parse_markdown(text)))
            for loc in (locale, other)]
    assert findings(analyse("same", docs)) == []


# --------------------------------------------------------------------------- rule options (issue 9 item 2)


def _with(rule_id: str, **options):
    import dataclasses

    from consistency.engine.registry import Options, load_rules

    rule = load_rules()[rule_id]
    return dataclasses.replace(rule, options=Options({**rule.options, **options}))


def test_min_words_decides_which_dropped_quotation_is_reported():
    """A three-word quotation dropped by the translation: below QUO003's default of four words,
    reported with ``min_words: 3``."""
    an = bundle(en='"We keep building," the mayor said on Monday.\n',
                de="Man werde weiter bauen, sagte der Bürgermeister am Montag.\n")
    assert list(_run_rule(an, _with("QUO003"))) == []
    (f,) = _run_rule(an, _with("QUO003", min_words=3))
    assert f.rule == "QUO003" and "We keep building" in f.message


def test_the_name_window_decides_how_far_a_pronoun_may_stand_from_its_name():
    """German names the engineer two passages earlier and then says "she": inside NAM001's default
    window of three passages before, not reported; with ``window_before`` below two it is."""
    an = bundle(en="Noelle Walsh opened the tunnel on Monday.\n\nThe tunnel is 12 km long.\n\n"
                   "Noelle Walsh said the work took six years.\n",
                de="Noelle Walsh eröffnete den Tunnel am Montag.\n\nDer Tunnel ist 12 km lang.\n\n"
                   "Sie sagte, die Arbeit habe sechs Jahre gedauert.\n")
    assert [f.rule for f in _run_rule(an, _with("NAM001"))] == []
    assert [f.rule for f in _run_rule(an, _with("NAM001", window_before=2))] == []
    assert [f.rule for f in _run_rule(an, _with("NAM001", window_before=1))] == ["NAM001"]
    assert [f.rule for f in _run_rule(an, _with("NAM001", window_before=0))] == ["NAM001"]


def _run_rule(an, rule) -> list:
    return list(rule.load_check()(an, rule))


@pytest.mark.parametrize("locale, text", [
    ("nl", "De aanval vond plaats net voor 7 uur ‘s morgens bij het strand."),
    ("nl", "Hij kwam 's avonds laat thuis van zijn werk."),
    ("af", "Dit is 'n groot dag vir die hele dorp."),
    # ‘80 is 1980: the mark stands for the century's digits (a decade, a class year)
    ("it", "Negli anni ‘80 la fabbrica dava lavoro a tremila persone."),
    ("en", "The band was famous in the ’90s and again in the '00s, the critic wrote."),
    ("de", "Die Halle stammt aus den ’70ern und wurde 2015 renoviert."),
])
def test_an_apostrophe_that_is_a_word_or_a_century_opens_no_quotation(locale, text):
    assert extract_quotes(text, locale) == []


@pytest.mark.parametrize("locale, text, content", [
    ("pl", "Czy ujawniliśmy... Nie, nie ujawniliśmy” — dodał, przedrzeźniając senatora.",
     "Czy ujawniliśmy... Nie, nie ujawniliśmy"),
    ("hu", "Nagyon rossz a helyzet ezen a héten” – mondta a szóvivő hétfőn.",
     "Nagyon rossz a helyzet ezen a héten"),
    # before a comma of another script (Unicode's terminal punctuation: Arabic ،) or the pack's
    # speech verb, after a word
    ("ar", "إن المصنع سيفتح أبوابه في الربيع المقبل\"، بحسب ما قاله المدير.",
     "إن المصنع سيفتح أبوابه في الربيع المقبل"),
    ("en", "The trains will run every hour from the spring\" he said on Monday.",
     "The trains will run every hour from the spring"),
    ("en", "The trains will run every hour from the spring\" said the mayor.",
     "The trains will run every hour from the spring"),
    ("de", "Die Züge fahren ab dem Frühjahr jede Stunde“ sagte die Bürgermeisterin.",
     "Die Züge fahren ab dem Frühjahr jede Stunde"),
])
def test_a_quotation_running_on_closes_after_a_word(locale, text, content):
    # the closing mark of a quotation begun in the previous paragraph, straight after a word
    (q,) = extract_quotes(text, locale)
    assert q.content == content and q.open_before


def test_a_possessive_written_with_a_double_mark_is_no_quotation():
    assert extract_quotes('The fans filled the Lakers" arena for the six-game preseason schedule.', "en") == []
    assert extract_quotes('The Lakers" coach said nothing about the six-game schedule.', "en") == []


@given(st.text(alphabet=st.sampled_from(list("ab Ü.’'-,:1_\n") + ["\u0301", "é", "ж", "の", "Ⅻ"]), max_size=40))
def test_the_clause_head_is_where_the_plain_search_finds_it(text):
    """_clause_head searches from the fourth-last word that stands on its own: the same match as
    the pattern searched from every place."""
    import regex

    from consistency.extract.quotes import _CLAUSE_HEAD, _clause_head

    plain = regex.compile(_CLAUSE_HEAD.pattern).search(text)
    assert _clause_head(text).span() == plain.span()


@given(decade=st.integers(0, 99), locale=st.sampled_from(["en", "it", "de", "ja", "ar"]),
       mark=st.sampled_from(["'", "’", "‘"]))
def test_an_elided_century_never_changes_the_quotations(decade, locale, mark):
    """Law: a decade written with an elided century (``’80s``) in front of a quotation leaves the
    quotations as they are, only shifted."""
    quoted = '"The new line opens in the spring," the mayor said.'
    prefix = f"Built in the {mark}{decade:02d}s. "
    plain = [(q.content, q.kind) for q in extract_quotes(quoted, locale)]
    assert [(q.content, q.kind) for q in extract_quotes(prefix + quoted, locale)] == plain


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u200d"])
def test_a_format_character_before_an_opening_mark_is_invisible(mark):
    # a right-to-left mark typed before a Persian « (bidi editors insert it): the quotation
    # still opens and runs into the next paragraph
    (q,) = extract_quotes(mark + "«این پروژه تا پایان سال آینده تمام خواهد شد.", "fa")
    assert q.open_after and q.content.startswith("این پروژه")


@given(st.lists(st.sampled_from(["\u200f", "\u200e", "\u061c", "\u2066", "\u2069", "\u00ad"]), max_size=3),
       st.sampled_from(["«این پروژه تا پایان سال آینده تمام خواهد شد.",
                        '"The new line opens in the spring, and the trains run every hour," he said.',
                        "„Die neue Linie öffnet im Frühjahr“, sagte die Bürgermeisterin."]))
def test_format_characters_before_a_paragraph_change_no_quotation(marks, text):
    """Law: Unicode format characters (category Cf) in front of a paragraph leave its quotations'
    contents and kinds as they are."""
    locale = "fa" if text.startswith("«") else "en"
    plain = [(q.content, q.kind) for q in extract_quotes(text, locale)]
    assert [(q.content, q.kind) for q in extract_quotes("".join(marks) + text, locale)] == plain



@pytest.mark.parametrize("mark", ['"', "“", "”"])
def test_a_typed_gershayim_between_hebrew_letters_is_no_quotation_mark(mark):
    # ארה״ב (the US) and ק״מ (km) are written with a quotation mark for the gershayim
    assert extract_quotes(f"הסופה תגיע לדרום ארה{mark}ב בעוד 300 ק{mark}מ.", "he") == []


@given(st.sampled_from(['"', "“", "”"]), st.sampled_from(["„", "“"]))
def test_a_typed_gershayim_leaves_a_hebrew_quotation_as_it_is(mark, opening):
    """Law: a quotation that holds an abbreviation has the same content whichever mark is typed
    for its gershayim, Hebrew's own ״ included."""
    def text(g: str) -> str:
        return f"הוא אמר: {opening}הסופה תגיע לארה{g}ב בעוד 300 ק{g}מ, ואנחנו מוכנים.”"

    own = [(q.content.replace("\u05f4", "|"), q.kind) for q in extract_quotes(text("\u05f4"), "he")]
    typed = [(q.content.replace(mark, "|"), q.kind) for q in extract_quotes(text(mark), "he")]
    assert typed == own and own
