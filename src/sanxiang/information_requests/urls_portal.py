from django.urls import path

from . import views_portal

app_name = "information_requests_portal"

urlpatterns = [
    path("", views_portal.index, name="index"),
    path("apply/", views_portal.apply, name="apply"),
    path("follow/", views_portal.follow, name="follow"),
    path("follow/<str:code>/<str:token>/", views_portal.follow_link, name="follow_link"),
    path("reports/<int:pk>/", views_portal.report_detail, name="report_detail"),
]
