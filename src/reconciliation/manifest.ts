import { ENTITY_TYPES } from '../model';

/** The identifier and schema spaces the service declares: its own, as the graph's ids are its own. */
export const IDENTIFIER_SPACE = 'https://diplograph.invalid/entity/';
export const SCHEMA_SPACE = 'https://diplograph.invalid/type/';

/**
 * The service manifest of the W3C Entity Reconciliation API, version 0.2
 * (the one OpenRefine speaks): what GET /reconcile answers without
 * queries. `base` is the URL the service is reached at (…/reconcile), so
 * the preview and view links work behind any host or port.
 */
export function reconciliationManifest(base: string): Record<string, unknown> {
  return {
    versions: ['0.1', '0.2'],
    name: 'diplograph entity reconciliation',
    identifierSpace: IDENTIFIER_SPACE,
    schemaSpace: SCHEMA_SPACE,
    defaultTypes: ENTITY_TYPES.map((type) => ({ id: type, name: type })),
    view: { url: `${base}/preview?id={{id}}` },
    preview: { url: `${base}/preview?id={{id}}`, width: 400, height: 200 },
  };
}
