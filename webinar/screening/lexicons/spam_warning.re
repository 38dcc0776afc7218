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
\b(?:fake|palsu|a scam|scam|scams|penipuan|tipu|menipu|phishing|bogus|hoax)\b.*\b(?:dont|do not|never|jangan|jgn|usah|tak payah|x payah) (?:\w+ )?(?:click|tekan|klik|join|masuk|reply|balas|percaya|trust|fall for|layan|share|kongsi|sign up|daftar|transfer|pindah|bayar|pay)\b
\b(?:dont|do not|never|jangan|jgn|usah|tak payah|x payah) (?:\w+ )?(?:click|tekan|klik|join|masuk|reply|balas|percaya|trust|fall for|layan|share|kongsi|sign up|daftar|transfer|pindah|bayar|pay)\b.*\b(?:its|it is|is|tu|ni|itu|ini|adalah|semua)? ?(?:fake|palsu|a scam|scam|penipuan|tipu|phishing|bogus|hoax)\b
