from django.contrib import admin
from django.urls import include, path

from accounts.views import LoginView, LogoutView
from config import app_shell

admin.site.site_header = admin.site.site_title = "Nareis"  # Django's own read "Django administration"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("manifest.webmanifest", app_shell.manifest, name="manifest"),
    path("service-worker.js", app_shell.service_worker, name="service_worker"),
    path("offline/", app_shell.offline, name="offline"),
    path("", include("accounts.urls")),
    path("", include("documents.urls")),
    path("", include("tracker.urls")),
]

handler400 = "config.errors.bad_request"
handler500 = "config.errors.server_error"
