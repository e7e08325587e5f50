import { RULE_VERSION_NAMES, RULE_VERSIONS, TIER_LEVEL_NAMES, TIER_LEVELS, TIER_NAMES, TIERS } from '../../../api/domain/program.ts';
import type { AdminStrings } from '../../i18n/admin.zh.ts';
import type { UiLang } from '../api.ts';

const TITLE_TEXT_FIELDS = ['batch', 'documentNo', 'issuingBody'] as const;

/** Form fields of a title-list upload: what the whole published list designates (tier, level, year, document …). */
export function TitleListFields({ lang, s }: { lang: UiLang; s: AdminStrings['imports'] }) {
  return (
    <fieldset className="import-title-fields">
      <legend>{s.titleFields}</legend>
      <label>
        {s.tier}
        <select name="tier" defaultValue="">
          <option value="">{s.choose}</option>
          {TIERS.map((t) => (
            <option key={t} value={t}>{TIER_NAMES[t][lang]}</option>
          ))}
        </select>
      </label>
      <label>
        {s.level}
        <select name="level" defaultValue="">
          <option value="">{s.choose}</option>
          {TIER_LEVELS.map((l) => (
            <option key={l} value={l}>{TIER_LEVEL_NAMES[l][lang]}</option>
          ))}
        </select>
      </label>
      <label>
        {s.year}
        <input name="year" type="number" min={2000} max={2100} inputMode="numeric" />
      </label>
      {TITLE_TEXT_FIELDS.map((f) => (
        <label key={f}>
          {s[f]}
          <input name={f} type="text" maxLength={100} />
        </label>
      ))}
      <label>
        {s.ruleVersion}
        <select name="ruleVersion" defaultValue="">
          <option value="">{s.choose}</option>
          {RULE_VERSIONS.map((r) => (
            <option key={r} value={r}>{RULE_VERSION_NAMES[r][lang]}</option>
          ))}
        </select>
      </label>
      <label>
        {s.validTo}
        <input name="validTo" type="date" />
      </label>
    </fieldset>
  );
}
