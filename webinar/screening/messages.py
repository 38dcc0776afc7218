"""Reason texts in English and Malay, for hosts (why a question is held) and authors (what to change).

``{matched}`` is replaced by the matched words when the reason has a span.
"""

from __future__ import annotations

SUPPORT_EN = (
    "You are not alone. If you are thinking about hurting yourself, please talk to someone now: "
    "Befrienders Kuala Lumpur 03-7627 2929 (24 hours, free and confidential), Talian HEAL 15555, "
    "or 999 in an emergency. A member of the team will read your message."
)
SUPPORT_MS = (
    "Anda tidak keseorangan. Jika anda terfikir untuk mencederakan diri, sila bercakap dengan seseorang "
    "sekarang: Befrienders Kuala Lumpur 03-7627 2929 (24 jam, percuma dan sulit), Talian HEAL 15555, "
    "atau 999 jika kecemasan. Seorang ahli pasukan akan membaca mesej anda."
)

MESSAGES: dict[str, tuple[str, str]] = {
    "profanity.lexicon": (
        "Contains profanity: {matched}.",
        "Mengandungi kata-kata kesat: {matched}.",
    ),
    "insult.lexicon": (
        "Contains an insult or harassment: {matched}.",
        "Mengandungi penghinaan atau gangguan: {matched}.",
    ),
    "hate.lexicon": (
        "Contains a slur against a group of people: {matched}.",
        "Mengandungi cacian terhadap sesuatu kumpulan: {matched}.",
    ),
    "hate.identity": (
        "Attacks people for their race, religion, gender or origin: {matched}.",
        "Menyerang orang kerana kaum, agama, jantina atau asal-usul mereka: {matched}.",
    ),
    "hate.group": (
        "Generalises about, dehumanises or calls for action against a group of people: {matched}.",
        "Membuat generalisasi, merendahkan martabat atau menyeru tindakan terhadap sesuatu kumpulan: "
        "{matched}.",
    ),
    "hate.exclusion": (
        "Tells people they do not belong here or compares them to animals or disease: {matched}.",
        "Menyuruh orang keluar kerana asal-usul mereka atau menyamakan mereka dengan binatang atau "
        "penyakit: {matched}.",
    ),
    "threat.incite": (
        "Tells someone to kill or harm themselves: {matched}.",
        "Menyuruh seseorang membunuh atau mencederakan diri: {matched}.",
    ),
    "insult.pile_on": (
        "Calls on others to mass-report, hound or expose a person: {matched}.",
        "Mengajak orang lain melaporkan beramai-ramai, memburu atau mendedahkan seseorang: {matched}.",
    ),
    "profanity.mild": (
        "Contains a mild swear word: {matched}.",
        "Mengandungi kata makian ringan: {matched}.",
    ),
    "pii.address": (
        "Contains what looks like a home address. It is hidden to protect you.",
        "Mengandungi sesuatu yang kelihatan seperti alamat rumah. Ia disembunyikan untuk melindungi anda.",
    ),
    "pii.child": (
        "Names a child together with their school. It is hidden to protect the child.",
        "Menamakan seorang kanak-kanak bersama sekolahnya. "
        "Ia disembunyikan untuk melindungi kanak-kanak itu.",
    ),
    "threat.lexicon": (
        "Contains a threat or tells someone to harm themselves: {matched}.",
        "Mengandungi ugutan atau menyuruh seseorang mencederakan diri: {matched}.",
    ),
    "threat.phrase": (
        "Contains a threat of violence: {matched}.",
        "Mengandungi ugutan keganasan: {matched}.",
    ),
    "sexual.lexicon": (
        "Contains sexual content: {matched}.",
        "Mengandungi kandungan seksual: {matched}.",
    ),
    "self_harm.phrase": (
        "The author may be at risk of self-harm: {matched}. " + SUPPORT_EN,
        "Penulis mungkin berisiko mencederakan diri: {matched}. " + SUPPORT_MS,
    ),
    "spam.pattern": (
        "Looks like spam or a scam: {matched}.",
        "Kelihatan seperti spam atau penipuan: {matched}.",
    ),
    "link": (
        "Contains a link: {matched}. Links are reviewed before they are shown.",
        "Mengandungi pautan: {matched}. Pautan disemak sebelum dipaparkan.",
    ),
    "pii.mykad": (
        "Contains what looks like a MyKad number. It is hidden to protect you.",
        "Mengandungi nombor yang kelihatan seperti nombor MyKad. Ia disembunyikan untuk melindungi anda.",
    ),
    "pii.phone": (
        "Contains a phone number. It is hidden to protect you.",
        "Mengandungi nombor telefon. Ia disembunyikan untuk melindungi anda.",
    ),
    "pii.email": (
        "Contains an e-mail address. It is hidden to protect you.",
        "Mengandungi alamat e-mel. Ia disembunyikan untuk melindungi anda.",
    ),
    "pii.card": (
        "Contains what looks like a payment card number. It is hidden to protect you.",
        "Mengandungi nombor yang kelihatan seperti nombor kad pembayaran. "
        "Ia disembunyikan untuk melindungi anda.",
    ),
    "flood.repeated": (
        "Repeats the same characters or words many times.",
        "Mengulang aksara atau perkataan yang sama berkali-kali.",
    ),
    "flood.long": (
        "Is much longer than a question usually is.",
        "Jauh lebih panjang daripada soalan biasa.",
    ),
    "flood.duplicate": (
        "Repeats a question the author has already asked.",
        "Mengulang soalan yang telah ditanya oleh penulis.",
    ),
    "flood.near_duplicate": (
        "Is almost the same as a question the author has already asked.",
        "Hampir sama dengan soalan yang telah ditanya oleh penulis.",
    ),
    "custom.term": (
        "Contains a word or phrase the organiser does not allow: {matched}.",
        "Mengandungi perkataan atau frasa yang tidak dibenarkan oleh penganjur: {matched}.",
    ),
    "model.abuse": (
        "Our language model rates this question as likely abusive (score {score}).",
        "Model bahasa kami menilai soalan ini berkemungkinan kesat (skor {score}).",
    ),
    "model.hate": (
        "Our language model rates this question as likely hateful towards a group (score {score}).",
        "Model bahasa kami menilai soalan ini berkemungkinan membenci sesuatu kumpulan (skor {score}).",
    ),
    "model.sexual": (
        "Our language model rates this question as likely sexual (score {score}).",
        "Model bahasa kami menilai soalan ini berkemungkinan berunsur seksual (skor {score}).",
    ),
    "model.threat": (
        "Our language model rates this question as a likely threat (score {score}).",
        "Model bahasa kami menilai soalan ini berkemungkinan satu ugutan (skor {score}).",
    ),
    "model.self_harm": (
        "Our language model thinks the author may be at risk of self-harm (score {score}). " + SUPPORT_EN,
        "Model bahasa kami mendapati penulis mungkin berisiko mencederakan diri (skor {score}). "
        + SUPPORT_MS,
    ),
    "model.spam": (
        "Our language model rates this question as likely spam (score {score}).",
        "Model bahasa kami menilai soalan ini berkemungkinan spam (skor {score}).",
    ),
    "policy.hold_all": (
        "The organiser reviews every question before it is shown.",
        "Penganjur menyemak setiap soalan sebelum dipaparkan.",
    ),
    "policy.first_time": (
        "The organiser reviews a participant's first question before it is shown.",
        "Penganjur menyemak soalan pertama setiap peserta sebelum dipaparkan.",
    ),
}


def render(code: str, matched: str = "", score: float | None = None) -> tuple[str, str]:
    en, ms = MESSAGES[code]
    shown = f'"{matched}"' if matched else ""
    values = {"matched": shown, "score": f"{score:.2f}" if score is not None else ""}
    en, ms = en.format(**values), ms.format(**values)
    if not matched:
        en = en.replace(": .", ".")
        ms = ms.replace(": .", ".")
    return en, ms
