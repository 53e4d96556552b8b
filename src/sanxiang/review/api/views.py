"""Review API: cases (list, detail, create — pushed by source systems) and one POST endpoint per
workflow step (``/cases/{id}/submit/``, ``/assign/``, ``/opinion/`` …). Every queryset is scoped to
the requesting user; refusals come back as ``{code, message, extra}`` (409 for a refused step,
e.g. ``review_required`` when the leader decides before the review approved)."""

from __future__ import annotations

import datetime
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from sanxiang.kernel.access import HasRole
from sanxiang.kernel.api_filters import choice_filter, query, text_filter
from sanxiang.kernel.http import StaffRequest

from .. import selectors, services
from ..models import ReviewCase
from ..roles import REVIEW_ROLES
from .serializers import (
    AssignInputSerializer,
    CaseCreateInputSerializer,
    CaseDetailOutputSerializer,
    CaseOutputSerializer,
    CommentInputSerializer,
    DecideInputSerializer,
    DeliberationInputSerializer,
    IssuedDecisionInputSerializer,
    OpinionInputSerializer,
    ReasonInputSerializer,
)


def _valid(serializer_class: type, request: StaffRequest) -> dict[str, Any]:
    serializer = serializer_class(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _detail(case: Any) -> Response:
    return Response(CaseDetailOutputSerializer(case).data)


class _Api(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles = REVIEW_ROLES
    serializer_class = CaseOutputSerializer


class CaseQuery(serializers.Serializer):
    status = choice_filter(ReviewCase._meta.get_field("status"))
    q = text_filter()
    unreviewed = serializers.BooleanField(required=False, allow_null=True, default=None)


class CaseListApi(_Api):
    def get_queryset(self):
        params = query(self.request, CaseQuery)
        return selectors.case_list(
            actor=self.request.user,
            status=params.get("status"),
            q=params.get("q"),
            unreviewed=params.get("unreviewed"),
        )

    @extend_schema(
        operation_id="review_cases_list",
        parameters=[CaseQuery],
        responses={200: CaseOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(CaseOutputSerializer(page, many=True).data)

    @extend_schema(
        operation_id="review_cases_create",
        request=CaseCreateInputSerializer,
        responses={201: CaseDetailOutputSerializer},
        description="登记拟作出的决定（源系统推送或手工），系统按审核事项清单判断是否须法制审核。",
    )
    def post(self, request: StaffRequest) -> Response:
        data = _valid(CaseCreateInputSerializer, request)
        case = services.case_create(actor=request.user, today=services.now_date(), **data)
        return Response(CaseDetailOutputSerializer(case).data, status=status.HTTP_201_CREATED)


class IssuedDecisionApi(_Api):
    @extend_schema(
        operation_id="review_cases_accept_issued",
        request=IssuedDecisionInputSerializer,
        responses={201: CaseDetailOutputSerializer},
        description="源系统报告已作出的决定：作为事实接收；须审核而未审核的标记为“应审未审”。",
    )
    def post(self, request: StaffRequest) -> Response:
        data = _valid(IssuedDecisionInputSerializer, request)
        case = services.case_accept_issued(
            actor=request.user,
            decision=data["decision"],
            conditions=data["conditions"],
            today=services.now_date(),
        )
        return Response(CaseDetailOutputSerializer(case).data, status=status.HTTP_201_CREATED)


class CaseDetailApi(_Api):
    @extend_schema(operation_id="review_cases_retrieve", responses={200: CaseDetailOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        return _detail(selectors.case_get(actor=request.user, pk=pk))


def _today() -> datetime.date:
    return services.now_date()


class _ActionApi(_Api):
    """One workflow step: parse the input with ``input_serializer``, call one service (``call``),
    return the case. Each subclass declares its own ``post`` so that its OpenAPI schema is its own."""

    input_serializer: type[serializers.Serializer] = CommentInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def act(self, request: StaffRequest, pk: int) -> Response:
        case = selectors.case_get(actor=request.user, pk=pk, action="change")
        self.call(request, case, _valid(self.input_serializer, request))
        return _detail(selectors.case_get(actor=request.user, pk=pk))


class CaseSubmitApi(_ActionApi):
    input_serializer = CommentInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.case_submit(actor=request.user, case=case, today=_today(), comment=data["comment"])

    @extend_schema(
        operation_id="review_cases_submit",
        request=CommentInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="送审（退回后再次调用即重新送审，保留历次意见）。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)


class CaseAssignApi(_ActionApi):
    input_serializer = AssignInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.case_assign(actor=request.user, case=case, reviewer=data["reviewer"], today=_today())

    @extend_schema(
        operation_id="review_cases_assign",
        request=AssignInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="分配审核人员：不得为承办人员；初次审核须具有法律职业资格。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)


class CaseOpinionApi(_ActionApi):
    input_serializer = OpinionInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.review_record_opinion(actor=request.user, case=case, today=_today(), **data)

    @extend_schema(
        operation_id="review_cases_opinion",
        request=OpinionInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="出具审核意见（同意、提出修改意见、退回补充调查、退回重新处理、请示上级），逐项填写审核清单结论。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)


class CaseConfirmChangesApi(_ActionApi):
    input_serializer = CommentInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.review_confirm_changes(
            actor=request.user, case=case, today=_today(), comment=data["comment"]
        )

    @extend_schema(
        operation_id="review_cases_confirm_changes",
        request=CommentInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="审核人员确认已按修改意见修改。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)


class CaseResumeApi(_ActionApi):
    input_serializer = CommentInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.case_resume(actor=request.user, case=case, today=_today(), comment=data["comment"])

    @extend_schema(
        operation_id="review_cases_resume",
        request=CommentInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="收到上级答复，恢复审核并重新计算时限。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)


class CaseExtendApi(_ActionApi):
    input_serializer = ReasonInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.case_extend(actor=request.user, case=case, today=_today(), reason=data["reason"])

    @extend_schema(
        operation_id="review_cases_extend",
        request=ReasonInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="延长本阶段时限（一次）。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)


class CaseDeliberateApi(_ActionApi):
    input_serializer = DeliberationInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.deliberation_record(actor=request.user, case=case, **data)

    @extend_schema(
        operation_id="review_cases_deliberate",
        request=DeliberationInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="登记集体审议：成员单位、出席单位、表决与会议纪要；未达法定人数返回 409 no_quorum。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)


class CaseDecideApi(_ActionApi):
    input_serializer = DecideInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.case_decide(actor=request.user, case=case, today=_today(), **data)

    @extend_schema(
        operation_id="review_cases_decide",
        request=DecideInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="领导决定；须审核而未通过审核的返回 409 review_required。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)


class CaseWithdrawApi(_ActionApi):
    input_serializer = ReasonInputSerializer

    def call(self, request: StaffRequest, case: ReviewCase, data: dict[str, Any]) -> None:
        services.case_withdraw(actor=request.user, case=case, today=_today(), reason=data["reason"])

    @extend_schema(
        operation_id="review_cases_withdraw",
        request=ReasonInputSerializer,
        responses={200: CaseDetailOutputSerializer},
        description="撤回案件。",
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        return self.act(request, pk)
