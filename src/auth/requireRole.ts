import { forbidden } from '../errors';
import { ROLES, type Role, type Viewer } from './Viewer';

/** True when the viewer's role is `role` or stronger (reader < analyst < editor < admin). */
export function hasRole(viewer: Viewer, role: Role): boolean {
  return ROLES.indexOf(viewer.role) >= ROLES.indexOf(role);
}

/**
 * Throws FORBIDDEN unless the viewer has `role` or a stronger one. Call it
 * first in every resolver that is not public reading; `action` names what
 * was refused in the message ("cypher", "runSavedQuery(\"x\")").
 */
export function requireRole(viewer: Viewer, role: Role, action = 'this operation'): void {
  if (hasRole(viewer, role)) return;
  throw forbidden(`${action} needs the ${role} role; this request has the ${viewer.role} role.`, {
    requiredRole: role,
    role: viewer.role,
  });
}
