// Node built-ins that only some commands use, loaded on first use. Loaded at start-up, crypto,
// child_process and os cost every plain diff (a cron job's run) about 12 ms it never needs.
import { createRequire } from 'node:module';

// Built-ins resolve the same from anywhere; import.meta is not there in the CommonJS bundles.
const load = createRequire(process.execPath);

export const crypto = (): typeof import('node:crypto') => load('node:crypto');
export const childProcess = (): typeof import('node:child_process') => load('node:child_process');
export const os = (): typeof import('node:os') => load('node:os');
