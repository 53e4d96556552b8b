from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("import/", views.plan_upload, name="plan_upload"),
    path("mine/", views.my_tasks, name="my_tasks"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/timeline/", views.plan_timeline, name="plan_timeline"),
    path("plans/<int:pk>/confirm/", views.plan_confirm, name="plan_confirm"),
    path("plans/<int:pk>/report.docx", views.plan_report_docx, name="plan_report_docx"),
    path("plans/<int:pk>/report.xlsx", views.plan_report_xlsx, name="plan_report_xlsx"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/correct/", views.task_correct, name="task_correct"),
    path("tasks/<int:pk>/progress/", views.progress_create, name="progress_create"),
    path("tasks/<int:pk>/closeout/", views.closeout_create, name="closeout_create"),
    path("reports/<int:pk>/review/", views.progress_review, name="progress_review"),
    path("milestones/<int:pk>/event/", views.milestone_event, name="milestone_event"),
    path("milestones/<int:pk>/extension/", views.extension_create, name="extension_create"),
    path("extensions/<int:pk>/decide/", views.extension_decide, name="extension_decide"),
    path("closeouts/<int:pk>/decide/", views.closeout_decide, name="closeout_decide"),
    path("orders/<int:pk>.docx", views.order_docx, name="order_docx"),
]
