from django.urls import path

from . import views
from .pagecache import public_page

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/export.csv", views.export_csv, name="export_csv"),
    path("search/export.json", views.export_json, name="export_json"),
    path("entries/<str:key>/", views.entry_detail, name="entry_detail"),
    path("entries/<str:key>/proof.json", views.entry_proof, name="entry_proof"),
    path("statistics/", views.statistics, name="statistics"),
    path("feeds/latest.rss", public_page(views.LatestEntriesFeed()), name="feed_rss"),
    path("feeds/latest.atom", public_page(views.LatestEntriesAtomFeed()), name="feed_atom"),
    path("public-api/v1/entries/", views.api_entries, name="api_entries"),
    path("public-api/v1/entries/<str:key>/", views.api_entry, name="api_entry"),
    path("public-api/v1/statistics/", views.api_statistics, name="api_statistics"),
    path("progress/", views.progress, name="progress"),
    path("robots.txt", views.robots, name="robots"),
    path("log/", views.log_about, name="log_about"),
    path("log/checkpoint", views.log_checkpoint, name="log_checkpoint"),
    path("log/key", views.log_key, name="log_key"),
    path("log/proof/inclusion", views.log_inclusion, name="log_inclusion"),
    path("log/proof/consistency", views.log_consistency, name="log_consistency"),
    path("log/entries/<int:index>", views.log_entry, name="log_entry"),
]
