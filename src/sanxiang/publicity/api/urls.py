from django.urls import path

from . import views

urlpatterns = [
    path(
        "entries/by-source/<slug:system>/<str:source_id>/",
        views.EntryPushApi.as_view(),
        name="publicity_entry_push",
    ),
    path("entries/<int:pk>/", views.EntryDetailApi.as_view(), name="publicity_entry_detail"),
    path("documents/", views.DocumentImportApi.as_view(), name="publicity_documents_import"),
]
