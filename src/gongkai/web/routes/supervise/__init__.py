"""Supervisor pages, `/supervise/{region_id}/…`: the region's 主管部门 (and the administrator) only.
Modules of this package each add a `router` with paths relative to the region."""

from fastapi import APIRouter, Depends

from gongkai.web.deps import rate_limit_writes, supervision
from gongkai.web.routes import area_routers

router = APIRouter(
    prefix="/supervise/{region_id}", dependencies=[Depends(supervision), Depends(rate_limit_writes)]
)
for _r in area_routers(__name__, __path__):
    router.include_router(_r)
