// The `livediff watch` configuration (pages.yml or pages.json): many pages, each with its capture folder,
// state, notification URLs and check options. Loaded and checked completely before anything runs; every
// error is one line naming the file, the page and the field. The schema is documented in docs/watch.md.
import { readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { LivediffError, UsageError } from '../errors.js';
import { type NotifyTarget, parseNotifyUrls } from '../notify/index.js';
import { FORMAT_NAMES } from '../parse/index.js';
import { ONLY_WORDS, type OnlyValue } from '../render/select.js';

/** A configuration file that cannot be used: `file: page 'name': field: what is wrong`. */
export class WatchConfigError extends LivediffError {
  override name = 'WatchConfigError';
  constructor(
    readonly file: string,
    readonly page: string | null,
    readonly field: string | null,
    readonly what: string,
  ) {
    super([file, page === null ? null : `page '${page}'`, field, what].filter((p) => p !== null).join(': '));
  }
}

/**
 * Where a page's posts and fields are: a watch page's keys and the --input-format, --items, --id… options of
 * diff, check and capture (cli/options.ts reads them with this type).
 */
export interface InputFields {
  inputFormat?: string;
  items?: string;
  id?: string;
  time?: string;
  headline?: string;
  body?: string;
}

export interface WatchPage extends InputFields {
  name: string;
  /** The page to capture before checking, or null when something else fills `dir`. */
  url: string | null;
  /** The capture folder (absolute). */
  dir: string;
  /** The check state file (absolute); default `<dir>/.livediff-state.json`. */
  state: string;
  /** The notification URLs as written (secrets and all: never print them; print NotifyTarget.target.masked). */
  notify: string[];
  only?: OnlyValue[];
  matchThreshold?: number;
  rewriteThreshold?: number;
  /** Seconds to wait per attempt, for the page and for each delivery (capture --timeout, check --webhook-timeout). */
  timeout?: number;
  /** Attempts after the first, for the page and for each delivery (capture --retries, check --webhook-retries). */
  retries?: number;
}

export interface WatchConfig {
  file: string;
  pages: WatchPage[];
}

/** What one page of a watch run needs: capture (if it has a URL), check with its own state and lock, deliver. */
export interface PagePlan {
  name: string;
  capture: { url: string; dir: string; timeout?: number; retries?: number } | null;
  dir: string;
  state: string;
  /** The lock check takes beside its state. */
  lock: string;
  only: OnlyValue[] | undefined;
  matchThreshold: number | undefined;
  rewriteThreshold: number | undefined;
  input: InputFields;
  /** The notification targets, parsed (their `target.masked` is the printable form). */
  notify: NotifyTarget[];
  /** The same check as a command line (without notification URLs, which hold secrets). */
  checkArgv: string[];
}

const PAGE_KEYS = ['name', 'url', 'dir', 'notify', 'only', 'match-threshold', 'rewrite-threshold', 'timeout', 'retries', 'input-format', 'items', 'id', 'time', 'headline', 'body', 'state'];
const DEFAULT_KEYS = PAGE_KEYS.filter((k) => !['name', 'url', 'dir', 'state'].includes(k));

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? (v.length === 0 ? 'an empty list' : 'a list') : typeof v === 'string' ? `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'` : typeof v === 'object' ? 'a mapping' : String(v));

/** The file's data: JSON for .json, YAML (a superset of JSON) otherwise. */
async function readData(file: string): Promise<unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WatchConfigError(file, null, null, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (extname(file).toLowerCase() === '.json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new WatchConfigError(file, null, null, `expected JSON, ${(error as Error).message}`);
    }
  }
  const YAML = await import('yaml');
  try {
    return YAML.parse(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    const e = error as Error & { linePos?: Array<{ line: number; col: number }> };
    const where = e.linePos?.[0] ? `line ${e.linePos[0].line}` : null;
    throw new WatchConfigError(file, null, where, `expected YAML, ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
}

/** `${NAME}` in a notification URL is the environment variable NAME: pages.yml can be committed without secrets. */
function expandEnv(url: string, env: NodeJS.ProcessEnv, fail: (what: string) => never): string {
  return url.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => env[name] ?? fail(`environment variable ${name} is not set`));
}

class PageReader {
  constructor(
    readonly file: string,
    readonly page: string | null,
    readonly raw: Raw,
    /** For `defaults`: fields are named `defaults.only`. */
    readonly prefix: string | null = null,
  ) {}

  fail(field: string | null, what: string): never {
    const named = this.prefix === null ? field : field === null ? this.prefix : `${this.prefix}.${field}`;
    throw new WatchConfigError(this.file, this.page, named, what);
  }

  string(key: string): string | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') this.fail(key, `expected a non-empty string, found ${describe(v)}`);
    return v;
  }

  ratio(key: string): number | undefined {
    return this.number(key, (n) => n >= 0 && n <= 1, 'a number from 0 to 1');
  }

  /** A number that `ok` accepts, described as `what` when it does not. */
  number(key: string, ok: (n: number) => boolean, what: string): number | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !ok(v)) this.fail(key, `expected ${what}, found ${describe(v)}`);
    return v;
  }

  /** A list, or one string split at `separator` (commas). */
  list(key: string, separator: RegExp = /,/): string[] | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    const items = typeof v === 'string' ? v.split(separator).map((s) => s.trim()).filter(Boolean) : v;
    if (!Array.isArray(items) || items.length === 0 || items.some((s) => typeof s !== 'string' || s.trim() === '')) {
      this.fail(key, `expected a list of strings (or one string), found ${describe(v)}`);
    }
    return items as string[];
  }

  only(): OnlyValue[] | undefined {
    const values = this.list('only');
    for (const v of values ?? []) if (!ONLY_WORDS.includes(v)) this.fail('only', `expected ${ONLY_WORDS.join(', ')}; found '${v}'`);
    // `all` (every change) is kept as written: check's --only reads it.
    return values as OnlyValue[] | undefined;
  }

  keys(allowed: readonly string[]): void {
    for (const k of Object.keys(this.raw)) if (!allowed.includes(k)) this.fail(null, `unknown field '${k}' (known: ${allowed.join(', ')})`);
  }
}

/** The options a page may also take from `defaults`. */
function options(r: PageReader, env: NodeJS.ProcessEnv) {
  const inputFormat = r.string('input-format');
  if (inputFormat !== undefined && !(FORMAT_NAMES as readonly string[]).includes(inputFormat)) r.fail('input-format', `expected ${FORMAT_NAMES.join(', ')}; found '${inputFormat}'`);
  // URLs are split only at a comma before the next URL's scheme: a query may hold commas (`?to=a@x,b@y`).
  const notify = r.list('notify', /,(?=\s*[a-z][a-z0-9+.-]*:\/\/)/i)?.map((u) => expandEnv(u, env, (what) => r.fail('notify', what)));
  const fields = Object.fromEntries(['items', 'id', 'time', 'headline', 'body'].map((k) => [k, r.string(k)]).filter(([, v]) => v !== undefined));
  const timeout = r.number('timeout', (n) => n > 0 && n <= 3600, 'seconds above 0, at most 3600');
  const retries = r.number('retries', (n) => Number.isInteger(n) && n >= 0 && n <= 10, 'a whole number from 0 to 10');
  return { notify, only: r.only(), matchThreshold: r.ratio('match-threshold'), rewriteThreshold: r.ratio('rewrite-threshold'), timeout, retries, inputFormat, ...fields };
}

/** A folder name for a page that only has a URL: its name, lower-case, runs of other characters as '-'. */
/** A folder name from a page's name: its letters and digits in any script (`乌克兰直播` stays itself), runs of anything else one dash. */
const slug = (name: string) => name.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}\p{M}._]+/gu, '-').replace(/^[-.]+|-+$/g, '') || 'page';

/**
 * Read and check a watch configuration. Relative paths are relative to the file's folder; `${NAME}` in
 * notification URLs comes from `env`. Throws WatchConfigError (one line) for anything wrong.
 */
export async function loadWatchConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<WatchConfig> {
  const data = await readData(file);
  if (!isObject(data)) throw new WatchConfigError(file, null, null, `expected a mapping with 'pages', found ${describe(data)}`);
  const top = new PageReader(file, null, data);
  top.keys(['pages', 'defaults']);
  if (data.defaults !== undefined && !isObject(data.defaults)) top.fail('defaults', `expected a mapping, found ${describe(data.defaults)}`);
  const defaultsReader = new PageReader(file, null, (data.defaults as Raw | undefined) ?? {}, 'defaults');
  defaultsReader.keys(DEFAULT_KEYS);
  const defaults = options(defaultsReader, env);
  const rawPages = data.pages;
  if (!Array.isArray(rawPages) || rawPages.length === 0) top.fail('pages', `expected a list of at least one page, found ${describe(rawPages)}`);
  const base = dirname(resolve(file));
  const at = (p: string) => (isAbsolute(p) ? p : join(base, p));
  const pages: WatchPage[] = [];
  const seen = { name: new Map<string, number>(), state: new Map<string, string>(), dir: new Map<string, string>() };
  for (const [i, raw] of (rawPages as unknown[]).entries()) {
    const label = isObject(raw) && typeof raw.name === 'string' && raw.name.trim() ? raw.name : `#${i + 1}`;
    if (!isObject(raw)) throw new WatchConfigError(file, label, null, `expected a mapping, found ${describe(raw)}`);
    const r = new PageReader(file, label, raw);
    r.keys(PAGE_KEYS);
    const name = r.string('name') ?? r.fail('name', 'required');
    if (/[\u0000-\u001f\u007f]/.test(name)) r.fail('name', 'expected text without control characters');
    if (seen.name.has(name)) r.fail('name', `the name of page #${seen.name.get(name)! + 1} too; names must be unique`);
    seen.name.set(name, i);
    const url = r.string('url') ?? null;
    if (url !== null && !/^https?:\/\/[^/]/i.test(url)) r.fail('url', `expected an http or https URL, found ${describe(url)}`);
    const given = r.string('dir');
    if (given === undefined && url === null) r.fail(null, "needs 'url' (a page to capture) or 'dir' (a folder of captures)");
    const dir = at(given ?? join('captures', slug(name)));
    if (seen.dir.has(dir)) r.fail('dir', `the folder of page '${seen.dir.get(dir)}' too; each page needs its own`);
    seen.dir.set(dir, name);
    const state = at(r.string('state') ?? join(dir, '.livediff-state.json'));
    if (seen.state.has(state)) r.fail('state', `the state of page '${seen.state.get(state)}' too; each page needs its own`);
    seen.state.set(state, name);
    const own = options(r, env);
    const page: WatchPage = { name, url, dir, state, notify: own.notify ?? defaults.notify ?? [] };
    // A page's own option replaces the default one (lists are not merged).
    for (const key of ['only', 'matchThreshold', 'rewriteThreshold', 'timeout', 'retries', 'inputFormat', 'items', 'id', 'time', 'headline', 'body'] as const) {
      const v = (own as Record<string, unknown>)[key] ?? (defaults as Record<string, unknown>)[key];
      if (v !== undefined) (page as unknown as Record<string, unknown>)[key] = v;
    }
    try {
      parseNotifyUrls(page.notify);
    } catch (error) {
      if (error instanceof UsageError) r.fail('notify', error.message);
      throw error;
    }
    pages.push(page);
  }
  return { file, pages };
}

/** The check command line for a page (what `livediff check` would be given; no notification URLs). */
function checkArgv(p: WatchPage): string[] {
  const argv = ['check', p.dir, '--state', p.state];
  if (p.only) argv.push('--only', p.only.join(','));
  if (p.matchThreshold !== undefined) argv.push('--match-threshold', String(p.matchThreshold));
  if (p.rewriteThreshold !== undefined) argv.push('--rewrite-threshold', String(p.rewriteThreshold));
  if (p.timeout !== undefined) argv.push('--webhook-timeout', String(p.timeout));
  if (p.retries !== undefined) argv.push('--webhook-retries', String(p.retries));
  for (const [flag, v] of [['--input-format', p.inputFormat], ['--items', p.items], ['--id', p.id], ['--time', p.time], ['--headline', p.headline], ['--body', p.body]] as const) {
    if (v !== undefined) argv.push(flag, v);
  }
  return argv;
}

/** What each page of a watch run needs, in the file's order. Pure: runs nothing, touches no file. */
export function planWatch(config: WatchConfig): PagePlan[] {
  return config.pages.map((p) => ({
    name: p.name,
    capture: p.url === null ? null : { url: p.url, dir: p.dir, timeout: p.timeout, retries: p.retries },
    dir: p.dir,
    state: p.state,
    lock: `${p.state}.lock`,
    only: p.only,
    matchThreshold: p.matchThreshold,
    rewriteThreshold: p.rewriteThreshold,
    input: Object.fromEntries((['inputFormat', 'items', 'id', 'time', 'headline', 'body'] as const).filter((k) => p[k] !== undefined).map((k) => [k, p[k]])),
    notify: parseNotifyUrls(p.notify),
    checkArgv: checkArgv(p),
  }));
}
