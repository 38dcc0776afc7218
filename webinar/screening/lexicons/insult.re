# Insults aimed at a person without a listed insult word, matched on the NORMALISED text. Same format as
# self_harm.re. A match is an insult (code insult.phrase, severity 2) unless a negator stands in it or
# just before it ("you're not a sheep for trusting them", "jangan panggil dia beruk").
# Kinds: a person (the reader, a role noun, a third person) compared with or called an animal, through
# a closed set of linking words ("the host is a pig", "you sound like a braying donkey", "speaker like
# monkey only"); a person's brain made small or absent; a person called a joke or a waste of space, or
# told nobody respects them. A literal animal ("my dog", "he is a dog lover", "the host's cat") links
# through none of these words, or is followed by a word naming the animal as a topic.
@ROLE = (?:hosts?|hos|speakers?|panel|panelists?|panellists?|moderators?|mods?|admins?|presenters?|penceramah|pembentang|pengacara|mc|emcee|organi[sz]ers?|penganjur)
@WHO = (?:{ROLE}|you|kau|awak|ko|korang|kamu|engkau|dia|he|she|this guy|that guy|this fella|that fella|mamat ni|mamat tu|minah ni|minah tu|budak ni|budak tu)
@LINK = (?:bunch of|pack of|load of|group of|herd of|is|are|r|was|were|am|ni|tu|memang|this one|that one|really|so|such|just|only|like|macam|mcm|seperti|cam|sound|sounds|look|looks|talk|talks|act|acts|bunyi|muka|perangai|otak|a|an|the|one|real|total|complete|absolute|stupid|dumb|dirty|filthy|fat|ugly|lazy|bloody|damn|fucking|little|old|big|useless|brainless|mindless|noisy|smelly|greedy|braying|bodoh|bangang|busuk|gemuk|hodoh|pemalas|dasar|eh|hey|oi|woi)
@ANIMAL = (?:pigs?|swine|donkeys?|monkeys?|apes?|baboons?|sheep|cows?|dogs?|rats?|snakes?|cockroach|cockroaches|worms?|parrots?|chimps?|chimpanzees?|hyenas?|babi|anjing|beruk|monyet|lembu|kambing|keldai|kerbau|tikus|ular|biawak|tapir|lipas|cacing|mawas|orang utan)
@TOPIC = (?:lovers?|person|people|owners?|trainers?|food|meat|farms?|farmers?|show|sitters?|walkers?|year|years|breeders?|shelters?|daging|peliharaan|videos?|pictures?|photos?|emoji|memes?|costumes?|mascots?|filters?|bite|bites|park|parks|jantan|betina|liar)
\b{WHO}(?: {LINK}){1,5} {ANIMAL}\b(?! {TOPIC}\b)
\bdasar {ANIMAL}\b(?! {TOPIC}\b)
\b(?:your|his|her|the {ROLE}|{ROLE}|{ROLE} s|kau punya|dia punya)(?: \w+)? brains?(?: \w+){0,3}? (?:size of|smaller than|as big as|like) (?:a |an )?(?:\w+ )?(?:peanut|pea|walnut|grape|raisin|ant|kacang|semut)\b
\b{WHO}(?: \w+){0,3}? (?:no brain|no brains|tak ada otak|takde otak|tiada otak|xde otak|tak berotak|brain dead|braindead|otak letak (?:kat|di|dekat) lutut)\b
\b(?:you|you are|your|kau|awak|{ROLE})(?: \w+)? (?:a joke|a disgrace|an embarrassment|a waste of (?:space|oxygen|air)|sampah masyarakat)\b
\bnobody (?:likes|respects|wants|cares about|loves|listens to|takes) (?:you|him|her|the {ROLE})\b
# A person called a fool or the like through the same linking words ("the speaker is a fool", "you
# buffoon"); "scammers can fool you" links nothing to a person before the word.
\b{WHO}(?: {LINK}){0,5} (?:fool|fools|buffoon|buffoons|muppet|bozo|dimwit|halfwit|nitwit|numpty|nincompoop|dunce)\b
# Round 5 (kinds): a person's brain called empty or dead ("as annoying as her brain is empty", a panel of
# brain-dead fossils).
\b(?:your|his|her|their|the {ROLE} s|{ROLE} s|kau punya|dia punya) (?:\w+ )?(?:brain|brains|head|otak|kepala) (?:is |are |was |memang )?(?:empty|hollow|kosong|mush|rotten|dead|mati|tak ada isi)\b
\b(?:these|those|this|that|the|all|you|your|our)(?: \w+)? (?:{ROLE}|guys|people|orang) (?:are|is|r|ni|tu|memang|so|really|just)(?: \w+)? (?:brain dead|braindead|brainless|mindless|tak berotak)\b
# Round 7: a person called slow in the head (`lambat otak`, `otak lembab`).
\b{WHO}(?: \w+){0,3}? (?:slow in the head|not right in the head|lambat otak|otak lembab|otak lembap|otak udang|otak siput)\b
