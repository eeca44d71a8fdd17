// The GitHub Actions runner's protocol: inputs in INPUT_* variables, outputs and the job summary in files,
// workflow commands on stdout. Untrusted text is kept from acting as a command: the runner runs `::cmd::`
// at the start of a line and the legacy `##[cmd]` anywhere in one, so both are broken up, and whole
// reports are printed between `::stop-commands::` and a random resume token.
import { randomUUID } from 'node:crypto';
import { appendFileSync, statSync } from 'node:fs';
import { LivediffError } from '../errors.js';

export type Env = Record<string, string | undefined>;

/** An input as the runner passes it: `INPUT_` and the name upper-cased, spaces as `_` (hyphens kept). */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A boolean input in YAML 1.2's core schema (true/True/TRUE, false/False/FALSE); empty is `fallback`. */
export function getBooleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new LivediffError(`input '${name}' takes true or false; found '${value}'`);
}

/** A workflow command's message: `%`, CR and LF escaped as the runner unescapes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,…::message` on a line of its own. */
export function workflowCommand(name: string, message: string, properties: Record<string, string> = {}): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(v)}`);
  return `::${name}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}\n`;
}

/** `::` after leading spaces or colour codes: the runner would take the line for a workflow command. */
const LINE_COMMAND = /^((?:\s|\u001b\[[\d;]*m)*):(?=:)/gm;

/** Untrusted text made inert for the log: no line starts a `::` command, no `##[` legacy command anywhere. */
export function neutralize(text: string): string {
  return text.replace(LINE_COMMAND, '$1\\x3a').replace(/##\[/g, '#\\x23[');
}

/** Print untrusted text with workflow commands switched off around it (and neutralised as well). */
export function printInert(write: (s: string) => void, text: string): void {
  const token = `livediff-${randomUUID()}`;
  write(workflowCommand('stop-commands', token));
  write(neutralize(text.endsWith('\n') ? text : `${text}\n`));
  write(`::${token}::\n`);
}

/** Append outputs to $GITHUB_OUTPUT as `name<<DELIMITER` blocks, each with a fresh random delimiter. */
export function setOutputs(file: string, outputs: Record<string, string>): void {
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} holds its delimiter`);
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text, 'utf8');
}

/** Bytes the job summary file holds already (earlier writes of this step). */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
