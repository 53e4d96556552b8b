"""Disclosure API: scoped document reads, the validity-change action, public-opinion incidents
with their timer states, and the annual report's table 二 counts."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from sanxiang.kernel.access import HasRole, get_visible_or_404
from sanxiang.kernel.http import StaffRequest

from .. import selectors, services
from ..models import OfficialDocument, ValidityLabel
from ..services._common import OPEN_GOV_ROLES
from .serializers import (
    CountsOutputSerializer,
    DocumentDetailOutputSerializer,
    DocumentOutputSerializer,
    IncidentInputSerializer,
    IncidentOutputSerializer,
    ValidityChangeInputSerializer,
)


class _Api(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles: tuple[str, ...] = ()


class DocumentListApi(_Api):
    serializer_class = DocumentOutputSerializer

    @extend_schema(
        operation_id="disclosure_documents_list",
        parameters=[OpenApiParameter("status", str)],
        responses={200: DocumentOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        documents = selectors.document_list(actor=request.user, status=request.query_params.get("status", ""))
        page = self.paginate_queryset(
            documents.prefetch_related("tax_types").select_related("validity_label")
        )
        return self.get_paginated_response(DocumentOutputSerializer(page, many=True).data)


class DocumentDetailApi(_Api):
    serializer_class = DocumentDetailOutputSerializer

    @extend_schema(
        operation_id="disclosure_documents_retrieve", responses={200: DocumentDetailOutputSerializer}
    )
    def get(self, request: StaffRequest, pk: int) -> Response:
        document = get_visible_or_404(OfficialDocument, request.user, pk=pk)
        return Response(DocumentDetailOutputSerializer(document).data)


class DocumentValidityApi(_Api):
    """``POST /documents/{id}/validity/``: record a new validity version (open-government staff)."""

    serializer_class = ValidityChangeInputSerializer
    required_roles = OPEN_GOV_ROLES

    @extend_schema(
        operation_id="disclosure_documents_validity",
        request=ValidityChangeInputSerializer,
        responses={201: DocumentDetailOutputSerializer},
    )
    def post(self, request: StaffRequest, pk: int) -> Response:
        document = get_visible_or_404(OfficialDocument, request.user, pk=pk)
        serializer = ValidityChangeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        label = ValidityLabel.objects.filter(code=data["label"]).first()
        if label is None:
            raise ValidationError({"label": ["未知的效力状态代码。"]})
        by_document = (
            selectors.published_documents().filter(pk=data["by_document"]).first()
            if data["by_document"]
            else None
        )
        if data["by_document"] and by_document is None:
            raise ValidationError({"by_document": ["依据文件须为已公开的文件。"]})
        services.document_validity_change(
            actor=request.user,
            document=document,
            label=label,
            effective_on=data["effective_on"],
            articles=data["articles"],
            by_document=by_document,
            by_document_text=data["by_document_text"],
            note=data["note"],
        )
        document.refresh_from_db()
        return Response(DocumentDetailOutputSerializer(document).data, status=status.HTTP_201_CREATED)


def _incident_data(row: selectors.IncidentRow) -> dict:
    incident = row.incident
    incident.info_state, incident.press_state = row.info_state, row.press_state
    return IncidentOutputSerializer(incident).data


class IncidentListApi(_Api):
    serializer_class = IncidentOutputSerializer
    required_roles = OPEN_GOV_ROLES

    @extend_schema(
        operation_id="disclosure_incidents_list",
        parameters=[OpenApiParameter("overdue", bool)],
        responses={200: IncidentOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        overdue = request.query_params.get("overdue") in ("1", "true")
        rows = selectors.incident_rows(actor=request.user, now=timezone.now(), overdue_only=overdue)
        return Response([_incident_data(row) for row in rows])

    @extend_schema(
        operation_id="disclosure_incidents_create",
        request=IncidentInputSerializer,
        responses={201: IncidentOutputSerializer},
    )
    def post(self, request: StaffRequest) -> Response:
        serializer = IncidentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if request.user.authority is None:
            raise ValidationError({"authority": ["当前用户没有所属机关。"]})
        incident = services.incident_record(
            actor=request.user, authority=request.user.authority, **serializer.validated_data
        )
        row = next(
            r
            for r in selectors.incident_rows(actor=request.user, now=timezone.now())
            if r.incident.pk == incident.pk
        )
        return Response(_incident_data(row), status=status.HTTP_201_CREATED)


class RegulatoryCountsApi(_Api):
    """The annual report's table 二 (规章, 行政规范性文件) for the user's own authority."""

    serializer_class = CountsOutputSerializer
    required_roles = OPEN_GOV_ROLES

    @extend_schema(
        operation_id="disclosure_regulatory_counts",
        parameters=[OpenApiParameter("year", int, required=True)],
        responses={200: CountsOutputSerializer},
    )
    def get(self, request: StaffRequest) -> Response:
        year = request.query_params.get("year", "")
        if not year.isdigit() or not 1949 <= int(year) <= 2100:
            raise ValidationError({"year": ["请以四位数字给出年度。"]})
        if request.user.authority is None:
            raise ValidationError({"authority": ["当前用户没有所属机关。"]})
        return Response(
            selectors.regulatory_document_counts(authority=request.user.authority, year=int(year))
        )
