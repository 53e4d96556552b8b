from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sanxiang.kernel.api_filters import SlugLookupField
from sanxiang.org.models import Authority

from ..models import StoredFile


class FileUploadQuerySerializer(serializers.Serializer):
    """Query parameters of the raw upload; the body is the file itself."""

    name = serializers.CharField(max_length=255, help_text=_("原文件名"))
    authority = SlugLookupField(
        slug_field="code", queryset=Authority.objects.all(), help_text=_("所属机关代码")
    )
    content_type = serializers.CharField(
        max_length=200, required=False, default="", help_text=_("文件类型，缺省取请求的 Content-Type")
    )
    purpose = serializers.CharField(max_length=60, required=False, default="")


class StoredFileOutputSerializer(serializers.ModelSerializer):
    authority: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    uploaded_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = StoredFile
        fields = [
            "public_id",
            "original_name",
            "content_type",
            "size",
            "sha256",
            "sm3",
            "authority",
            "uploaded_by",
            "uploaded_at",
            "purpose",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, obj: StoredFile) -> str:
        return reverse("api:files:download", kwargs={"public_id": obj.public_id})
