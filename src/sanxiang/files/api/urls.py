from django.urls import path

from . import views

app_name = "files"

urlpatterns = [
    path("upload/", views.FileUploadApi.as_view(), name="upload"),
    path("<uuid:public_id>/", views.FileDetailApi.as_view(), name="detail"),
    path("<uuid:public_id>/download/", views.FileDownloadApi.as_view(), name="download"),
]
