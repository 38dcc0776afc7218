# Harassment aimed at others. Lines are "code<TAB>regex" (same macros as self_harm.re):
#   incite: telling someone to kill or harm themselves (category threat);
#   pile_on: calls to mass-report, hound or expose a person (category insult).
@YOU = (?:you|your|kau|awak|korang|kamu|engkau|anda|hang|u)
@PERSON = (?:him|her|them|his|dia|mamat|minah|budak|perempuan|lelaki|pompuan|this guy|this girl|this person|that guy|that girl|that person|this woman|this man|dorang|diorang|depa|si|@\w+)
incite	\b(?:go|pls|please|just|do us a favou?r and|do everyone a favou?r and|why dont you|you should|u should|should just|better) (?:\w+ ){0,2}?(?:kill|hang|end|unalive|off|shoot|drown|stab) (?:yourself|your self|urself|ur self|yourselves|yourselfs)\b
incite	\b(?:kill|hang|unalive|end|off) (?:yourself|your self|urself|ur self|yourselves)\b
incite	\b(?:kys|k y s|kysl)\b
incite	\b(?:go|just|pls|please|better|should) (?:\w+ )?(?:die|drop dead|jump off a (?:bridge|building|cliff)|drink bleach)\b
incite	\bnobody would (?:miss|care about) you\b
incite	\b(?:pergi|pi|gi|baik|lebih baik|eloklah|elok) (?:\w+ ){0,2}?(?:bunuh diri|gantung diri|terjun bangunan|terjun jambatan|mampus|mati)\b
incite	\b{YOU} (?:\w+ ){0,2}?(?:patut|harus|perlu|mesti|baik|lebih baik|elok) (?:\w+ )?(?:bunuh diri|gantung diri|mati|mampus|terjun)\b
incite	\b(?:bunuh diri|gantung diri|mati) (?:je|jelah|saja|sajalah|aje|ajelah|la|lah) (?:\w+ )?{YOU}\b
incite	\b(?:matilah|mampuslah|mati la|mampus la|mati lah) {YOU}\b
pile_on	\bmass (?:report|reporting|flag|flagging|dislike|block) (?:\w+ ){0,2}?{PERSON}\b
pile_on	\b(?:everyone|everybody|guys|lets|let us|we should|semua|jom|jomlah|mari|ramai ramai|beramai ramai|geng|korang) (?:\w+ ){0,3}?(?:report|flag|spam|serang|attack|hantam|kecam|bash|dox|doxx|expose|viralkan|viral) (?:\w+ ){0,3}?{PERSON}\b
pile_on	\b(?:report|flag|spam|serang|hantam) (?:\w+ )?(?:ramai ramai|beramai ramai|rame rame|together|all together) (?:\w+ ){0,2}?(?:{PERSON}|account|akaun)?
pile_on	\b(?:until|till|sampai|hingga) (?:{PERSON}|she|he|they) (?:\w+ )?(?:leaves|leave|quits|quit|deletes|delete|deactivates|deactivate|tutup|padam|keluar|berhenti|kena ban|gets banned|get banned|is banned|are banned)\b
pile_on	\b(?:hound|drive|chase|bully|harass|hunt) (?:\w+ )?{PERSON} (?:\w+ )?(?:off|out of)\b
pile_on	\b(?:report|flag|spam|mass report) (?:\w+ ){0,4}?(?:get|make|sampai|until) (?:{PERSON}|she|he|they) (?:\w+ )?(?:banned|kena ban|suspended|digantung|deleted|removed)\b
pile_on	\b(?:dox|doxx|doxing|doxxing|expose) (?:{PERSON}|her|him|them)\b
pile_on	\b(?:post|share|leak|sebar|sebarkan|dedahkan|viralkan) (?:{PERSON}|his|her|their) (?:\w+ )?(?:address|alamat|number|nombor|ic|phone|home|rumah)\b
# Held-out round 1: doxing a named person, spreading a person's face or number, getting someone fired,
# humiliating or dragging a person, a crowd sent to a person's profile.
pile_on	\b(?:dox|doxx|doxing|doxxing) (?:him|her|them|the|this|that|dia|ur|your)\b
pile_on	\b(?:viralkan|sebarkan|tularkan|sebar|viral kan|spread|leak|bocorkan) (?:\w+ )?(?:muka|gambar|nombor|alamat|nama|video|number|address|face|photos|pics) (?:{PERSON}|tu)\b
pile_on	\b(?:find out|cari|carikan|siasat) (?:where|mana|tempat) (?:\w+ ){0,3}?(?:works|lives|stays|kerja|tinggal|duduk|belajar)\b
pile_on	\b(?:get|make|buat) (?:him|her|them|dia) (?:fired|sacked|expelled|kicked out|kena pecat|dibuang kerja)\b
pile_on	\b(?:humiliate|shame|malukan|aibkan|bully|buli|drag) (?:him|her|them|dia)\b
pile_on	\b(?:semua orang|everyone|guys|jom|lets all|let us all|korang) (?:\w+ )?(?:comment|komen|spam|serang|serbu|flood) (?:kat |on |dekat |di |the )?(?:profile|page|ig|fb|akaun|account|post|posts|comment section|tiktok) (?:{PERSON}|tu)\b
# Round 3 (kinds): finding where a person studies and telling their school or boss, making someone's life
# hell, finding a person's address or family to tag and spread, repeated calls to report, making sure a
# person can never be online again.
pile_on	\b(?:find out|cari|carikan|siasat|check) (?:where|mana|tempat) (?:\w+ ){0,3}?(?:studies|study|goes to school|go to school|sekolah|belajar|kerja|works|lives|stays)\b
pile_on	\b(?:tell|inform|email|call|contact|bagitahu|beritahu|report kat|report to|lapor kat|mesej) (?:her|his|their|dia punya) (?:school|boss|employer|company|office|majikan|bos|sekolah|pengetua|principal|hr)\b
pile_on	\bmake (?:his|her|their|dia punya) (?:\w+ )?life (?:hell|a living hell|miserable|neraka)\b
pile_on	\b(?:cari|find|dig up|get|carikan|korek) (?:\w+ )?(?:alamat|address|nombor|number|ic|family|keluarga|rumah|office|pejabat|parents|mak bapak)(?: \w+){0,2}? (?:dia|him|her|them)\b(?:.*\b(?:viralkan|viral|tag|sebar|sebarkan|post|share|spam|serang))?
pile_on	\b(?:report|lapor|flag)(?: (?:report|lapor|flag)){2,}\b
pile_on	\bmake sure (?:dia|he|she|they|him|her) (?:\w+ )?(?:tak boleh|tidak boleh|cannot|cant|can never|never|takkan) (?:\w+ )?(?:online|post|guna|use|show (?:his|her) face)\b
# Round 3, from heldout_3's known misses (kinds): flooding a person's account with hate, so they can never
# show their face, spreading a person's number, telling someone to jump, finding a school to tell everyone.
pile_on	\b(?:flood|spam|bombard|serang|serbu|banjiri) (?:the |his |her |their |dia )?(?:\w+ ){0,2}?(?:instagram|ig|dms?|inbox|comments?|page|account|tiktok|fb|facebook|twitter|profile|akaun) (?:with|dengan) (?:\w+ )?(?:hate|abuse|kebencian|maki|makian|insults|threats)\b
pile_on	\b(?:so|sampai|until|till|biar) (?:she|he|they|dia) (?:can never|cant|cannot|tak boleh|takkan|tak dapat) (?:\w+ )?(?:show (?:her|his|their) face|tunjuk muka|tidur|sleep|keluar rumah|go outside|go out)\b
pile_on	\b(?:viralkan|sebarkan|tularkan|sebar|spread|leak|bocorkan|share|post) (?:\w+ )?(?:nombor|number|alamat|address|ic|gambar|photos?|pics) (?:\w+ ){0,2}?(?:dia|him|her|them|tu)\b
incite	\b(?:you|u|kau|awak|ko) (?:\w+ ){0,2}?(?:should|patut|better|baik) (?:just )?(?:terjun|jump off|lompat|gantung diri|bunuh diri|go die|die)\b
pile_on	\b(?:find|cari|dig up|korek) (?:\w+ ){0,3}?(?:school|sekolah|workplace|tempat kerja|office|pejabat) (?:and|dan|then|lepas tu|pastu) (?:tell|bagitahu|share|post|sebar|sebarkan|expose|viralkan|inform)\b
incite	\b(?:drink|minum) (?:some )?(?:bleach|clorox|peluntur|racun) (?:and die|dan mati|la|lah|je)\b
pile_on	\b(?:share|sebar|sebarkan|post|viralkan|tularkan|screenshot|ss)\b.*\bbiar (?:dia|she|he|they) (?:\w+ )?(?:malu|kena kecam|dimalukan|ashamed|humiliated)\b
# Round 4 (kinds): a crowd sent to a person's own account or page (not a scam's), flooding a person's phone
# or DMs, a person's account found and handed over with "you know what to do", spreading a person's picture
# so the whole country knows them, asking for a person's home address.
@ROLE = (?:hosts?|hos|speakers?|panel|panelists?|panellists?|moderators?|mods?|admins?|presenters?|penceramah|pembentang|organi[sz]ers?)
@ACCOUNT = (?:page|ig|instagram|fb|facebook|tiktok|account|akaun|dms?|inbox|whatsapp|wechat|twitter|profile|channel|comments?|phone|number|nombor|office|pejabat)
pile_on	\b(?:everyone|everybody|guys|lets|let us|jom|semua|kita|korang|all)(?: \w+){0,3}? (?:report|flag|spam|serang|serbu|flood|attack|comment|komen|go|pergi|call)(?: \w+){0,2}? (?:(?:the )?{ROLE}(?: s)?|her|his|their|dia punya)(?: \w+)? {ACCOUNT}\b
pile_on	\b(?:spam|flood|bombard|serang|serbu|banjiri|spam call|call)(?: \w+)? (?:his|her|their|dia punya|(?:the )?{ROLE}(?: s)?) (?:\w+ )?{ACCOUNT}\b(?: \w+){0,4}? (?:until|till|sampai|dont stop|jangan berhenti|non stop|nonstop|guys|geng|semua)\b
pile_on	\b(?:found|got|here is|here s|ini|jumpa|dapat)(?: \w+){0,2}? (?:{ROLE} s|{ROLE}|her|his|their|dia punya) (?:facebook|fb|ig|instagram|tiktok|account|akaun|address|alamat|number|nombor|profile|page|twitter)\b(?: \w+){0,6}? (?:you know what to do|do your thing|buat apa patut|korang tahu nak buat apa|go get (?:him|her|them)|have fun|serang)\b
pile_on	\b(?:viralkan|sebarkan|tularkan|sebar|spread|share|post|leak|bocorkan|screenshot|ss)\b(?: \w+){0,5}? (?:biar|so|make|supaya|sampai|until) (?:satu malaysia|semua orang|everyone|the whole country|all of malaysia|dia|him|her|them)(?: \w+)? (?:kenal|tahu|nampak|know|knows|see|sees|famous|viral|malu|recognise|recognize)\b
pile_on	\b(?:who|siapa|anyone|sapa|sesiapa)(?: \w+){0,2}? (?:has|have|got|ada|know|knows|tahu|tau)(?: \w+){0,2}? (?:the {ROLE} s|{ROLE} s|{ROLE}|his|her|dia punya)(?: \w+)? (?:home address|address|alamat rumah|alamat|house|rumah|ic)\b
pile_on	\b(?:who|siapa|sapa|sesiapa|anyone)(?: \w+){0,2}? (?:has|have|got|ada|know|knows|tahu|tau) (?:alamat rumah|alamat|home address|address|ic|nombor ic) (?:{ROLE}|dia|mamat|minah|budak)\b
# Round 5 (kinds): pile-ons that never say "mass report": a person's profile or face spread everywhere,
# calling their boss or HR about them or until they are fired, a person's IC or address offered round,
# flooding a person's comments, a hate page for a person and tagging their friends, messaging their
# family, making a phone ring all night, making a person viral or finding their school, following them to
# every platform, not letting them post in peace, spreading a rumour about them, making them feel unsafe
# online, reporting an account "beramai2".
@CROWD = (?:we all|we should all|we can all|lets all|let us all|everyone|everybody|guys|semua orang|kita semua|kita|jom|korang|ramai ramai|all of you|yall|y all)
@KIN = (?:parents|mum|mom|mother|dad|father|family|wife|husband|kids|children|siblings|friends|followers|boss|employer|colleagues|teachers?|principal|mak|ayah|bapak|mak bapak|mak ayah|keluarga|isteri|suami|anak|kawan kawan|kawan|cikgu|pengetua|majikan|bos|hr)
pile_on	\b(?:screenshot|ss|post|share|repost|spread|sebar|sebarkan|tularkan|upload)(?: \w+){0,2}? (?:her|his|their|dia punya|(?:the )?{ROLE} s?) (?:\w+ )?(?:profile|account|face|photos?|pics?|pictures?|page|selfies?|akaun|muka|gambar|profil)\b(?: \w+){0,4}? (?:everywhere|all over|merata|merata rata|semua tempat|every group|in every group|satu malaysia|the whole internet|all the groups)\b
pile_on	\b(?:let|make|biar) (?:the whole internet|the whole country|everyone|semua orang|satu malaysia|the world) (?:know|knows|tahu|kenal) (?:who|siapa) (?:she|he|they|dia) (?:is|are|sebenarnya)\b
pile_on	\b(?:call|email|contact|complain to|report to|mesej|telefon|hubungi|call up|ring|message|write to)(?: \w+){0,2}? (?:hr|boss|employer|majikan|bos|principal|pengetua|school|office|company|syarikat|pejabat)\b(?: \w+){0,2}? (?:about|pasal|tentang|on) (?:him|her|them|dia)\b
pile_on	\b(?:till|until|sampai|so that|supaya) (?:he|she|they|dia) (?:\w+ )?(?:gets? fired|get sacked|gets sacked|kena pecat|dibuang kerja|loses? (?:his|her|their) (?:job|followers|career)|hilang kerja)\b
pile_on	\b(?:dox|doxx)(?: \w+)? (?:dia|him|her|them|mamat tu|minah tu|budak tu)\b
pile_on	\b(?:got|have|dapat|ada|found|jumpa) (?:her|his|their|dia punya|the {ROLE} s) (?:ic|address|alamat|home address|number|nombor|phone number|ic and address|address and ic|ic number)\b(?: \w+){0,5}? (?:who wants|who want|anyone want|siapa nak|sapa nak|nak tak|dm me|pm me|share|post|sebar|go get)\b
pile_on	\b(?:keep|terus|jangan berhenti|dont stop|continue|never stop)(?: \w+)? (?:flooding|spamming|spam|flood|bombarding|attacking|serang|reporting|harassing|messaging|trolling|hantam) (?:his|her|their|dia punya|(?:the )?{ROLE} s?) (?:\w+ )?{ACCOUNT}\b
pile_on	\b(?:make|create|buat|bikin|open|start|set up) (?:a |an |one )?(?:hate|troll|expose|aib|kecam|benci|anti) (?:page|account|group|akaun|grup|channel|thread)\b(?: \w+){0,2}? (?:for|about|on|untuk|pasal|tentang|against) (?:her|him|them|dia|mamat|minah|(?:the )?{ROLE})\b
pile_on	\b(?:tag|mention|tagging) (?:all )?(?:her|his|their|dia punya) {KIN}\b
pile_on	\b{CROWD}(?: \w+){0,3}? (?:message|msg|mesej|dm|text|call|contact|tell|bagitahu|report to|email|whatsapp|tag) (?:his|her|their|dia punya) {KIN}\b
pile_on	\b(?:let|biar|make) (?:her|his|their|dia punya) (?:phone|fon|hp|handphone|inbox|dms?|notifications?) (?:\w+ )?(?:ring|rings|ringing|berbunyi|bunyi|blow up|explode|penuh|full|meletup)\b
pile_on	\b(?:who|siapa|sapa|sesiapa|anyone)(?: \w+){0,2}? (?:has|have|got|ada|know|knows|tahu|tau)(?: \w+){0,2}? (?:her|his|dia punya|the {ROLE} s) (?:home |house |personal |private )?(?:number|nombor|phone|fon|hp)\b
pile_on	\b(?:viralkan|tularkan|viral kan|expose|sebarkan cerita) (?:dia|him|her|them|mamat tu|minah tu|budak tu|perempuan tu|lelaki tu)\b
pile_on	\b(?:cari|find|carikan|korek|dig up|track down) (?:sekolah|school|office|pejabat|tempat kerja|workplace|kolej|college|uni|universiti|kampus|campus) (?:dia|him|her|them)\b
pile_on	\b(?:bagitahu|beritahu|report kat|tell|inform|lapor kat|adu kat|mesej) (?:cikgu|teacher|teachers|principal|pengetua|boss|bos|majikan|hr|mak bapak|mak ayah|parents|keluarga) (?:dia|him|her)\b
pile_on	\b(?:follow|stalk|hunt|chase|ikut|kejar) (?:him|her|them|dia)(?: \w+)? (?:to|on|onto|ke|di|across) (?:every|all|semua|each|any) (?:platform|platforms|app|apps|account|site|sites|social media|media sosial|akaun|tempat)\b
pile_on	\b(?:dont|do not|never|jangan|tak payah) (?:let|bagi|biar) (?:him|her|them|dia) (?:\w+ )?(?:post|live|rest|sleep|breathe|online|hidup|tenang|upload)(?: \w+){0,2}? (?:in peace|ever again|lagi|aman|dengan aman|dengan tenang|tenang)\b
pile_on	\b(?:spread|start|sebar|sebarkan|buat|reka|tabur) (?:a |the |some )?(?:rumou?rs?|fitnah|khabar angin|gossip|gosip|lies|cerita)(?: \w+){0,2}? (?:that |yang |kata |cakap )?(?:she|he|they|dia|her|him|shes|hes|theyre)\b
pile_on	\b(?:make|buat|bagi) (?:him|her|them|dia) (?:rasa |feel )?(?:tak selamat|tidak selamat|unsafe|scared|takut|afraid)\b(?: \w+){0,3}? (?:online|internet|to post|nak post|di internet|kat internet|kat sini|here|to log in)\b
pile_on	\b(?:report|flag|serang|spam|hentam|kecam) (?:\w+ )?(?:beramai2|ramai2|rame2|beramai|beramai ramai|ramai ramai|rame rame|together)\b
pile_on	\b(?:bagi|make|buat|get) (?:dia|him|her|them|akaun tu|that account|the account) (?:kena ban|banned|kena suspend|suspended|kena block)(?: \w+)? (?:forever|selamanya|for good|permanently|terus)\b
pile_on	\b(?:siapa|sapa|sesiapa|who|anyone)(?: \w+){0,2}? (?:ada|has|have|got|tahu|tau) (?:nombor|no|number) (?:hp|fon|telefon|phone|rumah|ic|whatsapp) (?:dia|mamat tu|minah tu|budak tu|perempuan tu|{ROLE})\b
# Round 6: pile-ons without "report": raiding a person's account or posts; calling a number together at
# night; fake accounts made to insult someone daily; a group chat made to roast a person.
pile_on	\b(?:raid|serbu|flood|banjirkan)\b(?: \w+){0,2}? (?:{ROLE}|hosts|speakers|admins|him|her|them|his|dia|mamat tu|minah tu|budak tu|this guy s|that guy s|this girl s|that girl s)\b(?: \w+)? (?:{ACCOUNT}|posts?|insta|live|stream|youtube)\b
pile_on	\b{CROWD}\b(?: \w+){0,2}? (?:call|ring|telefon|miscall|prank call|text|mesej|whatsapp)\b(?: \w+){0,3}? (?:at \d+ ?(?:am|pagi)|\d+ ?am|at night|tengah malam|midnight|every night|tiap malam|pukul \d+ pagi|all night|sepanjang malam|nonstop|non stop)\b
pile_on	\b(?:buat|make|create|open|bukak|buka)\b (?:\w+ ){0,2}?(?:akaun palsu|fake accounts?|fake acc|dummy accounts?|akaun fake|akaun dummy|fake profiles?|alt accounts?)\b(?: \w+){0,6}? (?:kutuk|hina|maki|insult|harass|attack|serang|troll|bully|buli|kacau|ejek|mock|roast)\b
pile_on	\b(?:kutuk|hina|maki|insult|harass|troll|bully|buli|kacau|ejek|mock|roast)\b(?: \w+){0,3}? (?:dia|him|her|them|this kid|budak tu|that kid|this girl|this guy)\b(?: \w+){0,3}? (?:tiap hari|setiap hari|every day|everyday|daily|hari hari|until (?:he|she|they) (?:leave|leaves|quit|quits)|sampai dia (?:blah|keluar|quit|berhenti|tutup akaun))\b
pile_on	\b(?:group chat|gc|whatsapp group|telegram group|grup|group)\b(?: \w+){0,4}? (?:roast|kutuk|mock|ejek|bash|hentam|make fun of|laugh at|gelakkan|bully|buli|hina)\b(?: \w+){0,2}? (?:him|her|them|dia|this|that|budak|kid|girl|guy|{ROLE})\b
# Round 7 (heldout_8's misses, by kind): telling someone to drink bleach or jump off a bridge ("do us a
# favour and ..."), making a person quit a platform, burying their uploads in hateful comments, showing up
# at a person's house together, a hate page about a named person, screenshots sent to a person's parents or
# employer, messaging a person every hour until they give up, flagging an account all at once, a person's
# shameful photos forwarded or pasted to every group.
incite	\b(?:go|just|pls|please|better|should|do us a favou?r and|do everyone a favou?r and|do the world a favou?r and|why dont you|pergi|baik) (?:\w+ ){0,2}?(?:drink|chug|swallow|gulp|minum|telan) (?:\w+ ){0,3}?(?:bleach|clorox|peluntur|racun|poison|rat poison|weedkiller|racun rumput)\b
incite	(?:^|[,.!?] |\band )(?:chug|drink|swallow|gulp) (?:a |some |the |)(?:bottle of |whole bottle of )?(?:bleach|clorox|rat poison|weedkiller)\b
incite	\b(?:do us a favou?r|do everyone a favou?r|do the world a favou?r|tolong la|baik kau)(?: and)? (?:\w+ ){0,2}?(?:leap|jump|throw yourself|terjun|lompat) (?:off|from|dari|in front of|ke)\b
pile_on	\b(?:make|force|buat|paksa) (?:{PERSON}|she|he) (?:\w+ )?(?:quit|leave|delete|deactivate|give up|berhenti|keluar|tutup|padam) (?:\w+ ){0,2}?(?:youtube|tiktok|instagram|ig|fb|facebook|twitter|social media|the internet|internet|for good|selamanya|akaun|account|page|channel|streaming)\b
pile_on	\b(?:bury|flood|spam|banjiri|serbu|penuhkan) (?:\w+ ){0,3}?(?:uploads?|posts?|videos?|comments? section|page|account|akaun|reels?)\b(?: \w+){0,3}? (?:with|under|dengan) (?:\w+ )?(?:nasty|hate|hateful|mean|toxic|kutukan|hinaan|carutan|cacian) ?(?:comments|komen|messages|replies)?\b
pile_on	\b(?:lets|let us|we should|jom|we|guys|korang|kita) (?:all |semua )?(?:show up|turn up|pay a visit|go|pergi|serbu|datang|pi) (?:\w+ ){0,2}?(?:at |to |ke |kat )?(?:her|his|their|dia|budak tu|rumah dia) ?(?:house|home|place|door|doorstep|rumah|office|workplace|school|sekolah|tempat kerja)\b
pile_on	\b(?:who|anyone|does anyone|siapa|sape|ada sesiapa) (?:\w+ ){0,2}?(?:has|have|ada|tahu|know) (?:this|that|the)? ?(?:girl|guy|boy|woman|man|kid|budak|minah|mamat|perempuan|lelaki)?(?: s)? ?(?:address|home address|alamat)\b
pile_on	\b(?:make|create|buat|start|open|bukak|buka) (?:a |an |satu )?(?:hate|exposed|expose|roast|confession|kutuk|benci) (?:page|account|group|akaun|grup|channel) (?:about|for|on|pasal|untuk|tentang) (?!scams?\b|scammers?\b)\w+
pile_on	\bscreenshot (?:\w+ ){0,4}?(?:and |then |lepas tu |pastu )?(?:send|forward|hantar|show|tunjuk)\b(?: \w+){0,4}? (?:her|his|their|dia|parents dia|mak ayah dia|bos dia) ?(?:parents|boss|employer|teachers|family|husband|wife|mak ayah|ibu bapa|majikan|bos|cikgu|keluarga|school|sekolah)\b
pile_on	\b(?:text|call|message|msg|dm|whatsapp|mesej|call)\b(?: \w+){0,2}? (?:{PERSON}|that guy|that girl)\b(?: \w+){0,2}? (?:every|tiap|setiap) (?:single )?(?:hour|minute|jam|minit|night|malam)\b
pile_on	\b(?:until|till|sampai|hingga) (?:{PERSON}|she|he|they) (?:\w+ ){0,3}?(?:gives up|give up|menyerah|breaks down|deactivates|deactivate|quits|leaves)\b
pile_on	\b(?:flag|report|serang|mass report|lapor)\b(?: \w+){0,5}? (?:serentak|at the same time|all at once|at once|sekali gus|sekaligus|same time)\b
pile_on	\b(?:muka|gambar|foto|video|photos?|pics?|face|aib)\b(?: \w+){0,2}? (?:budak|dia|perempuan|lelaki|her|his|minah|mamat|girl|guy)(?: tu| ni| this| that)?\b(?: \w+){0,3}? (?:tampal|post|hantar|sebar|sebarkan|share|forward|upload|viralkan|letak)\b(?: \w+){0,3}? (?:semua|all|every|setiap)\b
pile_on	\b(?:forward|hantar|sebar|sebarkan|share|tampal|post|upload|viralkan)\b(?: \w+){0,2}? (?:muka|gambar|foto|video|photos?|pics?)\b(?: \w+){0,2}? (?:budak|dia|perempuan|lelaki|her|his|minah|mamat|girl|guy)(?: tu| ni)?\b(?: \w+){0,2}? (?:ke|kat|to|in|di|on|dalam) (?:semua|all|every|setiap)\b
incite	\b(?:pergi|pi|gi|baik|elok) (?:\w+ ){0,2}?(?:ikat|gantung|lilit) tali (?:\w+ ){0,2}?(?:leher|tengkuk)\b
incite	\b(?:semak|menyemak|sampah) (?:je |jer |saja )?(?:kau|ko|awak|korang|you) hidup\b
# Round 14: "asked" lines are an incitement word asked about as a word ("what does kys mean?", `apa maksud
# kys`): the threat findings inside the span are dropped. Threats said beside it still hold.
asked	\bwhat (?:does|do|is|s) (?:the word |the term |this |that )?(?:kys|kysl|k y s) (?:mean|means|stand for|stands for)\b
asked	\b(?:apa|what) (?:maksud|makna|erti|meaning of|is the meaning of|does) (?:perkataan |word |singkatan )?(?:kys|kysl|k y s)\b
asked	\b(?:kys|kysl|k y s) (?:tu |ni |itu |ini )?(?:apa maksud|maksudnya apa|maksud apa|means what|stands for what|stand for what)\b
# Round 14: doxxing threats, the author holding a person's details and spreading them ("I know your IC
# number, one more comment and I post it everywhere", `kalau aku dapat alamat kau, siap aku sebarkan kat
# semua group`, "let's find where this speaker lives and post it"). A service's "we have your number, we
# will share the zoom link" names no place to spread it to.
pile_on	\b(?:i|aku|saya|we|kami|kitorang)(?: \w+){0,2}? (?:know|have|got|dapat|ada|tahu|tau|jumpa|found|will find|akan cari|cari) (?:\w+ )?(?:your|ur|kau punya|awak punya|his|her|the {ROLE} s|{ROLE} s|dia punya) (?:\w+ )?(?:ic|address|alamat|number|nombor|house|rumah|workplace|office|school|full name|nama penuh|details|maklumat|photos?|gambar)\b(?: \w+){0,8}? (?:post|share|sebar|sebarkan|leak|viral|viralkan|tularkan|expose|dedahkan|publish|bocorkan) (?:\w+ )?(?:everywhere|to everyone|online|kat semua|ke semua|dalam semua|semua group|merata|in every group|in all the groups|satu malaysia|on the internet|kat internet|on facebook|kat fb|on fb)\b
pile_on	\b(?:dapat|tahu|tau|ada|jumpa|cari) (?:\w+ )?(?:alamat|nombor|ic|rumah|tempat kerja|sekolah|gambar|maklumat) (?:kau|ko|awak|korang|dia|{ROLE})\b(?: \w+){0,6}? (?:sebar|sebarkan|viralkan|tularkan|post|share|dedahkan|bocorkan) (?:\w+ )?(?:kat semua|ke semua|dalam semua|semua group|merata|satu malaysia|kat internet|kat fb|everywhere|online)\b
pile_on	\b(?:find|cari|carikan|find out|track down|korek) (?:where|mana|tempat) (?:\w+ ){0,3}?(?:lives|works|stays|studies|tinggal|duduk|kerja|rumah)\b(?: \w+){0,2}? (?:and|then|dan|lepas tu|pastu) (?:post|share|sebar|sebarkan|expose|viralkan|tularkan|leak|dedahkan)\b
incite	\b(?:baik|lebih baik|elok) {YOU} (?:\w+ )?(?:tak payah|tak usah|tak perlu|jangan) hidup\b
incite	\b(?:you|u|kau|ko) (?:dont|do not|don t) deserve to (?:live|exist|breathe|be alive)\b
incite	\b(?:you|u) (?:shouldnt|should not|should never) (?:exist|have been born|be alive)\b
# Round 16 (docs/screening.md, "Round 16: insults and sexual remarks"): a crowd sent to a person's account in
# Malay order, the account before its owner (`ramai-ramai serang ig host ni`); finding where a named person
# lives ("someone find where this speaker lives"); telling a person to leave the internet or delete their
# account with contempt (`berambus dari internet`, "do us a favour and delete your account", "delete your
# account already"; advice to leave social media "for a while" or after a hack is none); a person's number
# or address spread so people call them ("share this guy's number everywhere", `sebarkan nombor telefon
# admin ni, biar semua orang call`).
@CROWD16 = (?:jom|jomlah|mari|ramai ramai|beramai ramai|rame rame|semua|semua orang|korang|geng|guys|everyone|everybody|lets|let us|kita|we should|yall)
@OWNER = (?:{ROLE}|dia|mamat|minah|budak|perempuan|lelaki|pompuan|this guy|this girl|that guy|that girl)
pile_on	\b{CROWD16}(?: \w+){0,3}? (?:report|spam|serang|serbu|flood|attack|komen|comment|hentam|kecam|bash|banjiri|raid) (?:\w+ )?{ACCOUNT} {OWNER}(?: ni| tu)?\b
pile_on	\b(?:find|find out|track down|locate|cari|carikan|someone find|go find) where (?:this |that |the |our )?(?:{ROLE}|guy|girl|woman|man|kid|he|she|they|dia|mamat|minah|budak)(?: \w+)? (?:lives|live|stays|works|studies|sleeps|tinggal|duduk)\b
pile_on	\b(?:berambus|blah|nyah|get lost|piss off|get the hell off|go away|pergi mampus)(?: \w+){0,2}? (?:dari |daripada |from |of )?(?:the )?(?:internet|media sosial|social media)\b
pile_on	\bdo (?:us|everyone|the world|everybody|kami|semua orang) a favou?r (?:and )?(?:just )?(?:leave|quit|delete|get off|log off|uninstall|deactivate)\b
pile_on	\b(?:just |pls |please |go |should |better |and |patut |baik )(?:leave|quit|get off|keluar dari|berhenti guna) (?:the )?(?:internet|internet terus)\b(?! (?:on|connected|running|router|for|to|alone|sementara|untuk|while))
pile_on	\b(?:(?:delete|deactivate|close|tutup|padam) (?:je |jelah |la |lah |terus )?(?:your|ur) (?:\w+ )?(?:account|acc|page|channel)|(?:tutup|padam|delete) (?:je |jelah |la |lah |terus )?akaun (?:kau|ko|awak|korang|engkau|lu))\b(?: \w+){0,3}? (?:already|forever|for good|permanently|selamanya|and leave|and go|and disappear|dan berambus|dan blah|nobody|no one|tak ada orang|takde orang|loser|clown|boomer)\b
pile_on	\b(?:share|sebar|sebarkan|viralkan|tularkan|post|spread|leak|bocorkan) (?:this guys|that guys|this girls|that girls|(?:the )?{ROLE} s|his|her|their|dia punya) (?:\w+ )?(?:number|nombor|phone|no|address|alamat|ic|details)\b(?: \w+){0,3}? (?:everywhere|merata|semua group|all the groups|every group|satu malaysia|the whole internet|so (?:people|everyone) can (?:call|spam|harass|prank|bother|kacau)|biar (?:semua )?orang (?:call|kacau|spam|serang|telefon|mesej))\b
pile_on	\b(?:sebar|sebarkan|viralkan|tularkan|share|post|spread|leak|bocorkan) (?:nombor|no|alamat|ic|number|address)(?: (?:telefon|phone|hp|fon|rumah|home))? (?:{ROLE}|{PERSON})(?: ni| tu)?\b(?: \w+){0,3}? (?:everywhere|merata|semua group|satu malaysia|so (?:people|everyone) can (?:call|spam|harass|prank|bother|kacau)|biar (?:semua )?orang (?:call|kacau|spam|serang|telefon|mesej))\b
# Reporting a scam or a fake account together, or spreading word of a scam's tricks, is no pile-on: a comment with one
# of these keeps only the pile-on findings whose words name a person (rules.harassment_hits).
impostor	\b(?:impostor|imposter|impersonat\w*|fake (?:account|profile|page)|akaun palsu|profil palsu|page palsu|scam (?:account|page|akaun)|(?:akaun|page|account) (?:scam|scammer|penipu)|(?:taktik|modus|tactics of|tricks of) (?:scam|scammer|scammers|penipu|sindiket)|menyamar|pretending to be|clone account|cloned)\b
# Round 16, third wave: review-bombing a person's business or videos, "cancel" a person, a screenshot promised to
# the whole country, everyone at a person's office told, multiple accounts made to keep messaging a person, a
# crowd sent to a person's page to tell them what it thinks.
pile_on	\b{CROWD16}(?: \w+){0,3}? (?:dislike|downvote|leave|give|bagi|kasi|tinggalkan|spam) (?:\w+ ){0,2}?(?:1 star|one star|1 bintang|satu bintang|bintang satu|dislikes?|bad reviews?|review buruk|negative reviews?)\b(?: \w+){0,4}? (?:his|her|their|dia|{ROLE}|mamat|minah)\b
pile_on	\b{CROWD16}(?: \w+){0,2}? (?:dislike|downvote|unlike)(?: all| semua)? (?:his|her|their|dia punya|the {ROLE} s|{ROLE} s) (?:\w+ )?(?:videos?|posts?|comments?|reels?|photos?|uploads?)\b
pile_on	\b{CROWD16}(?: \w+){0,2}? cancel (?:this |that |the )?(?:{ROLE}|{PERSON}|guy|girl)\b(?! s\b)
pile_on	\b(?:aku|i|saya|kami|we)(?: \w+)? (?:dah |have |already |sudah |has )?(?:screenshot|ss|screenshotted|simpan|saved|recorded|rakam)\w*\b(?: \w+){0,5}? (?:tunggu|wait|just wait|nanti|soon|esok|tomorrow)\b(?: \w+){0,3}? (?:satu malaysia|semua orang|everyone|the whole|viral|tular|kat fb|tiktok)\b
pile_on	\b(?:i ll|ill|i will|im going to|i m going to|aku akan|aku nak|we will|we ll|kami akan) (?:make sure |pastikan )?(?:everyone|everybody|semua orang|all) (?:at|in|kat|dekat|di) (?:your|ur|his|her|kau punya|dia punya) (?:\w+ )?(?:office|workplace|school|company|tempat kerja|pejabat|sekolah|kampung|church|mosque|masjid) (?:\w+ )?(?:knows?|tahu|kenal|sees?|nampak)\b
pile_on	\b(?:make|create|buat|open|bukak|buka) (?:multiple|many|lots of|banyak|new|more|beberapa|\d+) (?:accounts|akaun|fake accounts|alts|alt accounts|profiles)\b(?: \w+){0,3}? (?:keep |terus |and )?(?:messaging|message|dm|msg|mesej|kacau|harass|spam|follow|comment|komen)\w* (?:\w+ )?(?:{PERSON}|her|him|them)\b
pile_on	\b(?:go|pergi|jom|pi) (?:to |ke |kat )?(?:his|her|their|dia punya) (?:\w+ )?{ACCOUNT}\b(?: \w+){0,3}? (?:and |dan )?(?:tell (?:her|him|them) (?:what (?:you|we) think|off|how (?:bad|stupid|useless|ugly))|kutuk|maki|hentam|roast|spam|serang|attack|flame|bash|ratio)\b
# Round 17 (docs/screening.md, "Round 17: Indonesian"): telling someone to die in Indonesian words, the Malay
# lines above with `aja`, `mending` and `gak pantes`: "mati aja kamu", "lu mending mati aja", "kamu gak pantes
# hidup". A thing that dies or goes out is not the reader ("kalau lampu mati aja kamu langsung panik"), nor a
# life someone does not deserve to live hard ("kamu gak pantes hidup susah begini").
incite	\b(?<!lampu )(?<!listrik )(?<!hp )(?<!hape )(?<!baterai )(?<!laptop )(?<!wifi )(?<!internet )(?<!mesin )(?<!motor )(?<!mobil )(?<!sinyal )(?<!tv )(?<!ikan )(?<!kucing )(?<!tanaman )(?<!karakter )(?<!hero )(?:mati|mampus|modar|bunuh diri|gantung diri) (?:aja|ajalah|sana|deh) (?:\w+ )?{YOU}\b
incite	\b{YOU} (?:\w+ ){0,2}?(?:mending|mendingan|sebaiknya|harusnya|mestinya) (?:\w+ )?(?:mati|mampus|modar|bunuh diri|gantung diri)\b(?! (?:ketawa|gaya|lampu|listrik)\b)
incite	\b{YOU} (?:\w+ )?(?:gak|ga|nggak|enggak|tidak|tak) (?:pantes|pantas|layak|berhak) (?:untuk )?hidup\b(?! (?:di|kayak|begini|begitu|miskin|susah|sendiri|sendirian|menderita|sengsara)\b)
