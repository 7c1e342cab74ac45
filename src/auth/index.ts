export { ROLES, ANONYMOUS } from './Viewer';
export type { Role, Viewer } from './Viewer';
export { authenticate } from './authenticate';
export { hashApiKey } from './hashApiKey';
export { parseApiKeys } from './parseApiKeys';
export type { ApiKey, ApiKeySource, ParsedApiKeys } from './parseApiKeys';
export { hasRole, requireRole } from './requireRole';
