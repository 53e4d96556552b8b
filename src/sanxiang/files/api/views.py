"""File store API: raw streamed upload for large files, metadata, streamed download."""

from __future__ import annotations

import io

from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from sanxiang.kernel.http import StaffRequest

from ..selectors import file_get
from ..services import file_open_for_download, file_store
from .serializers import FileUploadQuerySerializer, StoredFileOutputSerializer


class FileUploadApi(APIView):
    """``PUT /api/v1/files/upload/?name=…&authority=…``: the request body is the file.

    The body is read from the socket in 1 MiB chunks straight into the store (no multipart, no
    buffering), so multi-GB audio/video records upload in constant memory. ``Content-Length`` is
    required and checked against what arrives, so an interrupted upload stores nothing.
    """

    @extend_schema(
        operation_id="files_upload",
        parameters=[FileUploadQuerySerializer],
        request={"application/octet-stream": OpenApiTypes.BINARY},
        responses={201: StoredFileOutputSerializer},
        description="原始字节流上传（不使用 multipart），适用于大型音像文件；须提供 Content-Length。",
    )
    def put(self, request: StaffRequest) -> Response:
        query = FileUploadQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= 0:
            raise ValidationError({"content_length": [_("请提供文件内容及其长度（Content-Length）。")]})
        data = query.validated_data
        stored = file_store(
            actor=request.user,
            stream=request.stream or io.BytesIO(),
            name=data["name"],
            content_type=data["content_type"] or request.META.get("CONTENT_TYPE", ""),
            authority=data["authority"],
            purpose=data["purpose"],
            expected_size=length,
        )
        return Response(StoredFileOutputSerializer(stored).data, status=status.HTTP_201_CREATED)


class FileDetailApi(APIView):
    @extend_schema(operation_id="files_retrieve", responses={200: StoredFileOutputSerializer})
    def get(self, request: StaffRequest, public_id: str) -> Response:
        stored = file_get(actor=request.user, public_id=public_id)
        return Response(StoredFileOutputSerializer(stored).data)


class FileDownloadApi(APIView):
    @extend_schema(
        operation_id="files_download",
        responses={200: OpenApiResponse(response=OpenApiTypes.BINARY, description="文件内容（流式）")},
    )
    def get(self, request: StaffRequest, public_id: str) -> FileResponse:
        stored = file_get(actor=request.user, public_id=public_id, action="download")
        return file_open_for_download(actor=request.user, file=stored)
