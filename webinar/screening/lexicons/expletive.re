# Round 15: swearing that no single word-list entry reads, matched on the FOLDED text (lower case, with its
# punctuation), code profanity.lexicon. Format as self_harm.re; each match is one swear word or phrase.
# "af" ("as fuck") after a word, closing a clause or before a particle ("boring af", "scam af lah"); "af"
# beside a function word or a number ("in af", "AF447") is no swearing.
@PARTICLE = (?:lah|la|lol|tho|though|bro|man|sia|weh|wei|haha|gila|ni|tu|seh)
\b[a-z]{3,} af(?=\s*(?:[,.!?;)]|$)|\s+{PARTICLE}\b)
# "anjing"/"anjeng" said as an oath: opening a clause with a particle and closing it ("anjing la, aku kena
# tipu lagi", "anjeng betul!"); the animal goes on with a clause ("anjing la yang gigit dia").
(?:^|(?<=[,.!?;:])\s*)(?:anjing|anjeng)(?: (?:la|lah|betul|sial|siot|ah|bro)){1,2}(?=\s*(?:[,.!?;]|$))
# The raised middle finger emoji.
\U0001F595
