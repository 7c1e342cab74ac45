import { el } from './dom';
import { graphql } from './api';
import { SOURCES, type EdgeDetails, type SourceAttribution } from './queries';

/** Who published each of these sources and whom it cites, in one request. */
export async function loadAttributions(edges: EdgeDetails[]): Promise<Map<string, SourceAttribution>> {
  const ids = [...new Set(edges.flatMap((edge) => edge.evidence.map((evidence) => evidence.source.id)))].slice(0, 100);
  if (!ids.length) return new Map();
  const data = await graphql<{ entities: Array<SourceAttribution | null> }>(SOURCES, { ids });
  return new Map(data.entities.filter((source): source is SourceAttribution => source !== null).map((source) => [source.id, source]));
}

/** "reported by AFP; citing TASS (via)": who published a source and whom it cites. */
function attribution(source: SourceAttribution | undefined): string {
  if (!source) return '';
  const publishers = (source.publisher?.edges ?? []).map((edge) => edge.node.name);
  const cited = (source.cites?.edges ?? []).map((edge) => (edge.role ? `${edge.node.name} (${edge.role})` : edge.node.name));
  const parts: string[] = [];
  if (publishers.length) parts.push(`reported by ${publishers.join(', ')}`);
  if (cited.length) parts.push(`citing ${cited.join(', ')}`);
  return parts.join('; ');
}

/**
 * One relationship and why the graph holds it: for each source, the quote,
 * the date, the confidence, who reported it and whom it cites. `names`
 * turns entity ids into the names drawn on the graph.
 */
export function renderEdge(edge: EdgeDetails, names: (id: string) => string, sources: Map<string, SourceAttribution>): HTMLElement {
  const title = el(
    'h3',
    {},
    `${names(edge.from)} `,
    el('span', { class: 'rel' }, `${edge.type}${edge.role ? ` (${edge.role})` : ''}`),
    ` ${names(edge.to)}`,
  );
  const items = edge.evidence.map((evidence) => {
    const when = evidence.dateText ?? evidence.date;
    const facts = [
      when ? `date: ${when}${evidence.dateText && evidence.date ? ` (${evidence.date})` : ''}` : null,
      evidence.confidence !== null ? `confidence: ${evidence.confidence}` : null,
    ].filter(Boolean);
    const cite = attribution(sources.get(evidence.source.id));
    return el(
      'li',
      { class: 'evidence' },
      evidence.quote ? el('blockquote', { class: 'quote' }, `“${evidence.quote}”`) : null,
      evidence.statement ? el('div', { class: 'statement' }, `Statement: ${evidence.statement.name}`) : null,
      el('div', { class: 'source' }, 'Source: ', el('strong', {}, evidence.source.name), evidence.source.kind ? ` (${evidence.source.kind})` : ''),
      cite ? el('div', { class: 'attribution' }, cite) : null,
      facts.length ? el('div', { class: 'facts' }, facts.join(' · ')) : null,
    );
  });
  return el(
    'section',
    { class: 'edge-details', 'data-edge': edge.id },
    title,
    edge.status ? el('div', { class: 'facts' }, `status: ${edge.status}`) : null,
    items.length ? el('ul', {}, ...items) : el('p', {}, 'No evidence recorded for this relationship.'),
  );
}
