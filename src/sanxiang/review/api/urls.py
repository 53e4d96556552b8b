from django.urls import path

from . import views

app_name = "review"

urlpatterns = [
    path("cases/", views.CaseListApi.as_view(), name="case-list"),
    path("cases/issued/", views.IssuedDecisionApi.as_view(), name="case-issued"),
    path("cases/<int:pk>/", views.CaseDetailApi.as_view(), name="case-detail"),
    path("cases/<int:pk>/submit/", views.CaseSubmitApi.as_view(), name="case-submit"),
    path("cases/<int:pk>/assign/", views.CaseAssignApi.as_view(), name="case-assign"),
    path("cases/<int:pk>/opinion/", views.CaseOpinionApi.as_view(), name="case-opinion"),
    path(
        "cases/<int:pk>/confirm-changes/", views.CaseConfirmChangesApi.as_view(), name="case-confirm-changes"
    ),
    path("cases/<int:pk>/resume/", views.CaseResumeApi.as_view(), name="case-resume"),
    path("cases/<int:pk>/extend/", views.CaseExtendApi.as_view(), name="case-extend"),
    path("cases/<int:pk>/deliberate/", views.CaseDeliberateApi.as_view(), name="case-deliberate"),
    path("cases/<int:pk>/decide/", views.CaseDecideApi.as_view(), name="case-decide"),
    path("cases/<int:pk>/withdraw/", views.CaseWithdrawApi.as_view(), name="case-withdraw"),
]
