from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("documents/", views.DocumentListApi.as_view(), name="document-list"),
    path("documents/<int:pk>/", views.DocumentDetailApi.as_view(), name="document-detail"),
    path("documents/<int:pk>/validity/", views.DocumentValidityApi.as_view(), name="document-validity"),
    path("incidents/", views.IncidentListApi.as_view(), name="incident-list"),
    path("regulatory-counts/", views.RegulatoryCountsApi.as_view(), name="regulatory-counts"),
]
