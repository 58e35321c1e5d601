from django.urls import path

from . import views, views_coordination, views_counsellor, views_notes, views_reports, views_retention, views_review

app_name = "tracker"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("cases/<int:case_id>/", views.case_detail, name="case_detail"),
    path("cases/<int:case_id>/live/", views.case_live, name="case_live"),
    path("cases/<int:case_id>/members/", views.member_create, name="member_create"),
    path("members/<int:member_id>/edit/", views.member_update, name="member_update"),
    path("members/<int:member_id>/remove/", views.member_remove, name="member_remove"),
    # The counsellor's workspace (views_counsellor): the dashboard is case_list for counsellors and admins.
    path("cases/<int:case_id>/facts/", views_counsellor.case_facts_update, name="case_facts_update"),
    path("cases/<int:case_id>/decision-date/confirm/", views_counsellor.decision_date_confirm,
         name="decision_date_confirm"),
    path("cases/<int:case_id>/decision-date/checked/", views_counsellor.decision_date_checked,
         name="decision_date_checked"),
    path("cases/<int:case_id>/decision-date/dismiss/", views_counsellor.decision_date_dismiss,
         name="decision_date_dismiss"),
    path("cases/<int:case_id>/explanations/", views_counsellor.explanation_create, name="explanation_create"),
    path("explanations/<int:explanation_id>/delete/", views_counsellor.explanation_delete, name="explanation_delete"),
    path("cases/<int:case_id>/disagreements/explained/", views_counsellor.disagreement_explained,
         name="disagreement_explained"),
    # The review screen and the queue across a counsellor's cases (views_review).
    path("review/", views_review.queue, name="review_queue"),
    path("cases/<int:case_id>/notes/", views_notes.note_create, name="note_create"),
    path("notes/<int:note_id>/done/", views_notes.note_done, name="note_done"),
    path("review/accept/", views_review.queue_accept, name="review_accept"),
    path("review/documents/<int:document_id>/", views_review.review_screen, name="review_screen"),
    path("cases/<int:case_id>/ind-letters/", views_counsellor.ind_letter_create, name="ind_letter_create"),
    path("ind-letters/<int:letter_id>/scan/", views_counsellor.ind_letter_scan, name="ind_letter_scan"),
    path("ind-letters/<int:letter_id>/scan/upload/", views_counsellor.ind_letter_scan_upload,
         name="ind_letter_scan_upload"),
    path("ind-letters/replaced-scans/<int:scan_id>/restore/", views_counsellor.ind_letter_scan_restore,
         name="ind_letter_scan_restore"),
    path("ind-letters/<int:letter_id>/answered/", views_counsellor.ind_letter_answered, name="ind_letter_answered"),
    path("cases/<int:case_id>/export/", views_counsellor.case_export, name="case_export"),
    path("cases/<int:case_id>/application-form/", views_counsellor.application_form, name="application_form"),
    # Coordinators (views_coordination): who follows which case.
    path("cases/<int:case_id>/counsellors/", views_coordination.case_counsellors, name="case_counsellors"),
    path("cases/assign/", views_coordination.cases_assign, name="cases_assign"),
    # Retention (views_retention): closing a case, keeping a closed one longer.
    path("cases/<int:case_id>/close/", views_retention.case_close, name="case_close"),
    path("cases/<int:case_id>/keep-longer/", views_retention.case_keep_longer, name="case_keep_longer"),
    # Reports (views_reports): coordinators and admins.
    path("reports/", views_reports.reports, name="reports"),
    path("reports/<slug:table>.csv", views_reports.report_csv, name="report_csv"),
]
