"""Round 13, rule-borne kinds (docs/screening.md, "Round 13: rule-borne kinds"; issue 13, kinds 7, 8 and 9):
personal data, disguised links and spam written in forms the rules did not read yet, one test per form, and
the benign look-alikes beside each that must keep publishing (guideline: official hotlines and public
services' numbers, prices, years, times, scores, counts). EN, BM and Manglish; the wordings are these tests'
own. Every harmful example must be held by a RULE (its code is asserted), not only by a model head, so the
kind is read whatever the model in use."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import verdict


def assert_rule(text: str, code: str, strictness: str = "standard") -> None:
    """``text`` is held, and one of its reasons is the rule ``code`` (not only a model head)."""
    v = verdict(text, strictness)
    assert v.action != "publish", (text, [(r.code, r.matched) for r in v.reasons])
    assert code in {r.code for r in v.reasons}, (text, [(r.code, r.matched) for r in v.reasons])


def assert_no_rule(text: str, prefix: str) -> None:
    """No rule whose code starts with ``prefix`` fires on ``text`` (a model head may still score it)."""
    reasons = [(r.code, r.matched) for r in verdict(text).reasons]
    assert not [code for code, _ in reasons if code.startswith(prefix)], (text, reasons)


# Each harmful form, with the rule that must read it.
HELD = [
    # personal data: a phone number with a country code in brackets, or after the international prefix 00
    ("pii.phone", "(+60)12-345 6789 call me after the webinar"),
    ("pii.phone", "my number from abroad is 006012 345 6789"),
    ("pii.phone", "whatsapp saya 0060 19 222 3333"),
    # ... spelled digits mixed with digits, in one token or beside a run of digits (EN and BM)
    ("pii.phone", "my phone is zero12-3456789"),
    ("pii.phone", "nombor saya kosong12 345 6789"),
    ("pii.phone", "my no is O1Two345six78nine"),
    ("pii.phone", "call me 012 three four five 6789"),
    # ... a first-person word between a service's name and the number makes it the author's again
    ("pii.phone", "call Befrienders or my number 012-345 6789"),
    ("pii.phone", "hotline saya 012-345 6789, whatsapp je"),
    # ... split by words: a spelled separator or "and then" between the groups (EN and BM)
    ("pii.phone", "012 dash 345 dash 6789 call me"),
    ("pii.phone", "nombor saya 012 sengkang 3456789"),
    ("pii.phone", "my number is 012 and then 345 6789"),
    ("pii.mykad", "ic saya 900101 dash 14 dash 5678"),
    # an address at a webmail provider without its ending
    ("pii.email", "email me: ali_baba99 at gmail"),
    ("pii.email", "emel saya siti.k [at] yahoo"),
    ("pii.email", "contact ahmad at outlook for the slides"),
    ("pii.email", "email me at siti.k@gmail.com"),
    ("pii.email", "my work email is siti@dewan.org.my"),
    # a social or chat handle given so that people reach the author
    ("pii.handle", "add me on ig @ali_baba99"),
    ("pii.handle", "add me ig: alibaba99"),
    ("pii.handle", "add my snap: sitisnap"),
    ("pii.handle", "add me on fb: Ali Baba"),
    ("pii.handle", "my telegram is @duitcepat99"),
    ("pii.handle", "find me on instagram @kl_foodie"),
    ("pii.handle", "wechat id: ali8899 add me"),
    ("pii.handle", "line id ali8899"),
    ("pii.handle", "ig saya sitikk99, follow tau"),
    ("pii.handle", "tiktok aku: @siti.k"),
    ("pii.handle", "follow ig saya @ali.kitchen"),
    ("pii.phone", "nombor saya 01-two 345 6789"),
    # links: an address spelled one character at a time, any dotted name with a path, a spaced short link
    ("link", "visit j u d i 8 8 . n e t"),
    ("link", "daftar di w w w . j u d i 8 8 . c o m"),
    ("link", "go here: shorturl.at/abcd"),
    ("link", "t . m e / duitcepat"),
    ("link", "klik bit ly/abc123 sekarang"),
    # a street address in a housing block
    ("pii.address", "alamat saya blok B tingkat 3 unit 12, PPR Kerinchi"),
    # spam: "DM/PM/WS me" closing a comment is the whole call, WhatsApp written "ws"
    ("spam.pattern", "ws me"),
    ("spam.pattern", "best rates in town, ws saya"),
    ("spam.pattern", "interested pls pm me"),
    ("spam.pattern", "WS me for more info"),
    ("spam.pattern", "harga murah, pm"),
    # ... casino games, "free credit" and 4D forecasts
    ("spam.pattern", "baccarat online bonus 200%"),
    ("spam.pattern", "daftar sekarang free credit rm5"),
    ("spam.pattern", "ramalan 4D paling tepat, join group"),
    # ... licensed-lender and paperless loans, approval in hours
    ("spam.pattern", "ah long berlesen, pm untuk pinjaman"),
    ("spam.pattern", "pinjam duit tanpa dokumen, lulus 24 jam"),
    ("spam.pattern", "licensed moneylender, fast cash, whatsapp us"),
    # ... returns promised per period, "want to be rich? ask me"
    ("spam.pattern", "pelaburan 10% sebulan dijamin, pm"),
    ("spam.pattern", "bitcoin mining investment, returns 20% weekly"),
    ("spam.pattern", "nak kaya? tanya saya"),
    ("spam.pattern", "want extra income? ask me"),
    # ... advertising offered, one's own post liked or shared
    ("spam.pattern", "Promote your business here! cheap ads"),
    ("spam.pattern", "like my latest post pls"),
    # ... a prize won by the first to make contact
    ("spam.pattern", "first 20 people to whatsapp me win an iPhone"),
    ("spam.pattern", "10 orang pertama inbox saya dapat percuma iphone"),
    # ... small capital and big returns, returns multiplied in a stated time, daily pay from home
    ("spam.pattern", "bisnes online modal kecil untung besar, pm"),
    ("spam.pattern", "investment opportunity, 300% ROI in 3 months"),
    ("spam.pattern", "kerja part time dari rumah gaji harian, ws"),
    # ... a new creator asking for support, sugar dating offers
    ("spam.pattern", "new youtuber here, please support"),
    ("spam.pattern", "sugar daddy looking for baby, dm"),
]


@pytest.mark.parametrize(("code", "text"), HELD)
def test_each_form_is_held_by_its_rule(code, text):
    assert_rule(text, code)


# Benign look-alikes, with the prefix of the rules that must stay silent on them (a model head may still
# score a line; these tests are about the rules).
NOT_FLAGGED = [
    # a public service named before or after its number (guideline: official hotlines are benign)
    ("pii.", "Befrienders KL 03-7627 2929 is there 24 hours"),
    ("pii.", "the number for Befrienders is 03-7627 2929, they listen"),
    ("pii.", "Call CCID Scam Response Centre 03-2610 1559 if you were scammed"),
    ("pii.", "hubungi 03-2610 1559 (CCID) untuk aduan scam"),
    ("pii.", "Talian Kasih whatsapp 019-261 5999 pun ada"),
    ("pii.", "maybank hotline 1300 88 6688 is the real one, not the sms number"),
    ("pii.", "Bank Negara BNMTELELINK 1-300-88-5465 boleh tanya pasal pinjaman"),
    # numbers that are no phone: years, prices, times, scores, counts, short hotlines
    ("pii.", "call Talian Kasih 15999 or NSRC 997 if you need help"),
    ("pii.", "I paid RM1,299 for the phone in 2023, then lost RM 12 000"),
    ("pii.", "the webinar is 12.12.2026 from 8.30pm to 10.00pm"),
    ("pii.", "we had 1000 attendees and 250 questions, score 3-1"),
    ("pii.", "order number 1234567890 from Shopee still pending"),
    ("pii.", "between 2019 and 2023 I lost about 12,345 ringgit"),
    ("pii.", "I have two kids, one is 5 and one is 7"),
    # someone at a provider is no address; an organisation's role mailbox at its own domain is public
    ("pii.", "the scammer at gmail sent me a fake invoice, what now?"),
    ("pii.", "I log in at gmail every morning"),
    ("pii.", "send your complaint to aduan@mcmc.gov.my"),
    ("pii.", "the secretariat is at info@dewan.org.my"),
    # a platform named without a handle
    ("pii.", "my ig is private, can scammers still see my posts?"),
    ("pii.", "add me to the group please"),
    ("pii.", "follow me on twitter for updates? no thanks"),
    ("pii.", "my tiktok got hacked, how to recover?"),
    ("pii.", "I follow PDRM on instagram for scam alerts"),
    ("pii.", "my signal is weak, 4g only"),
    # sentences, initials and abbreviations with dots are no link
    ("link", "the website is down, try later.Thanks"),
    ("link", "Q&A at the end. Please wait"),
    ("link", "J. K. Rowling wrote about scams?"),
    ("link", "U.S. banks have similar scams"),
    ("link", "answer yes/no and km/h please"),
    ("pii.", "the event is at Dewan Merdeka, Jalan Tun Razak"),
    ("pii.", "the meeting ID is 845 2291 4430, passcode 123456"),
    # a spam signal in a question about whether it is a scam, or how to deal with it
    ("spam.", "is pinjaman segera tanpa ctos a scam?"),
    ("spam.", "they told me to DM admin for details, is that a scam?"),
    ("spam.", "my friend lost money on mega888, how to help him?"),
    ("spam.", "pinjaman tanpa dokumen ni scam ke?"),
    ("spam.", "how to check a licensed moneylender with KPKT?"),
    # asking to be contacted is a question, not an advert; "pm" after a number is a time
    ("spam.", "can admin whatsapp me the certificate?"),
    ("spam.", "admin boleh pm saya?"),
    ("spam.", "can you DM me the slides?"),
    ("spam.", "the webinar starts at 8 pm"),
    # the words of a spam signal in their everyday sense
    ("spam.", "I play poker with my friends on weekends"),
    ("spam.", "I want to be rich one day but not by scams lol"),
    ("spam.", "the speaker said returns of 20% a month are a red flag"),
    ("spam.", "please share this webinar with your parents"),
    ("spam.", "only 5 slots left for the free workshop, register at the booth"),
    ("spam.", "Nak tanya, saya dengar pasal ah long ganggu jiran, apa patut buat"),
    ("spam.", "macam mana nak semak syarikat pinjaman berlesen!"),
    ("spam.", "the first 50 people to register get a certificate"),
    ("spam.", "I started investing in ASB, is it safe?"),
    ("spam.", "my cousin joined a telegram group and lost RM10k"),
    ("spam.", "what is ROI? the speaker said 300% in 3 months is a scam"),
    ("spam.", "anyone know a good youtuber who explains scams?"),
]


@pytest.mark.parametrize(("prefix", "text"), NOT_FLAGGED)
def test_a_benign_look_alike_fires_no_rule_of_the_kind(prefix, text):
    assert_no_rule(text, prefix)
