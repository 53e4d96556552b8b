from django.urls import path, re_path

from . import views
from .tus import TusView

app_name = "records"

urlpatterns = [
    path("", views.record_list, name="record_list"),
    path("tus/", TusView.as_view(), name="tus_create"),
    re_path(r"^tus/(?P<upload_id>[0-9a-f-]{32,36})$", TusView.as_view(), name="tus_upload"),
    path("acts/<int:act_pk>/upload/", views.record_upload, name="record_upload"),
    path("r/<uuid:public_id>/", views.record_detail, name="record_detail"),
    path("r/<uuid:public_id>/view/", views.record_view, name="record_view"),
    path("r/<uuid:public_id>/media/", views.record_media, name="record_media"),
    path("r/<uuid:public_id>/poster.jpg", views.record_poster, name="record_poster"),
    path("r/<uuid:public_id>/download/", views.record_download, name="record_download"),
    path("r/<uuid:public_id>/hold/", views.record_hold, name="record_hold"),
    path("holds/<int:pk>/release/", views.hold_release, name="hold_release"),
    path("taxpayers/<int:pk>/", views.taxpayer_archive, name="taxpayer_archive"),
    path("taxpayers/<int:pk>/export/", views.taxpayer_export, name="taxpayer_export"),
    path("coverage/", views.coverage, name="coverage"),
    path("matters/", views.matter_list, name="matter_list"),
    path("matters/edit/", views.matter_list_edit, name="matter_list_edit"),
    path("statistics/", views.statistics, name="statistics"),
    path("devices/", views.device_list, name="device_list"),
    path("expiry/", views.expiry, name="expiry"),
    path("disposals/", views.disposal_list, name="disposal_list"),
    path("disposals/<int:pk>/<str:action>/", views.disposal_action, name="disposal_action"),
]
