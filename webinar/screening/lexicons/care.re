# Self-harm words that are not the author's own wish now (round 15, rules.self_harm_hits and
# rules.self_harm_quiet), matched on the NORMALISED text like self_harm.re: "label<TAB>regex", "@NAME = ..."
# macros.
#   past       a time before now: "used to", `pernah`, "last year" (with "recovered": the wish is over)
#   recovered  the author better now, helped or hopeful: "therapy helped", `sekarang dah okay`, "there is hope"
#   asked      a self-harm word asked about as a word: "what does unalive mean?", "ctb stands for what?"
#   denied     the author denies it: "I'm not suicidal", "I'm not going to hurt myself"
#   quiet      tiredness with a task, a last post on a topic, leaving for an errand, a loss with support:
#              the self_harm model head stays quiet (the phrase rules still judge the comment)
# A self-harm phrase inside an "asked" or "denied" match, or after a "past" match with a "recovered" match
# after it, is not the author's wish now; the comment's self_harm head is quiet too. Every line but the
# "recovered" ones (read only after a "past" match) needs a word of @TRIGGERS.
@TRIGGERS = final terakhir gotta chau ending used pernah dulu dahulu once last ago back before sebelum mean means maksud maksudnya makna stand stands not never bukan no longer tak tidak x dah lost hilang habis bye goodbye gtg kena cuti bercuti holiday vacation leave outstation webinar session sesi meeting mesyuarat talk ceramah class kelas call contract kontrak subscription langganan isp plan relationship lag cutting cut potong hiris drive driving cross crossing pandu lalu melalui better dye dyeing dying dyed warnakan dulu first kejap sekejap sleep tidur queue barisan giliran end suffering penderitaan misery
past	\b(?:used to|use to|pernah|dahulu|masa dulu|dulu dulu|last year|last month|years ago|tahun lepas|bulan lepas|back then|a few years back|suatu masa dulu|before the therapy)\b
recovered	\b(?:but|tapi|now|sekarang)\b(?: \w+){0,4}? (?:therapy|counselling|counseling|kaunseling|helped|membantu|tolong saya|tolong aku|recovered|in recovery|pulih|better now|dah okay|dah ok|dah baik|dah sihat|ok now|okay now|doing better|doing okay|doing ok|survived|there is hope|theres hope|ada harapan|jangan putus asa|dont give up|don t give up|it gets better|grateful|bersyukur|clean (?:for|since))\b
asked	\b(?:what|apa|wat)(?: does| do| is| s| maksud| makna| erti| meaning of| the meaning of| is the meaning of)(?: the word| the term| perkataan| singkatan| this| that| word)?(?: \w+){1,3}? (?:mean|means|stand for|stands for|maksudnya|bermaksud)\b
asked	\b(?:apa|what) (?:maksud|makna|erti|meaning of|is the meaning of)(?: perkataan| singkatan| word| the word)?(?: \w+){1,3}\b(?= (?:tu|ni|itu|ini|in|dalam|kat|on|my|saya|anak)\b|$)
asked	(?:^|\b(?:the word|perkataan|singkatan|term)\b )(?:\w+ ){1,3}?(?:tu |ni |itu |ini )?(?:apa maksud|maksudnya apa|maksud apa|means what|mean what|stands for what|stand for what|tu apa|ni apa)\b
denied	\b(?:im|i am|i m|i|saya|aku)(?: (?:really|honestly|definitely|seriously|memang))? (?:not|never|no longer|bukan|tak|tidak)(?: (?:really|actually|feeling|going to|gonna|a|nak|mahu|akan|rasa))* (?:suicidal|going to kill myself|gonna kill myself|kill myself|hurt myself|harm myself|bunuh diri|cederakan diri)\b
quiet	\b(?:tak|tidak|dah tak|x|dah x) (?:larat|sanggup|tahan|kuasa) (?:lagi )?(?:nak |untuk )?(?:layan|jawab|angkat|handle|deal with|entertain|dengar|explain|terangkan|tengok|baca|reply|balas|hadap) (?!(?:hidup|semua ni|semua ini|dunia)\b)\w+
quiet	\b(?:last|final|terakhir) (?:post|message|comment|question|soalan|mesej|komen)\b(?: \w+){0,3}? (?:on|about|for|pasal|tentang|untuk) (?:this|the|ini|topik|topic|today|hari|sesi|session|now)\b
quiet	\b(?:bye|goodbye|gtg|got to go|have to go|gotta go|kena pergi|kena gerak|chau)\b(?: \w+){0,4}? (?:have to|need to|got to|gotta|kena|nak|must) (?:pick up|fetch|ambil|jemput|go to work|masak|cook|attend|pergi kerja|catch|sembahyang|solat|pray|masuk kerja|start work|go to class|drive|fetch)\b
quiet	\b(?:lost|hilang|habis)(?: \w+){0,5}? (?:but|tapi)(?: \w+){0,3}? (?:kept me going|keeps me going|keep me going|kept me strong|helped me|support|supported|sokong|bagi semangat|strong|kuat|still here|masih ada|i ll recover|ill recover|i will recover|moving on|move on)\b
quiet	\b(?:cuti|bercuti|holiday|holidays|vacation|on leave|outstation|annual leave|mc)\b
quiet	\b(?:webinar|session|sesi|meeting|mesyuarat|talk|ceramah|class|kelas|call|contract|kontrak|subscription|langganan|isp|plan|relationship|lag|q ?a)\b(?: \w+){0,3}? (?:to end|end|ends|ending|over|habis|tamat)\b
quiet	\b(?:ending it|end it|ending|end) (?:things |everything )?(?:with|my) (?:my |the )?(?:isp|contract|subscription|plan|telco|bank|provider|account|akaun|gym|relationship|boyfriend|girlfriend)\b
quiet	\b(?:cutting|cut|potong|hiris) (?:\w+ )?(?:onions?|bawang|vegetables|sayur|meat|daging|ayam|chicken|fish|ikan|fruit|buah|hair|rambut|costs?|kos|belanja|spending|sugar|gula|carbs)\b
quiet	\b(?:drive|driving|cross|crossing|lalu|melalui|pandu) (?:\w+ ){0,2}?(?:across|over|through|atas|merentasi|ikut) (?:the |a )?(?:\w+ ){0,2}?(?:bridge|jambatan)\b
quiet	\bbetter off without me (?:on|in|at|as|for|being) (?:the )?(?:mic|camera|call|team|project|panel|committee|stage|zoom|chat)\b
quiet	\b(?:dye|dyeing|dying|dyed|warnakan) (?:my|her|his|the|our) (?:hair|rambut|clothes|shirt|shirts|baju|fabric|kain)\b
quiet	^(?!.*\b(?:selamat tinggal|goodbye|forever|selamanya|maafkan|forgive|halalkan|sorry|maaf|terakhir|last|final)\b)(?:.* )?(?:pergi|gerak|keluar|chau|cabut|go|going) (?:dulu|first|kejap|sekejap)\b
quiet	\b(?:sleep|tidur) (?:forever|for days|for a week|seharian|sepanjang hari|sampai tengahari)\b(?: \w+){0,2}? (?:this weekend|on the weekend|after (?:the |that |this |my )?(?:exam|exams|periksa|final exam|finals)|hujung minggu|lepas (?:exam|periksa|shift))\b
quiet	\b(?:jump|jumped|jumping|cut|potong|memotong) (?:the )?(?:queue|line|barisan|giliran)\b
quiet	\b(?:suffering|penderitaan|misery)\b(?: \w+){0,4}? (?:wifi|lag|internet|laptop|traffic|jam|queue|line|connection)\b
