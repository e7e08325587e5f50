import type { Strings } from './zh.ts';

/** The English alternative of every user-facing string. */
export const en: Strings = {
  siteName: 'Thousand-Enterprise Online Halls',
  siteTagline: 'Liaocheng SME cultivation programme · 3D VR online exhibition halls',
  nav: { home: 'Home', halls: 'Halls', language: '中文', skip: 'Skip to main content' },
  home: {
    heroTitle: 'Walk into the showrooms of a thousand firms',
    heroBody:
      'Every year the Bureau of Industry and IT selects about 200 small and medium firms and builds each a 3D VR hall for display, sales, investment and recruiting — kept up to date by the firms themselves.',
    browse: 'Browse all halls',
    statsHalls: 'enterprise halls',
    statsProducts: 'products',
    statsJobs: 'open jobs',
    statsProjects: 'investment projects',
    featured: 'Featured halls',
  },
  halls: {
    title: 'Hall directory',
    intro: 'Browse the halls of selected firms by county, industry and tier.',
    count: (n: number) => `${n} enterprise hall${n === 1 ? '' : 's'}`,
    empty: 'No halls match these filters.',
    allCounties: 'All counties',
    allIndustries: 'All industries',
    filter: 'Filter',
    county: 'County',
    industry: 'Industry',
    prev: 'Previous',
    next: 'Next',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    noPoster: 'Panorama in preparation',
  },
  footer: {
    fictional: 'Demo data: the firms, people and contacts shown here are fictional.',
    owner: 'Run by the Bureau of Industry and Information Technology (sample)',
  },
  notFound: { title: 'Page not found', body: 'This page does not exist or has been taken down.', back: 'Back to home' },
};
