// What the command line tells a renderer: colour (decided here, from --color, NO_COLOR and the terminal),
// --only, --brief and --explain. Which renderer runs is the document kind's registry's business (render/renderers.ts).
import type { RenderContext } from '../render/registry.js';
import type { OnlyValue } from '../render/select.js';
import { useColor } from './options.js';

export function renderContext(args: { color?: boolean; brief?: boolean; explain?: boolean }, only: readonly OnlyValue[] | undefined): RenderContext {
  return { color: useColor(args.color, process.stdout.isTTY === true, process.env), only, brief: args.brief ?? false, explain: args.explain ?? false };
}
