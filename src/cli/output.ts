// What the command line tells a renderer: colour (decided here, from --color[=when], NO_COLOR, TERM and
// the terminal), the width to wrap at, --only, --brief, --stat, --tz and --explain. Which renderer runs is
// the document kind's registry's business (render/renderers.ts).
import type { RenderContext } from '../render/registry.js';
import type { OnlyValue } from '../render/select.js';
import { outputWidth, useColor } from './options.js';
import { stdoutIsTerminal } from './stdout.js';

export function renderContext(
  args: { color?: unknown; brief?: boolean; stat?: boolean; width?: number; tz?: string; explain?: boolean },
  only: readonly OnlyValue[] | undefined,
): RenderContext {
  const terminal = stdoutIsTerminal();
  return {
    color: useColor(args.color, terminal, process.env),
    only,
    brief: args.brief ?? false,
    stat: args.stat ?? false,
    width: outputWidth(args.width, terminal ? process.stdout.columns : undefined),
    timeZone: args.tz,
    explain: args.explain ?? false,
  };
}
