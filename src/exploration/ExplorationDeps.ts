import type DataLoader from 'dataloader';
import type { Config } from '../config';
import type { Db } from '../db';
import type { EntityRecord } from '../model';

/** What an exploration needs from the request: its executor, its entity loader, the configured caps. */
export interface ExplorationDeps {
  db: Db;
  entityById: DataLoader<string, EntityRecord | null>;
  limits: Config['exploration'];
}
