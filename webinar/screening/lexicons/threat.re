# Threats of violence (English and Malay), matched on the normalised text. Same format as self_harm.re.
@TRIGGERS = kill murder stab shoot hurt beat punch rape hunt bomb burn strangle choke slap smash destroy find whack belasah die pay regret suffer bleed hope wish live back blow attack exterminate bunuh hapuskan sembelih gas wipe death tikam bakar tembak pukul sepak lanyak bom rogol cekik tetak parang lempang tumbuk hentam cari kena siap nahas mampus mati jaga tunggu tahu tau
@FP = (?:i|ill|im|i am|we|we are|imma|i will)
@MS_FP = (?:saya|aku|sy|aq|ku|kami|i|gua|gue)
@YOU = (?:you|your|ya|kau|awak|korang|kamu|engkau|anda|mak kau|keluarga kau|u)
\b{FP}\s(?:will |shall |am |are |m )?(?:going to |gonna |gon |want to |wanna )?(?:fucking |really |)(?:kill|murder|stab|shoot|hurt|beat up|beat|punch|rape|hunt down|hunt|bomb|burn|strangle|choke|slap|smash|destroy|find) (?:you|your|ya|him|her|them|everyone|all of you|u)\b
\b(?:you|ya) (?:will|are going to|gonna|re going to|are gonna|shall) (?:die|pay|regret|suffer|bleed)\b
\b(?:hope|wish) (?:you|ya)(?: all| guys| people| lot)? (?:die|get raped|get killed|get cancer|burn|rot|suffer)\b
\bi know where (?:you|ya) live\b
\bwatch your back\b
\b(?:bomb|shoot up|blow up|attack) (?:the|this|your) (?:webinar|event|school|office|venue|hall|mosque|church|temple|masjid|gereja|kuil)\b
\b(?:kill|murder|exterminate|bunuh|hapuskan|sembelih|shoot|gas|wipe out) (?:all|semua|every|every single) (?:the |orang |of the |of them|of those )?\w+
\bdeath to (?:all )?\w+
\b{MS_FP} (?:\w+ ){0,2}?(?:bunuh|tikam|bakar|tembak|pukul|belasah|sepak|lanyak|bom|rogol|cekik|tetak|parang|lempang|tumbuk|hentam|cari) {YOU}\b
\b(?:kau|awak|korang|you) (?:\w+ )?(?:nak kena|akan kena|kena) (?:pukul|belasah|tikam|bunuh|lempang|sepak|tumbuk|bakar|tembak|rogol)\b
\b(?:siap|nahas|mampus|mati|jaga) (?:lah |la )?(?:kau|korang|awak)\b
\btunggu (?:nasib|balasan) (?:kau|korang|awak)\b
\b(?:aku|saya|kami) (?:tahu|tau) (?:rumah|tempat) (?:kau|awak|korang)\b
\b{FP}\s(?:will |shall |am |are |m )?(?:going to |gonna |gon |want to |wanna )?(?:fucking |really |)(?:kill|murder|stab|shoot|hurt|beat up|beat|punch|rape|strangle|choke|slap|smash|whack|belasah) (?:the|this|that|your|ur) (?:speaker|host|panel|panelist|moderator|admin|presenter|organiser|organizer|mc|penceramah|hos|pembentang|penganjur)\b
