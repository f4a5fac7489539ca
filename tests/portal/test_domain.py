"""The portal's domain without a store: the online form, identity documents, tracking codes, the guide
generated from a profile, the 社会评议 sentence."""

from __future__ import annotations

import os
from datetime import date as D

import pytest

from gongkai.errors import InputError, LimitExceeded
from gongkai.org.model import BodyProfile
from gongkai.portal import (
    Guide,
    OnlineApplication,
    RatingSummary,
    codes,
    default_guide,
    default_rules,
    documents,
)
from gongkai.portal.application import ApplicationInvalid
from gongkai.register.request import missing_elements
from gongkai.register.types import Channel, IdType

from .samples import COMPANY, PERSON, pdf_bytes, png_bytes


def test_a_person_applies_with_every_element_of_article_29():
    app = OnlineApplication.parse(PERSON)
    assert app.id_type is IdType.RESIDENT_ID and app.applicant_type == "natural_person"
    assert app.phone_tail == "2468"
    req = app.to_request("网申2025-00007", D(2025, 9, 16))
    assert req.channel is Channel.ONLINE and req.confirmed_on is None and req.received_on == D(2025, 9, 16)
    assert missing_elements(req) == ()  # nothing for a 补正 to ask


def test_an_organisation_is_identified_by_its_credit_code_and_counted_in_its_column():
    app = OnlineApplication.parse(COMPANY)
    assert app.id_type is IdType.CREDIT_CODE and app.applicant_type == "commercial"
    assert app.to_request("网申2025-00008", D(2025, 9, 17)).address.startswith("淮安市经济技术开发区")


def test_every_problem_of_a_form_is_named_at_once():
    bad = {**PERSON, "id_number": "320811198506152314", "phone": "", "medium": "", "content": "  "}
    with pytest.raises(ApplicationInvalid) as e:
        OnlineApplication.parse(bad)
    assert set(e.value.problems) == {"id_number", "phone", "medium", "content"}
    assert "校验码" in e.value.problems["id_number"]
    bad_code = {**COMPANY, "id_number": "91320812MA1MD4PH0A", "org_type": "bank"}
    with pytest.raises(ApplicationInvalid) as e:
        OnlineApplication.parse(bad_code)
    assert set(e.value.problems) == {"org_type", "id_number"} and "统一社会信用代码" in str(e.value.problems)


def test_only_what_the_law_asks_is_mandatory():
    minimal = {k: PERSON[k] for k in ("kind", "name", "id_number", "phone", "content", "medium")}
    app = OnlineApplication.parse({**minimal, "delivery": "online"})  # no address, e-mail or purpose
    assert app.address == "" and app.purpose == "" and app.email == ""
    with pytest.raises(ApplicationInvalid) as e:
        OnlineApplication.parse({**minimal, "delivery": "post"})
    assert e.value.problems == {"address": "选择邮寄的，须填写通信地址"}
    with pytest.raises(ApplicationInvalid) as e:
        OnlineApplication.parse({**minimal, "delivery": "email"})
    assert list(e.value.problems) == ["email"]


def test_identity_documents_are_checked_by_content_not_by_name(tmp_path):
    assert documents.check_upload(png_bytes(), "身份证.png").extension == "png"
    assert documents.check_upload(pdf_bytes(), "scan.jpg").mime == "application/pdf"  # the content decides
    with pytest.raises(InputError, match="不是PDF、JPG或PNG"):
        documents.check_upload(b"MZ\x90\x00" + b"\x00" * 60, "身份证.pdf")
    with pytest.raises(InputError, match="实际为zip"):
        documents.check_upload(b"PK\x03\x04" + b"\x00" * 60, "id.png")
    with pytest.raises(LimitExceeded, match="过大"):
        documents.check_upload(png_bytes() + b"\x00" * 2048, "big.png", max_bytes=1024)
    name = documents.save(tmp_path, documents.check_upload(png_bytes(), "韦明远身份证.png"))
    path = documents.resolve(tmp_path, name)
    assert "韦明远" not in name and path.read_bytes() == png_bytes()
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    with pytest.raises(InputError):
        documents.resolve(tmp_path, "identity/../../etc/passwd")
    assert documents.delete(tmp_path, name) and not documents.delete(tmp_path, name)


def test_tracking_codes_are_random_normalised_and_compared_in_constant_time():
    a, b = codes.new_code(), codes.new_code()
    assert a != b and len(a) == 23 and a.count("-") == 3
    assert codes.digest(a.lower().replace("-", " ")) == codes.digest(a)
    assert not set(a.replace("-", "")) & set("01OIL")
    assert codes.same_tail("2468", "139-5178-2468") and not codes.same_tail("2468", "2469")
    assert not codes.same_tail("", "")


def test_the_guide_is_generated_from_the_profile_and_lists_article_12():
    profile = BodyProfile(
        office_name="淮安市生态环境局办公室", address="淮安市健康东路9号", phone="0517-83662301"
    )
    g = default_guide("淮安市生态环境局", profile, "https://portal.example/b/hbj/apply")
    assert g.office_name == "淮安市生态环境局办公室" and g.phone == "0517-83662301"
    assert g.online.endswith("/apply") and "第三十一条" in g.procedure and "109号" in g.fees
    assert g.with_changes(hours="周一至周五 8:30—17:30").hours == "周一至周五 8:30—17:30"
    with pytest.raises(InputError, match="没有字段"):
        Guide.from_dict({"office": "x"})
    assert default_rules("淮安市生态环境局").startswith("淮安市生态环境局政府信息公开工作制度")


def test_the_rating_sentence_for_section_one():
    s = RatingSummary("hbj", "淮安市生态环境局", 2025, satisfied=7, mostly=3, dissatisfied=2)
    assert s.total == 12 and s.sentence() == (
        "2025年申请人通过网上评价对本机关12件依申请公开答复作出评价，其中满意7件、基本满意3件、不满意2件，"
        "满意率（含基本满意）为83.3%。"
    )
    assert "未收到" in RatingSummary("hbj", "x", 2025).sentence()
