# Counter-speech: a comment that quotes or refers to hate in order to reject it, or asks how to answer
# it. When one of these matches, group-hate findings (not slurs at the reader, not threats) are dropped.
# A line labelled "fake" ("fake<TAB>regex", round 14) is a disclaimer that introduces hate rather than
# rejecting it ("call me racist but ...", "I'm not racist but ..."): a comment with one is never
# counter-speech, whatever other line matches.
\b(?:racist|racism|rasis|perkauman|stereotype|stereotypes|stereotyping|stereotaip|prejudice|prejudis|bigot|bigoted|bigotry|hate speech|ucapan kebencian|xenophobic|xenophobia|sexist|sexism|seksis|homophobic|homophobia|islamophobia|islamophobic|antisemitic|antisemitism|discrimination|diskriminasi|generalisasi|generalisation|generalization|generalising|generalizing)\b
\b(?:not true|untrue|tidak benar|tak benar|tak betul|tidak betul|a lie|that lie|lies|a myth|mitos|fitnah|nonsense|karut|bullshit)\b
\b(?:saying|to say|say that|says that|said that|kata|cakap|mengatakan|call|calling|calls|panggil|statements?|kenyataan|comments?|komen|remarks?|ucapan|tweets?|posts?|hantaran)\b.*\b(?:wrong|salah|unfair|tidak adil|tak adil|hurtful|menyakitkan|offensive|unacceptable|tidak boleh diterima|tak boleh terima|shameful|memalukan|ignorant|jahil|not okay|not ok|tak patut|tidak patut)\b
\b(?:wrong|salah|unfair|tidak adil|tak adil|hurtful|menyakitkan|offensive|unacceptable|tidak boleh diterima|tak boleh terima|shameful|memalukan|ignorant|jahil|not okay|not ok|tak patut|tidak patut) (?:to say|to call|to claim|to think|untuk (?:kata|cakap|mengatakan|panggil|anggap))\b
\bits? (?:is |was )?(?:wrong|salah|unfair|tidak adil|tak adil|hurtful|menyakitkan|offensive|unacceptable|tidak boleh diterima|tak boleh terima|shameful|memalukan|ignorant|jahil|not okay|not ok|tak patut|tidak patut)\b
\b(?:stop saying|stop calling|stop spreading|berhenti (?:kata|cakap|mengatakan|sebar)|jangan (?:kata|cakap|sebut|panggil|sebar|buat generalisasi)|people who say|those who say|orang yang (?:kata|cakap|mengatakan)|when (?:people|someone|they|others) (?:say|said|call|claim)|bila orang (?:kata|cakap|panggil)|apabila (?:orang|seseorang) (?:kata|cakap|mengatakan)|if (?:you|someone|anyone) (?:say|says|said|think|thinks)|claims? that|dakwaan|statements? like|comments? like|komen (?:macam|seperti)|not all|bukan semua|tidak semua|tak semua)\b
\b(?:how (?:do|should|can|could) (?:we|i|parents|teachers) (?:respond|reply|answer|counter|report|deal with|handle|push back)|macam mana nak (?:balas|jawab|lapor|report|tangani|hadapi)|bagaimana (?:nak |untuk )?(?:membalas|menjawab|melaporkan|menangani|menghadapi))\b
\b(?:reported|report|flagged|lapor|laporkan|melaporkan|melapor|block|blocked|sekat)\b.*\b(?:called|calling|calls|said|says|saying|kata|panggil|cakap|mengatakan|menggelar|gelar)\b
# Held-out round 1: rejection ("it's false", "outdated"), "jangan la cakap/samakan", victims reporting what
# they were called or told, comments that should be removed, "how to report/respond".
\b(?:false|its false|thats false|outdated|an outdated myth|salah faham|tidak tepat|tak tepat)\b
# Round 16: Indonesian rejections ("Islam itu agama damai, jangan dikaitkan dengan teroris", "jangan mengkafirkan").
\bjangan (?:la |lah )?(?:kata|cakap|sebut|panggil|samakan|generalise|generalize|label|labelkan|hina|cop|tuduh|menuduh|gelar|gelarkan|anggap|judge|dikaitkan|dikait kaitkan|kaitkan|kait kaitkan|disamakan|menyamakan|bilang|ngatain|mengkafirkan|kafirkan)\b
\b(?:was told to|were told to|told me to|told him to|told her to|kena panggil|dipanggil|called me|called him|called her|kena ejek|diejek|ejek dia)\b
\b(?:comments?|komen|posts?|remarks?|statements?|kenyataan|messages?|mesej) (?:\w+ ){0,6}?(?:should be|must be|patut|perlu|harus) (?:removed|deleted|reported|taken down|dipadam|dibuang|dilaporkan|diturunkan)\b
\b(?:how|macam mana|mcm mana) (?:to|nak) (?:respond|reply|report|deal with|handle|balas|jawab|lapor|report)\b
# Round 2: the author reports what someone else wrote and asks for it to go ("a user said X, please ban
# them", "ada orang tulis X, tolong padam"), and people telling others to "go back" being rejected.
\b(?:someone|somebody|a user|user|one user|a viewer|viewer|a guy|this guy|that guy|a person|ada orang|seseorang|a comment|the comment|comment above|a post|somebody else|some guy|some user)\b (?:\w+ ){0,4}?(?:commented|comments|comment|wrote|writes|write|said|says|posted|posting|posts|typed|claims|claimed|is saying|keeps saying|tulis|menulis|kata|cakap|komen|mengatakan|hantar)\b.*\b(?:ban|banned|remove|removed|delete|deleted|padam|buang|block|sekat|report|reported|lapor|laporkan|take it down|take this down|take down|kick|keluarkan)\b
\b(?:please|pls|plz|tolong|admin|admins|mods|mod|moderator|moderators)\b (?:\w+ ){0,3}?(?:ban|remove|delete|padam|buang|block|sekat|take down|kick out|keluarkan) (?:that|this|the|those|these|dia|itu|ini|tu|ni|it|them|him|her) ?(?:user|users|comment|comments|komen|post|posts|person|guy|account|akaun|orang)?\b.*\b(?:said|says|saying|wrote|posted|posting|calls|called|calling|cakap|kata|tulis|panggil)\b
\b(?:telling|tell|told|tells|suruh|menyuruh|yang suruh) (?:\w+ ){0,3}?(?:to )?(?:go back|balik)\b
# Round 3: disagreeing with what people say ("saya tak setuju bila orang kata"), "it's not nice to say",
# "tak baik cakap", "if someone says ..., correct it with facts", how to correct or call out a friend who
# insults a group, reporting hate speech "like ...".
\b(?:tak setuju|tidak setuju|disagree|dont agree|do not agree|tak percaya|tidak percaya) (?:\w+ ){0,3}?(?:bila|when|that|dengan|with|kalau|yang|apabila)\b
\b(?:tak baik|tidak baik|not nice|not fair|not right|not cool|tak adil) (?:la |lah )?(?:to )?(?:cakap|kata|sebut|panggil|label|say|call|label)\b
\b(?:kalau|jika|if|bila) (?:orang|seseorang|people|someone|anyone|kawan|my friends?|relatives?|saudara) (?:\w+ )?(?:kata|cakap|say|says|said|claim|claims|post|posts|tulis|sebut)\b.*\b(?:betulkan|perbetulkan|correct|counter|lawan|jawab|balas|reply|respond|fakta|facts)\b
\b(?:how|macam mana|mcm mana|bagaimana) (?:to|nak|do i|can i|should i|do we|can we) (?:\w+ )?(?:tegur|menegur|nasihat|nasihatkan|correct|call out|talk to|speak to|educate|ajar)\b
\b(?:hate speech|ucapan kebencian|racist comments?|komen perkauman|racist posts?) (?:like|macam|seperti|such as)\b
\b(?:change (?:his|her|their|my \w+s?) mind|ubah (?:fikiran|pandangan) (?:dia|mereka|ayah|atuk|mak|nenek))\b
\bstop (?:la |lah )?(?:label|labelling|labeling|calling|saying|cakap|kata)\b
# Round 3, from heldout_3's known misses (kinds): reporting a comment and asking for it to go, "don't say
# that ...", "salah kalau kata ...", "what do you say to a relative who claims ...", reporting the person
# who said it, and the names of prejudice (ageist, ableist, transphobic, misogynist).
\b(?:a |the |there was a |there is a |ada )?(?:comment|komen|post|message|mesej) (?:that|yang|saying|cakap|kata)\b.*\b(?:delete|padam|remove|buang|ban|take down|turunkan)\b
\b(?:padam|delete|remove|buang|turunkan|take down) (?:\w+ )?(?:komen|comments?|posts?|hantaran|mesej|messages?) (?:yang|that|which)\b
\b(?:dont|do not|jangan) (?:la |lah )?(?:say|cakap|kata|claim) (?:that|yang)\b
\b(?:salah|wrong|tak betul|tidak betul|tak patut) (?:(?:kalau|bila|jika|to|apabila|untuk) )?(?:kata|cakap|say|claim|anggap)\b
\b(?:what|apa) (?:do|should|can|could) (?:you|i|we|kita|saya) (?:say|reply|respond|tell|jawab|balas|cakap) (?:to|kat|kepada|pada)\b
\b(?:reporting|report|reported|melaporkan|lapor|laporkan) (?:the |a |this |that )?(?:guy|person|user|orang|account|akaun|comment|komen|page|people)\b.*\b(?:said|say|says|saying|cakap|kata|wrote|tulis|posted)\b
\b(?:ageist|ageism|ableist|ableism|transphobic|transphobia|misogynist|misogynistic|misogyny)\b
# Round 4 (kinds): telling others not to call or name a group something ("please don't call migrants
# cockroaches", "don't say that word"), naming a word as a slur or as dehumanising.
\b(?:dont|do not|please dont|pls dont|never|stop) (?:\w+ )?(?:call|calling|say|saying|use|using|compare|comparing|label|labelling|labeling) (?:\w+ ){0,4}?(?:\w+)\b.*\b(?:slur|slurs|dehumanising|dehumanizing|dehumanise|dehumanize|hurtful|racist|wrong|not ok|not okay|offensive|hinaan|kesat|menghina|tak baik)\b
\b(?:that|this|the|itu|ini|a) (?:word|term|perkataan|istilah) (?:is|are|itu|ini|adalah)? ?(?:a )?(?:slur|racist|offensive|menghina|kesat|perkauman|rasis)\b
\b(?:dehumanising|dehumanizing|dehumanises|dehumanizes|merendahkan martabat|menghina kaum)\b
# Round 5: asking others not to share or spread content that mocks a group.
\b(?:jangan|tolong jangan|stop|dont|do not|please dont|berhenti) (?:\w+ ){0,2}?(?:kongsi|share|sharing|sebar|sebarkan|post|posting|like|repost|forward|viralkan) (?:\w+ ){0,4}?(?:hina|menghina|mocking|mock|insulting|insult|racist|perkauman|rasis|mempersendakan|memperlekeh)\b
# Round 6: the author answers whoever said it ("whoever said <group> <trait>, you're wrong").
\b(?:whoever|anyone who|those who|people who|siapa yang|sesiapa yang|sapa yang)\b (?:said|says|say|cakap|kata|claims?|thinks?)\b.*\b(?:wrong|salah|silap)\b
# Round 7: more names for rejecting hate ("hateful", `biadab`, "inhumane", `tidak berperikemanusiaan`),
# "how do you respond", a label pinned on a group called unfair (`tak adil cop X sebagai Y`, "salah besar
# kata"), a comment "above"/"below" saying it, and asking the best way to correct someone (`cara nak tegur`).
\b(?:hateful|penuh kebencian|biadab|kurang ajar|tidak berperikemanusiaan|tak berperikemanusiaan|inhumane|dehumanising|bigoted|vile|keji)\b
\bhow (?:do|should|can|would) you (?:respond|reply|answer|react|deal with|handle|push back)\b
\b(?:salah|wrong|tak adil|tidak adil|unfair|tak patut|tidak patut|tak baik|tidak baik|not fair|not right) (?:\w+ )?(?:(?:kalau|bila|jika|to|apabila|untuk) )?(?:kata|cakap|say|claim|anggap|cop|label|labelkan|tuduh|gelar|gelarkan|call|brand|paint|lump)\b
\b(?:comment|komen|post|message|mesej) (?:above|below|atas|bawah|earlier|tadi|in the chat|dalam chat) (?:that|yang|saying|cakap|kata|which says)\b
\b(?:cara|best way|the right way|a good way|cara baik|cara terbaik) (?:\w+ )?(?:nak|untuk|to) (?:tegur|menegur|nasihat|correct|call out|respond|balas|jawab)\b
\b(?:bila|when|kalau|apabila|whenever|every time|tiap kali) (?:\w+ )?(?:dengar|terdengar|hear|heard|nampak|see|baca|read) (?:\w+ )?(?:orang|people|someone|seseorang|kawan|relatives?|saudara|my \w+) (?:\w+ )?(?:kata|cakap|say|says|said|claim|claims|tulis|post|posts)\b
# Round 13: blame rejected ("not fair to blame <group> for ...", "salah kalau tuduh ..."), the people who
# call a group names ("people who call <group> parasites should ..."), the -nya forms of "not all"
# (`bukan semuanya`), and one offender said not to make a whole group ("that does not make every ... a ...").
\b(?:wrong|salah|unfair|not fair|tidak adil|tak adil|not right|tak patut|tidak patut|tak baik|tidak baik) (?:la |lah )?(?:to |untuk |kalau |bila )?(?:blame|blaming|judge|judging|accuse|accusing|salahkan|menyalahkan|tuduh|menuduh|hukum|menghukum)\b
\b(?:people|those|anyone|someone|orang|mereka) (?:who|that|yang) (?:call|calls|label|labels|brand|panggil|gelar|menggelar|labelkan)\b(?! themselves| ourselves| diri)
\b(?:bukan|tak|tidak) semuanya\b
\b(?:does not|doesn't|doesnt|do not|don't|dont|did not|didn't) (?:make|mean) (?:every|all|the whole|semua)\b
# Round 14 (benign false holds): rejecting a dehumanising comparison or treatment by what it does ("treating
# X as Y denies their humanity", "comparing X to vermin is how ... started, please stop", `menyamakan X dengan
# ... tidak berperikemanusiaan`), asking where a stereotype comes from ("where does this idea that X are Y
# even come from?", `dari mana datang idea bahawa ...`), and the author denying having said it ("I never said
# X are Y", `saya tak pernah cakap ...`).
\b(?:denies|deny|denying|denied|strips|strip|stripping|takes away|robs|robbing) (?:\w+ ){0,3}?(?:humanity|dignity|maruah|kemanusiaan)\b
\b(?:comparing|compare|likening|menyamakan|membandingkan|samakan) (?:\w+ ){1,5}?(?:to|with|dengan|kepada) (?:\w+ ){1,4}?(?:is|was|are|ialah|adalah|itu|tu) (?:how|what|why|wrong|dehumanising|dehumanizing|dangerous|not ok|not okay|salah|bahaya|tak patut|tidak patut|tidak berperikemanusiaan|tak berperikemanusiaan)\b
\b(?:where (?:does|did|do) (?:this|the|that|these) (?:idea|ideas|notion|belief|myth|assumption|stereotype)|dari mana (?:datang |datangnya )?(?:idea|tanggapan|anggapan|mitos|stereotaip))\b
\b(?:i|we|saya|aku|kami) (?:never|did not|didnt|tak pernah|tidak pernah|x pernah) (?:said|say|claimed|claim|wrote|write|cakap|kata|tulis|mengatakan)\b(?! (?:otherwise|anything else|sebaliknya|so|they were|they are not|it was wrong))
# Round 14 (hate without a listed word): treating or comparing a group to something called wrong ("treating
# refugees as vermin is cruel"; denying humanity is the line above), "they are human too",
# "don't generalise" in its other spellings and Malay idioms for lumping a group together (`pukul rata`).
\b(?:treating|treat|treats|treated|comparing|compare|compares|describing|describe|menyamakan|samakan|layan|melayan|anggap|menganggap|menggambarkan)\b (?:\w+ ){0,4}?(?:as|to|like|macam|sebagai|dengan|seperti)\b.*\b(?:denies|deny|denying|strips|wrong|cruel|harmful|dangerous|hurtful|unfair|salah|kejam|zalim|tak adil|tidak adil|racist|rasis|not ok|not okay|unacceptable|inhuman|tak berperikemanusiaan)\b
\b(?:are|r|is) (?:human|humans|human beings|people|persons) (?:too|also|as well|like us|like you)\b|\b(?:juga|pun) manusia\b|\bmanusia (?:juga|biasa macam kita|macam kita)\b
\b(?:generalise|generalize|overgeneralise|overgeneralize|digeneralisasikan|pukul rata|pukul sama rata|sama ratakan|samaratakan|same brush|lump (?:them|all|everyone|every)|menyamaratakan)\b
fake	\b(?:call me (?:a )?(?:racist|rasis|bigot|sexist)|(?:dont|do not|jangan|jgn) (?:call|cakap|kata|panggil|label|cop) (?:me|saya|aku|i) (?:a )?(?:racist|rasis|bigot|sexist)|(?:people|orang|they|you|dorang|mereka|some|some people) (?:will |may |might |can )?(?:say|said|call|calls|cakap|kata|panggil|think) (?:i am|im|me|saya|aku|i) (?:a |am a )?(?:racist|rasis|bigot|sexist)|(?:i am|im|i m|not being|not trying to be|saya bukan|aku bukan|bukan nak) (?:not )?(?:a )?(?:racist|rasis|bigot|sexist)(?: or anything)?,? (?:but|tapi|tp)|no offen[cs]e,? but|sorry (?:to say|to be racist),? but)\b
# Round 15 (counter-speech and talk about harm): more ways to name the people who say it ("those who claim",
# "whoever wrote that"), a rejection named after "that's"/`tu` ("that's so ignorant", `tu salah`), a comment
# "above" that "calls" a group something, blame and labelling called wrong, the author's own belief
# retracted ("I used to think ..., I was wrong"), calls for violence reported or called wrong ("people calling
# for X to be shot should be reported"), shame on whoever said it, and a third person's words reported with
# "told <someone> that" ("a caller told my mum that X are stupid").
\b(?:people|those|anyone|someone|orang|mereka|sesiapa|siapa) (?:who|that|yang) (?:claim|claims|claimed|think|thinks|believe|believes|wrote|write|writes|post|posts|posted|tulis|menulis|komen|anggap|fikir|percaya)\b
\b(?:whoever|sesiapa yang|siapa yang|sapa yang|siapa pun yang) (?:\w+ )?(?:said|says|say|wrote|writes|write|posted|posts|typed|commented|claims|claimed|thinks|cakap|kata|tulis|komen|hantar)\b
\b(?:thats|that is|this is|that was|its|it is|ini|itu|tu|ni) (?:so |very |really |just |plain |totally |sangat |memang |amat )?(?:wrong|salah|ignorant|jahil|racist|rasis|sexist|seksis|bigoted|hateful|hurtful|offensive|unfair|tak adil|tidak adil|disgusting|menjijikkan|shameful|memalukan|not okay|not ok|not true|tak betul|tidak betul|tak benar|tidak benar|a stereotype|stereotaip|a lie|fitnah|menghina|disgusting|menjijikkan|nonsense|karut|mengarut)\b
\b(?:comment|komen|post|message|mesej|user|someone|somebody) (?:above|below|atas|bawah|earlier|tadi|in the chat|dalam chat|in chat) (?:calls|called|calling|panggil|gelar|menggelar|cop|says|said)\b
\b(?:blaming|blame|labelling|labeling|stereotyping|judging|menyalahkan|salahkan|melabel|labelkan|menuduh|tuduh) (?:\w+ ){1,8}?(?:is|are|was|ialah|adalah|itu|tu) (?:\w+ )?(?:wrong|salah|unfair|tak adil|tidak adil|lazy thinking|ignorant|jahil|racist|rasis|not ok|not okay|nonsense|karut|mengarut)\b
\b(?:i|we|saya|aku|kami) (?:pun |also |too |sendiri )?(?:used to|dulu|dahulu|pernah) (?:\w+ )?(?:think|thought|believe|believed|fikir|percaya|ingat|sangka|anggap)\b.*\b(?:wrong|salah|silap|was mistaken|changed my mind|until|sampai|sehingga)\b
\b(?:calling for|calls for|call for|called for|seruan|menyeru|gesaan|ajakan) (?:\w+ ){0,8}?(?:should|must|patut|perlu|harus|need to|is|are|ialah|adalah)\b (?:\w+ )?(?:be )?(?:reported|removed|deleted|banned|blocked|taken down|dilaporkan|dipadam|dibuang|disekat|diharamkan|wrong|salah|a crime|jenayah|illegal|haram|dangerous|bahaya)\b
\b(?:shame on|malu la|memalukan) (?:\w+ )?(?:whoever|anyone|those|people|orang|sesiapa|yang)\b
\b(?:a caller|the caller|caller|the scammer|a scammer|scammer|scammer tu|the troll|a troll|troll|a stranger|stranger|pemanggil|penipu tu|the man|a man|some guy|a guy|a user|someone|somebody|ada orang|seseorang) (?:\w+ ){0,2}?(?:told|tells|said to|texted|messaged|cakap kat|cakap dekat|beritahu|bagitahu) (?:\w+ ){1,3}?(?:that|yang|bahawa)\b
\b(?:teach|teaching|taught|ajar|mengajar|didik|told|tell|explain to|terangkan kepada|terangkan pada) (?:\w+ ){0,3}?(?:kids|children|son|daughter|students|anak|anak anak|murid|pelajar|budak|budak budak|class)\b (?:\w+ ){0,3}?(?:never|not to|jangan|why|kenapa|that|bahawa)\b
# Round 15, second batch: saying, hating or blaming named as the subject of a rejection ("Saying X are dirty ...
# is disgusting", "Hating all Muslims because of a few extremists makes no sense"), people saying it in the chat
# and a rejection anywhere after ("ppl saying ... not cool"), "who says ...?" at the start, "why do people still
# think ...", "this idea that ...", a user or a named person's words reported to the host or asked about.
\b(?:saying|to say|calling|claiming|thinking|believing|hating|blaming|judging|labelling|labeling|assuming|stereotyping|generalising|generalizing|membenci|benci|menyalahkan|cakap|kata|mengatakan|anggap|menganggap)\b.*\b(?:disgusting|menjijikkan|makes no sense|make no sense|tak masuk akal|tidak masuk akal|not cool|tak cool|uncool|so wrong|dangerous|berbahaya|cruel|kejam|toxic|toksik|horrible|terrible|awful|needs to stop|must stop|kena stop|perlu dihentikan|harus dihentikan|needs to die|has to stop|not funny|tak lawak|tak kelakar|nonsense|karut|mengarut|lazy thinking|menghina|biadap)\b
\b(?:people|ppl|those|anyone|orang|org|someone|somebody|users?|dorang|diorang) (?:who |that |yang )?(?:keep |keeps |still |are |r |asyik |selalu )?(?:saying|claiming|posting|typing|writing|spreading|cakap|kata|tulis|komen|sebar)\b.*\b(?:not cool|tak cool|not ok|not okay|tak ok|wrong|salah|please|pls|plz|tolong|report|lapor|remove|delete|padam|ban|block|mods|admin|host|moderator|facts|fakta)\b
^(?:sapa|siapa|who|siapa yang|sapa yang) (?:\w+ )?(?:cakap|kata|said|says|told you|claims?|bilang)\b
\bwhy (?:do|does|would|did) (?:people|ppl|some people|so many people|orang|they|others|you guys) (?:still |even |always )?(?:think|believe|say|assume|claim)\b|\bkenapa (?:orang|ramai orang|masih ada orang) (?:masih |selalu )?(?:fikir|anggap|cakap|kata|percaya)\b
\b(?:this|the|that|these) (?:idea|ideas|notion|belief|myth|assumption|stereotype|claim|narrative|mindset|thinking) (?:that|of)\b|\b(?:idea|anggapan|tanggapan|pemikiran|mitos|stereotaip|dakwaan|persepsi) (?:bahawa|yang kata|yang cakap|yang mengatakan)\b
\bjangan (?:la |lah )?(?:sesekali|pernah|lagi|sekali kali|sekali-kali|sampai) (?:\w+ )?(?:kata|cakap|sebut|panggil|samakan|label|labelkan|hina|cop|tuduh|gelar|anggap)\b
\b(?:my|our|saya|kami|sy|i) (?:\w+ )?(?:teacher|teachers|boss|colleague|colleagues|classmate|classmates|friend|friends|neighbour|neighbor|uncle|aunt|aunty|auntie|relative|relatives|cikgu|guru|bos|kawan|jiran|pakcik|makcik|saudara|lecturer|pensyarah|manager|dad|mum|mom|father|mother|ayah|mak|grandpa|atuk|nenek|grandma|in law|ipar) (?:\w+ ){0,2}?(?:said|says|told|tells|wrote|posted|keeps saying|always says|cakap|kata|tulis|selalu cakap|asyik cakap)\b.*\b(?:report|lapor|should i|what should|how do i|how to|how can i|macam mana|mcm mana|apa patut|patut ke|is that ok|is it ok|is that allowed|allowed|boleh ke|wrong|salah|not ok|tak betul)\b
\b(?:user|someone|somebody|a guy|a person|orang|ada orang|one person|a viewer) (?:\w+ ){0,3}?(?:saying|posting|typing|writing|wrote|said|posted|typed|cakap|kata|tulis)\b.*\b(?:address it|deal with it|do something|handle it|take action|ambil tindakan|tegur)\b
# Round 15, third batch: what children should not be taught or grow up thinking, and asking whether it is
# normal or allowed that someone says it ("is it normal that my son's classmates say ...").
\b(?:shouldnt|should not|must not|mustnt|jangan|tak patut|tidak patut|never) (?:be )?(?:taught|learn|learning|diajar|belajar|grow up thinking|grow up believing|membesar dengan) (?:that|bahawa|yang)\b
\b(?:is it normal|is that normal|is this normal|is it ok|is it okay|is that ok|is that okay|is it allowed|normal ke|biasa ke|boleh ke) (?:that |if |for |bila |kalau |when )?(?:\w+ ){0,4}?(?:say|says|said|saying|call|calls|calling|cakap|kata|panggil|post|posts|tulis)\b
# Round 15, fourth batch: tired or sick of hearing it, "people think ... but actually ...", and telling the
# sayer they are wrong ("I told him he's wrong", "tell them they're wrong").
\b(?:tired|sick|fed up|penat|muak|bosan|letih|jemu|sedih|sad|annoyed|geram|hurts|hurt) (?:\w+ ){0,2}?(?:of |with |bila |when |to )?(?:hearing|hear|dengar|mendengar|terdengar|people saying|ppl saying|orang cakap|orang kata|seeing|see|tengok|nampak|reading|read|baca)\b
\b(?:people|ppl|orang|they|dorang|diorang|ramai orang|some people|many people|others|many|most people) (?:\w+ )?(?:think|thinks|believe|believes|say|says|kata|cakap|fikir|ingat|anggap|assume|assumes)\b.*\b(?:but actually|but in fact|but really|padahal|sebenarnya|hakikatnya|the truth is|in reality|faktanya|realitinya|in fact)\b
\b(?:hes|shes|theyre|they are|he is|she is|he was|she was|they were|dia|mereka|dorang) (?:so |totally |completely |just |dead |memang )?(?:wrong|salah|silap|mistaken)\b
\b(?:no|tiada|tak ada|takde|tidak ada) (?:race|races|religion|religions|group|ethnic group|kaum|bangsa|agama|etnik|community|komuniti) (?:is|are|yang|in the world|di dunia)\b
# Round 15: a line labelled "endorse" says the claim again after rejecting it, or agrees with it ("people who say
# X are lazy are right", "it's just the truth", "just 99% of them", "and I agree"): like a "fake" line, a
# comment with one is never counter-speech (rules.reasserted reads the claim said again about "they"/"most").
endorse	\b(?:people|those|orang|mereka|anyone|he|she|they|dia|dorang) (?:\w+ )?(?:who|that|yang)? ?(?:say|said|says|claim|claims|think|thinks|cakap|kata|call|calls|label|labels|panggil) (?:\w+ ){1,8}?(?:are|is|r|adalah) (?:so |totally |absolutely |actually |100 |completely |dead )?(?:right|correct|spot on|telling the truth|not wrong|betul|honest|just honest|being honest|jujur)\b
endorse	\b(?:hes|shes|they are|theyre|he is|she is) (?:so |totally |absolutely |actually |100 |completely |dead )?(?:right|correct|spot on|betul)\b(?! (?:to|that|untuk|bahawa))
endorse	\b(?:its|it is|thats|that is|this is|simply|just|cuma|hanya|ini|itu|tu) (?:just |simply |only |the |a |plain |hard )*(?:truth|fact|facts|true|kebenaran|fakta|hakikat|reality|realiti|statistics|statistik|science|sains|biology|data)\b
endorse	\b(?:facts are facts|fakta tetap fakta|so true|very true|sangat benar|memang betul pun|betul la tu|betul lah tu|memang betul|memang benar|truth hurts|kebenaran itu pahit|can t argue with facts|cant argue with facts)\b
endorse	\b(?:just|only|cuma|hanya|except|kecuali) (?:the |about )?(?:\d+|most|kebanyakan|majority|majoriti|ninety nine) (?:percent |peratus )?(?:of them|dari mereka|daripada mereka|of those)\b
endorse	\b(?:and|dan|n|so) (?:i|we|saya|aku|kami) (?:totally |fully |kinda |100 |completely |fully )?(?:agree|setuju|believe (?:him|her|them|it)|percaya (?:dia|mereka|dorang|cakap dia))\b
endorse	\b(?:just|only|cuma|hanya) (?:\d+|most|kebanyakan|majoriti|majority)(?: percent| peratus)?(?: je| jer| sahaja| saja| lah| la| lol| haha)*$
endorse	\b(?:saying|to say|thinking|claim|claiming|cakap|kata) (?:otherwise|sebaliknya)\b
# Round 16: a claim called a conspiracy theory or a dog whistle ("people claim Muslims are replacing us, that
# conspiracy fuels violence", `Cina nak kuasai negara tu teori konspirasi je`).
\b(?:that|this|the|a|its a|it s a|just a|racist|dangerous|old|lama) (?:\w+ )?(?:conspiracy|conspiracy theory|conspiracy theories|dog whistle|hoax)\b|\bteori konspirasi\b|\bkonspirasi (?:tu|ni|itu|ini|palsu|karut|perkauman)\b
# Round 16: a line labelled "claim" is the claim a counter-speech comment rejects ("people think refugees get
# free money but actually ...", "it's a myth that ...", `tak betul la kata ...`): in counter-speech about a group,
# a spam or threat phrase inside it is part of what is rejected (rules.rejected_claims; the claim ends at the
# rejection marker or the sentence's end).
claim	\b(?:people|ppl|orang|they|dorang|diorang|ramai orang|some people|many people|most people|others|many|everyone|semua orang|ramai) (?:\w+ )?(?:think|thinks|believe|believes|say|says|kata|cakap|fikir|ingat|anggap|assume|assumes|claim|claims|imagine|reckon) (?:\w+ ){0,14}?(?=(?:but actually|but in fact|but really|but the truth|padahal|sebenarnya|hakikatnya|the truth is|in reality|faktanya|realitinya|in fact)\b)
claim	\b(?:its a myth|it is a myth|a myth that|myth that|mitos bahawa|mitos yang|not true that|untrue that|tak betul (?:la |lah )?(?:kata|cakap|yang)|tidak betul (?:kata|cakap|yang|bahawa)|tidak benar (?:bahawa|kata|yang)|tak benar (?:kata|yang)|rumou?rs? that|khabar angin (?:bahawa|yang|kata)|fitnah (?:kata|yang|bahawa)|contrary to (?:popular belief|what \w+ think)|despite what \w+ (?:say|says|think|believe)) (?:\w+ ){0,11}\w+
