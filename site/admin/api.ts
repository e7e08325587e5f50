/**
 * The bureau workspace islands' way to the API: JSON in and out with the session's CSRF token on every change
 * (the portal's helper, reused), and an upload through XMLHttpRequest so the page can show upload progress.
 */
import { api as portalApi, ApiError, type UiLang } from '../portal/api.ts';

export { ApiError, type UiLang };

/** Calls /api/admin…; throws ApiError with the server's message. */
export function adminApi<T>(method: string, path: string, csrfToken: string, body?: unknown): Promise<T> {
  return portalApi<T>(method, `/admin${path}`, csrfToken, body);
}

/**
 * POSTs a multipart form to /api/admin…, reporting upload progress (0–1) and, once every byte is sent,
 * `onSent` (the server is then reading and checking the file). Resolves with the JSON answer.
 */
export function adminUpload<T>(path: string, csrfToken: string, form: FormData, onProgress: (fraction: number) => void, onSent: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/admin${path}`);
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onSent();
    xhr.onerror = () => reject(new ApiError(0, 'network', '网络连接失败，请检查网络后重试', 'Network error; check the connection and try again', []));
    xhr.onload = () => {
      const data = xhr.response as { error?: { code: string; message: string; messageEn: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const e = data?.error;
      reject(new ApiError(xhr.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${xhr.status}`, e?.messageEn ?? `HTTP ${xhr.status}`, []));
    };
    xhr.send(form);
  });
}
