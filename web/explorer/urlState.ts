/**
 * What the view shows, kept in the URL (?id=…&expand=…&to=…&edge=…) so a
 * link reopens it: the entity at the centre, the nodes expanded since, the
 * path target and the edge whose evidence is open.
 */
export interface ViewState {
  id: string | null;
  expanded: string[];
  to: string | null;
  edge: string | null;
}

export function readViewState(location: Location = window.location): ViewState {
  const params = new URLSearchParams(location.search);
  return {
    id: params.get('id'),
    expanded: (params.get('expand') ?? '').split(',').filter(Boolean),
    to: params.get('to'),
    edge: params.get('edge'),
  };
}

export function writeViewState(state: ViewState): void {
  const params = new URLSearchParams();
  if (state.id) params.set('id', state.id);
  if (state.expanded.length) params.set('expand', state.expanded.join(','));
  if (state.to) params.set('to', state.to);
  if (state.edge) params.set('edge', state.edge);
  const search = params.toString();
  history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}
