/** R08: how long a staff session lasts, pure so tests reach it without a server. */

/** R08: a session ends 30 minutes after its last use, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;

export type SessionState = 'active' | 'idle' | 'expired';

/** Whether a session (its ISO timestamps) is still usable at `now`. */
export function sessionState(session: { createdAt: string; lastSeenAt: string }, now: number): SessionState {
  if (now - Date.parse(session.createdAt) >= SESSION_ABSOLUTE_MS) return 'expired';
  if (now - Date.parse(session.lastSeenAt) >= SESSION_IDLE_MS) return 'idle';
  return 'active';
}
