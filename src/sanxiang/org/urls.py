from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("todos/", views.todo_list, name="todos"),
    path("overview/<str:check>/<int:authority>/", views.overview_items, name="overview_items"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
]
