from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("language/", views.set_language, name="set_language"),
    path("welcome/", views.welcome, name="welcome"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
    path("welcome/<str:code>/", views.welcome, name="welcome_code"),
    path("counsellor/cases/new/", views.sponsor_case_create, name="sponsor_case_create"),
    path("cases/<int:case_id>/invitation/", views.invitation_show, name="invitation"),
    path("cases/<int:case_id>/invitation/new/", views.invitation_issue, name="invitation_issue"),
]
