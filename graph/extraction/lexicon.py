"""The words the extraction rules read: verbs and nouns per relation, as data.

Adding a word here adds a rule: "rejoin" in the ``memberOf`` verbs makes "X rejoined Y" a
membership. Verbs are looked up by lemma (:func:`graph.extraction.clause.verb_key`).
"""

# verbs that hire an actor for a job (still to be done): "NASA selected SpaceX to launch the mission"
HIRING_VERBS = ("select", "choose", "pick", "hire", "commission", "task", "tap", "contract", "enlist")
# verb lemma -> relation it expresses between its subject and its object(s)
VERB_RELATIONS = {
    **dict.fromkeys(["partner", "cooperate", "collaborate", "team", "ally", "work", "unite", "coordinate",
                     "co-operate"],
                    "partnerOf"),
    **dict.fromkeys(["agree", "pledge", "decide", "vow"], "agree"),  # together: partners
    **dict.fromkeys([*HIRING_VERBS, "pay", "turn to"],
                    "hired"),  # an actor hired for a job: partners
    **dict.fromkeys(["sign", "ink", "conclude", "seal", "ratify", "finalize", "finalise", "award", "reach", "strike",
                     "secure", "clinch", "endorse", "win", "hold", "have"],
                    "signedAgreement"),
    **dict.fromkeys(["join", "accede", "participate", "contribute", "rejoin", "provide", "supply", "involve"],
                    "memberOf"),
    **dict.fromkeys(["leave", "quit", "exit"], "left"),
    **dict.fromkeys(["stay", "remain"], "stays"),  # "will stay on the ISS until 2028"
    **dict.fromkeys(["operate", "run", "lead", "develop", "build", "manage", "control", "design",
                     "manufacture", "construct", "own", "fly", "head", "oversee", "create", "make", "establish",
                     "found", "supervise", "administer", "steer", "spearhead", "assemble", "produce",
                     "initiate", "start", "unveil", "lease", "rent", "organise", "organize", "conduct", "helm",
                     "co-develop", "co-build", "co-lead", "co-design", "co-manage"],
                    "operates"),
    **dict.fromkeys(["launch", "loft", "put", "place"], "launched"),  # "put into orbit" (read in craft.launch)
    **dict.fromkeys(["lift", "blast", "take"], "liftOff"),  # with "off"
    **dict.fromkeys(["send", "fly", "ride", "travel", "board"], "aboard"),  # people aboard a mission
    **dict.fromkeys(["land", "touch", "crash", "soft-land", "crash-land", "smash", "slam", "impact", "parachute",
                     "splash"], "landedOn"),
    **dict.fromkeys(["return", "bring", "deliver", "retrieve", "collect"], "returnedSamples"),
    **dict.fromkeys(["plan", "aim", "intend", "seek", "hope", "want", "propose", "prepare", "envisage",
                     "envision", "target", "consider", "mull", "weigh", "discuss", "approve", "greenlight", "adopt"],
                    "plansMission"),
    **dict.fromkeys(["compete", "rival", "race", "sanction", "oppose", "accuse", "condemn", "blame", "criticise",
                     "criticize", "threaten", "counter", "challenge", "outpace", "beat"], "rivalOf"),
    **dict.fromkeys(["suspend", "end", "terminate", "halt", "cut", "sever", "freeze", "ban", "stop",
                     "withdraw", "abandon", "cancel", "drop", "exclude"], "ended"),
    **dict.fromkeys(["bar", "prohibit", "forbid", "prevent"], "barred"),
    **dict.fromkeys(["belong"], "belongs"),
    **dict.fromkeys(["command", "pilot", "captain"], "commands"),  # "Ax-2 is commanded by Peggy Whitson"
    **dict.fromkeys(["serve", "act"], "serves"),  # "will serve as the lander for Artemis III"
    **dict.fromkeys(["include", "comprise", "consist", "carry", "feature", "host", "house", "integrate",
                     "incorporate", "equip", "deploy", "release"], "hasPart"),
    **dict.fromkeys(["install", "mount", "attach", "integrate", "dock", "berth"], "installedOn"),
}
PART_NOUNS = {"part", "component", "element", "module", "payload", "mission", "instrument", "stage", "centrepiece",
              "centerpiece", "cornerstone"}
MULTILATERAL = {"accords", "treaty", "convention", "charter", "declaration"}
MAKING_VERBS = {"build", "construct", "develop", "create", "make", "design", "manufacture"}
# nouns that name a partnership or a rivalry (read in graph.extraction.nominal): "the partnership between X and Y"
# verbs that end an undertaking: their date is no target ("due to be retired this year")
ENDING_VERBS = {"retire", "decommission", "deorbit", "end", "close", "scrap", "cancel", "terminate", "abandon"}
# nouns for ties still being negotiated: "in talks with India" (a partnership that may come)
NEGOTIATION_NOUNS = {"talk", "talks", "negotiation", "negotiations", "discussion", "discussions", "consultation",
                     "consultations"}
PARTNER_NOUNS = {"partnership", "cooperation", "co-operation", "collaboration", "alliance", "tie", "ties",
                 "relationship", "partner", "partners", "deal", "agreement", "pact", "venture", "effort",
                 "endeavour", "endeavor", *NEGOTIATION_NOUNS}
RIVAL_NOUNS = {"rivalry", "competition", "race", "rival", "rivals", "competitor", "competitors", "sanction",
               "sanctions", "tension", "tensions", "dispute", "conflict", "standoff", "adversary", "adversaries",
               "threat"}
# rivalry nouns that only imply a rivalry (the statement is "inferred"): "the space race", "tensions between"
IMPLIED_RIVALRY = {"race", "sanction", "tension", "dispute", "conflict", "standoff", "ban", "bar", "prohibit",
                   "forbid", "accuse", "condemn", "blame", "criticise", "criticize", "threaten", "counter", "challenge",
                   "outpace", "beat", "threat"}
MEMBER_NOUNS = {"member", "members", "signatory", "signatories", "participant", "participants", "part", "partner",
                "contributor", "contributors", "party", "parties"}
AGREEMENT_NOUNS = {"agreement", "agreements", "memorandum", "mou", "accord", "accords", "contract", "deal",
                   "treaty", "letter", "statement", "pact", "charter", "declaration", "arrangement", "protocol",
                   "document", "documents", "loi"}
SAMPLE_NOUNS = {"sample", "samples", "rock", "rocks", "soil", "regolith", "material", "materials", "particle",
                "particles", "grain", "grains", "dust", "pebble", "pebbles", "core", "cores"}
PLACE_PREPS = {"on", "in", "at", "onto", "near", "into", "around", "to"}
PARTICIPATION_NOUNS = {"participation", "membership", "entry", "accession", "involvement", "return", "contribution",
                       "seat"}
PLAN_NOUNS = {"plan", "plans", "ambition", "goal", "aim", "intention", "roadmap", "proposal"}
# unnamed things built and run: "the landing platform", "a new descent stage"
HARDWARE_NOUNS = {"platform", "stage", "system", "module", "rover", "lander", "orbiter", "spacecraft", "satellite",
                  "rocket", "engine", "instrument", "telescope", "camera", "station", "facility", "centre", "center",
                  "probe", "capsule", "vehicle", "payload", "arm", "airlock", "habitat", "antenna", "radar",
                  "spectrometer", "detector", "sensor", "observatory", "spectrograph", "magnetometer", "imager",
                  "radiometer", "altimeter", "drill", "laser"}
# phrasal verbs as the verb they mean
PHRASAL = {("set", "up"): "establish", ("come", "down"): "land", ("put", "together"): "assemble",
           ("sign", "on"): "join",
           ("sign", "up"): "join", ("pull", "out"): "leave", ("drop", "out"): "leave", ("back", "out"): "leave",
           ("bring", "together"): "include"}
# people who act for the organisation or country that qualifies them: "Emirati engineers", "NASA officials"
STAFF_NOUNS = {"astronaut", "cosmonaut", "crew", "engineer", "scientist", "official", "researcher", "team", "expert",
               "staff", "specialist",
               "technician", "leader", "authority", "government", "officer", "colleague", "counterpart"}
# people who sign or speak for an organisation: "the heads of the two agencies, X and Y, signed"
REPRESENTATIVE_NOUNS = {"head", "chief", "director", "representative", "delegation", "minister", "ambassador",
                        "president", "official", "leader", "officer"}
STAFF_NOUNS |= REPRESENTATIVE_NOUNS
# nouns naming a stage of an undertaking, which stand for it: "the first version of the station"
STAGE_NOUNS = {"version", "phase", "stage", "step", "part", "first", "core"}
# an organisation's sites: "its Bremen facility", "ESA's headquarters in Paris"
SITE_NOUNS = {"headquarters", "headquarter", "facility", "plant", "factory", "site", "campus", "hq", "control", "pad"}
# groups whose members a verb of inclusion lists: "the ISS partnership includes the US and Japan"
GROUP_NOUNS = {"partnership", "consortium", "coalition", "crew", "team", "group", "alliance", "membership"}
# services one organisation gives another: "suspended launches of OneWeb satellites"
SERVICE_NOUNS = {"launch", "launches", "delivery", "deliveries", "flight", "flights", "supply", "service", "services"}
# parts of a body's surface, which stand for the body: "the far side of the Moon", "the lunar surface"
SURFACE_NOUNS = {"side", "surface", "pole", "region", "crater", "highlands", "plain", "plains", "basin", "terrain"}
# parts of a country or a region, which stand for it as a location: "on the coast of Peru", "in the north of Chile"
GEO_PART_NOUNS = {"coast", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                  "outskirts", "interior", "mainland", "part", "heart", "centre", "center"}
BODY_ADJECTIVES = {"lunar": "Moon", "martian": "Mars", "venusian": "Venus", "jovian": "Jupiter"}
# what a mission carries for others: "instruments from France and Pakistan"
PAYLOAD_NOUNS = {"instrument", "payload", "experiment", "cubesat", "satellite", "device", "sensor", "camera", "rover",
                 "spectrometer", "detector", "telescope"}
_PLANETS = {"Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"}
# the planets, dwarf planets, moons and asteroids that missions visit, by name
SOLAR_SYSTEM_BODIES = _PLANETS | {"Pluto", "Ceres", "Vesta", "Titan", "Europa", "Ganymede", "Callisto", "Io",
                                  "Enceladus", "Phobos", "Deimos", "Triton", "Bennu", "Ryugu", "Didymos", "Dimorphos",
                                  "Psyche", "Apophis", "Itokawa", "Arrokoth"}
# bodies that "the asteroid" or "the comet" never refers to
MAJOR_BODIES = _PLANETS | {"Sun", "Earth", "Moon"}
# capitals that news uses for their country's government: "Washington sees Beijing as a rival"
CAPITALS = {"Washington": "United States", "Beijing": "China", "Moscow": "Russia", "New Delhi": "India",
            "Tokyo": "Japan", "Paris": "France", "Berlin": "Germany", "London": "United Kingdom", "Rome": "Italy",
            "Seoul": "South Korea", "Pyongyang": "North Korea", "Tehran": "Iran", "Ottawa": "Canada",
            "Canberra": "Australia", "Abu Dhabi": "United Arab Emirates", "Riyadh": "Saudi Arabia", "Ankara": "Turkey",
            "Kyiv": "Ukraine", "Kiev": "Ukraine", "Brasilia": "Brazil", "Islamabad": "Pakistan", "Cairo": "Egypt",
            "Nairobi": "Kenya", "Kigali": "Rwanda", "Abuja": "Nigeria", "Astana": "Kazakhstan", "Minsk": "Belarus",
            "Jakarta": "Indonesia", "Hanoi": "Vietnam", "Bangkok": "Thailand", "Manila": "Philippines",
            "Mexico City": "Mexico", "Buenos Aires": "Argentina", "Pretoria": "South Africa", "Caracas": "Venezuela",
            "Lima": "Peru", "Santiago": "Chile", "Bogota": "Colombia", "Quito": "Ecuador", "La Paz": "Bolivia",
            "Montevideo": "Uruguay", "Asuncion": "Paraguay", "Baku": "Azerbaijan", "Tashkent": "Uzbekistan",
            "Dhaka": "Bangladesh", "Colombo": "Sri Lanka", "Kuala Lumpur": "Malaysia", "Singapore": "Singapore",
            "Wellington": "New Zealand", "Madrid": "Spain", "Lisbon": "Portugal", "Warsaw": "Poland",
            "Budapest": "Hungary", "Prague": "Czech Republic", "Vienna": "Austria", "Bern": "Switzerland",
            "Brussels": "Belgium", "Stockholm": "Sweden", "Oslo": "Norway",
            "Helsinki": "Finland", "Copenhagen": "Denmark", "Athens": "Greece",
            "Amman": "Jordan", "Doha": "Qatar", "Muscat": "Oman", "Manama": "Bahrain", "Kuwait City": "Kuwait",
            "Addis Ababa": "Ethiopia", "Dakar": "Senegal", "Accra": "Ghana", "Rabat": "Morocco", "Tunis": "Tunisia",
            "Algiers": "Algeria", "Kinshasa": "Democratic Republic of the Congo", "Luanda": "Angola"}
# help given to another actor, which makes them partners: "NASA provided technical support to KARI"
SUPPORT_NOUNS = {"support", "assistance", "help", "expertise"}
# nouns for what happens to a craft on a date: "the launch of X is set for May"
EVENT_NOUNS = {"launch", "landing", "flight", "liftoff", "lift-off", "arrival", "touchdown", "soft-landing"}
# light verbs whose subject does what their object names: "Japan made a soft landing on the Moon"
LIGHT_VERBS = {"make", "achieve", "complete", "perform", "execute", "accomplish"}
# inflected verbs the small model's rule lemmatizer gets wrong ("hopes" -> "hop"), added to its own
# attribute ruler when the pipeline loads (graph.extraction.nlp), so every rule reads the right lemma
VERB_LEMMA_EXCEPTIONS = {
    **dict.fromkeys(["hopes", "hoped", "hoping"], "hope"),
    **dict.fromkeys(["installed", "installing"], "install"),
    **dict.fromkeys(["rides", "riding"], "ride"),
    **dict.fromkeys(["slated", "slates", "slating"], "slate"),
    **dict.fromkeys(["soft-landed", "soft-landing", "soft-lands"], "soft-land"),
    **dict.fromkeys(["crash-landed", "crash-landing", "crash-lands"], "crash-land"),
}
# verbs written with a manner prefix, each read by the tagger as the plain verb form
# verbs done together: "Peru and Chile are co-developing the rover" (also partners)
CO_VERBS = {"develop": "develop develops developed developing", "build": "build builds built building",
            "lead": "lead leads led leading", "design": "design designs designed designing",
            "manage": "manage manages managed managing", "operate": "operate operates operated operating"}
VERB_LEMMA_EXCEPTIONS.update({f"co-{form}": f"co-{verb}" for verb, forms in CO_VERBS.items()
                              for form in forms.split()})
HYPHENATED_WORDS = {f"{manner}-{form}": form for manner in ("soft", "crash")
                    for form in ("land", "landed", "landing", "lands")}
HYPHENATED_WORDS.update({f"co-{form}": form for forms in CO_VERBS.values() for form in forms.split()})
# "co-operation" (British spelling) is one word, the noun "cooperation"
HYPHENATED_WORDS.update({"co-operation": "cooperation", "co-operations": "cooperations"})
