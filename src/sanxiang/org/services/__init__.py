"""Writers for the organisation: authorities, departments, external units, posts, staff, grants.

Every service takes the acting user, checks that they administer the part of the organisation the
change touches (``selectors_org``), validates, saves and writes the audit entry inside one
transaction. Passwords never appear in audit snapshots.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.hashers import identify_hasher
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.kernel import access
from sanxiang.kernel.auditing import audit_log, audit_log_many
from sanxiang.kernel.choices import AuthorityLevel, QualificationKind, RoleCode
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.org.models import (
    AccessGrant,
    Authority,
    Department,
    EnforcementCertificate,
    ExternalUnit,
    Post,
    Qualification,
    Role,
    User,
)

LEVEL_ORDER: list[str] = [
    AuthorityLevel.NATIONAL,
    AuthorityLevel.PROVINCIAL,
    AuthorityLevel.MUNICIPAL,
    AuthorityLevel.COUNTY,
    AuthorityLevel.BRANCH,
]


# ---------------------------------------------------------------------------------------------
# Helpers (permission checks are ``sanxiang.kernel.access.org_require_*``)


def _roles(codes: Iterable[str]) -> list[Role]:
    codes = list(dict.fromkeys(codes))
    unknown = [c for c in codes if c not in RoleCode.values]
    if unknown:
        raise ValidationFailed(_("未知角色：%(codes)s。") % {"codes": "、".join(unknown)})
    return Role.for_codes(codes)


# ---------------------------------------------------------------------------------------------
# Snapshots for the audit trail (never passwords)


def _authority_snapshot(a: Authority) -> dict[str, Any]:
    return {
        "code": a.code,
        "name": a.name,
        "short_name": a.short_name,
        "level": a.level,
        "public_phone": a.public_phone,
        "public_email": a.public_email,
        "address": a.address,
        "is_active": a.is_active,
        "parent_code": Authority.objects.get_parent(a).code if a.depth > 1 else None,
    }


def _department_snapshot(d: Department) -> dict[str, Any]:
    return {
        "authority": d.authority_id,
        "name": d.name,
        "code": d.code,
        "aliases": list(d.aliases),
        "is_active": d.is_active,
    }


def _external_unit_snapshot(e: ExternalUnit) -> dict[str, Any]:
    return {
        "name": e.name,
        "aliases": list(e.aliases),
        "authority": e.authority_id,
        "lead_department": e.lead_department_id,
    }


def _user_snapshot(u: User) -> dict[str, Any]:
    return {
        "username": u.username,
        "full_name": u.full_name,
        "authority": u.authority_id,
        "department": u.department_id,
        "data_scope": u.data_scope,
        "roles": sorted(u.roles.values_list("code", flat=True)) if u.pk else [],
        "phone": u.phone,
        "is_active": u.is_active,
        "has_usable_password": u.has_usable_password(),
    }


def _grant_snapshot(g: AccessGrant, content_type: ContentType | None = None) -> dict[str, Any]:
    ct = content_type or g.content_type
    return {
        "user": g.user_id,
        "department": g.department_id,
        "target": f"{ct.app_label}.{ct.model}#{g.object_id}",
        "reason": g.reason,
        "expires_at": g.expires_at.isoformat() if g.expires_at else None,
        "revoked_at": g.revoked_at.isoformat() if g.revoked_at else None,
    }


def _clean(value: str) -> str:
    return (value or "").strip()


def _clean_aliases(aliases: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(a.strip() for a in aliases if a and a.strip()))


# ---------------------------------------------------------------------------------------------
# Authorities


def _check_level(level: str, parent: Authority | None, children: Iterable[Authority] = ()) -> None:
    if level not in AuthorityLevel.values:
        raise ValidationFailed(_("层级「%(value)s」无效。") % {"value": level})
    rank = LEVEL_ORDER.index(level)
    if parent is not None and rank <= LEVEL_ORDER.index(parent.level):
        raise ValidationFailed(
            _("层级必须低于上级机关「%(parent)s」的层级（%(level)s）。")
            % {"parent": parent.name, "level": AuthorityLevel(parent.level).label}
        )
    for child in children:
        if LEVEL_ORDER.index(child.level) <= rank:
            raise ValidationFailed(
                _("层级必须高于下级机关「%(child)s」的层级（%(level)s）。")
                % {"child": child.name, "level": AuthorityLevel(child.level).label}
            )


def _check_authority_fields(name: str, code: str, public_email: str, exclude_pk: int | None = None) -> None:
    if not name:
        raise ValidationFailed(_("机关名称不能为空。"))
    if not code:
        raise ValidationFailed(_("机关代码不能为空。"))
    if Authority.objects.filter(code=code).exclude(pk=exclude_pk).exists():
        raise ValidationFailed(_("机关代码「%(code)s」已被使用。") % {"code": code})
    if public_email:
        try:
            validate_email(public_email)
        except ValidationError:
            raise ValidationFailed(_("对外邮箱「%(value)s」格式不正确。") % {"value": public_email}) from None


@transaction.atomic
def authority_create(
    *,
    actor: User,
    parent: Authority | None,
    name: str,
    code: str,
    level: str,
    short_name: str = "",
    public_phone: str = "",
    public_email: str = "",
    address: str = "",
) -> Authority:
    """Add an authority under ``parent`` (a new root needs an all-data administrator)."""
    access.org_require_admin(actor)
    if parent is None:
        if not access.sees_all(actor):
            raise PermissionDeniedError(_("只有全部数据权限的管理员可以创建顶级机关。"))
    else:
        access.org_require_manages_authority(actor, parent)
        # Treebeard computes the child's path from the parent's numchild: use a fresh row.
        parent = Authority.objects.select_for_update().get(pk=parent.pk)
    name, code = _clean(name), _clean(code)
    _check_authority_fields(name, code, _clean(public_email))
    _check_level(level, parent)
    fields = {
        "name": name,
        "code": code,
        "level": level,
        "short_name": _clean(short_name),
        "public_phone": _clean(public_phone),
        "public_email": _clean(public_email),
        "address": _clean(address),
    }
    authority = (
        Authority.objects.add_child(parent, fields)
        if parent is not None
        else Authority.objects.add_root(fields)
    )
    authority = Authority.objects.get(pk=authority.pk)
    audit_log(
        actor=actor, action="core.authority.created", target=authority, after=_authority_snapshot(authority)
    )
    return authority


@transaction.atomic
def authority_update(
    *,
    actor: User,
    authority: Authority,
    name: str,
    code: str,
    level: str,
    short_name: str = "",
    public_phone: str = "",
    public_email: str = "",
    address: str = "",
    is_active: bool = True,
) -> Authority:
    access.org_require_manages_authority(actor, authority)
    authority = Authority.objects.select_for_update().get(pk=authority.pk)
    before = _authority_snapshot(authority)
    name, code = _clean(name), _clean(code)
    _check_authority_fields(name, code, _clean(public_email), exclude_pk=authority.pk)
    _check_level(
        level,
        Authority.objects.get_parent(authority) if authority.depth > 1 else None,
        Authority.objects.get_children(authority),
    )
    authority.name = name
    authority.code = code
    authority.level = level
    authority.short_name = _clean(short_name)
    authority.public_phone = _clean(public_phone)
    authority.public_email = _clean(public_email)
    authority.address = _clean(address)
    authority.is_active = is_active
    authority.save()
    after = _authority_snapshot(authority)
    if after != before:
        audit_log(actor=actor, action="core.authority.updated", target=authority, before=before, after=after)
    return authority


# ---------------------------------------------------------------------------------------------
# Departments, external units, posts


def _check_department_fields(
    authority: Authority, name: str, code: str, exclude_pk: int | None = None
) -> None:
    if not name:
        raise ValidationFailed(_("部门名称不能为空。"))
    others = Department.objects.filter(authority=authority)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.filter(name=name).exists():
        raise ValidationFailed(
            _("「%(authority)s」下已有名为「%(name)s」的部门。") % {"authority": authority.name, "name": name}
        )
    if code and others.filter(code=code).exists():
        raise ValidationFailed(
            _("「%(authority)s」下部门代码「%(code)s」已被使用。")
            % {"authority": authority.name, "code": code}
        )


@transaction.atomic
def department_create(
    *, actor: User, authority: Authority, name: str, code: str = "", aliases: Sequence[str] = ()
) -> Department:
    access.org_require_manages_authority(actor, authority)
    name, code = _clean(name), _clean(code)
    _check_department_fields(authority, name, code)
    department = Department.objects.create(
        authority=authority, name=name, code=code, aliases=_clean_aliases(aliases)
    )
    audit_log(
        actor=actor,
        action="core.department.created",
        target=department,
        after=_department_snapshot(department),
    )
    return department


@transaction.atomic
def department_update(
    *,
    actor: User,
    department: Department,
    name: str,
    code: str = "",
    aliases: Sequence[str] = (),
    is_active: bool = True,
) -> Department:
    access.org_require_manages_authority(actor, department.authority)
    department = Department.objects.select_for_update().get(pk=department.pk)
    before = _department_snapshot(department)
    name, code = _clean(name), _clean(code)
    _check_department_fields(department.authority, name, code, exclude_pk=department.pk)
    if not is_active and department.staff.filter(is_active=True).exists():
        raise ValidationFailed(_("部门「%(name)s」还有在岗人员，不能停用。") % {"name": department.name})
    department.name = name
    department.code = code
    department.aliases = _clean_aliases(aliases)
    department.is_active = is_active
    department.save()
    after = _department_snapshot(department)
    if after != before:
        audit_log(
            actor=actor, action="core.department.updated", target=department, before=before, after=after
        )
    return department


def _check_external_unit(
    name: str, authority: Authority, lead_department: Department | None, exclude_pk: int | None
) -> None:
    if not name:
        raise ValidationFailed(_("外部单位名称不能为空。"))
    same_name = ExternalUnit.objects.filter(name=name)
    if exclude_pk is not None:
        same_name = same_name.exclude(pk=exclude_pk)
    if same_name.exists():
        raise ValidationFailed(_("外部单位「%(name)s」已存在。") % {"name": name})
    if lead_department is not None and lead_department.authority_id != authority.pk:
        raise ValidationFailed(
            _("对接部门「%(department)s」不属于对接机关「%(authority)s」。")
            % {"department": lead_department.name, "authority": authority.name}
        )


@transaction.atomic
def external_unit_create(
    *,
    actor: User,
    authority: Authority,
    name: str,
    aliases: Sequence[str] = (),
    lead_department: Department | None = None,
) -> ExternalUnit:
    """Record another government body named in plans; it has no users."""
    access.org_require_manages_authority(actor, authority)
    name = _clean(name)
    _check_external_unit(name, authority, lead_department, None)
    unit = ExternalUnit.objects.create(
        name=name, aliases=_clean_aliases(aliases), authority=authority, lead_department=lead_department
    )
    audit_log(
        actor=actor, action="core.external_unit.created", target=unit, after=_external_unit_snapshot(unit)
    )
    return unit


@transaction.atomic
def external_unit_update(
    *,
    actor: User,
    unit: ExternalUnit,
    authority: Authority,
    name: str,
    aliases: Sequence[str] = (),
    lead_department: Department | None = None,
) -> ExternalUnit:
    access.org_require_manages_authority(actor, unit.authority)
    access.org_require_manages_authority(actor, authority)
    unit = ExternalUnit.objects.select_for_update().get(pk=unit.pk)
    before = _external_unit_snapshot(unit)
    name = _clean(name)
    _check_external_unit(name, authority, lead_department, unit.pk)
    unit.name = name
    unit.aliases = _clean_aliases(aliases)
    unit.authority = authority
    unit.lead_department = lead_department
    unit.save()
    after = _external_unit_snapshot(unit)
    if after != before:
        audit_log(actor=actor, action="core.external_unit.updated", target=unit, before=before, after=after)
    return unit


@transaction.atomic
def post_create(*, actor: User, department: Department, name: str) -> Post:
    access.org_require_manages_authority(actor, department.authority)
    name = _clean(name)
    if not name:
        raise ValidationFailed(_("岗位名称不能为空。"))
    if Post.objects.filter(department=department, name=name).exists():
        raise ValidationFailed(
            _("部门「%(department)s」下已有岗位「%(name)s」。")
            % {"department": department.name, "name": name}
        )
    post = Post.objects.create(department=department, name=name)
    audit_log(
        actor=actor,
        action="core.post.created",
        target=post,
        after={"department": department.pk, "name": name},
    )
    return post


# ---------------------------------------------------------------------------------------------
# Staff


def _check_placement(authority: Authority | None, department: Department | None) -> None:
    if department is not None and (authority is None or department.authority_id != authority.pk):
        raise ValidationFailed(_("部门「%(department)s」不属于所选机关。") % {"department": department.name})


def _validate_password(password: str, user: User) -> None:
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationFailed(
            _("密码不符合要求：%(reasons)s") % {"reasons": "；".join(exc.messages)},
            extra={"field": "password"},
        ) from None


@transaction.atomic
def user_create(
    *,
    actor: User,
    username: str,
    full_name: str,
    authority: Authority | None,
    department: Department | None,
    roles: Sequence[str],
    data_scope: str,
    password: str | None,
    phone: str = "",
    password_hash: str | None = None,
) -> User:
    """Create a staff account. ``password=None`` leaves it unusable until an administrator sets one.

    ``password_hash`` (instead of ``password``) is an already hashed password (``make_password``):
    the demo hashes its one shared password once instead of once per account.
    """
    username, full_name = _clean(username), _clean(full_name)
    access.org_require_may_place_user(actor, authority, department)
    _check_placement(authority, department)
    access.org_require_grantable_scope(actor, data_scope)
    role_rows = _roles(roles)
    if not username:
        raise ValidationFailed(_("用户名不能为空。"))
    if not full_name:
        raise ValidationFailed(_("姓名不能为空。"))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationFailed(_("用户名「%(username)s」已存在。") % {"username": username})
    user = User(
        username=username,
        full_name=full_name,
        authority=authority,
        department=department,
        data_scope=data_scope,
        phone=_clean(phone),
    )
    if password_hash is not None:
        identify_hasher(password_hash)  # ValueError for anything that is not a hash
        user.password = password_hash
    elif password is None:
        user.set_unusable_password()
    else:
        _validate_password(password, user)
        user.set_password(password)
    user.save()
    user.roles.set(role_rows)
    user_sync_admin_site_access(user)
    audit_log(actor=actor, action="core.user.created", target=user, after=_user_snapshot(user))
    return user


def user_sync_admin_site_access(user: User) -> None:
    """Set ``is_staff`` (entry to /admin/) from the user's roles and data scope, by the access rule."""
    user._role_codes = None
    allowed = access.may_use_admin_site(user)
    if user.is_staff != allowed:
        user.is_staff = allowed
        User.objects.filter(pk=user.pk).update(is_staff=allowed)


def _set_roles(actor: User, user: User, role_rows: list[Role]) -> None:
    if (
        user.pk == actor.pk
        and not actor.is_superuser
        and RoleCode.ADMINISTRATOR not in {r.code for r in role_rows}
    ):
        raise ValidationFailed(_("不能取消自己的系统管理员角色，请由其他管理员操作。"))
    user.roles.set(role_rows)
    user_sync_admin_site_access(user)


@transaction.atomic
def user_update(
    *,
    actor: User,
    user: User,
    full_name: str,
    authority: Authority | None,
    department: Department | None,
    data_scope: str,
    phone: str = "",
    roles: Sequence[str] | None = None,
) -> User:
    """Change a staff member's details; ``roles`` (if given) replaces their roles in the same step."""
    access.org_require_manages_user(actor, user)
    access.org_require_may_place_user(actor, authority, department)
    _check_placement(authority, department)
    access.org_require_grantable_scope(actor, data_scope)
    role_rows = _roles(roles) if roles is not None else None
    full_name = _clean(full_name)
    if not full_name:
        raise ValidationFailed(_("姓名不能为空。"))
    if user.pk == actor.pk and data_scope != actor.data_scope and not actor.is_superuser:
        raise ValidationFailed(_("不能修改自己的数据权限，请由其他管理员操作。"))
    user = User.objects.select_for_update().get(pk=user.pk)
    before = _user_snapshot(user)
    user.full_name = full_name
    user.authority = authority
    user.department = department
    user.data_scope = data_scope
    user.phone = _clean(phone)
    user.save()
    if role_rows is not None:
        _set_roles(actor, user, role_rows)
    else:
        user_sync_admin_site_access(user)
    after = _user_snapshot(user)
    if after != before:
        audit_log(actor=actor, action="core.user.updated", target=user, before=before, after=after)
    return user


@transaction.atomic
def user_set_roles(*, actor: User, user: User, roles: Sequence[str]) -> User:
    access.org_require_manages_user(actor, user)
    role_rows = _roles(roles)
    before = _user_snapshot(user)
    _set_roles(actor, user, role_rows)
    after = _user_snapshot(user)
    if after != before:
        audit_log(actor=actor, action="core.user.roles_set", target=user, before=before, after=after)
    return user


@transaction.atomic
def user_set_password(*, actor: User, user: User, password: str) -> User:
    """Set a staff member's password (imported users start without one); the password is not logged."""
    access.org_require_manages_user(actor, user)
    user = User.objects.select_for_update().get(pk=user.pk)
    _validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_log(actor=actor, action="core.user.password_set", target=user)
    return user


@transaction.atomic
def user_deactivate(*, actor: User, user: User) -> User:
    access.org_require_manages_user(actor, user)
    if user.pk == actor.pk:
        raise ValidationFailed(_("不能停用自己的账号。"))
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        raise ValidationFailed(_("该账号已停用。"))
    before = _user_snapshot(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_log(
        actor=actor, action="core.user.deactivated", target=user, before=before, after=_user_snapshot(user)
    )
    return user


@transaction.atomic
def certificate_add(
    *,
    actor: User,
    holder: User,
    number: str,
    issued_by: str,
    valid_from: datetime.date,
    valid_until: datetime.date,
    enforcement_area: str = "",
) -> EnforcementCertificate:
    access.org_require_manages_user(actor, holder)
    number, issued_by = _clean(number), _clean(issued_by)
    if not number:
        raise ValidationFailed(_("执法证件编号不能为空。"))
    if not issued_by:
        raise ValidationFailed(_("发证机关不能为空。"))
    if valid_until < valid_from:
        raise ValidationFailed(_("有效期至不能早于有效期起。"))
    if EnforcementCertificate.objects.filter(number=number).exists():
        raise ValidationFailed(_("执法证件编号「%(number)s」已登记。") % {"number": number})
    cert = EnforcementCertificate.objects.create(
        holder=holder,
        number=number,
        issued_by=issued_by,
        valid_from=valid_from,
        valid_until=valid_until,
        enforcement_area=_clean(enforcement_area),
    )
    audit_log(
        actor=actor,
        action="core.certificate.added",
        target=cert,
        after={
            "holder": holder.pk,
            "number": number,
            "issued_by": issued_by,
            "valid_from": valid_from.isoformat(),
            "valid_until": valid_until.isoformat(),
        },
    )
    return cert


@transaction.atomic
def qualification_add(
    *,
    actor: User,
    holder: User,
    number: str,
    obtained_on: datetime.date,
    kind: str = QualificationKind.LEGAL_PROFESSION,
) -> Qualification:
    """Record a qualification; 法律职业资格 is what 行政处罚法第五十八条 requires of first-time reviewers."""
    access.org_require_manages_user(actor, holder)
    number = _clean(number)
    if kind not in QualificationKind.values:
        raise ValidationFailed(_("资格类别「%(value)s」无效。") % {"value": kind})
    if not number:
        raise ValidationFailed(_("证书编号不能为空。"))
    if obtained_on > timezone.localdate():
        raise ValidationFailed(_("取得日期不能晚于今天。"))
    if Qualification.objects.filter(kind=kind, number=number).exists():
        raise ValidationFailed(
            _("%(kind)s证书编号「%(number)s」已登记。")
            % {"kind": QualificationKind(kind).label, "number": number}
        )
    qualification = Qualification.objects.create(
        holder=holder, kind=kind, number=number, obtained_on=obtained_on
    )
    audit_log(
        actor=actor,
        action="core.qualification.added",
        target=qualification,
        after={"holder": holder.pk, "kind": kind, "number": number, "obtained_on": obtained_on.isoformat()},
    )
    return qualification


# ---------------------------------------------------------------------------------------------
# Access grants (workflow assignment)


@transaction.atomic
def access_grant_create(
    *,
    actor: User | None,
    target: models.Model,
    user: User | None = None,
    department: Department | None = None,
    reason: str,
    expires_at: datetime.datetime | None = None,
) -> AccessGrant:
    """Let ``user`` or ``department`` see ``target`` alone, outside their data scope.

    Called by the workflow that assigns the work (a review sent to another department, a city task
    assigned to a district department); that workflow has already decided the actor may assign it,
    so no administrator role is required here. An identical active grant is reused, not repeated.
    """
    if (user is None) == (department is None):
        raise ValidationFailed(_("授权对象须为一名人员或一个部门（二选一）。"))
    if target is None or target.pk is None:
        raise ValidationFailed(_("授权的对象不存在。"))
    reason = _clean(reason)
    if not reason:
        raise ValidationFailed(_("授权事由不能为空。"))
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationFailed(_("到期时间必须晚于当前时间。"))
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
    existing = (
        AccessGrant.objects.active()
        .filter(
            content_type=content_type,
            object_id=target.pk,
            user=user,
            department=department,
            expires_at=expires_at,
        )
        .first()
    )
    if existing is not None:
        return existing
    grant = AccessGrant.objects.create(
        user=user,
        department=department,
        content_type=content_type,
        object_id=target.pk,
        reason=reason,
        granted_by=actor,
        expires_at=expires_at,
    )
    audit_log(actor=actor, action="core.access_grant.created", target=grant, after=_grant_snapshot(grant))
    return grant


@transaction.atomic
def access_grant_create_many(
    *, actor: User | None, model: type[models.Model], pairs: Iterable[tuple[int, int]], reason: str
) -> list[AccessGrant]:
    """Grant each (object id, department id) pair of ``model``; the bulk twin of ``access_grant_create``.

    For workflows that assign hundreds of objects at once (a confirmed task plan): one insert per
    chunk, each new grant audited as its own ``core.access_grant.created`` event through
    ``audit_log_many``; an active grant for the same pair is reused, not repeated.
    """
    pairs = set(pairs)
    reason = _clean(reason)
    if not reason:
        raise ValidationFailed(_("授权事由不能为空。"))
    if not pairs:
        return []
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    existing = set(
        AccessGrant.objects.active()
        .filter(
            content_type=content_type,
            object_id__in={object_id for object_id, _dept in pairs},
            user__isnull=True,
            expires_at__isnull=True,
        )
        .values_list("object_id", "department_id")
    )
    now = timezone.now()
    grants = [
        AccessGrant(
            department_id=department_id,
            content_type=content_type,
            object_id=object_id,
            reason=reason,
            granted_by=actor if getattr(actor, "pk", None) else None,
            granted_at=now,
        )
        for object_id, department_id in sorted(pairs)
        if (object_id, department_id) not in existing
    ]
    AccessGrant.objects.bulk_create(grants, batch_size=500)
    if grants and grants[0].pk is None:  # backends that do not return ids from bulk inserts
        ids = {
            (object_id, department_id): pk
            for pk, object_id, department_id in AccessGrant.objects.filter(
                content_type=content_type, granted_at=now, user__isnull=True
            ).values_list("pk", "object_id", "department_id")
        }
        for grant in grants:
            grant.pk = ids[(grant.object_id, grant.department_id)]
    audit_log_many(
        actor=actor,
        events=[
            {
                "action": "core.access_grant.created",
                "target": grant,
                "after": _grant_snapshot(grant, content_type),
            }
            for grant in grants
        ],
    )
    return grants


@transaction.atomic
def access_grant_revoke(*, actor: User | None, grant: AccessGrant) -> AccessGrant:
    """End a grant (the assignment finished or was withdrawn)."""
    grant = AccessGrant.objects.select_for_update().get(pk=grant.pk)
    if grant.revoked_at is not None:
        raise ValidationFailed(
            _("该授权已于%(when)s撤销。")
            % {"when": timezone.localtime(grant.revoked_at).strftime("%Y-%m-%d %H:%M")}
        )
    before = _grant_snapshot(grant)
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at"])
    audit_log(
        actor=actor,
        action="core.access_grant.revoked",
        target=grant,
        before=before,
        after=_grant_snapshot(grant),
    )
    return grant


__all__ = [
    "access_grant_create",
    "access_grant_revoke",
    "authority_create",
    "authority_update",
    "certificate_add",
    "department_create",
    "department_update",
    "external_unit_create",
    "external_unit_update",
    "post_create",
    "qualification_add",
    "user_create",
    "user_deactivate",
    "user_set_password",
    "user_set_roles",
    "user_sync_admin_site_access",
    "user_update",
]
