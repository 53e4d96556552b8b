app_name = "open"
urlpatterns: list = []
