from django.urls import path

from . import views

app_name = "enforcement"

urlpatterns = [
    path("", views.act_list, name="act_list"),
    path("acts/new/", views.act_create, name="act_create"),
    path("acts/<int:pk>/", views.act_detail, name="act_detail"),
    path("acts/<int:pk>/edit/", views.act_edit, name="act_edit"),
    path("acts/<int:pk>/receipt.<slug:fmt>", views.act_receipt, name="act_receipt"),
    path("acts/<int:pk>/attachments/", views.act_attach, name="act_attach"),
    path("acts/<int:act_pk>/decisions/new/", views.decision_create, name="decision_create"),
    path("decisions/<int:pk>/outcome/", views.decision_outcome, name="decision_outcome"),
    path("taxpayers/", views.taxpayer_list, name="taxpayer_list"),
    path("taxpayers/<int:pk>/", views.taxpayer_detail, name="taxpayer_detail"),
    path("taxpayers/<int:pk>/reveal-id/", views.taxpayer_reveal_id, name="taxpayer_reveal_id"),
]
