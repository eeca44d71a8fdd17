// Entry of the Action bundle (action/index.cjs, built by `node scripts/build.mjs --action`): run, set the exit code.
import { runAction } from './main.js';

void runAction().then((code) => {
  process.exitCode = code;
});
