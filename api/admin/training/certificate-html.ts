/**
 * The printed certificate (结业证书) as one self-contained A4 landscape HTML page: Chinese first with English below,
 * the person, the masked mobile, the firm, the track (and event), the date, the verification code and a QR code
 * linking to the public verification page. Pure: the QR SVG is passed in.
 */
import { TRAINING_TRACK_NAMES, type TrainingTrack } from '../../domain/training.ts';
import { formatCertificateCode } from './certificate-code.ts';

export interface CertificateFacts {
  personName: string;
  maskedMobile: string;
  firmName: string;
  track: TrainingTrack;
  eventTitle: string | null;
  /** China date YYYY-MM-DD. */
  issuedOn: string;
  code: string;
  /** The public verification URL the QR code holds. */
  verifyUrl: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** 2026-05-12 → 2026年5月12日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The certificate page; `qrSvg` is an inline SVG of `facts.verifyUrl`. */
export function certificateHtml(facts: CertificateFacts, qrSvg: string): string {
  const track = TRAINING_TRACK_NAMES[facts.track];
  const what = facts.eventTitle ? `“${escape(facts.eventTitle)}”（${escape(track.zh)}）` : `${escape(track.zh)}培训`;
  const whatEn = facts.eventTitle ? `"${escape(facts.eventTitle)}" (${escape(track.en)})` : `the ${escape(track.en)} track`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>结业证书 ${escape(facts.code)}</title>
<style>
@page { size: A4 landscape; margin: 0; }
body { margin: 0; font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #1f2933; }
.sheet { box-sizing: border-box; width: 297mm; height: 210mm; padding: 14mm; }
.frame { box-sizing: border-box; height: 100%; border: 3px double #9a3412; padding: 12mm 18mm; position: relative; }
h1 { text-align: center; font-size: 30pt; letter-spacing: 0.5em; margin: 0 0 2mm; color: #9a3412; }
.en-title { text-align: center; font-size: 12pt; letter-spacing: 0.2em; margin: 0 0 10mm; color: #7c2d12; }
.body { font-size: 16pt; line-height: 2; text-indent: 2em; margin: 0; }
.body-en { font-size: 10.5pt; line-height: 1.5; color: #52606d; margin: 3mm 0 0; }
.facts { margin-top: 8mm; font-size: 11pt; line-height: 1.8; }
.facts b { display: inline-block; min-width: 28mm; }
.issuer { position: absolute; right: 18mm; bottom: 16mm; text-align: right; font-size: 13pt; line-height: 1.8; }
.qr { position: absolute; left: 18mm; bottom: 12mm; width: 34mm; font-size: 8pt; color: #52606d; }
.qr svg { width: 34mm; height: 34mm; display: block; }
.code { font-family: "DejaVu Sans Mono", monospace; font-size: 11pt; letter-spacing: 0.05em; }
</style></head><body><div class="sheet"><div class="frame">
<h1>结业证书</h1>
<p class="en-title">CERTIFICATE OF COMPLETION</p>
<p class="body"><strong>${escape(facts.personName)}</strong>（${escape(facts.firmName)}）同志：参加聊城市中小企业梯度培育计划${what}，完成全部课程并考核合格，准予结业，特发此证。</p>
<p class="body-en">${escape(facts.personName)} of ${escape(facts.firmName)} completed ${whatEn} of the city's SME cultivation programme and passed its assessment.</p>
<div class="facts">
<div><b>手机号 Mobile</b>${escape(facts.maskedMobile)}</div>
<div><b>证书编号 Code</b><span class="code">${escape(formatCertificateCode(facts.code))}</span></div>
</div>
<div class="qr">${qrSvg}<div>扫码核验 Scan to verify</div></div>
<div class="issuer">聊城市工业和信息化局<br>${chineseDate(facts.issuedOn)}<br><span style="font-size:9pt;color:#52606d">Issued ${escape(facts.issuedOn)}</span></div>
</div></div></body></html>`;
}
