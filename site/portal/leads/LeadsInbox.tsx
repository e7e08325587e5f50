import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, firmPath, type UiLang } from '../api.ts';
import { portalStrings } from '../strings.ts';
import type { LeadRow } from '../types.ts';

const PIPELINE = ['new', 'contacted', 'negotiating', 'won', 'invalid'] as const;

interface Note {
  id: number;
  body: string;
  createdAt: string;
  author: string | null;
}

export interface LeadsInboxProps {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  leads: LeadRow[];
  colleagues: { id: number; displayName: string }[];
  selectedId: number | null;
}

/** The inbox: a list of leads and the selected one with its status pipeline, assignee, notes and CV. */
export function LeadsInbox({ lang, csrfToken, enterpriseId, leads: initial, colleagues, selectedId }: LeadsInboxProps) {
  const s = portalStrings(lang);
  const l = s.leads;
  const [leads, setLeads] = useState(initial);
  const [selected, setSelected] = useState<number | null>(selectedId ?? initial[0]?.id ?? null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [error, setError] = useState<string | null>(null);
  const lead = leads.find((x) => x.id === selected) ?? null;
  const path = (p: string) => firmPath(enterpriseId, `/leads${p}`);
  const fmt = (iso: string) => new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'short', timeStyle: 'short' });
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.text(lang) : String(e));

  useEffect(() => {
    if (selected === null) return;
    let live = true;
    api<{ notes: Note[] }>('GET', path(`/${selected}`), csrfToken).then((d) => live && setNotes(d.notes), fail);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected]);

  async function patch(body: { status?: LeadRow['status']; assigneeUserId?: number | null }) {
    if (!lead) return;
    setError(null);
    try {
      const row = await api<LeadRow>('PATCH', path(`/${lead.id}`), csrfToken, body);
      const assigneeName = colleagues.find((c) => c.id === row.assigneeUserId)?.displayName ?? null;
      setLeads((list) => list.map((x) => (x.id === row.id ? { ...x, ...row, assigneeName } : x)));
    } catch (e) {
      fail(e);
    }
  }

  async function addNote(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!lead) return;
    const form = e.currentTarget;
    const body = String(new FormData(form).get('body') ?? '');
    try {
      await api('POST', path(`/${lead.id}/notes`), csrfToken, { body });
      setNotes((await api<{ notes: Note[] }>('GET', path(`/${lead.id}`), csrfToken)).notes);
      form.reset();
      setError(null);
    } catch (err) {
      fail(err);
    }
  }

  if (leads.length === 0) return <p className="panel muted">{l.empty}</p>;
  return (
    <div className="split">
      <section className="panel" aria-label={l.title}>
        <ul className="table-list lead-list" data-testid="lead-rows">
          {leads.map((x) => (
            <li key={x.id} className="selectable" aria-current={x.id === selected ? 'true' : undefined} onClick={() => setSelected(x.id)}>
              <span className="grow">
                <button type="button" className="linklike title" style={{ all: 'unset', cursor: 'pointer', fontWeight: 600 }} onClick={() => setSelected(x.id)}>
                  {x.contactName}
                </button>
                <br />
                <span className="muted-s">
                  {l.kinds[x.kind]}
                  {x.subject ? ` · ${x.subject}` : ''} · {fmt(x.createdAt)}
                </span>
              </span>
              <span className={`pill ${x.status}`}>{l.statuses[x.status]}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="lead-h" data-testid="lead-detail">
        {!lead ? (
          <p className="muted">{l.select}</p>
        ) : (
          <>
            <h2 id="lead-h">
              {lead.contactName} <span className={`pill ${lead.status}`}>{l.statuses[lead.status]}</span>
            </h2>
            {error && <p className="alert error" role="alert">{error}</p>}
            <dl className="kv">
              <dt>{l.kinds[lead.kind] ? s.hall.kind : ''}</dt>
              <dd>{l.kinds[lead.kind]}</dd>
              {lead.subject && (<><dt>{l.subject}</dt><dd>{lead.subject}</dd></>)}
              <dt>{l.contact}</dt>
              <dd>
                {lead.phone && <a href={`tel:${lead.phone}`}>{lead.phone}</a>}
                {lead.phone && lead.email && ' · '}
                {lead.email && <a href={`mailto:${lead.email}`}>{lead.email}</a>}
                {lead.organisation && `\n${lead.organisation}`}
              </dd>
              <dt>{l.received}</dt>
              <dd>{fmt(lead.createdAt)}</dd>
              {lead.message && (<><dt>{l.message}</dt><dd>{lead.message}</dd></>)}
            </dl>
            {lead.hasCv && (
              <p>
                <a className="btn small secondary" href={`/api${path(`/${lead.id}/cv`)}`} download>
                  {l.cv}{lead.cvName ? `：${lead.cvName}` : ''}
                </a>
              </p>
            )}
            <p className="muted-s">{l.moveTo}</p>
            <div className="pipeline" role="group" aria-label={s.common.status}>
              {PIPELINE.map((st) => (
                <button key={st} type="button" className="btn small secondary" aria-pressed={lead.status === st} onClick={() => void patch({ status: st })}>
                  {l.statuses[st]}
                </button>
              ))}
            </div>
            <div className="field" style={{ margin: '14px 0' }}>
              <label htmlFor="lead-assignee">{l.assignee}</label>
              <select
                id="lead-assignee"
                value={lead.assigneeUserId ?? ''}
                onChange={(e) => void patch({ assigneeUserId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
                style={{ font: 'inherit', padding: 8, borderRadius: 8, border: '1px solid #8a94a6', minHeight: 40 }}
              >
                <option value="">{l.unassigned}</option>
                {colleagues.map((c) => (
                  <option key={c.id} value={c.id}>{c.displayName}</option>
                ))}
              </select>
            </div>
            <h3>{l.notes}</h3>
            <ul className="notes">
              {notes.map((n) => (
                <li key={n.id}>
                  <span className="muted-s">{n.author ?? ''} · {fmt(n.createdAt)}</span>
                  {'\n'}
                  {n.body}
                </li>
              ))}
            </ul>
            <form className="form" onSubmit={(e) => void addNote(e)}>
              <textarea name="body" aria-label={l.addNote} placeholder={l.notePlaceholder} required maxLength={2000} rows={2} style={{ font: 'inherit', padding: 8, borderRadius: 8, border: '1px solid #8a94a6' }} />
              <div className="form-actions">
                <button className="btn small" type="submit">{l.addNote}</button>
              </div>
            </form>
          </>
        )}
      </section>
    </div>
  );
}
