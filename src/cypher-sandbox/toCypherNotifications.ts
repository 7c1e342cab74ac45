import type { CypherNotification } from './CypherTypes';
import { NO_SHIFT, shiftPosition, type TextShift } from './mapCypherError';

/** The fields of a driver Notification this module reads. */
interface DriverNotification {
  code: string;
  title: string;
  description: string;
  severity?: string;
  rawSeverityLevel?: string;
  severityLevel?: string;
  rawCategory?: string;
  category?: string;
  position?: { offset?: number; line?: number; column?: number } | Record<string, never>;
}

/**
 * The server's notifications (cartesian products, unknown labels, deprecated
 * syntax, …) as plain data, with positions in the analyst's own text.
 */
export function toCypherNotifications(notifications: readonly DriverNotification[], shift: TextShift = NO_SHIFT): CypherNotification[] {
  return notifications.map((n) => {
    const p = n.position as { offset?: number; line?: number; column?: number } | undefined;
    const hasPosition = p && typeof p.line === 'number' && typeof p.column === 'number' && typeof p.offset === 'number';
    return {
      code: n.code,
      title: n.title,
      description: n.description,
      severity: n.rawSeverityLevel ?? n.severityLevel ?? n.severity ?? 'UNKNOWN',
      category: n.rawCategory ?? n.category ?? null,
      position: hasPosition ? shiftPosition({ line: p.line!, column: p.column!, offset: p.offset! }, shift) : null,
    };
  });
}

/** Joins notifications from EXPLAIN and from the run, dropping repeats of the same code at the same place. */
export function mergeNotifications(...lists: CypherNotification[][]): CypherNotification[] {
  const seen = new Set<string>();
  return lists.flat().filter((n) => {
    const key = `${n.code}@${n.position?.offset ?? '-'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
