from django.shortcuts import redirect
from django.urls import path

app_name = "notifications"
urlpatterns = [path("", lambda request: redirect("core:home"), name="inbox")]
