from django.urls import path

from . import views

app_name = "enforcement"

urlpatterns = [
    path("taxpayers/", views.TaxpayerListApi.as_view(), name="taxpayer-list"),
    path("taxpayers/<int:pk>/", views.TaxpayerDetailApi.as_view(), name="taxpayer-detail"),
    path("acts/", views.ActListApi.as_view(), name="act-list"),
    path("acts/<int:pk>/", views.ActDetailApi.as_view(), name="act-detail"),
    path(
        "acts/by-source/<str:system>/<str:source_id>/", views.ActBySourceApi.as_view(), name="act-by-source"
    ),
    path("decisions/", views.DecisionListApi.as_view(), name="decision-list"),
    path("decisions/<int:pk>/", views.DecisionDetailApi.as_view(), name="decision-detail"),
    path("decisions/<int:pk>/outcome/", views.DecisionOutcomeApi.as_view(), name="decision-outcome"),
]
