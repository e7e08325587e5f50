import { useEffect, useState } from 'react';
import { api, ApiError, firmPath, type UiLang } from '../api.ts';
import { portalStrings } from '../strings.ts';

interface Photo {
  id: number;
  alt: string;
  src: string;
  srcset: string;
  width: number;
  height: number;
}

export interface ProductPhotosProps {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  productId: number;
}

/** The photos of one product: upload (checked and resized by the server), describe, delete. */
export function ProductPhotos({ lang, csrfToken, enterpriseId, productId }: ProductPhotosProps) {
  const s = portalStrings(lang).listings.photos;
  const base = firmPath(enterpriseId, `/products/${productId}/photos`);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Photo[]>('GET', base, csrfToken).then(setPhotos, (e: unknown) => setError(message(e)));
  }, [base, csrfToken]);

  function message(e: unknown): string {
    return e instanceof ApiError ? e.text(lang) : String(e);
  }

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const res = await fetch(`/api${base}`, { method: 'POST', body: form, headers: { 'X-CSRF-Token': csrfToken }, credentials: 'same-origin' });
      const body = await res.json();
      if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'http_error', body.error?.message ?? '', body.error?.messageEn ?? '', []);
      setPhotos((list) => [...list, body as Photo]);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  }

  async function saveAlt(photo: Photo, alt: string) {
    try {
      await api('PATCH', `${base}/${photo.id}`, csrfToken, { alt });
      setPhotos((list) => list.map((p) => (p.id === photo.id ? { ...p, alt } : p)));
    } catch (e) {
      setError(message(e));
    }
  }

  async function remove(photo: Photo) {
    try {
      await api('DELETE', `${base}/${photo.id}`, csrfToken);
      setPhotos((list) => list.filter((p) => p.id !== photo.id));
    } catch (e) {
      setError(message(e));
    }
  }

  return (
    <section className="panel" aria-labelledby={`photos-${productId}`}>
      <h3 id={`photos-${productId}`}>{s.title}</h3>
      <p className="muted-s">{s.hint}</p>
      {error && <p className="alert error" role="alert">{error}</p>}
      {photos.length === 0 && <p className="muted-s">{s.empty}</p>}
      <ul className="photo-grid">
        {photos.map((p) => (
          <li key={p.id}>
            <img src={p.src} srcSet={p.srcset} sizes="160px" width={160} height={Math.round((160 * p.height) / p.width)} alt={p.alt} />
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void saveAlt(p, String(new FormData(e.currentTarget).get('alt') ?? ''));
              }}
            >
              <label className="muted-s">
                {s.alt}
                <input name="alt" defaultValue={p.alt} maxLength={120} />
              </label>
              <span className="form-actions">
                <button className="btn small secondary" type="submit">{s.saveAlt}</button>
                <button className="btn small danger" type="button" onClick={() => void remove(p)}>{s.remove}</button>
              </span>
            </form>
          </li>
        ))}
      </ul>
      <label className="btn secondary" aria-busy={busy}>
        {busy ? s.uploading : s.add}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          hidden
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void upload(file);
          }}
        />
      </label>
    </section>
  );
}
