import type { County, Industry, SizeClass, Tier, TierLevel } from '../../api/domain/program.ts';

/** Scene kinds the demo showroom generator knows how to draw. */
export type DemoSceneKind = 'entrance' | 'products' | 'workshop' | 'lab';

export interface DemoScene {
  title: string;
  titleEn: string;
  kind: DemoSceneKind;
  /** Signs drawn on the walls of this room. */
  signs: string[];
}

export interface DemoProduct {
  name: string;
  nameEn?: string;
  summary: string;
  specs: [string, string][];
  /** Yuan; omitted means 面议. */
  price?: number;
  priceUnit?: string;
}

export interface DemoJob {
  title: string;
  titleEn?: string;
  salary: [number, number];
  headcount: number;
  requirements: string;
}

export interface DemoProject {
  title: string;
  sector: string;
  amountWan: number;
  mode: 'equity' | 'loan' | 'joint_venture' | 'technology' | 'lease' | 'other';
  summary: string;
}

/** One fictional firm of the demo data set: its register entry and the content of its hall. */
export interface DemoFirm {
  slug: string;
  name: string;
  nameEn: string;
  county: County;
  industry: Industry;
  sizeClass: SizeClass;
  foundedYear: number;
  tagline: string;
  intro: string;
  contact: { name: string; phone: string; email: string; address: string };
  tiers: { tier: Tier; level: TierLevel; year: number }[];
  scenes: DemoScene[];
  products: DemoProduct[];
  jobs: DemoJob[];
  projects: DemoProject[];
}
