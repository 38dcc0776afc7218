# Sexual remarks and requests aimed at a person without a listed sexual word (docs/screening-guidelines.md,
# "sexual"), matched on the NORMALISED text ("ur" -> "your", "u" -> "you", "you're" -> "you are"; inflected
# words such as "kissing" folded). Same format as self_harm.re. A match is held (category sexual, severity 2).
# Kinds: a remark on a person's body or looks; asking for pictures of a body or what is under the clothes;
# an invitation to a room, a hotel or a bed; a sexual act offered to or wanted with a person; arousal at a
# person; women sought for company, a video call or money. Topics (sex education, sextortion, grooming)
# name no person in these shapes and stay published.
@TRIGGERS = spicy naughty hips hip pinggul paha geram menggiurkan fokus nakal something dating date bermalam body bodies legs leg thighs thigh lips lip butt ass bum booty chest breasts breast boobs curves figure badan tubuh bibir peha dada punggung bontot tetek betis pinggang hot sexy seksi montok gebu sedap menggoda hawt pics pic pictures picture photos photo gambar video videos vid vids selfie selfies under place house room bilik rumah hotel condo bed katil tidur sleep teman temankan temani bang shag lick jilat satisfy puaskan cium kiss ml ons sex seks hard horny stim sange aroused wet lonely sunyi kesunyian vc call taste nibble face bend sext sexting sexted fwb netflix hook hookup batang kote kotek butuh tegang tasty delicious yummy juicy thicc thiccc curvy cantik lawa panties panty underwear bra socks stockings seluar coli spender cam webcam kamera camera bikini lingerie fwb stand projek jerk jerking wank wanking strip stripping touch melancap bogel telanjang fckable fuckable fkable fukable rough dirty steamy nsfw flash kissable rate free fun
@ROLE = (?:hosts?|hos|speakers?|panel|panelists?|panellists?|moderators?|mods?|admins?|presenters?|penceramah|pembentang|pengacara|mc|emcee|organi[sz]ers?|cikgu|teacher)
@WHO = (?:{ROLE}|you|your|yourself|sis|miss|missy|babe|baby|sayang|dear|adik manis|awek|cik puan|aunty|aunties|auntie|akak|kakak|makcik|amoi|minah|she|her|girls?|ladies|lady|perempuan tu|that girl|this girl|that woman|this woman)
@BODY = (?:body|bodies|legs|leg|thighs|thigh|hips|hip|lips|lip|butt|ass|bum|booty|chest|breasts|breast|boobs|curves|figure|badan|tubuh|bibir|peha|paha|dada|buah dada|punggung|pinggul|bontot|tetek|betis|pinggang)
@LOOKS = (?:nice|hot|sexy|seksi|juicy|tight|perfect|delicious|yummy|gorgeous|solid|mantap|cantik|lawa|besar|montok|gebu|padat|menggoda|menggiurkan|geram|distracting|hilang fokus|made for (?:kiss|lick|touch|sex)\w*)
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
\b(?:send|sent|hantar|share|show|pm|dm|bagi|give|post|want|nak|mintak|minta)(?: me| saya| aku| kat saya| kat aku| us| i)?(?: \w+){0,2}? (?:pics?|pictures?|photos?|gambar|video|videos|vids?|selfies?)(?: \w+){0,3}? (?:in the shower|in bed|atas katil|in your (?:bed|underwear|bra|bikini|towel|lingerie)|mandi|tengah mandi|without (?:clothes|your clothes|a shirt|anything)|tanpa|tak pakai|naked|bogel|topless|in a bikini|in bikini|lingerie|spicy)\b
\b(?:see|tengok|lihat|look at|show me|show us|tunjuk)(?: more of)? (?:your|you|awak|kau|ko|her) (?:punya )?{BODY}\b|\b(?:see|tengok|lihat|tunjuk) {BODY} (?:you|awak|kau|ko|her|dia)\b
\b(?:what|whats|what s|what is|apa|see|show|tengok|wonder|imagine)(?: \w+){0,4}? (?:under|bawah|dalam) (?:that|your|her|the|ur|this) (?:\w+ )?(?:baju|shirt|skirt|dress|tudung|hijab|blouse|clothes|towel|kain|sarung|kebaya|uniform|baju kurung|jubah|t shirt|tshirt)\b
# An invitation to a room, a hotel or a bed ("come over to my place tonight, just us two", "jom check in
# hotel", "siapa nak teman tidur").
\b(?:come|datang|jom|lets|let us|wanna|want to|nak|visit)(?: over)? (?:to|ke) (?:my|rumah|bilik|your|saya punya|aku punya)(?: \w+)? (?:place|house|room|bilik|rumah|hotel|condo|bed|katil)\b(?: \w+){0,3}? (?:tonight|malam ni|alone|berdua|just us|just the two of us|only us|us two|private|privately)\b
\b(?:jom|nak|wanna|want to|lets|let us|come|mari|sudi)(?: \w+){0,2}? (?:check in|cek in|checkin|masuk|book|get a|dating|date|tidur|bermalam|spend the night) (?:\w+ )?(?:kat |di |at |in |dekat )?(?:hotel|motel|bilik hotel|room)\b
\b(?:siapa|sapa|who|any|anyone|jom|cari|looking for|need|nak)(?: \w+){0,2}? (?:teman|temankan|temani|keep me company|company)(?: (?:saya|aku|i|me))? (?:tidur|sleep|in bed|atas katil|malam ni|tonight)\b
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
\b(?:pics?|pictures?|photos?|gambar|videos?|vids?) (?:of )?(?:your|her|awak|kau) (?:feet|foot|kaki|toes|jari kaki)\b
\b(?:sell|selling|jual|buy|beli|want|nak|pay for|bayar)(?: \w+){0,2}? (?:used|worn|dirty|terpakai|bekas) (?:panties|panty|underwear|bra|socks|stockings|seluar dalam|coli|spender)\b
\b(?:video call|videocall|vc|call|cam|webcam|kamera|camera)\b(?: \w+){0,3}? (?:without|tanpa|tak pakai|no) (?:baju|clothes|shirt|seluar|pants|bra|anything on)\b
\b(?:see|tengok|lihat|wanna see|want to see|show me|tunjuk)(?: \w+){0,2}? (?:you|your|awak|kau|her|dia) (?:pakai|wear|wearing|in) (?:a )?(?:bikini|lingerie|underwear|bra|seluar dalam|coli)\b
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
\bsend (?:my |some )?(?:pics|photos|gambar|nudes|videos) to (?:anyone|everyone|whoever|sesiapa)\b
\b(?:kissable|nak cium bibir|want to kiss (?:your|her|his) lips)\b
\b(?:girls?|ladies|amoi|awek|aunty|cewek|chicks|babes|women|perempuan)\b(?: \w+){0,3}? free (?:tonight|malam ni|malam ini|later)(?: \w+){0,2}? (?:for |untuk )?(?:fun|some fun|a good time|enjoy|sedap sedap)\b
\b(?:underwear|panties|bra|lingerie|seluar dalam|coli) (?:is|are|does|do) (?:the )?(?:{ROLE}|you|she|he|awak|kau|dia) (?:\w+ )?(?:wearing|wear|pakai|memakai)\b
