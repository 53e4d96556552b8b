"""Token authentication for source systems (金税三期 and others).

Tokens are issued per source system by administrators, bound to a service user whose authority
and data scope bound what the token can see, and to the categories a later module allows. Only a
SHA-256 of the token is stored.
"""

from __future__ import annotations

import hashlib

from django.utils import timezone
from rest_framework import authentication, exceptions


class SourceTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("令牌格式错误。")
        from sanxiang.api.models import SourceToken

        digest = hashlib.sha256(header[1]).hexdigest()
        token = SourceToken.objects.select_related("user").filter(key_digest=digest).first()
        if token is None or not token.is_usable(timezone.now()) or not token.user.is_active:
            raise exceptions.AuthenticationFailed("令牌无效或已停用。")
        return token.user, token

    def authenticate_header(self, request) -> str:
        return self.keyword
