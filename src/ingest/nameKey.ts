import { normalizeName } from '../resolution';

/**
 * The key names and aliases are stored under (`nameKey`, `aliasKeys`):
 * src/resolution's normalizeName, so the loader and resolution never
 * disagree on it.
 */
export const nameKey = normalizeName;
