"""The audit log in words: its actions and the records they touch, as the log pages show them.

Codes stay in the database (stable, English); a code without a label here is shown as it is.
"""

from __future__ import annotations

ACTIONS = {
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "void": "作废",
    "issue": "出具",
    "submit": "提交",
    "publish": "发布",
    "purge": "清除个人信息",
    "password": "修改密码",
    "lock": "锁定账户",
    "login": "登录",
    "login_refused": "登录被拒",
}

RECORDS = {
    "users": "账户",
    "user_grants": "账户权限",
    "regions": "地区",
    "bodies": "机关",
    "requests": "申请",
    "request_events": "办理环节",
    "notices": "告知书",
    "appeal_cases": "复议诉讼案件",
    "documents": "规章规范性文件",
    "yearly_counts": "年度数据",
    "publications": "主动公开信息",
    "annual_reports": "年度报告",
    "seed_reports": "往年报告",
    "uploaded_reports": "上传的报告",
    "portal_guides": "公开指南",
    "portal_applications": "网上申请",
}
