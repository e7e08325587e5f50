import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, type UiLang } from '../api.ts';
import { Field } from '../Field.tsx';
import { portalStrings } from '../strings.ts';

interface JobView {
  id: number;
  status: 'queued' | 'processing' | 'done' | 'failed';
  stage: string | null;
  progress: number;
  panoramaId: string | null;
  fileName: string | null;
  error: { code: string; message: string; messageEn: string } | null;
  /** What the pipeline did to an accepted photo that the firm should know (metadata ignored, scaled down). */
  warnings?: { code: string; message: string; messageEn: string }[];
}

type Phase =
  | { at: 'idle' }
  | { at: 'uploading'; pct: number }
  | { at: 'processing'; job: JobView }
  | { at: 'named'; job: JobView }
  | { at: 'failed'; message: string };

export interface UploadPanelProps {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  /** Creates the scene for a processed panorama. */
  onCreateScene: (panoramaId: string, title: string, titleEn: string) => Promise<void>;
}

/** Upload a 360° photo with a real progress bar (XHR upload events), follow its processing job, then name the scene. */
export function UploadPanel({ lang, csrfToken, enterpriseId, onCreateScene }: UploadPanelProps) {
  const s = portalStrings(lang).hall;
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const [error, setError] = useState<Record<string, string>>({});
  const input = useRef<HTMLInputElement>(null);
  const source = useRef<EventSource | null>(null);

  useEffect(() => () => source.current?.close(), []);

  function follow(job: JobView) {
    show(job);
    if (job.status === 'done' || job.status === 'failed') return;
    source.current?.close();
    const es = new EventSource(`/api/panorama-jobs/${job.id}/events`);
    source.current = es;
    es.addEventListener('job', (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as JobView;
      if (next.status === 'done' || next.status === 'failed') es.close();
      show(next);
    });
    // The stream closes after the last event; if it breaks earlier, poll instead.
    es.onerror = () => {
      es.close();
      void poll(job.id);
    };
  }
  function show(job: JobView) {
    if (job.status === 'done') setPhase({ at: 'named', job });
    else if (job.status === 'failed') setPhase({ at: 'failed', message: s.failed(lang === 'en' ? (job.error?.messageEn ?? '') : (job.error?.message ?? '')) });
    else setPhase({ at: 'processing', job });
  }
  async function poll(jobId: number) {
    for (;;) {
      const res = await fetch(`/api/panorama-jobs/${jobId}`).catch(() => null);
      if (res?.ok) {
        const job = (await res.json()) as JobView;
        show(job);
        if (job.status === 'done' || job.status === 'failed') return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  function upload(file: File) {
    const body = new FormData();
    body.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/enterprises/${enterpriseId}/panoramas`);
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && setPhase({ at: 'uploading', pct: Math.round((e.loaded / e.total) * 100) });
    xhr.onload = () => {
      const data = JSON.parse(xhr.responseText || '{}') as JobView & { error?: { message: string; messageEn: string } };
      if (xhr.status === 200 || xhr.status === 202) return follow(data);
      const err = data.error as unknown as { message: string; messageEn: string } | undefined;
      setPhase({ at: 'failed', message: (lang === 'en' ? err?.messageEn : err?.message) ?? `HTTP ${xhr.status}` });
    };
    xhr.onerror = () => setPhase({ at: 'failed', message: portalStrings(lang).common.networkError });
    setPhase({ at: 'uploading', pct: 0 });
    xhr.send(body);
  }

  async function create(e: FormEvent<HTMLFormElement>, job: JobView) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    try {
      await onCreateScene(job.panoramaId!, String(form.get('title') ?? ''), String(form.get('titleEn') ?? ''));
      setPhase({ at: 'idle' });
      setError({});
      if (input.current) input.current.value = '';
    } catch (err) {
      setError(err instanceof ApiError ? { form: err.text(lang), ...err.fieldErrors(lang) } : { form: String(err) });
    }
  }

  const busy = phase.at === 'uploading' || phase.at === 'processing';
  const pct = phase.at === 'uploading' ? phase.pct : phase.at === 'processing' ? Math.round(phase.job.progress * 100) : 0;
  return (
    <section className="panel" aria-labelledby="upload-h">
      <h2 id="upload-h">{s.upload}</h2>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-describedby="upload-hint"
        aria-label={s.upload}
        disabled={busy}
        data-testid="panorama-file"
        onChange={(e) => e.currentTarget.files?.[0] && upload(e.currentTarget.files[0])}
      />
      <p className="hint" id="upload-hint">{s.uploadHint}</p>
      {busy && (
        <div role="status" aria-live="polite">
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <span style={{ width: `${pct}%` }} />
          </div>
          <p className="status-line" data-testid="upload-status">
            {phase.at === 'uploading' ? s.uploading(pct) : s.processing(s.stages[phase.job.stage ?? phase.job.status] ?? phase.job.stage ?? '', pct)}
          </p>
        </div>
      )}
      {phase.at === 'failed' && (
        <p className="alert error" role="alert">
          {phase.message}
        </p>
      )}
      {phase.at === 'named' && (
        <form className="form" onSubmit={(e) => void create(e, phase.job)} data-testid="new-scene-form">
          <p className="alert ok" role="status">
            {s.processed}
          </p>
          {(phase.job.warnings ?? []).map((w) => (
            <p key={w.code} className="alert warning" role="status" data-warning={w.code}>
              {lang === 'en' ? w.messageEn : w.message}
            </p>
          ))}
          {error.form && <p className="alert error">{error.form}</p>}
          <Field id="new-scene-title" label={s.sceneTitle} error={error.title}>
            {(a) => <input {...a} name="title" required maxLength={40} defaultValue={(phase.job.fileName ?? '').replace(/\.[a-z]+$/i, '').slice(0, 40)} />}
          </Field>
          <Field id="new-scene-title-en" label={s.sceneTitleEn} note={portalStrings(lang).common.optional} error={error.titleEn}>
            {(a) => <input {...a} name="titleEn" maxLength={80} />}
          </Field>
          <button className="btn" type="submit">
            {s.createScene}
          </button>
        </form>
      )}
    </section>
  );
}
