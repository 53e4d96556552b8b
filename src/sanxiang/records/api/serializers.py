from __future__ import annotations

from rest_framework import serializers

from ..choices import DeviceKind, DeviceStatus
from ..models import Device, InterviewRoom, Record


class DeviceOutputSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="authority.name")
    department = serializers.CharField(source="department.name", allow_null=True, default=None)
    holder = serializers.CharField(source="holder.username", allow_null=True, default=None)

    class Meta:
        model = Device
        fields = ["id", "kind", "serial", "model_name", "authority", "department", "holder", "status"]


class DeviceInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DeviceKind.choices, default=DeviceKind.BODY_CAMERA)
    serial = serializers.CharField(max_length=80)
    model_name = serializers.CharField(max_length=100, required=False, default="")
    authority = serializers.IntegerField()
    department = serializers.IntegerField(required=False, allow_null=True)
    holder = serializers.IntegerField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=DeviceStatus.choices, default=DeviceStatus.IN_USE)


class RoomOutputSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="authority.name")

    class Meta:
        model = InterviewRoom
        fields = ["id", "name", "location", "authority", "status"]


class RecordOutputSerializer(serializers.ModelSerializer):
    act = serializers.IntegerField(source="act_id")
    taxpayer = serializers.IntegerField(source="act.taxpayer_id")
    device = serializers.CharField(source="device.serial", allow_null=True, default=None)
    room = serializers.CharField(source="room.name", allow_null=True, default=None)
    recorder = serializers.CharField(source="recorder.username")
    size = serializers.IntegerField(source="file.size")
    sha256 = serializers.CharField(source="file.sha256")
    sm3 = serializers.CharField(source="file.sm3")
    content_type = serializers.CharField(source="file.content_type")

    class Meta:
        model = Record
        fields = [
            "public_id",
            "kind",
            "title",
            "act",
            "taxpayer",
            "stage",
            "device",
            "room",
            "recorder",
            "recorded_start",
            "recorded_end",
            "duration_seconds",
            "codecs",
            "resolution",
            "device_serial",
            "size",
            "sha256",
            "sm3",
            "content_type",
            "created_at",
        ]
