"""Multilingual evidence for the document classifier: weighted phrase families per kind.

Phrases are written folded (lower case, no accents, Arabic without hamza or
vowel marks, ة as ه, ى/ی as ي, ک as ك) and are regular expressions; a space
stands for any run of spaces, hyphens or punctuation, so line breaks and OCR
noise between words do not matter. Latin phrases must stand as whole words;
Arabic-script and Ethiopic ones may carry prefixes (ال, و, ب, የ ...).

Weights: 5 = a translator's statement, 4 = names the kind outright (a title; below the
first lines it is a mention and counts half), 2 = typical of it, 1 = supports it.
A family counts once however often it matches, so repeating a word proves nothing.
"""

from __future__ import annotations

from .types import DocumentKind as K

Family = tuple[float, tuple[str, ...]]

# A civil-status book's rows, which its inner pages show without any title (``classify.booklet_rows``):
# a child's entry numbered (the first, second ... child: a birth certificate names one child, unnumbered),
# and a spouses' entry, both spouses labelled on one page (a death certificate names one spouse).
NUMBERED_CHILD = ("(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th) child",
                  "(premier|deuxieme|troisieme|quatrieme|cinquieme|sixieme|1er|2e|3e|4e|5e|6e|2eme|3eme|4eme|5eme|6eme)"
                  " enfant", "enfant (1|2|3|4|5|6)", "(eerste|tweede|derde|vierde|vijfde|zesde) kind",
                  "(erstes|zweites|drittes|viertes|funftes) kind", "(birinci|ikinci|ucuncu|dorduncu) cocuk",
                  *(f"{child} {rank}" for child in ("الطفل", "الولد", "المولود", "الابن")  # Arabic: plain words
                    for rank in ("الاول", "الثاني", "الثالث", "الرابع", "الخامس")),
                  # numbered by a number: "Enfant n° 2", "Child No. 3", "Kind nr. 2", "الطفل رقم 2"
                  "(enfant|child|kind) (n|no|nr|numero|number|nummer) ?[1-9]",
                  *(f"{child} رقم {rank}" for child in ("الطفل", "المولود") for rank in "123456789١٢٣٤٥٦٧٨٩"))
SPOUSES = (("epoux", "epouse"), ("husband", "wife"), ("echtgenoot", "echtgenote"), ("ehemann", "ehefrau"),
           ("koca", "karisi"), ("الزوج", "الزوجه"), ("mari", "femme"))  # each a whole word (le mari, la femme)
# A book's page listing the children under a heading that says only that (``classify.listed_children``).
CHILDREN_HEADINGS = ("children", "enfants", "kinderen", "kinder", "cocuklar(i)?", "caruurta", "carruurta", "الاولاد",
                     "الابناء", "الاطفال", "اولاد", "ابناء", "فرزندان", "ደቂ", "ውሉዳት", "ልጆች")
# A household register's rows (a family statement, a civil registry's family extract): its members listed by
# their relation to the head of the family, the head (or "self"), a spouse and a child, each a whole word. Its
# title may be lost or broken by the OCR; these three rows together are a book's, which records a marriage
# and births.
# An Arabic register names each member's relation to its holder ("صاحب القيد", the register's holder) with his
# own pronoun: زوجته (his wife), ابنه (his son), ابنته (his daughter).
HOUSEHOLD_ROWS = (
    ("head of (the )?(family|household)", "chef de (la )?famille", "gezinshoofd", "familienoberhaupt", "hane reisi",
     "kendisi", "رب الاسره", "رب العائله", "سرپرست خانوار", "صاحب القيد", "صاحب الدفتر", "titulaire du livret"),
    ("spouse", "wife", "husband", "epouse", "conjointe?", "echtgeno(o|te)", "ehefrau", "ehemann", "esi", "karisi",
     "kocasi", "الزوجه", "الزوج", "همسر", "زوجته", "زوجها"),
    ("sons?", "daughters?", "children", "fils", "filles?", "enfants", "zoon", "dochter", "kinderen", "sohn", "tochter",
     "oglu", "kizi", "الابن", "البنت", "الاولاد", "الابناء", "الاطفال", "فرزند", "فرزندان", "پسر", "دختر", "ابنه",
     "ابنته", "ابنها", "ابنتها"),
)
# What a booklet calls itself in the information it prints for its holders (how it is kept, what is entered in it
# at each birth, marriage, divorce or death): ``classify.booklet_guidance``.
BOOKLET_WORDS = ("livrets?", "booklets?", "family books?", "(gezins|trouw)boekje", "familienbuch(es)?", "cuzdan(i)?",
                 "الدفتر", "دفتر")

# Pashto's own letters, which the Persian pack that reads it lacks, read as its nearest ones: ږ as و, ر or ز, ټ as
# ت, ځ as ح or خ.
_PASHTO_AS_PERSIAN = {"ږ": ("ږ", "و", "ر", "ز"), "ټ": ("ټ", "ت"), "ځ": ("ځ", "ح", "خ")}


def _pashto_read(*words: str) -> tuple[str, ...]:
    """``words`` as written and as the Persian pack reads them."""
    read = []
    for word in words:
        forms = [""]
        for letter in word:
            forms = [form + variant for form in forms for variant in _PASHTO_AS_PERSIAN.get(letter, (letter,))]
        read.extend(forms)
    return tuple(dict.fromkeys(read))


# A civil-status record of one person's birth, told by its labels where its title is lost or was never
# printed: the person's father, mother, and birth date or place, labelled on one page, each a whole word
# (``classify.parents_and_birth``). An identity card of some countries prints the same three.
FATHER_LABELS = ("father", "pere", "vader", "vater", "baba adi", "babasinin adi", "aabbaha", "aabaha",
                 "(fils|fille)( (fils|fille))? de",  # a French act's "Fils/fille de: [father] / Et de: [mother]"
                 "اسم الاب", "الاب", "اسم الوالد", "الوالد", "نام پدر", "پدر", "د پلار نوم", "ስም ኣቦ", "ስም አባት")
MOTHER_LABELS = ("mother", "mere", "moeder", "mutter", "ana adi", "annesinin adi", "hooyada", "^et de",
                 "اسم الام", "الام", "اسم الوالده", "الوالده", "نام مادر", "مادر", "د مور نوم", "ስም ኣደ", "ስም እናት")
BIRTH_LABELS = ("date (and place )?of birth", "(place|country|city|town) of birth", "birth ?(date|place)", "born",
                "date (et lieu )?de naissance", "lieu de naissance", "ne(e|\\(e\\))? (le|a)", "geboortedatum",
                "geboorteplaats", "geboren", "geburtsdatum", "geburtsort", "dogum (tarihi|yeri)",
                "taariikhda dhalashada", "goobta dhalashada", "مكان وتاريخ الولاده", "تاريخ تولد", "محل تولد",
                *(f"{what} {event}" for what in ("تاريخ", "مكان", "محل") for event in ("الولاده", "الميلاد", "ولاده", "ميلاد")),
                "ቦታ ትውልዲ", "ዕለት ትውልዲ", "ዕለተ ልደት", "የትውልድ ቦታ",
                # Pashto, Afghanistan's other official language: the date, place or year of birth
                *(f"د {birth} {what}" for birth in _pashto_read("زیږون", "زیږیدو")
                  for what in _pashto_read("نیټه", "ځای", "کال")))
# A birth's date and its place labelled apart (with a father's name and no grandfather's: ``classify.parents_and_birth``).
BIRTH_DATE_LABELS = ("date (and place )?of birth", "birth ?date", "date (et lieu )?de naissance", "ne(e|\\(e\\))? le",
                     "geboortedatum", "geburtsdatum", "geburtstag", "dogum tarihi", "taariikhda dhalashada",
                     "مكان وتاريخ الولاده", "محل وتاريخ الولاده", "تاريخ تولد", "ዕለተ ልደት", "ዕለት ትውልዲ",
                     *(f"تاريخ {event}" for event in ("الولاده", "الميلاد", "ولاده", "ميلاد")),
                     *(f"د {birth} {date}" for birth in _pashto_read("زیږون", "زیږیدو") for date in _pashto_read("نیټه")))
BIRTH_PLACE_LABELS = ("(date and )?(place|country|city|town) of birth", "birth ?place", "(date et )?lieu de naissance",
                      "ne(e|\\(e\\))? a", "geboorteplaats", "geburtsort", "dogum yeri", "goobta dhalashada",
                      "مكان وتاريخ الولاده", "محل وتاريخ الولاده", "محل تولد", "ቦታ ትውልዲ", "የትውልድ ቦታ",
                      *(f"{where} {event}" for where in ("مكان", "محل") for event in ("الولاده", "الميلاد", "ولاده", "ميلاد")),
                      *(f"د {birth} {place}" for birth in _pashto_read("زیږون", "زیږیدو") for place in _pashto_read("ځای")))
GRANDFATHER_LABELS = ("grand ?father", "grand pere", "grootvader", "grossvater", "dede", "awowga", "الجد", "اسم الجد",
                      "پدر کلان", "پدربزرگ", "نیکه", "ኣባሓጎ", "ስም ኣባሓጎ", "የአያት ስም", "አያት")
# What only the record of a birth prints (an identity card or a death certificate naming the parents does not):
# the hour of birth, the birth weight, the parents' nationality, occupation or age.
BIRTH_RECORD_LABELS = ("(time|hour) of birth", "heure de (la )?naissance", "(tijd(stip)?|uur) van (de )?geboorte",
                       "geburtszeit", "dogum saati", "birth weight", "weight at birth", "poids (a la|de) naissance",
                       "geboortegewicht", "(nationality|occupation|profession|age) of (the )?(father|mother)",
                       "(nationalite|profession|age) (du pere|de la mere)",
                       "(nationaliteit|beroep|leeftijd) (van de )?(vader|moeder)", "ساعه الولاده", "ساعه الميلاد",
                       "وقت الولاده", "وزن المولود", "جنسيه الاب", "جنسيه الام", "مهنه الاب", "مهنه الام", "عمر الام",
                       "عمر الاب", "ساعت تولد", "ملیت پدر", "ملیت مادر")

# An identity card's own labels, which no civil-status record prints: its expiry, its card's number, its
# holder's signature. A card printing its holder's parents and birth (several national ID cards do) is told
# from the record of that birth by them, or by its holder's height, eyes or blood group (``classify.card_marks``).
CARD_EXPIRY_LABELS = ("(date of )?expiry( date)?", "expiration date", "expires( on)?", "valid (until|thru|through|till)",
                      "date d expiration", "valable jusqu", "date de fin de validite", "vervaldatum", "geldig tot",
                      "gultig bis", "ablaufdatum", "son gecerlilik", "gecerlilik tarihi", "taariikhda dhicitaanka",
                      "تاريخ الانتهاء", "تاريخ انتهاء", "تاريخ النفاذ", "صالحه حتى", "صالحه لغايه", "تاريخ انقضا",
                      "اعتبار تا", "የሚያበቃበት", "validez", "fecha de (caducidad|expiracion)", "valido hasta", "scadenza",
                      "data di scadenza", "validade", "data de validade")
CARD_NUMBER_LABELS = ("card (no|number|nr)", "(no|numero|n) de (la )?carte", "kaartnummer", "kartennummer",
                      "ausweisnummer", "kart no", "lambarka kaarka", "رقم البطاقه", "شماره كارت")
CARD_SIGNATURE_LABELS = ("(holder s|bearer s) signature", "signature (of (the )?(holder|bearer)|du titulaire)",
                         "handtekening (van de )?houder", "unterschrift des inhabers", "توقيع حامل")
CARD_LABELS = CARD_EXPIRY_LABELS + CARD_NUMBER_LABELS + CARD_SIGNATURE_LABELS
# A person's identity number: an identity card's, but a civil record of some countries (an Iranian shenasnameh, a
# Syrian civil record) prints the national number too: no identity wording by itself (``classify_card.card_back``).
ID_NUMBER_LABELS = ("id no", "id number", "identity number", "numero d identite", "kimlik no", "الرقم الوطني",
                    "رقم الهويه", "شماره ملي")
# A document's number: one of an identity card's marks beside others (``classify_card.card_back``); alone, or with
# a nationality, it is no card's (an extract of a birth labels both).
DOCUMENT_NUMBER = ("document (no|number|nr)", "(no|numero|n) du document", "documentnummer", "dokumentennummer",
                   "belge no", "seri no", "رقم الوثيقه", "شماره سريال",
                   # a national or personal identity number, which a civil record of some countries prints too
                   "(id|identity|national|personal|civil) (id )?(no|number|nr)", "(numero|no) (d identite|national)",
                   "(persoons|burgerservice|identificatie)nummer", "kimlik no", "الرقم الوطني", "رقم الهويه",
                   "الرقم الشخصي", "شماره ملي", "كد ملي")

# An identity card's back (or a card whose title is lost) shows no title, often no zone, only its marks: its
# expiry, number or holder's signature (``CARD_LABELS``), its issue, remarks, the holder's height, eyes or blood
# group (``classify_card.card_back``). Two kinds of them on a short page with no letter's structure make a card.
CARD_ISSUE_LABELS = ("(date|place) of issue", "issuing (authority|office|state)", "issued (by|on|at)", "authority",
                     "date de delivrance", "delivree? (le|a|par)", "autorite( de delivrance)?", "lieu de delivrance",
                     "(datum|plaats) van (af|uit)gifte", "afgegeven (door|te|op)", "uitgegeven door", "ausstellungsdatum",
                     "ausstellende behorde", "behorde", "ausgestellt (am|von|in)", "verilis tarihi", "veren makam",
                     "veren (daire|makam)", "taariikhda la bixiyay", "تاريخ الاصدار", "جهه الاصدار", "مكان الاصدار",
                     "تاريخ المنح", "مكان المنح", "تاريخ صدور", "محل صدور", "مرجع صدور", "የተሰጠበት")
CARD_REMARKS_LABELS = ("remarks", "remarques", "aantekeningen", "opmerkingen", "observations", "observaciones",
                       "osservazioni", "observacoes", "anmerkungen", "bemerkungen",
                       "ملاحظات", "توضيحات")
HOLDER_BODY_LABELS = ("height", "lengte", "taille", "gro(ss|ß)e", "eye colou?r", "colou?r of (the )?eyes",
                      "kleur (van de )?ogen", "couleur des yeux", "augenfarbe", "blood (group|type)", "bloedgroep",
                      "groupe sanguin", "blutgruppe", "kan grubu", "distinguishing marks", "signes particuliers",
                      "bijzondere kenmerken", "الطول", "لون العينين", "فصيله الدم", "زمره الدم", "علامات فارقه",
                      "رنگ چشم", "گروه خون", "گروپ خون", "علائم مشخصه")
# The holder's labels an identity document's data side prints (a passport's data page, an ID card's front):
# sex, nationality, names, birth date. Three of these four on a card is one of its marks (``classify_card.card_back``);
# a birth record labels some of them too, so they are never a card's own mark.
HOLDER_LABELS = (
    ("sex", "sexe", "geslacht", "geschlecht", "sexo", "sesso", "cinsiyet(i)?", "jinsiga", "الجنس", "جنسيت", "ጾታ"),
    ("nationality", "nationalite", "nationaliteit", "staatsangehorigkeit", "nacionalidad", "nazionalita",
     "nacionalidade", "uyrugu", "uyruk", "jinsiyadda", "الجنسيه", "مليت", "تابعيت", "ዜግነት"),
    ("surname", "family name", "last name", "given names?", "first names?", "nom", "prenoms?", "achternaam",
     "geslachtsnaam", "voornamen", "nachname", "familienname", "vornamen?", "apellidos?", "nombres?", "cognome",
     "apelidos?", "soyadi", "magaca( oo buuxa)?", "اللقب", "الكنيه", "نام خانوادكي"),
    ("date of birth", "birth ?date", "date de naissance", "geboortedatum", "geburtsdatum", "fecha de nacimiento",
     "data di nascita", "data de nascimento", "dogum tarihi", "taariikhda dhalashada", "تاريخ الولاده",
     "تاريخ الميلاد", "تاريخ تولد", "ዕለት ልደት"),
)
HOLDER_LABELS_NEEDED = 3
# A passport's data page whose zone is lost (``classify_passport``): the passport word, read whole or broken, in the
# Latin-script languages (Cyrillic "паспорт" as a Latin pack reads its letters: "nacnopt"); the labels of its first
# row, which an ID card does not print (the issuing state's code, the passport's number).
PASSPORT_WORDS = ("passport", "paspoort", "passeport", "reisepass", "pasaporte", "pasaport", "passaporto",
                  "passaporte", "paszport", "baasaboor", "nacnopt")
NOT_PASSPORT_WORDS = ("password", "passwort", "passwords", "passports")  # a login's word; a list of documents
PASSPORT_PAGE_LABELS = ("(country|state) code", "code (of )?(the )?issuing (state|country)", "issuing (state|country) code",
                        "code (du )?pays", "code (de l )?etat( emetteur)?", "landcode", "code (van )?(het )?land",
                        "(lander|staaten)code", "ulke kodu", "kodka dalka", "passport (no|number|nr)",
                        "(no|numero|n) (du|de) passeport", "paspoort ?(nr|nummer|no)", "pass ?(nr|nummer)",
                        "pasaport (no|numarasi)", "(numero|no) de pasaporte", "lambarka baasaboorka", "رمز الدوله",
                        "رمز البلد", "رقم الجواز", "رقم جواز السفر", "شماره كذرنامه", "كد كشور", "شماره باسبورت")
# What says a card is no identity document: a driving licence, a bank's, an insurer's, a school's or a shop's card.
NOT_IDENTITY_CARDS = ("driv(ing|er s?) licen[cs]e", "permis de conduire", "rijbewijs", "fuhrerschein",
                      "permiso de conduc(ir|cion)", "licencia de conducir", "patente di guida", "carta de conducao",
                      "prawo jazdy", "ajokortti", "korkort", "korekort", "forerkort", "vozacka dozvola",
                      "(employee|staff|company|travel|gift|transport) (id|card|pass)", "personeelspas", "ov chipkaart",
                      "ehic", "vaccinations?", "vaccinatie", "vaccin", "impfung", "impfpass", "immuni[sz]ation",
                      "yellow fever", "prophylaxis", "تطعيم", "لقاح", "patient", "hospital", "ziekenhuis", "hopital",
                      "krankenhaus", "مستشفي", "diploma", "school", "university", "universite", "universiteit",
                      "hochschule", "ecole", "جامعه",
                      "surucu belgesi", "sehiyadda darawalnimada", "رخصه القياده", "رخصه سياقه", "كواهينامه رانندكي",
                      "(credit|debit|bank|student|membership|library|loyalty|health|insurance) card", "mastercard",
                      "maestro", "carte (vitale|bancaire|d etudiant)", "bankpas", "studentenkaart", "zorgpas",
                      "verzekering", "assurance", "versicherung", "sigorta", "visa", "visum", "vize")
# A letter's structure: a salutation, a subject line, a closing; a card shows none.
LETTER_MARKS = ("dear", "geachte", "beste", "sehr geehrte", "madame", "monsieur", "cher", "chere", "sayin",
                "subject", "onderwerp", "betreft", "objet", "betreff", "konu", "kind regards", "yours (sincerely|faithfully)",
                "met vriendelijke groet", "hoogachtend", "cordialement", "mit freundlichen grussen", "saygilarimla",
                "السيد", "السيده", "تحيه طيبه", "الموضوع", "با احترام", "موضوع")
# An acknowledgement of an application (the IND's "ontvangstbevestiging") or an invitation to an interview: a
# letter saying it was received or what comes next, not deciding on it. A decision says what was decided.
RECEIPT_PHRASES = ("ontvangstbevestiging", "bevestiging van (de )?ontvangst", "acknowledge?ment of receipt",
                   "(we|i) (have )?received your (application|request)", "your (application|request) (has been|was) received",
                   "(wij|we|ik) (hebben|heb) uw (asiel)?(aanvraag|verzoek) ontvangen", "uw (asiel)?aanvraag is ontvangen",
                   "accuse de reception", "(nous avons|j ai) (bien )?recu votre demande", "empfangsbestatigung",
                   "eingangsbestatigung", "(wir haben|ich habe) ihren antrag erhalten",
                   # an invitation to an interview or an appointment: a step of the procedure, no decision
                   "uitnodiging", "(u bent|wordt) uitgenodigd", "invitation", "you are invited", "we invite you",
                   "convocation", "vous etes convoque", "einladung")
DECISION_PHRASES = ("besloten", "beslist", "ingewilligd", "in te willigen", "afgewezen", "af te wijzen", "verleend",
                    "beschikking", "niet ontvankelijk", "granted", "rejected", "refused", "approved",
                    "(we|i) have decided", "(has|have) been decided", "decided to", "accordee?", "rejetee?", "refusee?",
                    "bewilligt", "abgelehnt", "erteilt", "entschieden")
# An intended decision (the IND's "voornemen"): what the IND means to decide, the applicant's views asked first.
# A decision taken after it names it too ("in het voornemen van 2 september ..."), so only its announcement counts:
# the intention stated, or the word as the letter's title or subject; "in te willigen", "to reject" are said of
# both, a participle or "decided" only of a decision taken (``DECISION_TAKEN``).
INTENDED_DECISION = ("voornemen (tot|om|inwilliging|afwijzing)", "voornemens", "(ik ben|wij zijn|we zijn|de ind is) van plan",
                     "voorgenomen (beslissing|besluit|afwijzing|inwilliging)",
                     "(ik|wij|we|de ind) (wil|willen) uw (asiel)?(aanvraag|verzoek)( \\w+){0,5} (afwijzen|inwilligen)",
                     "(we|i|the ind) (intends?|plans?) to", "intention to (grant|reject|refuse|deny|approve)",
                     "notice of intent(ion)?", "projet de decision", "decision envisagee",
                     "(nous avons|j ai) l intention de", "intention de (rejeter|refuser|accorder)",
                     "beabsichtigte entscheidung", "(wir|ich) beabsichtige?n?", "نيه (رفض|قبول)", "قرار مزمع")
INTENDED_TITLE = ("^((onderwerp|betreft|subject|objet|betreff) )?(voornemen|voorgenomen beslissing|intended decision|"
                  "projet de decision)",)
DECISION_TITLE = ("^((onderwerp|betreft|subject|objet|betreff) )?(beschikking|besluit|decision)",)
DECISION_TAKEN = ("besloten", "beslist", "ingewilligd", "afgewezen", "verleend", "(we|i|the ind) (have|has) decided",
                  "(has|have) been decided", "(is|are|has been|have been|was) (granted|rejected|refused|approved)",
                  "a ete (accordee?|rejetee?|refusee?)", "(avons|ai) decide", "(wird|werden) (hiermit )?"
                  "(bewilligt|abgelehnt|erteilt)", "entschieden")
# A letter saying outright that it decides nothing yet: an intended decision whatever else it says.
NOT_YET_DECIDED = ("(nog )?geen (besluit|beslissing|beschikking)", "nog niet (beslist|besloten)",
                   "not (yet )?a (final )?decision", "no (final )?decision has (yet )?been (made|taken)",
                   "before a decision is (made|taken)", "pas (encore )?une decision", "(noch )?keine entscheidung")
# A step of the procedure that decides nothing: the decision period extended, papers or information asked for, a
# hearing set or moved. Without a decision stated, such a letter is no decision.
PROCEDURE_STEPS = ("(verlenging|verlengen|opschorting) (van de )?beslistermijn", "beslistermijn (wordt )?verlengd",
                   "(termijn|period) (to decide|for (the |a )?decision) (is |has been |will be )?(extended|verlengd)",
                   "(aanvullende|extra) (informatie|documenten|gegevens)", "(additional|further) (information|documents)",
                   "(wij|we) hebben (de volgende|nog) .{0,40}nodig", "(we|i) need the following",
                   "(nader|eerste) gehoor", "(interview|hearing) (has been |is )?(moved|rescheduled|postponed)",
                   "nieuwe datum", "(informations|documents) complementaires", "weitere unterlagen")

# A parent's consent in its writer's own words (``classify_consent``): someone declaring in the first person, about
# their own child (or as its mother or father), and the Netherlands, each a whole word. French "je" only opening a
# line (Dutch "je" is "you": "je kunt nareis aanvragen voor je kinderen"). Arabic-script and Ethiopic
# possessives are the words' own endings ("my son": ابني, پسرم, ወደይ), with the prefixes they take ("to my son": لابني).
DECLARANT = ("i", "we", "undersigned", "ik", "wij", "ondergetekende", "^je", "soussignee?s?", "ich", "wir",
             "unterzeichnete?r?", "ben", "asagida imzasi bulunan", "aniga", "anaga", "waxaan", "انا", "نحن", "اقر",
             "اينجانب", "اينجانبان", "ኣነ", "እኔ", "ንሕና", "እኛ")
OWN_CHILD = ("(my|our) (\\w+ )?(child|children|son|sons|daughter|daughters|kids)",
             "(mijn|ons|onze) (\\w+ )?(kind|kinderen|zoon|zonen|dochter|dochters)",
             "(mon|ma|mes|notre|nos) (\\w+ )?(enfants?|fils|filles?)",
             "(mein|meine|meinen|meinem|meiner|meines|unser|unsere|unseren|unserem|unserer|unseres) (\\w+ )?"
             "(kind|kinder|kindern|kindes|sohn|sohnes|tochter|tochtern)",
             "(cocugum|cocuklarim|oglum|kizim)(un|u|in|i|a)?",
             "(caruurtayda|carruurtayda|ilmahayga|gabadhayda|wiilkayga|inankayga|gabdhahayga|wiilashayda)",
             *(f"{prefix}{child}" for prefix in ("", "ل", "و", "ب") for child in (
                 "ابني", "ابنتي", "اولادي", "اطفالي", "طفلي", "طفلتي", "بناتي", "ابنائي", "ولدي")),
             "فرزندم", "فرزندانم", "دخترم", "پسرم", "فرزند من", "فرزندان من", "دختر من", "پسر من",
             "ጓለይ", "ወደይ", "ደቀይ", "ውላደይ", "ልጄ", "ልጄን", "ልጆቼ", "ልጆቼን")
# Or a declarant saying, in the same language and a few words on, that they are the child's parent ("I, Amina Yusuf,
# the mother of ..."; a letter's "je bent de vader van" is Dutch "you are").
DECLARED_PARENT = (
    (("i", "we", "undersigned"), ("(mother|father|parents?|guardian) of",)),
    (("ik", "wij", "ondergetekende"), ("(moeder|vader|ouders?|voogd) van",)),
    (("je", "nous", "soussignee?s?"), ("(mere|pere|parents?|tuteur|tutrice) de",)),
    (("ich", "wir", "unterzeichnete?r?"), ("(mutter|vater|eltern|vormund) (von|des|der)",)),
    (("aniga", "anaga"), ("hooyada", "aabaha")),
    (("انا", "نحن", "اقر"), ("والده", "والد", "ام", "اب")),
    (("اينجانب", "اينجانبان"), ("پدر", "مادر")),
    (("ኣነ", "ንሕና", "እኔ", "እኛ"), ("ኣደ", "ኣቦ", "እናት", "አባት")),
)
THE_NETHERLANDS = ("(the )?netherlands", "holland", "nederland", "pays bas", "niederlanden?", "hollanda", "هولندا",
                   "لهولندا", "بهولندا", "الى هولندا", "هلند", "ሆላንድ", "ኔዘርላንድ", "ኔዘርላንድስ")

# Papers carrying a kind's labels or words without being its document (``classify_lookalike``), each a whole word:
# a pupil's or a child's health record (a birth's labels), a refugee agency's registration (a household's rows), a
# divorce (a marriage's words, in its title lines).
SCHOOL_OR_HEALTH_LABELS = (
    "students?", "pupils?", "leerling(e)?", "eleve", "schuler(in)?", "ogrenci(nin)?", "ardayga", "الطالب", "الطالبه",
    "التلميذ", "التلميذه", "دانش اموز", "شاكرد", "ተማሪ", "(class|grade|klas|classe|klasse|sinif|fasalka)( \\w+)?",
    "school (report|year|record)", "report card", "schooljaar", "annee scolaire", "schuljahr", "الصف", "العام الدراسي",
    "الجلاء المدرسي", "المدرسه", "مدرسه", "كلاس", "سال تحصيلي",
    "vaccin(e|es|ation|ations|atie|aties)", "immuni[sz]ations?", "impfungen?", "asilar", "bcg", "polio", "measles",
    "mazelen", "rougeole", "masern", "تطعيم", "التطعيم", "لقاح", "اللقاحات", "واكسن", "واكسيناسيون", "ክትባት")
AGENCY_REGISTRATION = ("unhcr", "refugees?", "asylum seekers?", "proof of registration", "principal applicant",
                       "case (size|number|no)", "vluchteling(en)?", "asielzoeker(s)?", "refugiee?s?", "fluchtling(e)?",
                       "multeci", "qaxooti", "لاجئ", "لاجئه", "اللاجئين", "مفوضيه", "بناهنده", "ስደተኛ")
DIVORCE_WORDS = ("divorce", "divorced", "dissolution of (the )?marriage", "echtscheiding", "scheidung", "ehescheidung",
                 "bosanma", "furriin", "furitaanka", "طلاق", "الطلاق", "تطليق", "التطليق", "التفريق", "خلع", "فسخ",
                 "طلاق نامه", "ፍትሕ", "ፍቺ")

EVIDENCE: dict[K, tuple[Family, ...]] = {
    K.PASSPORT: (
        (4, ("passport", "paspoort", "passeport", "reisepass", "pasaporte", "pasaport", "passaporto", "baasaboor",
             "passaporte", "paszport", "cestovni pas", "putovnica", "utlevel", "паспорт", "διαβατηριο",
             "جواز سفر", "جواز السفر", "كذرنامه", "گذرنامه", "پاسپورت", "باسبورت", "ፓስፖርት")),
        (1, ("date of expiry", "date d expiration", "geldig tot", "gultig bis", "authority", "autorite",
             "تاريخ الانتهاء", "تاريخ انتهاء")),
        (1, ("passport no", "passeport n", "paspoortnummer", "type p\\b")),
    ),
    K.ID_CARD: (
        (4, ("identity card", "id card", "national id", "identiteitskaart", "identiteitsbewijs", "carte d identite",
             "carte nationale d identite", "personalausweis", "kimlik karti", "kimlik kart", "nufus cuzdani",
             "kaarka aqoonsiga", "aqoonsi", "بطاقه شخصيه", "بطاقه الهويه", "البطاقه الوطنيه", "الهويه الوطنيه",
             "بطاقه وطنيه", "بطاقه هويه", "الهويه الشخصيه", "هويه الاحوال المدنيه", "البطاقه الموحده",
             "البطاقه القوميه", "بطاقه التعريف", "كارت ملي", "كارت هوشمند ملي", "تذكره", "tazkira", "tazkera",
             "kimlik belgesi", "መንነት", "መታወቂያ",
             # national identity cards' titles elsewhere (the held-out cards are from many countries)
             "identity document", "identification card", "documento (nacional )?de identidad", "cedula de identidad",
             "carta d identita", "cartao de cidadao", "bilhete de identidade", "identitetskort", "henkilokortti",
             "dowod osobisty", "obcansky prukaz", "obciansky preukaz", "osobna (iskaznica|izkaznica)",
             "(licna|lichna) karta", "лична карта", "личная карта", "удостоверение личности", "personas aplieciba",
             "asmens tapatybes kortele", "identitatskarte", "isikutunnistus", "szemelyi igazolvany",
             "carte de identitate", "δελτιο ταυτοτητας")),
        (1, ID_NUMBER_LABELS),
        # What a residence permit's back says of its holder's right to stay and work.
        (1, ("leave to remain", "indefinite leave", "work permitted", "no public funds", "arbeid (is )?vrij toegestaan",
             "twv (niet )?vereist", "autorise (son titulaire )?a travailler", "erwerbstatigkeit (gestattet|erlaubt)",
             "beschaftigung (gestattet|erlaubt)")),
        # Residence permits and cards (TD1 cards, codes such as IR and RP): identity documents. The IND's
        # "verblijfsvergunning asiel" and an "asylum residence permit" are an asylum decision's words.
        (4, ("(?<!asylum.)residence (permit|card)(?! (for )?asylum)", "permanent resident", "resident (card|alien)",
             "titre de sejour", "carte de (sejour|resident)", "aufenthalts(titel|erlaubnis|karte)",
             "verblijfs(titel|document)", "verblijfsvergunning(?! (asie[l1]|regulier|voor))", "permesso di soggiorno",
             "(tarjeta|permiso|titulo|documento) de residencia", "ikamet (izni|karti)", "oturma izni",
             "residence document", "aufenthaltsdokument", "permis de sejour", "tarjeta de identidad de extranjero",
             "uppehallstillstand", "oleskelulupa", "opholdstilladelse", "oppholdstillatelse",
             "بطاقه اقامه", "بطاقه الاقامه", "تصريح اقامه", "تصريح الاقامه", "اذن اقامه", "كارت اقامت")),
    ),
    K.BIRTH_CERTIFICATE: (
        (4, ("birth certificate", "certificate of (live )?birth", "record of birth", "birth registration",
             "birth (record|entry|extract|notification)", "(extract|copy|registration|entry|declaration|notification|"
             "statement) of (an |the )?(entry of |record of )?(live )?birth", "certificat de naissance",
             "bulletin de naissance", "registres? (des actes )?de naissances?", "geburtseintrag", "geburtenregister",
             "dogum raporu", "(shahaad|warqad)(o|ada|da) dhalash(o|ada)",
             "geboorteakte", "akte van geboorte", "uittreksel (uit het register van )?geboorte", "acte de naissance",
             "extrait d acte de naissance", "geburtsurkunde", "geburtsschein", "dogum belgesi", "dogum kayit",
             "شهاده ولاده", "شهاده الولاده", "شهاده ميلاد", "شهاده الميلاد",
             "قيد ولاده", "قيد ميلاد", "وثيقه ولاده", "بيان ولاده", "واقعه ولاده", "اشعار ولاده", "تبليغ ولاده",
             "تسجيل مولود", "شهاده تسنين", "قيد فردي", "قيد افرادي", "گواهی تولد", "گواهی ولادت", "تصدیق ولادت",
             "تصدیق تولد", "سند ولادت", "سند تولد", "شناسنامه", *(f"{birth} {paper}" for birth in _pashto_read("زیږون") for paper in ("تصدیق", "سند")), "ምስክር ወረቀት ልደት", "ምስክር ወረቐት ልደት",
             "ልደት ምስክር ወረቀት", "ልደት ምስክር ወረቐት", "የልደት")),
        (2, ("name of (the )?child", "full name of child", "nom de l enfant", "naam (van het )?kind",
             "name des kindes", "اسم المولود", "المولود")),
        (1, ("name of father", "name of mother", "father s name", "mother s name", "nom du pere", "nom de la mere",
             "fils fille de", "naam (van de )?vader", "naam (van de )?moeder", "vater", "mutter", "baba adi",
             "ana adi", "اسم الاب", "اسم الام", "نام پدر", "نام مادر", "place of birth", "lieu de naissance",
             "geboorteplaats", "مكان الولاده")),
        (2, BIRTH_RECORD_LABELS),
    ),
    K.MARRIAGE_CERTIFICATE: (
        (4, ("marriage certificate", "certificate of marriage", "marriage (contract|registration|record|register)",
             "(record|registration|register|registers|extract|celebration|solemni[sz]ation|entry|copy) of (an |the )?"
             "(entry of |record of )?marriages?", "marriage (entry|extract)", "nikah ?nama", "nikah certificate",
             "huwelijksakte", "akte van huwelijk", "register van huwelijken", "actes? de mariage",
             "certificat de (celebration de )?mariage", "registres? (des actes )?de mariages?", "heiratsurkunde",
             "eheurkunde", "eheregister", "heiratseintrag", "evlenme (cuzdani|belgesi|kayit)", "evlilik (cuzdani|belgesi)",
             "(shahaad|warqad)(o|ada|da) (guur(ka)?|meher(ka)?)", "bulletin de mariage",
             "عقد زواج", "عقد الزواج", "وثيقه زواج", "وثيقه الزواج", "شهاده زواج", "شهاده الزواج", "قسيمه زواج",
             "بيان زواج", "واقعه زواج", "قيد زواج", "حجه زواج", "صك زواج", "تصديق زواج", "عقد قران", "عقد نكاح",
             "سند ازدواج", "سند نكاح", "قباله ازدواج", "قباله نكاح", "گواهی ازدواج", "ازدواج نامه", "عقد نامه",
             "نكاح خط", "نكاح نامه", "ምስክር ወረቀት መርዓ", "ምስክር ወረቐት መርዓ", "መርዓ ምስክር ወረቀት",
             "መርዓ ምስክር ወረቐት", "የጋብቻ")),
        # The deed's own sentence: the two were married (its title may be a seal's or lost).
        (3, ("(united|joined) in (holy )?(matrimony|marriage)", "marriage (was )?(solemni[sz]ed|celebrated)",
             "unis par (le |les liens du )?mariage", "unis par la loi", "ont contracte mariage",
             "(vouloir )?se prendre pour (epoux|mari et femme)",
             "(a ete )?celebre le mariage", "in de echt verbonden", "in het huwelijk (verbonden|getreden)",
             "die ehe (geschlossen|geschlossen haben)", "eheschlie(ss|ß)ung")),
        # A marriage's own labels, which a record whose title is lost still prints.
        (2, ("date (and place )?of (the )?marriage", "place of (the )?marriage", "(date|lieu) (et lieu )?du mariage",
             "(datum|plaats) van (het )?huwelijk", "huwelijksdatum", "(datum|ort) der eheschlie(ss|ß)ung",
             "heiratsdatum", "evlenme (tarihi|yeri)", "evlilik tarihi", "taariikhda guurka", "تاريخ الزواج",
             "مكان الزواج", "تاريخ عقد الزواج", "تاريخ ازدواج", "محل ازدواج", "تاريخ نكاح", "ዕለት መርዓ", "የጋብቻ ቀን")),
        (2, ("married", "marriage", "mariage", "matrimony", "huwelijk", "gehuwd", "verheiratet",
             "heirat", "evlendi", "evlenme", "meher(ka)?", "زواج", "ازدواج", "المهر", "مهر", "መርዓ", "ጋብቻ")),
        (1, ("husband", "wife", "bride", "groom", "spouses", "epoux", "echtgeno(o|te)", "ehemann", "ehefrau",
             "witness(es)?", "temoins?", "getuigen?", "zeugen?", "koca", "karisi", "ninka", "naagta", "الزوج", "الشاهد",
             "شاهد", "نام زوج", "نام همسر")),
    ),
    K.DEATH_CERTIFICATE: (
        (4, ("death certificate", "certificate of death", "death registration", "record of death",
             "death (record|entry|extract|notification)", "(extract|copy|registration|entry|declaration|notification) "
             "of (an |the )?(entry of |record of )?death", "bulletin de deces", "registres? (des actes )?de deces",
             "sterbeeintrag", "sterberegister", "uittreksel (uit het register van )?overlijden", "olum raporu",
             "(shahaad|warqad)(o|ada|da) (dhimash(o|ada)|geeri(da)?)",
             "overlijdensakte", "akte van overlijden", "acte de deces", "certificat de deces", "sterbeurkunde",
             "olum belgesi", "olum kayit", "شهاده وفاه", "بيان وفاه", "وثيقه وفاه", "قيد وفاه",
             "واقعه وفاه", "اشعار وفاه", "تبليغ وفاه", "حجه وفاه", "تقرير وفاه", "گواهی فوت", "گواهی وفات",
             "تصدیق فوت", "تصدیق وفات", "سند فوت", "جواز دفن", "تقرير طبي بالوفاه", "شهاده طبيه بالوفاه", "ምስክር ወረቀት ሞት", "ምስክር ወረቐት ሞት",
             "ሞት ምስክር ወረቀት", "ሞት ምስክር ወረቐት", "የሞት")),
        (2, ("deceased", "defunte?", "decede\\(?e?\\)?", "overledene?", "verstorbene", "gestorben", "olen",
             "المتوفي", "متوفي", "توفي", "فوت شده", "ሞት")),
        # A death's date, and its place or cause, labelled apart: a record whose title is lost labels both.
        (2, ("date of death", "date du deces", "datum van overlijden", "sterbedatum", "olum tarihi",
             "taariikhda dhimashada", "تاريخ الوفاه", "تاريخ فوت", "تاريخ وفات", "ዕለት ሞት",
             "decede\\(e\\) (le|a)")),  # a form's label, "(e)" for either sex: not a letter's sentence
        (2, ("cause of death", "place of death", "lieu du deces", "cause du deces", "plaats van overlijden",
             "doodsoorzaak", "sterbeort", "todesursache", "olum (yeri|nedeni)", "goobta dhimashada",
             "مكان الوفاه", "سبب الوفاه", "محل الوفاه", "محل فوت", "علت فوت", "ቦታ ሞት")),
    ),
    K.FAMILY_BOOKLET: (
        (4, ("family booklet", "family register", "family book", "family record", "household register",
             "livret de famille", "fiche familiale", "fiche (individuelle et )?familiale d etat civil",
             "familieboek(je)?", "gezinsboekje", "gezinskaart", "familienbuch", "familienstammbuch",
             "aile cuzdani", "aile kayit", "nufus kayit ornegi", "nufus aile kayit", "family (card|certificate)",
             "(livret|carnet) de famille", "دفتر العائله", "دفتر عائله", "دفتر الاسره", "بيان عائلي", "قيد عائلي",
             # the Maghreb's: the Algerian and Tunisian "الدفتر العائلي", the Moroccan livret d'état civil
             "دفتر عائلي", "livret d etat civil", "دفتر الحاله المدنيه",
             "سجل الاسره", "سجل العائله", "قيد نفوس", "دفترچه خانوار", "ምዝገባ ስድራቤት")),
        (2, ("head of (the )?family", "head of household", "chef de famille", "gezinshoofd", "familienoberhaupt",
             "hane reisi", "رب الاسره", "رب العائله", "سرپرست خانوار", "titulaire du livret", "صاحب الدفتر")),
        # A booklet's rows for its children, numbered (the certificate of one child has no such row).
        (2, (*NUMBERED_CHILD, "enfant n", "kind (nr|nummer)")),
        (1, ("\\bson\\b", "daughter", "\\bfils\\b", "\\bfille\\b", "zoon", "dochter", "sohn", "tochter", "الابن",
             "البنت", "الولد", "relation", "lien", "relatie")),
    ),
    K.TRANSLATION: (
        (5, ("sworn translat(or|ion)", "certified translat(or|ion)", "official translat(or|ion)",
             "beedigd(e)? (vertaler|vertaling|tolk)", "register beedigde tolken", "\\b(wbtv|rbtv)\\b",
             "traducteur (jure|assermente|agree)", "traduction (certifiee|juree|officielle|conforme)",
             "traductrice (juree|assermentee)", "(vereidigte?r?|beeidigte?r?|ermachtigte?r?) (ubersetzer|dolmetscher)(in)?",
             "beedigd(e)? verta[il1]er", "(voor|als) eensluidende vertaling",
             "richtigkeit (und vollstandigkeit )?der (vorstehenden )?ubersetzung",
             "(this|the above|the foregoing) translation is (a )?(true|faithful|accurate|correct|complete)",
             "(is|be) (a|an) (true|faithful|accurate|correct|complete)( and (true|faithful|accurate|correct|complete))? "
             "translation",
             "(beglaubigte|vereidigte) ubersetzung", "yeminli (tercuman|mutercim)", "مترجم محلف", "ترجمه محلفه",
             # a translator's certificate in other words: the court's expert, a faithful rendering certified
             "(traducteur|traductrice|interprete) (interprete|traducteur|traductrice|expert)",
             "expert (pres|aupres de) la cour",  # a "copie certifiee conforme" is a certified copy, no translation
             "certifie (que )?(la presente|cette) traduction", "(true|faithful|accurate|correct|complete) (and "
             "(faithful|accurate|complete|correct) )?(\\w+ )?(translation|rendering) (of|from) the (\\w+ )?(original|attached)",
             # the translator declaring, in any words, that this translation is true: "verklaart dat deze vertaling ..."
             "(verklaart|verklaar|verklaren|bevestigt|bevestig|declares?|certif(y|ies)|states?|confirms?|affirms?|attests?|"
             "erklare|erklart|bestatige|bestatigt|bescheinige|bescheinigt|declare|certifie|atteste|confirme) "
             "(hierbij |hereby |hiermit |par la presente )?(dat|that|que|dass) (de |het |deze |dit |this |the |la |le |cette |"
             "die |diese |das )?(above |foregoing |attached |voorgaande |bovenstaande |vorstehende |obige |ci dessus )?"
             "(vertaling|translation|traduction|ubersetzung)",
             # a translator's statement headed as one
             "translator s (affidavit|oath|certificate|certification|declaration|statement)",
             "(affidavit|certificate|certification|declaration|statement) of (the )?(translator|translation)( accuracy)?",
             "verklaring (van de )?vertaler", "attestation de traduction",
             "(competent|qualified|sworn|authori[sz]ed) to translate (from|into|between)", "voor getrouwe vertaling",
             "مترجم معتمد", "ترجمه رسمي", "مترجم رسمي", "ተርጓሚ", "ትርጉም")),
        (3, ("translation of (the )?(original|attached|document)", "true (and (complete|accurate|correct) )?translation",
             "translated from", "(getrouwe|getrouw en volledig|volledige) vertaling", "vertaling van",
             "vertaald uit", "deze vertaling", "la presente traduction", "traduction (fidele|de l original)",
             "traduit de", "ubersetzung (aus|des|der)", "aus dem \\w+ ubersetzt", "tercume(si)?", "ترجمه",
             "translated by", "vertaald door", "traduit par", "ubersetzt (von|durch)",
            "translator", "vertaler", "vertaalster", "traducteur", "traductrice", "ubersetzer(in)?", "tercuman", "مترجم")),
        # A line of its own saying "Translation" (of, from, into what): among the first lines, above the
        # translated document's own title or naming it, it heads a translation (its statement at the foot may
        # be too small to read): 3.5 x 1.5 there, a translator's statement's strength.
        (3.5, ("^\\W*(translation|vertaling|traduction|ubersetzung|ceviri|tercume)"
               "( (of|from|into|de|du|des|d|en|van|uit|naar|aus|der|des|vom|ins)\\b.*)?\\W*$",
               "^\\W*(translated from|traduit (de|du|d)|vertaald uit|ubersetzt aus)\\b.*$")),
    ),
    K.CONSENT_DECLARATION: (
        (4, ("parental consent", "consent (form|declaration|letter)", "declaration of consent",
             "permission to travel", "travel (consent|permission)", "toestemmingsverklaring",
             "verklaring (van )?(toestemming|achterblijvende ouder)", "consentement", "autorisation parentale",
             "autorisation de sortie", "einverstandniserklarung", "zustimmungserklarung", "muvafakatname",
             "muvafakat", "ogolaansh(o|aha|ada)", "اقرار موافقه", "موافقه", "اذن سفر", "اذن بالسفر", "رضايت نامه",
             "رضايتنامه", "ፍቓድ", "ፈቃድ")),
        # The declaration's own sentence: a parent allows the child to travel or live abroad (its title lost).
        (3, ("(permission|consent|authori[sz]ation) for (my|our) (child|children|son|daughter)( \\w+)? to (travel|leave|live)",
             "(my|our) (child|children|son|daughter)( \\w+)? (may|can|is allowed to) (travel|leave|live)",
             "(have|has) no objection (to|for|that) (my|our) (child|children|son|daughter)",
             "(agree|consent) (that|to) (my|our) (child|children|son|daughter)",
             "(allow|permit|authori[sz]e) (my|our) (child|children|son|daughter)",
             "autoris(e|er|ons) (mon|ma|mes|notre|nos) (enfant|fils|fille)s?",
             "(ne pas m|ne m|ne pas nous|ne nous) (opposer|oppose|opposons)( pas)? a ce que (mon|ma|mes|notre|nos)",
             "(donne|donnons) (mon|notre) (accord|consentement) (pour|a ce que|au depart)",
             "(akkoord|geen bezwaar) (dat|met|tegen) (mijn|ons|onze) (kind|kinderen|zoon|dochter)",
             "keine einwande (gegen|dass) (mein|meine|meinen|unser|unsere)",
             "(waan|waxaan) (ku )?ogolahay", "لا امانع", "عدم ممانعه", "عدم الممانعه", "لا مانع من سفر",
             "toestemming (aan|voor) (mijn|ons|onze) (kind|kinderen|zoon|dochter)",
             "autorise (mon|ma|mes|notre|nos) (enfant|fils|fille)s?( \\w+)? (a|au) (voyager|quitter|partir|vivre|rejoindre)",
             "erlaube (meinem|meiner|unserem) (kind|sohn|tochter)", "cocugumun (yurt disina )?(seyahat|gitmesine)",
             "اوافق على سفر", "اسمح لابني", "اسمح لابنتي", "اسمح لاطفالي", "اجازه سفر", "رضايت به سفر")),
        (2, ("consent", "give (my )?permission", "(geef|geeft) (hierbij )?toestemming", "toestemming",
             "autorise[rz]?", "donne mon accord", "einverstanden", "zustimme", "izin veriyorum", "اوافق", "اسمح",
             "رضايت")),
        (1, ("to travel", "travel to", "reizen", "vertrekt", "voyager", "reisen", "سفر", "the netherlands",
             "nederland", "pays bas", "niederlande", "hollanda", "هولندا", "my child", "mijn kind", "mon enfant",
             "mein kind", "ابني", "ابنتي", "signature", "handtekening", "unterschrift")),
    ),
    K.ASYLUM_DECISION: (
        (4, ("[il1]mmigratie (en )?naturalisatiedienst", "immigration and naturali[sz]ation service",
             "verblijfsvergunning asie[l1]", "asylum residence permit", "residence permit (for )?asylum")),
        (2, ("beschikking", "asielaanvraag", "aanvraag (om een )?verblijfsvergunning", "v nummer",
             "vreemdelingennummer", "ministerie van asiel", "ministerie van justitie", "asylum application",
             "asylum decision", "\\bind\\b", "in te willigen", "voornemen")),
        (1, ("besluit", "besloten", "asiel", "asylum", "vergunning", "geachte", "onderwerp", "bezwaar")),
    ),
    # The IND's own forms (form 647's annexes), in Dutch and English, blank or filled in by hand.
    K.GOOD_CONDUCT_STATEMENT: (
        (4, ("antecedentenverklaring", "verklaring (omtrent|over|inzake|betreffende) (de )?antecedenten",
             "antecedents? (certificate|declaration|statement)", "criminal record declaration",
             "(declaration|statement) (of|on|about|regarding|concerning) (your )?(criminal (record|history|past)|antecedents)",
             "good conduct (statement|declaration)", "declaration of good conduct")),
        (2, ("veroordeeld", "gevangenisstraf", "vrijheidsbenemende maatregel", "taakstraf", "geldboete",
             "strafbeschikking", "sentenced", "imprisonment", "custodial (measure|sentence)", "community service",
             "(unconditional )?fine\b", "penalty order", "out of court settlement", "convicted", "conviction")),
        (2, ("misdrijf", "misdrijven", "strafbaar feit", "strafbare feiten", "vervolgd", "vervolging", "crimes?\b",
             "criminal offen[cs]es?", "prosecut(ed|ion)", "artikel 1f", "article 1f", "vluchtelingenverdrag",
             "refugee convention", "inreisverbod", "entry ban")),
        (1, ("ik verklaar", "i (certify|declare)", "naar waarheid", "truthfully", "openbare orde", "public order",
             "12 jaar", "12 years", "twaalf jaar", "twelve years")),
    ),
    K.MARITAL_STATUS_STATEMENT: (
        (4, ("verklaring (van |omtrent |over |inzake )?(de |uw )?burgerlijke staat",
             "(declaration|statement) (of|on|about|regarding|concerning) (your )?(marital|civil) status",
             "(marital|civil) status (declaration|statement)", "declaration de (situation matrimoniale|celibat)")),
        (2, ("burgerlijke staat", "marital status", "civil status", "ongehuwd", "nooit gehuwd", "gescheiden",
             "weduwe", "weduwnaar", "never married", "not married", "unmarried", "divorced", "widow(ed|er)?")),
        (2, ("geregistreerd partner(schap)?", "registered partner(ship)?", "duurzame relatie", "(een|geen) relatie",
             "samenwonend", "cohabit(ing|ation)?", "(a|no|any) relationship", "relationship with")),
        (1, ("ik verklaar", "i (certify|declare)", "naar waarheid", "truthfully", "15 jaar", "15 years",
             "vijftien jaar", "fifteen years")),
    ),
    # A court's or authority's decision placing a child with a family: placement, guardianship, custody, kafala.
    K.FOSTER_CARE_DECISION: (
        (4, ("foster (care|placement) (decision|order)", "placement (order|decision)", "care order",
             "(guardianship|custody|kafala) (order|decision|judgment)", "order (of|for) (guardianship|custody|placement)",
             "appointment of (a )?(legal )?guardian", "letters of guardianship",
             "(decision|ordonnance|jugement) (de |d |portant )?(placement|tutelle|kafala|garde|delegation)",
             "acte de kafala", "pleegzorgbeschikking", "pleegzorgbesluit",
             "beschikking (tot |inzake |over )?(uithuisplaatsing|pleegzorg|voogdij|gezag)",
             "machtiging (tot )?uithuisplaatsing", "(besluit|verklaring) (tot |inzake )?(pleegzorg|voogdij)",
             "قرار حضانه", "حكم حضانه", "حجه حضانه", "صك حضانه", "حكم كفاله", "حكم بالكفاله", "عقد كفاله", "قرار كفاله",
             "قرار وصايه", "حكم وصايه", "حجه وصايه", "قرار ولايه", "حجه ولايه", "قرار ايداع", "قرار بايداع")),
        (2, ("foster (parents?|family|families|carers?|mother|father|home|child)", "legal guardian", "guardian",
             "famille d accueil", "tuteur", "tutrice", "pleeggezin", "pleegouders?", "pleegkind", "voogd",
             "jeugdbeschermer", "الحاضن", "الحاضنه", "الكافل", "المكفول", "المكفوله", "المحضون", "الوصي",
             "اسره بديله", "اسره حاضنه")),
        (2, ("guardianship", "custody", "kafala", "placed (in the care of|with)", "tutelle", "droit de garde",
             "confiee? (a|au|aux)", "placement", "pleegzorg", "uithuisplaatsing", "voogdij", "gezag over",
             "حضانه", "كفاله", "وصايه", "الولايه", "ايداع")),
        (1, ("court", "tribunal", "juge des enfants", "juvenile", "child (protection|welfare)", "social welfare",
             "aide sociale a l enfance", "kinderrechter", "rechtbank", "jeugdbescherming", "kinderbescherming",
             "محكمه", "القاضي", "قاضي", "الطفل", "القاصر", "minor", "mineure?", "minderjarige")),
    ),
    K.OTHER: (
        (2, ("invoice", "factuur", "facture", "rechnung", "bill", "amount due", "te betalen", "montant",
             "school report", "rapport", "zeugnis", "customer", "klant", "meter reading", "receipt",
             "kwitantie", "gemeente", "bewoner", "newsletter", "nieuwsbrief", "menu", "advertentie")),
        (1, ("dear", "beste", "cher", "kind regards", "met vriendelijke groet", "cordialement", "please",
             "graag", "www")),
    ),
}

TITLE_WEIGHT = 4
TITLE_LINES = 5  # the first lines with some letters in them, where titles are
TITLE_MAX_WORDS = 8  # longer lines are sentences, not titles
TITLE_BONUS = 1.5  # a phrase there weighs this much more
MENTION_FACTOR = 0.5  # a kind's name further down is probably a mention of another document
