import { el } from './dom';
import { TYPE_STYLES } from './graphStyle';

/** The legend: one swatch per entity type, from the same table as the drawing. */
export function renderLegend(): HTMLElement {
  return el(
    'ul',
    { class: 'legend' },
    ...Object.values(TYPE_STYLES).map((style) => el('li', {}, el('span', { class: 'swatch', style: `background:${style.color}` }), style.label)),
  );
}
