import { useEffect, useState } from 'react';
import { COUNTY_NAMES, INDUSTRY_NAMES, SIZE_CLASS_NAMES, tierLabel } from '../../../api/domain/program.ts';
import type { RegisterRow } from '../../../api/admin/register/queries.ts';
import { api, ApiError, type UiLang } from '../../portal/api.ts';
import { adminStrings } from '../strings.ts';

interface Props {
  lang: UiLang;
  csrfToken: string;
  rows: RegisterRow[];
  /** How many firms the whole query matches (every page). */
  total: number;
  /** The register's query string, for "select all N" across pages. */
  query: string;
  canBulk: boolean;
  /** ISO date; titles whose re-review falls within 90 days of it are marked. */
  today: string;
  /** Staff the user may name as 负责人 (GET /api/admin/staff/liaisons); empty hides the action. */
  liaisons: { id: number; displayName: string }[];
}

/** Where a bulk action's result waits across the reload that shows its effect (this tab only). */
const RESULT_KEY = 'register-bulk-result';

/** Saves a server response as a file in the browser (exports of the selection are POSTs). */
async function download(path: string, csrfToken: string, body: unknown, fileName: string) {
  const res = await fetch(`/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The register's result table with selection: tick rows, tick the page, or select every firm the query matches
 * across all pages; then tag, untag, name a 负责人 (liaison) or export the selection; the result (how many firms
 * changed) is shown after the reload that shows it. Without JavaScript it is a plain table of links.
 */
export function RegisterTable({ lang, csrfToken, rows, total, query, canBulk, today, liaisons }: Props) {
  const dueBy = new Date(Date.parse(today) + 90 * 86_400_000).toISOString().slice(0, 10);
  const a = adminStrings(lang);
  const r = a.register;
  const prefix = lang === 'en' ? '/en' : '';
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [liaison, setLiaison] = useState('');
  const [result, setResult] = useState('');
  // A bulk action reloads the page to show its effect; its result message is shown after the reload.
  useEffect(() => {
    const saved = sessionStorage.getItem(RESULT_KEY);
    if (saved) {
      sessionStorage.removeItem(RESULT_KEY);
      setResult(saved);
    }
  }, []);
  const pageIds = rows.map((row) => row.id);
  const pageAll = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const count = allMatching ? total : selected.size;

  const toggle = (id: number) => {
    setAllMatching(false);
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const togglePage = () => {
    setAllMatching(false);
    setSelected(pageAll ? new Set() : new Set(pageIds));
  };
  const target = () => (allMatching ? { query } : { ids: [...selected] });

  async function bulk(action: 'tag' | 'untag' | 'assign') {
    const chosen = liaisons.find((l) => String(l.id) === liaison);
    const value = action === 'assign' ? (chosen?.id ?? null) : tag.trim();
    if (action === 'assign' && !window.confirm(r.assignConfirm(count, chosen?.displayName ?? null))) return;
    setBusy(true);
    setStatus('');
    setResult('');
    try {
      const res = await api<{ matched: number; changed: number }>('POST', '/admin/enterprises/bulk', csrfToken, { ...target(), action, value });
      const what = action === 'assign' ? r.assignDone(chosen?.displayName ?? null) : action === 'tag' ? r.tagDone(tag.trim()) : r.untagDone(tag.trim());
      sessionStorage.setItem(RESULT_KEY, `${what}${r.bulkDone(res.matched, res.changed)}`);
      location.reload();
    } catch (e) {
      setStatus(e instanceof ApiError ? e.text(lang) : String(e));
      setBusy(false);
    }
  }

  async function exportSelection() {
    setBusy(true);
    try {
      const ids = allMatching ? (await api<{ ids: number[] }>('GET', `/admin/enterprises/ids?${query}`, csrfToken)).ids : [...selected];
      await download('/admin/enterprises/export', csrfToken, { ids, format: 'xlsx' }, 'register-selected.xlsx');
    } catch (e) {
      setStatus(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {count > 0 && (
        <div className="selection-bar" role="region" aria-label={r.selected(count)}>
          <strong>{r.selected(count)}</strong>
          {pageAll && !allMatching && total > pageIds.length && (
            <button type="button" className="btn secondary small" onClick={() => setAllMatching(true)}>
              {r.selectAll(total)}
            </button>
          )}
          <button type="button" className="linklike" onClick={() => (setSelected(new Set()), setAllMatching(false))}>
            {r.clearSelection}
          </button>
          {canBulk && (
            <>
              <label>
                <span className="visually-hidden">{r.tag}</span>
                <input value={tag} onChange={(e) => setTag(e.target.value)} placeholder={r.tag} maxLength={40} aria-label={r.tag} />
              </label>
              <button type="button" className="btn small" disabled={busy || !tag.trim()} onClick={() => bulk('tag')}>
                {r.bulkTag}
              </button>
              <button type="button" className="btn secondary small" disabled={busy || !tag.trim()} onClick={() => bulk('untag')}>
                {r.bulkUntag}
              </button>
              {liaisons.length > 0 && (
                <>
                  <label>
                    <span className="visually-hidden">{r.liaison}</span>
                    <select value={liaison} onChange={(e) => setLiaison(e.target.value)} aria-label={r.liaison}>
                      <option value="">{r.liaisonChoose}</option>
                      {liaisons.map((l) => (
                        <option key={l.id} value={l.id}>
                          {l.displayName}
                        </option>
                      ))}
                      <option value="none">{r.liaisonClear}</option>
                    </select>
                  </label>
                  <button type="button" className="btn secondary small" disabled={busy || !liaison} onClick={() => bulk('assign')}>
                    {r.bulkAssign}
                  </button>
                </>
              )}
            </>
          )}
          <button type="button" className="btn secondary small" disabled={busy} onClick={exportSelection}>
            {r.exportSelected}
          </button>
        </div>
      )}
      {result && (
        <p className="alert ok" role="status" data-testid="bulk-result">
          {result}
        </p>
      )}
      <p className="status-line" role="status">
        {status}
      </p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{r.title}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" checked={pageAll} onChange={togglePage} aria-label={r.selectPage} />
              </th>
              <th scope="col">{r.columns.name}</th>
              <th scope="col">{r.columns.creditCode}</th>
              <th scope="col">{r.columns.county}</th>
              <th scope="col">{r.columns.industry}</th>
              <th scope="col">{r.columns.size}</th>
              <th scope="col">{r.columns.titles}</th>
              <th scope="col">{r.columns.hall}</th>
              <th scope="col" className="num">{r.columns.revenue}</th>
              <th scope="col">{r.columns.data}</th>
              <th scope="col">{r.columns.tags}</th>
              <th scope="col">{r.columns.liaison}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={12}>{r.none}</td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <input type="checkbox" checked={allMatching || selected.has(row.id)} onChange={() => toggle(row.id)} aria-label={r.selectRow(row.name)} />
                </td>
                <td>
                  <a href={`${prefix}/admin/enterprises/${row.id}`}>{row.name}</a>
                </td>
                <td className="code">{row.creditCode}</td>
                <td>{COUNTY_NAMES[row.county][lang]}</td>
                <td>{INDUSTRY_NAMES[row.industry][lang]}</td>
                <td>{SIZE_CLASS_NAMES[row.sizeClass][lang]}</td>
                <td>
                  {row.titles.map((t) => (
                    <span key={`${t.tier}${t.level}${t.year}`} className={`title-chip ${t.status === 'designated' ? (t.reviewDue && t.reviewDue <= dueBy ? 'due' : '') : t.status}`} title={`${t.year} · ${r.titleStatuses[t.status === 'designated' ? (t.reviewDue && t.reviewDue <= dueBy ? 'review_due' : 'current') : t.status]}${t.reviewDue ? ` · ${t.reviewDue}` : ''}`}>
                      {t.year} {tierLabel(t.tier, t.level, lang)}
                    </span>
                  ))}
                </td>
                <td className="nowrap">{row.hallStatus ? r.halls[row.hallStatus] : r.halls.none}</td>
                <td className="num">{row.revenue === null ? a.common.none : row.revenue.toLocaleString(lang === 'en' ? 'en' : 'zh-CN')}</td>
                <td>
                  <span className={`flag ${row.dataComplete ? 'ok' : 'warn'}`}>{row.dataComplete ? r.complete : r.incomplete}</span>
                </td>
                <td>{row.tags.join(', ')}</td>
                <td>{row.liaison ?? a.common.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
