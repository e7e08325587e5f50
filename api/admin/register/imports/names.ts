/**
 * How people write firm names and area names in spreadsheets, folded to one form for matching:
 * full/half width, （）vs (), spaces, the 有限公司 / 有限责任公司 / 股份有限公司 variants, and the area names
 * in use (临清市 / 临清, 茌平县 — the pre-2019 name, code 371523 —, 经开区 …).
 */
import { COUNTIES, COUNTY_NAMES, type County } from '../../../domain/program.ts';
import { toSimplified } from '../../../db/queries/search-text.ts';

/** Legal-form endings that refer to the same firm when the rest of the name is equal (longest first). */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '公司'];

/**
 * Folds width (ＡＢ１ → AB1, （）→ ()), traditional to simplified characters (東昌 → 东昌, as the search index does),
 * removes spaces and unifies brackets: the text people mean.
 */
export function foldText(input: string): string {
  return toSimplified(input.normalize('NFKC'))
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[〔【［]/g, '(')
    .replace(/[〕】］]/g, ')');
}

/**
 * A firm name's matching key: folded, lower-cased Latin letters, and the legal-form ending removed, so
 * "聊城市 东昌（山东）轴承有限责任公司" and "聊城市东昌(山东)轴承有限公司" share a key.
 */
export function nameKey(name: string): string {
  let key = foldText(name).toLowerCase();
  for (const form of LEGAL_FORMS) {
    if (key.endsWith(form) && key.length > form.length) {
      key = key.slice(0, -form.length);
      break;
    }
  }
  return key;
}

/** Extra names people write for each area, besides its official name, English name and code. */
const AREA_ALIASES: Record<County, string[]> = {
  dongchangfu: ['东昌府', '东昌府区'],
  chiping: ['茌平', '茌平县', '茌平区', '371523', '371503'],
  linqing: ['临清', '临清市', '371581'],
  yanggu: ['阳谷', '阳谷县', '371521'],
  shenxian: ['莘县', '371522'],
  donge: ['东阿', '东阿县', '371524'],
  guanxian: ['冠县', '371525'],
  gaotang: ['高唐', '高唐县', '371526'],
  etdz: ['经开区', '经济技术开发区', '聊城经开区', '经济开发区', '聊城经济开发区', '开发区'],
  hitech: ['高新区', '聊城高新区', '高新技术产业开发区', '高新技术开发区'],
  jiangbei: ['度假区', '江北水城', '江北水城度假区', '旅游度假区', '江北水城旅游度假区'],
};

const areaIndex = new Map<string, County>();
for (const county of COUNTIES) {
  const names = [county, COUNTY_NAMES[county].zh, COUNTY_NAMES[county].en, ...AREA_ALIASES[county]];
  for (const name of names) areaIndex.set(foldText(name).toLowerCase(), county);
}

/** The reporting area an area name denotes (with or without the 聊城市 / 山东省 prefix), or null when unknown. */
export function areaOf(input: string): County | null {
  const folded = foldText(input).toLowerCase().replace(/^(山东省)?(聊城市)?/, '');
  return areaIndex.get(folded) ?? areaIndex.get(foldText(input).toLowerCase()) ?? null;
}
