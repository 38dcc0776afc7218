# Ordinary comments under videos (round 15, docs/screening.md "Round 15: spam and ordinary video comments"):
# words that the model heads mistake for harm or spam, read on the NORMALISED (canonical) text and left out of
# the text the model scores (rules.fan_talk_tokens). No rule finding is dropped: the phrase rules and word
# lists still read the whole comment. Format: "label<TAB>regex".
#   laugh    laughter and bare interjections ("hahaha", "wkwkwk", "lol", "omg"): the abuse head held "haha";
#            they leave the text only in a comment made of them and fan_words.txt (the heads read laughter
#            beside other words as light: "you better not show up without your laptop haha")
#   fan      a viewer of this channel, not a promoter of their own: the author subscribed or follows since
#            ("new subscriber here", "been following you since 2019"), a milestone congratulated ("congrats on
#            1 million subscribers", `tahniah 1 juta subscriber`): the spam head held them
#   address  a performer addressed or owned by a performance word ("terbaik abang", "suara abang sedap",
#            "mantap kak"), and `gila` as an intensifier of praise ("lawak gila",
#            "cun gila", `gila best`): only the address word or `gila` leaves the text (rules._FAN_DROP); the
#            Malay sexual and abuse heads held them beside any praise
# Round 16 (docs/screening.md, "Round 16: ordinary comments"):
#   cheer    a viewer moved or cheering, read like laughter (its words leave the text only in a comment made of
#            them and fan_words.txt): "nangis aku", `aku sebak`, "jangan berhenti berkarya", "teruskan berkarya",
#            "keep it up"; the Malay self_harm head held "aku" beside crying, the abuse head `berkarya`
cheer	\b(?:(?:aku|saya|i|sy) (?:nangis|menangis|sebak|terharu|cried|crying|meremang)|(?:nangis|menangis|sebak|terharu|meremang) (?:aku|saya|sy)|jangan (?:berhenti|stop|putus asa) (?:berkarya|menyanyi|nyanyi|buat video|upload|berjuang|bercerita|singing|making videos|making music|uploading)|teruskan (?:berkarya|menyanyi|usaha|perjuangan)|keep (?:it up|going|singing|uploading|creating|making videos|making music|shining))\b
# Advice to viewers about their own family ("call your parents guys", "hug your parents", `peluk mak ayah
# korang`): the threat head held "your parents" (a comment with anything else is scored as before).
cheer	\b(?:call|hug|text|visit|telefon|call la|peluk|appreciate|love|sayang|jaga|balik jumpa) (?:your|ur|korang punya|kau punya)? ?(?:parents|mum|mom|mother|dad|father|family|grandparents|grandma|loved ones|mak|ayah|mak ayah|ibu bapa|nenek|atuk|keluarga)\b(?: (?:korang|guys|everyone|today|tonight|now|hari ni|today guys))*
# Asks for the next video (`abang, buat video memancing lagi`, `kak, ajar la masak rendang pulak`, `next video
# pergi Langkawi pulak`; at least one word of the content between the verb and `lagi`/`pulak`), how a video was
# made ("who shot this video?", "filmed on an iPhone?"), and a song that "hits like a truck": the sexual and
# abuse heads held them beside an address word.
cheer	\b(?:buat|ajar|ajarkan|review|cuba|try|masak|pergi|bawa|tunjuk|upload|cover|nyanyi|nyanyikan|vlog|explore|jalan jalan) (?:la |lah )?(?:\w+ ){1,3}?(?:lagi|pulak|pula|next|seterusnya)\b|\bnext (?:video|vid|vlog|episode|ep|part|upload|cover|trip|destination)\b|\bwho (?:shot|filmed|edited|directed|recorded|mixed) (?:this|the|that)(?: \w+)?\b|\b(?:shot|filmed|recorded) (?:on|with|using) (?:an? |the )?(?:iphone|phone|handphone|gopro|drone|camera|sony|canon|nikon|fujifilm|dji|film)\b|\bhits? (?:me )?(?:like a truck|like a train|so hard|harder)\b
# Hunger at a food video (`lapar pulak tengok video ni`, "jealous tengok abang makan", `terliur aku`): the abuse,
# sexual and self_harm heads held them; the object is the video or someone eating or cooking, never a person
# alone ("terliur tengok akak" is still scored).
cheer	\b(?:lapar|laparnya|terliur|kebulur|hungry|jealous|cemburu|geram)(?: (?:pulak|pula|terus|gila|sangat|tengah malam|malam malam|la|lah|weh|aku|saya|now|so|dah))* (?:tengok|tgk|watching|lepas tengok|after watching) (?:video ni|video ini|this video|video|vlog|mukbang|this|ni|masakan|resepi)\b|\b(?:tengok|tgk|watching) (?:video ni |video ini |this video |this )?(?:terus |pulak |pula )?(?:lapar|terliur|hungry)\b|\b(?:tengok|tgk|watching) (?:abang|akak|kak|bang|korang|you|u|dia|him|her) (?:makan|masak|eat|eating|cook|cooking)\b|\b(?:terliur|kebulur|lapar) (?:aku|saya|sy|weh)\b|\b(?:aku|saya|sy) (?:terliur|kebulur)\b
# A video sent on to one's own people ("sending this to my mum", `hantar kat group family`) and a song listened
# to after one's day ("listening to this after my breakup"): the self_harm head held "my" beside them.
cheer	\b(?:sending|send|sent|sharing|share|shared|forwarding|forwarded|hantar|kongsi|forward) (?:this|it|ni|video ni|this video|this song|lagu ni) (?:to|kat|dengan|with|dalam|in|ke) (?:my|our|aku|saya|group|grup)? ?(?:mum|mom|mother|dad|father|parents|family|family group|grandma|grandpa|nenek|atuk|mak|ayah|bestie|best friend|friends|sister|brother|wife|husband|gf|bf|ex|class|students|colleagues|kawan|kawan kawan|family|famili|keluarga|whatsapp group|group chat)\b(?: (?:right now|now|sekarang|group|chat))*|\b(?:listening to|listening|dengar|layan|playing) (?:this|it|ni|lagu ni|this song) (?:after|lepas|masa|during|before|sebelum|on) (?:my|aku|saya)? ?(?:breakup|break up|divorce|exam|exams|shift|work|kerja|class|kelas|drive|commute|run|workout|study|putus cinta|gaduh)\b
laugh	\b(?:a?(?:ha){2,}h?|a?(?:he){2,}h?|(?:hi){2,}h?|(?:wk){2,}w?|(?:ke){3,}k?|lo+l+|lmf?a+o+|rofl|xd+|omg|(?:ah){2,}a?|a{3,}h*|ha ha(?: ha)*|he he(?: he)*|kah kah(?: kah)*|hoho(?:ho)*|huhu(?:hu)*|lets go+|let s go+|les go+|lesgo+|letsgo+|jom+ la+h?|yay+|wo+w+|ye+s+|yas+)\b
fan	\b(?:congrats|congratulations|tahniah|grats|happy|selamat) (?:\w+ ){0,3}?(?:\d+ ?(?:k|m|juta|million|ribu|thousand)?|one million|a million|sejuta|seratus ribu)(?: \w+)? (?:subscribers|subscriber|subs|sub|followers|follower|views|pengikut|subscribe)\b
fan	\b(?:new|baru) (?:subscriber|subscribers|subscribe|sub|follower|followers|fan|fans|peminat)(?: here| baru| sini| di sini)?\b|\b(?:subscriber|follower|peminat) (?:baru|setia|lama)\b
fan	\b(?:been |i ve been |ive been |i have been |i m |im |dah |sudah |saya |aku )?(?:following|follow|followed|watching|subscribed to|subscribe|subscribed|sub|langgan|ikut|tengok) (?:you|u|this channel|your channel|ur channel|channel ni|channel ini|abang|akak|kak|bang|awak|korang|hang) (?:\w+ )?(?:since|from|for|sejak|dari|daripada)\b
fan	\b(?:just |already |dah |sudah |done |auto |terus |baru )(?:subscribed|subscribe|subbed|sub|follow|followed|like|liked)(?: and | dan | n | & )?(?:subscribed|subscribe|subbed|liked|like|share|shared|notification|notifications|loceng|bell)?\b
# Round 16: the subscription told after the verb ("subscribe terus lepas tengok video ni", "subscribed right
# away", "instant subscribe"); "subscribe terus channel saya" is still read by the spam lines.
fan	\b(?:subscribed|subscribe|subbed|sub|langgan|melanggan|followed|follow) (?:terus|trus|dah|sudah|already|right away|immediately|straight away|instantly|on the spot|tanpa fikir)\b(?! (?:channel|ch|page) (?:saya|aku|sy|kami|my|our))|\b(?:instant|instantly|auto) (?:subscribe|subscribed|sub|subbed|follow|followed)\b
address	\b(?:terbaik|mantap|power|best|hebat|padu|gempak|syok|superb|awesome|great|nice|cool|respect|salute|congrats|tahniah|good job|keep it up|teruskan|semangat|sokong|support|love you|sayang)(?: la| lah| sangat| betul| gila| giler)? (?:abang|abg|bang|akak|kak|kakak|adik|dik)\b
address	\b(?:suara|lagu|video|vlog|content|konten|nyanyian|vokal|voice|song|muzik|music|channel|editing|cover|persembahan|lawak|masakan|resepi) (?:abang|abg|bang|akak|kak|kakak|adik|dik)\b
address	\b(?:lawak|kelakar|best|cun|sebak|terharu|comel|cantik|lawa|hensem|handsome|sedap|power|syok|seronok|sedih|rindu|meremang|hebat|padu|mantap|gempak|terer|pandai|bagus|menarik|smooth|lembut|merdu|sweet|lucu|epic|kuat|laju|tinggi|susah|senang|rare|unik|creative|kreatif|kemas|cool|nice|solid|sempoi|santai|syahdu|romantik|sayu|cute) (?:\w+ )?(?:gila|giler|gile|gilaa|gilerr)\b|\b(?:gila|giler|gile) (?:la |lah |ah |weh )?(?:lawak|kelakar|best|cun|comel|cantik|lawa|hensem|sedap|power|syok|seronok|sedih|rindu|meremang|hebat|padu|mantap|gempak|terer|pandai|bagus|menarik|merdu|sweet|epic|kuat|skill|smooth|cool|nice|solid)\b
# Round 15: a fan promoting the video's own creator, not themselves ("guys please subscribe to her channel, she
# deserves more", `tolong subscribe channel dia`, "Share this video so more people know about scams",
# "everyone go subscribe to Yuna's channel"): an ask to subscribe, follow, share or like, with a third person
# or this video after it (label "others"; never "check out" or "watch", nor "this channel": "check out this
# video" and "subscribe to this channel" are the classic spam of a comment section), in a comment
# with no mark of self-promotion (label "self": the author's own channel, a trade of subscriptions, a bio, a
# contact or a link word). Then the spam signals that are such asks count for nothing and the spam head is
# quiet; any other spam signal (money, gambling, a job) still counts.
others	\b(?:subscribe|subscribed|sub|subs|langgan|support|sokong|share|kongsi|sebarkan|like|notification|bell|loceng)\b(?: (?:to|kat|ke|on|for|all|semua|of))?(?: \w+){0,2}? (?:her|his|their|them|him|dia|diorang|depa|dorang|the creator|the artist|creator|artis|local|tempatan|[a-z]+(?<!\bthi)s (?:channel|page)|channel (?:ni|ini|dia|abang|akak|kak|bang|[a-z]+ [a-z]+)|video (?:ni|ini|dia)|lagu (?:ni|ini|dia)|this video|this vid|this song|this campaign)\b
self	\b(?:my|mine|our|ours|me|saya|aku|sy|ku|kami|i m|im|i am|i ll|ill|i will|sub back|sub balik|follow back|followback|4 sub|for sub|2 sub|sub4sub|bio|profile|profil|dm|pm|inbox|whatsapp|telegram|wasap|wa|ws|link|links|pautan|earn|money|duit|rm|free|percuma|giveaway|win|won|menang|call|txt|text|sms|reply|claim|prize|cash|dating|singles|sexy|hot|babe|xxx|adult)\b
# The spam lines' asks count for nothing only with a third person named as their object, or this video shared
# with one's family or so more people know (label "third"), and no
# "i" in the comment ("share this video to 10 friends" may be a chain letter; its asks still count, while the
# spam head is kept quiet by the wider reading above).
third	\b(?:her|his|their|them|him|dia|diorang|depa|dorang|the creator|the artist|artis)\b|\b[a-z]+(?<!\bthi)s (?:channel|page)\b|\bchannel (?:dia|abang|akak|kak|bang)\b|\b(?:this video|video ni|video ini|this) (?:with|to|kat|dengan|pada) (?:your |ur |all |semua )?(?:family|families|parents|friends|keluarga|mak|ayah|kawan|kawan kawan|grandparents|elderly|loved ones|atuk|nenek|ibu bapa)\b|\bso (?:more )?(?:people|others|everyone|orang) (?:know|are aware|can learn|tahu|faham)\b|\b(?:supaya|agar) (?:lebih ramai|semua|orang)\b
