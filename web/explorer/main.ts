/**
 * The explorer at /explorer: search an entity, see its neighbourhood drawn
 * with Cytoscape.js, click a node to expand it, click an edge to read its
 * evidence, ask how two entities are connected. Every request goes to the
 * API that served the page; the view's state lives in the URL.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { graphql } from './api';
import { byId, el } from './dom';
import { loadAttributions, renderEdge } from './evidencePanel';
import { graphStyle, layoutOptions } from './graphStyle';
import { renderLegend } from './legend';
import { EXPAND, NEIGHBOURHOOD, PATHS, type EdgeDetails, type Elements, type EntitySummary, type SubgraphResult } from './queries';
import { attachSearch } from './searchBox';
import { readViewState, writeViewState, type ViewState } from './urlState';

cytoscape.use(fcose);

/** Entities drawn by the first view and added by each expansion; the API's own cap is GRAPH_MAX_NODE_LIMIT. */
const VIEW_LIMIT = 100;
const EXPAND_LIMIT = 50;

let state: ViewState = readViewState();
const edgeDetails = new Map<string, EdgeDetails>();
const details = byId('details');
const statusLine = byId('status');

const cy: Core = cytoscape({
  container: byId('graph'),
  style: graphStyle(),
  minZoom: 0.2,
  maxZoom: 3,
});
// For people debugging in the console, and for the browser tests that click real node positions.
(window as unknown as { cy: Core }).cy = cy;

const nameOf = (id: string): string => (cy.getElementById(id).nonempty() ? (cy.getElementById(id).data('label') as string) : id);
const say = (text: string) => (statusLine.textContent = text);
const saveState = () => writeViewState(state);

function toDefinitions(elements: Elements): ElementDefinition[] {
  return [
    ...elements.nodes.map((node) => ({ group: 'nodes' as const, data: node.data, classes: node.classes })),
    ...elements.edges.map((edge) => ({ group: 'edges' as const, data: edge.data, classes: edge.classes })),
  ];
}

/** Adds what is not drawn yet; returns how many nodes were new. */
function draw(subgraph: SubgraphResult): number {
  for (const edge of subgraph.edges) edgeDetails.set(edge.id, edge);
  const fresh = toDefinitions(subgraph.elements).filter((definition) => cy.getElementById(definition.data.id!).empty());
  cy.add(fresh);
  return fresh.filter((definition) => definition.group === 'nodes').length;
}

function layout(randomize: boolean): Promise<void> {
  const run = cy.layout(layoutOptions(randomize) as unknown as cytoscape.LayoutOptions);
  const done = run.promiseOn('layoutstop').then(() => undefined);
  run.run();
  return done;
}

function showEntity(entity: EntitySummary): void {
  details.replaceChildren(
    el(
      'section',
      { class: 'entity-details' },
      el('h2', {}, entity.name),
      el('div', { class: 'facts' }, `${entity.type.toLowerCase()} · ${entity.relations.totalCount.toLocaleString('en')} relationships · id ${entity.id}`),
      entity.description ? el('p', {}, entity.description) : null,
      el('p', { class: 'hint' }, 'Click a node to add its neighbours; click an edge to read its evidence.'),
    ),
  );
}

/** Draws an entity's neighbourhood (two hops, at most VIEW_LIMIT entities) in place of what was drawn. */
async function openEntity(id: string): Promise<void> {
  say(`Loading ${id}…`);
  const data = await graphql<{ neighborhood: SubgraphResult; entity: EntitySummary }>(NEIGHBOURHOOD, { id, limit: VIEW_LIMIT });
  cy.elements().remove();
  edgeDetails.clear();
  draw(data.neighborhood);
  cy.getElementById(id).addClass('focus');
  await layout(true);
  state = { id, expanded: [], to: null, edge: null };
  saveState();
  showEntity(data.entity);
  const total = data.entity.relations.totalCount;
  const direct = cy.getElementById(id).connectedEdges().length;
  say(
    data.neighborhood.truncated
      ? `Showing ${cy.nodes().length} entities, truncated: ${direct} of ${total.toLocaleString('en')} relationships of ${data.entity.name} are drawn. Click a node to expand it.`
      : `Showing ${cy.nodes().length} entities and ${cy.edges().length} relationships within two hops of ${data.entity.name}.`,
  );
}

/** Adds a node's neighbours that are not drawn yet (expand with exclude), keeping the rest in place. */
async function expandNode(id: string): Promise<void> {
  const drawn = cy
    .nodes()
    .map((node) => node.id())
    .filter((other) => other !== id);
  const data = await graphql<{ expand: SubgraphResult }>(EXPAND, { ids: [id], exclude: drawn.slice(0, 5000), limit: EXPAND_LIMIT });
  const added = draw(data.expand);
  if (added > 0) await layout(false);
  if (!state.expanded.includes(id)) state.expanded.push(id);
  saveState();
  say(
    data.expand.truncated
      ? `${nameOf(id)}: ${added} more entities drawn, truncated at ${EXPAND_LIMIT}; click it again for the next ones.`
      : `${nameOf(id)}: ${added} more ${added === 1 ? 'entity' : 'entities'} drawn (${cy.nodes().length} in all).`,
  );
}

async function showEdge(id: string): Promise<void> {
  const edge = edgeDetails.get(id);
  if (!edge) return;
  cy.$(':selected').unselect();
  cy.getElementById(id).select();
  state.edge = id;
  saveState();
  details.replaceChildren(renderEdge(edge, nameOf, await loadAttributions([edge])));
}

interface PathResult {
  length: number;
  nodes: Array<{ entityId: string; name: string; type: string }>;
  edges: EdgeDetails[];
}

/** Finds how the entity at the centre connects to another, draws the paths and lists every hop with its evidence. */
async function connectTo(to: string): Promise<void> {
  if (!state.id) {
    say('Pick an entity first, then ask how it connects to another.');
    return;
  }
  say(`Looking for paths from ${nameOf(state.id)} to ${to}…`);
  const data = await graphql<{ paths: PathResult[] }>(PATHS, { from: state.id, to });
  cy.elements().removeClass('on-path');
  const nodes = data.paths.flatMap((path) => path.nodes);
  const edges = data.paths.flatMap((path) => path.edges);
  draw({
    truncated: false,
    edges,
    elements: {
      nodes: nodes.map((node) => ({ data: { id: node.entityId, label: node.name, type: node.type }, classes: [node.type.toLowerCase()] })),
      edges: edges.map((edge) => ({ data: { id: edge.id, source: edge.from, target: edge.to, label: edge.type }, classes: [edge.type.toLowerCase()] })),
    },
  });
  for (const id of [...nodes.map((node) => node.entityId), ...edges.map((edge) => edge.id)]) cy.getElementById(id).addClass('on-path');
  await layout(false);
  state.to = to;
  state.edge = null; // the paths take the side panel
  saveState();
  const target = nodes.find((node) => node.entityId === to)?.name ?? to;
  if (!data.paths.length) {
    say(`No path of at most 4 relationships from ${nameOf(state.id)} to ${target}.`);
    details.replaceChildren(el('p', {}, `No path of at most 4 relationships connects them.`));
    return;
  }
  say(`${data.paths.length} ${data.paths.length === 1 ? 'path' : 'paths'} from ${nameOf(state.id)} to ${target}, drawn in red.`);
  const sources = await loadAttributions(edges);
  details.replaceChildren(
    el('h2', {}, `How ${nameOf(state.id)} and ${target} are connected`),
    ...data.paths.map((path, index) =>
      el(
        'section',
        { class: 'path' },
        el('h3', {}, `Path ${index + 1}: ${path.nodes.map((node) => node.name).join(' — ')}`),
        ...path.edges.map((edge) => renderEdge(edge, nameOf, sources)),
      ),
    ),
  );
}

function report(error: unknown): void {
  say(`Error: ${error instanceof Error ? error.message : String(error)}`);
}

cy.on('tap', 'node', (event) => {
  const id = event.target.id() as string;
  void expandNode(id).catch(report);
});
cy.on('tap', 'edge', (event) => void showEdge(event.target.id() as string).catch(report));
cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));

attachSearch(byId<HTMLInputElement>('search'), byId('search-results'), (id) => void openEntity(id).catch(report));
attachSearch(byId<HTMLInputElement>('connect'), byId('connect-results'), (id) => void connectTo(id).catch(report));
byId('legend').replaceChildren(renderLegend());

/** Reopens the view a link describes: the entity, then each expansion, the path and the open edge, in that order. */
async function restore(saved: ViewState): Promise<void> {
  if (!saved.id) {
    say('Search for an entity to start, for example “Witkoff”.');
    return;
  }
  await openEntity(saved.id);
  for (const id of saved.expanded) await expandNode(id);
  if (saved.to) await connectTo(saved.to);
  if (saved.edge) await showEdge(saved.edge);
}
void restore(state).catch(report);
