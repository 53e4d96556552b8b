from django.urls import path

from . import views

app_name = "publicity"

urlpatterns = [
    path("", views.entry_list, name="entry_list"),
    path("new/<slug:code>/", views.entry_create, name="entry_create"),
    path("entries/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("entries/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/correct/", views.entry_edit, {"correct": True}, name="entry_correct"),
    path("entries/<int:pk>/submit/", views.entry_submit, name="entry_submit"),
    path("entries/<int:pk>/approve/", views.entry_approve, name="entry_approve"),
    path("entries/<int:pk>/return/", views.entry_return, name="entry_return"),
    path("entries/<int:pk>/withdraw/", views.entry_withdraw, name="entry_withdraw"),
    path("entries/<int:pk>/credit-repair/", views.entry_credit_repair, name="entry_credit_repair"),
    path("entries/<int:pk>/mask/", views.entry_add_mask, name="entry_add_mask"),
    path("entries/<int:pk>/lift/", views.entry_lift_mask, name="entry_lift_mask"),
    path("import/", views.entry_import, name="entry_import"),
    path("items/<slug:code>/template.xlsx", views.item_template, name="item_template"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("overdue/", views.overdue, name="overdue"),
    path("statistics/", views.statistics, name="statistics"),
]
