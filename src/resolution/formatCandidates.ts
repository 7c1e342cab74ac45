import type { ScoredCandidate } from './Mention';

/** One line for people: `vladimir-putin "Vladimir Putin" 0.75 (given name one letter away)`, joined by "; ". */
export function formatCandidates(candidates: readonly ScoredCandidate[]): string {
  return candidates.map((c) => `${c.id} "${c.name}" ${c.score.toFixed(2)} (${c.reasons.join(', ')})`).join('; ');
}
