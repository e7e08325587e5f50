import { tableCsv, tableXlsx } from '../lib/table-export.ts';

export const LEAD_EXPORT_COLUMNS = ['编号 ID', '时间 Time', '类型 Kind', '状态 Status', '事项 Subject', '联系人 Name', '电话 Phone', '邮箱 E-mail', '单位 Organisation', '留言 Message', '负责人 Assignee'];

const KIND = { inquiry: '询价', application: '求职', investment: '投资意向', contact: '联系' } as const;
const STATUS = { new: '新线索', contacted: '已联系', negotiating: '洽谈中', won: '已成交', invalid: '无效' } as const;

export interface ExportableLead {
  id: number;
  createdAt: Date;
  kind: keyof typeof KIND;
  status: keyof typeof STATUS;
  subject: string | null;
  contactName: string;
  phone: string | null;
  email: string | null;
  organisation: string | null;
  message: string;
  assigneeName: string | null;
}

/** One row of text cells per lead, in the columns above. */
export function leadRows(leads: ExportableLead[]): string[][] {
  return leads.map((l) => [
    String(l.id),
    l.createdAt.toISOString().replace('T', ' ').slice(0, 19),
    KIND[l.kind],
    STATUS[l.status],
    l.subject ?? '',
    l.contactName,
    l.phone ?? '',
    l.email ?? '',
    l.organisation ?? '',
    l.message,
    l.assigneeName ?? '',
  ]);
}

/** CSV with a UTF-8 byte-order mark so spreadsheet programs read the Chinese correctly. */
export function leadsCsv(leads: ExportableLead[]): string {
  return tableCsv(LEAD_EXPORT_COLUMNS, leadRows(leads));
}

/** The same table as an .xlsx workbook (every cell text, so nothing a visitor typed becomes a formula). */
export async function leadsXlsx(leads: ExportableLead[]): Promise<Buffer> {
  return tableXlsx(LEAD_EXPORT_COLUMNS, leadRows(leads));
}
