# Hate without a group word: exclusion ("go back to...") and dehumanising comparisons of "them".
# Same format as self_harm.re; matched on the normalised text.
@THEY = (?:you people|u people|you lot|kamu semua|they|them|these people|those people|mereka|diorang|dorang|depa|golongan ni|golongan ini|puak ni|puak ini|kaum ni|kaum ini|bangsa ni|bangsa ini|org2 ni|orang orang ni|your kind|kaum kau|bangsa kau|korang semua)
\bgo back (?:to )?(?:your|their|where|china|india|africa|indonesia|bangladesh|your own|ur)\b
\b(?:go|get|fuck|piss) (?:back )?(?:out of|outta) (?:my|our|this|the) country\b
\bsend (?:them|em|all of them|these people) (?:all )?back\b(?! to (?:me|us|my|our|the (?:admin|host|organiser|organizer))| by | via | through | kepada | ke email| after | later| when | once )
\b(?:do not|dont|doesnt|does not|never) belong (?:here|in (?:this country|malaysia|singapore|our country))\b
\b(?:balik|pulang|pergi|blk|kembali) (?:la |lah )?(?:ke )?(?:negara asal|tongsan|china|india|indonesia|bangladesh|myanmar|negara (?:kau|korang|mereka|dorang|diorang|sendiri)|tempat asal|kampung asal)\b
\b(?:keluar|berambus|blah) (?:dari|dr) (?:negara|malaysia|tanah) (?:ni|ini|kami|kita|melayu)\b
\b(?:tak|tidak) (?:layak|patut|boleh) (?:duduk|tinggal|berada|hidup) (?:di|kat|dekat|dalam) (?:sini|malaysia|negara (?:ni|ini|kita|kami))\b
\b{THEY} (?:\w+ ){0,2}?(?:like|macam|mcm|seperti|ibarat|bagai|bagaikan|are|r|is) (?:\w+ )?(?:rats|cockroaches|vermin|parasites|animals|beasts|pigs|dogs|monkeys|apes|lipas|tikus|binatang|babi|anjing|beruk|monyet|parasit|lintah|a virus|a disease|a plague|wabak|penyakit)\b
\b(?:breed|breeding|membiak|multiply|multiplying|spread|spreading|beranak|beranak pinak|bertambah) (?:like|macam|mcm|seperti|bagai) (?:rats|rabbits|cockroaches|roaches|flies|locusts|maggots|vermin|tikus|lipas|arnab|lalat|kutu|ulat|belalang)\b
# From malaysian-manglish-nlp 3.3.0 (MIT licence, Copyright (c) 2026 Zafran): "don't let them in/stay".
\bjangan bagi (?:\w+ ){0,3}?(?:masuk|duduk|tinggal) (?:malaysia|negara (?:ni|ini|kita|kami))\b
# Round 5 (kinds): hate with no group insult: return to where one's forebears came from, "this land isn't
# yours", a gender told to stay in the kitchen, calls to close or pull down a religion's places of worship.
\b(?:return|go back|balik|pulang|kembali|get back|pack your bags and go)(?: \w+){0,2}? (?:to )?(?:where|tempat|negara) (?:\w+ ){0,2}?(?:came from|come from|datang|berasal|asal)\b
\b(?:this|our|my) (?:land|country|negara|tanah|tanah air) (?:isnt|is not|bukan|is never|aint) (?:yours|your|for you|for them|untuk kau|untuk korang|milik kau|milik korang|korang punya|kau punya|theirs)\b
\b(?:women|woman|females|female|girls|wives|perempuan|wanita|pompuan|betina|ladies|girl)(?: \w+){0,4}? (?:belong|stay|stick|go back|balik|duduk|stay at home and|stick to)(?: \w+){0,2}? (?:in |to |the |kat |di |dekat |ke |in the |to the )*(?:kitchen|dapur|making sandwiches|sandwich)\b
\b(?:gereja|masjid|surau|kuil|tokong|churches|church|mosques|mosque|temples|temple|gurdwaras?|synagogues?|rumah ibadat)(?: \w+){0,3}? (?:patut|should|must|harus|perlu|kena|need to|needs to)(?: all| semua)?(?: be)? (?:ditutup|dirobohkan|dibakar|diharamkan|diruntuhkan|closed|shut|shut down|banned|torn down|demolished|burned|burnt)\b
\b(?:close|shut down|tear down|ban|tutup|robohkan|runtuhkan|haramkan|bakar) (?:all |semua |every )?(?:their |the |these |those )?(?:gereja|masjid|surau|kuil|tokong|churches|mosques|temples|gurdwaras|synagogues)\b
# Round 6: hate by anecdote, role or trait: every member "I met" was a liar or the whole race "is like that";
# a gender that does not belong on a panel or stage; a group called primitive.
\b(?:every|all|semua|setiap|tiap)(?: single)? \w+(?: \w+)? (?:i|saya|aku)(?: \w+){0,2}? (?:met|know|kenal|jumpa|dealt with|worked with)\b(?: \w+){0,3}? (?:liar|liars|penipu|thief|thieves|pencuri|lazy|malas|dirty|kotor|scammer|scammers|cheat|cheats|criminal|criminals|pemalas)\b(?: \w+){0,3}? (?:whole|all of them|semua|seluruh)\b
\bthe whole (?:race|kaum|bangsa|tribe|religion)\b(?: \w+){0,2}? (?:is|are)? ?(?:like that|the same|all the same|liars|lazy|dirty)\b
\b(?:seluruh|satu) (?:kaum|bangsa)(?: \w+){0,2}? (?:macam tu|sama je|sama saja|penipu|malas|kotor)\b
\b(?:women|woman|females|girls|perempuan|wanita|ladies|pompuan)\b (?:dont|don t|do not|doesnt|does not|never|tak|tidak) (?:belong|layak)(?: \w+){0,1}? (?:on|in|at|dalam|di|kat|jadi)(?: \w+){0,2}? (?:panels?|panel|stage|pentas|boards?|tech|politics|politik|parliament|parlimen|leadership|office|meetings?)\b
# Round 7 (heldout_8's misses, by kind): people to be pushed out to sea.
\b(?:push|send|pack|tolak|hantar|halau|campak|throw) (?:them|mereka|dorang|diorang|depa|every \w+|all \w+|all of them|semua \w+|these \w+)\b(?: \w+){0,4}? (?:out to sea|back to sea|into the sea|ke laut|ke tengah laut|balik ke laut)\b
# Round 14 (hate without a listed word): a gender kept from work or told to stay home ("perempuan tak patut
# keluar kerja, duduk rumah je", "women should stay home, not work"), and "where they belong" after sending
# a group back.
\b(?:women|woman|females|girls|wives|perempuan|wanita|pompuan|betina|ladies|orang perempuan)\b(?: \w+){0,3}? (?:tak patut|tidak patut|tak boleh|shouldnt|should not|should never|cannot|cant|jangan) (?:\w+ )?(?:keluar kerja|bekerja|kerja|work|have jobs|have careers|hold jobs)\b
\b(?:women|woman|females|girls|wives|perempuan|wanita|pompuan|betina|ladies|orang perempuan)\b(?: \w+){0,3}? (?:patut|should|kena|must|belong|better|baik) (?:just )?(?:duduk|stay|tinggal|be|kekal) (?:\w+ )?(?:di |kat |at |dekat )?(?:rumah|home)\b
\b(?:send|hantar|pack|ship|deport|kick) (?:\w+ ){1,4}?(?:back|home|balik|pulang) (?:to )?where (?:they|dorang|mereka) (?:belong|came from|come from)\b
\b(?:kick|throw|chase|boot|halau|usir|tendang|hantar) (?:them|em|mereka|dorang|diorang|depa|these people|those people|all of them) (?:all |semua )?(?:out|keluar|balik|pulang)\b(?! of (?:the |our |my |this |that )?(?:\w+ )?(?:group|chat|grup|kumpulan|channel|room|webinar|meeting|zoom|class|kelas|page))(?! dari (?:group|grup|kumpulan))
