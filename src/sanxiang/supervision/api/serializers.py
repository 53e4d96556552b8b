"""Supervision API serializers: separate output (read) and input (write) shapes."""

from __future__ import annotations

from typing import cast

from rest_framework import serializers

from ..models import Milestone, ProgressReport, Task, TaskPlan, TaskUnit


class PlanOutputSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="authority.name")
    task_count = serializers.SerializerMethodField()

    class Meta:
        model = TaskPlan
        fields = [
            "id",
            "title",
            "authority",
            "plan_year",
            "status",
            "source_name",
            "imported_at",
            "confirmed_at",
            "task_count",
        ]

    def get_task_count(self, obj: TaskPlan) -> int:
        return obj.tasks.count()


class UnitOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = TaskUnit
        fields = ["name", "role", "match_kind", "department", "external_unit"]


class MilestoneOutputSerializer(serializers.ModelSerializer):
    due = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = Milestone
        fields = [
            "id",
            "label",
            "schedule",
            "planned_date",
            "due",
            "provisional",
            "awaits_event",
            "event_label",
            "event_date",
            "done_at",
        ]


class TaskOutputSerializer(serializers.ModelSerializer):
    owner_department = serializers.CharField(source="owner_department.name", default=None)
    units = UnitOutputSerializer(many=True, read_only=True)
    milestones = MilestoneOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Task
        fields = [
            "id",
            "plan",
            "seq",
            "category",
            "text",
            "level",
            "deadline_text",
            "schedule",
            "status",
            "light",
            "percent",
            "owner_department",
            "units",
            "milestones",
            "closed_at",
        ]


class PlanDetailOutputSerializer(PlanOutputSerializer):
    tasks = serializers.SerializerMethodField()

    class Meta(PlanOutputSerializer.Meta):
        fields = [*PlanOutputSerializer.Meta.fields, "notes", "warnings", "tasks"]

    def get_tasks(self, obj: TaskPlan) -> list[dict]:
        # many=True returns a ReturnList; the stubs type .data as ReturnDict
        return cast(list[dict], TaskOutputSerializer(self.context["tasks"], many=True).data)


class ProgressReportOutputSerializer(serializers.ModelSerializer):
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = ProgressReport
        fields = ["id", "task", "milestone", "text", "percent", "status", "submitted_at", "evidence"]

    def get_evidence(self, obj: ProgressReport) -> list[dict]:
        return [
            {"public_id": str(f.public_id), "name": f.original_name, "sha256": f.sha256}
            for f in obj.evidence.all()
        ]


class ProgressReportInputSerializer(serializers.Serializer):
    text = serializers.CharField()
    percent = serializers.IntegerField(min_value=0, max_value=100)
    milestone = serializers.IntegerField(required=False, allow_null=True)
    evidence = serializers.ListField(child=serializers.FileField(), required=False)
