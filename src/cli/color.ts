// The one place that decides whether output is coloured: --color[=when] like git, then the environment.
import { UsageError } from '../errors.js';

export const COLOR_WHEN = ['always', 'never', 'auto'] as const;
export type ColorWhen = (typeof COLOR_WHEN)[number];

/**
 * `--color` as given: `--color` alone (yargs gives '' or true) means always, `--no-color` (false) never;
 * `always|never|auto` as git takes them, and true/false/yes/no/on/off/1/0 as git's config reads booleans.
 */
export function parseColorWhen(value: unknown): ColorWhen | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === '') return 'always';
  if (value === false) return 'never';
  const v = String(value).trim().toLowerCase();
  if ((COLOR_WHEN as readonly string[]).includes(v)) return v as ColorWhen;
  if (['true', 'yes', 'on', '1'].includes(v)) return 'always';
  if (['false', 'no', 'off', '0'].includes(v)) return 'never';
  throw new UsageError(`--color: expected always, never or auto, found '${v}'`);
}

/**
 * Colour or not. An explicit --color=always|never wins; otherwise (auto) NO_COLOR turns it off
 * (https://no-color.org), FORCE_COLOR or CLICOLOR_FORCE (non-zero) turn it on, TERM=dumb turns it off,
 * and else it follows whether stdout is a terminal. Renderers never look: they take the answer.
 */
export function useColor(flag: unknown, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  const when = parseColorWhen(flag) ?? 'auto';
  if (when !== 'auto') return when === 'always';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const forced = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v !== 'false';
  if (forced(env.FORCE_COLOR) || forced(env.CLICOLOR_FORCE)) return true;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** The yargs definition of --color, shared by every command that prints. */
export const COLOR_OPTION = {
  type: 'string',
  // `--color` followed by a file name must not take the file as its value.
  requiresArg: false,
  describe: 'Colour: always, never or auto (--color alone: always; --no-color: never) [default: auto: a terminal, unless NO_COLOR or TERM=dumb]',
  coerce: parseColorWhen,
} as const;
