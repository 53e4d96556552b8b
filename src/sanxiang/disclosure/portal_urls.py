from django.urls import path

from . import portal_views as views

app_name = "open"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("documents/<int:pk>/rate/", views.document_rate, name="document_rate"),
    path("library/", views.library, name="library"),
    path("library/export.csv", views.library_export_csv, name="library_export_csv"),
    path("library/export.xlsx", views.library_export_xlsx, name="library_export_xlsx"),
    path("consultations/", views.consultations, name="consultations"),
    path("consultations/<int:pk>/", views.consultation, name="consultation"),
    path("consultations/<int:pk>/comment/", views.consultation_comment, name="consultation_comment"),
    path("consultations/<int:pk>/adoption/", views.adoption, name="adoption"),
]
