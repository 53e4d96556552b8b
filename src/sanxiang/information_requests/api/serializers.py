"""API serializers: separate input (one per action) and output."""

from __future__ import annotations

from rest_framework import serializers

from ..choices import (
    STAFF_CHANNELS,
    ApplicantType,
    ConsultationKind,
    ConsultationOpinion,
    DeliveryMethod,
    IdType,
    InformationForm,
    RemedyKind,
    RemedyOutcome,
    ReplyType,
    WithheldReason,
)
from ..models import InformationRequest, Reply


class ReplyOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reply
        fields = [
            "reply_type",
            "withheld_reason",
            "reasons",
            "body",
            "released_text",
            "issued_on",
            "delivery_method",
            "delivered_on",
            "approved_at",
        ]


class RequestOutputSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="authority.name")
    holding_department = serializers.CharField(source="holding_department.name", default=None)
    reply = ReplyOutputSerializer(read_only=True, default=None)

    class Meta:
        model = InformationRequest
        fields = [
            "id",
            "code",
            "authority",
            "channel",
            "applicant_type",
            "applicant_name",
            "description",
            "document_number",
            "information_form",
            "delivery_method",
            "submitted_on",
            "received_on",
            "status",
            "clock_state",
            "due_on",
            "days_used",
            "extension_days",
            "holding_department",
            "closed_on",
            "reply",
        ]


class RequestCreateInputSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=[(c.value, c.label) for c in STAFF_CHANNELS])
    applicant_type = serializers.ChoiceField(choices=ApplicantType.choices)
    applicant_name = serializers.CharField(max_length=200)
    id_type = serializers.ChoiceField(choices=IdType.choices, required=False, allow_blank=True)
    id_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    description = serializers.CharField()
    document_number = serializers.CharField(max_length=300, required=False, allow_blank=True)
    information_form = serializers.ChoiceField(
        choices=InformationForm.choices, default=InformationForm.ELECTRONIC
    )
    delivery_method = serializers.ChoiceField(choices=DeliveryMethod.choices, default=DeliveryMethod.POST)
    oral_record = serializers.CharField(required=False, allow_blank=True)
    submitted_on = serializers.DateField(required=False)
    signed_for_on = serializers.DateField(required=False)
    confirmed_on = serializers.DateField(required=False)
    mail_received_on = serializers.DateField(required=False)


class RequestCreatedOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    token = serializers.CharField(help_text="查询凭证，仅返回一次")


class EmptyInputSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class DateInputSerializer(serializers.Serializer):
    on = serializers.DateField()


class RegisterInputSerializer(serializers.Serializer):
    register_number = serializers.CharField(required=False, allow_blank=True, default="")


class AssignInputSerializer(serializers.Serializer):
    department = serializers.IntegerField()
    instructions = serializers.CharField(required=False, allow_blank=True, default="")


class CorrectionNoticeInputSerializer(DateInputSerializer):
    items = serializers.CharField()
    until = serializers.DateField(required=False, allow_null=True, default=None)


class ExtendInputSerializer(DateInputSerializer):
    days = serializers.IntegerField(min_value=1)
    reason = serializers.CharField()


class ConsultInputSerializer(DateInputSerializer):
    kind = serializers.ChoiceField(choices=ConsultationKind.choices)
    party = serializers.CharField()


class ConsultReplyInputSerializer(DateInputSerializer):
    consultation = serializers.IntegerField()
    opinion = serializers.ChoiceField(choices=[c for c in ConsultationOpinion.choices if c[0] != "pending"])


class FeeInputSerializer(DateInputSerializer):
    method = serializers.ChoiceField(choices=["per_volume", "per_request"])
    pages = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0)
    ordinal_in_month = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1)


class RouteAwayInputSerializer(serializers.Serializer):
    channel_text = serializers.CharField()


class RedactionSerializer(serializers.Serializer):
    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=1)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class DraftInputSerializer(serializers.Serializer):
    reply_type = serializers.ChoiceField(
        choices=[c for c in ReplyType.choices if c[0] not in ("abandoned", "fee_unpaid")]
    )
    withheld_reason = serializers.ChoiceField(
        choices=WithheldReason.choices, required=False, allow_blank=True, default=""
    )
    reasons = serializers.CharField(required=False, allow_blank=True, default="")
    obtain_how = serializers.CharField(required=False, allow_blank=True, default="")
    responsible_organ = serializers.CharField(required=False, allow_blank=True, default="")
    source_text = serializers.CharField(required=False, allow_blank=True, default="")
    redactions = RedactionSerializer(many=True, required=False, default=list)
    needs_legal_review = serializers.BooleanField(default=False)
    needs_confidentiality_review = serializers.BooleanField(default=False)


class ReviewInputSerializer(serializers.Serializer):
    opinion = serializers.CharField()
    passed = serializers.BooleanField()


class DeliverInputSerializer(DateInputSerializer):
    method = serializers.ChoiceField(choices=DeliveryMethod.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    proof = serializers.FileField(required=False, allow_null=True, default=None)


class RemedyInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RemedyKind.choices)
    filed_on = serializers.DateField()
    body = serializers.CharField(required=False, allow_blank=True, default="")


class RemedyDecideInputSerializer(serializers.Serializer):
    remedy = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=[c for c in RemedyOutcome.choices if c[0] != "pending"])
    decided_on = serializers.DateField()
