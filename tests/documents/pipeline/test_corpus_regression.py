"""Whole-pipeline regression over the 50 labelled sample documents (counts only, no timing)."""

from __future__ import annotations

from bench.pipeline import mrz_exact, scores


def test_classification_is_at_least_98_percent_right(corpus_run):
    summary = scores(corpus_run)
    wrong = [(label["file"], str(result.kind)) for label, result in zip(corpus_run.labels, corpus_run.results)
             if str(result.kind) != label["kind"]]
    assert summary["correct"] >= 0.98 * summary["total"], wrong


def test_mrz_all_fields_exact_on_at_least_98_percent(corpus_run):
    summary = scores(corpus_run)
    wrong = [label["file"] for label, result in zip(corpus_run.labels, corpus_run.results)
             if label.get("mrz") and not mrz_exact(label, result)]
    assert summary["mrz_total"] >= 5
    assert summary["mrz_exact"] >= 0.98 * summary["mrz_total"], wrong


def test_no_corpus_file_errors_and_every_result_is_plausible(corpus_run):
    for label, result in zip(corpus_run.labels, corpus_run.results):
        assert result.error is None, (label["file"], result.error)
        assert result.pages >= 1
        assert 0.0 <= result.confidence <= 1.0
        assert result.seconds > 0


def test_decision_dates_of_asylum_decisions(corpus_results):
    for label, result in corpus_results.values():
        if label.get("decision_date"):
            assert result.decision_date is not None and result.decision_date.isoformat() == label["decision_date"], \
                label["file"]
        elif label["kind"] != "asylum_decision":
            assert result.decision_date is None


def test_translations_report_target_language_and_sworn_statement(corpus_results):
    for label, result in corpus_results.values():
        if label["kind"] == "translation":
            assert result.translation is not None, label["file"]
            assert result.translation.language == label["translation_language"], label["file"]
            assert result.translation.sworn, label["file"]
        else:
            assert result.translation is None


def test_languages_match_the_script_of_the_document(corpus_results):
    for label, result in corpus_results.values():
        if label["script"] == "arabic":
            assert result.languages[:1] == ["ar"], (label["file"], result.languages)
        elif label["script"] == "latin":
            assert result.languages and result.languages[0] in {"en", "nl", "fr", "de"}, (label["file"], result.languages)
        elif label["script"] == "mixed":
            assert set(result.languages) >= {"en", "ar"}, (label["file"], result.languages)


def test_people_named_on_certificates_are_found(corpus_results):
    found = total = 0
    for label, result in corpus_results.values():
        if label["kind"] in ("birth_certificate", "marriage_certificate", "family_booklet", "passport", "id_card") \
                and label["script"] != "arabic":
            names = {person.name for person in result.people}
            for name in label.get("names", []):
                total += 1
                found += name in names
    assert found >= 0.8 * total, (found, total)
