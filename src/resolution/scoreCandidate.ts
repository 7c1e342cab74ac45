import type { EntityType } from '../model';
import type { Candidate, Mention, ScoredCandidate } from './Mention';
import { normalizeName } from './normalizeName';
import { personNameParts, type PersonNameParts } from './personNameParts';
import { editDistance, similarity } from './similarity';
import { transliterationKey } from './transliterationKey';

/**
 * Types whose names are proper names, compared with fuzzy matching. Other
 * types (statements, meetings, figures, sources …) have descriptive names,
 * where "nearly the same words" is often a different thing; they match only
 * on an exact name or alias.
 */
export const FUZZY_TYPES: ReadonlySet<EntityType> = new Set(['Person', 'Office', 'Country', 'Organization', 'Place']);

/** How much shared context (a common neighbour) adds to a score that is not already a conflict. */
const CONTEXT_BONUS = 0.05;

interface Pairing {
  score: number;
  reasons: string[];
}

/**
 * Scores how likely a mention names a candidate, in 0..1, by its best pair of
 * names (the mention's name and aliases against the candidate's). See
 * scorePersonNames and scorePlainNames for the scale; a shared neighbour
 * adds CONTEXT_BONUS unless the names conflict. `surnameCount` is how many
 * candidates of the type share the mention's surname, so that a surname
 * alone is trusted only when it is unambiguous.
 */
export function scoreCandidate(mention: Mention, candidate: Candidate, surnameCount = 1): ScoredCandidate {
  const mentionNames = [mention.name, ...(mention.aliases ?? [])];
  const candidateNames = [candidate.name, ...candidate.aliases];
  let best: Pairing = { score: 0, reasons: [] };
  for (const m of mentionNames) {
    for (const c of candidateNames) {
      const pairing = scoreNames(mention.type, m, c, c === candidate.name, surnameCount);
      if (pairing.score > best.score) best = pairing;
    }
  }
  const reasons = [...best.reasons];
  let score = best.score;
  const shared = mention.relatedIds?.filter((id) => candidate.relatedIds.includes(id)) ?? [];
  if (shared.length && score >= 0.5 && score < 1) {
    score = Math.min(0.99, score + CONTEXT_BONUS);
    reasons.push(`context: ${shared.slice(0, 3).join(', ')}`);
  }
  return { id: candidate.id, name: candidate.name, type: candidate.type, score: round(score), reasons };
}

function scoreNames(type: EntityType, mention: string, candidate: string, isName: boolean, surnameCount: number): Pairing {
  const exact = normalizeName(mention) === normalizeName(candidate);
  if (exact) return { score: 1, reasons: [isName ? 'name' : 'alias'] };
  if (!FUZZY_TYPES.has(type)) return { score: 0, reasons: [] };
  if (transliterationKey(mention) === transliterationKey(candidate)) return { score: 0.97, reasons: ['transliteration'] };
  if (type === 'Person') {
    const m = personNameParts(mention);
    const c = personNameParts(candidate);
    // "Mr. Trump" is the alias "Trump" once the honorific is gone.
    if (m?.surnameOnly && c?.surnameOnly && transliterationKey(m.surname) === transliterationKey(c.surname)) {
      return { score: 0.96, reasons: [isName ? 'name' : 'alias', 'honorific'] };
    }
    if (m && c && !c.surnameOnly) return scorePersonNames(m, c, surnameCount);
    return { score: 0, reasons: [] };
  }
  return scorePlainNames(mention, candidate);
}

/**
 * The scale for persons, by surname then given name:
 * - same surname (after transliteration) and the same given name, or a
 *   matching initial, or a one-letter typo in a long given name: 0.93–0.95;
 * - a one-letter typo in a long surname with the same given name: 0.92;
 * - the surname alone, and only one person of the type has it: 0.91; when
 *   several have it: 0.7 (review);
 * - a short given name one letter away ("Maria"/"Mario"): 0.75 (review);
 * - different given names: 0.2 whatever the surname — two people who share
 *   a surname are never merged on it.
 */
export function scorePersonNames(m: PersonNameParts, c: PersonNameParts, surnameCount: number): Pairing {
  const mSur = transliterationKey(m.surname);
  const cSur = transliterationKey(c.surname);
  const sameSurname = mSur === cSur;
  const surnameTypo = !sameSurname && Math.min(mSur.length, cSur.length) >= 5 && editDistance(mSur, cSur) === 1;
  if (!sameSurname && !surnameTypo) return { score: 0, reasons: [] };
  if (m.surnameOnly) {
    if (!sameSurname) return { score: 0.6, reasons: ['surname only', 'surname typo'] };
    return surnameCount <= 1
      ? { score: 0.91, reasons: ['surname only', 'unique in type'] }
      : { score: 0.7, reasons: ['surname only', `${surnameCount} share it`] };
  }
  const given = compareGiven(m, c);
  if (given.kind === 'conflict') return { score: 0.2, reasons: ['different given name'] };
  if (surnameTypo) return given.kind === 'same' ? { score: 0.92, reasons: ['surname typo'] } : { score: 0.6, reasons: ['surname typo', given.reason] };
  switch (given.kind) {
    case 'same':
      return { score: 0.95, reasons: ['same name', given.reason] };
    case 'initial':
      return { score: 0.93, reasons: ['initial'] };
    case 'typo':
      return { score: 0.93, reasons: ['given-name typo'] };
    case 'near':
      return { score: 0.75, reasons: ['given name one letter away'] };
  }
}

type GivenComparison = { kind: 'same' | 'initial' | 'typo' | 'near' | 'conflict'; reason: string };

function compareGiven(m: PersonNameParts, c: PersonNameParts): GivenComparison {
  if (m.given && c.given) {
    const a = transliterationKey(m.given);
    const b = transliterationKey(c.given);
    if (a === b) return { kind: 'same', reason: m.given === c.given ? 'given name' : 'transliteration' };
    // A middle name used as the given name ("Tayyip Erdoğan" for "Recep Tayyip Erdoğan").
    if (c.middles.some((middle) => transliterationKey(middle) === a) || m.middles.some((middle) => transliterationKey(middle) === b)) {
      return { kind: 'same', reason: 'middle name' };
    }
    const edits = editDistance(a, b);
    if (edits === 1 && Math.min(a.length, b.length) >= 6) return { kind: 'typo', reason: 'typo' };
    if (edits === 1) return { kind: 'near', reason: 'near' };
    return { kind: 'conflict', reason: 'different' };
  }
  // An initial on either side: compatible when it is the given name's first letter (after transliteration: W. ~ V.).
  const a = transliterationKey(m.givenInitial ?? '');
  const b = transliterationKey(c.givenInitial ?? '');
  return a && b && a[0] === b[0] ? { kind: 'initial', reason: 'initial' } : { kind: 'conflict', reason: 'different initial' };
}

/**
 * The scale for other proper names (countries, organisations, places,
 * offices): a leading "the" is ignored; otherwise the Levenshtein similarity
 * of the transliteration keys, counted only from 0.8 (below, names of this
 * kind are different names: "Austria" / "Australia").
 */
export function scorePlainNames(mention: string, candidate: string): Pairing {
  const a = transliterationKey(mention).replace(/^the /, '');
  const b = transliterationKey(candidate).replace(/^the /, '');
  if (a === b) return { score: 0.96, reasons: ['without article'] };
  const s = similarity(a, b);
  // Short names differ meaningfully by one letter ("Iran" / "Iraq"): they never score as typos.
  if (Math.min(a.length, b.length) < 6) return { score: 0, reasons: [] };
  return s >= 0.8 ? { score: s, reasons: ['similar spelling'] } : { score: 0, reasons: [] };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
