"""System administration, `/admin/…`: the administrator only."""

from fastapi import APIRouter, Depends

from gongkai.web.deps import administrator, rate_limit_writes
from gongkai.web.routes import area_routers

router = APIRouter(prefix="/admin", dependencies=[Depends(administrator), Depends(rate_limit_writes)])
for _r in area_routers(__name__, __path__):
    router.include_router(_r)
