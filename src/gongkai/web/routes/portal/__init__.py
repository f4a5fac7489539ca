"""The public portal: `/` (the regions and their bodies), each body's 政府信息公开 column under
`/gk/{body_id}/` (指南, 制度, 法定主动公开内容 with search, 年报), the online application and its tracking.

No page here needs a login, and none shows an applicant's personal data: the tracking pages show the
applicant what they wrote, after the code and the telephone's last four digits. Applying and tracking are
rate-limited per client address (`common.limit`).
"""

from fastapi import APIRouter

from gongkai.web.routes import area_routers

router = APIRouter()
for _r in area_routers(__name__, __path__):
    router.include_router(_r)
