"""The IND's letters that decide nothing are no asylum decision (``classify_decision``): only the decision starts the
three months. An intended decision ("voornemen") is "other" said to be one; a letter stating no outcome is a
doubted "other"; a decision taken after an intended one stays a decision."""

from __future__ import annotations

import pytest

from documents.pipeline import classify, doubt, run_pipeline
from documents.pipeline.types import DocumentKind as K

from .test_rendered_documents import LATIN, render

INTENDED = {
    "Dutch, to reject": "Immigratie- en Naturalisatiedienst\nVoornemen\nV-nummer 1234567890\nOnderwerp: voornemen tot "
                        "afwijzing van uw aanvraag verblijfsvergunning asiel\nIk ben van plan uw aanvraag af te wijzen.",
    "Dutch, to grant": "IND\nBetreft: voornemen inwilliging\nIk ben voornemens uw aanvraag voor een verblijfsvergunning "
                       "asiel in te willigen.\nU ontvangt hierna een beschikking.",
    "Dutch, says it is none yet": "Immigratie- en Naturalisatiedienst\nUw aanvraag verblijfsvergunning asiel\nDit is "
                                  "nog geen beslissing. U kunt uw zienswijze binnen twee weken sturen.",
    "Dutch, intended as title, the IND 'wants' to reject": "Immigratie- en Naturalisatiedienst\nVoorgenomen "
                                                           "beslissing\nDe IND wil uw aanvraag verblijfsvergunning "
                                                           "asiel afwijzen.\nU mag hierop reageren.",
    "English": "Immigration and Naturalisation Service\nIntended decision\nWe intend to reject your application for "
               "an asylum residence permit. You may send your written views within two weeks.",
    "English, not yet a decision": "Immigration and Naturalisation Service\nYour application for an asylum residence "
                                   "permit\nThis letter is not a decision. The IND intends to grant your application.",
}


@pytest.mark.parametrize("text", INTENDED.values(), ids=INTENDED.keys())
def test_an_intended_decision_is_other_said_to_be_one(text):
    classification = classify.classify(text)
    assert (classification.kind, classification.intended_decision) == (K.OTHER, True)
    said = doubt.doubt(classification, None)
    assert (said.code, said.kind) == (doubt.DoubtCode.INTENDED_DECISION, K.ASYLUM_DECISION)


UNDECIDED = {
    "decision period extended": "Immigratie- en Naturalisatiedienst\nOnderwerp: verlenging beslistermijn\nGeachte "
                                "heer,\nDe termijn om te beslissen op uw aanvraag verblijfsvergunning asiel wordt "
                                "verlengd.",
    "hearing moved": "Immigratie- en Naturalisatiedienst\nOnderwerp: nieuwe datum nader gehoor\nGeachte heer,\nHet "
                     "nader gehoor in uw asielprocedure is verplaatst naar 12 oktober.\nMet vriendelijke groet",
    "papers asked for": "Immigration and Naturalisation Service\nSubject: additional information\nDear Ms Ali,\nTo assess "
                        "your asylum application we need the following documents.",
}


@pytest.mark.parametrize("text", UNDECIDED.values(), ids=UNDECIDED.keys())
def test_a_letter_of_the_procedure_stating_no_outcome_is_a_doubted_other(text):
    classification = classify.classify(text)
    assert (classification.kind, classification.intended_decision) == (K.OTHER, False)
    said = doubt.doubt(classification, None)
    assert (said.code, said.kind) == (doubt.DoubtCode.LITTLE_EVIDENCE, K.ASYLUM_DECISION)


DECIDED = {
    "after the intended decision": "Immigratie- en Naturalisatiedienst\nBeschikking\nOp 2 september heeft de IND u "
                                   "het voornemen gestuurd; u heeft een zienswijze ingediend.\nIk heb besloten uw "
                                   "aanvraag verblijfsvergunning asiel in te willigen.",
    "English, granted": "Immigration and Naturalisation Service\nSubject: decision on your asylum application\nThe "
                        "intended decision of 2 September is withdrawn. Your application has been granted.",
    # Photographed small: its outcome garbled by the OCR, no step of the procedure or intention said.
    "outcome garbled": "Immigratie- en Naturalisatiedienst\nDatum: 15 november 2026\nOnderwerp: Besivit op uw "
                       "asielaanvrasg\nDe IND heeft besicten uw aanivraag inte witigen. U kriigt oon "
                       "vertiytsverguening asic! voor vif jaar.",
    "naming the intended one in passing": "Immigratie- en Naturalisatiedienst\nBeschikking\nIn het voornemen van 2 "
                                          "september staat waarom uw aanvraag verblijfsvergunning asiel niet kan "
                                          "worden ingewilligd. Uw zienswijze verandert dat niet.",
    "rejected": "Immigratie- en Naturalisatiedienst\nBeschikking\nUw aanvraag verblijfsvergunning asiel wordt "
                "afgewezen.",
}


@pytest.mark.parametrize("text", DECIDED.values(), ids=DECIDED.keys())
def test_a_decision_naming_the_intended_one_stays_a_decision(text):
    assert classify.classify(text).kind is K.ASYLUM_DECISION


def test_a_photographed_intended_decision_starts_no_deadline():
    lines = ["Immigratie- en Naturalisatiedienst", "Datum: 02-09-2026", "V-nummer: 1234567890",
             "Onderwerp: voornemen tot afwijzing", "Ik ben van plan uw aanvraag om een verblijfsvergunning",
             "asiel af te wijzen. Dit is nog geen beslissing."]
    result = run_pipeline(render(lines, LATIN))
    assert (result.kind, result.decision_date) == (K.OTHER, None)
    assert result.unsure.code is doubt.DoubtCode.INTENDED_DECISION and result.confidence <= doubt.DOUBTFUL_CONFIDENCE
