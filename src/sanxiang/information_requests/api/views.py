"""Disclosure-request API: scoped reads, staff entry, and one explicit endpoint per workflow action
(``POST /api/v1/information-requests/requests/{id}/<action>/``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from sanxiang.kernel.access import HasRole, authorities_in_scope
from sanxiang.kernel.http import StaffRequest
from sanxiang.org.models import Department

from .. import selectors, services
from ..models import InformationRequest
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


# One workflow action on one request: validate the body with ``serializer_class``, call the
# action's service (``act``), answer with the request as it now stands. (A comment, not a
# docstring: drf-spectacular would publish a docstring as every action's description.)
class _ActionApi(_Api):
    # JSON bodies; the one action that takes a file (deliver: the proof of delivery) also forms.
    parser_classes = [JSONParser]

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        raise NotImplementedError

    def post(self, request: StaffRequest, pk: int) -> Response:
        item = selectors.request_get(actor=request.user, pk=pk)
        data_in = self.get_serializer_class()(data=request.data)
        data_in.is_valid(raise_exception=True)
        self.act(request, item, dict(data_in.validated_data))
        item.refresh_from_db()
        return Response(s.RequestOutputSerializer(selectors.request_get(actor=request.user, pk=pk)).data)


def _action_schema(name: str) -> Callable[[type[_ActionApi]], type[_ActionApi]]:
    """The action's OpenAPI operation: ``information_requests_<name>``, its body, the request back."""

    def decorate(view: type[_ActionApi]) -> type[_ActionApi]:
        return extend_schema_view(
            post=extend_schema(
                operation_id=f"information_requests_{name.replace('-', '_')}",
                request=view.serializer_class,
                responses={200: s.RequestOutputSerializer},
            )
        )(view)

    return decorate


@_action_schema("register")
class RegisterApi(_ActionApi):
    serializer_class = s.RegisterInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.request_register(actor=request.user, request=item, today=_today(), **data)


@_action_schema("assign")
class AssignApi(_ActionApi):
    serializer_class = s.AssignInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.request_assign(
            actor=request.user,
            request=item,
            department=_one(Department.objects.filter(authority=item.authority), data["department"]),
            instructions=data["instructions"],
        )


@_action_schema("correction-notice")
class CorrectionNoticeApi(_ActionApi):
    serializer_class = s.CorrectionNoticeInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.request_correction_notice(actor=request.user, request=item, today=_today(), **data)


@_action_schema("correction-received")
class CorrectionReceivedApi(_ActionApi):
    serializer_class = s.DateInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.request_correction_received(actor=request.user, request=item, today=_today(), **data)


@_action_schema("extend")
class ExtendApi(_ActionApi):
    serializer_class = s.ExtendInputSerializer
    write_roles = ("open_government_head",)

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.request_extend(actor=request.user, request=item, today=_today(), **data)


@_action_schema("consultations")
class ConsultationsApi(_ActionApi):
    serializer_class = s.ConsultInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.consultation_send(actor=request.user, request=item, today=_today(), **data)


@_action_schema("consultation-replies")
class ConsultationRepliesApi(_ActionApi):
    serializer_class = s.ConsultReplyInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.consultation_reply(
            actor=request.user,
            consultation=_one(item.consultations, data["consultation"]),
            on=data["on"],
            opinion=data["opinion"],
            today=_today(),
        )


@_action_schema("fee-notice")
class FeeNoticeApi(_ActionApi):
    serializer_class = s.FeeInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.fee_notice_send(actor=request.user, request=item, today=_today(), **data)


@_action_schema("fee-paid")
class FeePaidApi(_ActionApi):
    serializer_class = s.DateInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.fee_paid(actor=request.user, request=item, today=_today(), **data)


@_action_schema("route-away")
class RouteAwayApi(_ActionApi):
    serializer_class = s.RouteAwayInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.request_route_away(actor=request.user, request=item, today=_today(), **data)


@_action_schema("draft")
class DraftApi(_ActionApi):
    serializer_class = s.DraftInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.reply_draft(
            actor=request.user, request=item, **{**data, "redactions": [dict(x) for x in data["redactions"]]}
        )


@_action_schema("review")
class ReviewApi(_ActionApi):
    serializer_class = s.ReviewInputSerializer
    write_roles = ("legal_reviewer", "open_government_head")

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.reply_review(actor=request.user, request=item, **data)


@_action_schema("approve")
class ApproveApi(_ActionApi):
    serializer_class = s.EmptyInputSerializer
    write_roles = ("open_government_head",)

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.reply_approve(actor=request.user, request=item, comment=data["comment"])


@_action_schema("return")
class ReturnApi(_ActionApi):
    serializer_class = s.EmptyInputSerializer
    write_roles = ("legal_reviewer", "open_government_head")

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.reply_return(actor=request.user, request=item, comment=data["comment"])


@_action_schema("issue")
class IssueApi(_ActionApi):
    serializer_class = s.DateInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.reply_issue(actor=request.user, request=item, today=_today(), **data)


@_action_schema("deliver")
class DeliverApi(_ActionApi):
    serializer_class = s.DeliverInputSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.reply_deliver(actor=request.user, request=item, **data)


@_action_schema("archive")
class ArchiveApi(_ActionApi):
    serializer_class = s.EmptyInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.request_archive(actor=request.user, request=item)


@_action_schema("remedies")
class RemediesApi(_ActionApi):
    serializer_class = s.RemedyInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.remedy_record(actor=request.user, request=item, **data)


@_action_schema("remedy-outcomes")
class RemedyOutcomesApi(_ActionApi):
    serializer_class = s.RemedyDecideInputSerializer

    def act(self, request: StaffRequest, item: InformationRequest, data: dict[str, Any]) -> object:
        return services.remedy_decide(
            actor=request.user,
            remedy=_one(item.remedies, data["remedy"]),
            outcome=data["outcome"],
            decided_on=data["decided_on"],
        )


# URL name suffix -> view, in the order of the URLconf (and so of the OpenAPI schema).
ACTION_VIEWS: dict[str, type[_ActionApi]] = {
    "register": RegisterApi,
    "assign": AssignApi,
    "correction-notice": CorrectionNoticeApi,
    "correction-received": CorrectionReceivedApi,
    "extend": ExtendApi,
    "consultations": ConsultationsApi,
    "consultation-replies": ConsultationRepliesApi,
    "fee-notice": FeeNoticeApi,
    "fee-paid": FeePaidApi,
    "route-away": RouteAwayApi,
    "draft": DraftApi,
    "review": ReviewApi,
    "approve": ApproveApi,
    "return": ReturnApi,
    "issue": IssueApi,
    "deliver": DeliverApi,
    "archive": ArchiveApi,
    "remedies": RemediesApi,
    "remedy-outcomes": RemedyOutcomesApi,
}
