# Warnings about spam (round 14, benign false holds), matched on the NORMALISED text. One regular
# expression per line. A comment that says the thing is fake or a scam AND tells people not to click,
# join, reply or trust it ("the giveaway in this video description is fake, don't click it", `giveaway
# dalam video tu palsu, jangan tekan`) warns about spam: its spam signals count for nothing, unless it also
# carries a link, a contact handle or a phone number (then rules.spam_hits counts them as usual). A claim
# alone ("100% not fake, join now") or a negated action alone is no warning.
# Lines labelled "question<TAB>" are questions written without a question mark (on the folded text, with
# punctuation): "is that usually a scam!", `beli followers tu salah di sisi undang-undang ke!`, `real ke
# scam`: with them a spam signal asked about (rules._asked_about) or quoted counts for nothing, as with "?".
question	\b(?:is (?:that|this|it) (?:\w+ )?(?:a |an )?(?:scam|legit|real|fake|safe|illegal|allowed|normal)|adakah|betul ke|real ke|benar ke|sah ke|legit ke|ok ke|boleh ke)\b
question	\bke\W*$
# Lines labelled "asked<TAB>" are words of a question about a spam signal's lawfulness, beside the scam words
# rules._SPAM_ASKED_RE knows ("beli followers tu salah di sisi undang-undang ke?", "is buying likes illegal?").
asked	\b(?:salah di sisi|undang|illegal|legal|against the law|melanggar|allowed|dibenarkan|boleh kena tangkap|kena saman)\b
\b(?:fake|palsu|a scam|scam|scams|scammer|scammers|penipuan|penipu|tipu|menipu|phishing|bogus|hoax|bots|bot|spam|spammers|along|ah long)\b.*\b(?:dont|do not|never|jangan|jgn|usah|tak payah|x payah) (?:\w+ )?(?:click|tekan|klik|join|masuk|reply|balas|percaya|trust|fall for|layan|share|kongsi|sign up|daftar|transfer|pindah|bayar|pay)\b
\b(?:dont|do not|never|jangan|jgn|usah|tak payah|x payah) (?:\w+ )?(?:click|tekan|klik|join|masuk|reply|balas|percaya|trust|fall for|layan|share|kongsi|sign up|daftar|transfer|pindah|bayar|pay)\b.*\b(?:its|it is|is|tu|ni|itu|ini|adalah|semua)? ?(?:fake|palsu|a scam|scam|penipuan|penipu|tipu|phishing|bogus|hoax|bots|bot|spam|along|ah long)\b
# Lines labelled "broken<TAB>" (round 15) follow a spam signal about a link (its words hold "link", `pautan`,
# "bio" or "description"): a viewer telling the creator that the link is broken ("link in bio not working",
# `link kat description tak boleh buka`): the signal counts for nothing.
broken	 (?:\w+ ){0,2}?(?:doesnt work|does not work|dont work|didnt work|not working|isnt working|is not working|is broken|broken|is dead|dead|expired|tak boleh buka|tak boleh bukak|x boleh buka|xboleh buka|rosak|tak berfungsi|error|404|cant open|cannot open|can t open|not found)\b
# Round 15 (docs/screening.md, "Round 15: spam and ordinary video comments"), comments under a campaign video:
#   fake     words that, outside the quotation marks round a quoted spam signal, call it fake, a scam or a
#            bot's ('"claim your prize now", obviously fake lol'): the quoted signal is reported, not sent
#   called   a statement that calls the offer a scam or a theft, not negated ("if someone offers RM300 a day
#            just to like videos, it's a scam", `kerja like video dapat RM300 sehari tu semua scam`, "free
#            followers apps steal your password"): with no link, contact or personal data and no signal naming
#            the author ("me", `saya`), the signals count for nothing ("100% not a scam, pm me" is still spam)
#   victim   a scam told by its target or reported ("kawan saya kena tipu pinjaman tanpa dokumen", "my aunt
#            lost RM50k to a fake investment", "received a call from 'PDRM' ..., reported to 997"): the same,
#            and when no spam signal counts the spam head is quiet too
#   asked    (above) also "anyone else getting ... ?"
fake	\b(?:fake|palsu|scam|scams|scammer|scammers|penipuan|penipu|tipu|phishing|bogus|hoax|bots?|spam|spammers|along|ah long)\b
called	(?<!\bnot )(?<!\bbukan )(?<!\bno )(?<!\btak )(?<!\btidak )(?<!\bnever )(?<!\bx )\b(?:is a scammer|are scammers|are all scammers|itu scammer|tu scammer|semua scammer|recovery scams?|scam recovery|\w+ scams are real|its a scam|it s a scam|is a scam|are scams|are a scam|is scam|semua scam|tu scam|ni scam|itu scam|adalah scam|confirm scam|100 scam|scam 100|scam semua|semua penipuan|adalah penipuan|tu penipuan|itu penipuan|steal your|steals your|curi (?:data|duit|password|kata laluan|akaun|maklumat)|mencuri)\b
victim	\b(?:kena tipu|kena scam|terkena scam|tertipu|ditipu|got scammed|was scammed|been scammed|were scammed|(?:lost|hilang|rugi) (?:rm|\$) ?\d\w*|lost my|lost his|lost her|lost their|lost all|hilang duit|reported (?:it|to|them|the)|dah report|dah lapor|blocked (?:it|the|them|immediately)|almost (?:clicked|transferred|fell|paid|lost)|hampir (?:transfer|klik|tertipu|kena))\b
asked	\b(?:trap|traps|trapping|perangkap|memerangkap|jerat|menjerat|betul|benar|tulen|sah|anyone else (?:getting|got|receiving|receive)|sesiapa lagi dapat|ada orang lain dapat|korang pun dapat)\b
