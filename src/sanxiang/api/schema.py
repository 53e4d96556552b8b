"""OpenAPI description of the source-system token scheme (drf-spectacular extension)."""

from typing import Literal

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class SourceTokenScheme(OpenApiAuthenticationExtension):
    target_class = "sanxiang.api.authentication.SourceTokenAuthentication"
    name = "sourceToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "源系统令牌：`Authorization: Token <令牌>`，由管理员用 `sanxiang create_source_token` 签发。",
        }


# --- error responses -------------------------------------------------------------------------

from drf_spectacular.openapi import AutoSchema as _SpectacularAutoSchema  # noqa: E402
from rest_framework import serializers  # noqa: E402


class ErrorOutputSerializer(serializers.Serializer):
    """The one error shape of the API (``sanxiang.api.errors``)."""

    code = serializers.CharField(help_text="稳定的错误代码，如 invalid、not_found、permission_denied")
    message = serializers.CharField(help_text="中文说明")
    extra = serializers.DictField(help_text="补充信息；输入有误时 fields 列出各字段的问题")


ERROR_RESPONSES = {
    "400": "输入有误（字段、查询参数或请求体）",
    "401": "未认证：缺少或无效的令牌/会话",
    "403": "无权进行此操作",
    "404": "对象不存在或不在数据权限范围内",
    "405": "不支持的请求方法",
    "406": "无法按 Accept 提供响应",
    "409": "与当前状态冲突",
    "410": "对象已不存在",
    "415": "不支持的请求体类型",
    "429": "请求过于频繁",
}


class AutoSchema(_SpectacularAutoSchema):
    """drf-spectacular's schema plus the error responses every operation can give."""

    def _get_response_bodies(self, direction: Literal["request", "response"] = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        for code, description in ERROR_RESPONSES.items():
            if code not in responses:
                body = self._get_response_for_code(ErrorOutputSerializer, code, direction=direction)
                body["description"] = description
                responses[code] = body
        return responses
