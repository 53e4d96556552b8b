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
    path("entries/<int:pk>/recall/", views.entry_recall, name="entry_recall"),
    path("entries/<int:pk>/approve/", views.entry_approve, name="entry_approve"),
    path("entries/<int:pk>/return/", views.entry_return, name="entry_return"),
    path("entries/<int:pk>/withdraw/", views.entry_withdraw, name="entry_withdraw"),
    path("entries/<int:pk>/credit-repair/", views.entry_credit_repair, name="entry_credit_repair"),
    path("entries/<int:pk>/mask/", views.entry_add_mask, name="entry_add_mask"),
    path("entries/<int:pk>/lift/", views.entry_lift_mask, name="entry_lift_mask"),
    path("import/", views.entry_import, name="entry_import"),
    path("import/documents/", views.document_import, name="document_import"),
    path("items/<slug:code>/template.xlsx", views.item_template, name="item_template"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/categories/new/", views.category_edit, name="category_create"),
    path("catalogue/categories/<int:pk>/", views.category_edit, name="category_edit"),
    path("catalogue/items/new/", views.item_edit, name="item_create"),
    path("catalogue/items/<slug:code>/", views.item_edit, name="item_edit"),
    path("catalogue/items/<slug:code>/rules/new/", views.rule_edit, name="rule_create"),
    path("catalogue/items/<slug:code>/rules/<int:pk>/", views.rule_edit, name="rule_edit"),
    path("catalogue/policies/", views.mask_policies, name="mask_policies"),
    path("catalogue/policies/<int:pk>/", views.mask_policy_edit, name="mask_policy_edit"),
    path("overdue/", views.overdue, name="overdue"),
    path("overdue/export/", views.overdue_export, name="overdue_export"),
    path("statistics/", views.statistics, name="statistics"),
]
