from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("plans/", views.PlanListApi.as_view(), name="plan-list"),
    path("plans/<int:pk>/", views.PlanDetailApi.as_view(), name="plan-detail"),
    path("tasks/", views.TaskListApi.as_view(), name="task-list"),
    path("tasks/<int:pk>/", views.TaskDetailApi.as_view(), name="task-detail"),
    path(
        "tasks/<int:pk>/progress-reports/",
        views.ProgressReportCreateApi.as_view(),
        name="task-progress-report",
    ),
]
