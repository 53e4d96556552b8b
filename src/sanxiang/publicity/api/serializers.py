"""Input and output serializers of the publicity API (never shared between reading and writing)."""

from __future__ import annotations

from rest_framework import serializers


class EntryPushInputSerializer(serializers.Serializer):
    item = serializers.SlugField(help_text="公示事项代码，如 penalty_decision")
    authority_code = serializers.CharField(
        required=False, allow_blank=True, help_text="公示机关代码；缺省为令牌账号所属机关"
    )
    data = serializers.DictField(  # type: ignore[assignment]  # a declared field, not Serializer.data
        child=serializers.JSONField(), help_text="按事项字段代码填写的原始值（含个人信息，由平台脱敏）"
    )
    text = serializers.CharField(required=False, allow_blank=True, default="")


class EntryOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    source_key = serializers.CharField()
    item = serializers.CharField(source="item.code")
    status = serializers.CharField()
    document_number = serializers.CharField()
    current_version = serializers.IntegerField()
    published_version = serializers.IntegerField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    masked_title = serializers.SerializerMethodField()

    def get_masked_title(self, entry) -> str:
        return entry.versions.get(number=entry.current_version).masked_title


class DocumentImportInputSerializer(serializers.Serializer):
    """Decision documents (文书) to draft from: one or many .doc/.docx/.pdf files or .zip archives."""

    files = serializers.ListField(child=serializers.FileField(), allow_empty=False)
    authority_code = serializers.CharField(required=False, allow_blank=True)


class DocumentResultSerializer(serializers.Serializer):
    file = serializers.CharField()
    entry_id = serializers.IntegerField(allow_null=True)
    item_label = serializers.CharField()
    document_type = serializers.CharField()
    document_number = serializers.CharField()
    error = serializers.CharField()
    notes = serializers.ListField(child=serializers.CharField())


class DocumentImportOutputSerializer(serializers.Serializer):
    created = serializers.ListField(child=serializers.IntegerField())
    results = DocumentResultSerializer(many=True)
