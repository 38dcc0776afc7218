# Hate without a group word: exclusion ("go back to...") and dehumanising comparisons of "them".
# Same format as self_harm.re; matched on the normalised text.
@THEY = (?:you people|u people|you lot|kamu semua|they|them|these people|those people|mereka|diorang|dorang|depa|golongan ni|golongan ini|puak ni|puak ini|kaum ni|kaum ini|bangsa ni|bangsa ini|org2 ni|orang orang ni|your kind|kaum kau|bangsa kau|korang semua)
\bgo back (?:to )?(?:your|their|where|china|india|africa|indonesia|bangladesh|your own|ur)\b
\b(?:go|get|fuck|piss) (?:back )?(?:out of|outta) (?:my|our|this|the) country\b
\bsend (?:them|em|all of them|these people) (?:all )?back\b
\b(?:do not|dont|doesnt|does not|never) belong (?:here|in (?:this country|malaysia|singapore|our country))\b
\b(?:balik|pulang|pergi|blk|kembali) (?:la |lah )?(?:ke )?(?:negara asal|tongsan|china|india|indonesia|bangladesh|myanmar|negara (?:kau|korang|mereka|dorang|diorang|sendiri)|tempat asal|kampung asal)\b
\b(?:keluar|berambus|blah) (?:dari|dr) (?:negara|malaysia|tanah) (?:ni|ini|kami|kita|melayu)\b
\b(?:tak|tidak) (?:layak|patut|boleh) (?:duduk|tinggal|berada|hidup) (?:di|kat|dekat|dalam) (?:sini|malaysia|negara (?:ni|ini|kita|kami))\b
\b{THEY} (?:\w+ ){0,2}?(?:like|macam|mcm|seperti|ibarat|bagai|bagaikan|are|r|is) (?:\w+ )?(?:rats|cockroaches|vermin|parasites|animals|beasts|pigs|dogs|monkeys|apes|lipas|tikus|binatang|babi|anjing|beruk|monyet|parasit|lintah|a virus|a disease|a plague|wabak|penyakit)\b
\b(?:breed|breeding|membiak) (?:like|macam|seperti) (?:rats|rabbits|cockroaches|tikus|lipas|arnab)\b
# From malaysian-manglish-nlp 3.3.0 (MIT licence, Copyright (c) 2026 Zafran): "don't let them in/stay".
\bjangan bagi (?:\w+ ){0,3}?(?:masuk|duduk|tinggal) (?:malaysia|negara (?:ni|ini|kita|kami))\b
