# First-person self-harm and suicide, English and Malay, matched on the NORMALISED text (leetspeak,
# short forms and spacing already undone: "k1ll", "kms", "s u i c i d e"). One regular expression per
# line; "@NAME = ..." lines define macros used as {NAME}. A match holds the question for the care queue.
# "@TRIGGERS = ..." lists words of which every pattern needs at least one (whole canonical words): a
# comment with none of them skips the file. A new pattern must keep that true (tests/screening check it
# on every example).
@TRIGGERS = stockpiling hoarding saving collecting kumpul simpan done planning plan ready worth tiada takde tak tidak xde no reason myself self meself life mysel myslef die dead end wake suicide unalive unaliving unalived disappear existing exist sleep sewerslide sewer selfdelete kermit commit suicidal out want wanna wish point use living going alive better anymore more born nobody overdose overdosing overdosed od oding pills meds tablets jump jumping jumped wrists wrist arms arm throat bunuh hidup mati nyawa diri tangan lengan pergelangan urat tanpa terjun lompat pil ubat panadol racun clorox peluntur gantung hilang lenyap gone forever permanently vanish pill tablet medication medicine medicines capsules paracetamol painkillers prescription goodbye farewell letter letters note notes surat nota pesanan wasiat terakhir perpisahan riwayat selamanya lamanya hilangkan tired sick breathing bangun drive driving crash swerve rope tali poison arang charcoal paraquat enough cukup jejantas window tingkap floor tingkat dunia miss kisah peduli rindu perasan akhiri akhirkan tamatkan over finished musnah hancur leap leaping overpass flyover menara jeti landasan tracks railway ledge rooftop roof bumbung balkoni balcony bridge jambatan bangunan building cliff gaung tower kondo condo flat apartment pangsapuri crashing swerving langgar rempuh bottle botol sebotol handful segenggam razor blades weedkiller see standing sitting berdiri duduk cutting harming takes take make survive night morning tomorrow esok subuh imagine bayangkan nampak toreh kelar hiris tikam cederakan sakitkan lukakan how strip strips swallow swallowing swallowed telan drafts relapsed relapse relapsing blade edge birai jump terjun lompat leap painless senyap quickest fastest easiest sorry maaf kil stop saved around longer sungai laut tasik lombong habiskan semuanya segalanya kipas siling noose fan ceiling problem burden bother nuisance trouble masalah beban menyusahkan susahkan bebankan membebankan bye tinggal forgive maafkan halalkan hear dengar love larat teruskan bertahan hadap tempuh continue carry hold handle burning scratching without happier easier senang bahagia tenang stay stick live disappeared vanished died pergi last final goodbyes takkan never tahan decided train tren lori lorry truck traffic sh selfharm cuts scars parut luka ending future ctb knife pisau lenyek gilis accident kemalangan dying death funeral burial pengebumian pain derita penderitaan berakhir tonight knowing away sedekahkan checking check checkout clocking arwah late favour favor deserve layak berhak malu suffering misery point needs need perlukan earth insurance insurans takaful biar biarkan
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
\b(?:tiada|takde|tak ada|tidak ada|xde|tak|apa) (?:gunanya|guna|sebab|makna|erti|gunanya lagi) (?:saya |aku )?(?:hidup|untuk hidup|teruskan hidup|hidup lagi)\b(?! (?:kalau tak|kalau tidak|jika tidak|jika tak|tanpa)\b)
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
\b(?:wish|want|wanna|hope) (?:i could |to |i can )?(?:\w+ ){0,2}?(?:sleep|fall asleep) and (?:never|not) wake up\b(?! (?:till|until|sampai|before|sebelum|early|awal|late|lambat|at|pukul|for|on time)\b)
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
@METHOD_DRUG = (?:pills?|meds|medication|medicine|tablets?|sleeping pills|panadol|paracetamol|painkillers|pil|ubat|ubat tidur|racun|bleach|clorox|peluntur|insulin|antidepressants|sleeping tablets)
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
# Round 15 (issue 13, kind 5: self-harm without a listed word), by kind rather than by example. A passive wish
# not to wake up, said with "not" or "never" after a wish or prayer ("wish I could just not wake up", "some
# nights I pray I won't wake up", "part of me wants to never wake up again"); not waking up early, late or
# with a headache.
@NOT_WAKE_AFTER = (?! (?:early|awal|late|lambat|at|pukul|for|on time|in time|before|sebelum|till|until|sampai|with|dengan|to (?:a|the|find|see)|and (?:find|see|realise|realize)|tomorrow (?:at|early))\b)
\b(?:wish|wishing|wished|hope|hoping|pray|praying|prayed|want|wants|wanna|harap|berharap|berdoa|doa|teringin)\b(?: \w+){0,3}? (?:not|never|dont|do not|wont|will not|tak|tidak|takkan|tak akan)(?: ever)? (?:wake up|wake(?! up)|bangun|sedar)\b{NOT_WAKE_AFTER}
\b(?:{MS_FP}|i) (?:\w+ )?(?:tak nak|taknak|tak mahu|tak ingin|x nak|xnak|dont want to|do not want to) (?:bangun|wake up)(?: (?:lagi|again|esok|tomorrow|pagi|anymore|dah))*(?=$| (?:je|jer|la|lah|dah)\b)(?!.*\b(?:cuti|holiday|weekend|hujung minggu|sejuk|cold|malas|lazy|tidur sampai|sleep in|alarm|kerja|work|sekolah|school|kelas|class)\b)
\b(?:{MS_WANT}|{WANT}|{MS_FP}|{FP}) (?:\w+ )?(?:tidur|sleep) (?:dan|and|terus|then|lepas tu) (?:tak|tidak|x|never|not|takkan|tak akan) (?:bangun|wake up|sedar)(?: (?:lagi|again|anymore))?\b{NOT_WAKE_AFTER}
# ... better if the author were gone, rather dead, nice not to exist ("it would be better if I disappeared",
# "I'd rather not be alive anymore", "would be nice to just not exist"); "I'd rather die than give my OTP" is a
# figure, and disappearing from a mailing list is no absence.
\b(?:would be|will be|d be|be|is|s|its) (?:so |much |a lot |far )?(?:better|easier|best) (?:for (?:everyone|everybody|all|my family|them|you all) )?if i (?:just )?(?:disappeared|disappear|vanished|was gone|were gone|was dead|were dead|wasnt here|wasnt around|werent here|was not here|never existed|didnt exist|did not exist|was never born|were never born|died|just died)\b(?! (?:from|for|off|on|in|at|to)\b)
\b(?:id|i d|i would|i)(?: \w+)? rather (?:be dead|die|not be alive|not exist|not live|stop existing|not wake up|not be here anymore|never wake up)\b(?! (?:than|then|from|for)\b)
\b(?:would be|it d be|itd be|be|is|s) (?:so |really )?(?:nice|easier|better|good|peaceful|a relief|great|best) (?:to |if i could )?(?:just )?(?:not exist|stop existing|not be alive|not wake up|never wake up|disappear forever|be dead|die|fall asleep forever|sleep forever)\b(?! (?:than|for (?:a|the|one|some)|in|on|from|at|laughing|of)\b)
# ... everything to stop for good, enough of life, wishing to be hit ("I just want everything to stop,
# permanently", "I've had enough of this life", "I keep wishing a lorry would hit me", "I hope I get into an
# accident so it all ends").
\b(?:want|wish|need|wanna|nak) (?:it all|everything|all of it|the pain|it|this|life|semuanya|segalanya|semua ni) to (?:stop|end|be over)\b(?: \w+)? (?:permanently|forever|for good|for ever|selamanya)\b
\b(?:had enough of|fed up with|dah cukup dengan|dah muak dengan) (?:this |my )?(?:life|hidup|living|being alive|existing)\b(?! (?:in|of|at|with|as|kat|di|dalam|here|abroad|overseas)\b)
\b(?:wish|wishing|wished|hope|hoping|pray|praying|harap|berdoa)\b(?: \w+){0,2}? (?:would |will |could |might )?(?:hit|run over|runs over|ran over|kill|langgar|lenyek|rempuh|gilis)(?: (?:me|aku|saya))\b(?! (?:up|back|with)\b)
\b(?:hope|wish|pray|harap|berdoa)(?: (?:i|saya|aku))? (?:get|got|kena|die|mati|end up) (?:in|into|dalam) (?:an |a )?(?:accident|crash|kemalangan)\b
# ... better off without the author, said of anyone ("my kids would be better off without me honestly"); not
# "without me on the mic" or "in charge".
\b(?:would|will|d|might|could|are|is) (?:all |so |much |far |a lot )?(?:be )?(?:better|happier) off without me\b(?! (?:on|in|at|for|as|being|there|here|around (?:the|this))\b)
# ... the author a trouble to everyone in Malay ("aku menyusahkan semua orang", "saya ni cuma menyusahkan
# keluarga je", "aku penat jadi beban"); an apology for a question, a late arrival or a mic is not.
\b{MS_FP}(?: (?:ni|ini|cuma|hanya|memang|je|asyik|selalu|sentiasa|rasa|dah|la|lah|just|only))* (?:menyusahkan|susahkan|membebankan|bebankan|jadi beban|menjadi beban|jadi beban kepada|jadi beban pada|a burden to|a burden on) (?:semua orang|semua|keluarga|family|mak|ayah|mak ayah|parents|orang|semua org|kawan kawan|korang|everyone|my family|you all|anak anak)\b(?!.*\b(?:soalan|question|tanya|lambat|lewat|late|mic|audio|sebab|pasal|kerana|dengan soalan|old|tua|pencen|retire)\b)
\b(?:penat|letih|bosan|tired of|sick of|hate|benci) (?:jadi|menjadi|being|asyik jadi) (?:a |an )?(?:burden|beban|masalah|problem|menyusahkan)\b(?! (?:kerja|hutang|tugas|cukai|of|at|in)\b)
# ... a farewell with finality in other words: the author's last post or message presented as such ("this is
# my last post, thank you all", "ini mesej terakhir saya"), a short "thank you all, goodbye" or "maaf semua,
# selamat tinggal" that is the whole comment, goodbye to the world, a love said before goodbye, "by the time
# you read this I'll be gone", things given away with the goodbyes said; a last post "on this topic", "for
# today", or with a return, is not.
\b(?:this is|this ll be|this will be|thisll be|here is|heres|here s) my (?:very )?(?:last|final) (?:post|message|comment|words)\b(?!(?: \w+){0,3}? (?:on|about|for today|for now|for this|for the|before|pasal|tentang|in this (?:thread|chat|topic)|hari ni|question|soalan|then|because|sebab|i ll|ill|i will)\b)(?!.*\b(?:{RETURN}|speaker|speakers|host|panel|penceramah|session|sesi|webinar|talk)\b)
\b(?:ini|inilah|this is)(?: \w+)? (?:mesej|post|pesanan|komen|message|kata kata|posting) (?:terakhir|last|final) (?:saya|aku|dari saya|daripada saya|dari aku|sy|from me)\b(?!(?: \w+){0,3}? (?:pasal|tentang|untuk hari|hari ni|untuk sesi|on|about|for today)\b)(?!.*\b(?:{RETURN}|speaker|host|panel|penceramah|sesi|session|webinar)\b)
^(?:thank you|thanks|thank u|terima kasih|tq|maaf|sorry|maafkan (?:aku|saya))(?: (?:all|everyone|everybody|semua|semua orang|korang|guys|for everything|untuk segalanya|atas segalanya))+ (?:goodbye|good bye|selamat tinggal|farewell)$
\b(?:goodbye|good bye|farewell|selamat tinggal) (?:cruel )?(?:world|dunia)\b(?! (?:of|cup|tour|record|war|news|series)\b)
\b(?:wanted|want) (?:to say|you (?:all |guys )?to know|to tell (?:you|everyone)(?: all)?) (?:that )?i love (?:you|u|everyone|all)\b(?=.*\b(?:goodbye|good bye|farewell|forgive me|sorry for everything|selamat tinggal)\b)(?!.*\b{RETURN}\b)
\b(?:by the time|when|once) (?:you|u|anyone|someone|korang|kalian|everyone) (?:all )?(?:read|see|reads|sees|baca|nampak) (?:this|ini|mesej ni|this message|this post)\b(?: \w+){0,2}? (?:i ll|ill|i will|i would|id|i d|i m|im|aku|saya) (?:be |dah |sudah |already |will be )*(?:gone|dead|tiada|takde|pergi|mati|no longer here|not be here|not here)\b(?! (?:for|to|on|from|ke|untuk|on holiday|bercuti)\b)
\b(?:given away|gave away|giving away|sedekahkan|dah bagi|dah beri) (?:all )?(?:my|barang|harta) (?:\w+ )?(?:things|stuff|belongings|possessions|barang barang|barang|harta|cats?|kucing)\b(?=.*\b(?:goodbyes?|farewell|selamat tinggal|wont need|won t need|will not need|tak perlu lagi|last|terakhir)\b)(?!.*\b(?:moving|move|pindah|migrate|retire|pencen|bersara|declutter|decluttering|charity|amal|raya|donation|derma)\b)
^(?!.*\b(?:retire|retiring|retirement|moving|move|pindah|office|colleagues|coworkers|team|flight|airport|trip|neighbours|neighbors|jiran|holiday|cuti|graduat\w*)\b)(?:.* )?said (?:all )?my (?:final |last )?goodbyes\b
# ... tomorrow the author gone, with a farewell; going away for ever ("esok aku dah takde, jaga diri semua", "aku
# nak pergi jauh, takkan balik lagi"); away on leave, moving or at the office is not.
\b(?:esok|tomorrow|malam ni|tonight|lepas ni)(?: \w+)? (?:{MS_FP}|i) (?:dah |sudah |already )?(?:takde|tiada|tak ada|xde|gone|pergi)\b(?=.*\b(?:jaga diri|take care|maafkan|halalkan|selamat tinggal|goodbye|sorry|forgive)\b)(?!.*\b(?:kat|di|dekat|in|at|cuti|leave|mc|outstation|office|pejabat|rumah|home|pindah|transfer|resign|oversea|overseas|kerja|work|flight|trip)\b)
\b(?:{MS_FP}|i)(?!.*\b(?:bercuti|cuti|holiday|vacation|travel|melancong|office|pejabat)\b)(?: \w+)? (?:nak |akan |will |gonna |want to )?(?:pergi|go|leave)(?: jauh| far away| away)?\b(?: \w+){0,2}? (?:takkan|tak akan|tidak akan|won t|wont|will not|never) (?:balik|kembali|come back|return)(?: lagi| again| anymore)?\b(?!(?: lagi| again| anymore)? (?:ke|to|kat|di|dekat)\b)(?!.*\b(?:pindah|migrate|move|moving|oversea|overseas|luar negara|australia|singapore|kerja|job|company|syarikat|bank|kedai|shop|group|grup|kumpulan)\b)
\b(?:sorry|maaf|maafkan (?:aku|saya)|forgive me) {KIN}\b.*\b(?:selamat tinggal|goodbye|dah tak tahan|tak tahan dah|cant take it|can t take it)\b(?!.*\b(?:{RETURN}|lag|wifi|internet|audio|sound|mic|connection|line|lambat|late)\b)
# ... means ready for tonight, the author swallowing them later, a rope tied with the author ready, a whole
# cabinet swallowed, how high a fall must be to kill, stepping in front of a train, driving off a bridge;
# pills ready for tonight's dose, a rope for a tent are not.
\b{METHOD_DRUG}\b(?: \w+){0,3}? (?:ready|sedia|siap|waiting|menunggu|lined up|counted|dah sedia|dah siap)(?: for| untuk)? (?:tonight|malam ni|malam ini|esok|tomorrow night)\b(?! ?s\b| (?:dose|dos)\b)
\b(?:decided|dah decide|dah putuskan|memutuskan|{METHOD_DRUG}\b.*)\b(?: \w+){0,2}? (?:(?:tonight|malam ni|malam ini) (?:is|s|adalah|la)|tonights) (?:the night|malamnya)\b
\b{METHOD_DRUG}\b.*\b(?:malam ni|malam ini|tonight|kejap lagi|nanti) (?:{MS_FP}|i) (?:nak |akan |will |gonna )?(?:telan|swallow|makan semua|take them all|take all)\b(?! (?:sebiji|dua|satu|one|two|\d+|sudu|spoon|biji|with|dengan|lepas makan|after|before|sebelum)\b)
\b(?:tali|rope|noose)\b (?:dah |sudah |already |is |has been )?(?:ikat|diikat|tied|ready|siap|sedia)\b(?: \w+){0,4}? (?:aku|saya|i m|im|i am|i) (?:dah |sudah |am |already )?(?:bersedia|sedia|ready)\b(?!.*\b(?:khemah|tent|camping|kem|perkhemahan|kayak|boat|bot|flying fox|climb|panjat|hiking)\b)
\b(?:swallow|take|telan|makan|down|drink)\b (?:everything|all|semua|whatever|every pill) (?:in|dalam|from|dari) (?:the |my )?(?:medicine cabinet|medicine cupboard|medicine box|kotak ubat|almari ubat|pill box|first aid kit)\b
\bhow (?:high|tall|far) (?:\w+ ){0,7}?(?:to not survive|not to survive|to die|to end it|to kill myself|to kill me|to be fatal for me)\b
\b(?:{FP}|{WANT}|{MS_WANT}|{MS_FP}|just|gonna)(?: \w+){0,3}? (?:step|walk|jump|throw myself|berdiri|lompat|terjun|baring|lie down|lay down) (?:in front of|infront of|depan|di depan|ke depan|on|onto|atas|di atas) (?:a |the |an |that )?(?:train|tren|lrt|mrt|ktm|keretapi|lorry|lori|truck|bus|bas|traffic|landasan|tracks|railway|rail)\b(?<!step on the train)(?<!step onto the train)(?<!walk onto the train)(?<!step on a train)(?<!on the bus)(?<!onto the bus)(?<!on a bus)(?<!on the lrt)(?<!on the mrt)(?<!on the ktm)(?<!atas bas)(?<!on the train)(?<!onto the train)(?<!on a train)
\b(?:{FP}|{WANT}|{MS_WANT}|{MS_FP}) (?:\w+ ){0,3}?(?:drive|driving|crash|crashing|swerve|swerving|langgar|rempuh|pandu|bawa kereta) (?:\w+ ){0,2}?(?:off|into|masuk|ke dalam|dari) (?:a |the )?(?:\w+ ){0,2}?(?:bridge|jambatan|cliff|gaung|river|sungai|sea|laut)\b
# ... self-injury: cutting again at the start of a sentence, a relapse into self-harm, "sh" done again
# ("cutting again tonight", "relapsed last night after 200 days clean of sh", "been doing sh again"), fresh
# cuts on the author's arms; cutting onions or costs again, clean for two years, cuts from a cat are not.
^(?:cutting|burning myself|harming myself|self harming|toreh|kelar|hiris tangan)(?: myself| my arms?| my wrists?| tangan| lengan)? (?:again|lagi)\b(?! (?:onions?|vegetables|sayur|bawang|costs?|hair|rambut|coupons?|paper|kertas|kain|cloth|wood|kayu|getah|rubber)\b)(?!.*\b(?:cooking|masak|dapur|kitchen|sugar|gula|carbs|expenses|belanja|spending)\b)
(?:^|\b(?:i|ive|i have|i ve|just|finally|aku|saya|sy|and|so)\b )(?:\w+ ){0,2}?(?:relapsed|relapse|broke my (?:\w+ )?streak|lost my (?:\w+ )?streak)\b(?: \w+){0,8}? (?:sh|self harm|selfharm|self harming|cutting|cut|blade|blades|razor|toreh|kelar|pisau)\b(?! (?:down|back|out|off)\b)
\b(?:{FP}|{MS_FP}|been|started|start|back to|went back to|keep|kept|doing|did)\b(?: \w+){0,2}? (?:sh|self harm|selfharm|self harming|self harmed|self injury|self injuring)\b(?: \w+){0,3}? (?:again|lagi|tonight|malam ni|semalam|last night)\b(?!.*\b(?:research|study|thesis|talk|webinar|awareness|topic|article|artikel|kajian|class|kelas|talks?|seminar)\b)
\b(?:fresh|new|baru) (?:cuts|scars|luka toreh|kesan toreh|kesan kelar|wounds)\b(?: \w+){0,3}? (?:on my|kat|di|again|lagi|on both)\b(?!.*\b(?:cats?|kucing|kitten|surgery|operation|pembedahan|accident|kemalangan|thorns?|duri|garden|kebun|cooking|masak|shaving|cukur|paper|kertas|dogs?|anjing)\b)
\bmy (?:arms?|wrists?|thighs?|legs?) (?:are |is )?(?:covered in|full of) (?:fresh |new )?(?:cuts|scars)\b(?!.*\b(?:cats?|kitten|surgery|operation|accident|thorns?|garden|cooking|shaving|paper|dogs?|rose|roses|brambles?|from (?:the|a|my))\b)
\b(?:lengan|tangan|peha|pergelangan tangan) (?:aku|saya|sy) (?:penuh|penuh dengan) (?:luka|parut|kesan toreh|kesan kelar)\b(?!.*\b(?:kucing|pembedahan|kemalangan|duri|kebun|masak|kertas|anjing|jatuh|terjatuh)\b)
# ... ending "it" or "everything" tonight in Manglish and at the start of a comment ("sumpah i rasa nak end
# everything tonight", "life sucks i nak end it je", "ending it after this session"); ending a contract, a
# subscription or a relationship is not.
\b(?:{MS_WANT}|{WANT}) (?:\w+ ){0,2}?(?:end|tamatkan|habiskan|akhiri) (?:everything|it all|semuanya|segalanya|semua ni|my life)\b(?: (?:tonight|malam ni|today|hari ni|now|sekarang|for good|je|jer))+\b(?!.*\b(?:with (?:him|her|my|them)|relationship|contract|kontrak|subscription|langganan|membership|account|akaun|meeting|mesyuarat|session|sesi|webinar)\b)
\b(?:{MS_FP}|i) (?:\w+ )?(?:nak|mahu|rasa nak|teringin nak) (?:end it|end it all|end everything|end my life)\b(?: (?:je|jer|saja|aja|la|lah|now|tonight|malam ni|sekarang))*(?=$|[,.!?]| (?:la|lah|je|jer)\b)
(?:^|\b(?:i m|im|i am|ill|i ll|gonna|just)\b )(?:ending it|end it)(?: all)? (?:tonight|today|after this|soon|for good|after (?:this|the) (?:session|webinar|talk|call))\b(?!.*\b(?:with (?:him|her|my|them)|relationship|contract|subscription|membership|account|akaun|plan|langganan|we|kita|kami|our)\b)
# ... no one caring, no future, nothing left to live for ("kalau i mati esok pun no one cares", "kalau aku
# takde pun takpe", "i rasa better i takde in this world", "I can't see a future for myself anymore").
\bkalau {MS_FP} (?:mati|takde|tiada|hilang|pergi|bunuh diri)\b(?: \w+){0,3}? (?:pun |pon )?(?:no one|nobody|noone|none of you|tiada siapa|takde siapa|tak ada siapa) (?:would |will )?(?:cares|care|notice|kisah|peduli)\b
\bkalau (?:aku|saya|sy|i) (?:\w+ )?(?:takde|tiada|tak ada|xde|mati|hilang)(?: (?:esok|lagi|terus))? (?:pun|pon) (?:takpe|tak apa|takpa|xpe|tak kisah|tak rugi|takde siapa kisah|ok je|okay je|sama je)\b(?!.*\b(?:meeting|mesyuarat|kelas|class|sesi|session|webinar|rakaman|recording|esok kita|korang teruskan|teruskan je|event|majlis|kerja|office|pejabat|rumah|home|kat|dekat|di)\b)
\b(?:better|baik|lebih baik|lagi baik|bagus) (?:kalau |if )?(?:aku|saya|sy|i|aq) (?:\w+ )?(?:takde|tiada|tak ada|xde|tak wujud|tak pernah lahir|not exist|didnt exist) (?:in this world|in the world|kat dunia|dalam dunia|di dunia|dari dunia|in this life|langsung)\b
\b(?:cant|cannot|can t|dont|do not|no longer|tak|tidak|dah tak) (?:see|nampak) (?:a |any |apa apa )?(?:future|masa depan)(?: for (?:myself|me)| untuk (?:diri )?(?:saya|aku)| (?:saya|aku))? (?:anymore|any more|lagi|dah)\b
# ... wanting to vanish from the world and to overdose in Malay without "aku" (`nak hilang je dari dunia ni`,
# `terfikir nak overdose ubat`); "jangan cuba overdose" is advice.
\b(?:{MS_WANT}|nk) (?:hilang|lenyap|pergi|hilangkan diri)(?: (?:je|jer|saja|aja|terus|la|lah))* (?:dari|daripada) (?:dunia|muka bumi)(?: ni| ini)?\b(?! (?:maya|siber|digital|media|online|internet|sosial|social)\b)
(?<!jangan )(?<!tak )(?<!tidak )\b{MS_WANT} (?:overdose|od|overdos)\b(?! (?:risk|risiko)\b)
# ... a wish to die closing a complaint ("aku dah tak tahan hidup macam ni, nak
# mati"); abbreviations on forums: "ctb" ("catch the bus") with a want or a time ("thinking of ctb tonight").
\b(?:tak tahan|tak sanggup|cant take it|can t take it|cant stand it)\b(?: \w+){0,5}? (?:nak|rasa nak|ingin|mahu|baik) mati(?: je| jer| saja| la| lah| dah)?$
\b(?:{FP}|{WANT}|thinking of|thinking about|time to|ready to|gonna|going to|decided to|nak|rasa nak)\b(?: \w+){0,2}? ctb\b(?! (?:to|ke|home|balik|stop|station|from)\b)
# ... the emoji reading (rules.self_harm_hits, care_emoji.tsv): the blade named the only friend or relief.
\b(?:blade|blades|razor|razors|knife|pisau)\b(?: \w+)? (?:is|are|jadi) my (?:only|best) (?:friend|friends|relief|comfort|escape|kawan)\b
# ... a wider second batch of shapes (round 15, written before these lines): thinking about dying, all one
# wants being to sleep forever, the will to live lost, tired of fighting to stay alive, the pain ending
# tonight, nobody caring if the author jumped, not seeing oneself make it to next year, nobody having to deal
# with the author soon, "nice knowing you", the last day on earth, one's own funeral planned (not a takaful
# plan), the insurance "at least", pills with alcohol tonight (not a safety question), staring at the means,
# no way out but death, giving up on life (not "don't give up"), life not worth it, ending everything tonight, wanting to sleep forever (not this weekend),
# "don't look for me" if the author is gone, `biar aku pergi`, `korang takkan jumpa aku lagi`.
\b(?:{FP}|{MS_FP}) (?:\w+ ){0,2}?(?:think|thinking|thought|dream|dreaming|fantasi[sz]e|fantasi[sz]ing) (?:about|of) (?:dying|my death|my own death|ending it|ending my life|killing myself|not existing|not being alive|not being here)\b(?! (?:my|her|his|the|your) (?:hair|clothes|shirt)\b)
\b(?:all i want|all i wanna|all i need|the only thing i want)(?: to do)? is (?:to )?(?:just )?(?:die|sleep forever|disappear|not exist|end it|be dead|be gone|never wake up|stop existing|not wake up)\b(?! (?:this|on|after|till|until|for|in|at|from|today|tomorrow)\b)
\b(?:i|ive|i have|i ve|im|i m|aku|saya|sy)(?: \w+){0,2}? (?:lost|losing|no|have no|tiada|takde|hilang) (?:the |my |all |any )?(?:will|desire|reason|semangat|keinginan) (?:to live|to go on|to keep living|untuk hidup|nak hidup|hidup)\b
\b(?:tired of|sick of|exhausted from|penat) (?:fighting|trying|struggling|berjuang|bertahan) (?:to stay alive|to live|to keep living|to exist|untuk hidup|nak hidup|to keep going)\b
\b(?:the pain|my pain|it all|everything|semua ni|semuanya|segalanya|derita|penderitaan|sakit ni) (?:will|akan|is going to|gonna) (?:end|stop|be over|berakhir|tamat|habis) (?:tonight|malam ni|malam ini)\b(?!.*\b(?:sale|promo|offer|tawaran|webinar|session|sesi|event|majlis|contest|peraduan|registration|pendaftaran)\b)
\b(?:nobody|no one|noone|none of you|tiada siapa|takde siapa|tak ada siapa) (?:\w+ ){0,2}?(?:care|cares|notice|miss me|kisah|peduli|rindu) (?:if|kalau) (?:i|aku|saya) (?:jumped|jump|ended it|overdosed|wasnt here|werent here|wasn t here|left for good|terjun|lompat|takde|tiada|mati)\b(?! (?:the|a|ship|queue|line|ahead|barisan|giliran|kat|di|dekat)\b)
\b(?:dont|do not|cant|cannot|can t|don t) see myself (?:making it|surviving|living|being here|being alive|around) (?:to|till|until|past|through) (?:next|the end|another|my|this)\b(?!(?: \w+){0,3}? (?:session|webinar|meeting|class|event|talk|sesi|q a|deadline|payday|gaji)\b)
\b(?:nobody|no one|noone|none of you|you all|everyone|korang|semua orang) (?:will|wont|won t|will not|akan|takkan)(?: (?:have to|need to|perlu|kena))? (?:deal with|put up with|worry about|tolerate|hadap|layan|risau pasal|susah pasal) (?:me|aku|saya)(?: \w+)? (?:soon|anymore|much longer|lagi|dah|after tonight|lepas ni)\b(?!.*\b(?:{RETURN}|mic|camera|audio|questions?|soalan|leave|cuti|holiday|moving|pindah|resign|retire|pencen)\b)
\b(?:it was|its been|it s been|was|been) (?:nice|good|great|an honou?r|a pleasure|lovely) knowing (?:you|u|y all|yall|everyone|all of you)\b(?!.*\b(?:{RETURN}|job|company|team|office|resign|resigning|retire|retiring|moving|pindah|last day at|new role|graduat\w*)\b)
(?<!if its )(?<!if it was )(?<!if it were )(?<!if this was )(?<!if today was )(?<!kalau )\b(?:its|it s|this is|today is|hari ni) (?:my|hari) (?:last|final|terakhir) (?:day|night) (?:on earth|alive|of my life|in this world|di dunia|aku hidup|saya hidup|aku di dunia)\b
\b(?:{FP}|{MS_FP})(?: \w+){0,2}? (?:planning|plan|planned|arranging|preparing|rancang|merancang|sediakan) my (?:own )?(?:funeral|burial|pengebumian)\b(?!.*\b(?:takaful|insurance|insurans|policy|polisi|will|wasiat|estate|khairat|plot|package|pakej|pre need|savings?|old|tua|retire|pencen)\b)
\b(?:family|keluarga|kids|anak anak|wife|isteri|husband|suami|parents|mak ayah)(?: \w+){0,3}? (?:will|would|can|boleh|akan|dapat|get) (?:\w+ )?(?:my )?(?:insurance|life insurance|insurans|takaful|epf|kwsp)(?: money| payout| duit| wang)? (?:at least|sekurang kurangnya|paling kurang|lah at least)\b
^(?!.*\b(?:safe|selamat|boleh ke|can i|is it|should i|okay to|ok to|bahaya|dangerous|risk|risiko)\b)(?:.* )?{METHOD_DRUG} (?:and |with |plus |dengan |campur )?(?:alcohol|alkohol|vodka|whisky|whiskey|beer|arak|wine) (?:\w+ ){0,2}?(?:tonight|malam ni|malam ini)\b
\b(?:staring at|looking at|tengok|pandang|holding|pegang|stare at)\b (?:the |my |these |those |all |semua )?(?:{METHOD_DRUG}|rope|tali|blade|pisau|razor|ledge|birai)\b(?: \w+){0,4}? (?:how easy it|how simple it|betapa senang|betapa mudah|easy it would be|easy it d be)\b
\b(?:tiada|takde|tak ada|tak nampak|tidak nampak|no|dont see any|can t see any|cant see any) (?:jalan|cara|pilihan|way|option|choice)(?: \w+){0,2}? (?:selain|except|other than|besides|but) (?:mati|bunuh diri|death|dying|to die|suicide|ending it|end it|ending my life)\b
\b(?:{FP}|{MS_FP})(?: (?!dont|don|do|not|never|jangan|tak|won|wont)\w+){0,3}? (?:give up on|giving up on|gave up on|menyerah (?:pada|dengan)|putus asa dengan) (?:life|living|hidup|my life)\b
\b(?:my )?life (?:is not|isnt|not|is no longer|aint|tak|tidak|dah tak) (?:really )?(?:worth it|berbaloi)\b(?! (?:for|to|if|kalau|untuk|without|tanpa)\b)
\b(?:tonight|malam ni|malam ini|today|hari ni|esok|tomorrow) (?:i|aku|saya|sy) (?:will |akan |nak |gonna |am going to |m going to )?(?:end|tamatkan|akhiri|habiskan) (?:everything|it all|it|semuanya|segalanya|semua ni|my life|hidup aku|hidup saya)\b(?!.*\b(?:contract|subscription|meeting|session|sesi|webinar|kelas|class|relationship|akaun|account|with (?:him|her|them|my))\b)
^(?!.*\b(?:cuti|bercuti|holiday|vacation|outstation|kerja|office|pejabat|offline|line|signal|internet|wifi)\b)(?:.* )?kalau (?:esok |malam ni |tomorrow |nanti )?(?:aku|saya|sy|i) (?:dah )?(?:takde|tiada|tak ada|xde|hilang|gone)\b(?: \w+){0,2}? (?:jangan|dont|don t|do not) (?:cari|search for|look for|risau|sedih|menangis|cry|worry|tangisi)\b
\bbiar(?:kan)? (?:aku|saya|sy|i) (?:pergi|mati|go)(?: je| jer| saja| la| lah| dengan tenang| selamanya)?$
^(?!.*\b(?:group|grup|office|pejabat|kelas|class|whatsapp|telegram|facebook|fb|ig|kerja|job|pindah|move|moving|kampung|cuti|holiday)\b)(?:.* )?\b(?:korang|kalian|semua|you all|u all|everyone|anda) (?:dah |tak |takkan |tak akan |won t |wont |will not |will never |never )(?:jumpa|nampak|see|hear from|dengar dari) (?:aku|saya|me|sy)(?: \w+)? (?:lagi|again|anymore|selamanya|ever again)\b(?!.*\b{RETURN}\b)
\b(?:tiada|takde|tak ada|tidak ada|xde|tak|apa) (?:gunanya|guna|makna|erti)(?: lagi| dah)? (?:saya|aku|sy|i) (?:\w+ )?(?:hidup|bernafas|wujud|exist|live)\b(?! (?:kalau tak|kalau tidak|jika tidak|jika tak|if not|if i don t|if i dont|tanpa)\b)
\b(?:want|wanna|wish|need|nak|ingin|mahu|teringin|rasa nak)(?: to)?(?: go to| just| je)? (?:sleep|tidur) (?:forever|selamanya|selama lamanya)\b(?! (?:this weekend|on the weekend|hujung minggu|lol|haha)\b)
# ... a third batch of shapes, written blind after the fresh files showed no change: `biar aku mati`, checking
# out for good, jumping in front of a train, joining a late parent (`nak ikut arwah mak`), might as well die,
# an illness hoped to take the author, a favour to everyone by dying, not deserving to live or breathe,
# `malu nak hidup`, no reason to get up, ending things tonight, the means ready (not for someone), goodbye
# said to one's kids "for me", a last wish for forgiveness, not being here next week with "forget me",
# waiting to die, no will to live in Malay, ending one's suffering, "what's the point anymore", nobody
# needing the author.
\bbiar(?:kan)? (?:je |jer |saja |lah |la )?(?:aku|saya|sy|i) (?:mati|pergi selamanya|mampus)\b(?! (?:kutu|gelak|ketawa|kebosanan|kelaparan)\b)
\b(?:checking out|check out|checkout|clocking out|logging off|log off) (?:for good|permanently|forever|from (?:life|this life|this world))\b(?!.*\b(?:group|grup|app|account|akaun|facebook|fb|twitter|x|social media|platform|whatsapp|telegram|hotel|chat|channel|server)\b)
\b(?:{FP}|{WANT}|{MS_WANT}|{MS_FP}|just|gonna)(?: \w+){0,3}? (?:jumping|stepping|walking|throwing myself) (?:in front of|infront of|depan|di depan) (?:a |the |an |that )?(?:train|tren|lrt|mrt|ktm|keretapi|lorry|lori|truck|bus|bas|traffic|car|kereta)\b
\b(?:i ll|ill|i will|i m going to|im going to|gonna|want to|wanna|i want to|nak|rasa nak|teringin nak|dah nak) (?:be with|join|ikut|menyusul|jumpa|bersama) (?:my |the )?(?:late|arwah)\b(?!.*\b(?:mimpi|dream|kubur|grave|tahlil|kenduri|doa|ziarah|punya|resipi|recipe|gambar|photo|album)\b)
\bmight as well (?:just )?(?:die|end it|disappear|not exist|be dead|kill myself|not be here)\b(?! (?:laughing|of|than|waiting)\b)
\b(?:worthless|useless|tak berguna|nobody needs me|no one needs me)\b.*\bmight as well (?:just )?(?:go|leave|pergi)$
\b(?:hope|hoping|wish|pray|praying|harap)\b(?: \w+){0,3}? (?:takes me|take me|kills me|ambil nyawa (?:aku|saya)|ambil (?:aku|saya))(?=$| (?:soon|quickly|tonight|already|cepat|away|sekali)\b)
\b(?:doing|do|buat) (?:everyone|everybody|the world|my family|them|you all|semua orang) a (?:favour|favor) (?:by|if i) (?:dying|die|disappearing|disappear|leaving for good|killing myself|not being here|going)\b
\b(?:i|i really|i just|aku|saya|sy|rasa|rasa macam|rasa mcm)(?: \w+)? (?:dont|do not|don t|tak|tidak|x) (?:deserve|layak|berhak) (?:to |untuk |nak )?(?:live|breathe|exist|be alive|hidup|bernafas|wujud)\b
\b(?:{MS_FP}|rasa|rasa macam)(?: \w+)? (?:malu|tak layak|tidak layak|tak berhak) (?:nak |untuk )?hidup\b(?! (?:dalam|di|kat|macam|dengan|dekat|sebagai)\b)
\b(?:tiada|takde|tak ada|xde|no) (?:sebab|alasan|reason|point|guna) (?:untuk |nak |to )?(?:aku |saya |me )?(?:bangun|wake up|get up)\b(?! (?:awal|early|at|pukul|for|on time)\b)
\b(?:{FP}|{WANT}|just|ill|i ll)\b(?: \w+){0,2}? end (?:things|it all|everything) (?:tonight|today|now|for good|soon)\b(?!.*\b(?:with (?:him|her|my|them)|relationship|boyfriend|girlfriend|contract|subscription|meeting|session)\b)
\b(?:{FP}|{MS_FP})(?: \w+){0,2}? (?:the |a |my )?(?:rope|noose|tali|racun|poison|blade|razor) (?:is |are |dah |sudah |all )?(?:ready|sedia|siap|prepared)\b(?! (?:for|untuk|to)\b)(?!.*\b(?:camping|tent|khemah|hiking|climb|class|kelas|presentation|demo|garden|kebun|tikus|rats?)\b)
\b(?:say|tell|send|give) (?:goodbye|bye|my goodbyes) (?:to )?(?:my )?(?:\w+ )?for me\b(?!.*\b{RETURN}\b)
\bmy (?:last|final|dying) (?:wish|request|words)\b(?=.*\b(?:forgive|maafkan|sorry|take care of|jaga|look after|remember me|ingat aku)\b)
^(?=.*\b(?:stop caring|dont worry about me|don t worry about me|forget about me|forget me|lupakan (?:aku|saya)|jangan (?:risau|cari) (?:aku|saya)|goodbye|selamat tinggal|forgive me|maafkan)\b)(?:.* )?(?:i|aku|saya) (?:wont|won t|will not|takkan|tak akan) (?:be here|be around|ada|ada lagi) (?:next week|tomorrow|minggu depan|esok|much longer|lagi)\b
\b(?:{FP}|{MS_FP})(?: \w+){0,2}? (?:waiting to die|waiting for death|tunggu mati|menunggu mati|tunggu masa nak mati)\b
\b(?:dah|sudah|rasa|{MS_FP}|i)(?: \w+)? (?:tak ada|takde|tiada|hilang|xde)(?: lagi)? (?:semangat|keinginan) (?:nak |untuk )?(?:hidup|teruskan hidup)\b
\b(?:{FP}|{WANT}|{MS_WANT})(?: \w+){0,2}? end (?:my|this) (?:suffering|misery|penderitaan)\b(?!.*\b(?:back|knee|tooth|migraine|headache|doctor|physio|surgery|treatment|ubat|medicine|laptop|lag|wifi)\b)
\b(?:whats|what s|what is) the point (?:of )?(?:anymore|any more|of it all|of anything)\b(?! (?:of|in|to|reporting|if|when|kalau|for)\b)
\b(?:the world|this world|dunia|my family|keluarga (?:aku|saya)|nobody|no one|noone|tiada siapa|takde siapa) (?:doesnt |does not |doesn t |dont |tak |tidak )?(?:need|needs|perlukan) (?:me|aku|saya)(?: (?:anymore|lagi|at all|langsung))?\b(?! (?:to|at|for|in|today|kat|untuk|on|as|here)\b)
\b(?:tak|tidak|dah tak|x) (?:sanggup|larat|mampu|kuat) (?:nak |untuk )?(?:hidup|teruskan hidup)(?: lagi)?\b(?! (?:dalam|di|kat|macam|dengan|dekat|sorang|sendiri)\b)
# Round 17: the Malay lines above in Indonesian words: a want ("aku pengen mati aja", `gue pingin mati`), no
# strength left to live (`udah gak kuat hidup lagi`) and weariness of life (`capek hidup`). Round 17 also
# scores a typed "aku" in an Indonesian comment as "ane" (indonesian.tsv), so these are read by the rules.
# A phone or a lamp that dies, dying of laughter and living somewhere are not ("hp aku pengen mati terus",
# "capek hidup di jakarta macet").
{NOT_OWNED}\b{MS_FP} (?:\w+ ){0,2}?(?:pengen|pingin|pengin|kepengen) mati\b(?! (?:ketawa|tertawa|gaya|lampu|listrik|suri|kutu)\b)
\b(?:gak|ga|nggak|ngga|enggak|engga|tidak|udah gak|udah ga|udah nggak|sudah tidak|sudah gak) (?:kuat|sanggup|mampu|pengen|mau|ingin) (?:hidup|lanjut hidup|ngelanjutin hidup)(?: lagi)?\b(?! (?:di|dalam|tanpa|kayak|dengan|sendiri|sendirian|hemat|sehat|mewah|susah)\b)
\b(?:{MS_FP}|udah|sudah)(?: \w+)? (?:capek|cape|lelah) (?:sama |dengan |menjalani )?hidup(?: ini)?\b(?! (?:di|kayak|begini|sehat|hemat|sendiri|sendirian|merantau|ngekos)\b)
