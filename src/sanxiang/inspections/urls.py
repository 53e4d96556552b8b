from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.index, name="index"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/approve/", views.plan_approve, name="plan_approve"),
    path("plans/<int:pk>/publish/", views.plan_publish, name="plan_publish"),
    path("plans/<int:pk>/draws/new/", views.draw_create, name="draw_create"),
    path("directories/<int:pk>/", views.directory_detail, name="directory_detail"),
    path("directories/<int:pk>/import/", views.directory_import, name="directory_import"),
    path("directories/<int:pk>/snapshot/", views.snapshot_create, name="snapshot_create"),
    path("draws/<int:pk>/", views.draw_detail, name="draw_detail"),
    path("draws/<int:pk>/run/", views.draw_run, name="draw_run"),
    path("draws/<int:pk>/beacon/", views.beacon_create, name="beacon_create"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/inspectors/", views.task_inspectors, name="task_inspectors"),
    path("tasks/<int:pk>/result/", views.task_result, name="task_result"),
    path("tasks/<int:pk>/publish/", views.task_publish, name="task_publish"),
    path("assignments/<int:pk>/recuse/", views.assignment_recuse, name="assignment_recuse"),
    path("overdue/", views.overdue, name="overdue"),
]
