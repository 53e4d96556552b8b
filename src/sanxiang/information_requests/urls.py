from django.urls import path

from . import views

app_name = "information_requests"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("new/", views.request_create, name="request_create"),
    path("overdue/", views.overdue, name="overdue"),
    path("statistics/", views.statistics, name="statistics"),
    path("reports/", views.report_list, name="report_list"),
    path("reports/<int:authority_id>/<int:year>/", views.report_edit, name="report_edit"),
    path("reports/<int:authority_id>/<int:year>/publish/", views.report_publish, name="report_publish"),
    path("reports/<int:authority_id>/<int:year>/report.docx", views.report_docx, name="report_docx"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/<str:reply_type>/", views.template_edit, name="template_edit"),
    path("<int:pk>/", views.request_detail, name="request_detail"),
    path("<int:pk>/actions/<str:action>/", views.request_action, name="request_action"),
    path("<int:pk>/reply.<str:fmt>", views.reply_document, name="reply_document"),
]
