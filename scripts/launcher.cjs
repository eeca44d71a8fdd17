#!/usr/bin/env node
// livediff's executable: loads the bundled CLI (cli.cjs) with the V8 code cache made at build time
// (cli.cache), so a cron run does not recompile the bundle every time. Node 20 has no compile cache of its
// own. A cache V8 rejects (another Node version) only costs the compile it was meant to save.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, 'cli.cjs');
let cachedData;
try {
  cachedData = readFileSync(join(__dirname, 'cli.cache'));
} catch {
  cachedData = undefined;
}
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(source, { filename: file, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require, cli, file, __dirname);
cli.exports.run(process.argv.slice(2));
