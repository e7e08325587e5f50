import { useState, type FormEvent } from 'react';
import type { UiLang } from '../api.ts';
import { Field } from '../Field.tsx';
import { portalStrings } from '../strings.ts';
import type { HotspotRow, SceneRow } from '../types.ts';

export type HotspotKind = HotspotRow['kind'];
export const HOTSPOT_KINDS: HotspotKind[] = ['scene', 'product', 'job', 'project', 'info', 'media'];

/** What a hotspot can point at, besides the hall's own scenes. */
export interface HotspotTargets {
  products: { id: number; label: string }[];
  jobs: { id: number; label: string }[];
  projects: { id: number; label: string }[];
}

/** The fields the API takes for a hotspot (kind only when creating). */
export interface HotspotInput {
  kind: HotspotKind;
  label: string;
  labelEn: string | null;
  targetSceneId: number | null;
  productId: number | null;
  jobId: number | null;
  projectId: number | null;
  body: string | null;
  mediaUrl: string | null;
}

export interface HotspotPanelProps {
  lang: UiLang;
  /** The hotspot being edited, or null for a new one at `at`. */
  hotspot: HotspotRow | null;
  scenes: SceneRow[];
  currentSceneId: number;
  targets: HotspotTargets;
  errors: Record<string, string>;
  busy: boolean;
  onSave: (input: HotspotInput) => void;
  onDelete?: () => void;
  onMove?: () => void;
  /** Move it to the middle of the view (the way to place it without a pointer). */
  onMoveToCentre?: () => void;
  /** A saved scene link: pick the view its target opens at, on the stage; or go back to the target's initial view. */
  onPickArrival?: () => void;
  onClearArrival?: () => void;
  onCancel: () => void;
}

const num = (v: FormDataEntryValue | null) => (v ? Number(v) : null);
const text = (v: FormDataEntryValue | null) => (v ? String(v) : null);

/** The side panel form of one hotspot: kind, label (zh + optional en) and the target its kind needs. */
export function HotspotPanel({ lang, hotspot, scenes, currentSceneId, targets, errors, busy, onSave, onDelete, onMove, onMoveToCentre, onPickArrival, onClearArrival, onCancel }: HotspotPanelProps) {
  const s = portalStrings(lang);
  const h = s.hall;
  const [kind, setKind] = useState<HotspotKind>(hotspot?.kind ?? 'info');
  const options =
    kind === 'scene'
      ? scenes.filter((x) => x.id !== currentSceneId).map((x) => ({ id: x.id, label: x.title }))
      : kind === 'product'
        ? targets.products
        : kind === 'job'
          ? targets.jobs
          : kind === 'project'
            ? targets.projects
            : [];
  const targetField = { scene: 'targetSceneId', product: 'productId', job: 'jobId', project: 'projectId', info: 'body', media: 'mediaUrl' }[kind];
  const current = hotspot ? (hotspot[targetField as keyof HotspotRow] as string | number | null) : null;
  const targetError = errors[targetField] ?? errors.target;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const target = f.get('target');
    onSave({
      kind,
      label: String(f.get('label') ?? ''),
      labelEn: text(f.get('labelEn')),
      targetSceneId: kind === 'scene' ? num(target) : null,
      productId: kind === 'product' ? num(target) : null,
      jobId: kind === 'job' ? num(target) : null,
      projectId: kind === 'project' ? num(target) : null,
      body: kind === 'info' ? text(target) : null,
      mediaUrl: kind === 'media' ? text(target) : null,
    });
  }

  return (
    <form className="form" onSubmit={submit} data-testid="hotspot-form" key={hotspot?.id ?? 'new'}>
      <h3 style={{ margin: 0 }}>{hotspot ? hotspot.label : h.newHotspot}</h3>
      {errors.form && (
        <p className="alert error" role="alert">
          {errors.form}
        </p>
      )}
      <Field id="hs-kind" label={h.kind}>
        {(a) => (
          <select {...a} name="kind" value={kind} disabled={!!hotspot} onChange={(e) => setKind(e.currentTarget.value as HotspotKind)}>
            {HOTSPOT_KINDS.map((k) => (
              <option key={k} value={k}>
                {h.kinds[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="hs-label" label={h.label} error={errors.label}>
        {(a) => <input {...a} name="label" required maxLength={60} defaultValue={hotspot?.label ?? ''} />}
      </Field>
      <Field id="hs-label-en" label={h.labelEn} note={s.common.optional} error={errors.labelEn}>
        {(a) => <input {...a} name="labelEn" maxLength={100} defaultValue={hotspot?.labelEn ?? ''} />}
      </Field>
      {kind === 'info' ? (
        <Field id="hs-target" label={h.body} error={targetError}>
          {(a) => <textarea {...a} name="target" maxLength={2000} defaultValue={(current as string | null) ?? ''} />}
        </Field>
      ) : kind === 'media' ? (
        <Field id="hs-target" label={h.mediaUrl} error={targetError}>
          {(a) => <input {...a} name="target" type="url" inputMode="url" maxLength={500} defaultValue={(current as string | null) ?? ''} />}
        </Field>
      ) : (
        <Field id="hs-target" label={h.target} error={targetError}>
          {(a) => (
            <select {...a} name="target" defaultValue={current == null ? '' : String(current)} key={kind}>
              <option value="">{h.chooseTarget}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {hotspot?.kind === 'scene' && hotspot.targetSceneId != null && onPickArrival && (
        <fieldset className="arrival" data-testid="arrival-view">
          <legend>{h.arrivalView}</legend>
          <p className="muted-s">{hotspot.targetYaw == null ? h.arrivalDefault : h.arrivalSet(Math.round(hotspot.targetYaw), Math.round(hotspot.targetPitch ?? 0))}</p>
          <button className="btn small secondary" type="button" onClick={onPickArrival} disabled={busy}>
            {h.pickArrival}
          </button>
          {hotspot.targetYaw != null && onClearArrival && (
            <button className="btn small secondary" type="button" onClick={onClearArrival} disabled={busy}>
              {h.clearArrival}
            </button>
          )}
        </fieldset>
      )}
      <div className="form-actions">
        <button className="btn" type="submit" disabled={busy}>
          {busy ? s.common.saving : h.saveHotspot}
        </button>
        {onMove && (
          <button className="btn secondary" type="button" onClick={onMove}>
            {h.move}
          </button>
        )}
        {onMoveToCentre && (
          <button className="btn secondary" type="button" onClick={onMoveToCentre} disabled={busy}>
            {h.moveToCentre}
          </button>
        )}
        {onDelete && (
          <button className="btn danger" type="button" onClick={onDelete}>
            {h.deleteHotspot}
          </button>
        )}
        <button className="btn secondary" type="button" onClick={onCancel}>
          {s.common.cancel}
        </button>
      </div>
    </form>
  );
}
