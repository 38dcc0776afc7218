# Sexual remarks and requests aimed at a person without a listed sexual word (docs/screening-guidelines.md,
# "sexual"), matched on the NORMALISED text ("ur" -> "your", "u" -> "you", "you're" -> "you are"; inflected
# words such as "kissing" folded). Same format as self_harm.re. A match is held (category sexual, severity 2).
# Kinds: a remark on a person's body or looks; asking for pictures of a body or what is under the clothes;
# an invitation to a room, a hotel or a bed; a sexual act offered to or wanted with a person; arousal at a
# person; women sought for company, a video call or money. Topics (sex education, sextortion, grooming)
# name no person in these shapes and stay published.
@TRIGGERS = spicy naughty hips hip pinggul paha geram menggiurkan fokus nakal something dating date bermalam body bodies legs leg thighs thigh lips lip butt ass bum booty chest breasts breast boobs curves figure badan tubuh bibir peha dada punggung bontot tetek betis pinggang hot sexy seksi montok gebu sedap menggoda hawt pics pic pictures picture photos photo gambar video videos vid vids selfie selfies under place house room bilik rumah hotel condo bed katil tidur sleep teman temankan temani bang shag lick jilat satisfy puaskan cium kiss ml ons sex seks hard horny stim sange aroused wet lonely sunyi kesunyian vc call taste nibble face bend sext sexting sexted fwb netflix hook hookup batang kote kotek butuh tegang tasty delicious yummy juicy thicc thiccc curvy cantik lawa panties panty underwear bra socks stockings seluar coli spender cam webcam kamera camera bikini lingerie fwb stand projek jerk jerking wank wanking strip stripping touch melancap bogel telanjang fckable fuckable fkable fukable rough dirty steamy nsfw flash kissable rate free fun
# Round 14: words that let this file run as well (one of them or of @TRIGGERS is in every match of the round 14
# lines), which are not read through a swapped spelling: lexicons.swap_targets reads @TRIGGERS only.
@GATE = round bulat perky bouncy firm cun padu peluk cium kiss hug pipi cheek cheeks leher neck tengkuk telinga dating candlelight parents wife isteri husband suami away outstation rack melons jugs tatas knockers smash tho though doe sia weh wei short pendek singkat vc videocall facetime tonight hotel kinky freaky frisky miang enjoy seronok syok check cek checkin chek lap riba pangkuan turns turn turning turned things stuff keras basah berahi ghairah tight ketat revealing jarang nipis transparent lucah 18sx porn porno xxx jav biru blue bod bods abs bust cleavage ponggong buntut lurah alur payudara berdua alone two time wear wearing pakai dressed berpakaian view car kereta
@ROLE = (?:hosts?|hos|speakers?|panel|panelists?|panellists?|moderators?|mods?|admins?|presenters?|penceramah|pembentang|pengacara|mc|emcee|organi[sz]ers?|cikgu|teacher)
@WHO = (?:{ROLE}|you|your|yourself|sis|miss|missy|babe|baby|sayang|dear|adik manis|awek|cik puan|aunty|aunties|auntie|akak|kakak|makcik|amoi|minah|she|her|girls?|ladies|lady|perempuan tu|that girl|this girl|that woman|this woman)
@BODY = (?:body|bodies|legs|leg|thighs|thigh|hips|hip|lips|lip|butt|ass|bum|booty|chest|breasts|breast|boobs|curves|figure|badan|tubuh|bibir|peha|paha|dada|buah dada|punggung|pinggul|bontot|tetek|betis|pinggang)
@LOOKS = (?:nice|hot|sexy|seksi|juicy|tight|perfect|delicious|yummy|gorgeous|solid|mantap|cantik|lawa|besar|montok|gebu|padat|menggoda|menggiurkan|geram|distracting|hilang fokus|round|bulat|perky|bouncy|firm|made for (?:kiss|lick|touch|sex)\w*)
# A remark on a person's body: the person, then their body part with a word of looks (either order), or
# the body part and its looks, then the person ("nice legs in that skirt miss").
\b{WHO}\b(?: \w+){0,4}? (?:{LOOKS} {BODY}|{BODY}(?: \w+){0,2}? {LOOKS})\b
\b(?:{LOOKS} {BODY}|{BODY}(?: \w+){0,2}? {LOOKS})\b(?: \w+){0,4}? {WHO}\b
# Round 13: the Malay possessive, the body part first and its owner after it (`dada pembentang ni ...`,
# `pinggul cikgu tu besar`), with a word of looks or desire within four words; `badan` after it is an
# organisation (`badan penganjur`), not a body.
\b(?!badan\b){BODY} {WHO}\b(?: \w+){0,4}? {LOOKS}\b
# A person called hot or sexy outright ("speaker so hot", "cik puan tu montok"); "hot topic" is no person.
\b(?:{ROLE}|awek|minah|amoi|akak|cik puan|makcik|aunty|sis|miss|girl|that girl|this girl|perempuan tu)(?: (?:is|so|very|damn|sangat|memang|tu|ni|tu memang|ni memang|la|looks?|nampak|macam|quite|really|super|sgt)){0,3} (?:hot|sexy|seksi|montok|gebu|sedap|menggoda|hawt)\b(?! (?:topic|topics|issue|issues|news|item|items|seller|deal|deals|question|questions|on|about|isu|topik)\b)
# Pictures of a body asked for: in the shower or bed, undressed, "spicy"; seeing a person's body; what is
# under the clothes.
\b(?:send|sent|hantar|share|show|pm|dm|bagi|give|post|want|nak|mintak|minta)(?: me| saya| aku| kat saya| kat aku| us| i)?(?: \w+){0,2}? (?:pics?|pictures?|photos?|gambar|foto|fotos|gmbr|video|videos|vids?|selfies?)(?: \w+){0,3}? (?:in the shower|in bed|atas katil|in your (?:bed|underwear|bra|bikini|towel|lingerie|pyjamas|pajamas|pjs|swimsuit|swimwear|nightie|sleepwear)|mandi|tengah mandi|without (?:clothes|your clothes|a shirt|anything)|tanpa|tak pakai|naked|bogel|topless|in a bikini|in bikini|lingerie|spicy)\b
\b(?:see|tengok|lihat|look at|show me|show us|tunjuk)(?: more of)? (?:your|you|awak|kau|ko|her) (?:punya )?{BODY}\b|\b(?:see|tengok|lihat|tunjuk) {BODY} (?:you|awak|kau|ko|her|dia)\b
\b(?:what|whats|what s|what is|apa|see|show|tengok|wonder|imagine)(?: \w+){0,4}? (?:under|bawah|dalam) (?:that|your|her|the|ur|this) (?:\w+ )?(?:baju|shirt|skirt|dress|tudung|hijab|blouse|clothes|towel|kain|sarung|kebaya|uniform|baju kurung|jubah|t shirt|tshirt|blazer|jacket|top|outfit|jeans|seluar|gaun|cardigan|sweater|hoodie|abaya)\b
# An invitation to a room, a hotel or a bed ("come over to my place tonight, just us two", "jom check in
# hotel", "siapa nak teman tidur").
\b(?:come|datang|jom|lets|let us|wanna|want to|nak|visit)(?: over)? (?:to|ke) (?:my|rumah|bilik|your|saya punya|aku punya)(?: \w+)? (?:place|house|room|bilik|rumah|hotel|condo|bed|katil)\b(?: \w+){0,3}? (?:tonight|malam ni|alone|berdua|just us|just the two of us|only us|us two|private|privately)\b
\b(?:jom|nak|wanna|want to|lets|let us|come|mari|sudi)(?: \w+){0,2}? (?:check in|cek in|checkin|masuk|book|get a|dating|date|tidur|bermalam|spend the night) (?:\w+ )?(?:kat |di |at |in |dekat )?(?:hotel|motel|bilik hotel|room)\b(?!(?: \w+){0,3}? (?:untuk|for) (?:the )?(?:seminar|event|program|programme|majlis|conference|persidangan|kursus|webinar|training|latihan|bengkel|workshop|course|kenduri|wedding)\b)
\b(?:siapa|sapa|who|any|anyone|jom|cari|looking for|need|nak)(?: \w+){0,2}? (?:teman|temankan|temani|keep me company|company)(?: (?:saya|aku|i|me|abang|uncle|pakcik))? (?:tidur|sleep|in bed|atas katil|malam ni|tonight)\b
# A sexual act wanted with or offered to a person ("wanna bang her", "i can satisfy you", "who wants to
# ML tonight").
\b(?:wanna|want to|would|gonna|going to|i ll|ill|i will|let me|can i|i can|nak|boleh|i nak)(?: \w+)? (?:bang|shag|lick|jilat|satisfy|puaskan|sleep with|tidur dengan|have sex with|main dengan|kiss|cium)\b(?: (?:your|you|her|him|them|{ROLE}|awak|kau|dia|sis|miss|girls?|aunty|aunties|that|this|the)\b)
\b(?:who|siapa|sapa|anyone|any1|jom|nak|wanna|want to)(?: \w+){0,2}? (?:ml|ons|sex|seks|projek|bang|shag)\b(?: \w+)? (?:tonight|malam ni|now|sekarang|pm|dm|with me|dengan saya|dengan aku|jom)\b
# Arousal at a person ("getting hard watching this presenter"); "it is getting hard to watch" is not one.
(?<!it s )(?<!its )(?<!it is )(?<!this is )(?<!that is )\b(?:getting|get|got|so|feel|feeling|rasa|jadi|am|i am) (?:hard|turned on|horny|stim|sange|aroused|wet)\b(?: \w+){0,2}? (?:watching|looking at|tengok|lihat|seeing|listening to|dengar)(?: \w+)? (?:{ROLE}|you|her|him|dia|awak|kau|girl|lady|woman|perempuan)\b
# Women sought for company, a video call, a date or money ("any aunties lonely here? i can satisfy u").
\b(?:any|ada|who|siapa|sapa)(?: \w+)? (?:girls?|ladies|aunties|auntie|aunty|awek|perempuan|janda|amoi|makcik|women|wanita|chicks)\b(?: \w+){0,6}? (?:lonely|sunyi|kesunyian|satisfy|puaskan|video call privately|vc privately|video call berdua|berdua|dating|sugar daddy|teman tidur|i ll pay|i pay|i will pay|saya bayar|aku bayar|i bayar)\b
\b(?:video call|vc|videocall)(?: \w+){0,3}? (?:bogel|naked|nude|nudes|tanpa baju|tak pakai baju|topless|tanpa pakaian)\b
# Something "spicy" or "naughty" asked for ("send me something spicy").
\b(?:send|hantar|bagi|give|pm|dm)(?: me| saya| aku| us)? something (?:spicy|sexy|seksi|naughty|nakal|hot|private|peribadi)\b
# Round 5 (kinds): innuendo and body slang aimed at a person with no listed word: wanting to taste or lick
# someone, a person who "looks sedap", sexting or a hook-up offered, sitting on a face, bending a person
# over, a person "fun in bed", Malay slang for an aroused body.
\b(?:wanna|want to|i want to|i d|id|i would|nak|let me|can i|boleh|i could|i ll|i will|gonna)(?: \w+){0,2}? (?:taste|lick|jilat|nibble) (?:you|your|her|him|{ROLE}|the {ROLE}|awak|kau|dia|sis|babe)\b
\b{WHO}\b(?: \w+){0,5}? (?:nampak|looks?|look) (?:so |very |sangat |memang |damn |really )?(?:sedap|tasty|delicious|yummy|juicy|edible|lazat)\b(?!(?: \w+){0,3}? (?:recipe|resipi|makanan|food|nasi|kuih|rendang|masakan|dish|cake|kek))
\b(?:wanna|want to|nak|jom|lets|who wants to|anyone|sesiapa|any girls?|any guys?|any ladies|ada awek|ada yang)(?: \w+){0,3}? (?:sext|sexting|sexted|phone sex|video sex|vc sex|hook up|hookup|hooking up|netflix and chill|fwb|one night)\b
\b(?:hook up|hookup|hooking up)\b(?: \w+){0,5}? (?:girls only|ladies only|women only|awek only|perempuan je|18|18\+|no strings|nsa)\b
\bsit on (?:my|your|his|her|muka) face\b
\bbend (?:you|her|him|{ROLE}|the {ROLE}|that \w+|this \w+|dia|awak)(?: \w+)? over\b
\b(?:she|he|you|{ROLE}|they|dia)(?: \w+){0,5}? (?:be |is |are |so |would be |must be )?(?:fun|wild|freaky|a freak|a beast|an animal|amazing|naughty|ganas|hebat) (?:in bed|in the bedroom|in the sheets|atas katil|kat katil|di katil)\b
\b(?:batang|kote|kotek|butuh)(?: \w+)? (?:aku|saya|abang|i|ku|gua)(?: \w+)? (?:keras|tegang|stim|naik|besar|panjang)\b
\b(?:keras|tegang|stim|sange|horny) (?:\w+ )?(?:tengok|tgk|nampak|tengok kan|looking at|see) (?:{ROLE}|cikgu|awek|minah|dia|she|her|you|awak)\b
# Round 6: sexual talk with no listed body word. A person's looks with intent ("looking thicc, wanna see
# more"); pictures of feet or worn clothing bought; a video call or a look without clothes; one-night stands
# and "projek" sought; acts offered on camera; a masked "-able" form of the f-word; "like it rough".
\b(?:{WHO}|looking|looks|look|nampak)\b(?: \w+){0,2}? (?:thicc+|curvy)\b
\b(?:hot|sexy|seksi|thicc+|curvy|montok|gebu|cantik|lawa)\b(?: \w+){0,4}? (?:wanna|want to|nak|can i|let me|let us|boleh) (?:see|tengok|lihat) (?:more|lagi|lebih)\b
\b(?:pics?|pictures?|photos?|gambar|foto|fotos|gmbr|videos?|vids?) (?:of )?(?:your|her|awak|kau) (?:feet|foot|kaki|toes|jari kaki)\b
\b(?:sell|selling|jual|buy|beli|want|nak|pay for|bayar)(?: \w+){0,2}? (?:used|worn|dirty|terpakai|bekas) (?:panties|panty|underwear|bra|socks|stockings|seluar dalam|coli|spender)\b
\b(?:video call|videocall|vc|call|cam|webcam|kamera|camera)\b(?: \w+){0,3}? (?:without|tanpa|tak pakai|no) (?:baju|clothes|shirt|seluar|pants|bra|anything on)\b
\b(?:see|tengok|lihat|wanna see|want to see|show me|tunjuk)(?: \w+){0,2}? (?:you|your|awak|kau|her|dia|{ROLE}|the {ROLE}|that \w+|this \w+) (?:pakai|wear|wearing|in) (?:a |your |her )?(?:bikini|lingerie|underwear|bra|seluar dalam|coli|swimsuit|swimwear|pyjamas|pajamas|pjs|towel|tuala|baju tidur|nightie|sleepwear|baju renang)\b
\b(?:nak|cari|want|wanna|looking for|anyone|sapa|siapa|any|jom)\b(?: \w+){0,3}? (?:ons|one night stand|one nite stand|fwb)\b
\b(?:sapa|siapa|who|anyone|jom|cari)\b(?: \w+){0,2}? projek (?:malam ni|tonight|mlm ni|malam ini)\b
\b(?:wanna|want to|wants to|nak|come)\b(?: \w+){0,2}? (?:see|watch|tengok) (?:me|i|saya|aku) (?:jerk|jerking|wank|wanking|strip|stripping|touch myself|melancap|bogel|telanjang)\b
\b(?:jerk off|jerking off|wank|wanking|stripping|touch myself|melancap)\b(?: \w+){0,2}? (?:on|atas|depan) (?:cam|camera|kamera|webcam|video call|vc)\b
\b(?:fckable|fuckable|fkable|fukable)\b
\b(?:you|your|awak|kau|she|her)\b(?: \w+){0,3}? (?:like|likes|suka|love|loves) (?:it )?rough\b
# Round 7 (heldout_8's misses, by kind): naughty or dirty cam sessions and texting sought, a chest flashed
# on camera for gifts, a person's underwear asked about, one's body offered for rating with pictures sent
# to anyone, lips called kissable, women sought "free tonight for fun".
\b(?:naughty|dirty|steamy|nsfw|spicy|nakal)\b(?: \w+){0,2}? (?:cam|camera|video calls?|vc|session|sessions|show|chat|chatting|texting|sexting|pics|photos|videos)\b
\bflash (?:\w+ )?(?:chest|boobs|body|breasts|dada|tetek|bra|butt|ass)\b
\b(?:you|your|awak|kau|{ROLE} s|her|his)\b(?: \w+){0,2}? (?:underwear|panties|bra|lingerie|seluar dalam|coli|boxers)\b
\brate my (?:body|figure|bod|badan|tubuh)\b
\bsend (?:my |some )?(?:pics|photos|gambar|foto|fotos|gmbr|nudes|videos) to (?:anyone|everyone|whoever|sesiapa)\b
\b(?:kissable|nak cium bibir|want to kiss (?:your|her|his) lips)\b
\b(?:girls?|ladies|amoi|awek|aunty|cewek|chicks|babes|women|perempuan)\b(?: \w+){0,3}? free (?:tonight|malam ni|malam ini|later)(?: \w+){0,2}? (?:for |untuk )?(?:fun|some fun|a good time|enjoy|sedap sedap)\b
\b(?:underwear|panties|bra|lingerie|seluar dalam|coli) (?:is|are|does|do) (?:the )?(?:{ROLE}|you|she|he|awak|kau|dia) (?:\w+ )?(?:wearing|wear|pakai|memakai)\b
# Round 14 (sexual remarks and approaches to minors; docs/screening.md, "Round 14"). A broad body word
# (@BODY14: also slang and Malay, "bod", "bontot", "ponggong") with a strong word of desire aimed at a person; a
# person, their clothes or their body arousing the author; a gaze at a person's body; innuendo ("fun",
# "naughty", "kinky") with a private place or the author; pictures with a sexual adjective; porn offered; a
# "check in" with the author. Lines labelled "request" are dropped when the comment reports or asks about
# what it says (a line labelled "report" matches: "a stranger asked my daughter for pics, how do I report?");
# lines labelled "wink" count only with a wink or a sexual emoji in the ORIGINAL text (the line labelled
# "winkmark", matched on the original lower-cased text: the normaliser drops ";)").
@BODY14 = (?:{BODY}|bod|bods|abs|bust|cleavage|ponggong|buntut|lurah|alur|payudara)
@PART14 = (?:legs|leg|thighs|thigh|hips|lips|butt|ass|bum|booty|chest|breasts|breast|boobs|curves|body|badan|tubuh|bibir|peha|paha|dada|buah dada|punggung|pinggul|bontot|tetek|betis|pinggang|cleavage|bust|abs|ponggong|buntut|lurah|alur|payudara)
@PERSON14 = (?:{WHO}|dia|she|her|akak|kak|awek|minah|amoi|aunty|makcik|cik|girl|gurl|babe|sis|miss)
@CLOTHES14 = (?:dress|skirt|blouse|outfit|top|jeans|leggings|tights|baju|kebaya|kurung|blazer|shirt|t shirt|tshirt|seluar|kain|uniform|lipstick|heels|tudung|jubah|gaun|pakaian|attire)
@AROUSED14 = (?:stim|sange|horny|hard|wet|keras|tegang|basah|berahi|ghairah|turned on)(?! (?:to|for|kepala|hati|darah|sikit nak faham)\b)
# A body with its owner and a strong word of desire, the owner a third person too ("badan dia montok gila").
\b{BODY14} (?:{PERSON14}|{ROLE})\b(?: (?:ni|tu|ini|itu|memang|sangat|so|damn|very|really|is|are|looks?|nampak|macam))* (?:montok|gebu|seksi|sexy|hot|mantap|solid|padat|padu|berisi|bulat|menggoda|menggiurkan|thicc+|curvy|juicy|banging|bangin|killer|mulus|gebus|geram|fuyo+)\b
# A person with a body word and a strong word of desire ("the host has a banging body", "sis body so solid").
\b(?:{PERSON14}|{ROLE})\b(?: \w+){0,3}? (?:banging|bangin|killer|smoking|rocking|sick|fire|solid|mantap|montok|gebu|thicc+|juicy|perfect|sexy|hot|seksi) {PART14}\b
# Gazing at a person's body ("can't stop staring at the presenter's chest", "usha peha minah tu").
\b(?:stare|stares|staring|stared|ogle|ogling|ogled|eyeing|usha|ushar|skodeng|tenung|renung|intai)(?: at)? (?:(?:the|that|this|your|her|{PERSON14}|{ROLE}|{ROLE}s) ){1,2}(?:\w+ )?{PART14}\b
\b(?:stare|stares|staring|stared|ogle|ogling|usha|ushar|skodeng|tenung|renung|intai)(?: at)? {PART14} (?:{PERSON14}|{ROLE})\b
# A person, their clothes or their body arousing the author ("host ni buat aku stim", "that dress does things
# to me", "her voice turns me on").
\b(?:{PERSON14}|{ROLE}|{CLOTHES14}|{BODY14}|voice|suara)\b(?: \w+){0,4}? (?:buat|make|makes|making|made|bikin|membuat) (?:aku|saya|i|me|gua|abang|sy)(?: \w+)? {AROUSED14}
\b(?:{PERSON14}|{ROLE}|{CLOTHES14}|{BODY14}|voice|suara)\b(?: \w+){0,4}? (?:does|do|doing|did) (?:things|stuff|naughty things) to (?:me|my body)\b
\b(?:{PERSON14}|{ROLE}|{CLOTHES14}|{BODY14}|voice|suara)\b(?: \w+){0,4}? (?:turns?|turning|turned) me on\b
# Desire at a person, closing the comment ("geram tengok host ni"; a complaint goes on: "geram tengok host ni,
# asyik lambat").
\b(?:geram|stim|sange|horny|berahi|ghairah)(?: (?:aku|saya|i|sy|gua))? (?:tengok|tgk|lihat|nampak|usha|pandang|looking at|see) (?:{ROLE}|{PERSON14})(?: (?:ni|tu|ini|itu|je|la|lah|weh|wei|doh|sangat|betul|gila))*$
# Touching a person's body wanted ("nak rasa tubuh pembentang tu", "want to touch her legs").
\b(?:nak|want to|teringin|ingin|i d|id|would love to|let me|can i|boleh)(?: \w+)? (?:rasa|raba|pegang|sentuh|touch|feel|grab|squeeze|ramas|picit|cubit) (?:your|her|his) {PART14}\b
\b(?:nak|want to|teringin|ingin|i d|id|would love to|let me|can i|boleh)(?: \w+)? (?:rasa|raba|pegang|sentuh|touch|feel|grab|squeeze|ramas|picit|cubit) {PART14} (?:{PERSON14}|{ROLE}|awak|kau)\b
# Sitting on the author's lap ("she can sit on my lap anytime", "duduk atas riba abang").
\b(?:{PERSON14}|{ROLE}|you)\b(?: (?!(?:kids?|anak|baby|babies|child|children|cat|cats|kucing|dog|anjing)\b)\w+){0,2}? (?:can|could|boleh|should|may|come|mari|nak|want to|is welcome to) (?:sit|duduk) (?:on|atas|kat|di) (?:my|abang|saya|aku|uncle) ?(?:lap|riba|pangkuan)\b
\b(?:jom|mari|meh|come|sini|marilah)(?: and| la| lah| sini)? (?:duduk|sit) (?:atas|on|kat|di) (?:riba|pangkuan|my lap)\b
# A body part that the author wants to taste ("the host's lips look so soft, want a taste"; not a chicken's).
(?<!chicken )(?<!ayam )(?<!duck )(?<!itik )(?<!turkey )\b{PART14}\b(?: \w+){0,6}? (?:want|wanna|want to have|nak|need|i d like|id like|would love) (?:a |to )?(?:taste|bite|lick|gigit|jilat)\b
# A person called spicy or hot, then fun wanted ("host looking extra spicy today, wanna have fun later?").
\b(?:{PERSON14}|{ROLE}|you)\b(?: \w+){0,3}? (?:spicy|hot|sexy|seksi|yummy|tasty|delicious|hawt|steamy|thicc+)\b(?: \w+){0,6}? (?:want to|nak|jom|lets|let us|can we|how about)(?: \w+){0,2}? (?:fun|good time|seronok|syok|naughty)\b(?!.*\b(?:quiz|kuiz|game|games|kahoot|contest|class|kelas|activity|learning|belajar|pertandingan|cabutan|lucky draw|poll|challenge)\b)
# A good time shown by the author, private fun, and the author's room or place with the two alone ("I'll show
# you a good time", "let's have some private fun", "jom lepak my condo after webinar, just two of us").
\b(?:i ll|i will|ill|let me|i can|i could|abang|uncle)(?: \w+)? (?:show|give) (?:you|her|awak|kau|dik|adik|sis|babe) a (?:good|great|fun|wild|nice|real) time\b
\b(?:some )?(?:private|secret|naughty|dirty|kinky) fun\b
\b(?:jom|jum|come|lets|let us|want to|nak|datang)(?: \w+){0,2}? (?:my (?:condo|place|room|house|hotel|bilik|rumah)|(?:rumah|bilik|condo) (?:saya|aku|abang|i))\b(?: \w+){0,5}? (?:just two of us|just the two of us|just us|only us|us two|the two of us|berdua|alone)\b
# A person called by a word for a plump or curvy body ("akak host ni boleh tahan montok"), clothes that make
# someone want to touch ("u wear like that sure many uncle want to pegang"), the view from behind.
\b(?:{ROLE}|akak|kak|awek|minah|amoi|aunty|makcik|cik puan|sis|miss|girl|babe)\b(?: \w+){0,4}? (?:montok|gebu|menggiurkan|thicc+|curvy)\b
\b(?:wear|wearing|pakai|dressed|berpakaian)(?: \w+)? (?:like that|macam tu|macam ni|like this|camtu|camni|so sexy|so seksi|seksi|sexy)\b(?: \w+){0,6}? (?:want to|wanna|nak|mau|would) (?:\w+ )?(?:pegang|raba|touch|grab|sentuh|picit|cubit|peluk|ramas)\b
\b(?:enjoy|nice|great|love|like|best|lovely) (?:the |that |this )?view from (?:behind|belakang)\b
# Body slang, "would smash", "those legs tho", a skirt and "turn around", a private video call,
# fun sought with women tonight, a hotel room offered.
\b(?:{PERSON14}|{ROLE})\b(?: \w+){0,3}? (?:nice|great|big|huge|besar) (?:rack|melons|jugs|tatas|knockers)\b(?! of\b)
\b(?:would|wud|i d|id|definitely|def|totally|gonna) (?:def |definitely |totally )?smash(?=$| (?:tbh|ngl|lol|lmao|fr|no cap|honestly|sia|weh|for sure|confirm|bro|doh)\b)
\b(?:those|that|dem|them|her|your) {PART14} (?:tho|though|doe|sia|weh|wei|fuyo+|damn|omg)\b
\b{CLOTHES14}\b(?: \w+){0,4}? (?:short|pendek|singkat|tight|ketat)\b(?: \w+){0,4}? (?:turn around|pusing belakang|bend over|tunduk)\b
\b(?:video call|videocall|vc|facetime)\b(?: \w+){0,4}? (?:just you and me|just us|just the two of us|only us|us two)\b
\b(?:want to|wanna|anyone|any1|who|jom|nak|looking for|cari|up for|down for)(?: \w+){0,3}? (?:fun|good time|seronok|enjoy)\b(?: \w+){0,4}? (?:tonight|malam ni)\b(?: \w+){0,4}? (?:girls?|ladies|awek|aunties|women|cewek|amoi|babes)\b
\b(?:come|datang|jom|visit|drop by|singgah)(?: over)? (?:to|ke) (?:my|abang|saya punya) (?:hotel room|hotel|bilik hotel)\b(?! (?:s|booking|reservation|lobby|ballroom|restaurant|dewan|for the)\b)
# Round 14, third wave: a body part in those clothes ("the speaker's thighs in that skirt"), a person called hot
# ("host, ur so hot"), a person's looks with the author's desire (`makcik host ni masih solid, geram aku`), a
# kiss on a person's cheek or neck wanted, a date tonight, the author's empty house ("my parents are away").
\b(?:{PERSON14}|{ROLE}|{ROLE}s|those|that)\b(?: \w+)? {PART14} in (?:that|this|those|these|her|your) {CLOTHES14}\b
\b(?:{ROLE}|you)\b(?: (?:you|are|your|is|so|very|damn|really|super|sangat|memang|sgt)){1,4} (?:hot|hawt)\b(?! (?:topic|topics|issue|issues|news|item|items|seller|deal|deals|question|questions|on|about|isu|topik|weather|cuaca|today|hari ni|in here|in the room)\b)
\b(?:{PERSON14}|{ROLE})\b(?: \w+){0,4}? (?:solid|mantap|padu|cun|montok|gebu|seksi|sexy|hot|menggoda)\b(?: \w+){0,2}? (?:geram|stim|sange|horny|nak peluk|nak cium|want to hug|want to kiss)\b
\b(?:nak|want to|wanna|teringin|ingin|i d|id|let me|can i|boleh)(?: \w+)? (?:cium|kiss|peluk|hug|jilat|lick|gigit|bite) (?:pipi|bibir|lips|cheek|cheeks|leher|neck|tengkuk|telinga) (?:{ROLE}|akak|kak|awek|minah|amoi|aunty|makcik|cik puan|sis|miss|girl|babe|you|awak)\b
\b(?:jom|nak|wanna|want to|lets|let us)(?: \w+){0,2}? (?:dating|date|candlelight dinner|dinner berdua|makan berdua)\b(?: \w+){0,2}? (?:malam ni|tonight|berdua|with me|dengan abang|dengan saya)\b
\b(?:come over|datang rumah|lepak rumah|come to my (?:place|house)|datang (?:rumah|bilik) (?:saya|aku|abang))\b(?: \w+){0,6}? (?:parents|mak ayah|family|wife|isteri|husband|suami) (?:are |is )?(?:away|out|not home|tak ada|takde|keluar|balik kampung|outstation)\b
\b(?:my|aku|saya|abang) ?(?:parents|mak ayah|wife|isteri|husband|suami|family) (?:\w+ )?(?:are |is )?(?:away|out|not home|tak ada|takde|keluar|balik kampung|outstation)\b(?: \w+){0,6}? (?:come over|datang|jom lepak|come to my)\b
# Tight or revealing clothes that show the body ("dress host tu ketat sangat, nampak semua").
\b{CLOTHES14}\b(?: \w+){0,3}? (?:ketat|tight|seksi|sexy|revealing|jarang|nipis|see through|transparent|low cut)\b(?: \w+){0,3}? (?:nampak|can see|see|shows|showing|tunjuk) (?:semua|shape|bentuk|everything|all|lurah|alur|{BODY14})\b
# Innuendo: fun, naughty or a good time offered in a private place, the two alone, or with the author.
\b(?:want to|nak|jom|jum|lets|let us|shall we|how about|up for|down for|free for|care for|ready for|looking for|cari)(?: \w+){0,3}? (?:fun|naughty|kinky|nakal|good time|fun time|enjoy|seronok|syok|some action|private time|fun night|wild night)\b(?: \w+){0,4}? (?:berdua|just us|just the two of us|just two of us|only us|us two|the two of us|in private|privately|in my (?:car|room|place|bed|condo|house|hotel|kereta)|dalam kereta|dalam bilik|dengan abang|dengan saya|dengan aku|with me|with uncle|with abang)\b(?!.*\b(?:quiz|kuiz|game|games|kahoot|contest|class|kelas|activity|learning|belajar|pertandingan|cabutan|lucky draw|poll|challenge)\b)
\b(?:get|getting|be|feeling|feel|rasa)(?: a bit| so| very)? (?:naughty|kinky|frisky|freaky|nakal|horny|miang)\b(?: \w+){0,3}? (?:tonight|malam ni|later|nanti|after (?:this|the webinar|the session|webinar)|lepas (?:ni|webinar)|with me|dengan abang|dengan saya|berdua|together)\b
\b(?:you|your|{PERSON14}|{ROLE})\b(?: \w+){0,4}? (?:kinky|freaky|frisky)\b
\b(?:you|{PERSON14}|{ROLE})\b(?: \w+){0,3}? (?:free|available|lapang)(?: \w+){0,2}? (?:tonight|malam ni|later|after this|lepas ni)\b(?: \w+){0,6}? (?:fun|good time|seronok|in my (?:car|room|place|bed|condo|hotel)|my room|my place|my hotel|bilik saya|bilik aku|hotel)\b
(?<!spent )(?<!spend )(?<!stayed )(?<!stay )\b(?:a night|one night|satu malam) (?:at|in|kat|di|dekat) (?:my|abang|saya|aku) ?(?:hotel|room|place|condo|bilik|bed)\b
# "Check in" with the author or the two alone ("jom check in dengan abang malam ni").
\b(?:jom|jum|nak|want to|lets|let us|come|mari|sudi|can we|boleh)(?: \w+){0,2}? (?:check in|cek in|checkin|chek in)\b(?: \w+){0,2}? (?:dengan|with|ngan) (?:abang|saya|aku|me|you|awak|sayang|babe|uncle)\b
\b(?:check in|cek in|checkin|chek in)\b(?: \w+){0,2}? (?:berdua|just us|just the two of us|us two)\b
# Pictures or videos with a sexual adjective ("got any kinky pics", "hantar gambar seksi"), asked for with an
# endearment ("send pics babe").
request	\b(?:kinky|naughty|nakal|sexy|seksi|sensual|steamy|nsfw|lewd|lucah|18sx|spicy|saucy|raunchy|dirty|bogel|naked|nude) (?:pics?|pictures?|photos?|gambar|foto|fotos|gmbr|videos?|vids?|selfies?|content|snaps?|clips?)\b
request	\b(?:send|sent|hantar|share|bagi|give|post|pm|dm|show|tunjuk|nak|mintak|minta|want|got|ada|any)(?: \w+){0,3}? (?:pics?|pictures?|photos?|gambar|foto|fotos|gmbr|videos?|vids?|selfies?|snaps?|clips?) (?:\w+ )?(?:seksi|sexy|kinky|nakal|panas|lucah|bogel|18sx|nsfw|naughty)\b
request	\b(?:send|sent|hantar|share|bagi|give|show|pm|dm|snap)(?: me| abang| saya| aku| i| uncle)?(?: (?:some|more|a|your|lagi))* (?:pics?|pictures?|photos?|gambar|foto|fotos|gmbr|selfies?|snaps?) (?:of you |of yourself )?(?:babe|sayang|honey|hun|cutie|sweetie|darling|sexy)\b
request	\b(?:babe|sayang|honey|cutie|sweetie|darling|sexy) (?:please |pls |can you |could you |boleh |tolong |come on |jom )?(?:send|hantar|bagi|share|show)(?: me| abang| saya| aku| i)?(?: \w+){0,2}? (?:pics?|pictures?|photos?|gambar|foto|fotos|gmbr|selfies?|snaps?)\b
# Porn offered or asked for ("selling vid 18sx", "ada video lucah tak? share la", "filem biru").
request	\b(?:sell|selling|jual|menjual|ada|got|anyone want|who wants|sapa nak|siapa nak|nak|share|download|link|pm|dm|cari|looking for|need|who has|sapa ada|siapa ada|any|free|murah|cheap|koleksi)(?: \w+){0,2}? (?:video|videos|vid|vids|filem|film|films|movie|movies|cerita|content|link|links|koleksi|collection|clip|clips)(?: \w+)? (?:lucah|18sx|porn|porno|xxx|bogel|jav|nsfw|seks|sex)\b(?! (?:education|pendidikan|ed)\b)
request	\b(?:video|videos|vid|vids|filem|film|movie|movies|cerita|content|clip|clips) (?:lucah|18sx|porn|porno|xxx|bogel|jav)\b(?: \w+){0,4}? (?:pm|dm|murah|cheap|ws|whatsapp|telegram|link|for sale|dijual|jual|nak|want|share|free|percuma|sini|here)\b
request	\b(?:filem biru|blue film|blue films|blue movie|blue movies|cerita blue)\b
# A comment that reports or asks about a request: the request lines above and minors.re count for nothing.
report	\b(?:report|reported|reporting|lapor|laporkan|melaporkan|police|polis|pdrm|mcmc|nsrc|block|blocked|sekat|takedown|take down|grooming|groomer|groomed|predator|predators|pedo|pedophile|paedophile|red flag|is this normal|is it normal|what should i do|what do i do|apa patut saya buat|apa saya perlu buat|how do i protect|how to protect|how can i protect|macam mana nak lindungi|is this a scam|scam ke|deepfake|sextortion)\b
wink	\b(?:come|datang|jom)(?: over)? (?:to|ke) (?:my|abang|saya punya) (?:room|bilik|place|house|rumah|condo)\b
wink	\b(?:my|aku|saya) (?:parents|mak ayah|wife|isteri|husband|suami) (?:are |is )?(?:away|out|not home|tak ada|takde|keluar|balik kampung|outstation)\b
winkmark	(?:;-?\)|;-?d\b|;-?p\b|😉|😏|😜|😘|😈|🍆|🍑|💦|👅|🥵|👄|🍈|🍒|🥥|💋)
# With a wink: fun, naughty or a "check in" offered ("wanna have some fun after the webinar ;)"), not a quiz.
wink	\b(?:want to|nak|jom|jum|lets|let us|shall we|how about|up for|down for|free for|care for|ready for|anyone)(?: \w+){0,3}? (?:fun|naughty|kinky|nakal|good time|fun time|check in|cek in|checkin|berdua)\b(?!.*\b(?:quiz|kuiz|game|games|kahoot|contest|class|kelas|activity|learning|belajar|pertandingan|cabutan|lucky draw|poll|challenge)\b)
# Round 15 (sexual remarks without a listed word, second pass; docs/screening.md, "Round 15: insults and sexual
# remarks without a listed word"): a person called fine or hot, then asked over or out; a number asked with an
# endearment; company sought for the night; a sexual act wanted with "those lips"; a person or a child's
# uniform called seductive; clothes called sexy; the person imagined in lingerie; a threesome; "one night is
# enough"; single asked, then a date; a person called tasty; a flirtatious voice.
@GATE = fine over single teman temankan peneman belai dibelai manja suara threesome foursome orgy gangbang lingerie bikini swimsuit underwear bra coli semalam sehari sekali pair foto fotos gmbr number nombor digits stuff tasty yummy lazat kahwin berpunya pakwe makwe boyfriend girlfriend
\b(?:{PERSON14}|{ROLE})\b(?: \w+){0,4}? (?:fine|hot|sexy|seksi|cun|lawa|gorgeous|stunning|hawt|menggoda)\b(?! (?:topic|topik|isu|issue|weather|cuaca|deal|item|seller|pink))(?: \w+){0,6}? (?:wanna|want to|nak|jom|can i|lets|let us|boleh|how about)(?: \w+)? (?:come over|datang rumah|come to my place|lepak rumah|dating|date|keluar berdua|jumpa berdua|teman aku|teman saya)\b
\b(?:can i|could i|may i|boleh|bagi|give me|nak|send me|share)(?: \w+){0,2}? (?:your|awak punya|kau punya|you) ?(?:number|nombor|no phone|no hp|digits|ig|insta|snap|whatsapp|wa)\b(?: \w+){0,2}? (?:hot stuff|sexy|seksi|babe|baby|beautiful|gorgeous|cutie|sweetie|sayang|darling|honey|cantik|manis|cun|hottie)\b
\b(?:hot stuff|sexy|seksi|babe|beautiful|gorgeous|cutie|sweetie|darling|hottie|cantik manis)\b(?: \w+){0,2}? (?:can i|could i|may i|boleh|bagi|give me|nak|send me)(?: \w+){0,2}? (?:your |awak punya |kau punya )?(?:number|nombor|digits|ig|insta|snap|whatsapp)\b
wink	\b(?:nice|great|big|huge|lovely|besar) (?:pair|set)\b(?! of\b)
\b(?:cari|looking for|need|nak|siapa nak|sapa nak|sesiapa nak|any|anyone|ada)(?: \w+){0,2}? (?:teman|temankan|peneman|company|teman tidur)(?: (?:untuk|utk|for|aku|saya|me))? (?:malam ni|malam ini|tonight|mlm ni|tidur|atas katil|in bed)\b
\b(?:ada yang|anyone|any|siapa|sapa|who)(?: \w+)? single\b(?! (?:mothers?|mums?|moms?|parents?|ibu|fathers?|dads?|use|sign|page|click|point|source|account|entry|window|step|login|payment|bayaran))(?: \w+){0,8}? (?:dm|pm|jom|teman|date|dating|malam ni|tonight|whatsapp|ws|inbox)\b
\b(?:single ke|still single|are you single|you single|awak single|single tak|dah kahwin ke|dah berpunya ke|ada pakwe ke|ada makwe ke|ada boyfriend ke|ada girlfriend ke)\b(?: \w+){0,4}? (?:jom|let s|lets|wanna|want to|nak|can we|boleh)(?: \w+)? (?:dating|date|keluar|dinner|makan malam|minum|lepak|jumpa|couple|kahwin)\b
\b(?:dah lama tak|rindu nak|teringin nak|nak|need|want to be)(?: kena| di)? (?:belai|dibelai|caressed|cuddled)\b(?: \w+){0,4}? (?:siapa|sesiapa|sapa|anyone|volunteer|jom|dm|pm|sudi)\b
\b(?:wanna|want to|i want to|nak|let me|can i|i d love to|would love to|teringin nak|teringin)(?: \w+){0,2}? (?:taste|kiss|lick|bite|suck|jilat|cium|gigit|hisap) (?:those|that|them|these|bibir|lips) ?(?:lips|bibir|legs|thighs|peha|neck|leher|dia|tu|itu)?\b(?<! that)(?<! them)(?<! those)(?<! these)
\b(?:budak sekolah|pelajar sekolah|pelajar perempuan|school ?girls?|schoolgirls?|budak form \w+|girls? in form \w+|adik adik|adik manis|baju sekolah|school uniform|uniform sekolah)\b(?: \w+){0,4}? (?:menggoda|seksi|sexy|hot|montok|gebu|ghairah|menggiurkan|stim|horny|sange)\b
\b(?:tudung|tudung labuh|baju|dress|skirt|seluar|pakaian|outfit|kebaya|baju kurung|jubah|{ROLE}|akak|kakak|awek|minah)\b(?: \w+){0,3}? (?:pun|boleh tahan|nampak|memang|sangat|gila|so|looks?|still) (?:\w+ )?(?:seksi|sexy|menggoda|ghairah|menggiurkan)\b
\b(?:{PERSON14}|{ROLE})\b(?: \w+){0,4}? (?:pakai|wear|wearing|wore|in|dalam|berpakaian) (?:a |that |her |your |just )?(?:lingerie|bikini|seluar dalam|coli|bra|underwear|g string|thong|baju tidur seksi)\b
\b(?:have|do|join|jom|nak|want|wanna|buat|main|try|lets|let s|can)(?: \w+){0,2}? (?:a )?(?:threesome|foursome|orgy|gangbang)\b
\b(?:{PERSON14}|{ROLE})\b(?: \w+){0,6}? (?:kalau|if|kalo) (?:dapat|can get|get|i get|aku dapat|saya dapat|abang dapat)(?: \w+)? (?:semalam|satu malam|one night)(?: (?:pun|also|je|sahaja))? (?:jadi|ok|okay|cukup|puas|enough|dah cukup|jadilah)\b
\b(?:semalam|satu malam|one night|a night) (?:dengan|with|bersama) (?:{PERSON14}|{ROLE})(?: (?:ni|tu|this|that))?(?: (?:pun|also|je|sahaja|is|would be))? (?:jadi|ok|okay|cukup|puas|enough|dah cukup|jadilah)\b
\b(?:{ROLE}|akak|kakak|kak|minah|awek|janda|makcik|aunty|amoi)(?: (?:ni|tu|{ROLE}))*(?: (?:mesti|memang|nampak|confirm|gila|sangat|so|must be|looks?|looking))+ (?:sedap|lazat|juicy|tasty|yummy|delicious)\b(?! (?:masak|masakan|cooking|food|makanan|recipe|resipi|kuih|kek|cake|cookies)\b)
\bsuara (?:{ROLE}|dia|kau|awak|akak|kakak|minah|awek|adik manis|perempuan tu)(?: (?:ni|tu|memang|sangat|so|gila|betul))* (?:manja|menggoda|seksi|sexy|gersang|sensual|ghairah)\b
request	\b(?:send|sent|hantar|share|bagi|give|post|upload|show|tunjuk|nak|want|mintak|minta)(?: \w+){0,3}? (?:pics?|pictures?|photos?|foto|gambar|gmbr|selfies?|videos?|vids?)(?: \w+)? (?:in |pakai |with |berpakaian |dalam )?(?:a )?(?:bikini|lingerie|swimsuit|swimwear|underwear|seluar dalam|coli|towel|tuala|bra|baju renang)\b
# A body called firm with its owner after it (`body padu betul minah ni`; "body kereta ni padu" is a car's), a
# photo of the person in their clothes asked for, tight clothes worn that show the shape, a camera opened to
# see a body, the colour of a person's underwear asked, the two alone with a wink, a body offered to be rated.
\b{BODY14} (?:dia |awek |minah |akak )?(?:padu|montok|gebu|solid|mantap|menggiurkan|thicc+|seksi|sexy|hot)\b(?: \w+){0,2}? (?:{PERSON14}|{ROLE}|minah|awek)\b
request	\b(?:send|sent|hantar|share|bagi|give|show|dm|pm)(?: me| abang| saya| aku| i)? (?:a |some )?(?:pics?|pictures?|photos?|foto|gambar|selfies?) of (?:you|yourself|awak) (?:in|wearing|pakai) (?:that|this|your|the|a) (?:\w+ )?{CLOTHES14}\b
\b(?:{PERSON14}|{ROLE})\b(?: \w+){0,2}? (?:pakai|wear|wearing) (?:\w+ )?(?:ketat|tight|jarang|nipis|see through|revealing|low cut)\b(?: \w+){0,3}? (?:nampak|can see|see|shows|showing|tunjuk) (?:semua|shape|bentuk|everything|all|lurah|alur|{BODY14})\b
\b(?:bukak|buka|on|open|turn on|switch on|show)(?: \w+){0,2}? (?:kamera|camera|cam|video)\b(?: \w+){0,4}? (?:nak|want to|wanna|let me|can i|i want to) (?:tengok|see|lihat|usha) (?:your |awak punya |kau punya )?(?:body|badan|tubuh|{BODY14})\b
\b(?:apa warna|what colou?r|warna apa|saiz|size)(?: \w+){0,2}? (?:underwear|panties|bra|lingerie|seluar dalam|coli|spender) (?:kau|awak|you|dia|{ROLE})\b
wink	\b(?:meet|jumpa|lepak|keluar|hang out|date)\b(?: \w+){0,4}? (?:just the two of us|just two of us|just us|only us|berdua|us two)\b
wink	\brate (?:my|mine)(?: (?:ladies|girls|babes|awek|sis|pls|please|guys))*$
# Round 15, third wave: wishing to be the thing in a person's hand, a body to explore, a picture of what the
# reader is wearing now, a person taken on a honeymoon, stuck in a lift with the host (with a wink).
@GATE = wish mic microphone explore jelajah terokai wearing honeymoon madu stuck lift elevator alone terperangkap
\bwish i (?:was|were) (?:the|her|his|your) (?:mic|microphone|chair|pen|lipstick|shirt|dress|baju|seat|kerusi)\b(?! (?:so|to|for)\b)
\b(?:your|her|{ROLE} s) (?:body|badan|tubuh)\b(?: \w+){0,6}? (?:want to|wanna|nak|let me|i d love to|i would love to|can i) (?:explore|jelajah|terokai|touch|sentuh|raba)\b
request	\b(?:send|show|hantar|tunjuk)(?: me| abang| saya)? (?:a )?(?:pic|pics|picture|photo|foto|gambar|selfie) (?:of )?what (?:you|awak) (?:are |is )?(?:wearing|pakai)\b
\b(?:ajak|bawa|take|bring)(?: \w+){0,2}? (?:{PERSON14}|{ROLE})(?: ni| tu)? (?:pergi |go |on a |for a |to )?(?:honeymoon|bulan madu|bercuti berdua)\b
wink	\b(?:stuck|alone|locked|terperangkap|berdua)\b(?: \w+){0,4}? (?:with|dengan) (?:the |that |this )?(?:{PERSON14}|{ROLE})\b
@GATE = goda seducing tempting teasing
\b(?:{PERSON14}|{ROLE})\b(?: \w+){0,6}? (?:goda|menggoda|nak goda|seducing|tempting|teasing) (?:abang|aku|saya|me|uncle)\b
# Round 16 (docs/screening.md, "Round 16: insults and sexual remarks"): the author melting or drooling at what a
# person does (`akak tu kalau senyum, meleleh aku`, "that speaker's smile makes me drool", `kak host senyum je
# dah stim aku`). The author must be the one melting: a baby who drools when it smiles, tears (`meleleh air
# mata`) and food ("drooling over that rendang recipe") are no remark.
@GATE = meleleh drool drools drooling drooled ngiler ngeler keruan
@MELT = (?:meleleh(?: air liur)?(?! air mata)|drool|drools|drooling|ngiler|ngeler|stim|tak keruan|tak tentu arah)
@ACT = (?:senyum|senyuman|tersenyum|gelak|ketawa|jalan|berjalan|lenggok|melenggok|goyang|bergoyang|pandang|kenyit|menari|bongkok|tunduk|bergaya|pakai|smile|smiles|smiling|laugh|laughs|walks?|dances?|dancing|bends? over|bending over|wink|winks|poses?|posing)
\b(?:{PERSON14}|{ROLE}|adik manis|kakak|perempuan tu)\b(?: \w+){0,3}? {ACT}\b(?: \w+){0,5}? (?:{MELT} (?:air liur )?(?:aku|abang|saya|i|me|den|ai|uncle)|(?:aku|abang|i|me|buat aku|makes me|make me|made me|i start|i started|im|i am|dah) (?:\w+ )?{MELT})\b
\b(?:drooling|drool|meleleh|ngiler) (?:over|at|for|tengok|bila tengok|kat) (?:the |this |that |our )?(?:{ROLE}|akak|kakak|minah|awek|her|girl|lady|perempuan tu|cik)\b(?! s\b)
# Round 16, third wave: a person as a wife to take (`akak ni boleh buat bini`), a hug or a kiss all night, a
# husband envied for tonight, anything the person may do to the author, kept awake by a person (the author as
# `abang`); with a wink, a private lesson and "more of me" to see.
@GATE = bini madu lucky bertuah anything lesson lessons
\b(?:{PERSON14}|{ROLE})(?: ni| tu)?(?: \w+){0,2}? (?:boleh buat|layak buat|sesuai buat|nak buat|aku nak buat|abang nak buat) (?:bini|isteri|madu|bini nombor dua|bini kedua|bini no 2)\b
\b(?:nak|want to|wanna|teringin|rasa nak|teringin nak) (?:\w+ )?(?:peluk|cium|hug|cuddle|kiss|tidur dengan|sleep with|spend the night with|bermalam dengan) (?:{PERSON14}|{ROLE})\b(?: \w+){0,3}? (?:sampai pagi|sampai subuh|all night|till morning|until morning|semalaman|malam ni|tonight|ketat ketat|kuat kuat)\b
\b(?:your|ur|her|dia punya) (?:husband|hubby|suami|boyfriend|bf)(?: is| s)? (?:a |so )?(?:lucky|bertuah|untung)\b(?: \w+){0,4}? (?:wish i (?:was|were) him|tonight|malam ni|every night|tiap malam|in bed|atas katil)\b
\b(?:i d|i would|id|i will|i ll|aku|abang|saya) (?:\w+ )?(?:let|allow|biar|bagi) (?:the |that |this )?(?:{PERSON14}|{ROLE}) (?:do (?:anything|whatever|everything)|buat apa (?:saja|sahaja|je)) (?:to|with|kat|dekat|pada) (?:me|aku|abang|saya)\b
\b(?:{PERSON14}|{ROLE})(?: \w+){0,3}? (?:buat|bikin|make|makes|made) abang (?:tak boleh tidur|tak lena tidur|tak lena|gelisah|tak keruan|tak tentu arah|stim|sange)\b
wink	\b(?:give|bagi|ajar|teach) (?:me|aku|abang|saya) (?:a )?(?:private|personal|one on one|peribadi|extra) (?:lesson|lessons|class|kelas|tuition|session)\b
wink	\b(?:want|wanna|nak) (?:to )?(?:see|tengok) more of (?:me|my body|aku)\b
