"""Sample applicants and files for the portal's tests (identity numbers with valid check characters)."""

from __future__ import annotations

import io

PERSON = {
    "kind": "person",
    "name": "韦明远",
    "id_type": "resident_id",
    "id_number": "320811198506152313",
    "phone": "139-5178-2468",
    "email": "wei.mingyuan@example.cn",
    "address": "江苏省淮安市清江浦区健康东路37号",
    "postcode": "223001",
    "content": "2025年第三季度清江浦区大气污染防治专项资金的分配方案",
    "medium": "electronic",
    "delivery": "email",
    "purpose": "",
}
COMPANY = {
    "kind": "organisation",
    "org_type": "commercial",
    "name": "淮安市恒澄环保科技有限公司",
    "id_number": "91320812MA1MD4PH0T",
    "phone": "0517-83916527",
    "address": "淮安市经济技术开发区枚乘路88号",
    "content": "本公司环境影响评价文件的审批意见（淮环审〔2025〕47号）",
    "medium": "paper",
    "delivery": "post",
    "purpose": "企业内部存档",
}


def png_bytes() -> bytes:
    """A real PNG image: the demo's stand-in for a scanned identity document."""
    from gongkai.demo_portal import id_scan

    return id_scan()


def pdf_bytes() -> bytes:
    """A small real PDF (python-docx cannot write PDF; this is the minimal valid file by hand)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    out.write(
        b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    )
    out.write(
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return out.getvalue()
