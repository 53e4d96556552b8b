"""Supervision API: plans and tasks (scoped reads) and the progress-report action endpoint."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from sanxiang.kernel.access import HasRole
from sanxiang.kernel.api_filters import IdFilter, choice_filter, query
from sanxiang.kernel.http import StaffRequest

from .. import selectors, services
from ..models import Task
from .serializers import (
    PlanDetailOutputSerializer,
    PlanOutputSerializer,
    ProgressReportInputSerializer,
    ProgressReportOutputSerializer,
    TaskOutputSerializer,
)


class _Api(generics.GenericAPIView):
    # Any signed-in staff member; scope and roles are checked by the selectors and services.
    permission_classes = [HasRole]


class PlanListApi(_Api):
    serializer_class = PlanOutputSerializer

    @extend_schema(operation_id="supervision_plans_list", responses={200: PlanOutputSerializer(many=True)})
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(selectors.plan_list(actor=request.user))
        return self.get_paginated_response(PlanOutputSerializer(page, many=True).data)


class PlanDetailApi(_Api):
    serializer_class = PlanDetailOutputSerializer

    @extend_schema(operation_id="supervision_plans_retrieve", responses={200: PlanDetailOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        plan = selectors.plan_get(actor=request.user, pk=pk)
        tasks = selectors.task_list(actor=request.user, plan=plan)
        return Response(PlanDetailOutputSerializer(plan, context={"tasks": tasks}).data)


class TaskQuery(serializers.Serializer):
    plan = IdFilter()
    status = choice_filter(Task._meta.get_field("status"))


class TaskListApi(_Api):
    serializer_class = TaskOutputSerializer

    @extend_schema(
        operation_id="supervision_tasks_list",
        parameters=[TaskQuery],
        responses={200: TaskOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        params = query(request, TaskQuery)
        qs = selectors.task_list(actor=request.user, status=params.get("status"))
        if "plan" in params:
            qs = qs.filter(plan_id=params["plan"])
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(TaskOutputSerializer(page, many=True).data)


class TaskDetailApi(_Api):
    serializer_class = TaskOutputSerializer

    @extend_schema(operation_id="supervision_tasks_retrieve", responses={200: TaskOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        task = selectors.task_list(actor=request.user).filter(pk=pk).first() or selectors.task_get(
            actor=request.user, pk=pk
        )
        return Response(TaskOutputSerializer(task).data)


class ProgressReportCreateApi(_Api):
    """``POST /tasks/{id}/progress-reports/``: report progress, with evidence files (multipart)."""

    serializer_class = ProgressReportInputSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        operation_id="supervision_tasks_progress_report",
        request={
            "multipart/form-data": ProgressReportInputSerializer,
            "application/json": ProgressReportInputSerializer,
        },
        responses={201: ProgressReportOutputSerializer},
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        task = selectors.task_get(actor=request.user, pk=pk, action="report")
        serializer = ProgressReportInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        milestone = task.milestones.filter(pk=data["milestone"]).first() if data.get("milestone") else None
        report = services.progress_report_create(
            actor=request.user,
            task=task,
            text=data["text"],
            percent=data["percent"],
            milestone=milestone,
            uploads=request.FILES.getlist("evidence"),
            today=timezone.localdate(),
        )
        return Response(ProgressReportOutputSerializer(report).data, status=status.HTTP_201_CREATED)
