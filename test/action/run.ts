// Run the Action's entry point as the runner would: the environment GitHub provides, with the event,
// summary and output files in a temporary folder; collect the log, the summary and the outputs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/main.js';
import { ROOT } from '../helpers/run.js';

export interface ActionRun {
  code: number;
  log: string;
  summary: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
}

/** Parse $GITHUB_OUTPUT: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    outputs[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

export interface RunOptions {
  event: object;
  eventName?: string;
  sha: string;
  workspace: string;
  inputs?: Record<string, string>;
  /** Run the committed bundle (action/index.cjs) with node instead of importing the source. */
  bundle?: boolean;
}

export async function runActionIn(o: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'livediff-action-'));
  const files = { event: join(dir, 'event.json'), summary: join(dir, 'summary.md'), output: join(dir, 'output.txt') };
  writeFileSync(files.event, JSON.stringify(o.event));
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: o.eventName ?? 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_SHA: o.sha,
    GITHUB_WORKSPACE: o.workspace,
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries(o.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  let code: number;
  let log: string;
  if (o.bundle) {
    const r = spawnSync(process.execPath, [join(ROOT, 'action/index.cjs')], { cwd: o.workspace, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
    code = r.status ?? -1;
    log = r.stdout + r.stderr;
  } else {
    const out: string[] = [];
    code = await runAction({ env, write: (s) => void out.push(s) });
    log = out.join('');
  }
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  return { code, log, summary: read(files.summary), outputs: parseOutputs(read(files.output)), env };
}
