"""Office pages, `/office/{body_id}/…`: every route here is for the body's staff only.

The dependencies on this router (the `office` check and the write rate limit) apply to every module's
routes: a module adds `router = APIRouter()` with paths relative to the body, and its nav items.
"""

from fastapi import APIRouter, Depends

from gongkai.web.deps import office, rate_limit_writes
from gongkai.web.routes import area_routers

router = APIRouter(prefix="/office/{body_id}", dependencies=[Depends(office), Depends(rate_limit_writes)])
for _r in area_routers(__name__, __path__):
    router.include_router(_r)
