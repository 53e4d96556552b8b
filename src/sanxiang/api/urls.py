"""/api/v1: the root router. Each app owns its own serializers and views and registers here."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from .errors import not_found

app_name = "api"

v1 = [
    path("enforcement/", include("sanxiang.enforcement.api.urls")),
    path("files/", include("sanxiang.files.api.urls")),
    path("publicity/", include("sanxiang.publicity.api.urls")),
    path("supervision/", include("sanxiang.supervision.api.urls")),
    path("review/", include("sanxiang.review.api.urls")),
    path("records/", include("sanxiang.records.api.urls")),
    path("information-requests/", include("sanxiang.information_requests.api.urls")),
    path("disclosure/", include("sanxiang.disclosure.api.urls")),
    path("inspections/", include("sanxiang.inspections.api.urls")),
]

urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    # Anything else under /api/ (a non-integer id, a typo) is a JSON 404 in the API's error shape.
    re_path(r"^.*$", not_found, name="not_found"),
]
