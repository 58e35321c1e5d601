"""The site as an installable app: the web app manifest, the service worker (served from the site's root,
so its scope is the whole site) and the page it shows when there is no connection.

The worker keeps only the offline page and the static files it needs: no case data is ever cached.
"""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

THEME_COLOUR = "#1f4e79"


@require_GET
@cache_control(max_age=3600)
def manifest(request):
    icons = [{"src": static(f"icons/icon-{side}.png"), "sizes": f"{side}x{side}", "type": "image/png"}
             for side in (192, 512)]
    icons.append({"src": static("icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png",
                  "purpose": "maskable"})
    return JsonResponse({
        "name": "Nareis",
        "short_name": "Nareis",
        "description": _("Bring your family to the Netherlands: your documents and your deadline."),
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    response = FileResponse(open(finders.find("js/service-worker.js"), "rb"), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request):
    return render(request, "offline.html")
