from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("devices/", views.DeviceListApi.as_view(), name="device-list"),
    path("rooms/", views.RoomListApi.as_view(), name="room-list"),
    path("records/", views.RecordListApi.as_view(), name="record-list"),
    path("records/<uuid:public_id>/", views.RecordDetailApi.as_view(), name="record-detail"),
]
