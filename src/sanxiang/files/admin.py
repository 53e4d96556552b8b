from django.contrib import admin

from .models import FileAccess, StoredFile


@admin.register(StoredFile)
class StoredFileAdmin(admin.ModelAdmin):
    """Read-only: files are written only through ``file_store``."""

    list_display = ["original_name", "size", "authority", "uploaded_by", "uploaded_at"]
    search_fields = ["original_name", "sha256", "sm3"]
    list_filter = ["purpose"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FileAccess)
class FileAccessAdmin(admin.ModelAdmin):
    list_display = ["file", "action", "user", "at", "source_address", "ok"]
    list_filter = ["action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
