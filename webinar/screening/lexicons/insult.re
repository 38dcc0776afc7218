# Insults aimed at a person without a listed insult word, matched on the NORMALISED text. Same format as
# self_harm.re. A match is an insult (code insult.phrase, severity 2) unless a negator stands in it or
# just before it ("you're not a sheep for trusting them", "jangan panggil dia beruk").
# Kinds: a person (the reader, a role noun, a third person) compared with or called an animal, through
# a closed set of linking words ("the host is a pig", "you sound like a braying donkey", "speaker like
# monkey only"); a person's brain made small or absent; a person called a joke or a waste of space, or
# told nobody respects them. A literal animal ("my dog", "he is a dog lover", "the host's cat") links
# through none of these words, or is followed by a word naming the animal as a topic.
@ROLE = (?:hosts?|hos|speakers?|panel|panelists?|panellists?|moderators?|mods?|admins?|presenters?|penceramah|pembentang|pengacara|mc|emcee|organi[sz]ers?|penganjur)
@WHO = (?:{ROLE}|you|kau|awak|ko|korang|kamu|engkau|dia|he|she|this guy|that guy|this fella|that fella|mamat ni|mamat tu|minah ni|minah tu|budak ni|budak tu)
@LINK = (?:bunch of|pack of|load of|group of|herd of|is|are|r|was|were|am|ni|tu|memang|this one|that one|really|so|such|just|only|like|macam|mcm|seperti|cam|sound|sounds|look|looks|talk|talks|act|acts|bunyi|muka|perangai|otak|a|an|the|one|real|total|complete|absolute|stupid|dumb|dirty|filthy|fat|ugly|lazy|bloody|damn|fucking|little|old|big|useless|brainless|mindless|noisy|smelly|greedy|braying|bodoh|bangang|busuk|gemuk|hodoh|pemalas|dasar|eh|hey|oi|woi)
@ANIMAL = (?:pigs?|swine|donkeys?|monkeys?|apes?|baboons?|sheep|cows?|dogs?|rats?|snakes?|cockroach|cockroaches|worms?|parrots?|chimps?|chimpanzees?|hyenas?|babi|anjing|beruk|monyet|lembu|kambing|keldai|kerbau|tikus|ular|biawak|tapir|lipas|cacing|mawas|orang utan)
@TOPIC = (?:lovers?|person|people|owners?|trainers?|food|meat|farms?|farmers?|show|sitters?|walkers?|year|years|breeders?|shelters?|daging|peliharaan|videos?|pictures?|photos?|emoji|memes?|costumes?|mascots?|filters?|bite|bites|park|parks|jantan|betina|liar)
\b{WHO}(?: {LINK}){1,5} {ANIMAL}\b(?! {TOPIC}\b)
\bdasar {ANIMAL}\b(?! {TOPIC}\b)
\b(?:your|his|her|the {ROLE}|{ROLE}|{ROLE} s|kau punya|dia punya)(?: \w+)? brains?(?: \w+){0,3}? (?:size of|smaller than|as big as|like) (?:a |an )?(?:\w+ )?(?:peanut|pea|walnut|grape|raisin|ant|kacang|semut)\b
\b{WHO}(?: \w+){0,3}? (?:no brain|no brains|tak ada otak|takde otak|tiada otak|xde otak|tak berotak|brain dead|braindead|otak letak (?:kat|di|dekat) lutut)\b
\b(?:you|you are|your|kau|awak|{ROLE})(?: \w+)? (?:a joke|a disgrace|an embarrassment|a waste of (?:space|oxygen|air)|sampah masyarakat)\b
\bnobody (?:likes|respects|wants|cares about|loves|listens to|takes) (?:you|him|her|the {ROLE})\b
# A person called a fool or the like through the same linking words ("the speaker is a fool", "you
# buffoon"); "scammers can fool you" links nothing to a person before the word.
\b{WHO}(?: {LINK}){0,5} (?:fool|fools|buffoon|buffoons|muppet|bozo|dimwit|halfwit|nitwit|numpty|nincompoop|dunce)\b
# Round 5 (kinds): a person's brain called empty or dead ("as annoying as her brain is empty", a panel of
# brain-dead fossils).
\b(?:your|his|her|their|the {ROLE} s|{ROLE} s|kau punya|dia punya) (?:\w+ )?(?:brain|brains|head|otak|kepala) (?:is |are |was |memang )?(?:empty|hollow|kosong|mush|rotten|dead|mati|tak ada isi)\b
\b(?:these|those|this|that|the|all|you|your|our)(?: \w+)? (?:{ROLE}|guys|people|orang) (?:are|is|r|ni|tu|memang|so|really|just)(?: \w+)? (?:brain dead|braindead|brainless|mindless|tak berotak)\b
# Round 7: a person called slow in the head (`lambat otak`, `otak lembab`).
\b{WHO}(?: \w+){0,3}? (?:slow in the head|not right in the head|lambat otak|otak lembab|otak lembap|otak udang|otak siput)\b
# Round 14 (insults without a listed word, by structure: a target, the reader, a role noun or a third
# person, and a demeaning predicate). @POSS is a target's possessive; @TGT a target as an object.
@POSS = (?:your|ur|his|her|their|the {ROLE} s|{ROLE} s|the {ROLE}|this guy s|that guy s|kau punya|dia punya|awak punya)
@TGT = (?:you|u|kau|ko|awak|korang|kamu|engkau|lu|him|her|them|dia|(?:this |that |the |our )?{ROLE}|this guy|that guy)
@THING = (?:potato|potatoes|brick|rock|stone|doorknob|door knob|wet sock|sock|cardboard box|toaster|turnip|cabbage|paperclip|plank|sponge|bowling ball|traffic cone|lamp post|tree stump|dead fish|goldfish|houseplant|broken radio|broken record|radio rosak|dying (?:\w+ )?engine|car engine|(?:walking )?(?:disaster|train wreck|trainwreck|dumpster fire|red flag)|circus|tunggul(?: kayu)?|batu|tembok|tiang(?: lampu)?|patung|kayu|kobis|kain buruk|tapak kasut|kasut buruk|tong sampah|longkang|jamban|badut|katak|hantu|tong dram|tong drum|belon|gajah|badak)
# A brain low-powered, expired or absent ("your brain runs on 2G", "his brain already expired", "otak kau
# tertinggal kat rumah ke"); the author's own brain ("my brain runs on 2G this morning") is no target.
\b{POSS} (?:\w+ )?brains? (?:\w+ ){0,2}?(?:runs? on|running on|still on|stuck on|is on|powered by|operates on|on) (?:a |an )?(?:2g|3g|dial up|dialup|windows (?:95|98|xp)|low battery|airplane mode|aeroplane mode|power saving mode|a potato|potato|a calculator|free trial|trial version)\b
\b{POSS} (?:\w+ )?brains? (?:\w+ ){0,2}?(?:expired|left the chat|offline|not found|on vacation|on holiday|on leave|buffering|still loading|went missing|out of service|out of order|switched off|turned off|never arrived|404)\b
\botak (?:kau|ko|awak|korang|kamu|engkau|lu|dia|{ROLE}(?: ni| tu)?) (?:\w+ ){0,2}?(?:tertinggal|tinggal kat rumah|letak kat|letak dekat|simpan kat|expired|cuti|pergi cuti|bercuti|beku|berkarat|karat|tumpul|senget|2g|koma|hang|jem)\b
# Something lesser does the target's job better ("even my cat could host better than you", "my grandma
# types faster than this moderator thinks", `kucing aku pun boleh cakap lagi bagus dari kau`). "Than me"
# is self-deprecation.
\b(?:my|a|an|even a|even my|even) (?:\w+ )?(?:cat|cats|dog|goldfish|hamster|parrot|grandma|granny|grandmother|toddler|baby|\w+ year old|potato|rock|chair|toaster|microwave|kucing|nenek|budak tadika|anak kecil)(?: \w+){0,5}? (?:better|faster|smarter|funnier|louder|clearer) than {TGT}\b
\b(?:kucing|anjing|ikan|nenek|atuk|budak tadika|anak kecil|batu|kerusi)(?: \w+){0,2}? (?:aku|saya|i)? ?pun (?:\w+ ){0,4}?(?:lagi|lebih) (?:bagus|baik|pandai|hebat|power|laju|cerdik) (?:dari|daripada|drp) {TGT}\b
# The X of a Y, or as sharp as a Y ("you have the IQ of a doorknob", "the moderator has the personality
# of a wet sock", "this host is as sharp as a bowling ball").
\b(?:{WHO}|{POSS})(?: \w+){0,3}? (?:iq|brain|brains|personality|charisma|intelligence|memory|attention span|common sense|energy|sense of humou?r|people skills) of (?:a |an )?(?:\w+ )?(?:{THING}|paper bag|plastic bag|(?:wet|soggy|damp|stale|burnt|rotten) \w+(?: \w+)?)\b(?! (?:star|stars|band|concert|legend|idol|icon|n roll))
\b(?:{WHO}|{POSS} (?:\w+ )?(?:opinions?|ideas?|brain|jokes?|advice|comments?|questions?|points?|arguments?|talk|pendapat|idea|cakap))(?: \w+){0,3}? as (?:sharp|bright|smart|clever|useful|interesting|exciting|lively|fun|helpful|quick|entertaining) as (?:a |an )?(?:\w+ )?(?:{THING}|sack of \w+|bag of \w+|butter knife|black hole|screen door|chocolate teapot|ashtray on a motorbike|paper bag)\b
# A person called or likened to a thing through the linking words ("the speaker looks like a potato", "you
# are a walking disaster", "u talk like a broken radio", "admin ni macam tunggul kayu", "speaker tu muka
# tembok"); the mic or the stream sounding like an engine is no person.
\b{WHO}(?: {LINK}){1,5} {THING}\b
\b(?:muka|rupa|otak|perangai|suara|mulut|kepala) (?:kau|ko|awak|korang|kamu|engkau|lu|dia|{ROLE}(?: ni| tu)?)(?: {LINK}){0,3} (?:macam|mcm|cam|seperti|like) (?:\w+ ){0,3}?(?:{THING}|\w+ rosak|broken \w+|kena gilis|kena langgar|kena lenyek|babi|beruk|monyet|tikus|biawak|pontianak|zombie)\b
(?:^|[,.!?] )(?:muka|rupa) (?:macam|mcm|cam|seperti) (?:\w+ )?(?:tapak kasut|kasut buruk|tong sampah|longkang|jamban|tembok|tunggul|kain buruk|badut|hantu|katak)\b
# Worse than a thing, or talking like a toddler or someone who lost a fight ("you add less to this chat than
# a broken ceiling fan", "you talk like a toddler", "you type like someone who lost a fight with the
# keyboard", "this speaker talk so much but empty like tin kosong"; "go back to kindergarten host").
\b{WHO} (?:\w+ ){0,6}?(?:less|worse|slower|dumber|more useless|lebih teruk|lagi teruk|kurang) (?:\w+ ){0,4}?(?:than|dari|daripada) (?:a |an |my |the |even a )?(?:\w+ ){0,2}?(?:fan|kipas|chair|kerusi|rock|brick|potato|toaster|doorknob|plant|houseplant|goldfish|wall|tembok|batu|sofa|calculator|kalkulator|printer|parrot|sock|spoon|tunggul|patung)\b
\b{WHO} (?:\w+ )?(?:talk|talks|sound|sounds|think|thinks|write|writes|type|types|act|acts|cakap|fikir|behave|behaves) (?:like|macam|mcm) (?:a |an )?(?:toddler|baby|budak tadika|kindergartener|\w+ year old|caveman|someone who lost a fight|somebody who lost a fight|someone who just learned|orang baru belajar)\b(?! in a candy)
\b{WHO}(?: \w+){0,6}? (?:tin kosong|empty vessel|empty tin)\b
\b{POSS} (?:\w+ ){0,8}?(?:and )?half as (?:useful|funny|smart|interesting|good|clever|entertaining)\b
\bgo back to (?:kindergarten|tadika|primary school|sekolah rendah|preschool|pre school|school|sekolah) (?:la |lah )?(?:you|u|kau|ko|{ROLE})\b
# Looks or presence that frighten or wreck ("the host has a face only a mother could love", "your face could
# scare the scammers away"); "you're the reason shampoo has instructions".
\b(?:{WHO}|{POSS})(?: \w+){0,3}? (?:a )?face only (?:a|your|his|her) (?:mother|mum|mom|mak) could love\b
\b{POSS} face (?:could|would|can|will|is enough to) (?:scare|frighten|break|crack|stop|curdle|kill)\b
\b(?:{WHO}|you re|youre|ur)(?: are| is)? the reason (?:\w+ ){0,3}?(?:has|have|needs?|comes? with|print|prints) (?:warning labels?|instructions|warnings)\b
# Go and eat dirt; a target told off and away ("go eat dirt", "blah lah kau dari sini", "tutup mulut kau",
# "get lost host"); "go eat something first" and "get lost in a good book" are no put-down.
\bgo (?:eat|makan|lick) (?:some )?(?:dirt|sand|mud|rocks|worms|shit|poop|tanah|pasir|lumpur|najis|tahi|sampah)\b
\b(?:diam|senyap|tutup mulut|tutup mulut busuk|blah|berambus|pergi main jauh jauh|pergi main jauh|pergi jauh jauh|keluar) (?:la |lah |je |jelah |sikit )?(?:kau|ko|korang|engkau|lu)\b
\bblah (?:la |lah )?(?:\w+ )?dari sini\b
\b(?:get lost|go away|buzz off|piss off|zip it|shut it|shut your (?:mouth|trap|face|pie hole)|sod off|bugger off) (?:la |lah |already |pls |please )?(?:you|u|loser|clown|{ROLE})\b
# Unfit to speak or educated: "you should not be allowed to speak in public" (its "not" is its own).
own	\b(?:you|u|kau|ko|awak|{ROLE}|this guy|he|she|dia) (?:\w+ )?(?:should not|shouldnt|should never|tak patut|tidak patut|tak sepatutnya) (?:be |di )?(?:allowed|dibenarkan|dibagi|diberi) (?:to )?(?:\w+ ){0,2}?(?:speak|talk|host|present|teach|cakap|bercakap|mengajar|ajar|hold a mic|pegang mic|on stage|in public|online)\b
# Disgust at the sight or sound of a person (`menyampah tengok muka kau`, "sick of seeing your face").
\b(?:menyampah|meluat|muak|jijik|loya|sakit mata) (?:aku |i |saya )?(?:tengok|nampak|dengar|lihat|tgk) (?:muka |suara |rupa |perangai |mulut )?(?:kau|ko|awak|korang|engkau|lu|dia|{ROLE})\b
\b(?:sick of|tired of|cant stand|can t stand|hate) (?:seeing |hearing |looking at )?{POSS} (?:\w+ )?(?:face|voice|mug)\b
# Unfit for the role by looks (`muka macam tu nak jadi host`).
\bmuka (?:macam|mcm|cam) (?:tu|ni|itu|ini) (?:\w+ )?(?:nak|mahu|ada hati|berani) (?:jadi|jd) (?:host|hos|speaker|penceramah|pengacara|mc|artis|model|influencer)\b
# A person as rubbish through the linking words ("dia ni sampah je", "the host is garbage"). "trash" is left
# out: in English slang it is mostly play or sport ("you're trash at it", "talks trash").
\b{WHO}(?: {LINK}){1,4} (?:sampah|garbage|rubbish|scum|sampah masyarakat)\b(?! (?:bag|bags|bin|bins|day|collection|truck|lori|can|cans|pickup|bin|at|food))
# Who invited this person, and it is a joke.
\bwho (?:even )?(?:invited|hired|booked|picked|chose) (?:this|that) (?:guy|clown|fool|person|fella|joker|one|mamat|minah|{ROLE})\b(?: \w+){0,4}? (?:what a joke|a joke|lol|lmao|cringe|so bad|waste|clown)\b
# Who let this person near a microphone.
\bwho (?:even )?(?:let|allowed|put) (?:this|that|these|those|the) (?:\w+ )?(?:guy|guys|clown|clowns|fool|person|fella|joker|man|woman|kid|one|mamat|minah|budak|{ROLE}) (?:\w+ )?(?:near|anywhere near|on|onto|touch|hold|use) (?:a |the )?(?:mic|microphone|stage|camera|keyboard|podium|pentas)\b
# Lines labelled "own" carry their own negator ("nobody cares what you think", `tak ada siapa nak dengar
# kau`, "and never come back", `kau ni tak berguna`): only a negator just before them cancels them.
own	\b(?:nobody|no one|noone) (?:asked|cares|wants to hear|needs|asked for) (?:for |about |what |to hear )?(?:you|your|ur|u|him|her|the {ROLE})\b
own	\b(?:tak ada|takde|tiada|xde|x de|tak de) (?:siapa|sapa|orang) (?:\w+ ){0,2}?(?:nak dengar|peduli|kisah|suka|jemput|minta pendapat|perlukan) (?:kau|ko|awak|korang|engkau|lu|cakap kau|pendapat kau)\b
own	\b(?:go|get out|leave|get lost|go away|pergi|blah|keluar|berambus|disappear|touch grass)\b(?: \w+){0,4}? (?:and )?(?:never|dont|don t|do not|jangan) (?:ever )?(?:come back|return|show your face|balik lagi|datang lagi|muncul lagi)\b
own	\b{WHO}(?: \w+){0,3}? (?:tak ada otak|takde otak|tiada otak|xde otak|tak berotak|tak ada akal|takde akal|tiada akal)\b
own	\b{WHO}(?: (?:ni|tu|memang|is|are|just|la|lah))* (?:bukan manusia|not (?:even )?human|tak macam manusia|bukan orang)\b
own	\b{WHO}(?: (?:ni|tu|memang|this one|so|is|are|really|just|la|lah))* (?:\w+ )?(?:tak berguna|tak guna langsung|tak layak (?:bercakap|cakap|jadi|pegang|ajar|mengajar)|menyusahkan orang|not worth listening to|worthless|a nobody|a failure|a burden|a lost cause)\b
own	\b{WHO}(?: \w+){0,3}? (?:macam|mcm|cam|like|seperti) (?:orang |budak )?(?:tak|tidak|x|never|tak pernah|tidak pernah|never been to) (?:pernah )?(?:sekolah|belajar|went to school|go to school|educated|berpelajaran|masuk sekolah|habis sekolah|school)\b
own	\b(?:the world|this world|everyone|everybody|the internet|this webinar|this chat|dunia|semua orang|webinar ni) (?:\w+ ){0,2}?(?:would be|will be|is|akan|lebih) (?:\w+ ){0,2}?(?:better|better off|happier|aman|baik|bahagia|tenang) (?:\w+ )?(?:without|tanpa) (?:you|u|kau|ko|awak|korang|him|her|dia|the {ROLE}|this {ROLE})\b
own	\b(?:you|u|kau|ko|awak|korang) (?:should|better|patut|baik|must) (?:just |la |lah |really )?(?:disappear|vanish|hilang|lenyap|ghaib)\b(?!(?: \w+){0,5} (?:for a while|for a bit|for now|sementara|to be safe|to stay safe|for your safety|untuk selamat))
own	\b(?:do (?:us|everyone|the world|everybody) a favou?r and|please just|pls just|just) (?:go )?(?:disappear|vanish)(?: forever| for good| from)\b
# Lines labelled "unsaid" are a put-down rejected as others' words ("don't listen to people who say you
# are worthless", `jangan percaya orang yang cakap kau tak berguna`): a phrase insult within six words after
# one is reported to be rejected, not said.
unsaid	\b(?:dont|do not|never|jangan|jgn|tak payah|usah) (?:listen to|believe|mind|dengar|dengar cakap|percaya|percaya cakap|layan|peduli)(?: \w+){0,3}? (?:people|those|anyone|others|orang|sesiapa|mereka)(?: \w+)? (?:who|that|yang) (?:say|says|said|tell|tells|told|call|calls|cakap|kata|panggil|komen)\b
unsaid	\b(?:ignore|abaikan|block|blok) (?:the |all )?(?:people|those|anyone|trolls|orang|mereka)(?: \w+)? (?:who|that|yang) (?:say|says|said|tell|tells|told|call|calls|cakap|kata|panggil|komen)\b
# Round 16: a person's own words about their own brain or looks, reported ("the speaker said his brain went on
# holiday after 3 hours of slides"): self-deprecation told by someone else.
unsaid	\b(?:he|the {ROLE}|{ROLE}|dia) (?:said|says|admitted|admits|joked|jokes|cakap|kata|mengaku)(?: that)?(?= (?:his|dia punya)\b)
unsaid	\b(?:she|the {ROLE}|{ROLE}|dia) (?:said|says|admitted|admits|joked|jokes|cakap|kata|mengaku)(?: that)?(?= (?:her|dia punya)\b)
# Lines labelled "owned" are a thing of the reader's or a third person's in Malay order (`mic kau`, `laptop
# dia`): a put-down that starts at the pronoun is about the thing ("mic kau macam radio rosak, boleh
# check?"), not the person.
owned	\b(?:mic|microphone|audio|sound|video|internet|line|wifi|laptop|phone|fon|handphone|hp|camera|kamera|screen|skrin|connection|sambungan|stream|streaming|slide|slides|router|modem|kereta|car|motor|enjin|engine|headset|earphone|fan|kipas|aircond|radio) (?:kau|ko|awak|korang|kamu|engkau|lu|dia|you|u)\b
# Round 15 (insults without a listed word, second pass; docs/screening.md, "Round 15: insults and sexual remarks
# without a listed word"). Shameless, a mic given to a target, a target asked after or not asked for, a
# Manglish `cacat` aimed at a person, a voice, accent or face mocked, sarcastic praise with a failure, a room
# temperature IQ, a lonely brain cell, wasted time "congratulated", a face for radio.
own	\b(?:{WHO}|mamat|minah|budak|orang)(?: (?:ni|tu|memang|betul|sangat|is|so|really|la|lah|dah|pun))* (?:muka )?(?:tak tahu malu|tak malu|tak sedar diri|x malu|tk malu|tiada malu|takde malu|shameless)\b(?! (?:nak |untuk |to )?(?:tanya|bertanya|mengaku|ask|admit|cuba|belajar|minta|share|kongsi)\b)
own	\bmuka (?:tak tahu malu|tak malu|x malu|tiada malu|takde malu|tembok tak tahu malu)\b
own	\b(?:tak malu|tak tahu malu|x malu) (?:ke|kah|ka) (?:muka|kau|ko|dia|awak|{ROLE})\b
\b(?:siapa|sapa|sape|who)(?: (?:yang|even|the hell|la|lah))* (?:bagi|kasi|gave|give|handed|let) (?:dia|this guy|that guy|this clown|that clown|this fool|mamat ni|mamat tu|minah ni|minah tu|budak ni|budak tu|him|her|this person|(?:this |that |the )?{ROLE}(?: ni| tu)?) (?:pegang |hold |guna |use |naik )?(?:a |the )?(?:mic|microphone|mikrofon|pentas|stage|podium)\b
\bwho (?:even |the hell |tf )?asked (?:you|him|her|them|the {ROLE}|this {ROLE}|this guy)(?: (?:la|lah|bro|sis|uncle|aunty|lol|lmao|tho|though|mate|dude|anyway|seriously|clown|boomer|kid))*$
own	^(?:but |lol |lmao |ok |okay |erm |well )?(?:nobody|no one|noone) asked(?: (?:la|lah|bro|sis|uncle|aunty|lol|lmao|tho|though|mate|dude|clown|boomer|kid|you|u|him|her|host|speaker))*$
\b(?:siapa|sapa|sape|who)(?: (?:yang|even|the hell))* (?:jemput|ajak|panggil|invite|invited|hired|booked) (?:mamat|minah|budak|badut|clown|joker|fool) (?:ni|tu|this|that)\b
\b(?:who (?:even |the hell )?(?:invited|hired|booked|let in)|siapa jemput) (?:this|that) (?:clown|joker|fool|bozo|muppet|badut|loser|{THING})\b
\b(?:you|u|kau|ko|this guy|that guy|{ROLE})(?: (?:ni|tu|memang|so|damn|really|is|are|very|sangat|betul))* cacat(?: otak)?\b(?! (?:penglihatan|pendengaran|fizikal|anggota|sejak|kekal|akibat|kerana|sebab|since|from|after|selepas)\b)
\bcacat (?:one |punya |betul |gila |la |lah |sia |otak )+(?:this|that|dia|kau|ko|you|u|{ROLE})\b
# A voice, accent, laugh or face mocked ("your voice is like nails on a chalkboard", "the host sounds like a
# chipmunk on helium", "that lisp is so annoying", "with that face you should keep your camera off").
\b(?:{POSS}|that|this) (?:\w+ )?(?:voice|accent|laugh|lisp|face|english|grammar|hairline|teeth|suara|loghat|pelat|gelak) (?:is |are |sounds? |looks? |was |so |damn |really |very |sangat |memang )*(?:\w+ )?(?:like|macam|mcm|as bad as) (?:a |an )?(?:\w+ ){0,2}?(?:{THING}|nails on a (?:chalkboard|blackboard)|chalkboard|dying \w+|strangled \w+|chipmunk|foghorn|fog horn|kettle|car alarm|siren|kambing|itik|katak|ayam kena sembelih)\b
\b{WHO}(?: {LINK}){1,5} (?:chipmunk|chipmunks|foghorn|a dying cat|a strangled cat|nails on a chalkboard|kambing|itik|katak)\b(?! (?:cartoon|movie|show|videos?|farm|curry|kari|meat|daging|soup|sup))
\b(?:{POSS}|that|this) (?:\w+ )?(?:voice|accent|laugh|lisp|english|face|hairline|suara|loghat|pelat|gelak|muka) (?:is |are |sounds? |looks? |so |damn |really |very |sangat |memang |betul |gila )*(?:painful|annoying|unbearable|irritating|cringe|cringey|cringy|horrible|terrible|awful|ugly|disgusting|hodoh|menjengkelkan|meluat|menyakitkan telinga|sakit telinga|hurts my ears)\b
\bget (?:someone|somebody|a (?:real|proper) \w+) who can (?:actually )?(?:talk|speak|host|present|explain)(?: \w+)? (?:properly|proper|better|normally)\b
^go (?:and )?learn (?:\w+ ){0,3}?(?:first|dulu) (?:before|then|baru)\b
\bwith (?:that|this|a face like that|muka macam tu) (?:face |voice |muka |suara )?(?:you|u|he|she|dia|kau) (?:should|better|must|patut|baik) (?:\w+ ){0,2}?(?:keep (?:your |the |his |her )?camera off|turn (?:your |the |his |her )?camera off|off (?:your |the )?camera|stay off camera|wear a mask|wear a bag|pakai topeng|tutup kamera)\b
\b(?:{WHO}|{POSS})(?: \w+){0,2}? (?:a )?face (?:for|made for) radio\b
\b(?:a )?voice (?:for|made for) (?:silent (?:films|movies)|mime|sign language)\b
\b(?:look at|tengok|tgk) (?:his|her|that|the {ROLE} s|{ROLE} s|dia punya) (?:\w+ )?(?:bald head|botak|double chin|belly|perut boroi|hairline|gigi jongang|buck teeth)\b(?: \w+){0,4}? (?:lol|lmao|haha+|hahaha+|kahkah|wkwk+|lawak)\b
# Sarcastic praise with a failure ("wow such a genius, took you 20 minutes to share a screen", `hebat sangat la
# penceramah ni, soalan senang pun tak boleh jawab`); a scammer's cunning is no target.
own	\b(?:such a|what a|real|wow|oh|another|great|so|sangat|betul|hebat) (?:\w+ )?(?:genius|einstein|expert|pro|professional|mastermind|pandai|bijak|cerdik|terer)\b(?! (?:\w+ )?(?:scam|scams|scammer|scammers|penipu|sindiket|hacker|hackers)\b)(?: \w+){0,8}? (?:cant even|can t even|couldnt even|could not even|cannot even|doesnt even|does not even|took (?:you|him|her|them) (?:\d+|an?|one|two|three|five|ten|twenty|thirty) (?:minutes?|mins?|hours?|years?|tries)|(?:\w+ )?pun (?:tak|x|tidak) (?:reti|tahu|tau|boleh|pandai|mampu|lepas))\b
own	\b(?:hebat|pandai|bijak|cerdik|terer|power) (?:sangat|betul|gila|nya)(?: la| lah)? (?:{TGT}|mamat ni|minah ni|dia)\b(?!(?: \w+){0,8}? (?:scam|scammer|penipu|sindiket|polis|bank)\b)(?: \w+){0,6}? pun (?:tak|x|tidak) (?:reti|tahu|tau|boleh|pandai|mampu|lepas)\b
own	\b(?:not bad|pretty good|good|smart|articulate|impressive|clever|pandai|hebat) for (?:someone|somebody|a \w+|an \w+|orang) (?:who|yang) (?:\w+ ){0,2}?(?:has no idea|has no clue|doesnt know|does not know|knows nothing|cant|tak tahu|tak reti)\b
\bthanks? (?:you )?for nothing\b(?: \w+){0,2}? (?:captain obvious|{ROLE}|you|u|clown|genius|einstein)\b
\b(?:thanks|thank you|ok|okay|yes|sure|wow|yeah)(?: \w+){0,3}? captain obvious\b
\b(?:congrats|congratulations|thanks|thank you|tahniah|terima kasih) (?:\w+ )?(?:on|for|sebab|kerana) (?:wasting|membazir|buang) (?:an? |one |\d+ |two |three |my |our |masa )?(?:\w+ )?(?:hours?|minutes?|time|life|lives|masa|jam|minit)\b
\bimagine (?:being|jadi) (?:this|that|so|se) ?(?:clueless|dumb|slow|useless|boring|ignorant|incompetent|bengap|lembap|bodoh)\b(?: \w+){0,5}? (?:still|and|dan|masih) (?:\w+ )?(?:holding|hold|pegang|hosting|host|on stage|speaking|presenting|talking|giving)\b
\b(?:is|are) (?:the |this |our )?(?:{ROLE}|you|he|she|this guy) always (?:this|that|so) (?:slow|dumb|clueless|boring|useless|annoying|incompetent|lost|lembap|bodoh)\b
# A room temperature IQ; a lonely brain cell.
\b(?:room temp|room temperature) iq\b|\biq (?:of |at |below |lower than |sama dengan |macam )?(?:room temp|room temperature|suhu bilik)\b|\b(?:single digit|negative|2 digit|two digit) iq\b
\b(?:{POSS}|{ROLE}) (?:only |one |single |last |two |both |satu )?(?:brain cells?|sel otak)(?: \w+){0,2}? (?:lonely|alone|tired|on strike|fighting|working overtime|kesunyian|sunyi|bergaduh)\b
# "X pun ada had": there is a limit even to stupidity (`bodoh pun ada had`, `sengal2 pun ada had, admin`).
\b(?:bodoh|bodo|bangang|bengap|sengal|lembap|lembab|bebal|biul|dungu|bongok|tolol|bahlul|bengong|stupid|dumb) (?:\w+ )?pun ada had\b
# Round 15, second wave: who made this person a speaker, a mind that does not reach, a gutter mouth, shameless
# before the person, a Malay word that needs a target with intensifiers between (`biul betul la kau ni`).
\b(?:siapa|sapa|sape)(?: yang)? (?:ambil|pilih|jemput|lantik|bagi|suruh) (?:dia|mamat ni|mamat tu|minah ni|minah tu|budak ni|budak tu|orang ni) (?:jadi|sebagai|jd) (?:{ROLE})\b|\bwho (?:made|let|picked|chose) (?:him|her|this guy|that guy) (?:a |the |be |be the )?(?:{ROLE})\b
own	\b{WHO}(?: \w+){0,3}? otak (?:tak|x|tidak) (?:sampai|cukup|jalan|berfungsi)\b
\bmulut (?:longkang|tempayan|jamban|puaka|celupar|tong sampah)\b(?: \w+){0,3}? (?:{WHO}|mamat|minah|budak)\b|\b{WHO}(?: \w+){0,2}? mulut (?:longkang|tempayan|jamban|puaka|celupar|tong sampah)\b
own	\b(?:tak tahu malu|tak malu|x malu|muka tak malu)(?: (?:betul|sungguh|gila|la|lah|punya))* (?:{WHO}|mamat|minah|budak)\b(?! (?:nak |untuk )?(?:tanya|bertanya|mengaku)\b)
\b(?:biul|sengal|lembap|lembab|mangkuk|bebal)(?: (?:betul|gila|sungguh|la|lah|nya|punya|sangat))+ (?:kau|ko|awak|korang|engkau|lu|{ROLE}|mamat|minah|budak)\b
# Round 15, third wave: schooling or competence doubted ("did the moderator even finish secondary school?",
# `host ni macam tak pernah pegang komputer`, "you call yourself an expert?", `konon pakar, tapi jawapan macam
# budak sekolah`), disgust at a voice, speech likened to a full mouth, a speaker to be changed for not being able
# to talk, a person's English called broken, a haircut likened, `dah la gemuk, lembab pulak tu`.
\b(?:did|does|has|have) (?:the |this |our )?(?:{ROLE}|you|he|she|this guy) (?:even |ever )(?:finish|finished|pass|passed|go to|went to|attend|attended) (?:\w+ )?(?:school|university|uni|spm|college|sekolah)\b
own	\b{WHO}(?: \w+){0,2}? (?:macam|mcm|like) (?:tak pernah|x pernah|tidak pernah|never) (?:pegang|guna|tengok|nampak|sentuh|used|touched|seen) (?:a )?(?:komputer|computer|laptop|phone|telefon|mic|buku|book)\b
\b(?:you|u|he|she|kau|dia) calls? (?:yourself|himself|herself|diri kau|diri dia|diri sendiri) (?:an? )?(?:expert|pakar|speaker|host|professional|pro|penceramah|moderator|trainer)\b
\bkonon (?:nya )?(?:pakar|expert|hebat|pandai|bijak|terer|cerdik|pro)\b(?: \w+){0,6}? (?:macam|like|mcm) (?:budak|kanak kanak|toddler|kid|orang tak sekolah)\b
\b(?:dengar|tengok|nampak|tgk) (?:suara|muka|rupa|perangai|gaya) (?:kau|ko|dia|awak|{ROLE})(?: \w+){0,4}? (?:nak muntah|muntah|loya|meluat|menyampah|mual|jijik)\b
\b(?:talk|talks|talking|speak|speaks|speaking|sound|sounds|sounding|cakap) (?:like|macam) (?:she|he|you|dia|kau) (?:has|have|got|ada) (?:a )?(?:mouth ?full of \w+|mouthful of \w+|hot potato|a sock in (?:her|his|your) mouth|guli dalam mulut)\b
own	\b(?:tukar|change|replace|ganti) (?:the |this )?(?:{ROLE})(?: (?:yang ni|ni|this one|la|lah|pls|please))* (?:yang ni |this one |dia )?(?:tak reti|tak pandai|cant|can t|tak tahu|x reti) (?:cakap|talk|speak|host|present|ajar|bercakap)\b
\b{POSS} (?:english|grammar|spelling|bm|bahasa inggeris|bahasa melayu) (?:is |so |really |damn |very |memang |sangat )*(?:broken|terrible|horrible|hancur|teruk|lintang pukang|cacat)\b
\b{POSS} (?:haircut|hair|rambut|outfit|glasses|cermin mata|teeth|gigi) (?:looks? |nampak |is )?(?:like|macam|mcm) (?:\w+ ){0,5}?(?:in the dark|blindfolded|with a lawnmower|kena gilis|kena petir|a bird s nest|sarang burung|a mop|penyapu|a broom)\b
\bdah (?:la|lah) (?:gemuk|hodoh|bodoh|lembab|lembap|bengap|buruk|pendek|botak|tua|sombong)\b(?: \w+){0,2}? (?:gemuk|hodoh|bodoh|lembab|lembap|bengap|buruk|pendek|botak|bangang|sombong|poyo|lambat) (?:pulak|pula|lagi)\b
\b(?:tin kosong|empty vessel|empty tin)(?: \w+){0,3}? {WHO}\b
own	\b(?:nobody|no one|noone) (?:wants|needs) to (?:see|hear|look at) {POSS} (?:\w+ )?(?:face|voice|mug|opinion|opinions)\b
\b(?:you are|you re|youre|kau|dia|he is|she is) (?:just |only |really |totally )?(?:embarrassing|memalukan|malukan) (?:yourself|diri sendiri|diri kau|himself|herself|diri dia)\b
\b{WHO}(?: (?:ni|tu|memang))? muka (?:macam|mcm|cam|seperti) (?:\w+ ){0,2}?(?:{THING}|kena sampuk|kena rasuk|kena gilis|kena langgar|zombie|pontianak|beruk|monyet|babi)\b
# Round 16 (docs/screening.md, "Round 16: insults and sexual remarks"). Sarcastic praise of a target with an
# empty result ("great job as always host, another session of nothing", `tahniah host, sekali lagi sesi yang
# kosong`, "10/10 host, would waste my time again"); praise alone ("great job host, i have nothing to add") or
# an empty session without a target is content critique.
@PRAISE = (?:great job|good job|nice job|nice work|great work|amazing work|well done|bravo|brilliant|amazing|fantastic|wonderful|nice one|10 10|thanks|thank you|tq|congrats|congratulations|terbaik|tahniah|syabas|power|hebat|pandai|mantap|padu|gempak|cemerlang|genius|what a (?:brilliant|great|wonderful|amazing|fantastic) (?:\w+ )?)
@EMPTY = (?:(?:another|one more|yet another|sekali lagi|satu lagi) (?:\w+ )?(?:session|hour|hours|webinar|talk|masterpiece|episode|sesi|jam|ceramah|round|day) (?:of|penuh) (?:nothing|zero|waffle|fluff|nonsense|wasted time|time wasted|kosong)|(?:learned|learnt|learn|belajar|dapat|got|gained) (?:absolutely |literally |totally |apa )?(?:nothing|zero|zilch)|(?:said|say|says|saying|cakap|explained|taught|teaching|teach|showed|showing|told|telling|gave|giving) (?:us |me |them )?(?:absolutely |literally )?nothing|(?:would|will) waste (?:my|our) time again|(?:sesi|isi|webinar|ceramah|content|kandungan|cakap|jawapan)(?: dia)?(?: yang)? kosong|entah apa apa|cakap benda (?:yang )?sama|satu (?:apa|benda|perkara|ilmu|info)(?: \w+)? pun (?:tak|takde|tak ada|tiada|x)\b)
own	\b{PRAISE}\b(?: \w+){0,3}? (?:{ROLE}|you|u|kau|ko|awak)\b(?: \w+){0,9}? {EMPTY}
# Contempt for a target's competence: learned the topic minutes ago ("the speaker clearly googled this five
# minutes before going live", `penceramah ni macam baru google semalam`), a child could do the reading of
# slides (`penceramah ni baca slide je, budak darjah 1 pun boleh buat`), a job of sleeping (`admin ni kerja
# apa sebenarnya? tidur?`, "what does the admin even do, sleep?"), paid for nothing (`makan gaji buta`), a
# short video teaching more than the target, no idea what they are saying. A question about what an admin
# does ("what does the admin do if ...?") and the author's own googling are no target's.
\b(?:{WHO}|{POSS})(?: \w+){0,2}? (?:clearly|obviously|definitely|must have|must ve|confirm|macam|mcm|mesti) (?:just |baru |only )?(?:googled|google|chatgpt|wikipedia|read (?:the |a )?(?:wikipedia|wiki|google)|baca wiki|tengok youtube|watched a youtube)\b(?: \w+){0,4}? (?:(?:\w+ )?(?:minutes?|mins?|hours?|seconds?) (?:before|ago|earlier|sebelum)|last night|this morning|yesterday|semalam|pagi tadi|malam tadi|tadi|on the way here|in the car)\b
\b(?:{WHO}|{POSS})(?: \w+){0,2}? (?:clearly|obviously|confirm|macam baru|mcm baru|mesti baru|baru je|must have just|must have only|must ve just|must have) (?:learned|learnt|read up|belajar|tahu) (?:this|it|the topic|about (?:this|it|scams?|the topic)|pasal (?:ni|benda ni|scam)|benda ni|topik ni)\b(?: \w+){0,3}? (?:(?:\w+ )?(?:minutes?|mins?|hours?) (?:before|ago|earlier|sebelum)|last night|this morning|yesterday|semalam|pagi tadi|malam tadi|tadi)\b
\b(?:{WHO}|{POSS})(?: \w+){0,2}? (?:just |only )?(?:baca|read|reads|reading|copy|copies|copying|ikut|membaca)(?: \w+){0,3}? (?:slides?|skrip|script|teks|text|notes|nota|google|wikipedia)\b(?: (?:je|jer|ja|saja|sahaja|aje|only|lah|la|kan))*(?: \w+){0,2}? (?:budak|kanak kanak|anak aku|anak saya|kucing aku|nenek aku|my (?:\d+ year old|kid|son|daughter|cat|dog|grandma|granny|nephew|niece)|a (?:kid|child|monkey|toddler|\d+ year old|parrot)|even a (?:kid|child|monkey|toddler|\d+ year old|parrot))(?: \w+){0,3}? (?:pun boleh|pun reti|pun pandai|pun mampu|could do|can do|could have done|could read)\b
\b{WHO}(?: ni| tu)? (?:kerja|buat|buat kerja) apa (?:\w+ )?(?:sebenarnya|sebenarnye|sbnrnya|sebenarnyer|je|sebenar)\b(?: \w+){0,3}? (?:tidur|goyang kaki|main (?:phone|fon|game)|makan gaji buta|lepak|melepak|tak buat apa)\b
\bwhat (?:does|do|did) (?:the |this |that |our )?(?:{ROLE}|you|he|she) (?:even|actually|really|exactly) do\b(?: \w+){0,3}? (?:sleep|nap|nothing|lol|lmao|all day|besides|except)\b
\b{WHO}(?: \w+){0,3}? makan gaji buta\b|\bmakan gaji buta(?: (?:je|jer|saja|la|lah|betul))* {WHO}\b
\b{WHO}(?: ni| tu)? (?:dibayar|dapat gaji|digaji|makan gaji) untuk (?:\w+ ){0,3}?(?:je|jer|saja|sahaja|aje) (?:ke|kah)\b
\bwhat (?:are|r) (?:we|they|you) (?:even |actually |really )?paying (?:this|that|the|these) (?:\w+ )?(?:{ROLE}|guy|clown|people) for\b
\b(?:learned|learnt|learn|got|get|dapat|belajar)(?: \w+){0,2}? (?:more|lagi banyak|lebih banyak|lebih) (?:from |dari |daripada |kat )?(?:a |an |one )?(?:tiktok|youtube|a meme|memes|meme|google|cereal box|fortune cookie|whatsapp forward|my cat|a toddler|toddler)(?: \w+){0,2}? (?:than|dari|daripada) (?:from |listening to |dengar |this |that |the |our )*(?:{ROLE}|you|kau|him|her|dia|this guy)\b
\b(?:belajar|dapat ilmu|dapat info) (?:dari|daripada|kat) (?:tiktok|youtube|google|meme|kucing aku)(?: \w+){0,2}? (?:lagi|lebih) banyak (?:dari|daripada) (?:dengar )?(?:{ROLE}|kau|dia)\b
own	\b(?:you|u|{ROLE}|this guy|that guy|mamat ni|minah ni)(?: (?:clearly|obviously|honestly|totally|really|memang|jelas))+ (?:has|have|got|ada) no (?:idea|clue) what (?:he|she|they|you|dia|theyre|youre|hes|shes)(?: is| are| re| s)? (?:talking about|doing|saying)\b
# Stacked put-down adjectives at a target ("ugly and stupid, what a combo host", "the host is fat and
# useless", "you are lazy and clueless"); one of the two is a person's ("slides long and boring" is content),
# and only joining words or a "combo" stand between them and the target.
@ADJP = (?:ugly|stupid|dumb|clueless|useless|incompetent|fat|lazy|idiotic|hopeless|brainless|hodoh|bodoh|bengap|bangang|gemuk|malas|bebal|dungu|tak guna)
@ADJ = (?:{ADJP}|slow|boring|annoying|arrogant|pathetic|cringe|lembap|lembab|sombong|poyo|lambat|buruk|noisy|bising)
@COMBO = (?:padan jadi|sesuai jadi|layak jadi|perfect for|what a combo|what a combination|perfect combo|combo lengkap|pakej lengkap|full package|the full package|combo|pakej|package|what a|la|lah|betul|sungguh|gila|this|that|our|the|ni|tu|memang|is|so|really|sangat|for you|thats|that s|congrats|wow)
\b(?:{ADJP}(?: and| dan| n| plus| also| pun)+ {ADJ}|{ADJ}(?: and| dan| n| plus| also| pun)+ {ADJP})\b(?: {COMBO})* (?:{ROLE}|you|u|kau|ko|awak|this guy|that guy)\b
\b(?:{ROLE}|you|u|kau|ko|awak|this guy|that guy|he|she|dia)(?: (?:is|are|r|was|ni|tu|memang|so|really|just|totally|such|a|an))* (?:{ADJP}(?: and| dan| n| plus)+ {ADJ}|{ADJ}(?: and| dan| n| plus)+ {ADJP})\b
# Round 16, third wave: a target who thinks they are clever (`bajet pandai la penceramah ni`, "you think you're
# so smart huh"), parents ashamed of a target, "no wonder you're still single", "ok boomer", "go touch grass",
# nobody came to hear a target, "stop embarrassing yourself", `buat malu je`, talking like a drunk, a know-it-all
# or an attention seeker, a walking joke or a waste of time.
\b(?:you|u|kau|ko|awak|{ROLE}|this guy|dia)(?: \w+)? (?:think|thinks|ingat|fikir) (?:you|u|kau|ko|he|she|dia|yourself|awak)(?: are| re| is| s)? (?:so|sangat|very|such a|damn|gila|that) (?:smart|clever|funny|pandai|bagus|hebat|pro|expert|pakar|terer|cool|special|important|bijak|great|hot|hensem|cantik)\b(?! (?:that|enough|to|untuk|sampai)\b)
\b(?:you|u|kau|ko|awak|{ROLE}|this guy|dia)(?: \w+)? (?:ingat|fikir) (?:kau|ko|dia|awak) (?:pandai|bagus|hebat|pro|pakar|terer|bijak|cantik|hensem) (?:sangat|sgt|sangat la|sgt la)\b
\b(?:perasan|bajet|budget|poyo|berlagak) (?:\w+ )?(?:bagus|pandai|hebat|pro|cantik|hensem|handsome|pakar|expert|bijak|terer|bijak pandai|cool|bagus sangat)\b(?: (?:la|lah|betul|sungguh|gila|je|jer|punya|padahal|tapi))*(?: \w+){0,2}? (?:{WHO}|mamat|minah|budak)\b
\b{WHO}(?: (?:ni|tu|memang|betul|la|lah|ni memang))* (?:perasan|bajet|budget|berlagak) (?:\w+ )?(?:bagus|pandai|hebat|pro|cantik|hensem|handsome|pakar|expert|bijak|terer|cool)\b
\b(?:your|ur|his|her|kau punya|dia punya) (?:parents|mum|mom|mother|dad|father|family|mak|ayah|mak bapak|keluarga|mak ayah) (?:must be|would be|mesti|pasti|confirm|must feel) (?:so |very |really |sangat |damn )?(?:ashamed|embarrassed|malu|kecewa|disappointed)\b
\b(?:mak bapak|mak ayah|parents|keluarga|mak|ibu bapa) (?:kau|ko|dia|awak|korang) (?:mesti|pasti|confirm|tentu) (?:\w+ )?(?:malu|kecewa|menyesal)\b
own	\bno wonder (?:you|u|he|she|the {ROLE}|{ROLE})(?: are| re| is| s)? (?:still )?(?:single|alone|unemployed|jobless|broke|lonely|has no friends|have no friends)\b
own	\bpatut (?:la |lah )?(?:takde|tak ada|tiada|x de|xde|tak de) (?:orang|sesiapa|perempuan|lelaki|awek|jantan|siapa|kawan) (?:\w+ )?(?:nak|suka|mahu|sudi|berkawan)(?: kat| dekat| pada| dengan)? (?:kau|ko|dia|awak|{ROLE})\b
\bok(?:ay)? boomer\b(?!(?: \w+){0,8}? (?:mean|means|meme|maksud|stand for|stands for)\b)
\b(?:sit down|duduk diam)(?: (?:la|lah|pls|please|already))* (?:boomer|clown|kid|host|speaker|uncle|loser|budak)\b
(?<!to )(?<!i )(?<!ll )(?<!gonna )(?<!need )\bgo touch (?:some )?grass(?: (?:la|lah|pls|please|already|bro|sis|sia|weh))*(?: (?:{ROLE}|you|u|kau|ko|clown|loser|kid|boomer|nerd|mate|dude)\b|$)
own	\b(?:nobody|no one|noone|tak ada orang|takde orang) (?:came|comes|is here|joined|signed up|logged in|datang|join) (?:here )?(?:to|for|nak|untuk) (?:hear|listen to|watch|see|dengar|tengok) (?:you|u|kau|him|her|dia|the {ROLE}|this {ROLE}|{ROLE})\b
\bstop (?:embarrassing|humiliating|memalukan) (?:yourself|diri sendiri|diri kau|himself|herself)\b(?! (?:is what|is something|is a|is the|they say|she says|he says|my \w+ says))
\b{WHO}(?: (?:ni|tu|memang))? (?:buat malu|memalukan|malukan orang)(?: (?:je|saja|jer|aje|la|lah|sahaja))+\b
\b{WHO}(?: \w+){0,2}? (?:cakap|bercakap|talk|talks|speak|speaks|sound|sounds) (?:macam|mcm|like) (?:a |an |orang |budak )?(?:mabuk|drunk|drunkard|orang gila|tak siuman|mamai|sleepwalker|robot rosak)\b
\b(?:cakap|bercakap|talk|talks|speaks?|sounds?) (?:macam|mcm|like) (?:a |an |orang |budak )?(?:mabuk|drunk|drunkard|orang gila|tak siuman|mamai)\b(?: \w+){0,2}? (?:{ROLE}|kau|ko|you)\b
\b(?:such a|what a|dasar|typical|classic|a total|total|a real) (?:know it all|knowitall|try hard|tryhard|attention seeker|drama queen|wannabe|kaki bodek|kaki ampu|pick me)\b
\b(?:know it all|try hard|tryhard|attention seeker|drama queen|kaki bodek|kaki ampu)(?: (?:betul|sungguh|gila|la|lah|punya|this|that))* (?:{ROLE}|kau|ko|you|mamat|minah)\b
\b(?:{WHO})(?: \w+){0,2}? (?:acts?|talks?|behaves?|cakap|berlagak) (?:like|macam|mcm) (?:he|she|you|dia|kau) (?:knows?|tahu|tau) (?:everything|semua|segalanya|semua benda)\b
\b{WHO}(?: {LINK}){1,5} (?:walking joke|total joke|complete joke|absolute joke|laughing stock|bahan lawak|bahan ketawa|waste of time|waste of money|waste of a mic|waste of a microphone|waste of a slot)\b
