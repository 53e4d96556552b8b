from django.urls import path

from . import views

app_name = "files"

urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/download/", views.download, name="download"),
]
