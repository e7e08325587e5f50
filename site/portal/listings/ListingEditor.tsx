import { useState } from 'react';
import { api, firmPath, type UiLang } from '../api.ts';
import { portalStrings } from '../strings.ts';
import type { ListingRow } from '../types.ts';
import { EntityForm } from './EntityForm.tsx';
import { LISTING_FIELDS, type ListingKind } from './fields.ts';
import { ProductPhotos } from './ProductPhotos.tsx';

export interface ListingEditorProps {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  kind: ListingKind;
  initial: ListingRow[];
  /** Open the "new" form at once (?new=1 from the dashboard). */
  startNew: boolean;
}

const PATH = { product: '/products', job: '/jobs', project: '/projects' } as const;

/** Products, jobs or investment projects of the firm: a list and one form to add or edit. */
export function ListingEditor({ lang, csrfToken, enterpriseId, kind, initial, startNew }: ListingEditorProps) {
  const s = portalStrings(lang);
  const l = s.listings;
  const [rows, setRows] = useState(initial);
  const [editing, setEditing] = useState<ListingRow | 'new' | null>(startNew ? 'new' : null);
  const [error, setError] = useState<string | null>(null);
  const base = firmPath(enterpriseId, PATH[kind]);
  const title = (r: ListingRow) => String(r.name ?? r.title ?? '');
  const today = new Date().toISOString().slice(0, 10);
  const newLabel = kind === 'product' ? l.newProduct : kind === 'job' ? l.newJob : l.newProject;

  async function save(body: Record<string, unknown>) {
    const row = editing === 'new' || editing === null ? null : editing;
    const saved = row ? await api<ListingRow>('PATCH', `${base}/${row.id}`, csrfToken, body) : await api<ListingRow>('POST', base, csrfToken, body);
    setRows((list) => (row ? list.map((r) => (r.id === saved.id ? saved : r)) : [saved, ...list]));
    setEditing(saved);
  }

  async function remove(row: ListingRow) {
    if (!confirm(s.common.confirmDelete(title(row)))) return;
    try {
      await api('DELETE', `${base}/${row.id}`, csrfToken);
      setRows((list) => list.filter((r) => r.id !== row.id));
      if (editing !== 'new' && editing?.id === row.id) setEditing(null);
    } catch (e) {
      setError(String(e instanceof Error ? e.message : e));
    }
  }

  return (
    <>
      <div className="form-actions" style={{ marginBottom: 12 }}>
        <button className="btn" type="button" onClick={() => setEditing('new')}>
          + {newLabel}
        </button>
        <span className="muted-s">{l.publishedHint}</span>
      </div>
      {error && <p className="alert error" role="alert">{error}</p>}
      {editing && (
        <section className="panel" aria-labelledby="edit-h">
          <h2 id="edit-h">{editing === 'new' ? newLabel : `${s.common.edit}：${title(editing)}`}</h2>
          <EntityForm
            key={editing === 'new' ? 'new' : editing.id}
            lang={lang}
            idPrefix={kind}
            fields={LISTING_FIELDS[kind]}
            labels={l.fields}
            optionLabels={{ status: s.common.statuses, cooperationMode: l.cooperationModes }}
            row={editing === 'new' ? null : editing}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
          {kind === 'product' &&
            (editing === 'new' ? (
              <p className="muted-s">{l.photos.saveFirst}</p>
            ) : (
              <ProductPhotos lang={lang} csrfToken={csrfToken} enterpriseId={enterpriseId} productId={editing.id} />
            ))}
        </section>
      )}
      <section className="panel">
        {rows.length === 0 ? (
          <p className="muted">{l.empty}</p>
        ) : (
          <ul className="table-list" data-testid="listing-rows">
            {rows.map((r) => (
              <li key={r.id}>
                <span className="grow">
                  <span className="title">{title(r)}</span>{' '}
                  <span className={`pill ${r.status}`}>{s.common.statuses[r.status] ?? r.status}</span>
                  {kind === 'job' && String(r.validUntil) < today && <span className="pill"> {l.expired}</span>}
                  {kind === 'product' && (
                    <span className="muted-s"> · {r.priceFen == null ? l.negotiable : `¥${Number(r.priceFen) / 100}${r.priceUnit ? ` / ${String(r.priceUnit)}` : ''}`}</span>
                  )}
                  {kind === 'job' && <span className="muted-s"> · {String(r.validUntil)}</span>}
                </span>
                <span className="form-actions">
                  <button className="btn small secondary" type="button" onClick={() => setEditing(r)}>
                    {s.common.edit}
                  </button>
                  <button className="btn small danger" type="button" onClick={() => void remove(r)}>
                    {s.common.delete}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
