"""Publicity API for source systems.

``PUT /api/v1/publicity/entries/by-source/{system}/{source_id}/`` pushes an entry: the first push
creates a draft (201), a repeated push updates the draft (200), a push for a published entry opens a
correction that goes through masking and approval again (200). A token may push only the
categories it is bound to, and only for authorities in its user's scope.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from sanxiang.kernel.exceptions import PermissionDeniedError
from sanxiang.kernel.http import StaffRequest
from sanxiang.org.models import Authority

from .. import documents, selectors, services
from ..models import Item
from .serializers import (
    DocumentImportInputSerializer,
    DocumentImportOutputSerializer,
    EntryOutputSerializer,
    EntryPushInputSerializer,
)


class EntryPushApi(APIView):
    @extend_schema(
        operation_id="publicity_entry_push",
        request=EntryPushInputSerializer,
        responses={200: EntryOutputSerializer, 201: EntryOutputSerializer},
    )
    def put(self, request: StaffRequest, system: str, source_id: str) -> Response:
        serializer = EntryPushInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        item = Item.objects.filter(code=values["item"], is_active=True).first()
        if item is None:
            raise PermissionDeniedError("未知或未启用的公示事项。")
        authority = None
        if values.get("authority_code"):
            authority = Authority.objects.filter(code=values["authority_code"]).first()
            if authority is None:
                raise PermissionDeniedError("未知的公示机关。")
        entry, created = services.entry_push(
            actor=request.user,
            token=request.auth,
            item=item,
            source_system=system,
            source_id=source_id,
            data=values["data"],
            text=values.get("text", ""),
            authority=authority,
        )
        return Response(
            EntryOutputSerializer(entry).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class EntryDetailApi(APIView):
    @extend_schema(operation_id="publicity_entry_get", responses={200: EntryOutputSerializer})
    def get(self, request: StaffRequest, pk: int) -> Response:
        return Response(EntryOutputSerializer(selectors.entry_get(actor=request.user, pk=pk)).data)


class DocumentImportApi(APIView):
    """``POST /api/v1/publicity/documents/`` (multipart ``files``, optional ``authority_code``): one masked
    draft per decision document, routed to its item by its type; the answer lists each file's draft or
    its error (201 when at least one draft was created, 200 otherwise)."""

    parser_classes = (MultiPartParser, FormParser)

    @extend_schema(
        operation_id="publicity_documents_import",
        request={"multipart/form-data": DocumentImportInputSerializer},
        responses={200: DocumentImportOutputSerializer, 201: DocumentImportOutputSerializer},
    )
    def post(self, request: StaffRequest) -> Response:
        serializer = DocumentImportInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        authority = request.user.authority
        if values.get("authority_code"):
            authority = Authority.objects.filter(code=values["authority_code"]).first()
        if authority is None:
            raise PermissionDeniedError("未知的公示机关。")
        report = documents.documents_import(
            actor=request.user,
            authority=authority,
            uploads=[(f.name, f.read()) for f in values["files"]],
        )
        body = DocumentImportOutputSerializer(
            {"created": report.created, "results": [r.__dict__ for r in report.results]}
        ).data
        return Response(body, status=status.HTTP_201_CREATED if report.created else status.HTTP_200_OK)
