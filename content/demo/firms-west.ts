import type { DemoFirm } from './types.ts';

/** Fictional firms of the western and northern counties. Names, people and numbers are invented. */
export const westFirms: DemoFirm[] = [
  {
    slug: 'hengyun-bearing',
    name: '临清恒运精密轴承有限公司',
    nameEn: 'Linqing Hengyun Precision Bearing Co., Ltd.',
    county: 'linqing',
    industry: 'bearings',
    sizeClass: 'medium',
    foundedYear: 2006,
    tagline: '高速精密角接触球轴承 · 机床主轴配套',
    intro:
      '恒运精密专注机床主轴和新能源汽车电驱用高速精密轴承近二十年，拥有恒温装配车间和全自动检测线，产品精度达到 P4 级，配套国内多家数控机床企业。',
    contact: { name: '赵明远', phone: '0635-2160001', email: 'sales@hengyun.example', address: '临清市烟店镇轴承产业园 8 号' },
    tiers: [
      { tier: 'srdi', level: 'provincial', year: 2022 },
      { tier: 'little_giant', level: 'national', year: 2023 },
    ],
    scenes: [
      { title: '展厅入口', titleEn: 'Entrance', kind: 'entrance', signs: ['恒运精密', '精密传动 · 匠心制造'] },
      { title: '产品展区', titleEn: 'Products', kind: 'products', signs: ['主轴轴承', '电驱轴承', '精密检测'] },
      { title: '恒温装配车间', titleEn: 'Clean assembly hall', kind: 'workshop', signs: ['恒温装配', '质量第一'] },
    ],
    products: [
      { name: '7014C 高速角接触球轴承', nameEn: '7014C high-speed angular contact ball bearing', summary: 'P4 精度，适用于加工中心主轴。', specs: [['内径', '70 mm'], ['外径', '110 mm'], ['精度等级', 'P4']], price: 860, priceUnit: '套' },
      { name: '新能源电驱专用深沟球轴承', summary: '低噪声、耐电蚀，适配 20000 rpm 电机。', specs: [['极限转速', '20000 rpm'], ['绝缘涂层', '陶瓷']] },
      { name: '双列圆锥滚子轴承', summary: '重载工况，轧机与减速机配套。', specs: [['内径', '120–320 mm'], ['保持架', '钢冲压']] },
    ],
    jobs: [
      { title: '轴承设计工程师', titleEn: 'Bearing design engineer', salary: [9000, 15000], headcount: 2, requirements: '机械类本科及以上，熟悉轴承寿命计算与有限元分析。' },
      { title: '数控磨床操作工', salary: [6000, 8500], headcount: 6, requirements: '两年以上磨床操作经验，能看懂图纸，可倒班。' },
    ],
    projects: [
      { title: '年产 200 万套新能源汽车轴承扩产项目', sector: '高端装备', amountWan: 18000, mode: 'equity', summary: '新建智能化生产线 6 条，寻求战略投资与产业链合作。' },
    ],
  },
  {
    slug: 'jinghe-steel-pipe',
    name: '聊城景和钢管科技有限公司',
    nameEn: 'Liaocheng Jinghe Steel Pipe Technology Co., Ltd.',
    county: 'etdz',
    industry: 'steel_pipes',
    sizeClass: 'large',
    foundedYear: 2003,
    tagline: '精密冷拔无缝钢管 · 液压与汽车用管',
    intro:
      '景和钢管生产精密冷拔、冷轧无缝钢管，年产能 30 万吨，产品用于液压缸、汽车传动轴和锅炉换热器，出口东南亚和中东。',
    contact: { name: '孙立华', phone: '0635-8590002', email: 'contact@jinghe-pipe.example', address: '聊城经济技术开发区黄山路 66 号' },
    tiers: [
      { tier: 'srdi', level: 'city', year: 2021 },
      { tier: 'gazelle', level: 'provincial', year: 2022 },
    ],
    scenes: [
      { title: '企业展厅', titleEn: 'Showroom', kind: 'entrance', signs: ['景和钢管', '精密成就品质'] },
      { title: '冷拔车间', titleEn: 'Cold-drawing plant', kind: 'workshop', signs: ['冷拔生产线', '安全生产'] },
    ],
    products: [
      { name: '液压缸用精密珩磨管', summary: '内壁粗糙度 Ra≤0.4 μm，直接用于液压缸筒。', specs: [['外径', '40–420 mm'], ['材质', '20#、45#、27SiMn']], price: 7800, priceUnit: '吨' },
      { name: '汽车传动轴用焊接钢管', summary: '高频焊接，尺寸公差 ±0.05 mm。', specs: [['外径', '50–110 mm'], ['壁厚', '1.6–4.0 mm']] },
    ],
    jobs: [
      { title: '冷拔工艺工程师', salary: [8000, 12000], headcount: 1, requirements: '材料成型专业，三年以上钢管冷加工经验。' },
      { title: '外贸业务员', titleEn: 'Export sales', salary: [6000, 14000], headcount: 3, requirements: '英语六级或同等水平，熟悉外贸流程，能出差。' },
    ],
    projects: [
      { title: '氢能储运用高压无缝钢管研发项目', sector: '新材料', amountWan: 6500, mode: 'technology', summary: '寻求高校、科研院所技术合作及联合申报。' },
    ],
  },
  {
    slug: 'xinyuan-aluminium',
    name: '茌平鑫源轻合金材料有限公司',
    nameEn: 'Chiping Xinyuan Light Alloy Materials Co., Ltd.',
    county: 'chiping',
    industry: 'aluminium',
    sizeClass: 'large',
    foundedYear: 2009,
    tagline: '高端铝板带箔 · 电池铝箔与汽车轻量化型材',
    intro:
      '鑫源轻合金依托茌平铝产业基础，生产动力电池铝箔、汽车轻量化铝型材和建筑幕墙板，建有省级企业技术中心。',
    contact: { name: '李婧', phone: '0635-4210003', email: 'market@xinyuan-al.example', address: '茌平区信发街道工业园 12 号' },
    tiers: [{ tier: 'srdi', level: 'provincial', year: 2023 }],
    scenes: [
      { title: '展厅入口', titleEn: 'Entrance', kind: 'entrance', signs: ['鑫源轻合金', '轻量化 · 绿色低碳'] },
      { title: '产品展区', titleEn: 'Products', kind: 'products', signs: ['电池铝箔', '汽车型材', '幕墙铝板'] },
      { title: '研发中心', titleEn: 'R&D centre', kind: 'lab', signs: ['省级企业技术中心', '材料检测'] },
    ],
    products: [
      { name: '动力电池用双面光铝箔', summary: '厚度 10–15 μm，针孔率低，适配锂电池正极集流体。', specs: [['厚度', '10–15 μm'], ['合金', '1070/1235']] },
      { name: '6063-T5 汽车电池托盘型材', summary: '挤压成型，强度高、焊接性能好。', specs: [['牌号', '6063-T5'], ['长度', '可定制']], price: 23500, priceUnit: '吨' },
    ],
    jobs: [
      { title: '铝材研发工程师', salary: [10000, 16000], headcount: 2, requirements: '材料学硕士优先，熟悉铝合金热处理与组织分析。' },
      { title: '质检员', salary: [5000, 6500], headcount: 4, requirements: '中专及以上，细心负责，会使用千分尺等量具。' },
    ],
    projects: [
      { title: '再生铝保级利用项目', sector: '绿色低碳', amountWan: 32000, mode: 'joint_venture', summary: '回收废铝再生制备高端板带，拟合资建设年产 10 万吨生产线。' },
    ],
  },
  {
    slug: 'fuhai-cable',
    name: '阳谷富海电缆集团有限公司',
    nameEn: 'Yanggu Fuhai Cable Group Co., Ltd.',
    county: 'yanggu',
    industry: 'cables',
    sizeClass: 'large',
    foundedYear: 1998,
    tagline: '中高压电力电缆 · 光伏与风电专用线缆',
    intro:
      '富海电缆生产 35 kV 及以下电力电缆、光伏直流电缆和风电扭转电缆，拥有 CNAS 认可实验室，是国家电网合格供应商。',
    contact: { name: '王建国', phone: '0635-6280004', email: 'bid@fuhai-cable.example', address: '阳谷县祥光路 18 号' },
    tiers: [
      { tier: 'srdi', level: 'provincial', year: 2021 },
      { tier: 'single_champion', level: 'provincial', year: 2023 },
    ],
    scenes: [
      { title: '品牌展厅', titleEn: 'Brand hall', kind: 'entrance', signs: ['富海电缆', '点亮万家灯火'] },
      { title: '产品展区', titleEn: 'Products', kind: 'products', signs: ['电力电缆', '光伏线缆', '风电线缆'] },
      { title: '高压试验室', titleEn: 'High-voltage lab', kind: 'lab', signs: ['CNAS 实验室', '局部放电检测'] },
      { title: '挤出车间', titleEn: 'Extrusion plant', kind: 'workshop', signs: ['交联生产线', '安全第一'] },
    ],
    products: [
      { name: 'YJV22 8.7/15 kV 交联聚乙烯电力电缆', summary: '钢带铠装，适用于直埋敷设。', specs: [['额定电压', '8.7/15 kV'], ['芯数', '3 芯']], price: 420, priceUnit: '米' },
      { name: 'H1Z2Z2-K 光伏直流电缆', summary: '耐紫外、耐臭氧，25 年户外寿命。', specs: [['额定电压', 'DC 1500 V'], ['截面', '4–10 mm²']] },
      { name: '风电用耐扭曲软电缆', summary: '-40 ℃ 低温扭转不开裂。', specs: [['扭转', '±1000°/m'], ['温度', '-40–90 ℃']] },
    ],
    jobs: [
      { title: '电缆工艺工程师', salary: [8000, 13000], headcount: 2, requirements: '电气或高分子专业，熟悉交联工艺。' },
      { title: '投标专员', salary: [6000, 9000], headcount: 1, requirements: '熟悉电网招投标流程，文字功底好。' },
    ],
    projects: [
      { title: '海上风电用 66 kV 阵列电缆项目', sector: '新能源装备', amountWan: 45000, mode: 'equity', summary: '建设立塔交联生产线，寻求产业资本入股。' },
    ],
  },
  {
    slug: 'shenhe-vegetables',
    name: '莘县绿禾蔬菜产业发展有限公司',
    nameEn: 'Shenxian Lühe Vegetable Industry Co., Ltd.',
    county: 'shenxian',
    industry: 'agri_food',
    sizeClass: 'medium',
    foundedYear: 2012,
    tagline: '设施蔬菜种植 · 净菜加工 · 冷链直供',
    intro:
      '绿禾蔬菜带动周边 3000 余户农户发展设施蔬菜，建有智能温室、净菜加工中心和冷链物流，直供京津冀商超与团餐企业。',
    contact: { name: '刘秀英', phone: '0635-7320005', email: 'order@lvhe-veg.example', address: '莘县燕塔街道蔬菜产业园' },
    tiers: [{ tier: 'above_scale', level: 'city', year: 2022 }],
    scenes: [
      { title: '展示中心', titleEn: 'Visitor centre', kind: 'entrance', signs: ['绿禾蔬菜', '从田间到餐桌'] },
      { title: '净菜加工车间', titleEn: 'Fresh-cut plant', kind: 'workshop', signs: ['净菜加工', '食品安全'] },
    ],
    products: [
      { name: '有机番茄（5 kg 礼盒）', summary: '温室种植，自然成熟，次日达。', specs: [['规格', '5 kg/箱'], ['产地', '莘县']], price: 98, priceUnit: '箱' },
      { name: '团餐净菜配送', summary: '按菜单分切配送，支持学校与企业食堂。', specs: [['起订', '200 份/日'], ['配送', '冷链']] },
    ],
    jobs: [
      { title: '农业技术员', salary: [5000, 7000], headcount: 3, requirements: '农学或园艺专业，能指导大棚种植。' },
      { title: '冷链司机', salary: [6500, 8500], headcount: 4, requirements: 'B2 驾照，三年以上驾龄，熟悉京津冀路线。' },
    ],
    projects: [
      { title: '中央厨房与预制菜加工项目', sector: '食品加工', amountWan: 8000, mode: 'joint_venture', summary: '建设日产 10 万份的中央厨房，寻求餐饮品牌合作。' },
    ],
  },
  {
    slug: 'guanzhou-textile',
    name: '冠县冠洲纺织科技有限公司',
    nameEn: 'Guanxian Guanzhou Textile Technology Co., Ltd.',
    county: 'guanxian',
    industry: 'textiles',
    sizeClass: 'medium',
    foundedYear: 2010,
    tagline: '功能性面料 · 再生纤维 · 柔性定制',
    intro: '冠洲纺织生产凉感、抗菌、阻燃等功能性面料，使用再生聚酯纤维，支持小批量柔性定制，服务运动与户外品牌。',
    contact: { name: '陈雪', phone: '0635-5190006', email: 'fabric@guanzhou.example', address: '冠县经济开发区纺织路 9 号' },
    tiers: [{ tier: 'srdi', level: 'city', year: 2023 }],
    scenes: [
      { title: '面料展厅', titleEn: 'Fabric gallery', kind: 'products', signs: ['冠洲纺织', '功能面料馆'] },
      { title: '织造车间', titleEn: 'Weaving hall', kind: 'workshop', signs: ['喷气织机', '绿色工厂'] },
    ],
    products: [
      { name: '再生涤纶凉感面料', summary: '接触凉感系数 Qmax≥0.2，GRS 认证。', specs: [['克重', '120 g/m²'], ['幅宽', '150 cm']], price: 18, priceUnit: '米' },
      { name: '阻燃工装面料', summary: '符合 GB 8965.1，耐洗 50 次。', specs: [['成分', '芳纶/阻燃粘胶'], ['克重', '220 g/m²']] },
    ],
    jobs: [
      { title: '面料设计师', salary: [7000, 12000], headcount: 1, requirements: '纺织工程或服装设计专业，熟悉 CAD 花型设计。' },
      { title: '挡车工', salary: [5000, 7000], headcount: 10, requirements: '吃苦耐劳，可培训上岗，提供宿舍。' },
    ],
    projects: [
      { title: '数码印花柔性生产线项目', sector: '纺织服装', amountWan: 3500, mode: 'loan', summary: '引进数码印花设备，支持 50 米起订。' },
    ],
  },
];
