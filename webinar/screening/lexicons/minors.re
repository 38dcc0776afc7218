# An approach to a child (docs/screening-guidelines.md, "sexual": grooming approaches are sexual, grooming as a
# topic is benign), matched on the NORMALISED text ("r u" -> "are you", "ur" -> "your", "don't" -> "dont").
# Each line is "kind<TAB>regex"; the kinds are the cues of an approach aimed at the reader:
#   age     asking the reader's age, school year or school ("how old are you", "adik umur berapa", "you're 13?")
#   alone   asking whether the reader is alone or the parents are out ("are you home alone", "sorang ke kat rumah")
#   secret  asking for secrecy ("don't tell your parents", "rahsia kita", "delete our chats", "no one will know")
#   contact a private channel to the author ("add me on whatsapp", "dm me", "give me your number")
#   meet    meeting, pictures or a video call asked for ("jom jumpa", "i can pick you up", "send me a pic")
#   minor   a child named outright ("little girl", "girls under 15", "school uniform")
#   invite  an invitation to meet in general ("jom jumpa"), a meeting only beside a kid or minor cue
#   kid     the reader addressed as a child (`adik`, `dik`, "little girl"; not `adik saya`)
# A comment is held (code sexual.minor, category sexual, severity 2) when it has an age, alone or secret cue and
# one cue of another kind, or a minor and a meet cue (rules.minor_approach_hits); one cue alone is nothing ("the
# scammer said don't tell anyone, is that a red flag?"). A comment that reports or asks about it (sexual.re's
# "report" line) and cues inside quotation marks in a report are someone else's words (published).
@TRIGGERS = old budak adik dik kid kiddo 9 8 age umur usia umo darjah tingkatan form standard std grade school sekolah alone sorang seorang sendirian tinggal parents parent mak ayah mummy mommy mum mom dad daddy family keluarga tell bagitau bagitahu beritahu cakap cerita secret rahsia rahsiakan between antara delete padam know tahu uniform little young under 10 11 12 13 14 15 16 17 ten eleven twelve thirteen fourteen fifteen sixteen seventeen
@KID = (?:you|adik|dik|awak|kau|ko|u|girl|boy)
@NOT_ASKING_AGE = (?! (?:supposed|meant|required|allowed|need|needs|have|has|must|should|when|guys|all|everyone|semua|boleh|baru|sesuai|patut|perlu|untuk|minimum|minima|had|to|can|kena|wajib|limit|restriction|requirement|rule)\b)
age	\bhow old (?:are|is) (?:you|adik|dik|awak|kau)\b{NOT_ASKING_AGE}
age	\b(?:umur berapa|umur brp|umur brapa|berapa umur|berapa usia|usia berapa)\b(?! (?:anak|budak|kanak|remaja|orang|seseorang|pelajar)\b){NOT_ASKING_AGE}
age	\b(?:adik|dik|awak|kau|ko|you) (?:are )?(?:how old|umur berapa|umur brp|berapa umur)\b{NOT_ASKING_AGE}
age	\b(?:darjah|tingkatan|form|standard|std) (?:berapa|brp|brapa)\b{NOT_ASKING_AGE}
age	\b(?:what|which) (?:grade|form|standard) (?:are you|you)\b
age	\b(?:what|which) school (?:do you go|are you (?:in|at|from)|you go|you study|you at|adik)\b
age	\b(?:adik|dik|awak|kau|ko) (?:sekolah|belajar) (?:mana|kat mana|di mana|dekat mana)\b
age	\b(?:you|adik|dik|awak|kau) (?:still in school|masih sekolah|sekolah lagi|still schooling)\b
age	\bare you (?:only |just |still )?(?:1[0-7]|[89]|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?: (?:years old|year old|yo|tahun))?\b(?! (?:minutes?|mins?|hours?|jam|minit|seconds?|percent|peratus|people|orang|times|kali)\b)
age	\byou are (?:only |just |still )?(?:1[0-7]|[89]|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?: (?:years old|year old|yo|tahun))?$
age	\byou are (?:only |just |still )?(?:1[0-7]|[89]|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?: (?:years old|year old|yo|tahun))? (?:right|kan|ah|eh|ke|is it|thats|that is|its ok|ok|okay|so|no problem|tak apa|takpe|never mind|doesnt matter)\b
age	\b(?:you|awak|kau) (?:are )?(?:in )?(?:form|darjah|tingkatan|standard|std|grade) (?:[1-6]|one|two|three|four|five|six|satu|dua|tiga|empat|lima|enam)\b
age	\b(?:are )?you (?:are )?(?:under|below|bawah) (?:1[0-7]|[89]|ten|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b
age	\b(?:adik|dik) (?:darjah|tingkatan|form|std|standard) (?:[1-6]|satu|dua|tiga|empat|lima|enam) (?:ke|kah|kan|right|ah|eh)\b
alone	\b(?:are |r )?(?:you|adik|dik|awak|kau|ko) (?:are )?(?:home |at home |kat rumah |di rumah )?(?:alone|sorang|sorang sorang|seorang|seorang diri|sendirian)\b(?! (?:in|on|with|to|for|dalam|buat|running|handling|managing|doing)\b)
alone	\b(?:you|adik|dik|awak|kau|ko)\b(?: \w+){0,2}? (?:tinggal|duduk|stay|staying|at home|kat rumah|di rumah|dekat rumah)\b(?: \w+){0,2}? (?:sorang|seorang|alone|sendirian|by yourself)\b
alone	\b(?:sorang|seorang|sendirian)(?: je)? (?:ke|kah) (?:kat|di|dekat) rumah\b
alone	\b(?:your (?:parents|parent|mum|mom|mummy|mommy|dad|daddy|family)|(?:parents|mak ayah|mak|ayah|mummy|mommy|daddy) (?:adik|dik|awak|kau|you)) (?:are |is )?(?:home|at home|ada (?:kat |di )?rumah|tak ada|takde|xde|tiada|not (?:at )?home|keluar|kerja|working|away|out|balik pukul berapa|balik bila|come back when)\b
alone	\banyone (?:else )?(?:at home|home) with you\b
secret	\b(?:dont|do not|jangan|never|tak payah|x payah|no need to|tak perlu)(?: \w+)? (?:tell|bagitau|bagitahu|bagi tahu|beritahu|cakap|cerita|inform|mention|show) (?:\w+ )?(?:your |ur |kat |pada |dekat )?(?:parents|parent|mum|mom|mummy|mommy|mama|dad|daddy|papa|mak|ayah|mak ayah|ibu|bapa|family|keluarga|anyone|sesiapa|siapa siapa|orang|teacher|cikgu|abang|kakak|brother|sister)\b(?! (?:your |ur |awak punya )?(?:otp|pin|password|passwords|kata laluan|tac|code|kod|details|butiran|ic|nric|account|akaun|bank|card|kad|nombor|number)\b)
secret	\b(?:our|kita) (?:little )?(?:secret|rahsia)\b(?! (?:to|for|of|is|behind|untuk|recipe|resipi)\b)
secret	\brahsia (?:kita|antara kita)\b
secret	\b(?:just |only |keep (?:this|it) )(?:between us|between you and me)\b
secret	\bantara kita (?:berdua )?(?:je|sahaja|saja)\b
secret	\b(?:delete|padam|buang|clear) (?:our|kita punya|chat kita|mesej kita)\b
secret	\b(?:delete|padam|buang|clear) (?:the |this |all )?(?:chats?|messages?|mesej|convo|conversation|sembang)(?: \w+)? (?:after|lepas|later|nanti|lepas ni|after this)\b
secret	\b(?:no one|nobody|tak ada orang|takde orang|tiada orang|takkan ada orang|mak ayah tak) (?:will |would |akan |else will |needs to )?(?:know|tahu|find out)\b(?! (?:your|the|my|his|her|what|how|if|whether|when|where|who|which|about|it s|that|until|sampai)\b)
secret	\b(?:keep (?:it|this) (?:a )?secret|keep (?:it|this) (?:between us|private|quiet)|rahsiakan|jangan bagi (?:mak|ayah|parents|orang|sesiapa) tahu)\b(?! from (?:the |my |our )?(?:kids|children|anak|students|pelajar|guests|birthday)\b)
contact	\b(?:add|follow|text|message|msg|dm|pm|ws|wsp|whatsapp|wa|telegram|tele|snap|snapchat|wechat|inbox|chat) (?:me|abang|uncle|saya|aku|kakak|akak)\b(?! (?:on |in |to |into |kat |dalam )?(?:linkedin|the group|group|kumpulan|grup|the list|senarai)\b)
contact	\badd (?:\w+ )?(?:whatsapp|wa|ws|ig|instagram|snap|snapchat|telegram|tele|wechat|line|tiktok|discord|fb|facebook) (?:me|abang|uncle|saya|aku|kakak|akak)\b
contact	\b(?:your|adik punya|awak punya) (?:phone |hp |whatsapp |wa |handphone )?(?:number|nombor|no phone|no fon|no hp|contact|whatsapp|ig|snap|snapchat|telegram)\b
contact	\b(?:nombor|no|number) (?:telefon |fon |phone |hp )?(?:adik|awak|kau|dik)\b
contact	\b(?:private|privately|personal|peribadi) (?:chat|message|msg|dm|talk|sembang)\b|\b(?:chat|talk|sembang) (?:in private|privately|secara peribadi|berdua)\b
# An invitation to meet in general ("jom jumpa") counts as a meeting only when the reader is addressed as a child
# (a line labelled "kid": `adik`, `dik`, little girl) or a minor is named.
invite	\b(?:jom|jum|mari|nak|can we|lets|let us|want to|boleh|wanna)(?: \w+)? (?:jumpa|meet|meet up|keluar|lepak|hang out|hangout|date|dating|jalan jalan)\b
kid	\b(?:after school|lepas sekolah|balik sekolah|habis sekolah)\b
kid	\b(?:adik|dik|little girl|little boy|budak|kiddo)\b(?! (?:saya|aku|i|kami|kita|sy)\b)(?<!my little girl)(?<!my little boy)
meet	\b(?:come out|keluar|hang out|lepak|jumpa|meet) (?:with|dengan|ngan) (?:me|uncle|abang|pakcik|saya|aku|kakak|akak)\b
meet	\b(?:abang|uncle|pakcik|kakak|akak)(?: (?:can|boleh|will|nanti|akan|could))* (?:pick you up|pick up|fetch|ambil|jemput|tumpangkan|hantar)\b
meet	\b(?:i|saya|aku)(?: (?:can|boleh|will|nanti|akan|could))* (?:pick you up|fetch you|(?:ambil|jemput|tumpangkan) (?:adik|awak|kau|dik|you))\b
meet	\b(?:video call|videocall|vc|facetime)\b
meet	\b(?:abang|uncle|pakcik|saya|aku|i)(?: (?:nak|can|boleh|will|datang|come|ll))* (?:datang|come over|come to your|pergi rumah|visit you|singgah)\b
meet	\b(?:robux|vbucks|v bucks|free diamonds?|diamond ff|ml diamonds?|topup|top up|reload|gift card|i ll buy you|i will buy you|abang belanja|uncle belanja|abang boleh belanja)\b
meet	\b(?:bring|take|bawa|ajak) (?:you|her|dia|adik|awak|kau|dik) (?:out|keluar|jalan)\b(?! (?:to|ke) (?:the )?(?:stage|pentas|front|depan|hall|dewan)\b)
meet	\b(?:send|sent|hantar|share|bagi|give|show|dm|pm|snap)(?: me| abang| uncle| saya| aku| kat abang| kat saya| kat aku| to me)(?: \w+){0,2}? (?:pics?|pictures?|photos?|gambar|selfies?|video|vids?)\b
minor	\b(?:little|young) (?:girl|girls|boy|boys)\b(?<!my little girl)(?<!my little boy)
minor	\b(?:girls?|boys?|kids?|anyone|any1|budak|adik) (?:here )?(?:under|below|bawah) (?:1[0-7]|[89]|ten|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b
minor	\bbudak (?:form|darjah|tingkatan|sekolah|std|standard|sekolah rendah)\b
minor	\b(?:school uniform|baju sekolah|uniform sekolah|pakaian sekolah|budak sekolah|schoolgirl|schoolgirls|school girl|school girls)\b
# Round 15: a child asked about a boyfriend or girlfriend (`adik dah ada boyfriend?`), with an adult's offer to
# teach or show "things" (`abang boleh ajar macam macam`); a child named by school year (`girls in form 3`).
age	\b(?:adik|dik)(?: \w+){0,2}? (?:ada|dah ada|has|have|got|already have) (?:boyfriend|girlfriend|bf|gf|pakwe|makwe|awek|balak|crush)\b
meet	\b(?:abang|uncle|pakcik|akak|kakak)(?: (?:boleh|can|nak|will|akan|nanti|could))* (?:ajar|teach|tunjuk|tunjukkan|show) (?:adik |you |dik |awak )?(?:macam macam|banyak benda|things|stuff|semua|everything|benda baru|benda best|something)\b
minor	\b(?:girls?|boys?|budak|students?|pelajar) (?:in |dalam )?(?:form|tingkatan|darjah|std|standard|grade) (?:[1-6]|one|two|three|four|five|six|satu|dua|tiga|empat|lima|enam)\b
# The reader told they look old for a child's age ("you look mature for 13"), and asked to be the author's
# girlfriend or boyfriend (`nak jadi awek abang?`).
age	\b(?:you|awak|adik|dik) (?:look|looks|nampak|are|sound|sounds) (?:so |very |quite |really )?(?:mature|matang|grown up|older|dewasa) for (?:your age|umur adik|umur awak|(?:1[0-7]|[89]|twelve|thirteen|fourteen|fifteen|sixteen)(?: (?:yo|years old|tahun))?)\b
meet	\b(?:be|jadi) (?:my (?:gf|girlfriend|bf|boyfriend|bae)|(?:awek|makwe|pakwe|girlfriend|boyfriend) (?:abang|saya|aku|uncle|i))\b
# A parent asked their child's age ("how old is your daughter?"), and more pictures asked for.
age	\bhow old (?:is|are) (?:your|ur) (?:daughter|daughters|son|sons|kid|kids|child|children|girl|boy)\b{NOT_ASKING_AGE}
meet	\bsend (?:more|lagi|some more) (?:pics?|photos?|gambar|foto|selfies?)\b
