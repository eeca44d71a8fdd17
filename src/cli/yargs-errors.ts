// yargs' failure messages reworded as one clean line each, and "did you mean" for a mistyped command.
import { existsSync } from 'node:fs';

/** What each command expects as positionals, for "not enough / too many arguments". */
const EXPECTED: Record<string, string> = {
  diff: 'two capture files (OLD NEW)',
  log: 'one or more inputs (a folder, capture files or quoted glob patterns)',
  check: 'one folder of captures (DIR)',
  capture: 'one URL',
  'git-diff-driver': "the path and six arguments git passes",
  completion: 'at most one shell name (bash, zsh or fish)',
};

/** The command a command line runs: its first word when it names one, else the default (diff). */
export function commandOf(argv: readonly string[], commands: readonly string[]): string {
  const first = argv.find((a) => !a.startsWith('-'));
  return first !== undefined && commands.includes(first) ? first : 'diff';
}

const list = (values: string[]) => (values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);
const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');

/** One line saying what was expected and what was found, for any message yargs fails with. */
export function rewordYargsError(message: string, command: string, argv: readonly string[] = []): string {
  const help = command === 'diff' ? 'livediff --help' : `livediff ${command} --help`;
  const text = message.replace(/\s*\n\s*/g, ' ').trim();
  let m = /^Invalid values: Argument: ([\w-]+), Given: (.*), Choices: (.*)$/.exec(text);
  if (m) return `--${m[1]}: expected ${list(m[3]!.split(', ').map(unquote))}, found '${unquote(m[2]!)}'`;
  if (/^Not enough non-option arguments/.test(text)) return `expected ${EXPECTED[command] ?? 'more arguments'}; see ${help}`;
  m = /^Too many non-option arguments: got (\d+)/.exec(text);
  if (m) return `expected ${EXPECTED[command] ?? 'fewer arguments'}, found ${m[1]} arguments; see ${help}`;
  m = /^Unknown arguments?: (.*)$/.exec(text);
  if (m) {
    // yargs names unknown options and surplus positionals alike, without dashes: argv tells them apart.
    const names = m[1]!.split(', ');
    const extra = names.filter((n) => argv.includes(n));
    if (extra.length > 0) return `expected ${EXPECTED[command] ?? 'fewer arguments'}, found more: '${extra.join("', '")}'; see ${help}`;
    // yargs names each unknown option twice, as typed and camel-cased (`bogus-opt, bogusOpt`): name it as typed.
    const typed = (n: string) =>
      argv.some((a) => a === `--${n}` || a.startsWith(`--${n}=`) || a === `--no-${n}` || (n.length === 1 && /^-[^-]/.test(a) && a.includes(n)));
    const kebab = (n: string) => n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const shown = names.some(typed) ? names.filter(typed) : names.filter((n) => n === kebab(n) || !names.includes(kebab(n)));
    return `unknown option ${shown.map((n) => (n.length === 1 ? `-${n}` : `--${n}`)).join(', ')}; see ${help}`;
  }
  m = /^Not enough arguments following: (.*)$/.exec(text);
  if (m) return `--${m[1]} needs a value; see ${help}`;
  m = /^Missing required arguments?: (.*)$/.exec(text);
  if (m) return `missing ${m[1]!.split(', ').map((n) => `--${n}`).join(', ')}; see ${help}`;
  m = /^Arguments (\S+) and (\S+) are mutually exclusive$/.exec(text);
  if (m) return `--${m[1]} and --${m[2]} cannot be used together`;
  return text;
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps): short words only, so O(n*m) is nothing. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * A first word that is no file but close to a command name (`livediff chek DIR`) is a typo, not a
 * capture to read: the command it most likely meant, or null.
 */
export function mistypedCommand(argv: readonly string[], commands: readonly string[], exists = existsSync): string | null {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || commands.includes(first) || exists(first)) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of commands) {
    const dist = editDistance(first.toLowerCase(), c);
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return best !== null && bestDistance <= Math.min(2, Math.floor(best.length / 2)) ? best : null;
}
