import type { EntityType } from '../model';

/**
 * A name to resolve against the graph, as a document, the write API or a
 * reconciliation query gives it.
 */
export interface Mention {
  /** The caller's key for it (a document's entity id, a query key); outcomes come back under it. */
  key: string;
  type: EntityType;
  name: string;
  aliases?: readonly string[];
  /** An id the caller proposes; an entity already in the graph with this id is the same entity. */
  id?: string;
  /** The caller's decision: this mention is that graph entity. */
  sameAs?: string;
  /** The caller's decision: this mention is none of these graph entities. */
  distinctFrom?: readonly string[];
  /** Ids of entities the source relates it to (its office, its country, a meeting): shared ones raise a candidate's score. */
  relatedIds?: readonly string[];
}

/** One graph entity a mention might be, as the candidate sources return it. */
export interface Candidate {
  id: string;
  type: string;
  name: string;
  aliases: readonly string[];
  /** Ids of the candidate's neighbours in the graph, for context. */
  relatedIds: readonly string[];
}

/** A candidate with its score for one mention, and why. */
export interface ScoredCandidate {
  id: string;
  name: string;
  type: string;
  score: number;
  /** Short words explaining the score: "alias", "transliteration", "initial", "surname only", "context" … */
  reasons: string[];
}

/**
 * What to do with a mention:
 * - match: it is `targetId` (score above the high threshold, or decided by id or sameAs);
 * - create: nothing in the graph is close enough; a new entity;
 * - review: between the thresholds (or several candidates above): a person
 *   must decide with sameAs or distinctFrom; `candidates` lists the choices.
 */
export type ResolutionOutcome =
  | { key: string; outcome: 'match'; targetId: string; via: 'id' | 'sameAs' | 'name' | 'fuzzy'; score: number; candidates: ScoredCandidate[] }
  | { key: string; outcome: 'create'; candidates: ScoredCandidate[] }
  | { key: string; outcome: 'review'; candidates: ScoredCandidate[]; reason: string }
  | { key: string; outcome: 'invalid'; message: string; candidates: ScoredCandidate[] };
