/** Colours of one showroom, as CSS hex. */
export interface ShowroomPalette {
  readonly wall: string;
  readonly wallShade: string;
  /** Brand colour: sign boards, carpet, trims. */
  readonly accent: string;
  /** Text on accent-coloured boards. */
  readonly accentText: string;
  readonly floor: string;
  readonly floorLine: string;
  readonly ceiling: string;
  readonly light: string;
  readonly fixture: string;
  /** Colour of the products on display. */
  readonly product: string;
}

/** The shape drawn for an industry's products on plinths and panels. */
export type ProductShape = 'bearing' | 'pipe' | 'ingot' | 'giftBox' | 'gear' | 'coil' | 'produce' | 'roll' | 'bolt' | 'barrel' | 'hexTile' | 'vial';

export const INDUSTRY_KEYS = [
  'bearings', 'steel-pipes', 'aluminium', 'ejiao', 'auto-parts', 'cables',
  'agri-food', 'paper', 'textiles', 'chemicals', 'new-materials', 'bio-medicine',
] as const;
export type IndustryKey = (typeof INDUSTRY_KEYS)[number];

interface IndustryLook {
  readonly palette: ShowroomPalette;
  readonly product: ProductShape;
}

const look = (p: Partial<ShowroomPalette> & Pick<ShowroomPalette, 'accent' | 'product'>, product: ProductShape): IndustryLook => ({
  palette: {
    wall: '#eef0f2', wallShade: '#d9dde2', accentText: '#ffffff', floor: '#c9ccd1', floorLine: '#b3b7bd',
    ceiling: '#f4f5f6', light: '#fffdf5', fixture: '#ffffff', ...p,
  },
  product,
});

export const INDUSTRY_LOOKS: Record<IndustryKey, IndustryLook> = {
  bearings: look({ accent: '#1d4f91', product: '#9aa6b2', floor: '#c3c8cf' }, 'bearing'),
  'steel-pipes': look({ accent: '#34495e', product: '#7f8c8d', wall: '#e8eaec', floor: '#a9adb3', floorLine: '#979ba1' }, 'pipe'),
  aluminium: look({ accent: '#5b7e9c', product: '#c8cfd6', wall: '#f1f3f5' }, 'ingot'),
  ejiao: look({ accent: '#8b1a1a', product: '#6b2d1f', wall: '#f4ece1', wallShade: '#e3d5c2', floor: '#8a6a4f', floorLine: '#765a42', ceiling: '#f6efe4', fixture: '#fbf6ee' }, 'giftBox'),
  'auto-parts': look({ accent: '#c0392b', product: '#59606a', floor: '#9da2a8', floorLine: '#8a8f95' }, 'gear'),
  cables: look({ accent: '#e67e22', product: '#d35400', wall: '#efefea' }, 'coil'),
  'agri-food': look({ accent: '#2e8b3a', product: '#6ab04c', wall: '#f2f5ec', wallShade: '#dfe6d3', floor: '#b59a76', floorLine: '#a08665' }, 'produce'),
  paper: look({ accent: '#2c7a7b', product: '#f5f1e6', wall: '#f3f1ec', floor: '#bdb4a5', floorLine: '#aaa192' }, 'roll'),
  textiles: look({ accent: '#8e44ad', product: '#c0392b', wall: '#f5f0f3', wallShade: '#e6dbe2', floor: '#a99a8d', floorLine: '#968779' }, 'bolt'),
  chemicals: look({ accent: '#0e7c86', product: '#1f8ecd', wall: '#edf2f3', floor: '#a7b3b5', floorLine: '#94a1a3' }, 'barrel'),
  'new-materials': look({ accent: '#3742fa', product: '#2f3542', wall: '#eef0f6', wallShade: '#d8dcea', floor: '#b9bccb' }, 'hexTile'),
  'bio-medicine': look({ accent: '#1e90a8', product: '#7ed6df', wall: '#f3f7f8', wallShade: '#dde8eb', floor: '#d5dde0', floorLine: '#c1cbcf' }, 'vial'),
};

/** The palette for a spec: the industry's, with the spec's overrides. */
export function resolvePalette(industry: IndustryKey, overrides: Partial<ShowroomPalette> = {}): ShowroomPalette {
  return { ...INDUSTRY_LOOKS[industry].palette, ...overrides };
}
