// One report as the command line prints it, in the format asked for (diff, and each step of check).
import type { Report } from '../model.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import type { OnlyValue } from '../render/select.js';
import { renderTerminal } from '../render/terminal.js';
import { type Format, useColor } from './options.js';

export function renderReport(
  report: Report,
  args: { format: Format; color?: boolean; brief: boolean; explain?: boolean },
  only: readonly OnlyValue[] | undefined,
): string {
  if (args.format === 'json') return renderJson(report, { only });
  if (args.format === 'markdown') return renderMarkdown(report, { only, explain: args.explain });
  return renderTerminal(report, { color: useColor(args.color, process.stdout.isTTY === true, process.env), only, brief: args.brief, explain: args.explain });
}
