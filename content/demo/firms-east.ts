import type { DemoFirm } from './types.ts';

/** Fictional firms of the eastern counties and the city's zones. Names, people and numbers are invented. */
export const eastFirms: DemoFirm[] = [
  {
    slug: 'donge-yuanquan-ejiao',
    name: '东阿源泉阿胶制品有限公司',
    nameEn: "Dong'e Yuanquan Ejiao Products Co., Ltd.",
    county: 'donge',
    industry: 'ejiao_tcm',
    sizeClass: 'medium',
    foundedYear: 2001,
    tagline: '传统熬胶技艺 · 阿胶糕与滋补食品',
    intro: '源泉阿胶传承东阿熬胶技艺，建有 GMP 生产车间和阿胶文化展示馆，产品包括阿胶块、阿胶糕和固元膏。',
    contact: { name: '张慧', phone: '0635-3280007', email: 'service@yuanquan.example', address: '东阿县阿胶街 128 号' },
    tiers: [{ tier: 'srdi', level: 'provincial', year: 2022 }],
    scenes: [
      { title: '阿胶文化馆', titleEn: 'Ejiao culture hall', kind: 'entrance', signs: ['源泉阿胶', '千年古法 · 匠心熬制'] },
      { title: '产品展区', titleEn: 'Products', kind: 'products', signs: ['阿胶块', '阿胶糕', '固元膏'] },
      { title: '熬胶车间', titleEn: 'Boiling workshop', kind: 'workshop', signs: ['GMP 车间', '传统工艺'] },
    ],
    products: [
      { name: '阿胶块 250 g', summary: '传统工艺熬制，可打粉冲服或制作阿胶糕。', specs: [['规格', '250 g/盒'], ['保质期', '60 个月']], price: 598, priceUnit: '盒' },
      { name: '即食阿胶糕', summary: '添加黑芝麻、核桃仁，独立小包装。', specs: [['规格', '500 g/盒']], price: 168, priceUnit: '盒' },
    ],
    jobs: [
      { title: '中药制剂工艺员', salary: [5500, 8000], headcount: 2, requirements: '中药学或制药工程专业，了解 GMP。' },
      { title: '电商运营', titleEn: 'E-commerce operator', salary: [6000, 10000], headcount: 2, requirements: '一年以上天猫或抖音店铺运营经验。' },
    ],
    projects: [
      { title: '阿胶文旅体验工厂项目', sector: '文旅康养', amountWan: 12000, mode: 'joint_venture', summary: '建设可参观的透明工厂和研学基地，寻求文旅运营方合作。' },
    ],
  },
  {
    slug: 'gaotang-chenguang-paper',
    name: '高唐晨光特种纸业有限公司',
    nameEn: 'Gaotang Chenguang Specialty Paper Co., Ltd.',
    county: 'gaotang',
    industry: 'paper',
    sizeClass: 'large',
    foundedYear: 2005,
    tagline: '食品级包装纸 · 以纸代塑',
    intro: '晨光特种纸业生产食品级淋膜纸、纸吸管原纸和可降解包装纸，通过 FSC 认证，服务茶饮与快餐连锁品牌。',
    contact: { name: '马超', phone: '0635-3950008', email: 'sales@chenguang-paper.example', address: '高唐县经济开发区纸业大道 1 号' },
    tiers: [
      { tier: 'srdi', level: 'provincial', year: 2021 },
      { tier: 'gazelle', level: 'provincial', year: 2023 },
    ],
    scenes: [
      { title: '展厅入口', titleEn: 'Entrance', kind: 'entrance', signs: ['晨光纸业', '以纸代塑 · 绿色包装'] },
      { title: '产品展区', titleEn: 'Products', kind: 'products', signs: ['食品包装纸', '纸吸管原纸'] },
    ],
    products: [
      { name: '纸吸管原纸', summary: '高挺度、耐泡水 3 小时以上。', specs: [['克重', '60–120 g/m²'], ['认证', 'FSC、FDA']] },
      { name: '可降解水性涂布杯纸', summary: '替代 PE 淋膜，可回收再制浆。', specs: [['克重', '210–320 g/m²']], price: 9800, priceUnit: '吨' },
    ],
    jobs: [
      { title: '造纸工艺工程师', salary: [8000, 12000], headcount: 1, requirements: '制浆造纸专业，熟悉涂布工艺。' },
      { title: '设备维修电工', salary: [6000, 8000], headcount: 3, requirements: '持电工证，熟悉 PLC 控制。' },
    ],
    projects: [
      { title: '年产 5 万吨以纸代塑包装材料项目', sector: '绿色包装', amountWan: 26000, mode: 'equity', summary: '新建涂布生产线两条，项目已完成环评。' },
    ],
  },
  {
    slug: 'huayao-biopharm',
    name: '聊城华耀生物医药有限公司',
    nameEn: 'Liaocheng Huayao Biopharmaceutical Co., Ltd.',
    county: 'hitech',
    industry: 'biomedicine',
    sizeClass: 'small',
    foundedYear: 2016,
    tagline: '酶制剂与体外诊断试剂',
    intro: '华耀生物医药研发生产工业酶制剂和体外诊断原料，拥有发明专利 26 项，建有市级工程技术研究中心。',
    contact: { name: '周宁', phone: '0635-8880009', email: 'bd@huayao-bio.example', address: '聊城高新区创新创业园 B3 栋' },
    tiers: [
      { tier: 'srdi', level: 'city', year: 2022 },
      { tier: 'gazelle', level: 'city', year: 2024 },
    ],
    scenes: [
      { title: '企业前厅', titleEn: 'Lobby', kind: 'entrance', signs: ['华耀生物', '科技守护健康'] },
      { title: '研发实验室', titleEn: 'R&D lab', kind: 'lab', signs: ['酶工程实验室', '诊断原料平台'] },
    ],
    products: [
      { name: '耐高温 α-淀粉酶', summary: '适用于淀粉液化，酶活稳定。', specs: [['酶活', '40000 U/mL'], ['包装', '25 kg/桶']] },
      { name: 'C 反应蛋白检测试剂盒原料', summary: '单克隆抗体配对，批间差 < 5%。', specs: [['规格', '1 mg/支']] },
    ],
    jobs: [
      { title: '蛋白纯化研究员', salary: [9000, 15000], headcount: 2, requirements: '生物化学硕士及以上，有层析纯化经验。' },
      { title: '注册专员', salary: [7000, 10000], headcount: 1, requirements: '熟悉医疗器械注册法规。' },
    ],
    projects: [
      { title: '合成生物学中试平台项目', sector: '生物医药', amountWan: 15000, mode: 'equity', summary: '建设 5 吨发酵中试线，寻求 A 轮融资。' },
    ],
  },
  {
    slug: 'ruida-auto-parts',
    name: '聊城瑞达汽车零部件有限公司',
    nameEn: 'Liaocheng Ruida Auto Parts Co., Ltd.',
    county: 'dongchangfu',
    industry: 'auto_parts',
    sizeClass: 'medium',
    foundedYear: 2008,
    tagline: '制动系统与底盘铸件',
    intro: '瑞达汽车零部件为商用车和新能源乘用车配套制动盘、制动鼓与轮毂轴承单元，通过 IATF 16949 认证。',
    contact: { name: '郭强', phone: '0635-8360010', email: 'oem@ruida-auto.example', address: '东昌府区北城街道汽配产业园 21 号' },
    tiers: [{ tier: 'srdi', level: 'provincial', year: 2023 }],
    scenes: [
      { title: '产品展厅', titleEn: 'Product hall', kind: 'products', signs: ['瑞达汽配', '制动系统', '底盘铸件'] },
      { title: '机加车间', titleEn: 'Machining plant', kind: 'workshop', signs: ['智能产线', '零缺陷'] },
      { title: '检测中心', titleEn: 'Test centre', kind: 'lab', signs: ['台架试验', 'IATF 16949'] },
    ],
    products: [
      { name: '商用车制动鼓', summary: 'HT250 材质，动平衡 G6.3。', specs: [['直径', '410 mm'], ['重量', '48 kg']], price: 460, priceUnit: '只' },
      { name: '新能源乘用车通风制动盘', summary: '轻量化设计，降低簧下质量。', specs: [['直径', '320 mm'], ['材质', '高碳灰铸铁']] },
    ],
    jobs: [
      { title: '质量工程师（SQE）', salary: [8000, 12000], headcount: 1, requirements: '熟悉五大工具与 IATF 16949。' },
      { title: '数控车工', salary: [6000, 9000], headcount: 8, requirements: '能独立编程与调机。' },
    ],
    projects: [
      { title: '一体化压铸底盘件项目', sector: '汽车零部件', amountWan: 22000, mode: 'equity', summary: '引进 6000 吨压铸单元，面向新能源整车厂配套。' },
    ],
  },
  {
    slug: 'zhongke-new-materials',
    name: '聊城中科新材料科技有限公司',
    nameEn: 'Liaocheng Zhongke New Materials Technology Co., Ltd.',
    county: 'hitech',
    industry: 'new_materials',
    sizeClass: 'small',
    foundedYear: 2015,
    tagline: '碳纤维复合材料与特种涂层',
    intro: '中科新材料研发碳纤维复合材料构件和耐磨防腐涂层，产品用于轨道交通、风电叶片和化工装备。',
    contact: { name: '何佳', phone: '0635-8110011', email: 'tech@zhongke-nm.example', address: '聊城高新区光岳路 99 号' },
    tiers: [
      { tier: 'srdi', level: 'city', year: 2021 },
      { tier: 'srdi', level: 'provincial', year: 2024 },
    ],
    scenes: [
      { title: '展厅入口', titleEn: 'Entrance', kind: 'entrance', signs: ['中科新材料', '材料改变未来'] },
      { title: '复合材料实验室', titleEn: 'Composites lab', kind: 'lab', signs: ['碳纤维', '特种涂层'] },
    ],
    products: [
      { name: '碳纤维复合材料板', summary: '比强度高，可定制铺层。', specs: [['厚度', '1–20 mm'], ['拉伸强度', '≥1500 MPa']] },
      { name: '陶瓷耐磨防腐涂层', summary: '用于泵阀、管道内壁，寿命提升 3 倍。', specs: [['硬度', 'HV 1100']] },
    ],
    jobs: [
      { title: '复合材料工艺工程师', salary: [9000, 14000], headcount: 2, requirements: '熟悉热压罐与 RTM 工艺。' },
      { title: '销售经理', salary: [8000, 20000], headcount: 2, requirements: '有工业品销售经验，能适应出差。' },
    ],
    projects: [
      { title: '风电叶片碳梁拉挤生产线项目', sector: '新材料', amountWan: 9000, mode: 'technology', summary: '寻求叶片厂商联合开发与订单合作。' },
    ],
  },
  {
    slug: 'runhua-chemical',
    name: '聊城润华精细化工有限公司',
    nameEn: 'Liaocheng Runhua Fine Chemicals Co., Ltd.',
    county: 'etdz',
    industry: 'chemicals',
    sizeClass: 'medium',
    foundedYear: 2007,
    tagline: '水性树脂与环保助剂',
    intro: '润华精细化工生产水性丙烯酸树脂、聚氨酯分散体和环保助剂，入驻化工园区，安全标准化二级企业。',
    contact: { name: '吴昊', phone: '0635-8460012', email: 'sales@runhua-chem.example', address: '聊城经济技术开发区化工产业园 5 号' },
    tiers: [{ tier: 'srdi', level: 'city', year: 2022 }],
    scenes: [
      { title: '企业展厅', titleEn: 'Showroom', kind: 'entrance', signs: ['润华化工', '绿色化工 · 安全发展'] },
      { title: '应用实验室', titleEn: 'Application lab', kind: 'lab', signs: ['涂料应用', '质量检测'] },
    ],
    products: [
      { name: '水性丙烯酸木器漆树脂', summary: '低 VOC，硬度高，耐黄变。', specs: [['固含', '45%'], ['包装', '200 kg/桶']], price: 16500, priceUnit: '吨' },
      { name: '水性聚氨酯分散体', summary: '用于皮革涂饰和纺织涂层。', specs: [['固含', '35%']] },
    ],
    jobs: [
      { title: '涂料应用工程师', salary: [7000, 11000], headcount: 1, requirements: '化学或高分子专业，熟悉涂料配方。' },
      { title: '安全员', salary: [6000, 8000], headcount: 1, requirements: '持注册安全工程师证书者优先。' },
    ],
    projects: [
      { title: '年产 3 万吨水性树脂技改项目', sector: '化工新材料', amountWan: 12000, mode: 'loan', summary: '技改扩能，已取得园区用地与能评批复。' },
    ],
  },
];
