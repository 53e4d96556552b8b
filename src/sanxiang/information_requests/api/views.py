"""Disclosure-request API: scoped reads, staff entry, and one explicit endpoint per workflow action
(``POST /api/v1/information-requests/requests/{id}/<action>/``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from sanxiang.kernel.access import HasRole, authorities_in_scope
from sanxiang.kernel.http import StaffRequest
from sanxiang.org.models import Department

from .. import selectors, services
from . import serializers as s

HANDLERS = ("open_government_officer", "open_government_head")
READERS = (*HANDLERS, "legal_reviewer")


class _Api(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles: tuple[str, ...] = READERS
    write_roles: tuple[str, ...] = HANDLERS


class RequestListApi(_Api):
    serializer_class = s.RequestOutputSerializer

    @extend_schema(
        operation_id="information_requests_list", responses={200: s.RequestOutputSerializer(many=True)}
    )
    def get(self, request: StaffRequest) -> Response:
        status_filter = request.query_params.get("status", "")
        page = self.paginate_queryset(
            selectors.request_list(actor=request.user, status=status_filter).select_related("reply")
        )
        return self.get_paginated_response(s.RequestOutputSerializer(page, many=True).data)

    @extend_schema(
        operation_id="information_requests_create",
        request=s.RequestCreateInputSerializer,
        responses={201: s.RequestCreatedOutputSerializer},
    )
    def post(self, request: StaffRequest) -> Response:
        data_in = s.RequestCreateInputSerializer(data=request.data)
        data_in.is_valid(raise_exception=True)
        data = dict(data_in.validated_data)
        authority = request.user.authority or authorities_in_scope(request.user).first()
        created, token = services.request_create_by_staff(
            actor=request.user,
            authority=authority,
            channel=data.pop("channel"),
            today=timezone.localdate(),
            submitted_on=data.pop("submitted_on", None),
            signed_for_on=data.pop("signed_for_on", None),
            confirmed_on=data.pop("confirmed_on", None),
            mail_received_on=data.pop("mail_received_on", None),
            data=data,
        )
        return Response(
            {"id": created.pk, "code": created.code, "token": token}, status=status.HTTP_201_CREATED
        )


class RequestDetailApi(_Api):
    serializer_class = s.RequestOutputSerializer
    required_roles = ()  # the holding department reads its request through a grant

    @extend_schema(operation_id="information_requests_retrieve", responses={200: s.RequestOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        return Response(s.RequestOutputSerializer(selectors.request_get(actor=request.user, pk=pk)).data)


def _one(qs: Any, pk: int) -> Any:
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def _today() -> Any:
    return timezone.localdate()


Call = Callable[[StaffRequest, Any, dict[str, Any]], Any]

ACTIONS: dict[str, tuple[type[serializers.Serializer], Call, tuple[str, ...]]] = {
    "register": (
        s.RegisterInputSerializer,
        lambda r, i, d: services.request_register(actor=r.user, request=i, today=_today(), **d),
        HANDLERS,
    ),
    "assign": (
        s.AssignInputSerializer,
        lambda r, i, d: services.request_assign(
            actor=r.user,
            request=i,
            department=_one(Department.objects.filter(authority=i.authority), d["department"]),
            instructions=d["instructions"],
        ),
        HANDLERS,
    ),
    "correction-notice": (
        s.CorrectionNoticeInputSerializer,
        lambda r, i, d: services.request_correction_notice(actor=r.user, request=i, today=_today(), **d),
        HANDLERS,
    ),
    "correction-received": (
        s.DateInputSerializer,
        lambda r, i, d: services.request_correction_received(actor=r.user, request=i, today=_today(), **d),
        HANDLERS,
    ),
    "extend": (
        s.ExtendInputSerializer,
        lambda r, i, d: services.request_extend(actor=r.user, request=i, today=_today(), **d),
        ("open_government_head",),
    ),
    "consultations": (
        s.ConsultInputSerializer,
        lambda r, i, d: services.consultation_send(actor=r.user, request=i, today=_today(), **d),
        HANDLERS,
    ),
    "consultation-replies": (
        s.ConsultReplyInputSerializer,
        lambda r, i, d: services.consultation_reply(
            actor=r.user,
            consultation=_one(i.consultations, d["consultation"]),
            on=d["on"],
            opinion=d["opinion"],
            today=_today(),
        ),
        HANDLERS,
    ),
    "fee-notice": (
        s.FeeInputSerializer,
        lambda r, i, d: services.fee_notice_send(actor=r.user, request=i, today=_today(), **d),
        HANDLERS,
    ),
    "fee-paid": (
        s.DateInputSerializer,
        lambda r, i, d: services.fee_paid(actor=r.user, request=i, today=_today(), **d),
        HANDLERS,
    ),
    "route-away": (
        s.RouteAwayInputSerializer,
        lambda r, i, d: services.request_route_away(actor=r.user, request=i, today=_today(), **d),
        HANDLERS,
    ),
    "draft": (
        s.DraftInputSerializer,
        lambda r, i, d: services.reply_draft(
            actor=r.user, request=i, **{**d, "redactions": [dict(x) for x in d["redactions"]]}
        ),
        HANDLERS,
    ),
    "review": (
        s.ReviewInputSerializer,
        lambda r, i, d: services.reply_review(actor=r.user, request=i, **d),
        ("legal_reviewer", "open_government_head"),
    ),
    "approve": (
        s.EmptyInputSerializer,
        lambda r, i, d: services.reply_approve(actor=r.user, request=i, comment=d["comment"]),
        ("open_government_head",),
    ),
    "return": (
        s.EmptyInputSerializer,
        lambda r, i, d: services.reply_return(actor=r.user, request=i, comment=d["comment"]),
        ("legal_reviewer", "open_government_head"),
    ),
    "issue": (
        s.DateInputSerializer,
        lambda r, i, d: services.reply_issue(actor=r.user, request=i, today=_today(), **d),
        HANDLERS,
    ),
    "deliver": (
        s.DeliverInputSerializer,
        lambda r, i, d: services.reply_deliver(actor=r.user, request=i, **d),
        HANDLERS,
    ),
    "archive": (
        s.EmptyInputSerializer,
        lambda r, i, d: services.request_archive(actor=r.user, request=i),
        HANDLERS,
    ),
    "remedies": (
        s.RemedyInputSerializer,
        lambda r, i, d: services.remedy_record(actor=r.user, request=i, **d),
        HANDLERS,
    ),
    "remedy-outcomes": (
        s.RemedyDecideInputSerializer,
        lambda r, i, d: services.remedy_decide(
            actor=r.user,
            remedy=_one(i.remedies, d["remedy"]),
            outcome=d["outcome"],
            decided_on=d["decided_on"],
        ),
        HANDLERS,
    ),
}


def _action_view(name: str) -> type[_Api]:
    serializer, call, roles = ACTIONS[name]

    class ActionApi(_Api):
        serializer_class = serializer
        write_roles = roles
        # JSON bodies; the one action that takes a file (deliver: the proof of delivery) also forms.
        parser_classes = (
            [JSONParser, MultiPartParser, FormParser]
            if any(isinstance(f, serializers.FileField) for f in serializer().fields.values())
            else [JSONParser]
        )

        @extend_schema(
            operation_id=f"information_requests_{name.replace('-', '_')}",
            request=serializer,
            responses={200: s.RequestOutputSerializer},
        )
        def post(self, request: StaffRequest, pk: int) -> Response:
            item = selectors.request_get(actor=request.user, pk=pk)
            data_in = serializer(data=request.data)
            data_in.is_valid(raise_exception=True)
            call(request, item, dict(data_in.validated_data))
            item.refresh_from_db()
            return Response(s.RequestOutputSerializer(selectors.request_get(actor=request.user, pk=pk)).data)

    ActionApi.__name__ = ActionApi.__qualname__ = "".join(p.title() for p in name.split("-")) + "Api"
    return ActionApi


ACTION_VIEWS = {name: _action_view(name) for name in ACTIONS}
