import type { StylesheetJson } from 'cytoscape';

/** Colour and shape of each entity type: the drawing and the legend both read this one table. */
export const TYPE_STYLES: Record<string, { color: string; shape: string; label: string }> = {
  PERSON: { color: '#2563eb', shape: 'ellipse', label: 'Person' },
  OFFICE: { color: '#7c3aed', shape: 'round-rectangle', label: 'Office' },
  COUNTRY: { color: '#059669', shape: 'hexagon', label: 'Country' },
  ORGANIZATION: { color: '#0891b2', shape: 'round-rectangle', label: 'Organization' },
  PLACE: { color: '#65a30d', shape: 'round-triangle', label: 'Place' },
  MEETING: { color: '#ea580c', shape: 'diamond', label: 'Meeting' },
  PROPOSAL: { color: '#d97706', shape: 'round-diamond', label: 'Proposal' },
  EVENT: { color: '#dc2626', shape: 'star', label: 'Event' },
  STATEMENT: { color: '#db2777', shape: 'round-tag', label: 'Statement' },
  SOURCE: { color: '#6b7280', shape: 'rectangle', label: 'Source' },
  FIGURE: { color: '#0d9488', shape: 'octagon', label: 'Figure' },
};

/**
 * The stylesheet: nodes coloured and shaped by type (the class the API
 * gives each node), labels under the nodes on a light backing so they stay
 * readable where they cross edges, hidden when zoomed out too far to read;
 * edge labels only on hover, selection or a drawn path, since a hub's
 * hundreds of edge labels would bury everything else.
 */
export function graphStyle(): StylesheetJson {
  const byType = Object.entries(TYPE_STYLES).map(([type, style]) => ({
    selector: `node.${type.toLowerCase()}`,
    style: { 'background-color': style.color, shape: style.shape as never },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 22,
        height: 22,
        'background-color': '#9ca3af',
        'border-width': 1.5,
        'border-color': '#ffffff',
        color: '#111827',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 7,
      },
    },
    ...byType,
    { selector: 'node.distance-0', style: { width: 34, height: 34, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#111827' } },
    { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#111827' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#cbd5e1',
        'target-arrow-color': '#cbd5e1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        'font-size': 9,
        'font-family': 'system-ui, sans-serif',
        color: '#374151',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
      },
    },
    { selector: 'edge:selected, edge.hover, edge.on-path', style: { label: 'data(label)', width: 3 } },
    { selector: 'edge:selected', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b' } },
    { selector: 'edge.on-path', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626' } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#dc2626' } },
    { selector: 'node.dim, edge.dim', style: { opacity: 0.25 } },
  ];
}

/** The force-directed layout for a knowledge graph: fcose, spreading nodes so labels have room. */
export function layoutOptions(randomize: boolean): Record<string, unknown> {
  return {
    name: 'fcose',
    quality: 'default',
    randomize,
    animate: false,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 110,
    edgeElasticity: () => 0.3,
    gravity: 0.2,
    numIter: 2500,
    packComponents: true,
  };
}
