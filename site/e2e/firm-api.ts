/** A firm's demo account signed in through the real API, holding what a portal page would: cookie and CSRF token. */
export interface FirmApi {
  enterpriseId: number;
  /** JSON call to `/api/portal/enterprises/<id><path>`. */
  call: (method: string, path: string, json?: unknown) => Promise<Response>;
  /** Multipart upload of one file as `file` to the same prefix. */
  upload: (path: string, bytes: Uint8Array, name: string) => Promise<Response>;
  /** A 360° photo to `POST /api/enterprises/<id>/panoramas` (answers with the processing job). */
  uploadPanorama: (bytes: Uint8Array, name: string) => Promise<Response>;
}

/** Signs in as `<slug>@demo.qianqi.example` (demo mode only); throws with the server's answer when refused. */
export async function signInAsFirm(baseURL: string, slug: string): Promise<FirmApi> {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseURL },
    body: JSON.stringify({ email: `${slug}@demo.qianqi.example`, password: 'qianqi-demo-2026' }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${slug} refused: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { enterpriseId: number } };
  // Sign-in sets the session cookie and a known-device cookie; the API calls need the session.
  const cookie = res.headers.getSetCookie().find((c) => /^(__Host-)?qq_session=/.test(c))!.split(';')[0]!;
  const prefix = `${baseURL}/api/portal/enterprises/${body.user.enterpriseId}`;
  const auth = { Cookie: cookie, 'X-CSRF-Token': body.csrfToken, Origin: baseURL };
  return {
    enterpriseId: body.user.enterpriseId,
    call: (method, path, json) =>
      fetch(`${prefix}${path}`, {
        method,
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
      }),
    upload: (path, bytes, name) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      return fetch(`${prefix}${path}`, { method: 'POST', headers: auth, body: form });
    },
    uploadPanorama: (bytes, name) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      return fetch(`${baseURL}/api/enterprises/${body.user.enterpriseId}/panoramas`, { method: 'POST', headers: auth, body: form });
    },
  };
}
