import type { EntityRecord } from '../model';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The entity preview of the reconciliation API: a small HTML card (name, type, aliases, description), every value escaped. */
export function previewHtml(entity: EntityRecord): string {
  const aliases = entity.aliases?.length ? `<p>Also: ${entity.aliases.map(escapeHtml).join(', ')}</p>` : '';
  const description = entity.description ? `<p>${escapeHtml(entity.description)}</p>` : '';
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(entity.name)}</title></head><body style="font-family:sans-serif;margin:8px">` +
    `<h3 style="margin:0">${escapeHtml(entity.name)}</h3><p style="color:#666;margin:2px 0">${escapeHtml(entity.label)} · ${escapeHtml(entity.id)}</p>${aliases}${description}</body></html>`
  );
}
