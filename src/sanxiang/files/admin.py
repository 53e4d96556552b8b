from django.contrib import admin

from sanxiang.kernel.admin import ReadOnlyAdmin

from .models import FileAccess, StoredFile


@admin.register(StoredFile)
class StoredFileAdmin(ReadOnlyAdmin):
    """Read-only: files are written only through ``file_store``."""

    list_display = ["original_name", "size", "authority", "uploaded_by", "uploaded_at"]
    search_fields = ["original_name", "sha256", "sm3"]
    list_filter = ["purpose"]


@admin.register(FileAccess)
class FileAccessAdmin(ReadOnlyAdmin):
    list_display = ["file", "action", "user", "at", "source_address", "ok"]
    list_filter = ["action"]
