import type { HotspotKind } from '../types.ts';

export type Locale = 'zh-CN' | 'en';

/** Every user-facing string of the viewer, zh-CN first. */
export const STRINGS = {
  'zh-CN': {
    viewer: '全景展厅',
    viewerHelp: '拖动或用方向键环顾，+/- 缩放，Tab 切换展点，回车打开',
    hotspots: '展点列表',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullscreen: '全屏',
    exitFullscreen: '退出全屏',
    gyro: '体感模式',
    gyroOff: '关闭体感',
    vr: '进入 VR',
    share: '分享',
    copied: '链接已复制',
    close: '关闭',
    loading: '加载中…',
    noWebgl: '此浏览器无法显示三维全景，可使用下方展点列表浏览。',
    placeHint: '点击画面放置展点',
    floorPlan: '平面图',
    youAreHere: '当前位置',
    openFullHall: '查看完整展馆',
    kinds: { scene: '前往', product: '产品', job: '招聘', project: '招商项目', info: '介绍', media: '媒体' } satisfies Record<HotspotKind, string>,
  },
  en: {
    viewer: 'Panorama hall',
    viewerHelp: 'Drag or use arrow keys to look around, +/- to zoom, Tab through hotspots, Enter to open',
    hotspots: 'Hotspots',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullscreen: 'Fullscreen',
    exitFullscreen: 'Exit fullscreen',
    gyro: 'Motion control',
    gyroOff: 'Stop motion control',
    vr: 'Enter VR',
    share: 'Share',
    copied: 'Link copied',
    close: 'Close',
    loading: 'Loading…',
    noWebgl: 'This browser cannot show the 3D panorama; use the hotspot list below instead.',
    placeHint: 'Click the view to place a hotspot',
    floorPlan: 'Floor plan',
    youAreHere: 'You are here',
    openFullHall: 'Open the full hall',
    kinds: { scene: 'Go to', product: 'Product', job: 'Job', project: 'Investment project', info: 'Info', media: 'Media' } satisfies Record<HotspotKind, string>,
  },
} as const;

export type Strings = (typeof STRINGS)[Locale];
