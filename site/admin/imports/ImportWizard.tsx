import { useCallback, useEffect, useState } from 'react';
import { adminEn } from '../../i18n/admin.en.ts';
import { adminZh } from '../../i18n/admin.zh.ts';
import { adminApi, adminUpload, ApiError, type UiLang } from '../api.ts';
import { PreviewTable } from './PreviewTable.tsx';
import { ResolveRows } from './ResolveRows.tsx';
import { TitleListFields } from './TitleListFields.tsx';
import type { BatchResult, ImportKind, PreviewPage, PreviewRow, RowAction } from './types.ts';
import './import-wizard.css';

interface Props {
  lang: UiLang;
  csrfToken: string;
  /** A training event's page: the wizard imports that event's attendee list (kind `attendances`) only. */
  event?: { id: number; title: string; href: string };
}

type Phase =
  | { name: 'choose' }
  | { name: 'uploading'; fraction: number }
  | { name: 'checking'; rows: number | null }
  | { name: 'review'; batch: BatchResult }
  | { name: 'committed'; batch: BatchResult; written: number }
  | { name: 'undone' };

const KINDS: ImportKind[] = ['enterprises', 'yearly', 'titles'];
const ERRORS_SHOWN = 200;

/** Counts a sheet's data rows in the browser while it uploads, for the "checking N rows" state. */
async function countRows(file: File): Promise<number | null> {
  try {
    if (/\.csv$/i.test(file.name)) return Math.max((await file.text()).split(/\r?\n/).filter((l) => l.trim()).length - 1, 0);
    const { readSheet } = await import('read-excel-file/browser');
    const rows = await readSheet(file);
    return Math.max(rows.filter((r) => r.some((c) => c !== null && c !== '')).length - 1, 0);
  } catch {
    return null;
  }
}

/**
 * The bureau's spreadsheet import: choose a kind → template → upload (with progress) → summary, errors at their
 * row and column, preview → resolve name matches → error sheet → commit → undo.
 */
export default function ImportWizard({ lang, csrfToken, event }: Props) {
  const s = (lang === 'en' ? adminEn : adminZh).imports;
  const [kind, setKind] = useState<ImportKind>(event ? 'attendances' : 'enterprises');
  const kinds: ImportKind[] = event ? ['attendances'] : KINDS;
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<RowAction | ''>('');
  const [page, setPage] = useState<PreviewPage | null>(null);
  const [open, setOpen] = useState<PreviewRow[]>([]);
  const batch = phase.name === 'review' || phase.name === 'committed' ? phase.batch : null;
  const reviewing = phase.name === 'review' ? phase.batch : null;
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.text(lang) : String(e));

  const loadPreview = useCallback(
    async (id: number, action: RowAction | '', p: number) => {
      const q = `?page=${p}${action ? `&action=${action}` : ''}`;
      const [current, unmatched, ambiguous] = await Promise.all([
        adminApi<PreviewPage>('GET', `/imports/${id}${q}`, csrfToken),
        adminApi<PreviewPage>('GET', `/imports/${id}?action=unmatched`, csrfToken),
        adminApi<PreviewPage>('GET', `/imports/${id}?action=ambiguous`, csrfToken),
      ]);
      setOpen([...unmatched.items, ...ambiguous.items].sort((a, b) => a.row - b.row));
      setPage(current);
    },
    [csrfToken],
  );

  useEffect(() => {
    if (phase.name === 'review') loadPreview(phase.batch.id, filter, 1).catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase.name === 'review' ? phase.batch.id : 0, filter]);

  async function upload(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return setError(s.file);
    setError(null);
    setPhase({ name: 'uploading', fraction: 0 });
    const rows = countRows(file);
    try {
      const result = await adminUpload<BatchResult>(
        '/imports',
        csrfToken,
        data,
        (fraction) => setPhase({ name: 'uploading', fraction }),
        () => {
          setPhase({ name: 'checking', rows: null });
          void rows.then((n) => setPhase((p) => (p.name === 'checking' ? { name: 'checking', rows: n } : p)));
        },
      );
      setFilter('');
      setPhase({ name: 'review', batch: result });
    } catch (e) {
      setPhase({ name: 'choose' });
      fail(e);
    }
  }

  async function act(run: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const resolve = (row: number, enterpriseId: number | null) =>
    act(async () => {
      if (!batch) return;
      const res = await adminApi<{ summary: BatchResult['summary'] }>('POST', `/imports/${batch.id}/resolutions`, csrfToken, { row, enterpriseId });
      setPhase({ name: 'review', batch: { ...batch, summary: res.summary } });
      await loadPreview(batch.id, filter, page?.page ?? 1);
    });

  const commit = () =>
    act(async () => {
      if (!batch) return;
      const res = await adminApi<{ written: number }>('POST', `/imports/${batch.id}/commit`, csrfToken);
      setPhase({ name: 'committed', batch: { ...batch, status: 'committed' }, written: res.written });
    });

  const undo = () =>
    act(async () => {
      if (!batch || !window.confirm(s.undoConfirm)) return;
      await adminApi('DELETE', `/imports/${batch.id}`, csrfToken);
      setPhase(batch.status === 'committed' ? { name: 'undone' } : { name: 'choose' });
    });

  const restart = () => {
    setPhase({ name: 'choose' });
    setPage(null);
    setOpen([]);
    setError(null);
  };

  const status =
    phase.name === 'uploading'
      ? s.uploading(Math.round(phase.fraction * 100))
      : phase.name === 'checking'
        ? phase.rows === null
          ? s.checkingUnknown
          : s.checking(phase.rows.toLocaleString(lang === 'en' ? 'en' : 'zh-CN'))
        : phase.name === 'committed'
          ? s.committed(phase.written)
          : phase.name === 'undone'
            ? s.undone
            : busy && phase.name === 'review'
              ? s.committing
              : '';
  const blocked = batch ? batch.errors.length > 0 || batch.summary.unmatched > 0 || batch.summary.ambiguous > 0 || batch.summary.error > 0 : true;

  return (
    <div className="import-wizard">
      {!event && <p className="muted">{s.intro}</p>}
      <ol className="import-steps" aria-label={s.title}>
        {s.steps.map((label, i) => {
          const current = { choose: 0, uploading: 1, checking: 1, review: 2, committed: 3, undone: 3 }[phase.name];
          return (
            <li key={label} aria-current={i === current ? 'step' : undefined} className={i <= current ? 'done' : ''}>
              {label}
            </li>
          );
        })}
      </ol>
      <p className="import-status" role="status" aria-live="polite">
        {status}
      </p>
      {phase.name === 'uploading' && <progress className="import-progress" max={1} value={phase.fraction} aria-label={status} />}
      {phase.name === 'checking' && <progress className="import-progress" aria-label={status} />}
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}

      {phase.name === 'choose' && (
        <form
          className="panel import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void upload(e.currentTarget);
          }}
        >
          <fieldset>
            <legend>{s.kindLabel}</legend>
            {kinds.map((k) => (
              <label key={k} className="import-kind">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>
                  <strong>{s.kinds[k].name}</strong>
                  <span className="muted-s">{s.kinds[k].help}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p>
            <a className="btn secondary small" href={`/api/admin/imports/templates/${kind}.xlsx`} download>
              {s.template}：{s.kinds[kind].name}
            </a>{' '}
            <span className="muted-s">{s.templateHelp}</span>
          </p>
          {kind === 'titles' && <TitleListFields lang={lang} s={s} />}
          {event && (
            <p>
              <input type="hidden" name="eventId" value={event.id} />
              {s.forEvent}：<strong>{event.title}</strong>
            </p>
          )}
          <label className="import-file">
            {s.file}
            <input name="file" type="file" required accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" />
          </label>
          <button type="submit" className="btn">{s.upload}</button>
        </form>
      )}

      {batch && (
        <section className="panel" aria-labelledby="import-summary-h">
          <h2 id="import-summary-h">
            {s.summaryTitle} · {batch.fileName} · {s.rows(batch.rows)}
          </h2>
          <dl className="import-summary">
            {(Object.keys(s.actions) as RowAction[]).map((a) => (
              <div key={a} className={`pill ${a}`}>
                <dt>{s.actions[a]}</dt>
                <dd>{batch.summary[a] ?? 0}</dd>
              </div>
            ))}
          </dl>
          {batch.warnings.length > 0 && (
            <ul className="import-warnings" aria-label={s.warnings}>
              {batch.warnings.map((w, i) => (
                <li key={i}>{w[lang === 'en' ? 'en' : 'zh']}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {reviewing && reviewing.errors.length > 0 && (
        <section className="panel" aria-labelledby="import-errors-h">
          <h2 id="import-errors-h">{s.errorsTitle} ({reviewing.errors.length})</h2>
          <p>
            <a className="btn secondary small" href={`/api/admin/imports/${reviewing.id}/errors.xlsx`} download>
              {s.downloadErrors}
            </a>{' '}
            <span className="muted-s">{s.fixAndReupload}</span>
          </p>
          <table className="import-table" data-testid="import-errors">
            <thead>
              <tr>
                <th scope="col">{s.errorRow}</th>
                <th scope="col">{s.errorColumn}</th>
                <th scope="col">{s.errorCell}</th>
                <th scope="col">{s.errorMessage}</th>
              </tr>
            </thead>
            <tbody>
              {reviewing.errors.slice(0, ERRORS_SHOWN).map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.column}</td>
                  <td>{e.cell ?? s.empty}</td>
                  <td>{lang === 'en' ? e.messageEn : e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {reviewing.errors.length > ERRORS_SHOWN && <p className="muted-s">{s.moreErrors(reviewing.errors.length - ERRORS_SHOWN)}</p>}
        </section>
      )}

      {phase.name === 'review' && <ResolveRows lang={lang} s={s} rows={open} busy={busy} onResolve={(row, id) => void resolve(row, id)} />}

      {reviewing && page && (
        <PreviewTable
          lang={lang}
          s={s}
          batch={reviewing}
          page={page}
          filter={filter}
          onFilter={setFilter}
          onPage={(p) => void loadPreview(reviewing.id, filter, p).catch(fail)}
        />
      )}

      {reviewing && (
        <div className="import-actions">
          {blocked && <p className="muted-s">{s.commitBlocked}</p>}
          <button type="button" className="btn" disabled={busy || blocked} onClick={() => void commit()}>
            {busy ? s.committing : s.commit}
          </button>
          <button type="button" className="btn secondary" disabled={busy} onClick={() => void act(async () => { await adminApi('DELETE', `/imports/${reviewing.id}`, csrfToken); restart(); })}>
            {s.discard}
          </button>
        </div>
      )}

      {phase.name === 'committed' && (
        <div className="import-actions">
          {event && (
            <a className="btn" href={event.href}>
              {s.showList}
            </a>
          )}
          <button type="button" className="btn danger" disabled={busy} onClick={() => void undo()}>
            {busy ? s.undoing : s.undo}
          </button>
          <button type="button" className="btn secondary" onClick={restart}>{s.again}</button>
        </div>
      )}
      {phase.name === 'undone' && (
        <div className="import-actions">
          <button type="button" className="btn secondary" onClick={restart}>{s.again}</button>
        </div>
      )}
    </div>
  );
}
