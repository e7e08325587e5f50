import { useState } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';

interface Props {
  lang: UiLang;
  csrfToken: string;
  year: number;
  tiers: { value: string; label: string }[];
  levels: { value: string; label: string }[];
}

const T = {
  zh: { title: '新建轮次', kind: '类型', hall: '展馆遴选', titleKind: '称号推荐', tier: '称号', level: '级别', name: '名称', year: '年度', quota: '名额', applyFrom: '申报开始', applyTo: '申报截止', countyDue: '县区初审截止', cityDue: '市局审核截止', expertDue: '专家评审截止', notice: '公示工作日（至少 5 天）', phone: '异议电话', email: '异议邮箱', create: '创建（筹备中，可调整评分细则）' },
  en: { title: 'New round', kind: 'Kind', hall: 'Hall cohort', titleKind: 'Title recommendation', tier: 'Title', level: 'Level', name: 'Name', year: 'Year', quota: 'Quota', applyFrom: 'Applications open', applyTo: 'Applications close', countyDue: 'County review due', cityDue: 'City review due', expertDue: 'Expert review due', notice: 'Notice, working days (≥ 5)', phone: 'Objection phone', email: 'Objection e-mail', create: 'Create (draft: the rubric stays editable)' },
};

/** Creates a round in draft: kind, quota, timeline, notice length and the objection contact. */
export function RoundForm({ lang, csrfToken, year, tiers, levels }: Props) {
  const t = T[lang];
  const [v, setV] = useState<Record<string, string>>({ kind: 'hall', tier: tiers[0]?.value ?? '', level: 'provincial', title: `${year}年度千企在线展馆遴选`, year: String(year), quota: '200', applyFrom: `${year}-03-01`, applyTo: `${year}-04-30`, countyDue: `${year}-05-20`, cityDue: `${year}-06-10`, expertDue: `${year}-07-10`, notice: '5', phone: '', email: '' });
  const [error, setError] = useState('');
  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV({ ...v, [k]: e.target.value });
  const field = (k: string, label: string, type = 'text') => (
    <div className="field" key={k}>
      <label htmlFor={`r-${k}`}>{label}</label>
      <input id={`r-${k}`} type={type} value={v[k]} onChange={set(k)} />
    </div>
  );
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError('');
    try {
      const round = await adminApi<{ id: number }>('POST', '/rounds', csrfToken, {
        year: Number(v.year),
        kind: v.kind,
        ...(v.kind === 'title' ? { tier: v.tier, level: v.level } : {}),
        title: v.title,
        quota: Number(v.quota),
        timeline: { applyFrom: v.applyFrom, applyTo: v.applyTo, countyDue: v.countyDue, cityDue: v.cityDue, expertDue: v.expertDue, noticeFrom: null },
        noticeWorkingDays: Number(v.notice),
        objectionPhone: v.phone,
        objectionEmail: v.email,
      });
      location.assign(`${lang === 'en' ? '/en' : ''}/admin/selection/${round.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    }
  }
  return (
    <form className="stack round-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="r-kind">{t.kind}</label>
        <select id="r-kind" value={v.kind} onChange={set('kind')}>
          <option value="hall">{t.hall}</option>
          <option value="title">{t.titleKind}</option>
        </select>
      </div>
      {v.kind === 'title' && (
        <>
          <div className="field"><label htmlFor="r-tier">{t.tier}</label><select id="r-tier" value={v.tier} onChange={set('tier')}>{tiers.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}</select></div>
          <div className="field"><label htmlFor="r-level">{t.level}</label><select id="r-level" value={v.level} onChange={set('level')}>{levels.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}</select></div>
        </>
      )}
      {field('title', t.name)}
      {field('year', t.year, 'number')}
      {field('quota', t.quota, 'number')}
      {field('applyFrom', t.applyFrom, 'date')}
      {field('applyTo', t.applyTo, 'date')}
      {field('countyDue', t.countyDue, 'date')}
      {field('cityDue', t.cityDue, 'date')}
      {field('expertDue', t.expertDue, 'date')}
      {field('notice', t.notice, 'number')}
      {field('phone', t.phone)}
      {field('email', t.email, 'email')}
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="btn">{t.create}</button>
    </form>
  );
}
