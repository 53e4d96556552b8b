from django.urls import path

from . import views

app_name = "information_requests"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("<int:pk>/", views.request_detail, name="request_detail"),
]
