// CSS selectors over the DOM of an HTML capture (css-select), for the html adapter and its page header.
import { compile } from 'css-select';
import { parse, type Selector } from 'css-what';
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
import { UsageError } from '../errors.js';

/** Compiled selectors without `:scope` (the only part that depends on where the query starts). */
const COMPILED = new Map<string, (el: AnyNode) => boolean>();

/** A selector as a test of one element, compiled once. */
export function compiled(selector: string, root?: AnyNode): (el: AnyNode) => boolean {
  if (root !== undefined && selector.includes(':scope')) return compile<AnyNode, Element>(selector, undefined, root);
  let test = COMPILED.get(selector);
  if (test === undefined) COMPILED.set(selector, (test = compile<AnyNode, Element>(selector)));
  return test;
}

/**
 * The elements under `root` (not root itself) matching `selector`, in document order, as css-select's
 * selectAll finds them (`<template>` contents skipped), but walked with a stack that grows at its end:
 * css-select's own walk keeps its stack with unshift/shift, quadratic in the nesting depth (100,000 nested
 * `<div>`s: 90 s).
 */
function walk(selector: string, root: AnyNode, one: boolean): Element[] {
  const test = compiled(selector, root);
  const found: Element[] = [];
  if (!hasChildren(root)) return found;
  const lists: AnyNode[][] = [root.children];
  const at: number[] = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top]!;
    if (at[top]! >= list.length) {
      lists.pop();
      at.pop();
      continue;
    }
    const node = list[at[top]!++]!;
    if (!isTag(node)) continue;
    if (test(node)) {
      found.push(node);
      if (one) return found;
    }
    if (node.name !== 'template' && node.children.length > 0) {
      lists.push(node.children);
      at.push(0);
    }
  }
  return found;
}

export function select(selector: string, root: AnyNode): Element[] {
  return walk(selector, root, false);
}

export function first(selector: string, root: AnyNode): Element | null {
  return walk(selector, root, true)[0] ?? null;
}

/** Refuse a selector css-select cannot read, naming the option it came from. */
export function checkSelector(field: string, selector: string): void {
  try {
    compile<AnyNode, Element>(selector);
  } catch (error) {
    throw new UsageError(`fields.${field}: ${JSON.stringify(selector)} is not a CSS selector (${(error as Error).message})`);
  }
}

export function insideAny(el: AnyNode, ancestors: ReadonlySet<AnyNode>): boolean {
  for (let p = el.parent; p; p = p.parent) if (ancestors.has(p)) return true;
  return false;
}

/** The matches not inside another match. */
export function outermost(matches: Element[]): Element[] {
  const set = new Set<AnyNode>(matches);
  return matches.filter((el) => {
    for (let p = el.parent; p; p = p.parent) if (set.has(p)) return false;
    return true;
  });
}

/**
 * The post candidates of the nesting level with the most of them, the shallowest among equals (a page-wide
 * `<article>` around the posts loses to the posts, embedded articles inside posts lose to the posts), in
 * the order given. `levelOf`: how many candidates a candidate is inside.
 */
export function busiestLevel<T>(candidates: readonly T[], levelOf: (candidate: T) => number): T[] {
  const levels: T[][] = [];
  for (const c of candidates) (levels[levelOf(c)] ??= []).push(c);
  let best: T[] = [];
  for (const level of levels) if (level && level.length > best.length) best = level;
  return best;
}

/** Pseudo-classes whose arguments are selectors, matched on the element itself. */
const OWN_PSEUDOS = new Set(['not', 'is', 'where', 'matches']);

/** Whether a selector token reads only the element and its ancestors (see readsUpward). */
function upward(token: Selector): boolean {
  switch (token.type) {
    case 'tag':
    case 'universal':
    case 'attribute':
    case 'descendant':
    case 'child':
      return true;
    case 'pseudo':
      return OWN_PSEUDOS.has(token.name) && Array.isArray(token.data) && token.data.every((alternative) => alternative.every(upward));
    default:
      return false;
  }
}

/**
 * Whether a selector tests an element by the element itself and its ancestors only: tags, attributes,
 * classes and ids, descendant and child combinators, and `:not`, `:is`, `:where` of the same. Not sibling
 * combinators or pseudo-classes that count siblings or look inside (`:first-child`, `:has`, `:empty`):
 * such a test can be made as the element opens, and its answer does not change with what comes after.
 */
export function readsUpward(selector: string): boolean {
  try {
    return parse(selector).every((alternative) => alternative.every(upward));
  } catch {
    return false;
  }
}
