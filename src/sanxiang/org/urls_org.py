from django.urls import path

from . import views_org as views

app_name = "org"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("authorities/new/", views.authority_create, name="authority_create"),
    path("authorities/<int:pk>/", views.authority_detail, name="authority_detail"),
    path("authorities/<int:pk>/edit/", views.authority_edit, name="authority_edit"),
    path("authorities/<int:pk>/departments/new/", views.department_create, name="department_create"),
    path("authorities/<int:pk>/grants/", views.access_grant_list, name="access_grant_list"),
    path("departments/<int:pk>/edit/", views.department_edit, name="department_edit"),
    path("external-units/", views.external_unit_list, name="external_unit_list"),
    path("external-units/new/", views.external_unit_create, name="external_unit_create"),
    path("external-units/<int:pk>/edit/", views.external_unit_edit, name="external_unit_edit"),
    path("users/", views.user_list, name="user_list"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/<int:pk>/", views.user_detail, name="user_detail"),
    path("users/<int:pk>/edit/", views.user_edit, name="user_edit"),
    path("users/<int:pk>/password/", views.user_password, name="user_password"),
    path("users/<int:pk>/deactivate/", views.user_deactivate, name="user_deactivate"),
    path("users/<int:pk>/certificates/new/", views.certificate_add, name="certificate_add"),
    path("users/<int:pk>/qualifications/new/", views.qualification_add, name="qualification_add"),
    path("grants/<int:pk>/revoke/", views.access_grant_revoke, name="access_grant_revoke"),
    path("import/", views.org_chart_import, name="import"),
    path("import/confirm/", views.org_chart_import_confirm, name="import_confirm"),
    path("import/template.xlsx", views.org_chart_template, name="import_template"),
]
