from django.urls import path

from . import views

app_name = "tracker"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("cases/<int:case_id>/", views.case_detail, name="case_detail"),
    path("cases/<int:case_id>/live/", views.case_live, name="case_live"),
    path("cases/<int:case_id>/members/", views.member_create, name="member_create"),
]
