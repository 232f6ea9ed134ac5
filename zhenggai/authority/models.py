"""Organizations and who holds which role in them. Names follow GLOSSARY.md.

An organization is the root of a unit tree; every unit carries its organization
(zhenggai.ledger.models.Unit.organization), so "same organization" is a comparison of two
columns. A role is held by a login over a whole organization or over one round, for a unit.
What each role may do is zhenggai.authority.roles and the policy modules built on it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from zhenggai.ledger.models import NO_NUL


class Organization(models.Model):
    """组织: a 市委 (or any root unit) with everything below it. Nothing crosses from one to
    another: no reference, no role held over it, no text."""

    name = models.CharField("名称", max_length=100, validators=NO_NUL)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "组织"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OFFICE = "office", "整改办"
    LEADER = "leader", "领导"
    REPORTER = "reporter", "单位填报人"
    VERIFIER = "verifier", "核查人"
    OBSERVER = "observer", "观察员"


# Roles that act for a unit, and so need one; an observer reads a whole round or organization.
UNIT_ROLES = frozenset({Role.OFFICE, Role.LEADER, Role.REPORTER})
# A verifier is not assigned: it is a member of a round's verification group.
ASSIGNED_ROLES = [(role.value, role.label) for role in Role if role != Role.VERIFIER]


class VerificationGroup(models.Model):
    """核查组: those named for a round to verify its measures, whichever unit leads them (the
    committee's and its office's own included), e.g. the 纪委监委 or the 督查室. Its members
    hold the verifier role in that round."""

    round = models.ForeignKey(
        "ledger.InspectionRound",
        verbose_name="轮次",
        on_delete=models.CASCADE,
        related_name="verification_groups",
    )
    name = models.CharField("名称", max_length=100, validators=NO_NUL)
    description = models.CharField("说明", max_length=300, blank=True, validators=NO_NUL)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="核查人",
        blank=True,
        related_name="verification_groups",
    )

    class Meta:
        verbose_name = verbose_name_plural = "核查组"
        ordering = ["round", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "name"],
                name="verification_group_unique",
                violation_error_message="本轮已有同名的核查组。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.round}）"


class RoleAssignment(models.Model):
    """One role of one login: over a whole organization (round empty) or over one round, for
    a unit (office, leader and reporter act for one; an observer needs none)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登录账号",
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField("角色", max_length=20, choices=ASSIGNED_ROLES)
    organization = models.ForeignKey(
        Organization, verbose_name="组织", on_delete=models.CASCADE, related_name="assignments"
    )
    round = models.ForeignKey(
        "ledger.InspectionRound",
        verbose_name="轮次",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        help_text="留空表示在该组织的所有轮次中担任该角色。",
    )
    unit = models.ForeignKey(
        "ledger.Unit",
        verbose_name="代表单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
        help_text="整改办、领导、单位填报人代表的单位；其职责范围是该单位及其下级单位。",
    )
    created_at = models.DateTimeField("授予时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "角色分配"
        ordering = ["organization", "user", "role"]

    def __str__(self) -> str:
        where = self.round or self.organization
        unit = f"，代表{self.unit}" if self.unit_id else ""
        return f"{self.user} 在{where}任{self.get_role_display()}{unit}"

    def clean(self):
        """Nothing crosses organizations: the unit and the round belong to the assignment's
        organization."""
        errors = {}
        if self.role in UNIT_ROLES and self.unit_id is None:
            errors["unit"] = "整改办、领导和单位填报人必须指定所代表的单位。"
        if self.organization_id:
            if self.unit_id and self.unit.organization_id != self.organization_id:
                errors["unit"] = "所选单位不属于该组织。"
            if self.round_id and self.round.office.organization_id != self.organization_id:
                errors["round"] = "所选轮次不属于该组织。"
        if not errors and self._duplicates().exists():
            errors["role"] = "该账号已有相同的角色分配。"
        if errors:
            raise ValidationError(errors)

    def _duplicates(self):
        same = RoleAssignment.objects.filter(
            user_id=self.user_id,
            role=self.role,
            organization_id=self.organization_id,
            round_id=self.round_id,
            unit_id=self.unit_id,
        )
        return same.exclude(pk=self.pk)
