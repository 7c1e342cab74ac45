import fs from 'node:fs';
import path from 'node:path';
import { mergeTypeDefs } from '@graphql-tools/merge';
import type { DocumentNode } from 'graphql';
import { projectRoot } from '../config';

/** The folder of SDL files that make up the public contract. */
export const schemaDir = path.join(projectRoot, 'schema');

/**
 * Reads every schema/*.graphql file (in name order, so the result is stable)
 * and merges them into one document; `extend type Query` in one file adds to
 * the root type of another.
 */
export function loadTypeDefs(dir = schemaDir): DocumentNode {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort();
  return mergeTypeDefs(files.map((name) => fs.readFileSync(path.join(dir, name), 'utf8')));
}
