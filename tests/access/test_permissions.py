"""Each permission predicate, asked of anonymous-like, other-body, own-body and administrator actors."""

import pytest

from gongkai.access import Actor, Grant, Role
from gongkai.access import permissions as p
from gongkai.errors import InputError

CLERK = Actor("登记员甲", grants=frozenset({Grant(Role.CLERK, body_id="edu")}))
REVIEWER = Actor("负责人乙", grants=frozenset({Grant(Role.REVIEWER, body_id="edu")}))
SECRECY = Actor("保密员丙", grants=frozenset({Grant(Role.SECRECY, body_id="edu")}))
OTHER = Actor("他局登记员", grants=frozenset({Grant(Role.CLERK, body_id="env")}))
SUPERVISOR = Actor("政务公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id="320812")}))
FAR = Actor("外县公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id="320899")}))
NOBODY = Actor("无角色")
ADMIN = Actor.operator("root")
CHAIN = ("320812", "3208")


@pytest.mark.parametrize(
    "actor, read, personal, write, sign, secrecy",
    [
        (NOBODY, False, False, False, False, False),
        (OTHER, False, False, False, False, False),
        (FAR, False, False, False, False, False),
        (SUPERVISOR, True, False, False, False, False),
        (CLERK, True, True, True, False, False),
        (REVIEWER, True, True, True, True, False),
        (SECRECY, True, True, False, False, True),
        (ADMIN, True, True, True, True, True),
    ],
)
def test_register_permissions(actor, read, personal, write, sign, secrecy):
    assert p.can_read_register(actor, "edu", CHAIN) is read
    assert p.can_see_personal_data(actor, "edu") is personal
    assert p.can_write_register(actor, "edu") is write
    assert p.can_sign(actor, "edu") is sign
    assert p.can_review_secrecy(actor, "edu") is secrecy


def test_supervision_follows_the_region_chain():
    assert p.can_supervise(SUPERVISOR, "320812")
    assert p.can_supervise(
        Actor("市公开办", grants=frozenset({Grant("supervisor", region_id="3208")})), "320812", CHAIN[1:]
    )
    assert not p.can_supervise(FAR, "320812", CHAIN[1:])
    assert not p.can_administer(SUPERVISOR) and p.can_administer(ADMIN)


def test_grants_need_their_scope():
    with pytest.raises(InputError, match="须指定机关"):
        Grant(Role.CLERK)
    with pytest.raises(InputError, match="须指定地区"):
        Grant(Role.SUPERVISOR)
