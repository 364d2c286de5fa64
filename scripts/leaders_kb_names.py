"""Hand-written tables for scripts/build_leaders_kb.py: name repairs, display forms, variants.

Keys of DISPLAY and FEMALE are the ids the script derives from the Factbook name
(``person/<given-surname>``, after DAMAGED repairs), before any override.
"""

from __future__ import annotations

#: Factbook names as parsed -> the name as it should have read. Mostly letters that the
#: 2021-2025 editions lost with their HTML entities, for people absent from earlier editions
#: (the script otherwise prefers the undamaged earlier spelling); a few parsing leftovers.
DAMAGED: dict[str, str] = {
    "Alix Didier FILS-AIM": "Alix Didier FILS-AIMÉ",
    "Am rico d'Oliveira DOS RAMOS": "Américo d'Oliveira DOS RAMOS",
    "Andr s Manuel L PEZ OBRADOR": "Andrés Manuel LÓPEZ OBRADOR",
    "Bernardo AR VALO de Le n": "Bernardo ARÉVALO de León",
    "Claudia Juana RODR GUEZ de Guevara": "Claudia Juana RODRÍGUEZ de Guevara",
    "Delcy Elo na RODR GUEZ G mez": "Delcy Eloína RODRÍGUEZ Gómez",
    "F lix MOLOUA": "Félix MOLOUA",
    "FIAME Naomi Mata afa": "FIAME Naomi Mata'afa",
    "Faustin-Archange TOUAD RA": "Faustin-Archange TOUADÉRA",
    "Fran ois BAYROU": "François BAYROU",
    "GNU Interim Prime Minister Abd-al-Hamid DUBAYBAH": "Abd-al-Hamid DUBAYBAH",
    "Il dio Vieira TE": "Ilídio Vieira TÉ",
    "John BRICE O": "John BRICEÑO",
    "Jos Enrique JER Or": "José Enrique JERÍ Oré",
    "Jos Ra l MULINO Quintero": "José Raúl MULINO Quintero",
    "Jos RAMOS-HORTA": "José RAMOS-HORTA",
    "Luiz In cio LULA da Silva": "Luiz Inácio LULA da Silva",
    "Mahamat Idriss D BY": "Mahamat Idriss DÉBY",
    "Minister Gervais NDIRAKOBUCA": "Gervais NDIRAKOBUCA",
    "S bastien LECORNU": "Sébastien LECORNU",
    "Santiago PE A Palacios": "Santiago PEÑA Palacios",
    "Sebastian KURZ elected chancellor": "Sebastian KURZ",
    "Simon HARRIS resigned on 18 December 2024 but remains in Caretaker status until a new prime "
    "minister is appointed": "Simon HARRIS",
    "SONEXAY (also spelled SONXAI) Siphandon": "SONEXAY Siphandone",
    "TUIMALEALI'IFANO Va aletoa Sualauvi II": "TUIMALEALI'IFANO Va'aletoa Sualauvi II",
    "Victoire TOMEGAH Dogb": "Victoire TOMEGAH Dogbé",
    "Yamand ORSI Mart nez": "Yamandú ORSI Martínez",
    "lisabeth BORNE": "Élisabeth BORNE",
}

#: (country, name) pairs the Factbook lists under the wrong country.
SKIP_HOLDERS: set[tuple[str, str]] = {
    ("COD", "Anatole Collinet MAKOSSO"),  # Republic of the Congo's prime minister
}

#: Name -> "capitalised name|first name" key: joins one person's respellings that the fuzzy
#: rule misses, and (a key ending in "#") keeps apart namesakes of one country.
KEY_OVERRIDE: dict[str, str] = {
    "Abdoulaye MAIGA": "maiga|abdoulaye-2#",  # Col. Abdoulaye Maiga, not Abdoulaye Idrissa
    "Abdel Fattah EL-SISI": "elsisi|abdelfattah",
    "Abd-al-Hamid DUBAYBAH": "dbeibeh|abdul",
    "Abdul Hamid DUBAYBAH": "dbeibeh|abdul",
    "Jorge BOM JESUS": "jesus|jorge",
    "Mario ABDO BENITEZ": "benitez|mario",
    "Mohammad SHAHABUDDIN Chuppi": "chuppi|mohammad",
    "Najla BOUDEN Romdhane": "romdhane|najla",
    "Robert BREUGRE MAMBE": "mambe|robert",
    "SONEXAY": "sonxai|siphandon",
    "Umaro SISSOCO Embalo": "embalo|umaro",
    "Victoire TOMEGAH Dogbé": "dogbe|victoire",
    "Navinchandra RAMGOOLAM": "ramgoolam|navin",
    "Jean-Michel Sama Lukonde KYENGE": "lukonde|jean-michel",
    "Nicolae-Ionel CIUCA": "ciuca|nicolae",
    "Vjosa OSMANI-Sadriu": "osmani|vjosa",
    "OBIANG Nguema Mbasogo": "obiang|teodoro",
    "SONEXAY Siphandone": "sonxai|siphandon",
    "Motsoahae Thomas THABANE": "thabane|thomas",
    "Thomas Motsoahae Thomas THABANE": "thabane|thomas",
}

#: (country, title, start) -> (end, reason) for holders whose office the next snapshot shows
#: vacant or held by nobody named, so that no successor start exists.
ENDS: dict[tuple[str, str, str], tuple[str, str]] = {
    ("SYR", "President", "2000-07-17"): ("2024-12-08", "overthrown; Factbook 2024: vacant"),
    ("AFG", "President", "2014-09-29"): ("2021-08-15", "fled the Taliban takeover"),
    ("YEM", "President", "2012-02-21"): ("2022-04-07", "power passed to the Presidential Council"),
    ("SDN", "President", "1993-10-16"): ("2019-04-11", "deposed by the military"),
    ("SLV", "President", "2023-12-01"): ("2024-06-01", "interim while the president campaigned"),
}

#: (country, title, Factbook start) -> the right start, for since-dates the Factbook misprints.
STARTS: dict[tuple[str, str, str], str] = {
    ("ROU", "Prime Minister", "2005-06-23"): "2025-06-23",  # Ilie Bolojan; "2005" in 2025 ed.
}

#: Display name, extra aliases and gender by derived id, for leaders news names otherwise;
#: "country": the person's own country where they hold offices in several at once.
DISPLAY: dict[str, dict[str, object]] = {
    "person/charles-iii": {"country": "GBR"},  # also king of fourteen other realms
    "person/emmanuel-macron": {"country": "FRA"},  # also co-prince of Andorra
    "person/abdelfattah-elsisi": {
        "name": "Abdel Fattah el-Sisi",
        "aliases": ["Sisi", "el-Sisi", "al-Sisi", "Abdel Fattah al-Sisi"]},
    "person/alyaksandr-lukashenka": {"name": "Alexander Lukashenko",
                                     "aliases": ["Lukashenko", "Aleksandr Lukashenko",
                                                 "Alexander Lukashenka"]},
    "person/aleksandr-lukashenko": {"name": "Alexander Lukashenko",
                                    "aliases": ["Lukashenka", "Alyaksandr Lukashenka",
                                                "Alexander Lukashenka"]},
    "person/andres-manuel-lopez-obrador": {"name": "Andrés Manuel López Obrador",
                                           "aliases": ["AMLO", "López Obrador"]},
    "person/anthony-john-tony-abbott": {"name": "Tony Abbott", "aliases": ["Anthony Abbott"]},
    "person/ashraf-ghani-ahmadzai": {"name": "Ashraf Ghani", "aliases": ["Ghani"]},
    "person/bashar-al-asad": {"name": "Bashar al-Assad",
                              "aliases": ["Assad", "al-Assad", "Bashar Assad", "al-Asad"]},
    "person/binyamin-netanyahu": {"name": "Benjamin Netanyahu",
                                  "aliases": ["Netanyahu", "Bibi", "Binyamin Netanyahu",
                                              "Benyamin Netanyahu"]},
    "person/claudia-sheinbaum-pardo": {"name": "Claudia Sheinbaum", "gender": "f"},
    "person/cristina-fernandez-de-kirchner": {"name": "Cristina Fernández de Kirchner",
                                              "aliases": ["Kirchner", "Cristina Kirchner"],
                                              "gender": "f"},
    "person/dmitriy-medvedev": {"name": "Dmitry Medvedev", "aliases": ["Dmitri Medvedev"]},
    "person/dilma-rousseff": {"gender": "f"},
    "person/ebrahim-raisi": {"aliases": ["Raeisi", "Ebrahim Raeisi", "Ibrahim Raisi"]},
    "person/emmerson-dambudzo-mnangagwa": {"name": "Emmerson Mnangagwa"},
    "person/ferdinand-bongbong-marcos-jr": {"name": "Ferdinand Marcos Jr.",
                                            "aliases": ["Bongbong Marcos", "Marcos"]},
    "person/francois-hollande": {"name": "François Hollande"},
    "person/hasan-fereidun-rohani": {"name": "Hassan Rouhani",
                                     "aliases": ["Rouhani", "Rohani", "Ruhani", "Hassan Rohani"]},
    "person/hasan-fereidun-ruhani": {"name": "Hassan Rouhani",
                                     "aliases": ["Rouhani", "Rohani", "Ruhani", "Hassan Rohani"]},
    "person/joko-widodo": {"aliases": ["Jokowi", "Widodo"]},
    "person/joko-jokowi-widodo": {"name": "Joko Widodo", "aliases": ["Jokowi", "Widodo"]},
    "person/joseph-biden-jr": {"name": "Joe Biden",
                               "aliases": ["Biden", "Joseph Biden", "Joseph R. Biden",
                                           "Joseph R. Biden Jr."]},
    "person/justin-pierre-james-trudeau": {"name": "Justin Trudeau", "aliases": ["Trudeau"]},
    "person/kasym-zhomart-tokayev": {"aliases": ["Tokaev", "Kassym-Jomart Tokayev",
                                                 "Kassym-Jomart Tokaev"]},
    "person/kim-jong-un": {"aliases": ["Kim Jong-un", "Kim"]},
    "person/luiz-inacio-lula-da-silva": {"aliases": ["Lula", "Lula da Silva"]},
    "person/matamela-cyril-ramaphosa": {"name": "Cyril Ramaphosa", "aliases": ["Ramaphosa"]},
    "person/mohamed-bin-zayed-al-nahyan": {"aliases": ["MBZ"]},
    "person/muhammad-bin-zayid-al-nuhayyan": {"name": "Mohamed bin Zayed Al Nahyan",
                                              "aliases": ["MBZ", "Mohammed bin Zayed",
                                                          "Mohamed bin Zayed"]},
    "person/narendra-modi": {"aliases": ["Modi", "Narendra Damodardas Modi"]},
    "person/prabowo-subianto-djojohadikusumo": {"name": "Prabowo Subianto",
                                                "aliases": ["Prabowo"]},
    "person/recep-tayyip-erdogan": {"name": "Recep Tayyip Erdoğan",
                                    "aliases": ["Erdogan", "Erdoğan", "Tayyip Erdogan"]},
    "person/salman-bin-abd-al-aziz-al-saud": {"name": "King Salman",
                                              "aliases": ["Salman bin Abdulaziz",
                                                          "Salman bin Abdulaziz Al Saud"]},
    "person/shavkat-mirziyoyev": {"aliases": ["Mirziyoev"]},
    "person/stephen-joseph-harper": {"name": "Stephen Harper"},
    "person/susilo-bambang-yudhoyono": {"aliases": ["SBY", "Yudhoyono"]},
    "person/tamim-bin-hamad-al-thani": {"aliases": ["Emir Tamim", "Sheikh Tamim"]},
    "person/volodymyr-zelenskyy": {"name": "Volodymyr Zelensky",
                                   "aliases": ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi",
                                               "Zelenskii", "Volodymyr Zelenskyy",
                                               "Volodymyr Zelenskiy", "Vladimir Zelensky"]},
    "person/wachiralongkon-bodinthrathepphayawarangkun": {
        "name": "Maha Vajiralongkorn", "aliases": ["Vajiralongkorn", "King Rama X",
                                                   "Wachiralongkon"]},
    "person/xi-jinping": {"aliases": ["Xi"]},
    "person/pedro-sanchez-perez-castejon": {"name": "Pedro Sánchez",
                                            "aliases": ["Pedro Sanchez", "Sánchez"]},
    "person/sonexay-siphandone": {"aliases": ["Sonexay", "Sonxai Siphandon"]},
    "person/vjosa-osmani": {"aliases": ["Vjosa Osmani-Sadriu", "Osmani"], "gender": "f"},
    "person/francis": {"name": "Pope Francis", "aliases": ["Francis", "Jorge Mario Bergoglio"]},
    "person/leo-xiv": {"name": "Pope Leo XIV", "aliases": ["Leo XIV", "Robert Francis Prevost"]},
    "person/hasina": {"name": "Sheikh Hasina", "aliases": ["Hasina", "Sheikh Hasina Wazed"],
                      "gender": "f"},
    "person/hasina-wazed": {"name": "Sheikh Hasina", "aliases": ["Hasina", "Sheikh Hasina Wazed"],
                            "gender": "f"},
    "person/kassim-majaliwa-majaliwa": {"name": "Kassim Majaliwa"},
    "person/michel-miguel-elias-temer-lulia": {"name": "Michel Temer", "aliases": ["Temer"]},
    "person/motsoahae-thomas-thabane": {"name": "Thomas Thabane", "aliases": ["Tom Thabane"]},
    "person/thomas-motsoahae-thomas-thabane": {"name": "Thomas Thabane",
                                               "aliases": ["Tom Thabane"]},
    "person/muhammad-bin-salman-bin-abd-al-aziz-al-saud": {
        "name": "Mohammed bin Salman", "aliases": ["MBS", "Muhammad bin Salman"]},
    "person/sonexay": {"name": "Sonexay Siphandone", "aliases": ["Sonexay", "Sonxai Siphandon"]},
    "person/sonxai-siphandon": {"name": "Sonexay Siphandone",
                                "aliases": ["Sonexay", "Sonxai Siphandon"]},
    "person/mohamed-abdullahi-mohamed": {"aliases": ["Farmaajo", "Farmajo"]},
    "person/kamla-persad-bissessar": {"gender": "f"},
    "person/claudia-juana-rodriguez-de-guevara": {"gender": "f"},
    "person/pedro-manuel-passos-coelho-mamede": {"name": "Pedro Passos Coelho",
                                                 "aliases": ["Passos Coelho"]},
    "person/antonio-luis-santos-da-costa": {"name": "António Costa",
                                            "aliases": ["Antonio Costa", "Costa"]},
    "person/klaus-werner-iohannis": {"name": "Klaus Iohannis"},
    "person/benigno-aquino": {"aliases": ["Noynoy Aquino", "Benigno Aquino III"]},
    "person/li-keqiang": {"aliases": ["Li"]},
}

#: Extra spellings by folded capitalised Factbook surname.
TRANSLITERATIONS: dict[str, list[str]] = {
    "aliyev": ["Aliev"],
    "al-asad": ["Assad", "al-Assad"],
    "berdimuhamedov": ["Berdymukhamedov", "Berdimuhamedow"],
    "duda": ["Andrzej Duda"],
    "erdogan": ["Erdoğan"],
    "hroysman": ["Groysman", "Hroisman"],
    "khamenei": ["Khamenei", "Ali Khamenei"],
    "hoseini-khamenei": ["Khamenei", "Ali Khamenei", "Ayatollah Khamenei"],
    "karins": ["Kariņš", "Krišjānis Kariņš"],
    "lukashenko": ["Lukashenka"],
    "lukashenka": ["Lukashenko"],
    "merkel": [],
    "mitsotakis": [],
    "nauseda": ["Nausėda", "Gitanas Nausėda"],
    "netanyahu": ["Bibi"],
    "pezeshkian": ["Pezeshkiyan"],
    "poroshenko": [],
    "raisi": ["Raeisi"],
    "rinkevics": ["Rinkēvičs", "Edgars Rinkēvičs"],
    "shmyhal": ["Shmygal", "Denis Shmygal"],
    "svyrydenko": ["Svyrydenko", "Yuliia Svyrydenko", "Yulia Sviridenko"],
    "szydlo": ["Szydło", "Beata Szydło"],
    "tokayev": ["Tokaev"],
    "yanukovych": ["Yanukovich", "Viktor Yanukovich"],
    "yatsenyuk": ["Yatseniuk", "Arseny Yatsenyuk"],
    "zelenskyy": ["Zelensky", "Zelenskiy", "Zelenskyi", "Zelenskii"],
}

#: Women among the heads of state and government (ids as derived), from our knowledge.
FEMALE: set[str] = {
    "person/aminata-toure", "person/ameenah-gurib-fakim", "person/ana-brnabic",
    "person/atifete-jahjaga", "person/beata-szydlo", "person/bidhya-devi-bhandari",
    "person/borjana-kristo", "person/brigitte-haas", "person/catherine-connolly",
    "person/catherine-samba-panza", "person/christine-kangaloo", "person/dalia-grybauskaite",
    "person/delcy-eloina-rodriguez-gomez", "person/dina-ercilia-boluarte-zegarra",
    "person/doris-leuthard", "person/droupadi-murmu", "person/ekaterini-sakellaropoulou",
    "person/elisabeth-borne", "person/erna-solberg", "person/evika-silina",
    "person/ewa-kopacz", "person/fiame-naomi-mata-afa", "person/giorgia-meloni",
    "person/gordana-siljanovska-davkova", "person/halimah-yacob", "person/halla-tomasdottir",
    "person/harini-amarasuriya", "person/hasina-wazed", "person/hilda-c-heine",
    "person/hilda-heine", "person/ingrida-simonyte", "person/inga-ruginiene",
    "person/iris-xiomara-castro-de-zelaya", "person/jacinda-ardern",
    "person/jennifer-geerlings-simons", "person/judith-suminwa-tuluka", "person/julia-gillard",
    "person/kaja-kallas", "person/kamla-susheila-persad-bissessar", "person/katalin-novak",
    "person/katrin-jakobsdottir", "person/kersti-kaljulaid", "person/kolinda-grabar-kitarovic",
    "person/kristrun-frostadottir", "person/laimdota-straujuma", "person/liz-truss",
    "person/magdalena-andersson", "person/maia-sandu", "person/manuela-roka-botey",
    "person/maria-benvinda-delfina-levi", "person/marie-louise-coleiro-preca",
    "person/mette-frederiksen", "person/mia-mottley", "person/michelle-bachelet-jeria",
    "person/myriam-spiteri-debono", "person/najla-bouden-romdhane", "person/natalia-gavrilita",
    "person/natasa-pirc-musar", "person/netumbo-nandi-ndaitwah", "person/park-geun-hye",
    "person/paula-mae-weekes", "person/portia-simpson-miller", "person/robinah-nabbanja",
    "person/rose-christiane-ossouka-raponda", "person/saara-kuugongelwa-amadhila",
    "person/sahle-work-zewde", "person/salome-zourabichvili", "person/samia-suluhu-hassan",
    "person/sanae-takaichi", "person/sandra-mason", "person/sanna-marin",
    "person/sarra-zaafrani-zenzri", "person/sheikh-hasina", "person/simonetta-sommaruga",
    "person/sushila-karki", "person/sylvanie-burton", "person/theresa-may",
    "person/tsai-ing-wen", "person/ellen-johnson-sirleaf", "person/victoire-tomegah-dogbe",
    "person/viola-amherd", "person/vjosa-osmani", "person/yinglak-chinnawat",
    "person/yulia-svyrydenko", "person/zeljka-cvijanovic", "person/zuzana-caputova",
    "person/angela-merkel", "person/dilma-rousseff", "person/helle-thorning-schmidt",
    "person/alenka-bratusek", "person/ana-birchall", "person/viorica-dancila",
    "person/yulia-tymoshenko", "person/michelle-bachelet", "person/laura-chinchilla-miranda",
    "person/cristina-fernandez-de-kirchner", "person/jeanine-anez-chavez",
    "person/joyce-banda", "person/marie-louise-coleiro", "person/bernadette-lahai",
    "person/marta-kos", "person/maria-das-neves",
    "person/mame-madior-boye", "person/mia-amor-mottley", "person/aung-san-suu-kyi",
}
