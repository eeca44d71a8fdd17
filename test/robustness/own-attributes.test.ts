// `--id` names an attribute of the page's post elements; a name that is also a property of every object
// (`__proto__`, `constructor`, `toString`) names no attribute, and must not reach Object's (a red-team find:
// "internal error: e.trim is not a function").
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

const OLD = 'test/fixtures-formats/html-latin1/old.html';
const NEW = 'test/fixtures-formats/html-latin1/new.html';

describe('--id with the name of an Object property', () => {
  const plain = runCli([OLD, NEW, '--format', 'json']);

  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`--id ${name} reads as an attribute no post has: the same report as without ids`, () => {
      const r = runCli([OLD, NEW, '--format', 'json', '--id', name]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(plain.status);
      const posts = JSON.parse(r.stdout).posts as Array<{ new: { id: string | null } | null; old: { id: string | null } | null }>;
      expect(posts.every((p) => (p.new ?? p.old)!.id === null)).toBe(true);
    });
  }
});
