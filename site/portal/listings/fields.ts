/** Form fields of each editable kind of content, matching the API's schemas (api/portal/listing-schemas.ts). */

export type FieldType = 'text' | 'textarea' | 'number' | 'nullableNumber' | 'date' | 'url' | 'email' | 'tel' | 'select' | 'specs';

export interface FieldSpec {
  name: string;
  type: FieldType;
  max?: number;
  required?: boolean;
  /** An English alternative: shown as optional. */
  english?: boolean;
  /** Options for selects: value → key in the strings table given to the form. */
  options?: readonly string[];
  /** Full width in the grid. */
  wide?: boolean;
}

const STATUS = ['published', 'draft', 'archived'] as const;

export const LISTING_FIELDS = {
  product: [
    { name: 'name', type: 'text', max: 80, required: true },
    { name: 'nameEn', type: 'text', max: 120, english: true },
    { name: 'summary', type: 'textarea', max: 200, wide: true },
    { name: 'summaryEn', type: 'textarea', max: 300, english: true, wide: true },
    { name: 'description', type: 'textarea', max: 5000, wide: true },
    { name: 'specs', type: 'specs', wide: true },
    { name: 'price', type: 'nullableNumber' },
    { name: 'priceUnit', type: 'text', max: 10 },
    { name: 'purchaseUrl', type: 'url', max: 500 },
    { name: 'status', type: 'select', options: STATUS },
  ],
  job: [
    { name: 'title', type: 'text', max: 60, required: true },
    { name: 'titleEn', type: 'text', max: 100, english: true },
    { name: 'salaryMin', type: 'nullableNumber' },
    { name: 'salaryMax', type: 'nullableNumber' },
    { name: 'location', type: 'text', max: 100 },
    { name: 'headcount', type: 'number' },
    { name: 'validUntil', type: 'date', required: true },
    { name: 'status', type: 'select', options: STATUS },
    { name: 'requirements', type: 'textarea', max: 3000, wide: true },
    { name: 'description', type: 'textarea', max: 5000, wide: true },
  ],
  project: [
    { name: 'title', type: 'text', max: 80, required: true },
    { name: 'titleEn', type: 'text', max: 120, english: true },
    { name: 'sector', type: 'text', max: 40, required: true },
    { name: 'amountWan', type: 'nullableNumber' },
    { name: 'cooperationMode', type: 'select', options: ['equity', 'loan', 'joint_venture', 'technology', 'lease', 'other'], required: true },
    { name: 'status', type: 'select', options: STATUS },
    { name: 'summary', type: 'textarea', max: 300, wide: true },
    { name: 'description', type: 'textarea', max: 5000, wide: true },
  ],
  hall: [
    { name: 'tagline', type: 'text', max: 60 },
    { name: 'taglineEn', type: 'text', max: 120, english: true },
  ],
  profile: [
    { name: 'intro', type: 'textarea', max: 5000, wide: true },
    { name: 'introEn', type: 'textarea', max: 8000, english: true, wide: true },
    { name: 'nameEn', type: 'text', max: 120, english: true },
    { name: 'address', type: 'text', max: 200 },
    { name: 'website', type: 'url', max: 500 },
    { name: 'contactName', type: 'text', max: 40 },
    { name: 'contactPhone', type: 'tel', max: 30 },
    { name: 'contactEmail', type: 'email', max: 200 },
  ],
} as const satisfies Record<string, readonly FieldSpec[]>;

export type ListingKind = 'product' | 'job' | 'project';

/** The value a control starts with, from the API's row (products store fen; specs are pairs). */
export function fieldValue(spec: FieldSpec, row: Record<string, unknown> | null): string {
  if (!row) return spec.name === 'status' ? 'published' : spec.name === 'headcount' ? '1' : '';
  if (spec.name === 'price') return row.priceFen == null ? '' : String(Number(row.priceFen) / 100);
  const v = row[spec.name];
  if (spec.type === 'specs') return Array.isArray(v) ? (v as [string, string][]).map(([k, x]) => `${k}=${x}`).join('\n') : '';
  return v == null ? '' : String(v);
}

/** The JSON the API takes, from the form's values. Empty numbers are null (面议 / not given). */
export function formBody(fields: readonly FieldSpec[], form: FormData): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of fields) {
    const raw = String(form.get(spec.name) ?? '');
    if (spec.type === 'number') body[spec.name] = raw.trim() === '' ? undefined : Number(raw);
    else if (spec.type === 'nullableNumber') body[spec.name] = raw.trim() === '' ? null : Number(raw);
    else if (spec.type === 'specs')
      body[spec.name] = raw
        .split('\n')
        .map((line) => line.split(/[=＝:：]/))
        .filter((parts) => parts[0]!.trim() !== '')
        .map(([k, ...rest]) => [k!.trim(), rest.join('=').trim()]);
    else body[spec.name] = raw;
  }
  return body;
}
