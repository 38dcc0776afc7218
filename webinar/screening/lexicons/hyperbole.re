# Figures of speech built on death and killing words (round 14, benign false holds), matched on the
# NORMALISED text like the phrase files. One regular expression per line. A self-harm phrase that overlaps a
# match is not read literally: "I could die of embarrassment", "I'm dying of laughing", "I would die for
# this kind of training", "nak mati gelak tengok", "dying to know". A wish to die with no such complement
# ("I could die", "I want to die tonight") is untouched, and so is one that names a means or a wish about
# life ("I'd die for it to end").
# "@TRIGGERS = ..." lists words of which every line needs one (whole canonical words, as in self_harm.re): a
# comment with none of them skips this file's look (round 15, speed; tests/screening/test_rules.py checks it).
@TRIGGERS = die dying died dead dieing mati mampus habis matilah mampuslah kill saved saves save selamatkan menyelamatkan heart funeral funerals wedding kenduri kahwin nikah pengebumian tiada meninggal cry crying cried happy ok okay lupa lupakan forget menjerit jerit pengsan bom gone
\b(?:die|dying|died|dead|mati) (?:laughing|of laughing|of laughter|from laughing|from laughter)\b
\b(?:die|dying|died|dead) (?:of|from) (?:laughter|laughing|embarrassment|shame|boredom|cringe|cuteness|excitement|curiosity|suspense|envy|hunger|the heat|heat|happiness|joy)\b
\b(?:would|could|will|i?d) (?:literally |honestly )?die for (?:a|an|this|that|these|those|some|the|one|free|more|your|his|her|their|it)\b(?! to (?:end|stop|be over))
\b(?:dying|dieing) to (?:know|see|try|hear|meet|watch|join|ask|learn|read|go|get|find out|visit|eat|buy)\b
\b(?:nak |hampir |rasa nak |boleh )?(?:mati|mampus) (?:gelak|ketawa|tergelak|malu|kebosanan|bosan|kelaparan|lapar|kepanasan|panas|kesejukan|sejuk|terkejut)\b(?: (?:aku|saya|sy|weh|wei|la|lah|bro|sis|sia|beb))*
\b(?:dead|dying|mati) (?:tired|bored|serious|last|centre|center|end|link|battery|phone)\b
# The author "dead" if something happens (trouble, not death): `mampus aku kalau bos tahu`, `mati la aku`,
# "I'm so dead if my mum finds out". Only the first person: `mampus kau kalau ...` is a threat.
(?<!nak )(?<!nk )(?<!rasa )(?<!ingin )(?<!mahu )(?<!nak nak )(?<!baik )(?<!better )\b(?:mati|mampus|habis|matilah|mampuslah) (?:la |lah )?(?:aku|saya|sy|i)\b(?! (?:nak|mahu|ingin|rasa|dah tak|tak nak hidup))
\b(?:im|i am|i m) (?:so |totally |literally )?dead (?:if|when|once|lol|haha)\b
# Not a figure but a unit: `kms` (read as "kill myself") right after a number is kilometres ("meliputi 20
# kms", "ran 5 kms today"); never after a sum of money ("RM5000 kms").
(?<!rm )(?<!usd )(?<!\$ )\b\d+(?:[.,]\d+)? kill myself\b(?! (?:lol|la|lah|je|jer|sia|bro|tbh|now|tonight|today|already|dah))
# Round 16 (docs/screening.md, "Round 16: ordinary comments"): a viewer's figures under a video. A song, an
# album, a video, a channel or an artist "saved my life" (thanks, not a rescue from self-harm: "this song saved
# my life", "your videos literally saved me", `lagu ni selamatkan hidup aku`); the self_harm head held them. A
# first person who "saved" someone else's life is not a figure and is left alone.
\b(?:(?:your|ur|her|his|their|this|the|these|that|dia punya|korang punya) )?(?:song|songs|album|albums|music|muzik|track|video|videos|vid|vids|channel|channels|content|vlog|vlogs|podcast|tutorial|lagu|lagu lagu|album ni|band|voice|suara|you|u|she|he|they|this|ni|ini|dia|kau|awak|korang|abang|kak|akak)(?: \w+){0,3}? (?:literally |honestly |actually |seriously |really |truly |basically |genuinely )?(?:saved|saves|has saved|have saved|selamatkan|menyelamatkan|dah selamatkan) (?:my life|me|my sanity|my day|my week|my year|my childhood|my marriage|my exam|my semester|my grades|hidup aku|hidup saya|nyawa aku|nyawa saya|aku|saya)\b
# "dead", "dying" or "I'm dead" as a reaction to something funny or stunning (the skull emoji is no word): the
# comment opens with it and a time stamp, "at", "lol" or a thing seen follows ("dead at the dog", "I'm dead at
# 2:30", "dead the ending"); a reason that is a wish ("dead inside", "I'd rather be dead") is untouched.
^(?:(?:im|i am|i m) )?(?:literally |actually |so |lowkey |honestly )?(?:dead|deadd+|dying|died|ded)(?: (?:lol|lmao|lmfao|haha\w*|bro|bruh|omg|rn|af|again))*(?: (?:at|@|the|this|that|how|when|his|her|their|ur|your|di|kat) (?!inside\b|alone\b|already\b|soon\b)\w+| \d+(?: \d+)*|$)
# Singlish "die die must" / "die die also must" (at all costs: "die die must watch", "this one die die must
# listen"): the threat head held it.
\bdie die (?:also |oso |sure |confirm |also sure )?(?:must|need to|have to|kena|mesti|wan|want to|gotta|go)\b
# Devotion to a thing (a voice, a ticket, a recipe), not to a person: "I would kill for her vocals", "I'd kill
# for this voice", "kill for a ticket"; "I would kill for her" alone stays a phrase the threat rules read.
\b(?:(?:i|we) )?(?:would|could|will|i?d) (?:literally |honestly )?kill for (?:a|an|this|that|these|those|some|one|more|the|her|his|their|your|ur|yuna s|siti s) (?:\w+ )?(?:voice|vocals|vocal|range|note|notes|ticket|tickets|seat|seats|album|song|songs|recipe|skills|skill|talent|hair|outfit|dress|voice s|concert|meet|signature|autograph|copy|vinyl|merch|collab|version|cover|remix|beat|beats|verse|bridge|chorus|body of work|playlist|life)\b
# The heart of a moved viewer: "my heart can't take this", "my heart cannot handle this" (no self-harm wish).
\bmy (?:poor |little |weak |fragile )?heart (?:cant|cannot|can not|can t|couldnt|could not) (?:take|handle|bear|stand)(?: (?:this|it|that|all this|so much|the|how))*\b
# A song wished for one's wedding or funeral, or to be remembered by ("I want this played at my funeral",
# "I want this song played at my wedding", `nanti aku kahwin nak lagu ni`, "when I die play this song", `kalau aku
# mati nanti mainkan lagu ni`, `bila aku dah tiada nanti, ingatlah lagu ni`): the self_harm head held them.
\b(?:(?:i|we|aku|saya|kami) (?:want|wanna|need|nak|mahu|hope|harap) (?:this|it|lagu ni|lagu ini|this song|the song|this one)(?: song)?(?: to be)? )?(?:play|played|playing|plays|main|mainkan|dimainkan|pasang|putar|pakai|nyanyi|sing|sung)(?: \w+){0,4}? (?:at|during|for|on|masa|waktu|time|kat|di|dalam|untuk|in) (?:my|our|aku|saya|kami)? ?(?:wedding|funeral|kenduri|majlis|kahwin|nikah|pengebumian|first dance|reception|resepsi)\b(?: (?:aku|saya|kami|nanti|later|one day|someday))*
\b(?:nanti |bila |kalau |when |if )?(?:i|aku|saya|we|kami) (?:get married|kahwin|nikah|bernikah|berkahwin)\b(?: (?:nanti|later|one day|someday))?(?: \w+){0,2}? (?:nak|want|will|akan|mesti|must)(?: \w+){0,2}? (?:lagu|song|this)\b
\b(?:when|bila|kalau|if|once|after) (?:i|aku|saya) (?:die|mati|dah tiada|sudah tiada|dah takde|meninggal|pergi|am gone|m gone|gone)(?: (?:nanti|later|one day|someday|kelak))*,? (?:please )?(?:play|mainkan|main|pasang|putar|ingat|ingatlah|kenang|kenanglah|dengar|dengarlah|remember)(?: \w+){0,2}? (?:this|lagu|song|ni|me|aku|saya)\b
# Crying oneself to sleep over a song, dying happy, not being okay after an ending, screaming or fainting at a
# voice, never forgetting a song (`takkan lupa lagu ni`: the threat head read "I won't forget" as a menace), and
# Singlish "steady bom pi pi" (excellent).
\b(?:cry|crying|cried|cries|gonna cry|going to cry) myself to sleep\b(?! (?:forever|and never|never|for good|every night and))
\b(?:could|can|would|will|i d|id|gonna|going to) (?:now |finally |literally )?die (?:happy|happily|in peace|a happy man|a happy woman|content)\b(?: (?:now|today|tonight|after (?:hearing|seeing|watching|listening to|meeting) (?:this|that|her|him|them|it|you)(?: live| in person)?))?
\b(?:im|i am|i m|were|we are|we re) (?:so |really |totally |emotionally )?not (?:ok|okay|fine|alright) (?:after|with|because of|bcs|bcoz) (?:this|that|the|watching|hearing|listening to) ?(?:\w+ )?(?:ending|song|video|episode|scene|part|chorus|bridge|performance|twist|plot twist|mv|vlog|cover|note|verse|finale|one)?\b
\b(?:rasa |macam |nak |boleh |hampir |terus )+(?:menjerit|jerit|pengsan)\b(?: (?:dengar|tengok|tgk|masa|bila|sebab|dengan|ni|tu|weh|la|lah)\b.*)?$
\b(?:(?:sampai bila pun|sampai mati|sampai bila bila|till i die|until i die|forever) )?(?:(?:aku|saya|i|we|kami) )?(?:tak|takkan|tidak|tak akan|tidak akan|tak pernah|never|wont|won t|will never|cant|can t|cannot|could never|ill never|i ll never) (?:pernah |akan |ever )?(?:lupa|lupakan|melupakan|forget)(?: (?:pasal|about))? (?:lagu|song|this song|that song|suara|voice|album|video|konsert|concert|persembahan|performance|show|moment|momen|zaman|kenangan|malam|night|day|hari|tune|lyrics|lirik)\b(?: (?:ni|ini|tu|itu|this|that|dia))?
\bsteady (?:bom|pom|bong) pi pi\b
