from django.urls import path

from . import views

app_name = "review"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/new/assistant/", views.discretion_assist, name="discretion_assist"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/do/<str:action>/", views.case_action, name="case_action"),
    path(
        "cases/<int:pk>/opinions/<int:opinion_pk>.<str:fmt>", views.opinion_document, name="opinion_document"
    ),
    path("cases/<int:pk>/no-penalty.docx", views.exemption_document, name="exemption_document"),
    path("workflow/", views.workflow, name="workflow"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics.xlsx", views.statistics_xlsx, name="statistics_xlsx"),
    path("unreviewed/", views.unreviewed, name="unreviewed"),
    path("benchmarks/", views.benchmarks, name="benchmarks"),
    path("catalogues/", views.catalogue_list, name="catalogue_list"),
    path("catalogues/new/", views.catalogue_create, name="catalogue_create"),
    path("catalogues/<int:pk>/", views.catalogue_detail, name="catalogue_detail"),
    path("catalogues/<int:pk>/filing/", views.catalogue_file, name="catalogue_file"),
    path("checklist/", views.checklist, name="checklist"),
    path("checklist/<int:pk>/", views.checklist_item, name="checklist_item"),
]
