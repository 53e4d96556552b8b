"""Input and output serializers of the disclosure API (never shared between reading and writing)."""

from __future__ import annotations

from rest_framework import serializers

from ..models import OfficialDocument, PublicOpinionIncident, ValidityChange


class ValidityChangeOutputSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="label.label")  # type: ignore[assignment]  # a declared field, not Field.label
    by_document = serializers.IntegerField(source="by_document_id", allow_null=True)

    class Meta:
        model = ValidityChange
        fields = [
            "version",
            "label",
            "validity",
            "articles",
            "by_document",
            "by_document_text",
            "effective_on",
        ]


class DocumentOutputSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="authority.name")
    validity_label = serializers.CharField(source="validity_label.label", default="")
    tax_types: serializers.SlugRelatedField = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code"
    )

    class Meta:
        model = OfficialDocument
        fields = [
            "id",
            "authority",
            "title",
            "document_number",
            "issuer",
            "kind",
            "heading",
            "attribute",
            "withheld_reason",
            "status",
            "index_number",
            "in_policy_library",
            "tax_types",
            "signed_on",
            "published_on",
            "effective_on",
            "validity_label",
        ]


class DocumentDetailOutputSerializer(DocumentOutputSerializer):
    validity_history = ValidityChangeOutputSerializer(source="validity_changes", many=True)

    class Meta(DocumentOutputSerializer.Meta):
        fields = [*DocumentOutputSerializer.Meta.fields, "text", "validity_history"]


class ValidityChangeInputSerializer(serializers.Serializer):
    label = serializers.SlugField(help_text="效力状态代码，如 partly_void")  # type: ignore[assignment]  # a declared field, not Field.label
    effective_on = serializers.DateField()
    articles = serializers.CharField(required=False, allow_blank=True, default="")
    by_document = serializers.IntegerField(required=False, allow_null=True, default=None)
    by_document_text = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class IncidentOutputSerializer(serializers.ModelSerializer):
    info_state = serializers.CharField()
    press_state = serializers.CharField(allow_null=True)

    class Meta:
        model = PublicOpinionIncident
        fields = [
            "id",
            "title",
            "severity",
            "discovered_at",
            "info_due_at",
            "press_due_at",
            "info_released_at",
            "press_held_at",
            "info_state",
            "press_state",
        ]


class IncidentInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    severity = serializers.ChoiceField(choices=["ordinary", "major", "especially_major"], default="ordinary")
    discovered_at = serializers.DateTimeField()
    source = serializers.CharField(required=False, allow_blank=True, default="")  # type: ignore[assignment]  # a declared field, not Field.source
    summary = serializers.CharField(required=False, allow_blank=True, default="")


class CountsOutputSerializer(serializers.Serializer):
    rule = serializers.DictField(child=serializers.IntegerField())
    normative = serializers.DictField(child=serializers.IntegerField())
