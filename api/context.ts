import type { Auth } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { LiveHub } from './live/hub.ts';
import type { MailSender } from './mail/sender.ts';
import type { PanoramaJobRunner } from './panorama-jobs/runner.ts';

/** What request handlers need, built once at start (or per test). */
export interface AppContext {
  config: Config;
  db: Db;
  /** Directory of content-addressed media (panorama pyramids, product photos). */
  mediaDir: string;
  /** Turns uploaded 360° photos into pyramids in the background. */
  panoramaJobs: PanoramaJobRunner;
  /** Announces hall changes to open viewers. */
  live: LiveHub;
  /** Drains the mail outbox in the background (tests call `drain()` themselves). */
  mail: MailSender;
}

/** Hono environment of the API: the signed-in user (or null) and the client address, set by middleware. */
export interface AppEnv {
  Variables: {
    /** A fully signed-in session (null when signed out or still waiting for the TOTP step). */
    auth: Auth | null;
    /** A session whose password was right but whose TOTP code is still to come. */
    pendingAuth: Auth | null;
    /** A staff user without a second factor: the session may only enrol one. */
    mfaEnrolmentRequired: boolean;
    clientIp: string;
  };
}
