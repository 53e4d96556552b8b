from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("directories/", views.DirectoryListApi.as_view(), name="directory-list"),
    path("directories/<int:pk>/targets/", views.TargetUpsertApi.as_view(), name="directory-targets"),
    path("plans/", views.PlanListApi.as_view(), name="plan-list"),
    path("plans/<int:pk>/draws/", views.DrawCommitApi.as_view(), name="plan-draws"),
    path("draws/", views.DrawListApi.as_view(), name="draw-list"),
    path("draws/<int:pk>/", views.DrawDetailApi.as_view(), name="draw-detail"),
    path("draws/<int:pk>/run/", views.DrawRunApi.as_view(), name="draw-run"),
]
