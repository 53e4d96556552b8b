"""Records API for devices and source systems: the device registry and the records of acts.

Uploads go through the records app's tus endpoint (URL name ``records:tus``; token auth works there too).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from sanxiang.kernel.access import HasRole, authorities_in_scope
from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.kernel.http import StaffRequest
from sanxiang.org.models import Department, User

from .. import selectors, services
from ..models import Device
from ..permissions import ARCHIVE_ROLES, READ_ROLES
from .serializers import (
    DeviceInputSerializer,
    DeviceOutputSerializer,
    RecordOutputSerializer,
    RoomOutputSerializer,
)


class DeviceListApi(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles = READ_ROLES
    write_roles = ARCHIVE_ROLES
    serializer_class = DeviceOutputSerializer

    @extend_schema(operation_id="records_devices_list", responses={200: DeviceOutputSerializer(many=True)})
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(selectors.device_list(actor=request.user))
        return self.get_paginated_response(DeviceOutputSerializer(page, many=True).data)

    @extend_schema(
        operation_id="records_devices_create",
        request=DeviceInputSerializer,
        responses={201: DeviceOutputSerializer},
    )
    def post(self, request: StaffRequest) -> Response:
        data = DeviceInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        authority = authorities_in_scope(request.user).filter(pk=v["authority"]).first()
        if authority is None:
            raise ValidationFailed(_("机关不存在或不在您的数据权限内。"), code="authority")
        device = Device(
            kind=v["kind"],
            serial=v["serial"],
            model_name=v["model_name"],
            status=v["status"],
            authority=authority,
            department=Department.objects.filter(pk=v.get("department"), authority=authority).first(),
            holder=User.objects.filter(pk=v.get("holder"), authority=authority).first(),
        )
        device = services.device_save(actor=request.user, device=device)
        return Response(DeviceOutputSerializer(device).data, status=status.HTTP_201_CREATED)


class RoomListApi(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles = READ_ROLES
    serializer_class = RoomOutputSerializer

    @extend_schema(operation_id="records_rooms_list", responses={200: RoomOutputSerializer(many=True)})
    def get(self, request: StaffRequest) -> Response:
        page = self.paginate_queryset(selectors.room_list(actor=request.user))
        return self.get_paginated_response(RoomOutputSerializer(page, many=True).data)


class RecordListApi(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles = READ_ROLES
    serializer_class = RecordOutputSerializer

    @extend_schema(
        operation_id="records_records_list",
        parameters=[OpenApiParameter("act", int), OpenApiParameter("taxpayer", int)],
        responses={200: RecordOutputSerializer(many=True)},
    )
    def get(self, request: StaffRequest) -> Response:
        qs = selectors.record_list(actor=request.user).filter(disposed_at__isnull=True)
        if request.query_params.get("act", "").isdigit():
            qs = qs.filter(act_id=int(request.query_params["act"]))
        if request.query_params.get("taxpayer", "").isdigit():
            qs = qs.filter(act__taxpayer_id=int(request.query_params["taxpayer"]))
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(RecordOutputSerializer(page, many=True).data)


class RecordDetailApi(generics.GenericAPIView):
    permission_classes = [HasRole]
    required_roles = READ_ROLES
    serializer_class = RecordOutputSerializer

    @extend_schema(operation_id="records_records_retrieve", responses={200: RecordOutputSerializer})
    def get(self, request: StaffRequest, public_id: str) -> Response:
        return Response(
            RecordOutputSerializer(selectors.record_get(actor=request.user, public_id=public_id)).data
        )
