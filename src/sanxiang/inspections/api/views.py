"""Random-inspection API: directories (read, target upsert), plans, draws (commit, run)."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from sanxiang.enforcement.models import Taxpayer
from sanxiang.kernel.access import HasRole, get_visible_or_404
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.http import StaffRequest

from .. import selectors, services
from ..models import Directory, Draw, InspectionPlan
from .serializers import (
    InspectionDirectoryOutputSerializer,
    InspectionDrawInputSerializer,
    InspectionDrawOutputSerializer,
    InspectionPlanOutputSerializer,
    InspectionTargetInputSerializer,
    InspectionTargetOutputSerializer,
)


class _Api(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles = (RoleCode.INSPECTION_ORGANISER, RoleCode.LEADER, RoleCode.ADMINISTRATOR)
    write_roles = (RoleCode.INSPECTION_ORGANISER, RoleCode.ADMINISTRATOR)


class DirectoryListApi(_Api):
    serializer_class = InspectionDirectoryOutputSerializer

    @extend_schema(
        operation_id="inspections_directories_list",
        responses={200: InspectionDirectoryOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(selectors.directory_list(actor=request.user))
        return self.get_paginated_response(InspectionDirectoryOutputSerializer(page, many=True).data)


class TargetUpsertApi(_Api):
    """``POST /directories/{id}/targets/``: put a taxpayer into a target directory (idempotent)."""

    serializer_class = InspectionTargetInputSerializer

    @extend_schema(
        operation_id="inspections_targets_upsert",
        request=InspectionTargetInputSerializer,
        responses={200: InspectionTargetOutputSerializer},
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        directory = get_visible_or_404(Directory, request.user, pk=pk, action="import")
        serializer = InspectionTargetInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        taxpayer = get_visible_or_404(Taxpayer, request.user, pk=data.pop("taxpayer"))
        entry = services.target_upsert(actor=request.user, directory=directory, taxpayer=taxpayer, data=data)
        return Response(InspectionTargetOutputSerializer(entry).data)


class PlanListApi(_Api):
    serializer_class = InspectionPlanOutputSerializer

    @extend_schema(
        operation_id="inspections_plans_list", responses={200: InspectionPlanOutputSerializer(many=True)}
    )
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(selectors.plan_list(actor=request.user))
        return self.get_paginated_response(InspectionPlanOutputSerializer(page, many=True).data)


class DrawCommitApi(_Api):
    """``POST /plans/{id}/draws/``: freeze a snapshot and commit a target draw's inputs to the log."""

    serializer_class = InspectionDrawInputSerializer

    @extend_schema(
        operation_id="inspections_draws_commit",
        request=InspectionDrawInputSerializer,
        responses={201: InspectionDrawOutputSerializer},
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        plan = get_visible_or_404(InspectionPlan, request.user, pk=pk, action="draw")
        serializer = InspectionDrawInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        directory = get_visible_or_404(Directory, request.user, pk=data["directory"])
        today = timezone.localdate()
        snapshot = services.snapshot_take(actor=request.user, directory=directory, today=today)
        draw = services.draw_commit(
            actor=request.user,
            plan=plan,
            snapshot=snapshot,
            title=data["title"],
            mode=data["mode"],
            today=today,
            filters=data.get("filters") or {},
            count=data.get("count"),
            ratio=data.get("ratio"),
            weights=data.get("weights") or [],
        )
        return Response(InspectionDrawOutputSerializer(draw).data, status=status.HTTP_201_CREATED)


class DrawListApi(_Api):
    serializer_class = InspectionDrawOutputSerializer

    @extend_schema(
        operation_id="inspections_draws_list", responses={200: InspectionDrawOutputSerializer(many=True)}
    )
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(selectors.draw_list(actor=request.user))
        return self.get_paginated_response(InspectionDrawOutputSerializer(page, many=True).data)


class DrawDetailApi(_Api):
    serializer_class = InspectionDrawOutputSerializer

    @extend_schema(operation_id="inspections_draws_retrieve", responses={200: InspectionDrawOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        return Response(InspectionDrawOutputSerializer(get_visible_or_404(Draw, request.user, pk=pk)).data)


class DrawRunApi(_Api):
    """``POST /draws/{id}/run/``: run a committed draw (refused before a later signed checkpoint)."""

    serializer_class = InspectionDrawOutputSerializer

    @extend_schema(
        operation_id="inspections_draws_run", request=None, responses={200: InspectionDrawOutputSerializer}
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        draw = get_visible_or_404(Draw, request.user, pk=pk, action="run")
        draw = services.draw_run(actor=request.user, draw=draw, today=timezone.localdate())
        return Response(InspectionDrawOutputSerializer(draw).data)
