from django.urls import path

from . import public_views

app_name = "inspections_public"

urlpatterns = [
    path("", public_views.index, name="index"),
    path("draws/<int:pk>/", public_views.draw_detail, name="draw_detail"),
    path("draws/<int:pk>/verify/", public_views.draw_verify, name="draw_verify"),
    path("snapshots/<str:snapshot_hash>.json", public_views.snapshot_json, name="snapshot_json"),
]
