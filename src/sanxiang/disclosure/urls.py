from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/new/", views.document_create, name="document_create"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("documents/<int:pk>/submit/", views.document_submit, name="document_submit"),
    path("documents/<int:pk>/attribute/", views.document_attribute, name="document_attribute"),
    path("documents/<int:pk>/register/", views.document_register, name="document_register"),
    path("documents/<int:pk>/return/", views.document_return, name="document_return"),
    path("documents/<int:pk>/review/", views.document_review, name="document_review"),
    path("documents/<int:pk>/publish/", views.document_publish, name="document_publish"),
    path("documents/<int:pk>/validity/", views.document_validity, name="document_validity"),
    path("documents/<int:pk>/interpretations/", views.interpretation_add, name="interpretation_add"),
    path("documents/<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("interpretations/<int:pk>/publish/", views.interpretation_publish, name="interpretation_publish"),
    path("interpretations/overdue/", views.interpretation_overdue, name="interpretation_overdue"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/new/", views.consultation_create, name="consultation_create"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("consultations/<int:pk>/open/", views.consultation_open, name="consultation_open"),
    path("consultations/<int:pk>/summary/", views.consultation_summary, name="consultation_summary"),
    path("consultations/<int:pk>/final/", views.consultation_link, name="consultation_link"),
    path("comments/<int:pk>/moderate/", views.comment_moderate, name="comment_moderate"),
    path("comments/<int:pk>/answer/", views.comment_answer, name="comment_answer"),
    path("ratings/", views.rating_list, name="rating_list"),
    path("ratings/<int:pk>/assign/", views.rectification_assign, name="rectification_assign"),
    path("rectifications/<int:pk>/answer/", views.rectification_answer, name="rectification_answer"),
    path("incidents/", views.incident_list, name="incident_list"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/info/", views.incident_info, name="incident_info"),
    path("incidents/<int:pk>/press/", views.incident_press, name="incident_press"),
    path("rulings/", views.ruling_list, name="ruling_list"),
    path("rulings/<int:pk>/publish/", views.ruling_publish, name="ruling_publish"),
]
