"""Input and output serializers of the random-inspection API (never shared between read and write)."""

from __future__ import annotations

from rest_framework import serializers

from ..choices import AbnormalReason, DrawMode, RiskLevel, Scale, TargetClass
from ..models import Directory, Draw, InspectionPlan, TargetEntry


class InspectionDirectoryOutputSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="authority.name")

    class Meta:
        model = Directory
        fields = ["id", "authority", "kind", "name", "version"]


class InspectionTargetInputSerializer(serializers.Serializer):
    taxpayer = serializers.IntegerField(help_text="纳税人编号")
    target_class = serializers.ChoiceField(choices=TargetClass.choices)
    industry = serializers.CharField(required=False, allow_blank=True, max_length=60)
    scale = serializers.ChoiceField(choices=Scale.choices, required=False, allow_blank=True)
    tax_paid = serializers.DictField(child=serializers.CharField(), required=False)
    abnormal_reasons = serializers.ListField(
        child=serializers.ChoiceField(choices=AbnormalReason.choices), required=False
    )
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices, required=False)
    credit_grade = serializers.CharField(required=False, allow_blank=True, max_length=2)
    last_inspected_on = serializers.DateField(required=False, allow_null=True)


class InspectionTargetOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = TargetEntry
        fields = [
            "id",
            "taxpayer",
            "target_class",
            "industry",
            "scale",
            "abnormal_reasons",
            "risk_level",
            "last_inspected_on",
        ]


class InspectionPlanOutputSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="authority.name")

    class Meta:
        model = InspectionPlan
        fields = ["id", "authority", "year", "title", "status", "ratios", "published_leaf_index"]


class InspectionDrawInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    directory = serializers.IntegerField(help_text="名录库编号（分类或异常名录库）")
    mode = serializers.ChoiceField(choices=DrawMode.choices)
    filters = serializers.DictField(required=False, help_text="筛选条件，见 lib/draw.py")
    count = serializers.IntegerField(required=False, min_value=1)
    ratio = serializers.RegexField(r"^(0(\.\d{1,4})?|1(\.0{1,4})?)$", required=False)
    weights = serializers.ListField(child=serializers.DictField(), required=False)

    def validate(self, attrs: dict) -> dict:
        if ("count" in attrs) == ("ratio" in attrs):
            raise serializers.ValidationError("请填写抽取数量或抽取比例（二选一）。")
        return attrs


class InspectionDrawOutputSerializer(serializers.ModelSerializer):
    snapshot_hash = serializers.CharField(source="snapshot.snapshot_hash")

    class Meta:
        model = Draw
        fields = [
            "id",
            "plan",
            "kind",
            "mode",
            "title",
            "status",
            "snapshot_hash",
            "filters",
            "count",
            "ratio",
            "weights",
            "algorithm",
            "secret_hash",
            "commitment_leaf_index",
            "checkpoint_size",
            "checkpoint_root",
            "result",
            "eligible",
            "result_leaf_index",
            "committed_at",
            "drawn_at",
        ]
