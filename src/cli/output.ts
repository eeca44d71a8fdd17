// One report as the command line prints it, in the format asked for (diff, and each step of check).
import type { Report } from '../model.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import type { OnlyValue } from '../render/select.js';
import { renderTerminal } from '../render/terminal.js';
import { type Format, outputWidth, useColor } from './options.js';

export function renderReport(
  report: Report,
  args: { format: Format; color?: unknown; brief: boolean; stat?: boolean; width?: number; tz?: string },
  only: readonly OnlyValue[] | undefined,
): string {
  if (args.format === 'json') return renderJson(report, { only });
  if (args.format === 'markdown') return renderMarkdown(report, { only, timeZone: args.tz });
  const color = useColor(args.color, process.stdout.isTTY === true, process.env);
  return renderTerminal(report, { color, only, brief: args.brief, stat: args.stat, width: outputWidth(args.width), timeZone: args.tz });
}
