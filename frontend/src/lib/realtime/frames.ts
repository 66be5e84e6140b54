import type { BlogEvent, PersonRef } from '@/types/api';

/** Server frames of docs/websocket-protocol.md and the presence contract. */
export type ServerFrame =
  | { type: 'event'; position: number; event: BlogEvent }
  | { type: 'ready'; audience: 'staff' | 'public'; position: number; epoch: string; protocol: number }
  | { type: 'resync'; reason: string; position: number }
  | { type: 'heartbeat' }
  | { type: 'pong' }
  | { type: 'authenticated'; expiresAt: string }
  | { type: 'error'; code: string; message: string }
  | { type: 'presence'; postId: string; user: PersonRef; editing: boolean; expiresAt?: string }
  | { type: 'presence-snapshot'; entries: { postId: string; user: PersonRef; expiresAt: string }[] };

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped';

export interface ConnectionState {
  status: ConnectionStatus;
  /** The reconnect attempt under way (1, 2, …); 0 when connected. */
  attempt: number;
}

/** Close codes after which reconnecting cannot help (docs/websocket-protocol.md, "Close codes"). */
export const CLIENT_BUG_CODES = [1002, 1003, 1007, 1009, 4009];
export const UNAUTHORIZED = 4001;
export const REAUTHENTICATE = 4004;
export const SERVICE_RESTART = 1012;
/** Too many frames too fast: reconnect, but not before this wait (then with the usual back-off). */
export const POLICY_VIOLATION = 1008;
export const POLICY_VIOLATION_WAIT_MS = 10_000;
