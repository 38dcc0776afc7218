# Figures of speech built on death and killing words (round 14, benign false holds), matched on the
# NORMALISED text like the phrase files. One regular expression per line. A self-harm phrase that overlaps a
# match is not read literally: "I could die of embarrassment", "I'm dying of laughing", "I would die for
# this kind of training", "nak mati gelak tengok", "dying to know". A wish to die with no such complement
# ("I could die", "I want to die tonight") is untouched, and so is one that names a means or a wish about
# life ("I'd die for it to end").
# "@TRIGGERS = ..." lists words of which every line needs one (whole canonical words, as in self_harm.re): a
# comment with none of them skips this file's look (round 15, speed; tests/screening/test_rules.py checks it).
@TRIGGERS = die dying died dead dieing mati mampus habis matilah mampuslah kill
\b(?:die|dying|died|dead|mati) (?:laughing|of laughing|of laughter|from laughing|from laughter)\b
\b(?:die|dying|died|dead) (?:of|from) (?:laughter|laughing|embarrassment|shame|boredom|cringe|cuteness|excitement|curiosity|suspense|envy|hunger|the heat|heat|happiness|joy)\b
\b(?:would|could|will|i?d) (?:literally |honestly )?die for (?:a|an|this|that|these|those|some|the|one|free|more|your|his|her|their|it)\b(?! to (?:end|stop|be over))
\b(?:dying|dieing) to (?:know|see|try|hear|meet|watch|join|ask|learn|read|go|get|find out|visit|eat|buy)\b
\b(?:nak |hampir |rasa nak |boleh )?(?:mati|mampus) (?:gelak|ketawa|tergelak|malu|kebosanan|bosan|kelaparan|lapar|kepanasan|panas|kesejukan|sejuk|terkejut)\b
\b(?:dead|dying|mati) (?:tired|bored|serious|last|centre|center|end|link|battery|phone)\b
# The author "dead" if something happens (trouble, not death): `mampus aku kalau bos tahu`, `mati la aku`,
# "I'm so dead if my mum finds out". Only the first person: `mampus kau kalau ...` is a threat.
(?<!nak )(?<!nk )(?<!rasa )(?<!ingin )(?<!mahu )(?<!nak nak )(?<!baik )(?<!better )\b(?:mati|mampus|habis|matilah|mampuslah) (?:la |lah )?(?:aku|saya|sy|i)\b(?! (?:nak|mahu|ingin|rasa|dah tak|tak nak hidup))
\b(?:im|i am|i m) (?:so |totally |literally )?dead (?:if|when|once|lol|haha)\b
# Not a figure but a unit: `kms` (read as "kill myself") right after a number is kilometres ("meliputi 20
# kms", "ran 5 kms today"); never after a sum of money ("RM5000 kms").
(?<!rm )(?<!usd )(?<!\$ )\b\d+(?:[.,]\d+)? kill myself\b(?! (?:lol|la|lah|je|jer|sia|bro|tbh|now|tonight|today|already|dah))
