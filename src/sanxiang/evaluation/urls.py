from django.urls import path

from . import views

app_name = "evaluation"

urlpatterns = [
    path("", views.home, name="home"),
    path("units/<int:pk>/", views.unit, name="unit"),
    path("units/<int:pk>/export.xlsx", views.unit_xlsx, name="unit_xlsx"),
    path("units/<int:pk>/report.docx", views.unit_docx, name="unit_docx"),
    path("units/<int:pk>/close/", views.period_close, name="period_close"),
    path("units/<int:pk>/indicators/<str:code>/", views.drill, name="drill"),
    path("officers/<int:pk>/", views.officer, name="officer"),
    path("loops/", views.loops, name="loops"),
    path("library/", views.library, name="library"),
    path("campaigns/", views.campaign_list, name="campaign_list"),
    path("campaigns/new/", views.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/findings/", views.finding_create, name="finding_create"),
    path("campaigns/<int:pk>/close/", views.campaign_close, name="campaign_close"),
    path("snapshots/", views.snapshot_list, name="snapshot_list"),
    path("snapshots/<int:pk>/", views.snapshot_detail, name="snapshot_detail"),
]
