/** Every user-facing string of the site in Simplified Chinese (the default language). */
export const zh = {
  siteName: '千企在线展馆',
  siteTagline: '聊城市中小企业“育苗扶壮”梯度培育 · 3D VR 线上展馆',
  nav: { home: '首页', halls: '展馆名录', language: 'English', skip: '跳到主要内容' },
  home: {
    heroTitle: '走进千家企业的线上展厅',
    heroBody:
      '市工业和信息化局每年遴选约 200 家中小企业，为每家企业建设 3D VR 全景展馆，集展示、销售、招商、就业于一体，企业可随时自行更新。',
    browse: '浏览全部展馆',
    statsHalls: '家企业展馆',
    statsProducts: '款产品',
    statsJobs: '个岗位',
    statsProjects: '个招商项目',
    featured: '推荐展馆',
  },
  halls: {
    title: '展馆名录',
    intro: '按县区、产业和培育层级浏览入选企业的线上展馆。',
    count: (n: number) => `共 ${n} 家企业展馆`,
    empty: '暂无符合条件的展馆。',
    allCounties: '全部县区',
    allIndustries: '全部产业',
    filter: '筛选',
    county: '县区',
    industry: '产业',
    prev: '上一页',
    next: '下一页',
    page: (p: number, n: number) => `第 ${p} / ${n} 页`,
    noPoster: '全景制作中',
  },
  footer: {
    fictional: '演示数据：本站展示的企业、人物与联系方式均为虚构，如有雷同纯属巧合。',
    owner: '主办：市工业和信息化局（示例）',
  },
  notFound: { title: '页面不存在', body: '您访问的页面不存在或已下线。', back: '返回首页' },
};

export type Strings = typeof zh;
