"""Input and output serializers of the enforcement API (deliberately not shared)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sanxiang.kernel.api_filters import SlugLookupField
from sanxiang.org.models import Authority, Department, User

from ..choices import ActKind, ActStatus, DecisionKind, DecisionOutcome, OfficerRole, TaxpayerKind
from ..models import ActOfficer, Decision, EnforcementAct, Taxpayer


def _actor(serializer: serializers.Serializer) -> Any:
    request = serializer.context.get("request")
    return getattr(request, "user", None)


class _ScopedInput(serializers.Serializer):
    """Narrows related-object fields to what the requesting user may see: an id outside the
    scope is reported exactly like an id that does not exist."""

    scoped_fields: dict[str, type[Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        actor = _actor(self)
        for name, model in self.scoped_fields.items():
            field: Any = self.fields[name]  # a RelatedField; its queryset is typed as a manager
            field.queryset = model.objects.visible_to(actor)


AuthorityCodeField = SlugLookupField


# --- taxpayers -----------------------------------------------------------------------------


class TaxpayerInputSerializer(_ScopedInput):
    kind = serializers.ChoiceField(choices=TaxpayerKind.choices)
    name = serializers.CharField(max_length=200)
    uscc = serializers.CharField(
        max_length=18, required=False, allow_null=True, allow_blank=True, default=None
    )
    tin = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    id_number = serializers.CharField(max_length=18, required=False, allow_blank=True, default="")
    legal_representative = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    legal_representative_person = serializers.PrimaryKeyRelatedField(
        queryset=Taxpayer.objects.none(), required=False, allow_null=True, default=None
    )
    registered_address = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    business_address = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    authority = AuthorityCodeField(
        slug_field="code", queryset=Authority.objects.all(), help_text=_("主管税务机关代码")
    )
    department = serializers.PrimaryKeyRelatedField(
        queryset=Department.objects.all(), required=False, allow_null=True, default=None
    )

    scoped_fields = {"legal_representative_person": Taxpayer}


class TaxpayerOutputSerializer(serializers.ModelSerializer):
    authority: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    id_number_masked = serializers.CharField(read_only=True, help_text=_("脱敏后的身份证号"))

    class Meta:
        model = Taxpayer
        fields = [
            "id",
            "kind",
            "name",
            "uscc",
            "tin",
            "id_number_masked",
            "legal_representative",
            "legal_representative_person",
            "registered_address",
            "business_address",
            "phone",
            "authority",
            "department",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


# --- acts ----------------------------------------------------------------------------------


class OfficerInputSerializer(serializers.Serializer):
    username = SlugLookupField(slug_field="username", queryset=User.objects.filter(is_active=True))
    role = serializers.ChoiceField(choices=OfficerRole.choices, default=OfficerRole.LEAD)


class OfficerOutputSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    full_name = serializers.CharField(source="user.display_name", read_only=True)

    class Meta:
        model = ActOfficer
        fields = ["username", "full_name", "role"]
        read_only_fields = fields


class ActInputSerializer(_ScopedInput):
    kind = serializers.ChoiceField(choices=ActKind.choices)
    matter = serializers.CharField(max_length=200)
    taxpayer = serializers.PrimaryKeyRelatedField(queryset=Taxpayer.objects.none())
    authority = AuthorityCodeField(
        slug_field="code", queryset=Authority.objects.all(), help_text=_("执法机关代码")
    )
    department = serializers.PrimaryKeyRelatedField(
        queryset=Department.objects.all(), required=False, allow_null=True, default=None
    )
    started_on = serializers.DateField(required=False, allow_null=True, default=None)
    concluded_on = serializers.DateField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=ActStatus.choices, default=ActStatus.IN_PROGRESS)
    officers = OfficerInputSerializer(many=True, required=False)

    scoped_fields = {"taxpayer": Taxpayer}

    def to_service(self) -> tuple[dict[str, Any], list[tuple[User, str]] | None]:
        data = dict(self.validated_data)
        officers = data.pop("officers", None)
        pairs = [(o["username"], o["role"]) for o in officers] if officers is not None else None
        return data, pairs


class ActCreateInputSerializer(ActInputSerializer):
    source_system = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    source_id = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class ActOutputSerializer(serializers.ModelSerializer):
    authority: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    taxpayer_name = serializers.CharField(source="taxpayer.display_name", read_only=True)
    officers = OfficerOutputSerializer(source="officer_links", many=True, read_only=True)
    matter_number = serializers.CharField(
        source="matter_ticket.matter_number",
        read_only=True,
        allow_null=True,
        help_text=_("承诺件的事项编号（执法进度网上查询）；即办件为 null。查询码只印在受理回执上。"),
    )

    class Meta:
        model = EnforcementAct
        fields = [
            "id",
            "kind",
            "matter",
            "taxpayer",
            "taxpayer_name",
            "authority",
            "department",
            "officers",
            "started_on",
            "concluded_on",
            "status",
            "source_system",
            "source_id",
            "matter_number",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


# --- decisions -----------------------------------------------------------------------------

_amount: dict[str, Any] = {
    "max_digits": 16,
    "decimal_places": 2,
    "min_value": Decimal("0"),
    "default": Decimal("0"),
}


class DecisionInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DecisionKind.choices)
    document_number = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)
    served_on = serializers.DateField(required=False, allow_null=True, default=None)
    tax_amount = serializers.DecimalField(**_amount)
    penalty_amount = serializers.DecimalField(**_amount)
    late_fee_amount = serializers.DecimalField(**_amount)
    legal_basis = serializers.CharField(required=False, allow_blank=True, default="")
    facts = serializers.CharField(required=False, allow_blank=True, default="")
    source_system = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    source_id = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class DecisionCreateInputSerializer(_ScopedInput, DecisionInputSerializer):
    act = serializers.PrimaryKeyRelatedField(queryset=EnforcementAct.objects.none())

    scoped_fields = {"act": EnforcementAct}


class DecisionOutcomeInputSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=[c for c in DecisionOutcome.choices if c[0] != DecisionOutcome.IN_FORCE]
    )
    outcome_on = serializers.DateField()
    reason = serializers.CharField()


class DecisionOutputSerializer(serializers.ModelSerializer):
    authority: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "act",
            "authority",
            "kind",
            "document_number",
            "decided_on",
            "served_on",
            "tax_amount",
            "penalty_amount",
            "late_fee_amount",
            "legal_basis",
            "facts",
            "outcome",
            "outcome_on",
            "outcome_reason",
            "source_system",
            "source_id",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
