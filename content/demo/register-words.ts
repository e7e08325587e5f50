import type { County, Industry } from '../../api/domain/program.ts';

/**
 * Word parts of the fictional firms of the demo register (about 1,000 firms): a place word, a made-up brand and an
 * industry phrase make names such as 临清恒泰精密轴承有限公司. None of them names a real company on purpose; any likeness
 * to a real firm is a coincidence.
 */
export const PLACE_WORDS: Record<County, string[]> = {
  dongchangfu: ['聊城', '东昌'],
  chiping: ['茌平', '茌州'],
  linqing: ['临清'],
  yanggu: ['阳谷'],
  shenxian: ['莘县', '莘州'],
  donge: ['东阿'],
  guanxian: ['冠县', '冠州'],
  gaotang: ['高唐'],
  etdz: ['聊城经开区', '聊城'],
  hitech: ['聊城高新', '聊城'],
  jiangbei: ['水城', '聊城'],
};

/** Two-character brand words (invented combinations). */
export const BRAND_WORDS = [
  '恒泰', '瑞丰', '鑫源', '华誉', '金盛', '宏达', '永信', '润泽', '博远', '嘉禾', '汇通', '天祥', '瑞鑫', '众诚', '安泰', '德润',
  '正阳', '凯瑞', '福源', '同创', '信诚', '丰华', '海纳', '晟达', '明远', '金桥', '兴旺', '弘毅', '宇航', '华宸', '益康', '泽润',
  '广鑫', '恒信', '聚源', '新元', '卓越', '锦程', '万通', '长青', '祥瑞', '宏图', '富源', '金鼎', '泰和', '宝丰', '鼎盛', '华星',
  '运通', '旭升', '远航', '晨阳', '昊天', '润华', '恒昌', '瑞祥', '百川', '盛世', '中孚', '维康',
];

/** Industry phrases and main products per industry of the city (PROGRAM.md). */
export const INDUSTRY_WORDS: Record<Industry, { phrases: string[]; products: string[] }> = {
  bearings: { phrases: ['精密轴承', '轴承制造', '滚动体', '轴承装备'], products: ['深沟球轴承', '圆锥滚子轴承', '精密钢球', '轴承保持架'] },
  steel_pipes: { phrases: ['钢管', '精密钢管', '管业'], products: ['冷拔无缝钢管', '液压缸筒', '精密焊管'] },
  aluminium: { phrases: ['铝业', '铝材', '有色金属'], products: ['铝合金型材', '电池铝箔', '铝板带'] },
  ejiao_tcm: { phrases: ['阿胶', '中药饮片', '生物药业'], products: ['阿胶块', '阿胶糕', '中药配方颗粒'] },
  auto_parts: { phrases: ['汽车零部件', '汽配', '制动系统'], products: ['制动盘', '汽车轮毂', '转向节'] },
  cables: { phrases: ['电缆', '线缆', '电线电缆'], products: ['中压电力电缆', '光伏电缆', '控制电缆'] },
  agri_food: { phrases: ['农业科技', '食品', '蔬菜加工'], products: ['脱水蔬菜', '净菜', '食用菌'] },
  paper: { phrases: ['纸业', '特种纸', '包装材料'], products: ['食品包装纸', '瓦楞原纸', '特种装饰原纸'] },
  textiles: { phrases: ['纺织', '棉纺', '家纺'], products: ['精梳棉纱', '功能面料', '家纺四件套'] },
  chemicals: { phrases: ['化工', '精细化工', '化学'], products: ['表面活性剂', '水处理剂', '医药中间体'] },
  new_materials: { phrases: ['新材料', '复合材料', '高分子材料'], products: ['碳纤维复合板', '改性塑料', '高性能涂层'] },
  biomedicine: { phrases: ['生物医药', '生物科技', '制药'], products: ['原料药', '诊断试剂', '生物酶制剂'] },
  equipment: { phrases: ['机械', '智能装备', '重工'], products: ['数控机床', '农业机械', '工业机器人工作站'] },
  digital: { phrases: ['信息技术', '数字科技', '软件'], products: ['工业互联网平台', 'MES 系统', '数字孪生软件'] },
};

/** Where each area's firms mostly work (the rest are spread over every industry). */
export const AREA_INDUSTRIES: Record<County, Industry[]> = {
  dongchangfu: ['equipment', 'digital', 'textiles', 'auto_parts'],
  chiping: ['aluminium', 'new_materials', 'chemicals'],
  linqing: ['bearings', 'equipment', 'textiles'],
  yanggu: ['cables', 'chemicals', 'equipment'],
  shenxian: ['agri_food', 'chemicals'],
  donge: ['ejiao_tcm', 'biomedicine', 'agri_food'],
  guanxian: ['steel_pipes', 'textiles', 'equipment'],
  gaotang: ['paper', 'textiles', 'biomedicine'],
  etdz: ['auto_parts', 'steel_pipes', 'equipment', 'new_materials'],
  hitech: ['biomedicine', 'digital', 'new_materials'],
  jiangbei: ['digital', 'agri_food'],
};

/** Fictional surnames and given names of demo contacts and staff. */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
export const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建华', '海燕', '志强', '丽', '军'];
