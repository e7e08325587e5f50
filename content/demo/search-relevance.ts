/**
 * The search relevance set: queries as visitors type them, and the demo firm (slug, content/demo/firms-*.ts) that
 * must be among the first three firms found. Run as a test (api/db/queries/search-relevance.test.ts) and measured
 * by `npm run bench:search` (precision@3 and latency per class).
 */
export interface RelevanceRow {
  query: string;
  /** Slug of the demo firm that must be in the top 3. */
  firm: string;
}

export const RELEVANCE_CLASSES = [
  'simplified',
  'traditional',
  'short name',
  'pinyin',
  'initials',
  'english',
  'mixed digits',
  'typo',
  'full-width',
] as const;
export type RelevanceClass = (typeof RELEVANCE_CLASSES)[number];

export const RELEVANCE_SET: Record<RelevanceClass, RelevanceRow[]> = {
  simplified: [
    { query: '轴承', firm: 'hengyun-bearing' },
    { query: '东阿', firm: 'donge-yuanquan-ejiao' },
    { query: '阿胶', firm: 'donge-yuanquan-ejiao' },
    { query: '钢管', firm: 'jinghe-steel-pipe' },
    { query: '电缆', firm: 'fuhai-cable' },
    { query: '润华精细化工', firm: 'runhua-chemical' },
    { query: '制动盘', firm: 'ruida-auto-parts' },
    { query: '聊城润华精细化工有限公司', firm: 'runhua-chemical' },
  ],
  traditional: [
    { query: '軸承', firm: 'hengyun-bearing' },
    { query: '東阿', firm: 'donge-yuanquan-ejiao' },
    { query: '阿膠', firm: 'donge-yuanquan-ejiao' },
    { query: '電纜', firm: 'fuhai-cable' },
    { query: '鋼管', firm: 'jinghe-steel-pipe' },
    { query: '紡織', firm: 'guanzhou-textile' },
    { query: '臨清恆運', firm: 'hengyun-bearing' },
  ],
  'short name': [
    { query: '润华化工', firm: 'runhua-chemical' },
    { query: '恒运轴承', firm: 'hengyun-bearing' },
    { query: '富海电缆', firm: 'fuhai-cable' },
    { query: '景和钢管', firm: 'jinghe-steel-pipe' },
    { query: '晨光纸业', firm: 'gaotang-chenguang-paper' },
    { query: '华耀生物', firm: 'huayao-biopharm' },
    { query: '精密 轴承 临清', firm: 'hengyun-bearing' },
  ],
  pinyin: [
    { query: 'zhoucheng', firm: 'hengyun-bearing' },
    { query: 'hengyun', firm: 'hengyun-bearing' },
    { query: 'dianlan', firm: 'fuhai-cable' },
    { query: 'runhua', firm: 'runhua-chemical' },
    { query: 'gangguan', firm: 'jinghe-steel-pipe' },
    { query: 'fangzhi', firm: 'guanzhou-textile' },
    { query: 'ejiao', firm: 'donge-yuanquan-ejiao' },
  ],
  initials: [
    { query: 'zc', firm: 'hengyun-bearing' },
    { query: 'lqhy', firm: 'hengyun-bearing' },
    { query: 'rhjx', firm: 'runhua-chemical' },
    { query: 'fhdl', firm: 'fuhai-cable' },
  ],
  english: [
    { query: 'bearing', firm: 'hengyun-bearing' },
    { query: 'Bearings', firm: 'hengyun-bearing' },
    { query: 'cable', firm: 'fuhai-cable' },
    { query: 'Cables', firm: 'fuhai-cable' },
    { query: 'steel pipes', firm: 'jinghe-steel-pipe' },
    { query: 'textiles', firm: 'guanzhou-textile' },
    { query: 'chemical', firm: 'runhua-chemical' },
  ],
  'mixed digits': [
    { query: 'P4 轴承', firm: 'hengyun-bearing' },
    { query: '7014C', firm: 'hengyun-bearing' },
    { query: '6063 铝', firm: 'xinyuan-aluminium' },
    { query: '66 kV 电缆', firm: 'fuhai-cable' },
  ],
  typo: [
    { query: '恒运精蜜轴承', firm: 'hengyun-bearing' },
    { query: '润华精细化公', firm: 'runhua-chemical' },
    { query: '富海电揽集团', firm: 'fuhai-cable' },
    { query: '晨光特种低业', firm: 'gaotang-chenguang-paper' },
    { query: 'hengyum', firm: 'hengyun-bearing' },
  ],
  'full-width': [
    { query: 'ＢＥＡＲＩＮＧ', firm: 'hengyun-bearing' },
    { query: 'Ｐ４　轴承', firm: 'hengyun-bearing' },
  ],
};
