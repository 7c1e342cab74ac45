import path from 'node:path';

/** What the generated neo4j.conf depends on. */
export interface Neo4jConfOptions {
  /** The server's home: conf/, data/, logs/, import/, plugins/ and run/ live inside it. */
  homeDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  /** Upper bound on the memory one transaction may take (db.memory.transaction.max). */
  txMemoryMax: string;
}

/**
 * Procedures that may be loaded from plugins. Built-in procedures are always
 * present; the analyst endpoint allows procedures by name on top of this.
 */
export const PROCEDURE_ALLOWLIST = 'db.index.fulltext.*,db.labels,db.relationshipTypes,db.propertyKeys,db.schema.*';

/**
 * Renders neo4j.conf. Everything a client could reach is closed unless the
 * API needs it: Bolt on loopback only, HTTP and HTTPS off, no usage report,
 * no file URLs for LOAD CSV, an import folder that holds nothing, auth on.
 * The transaction limits are a floor under the API's own timeouts, so even a
 * query the API failed to bound cannot run or allocate without end.
 */
export function renderNeo4jConf(options: Neo4jConfOptions): string {
  const dir = (name: string) => path.join(options.homeDir, name);
  const settings: Record<string, string> = {
    'server.default_listen_address': '127.0.0.1',
    'server.default_advertised_address': '127.0.0.1',
    'server.bolt.enabled': 'true',
    'server.bolt.listen_address': `127.0.0.1:${options.boltPort}`,
    'server.bolt.advertised_address': `127.0.0.1:${options.boltPort}`,
    'server.http.enabled': 'false',
    'server.https.enabled': 'false',
    'dbms.usage_report.enabled': 'false',
    'dbms.security.auth_enabled': 'true',
    'dbms.security.allow_csv_import_from_file_urls': 'false',
    'dbms.security.procedures.allowlist': PROCEDURE_ALLOWLIST,
    'server.memory.heap.initial_size': options.heap,
    'server.memory.heap.max_size': options.heap,
    'server.memory.pagecache.size': options.pageCache,
    'db.memory.transaction.max': options.txMemoryMax,
    'db.transaction.timeout': '120s',
    'db.lock.acquisition.timeout': '30s',
    'server.directories.data': dir('data'),
    'server.directories.logs': dir('logs'),
    'server.directories.import': dir('import'),
    'server.directories.plugins': dir('plugins'),
    'server.directories.run': dir('run'),
    'db.tx_log.rotation.retention_policy': '2 files',
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  return `# Written by diplograph at every start; edits here are overwritten.\n${lines.join('\n')}\n`;
}
