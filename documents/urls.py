from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("cases/<int:case_id>/documents/upload/", views.upload, name="upload"),
    path("documents/<int:document_id>/file/", views.document_file, name="file"),
    path("documents/<int:document_id>/links/", views.document_links, name="links"),
    path("documents/<int:document_id>/delete/", views.document_delete, name="delete"),
]
