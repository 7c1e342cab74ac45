export { ROLES, ANONYMOUS } from './Viewer';
export type { Role, Viewer } from './Viewer';
