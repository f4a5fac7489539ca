"""Who may do what: roles, the acting user, and permissions as plain predicate functions.

Every service operation takes an `Actor`; the web builds it from the signed-in user's grants, the command
line from the operator (`Actor.operator`, a local administrator). Permissions are the predicates in
`permissions` — one function per question, tested one by one — used by the services and the web alike.
"""

from gongkai.access.actor import Actor, Grant
from gongkai.access.roles import ROLE_LABELS, Role

__all__ = ["ROLE_LABELS", "Actor", "Grant", "Role"]
