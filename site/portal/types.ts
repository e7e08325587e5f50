/** JSON shapes of the portal API as islands receive them (dates are ISO strings). */

export interface HotspotRow {
  id: number;
  sceneId: number;
  kind: 'scene' | 'product' | 'job' | 'project' | 'info' | 'media';
  yaw: number;
  pitch: number;
  label: string;
  labelEn: string | null;
  targetSceneId: number | null;
  /** The view a scene link opens its target at (degrees); null: the target's initial view. */
  targetYaw: number | null;
  targetPitch: number | null;
  targetFov: number | null;
  productId: number | null;
  jobId: number | null;
  projectId: number | null;
  body: string | null;
  mediaUrl: string | null;
}

export interface SceneRow {
  id: number;
  position: number;
  title: string;
  titleEn: string | null;
  initialView: { yaw: number; pitch: number; fov: number };
  map: { x: number; y: number } | null;
  panorama: { id: string; manifestUrl: string; posterUrl: string } | null;
  hotspots: HotspotRow[];
}

export interface HallResponse {
  hall: { id: number; status: string; tagline: string; taglineEn: string | null };
  scenes: SceneRow[];
}

export interface LeadRow {
  id: number;
  kind: 'inquiry' | 'application' | 'investment' | 'contact';
  status: 'new' | 'contacted' | 'negotiating' | 'won' | 'invalid';
  contactName: string;
  phone: string | null;
  email: string | null;
  organisation: string | null;
  message: string;
  createdAt: string;
  assigneeUserId: number | null;
  assigneeName?: string | null;
  subject?: string | null;
  hasCv: boolean;
  cvName: string | null;
  lang: string | null;
  sourcePage: string | null;
}

export interface Analytics {
  days: { day: string; hallViews: number; sceneViews: number }[];
  topScenes: { sceneId: number; title: string; views: number }[];
  topHotspots: { hotspotId: number; label: string; kind: string; opens: number }[];
  funnel: { hallViews: number; hotspotOpens: number; formSubmits: number; leads: number; qualified: number; won: number };
}

/** A listing row: products, jobs and projects share id, status and a title-like field. */
export type ListingRow = Record<string, unknown> & { id: number; status: string };
