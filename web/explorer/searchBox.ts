import { graphql } from './api';
import { el } from './dom';
import { SEARCH } from './queries';

interface Hit {
  score: number;
  entity: { id: string; name: string; type: string; description: string | null };
}

/**
 * A search field over the API's typo-tolerant full-text search: hits appear
 * as one types (after a short pause), Enter or a click picks one.
 */
export function attachSearch(input: HTMLInputElement, list: HTMLElement, onPick: (id: string, name: string) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hits: Hit[] = [];
  let asked = 0;
  const pick = (hit: Hit) => {
    list.replaceChildren();
    input.value = hit.entity.name;
    onPick(hit.entity.id, hit.entity.name);
  };
  const search = async () => {
    const text = input.value.trim();
    const ticket = ++asked;
    if (!text) return list.replaceChildren();
    const data = await graphql<{ search: Hit[] }>(SEARCH, { text });
    if (ticket !== asked) return; // a newer search is under way
    hits = data.search;
    list.replaceChildren(
      ...(hits.length
        ? hits.map((hit) => {
            const item = el('li', { role: 'option', 'data-id': hit.entity.id }, el('strong', {}, hit.entity.name), ` ${hit.entity.type.toLowerCase()}`);
            item.addEventListener('click', () => pick(hit));
            return item;
          })
        : [el('li', { class: 'none' }, `Nothing matches “${text}”.`)]),
    );
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search().catch((error: Error) => list.replaceChildren(el('li', { class: 'error' }, error.message))), 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    clearTimeout(timer);
    void search().then(() => hits[0] && pick(hits[0]));
  });
}
