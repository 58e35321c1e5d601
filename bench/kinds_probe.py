"""Probe the classifier on documents in layouts, wordings and countries the corpus lacks, written out as OCR text.

    .venv/bin/python -m bench.kinds_probe [--render] [--only PART ...]

Each row of ``PROBE`` is a page as a sponsor's photo of it reads: Syrian, Eritrean, Afghan, Somali, Iraqi and Iranian
civil records and their sworn translations, family books and household registers, parents' consents in several
wordings, the IND's decisions and its letters that decide nothing, identity cards without a zone, and papers that
are none of these (school, bank, medical letters). Prints kinds right, and for every miss what was expected and what
was read with the pipeline's doubt. A row's ``doubt`` (a ``DoubtCode``) is the reason the kind must come with.
``--render`` also draws each row on a page (PIL, the machine's fonts) and reads it with the whole pipeline.
A row's ``left`` says why it is still read wrong; ``tests/documents/pipeline/test_kinds_probe.py`` takes every other
row. Needs no Django.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from dataclasses import dataclass

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from documents.pipeline import classify, doubt  # noqa: E402
from documents.pipeline.types import DocumentKind as K  # noqa: E402


@dataclass(frozen=True)
class Probe:
    name: str
    kind: K
    text: str
    doubt: str = ""  # a DoubtCode the result must carry ("" = any, or none)
    left: str = ""  # why the row is still read wrong (the tests take every row but these)


PROBE: tuple[Probe, ...] = (
    # --- birth records ---
    Probe("Syrian birth statement", K.BIRTH_CERTIFICATE,
          "الجمهورية العربية السورية\nوزارة الداخلية\nبيان قيد ولادة\nالاسم: ليلى\nالنسبة: الخطيب\n"
          "اسم الأب: محمود\nاسم الأم: سعاد\nمحل الولادة وتاريخها: حمص 2013/4/2\nالقيد: حمص / الخالدية 112"),
    Probe("Eritrean birth certificate, English", K.BIRTH_CERTIFICATE,
          "THE STATE OF ERITREA\nAdministration of Maekel Region\nCity of Asmara Civil Status Office\n"
          "CERTIFICATE OF BIRTH\nFull Name: Saba Tesfamariam Ghebre\nSex: Female\nDate of Birth: 14/06/2011\n"
          "Place of Birth: Asmara\nFather's Full Name: Tesfamariam Ghebre\nMother's Full Name: Letemariam Woldu"),
    Probe("Afghan birth certificate, Dari", K.BIRTH_CERTIFICATE,
          "امارت اسلامی افغانستان\nوزارت صحت عامه\nتصدیق تولد\nنام طفل: احمد\nنام پدر: محمد نعیم\n"
          "نام مادر: فریبا\nتاریخ تولد: ۱۳۹۸/۰۵/۱۲\nمحل تولد: کابل"),
    Probe("Somali birth certificate", K.BIRTH_CERTIFICATE,
          "JAMHUURIYADDA FEDERAALKA SOOMAALIYA\nGobolka Banaadir\nSHAHAADADA DHALASHADA\nMagaca: Hodan Abdi Warsame\n"
          "Taariikhda Dhalashada: 03/02/2014\nGoobta Dhalashada: Muqdisho\nMagaca Aabaha: Abdi Warsame\n"
          "Magaca Hooyada: Fadumo Ali"),
    Probe("Somali birth certificate, English", K.BIRTH_CERTIFICATE,
          "FEDERAL REPUBLIC OF SOMALIA\nBenadir Regional Administration\nBIRTH CERTIFICATE\nName: Hodan Abdi\n"
          "Date of birth: 03.02.2014  Place: Mogadishu\nFather: Abdi Warsame\nMother: Fadumo Ali"),
    Probe("Iraqi birth certificate", K.BIRTH_CERTIFICATE,
          "جمهورية العراق\nوزارة الصحة\nشهادة ولادة\nاسم المولود: حسين علي\nجنس المولود: ذكر\n"
          "تاريخ الولادة: 2012/11/3\nاسم الأب: علي كاظم\nاسم الأم: زينب جاسم\nمحل الولادة: البصرة"),
    Probe("Iranian shenasnameh, titled", K.BIRTH_CERTIFICATE,
          "جمهوری اسلامی ایران\nسازمان ثبت احوال کشور\nشناسنامه\nشماره شناسنامه: 1234\nنام: مریم\n"
          "نام خانوادگی: رضایی\nنام پدر: علی\nنام مادر: زهرا\nتاریخ تولد: 1370/05/12\nمحل تولد: شیراز"),
    Probe("Iranian shenasnameh, face only, title lost", K.BIRTH_CERTIFICATE,
          "شماره شناسنامه 4521 سری 12 ب\nشماره ملی 2281234567\nنام مریم\nنام خانوادگی رضایی\n"
          "تاریخ تولد 1370/05/12\nمحل تولد شیراز\nنام پدر علی\nنام مادر زهرا\nمحل صدور شیراز"),
    Probe("Iranian shenasnameh, new model, title lost", K.BIRTH_CERTIFICATE,
          "کد ملی: 0012345678\nنام: رضا   نام خانوادگی: محمدی\nنام پدر: حسن\nتاریخ تولد: ۱۳۶۵/۰۱/۲۰\n"
          "محل تولد: تهران\nسریال: ۷۸۹۴۵۶\nمحل صدور: تهران"),
    Probe("Eritrean birth certificate, Tigrinya", K.BIRTH_CERTIFICATE,
          "ሃገረ ኤርትራ\nምምሕዳር ዞባ ማእከል\nምስክር ወረቐት ልደት\nስም: ሳባ ተስፋማርያም\nዕለተ ልደት: 14/06/2011\n"
          "ቦታ ትውልዲ: ኣስመራ\nስም ኣቦ: ተስፋማርያም\nስም ኣደ: ለተማርያም"),
    Probe("Syrian individual civil record", K.BIRTH_CERTIFICATE,
          "الجمهورية العربية السورية\nإخراج قيد فردي\nالاسم: عمر\nالشهرة: الحلبي\nاسم الأب: أحمد\n"
          "اسم الأم ونسبتها: هدى الشامي\nمكان وتاريخ الولادة: حلب 1990/1/1\nالجنس: ذكر"),
    # --- marriages ---
    Probe("Syrian marriage statement", K.MARRIAGE_CERTIFICATE,
          "الجمهورية العربية السورية\nبيان زواج\nالزوج: أحمد محمود الخطيب\nالزوجة: سعاد حسن\n"
          "تاريخ الزواج: 2010/07/15\nمكان تسجيل الواقعة: دمشق"),
    Probe("Eritrean marriage certificate, English", K.MARRIAGE_CERTIFICATE,
          "State of Eritrea\nCity of Asmara\nCERTIFICATE OF MARRIAGE\nHusband's Name: Yonas Haile\n"
          "Wife's Name: Selam Tekle\nDate of Marriage: 12/09/2015\nPlace of Marriage: Asmara"),
    Probe("Afghan nikah-khat", K.MARRIAGE_CERTIFICATE,
          "نکاح خط\nنام زوج: عبدالله\nنام پدر زوج: محمد\nنام زوجه: مریم\nنام پدر زوجه: احمد\nمهر: ۱۰۰۰۰۰ افغانی\n"
          "شاهد اول: حسن\nشاهد دوم: رحیم"),
    Probe("Somali marriage certificate", K.MARRIAGE_CERTIFICATE,
          "SHAHAADADA GUURKA\nMagaca Ninka: Abdi Warsame\nMagaca Naagta: Fadumo Ali\nTaariikhda Guurka: 10/10/2010\n"
          "Markhaatiyada: Omar Nur, Ali Yusuf"),
    Probe("Iraqi marriage deed", K.MARRIAGE_CERTIFICATE,
          "جمهورية العراق\nمجلس القضاء الأعلى\nمحكمة الأحوال الشخصية في الكرخ\nحجة زواج\n"
          "الزوج: علي كاظم\nالزوجة: زينب جاسم\nالمهر المعجل: ذهب\nالشهود: حسن، محمد"),
    Probe("Iranian marriage deed", K.MARRIAGE_CERTIFICATE,
          "سند ازدواج\nمشخصات زوج: نام: علی نام خانوادگی: رضایی\nمشخصات زوجه: نام: زهرا\nمهریه: ۱۴ سکه\n"
          "تاریخ وقوع عقد: ۱۳۹۰/۰۶/۰۱"),
    # --- deaths ---
    Probe("Syrian death statement", K.DEATH_CERTIFICATE,
          "الجمهورية العربية السورية\nبيان وفاة\nاسم المتوفى: محمود الخطيب\nاسم الأب: حسن\nاسم الأم: فاطمة\n"
          "تاريخ الوفاة: 2016/3/9\nمكان الوفاة: حلب"),
    Probe("Eritrean death certificate, English", K.DEATH_CERTIFICATE,
          "STATE OF ERITREA\nCERTIFICATE OF DEATH\nName of Deceased: Ghebre Tesfay\nDate of Death: 02/03/2018\n"
          "Place of Death: Keren\nAge: 71"),
    Probe("Afghan death certificate", K.DEATH_CERTIFICATE,
          "تصدیق وفات\nنام متوفی: محمد نعیم\nنام پدر: عبدالرحیم\nتاریخ وفات: ۱۴۰۰/۰۳/۱۰\nعلت فوت: بیماری"),
    Probe("Somali death certificate", K.DEATH_CERTIFICATE,
          "SHAHAADADA DHIMASHADA\nMagaca: Warsame Nur\nTaariikhda Dhimashada: 05/05/2017\nGoobta Dhimashada: Kismaayo"),
    # --- family books and household registers ---
    Probe("Syrian family booklet", K.FAMILY_BOOKLET,
          "الجمهورية العربية السورية\nدفتر عائلة\nرب الأسرة: أحمد محمود الخطيب\nالزوجة: سعاد حسن\n"
          "الأولاد: ليلى 2013، عمر 2015"),
    Probe("Iraqi family census extract", K.FAMILY_BOOKLET,
          "جمهورية العراق\nمديرية الأحوال المدنية\nصورة قيد عائلي\nرب الأسرة: علي كاظم\nالزوجة: زينب جاسم\n"
          "الابن: حسين\nالبنت: مريم"),
    Probe("Eritrean family registration, English", K.FAMILY_BOOKLET,
          "Family Registration Card\nHead of household: Yonas Haile\nWife: Selam Tekle\nChildren:\n"
          "1. Saba Yonas 2016\n2. Dawit Yonas 2019"),
    Probe("Afghan household record", K.FAMILY_BOOKLET,
          "سرپرست خانوار: عبدالله\nهمسر: مریم\nفرزندان: احمد، فاطمه، زهرا\nولایت: هرات"),
    Probe("household register, Dutch", K.FAMILY_BOOKLET,
          "Gezinssamenstelling\nGezinshoofd: Abdi Warsame\nEchtgenote: Fadumo Ali\nKinderen: Hodan (2014), Omar (2016)"),
    # --- sworn translations ---
    Probe("English translation of a Syrian birth statement", K.TRANSLATION,
          "Translation from Arabic\nSyrian Arab Republic - Ministry of Interior\nBirth Statement\nName: Layla\n"
          "Father: Mahmoud Mother: Souad\nI, the undersigned sworn translator, certify that the above is a true "
          "and faithful translation of the Arabic original."),
    Probe("French translation of an Eritrean marriage", K.TRANSLATION,
          "TRADUCTION DU TIGRIGNA\nCertificat de mariage\nÉpoux : Yonas Haile\nÉpouse : Selam Tekle\n"
          "Traduction certifiée conforme à l'original par Marie Dupont, traductrice-interprète assermentée"),
    Probe("German translation of an Afghan tazkira", K.TRANSLATION,
          "Übersetzung aus dem Dari\nPersonalausweis (Tazkira)\nName: Ahmad  Vater: Mohammad Naim\n"
          "Geburtsjahr: 2005\nDie Richtigkeit und Vollständigkeit der vorstehenden Übersetzung wird bescheinigt.\n"
          "Ermächtigter Übersetzer für die Sprache Dari"),
    Probe("Dutch translation of a Somali birth", K.TRANSLATION,
          "Vertaling uit het Somalisch\nGEBOORTEAKTE\nNaam: Hodan Abdi\nGeboren: 03-02-2014 te Mogadishu\n"
          "Vader: Abdi Warsame  Moeder: Fadumo Ali\nOndergetekende, beëdigd vertaler, verklaart dat deze vertaling "
          "getrouw en volledig is"),
    Probe("English translation, statement in other words", K.TRANSLATION,
          "Death Certificate\n(translated)\nDeceased: Ghebre Tesfay\nDate of death: 02/03/2018\n"
          "I hereby declare that I am competent to translate from Tigrinya into English and that this document "
          "is an accurate rendering of the original.\nTranslator: Meron Kidane, Certified by the Court"),
    # --- consent declarations ---
    Probe("consent, English, permission", K.CONSENT_DECLARATION,
          "DECLARATION\nI, Yonas Haile, father of Saba Yonas (born 14/06/2016),\ngive permission for my daughter "
          "to travel to the Netherlands with her mother Selam Tekle\nand to live there permanently.\nSignature"),
    Probe("consent, Dutch, verklaring", K.CONSENT_DECLARATION,
          "Verklaring\nOndergetekende, Abdi Warsame, verklaart dat hij toestemming geeft aan zijn kinderen Hodan "
          "en Omar\nom met hun moeder naar Nederland te reizen en zich daar te vestigen.\nHandtekening"),
    Probe("consent, French, autorisation", K.CONSENT_DECLARATION,
          "ATTESTATION\nJe soussignée Amina Said, mère de l'enfant Ali, déclare ne pas m'opposer à ce que mon fils "
          "rejoigne son père aux Pays-Bas.\nFait à Khartoum, signature"),
    Probe("consent, Arabic, agreement", K.CONSENT_DECLARATION,
          "تعهد وموافقة\nأنا الموقعة أدناه أمينة سعيد والدة الطفل علي أوافق على سفر ابني إلى هولندا للالتحاق "
          "بوالده\nالتوقيع"),
    Probe("consent, Farsi", K.CONSENT_DECLARATION,
          "رضایت نامه\nاینجانب عبدالله فرزند محمد پدر فاطمه رضایت کامل دارم که دخترم به هلند سفر کند\nامضا"),
    Probe("consent, German", K.CONSENT_DECLARATION,
          "Einverständniserklärung\nHiermit erkläre ich, Dawit Haile, dass ich mit der Ausreise meines Sohnes Yonas "
          "in die Niederlande einverstanden bin.\nUnterschrift"),
    # --- asylum decisions and IND letters that decide nothing ---
    Probe("IND decision, granted", K.ASYLUM_DECISION,
          "Immigratie- en Naturalisatiedienst\nMinisterie van Asiel en Migratie\nBeschikking\nDatum 4 september 2026\n"
          "V-nummer 1234567890\nU heeft een aanvraag ingediend voor een verblijfsvergunning asiel voor bepaalde tijd.\n"
          "Ik heb besloten uw aanvraag in te willigen."),
    Probe("IND decision after a voornemen", K.ASYLUM_DECISION,
          "Immigratie- en Naturalisatiedienst\nBeschikking\nDatum 9 oktober 2026\nOp 2 september 2026 heeft de IND u "
          "het voornemen gestuurd. U heeft daarop een zienswijze ingediend.\nIk heb besloten uw aanvraag voor een "
          "verblijfsvergunning asiel voor bepaalde tijd in te willigen."),
    Probe("IND voornemen, intention to reject", K.OTHER,
          "Immigratie- en Naturalisatiedienst\nVoornemen\nDatum 2 september 2026\nV-nummer 1234567890\n"
          "Onderwerp: voornemen tot afwijzing van uw aanvraag om een verblijfsvergunning asiel\n"
          "Ik ben van plan uw aanvraag af te wijzen. Dit is nog geen beslissing.\n"
          "U kunt binnen 2 weken uw zienswijze op dit voornemen geven.", doubt="intended_decision"),
    Probe("IND voornemen, intention to grant", K.OTHER,
          "IND\nImmigratie- en Naturalisatiedienst\nDatum 12 augustus 2026\nBetreft: voornemen inwilliging\n"
          "Ik ben voornemens uw aanvraag voor een verblijfsvergunning asiel in te willigen.\n"
          "U ontvangt hierover binnenkort een beschikking.", doubt="intended_decision"),
    Probe("IND intended decision, English", K.OTHER,
          "Immigration and Naturalisation Service\nIntended decision\nDate 2 September 2026\n"
          "We intend to reject your application for an asylum residence permit.\n"
          "This is not yet a decision. You may submit your written views within two weeks.",
          doubt="intended_decision"),
    Probe("IND letter, decision period extended", K.OTHER,
          "Immigratie- en Naturalisatiedienst\nDatum 1 juli 2026\nOnderwerp: verlenging beslistermijn\n"
          "Geachte heer Haile,\nDe termijn om te beslissen op uw aanvraag om een verblijfsvergunning asiel wordt met "
          "9 maanden verlengd.\nMet vriendelijke groet"),
    Probe("IND letter asking for documents", K.OTHER,
          "Immigratie- en Naturalisatiedienst\nDatum 3 mei 2026\nOnderwerp: aanvullende informatie nodig\n"
          "Geachte mevrouw Ali,\nOm uw aanvraag asiel te kunnen beoordelen hebben wij de volgende documenten nodig.\n"
          "Met vriendelijke groet"),
    Probe("COA letter, housing", K.OTHER,
          "Centraal Orgaan opvang asielzoekers\nGeachte heer Warsame,\nU krijgt een woning in de gemeente Utrecht.\n"
          "Uw verblijfsvergunning asiel is verleend op 4 september 2026.\nMet vriendelijke groet"),
    # --- identity cards without a zone ---
    Probe("Syrian ID card front", K.ID_CARD,
          "الجمهورية العربية السورية\nبطاقة شخصية\nالاسم: أحمد\nالنسبة: الخطيب\nاسم الأب: محمود\n"
          "اسم الأم: سعاد\nمحل وتاريخ الولادة: حمص 1985\nالرقم الوطني: 03010123456"),
    Probe("Iraqi national card, front, title lost", K.ID_CARD,
          "الاسم: علي\nالأب: كاظم\nالجد: جاسم\nاللقب: الموسوي\nالجنس: ذكر\nفصيلة الدم: O+\n"
          "الرقم الوطني 199012345678"),
    Probe("Eritrean national ID", K.ID_CARD,
          "STATE OF ERITREA\nNATIONAL IDENTITY CARD\nName: Yonas Haile Tekle\nDate of Birth: 01/01/1985\n"
          "Place of Birth: Asmara\nID No: 1234567"),
    Probe("Afghan tazkira, paper", K.ID_CARD,
          "تذکره تابعیت\nنام: عبدالله\nنام پدر: محمد\nنام پدر کلان: رحیم\nسال تولد: ۱۳۶۰\nولایت: هرات"),
    Probe("Iranian national card", K.ID_CARD,
          "جمهوری اسلامی ایران\nکارت ملی\nشماره ملی: 0012345678\nنام: رضا\nنام خانوادگی: محمدی\n"
          "تاریخ تولد: ۱۳۶۵/۰۱/۲۰\nنام پدر: حسن\nتاریخ انقضا: ۱۴۰۵/۰۱/۲۰"),
    Probe("ID card front, English labels, title and zone lost", K.ID_CARD,
          "Surname: HAILE\nGiven names: YONAS\nSex: M  Nationality: ERI\nDate of birth: 01.01.1985\n"
          "Date of expiry: 01.01.2030\nDocument no: AB123456"),
    Probe("ID card front, name, birth and number only", K.ID_CARD,
          "Name: Abdi Warsame Nur\nDate of birth: 01/01/1980\nID No. 0123456789\nSignature of holder"),
    # --- others ---
    Probe("school report", K.OTHER,
          "Basisschool De Regenboog\nRapport groep 5\nLeerling: Hodan Abdi\nRekenen: goed\nTaal: voldoende\n"
          "Handtekening ouder"),
    Probe("school enrolment certificate, English", K.OTHER,
          "Certificate of Enrolment\nThis is to certify that Saba Yonas, born 14/06/2016, daughter of Yonas Haile, "
          "is a pupil of grade 3 at Asmara Primary School.\nHeadmaster"),
    Probe("bank letter", K.OTHER,
          "ING Bank N.V.\nGeachte heer Warsame,\nUw nieuwe betaalrekening is geopend.\nRekeningnummer NL00 INGB 0001 "
          "2345 67\nMet vriendelijke groet"),
    Probe("medical letter", K.OTHER,
          "Huisartsenpraktijk Centrum\nVerwijsbrief\nPatiënt: Fadumo Ali, geboren 01-01-1988\n"
          "Reden van verwijzing: controle\nMet collegiale groet, dr. Jansen"),
    Probe("hospital discharge, English", K.OTHER,
          "Discharge summary\nPatient: Yonas Haile  DOB: 01/01/1985\nAdmitted: 02/03/2026  Discharged: 05/03/2026\n"
          "Diagnosis: pneumonia\nFollow-up with general practitioner"),
    Probe("rental contract", K.OTHER,
          "Huurovereenkomst woonruimte\nVerhuurder: Woonstichting Utrecht\nHuurder: Abdi Warsame\n"
          "Huurprijs: 650 euro per maand\nIngangsdatum: 1 oktober 2026"),
    Probe("employer letter", K.OTHER,
          "To whom it may concern\nThis letter confirms that Mr Yonas Haile is employed by our company since "
          "1 March 2024 as a warehouse worker.\nHR department"),
    # --- a second round, written after the first round's rules: wordings those rules were not made on ---
    Probe("Ethiopian birth certificate, English", K.BIRTH_CERTIFICATE,
          "FEDERAL DEMOCRATIC REPUBLIC OF ETHIOPIA\nVital Events Registration Agency\nBirth Certificate\n"
          "Child's Name: Meron  Father's Name: Abebe  Grandfather's Name: Kebede\nDate of Birth: 12/03/2015\n"
          "Place of Birth: Addis Ababa\nMother's Full Name: Almaz Tadesse"),
    Probe("Syrian birth extract, English translation without statement", K.BIRTH_CERTIFICATE,
          "Syrian Arab Republic\nMinistry of Interior - Civil Affairs\nExtract of Birth Registration\nName: Omar\n"
          "Surname: Al Halabi\nFather: Ahmad  Mother: Huda\nPlace and date of birth: Aleppo 01/01/2012"),
    Probe("Iraqi birth, title misread", K.BIRTH_CERTIFICATE,
          "جمهورية العراق\nشهاده ولاده\nاسم الطفل: مريم\nاسم الاب: علي\nاسم الام: زينب\nتاريخ الولادة: 2015"),
    Probe("Afghan marriage certificate, English", K.MARRIAGE_CERTIFICATE,
          "Islamic Republic of Afghanistan\nSupreme Court\nMarriage Certificate (Nikah Khat)\nGroom: Abdullah son of "
          "Mohammad\nBride: Maryam daughter of Ahmad\nMahr: 100,000 Afs\nWitnesses: Hasan, Rahim"),
    Probe("Eritrean marriage, Tigrinya", K.MARRIAGE_CERTIFICATE,
          "ሃገረ ኤርትራ\nምስክር ወረቐት መርዓ\nስም ሰብኣይ: ዮናስ ሃይለ\nስም ሰበይቲ: ሰላም ተኽለ\nዕለት መርዓ: 12/09/2015"),
    Probe("death, Iraqi", K.DEATH_CERTIFICATE,
          "جمهورية العراق\nوزارة الصحة\nشهادة وفاة\nاسم المتوفى: كاظم جاسم\nتاريخ الوفاة: 2019/4/4\n"
          "سبب الوفاة: جلطة\nمحل الوفاة: بغداد"),
    Probe("death, Dutch translation", K.TRANSLATION,
          "Vertaling uit het Arabisch\nOverlijdensakte\nNaam overledene: Kazem Jasim\nDatum van overlijden: 04-04-2019"
          "\nVoor getrouwe vertaling, beëdigd tolk/vertaler Arabisch"),
    Probe("family booklet, Syrian, inner page", K.FAMILY_BOOKLET,
          "الزوج: أحمد الخطيب\nالزوجة: سعاد حسن\nالطفل الأول: ليلى\nالطفل الثاني: عمر"),
    Probe("family register, Eritrean kebele, English", K.FAMILY_BOOKLET,
          "Kebele Family Record\nHead of the family: Tesfay Ghebre\nSpouse: Letemariam Woldu\nChildren: Saba, Dawit, "
          "Yonas"),
    Probe("consent, Somali", K.CONSENT_DECLARATION,
          "Warqad Ogolaansho\nAniga Abdi Warsame waxaan ogolahay in caruurtayda Hodan iyo Omar ay u safraan Nederland "
          "hooyadood la jirta.\nSaxiix"),
    Probe("consent, English, no objection certificate", K.CONSENT_DECLARATION,
          "NO OBJECTION CERTIFICATE\nI, Amina Said, mother of Ali (born 2016), have no objection to my son living "
          "with his father in the Netherlands.\nSigned before the notary"),
    Probe("consent, Dutch, short", K.CONSENT_DECLARATION,
          "Toestemming\nHierbij geef ik, Fadumo Ali, toestemming dat mijn dochter Hodan naar haar vader in Nederland "
          "gaat.\nHandtekening moeder"),
    Probe("IND decision, English translation of the beschikking", K.ASYLUM_DECISION,
          "Immigration and Naturalisation Service\nDecision\nDate: 4 September 2026\nYou applied for an asylum "
          "residence permit (fixed term). Your application is granted."),
    Probe("IND voornemen, English, plan", K.OTHER,
          "Immigration and Naturalisation Service\nSubject: intended decision on your asylum application\n"
          "The IND plans to reject your application. Before a decision is taken you can respond in writing.",
          doubt="intended_decision"),
    Probe("IND letter, hearing rescheduled", K.OTHER,
          "Immigratie- en Naturalisatiedienst\nOnderwerp: nieuwe datum nader gehoor\nGeachte heer Haile,\n"
          "Het nader gehoor in uw asielprocedure is verplaatst naar 12 oktober 2026.\nMet vriendelijke groet"),
    Probe("ID card front, Somali, zone lost", K.ID_CARD,
          "Magaca: Abdi Warsame Nur\nTaariikhda Dhalashada: 01/01/1980\nJinsiga: Lab\nTaariikhda Dhicitaanka: "
          "01/01/2030\nLambarka Kaarka: 123456"),
    Probe("ID card front, French labels, zone lost", K.ID_CARD,
          "Nom: HADDAD\nPrénoms: KARIM\nSexe: M  Nationalité: SYR\nNé le: 01.01.1985\nDate d'expiration: "
          "01.01.2031"),
    Probe("Iranian national card, back", K.ID_CARD,
          "تاریخ صدور: ۱۳۹۵/۰۱/۲۰\nتاریخ انقضا: ۱۴۰۵/۰۱/۲۰\nشماره سریال: ۷۸۹۴۵۶"),
    Probe("school report, English", K.OTHER,
          "School Report\nStudent: Saba Yonas\nClass: 4B\nMathematics: A  English: B\nTeacher's remarks: good "
          "progress"),
    Probe("bank statement, Dutch", K.OTHER,
          "Rekeningoverzicht\nRekeninghouder: A. Warsame\nSaldo per 1 oktober 2026: 1.234,56\nBij: salaris\n"
          "Af: huur"),
    Probe("medical certificate, English", K.OTHER,
          "Medical Certificate\nThis is to certify that Ms Selam Tekle, born 1990, was examined and is fit to travel."
          "\nDr. Haile, General Hospital"),
    # --- a third round, written after the second round's rules ---
    Probe("Tigrinya consent", K.CONSENT_DECLARATION, "ናይ ፍቓድ ወረቐት\nኣነ ዳዊት ሃይለ ወደይ ዮናስ ናብ ሆላንድ ክጓዓዝ ፍቓደይ ይህብ።\nፌርማ"),
    Probe("Turkish birth extract", K.BIRTH_CERTIFICATE,
          "T.C.\nNÜFUS VE VATANDAŞLIK İŞLERİ GENEL MÜDÜRLÜĞÜ\nDoğum Belgesi\nAdı: Elif\nBaba Adı: Mehmet\nAna "
          "Adı: Ayşe\nDoğum Yeri: Gaziantep\nDoğum Tarihi: 01.01.2018"),
    Probe("Sudanese birth certificate English", K.BIRTH_CERTIFICATE,
          "Republic of the Sudan\nMinistry of Health\nBirth Certificate\nName of Child: Amal\nSex: Female\n"
          "Date of Birth: 5/5/2016\nName of Father: Osman Ali\nName of Mother: Fatima Musa"),
    Probe("Yemeni marriage contract", K.MARRIAGE_CERTIFICATE,
          "الجمهورية اليمنية\nوزارة العدل\nعقد زواج\nالزوج: صالح علي\nالزوجة: نورة أحمد\nولي الزوجة: أحمد\n"
          "المهر: 500000 ريال"),
    Probe("Afghan tazkira, electronic", K.ID_CARD,
          "ISLAMIC REPUBLIC OF AFGHANISTAN\nELECTRONIC NATIONAL IDENTITY CARD\nName: Ahmad\nFather Name: "
          "Mohammad\nDate of Birth: 01/01/1995\nDate of Expiry: 01/01/2030"),
    Probe("Somali passport page, zone lost", K.PASSPORT,
          "JAMHUURIYADDA FEDERAALKA SOOMAALIYA\nBAASABOOR / PASSPORT\nType P  Code SOM  Passport No "
          "P00123456\nSurname: WARSAME\nGiven names: ABDI\nNationality: SOMALI\nDate of birth: 01 JAN 1980\n"
          "Sex: M\nDate of expiry: 01 JAN 2030"),
    Probe("German translation of a Syrian marriage", K.TRANSLATION,
          "Übersetzung aus dem Arabischen\nHeiratsurkunde\nEhemann: Ahmad Al Khatib\nEhefrau: Souad Hassan\n"
          "Datum der Eheschließung: 15.07.2010\nDie Übereinstimmung der Übersetzung mit dem Original wird "
          "bestätigt.\nÖffentlich bestellter und beeidigter Übersetzer"),
    Probe("French translation of a Somali birth", K.TRANSLATION,
          "Traduction de l'anglais\nACTE DE NAISSANCE\nNom: Hodan Abdi\nNée le 03/02/2014 à Mogadiscio\nPère: "
          "Abdi Warsame  Mère: Fadumo Ali\nJe soussignée, traductrice assermentée près la Cour d'appel, "
          "certifie la présente traduction conforme à l'original"),
    Probe("IND decision, rejected, English", K.ASYLUM_DECISION,
          "Immigration and Naturalisation Service\nDecision on your application\nYour application for an "
          "asylum residence permit is rejected.\nYou may lodge an appeal within four weeks."),
    Probe("IND decision with 'voornemen' referenced in title block", K.ASYLUM_DECISION,
          "Immigratie- en Naturalisatiedienst\nBesluit\nUw kenmerk: voornemen van 3 juni 2026\nIk wijs uw "
          "aanvraag voor een verblijfsvergunning asiel af.\nTegen dit besluit kunt u beroep instellen."),
    Probe("IND voornemen, Dutch, voorgenomen beslissing", K.OTHER,
          "Immigratie- en Naturalisatiedienst\nVoorgenomen beslissing\nDe IND wil uw aanvraag "
          "verblijfsvergunning asiel afwijzen.\nU mag hierop reageren.", doubt='intended_decision'),
    Probe("death, Syrian, English translation without statement", K.DEATH_CERTIFICATE,
          "Syrian Arab Republic\nDeath Statement\nName of deceased: Mahmoud Al Khatib\nDate of death: "
          "09/03/2016\nPlace: Aleppo"),
    Probe("household, Iraqi, English", K.FAMILY_BOOKLET,
          "Republic of Iraq\nFamily Civil Status Record\nHead of Family: Ali Kazem\nWife: Zainab Jasim\nSon: "
          "Hussein\nDaughter: Maryam"),
    Probe("utility bill", K.OTHER,
          "Vattenfall\nJaarafrekening\nKlantnummer 123456\nTe betalen: 120,00 euro\nVervaldatum: 01-12-2026"),
    Probe("school certificate, Arabic", K.OTHER,
          "وزارة التربية\nشهادة مدرسية\nيشهد مدير المدرسة أن الطالب عمر أحمد مسجل في الصف الخامس\nالمدير"),
    Probe("medical letter, Arabic", K.OTHER,
          "مستشفى الرازي\nتقرير طبي\nالمريض: أحمد علي\nالتشخيص: التهاب رئوي\nالطبيب المعالج"),
    Probe("ID card back, Syrian", K.ID_CARD,
          "الرقم الوطني: 03010123456\nالقيد: حمص 112\nتاريخ المنح: 2010/05/05\nمكان المنح: حمص"),
    # --- a fourth round: stamps, copies and letters that name other documents ---
    Probe("French birth act, certified copy stamp", K.BIRTH_CERTIFICATE,
          "EXTRAIT D'ACTE DE NAISSANCE\nNom: HADDAD\nPrénoms: Lina\nNée le 2 mars 2015 à Lyon\nFille de "
          "Karim Haddad et de Rania Omar\nCopie certifiée conforme à l'original\nLe maire"),
    Probe("English birth, certified true copy", K.BIRTH_CERTIFICATE,
          "CERTIFIED TRUE COPY\nBIRTH CERTIFICATE\nName: Saba Yonas\nDate of birth: 14/06/2016\nFather: "
          "Yonas Haile\nMother: Selam Tekle\nCertified true copy of the original, Registrar"),
    Probe("Dutch legalisation stamp on a marriage", K.MARRIAGE_CERTIFICATE,
          "MARRIAGE CERTIFICATE\nHusband: Omar Nur  Wife: Amina Ali\nDate of marriage: 01/01/2015\nGezien "
          "voor legalisatie van de handtekening van ... Ambassade van het Koninkrijk der Nederlanden"),
    Probe("apostille on a birth certificate", K.BIRTH_CERTIFICATE,
          "APOSTILLE\n(Convention de La Haye du 5 octobre 1961)\n1. Country: Ethiopia\nBIRTH CERTIFICATE\n"
          "Name of child: Meron Abebe\nDate of birth 2015\nFather: Abebe  Mother: Almaz"),
    Probe("death certificate naming the widow", K.DEATH_CERTIFICATE,
          "CERTIFICATE OF DEATH\nName of deceased: Omar Nur\nDate of death: 2019\nSurviving spouse: Amina "
          "Ali (wife)\nChildren: Hodan, Omar"),
    Probe("consent naming a passport number", K.CONSENT_DECLARATION,
          "PARENTAL CONSENT\nI, Amina Ali, passport number P1234567, give permission for my son Omar to "
          "travel to the Netherlands.\nSignature"),
    Probe("marriage contract, Arabic, witnesses", K.MARRIAGE_CERTIFICATE,
          "عقد زواج\nالزوج: عمر نور\nالزوجة: أمينة علي\nتاريخ عقد الزواج: 2015/1/1\nالشهود: أحمد، محمد"),
    Probe("IND decision listing the family", K.ASYLUM_DECISION,
          "Immigratie- en Naturalisatiedienst\nBeschikking\nIk heb besloten uw aanvraag "
          "verblijfsvergunning asiel in te willigen.\nGezinsleden: echtgenote Amina Ali, kinderen Hodan "
          "en Omar"),
    Probe("lawyer's letter about the voornemen", K.OTHER,
          "Advocatenkantoor De Vries\nGeachte heer Warsame,\nDe IND heeft een voornemen tot afwijzing "
          "gestuurd. Wij dienen namens u een zienswijze in.\nMet vriendelijke groet"),
    Probe("VluchtelingenWerk letter about nareis", K.OTHER,
          "VluchtelingenWerk\nBeste Abdi,\nJe asielaanvraag is ingewilligd. Je kunt nu nareis aanvragen "
          "voor je vrouw en kinderen binnen drie maanden.\nGroet"),
    Probe("German birth certificate", K.BIRTH_CERTIFICATE,
          "Geburtsurkunde\nFamilienname: Haile\nVornamen: Saba\nGeburtstag: 14.06.2016\nGeburtsort: Asmara\n"
          "Mutter: Selam Tekle\nVater: Yonas Haile"),
    Probe("Eritrean ID, Tigrinya", K.ID_CARD,
          "ሃገረ ኤርትራ\nመንነት ወረቐት\nስም: ዮናስ ሃይለ\nዕለተ ልደት: 01/01/1985\nቁጽሪ: 1234567"),
    # --- a fifth round: books over pages, permits, Turkish records, Dutch papers of daily life ---
    Probe("two pages: marriage and a child (booklet)", K.FAMILY_BOOKLET,
          "Mariage\nÉpoux: Karim Haddad\nÉpouse: Rania Omar\nle 3 mai 2012 à Damas\n\f\nPremier enfant\nLina "
          "Haddad née le 2 mars 2015"),
    Probe("Syrian family booklet first page, head's photo", K.FAMILY_BOOKLET,
          "الجمهورية العربية السورية\nدفتر العائلة\nصاحب القيد: أحمد الخطيب\nاسم الأب: محمود\nاسم الأم: "
          "سعاد\nمحل وتاريخ الولادة: حمص 1980"),
    Probe("Somali ID, English, titled", K.ID_CARD,
          "FEDERAL REPUBLIC OF SOMALIA\nNATIONAL IDENTIFICATION CARD\nName: Abdi Warsame\nDate of Birth: "
          "01/01/1980\nExpiry: 01/01/2030"),
    Probe("Dutch residence permit front, zone lost", K.ID_CARD,
          "VERBLIJFSDOCUMENT\nNaam: HAILE\nVoornamen: YONAS\nGeslacht: M  Nationaliteit: Eritrese\n"
          "Geboortedatum: 01-01-1985\nGeldig tot: 01-01-2031"),
    Probe("IND decision, Dutch, rejection with 'af te wijzen' taken", K.ASYLUM_DECISION,
          "Immigratie- en Naturalisatiedienst\nBesluit op uw aanvraag\nIk heb besloten uw aanvraag om een "
          "verblijfsvergunning asiel af te wijzen."),
    Probe("consent with apostille", K.CONSENT_DECLARATION,
          "APOSTILLE\nConsent Declaration\nI, Selam Tekle, consent to my daughter Saba travelling to the "
          "Netherlands to live with her father.\nSignature"),
    Probe("marriage, Turkish", K.MARRIAGE_CERTIFICATE,
          "EVLENME CÜZDANI\nKocanın Adı Soyadı: Mehmet Yılmaz\nKarısının Adı Soyadı: Ayşe Demir\nEvlenme "
          "Tarihi: 01.06.2012"),
    Probe("death, Turkish", K.DEATH_CERTIFICATE,
          "ÖLÜM BELGESİ\nAdı Soyadı: Hasan Demir\nÖlüm Tarihi: 05.05.2020\nÖlüm Yeri: İzmir"),
    Probe("pay slip", K.OTHER,
          "Loonstrook oktober 2026\nWerkgever: Bakkerij Jansen\nWerknemer: A. Warsame\nBruto loon "
          "2.400,00\nNetto 1.950,00"),
    Probe("insurance letter", K.OTHER,
          "Zilveren Kruis\nGeachte heer Haile,\nWelkom bij uw zorgverzekering. Uw polisnummer is 123456.\n"
          "Met vriendelijke groet"),
    Probe("municipality registration extract (BRP)", K.OTHER,
          "Gemeente Utrecht\nUittreksel Basisregistratie Personen\nNaam: Warsame, Abdi\nGeboortedatum: "
          "01-01-1980\nGeboorteplaats: Mogadishu\nNationaliteit: Somalische"),
    Probe("UNHCR registration letter", K.OTHER,
          "UNHCR\nProof of Registration\nIndividual: Selam Tekle\nDate of birth: 1990\nCountry of origin: Eritrea\n"
          "Registration date: 12 May 2023\nCase size: 3"),
    # --- a sixth round: Ethiopian, Sudanese, Yemeni, Palestinian, Congolese, Burundian records, a church's
    # marriage, a German sworn translation, a Dutch town hall's act, a UNHCR certificate, an Iraqi card ---
    Probe("Ethiopian birth certificate, English", K.BIRTH_CERTIFICATE,
          "FEDERAL DEMOCRATIC REPUBLIC OF ETHIOPIA\nImmigration, Nationality and Vital Events Agency\n"
          "BIRTH CERTIFICATE\nName of Child: Meron Tadesse Bekele\nSex: Female\nDate of Birth: 12/03/2015\n"
          "Place of Birth: Addis Ababa\nFather's Name: Tadesse Bekele\nMother's Name: Almaz Girma\n"
          "Registration No: 0456789"),
    Probe("Ethiopian birth certificate, Amharic", K.BIRTH_CERTIFICATE,
          "የኢትዮጵያ ፌዴራላዊ ዴሞክራሲያዊ ሪፐብሊክ\nየልደት ሰርተፍኬት\nሙሉ ስም: መሮን ታደሰ በቀለ\nየትውልድ ቀን: 12/03/2015\n"
          "የትውልድ ቦታ: አዲስ አበባ\nየአባት ስም: ታደሰ በቀለ\nየእናት ስም: አልማዝ ግርማ"),
    Probe("Sudanese birth certificate", K.BIRTH_CERTIFICATE,
          "جمهورية السودان\nوزارة الداخلية\nالسجل المدني\nشهادة ميلاد\nاسم المولود: محمد عثمان أحمد\n"
          "تاريخ الميلاد: 2016/08/21\nمكان الميلاد: الخرطوم\nاسم الأب: عثمان أحمد\nاسم الأم: فاطمة إبراهيم"),
    Probe("Yemeni marriage contract", K.MARRIAGE_CERTIFICATE,
          "الجمهورية اليمنية\nوزارة العدل\nعقد زواج\nالزوج: علي صالح الحميري\nالزوجة: مريم عبدالله\n"
          "ولي الزوجة: عبدالله سعيد\nتاريخ العقد: 2012/03/05\nالأمين الشرعي: أحمد قاسم"),
    Probe("Palestinian birth certificate", K.BIRTH_CERTIFICATE,
          "دولة فلسطين\nوزارة الداخلية\nالأحوال المدنية\nشهادة ميلاد\nالاسم: يوسف خالد النجار\n"
          "تاريخ الولادة: 2014/02/11\nمكان الولادة: غزة\nاسم الأب: خالد\nاسم الأم: هبة\nرقم الهوية: 401234567"),
    Probe("Congolese birth act, French", K.BIRTH_CERTIFICATE,
          "REPUBLIQUE DEMOCRATIQUE DU CONGO\nVILLE DE KINSHASA\nCOMMUNE DE LINGWALA\nACTE DE NAISSANCE N° 245/2016\n"
          "L'an deux mille seize, le douzième jour du mois de mars, est né à Kinshasa l'enfant MUKENDI Grace, "
          "de sexe féminin, fille de MUKENDI Jean et de KABAMBA Marie.\nL'Officier de l'Etat Civil"),
    Probe("Congolese death act, French", K.DEATH_CERTIFICATE,
          "REPUBLIQUE DEMOCRATIQUE DU CONGO\nVILLE DE GOMA\nACTE DE DECES N° 33/2019\nL'an deux mille dix-neuf, "
          "le cinquième jour du mois de mai, est décédé à Goma le nommé BAHATI Pierre, né en 1961.\n"
          "L'Officier de l'Etat Civil"),
    Probe("Burundian marriage extract", K.MARRIAGE_CERTIFICATE,
          "REPUBLIQUE DU BURUNDI\nCOMMUNE DE MUKAZA\nEXTRAIT D'ACTE DE MARIAGE\nEntre NDAYISHIMIYE Eric, né le "
          "02/02/1988, et IRAKOZE Claudine, née le 05/06/1991\nCélébré le 14/08/2015 à Bujumbura"),
    Probe("Eritrean church marriage certificate", K.MARRIAGE_CERTIFICATE,
          "ERITREAN ORTHODOX TEWAHDO CHURCH\nDiocese of Asmara\nCERTIFICATE OF HOLY MATRIMONY\nThis is to certify "
          "that Yonas Haile and Selam Tekle were united in holy matrimony in this church on 10/10/2010.\n"
          "Priest: Abba Gebremedhin"),
    Probe("German sworn translation", K.TRANSLATION,
          "Beglaubigte Übersetzung aus dem Arabischen\nGeburtsurkunde\nName: Lina Omar\nGeburtsdatum: "
          "03.07.2017\nGeburtsort: Hama\nIch, die unterzeichnende, vom Landgericht Köln allgemein beeidigte "
          "Übersetzerin für die arabische Sprache, bestätige hiermit, dass die vorstehende Übersetzung mit dem mir "
          "vorgelegten Original übereinstimmt.\nKöln, den 04.05.2026"),
    Probe("Dutch town hall birth act copy", K.BIRTH_CERTIFICATE,
          "Gemeente Amsterdam\nAfschrift van een akte van geboorte\nAktenummer 1A 1234\nOp 5 mei 2024 is te "
          "Amsterdam geboren: Noah Haile, zoon van Yonas Haile en Selam Tekle.\nDe ambtenaar van de burgerlijke stand"),
    Probe("UNHCR refugee certificate", K.OTHER,
          "UNITED NATIONS HIGH COMMISSIONER FOR REFUGEES\nREFUGEE CERTIFICATE\nThis is to certify that the person "
          "named below is registered with UNHCR as a refugee.\nName: Abdi Warsame\nDate of Birth: 01/01/1980\n"
          "Country of Origin: Somalia\nValid until: 31/12/2027"),
    Probe("Iraqi unified national card, front", K.ID_CARD,
          "جمهورية العراق\nوزارة الداخلية\nمديرية الأحوال المدنية والجوازات والإقامة\nالبطاقة الوطنية\n"
          "الاسم: علي\nالأب: كاظم\nالجد: جاسم\nاللقب: الموسوي\nالأم: زينب\nالجنس: ذكر\nفصيلة الدم: A+"),
    Probe("Sudanese national ID card", K.ID_CARD,
          "REPUBLIC OF THE SUDAN\nNATIONAL IDENTITY CARD\nName: Mohamed Osman Ahmed\nNational No: 112-2334-4556\n"
          "Date of Birth: 01/01/1985\nDate of Expiry: 01/01/2030"),
    # --- a seventh round (kinds3), written as a held-out set would be, before it was run: other wordings of the
    # titles, tables, oaths, parents' declarations in their own words, and close papers that are none of these ---
    Probe("Turkish population register extract, table, title lost", K.FAMILY_BOOKLET,
          "İl: Gaziantep  İlçe: Şahinbey  Mahalle: Yeditepe\nCilt No: 12  Hane No: 45\n"
          "Sıra Yakınlık Derecesi Adı Soyadı Baba Adı Ana Adı Doğum Yeri ve Tarihi Medeni Hali\n"
          "1 Kendisi Mehmet Yılmaz Ali Fatma Nizip 01.01.1980 Evli\n2 Eşi Ayşe Yılmaz Hasan Emine Kilis 03.04.1984 Evli\n"
          "3 Oğlu Yusuf Yılmaz Mehmet Ayşe Gaziantep 12.06.2010 Bekar\n4 Kızı Elif Yılmaz Mehmet Ayşe Gaziantep 01.01.2018 Bekar"),
    Probe("Turkish vukuatlı nüfus kayıt örneği", K.FAMILY_BOOKLET,
          "T.C.\nİÇİŞLERİ BAKANLIĞI\nVukuatlı Nüfus Kayıt Örneği\nAile Sıra No: 45\nKendisi: Mehmet Yılmaz\n"
          "Eşi: Ayşe Yılmaz\nOğlu: Yusuf\nKızı: Elif"),
    Probe("Syrian family booklet, children's page, no title", K.FAMILY_BOOKLET,
          "الأولاد\nالاسم تاريخ الولادة مكانها رقم القيد\n1 ليلى 2013/4/2 حمص 112\n2 عمر 2015/9/1 حمص 113\n"
          "3 سارة 2018/1/20 دمشق 114"),
    Probe("Jordanian family book, first page", K.FAMILY_BOOKLET,
          "المملكة الأردنية الهاشمية\nدائرة الأحوال المدنية والجوازات\nدفتر عائلة\nرقم الدفتر: 123456\n"
          "اسم رب الأسرة: خالد يوسف النجار\nالرقم الوطني: 9801234567\nمكان الإصدار: عمان"),
    Probe("Ethiopian kebele family registration", K.FAMILY_BOOKLET,
          "Addis Ababa City Administration\nKebele 07 Family Registration\nHead of household: Tadesse Bekele\n"
          "Spouse: Almaz Girma\nChildren: Meron (2015), Dawit (2018)\nHouse No: 512"),
    Probe("Somali birth registration, labels in other words", K.BIRTH_CERTIFICATE,
          "DIIWAANGELINTA DHALASHADA\nMagaca Ilmaha: Hodan Abdi Warsame\nTaariikhda iyo Goobta Dhalashada: "
          "03/02/2014 Muqdisho\nMagaca Aabbaha: Abdi Warsame\nMagaca Hooyada: Fadumo Ali"),
    Probe("Eritrean birth certificate, bilingual Tigrinya/English", K.BIRTH_CERTIFICATE,
          "ሃገረ ኤርትራ / State of Eritrea\nናይ ልደት ምስክር ወረቐት / Certificate of Birth\nስም / Name: ሳባ ዮናስ\n"
          "ዕለት ትውልዲ / Date of Birth: 14/06/2016\nስም ኣቦ / Father: ዮናስ ሃይለ\nስም ኣደ / Mother: ሰላም ተኽለ"),
    Probe("Iraqi birth certificate, hospital issued", K.BIRTH_CERTIFICATE,
          "جمهورية العراق\nوزارة الصحة\nدائرة صحة نينوى\nمستشفى الموصل العام\nشهادة ولادة\nاسم الوليد: يوسف\n"
          "الجنس: ذكر\nاسم الأب الثلاثي: أحمد علي حسن\nاسم الأم الثلاثي: مريم خالد محمود\nتاريخ الولادة: 2017/5/12"),
    Probe("Afghan birth certificate, Pashto", K.BIRTH_CERTIFICATE,
          "د افغانستان اسلامي امارت\nد زیږون تصدیق پاڼه\nد ماشوم نوم: احمد\nد پلار نوم: محمد نعیم\n"
          "د مور نوم: فریبا\nد زیږون نیټه: ۱۳۹۸/۰۵/۱۲\nد زیږون ځای: کندهار"),
    Probe("German birth certificate, international form", K.BIRTH_CERTIFICATE,
          "Standesamt Köln\nAuszug aus dem Geburtenregister\nName: Haile\nVorname: Noah\nTag der Geburt: 05.05.2024\n"
          "Ort der Geburt: Köln\nName der Mutter: Selam Tekle\nName des Vaters: Yonas Haile"),
    Probe("Syrian marriage, court deed", K.MARRIAGE_CERTIFICATE,
          "الجمهورية العربية السورية\nوزارة العدل\nالمحكمة الشرعية بدمشق\nوثيقة عقد زواج\n"
          "الخاطب: أحمد محمود الخطيب\nالمخطوبة: سعاد حسن\nالمهر المسمى: مقدم 100000 ومؤخر 500000\n"
          "الشاهدان: محمد، خالد"),
    Probe("Somali marriage, meher", K.MARRIAGE_CERTIFICATE,
          "WARQADDA MEHERKA\nMagaca Ninka: Abdi Warsame\nMagaca Naagta: Fadumo Ali\nMeherka: 100 dollar\n"
          "Wakiilka: Ali Nur\nMarkhaatiyaasha: Omar Yusuf, Hassan Farah"),
    Probe("Ethiopian marriage certificate, Amharic", K.MARRIAGE_CERTIFICATE,
          "የኢትዮጵያ ፌዴራላዊ ዴሞክራሲያዊ ሪፐብሊክ\nየጋብቻ ምስክር ወረቀት\nየባል ስም: ታደሰ በቀለ\nየሚስት ስም: አልማዝ ግርማ\n"
          "ጋብቻ የተፈጸመበት ቀን: 10/10/2012"),
    Probe("Turkish international marriage extract", K.MARRIAGE_CERTIFICATE,
          "T.C.\nNüfus ve Vatandaşlık İşleri Genel Müdürlüğü\nEvlenme Kayıt Örneği (Formül B)\nKocanın soyadı: Yılmaz\n"
          "Karının soyadı: Demir\nEvlenme tarihi ve yeri: 01.06.2012 Gaziantep"),
    Probe("Iraqi death certificate, hospital", K.DEATH_CERTIFICATE,
          "جمهورية العراق\nوزارة الصحة\nشهادة الوفاة\nاسم المتوفي الثلاثي: كاظم جاسم محمد\nالعمر: 70\n"
          "سبب الوفاة المباشر: عجز القلب\nتاريخ ومحل الوفاة: 2019/4/4 بغداد"),
    Probe("Somali death, Warqadda Geerida", K.DEATH_CERTIFICATE,
          "WARQADDA GEERIDA\nMagaca Marxuumka: Warsame Nur\nTaariikhda Geerida: 05/05/2017\nGoobta: Kismaayo"),
    Probe("Ethiopian death certificate, English", K.DEATH_CERTIFICATE,
          "Federal Democratic Republic of Ethiopia\nImmigration and Citizenship Service\nDEATH CERTIFICATE\n"
          "Full Name of the Deceased: Bekele Girma\nDate of Death: 01/02/2020\nPlace of Death: Bahir Dar"),
    Probe("Turkish death record, tutanak", K.DEATH_CERTIFICATE,
          "Ölüm Tutanağı\nÖlenin Adı Soyadı: Hasan Demir\nÖlüm Tarihi: 05.05.2020\nÖlüm Yeri: İzmir\nÖlüm Nedeni: kalp yetmezliği"),
    Probe("Dutch sworn translation, statement in its own words", K.TRANSLATION,
          "GEBOORTEAKTE\nNaam kind: Hodan Abdi\nGeboren op 03-02-2014 te Mogadishu\nVader: Abdi Warsame\n"
          "Moeder: Fadumo Ali\nDe ondergetekende, tolk en vertaler Somalisch-Nederlands, ingeschreven in het "
          "Rbtv onder nummer 12345, verklaart dat deze vertaling naar waarheid en volledig is opgemaakt."),
    Probe("English translator's affidavit", K.TRANSLATION,
          "CERTIFICATE OF MARRIAGE\nHusband: Yonas Haile\nWife: Selam Tekle\nDate of marriage: 12/09/2015\n"
          "TRANSLATOR'S AFFIDAVIT\nI, Meron Kidane, being duly sworn, state that I am fluent in Tigrinya and "
          "English and that the foregoing is an accurate English rendering of the Tigrinya original."),
    Probe("French sworn translation, expert's formula", K.TRANSLATION,
          "ACTE DE DÉCÈS\nNom du défunt: Ghebre Tesfay\nDécédé le 02/03/2018 à Keren\nPour traduction certifiée "
          "exacte, le traducteur expert près la Cour d'appel de Lyon, inscrit sur la liste nationale"),
    Probe("German sworn translation, Bestätigung", K.TRANSLATION,
          "Sterbeurkunde\nName des Verstorbenen: Mahmoud Al Khatib\nSterbedatum: 09.03.2016\nSterbeort: Aleppo\n"
          "Hiermit bestätige ich, die vom Präsidenten des Landgerichts Berlin ermächtigte Übersetzerin der "
          "arabischen Sprache, dass vorstehende Übersetzung richtig und vollständig ist."),
    Probe("consent, English, agrees with the departure", K.CONSENT_DECLARATION,
          "STATEMENT OF THE PARENT STAYING BEHIND\nI, Fadumo Ali, mother of Hodan Abdi and Omar Abdi, hereby declare "
          "that I agree with the departure of my children to the Netherlands for family reunification with their "
          "father.\nPlace and date: Nairobi, 1 May 2026\nSignature"),
    Probe("consent, Farsi, agreement with the journey", K.CONSENT_DECLARATION,
          "اقرارنامه\nاینجانب عبدالله فرزند محمد، پدر فاطمه، با خروج دخترم از کشور و سفر او به هلند نزد مادرش "
          "موافقت می‌نمایم.\nامضا و اثر انگشت"),
    Probe("consent, Somali, other spelling", K.CONSENT_DECLARATION,
          "BAYAAN OGGOLAANSHO\nAniga oo ah Fadumo Ali, hooyada Hodan, waxaan oggolaaday in gabadhayda ay u "
          "safarto Holland si ay ugu biirto aabaheed.\nSaxiixa"),
    Probe("consent, Arabic, declaration of the parent", K.CONSENT_DECLARATION,
          "إقرار\nأقر أنا الموقعة أدناه أمينة سعيد بأنه ليس لدي أي مانع من سفر أولادي علي وسارة إلى هولندا "
          "للعيش مع والدهم.\nالمقر بما فيه"),
    Probe("consent, Tigrinya, other words", K.CONSENT_DECLARATION,
          "ናይ ወለዲ ስምምዕ\nኣነ ሰላም ተኽለ ኣደ ሳባ ጓለይ ናብ ሆላንድ ናብ ኣቦኣ ክትከይድ ተሰማሚዐ ኣለኹ።\nፌርማ"),
    Probe("IND decision, Dutch, granted in other words", K.ASYLUM_DECISION,
          "Immigratie- en Naturalisatiedienst\nDirectie Asiel en Bescherming\nDatum 14 november 2026\n"
          "Uw aanvraag om een verblijfsvergunning asiel voor bepaalde tijd is ingewilligd.\n"
          "De vergunning is geldig van 1 november 2026 tot 1 november 2031."),
    Probe("IND decision, English, refused", K.ASYLUM_DECISION,
          "Immigration and Naturalisation Service\nMinistry of Asylum and Migration\nDecision\n"
          "Your application for a residence permit for asylum for a fixed period is refused.\n"
          "You can lodge an appeal with the court within one week."),
    Probe("IND invitation to the hearing", K.OTHER,
          "Immigratie- en Naturalisatiedienst\nDatum 3 oktober 2026\nUitnodiging nader gehoor\n"
          "U wordt verwacht op 20 oktober 2026 om 9.00 uur in Ter Apel voor het gehoor over uw asielaanvraag."),
    Probe("Iraqi ID, Kurdish region, English", K.ID_CARD,
          "Kurdistan Region - Iraq\nCivil Status Identity Card\nName: Ali Kazem\nMother's name: Zainab\n"
          "Date of birth: 01/01/1990\nPlace of birth: Erbil\nBlood type: O+"),
    Probe("Afghan tazkira, Pashto", K.ID_CARD,
          "د افغانستان اسلامي جمهوریت\nتذکره\nنوم: احمد\nد پلار نوم: محمد\nد نیکه نوم: رحیم\nد زیږیدو کال: ۱۳۷۴\n"
          "ولایت: ننګرهار"),
    Probe("Ethiopian kebele ID, Amharic", K.ID_CARD,
          "በአዲስ አበባ ከተማ አስተዳደር\nየነዋሪነት መታወቂያ\nስም: ታደሰ በቀለ\nየትውልድ ቀን: 01/01/1985\nዜግነት: ኢትዮጵያዊ\n"
          "የሚያበቃበት ቀን: 01/01/2030"),
    Probe("school report, Arabic, parents and birth", K.OTHER,
          "الجمهورية العربية السورية\nوزارة التربية\nالجلاء المدرسي\nاسم الطالب: عمر أحمد\nاسم الأب: أحمد\n"
          "اسم الأم: هدى\nمكان وتاريخ الولادة: حلب 2012\nالصف: الخامس\nاللغة العربية 85 الرياضيات 90\nالنتيجة: ناجح"),
    Probe("child's vaccination card", K.OTHER,
          "CHILD HEALTH CARD\nChild's name: Saba Yonas\nDate of birth: 14/06/2016\nMother's name: Selam Tekle\n"
          "Father's name: Yonas Haile\nBCG: 15/06/2016  Polio 0: 15/06/2016\nMeasles: 14/03/2017"),
    Probe("UNHCR registration listing the family", K.OTHER,
          "UNHCR Proof of Registration\nPrincipal applicant: Abdi Warsame\nRelationship  Name  Date of birth\n"
          "Head of household  Abdi Warsame  01/01/1980\nWife  Fadumo Ali  01/01/1988\nSon  Omar Abdi  2016\n"
          "Daughter  Hodan Abdi  2014\nValid until 31/12/2027"),
    Probe("divorce judgment, Arabic", K.OTHER,
          "الجمهورية العربية السورية\nوزارة العدل\nالمحكمة الشرعية\nحكم طلاق\nالمدعية: سعاد حسن\nالمدعى عليه: أحمد الخطيب\n"
          "حكمت المحكمة بتطليق الزوجة من زوجها طلقة بائنة وفسخ عقد الزواج المؤرخ 2010/07/15"),
    Probe("money transfer receipt", K.OTHER,
          "Dahabshiil\nTransaction Receipt\nSender: Abdi Warsame\nReceiver: Fadumo Ali\nAmount: 200 USD\n"
          "Destination: Nairobi\nDate: 01/05/2026"),
    Probe("visa appointment letter, embassy", K.OTHER,
          "Embassy of the Kingdom of the Netherlands\nAddis Ababa\nDear Ms Tekle,\nYour appointment for the MVV "
          "interview and biometrics is on 12 June 2026. Please bring your passport, birth certificates of the "
          "children and your marriage certificate.\nKind regards"),
    Probe("hospital birth notification, English", K.BIRTH_CERTIFICATE,
          "Kenyatta National Hospital\nNOTIFICATION OF BIRTH\nName of child: Omar Abdi\nSex: Male\n"
          "Date of birth: 02/03/2016  Time of birth: 14:20\nMother: Fadumo Ali\nFather: Abdi Warsame\nWeight: 3.2 kg"),
    # --- an eighth round (kinds3), written after the seventh round's rules and before it was run, to see whether
    # they hold on pages they were not made on ---
    Probe("consent, Dutch, IND form in the parent's words", K.CONSENT_DECLARATION,
          "Verklaring\nIk, Selam Tekle, geboren 01-01-1990, ben de moeder van Saba Yonas.\nIk vind het goed dat "
          "mijn dochter bij haar vader in Nederland gaat wonen.\nDatum en handtekening"),
    Probe("consent, French, parent staying behind", K.CONSENT_DECLARATION,
          "DÉCLARATION SUR L'HONNEUR\nJe soussigné Jean Mukendi, père de Grace Mukendi, accepte que ma fille "
          "s'installe aux Pays-Bas auprès de sa mère.\nFait à Kinshasa"),
    Probe("consent, Amharic", K.CONSENT_DECLARATION,
          "የስምምነት ደብዳቤ\nእኔ አልማዝ ግርማ የመሮን እናት ልጄ ወደ ኔዘርላንድ ሄዳ ከአባቷ ጋር እንድትኖር ተስማምቻለሁ።\nፊርማ"),
    Probe("consent, Turkish", K.CONSENT_DECLARATION,
          "BEYAN\nBen Ayşe Demir, kızım Elif'in babası ile birlikte Hollanda'da yaşamasına itirazım yoktur.\nİmza"),
    Probe("translation, English, translator's declaration at the foot", K.TRANSLATION,
          "Republic of Iraq\nMarriage Contract\nHusband: Ali Kazem\nWife: Zainab Jasim\nDate: 01/01/2012\n"
          "Translator's declaration: I confirm that this translation is complete and correct.\nSigned: H. Saleh"),
    Probe("translation, Dutch, stamp of the translator", K.TRANSLATION,
          "UITTREKSEL UIT HET REGISTER VAN OVERLIJDEN\nNaam: Ghebre Tesfay\nOverleden: 02-03-2018 te Keren\n"
          "Ik verklaar dat de voorgaande vertaling overeenstemt met het originele document.\nR. de Wit, vertaler"),
    Probe("school certificate, Dari, parents and birth", K.OTHER,
          "وزارت معارف\nشهادت نامه\nنام شاگرد: احمد\nنام پدر: محمد\nتاریخ تولد: ۱۳۹۰\nمحل تولد: کابل\nصنف: ششم\n"
          "نتیجه: کامیاب"),
    Probe("vaccination record, French", K.OTHER,
          "CARNET DE VACCINATION\nNom de l'enfant: Grace Mukendi\nDate de naissance: 12/03/2016\nPère: Jean Mukendi\n"
          "Mère: Marie Kabamba\nBCG: 13/03/2016\nRougeole: 12/12/2016"),
    Probe("IOM travel letter listing the family", K.OTHER,
          "International Organization for Migration\nFamily reunification travel assistance\nDear Ms Tekle,\n"
          "Your flight to Amsterdam is booked for you and your children Saba and Dawit. Please bring your "
          "passports and birth certificates.\nKind regards"),
    Probe("divorce certificate, English", K.OTHER,
          "Republic of the Sudan\nSharia Court of Khartoum\nDIVORCE CERTIFICATE\nHusband: Osman Ali\nWife: Fatima "
          "Musa\nDate of divorce: 05/05/2019"),
    Probe("Syrian family booklet, spouses and children pages", K.FAMILY_BOOKLET,
          "الزوج\nالاسم: أحمد الخطيب\nمحل وتاريخ الولادة: حمص 1980\n\f\nالأولاد\n1 ليلى 2013 حمص\n2 عمر 2015 حمص"),
    Probe("Kurdish-region birth certificate, English", K.BIRTH_CERTIFICATE,
          "Kurdistan Regional Government\nMinistry of Health\nBirth Certificate\nName of the newborn: Rebin\n"
          "Father's name: Karwan\nMother's name: Nasrin\nDate of birth: 2017\nPlace of birth: Sulaymaniyah"),
)


def classify_text(text: str):
    """The classify and doubt stages on ``text`` as the pipeline calls them (no zone, no face)."""
    classification = classify.classify(text)
    return classification.kind, doubt.doubt(classification, None), classification.confidence


def right(probe: Probe, kind: K, said) -> bool:
    return kind is probe.kind and (not probe.doubt or getattr(said, "code", "") == probe.doubt)


FONTS = "/usr/share/fonts/truetype"
ARABIC_FONT = f"{FONTS}/noto/NotoSansArabicUI-Regular.ttf"
ETHIOPIC_FONT = f"{FONTS}/noto/NotoSansEthiopic-Regular.ttf"
LATIN_FONT = f"{FONTS}/dejavu/DejaVuSans.ttf"


def render(text: str) -> bytes:
    """``text`` drawn on an A4-ish page at 150 dpi in a font for its script, right to left where it is Arabic."""
    from PIL import Image, ImageDraw, ImageFont

    lines = text.splitlines()
    rtl = any("\u0600" <= char <= "\u06ff" for char in text)
    ethiopic = any("\u1200" <= char <= "\u137f" for char in text)
    font = ARABIC_FONT if rtl else ETHIOPIC_FONT if ethiopic else LATIN_FONT
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    top = 120
    for index, line in enumerate(lines):
        size = 44 if index < 3 else 34
        typeface = ImageFont.truetype(font, size)
        pieces = _wrapped(line, typeface, 1000)
        for piece in pieces:
            if rtl:
                draw.text((1120, top), piece, font=typeface, fill="black", anchor="ra", direction="rtl")
            else:
                draw.text((120, top), piece, font=typeface, fill="black")
            top += int(size * 1.6)
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    return buffer.getvalue()


def _wrapped(line: str, typeface, width: int) -> list[str]:
    words, pieces, current = line.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and typeface.getlength(trial) > width:
            pieces.append(current)
            current = word
        else:
            current = trial
    return [*pieces, current] if current else pieces


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--render", action="store_true", help="also render each page and run the whole pipeline")
    parser.add_argument("--only", nargs="*", default=[], help="rows whose name contains one of these")
    args = parser.parse_args(argv)
    rows = [probe for probe in PROBE if not args.only or any(part in probe.name for part in args.only)]
    misses, rendered_right = [], 0
    for probe in rows:
        kind, said, confidence = classify_text(probe.text)
        if not right(probe, kind, said):
            misses.append(("text", probe, kind, said, confidence))
        if args.render:
            from documents.pipeline import run_pipeline

            result = run_pipeline(render(probe.text))
            if right(probe, result.kind, result.unsure):
                rendered_right += 1
            else:
                misses.append(("rendered", probe, result.kind, result.unsure, result.confidence))
    text_misses = sum(1 for miss in misses if miss[0] == "text")
    print(f"texts: {len(rows) - text_misses}/{len(rows)} kinds right")
    if args.render:
        print(f"rendered: {rendered_right}/{len(rows)} kinds right")
    for how, probe, kind, said, confidence in misses:
        expected = f"{probe.kind}" + (f" ({probe.doubt})" if probe.doubt else "")
        print(f"  {how:8} {probe.name}: expected {expected}, read {kind} {confidence:.2f} {said or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
