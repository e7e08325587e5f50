import { useState } from 'react';
import { COUNTY_NAMES, type County } from '../../../api/domain/program.ts';
import type { AdminStrings } from '../../i18n/admin.zh.ts';
import type { UiLang } from '../api.ts';
import type { PreviewRow } from './types.ts';

interface Props {
  lang: UiLang;
  s: AdminStrings['imports'];
  rows: PreviewRow[];
  busy: boolean;
  onResolve: (row: number, enterpriseId: number | null) => void;
}

/** Title (or yearly) rows matched by name to no firm or to several: a person picks the firm or skips the row. */
export function ResolveRows({ lang, s, rows, busy, onResolve }: Props) {
  const [choice, setChoice] = useState<Record<number, string>>({});
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="import-resolve-h">
      <h2 id="import-resolve-h">{s.resolveTitle}</h2>
      <p className="muted">{s.resolveHelp}</p>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{s.previewRow}</th>
            <th scope="col">{s.previewFirm}</th>
            <th scope="col">{s.resolveChoose}</th>
            <th scope="col"><span className="visually-hidden">{s.resolveSave}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const id = `resolve-${r.row}`;
            return (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  {r.label} <span className="muted-s">({s.actions[r.action]} · {s.candidates(r.candidates.length)})</span>
                </td>
                <td>
                  <label htmlFor={id} className="visually-hidden">{`${s.resolveChoose} (${s.previewRow} ${r.row})`}</label>
                  <select id={id} value={choice[r.row] ?? ''} onChange={(e) => setChoice({ ...choice, [r.row]: e.target.value })}>
                    <option value="">{s.choose}</option>
                    {r.candidates.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name} · {COUNTY_NAMES[c.county as County]?.[lang] ?? c.county} · {c.creditCode}
                      </option>
                    ))}
                    <option value="skip">{s.resolveSkip}</option>
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="btn small"
                    disabled={busy || !choice[r.row]}
                    onClick={() => onResolve(r.row, choice[r.row] === 'skip' ? null : Number(choice[r.row]))}
                  >
                    {s.resolveSave}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
