"""Enforcement API: taxpayers, acts (with upsert by source id) and decisions.

Source systems push acts with ``PUT /api/v1/enforcement/acts/by-source/{system}/{source_id}/``:
the first push creates the act (201), every later push with the same pair updates it (200).
``POST /acts/`` creates an act and refuses a source id that already exists.
Every queryset is scoped to the requesting user (a source token acts as its service user).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from sanxiang.kernel.access import HasRole
from sanxiang.kernel.api_filters import IdFilter, choice_filter, query, text_filter
from sanxiang.kernel.http import StaffRequest

from .. import selectors, services
from ..models import EnforcementAct, Taxpayer
from ..roles import READ_ROLES, WRITE_ROLES
from .serializers import (
    ActCreateInputSerializer,
    ActInputSerializer,
    ActOutputSerializer,
    DecisionCreateInputSerializer,
    DecisionInputSerializer,
    DecisionOutcomeInputSerializer,
    DecisionOutputSerializer,
    TaxpayerInputSerializer,
    TaxpayerOutputSerializer,
)


def _valid(serializer_class: type, request: StaffRequest, *, partial: bool = False) -> Any:
    serializer = serializer_class(data=request.data, partial=partial, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return serializer


class _Api(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles = READ_ROLES
    write_roles = WRITE_ROLES


class TaxpayerQuery(serializers.Serializer):
    q = text_filter(help_text="名称、统一社会信用代码、纳税人识别号或完整身份证号")
    kind = choice_filter(Taxpayer._meta.get_field("kind"))


class ActQuery(serializers.Serializer):
    taxpayer = IdFilter()
    kind = choice_filter(EnforcementAct._meta.get_field("kind"))
    status = choice_filter(EnforcementAct._meta.get_field("status"))
    q = text_filter()


class DecisionQuery(serializers.Serializer):
    act = IdFilter()


class TaxpayerListApi(_Api):
    serializer_class = TaxpayerOutputSerializer

    def get_queryset(self):
        params = query(self.request, TaxpayerQuery)
        return selectors.taxpayer_list(actor=self.request.user, q=params.get("q"), kind=params.get("kind"))

    @extend_schema(
        operation_id="enforcement_taxpayers_list",
        parameters=[TaxpayerQuery],
        responses={200: TaxpayerOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(TaxpayerOutputSerializer(page, many=True).data)

    @extend_schema(
        operation_id="enforcement_taxpayers_create",
        request=TaxpayerInputSerializer,
        responses={201: TaxpayerOutputSerializer},
    )
    def post(self, request: StaffRequest) -> Response:
        data = _valid(TaxpayerInputSerializer, request).validated_data
        taxpayer = services.taxpayer_create(actor=request.user, **data)
        return Response(TaxpayerOutputSerializer(taxpayer).data, status=status.HTTP_201_CREATED)


class TaxpayerDetailApi(_Api):
    serializer_class = TaxpayerOutputSerializer

    @extend_schema(operation_id="enforcement_taxpayers_retrieve", responses={200: TaxpayerOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        return Response(TaxpayerOutputSerializer(selectors.taxpayer_get(actor=request.user, pk=pk)).data)

    @extend_schema(
        operation_id="enforcement_taxpayers_partial_update",
        request=TaxpayerInputSerializer(partial=True),
        responses={200: TaxpayerOutputSerializer},
    )
    def patch(self, request: StaffRequest, pk: int) -> Response:
        taxpayer = selectors.taxpayer_get(actor=request.user, pk=pk, action="change")
        data = _valid(TaxpayerInputSerializer, request, partial=True).validated_data
        taxpayer = services.taxpayer_update(actor=request.user, taxpayer=taxpayer, data=data)
        return Response(TaxpayerOutputSerializer(taxpayer).data)


class ActListApi(_Api):
    serializer_class = ActOutputSerializer

    def get_queryset(self):
        params = query(self.request, ActQuery)
        qs = selectors.act_list(
            actor=self.request.user,
            kind=params.get("kind"),
            status=params.get("status"),
            q=params.get("q"),
        )
        if "taxpayer" in params:
            qs = qs.filter(taxpayer_id=params["taxpayer"])
        return qs.select_related("matter_ticket").prefetch_related("officer_links__user")

    @extend_schema(
        operation_id="enforcement_acts_list",
        parameters=[ActQuery],
        responses={200: ActOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ActOutputSerializer(page, many=True).data)

    @extend_schema(
        operation_id="enforcement_acts_create",
        request=ActCreateInputSerializer,
        responses={201: ActOutputSerializer},
        description="登记执法行为。源系统推送请使用 PUT /acts/by-source/{system}/{source_id}/（重复推送即更新）。",
    )
    def post(self, request: StaffRequest) -> Response:
        data, officers = _valid(ActCreateInputSerializer, request).to_service()
        act = services.act_create(actor=request.user, officers=officers or (), **data)
        return Response(ActOutputSerializer(act).data, status=status.HTTP_201_CREATED)


class ActDetailApi(_Api):
    serializer_class = ActOutputSerializer

    @extend_schema(operation_id="enforcement_acts_retrieve", responses={200: ActOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        return Response(ActOutputSerializer(selectors.act_get(actor=request.user, pk=pk)).data)

    @extend_schema(
        operation_id="enforcement_acts_partial_update",
        request=ActInputSerializer(partial=True),
        responses={200: ActOutputSerializer},
    )
    def patch(self, request: StaffRequest, pk: int) -> Response:
        act = selectors.act_get(actor=request.user, pk=pk, action="change")
        data, officers = _valid(ActInputSerializer, request, partial=True).to_service()
        act = services.act_update(actor=request.user, act=act, data=data, officers=officers)
        return Response(ActOutputSerializer(act).data)


class ActBySourceApi(_Api):
    serializer_class = ActOutputSerializer

    @extend_schema(
        operation_id="enforcement_acts_upsert_by_source",
        request=ActInputSerializer,
        responses={201: ActOutputSerializer, 200: ActOutputSerializer},
        description="按来源系统编号推送执法行为：首次推送新建（201），再次推送同一编号即更新（200），幂等。",
    )
    def put(self, request: StaffRequest, system: str, source_id: str) -> Response:
        data, officers = _valid(ActInputSerializer, request).to_service()
        act, created = services.act_upsert_from_source(
            actor=request.user, source_system=system, source_id=source_id, data=data, officers=officers
        )
        return Response(
            ActOutputSerializer(act).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class DecisionListApi(_Api):
    serializer_class = DecisionOutputSerializer

    def get_queryset(self):
        qs = selectors.decision_list(actor=self.request.user)
        params = query(self.request, DecisionQuery)
        return qs.filter(act_id=params["act"]) if "act" in params else qs

    @extend_schema(
        operation_id="enforcement_decisions_list",
        parameters=[DecisionQuery],
        responses={200: DecisionOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(DecisionOutputSerializer(page, many=True).data)

    @extend_schema(
        operation_id="enforcement_decisions_create",
        request=DecisionCreateInputSerializer,
        responses={201: DecisionOutputSerializer},
    )
    def post(self, request: StaffRequest) -> Response:
        data = dict(_valid(DecisionCreateInputSerializer, request).validated_data)
        decision = services.decision_create(actor=request.user, **data)
        return Response(DecisionOutputSerializer(decision).data, status=status.HTTP_201_CREATED)


class DecisionDetailApi(_Api):
    serializer_class = DecisionOutputSerializer

    @extend_schema(operation_id="enforcement_decisions_retrieve", responses={200: DecisionOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        return Response(DecisionOutputSerializer(selectors.decision_get(actor=request.user, pk=pk)).data)

    @extend_schema(
        operation_id="enforcement_decisions_partial_update",
        request=DecisionInputSerializer(partial=True),
        responses={200: DecisionOutputSerializer},
    )
    def patch(self, request: StaffRequest, pk: int) -> Response:
        decision = selectors.decision_get(actor=request.user, pk=pk, action="change")
        data = _valid(DecisionInputSerializer, request, partial=True).validated_data
        decision = services.decision_update(actor=request.user, decision=decision, data=data)
        return Response(DecisionOutputSerializer(decision).data)


class DecisionOutcomeApi(_Api):
    serializer_class = DecisionOutputSerializer

    @extend_schema(
        operation_id="enforcement_decisions_record_outcome",
        request=DecisionOutcomeInputSerializer,
        responses={200: DecisionOutputSerializer},
        description="登记决定被变更、撤销、确认违法或确认无效（行政处罚法第四十八条）。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        decision = selectors.decision_get(actor=request.user, pk=pk, action="change")
        data = _valid(DecisionOutcomeInputSerializer, request).validated_data
        decision = services.decision_record_outcome(actor=request.user, decision=decision, **data)
        return Response(DecisionOutputSerializer(decision).data)
