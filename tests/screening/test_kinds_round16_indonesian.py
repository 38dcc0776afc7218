"""Round 16, Indonesian tweets (docs/screening.md, "Round 16: Indonesian"). The kept-back goal is Indonesian
abusive tweets (recall >= 50% at <= 5% false holds). Ordinary Indonesian was held where the model scored
the Malay reading of an Indonesian pronoun ("gue" is read as "aku", which the self-harm head learnt from
Malay rows) or a laugh ("haha", which the abuse head weighs), and Indonesian abuse was missed where the
words of Indonesian Twitter were in no list: insults (`kampungan`, `budek`, `cupu`, `sompret`,
`plonga plongo`), political name-calling (`antek PKI`, `kecebong`, `presiden boneka`), slurs (`maho`),
vulgarities (`entot`, `colmek`), insult words aimed at people of public life (`rezim sinting`, `menteri
edan`), Indonesian group names (`aseng`, `pribumi`, `orang Papua`), Indonesian
words of hate (`teroris`, `barbar`, `halal darahnya`) and Indonesian verbs of violence (`tusuk`, `gorok`,
`habisin`).

The lines are this round's own, written for these tests (never from the evaluation-only Indonesian tweets)."""

from __future__ import annotations

import pytest

from tests.screening.tweets import reasons as _why
from tests.screening.tweets import tweet_verdict as _verdict
from webinar.screening import STRICTNESS
from webinar.screening.normalise import normalise
from webinar.screening.rules import reads_indonesian

ORDINARY = [
    # everyday tweets with the first person "gue" and laughs
    "gue lapar nih wkwk",
    "gue ngantuk parah, semalem begadang nonton drakor",
    "haha lucu banget videonya",
    "hahaha sumpah ngakak gue liat ginian",
    "hehe makasih kak, gue jadi semangat lagi",
    "USER USER hahaha iya gue juga lupa",
    # tweet archives: placeholders, escaped emoji bytes and new lines written out
    "USER USER wkwkwk iya bener \\xf0\\x9f\\x98\\x82\\xf0\\x9f\\x98\\x82",
    "RT USER: Selamat pagi Indonesia\\n\\nSemoga hari ini penuh berkah URL",
    "USER USER kasian bgt \\xf0\\x9f\\x98\\xad\\xf0\\x9f\\x98\\xad",
    # politics and religion, talked about, not aimed at anyone
    "USER USER rezim ini gagal total mengurus ekonomi",
    "USER USER presiden kok kerjaannya cuma pencitraan",
    "USER isu antek asing dan aseng itu cuma gorengan politik",
    "USER USER Islam itu agama damai, jangan dikaitkan dengan teroris",
    "USER USER banyak pengusaha Tionghoa yang nasionalis",
    "USER USER orang Papua juga saudara kita, stop rasisme",
    "USER USER pribumi dan non pribumi sama sama warga negara",
    "USER USER TKA China masuk terus, pemerintah harus awasi",
    "USER USER sejarah G30S PKI masih diperdebatkan sampai sekarang",
    "USER USER orang kafir juga manusia, hormati mereka",
    "kata ustadz, murtad itu dosa besar",
    # the everyday senses of this round's words
    "Ya Allah, lindungi kami dari godaan setan yang terkutuk",
    "dia berdoa supaya dijauhkan dari bisikan iblis",
    "Seru banget naik onta di Mesir waktu liburan",
    "kecebong di kolam belakang rumah udah jadi katak",
    "benalu tumbuh di pohon mangga gue, harus dipangkas",
    "dalang wayang itu lucu pas Togog muncul",
    "bayi gue masih nenen sama ibunya tiap malam",
    "mereka naik perahu ke udik sungai cari ikan",
    # people of public life in the news, beside words of this round (they are targets of insults only)
    "Presiden meninjau anjing pelacak di bandara Soekarno-Hatta",
    "USER USER polisi tangkap pelaku mesum di angkot",
    "USER USER menteri agama minta umat jangan saling mengkafirkan",
    "USER USER bupati lagi sidak ke pasar, harga babi naik kata pedagang",
    "USER USER capres nomor urut 01 kampanye di Papua",
    "USER USER kata ustadz, setan itu musuh Allah dan musuh manusia",
    "USER USER orang Arab ramah2 kok waktu gue umroh",
    "USER USER kulit tangan gue kasar bgt gara2 nyuci",
    "USER USER tau diri dong, udah jam 12 malam masih main musik keras",
    # violence verbs in everyday use
    "USER hajar terus bang, konten lu bagus",
    "gue habisin makanannya, sayang kalau dibuang",
    "gue tusuk sate dulu ya buat bakaran nanti malam",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_indonesian_tweets_publish_at_every_strictness(text):
    for strictness in STRICTNESS:
        v = _verdict(text, strictness)
        assert v.action == "publish", (strictness, text, _why(v))


@pytest.mark.parametrize(
    ("with_laugh", "without"),
    [
        ("haha lucu banget videonya", "lucu banget videonya"),
        ("hahaha kocak bgt kucingnya", "kocak bgt kucingnya"),
        ("hehe gue telat lagi", "gue telat lagi"),
    ],
)
def test_an_indonesian_comment_s_laughs_are_left_out_of_the_text_the_model_scores(with_laugh, without):
    assert _verdict(with_laugh).heads == _verdict(without).heads


def test_english_keeps_its_laughs_in_the_text_the_model_scores():
    # The threat head reads an English laugh as a joke (round 14): only an Indonesian comment drops it.
    assert _verdict("that was so funny haha").heads != _verdict("that was so funny").heads


def test_the_model_scores_gue_as_typed_in_an_indonesian_comment():
    # "gue" is read as "aku" by the rules (a first person), but the self-harm head learnt "aku" from Malay.
    v = _verdict("gue lapar nih")
    assert reads_indonesian(normalise("gue lapar nih"))
    assert "self_harm" not in v.fired, v.heads


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Malay keeps "aku" and the laugh in the model's text.
        ("aku rasa nak mati je, tak guna hidup lagi", "self_harm"),
        ("haha dasar bodoh kau ni", "insult"),
    ],
)
def test_english_and_malay_keep_their_reading(text, category):
    v = _verdict(text)
    assert v.action == "hold", (text, _why(v))
    assert category in v.categories, (text, v.categories, _why(v))


HELD = [
    # insults of Indonesian Twitter aimed at a person
    ("USER USER lu kampungan bgt, malu-maluin", "insult"),
    ("USER USER budek ya lu? udah dibilangin", "insult"),
    ("USER USER cupu bgt lu main game", "insult"),
    ("USER setan lu, hidup cuma bikin susah orang", "insult"),
    ("USER USER dasar iblis, tega bgt sama anak sendiri", "insult"),
    ("USER USER sompret lu, ngapain ngikutin gue", "insult"),
    ("USER USER kacung asing lu", "insult"),
    ("USER USER laknatullah untuk lu", "insult"),
    ("USER USER congor lu dijaga", "insult"),
    ("USER USER dasar togog, mingkem aja", "insult"),
    ("USER USER dasar murtad, keluar aja dari Islam", "insult"),
    ("USER USER dasar benalu negara", "insult"),
    # political name-calling
    ("USER USER presiden plonga plongo, gak becus ngurus negara", "insult"),
    ("USER USER dasar kecebong, IQ 200 sekolam", "insult"),
    ("USER USER bani serbet, kerjaannya demo doang", "insult"),
    ("USER USER presiden boneka, cuma petugas partai", "insult"),
    ("USER USER Jokowi itu antek PKI", "insult"),
    ("USER USER dasar PKI, pengkhianat bangsa", "insult"),
    ("USER USER lu itu antek aseng, pengkhianat bangsa", "insult"),
    ("USER USER elu tuh kayak kambing congek", "insult"),
    # insults at people of public life
    ("USER USER rezim sinting, rakyat dicekik pajak", "insult"),
    ("USER USER menteri edan, kebijakannya ngawur", "insult"),
    ("USER USER pejabat korup, anjing semua", "insult"),
    ("USER USER gubernur kampungan, kerjanya cuma pencitraan", "insult"),
    # hate against groups in Indonesian words
    ("USER USER Yahudi itu musuh Allah, perangi mereka", "hate"),
    ("USER USER agama kristen itu agama palsu", "hate"),
    ("USER USER orang Arab itu kasar semua", "hate"),
    ("USER USER usir aja semua aseng dari Indonesia", "hate"),
    ("USER USER Islam agama teroris", "hate"),
    ("USER USER muslim itu teroris semua", "hate"),
    ("USER USER orang Papua monyet", "hate"),
    ("USER USER orang Madura emang barbar semua", "hate"),
    ("USER USER orang kafir halal darahnya", "hate"),
    ("USER USER homo harus dirajam", "hate"),
    ("USER USER maho lu", "hate"),
    # vulgarities
    ("USER USER mau gue entot gak", "sexual"),
    ("USER USER colmek yuk", "sexual"),
    ("USER USER nenen lu kenceng", "sexual"),
    # threats with Indonesian verbs of violence
    ("USER USER tunggu aja, gue tusuk lu", "threat"),
    ("USER USER gue gorok leher lu", "threat"),
    ("USER USER gue habisin lu besok", "threat"),
    ("gue hajar lo sampe mampus", "threat"),
    ("awas aja, gue bacok lu kalo ketemu", "threat"),
]


@pytest.mark.parametrize(("text", "category"), HELD)
def test_indonesian_abuse_in_tweets_is_held(text, category):
    v = _verdict(text)
    assert v.action == "hold", (text, _why(v))
    assert category in v.categories, (text, v.categories, _why(v))
