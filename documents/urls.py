from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("cases/<int:case_id>/documents/upload/", views.upload, name="upload"),
    path("documents/<int:document_id>/file/", views.document_file, name="file"),
    path("documents/<int:document_id>/links/", views.document_links, name="links"),
    path("documents/<int:document_id>/remove/", views.document_remove, name="remove"),
    path("documents/<int:document_id>/retake/", views.document_retake, name="retake"),
    path("documents/<int:document_id>/restore/", views.document_restore, name="restore"),
    path("documents/<int:document_id>/ask-removal/", views.document_ask_removal, name="ask_removal"),
    path("cases/<int:case_id>/bin/", views.case_bin, name="bin"),
    path("documents/<int:document_id>/assign/", views.document_assign, name="assign"),
    path("documents/<int:document_id>/proposals/<int:member_id>/", views.document_proposal, name="proposal"),
]
