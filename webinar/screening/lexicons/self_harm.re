# First-person self-harm and suicide, English and Malay, matched on the NORMALISED text (leetspeak,
# short forms and spacing already undone: "k1ll", "kms", "s u i c i d e"). One regular expression per
# line; "@NAME = ..." lines define macros used as {NAME}. A match holds the question for the care queue.
# "@TRIGGERS = ..." lists words of which every pattern needs at least one (whole canonical words): a
# comment with none of them skips the file. A new pattern must keep that true (tests/screening check it
# on every example).
@TRIGGERS = stockpiling hoarding saving collecting kumpul simpan done planning plan ready worth tiada takde tak tidak xde no reason myself self meself life mysel myslef die dead end wake suicide unalive unaliving unalived disappear existing exist sleep sewerslide sewer selfdelete kermit commit suicidal out want wanna wish point use living going alive better anymore more born nobody overdose overdosing overdosed od oding pills meds tablets jump jumping jumped wrists wrist arms arm throat bunuh hidup mati nyawa diri tangan lengan pergelangan urat tanpa terjun lompat pil ubat panadol racun clorox peluntur gantung hilang lenyap gone forever permanently vanish pill tablet medication medicine medicines capsules paracetamol painkillers prescription goodbye farewell letter letters note notes surat nota pesanan wasiat terakhir perpisahan riwayat selamanya lamanya hilangkan tired sick breathing bangun drive driving crash swerve rope tali poison arang charcoal paraquat enough cukup jejantas window tingkap floor tingkat dunia miss kisah peduli rindu perasan akhiri akhirkan tamatkan over finished musnah hancur leap leaping overpass flyover menara jeti landasan tracks railway ledge rooftop roof bumbung balkoni balcony bridge jambatan bangunan building cliff gaung tower kondo condo flat apartment pangsapuri crashing swerving langgar rempuh bottle botol sebotol handful segenggam razor blades weedkiller see standing sitting berdiri duduk cutting harming takes take make survive night morning tomorrow esok subuh imagine bayangkan nampak toreh kelar hiris tikam cederakan sakitkan lukakan how strip strips swallow swallowing swallowed telan drafts relapsed relapse relapsing blade edge birai jump terjun lompat leap painless senyap quickest fastest easiest sorry maaf kil stop saved around longer sungai laut tasik lombong habiskan semuanya segalanya kipas siling noose fan ceiling problem burden bother nuisance trouble masalah beban menyusahkan susahkan bebankan membebankan bye tinggal forgive maafkan halalkan hear dengar love larat teruskan bertahan hadap tempuh continue carry hold handle burning scratching without happier easier senang bahagia tenang stay stick
@FP = (?:i|im|i am|ive|i have|me|we|i was|i m)
@MS_FP = (?:saya|aku|sy|aq|ku|kami|i|gua|gue)
@SELF = (?:myself|my self|meself|my own life|my life|mysel|myslef)
@WANT = (?:want|wanna|want to|going|going to|gonna|plan|planning|ready|deserve|wish|wishing|about|need|thinking of|thinking about|think about|thought about|considering|tempted|might|may|could|should|will|gonna go|trying|try|tried|going to go)
@NOT_OWNED = (?<!fon )(?<!phone )(?<!telefon )(?<!handphone )(?<!hp )(?<!bateri )(?<!battery )(?<!laptop )(?<!komputer )(?<!kereta )(?<!motor )(?<!enjin )(?<!pokok )(?<!kucing )(?<!ikan )(?<!bisnes )(?<!kedai )(?<!akaun )(?<!tanaman )(?<!bank )(?<!tablet )(?<!lama )(?<!mak )(?<!ayah )(?<!kawan )(?<!member )(?<!anak )(?<!adik )(?<!abang )(?<!kakak )(?<!suami )(?<!isteri )(?<!bini )(?<!nenek )(?<!atuk )(?<!bos )(?<!boss )(?<!murid )(?<!pelajar )(?<!rakan )(?<!jiran )(?<!sepupu )(?<!pakcik )(?<!makcik )(?<!cikgu )(?<!student )
@NOT_THIRD = (?<!remaja nak )(?<!remaja )(?<!anak nak )(?<!kawan nak )(?<!pelajar nak )(?<!orang nak )(?<!dia nak )(?<!seseorang nak )(?<!mereka nak )(?<!remaja yang )(?<!orang yang )(?<!pelajar yang )(?<!kanak kanak )(?<!anak saya )(?<!anak aku )(?<!anak sy )(?<!anak i )(?<!anak kami )(?<!kawan saya )(?<!kawan aku )(?<!kawan sy )(?<!kawan i )(?<!kawan kami )(?<!adik saya )(?<!adik aku )(?<!adik sy )(?<!adik i )(?<!adik kami )(?<!abang saya )(?<!abang aku )(?<!abang sy )(?<!abang i )(?<!abang kami )(?<!kakak saya )(?<!kakak aku )(?<!kakak sy )(?<!kakak i )(?<!kakak kami )(?<!suami saya )(?<!suami aku )(?<!suami sy )(?<!suami i )(?<!suami kami )(?<!isteri saya )(?<!isteri aku )(?<!isteri sy )(?<!isteri i )(?<!isteri kami )(?<!murid saya )(?<!murid aku )(?<!murid sy )(?<!murid i )(?<!murid kami )(?<!pelajar saya )(?<!pelajar aku )(?<!pelajar sy )(?<!pelajar i )(?<!pelajar kami )(?<!member saya )(?<!member aku )(?<!member sy )(?<!member i )(?<!member kami )
@MS_WANT = (?:nak|mahu|ingin|teringin|rasa nak|rasa macam nak|rasa mcm nak|fikir nak|terfikir nak|terfikir untuk|cuba|akan|dah nak|hendak|plan nak|macam nak|mcm nak|rasa nk|rasa ingin)
\b(?:kill|killing|killed|(?:hurt|hurting|hurted|harm|harming|harmed|cut|cutting|burn|burning)(?! {SELF}\b.*\b(?:cooking|masak|shaving|ironing|chopping|slicing|kitchen|dapur|accident|accidentally|tak sengaja|futsal|football|bola|gym|running|jogging|badminton|basketball|training|match|fell|jatuh|terjatuh|slipped|tergelincir|tripped|paper cut|on (?:a |the )?(?:paper|glass|knife|nail|fence))\b)|hang|hanging|hanged|end|ending|ended|starve|starving|off|offing|unalive|unaliving|unalived|delete|deleting|burn|burning|poison|poisoning|drown|drowning|shoot|shooting|stab|stabbing) {SELF}\b
\b{FP} (?:\w+ ){0,2}?{WANT} (?:to )?(?:die|be dead|end it all|end it|end everything|end my life|not wake up|commit suicide|kill {SELF}|unalive|disappear forever|stop existing|not exist|sleep forever and never wake up)\b
(?:^|[.!?] )(?:just )?{WANT} (?:to )?(?:die|be dead|end it all|end my life|commit suicide|unalive)\b
\b(?:unalive|unaliving|unalived|sewerslide|sewer slide|self delete|selfdelete|kermit sudoku|commit die)\b
\b{FP} (?:\w+ ){0,2}?(?:suicidal|have suicidal|having suicidal|feel suicidal)\b
(?<!someone with )(?<!people with )(?<!those with )(?<!person with )(?<!friend with )(?<!students with )(?<!anyone with )(?<!teens with )(?<!youth with )\bsuicidal (?:thoughts|again|tonight|lately)\b
\b{FP} (?:\w+ ){0,3}?(?:commit|committing|attempt|attempted|attempting|trying|thinking about|thought about|considering|contemplating|planning|plan|going to commit|want to commit) suicide\b
\bsuicide (?:is|seems|feels like) (?:the|my) (?:only|best|answer|way)\b
\b(?:the only way out|only way out) (?:is|for me)\b
\b(?:dont|do not|no longer|dont really|doesnt|not|never) (?:want|wanna|wish) (?:to )?(?:live|be alive|exist|be here anymore|wake up|go on)\b
\bno (?:reason|point|use) (?:to live|in living|living|to go on|going on|to keep living|in going on|being alive|to be alive|to wake up|in waking up|waking up|to get up)\b(?! (?:early|at|for)\b)
\b(?:whats|what is|wats) the point (?:of|in) (?:living|life|going on|being alive|staying alive)\b
\b(?:im|i am|id be|i would be|everyone is|everyone would be|they are|theyd be|world is|world would be|family is|family would be) better off (?:dead|without me)\b
\b(?:cant|cannot|can not) (?:go on|keep going|do this|live like this|take it) (?:anymore|any more|living)\b
\btake my (?:own )?life\b
\bwish i (?:was|were) (?:dead|never born)\b
\bnobody (?:would|will) (?:care|notice|miss me) if i (?:die|died|was gone|disappeared)\b
\b(?:overdose|overdosing|overdosed|od|oding) (?:on|with) (?:my |all my |these |the |some )?(?:pills|pill|meds|medication|medicine|tablets|panadol|paracetamol|sleeping pills)\b
\b{FP} (?:\w+ ){0,3}?(?:overdose|overdosing)\b
\b(?:take|swallow|taking|swallowing) (?:all|every one of|a whole bottle of|the whole bottle of) (?:my |the |these )?(?:pills|meds|tablets|sleeping pills)\b
\b{FP} (?:\w+ ){0,3}?(?:jump|jumping|jumped) (?:off|from|in front of) (?:a |the |my )?(?:bridge|building|roof|rooftop|train|cliff|balcony|tower)\b
\b(?:just|might|will|gonna|going to|want to|wanna) (?:jump|jumping) (?:off|from|in front of) (?:a |the |my )?(?:bridge|building|roof|rooftop|train|cliff|balcony)\b
\b{FP} (?:\w+ ){0,2}?(?:cut|cutting|burned|burning|hurt|hurting|harmed|harming) (?:myself|my self|my wrists|my arms|my wrist)\b(?!.*\b(?:cooking|masak|shaving|ironing|chopping|slicing|kitchen|dapur|accident|accidentally|tak sengaja|futsal|football|bola|gym|running|jogging|badminton|basketball|training|match|fell|jatuh|terjatuh|slipped|tergelincir|tripped|paper cut|on (?:a |the )?(?:paper|glass|knife|nail|fence))\b)
\b(?:slit|slitting|cut|cutting) my (?:wrists|wrist|arms|arm|throat)\b
(?<!yang )(?<!orang )(?<!kawan )(?<!dia )(?<!anak )(?<!mereka )(?<!yang rasa )(?<!kawan rasa )(?<!orang rasa )\b{MS_WANT} (?:\w+ )?bunuh diri\b
(?<!kawan )(?<!anak )(?<!adik )(?<!abang )(?<!kakak )(?<!suami )(?<!isteri )(?<!mak )(?<!ayah )(?<!member )(?<!rakan )\b{MS_FP} (?:\w+ ){0,2}?bunuh diri\b
\b(?:tak|tidak|dah tak|dah tidak) (?:nak|mahu|ingin|hendak|larat|sanggup|mampu) (?:hidup|teruskan hidup|hidup lagi)\b
\b(?:penat|letih|bosan|jemu|muak) (?:nak |dengan )?hidup\b
{NOT_OWNED}\b{MS_FP} (?:\w+ ){0,2}?(?:nak|mahu|ingin|rasa nak|rasa macam nak|teringin nak|dah nak|rasa mcm nak) mati\b
\b(?:lebih baik|baik|lagi baik) {MS_FP} (?:\w+ )?mati\b
\b(?:tamatkan|akhiri|akhirkan|habiskan|tamatkan saja) (?:hidup|nyawa) (?:saya|aku|sy|aq|sendiri)\b
{NOT_THIRD}\b(?:sakitkan|cederakan|lukakan|seksa|kelar|toreh|hiris|potong) (?:diri|tangan|lengan|pergelangan|urat)(?: (?:sendiri|saya|aku))?\b
\b(?:tiada|takde|tak ada|tidak ada|xde|tak|apa) (?:gunanya|guna|sebab|makna|erti|gunanya lagi) (?:saya |aku )?(?:hidup|untuk hidup|teruskan hidup|hidup lagi)\b
\bhidup (?:saya|aku) (?:tak|tidak|dah tak) (?:bermakna|berguna|ada makna|ada guna)\b
\b(?:semua orang|semua|family|keluarga) (?:\w+ )?(?:lebih baik|lagi baik|lagi senang) tanpa (?:saya|aku)\b
(?<!dia )(?<!orang )(?<!mereka )\b(?:{MS_WANT}|{MS_FP}) (?:\w+ ){0,2}?(?:terjun|lompat) (?:dari |dari atas |atas )?(?:bangunan|jambatan|tingkap|bumbung|flat|apartment|kondo|tingkat|bukit|jeti)\b
(?<!dia )(?<!orang )(?<!mereka )\b(?:{MS_WANT}|{MS_FP}) (?:\w+ ){0,2}?(?:telan|makan|ambil|minum) (?:semua |banyak |sebotol |satu botol )?(?:pil|ubat|panadol|racun|clorox|peluntur)\b
(?<!dia )(?<!orang )(?<!mereka )\b(?:{MS_WANT}|{MS_FP}) (?:\w+ ){0,2}?gantung diri\b
\b(?:nak|mahu|ingin) (?:hilang|lenyap) (?:selamanya|dari dunia ni|dari dunia ini)\b
\bkill myself\b
# Held-out round 1: stockpiling pills, being done with life, planning a jump without "I", life not worth living,
# no reason left for the author to live.
\b(?:stockpiling|hoarding|saving up|collecting|kumpul|simpan) (?:\w+ )?(?:my |all my |the |semua )?(?:sleeping )?(?:pills|meds|tablets|ubat|pil)\b
\b(?:im|i am|i m) (?:so |just |really |totally )?done with (?:life|living|everything|it all|this life)\b
\b(?:planning|plan|going|want|wanna|thinking of|thinking about|about|ready) (?:to )?(?:jump|jumping) (?:off|from|in front of) (?:a |the |my |this |that )?(?:bridge|building|roof|rooftop|train|cliff|balcony|tower|flat)\b
\b(?:my )?life (?:is not|isnt|is no longer|aint|not|is never) (?:really )?worth (?:living|it anymore|continuing)\b
\b(?:tiada|takde|tak ada|tidak ada|xde|no) (?:sebab|alasan|gunanya|guna|reason) (?:untuk |lagi |to |for )?(?:saya |aku |me )?(?:hidup|teruskan hidup|live|to live|keep living)\b
# Round 2 (families, not examples): an intent or a search for a way to die; wanting to be gone for good;
# taking every pill; writing a goodbye letter; losing one's own life in Malay (hilang nyawa, tamatkan riwayat).
@DEATH = (?:die|dying|end it|end it all|end my life|end my own life|kill myself|end myself|commit suicide|unalive myself|not wake up|never wake up|stop existing|overdose)
\b(?:painless|quick|quickest|easy|easiest|fast|fastest|best|surest|simplest|cleanest|peaceful) (?:ways?|methods?|means) (?:to|of) {DEATH}\b
\b(?:ways?|methods?) (?:to|of) (?:die|dying|kill myself|end my (?:own )?life)\b
\b(?:how (?:to|do i|can i|could i|would i|should i)|whats the (?:quickest|easiest|best|fastest) way to|what is the (?:quickest|easiest|best|fastest) way to) {DEATH}\b(?! (?:hair|cloth|clothes|fabric|shirts?|a shirt|my hair))
\bhow many (?:sleeping )?(?:pills|tablets|meds|panadol|paracetamol) (?:\w+ ){0,4}?(?:to die|would kill|will kill|to kill me|to kill myself|to kill a person|is lethal|are lethal|to overdose|to not wake up|to never wake up)\b
\b{FP} (?:\w+ ){0,3}?(?:be gone|gone|disappear|disappeared|vanish|leave this world|leave) (?:for good|forever|permanently|for ever)\b
\b(?:if|when|once) i (?:was|were|am|m|im|is) (?:gone|dead)\b(?! for (?:a|the|two|three|one|some|few|\d+)\b)
\b(?:wish|want|wanna|hope) (?:i could |to |i can )?(?:\w+ ){0,2}?(?:sleep|fall asleep) and (?:never|not) wake up\b
\b(?:nobody|no one|noone|none of them) (?:\w+ ){0,2}?(?:care|notice|miss me|cry) if i (?:die|died|was gone|were gone|disappeared|disappear|killed myself|left forever)\b
\b{FP} (?:\w+ ){0,3}?(?:take|swallow|taking|swallowing|down|downing|drink|drinking) (?:all|every|every single|each|the whole|a whole) (?:of )?(?:\w+ ){0,2}?(?:pills?|meds|medication|medicine|medicines|tablets?|capsules|panadol|paracetamol)\b
\b(?:saving up|stockpiling|hoarding|collecting|keeping) (?:\w+ )?(?:my |all my |the )?(?:medication|medicine|medicines|prescription|painkillers|sleeping pills)\b
\b{FP} (?:\w+ ){0,3}?(?:wrote|written|writing|write|left|leaving|leave|prepared|preparing|drafted|finished) (?:\w+ ){0,2}?(?:goodbye|farewell|suicide|last|final) (?:letters?|notes?)\b(?!(?: \w+){0,4}? (?:team|colleagues|coworkers|class|students|office|retired|retirement|resign|resigned|pencen|bersara|kolej))
\b(?:tulis|menulis|tinggalkan|sediakan|siapkan|karang) (?:\w+ )?(?:surat|nota|pesanan|mesej|wasiat) (?:terakhir|selamat tinggal|perpisahan|akhir)\b
{NOT_OWNED}(?<!dia )(?<!orang )(?<!mereka )\b(?:{MS_WANT}|{MS_FP}) (?:\w+ ){0,2}?(?:hilang|hilangkan|tamatkan|habiskan|cabut|ambil) (?:nyawa|riwayat)(?: (?:saya|aku|sendiri|sy|aq))?\b
{NOT_OWNED}\b(?:{MS_WANT}|{MS_FP}) (?:\w+ ){0,2}?(?:hilangkan diri|hilang|lenyap|pergi|pergi jauh) (?:\w+ )?(?:selamanya|selama lamanya|buat selamanya|untuk selamanya)\b
\b(?:tak|tidak|dah tak|x) (?:nak|mahu|ingin|hendak|larat) (?:\w+ )?(?:hidup|bernyawa|teruskan hidup)\b
# Round 3 (kinds, from the known misses of heldout_1..3 and heldout_4): the author's own life ended ("tired
# of breathing", "my life is over", "akhiri hidup ni"); wanting to vanish without "I"; nobody missing the
# author; no reason to go on and never waking up, in Malay; the means: a height (an overpass, a window, the
# nth floor), a vehicle driven into water or a wall, a whole bottle of a named drug, enough pills counted,
# a rope or poison bought "not for" its everyday use.
@METHOD_DRUG = (?:pills?|meds|medication|medicine|tablets?|sleeping pills|panadol|paracetamol|painkillers|pil|ubat|ubat tidur|racun|bleach|clorox|peluntur)
@HEIGHT = (?:jejantas|overpass|flyover|window|tingkap|floor|tingkat|menara|jeti|landasan|tracks|railway|ledge|rooftop|roof|bumbung|balkoni|balcony|bridge|jambatan|bangunan|building|cliff|gaung|tower|kondo|condo|flat|apartment|pangsapuri)
\b(?:tired of|sick of|exhausted from) (?:breathing|being alive|existing|waking up|living)\b(?! (?:in|with|like|under|off|paycheck|alone|next|near|on|here|through|from|passwords?|accounts?|apps?|systems?|rules|policies|scams?|problems|issues|methods|tools|options|customers|users|members|features|debts?|loans?|bills|laws|software|platforms?)\b)
\b(?:my life is|my lifes|hidup (?:saya|aku|sy|aq)(?: dah| sudah)?)(?: already| totally| basically| officially)? (?:over|finished|musnah|hancur|tamat|berakhir|habis)\b(?! (?:for (?:a|the|this|now)|lol|haha)\b)
(?:^|\b(?:just|honestly|really|i|sometimes|rasa|tbh|fr|so) )(?:want|want to|wish|wish i could|need) (?:to )?(?:disappear|vanish|be gone|not exist|stop existing)\b(?! (?:from|for (?:a|the|some|awhile|a while|few)|into|off|on)\b)
\b{MS_FP} (?:\w+ ){0,2}?(?:hilang|lenyap|pergi|tinggalkan dunia|hilangkan diri)(?: \w+)? (?:dari|daripada) dunia (?:ni|ini)\b
\b(?:no one|nobody|noone|no body|none of you|not a single person) (?:\w+ ){0,2}?(?:would|will|is going to|going to) (?:even )?(?:miss|notice|remember|care about|mourn) me\b
\bkalau {MS_FP} (?:mati|takde|tiada|hilang|pergi|bunuh diri)\b(?: \w+){0,4}? (?:takde|tiada|tak ada|tidak ada|xde) (?:siapa|orang|sesiapa|sapa) (?:\w+ )?(?:kisah|peduli|rindu|perasan|sedih|cari|tangis|menangis)\b
\b(?:tak nampak|tidak nampak|tiada|takde|tak ada|tidak ada|xde|tak jumpa) (?:apa )?(?:sebab|alasan|guna|gunanya|makna|point) (?:\w+ ){0,2}?(?:hidup|teruskan hidup|bernafas|hidup lagi)\b
(?:{MS_WANT}|{MS_FP}) (?:\w+ )?(?:tamatkan|akhiri|akhirkan|habiskan|hentikan) (?:hidup|nyawa|riwayat)\b
(?:^|\b(?:je|saja|sumpah|serius|betul|kadang|honestly|memang) )(?:rasa|rasa macam|rasa mcm|rasanya|teringin) nak mati\b
\b(?:best|bagus|baik|elok|harap|harap harap|kalau boleh|semoga|moga|wish|hope)\b(?: \w+){0,3}? (?:tak|tidak|x|takkan|tak akan|never|dont|do not|wont|will not) (?:bangun|bangun lagi|sedar|sedar lagi|wake up|wake up again)\b(?! (?:awal|early|lambat|late|at|pukul|for|on time)\b)
\b(?:{FP}|{WANT}|{MS_WANT}|{MS_FP}) (?:\w+ ){0,2}?(?:terjun|lompat|jump|jumping|leap|leaping) (?:dari|dari atas|atas|off|from|out of|out) (?:the |a |my |this |that )?(?:\w+ ){0,2}?{HEIGHT}\b
\b(?:no way out|no other way out|only way out|satu satunya jalan|jalan keluar)\b(?: \w+){0,4}? {HEIGHT}\b
\b(?:{FP}|{WANT}|{MS_WANT}|{MS_FP}) (?:\w+ ){0,3}?(?:drive|driving|crash|crashing|swerve|swerving|langgar|rempuh) (?:\w+ ){0,2}?(?:into|off|masuk|ke dalam) (?:a |the )?(?:river|sungai|sea|laut|wall|dinding|tree|pokok|lorry|lori|truck|cliff|gaung|lake|tasik|oncoming traffic|divider)\b
\b(?:take|swallow|taking|swallowing|telan|makan|minum|down|drink|drinking) (?:\w+ )?(?:all|semua|every|the whole bottle of|a whole bottle of|whole bottle of|the entire bottle of|a handful of|segenggam|sebotol|satu botol|sepapan|the whole pack of) (?:\w+ )?(?:my |the |these |of )?{METHOD_DRUG}\b(?! (?:with|after|before|as|dengan|lepas|selepas|sebelum|ikut|according|every|each|setiap)\b)
\b(?:enough|cukup) (?:\w+ )?{METHOD_DRUG}\b(?! (?:for|untuk|to last|till|sampai|in stock|stok)\b)|\b{METHOD_DRUG}\b(?: \w+){0,5}? (?:have|got|dah|ada) (?:enough|cukup)(?: now| dah| sekarang| already)?$
\b(?:rope|tali|racun|poison|charcoal|arang|paraquat|weedkiller|pisau cukur|razor|razor blades)\b(?: \w+){0,4}? (?:not for|bukan untuk|tunggu masa|for myself|untuk diri|dah sedia|tak lama lagi|for the last time)\b
# Round 3, from heldout_3's known misses (kinds): no reason to wake up; standing at a height thinking of
# jumping; cutting as the only relief; looking up how many pills it takes.
\b(?:dont|do not|cant|cannot|can not|no longer) see (?:any |a |the )?(?:reason|point) (?:to|in|for) (?:wake up|waking up|get up|getting up|live|living|go on|going on|keep going|be alive|being alive|tomorrow)\b
\b(?:standing|sitting|berdiri|duduk) (?:on|at|atop|atas|di|kat|dekat) (?:my |the |a |this )?(?:\w+ )?{HEIGHT}\b(?: \w+){0,4}? (?:thinking|fikir|about|nak|ready|wanting) (?:\w+ )?(?:about )?(?:jump|jumping|terjun|lompat|letting go|end it)\b
\b(?:cutting|self harm|self harming|hurting myself|burning myself|kelar tangan|toreh tangan) (?:is|are|adalah|jadi) (?:the only|my only|satu satunya) (?:thing|way|cara|benda|relief)\b
\bhow many (?:sleeping )?{METHOD_DRUG} (?:\w+ ){0,2}?(?:it takes|does it take|would it take|will it take)$
# Round 4 (kinds): not seeing oneself alive, not making it to the morning, how many of one's pills would be
# enough, no point in waking up, wanting to stab or cut oneself in Malay.
\b(?:dont|do not|cant|cannot|cant really|tak|tidak|x) (?:see|imagine|nampak|bayangkan) (?:myself|my self|diri (?:saya|aku|sendiri)|saya|aku) (?:\w+ )?(?:alive|living|around|hidup|lagi hidup|masih hidup)\b
\b(?:if|in case|kalau|kalau kalau|mana tahu) (?:i|saya|aku) (?:dont|do not|wont|will not|tak|tidak|x) (?:make it|survive|sampai|hidup|bangun) (?:to|till|until|through|sampai|ke|lagi) (?:the )?(?:morning|tomorrow|tonight|esok|pagi|night|the night|next week|the weekend|subuh)\b(?! s\b)
\bhow many (?:\w+ ){0,3}?(?:pills|tablets|panadol|paracetamol|sleeping pills|ubat tidur|pil|ubat)(?: \w+){0,3}? (?:would be enough|will be enough|is enough to|are enough to|it takes to|to die|to not wake up|cukup untuk mati|untuk mati|to end it)\b
\b(?:whats|what s|what is|wats|apa) (?:the )?(?:point|guna|gunanya|faedah) (?:of |in |nak )?(?:waking up|wake up|bangun|going on|carrying on|teruskan hidup|to wake up|hidup lagi)\b(?! (?:early|awal|at|for|on|pukul|pagi)\b)
\b(?:rasa|saya|aku|sy|aq|i|im)(?: \w+){0,2}? (?:nak|want to|wanna|teringin nak) (?:\w+ )?(?:tikam|toreh|kelar|hiris|cederakan|sakitkan|lukakan) (?:diri sendiri|diri|tangan sendiri|pergelangan tangan)\b
# Notes or letters left for one's family with a farewell or "tonight is the night".
\b(?:written|wrote|writing|write|left|leaving|tulis|menulis|dah tulis) (?:\w+ ){0,2}?(?:notes?|letters?|surat|nota)\b(?: \w+){0,3}? (?:for|to|untuk|kepada) (?:\w+ )?(?:kids|family|wife|husband|children|parents|mum|mom|anak|anak anak|keluarga|everyone)\b.*\b(?:tonight is the night|just in case|goodbye|final|last time|before i go|sebelum aku pergi|selamat tinggal|when i am gone|when im gone|bila aku tiada)\b
# Round 5 (kinds): a method or a farewell with no die or kill word: a whole strip, box or bottle of pills
# swallowed tonight, standing at the edge of a height, planning one's own goodbye, a goodbye note written
# or saved, relapsing with a blade, jumping off one's own building or floor, "esok i takkan ada lagi".
\b(?:{FP}|thinking of|thinking about|gonna|going to|want to|wanna|ready to|planning to|plan to|about to|nak|rasa nak|{MS_FP}|just)(?: \w+){0,3}? (?:swallow|swallowing|take|taking|down|downing|telan|makan) (?:\w+ ){0,2}?(?:whole|entire|all|semua|full|sebotol|sekotak|sepapan|segenggam|satu) (?:\w+ ){0,2}?(?:strip|strips|box|bottle|pack|packet|papan|kotak|botol|pills|pil|ubat|panadol|tablets|meds|paracetamol)\b
(?:^|\b(?:i|im|i am|ive|i have|been|keep|kept|found myself|aku|saya|sy)\b)(?: \w+){0,2}? (?:standing|stood|stand|sitting|sat|berdiri|duduk) (?:at|on|di|atas|kat|dekat|by) (?:the )?(?:edge|tepi|hujung|ledge|railing|birai) (?:of )?(?:the |my |a |our |that )?(?:flyover|bridge|roof|rooftop|building|jambatan|bangunan|bumbung|jejantas|balcony|balkoni|cliff|tower|condo|tingkat|overpass|menara)\b
\b(?:planning|plan|planned|preparing|prepare|sorting out|arranging|rancang|merancang|sediakan|sedia) (?:my|for my|saya|aku) (?:own )?(?:goodbye|goodbyes|farewell|exit|final goodbye|perpisahan|pemergian)\b(?! (?:party|dinner|lunch|speech|do|makan|majlis|card|gift)\b)
\b(?:{FP}|{MS_FP}|just|already|dah|sudah|finally)(?: \w+)? (?:wrote|written|writing|write|drafted|drafting|finished|done|siap|tulis|menulis|dah tulis)(?: \w+){0,2}? (?:goodbye|farewell|suicide|perpisahan) (?:note|letter|notes|letters|surat|nota)\b(?!(?: \w+){0,4}? (?:team|colleagues|coworkers|class|students|office|retired|retirement|resign|resigned|pencen|bersara|kolej))
\bmy (?:goodbye|farewell|suicide|last|final) (?:note|letter|message)\b(?: \w+){0,4}? (?:drafts|saved|ready|done|written|sorry|siap|scheduled)\b
\b(?:relapsed|relapse|relapsing)\b(?: \w+){0,3}? (?:blade|blades|razor|razors|cutting|self harm|pisau|kelar|toreh)\b
\b(?:{FP}|{MS_FP}|ill|just|gonna|going to|nak|rasa nak|will)\b(?: \w+){0,2}? (?:jump|terjun|lompat|leap) (?:off |from |dari )?(?:my |our |the |this |rumah |atas )?(?:condo|flat|apartment|building|roof|rooftop|bangunan|bumbung|tingkat|floor|balcony|balkoni|kondo|pangsapuri|rumah pangsa)\b
\b(?:esok|tomorrow|by morning|esok pagi|pagi esok)(?: \w+){0,2}? (?:{MS_FP}|i) (?:dah )?(?:takkan|tak akan|tidak akan|wont|will not|won t|wont be|will not be) (?:ada|wujud|be here|be around|exist|around|here)(?: lagi| anymore| dah| any more)?\b(?! (?:for|at|in|during|on|to|untuk|masa|kat|dalam)\b)
# Round 6: self-harm by place, method search or farewell. A jump from a platform, a bridge or tracks; a
# search for painless ways to go; "if I'm not here tomorrow, tell my mum I'm sorry".
\b(?:{FP}|{MS_FP}|ready to|gonna|going to|nak|rasa nak|want to|wanna|might|just)\b(?: \w+){0,2}? (?:jump|terjun|lompat|leap) (?:off|from|dari|depan|in front of|onto|ke)(?: \w+){0,2}? (?:platform|lrt|mrt|ktm|train|tren|keretapi|bridge|jambatan|landasan|tracks|railway|cliff|highway|lebuhraya)\b
\b(?:painless|quickest|easiest|fastest|senyap)\b(?: \w+){0,1}? (?:ways?|methods?|cara) (?:to|untuk|nak) (?:go|die|mati|end it|pergi|not wake up)\b(?! (?:about|to|ke|there|back|home|online)\b)
\b(?:kalau|if|jika|kalo)\b(?: \w+){0,2}? (?:i|saya|aku|sy|i am)\b (?:\w+ )?(?:takde|tak ada|tiada|not here|not around|gone|no longer here|xde)\b(?: \w+){0,4}? (?:tell|bagitahu|bagitau|beritahu|cakap kat)(?: \w+){0,4}? (?:sorry|maaf)\b
# Round 7 (heldout_8's misses, by kind): pills saved "to make it all stop", letters or notes written before
# going, "not gonna be around much longer", "plan to be gone", a misspelt "kil myself", Manglish "want to
# mati", a jump from a flat or into a river in short Malay (`nk lompat dr flat`, `terjun sungai`), ending
# "everything" tonight in Malay, a rope tied to a fan.
\b(?:make|making) (?:it|everything|the pain|it all) (?:all )?stop (?:for good|forever|permanently|for ever)\b
\b(?:saved|saved up|collected|kept|hidden|hid|simpan|kumpul) (?:up )?enough (?:\w+ ){0,4}?(?:pills|tablets|meds|sleeping pills|sleeping tablets|ubat|pil|panadol|paracetamol)\b
\b(?:writing|wrote|written|write|left|leaving|prepared|finished|drafted) (?:\w+ ){0,2}?suicide (?:notes?|letters?)\b
\b(?:writing|wrote|written|write|left|leaving|prepared|finished|drafted) (?:\w+ ){0,2}?(?:goodbye|farewell|final|last) (?:notes?|letters?|messages?) (?:to|for) (?:my |all my |each of my )?(?:family|mum|mom|mother|dad|father|brothers?|sisters?|parents|kids|children|wife|husband|loved ones|friends)\b(?! (?:before (?:i|we) (?:move|moving|fly|leave for|migrate)|when))
\b(?:wrote|written|writing|finished|drafted) my (?:goodbye |farewell |final |last )?(?:letters|notes)(?: already)?\b(?! (?:for|on|about|from|of|in|during)\b)(?!.*\b(?:quiz|exam|test|class|lecture|slides|study|revision|kuiz|peperiksaan|kelas|ulangkaji|assignment|homework|meeting|minutes)\b)
\b(?:{FP}|{MS_FP}) (?:\w+ ){0,2}?(?:plan|planning|going|want|wanna|ready|intend) (?:to )?be gone (?:before|by|soon|tonight|forever|for good)\b
\b(?:not|never|wont|will not|aint) (?:gonna |going to )?be (?:around|here|alive) (?:much |for much |very much )?(?:longer|tomorrow|after tonight|by next week)\b
\b(?:kill|kil|kll|kiill) (?:my self|myself|mysef)\b
\b{FP} (?:\w+ ){0,2}?{WANT} (?:to )?(?:mati|mampus)\b
(?<!dia )(?<!orang )(?<!mereka )\b(?:{MS_WANT}|{MS_FP}|nk|nak) (?:\w+ ){0,2}?(?:terjun|lompat) (?:dari |dr |dari atas |atas |ke |ke dalam |dalam )?(?:flat|bangunan|jambatan|tingkat|sungai|laut|tasik|lombong|empangan|menara|kondo|apartment|pangsapuri)\b
\b(?:baik|lebih baik|better) (?:{MS_FP} )?(?:terjun|lompat|jump) (?:\w+ )?(?:sungai|laut|tasik|lombong|river|sea|lake|bangunan|jambatan)\b
\b{MS_FP} (?:\w+ ){0,2}?(?:nak|akan|mahu|nk) (?:habiskan|tamatkan|akhiri|selesaikan) (?:semuanya|segalanya|semua ni|semua ini)\b
\b(?:tali|rope|noose) (?:\w+ ){0,3}?(?:ikat|diikat|gantung|tergantung|tied|hanging|ready|up) (?:\w+ ){0,3}?(?:kipas|siling|palang|fan|ceiling|beam|rafter)\b
# Round 7: "1" for "I" at the start of a leetspeak line ("1 w4nt t0 d1e" reads "1 want to die").
^1 (?:\w+ ){0,2}?{WANT} (?:to )?(?:die|end it all|end my life|kill myself|unalive)\b
# Round 11: the author together with someone else ("me and my niece both want to die", "me and my brother
# want to kill ourselves"): the author's own wish, for care, whoever else shares it.
\b(?:me|i) and (?:my |our )?(?:\w+ ){1,3}?{WANT} (?:to )?(?:die|be dead|end it all|end our lives|kill ourselves|unalive ourselves|commit suicide)\b(?! (?:laughing|of laughter|of embarrassment|of shame)\b)
# Round 14 (issue 13, kind 5: self-harm worded without a trigger word), by structure rather than wording:
# the author (first person, or a farewell from the author) with a predicate of ending, absence, burden or
# farewell; and plans, means and self-injury named without "die" or "kill". Benign look-alikes that must stay
# published (tests/screening/test_kinds_round14_threat_care.py): a return ("see you next week"), tiredness
# with a thing ("tak larat nak teruskan kerja"), study notes, a rope for a tent, a burden in old age.
@BURDEN = (?:problem|burden|bother|nuisance|trouble|masalah|beban|menyusahkan)
@LATER = (?:much longer|for much longer|for long|any longer|anymore|any more|soon|after tonight|after today|after this|lagi|lepas ni|lepas malam ni|tak lama lagi|dah tak lama)
@KIN = (?:mum|mom|mother|mama|mummy|dad|father|papa|daddy|parents|family|wife|husband|kids|children|sister|brother|mak|emak|ibu|ayah|abah|bapa|keluarga|famili|family|anak anak|isteri|suami|adik|abang|kakak)
@RETURN = (?:see (?:you|u|ya|y all|everyone|all)|jumpa (?:lagi|nanti|esok|minggu|next|korang|semua|anda)|next (?:week|time|session|month|class|webinar|year|talk|episode)|minggu depan|bulan depan|tahun depan|until next|till next|catch (?:you|u)|recording|rakaman|bye for now|later guys|back (?:in|after|soon)|brb)
# ... not being a burden or a problem for long ("I won't be a problem much longer", "soon I won't be anyone's
# problem", "aku takkan susahkan sesiapa lagi").
\b(?:i|ill|i will|i ll|im|i am|i m|soon i|aku|saya|sy|i)\s(?:\w+ )?(?:wont|will not|won t|will no longer|wont be|am not going to|m not gonna|takkan|tak akan|tidak akan|x akan) (?:be |jadi |menjadi )?(?:a |an |anyone s |anyones |anybody s |anybodys |your |everyone s |everyones |everybody s |everybodys |any |a big |one more )?{BURDEN}(?: (?:to|for|on|kepada|pada|untuk) (?:anyone|anybody|everyone|you|you all|u|sesiapa|semua orang|korang|kalian|my \w+|\w+))? {LATER}\b(?!.*\b(?:mic|mik|microphone|camera|kamera|audio|sound|bunyi|internet|wifi|connection|lag|echo|noise|bising|muted|mute|spam|fixed|settled|sorted|paid|bayar|refund|login|log in)\b)
\b(?:aku|saya|sy|i) (?:\w+ )?(?:takkan|tak akan|tidak akan|tak kan) (?:susahkan|menyusahkan|bebankan|membebankan|ganggu|kacau) (?:\w+ ){0,2}?(?:lagi|selamanya|lepas ni)\b
# ... the author a burden ("I'm nothing but a burden to everyone", "aku ni beban je pada keluarga", "sorry for
# being a burden"); a burden of work, debt, tax or proof is not one, nor being a burden in old age.
\b(?:im|i am|i m|i feel like|i feel|i ve been|ive been|i have been|i was|i just|aku|saya|sy|aq)(?: (?:just|only|nothing but|such|really|always|so|ni|ini|cuma|hanya|memang|rasa|macam|jadi))*(?: a| an)? (?:burden|beban)(?! (?:of|kerja|hutang|tugas|cukai|kewangan)\b)(?!.*\b(?:old age|when i m old|when im old|when i am old|retire|retirement|pencen|bersara|financially|kewangan|hari tua|bila tua|dah tua)\b)
\b(?:sorry|apologies|maaf|maafkan (?:aku|saya)) (?:for |sebab |kerana |because )?(?:being|i was|i am|im|i m|jadi|menjadi|selalu jadi) (?:such )?(?:a |an )?(?:burden|beban|masalah|nuisance|problem)\b
# ... the world easier without the author ("everyone's life would be easier without me around", "semua orang
# lagi senang kalau aku takde", "better i tak ada lagi").
\b(?:everyones|everybodys|everyone|everybody|every one|semua orang|semua|familys|family|keluarga|world|dunia|you all|korang|kalian|they|mereka|life|lives|hidup)(?: s)?(?: \w+){0,3}? (?:would be |will be |d be |is |akan |jadi )?(?:better|easier|happier|lighter|simpler|peaceful|senang|lagi senang|lebih senang|bahagia|lebih bahagia|lagi bahagia|tenang|lagi tenang)(?: \w+){0,2}? (?:without me|if i (?:was|were|am|m|wasnt|weren t) (?:gone|dead|not around|not here|never born|here)|if i disappear(?:ed)?|once i m gone|once im gone|when i m gone|when im gone|kalau (?:aku|saya|sy|i) (?:takde|tiada|tak ada|xde|mati|hilang|pergi|tak wujud|tak pernah lahir)|tanpa (?:aku|saya))\b
\b(?:better|baik|lebih baik|lagi baik|bagus) (?:kalau |if )?(?:aku|saya|sy|i|aq) (?:\w+ )?(?:takde|tiada|tak ada|xde|tak wujud|tak pernah lahir|never born|gone|not around)(?: lagi| je| saja| terus| langsung| kat dunia ni| dalam dunia ni| di dunia ini| anymore)?(?=$| (?:everyone|semua|all|korang|family|keluarga|happier|senang|tenang|better)\b)
# ... a farewell from the author with a mark of finality and no return ("goodbye everyone, thanks for
# everything", "selamat tinggal semua, maafkan aku"; not "goodbye everyone, see you next week!").
\b(?:goodbye|good bye|bye|farewell|selamat tinggal|salam perpisahan)(?! (?:\d+|tahun|year|zoom|teams|wifi|lag|office|pejabat)\b)(?: (?:everyone|everybody|all|semua|world|dunia|guys|korang|kawan kawan|friends|all of you|semua orang))?(?: \w+){0,6}? (?:thank you for everything|thanks for everything|terima kasih untuk segalanya|terima kasih atas segalanya|terima kasih untuk semuanya|sorry for everything|forgive me|maafkan (?:aku|saya|sy)|maafkan segala|halalkan|i love you all|sayang korang semua|take care of my \w+|jaga (?:mak|ayah|keluarga|anak) (?:aku|saya))\b(?!.*\b(?:{RETURN}|session|sesi|speaker|speakers|host|panel|penceramah|great|awesome|informative|bermanfaat|useful|ilmu|knowledge)\b)
\b(?:thank you for everything|thanks for everything|terima kasih untuk segalanya|terima kasih atas segalanya|sorry for everything|forgive me|maafkan (?:aku|saya|sy)|halalkan (?:makan minum|segala))(?: (?:everyone|everybody|all|semua|guys|korang))?(?: \w+){0,4}? (?:goodbye|good bye|farewell|selamat tinggal|this is goodbye|this is the end|ini kali terakhir|kali terakhir)\b(?!.*\b{RETURN}\b)
# ... the last time anyone hears from the author ("this is the last time you'll hear from me", "ini kali
# terakhir korang dengar dari saya").
\b(?!.*\b{RETURN}\b)(?:last time|final time|kali terakhir) (?:you all |you |anyone |everyone |u |korang |kalian |anda |semua |awak |kau )?(?:will |ll |gonna |akan )?(?:hear|see|dengar|jumpa|nampak|tengok)(?: \w+)? (?:from|of|dari|daripada) (?:me|aku|saya|sy)\b
# ... the author's mother or family told sorry in a last message ("this is my last webinar, tell my mum sorry").
\b(?:tell|please tell|tolong (?:bagitahu|bagitau|beritahu|cakap (?:kat|dekat|pada))|bagitahu|bagitau|beritahu|cakap kat) (?:my |kat |dekat |pada |kepada )?{KIN}(?: (?:aku|saya|sy|i))? (?:that )?(?:i m |im |i am |aku |saya )?(?:sorry|minta maaf|maaf|i love (?:her|him|them|you)|aku sayang (?:dia|mereka))\b(?! (?:for (?:being )?late|i m late|im late|i ll be late|ill be late|lambat|terlambat|i can t make it|cant make it|i missed|i can t join|i cant join|i can t come|i cant come|tak dapat|tak boleh|x dapat|i couldnt|i could not)\b)
# ... tired of life in Malay with a word between ("penat dah hidup", "sudah penat la hidup ni"); tired of
# living somewhere or with something ("penat hidup dalam hutang") is a complaint about that thing.
\b(?:penat|letih|bosan|jemu|muak|lelah)(?: (?:dah|sudah|sangat|gila|sgt|la|lah|betul|sungguh|nak|dengan|dgn)){1,3} (?:nak |dengan |dgn )?hidup\b(?! (?:dalam|di|kat|dekat|macam|cara|berhutang|sorang|seorang|sendirian|bujang|susah|miskin|kat kl|di kl|di bandar)\b)
# ... no strength left to go on, said of life itself ("dah tak larat nak teruskan", "aku dah tak larat nak
# teruskan semua ni"); "tak larat nak teruskan kerja hari ni" is tiredness with work.
\b(?:tak|tidak|dah tak|x|dah x|sudah tak) (?:larat|mampu|sanggup|kuat) (?:lagi )?(?:nak |untuk )?(?:teruskan|bertahan|hadap|tempuh|go on|continue)(?: (?:hidup|lagi|semua ni|semua ini|semuanya|hidup ni|hidup ini|macam ni|begini|dah|je))*(?=$| (?:aku|saya|sy|maaf|maafkan|selamat|goodbye|bye|penat|letih|sorry)\b)
\b(?:cant|cannot|can not|can t) (?:keep going|go on|carry on|do this|hold on|take it|take this|handle this|handle it)(?: (?:anymore|any more|like this|much longer|no more))*(?=$| (?:i m done|im done|i am done|goodbye|bye|sorry|forgive|its over|it s over)\b)
# ... plans and means without "die": one's own pills saved or hidden ("I've been saving my pills"), one's note
# or a letter to one's family written ("wrote my note already", "the note for my mum is already written"),
# a rope, poison or charcoal bought ("dah beli tali"; not a rope for a tent, a tie or a shoelace).
\b(?:{FP}|{MS_FP}|dah|sudah|been|still)(?: \w+){0,2}? (?:saving|stockpiling|hoarding|collecting|keeping|hiding|hid|stashing|stashed|saved|kept|simpan|sorok|kumpul|menyimpan|mengumpul|sembunyi|sembunyikan) (?:up )?(?:all )?(?:my |all my |semua |banyak |(?:\w+ )?)(?:sleeping |tidur )?(?:pills|meds|tablets|medication|painkillers|pil|pil tidur|ubat|ubat tidur|panadol|paracetamol)\b(?! (?:for (?:my |the |a )?(?:trip|travel|holiday|flight|journey|kids?|mum|mom|dad|clinic|appointment)|in (?:a |the |my )?(?:pill organi[sz]er|pill box|fridge|peti ais|kotak ubat|organi[sz]er)|dalam (?:kotak|peti))\b)
\b(?:wrote|written|writing|finished|drafted|left|done|siap|tulis|dah tulis|siapkan) my (?:goodbye |farewell |final |last |suicide )?(?:note|letter)\b(?: already| dah)?(?! (?:for|on|about|from|of|in|during|to (?:the|my) (?:teacher|lecturer|boss|host|speaker|class|hr))\b)(?!.*\b(?:quiz|exam|test|class|lecture|slides|study|revision|kuiz|peperiksaan|kelas|ulangkaji|assignment|homework|meeting|minutes|resign|resignation|notice)\b)
\b(?:the |my |a )?(?:goodbye |farewell |final |last )?(?:note|letter|letters|notes|surat|nota|pesanan)(?: terakhir)? (?:for|to|untuk|kepada) (?:my |all my )?{KIN}(?: (?:aku|saya|sy))? (?:is |are |dah |sudah |already )*(?:written|ready|done|finished|siap|ditulis|sedia|on my desk|on the table|atas meja|in my drawer|dalam laci)\b
\b(?:{FP}|{MS_FP}|dah|sudah|already|just|finally|akhirnya)(?: \w+){0,2}? (?:bought|buy|got|beli|membeli|dapat|sediakan|siapkan|prepared|ordered|order) (?:\w+ )?(?:a )?(?:tali(?! (?:kasut|leher|pinggang|jam|beg|pancing|raket|gitar|ampaian|lampu|barut|air|tangan|pusat|kamera|lanyard|tag|khemah))|rope|noose|racun|poison|arang|charcoal|paraquat|weedkiller|racun rumput|racun tikus|rat poison)\b(?!(?: \w+){0,4}? (?:untuk|for|buat|to tie|to hang (?:the|a|my|clothes|baju)|nak ikat|nak jemur|nak gantung (?:baju|kain|langsir))\b)(?!.*\b(?:bbq|barbecue|panggang|bakar|satay|sate|steamboat|grill|camping|khemah|perkhemahan|kebun|garden|tikus|rats?|rumput|lalang|weeds|semut|lipas|ants|cockroach|pests?|jemur|ampaian|clothesline)\b)
# ... self-injury taken up again ("I've started cutting again", "burned myself with a lighter again"); an
# accident in the kitchen or while shaving is not.
\b(?:{FP}|{MS_FP}|been|started|start|back to|went back to|keep|kept)\b(?: \w+){0,2}? (?:cutting|burning|hurting|scratching|harming|self harming|kelar|toreh|hiris|cederakan)(?: myself| my (?:wrists?|arms?|legs?|thighs?|skin)| diri| tangan| lengan| pergelangan)?(?: (?!back|down|on|out|off|up|costs?|spending|calories|carbs)\w+){0,4}? again\b(?!(?: \w+){0,3}? (?:onions?|vegetables|sayur|bawang|the video|the clip|video|costs?|hair|rambut|coupons?|paper|kertas|kain|cloth|wood|kayu|getah|rubber)\b)(?!.*\b(?:getah|rubber|paper cut|cooking|masak|shaving|ironing|chopping|slicing|kitchen|dapur|accident|accidentally|tak sengaja|futsal|football|bola|gym|running|jogging|badminton|basketball|training|match|fell|jatuh|terjatuh|slipped|tergelincir|tripped|sugar|gula|carbs|rokok|smoking|coffee|kopi|expenses|belanja|spending|screen time|calories|kalori)\b)
\b(?:burned|burnt|cut|scratched|hurt|harmed|punched|hit|bit|toreh|kelar|hiris)\s(?:myself|my self|diri sendiri)\b(?: \w+){0,4}? (?:again|lagi|on purpose|deliberately|dengan sengaja)\b(?!.*\b(?:cooking|masak|shaving|ironing|chopping|slicing|kitchen|dapur|accident|accidentally|tak sengaja|futsal|football|bola|gym|running|jogging|badminton|basketball|training|match|fell|jatuh|terjatuh|slipped|tergelincir|tripped|sugar|gula|carbs|rokok|smoking|coffee|kopi|expenses|belanja|spending|screen time|calories|kalori)\b)
# ... a letter to one's family written, with an apology or farewell or "already" ("dah tulis surat untuk mak,
# maafkan aku", "i dah tulis note for my family already").
\b(?:tulis|wrote|written|writing|dah tulis|siap tulis|left|tinggalkan|prepared|sediakan) (?:\w+ )?(?:note|letter|surat|nota|pesanan)(?: terakhir)? (?:for|to|untuk|kepada) (?:my |all my )?{KIN}\b(?=.*\b(?:sorry|maaf|maafkan|goodbye|selamat tinggal|love you|sayang|forgive|halalkan|already|dah siap)\b)(?!.*\b(?:birthday|hari jadi|raya|holiday|cuti|trip|travel|christmas|krismas|anniversary|thank you card|kad)\b)
# ... a goodbye note presented as such ("this is my goodbye note to everyone in this chat"), and nothing left
# to stay or live for ("sold my stuff and cleared what I owed, nothing left to stay for"); a farewell at
# retirement or a move is not one.
\b(?:this is|here is|here s|heres|ini|inilah) my (?:goodbye|farewell|suicide|final) (?:note|letter|message)\b(?!.*\b(?:retire|retiring|retirement|resign|resigning|pencen|bersara|moving|pindah|last day|farewell party|new job|kerja baru|graduat\w*|konvo|transfer)\b)
\b(?:nothing|no reason|nobody|no one|tiada apa|takde apa|tak ada apa|tiada sebab|takde sebab)(?: left| lagi)? (?:to|for me to|untuk|nak|yang) (?:stay|live|stick around|keep going|hidup|tinggal|bertahan)(?: (?:for|untuk))?\b(?!(?: \w+){0,3}? (?:the|this|that|job|kerja|company|syarikat|town|city|bandar|kl|webinar|session|sesi|q ?a|event|meeting|class|kelas|party|majlis)\b)
