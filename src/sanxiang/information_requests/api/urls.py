from django.urls import path

from . import views

app_name = "information_requests"

urlpatterns = [
    path("requests/", views.RequestListApi.as_view(), name="request-list"),
    path("requests/<int:pk>/", views.RequestDetailApi.as_view(), name="request-detail"),
    *[
        path(f"requests/<int:pk>/{name}/", view.as_view(), name=f"request-{name}")
        for name, view in views.ACTION_VIEWS.items()
    ],
]
