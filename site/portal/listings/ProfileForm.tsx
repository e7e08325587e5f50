import { api, firmPath, type UiLang } from '../api.ts';
import { portalStrings } from '../strings.ts';
import { EntityForm } from './EntityForm.tsx';
import { LISTING_FIELDS } from './fields.ts';

export interface ProfileFormProps {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  profile: Record<string, unknown>;
}

/** The firm's own part of its profile: introduction, contacts, English texts. */
export function ProfileForm({ lang, csrfToken, enterpriseId, profile }: ProfileFormProps) {
  const s = portalStrings(lang);
  return (
    <EntityForm
      lang={lang}
      idPrefix="profile"
      fields={LISTING_FIELDS.profile}
      labels={s.profile.fields}
      row={profile}
      onSubmit={async (body) => void (await api('PATCH', firmPath(enterpriseId, '/profile'), csrfToken, body))}
    />
  );
}
