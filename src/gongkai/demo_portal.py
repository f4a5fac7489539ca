"""The portal's part of the demo (`gongkai.demo.build(extra=[build_portal])`): every body's 指南 saved by its
负责人, a fuller catalogue (summaries and texts, words broken across lines as pasted documents have them),
and online applications of the last months — confirmed, one with a 补正 answered online, answered with
the 答复书 delivered, rated — plus one still awaiting confirmation.

Each application is made and handled on its own day: a service whose clock is that day, over the same
store, so receipt dates, due dates and ratings fall where a real year puts them.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.access import Actor, Grant, Role
from gongkai.approval import Step
from gongkai.demo import BODIES, DemoBody
from gongkai.proactive import Publication
from gongkai.register import event
from gongkai.service import Services

CATALOGUE = [
    (
        "关于做好{year}年度政府信息公开工作的通知",
        "announcement",
        "部署本年度主动公开、依申请公开和政府信息公开年度报告工作。",
        "一、加强主动公开。围绕重大决策、重点\n工作，及时公开政策文件和解读。\n二、规范依申请公开。严格执行登记、审核、答复程序。",
    ),
    (
        "{name}{year}年第三季度财政资金使用情况",
        "finance",
        "公开本部门第三季度财政拨款收支和项目资金使用情况。",
        "本季度财政拨款支出主要用于基本支出和项目\n支出，其中项目资金按进度拨付。",
    ),
    (
        "{name}内设机构和主要职责",
        "organisation",
        "介绍本机关的内设机构、主要职责和联系方式。",
        "办公室负责文电、会务、机要、档案等日常运转工作，承担政府信息公开工作。",
    ),
]


@dataclass(frozen=True)
class DemoApplicant:
    form: dict
    body: str
    days_ago: int
    correction: bool = False
    answered: bool = True
    rating: tuple[str, str] | None = None
    confirmed: bool = True


APPLICANTS = [
    DemoApplicant(
        {
            "kind": "person",
            "name": "欧阳晓岚",
            "id_type": "resident_id",
            "id_number": "320811198804194001",
            "phone": "13706152749",
            "email": "ouyang.xl@example.cn",
            "content": "青石镇2025年农村人居环境整治项目的资金拨付明细",
            "medium": "electronic",
            "delivery": "email",
        },
        "yx-zrj",
        70,
        rating=("satisfied", "答复及时，材料齐全。"),
    ),
    DemoApplicant(
        {
            "kind": "person",
            "name": "司马振华",
            "id_type": "resident_id",
            "id_number": "320811199506111049",
            "phone": "15850271836",
            "address": "云溪县城关镇春晖路58号3幢201室",
            "postcode": "339900",
            "content": "城关镇春晖路地块的规划条件",
            "medium": "paper",
            "delivery": "post",
        },
        "yx-zrj",
        55,
        correction=True,
        rating=("mostly_satisfied", "补正说明清楚，希望答复再详细些。"),
    ),
    DemoApplicant(
        {
            "kind": "organisation",
            "org_type": "commercial",
            "name": "云溪县青禾农业科技有限公司",
            "id_number": "91339901MA2JX7QK5W",
            "phone": "0570-88319462",
            "email": "office@qinghe-agri.example.cn",
            "content": "本公司所在片区2025年度农业补贴的发放标准文件",
            "medium": "electronic",
            "delivery": "email",
            "purpose": "核对补贴申报材料",
        },
        "yx-jyj",
        40,
        rating=("dissatisfied", "答复未提供具体标准。"),
    ),
    DemoApplicant(
        {
            "kind": "person",
            "name": "诸葛慧敏",
            "id_type": "resident_id",
            "id_number": "320811199002036225",
            "phone": "18962084517",
            "content": "云溪县第二实验小学学区划分范围",
            "medium": "electronic",
            "delivery": "online",
        },
        "yx-jyj",
        12,
        answered=False,
    ),
    DemoApplicant(
        {
            "kind": "organisation",
            "org_type": "social_welfare",
            "name": "云溪县绿源环保公益服务中心",
            "id_number": "52339901MJ8R2N4W1C",
            "phone": "0570-88407135",
            "content": "住建局2025年建筑工地扬尘治理检查记录",
            "medium": "electronic",
            "delivery": "online",
        },
        "yx-zjj",
        2,
        answered=False,
        confirmed=False,
    ),
]


def build_portal(svc: Services, today: date) -> None:
    for b in BODIES:
        _guide(svc, b)
        _catalogue(svc, b, today)
    for applicant in APPLICANTS:
        _online(svc, applicant, today)


def _actors(b: DemoBody) -> dict[str, Actor]:
    roles = {
        "clerk": (b.clerk, Role.CLERK),
        "reviewer": (b.reviewer, Role.REVIEWER),
        "secrecy": (b.secrecy, Role.SECRECY),
    }
    return {k: Actor(name, grants=frozenset({Grant(role, b.id)})) for k, (name, role) in roles.items()}


def _guide(svc: Services, b: DemoBody) -> None:
    view = svc.portal.guide(b.id)
    short = b.prefix.removesuffix("公开")
    guide = view.guide.with_changes(
        hours="周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
        fax=view.guide.phone[:-1] + "9" if view.guide.phone else "",
        email=f"gongkai@{b.id}.yunxi.example.gov.cn",
        online=f"/gk/{b.id}/apply",
    )
    rules = view.rules + f"\n六、本制度由{b.office}负责解释，自印发之日起施行（{short}〔2024〕1号）。"
    svc.portal.save_guide(_actors(b)["reviewer"], b.id, guide, rules, view.version)


def _catalogue(svc: Services, b: DemoBody, today: date) -> None:
    a = _actors(b)
    for i, (title, category, summary, text) in enumerate(CATALOGUE):
        formed = today - timedelta(days=120 - i * 30)
        pub = Publication(
            title.format(year=today.year, name=b.name),
            category,
            formed,
            summary,
            channel="政府网站",
            text=text,
        )
        entry = svc.proactive.draft(a["clerk"], b.id, pub)
        ap = entry.approval
        for who, step in (
            ("clerk", Step.SUBMIT),
            ("reviewer", Step.APPROVE),
            ("secrecy", Step.SECRECY_PASS),
            ("reviewer", Step.SIGN),
        ):
            ap = svc.approvals.step(a[who], b.id, ap.id, step, ap.version)
        on = svc.store.calendar().add_workdays(formed, 3 + i)
        svc.approvals.step(a["clerk"], b.id, ap.id, Step.RELEASE, ap.version, on=min(on, today))


def _online(svc: Services, applicant: DemoApplicant, today: date) -> None:
    b = next(x for x in BODIES if x.id == applicant.body)
    a = _actors(b)
    cal = svc.store.calendar()
    day = cal.add_workdays(today - timedelta(days=applicant.days_ago), 0)

    def on(d: date) -> Services:
        d = min(d, today)
        return Services(svc.store, today=lambda: d, data_dir=svc.portal.data_dir)

    receipt = on(day).portal.apply(b.id, applicant.form, id_scan(), "身份证明.png")
    if not applicant.confirmed:
        return
    confirmed = cal.add_workdays(day, 1)
    case = receipt.case_no
    on(confirmed).portal.confirm(a["clerk"], b.id, case)
    step = confirmed
    if applicant.correction:
        step = cal.add_workdays(step, 2)
        on(step).requests.record(
            a["clerk"], b.id, case, event("correction_requested", step, days=10, missing="description")
        )
        on(step).portal.deliver(a["clerk"], b.id, case, "补正告知书")
        step = cal.add_workdays(step, 3)
        on(step).portal.answer_correction(
            receipt.code, applicant.form["phone"], "所需信息为该地块2024年出具的规划条件通知书。"
        )
    if not applicant.answered:
        return
    step = cal.add_workdays(step, 8)
    s = on(step)
    ap = s.approvals.draft_answer(a["clerk"], b.id, case, kind="予以公开", provision="按申请人要求的方式提供")
    for who, st in (
        ("clerk", Step.SUBMIT),
        ("reviewer", Step.APPROVE),
        ("secrecy", Step.SECRECY_PASS),
        ("reviewer", Step.SIGN),
        ("clerk", Step.RELEASE),
    ):
        ap = s.approvals.step(a[who], b.id, ap.id, st, ap.version)
    s.portal.deliver(a["clerk"], b.id, case, "答复书")
    if applicant.rating:
        on(cal.add_workdays(step, 2)).portal.rate(receipt.code, applicant.form["phone"], *applicant.rating)


def id_scan() -> bytes:
    """A small grey PNG standing for a scanned identity document (the demo keeps no real scan)."""
    w, h = 48, 30
    raw = b"".join(b"\x00" + bytes([200 - y * 3] * w) for y in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
