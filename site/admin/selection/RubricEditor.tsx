import { useState } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';

interface Indicator {
  key: string;
  name: string;
  nameEn: string;
  weight: number;
}

interface Props {
  lang: UiLang;
  csrfToken: string;
  roundId: number;
  version: number;
  indicators: Indicator[];
}

const T = {
  zh: { key: '代码', name: '指标', nameEn: '英文名', weight: '权重 %', add: '添加指标', remove: '删除', save: '保存（生成新版本）', sum: (n: number) => `权重合计 ${n}（须为 100）` },
  en: { key: 'Key', name: 'Indicator', nameEn: 'English name', weight: 'Weight %', add: 'Add an indicator', remove: 'Remove', save: 'Save (new version)', sum: (n: number) => `Weights add up to ${n} (must be 100)` },
};

/** Edits a draft round's rubric; each save is a new rubric version, and the server freezes it once the round opens. */
export function RubricEditor({ lang, csrfToken, roundId, version, indicators }: Props) {
  const t = T[lang];
  const [rows, setRows] = useState<Indicator[]>(indicators);
  const [error, setError] = useState('');
  const sum = rows.reduce((s, r) => s + (Number(r.weight) || 0), 0);
  const edit = (i: number, k: keyof Indicator, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [k]: k === 'weight' ? Number(value) : value } : r)));
  async function save() {
    setError('');
    try {
      await adminApi('PATCH', `/rounds/${roundId}`, csrfToken, { version, rubric: { indicators: rows } });
      location.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    }
  }
  return (
    <div className="stack">
      <table className="data">
        <thead><tr><th scope="col">{t.key}</th><th scope="col">{t.name}</th><th scope="col">{t.nameEn}</th><th scope="col">{t.weight}</th><th /></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td><input aria-label={t.key} value={r.key} onChange={(e) => edit(i, 'key', e.target.value)} /></td>
              <td><input aria-label={t.name} value={r.name} onChange={(e) => edit(i, 'name', e.target.value)} /></td>
              <td><input aria-label={t.nameEn} value={r.nameEn} onChange={(e) => edit(i, 'nameEn', e.target.value)} /></td>
              <td><input aria-label={t.weight} type="number" min={0} max={100} value={r.weight} onChange={(e) => edit(i, 'weight', e.target.value)} /></td>
              <td><button type="button" className="btn small danger" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t.remove}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={sum === 100 ? 'muted' : 'field-error'}>{t.sum(sum)}</p>
      {error && <p role="alert" className="field-error">{error}</p>}
      <p>
        <button type="button" className="btn small secondary" onClick={() => setRows([...rows, { key: `item_${String.fromCharCode(97 + rows.length)}`, name: '', nameEn: '', weight: 0 }])}>{t.add}</button>{' '}
        <button type="button" className="btn small" onClick={save}>{t.save}</button>
      </p>
    </div>
  );
}
