/**
 * Demo training (fictional, deterministic): 60 events over 2024–2026 in every track, ~1,400 people from the
 * register's firms with ~2,000 attendances (many people attend more than once, so targets count people, not seats),
 * ~80 % completed, some certificates (one revoked). `generateTraining` is pure; `insertDemoTraining` writes it.
 */
import { and, eq, isNull, asc } from 'drizzle-orm';
import type { DbLike } from '../../api/db/client.ts';
import { enterprises, serviceProviders, trainees, trainingAttendances, trainingCertificates, trainingEvents, users } from '../../api/db/schema/index.ts';
import { TRAINING_TRACK_NAMES, type TrainingTrack } from '../../api/domain/training.ts';
import { COUNTIES, COUNTY_NAMES, type County } from '../../api/domain/program.ts';
import { GIVEN_NAMES, SURNAMES } from '../../content/demo/register-words.ts';
import { createRandom } from '../demo-panorama/random.ts';

/** Events per track (60 in all) and their usual size. */
const EVENTS: [TrainingTrack, number, number][] = [
  ['digital_commissioner', 20, 36],
  ['management_exemplar', 20, 36],
  ['management_diagnosis', 6, 20],
  ['management_training', 8, 34],
  ['management_consulting', 6, 20],
];
const PEOPLE = 1400;
const COURSES: Record<TrainingTrack, string[]> = {
  digital_commissioner: ['工业互联网平台应用', '企业上云实务', '数据治理入门', '智能制造诊断', '3DVR 线上展馆运营'],
  management_exemplar: ['现场管理与 6S', '精益生产', '班组长领导力', '质量管理体系', '安全生产管理'],
  management_diagnosis: ['管理诊断方法', '财务健康检查', '组织与流程诊断'],
  management_training: ['战略与经营计划', '人力资源管理', '财税规划', '品牌营销'],
  management_consulting: ['一对一咨询：生产运营', '一对一咨询：融资规划', '一对一咨询：数字化路线'],
};

export interface DemoEvent {
  track: TrainingTrack;
  title: string;
  courses: string;
  startsOn: string;
  endsOn: string;
  place: string;
  online: boolean;
  providerIndex: number | null;
  /** Indexes into the people, with completion. */
  attendees: { person: number; completed: boolean }[];
}

export interface DemoTraining {
  people: { name: string; mobile: string; firmIndex: number }[];
  events: DemoEvent[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The demo training for `firmCount` firms and `providerCount` providers (indexes, resolved on insert). */
export function generateTraining(firmCount: number, providerCount: number): DemoTraining {
  const rand = createRandom('qianqi-demo-training');
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    name: pick(SURNAMES) + pick(GIVEN_NAMES),
    // Fictional numbers in one block: 199 0635 0000–9999.
    mobile: `1990635${pad(i, 4)}`,
    firmIndex: Math.floor(rand() * Math.max(firmCount, 1)),
  }));
  const events: DemoEvent[] = [];
  for (const [track, count, size] of EVENTS) {
    for (let n = 0; n < count; n++) {
      const year = 2024 + Math.floor((n * 3) / count);
      const month = 3 + Math.floor(rand() * 8);
      const day = 1 + Math.floor(rand() * 26);
      const days = track === 'management_consulting' ? 0 : Math.floor(rand() * 3);
      const county: County = pick(COUNTIES);
      const online = rand() < 0.2;
      const seats = Math.round(size * (0.7 + rand() * 0.6));
      const chosen = new Set<number>();
      // Returning people: a third come from the first few hundred, who attend several events over the years.
      while (chosen.size < seats) chosen.add(rand() < 0.35 ? Math.floor(rand() * 300) : Math.floor(rand() * PEOPLE));
      events.push({
        track,
        title: `${year} 年${TRAINING_TRACK_NAMES[track].zh}第 0 期（${online ? '线上' : COUNTY_NAMES[county].zh}）`,
        courses: COURSES[track].filter(() => rand() < 0.7).join('\n') || COURSES[track][0]!,
        startsOn: `${year}-${pad(month)}-${pad(day)}`,
        endsOn: `${year}-${pad(month)}-${pad(day + days)}`,
        place: online ? '线上直播' : `${COUNTY_NAMES[county].zh}中小企业服务中心`,
        online,
        providerIndex: rand() < 0.6 && providerCount > 0 ? Math.floor(rand() * providerCount) : null,
        attendees: [...chosen].sort((a, b) => a - b).map((person) => ({ person, completed: rand() < 0.8 })),
      });
    }
  }
  // Number each track's events within a year in date order (第 1 期 is the year's first).
  events.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.track.localeCompare(b.track));
  const seen = new Map<string, number>();
  for (const e of events) {
    const key = `${e.track}/${e.startsOn.slice(0, 4)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    e.title = e.title.replace(/第 \d+ 期/, `第 ${seen.get(key)} 期`);
  }
  return { people, events };
}

const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));

/** A deterministic code for demo certificates, DEM0 + 8 digits (real ones are random: certificate-code.ts). */
const demoCode = (i: number) => `DEM0${pad(i, 8)}`;

/**
 * Inserts the demo training in the caller's transaction, over the register's live firms and the pool's providers
 * (run after both). Returns the numbers inserted.
 */
export async function insertDemoTraining(db: DbLike): Promise<{ events: number; people: number; attendances: number; certificates: number }> {
  const firms = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(isNull(enterprises.deletedAt)).orderBy(asc(enterprises.id));
  if (firms.length === 0) return { events: 0, people: 0, attendances: 0, certificates: 0 };
  const providers = await db.select({ id: serviceProviders.id }).from(serviceProviders).where(eq(serviceProviders.status, 'active')).orderBy(asc(serviceProviders.id));
  const [bureau] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, 'bureau@demo.qianqi.example')));
  const plan = generateTraining(firms.length, providers.length);

  const personIds: number[] = [];
  for (const group of chunks(plan.people, 300)) {
    const rows = await db
      .insert(trainees)
      .values(group.map((p) => ({ name: p.name, mobile: p.mobile, enterpriseId: firms[p.firmIndex]!.id })))
      .returning({ id: trainees.id });
    personIds.push(...rows.map((r) => r.id));
  }
  let attendances = 0;
  const certificates: (typeof trainingCertificates.$inferInsert)[] = [];
  for (const event of plan.events) {
    const [row] = await db
      .insert(trainingEvents)
      .values({ ...event, providerId: event.providerIndex === null ? null : providers[event.providerIndex]!.id, createdBy: bureau?.id ?? null })
      .returning({ id: trainingEvents.id });
    const rows = event.attendees.map((a) => ({ eventId: row!.id, traineeId: personIds[a.person]!, enterpriseId: firms[plan.people[a.person]!.firmIndex]!.id, completed: a.completed }));
    for (const group of chunks(rows, 300)) await db.insert(trainingAttendances).values(group);
    attendances += rows.length;
    // Certificates for the first completers of events that ended before 2026.
    if (event.endsOn < '2026-01-01') {
      for (const a of event.attendees.filter((x) => x.completed).slice(0, 2)) {
        const person = plan.people[a.person]!;
        certificates.push({
          code: demoCode(certificates.length + 1),
          traineeId: personIds[a.person]!,
          enterpriseId: firms[person.firmIndex]!.id,
          track: event.track,
          eventId: row!.id,
          personName: person.name,
          firmName: firms[person.firmIndex]!.name,
          eventTitle: event.title,
          issuedOn: event.endsOn,
          issuedBy: bureau?.id ?? null,
          ...(certificates.length === 3 ? { revokedAt: new Date('2025-12-01T02:00:00Z'), revokedReason: '演示：信息有误，已重新颁发' } : {}),
        });
      }
    }
  }
  for (const group of chunks(certificates, 200)) await db.insert(trainingCertificates).values(group);
  return { events: plan.events.length, people: plan.people.length, attendances, certificates: certificates.length };
}
