import {
  COUNTY_NAMES,
  INDUSTRY_NAMES,
  RULE_VERSION_NAMES,
  SIZE_CLASS_NAMES,
  TIER_LEVEL_NAMES,
  TIER_NAMES,
  TITLE_STATUS_NAMES,
} from '../../../api/domain/program.ts';
import type { AdminStrings } from '../../i18n/admin.zh.ts';
import type { UiLang } from '../api.ts';
import type { BatchResult, PreviewPage, RowAction } from './types.ts';

/** Stored codes shown by their names (county, industry, title …); other values as they are. */
const VOCABULARIES: Record<string, Record<string, { zh: string; en: string }>> = {
  county: COUNTY_NAMES,
  industry: INDUSTRY_NAMES,
  sizeClass: SIZE_CLASS_NAMES,
  tier: TIER_NAMES,
  level: TIER_LEVEL_NAMES,
  status: TITLE_STATUS_NAMES,
  ruleVersion: RULE_VERSION_NAMES,
};

function shown(field: string, value: unknown, lang: UiLang, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  const name = VOCABULARIES[field]?.[String(value)];
  return name ? name[lang] : String(value);
}

interface Props {
  lang: UiLang;
  s: AdminStrings['imports'];
  batch: BatchResult;
  page: PreviewPage;
  filter: RowAction | '';
  onFilter: (action: RowAction | '') => void;
  onPage: (page: number) => void;
}

/** The preview of a validated batch: what each row will do, one page at a time, filterable by action. */
export function PreviewTable({ lang, s, batch, page, filter, onFilter, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(page.total / page.perPage));
  return (
    <section className="panel" aria-labelledby="import-preview-h">
      <h2 id="import-preview-h">{s.previewTitle}</h2>
      <label>
        {s.previewAction}{' '}
        <select value={filter} onChange={(e) => onFilter(e.target.value as RowAction | '')}>
          <option value="">{s.filterAll}</option>
          {(Object.keys(s.actions) as RowAction[]).map((a) => (
            <option key={a} value={a}>{s.actions[a]} ({batch.summary[a] ?? 0})</option>
          ))}
        </select>
      </label>
      <table className="import-table" data-testid="import-preview">
        <thead>
          <tr>
            <th scope="col">{s.previewRow}</th>
            <th scope="col">{s.previewAction}</th>
            <th scope="col">{s.previewFirm}</th>
            <th scope="col">{s.previewChanges}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td><span className={`pill ${r.action}`}>{s.actions[r.action]}</span></td>
              <td>{r.label || s.empty}</td>
              <td className="import-changes">
                {Object.entries(r.changes)
                  .slice(0, 8)
                  .map(([field, [before, after]]) => `${page.labels[field]?.[lang] ?? field}: ${shown(field, before, lang, s.empty)} → ${shown(field, after, lang, s.empty)}`)
                  .join('；') || s.empty}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="import-pager" aria-label={s.page(page.page, pages)}>
        <button type="button" className="btn small secondary" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
          {s.prev}
        </button>
        <span>{s.page(page.page, pages)}</span>
        <button type="button" className="btn small secondary" disabled={page.page >= pages} onClick={() => onPage(page.page + 1)}>
          {s.next}
        </button>
      </nav>
    </section>
  );
}
