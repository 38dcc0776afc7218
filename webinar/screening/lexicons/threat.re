# Threats of violence (English and Malay), matched on the normalised text. Same format as self_harm.re.
@TRIGGERS = deserve deserves deserved patut layak torch firebomb letupkan break breaking broke patahkan pecahkan patah strangle whack kill murder stab shoot hurt beat punch rape hunt bomb burn choke slap smash destroy find belasah die pay regret suffer bleed hope wish live back blow attack exterminate bunuh hapuskan sembelih gas wipe death tikam bakar tembak pukul sepak lanyak bom rogol cekik tetak parang lempang tumbuk hentam cari kena siap nahas mampus mati jaga tunggu tahu tau slit behead butcher bash bury cripple maim knife gun pistol machete acid axe pisau senapang necks throat throats skull skulls kepala scream beg ditch grave coffin morgue longkang safe alone watch run hide know geng gang harap semoga moga pray bullet bullets inside centre center syndicate kapak show coming running better end come ground memang confirm sumpah nanti found wind turn drain hospital river box icu wheelchair dead pieces under bag drop visit settle serang ajar address school office house workplace sekolah pejabat rumah step langkah belakang smack taman route jalan kelas class walk alive hidup plate know knows tahu tau parang knife pisau machete golok kapak axe pistol gun senapang keris acid asid pukul hentam bash smash hit kick sepak terajang make hantam bantai simbah siram curah minyak petrol kerosene douse wait
@FP = (?:i|ill|im|i am|we|we are|imma|i will)
@MS_FP = (?:saya|aku|sy|aq|ku|kami|i|gua|gue)
@YOU = (?:you|your|ya|kau|awak|korang|kamu|engkau|anda|mak kau|keluarga kau|u)
# Round 12 (issue 13, two senses): "beat" a person at a game or in a match is winning, not violence ("i beat
# him at chess", "we beat them in the final", "beat you 3-1").
@GAME = (?:(?:at|in) (?:the |a |an |our |their |this |that |last |every )?(?:\w+ )?(?:chess|game|games|match|matches|final|finals|semi final|semis|race|quiz|tournament|league|round|futsal|football|badminton|tennis|carrom|dam|fifa|scrabble|trivia|kahoot|bowling|golf|arm wrestling|pubg|mobile legends|ml|mlbb|valorant|dota|sukan|perlawanan|pertandingan|catur)\b|\d+ ?- ?\d+)
\b{FP}\s(?:will |shall |am |are |m )?(?:going to |gonna |gon |want to |wanna )?(?:fucking |really |)(?:kill|murder|stab|shoot|hurt|beat up|beat(?! (?:you|ya|him|her|them|everyone|all of you|u) {GAME})|punch|rape|hunt down|hunt|bomb|burn|strangle|choke|slap|smash|destroy|find) (?:you|your|ya|him|her|them|everyone|all of you|u)\b
\b(?:you|ya) (?:will|are going to|gonna|re going to|are gonna|shall) (?:die|pay|regret|suffer|bleed)\b
\b(?:hope|wish) (?:you|ya)(?: all| guys| people| lot)? (?:die|get raped|get killed|get cancer|burn|rot|suffer)\b
\bi know where (?:you|ya) live\b
\bwatch your back\b
\b(?:bomb|shoot up|blow up|attack) (?:the|this|your) (?:webinar|event|school|office|venue|hall|mosque|church|temple|masjid|gereja|kuil)\b
\b(?:kill|murder|exterminate|bunuh|hapuskan|sembelih|shoot|gas|wipe out) (?:all|semua|every|every single) (?!(?:the |my |your )?(?:background|apps?|applications?|process|processes|tabs?|programs?|programmes?|tasks?|notifications?|cookies|sessions?|bots?|bugs?|viruses|malware|spyware|pop ?ups?|popups|windows|services|connections|scripts|aplikasi|proses)\b)(?:the |orang |of the |of them|of those )?\w+
\bdeath to (?:all )?\w+
\b{MS_FP} (?:\w+ ){0,2}?(?:bunuh|tikam|bakar|tembak|pukul|belasah|sepak|lanyak|bom|rogol|cekik|tetak|parang|lempang|tumbuk|hentam|cari) {YOU}\b
\b(?:kau|awak|korang|you) (?:\w+ )?(?:nak kena|akan kena|kena) (?:pukul|belasah|tikam|bunuh|lempang|sepak|tumbuk|bakar|tembak|rogol)\b
\b(?:siap|nahas|mampus|mati|jaga) (?:lah |la )?(?:kau|korang|awak)\b
\btunggu (?:nasib|balasan) (?:kau|korang|awak)\b
\b(?:aku|saya|kami) (?:tahu|tau) (?:rumah|tempat) (?:kau|awak|korang)\b
\b{FP}\s(?:will |shall |am |are |m )?(?:going to |gonna |gon |want to |wanna )?(?:fucking |really |)(?:kill|murder|stab|shoot|hurt|beat up|beat|punch|rape|strangle|choke|slap|smash|whack|belasah) (?:the|this|that|your|ur) (?:speaker|host|panel|panelist|moderator|admin|presenter|organiser|organizer|mc|penceramah|hos|pembentang|penganjur)\b
# Held-out round 1 (kinds, not examples): deserving death, burning or bombing a named place, violence against
# a person named by a noun ("the next scammer"), breaking limbs, and Malay first-person violence against a third person.
\b(?:deserves?|deserved|patut dapat|layak dapat) (?:a bullet|bullets|to die|to be shot|to be killed|to be beaten|a beating|to be stabbed|peluru|mati)\b
\b(?:burn|torch|bomb|blow up|shoot up|firebomb|bakar|bom|letupkan) (?:down )?(?:the|this|that|your|their|his|her|ur|rumah|pejabat|kedai|kereta) ?(?:\w+ )?(?:office|offices|house|home|headquarters|hq|building|car|shop|store|school|kedai|rumah|pejabat|kereta|dia|kau)\b
\b{FP}\s(?:will |shall |am |are |m )?(?:going to |gonna |gon |want to |wanna |about to )?(?:fucking |really |)(?:kill|murder|stab|shoot|beat up|strangle|choke|punch|slap|whack) (?:the next |the |that |this |those |these |every |any )(?:\w+ )?(?:scammer|scammers|guy|guys|person|people|man|woman|caller|callers|troll|trolls|bastard|idiot|agent|ejen|speaker|host|admin|moderator)\b
\b(?:break|breaking|broke) (?:his|her|your|their|ur) (?:legs|leg|arms|arm|neck|face|jaw|bones|teeth)\b|\b(?:patahkan|pecahkan) (?:kaki|tangan|kepala|leher|muka) (?:dia|kau|korang)\b
\b{MS_FP} (?:\w+ ){0,2}?(?:bunuh|tikam|bakar|tembak|belasah|lanyak|rogol|cekik|tetak|parang|lempang|tumbuk) (?:dia|mereka|dorang|diorang|budak tu|orang tu|mamat tu|minah tu)\b
# Round 2 (families): violence with the verb at a distance from the author inside one clause ("i will find the
# organiser and make him bleed", "we will hunt down the admins and break their necks"), someone urged to do it,
# a weapon brought for a person. Lines labelled "clause" hold only when no full stop, "?" or "!" separates
# the author from the victim in the original text (rules.threat_hits).
@PERSON = (?:him|her|them|you|ya|u|whoever|anyone who|everyone who|(?:the|that|this|those|these|every|any|each|their|his|her) (?:\w+ )?(?:scammers?|guys?|person|people|man|woman|callers?|trolls?|bastards?|idiots?|agents?|ejen|speakers?|hosts?|admins?|moderators?|mods|organi[sz]ers?|presenters?|panel|panelists?|mc|penceramah|boss|owner|founder|ceo|fraudsters?|thief|thieves|crooks?|kids?|family|staff|lady|girl|boy|dude|bloke|fella|fellow|penipu))
@VIOLENCE = (?:kill|murder|stab|shoot|strangle|choke|slit|behead|butcher|beat(?= (?:\w+ ){1,2}(?:up|to death|half to death|senseless|to a pulp|black and blue)\b)|smash|bash|punch|burn|torch|hurt|whack|break|bury|cripple|maim|slap)
clause	\b(?:i|ill|im|i am|we|well|imma|i will|id|i would|we will|i swear i|i swear)\s(?:\w+ ){0,6}?(?:{VIOLENCE}) (?:\w+ ){0,2}?{PERSON}\b
clause	\b(?:i|ill|im|i am|we|imma|i will|id|i would|we will)\s(?:\w+ ){0,6}?make (?:him|her|them|you|u|ya) (?:bleed|suffer|scream|beg)\b
\b(?:someone|somebody|anyone|one of you|people|we) (?:should|must|need to|needs to|gotta|ought to|has to) (?:\w+ )?(?:{VIOLENCE}) {PERSON}\b
clause	\b(?:i|ill|im|i am|we|imma|i will)\s(?:\w+ ){0,3}?(?:bring|bringing|brought|carry|carrying) (?:a |my |the )?(?:knife|gun|pistol|parang|machete|bat|pisau|senapang|weapon|acid|axe) (?:\w+ ){0,6}?(?:for|to|at) {PERSON}\b
\b(?:break|breaking|broke|smash|smashing|crack|bash) (?:his|her|your|their|ur) (?:necks?|skulls?|heads?|faces?|legs?|arms?|jaws?|knees?|teeth|ribs|bones)\b
\b(?:slit|cut) (?:his|her|your|their|ur) (?:throats?|neck)\b
\b(?:{MS_FP}|nanti|tunggu) (?:\w+ ){0,3}?(?:bunuh|tikam|bakar|tembak|pukul|belasah|lanyak|cekik|tetak|sembelih|tumbuk|hentam|pecahkan kepala|patahkan (?:kaki|tangan|leher)) (?:\w+ )?(?:dia|mereka|dorang|kau|korang|awak|scammer|penipu|admin|penceramah|host|hos|budak|mamat|minah|orang) ?(?:tu|ni|itu|ini)?\b
\b(?:bakar|bom|letupkan) (?:rumah|pejabat|kedai|kereta|ofis) (?:\w+ )?(?:tu|ni|dia|kau|korang|itu|ini)\b
# Round 3 (kinds, from the known misses of heldout_1..3 and heldout_4): the harm promised to "you" as an
# outcome ("you'll end up in a ditch"), your family not safe after what you did, menacing warnings ("you
# better run"; the speaker "better not walk alone"), knowing where someone works or studies, a crew sent
# after "you", wishing bodily harm on "you" or your family, coming with a weapon, a bullet put in someone,
# a place burnt with people inside, and a violent verb aimed at a role without a subject ("gonna stab the
# admin").
@ROLE_OR_ONE = (?:speaker|host|admin|moderator|mod|organi[sz]er|presenter|panel|panelist|mc|penceramah|hos|pembentang|scammer|scammers|penipu|guy|girl|agent|ejen|caller|troll|bastard)
\b(?:you|ya|your \w+)(?: \w+)? (?:will|are going to|going to|might|would|gonna) (?:\w+ )?(?:end up|wind up|be found|turn up|go home)\b(?: \w+){0,2}? (?:in (?:a |the |an )?(?:ditch|hospital|grave|coffin|morgue|river|drain|longkang|body bag|icu|wheelchair|box)|dead|six feet under|in pieces)\b
\b(?:your|ur) (?:\w+ )?(?:family|kids|children|wife|husband|daughter|son|parents|mum|mother|mom|father|dad|loved ones|house) (?:wont|will not|will never|is not going to|are not going to|isnt going to|arent going to) (?:be )?safe\b(?! (?:online|on|if|unless|without|from (?:scams|scammers|hackers)|with)\b)
\b(?:you|kau|awak|korang)(?: had)? better (?:watch out|watch it|watch yourself|watch your back|run|hide|sleep with one eye open|start running|pray)\b(?! (?:for|when|on|with|at|of)\b)
\b(?:the |that |this )?{ROLE_OR_ONE} (?:had )?(?:better|should) not (?:walk|go|come|leave|show|balik|jalan)\b(?: \w+){0,4}? alone\b
\b(?:i|we|aku|saya|kami|sy) (?:\w+ )?(?:know|tahu|tau) (?:where|mana) (?:you|ya|your \w+|kau|awak|korang|anak kau|anak awak)(?: \w+)? (?:live|lives|work|works|stay|stays|study|studies|sleep|sleeps|park|parks|go to school|goes to school|tinggal|kerja|duduk|belajar|sekolah)\b
\b(?:(?:my|our|aku punya|kami punya) )?(?:geng|gang|boys|budak budak|kawan kawan|member member|orang orang)(?: (?:i|aku|saya|kami))? (?:will|akan|nak|gonna|going to|can) (?:come and )?(?:cari|find|hunt|hunt down|settle|datang|visit|deal with|take care of|belasah|pukul|serang|sort out) (?:you|u|kau|awak|korang|ur|your)\b
\b(?:hope|harap|semoga|moga|wish|pray)\b(?: \w+){0,2}? (?:you|your|kau|awak|korang|keluarga kau|family kau|anak kau)(?: (?!dont|didnt|doesnt|not|never|tak|jangan|tidak|x|wont)\w+){0,3}? (?:kena |get |gets |got |is |are )?(?:langgar|hit by (?:a |the )?(?:car|lorry|truck|bus|train|bullet)|run over|killed|mati|die|dies|cancer|raped|stabbed|shot|accident|eksiden|excident|burn|burned|rot|mampus)\b
\b(?:coming|come|go|going|datang|pergi|tunggu|waiting|visit|show up|turn up)\b(?: \w+){0,6}? (?:with|bawa|dengan) (?:a |my |sebilah |the )?(?:parang|knife|gun|machete|pisau|senapang|axe|kapak|pistol|baseball bat|kayu hoki|batang besi)\b
\b(?:put|putting|pump|pumping) (?:a |some )?(?:bullet|bullets|slug|lead) (?:in|into|through)\b
\b(?:torch|burn|bomb|blow up|set fire to|bakar|bom|letupkan)\b(?: \w+){0,5}? with (?:them|him|her|you|everyone|the \w+|orang|dia|mereka)(?: \w+)? (?:still )?(?:inside|in it|di dalam|dalam tu)\b
\b(?:burn|torch|bomb|blow up|shoot up|firebomb|set fire to|bakar|bom|letupkan) (?:down )?(?:the|this|that|their|his|her|your|ur) (?:\w+ )?(?:scam )?(?:centre|center|call centre|syndicate|den|hq|headquarters)\b
\b(?:going to|about to|will|imma|nak|akan) (?:\w+ )?(?:kill|murder|stab|shoot|strangle|choke|slit|behead|butcher|smash|bash|punch|whack|slap|tikam|bunuh|tembak|belasah|sembelih|tetak) (?:the|that|this|your|ur|si) (?:\w+ )?{ROLE_OR_ONE}\b
# Round 3, from heldout_2..3's known misses (kinds): "coming for" a person, deserving a cut throat or a
# bullet in other words, a victim put in the ground, Malay first-person violence without an object.
\b(?:i|im|i am|we|imma|ill|i will|we will|we are)\s(?:\w+ )?(?:coming|come|going to come|gonna come) for (?:you|u|ya|him|her|them|your family|the (?:speaker|host|admin|moderator|organiser|organizer|presenter|scammer|agent))\b
\b(?:deserves?|deserved) to (?:get|be|have) (?:(?:his|her|their|your|ur) )?(?:\w+ )?(?:slit|shot|stabbed|killed|beaten|hanged|burned|murdered|butchered|strangled|smashed|broken)\b
\b(?:put|putting|send|sending) (?:him|her|them|you|u|ya) (?:in|into|six feet) (?:the ground|a coffin|a grave|the grave|under|hospital|the hospital|a body bag)\b
\b(?:memang|confirm|sumpah|siap|nanti) {MS_FP} (?:akan )?(?:bunuh|tikam|sembelih|tetak|belasah|bakar|tembak|cekik)\b
# Round 3: a role or third person who "deserves" violence in Malay (`admin tu patut kena belasah`).
\b(?:penceramah|hos|host|admin|speaker|moderator|panel|pembentang|penganjur|scammer|penipu|dia|mamat|minah|budak) (?:ni |tu |itu |ini )?(?:memang )?(?:patut|layak|harus|wajib) (?:kena |di)?(?:tembak|bunuh|pukul|belasah|tikam|bakar|sembelih|tetak|lanyak|ditembak|dibunuh|dipukul|dibelasah|ditikam|dibakar|disembelih)\b
# Round 4 (kinds): menacing warnings about another's back or step, making a person pay, knowing or having a
# person's (or their children's) school, office or address, waiting for "kau" somewhere, people sent to beat
# someone, "or I'll drop you", paying someone a visit. Round 12b: "we got your address already for the cert"
# is an organiser's notice (an "already" may stand before its "for").
\b(?:better|should|had better|kena|baik) (?:watch|jaga) (?:his|her|their|your|ur|dia punya|kau punya) (?:back|step|belakang|langkah)\b
clause	\b(?:i|ill|im|i am|we|well|imma|i will|we will|i swear i)\s(?:\w+ ){0,6}?make (?:him|her|them|you|u|ya|(?:the|that|this) (?:speaker|host|admin|moderator|mod|organi[sz]er|presenter|panel|panelist|mc|penceramah|hos)) pay\b(?! (?:back|for the|the|rm|it|me|us|a|\d))
\b(?:i|we|aku|saya|kami)(?: \w+)? (?:know|have|got|tahu|tau|ada|dapat|found)(?: \w+){0,2}? (?:your|ur|his|her|their)(?: \w+)? (?:home |office |house |kids |kids s |children s |family s )?(?:address|school|office|house|workplace)\b(?!(?: already| dah| sudah)? (?:for|to send|on file)\b)
\b(?:i|we|aku|saya|kami)(?: \w+)? (?:know|tahu|tau)(?: \w+)? (?:(?:which|what|mana) (?:school|sekolah|office|pejabat|house|rumah|class|kelas|taman|route|jalan)|(?:school|sekolah|office|pejabat|house|rumah|kelas|taman|jalan) mana)\b(?: \w+){0,2}? (?:your|you|ur|kau|awak|anak kau|anak awak|his|her)\b
\btunggu (?:kau|korang|ko|engkau)(?: \w+){0,2}? (?:kat|dekat|di|depan|luar|at|outside|lepas|after)\b
\b(?:send|hantar|bawa|panggil) (?:\w+ )?(?:ppl|people|orang|geng|gang|boys|budak|member|kawan|samseng|gangsters?) (?:to |untuk |pergi |nak )?(?:belasah|pukul|settle|find|beat|serang|cari|tetak|bunuh|attack|visit|hentam|ajar) (?:\w+ )?(?:you|u|kau|awak|ko|him|her|dia|the \w+)\b
\bor (?:else )?(?:i|ill|i will|i ll|we|we will|aku|saya)\s(?:\w+ )?(?:drop|end|finish|hurt|deal with|sort out|settle|belasah|pukul|tumbuk|lempang|tampar|sepak|kill|smack|slap|punch|break) (?:you|u|kau|awak|ko|him|her)\b
\b(?:pay|paying) (?:him|her|them|you|u|the \w+) a (?:little |friendly |personal )?visit\b
# Round 5 (kinds): threats implied: "you won't walk out (alive)", "I'll do it myself" after a wish to kill,
# shooting up a meetup or venue, knowing a person's car plate or route.
\b(?:you|your|kau|awak|ko|korang|he|she|dia)(?: \w+)? (?:wont|will not|won t|tak akan|takkan|tidak akan|never) (?:walk out|walk away|leave alive|go home alive|get out alive|walk out alive|leave here alive|make it out alive|make it home alive|balik hidup|keluar hidup|balik rumah hidup|keluar dari sini hidup)\b(?! (?:of|without|empty|disappointed|with|from)\b)
\b(?:nak kena bunuh|patut dibunuh|patut mati|deserves? to die|should die|needs? to die|should be killed|kena bunuh)\b.*\b(?:{FP}|{MS_FP}) (?:\w+ ){0,2}?(?:do it myself|do it my self|buat sendiri|settle sendiri|handle it myself|bunuh sendiri|kill (?:him|her|them) myself)\b
\b(?:shoot|shooting|bomb|bombing|blow|blowing|burn|burning|shoot em) up (?:the |this |that |next |our |your |every |a )*(?:meetup|meet up|webinar|event|venue|school|office|mosque|church|temple|masjid|gereja|kuil|mall|talk|seminar|class|conference|party|concert|gathering|session|hall|dewan)\b
\b(?:we|i|aku|kami|kita|saya) (?:\w+ )?(?:know|tahu|tau|have|got|ada|dapat) (?:your|her|his|their|the \w+ s|kau punya|dia punya|awak punya)(?: \w+)? (?:car plate|plate number|number plate|plat kereta|nombor plat|plat|route home|route|daily route|jadual|schedule|whereabouts)\b
# Round 6: threats by implication. Knowing where a person lives ("I know which condo you stay in", "i tau
# u tinggal kat mana"); coming to a house with a weapon; a beating "till he can't walk".
\b(?:{FP}|{MS_FP}|we|kami|kitorang|kita)\b (?:\w+ )?(?:know|knows|tahu|tau)(?: \w+){0,2}? (?:where|which \w+|mana|kat mana|di mana|dekat mana)(?: \w+)? (?:you|your|awak|kau|ko|korang)\b(?: \w+){0,2}? (?:live|stay|tinggal|duduk|work|kerja)\b
\b(?:{FP}|{MS_FP}|we|kami|kitorang|kita)\b (?:\w+ )?(?:know|tahu|tau) (?:you|awak|kau|ko|korang) (?:tinggal|duduk|stay|live|kerja)(?: kat| di| dekat| in| at)? (?:mana|where)\b
\b(?:datang|pergi|come|coming|go|going|serbu|cari)\b(?: \w+){0,3}? (?:rumah|house|home|office|pejabat|school|sekolah)\b(?: \w+){0,3}? (?:bawak|bawa|with|dengan|bring|bringing|carrying) (?:a |my |aku punya )?(?:parang|knife|pisau|gun|pistol|senapang|machete|kapak|axe|golok|keris|acid|asid)\b
\b(?:beat|belasah|pukul|hentam|bash|smash|hit|kick|sepak|terajang)\b(?: \w+){0,3}? (?:till|until|sampai|sehingga|til) (?:he|she|they|you|dia|kau|awak|korang|mereka)? ?(?:cant|cannot|can t|can not|tak boleh|tak dapat|tak mampu|tidak boleh|never) (?:walk|jalan|berjalan|stand|bangun|berdiri|move|bergerak)\b
# Round 7 (heldout_8's misses, by kind): making sure a person is never safe again, a beating "until" the
# hospital, dousing a house with fuel or acid, naming the reader's neighbourhood and telling them to wait.
\b(?:ill|i will|i ll|we will|we ll|imma|gonna|i am gonna|im gonna) make sure (?:you|your \w+|he|she|they|u|dia|kau) (?:\w+ )?(?:never|wont|will never|cant|cannot|dont) (?:\w+ ){0,3}?(?:safe|safely|in peace|alive|again)\b
\b(?:hantam|pukul|belasah|bantai|tumbuk|sepak|terajang|smack|beat|bash|punch)\b(?: \w+){0,2}? (?:sampai|until|till|hingga|sehingga) (?:\w+ )?(?:masuk hospital|hospital|pengsan|koma|icu|lumpuh|patah|unconscious|in a coma)\b
\b(?:{MS_FP}|{FP}|kami|kitorang|we)\b (?:\w+ ){0,2}?(?:simbah|siram|curah|douse|pour|throw) (?:\w+ ){0,2}?(?:minyak tanah|minyak|petrol|gasoline|kerosene|asid|acid)\b
\b(?:rumah|house|home|alamat|address) (?:{YOU}) (?:\w+ ){0,5}?(?:kan|right|betul tak|betul kan)\b(?: \w+){0,3}? (?:tunggu|wait|watch out|jaga|see you|nanti)\b
