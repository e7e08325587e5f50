/**
 * Training of the program (shared PROGRAM.md, "Training" and support action 6): the tracks, their three-year
 * targets, and how people are recognised across events and years.
 */
import type { Message } from '../lib/errors.ts';

/** Training tracks: the two named cohorts and the three parts of the management 百千万 action. */
export const TRAINING_TRACKS = ['digital_commissioner', 'management_exemplar', 'management_diagnosis', 'management_training', 'management_consulting'] as const;
export type TrainingTrack = (typeof TRAINING_TRACKS)[number];

export const TRAINING_TRACK_NAMES: Record<TrainingTrack, Message> = {
  digital_commissioner: { zh: '数字专员', en: 'Digital commissioners' },
  management_exemplar: { zh: '管理标兵', en: 'Management exemplars' },
  management_diagnosis: { zh: '管理诊断', en: 'Management diagnosis' },
  management_training: { zh: '管理培训', en: 'Management training' },
  management_consulting: { zh: '管理咨询', en: 'Management consulting' },
};

/**
 * Targets of the 2021–2023 plan (city notice of 9 Dec 2021, PROGRAM.md): 1,000 数字专员 and 1,000 管理标兵 over
 * three years; the management 百千万 action — diagnose 100 firms, train 1,000, consult 10,000. Persons count once
 * per track (see trackCompleters), whatever the number of events they completed.
 */
export const TRAINING_TARGETS: Record<TrainingTrack, number> = {
  digital_commissioner: 1000,
  management_exemplar: 1000,
  management_diagnosis: 100,
  management_training: 1000,
  management_consulting: 10000,
};

/**
 * A mainland mobile number as the stable key of a person (11 digits starting 1[3-9]), from what people write:
 * spaces, dashes and brackets, full-width digits, a +86 / 0086 / 86 prefix. Null when it is not a mobile number
 * (a landline cannot tell people of one firm apart).
 */
export function normalizeMobile(input: string): string | null {
  const digits = input
    .normalize('NFKC')
    .replace(/[\s\-–—()（）.]/g, '')
    .replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** A mobile number as a certificate or the public page shows it: 138****5678. */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}
