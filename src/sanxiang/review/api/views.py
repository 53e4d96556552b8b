"""Review API: cases (list, detail, create — pushed by source systems) and one POST endpoint per
workflow step (``/cases/{id}/submit/``, ``/assign/``, ``/opinion/`` …). Every queryset is scoped to
the requesting user; refusals come back as ``{code, message, extra}`` (409 for a refused step,
e.g. ``review_required`` when the leader decides before the review approved)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from sanxiang.core.access import HasRole

from .. import selectors, services
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


def _valid(serializer_class: type, request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _detail(case: Any) -> Response:
    return Response(CaseDetailOutputSerializer(case).data)


class _Api(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles = REVIEW_ROLES
    serializer_class = CaseOutputSerializer


class CaseListApi(_Api):
    def get_queryset(self):
        params = self.request.query_params
        unreviewed = params.get("unreviewed")
        return selectors.case_list(
            actor=self.request.user,
            status=params.get("status") or None,
            q=params.get("q"),
            unreviewed={"true": True, "false": False}.get(unreviewed or ""),
        )

    @extend_schema(
        operation_id="review_cases_list",
        parameters=[
            OpenApiParameter("status", str),
            OpenApiParameter("q", str),
            OpenApiParameter("unreviewed", bool),
        ],
        responses={200: CaseOutputSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(CaseOutputSerializer(page, many=True).data)

    @extend_schema(
        operation_id="review_cases_create",
        request=CaseCreateInputSerializer,
        responses={201: CaseDetailOutputSerializer},
        description="登记拟作出的决定（源系统推送或手工），系统按审核事项清单判断是否须法制审核。",
    )
    def post(self, request: Request) -> Response:
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
    def post(self, request: Request) -> Response:
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
    def get(self, request: Request, pk: int) -> Response:
        return _detail(selectors.case_get(actor=request.user, pk=pk))


class _ActionApi(_Api):
    """One workflow step: parse the input, call one service, return the case."""

    input_serializer: type = CommentInputSerializer

    def call(self, request: Request, case: Any, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        case = selectors.case_get(actor=request.user, pk=pk, action="change")
        self.call(request, case, _valid(self.input_serializer, request))
        return _detail(selectors.case_get(actor=request.user, pk=pk))


def _action(name: str, input_serializer: type, call: Any, description: str) -> type:
    schema = extend_schema(
        operation_id=f"review_cases_{name}",
        request=input_serializer,
        responses={200: CaseDetailOutputSerializer},
        description=description,
    )
    cls = type(
        f"Case{name.title().replace('_', '')}Api",
        (_ActionApi,),
        {
            "input_serializer": input_serializer,
            "call": lambda self, request, case, data: call(request, case, data),
        },
    )

    def post(self: _ActionApi, request: Request, pk: int) -> Response:
        return _ActionApi.post(self, request, pk)

    cls.post = schema(post)  # a function of its own: the schema decoration is stored on it
    return cls


def _today() -> Any:
    return services.now_date()


CaseSubmitApi = _action(
    "submit",
    CommentInputSerializer,
    lambda r, c, d: services.case_submit(actor=r.user, case=c, today=_today(), comment=d["comment"]),
    "送审（退回后再次调用即重新送审，保留历次意见）。",
)
CaseAssignApi = _action(
    "assign",
    AssignInputSerializer,
    lambda r, c, d: services.case_assign(actor=r.user, case=c, reviewer=d["reviewer"], today=_today()),
    "分配审核人员：不得为承办人员；初次审核须具有法律职业资格。",
)
CaseOpinionApi = _action(
    "opinion",
    OpinionInputSerializer,
    lambda r, c, d: services.review_record_opinion(actor=r.user, case=c, today=_today(), **d),
    "出具审核意见（同意、提出修改意见、退回补充调查、退回重新处理、请示上级），逐项填写审核清单结论。",
)
CaseConfirmChangesApi = _action(
    "confirm_changes",
    CommentInputSerializer,
    lambda r, c, d: services.review_confirm_changes(
        actor=r.user, case=c, today=_today(), comment=d["comment"]
    ),
    "审核人员确认已按修改意见修改。",
)
CaseResumeApi = _action(
    "resume",
    CommentInputSerializer,
    lambda r, c, d: services.case_resume(actor=r.user, case=c, today=_today(), comment=d["comment"]),
    "收到上级答复，恢复审核并重新计算时限。",
)
CaseExtendApi = _action(
    "extend",
    ReasonInputSerializer,
    lambda r, c, d: services.case_extend(actor=r.user, case=c, today=_today(), reason=d["reason"]),
    "延长本阶段时限（一次）。",
)
CaseDeliberateApi = _action(
    "deliberate",
    DeliberationInputSerializer,
    lambda r, c, d: services.deliberation_record(actor=r.user, case=c, **d),
    "登记集体审议：成员单位、出席单位、表决与会议纪要；未达法定人数返回 409 no_quorum。",
)
CaseDecideApi = _action(
    "decide",
    DecideInputSerializer,
    lambda r, c, d: services.case_decide(actor=r.user, case=c, today=_today(), **d),
    "领导决定；须审核而未通过审核的返回 409 review_required。",
)
CaseWithdrawApi = _action(
    "withdraw",
    ReasonInputSerializer,
    lambda r, c, d: services.case_withdraw(actor=r.user, case=c, today=_today(), reason=d["reason"]),
    "撤回案件。",
)
