"""OpenAPI description of the source-system token scheme (drf-spectacular extension)."""

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
