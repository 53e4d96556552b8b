"""Input and output serializers of the review API (deliberately not shared)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from sanxiang.enforcement.choices import DecisionKind
from sanxiang.enforcement.models import Decision, EnforcementAct
from sanxiang.kernel.api_filters import SlugLookupField
from sanxiang.org.models import User

from .. import rules
from ..choices import Finding, Opinion, ReviewPoint
from ..models import CaseTransition, ReviewCase, ReviewOpinion

_amount: dict[str, Any] = {
    "max_digits": 16,
    "decimal_places": 2,
    "min_value": Decimal("0"),
    "default": Decimal("0"),
}


class _Scoped(serializers.Serializer):
    scoped_fields: dict[str, type[Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        for name, model in self.scoped_fields.items():
            field: Any = self.fields[name]  # a RelatedField; its queryset is typed as a manager
            field.queryset = model.objects.visible_to(getattr(request, "user", None))


class CaseCreateInputSerializer(_Scoped):
    act = serializers.PrimaryKeyRelatedField(queryset=EnforcementAct.objects.none())
    decision_kind = serializers.ChoiceField(choices=DecisionKind.choices)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    facts = serializers.CharField(required=False, allow_blank=True, default="")
    legal_basis = serializers.CharField(required=False, allow_blank=True, default="")
    proposal = serializers.CharField(required=False, allow_blank=True, default="")
    case_file = serializers.CharField(required=False, allow_blank=True, default="")
    penalty_amount = serializers.DecimalField(**_amount)
    tax_amount = serializers.DecimalField(**_amount)
    conditions = serializers.ListField(
        child=serializers.ChoiceField(choices=sorted(rules.CONDITIONS.items())), required=False, default=list
    )
    violation_code = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    violation_date = serializers.DateField(required=False, allow_null=True, default=None)
    discretion_facts = serializers.DictField(required=False, default=dict)
    source_system = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    source_id = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")

    scoped_fields = {"act": EnforcementAct}


class IssuedDecisionInputSerializer(_Scoped):
    decision = serializers.PrimaryKeyRelatedField(queryset=Decision.objects.none())
    conditions = serializers.ListField(
        child=serializers.ChoiceField(choices=sorted(rules.CONDITIONS.items())), required=False, default=list
    )

    scoped_fields = {"decision": Decision}


class CommentInputSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class ReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField()


class AssignInputSerializer(serializers.Serializer):
    reviewer = SlugLookupField(slug_field="username", queryset=User.objects.filter(is_active=True))


class FindingInputSerializer(serializers.Serializer):
    point = serializers.ChoiceField(choices=ReviewPoint.choices)
    text = serializers.CharField(required=False, allow_blank=True, default="")
    finding = serializers.ChoiceField(choices=Finding.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class OpinionInputSerializer(serializers.Serializer):
    opinion = serializers.ChoiceField(choices=Opinion.choices)
    reasons = serializers.CharField()
    findings = FindingInputSerializer(many=True)


class DeliberationInputSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    member_units = serializers.ListField(child=serializers.CharField())
    attended_units = serializers.ListField(child=serializers.CharField())
    attendees = serializers.CharField(required=False, allow_blank=True, default="")
    votes_for = serializers.IntegerField(min_value=0)
    votes_against = serializers.IntegerField(min_value=0)
    abstentions = serializers.IntegerField(min_value=0, default=0)
    outcome = serializers.ChoiceField(choices=["approve", "investigate", "rehandle"])
    minutes = serializers.CharField()


class DecideInputSerializer(serializers.Serializer):
    mode = serializers.ChoiceField(choices=["individual", "collective"], default="individual")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    leaders = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    approve = serializers.BooleanField(default=True)


class TransitionOutputSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None, read_only=True)

    class Meta:
        model = CaseTransition
        fields = ["action", "source", "target", "round", "actor", "on", "comment"]
        read_only_fields = fields


class OpinionOutputSerializer(serializers.ModelSerializer):
    reviewer = serializers.CharField(source="reviewer.username", read_only=True)

    class Meta:
        model = ReviewOpinion
        fields = ["round", "reviewer", "opinion", "reasons", "issued_on"]
        read_only_fields = fields


class CaseOutputSerializer(serializers.ModelSerializer):
    authority: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    reviewer = serializers.CharField(
        source="reviewer.username", default=None, read_only=True, allow_null=True
    )
    decision_mode = serializers.ChoiceField(
        choices=ReviewCase._meta.get_field("decision_mode").choices or [], allow_blank=True, read_only=True
    )
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = ReviewCase
        fields = [
            "id",
            "act",
            "authority",
            "title",
            "subject",
            "decision_kind",
            "penalty_amount",
            "tax_amount",
            "conditions",
            "needs_review",
            "fired_rules",
            "collective_required",
            "quorum",
            "leaders_collective",
            "status",
            "round",
            "reviewer",
            "submitted_on",
            "approved_on",
            "decided_on",
            "decision_mode",
            "decision",
            "unreviewed",
            "was_returned",
            "violation_code",
            "violation_date",
            "source_system",
            "source_id",
            "allowed_actions",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_allowed_actions(self, case: ReviewCase) -> list[str]:
        return sorted({step.action for step in rules.actions_from(case.status)})


class CaseDetailOutputSerializer(CaseOutputSerializer):
    transitions = TransitionOutputSerializer(many=True, read_only=True)
    opinions = OpinionOutputSerializer(many=True, read_only=True)

    class Meta(CaseOutputSerializer.Meta):
        fields = [
            *CaseOutputSerializer.Meta.fields,
            "facts",
            "legal_basis",
            "proposal",
            "transitions",
            "opinions",
        ]
        read_only_fields = fields
