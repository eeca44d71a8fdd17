// Node built-ins that only some commands use, loaded on first use. Loaded at start-up, crypto,
// child_process and os cost every plain diff (a cron job's run) about 12 ms it never needs.
// process.getBuiltinModule (Node 20.16 and later) needs neither import.meta, which the CommonJS bundles
// lack, nor node:module's createRequire, whose load is itself part of a start.
export const crypto = () => process.getBuiltinModule('node:crypto');
export const childProcess = () => process.getBuiltinModule('node:child_process');
export const os = () => process.getBuiltinModule('node:os');
export const v8 = () => process.getBuiltinModule('node:v8');
