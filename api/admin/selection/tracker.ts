/**
 * The hall build tracker of a hall round (issue 10 §7): per selected firm, how far its hall is (photos, scenes,
 * hotspots, listings, published) and the quality checklist (no scene without hotspots, no broken link, contact
 * filled); progress by area; reminders through the outbox to firms whose hall is not yet published.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client.ts';
import { enterprises, halls, mailOutbox, selectionApplications, users } from '../../db/schema/index.ts';
import type { County } from '../../domain/program.ts';
import { enqueueMail } from '../../mail/index.ts';
import { firmScope } from '../scope.ts';
import type { Actor } from './transitions.ts';

export interface TrackerRow {
  applicationId: number;
  enterpriseId: number;
  name: string;
  county: County;
  hallStatus: 'draft' | 'published' | 'suspended' | null;
  scenes: number;
  /** Scenes with a panorama (photos uploaded and tiled). */
  photos: number;
  hotspots: number;
  products: number;
  jobs: number;
  projects: number;
  published: boolean;
  checks: { scenesWithoutHotspots: number; brokenLinks: number; contactFilled: boolean };
}

/**
 * Per firm of the round's selected applications in the actor's scope, with the area totals. The enterprises table
 * keeps its own name in the query: `firmScope` refers to it by name.
 */
export async function hallTracker(db: DbLike, actor: Actor, roundId: number) {
  const rows = await db.all<Record<string, unknown>>(sql`
    SELECT a.id AS applicationId, enterprises.id AS enterpriseId, enterprises.name AS name, enterprises.county AS county, h.status AS hallStatus,
      (SELECT count(*) FROM scenes s WHERE s.hall_id = h.id) AS scenes,
      (SELECT count(*) FROM scenes s WHERE s.hall_id = h.id AND s.panorama_id IS NOT NULL) AS photos,
      (SELECT count(*) FROM hotspots x JOIN scenes s ON s.id = x.scene_id WHERE s.hall_id = h.id) AS hotspots,
      (SELECT count(*) FROM scenes s WHERE s.hall_id = h.id AND NOT EXISTS (SELECT 1 FROM hotspots x WHERE x.scene_id = s.id)) AS bare,
      (SELECT count(*) FROM hotspots x JOIN scenes s ON s.id = x.scene_id WHERE s.hall_id = h.id AND (
          (x.kind = 'scene' AND x.target_scene_id IS NULL) OR (x.kind = 'product' AND x.product_id IS NULL)
          OR (x.kind = 'job' AND x.job_id IS NULL) OR (x.kind = 'project' AND x.project_id IS NULL)
          OR (x.kind = 'media' AND (x.media_url IS NULL OR x.media_url = '')))) AS broken,
      (SELECT count(*) FROM products p WHERE p.enterprise_id = enterprises.id AND p.status = 'published') AS products,
      (SELECT count(*) FROM jobs j WHERE j.enterprise_id = enterprises.id AND j.status = 'published') AS jobs,
      (SELECT count(*) FROM investment_projects q WHERE q.enterprise_id = enterprises.id AND q.status = 'published') AS projects,
      (coalesce(enterprises.contact_phone, '') <> '' OR coalesce(enterprises.contact_email, '') <> '') AS contact
    FROM ${selectionApplications} a
    JOIN ${enterprises} ON enterprises.id = a.enterprise_id
    LEFT JOIN ${halls} h ON h.enterprise_id = enterprises.id
    WHERE a.round_id = ${roundId} AND a.state = 'selected' AND ${firmScope(actor)}
    ORDER BY enterprises.county, enterprises.name`);
  const firms: TrackerRow[] = rows.map((r) => ({
    applicationId: Number(r.applicationId),
    enterpriseId: Number(r.enterpriseId),
    name: String(r.name),
    county: r.county as County,
    hallStatus: (r.hallStatus as TrackerRow['hallStatus']) ?? null,
    scenes: Number(r.scenes),
    photos: Number(r.photos),
    hotspots: Number(r.hotspots),
    products: Number(r.products),
    jobs: Number(r.jobs),
    projects: Number(r.projects),
    published: r.hallStatus === 'published',
    checks: { scenesWithoutHotspots: Number(r.bare), brokenLinks: Number(r.broken), contactFilled: Number(r.contact) === 1 },
  }));
  const areas = new Map<County, { county: County; published: number; total: number }>();
  for (const f of firms) {
    const a = areas.get(f.county) ?? { county: f.county, published: 0, total: 0 };
    a.total += 1;
    if (f.published) a.published += 1;
    areas.set(f.county, a);
  }
  return { firms, byArea: [...areas.values()], published: firms.filter((f) => f.published).length, total: firms.length };
}

/** Reminders are sent to one firm at most once in this many days. */
export const REMINDER_INTERVAL_DAYS = 7;

/**
 * Queues a reminder to the users of every selected firm (in scope) whose hall is not published, skipping users
 * reminded in the last REMINDER_INTERVAL_DAYS. Returns the number of messages queued.
 */
export async function sendBuildReminders(db: Db, actor: Actor, roundId: number, publicUrl: string, now = new Date()): Promise<number> {
  const { firms } = await hallTracker(db, actor, roundId);
  const behind = firms.filter((f) => !f.published);
  if (behind.length === 0) return 0;
  const since = new Date(now.getTime() - REMINDER_INTERVAL_DAYS * 86_400_000);
  return db.transaction(async (tx) => {
    const people = await tx.select({ id: users.id, email: users.email, enterpriseId: users.enterpriseId }).from(users).where(and(inArray(users.enterpriseId, behind.map((f) => f.enterpriseId)), eq(users.disabled, false)));
    const recent = new Set(
      (await tx.select({ userId: mailOutbox.userId }).from(mailOutbox).where(and(eq(mailOutbox.kind, 'hall_reminder'), gt(mailOutbox.createdAt, since)))).map((r) => r.userId),
    );
    const byFirm = new Map(behind.map((f) => [f.enterpriseId, f]));
    let sent = 0;
    for (const p of people) {
      if (recent.has(p.id)) continue;
      const f = byFirm.get(p.enterpriseId!)!;
      const todo = [f.photos === 0 ? '上传展厅360°照片 (upload 360° photos)' : null, f.hotspots === 0 ? '设置热点 (add hotspots)' : null, f.products === 0 ? '填写产品 (add products)' : null, '发布展馆 (publish the hall)'].filter(Boolean);
      await enqueueMail(tx, {
        to: p.email,
        subject: `请尽快完成展馆建设 · Please finish your online hall`,
        text: `${f.name}：贵企业的线上展馆尚未发布。待办：\n- ${todo.join('\n- ')}\n${publicUrl}/portal\n\nYour online hall is not published yet. To do: see the list above.`,
        kind: 'hall_reminder',
        userId: p.id,
      });
      sent += 1;
    }
    return sent;
  });
}
