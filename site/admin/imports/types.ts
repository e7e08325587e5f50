/** Shapes of the /api/admin/imports answers the wizard reads (see api/admin/register/imports/batches.ts). */
export type ImportKind = 'enterprises' | 'yearly' | 'titles' | 'attendances';
export type RowAction = 'create' | 'update' | 'unchanged' | 'error' | 'unmatched' | 'ambiguous' | 'skipped';

export interface RowError {
  row: number;
  column: string;
  cell?: string;
  message: string;
  messageEn: string;
}

export interface BatchResult {
  id: number;
  kind: ImportKind;
  fileName: string;
  status: 'validated' | 'committed' | 'undone';
  rows: number;
  errors: RowError[];
  warnings: { zh: string; en: string }[];
  summary: Record<RowAction, number>;
}

export interface Candidate {
  id: number;
  name: string;
  county: string;
  creditCode: string;
}

export interface PreviewRow {
  row: number;
  action: RowAction;
  label: string;
  enterpriseId: number | null;
  candidates: Candidate[];
  changes: Record<string, [unknown, unknown]>;
  resolved: boolean;
  errors: RowError[];
}

export interface PreviewPage extends BatchResult {
  page: number;
  perPage: number;
  total: number;
  /** Field key → its name in both languages. */
  labels: Record<string, { zh: string; en: string }>;
  items: PreviewRow[];
}
