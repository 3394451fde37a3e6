import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The entry's static closure as one chunk (see vite.config.ts for why). The bundler's group `test`
 * sees only a module's id, so this plugin finds the closure once the module graph is built, the way
 * the bundler's tree-shaking reaches modules: from the entry, the bindings each module imports;
 * through a re-export, only the names asked of it (a package's index adds only what is taken from
 * it); and, for their side effects, what a reached module imports, unless its package's
 * `sideEffects` says it has none. A module joins the chunk when its own code runs: one of its own
 * bindings is taken, or its statements do something. A guess wrong either way still builds a working
 * page: a module missed stays in a chunk of its own beside the entry (the build warns), one taken in
 * wrongly moves onto the first load (the size budget sees it).
 */

type Names = Set<string> | 'all';

interface AstNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

/** What the walk needs of one module, read from its code after Vite's transforms (no types left). */
interface ModuleShape {
  /** `import … from`: where from, and which bindings ('all' for a namespace). */
  imports: { source: string; names: Names }[];
  /** `export { a as b } from`: exported name → where from and under which name (none: `export * as b`). */
  reExports: Map<string, { source: string; name?: string }>;
  /** `export * from`. */
  starSources: string[];
  /** The names exported from the module's own declarations ('*': some cannot be named). */
  ownExports: Set<string>;
  /** Whether evaluating the module's own statements may do something (a call, an assignment…). */
  ownEffects: boolean;
}

const nameOf = (node: unknown): string => {
  const n = node as { type: string; name?: string; value?: unknown };
  return n.type === 'Identifier' ? (n.name ?? '') : String(n.value);
};

/** Expressions whose evaluation only makes a value, as tree-shaking reads them. */
function pureExpression(node: AstNode | null | undefined, code: string): boolean {
  if (!node) return true;
  const pure = (n: unknown) => pureExpression(n as AstNode | null, code);
  switch (node.type) {
    case 'Literal':
    case 'Identifier':
    case 'ThisExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'ClassExpression':
    case 'ClassDeclaration':
      return pureClass(node, code);
    case 'TemplateLiteral':
    case 'SequenceExpression':
      return (node.expressions as AstNode[]).every(pure);
    case 'ArrayExpression':
      return (node.elements as (AstNode | null)[]).every((e) => e?.type !== 'SpreadElement' && pure(e));
    case 'ObjectExpression':
      return (node.properties as AstNode[]).every((p) => p.type === 'Property' && (!p.computed || pure(p.key)) && pure(p.value));
    case 'UnaryExpression':
      return node.operator !== 'delete' && pure(node.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return node.operator !== 'in' && node.operator !== 'instanceof' && pure(node.left) && pure(node.right);
    case 'ConditionalExpression':
      return pure(node.test) && pure(node.consequent) && pure(node.alternate);
    case 'ParenthesizedExpression':
      return pure(node.expression);
    case 'CallExpression':
    case 'NewExpression':
      // `/* @__PURE__ */ f()`, the annotation bundlers honour.
      return (
        /[@#]__PURE__\s*\*\/\s*\(?\s*$/.test(code.slice(Math.max(0, node.start - 40), node.start)) &&
        (node.arguments as AstNode[]).every(pure)
      );
    default:
      return false;
  }
}

function pureClass(node: AstNode, code: string): boolean {
  if (!pureExpression(node.superClass as AstNode | null, code)) return false;
  if (((node.decorators as unknown[] | undefined) ?? []).length > 0) return false;
  return (node.body as { body: AstNode[] }).body.every(
    (member) =>
      member.type !== 'StaticBlock' &&
      (!member.computed || pureExpression(member.key as AstNode, code)) &&
      (member.type !== 'PropertyDefinition' || !member.static || pureExpression(member.value as AstNode, code)),
  );
}

function pureDeclaration(node: AstNode | null, code: string): boolean {
  if (!node || node.type === 'FunctionDeclaration') return true;
  if (node.type === 'VariableDeclaration') {
    return (node.declarations as { id: AstNode; init: AstNode | null }[]).every(
      (d) => d.id.type === 'Identifier' && pureExpression(d.init, code),
    );
  }
  return pureExpression(node, code);
}

function shapeOf(body: AstNode[], code: string): ModuleShape {
  const shape: ModuleShape = {
    imports: [],
    reExports: new Map(),
    starSources: [],
    ownExports: new Set(),
    ownEffects: false,
  };
  for (const node of body) {
    const source = (node.source as { value?: string } | null | undefined)?.value;
    if (node.type === 'ImportDeclaration' && source !== undefined) {
      const specifiers = node.specifiers as AstNode[];
      const names: Names = specifiers.some((s) => s.type === 'ImportNamespaceSpecifier')
        ? 'all'
        : new Set(specifiers.map((s) => (s.type === 'ImportDefaultSpecifier' ? 'default' : nameOf(s.imported))));
      shape.imports.push({ source, names });
    } else if (node.type === 'ExportNamedDeclaration' && source !== undefined) {
      for (const s of node.specifiers as AstNode[]) {
        shape.reExports.set(nameOf(s.exported), { source, name: nameOf(s.local) });
      }
    } else if (node.type === 'ExportAllDeclaration' && source !== undefined) {
      if (node.exported) shape.reExports.set(nameOf(node.exported), { source });
      else shape.starSources.push(source);
    } else if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') {
      const declaration = node.declaration as AstNode | null;
      if (!pureDeclaration(declaration, code)) shape.ownEffects = true;
      if (node.type === 'ExportDefaultDeclaration') shape.ownExports.add('default');
      for (const s of (node.specifiers as AstNode[] | undefined) ?? []) shape.ownExports.add(nameOf(s.exported));
      const id = declaration?.id as AstNode | null | undefined;
      if (id) shape.ownExports.add(nameOf(id));
      for (const d of (declaration?.declarations as { id: AstNode }[] | undefined) ?? []) {
        shape.ownExports.add(d.id.type === 'Identifier' ? nameOf(d.id) : '*');
      }
    } else if (node.type === 'ExpressionStatement' && typeof node.directive === 'string') {
      // 'use strict' and the like.
    } else if (node.type !== 'EmptyStatement' && !pureDeclaration(node, code)) {
      shape.ownEffects = true;
    }
  }
  return shape;
}

/** A package's `sideEffects` field, as bundlers read it: false, or the files that have them. */
function packageSideEffects(): (id: string) => boolean {
  const packages = new Map<string, ((file: string) => boolean) | null>();
  const read = (dir: string) => {
    const { sideEffects: field } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { sideEffects?: unknown };
    if (field === false) return () => false;
    if (!Array.isArray(field)) return null;
    const patterns = field.map((p: string) => {
      const glob = p.replace(/^\.\//, '');
      const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*?/g, (m) => (m === '**' ? '.*' : '[^/]*'));
      return new RegExp(`^${glob.includes('/') ? '' : '(.*/)?'}${source}$`);
    });
    return (file: string) => patterns.some((p) => p.test(file));
  };
  return (id) => {
    for (let dir = dirname(id); dir.includes(`${sep}node_modules${sep}`); dir = dirname(dir)) {
      if (!packages.has(dir) && existsSync(join(dir, 'package.json'))) packages.set(dir, read(dir));
      if (packages.has(dir)) {
        const test = packages.get(dir);
        return !test || test(relative(dir, id).split(sep).join('/'));
      }
    }
    return true;
  };
}

/**
 * `plugin` finds the entry's static closure at the end of each build's module graph; `has` is the
 * codeSplitting group's `test`. `moduleSideEffects` is the build's `treeshake.moduleSideEffects`.
 */
export function entryClosure(options: { moduleSideEffects: (id: string) => boolean }): {
  plugin: Plugin;
  has: (id: string) => boolean;
} {
  const closure = new Set<string>();
  const declared = packageSideEffects();
  const plugin: Plugin = {
    name: 'job-watch:entry-closure',
    apply: 'build',
    async buildEnd(error) {
      closure.clear();
      if (error) return;
      const shapes = new Map<string, ModuleShape | null>();
      const shape = (id: string): ModuleShape | null => {
        if (!shapes.has(id)) {
          const code = this.getModuleInfo(id)?.code;
          let read: ModuleShape | null = null;
          try {
            if (code != null) read = shapeOf(this.parse(code).body as unknown as AstNode[], code);
          } catch {
            // Not JavaScript: taken whole, below.
          }
          shapes.set(id, read);
        }
        return shapes.get(id) ?? null;
      };
      const resolved = new Map<string, string | null>();
      const resolve = async (source: string, importer: string) => {
        const key = `${importer}\n${source}`;
        if (!resolved.has(key)) {
          const r = await this.resolve(source, importer);
          resolved.set(key, r && !r.external ? r.id : null);
        }
        return resolved.get(key) ?? null;
      };

      // Each module is visited with the names newly taken from it (none: it is only imported).
      const asked = new Map<string, Names>();
      const reached = new Set<string>();
      const queue: { id: string; names: Names }[] = [];
      for (const id of this.getModuleIds()) {
        if (this.getModuleInfo(id)?.isEntry) queue.push({ id, names: 'all' });
      }
      const follow = async (importer: string, source: string, names: Names) => {
        const target = await resolve(source, importer);
        if (target) queue.push({ id: target, names });
      };
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { id, names } = next;
        const info = this.getModuleInfo(id);
        if (!info || info.code == null) continue;
        const before = asked.get(id);
        const fresh: Names =
          before === 'all' ? new Set() : names === 'all' ? 'all' : new Set([...names].filter((n) => !before?.has(n)));
        asked.set(id, before === 'all' || fresh === 'all' ? 'all' : new Set([...(before ?? []), ...fresh]));
        const s = shape(id);
        if (!s) {
          // Code this walk cannot read: it and everything it imports join the chunk.
          if (!closure.has(id)) {
            closure.add(id);
            for (const imported of info.importedIds) queue.push({ id: imported, names: 'all' });
          }
          continue;
        }
        const taken = fresh === 'all' || fresh.size > 0;
        const kept = info.moduleSideEffects === 'no-treeshake';
        const effects = kept || (options.moduleSideEffects(id) && declared(id));
        const ownTaken =
          fresh === 'all' || [...fresh].some((n) => s.ownExports.has(n) || (s.ownExports.has('*') && !s.reExports.has(n)));
        if (!closure.has(id) && (ownTaken || kept || (effects && s.ownEffects))) {
          closure.add(id);
          for (const { source, names: n } of s.imports) await follow(id, source, n);
          // Imports the build adds after the code read here (Vite's preload helper for `import()`).
          const written = new Set<string | null>();
          for (const source of [...s.imports.map((i) => i.source), ...s.starSources]) {
            written.add(await resolve(source, id));
          }
          for (const r of s.reExports.values()) written.add(await resolve(r.source, id));
          for (const added of info.importedIds) if (!written.has(added)) queue.push({ id: added, names: 'all' });
        }
        // What a module imports runs with it, for its side effects: unless its package says it has
        // none and nothing is taken from it.
        if ((effects || taken) && !reached.has(id)) {
          reached.add(id);
          for (const { source } of s.imports) await follow(id, source, new Set());
          for (const { source } of s.reExports.values()) await follow(id, source, new Set());
          for (const source of s.starSources) await follow(id, source, new Set());
        }
        if (!taken) continue;
        for (const [exported, r] of s.reExports) {
          if (fresh === 'all' || fresh.has(exported)) {
            await follow(id, r.source, r.name === undefined ? 'all' : new Set([r.name]));
          }
        }
        const rest: Names =
          fresh === 'all' ? 'all' : new Set([...fresh].filter((n) => !s.reExports.has(n) && !s.ownExports.has(n)));
        if (rest === 'all' || rest.size > 0) for (const source of s.starSources) await follow(id, source, rest);
      }
    },
    generateBundle(_, bundle) {
      // The entry should import nothing but the bundler's runtime: anything else is a module the walk
      // above missed, now a request of its own before the status.
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const others = chunk.imports.filter((file) => !/(^|\/)rolldown-runtime-[^/]*\.js$/.test(file));
        if (others.length > 0) {
          this.warn(`${chunk.fileName} imports ${others.join(', ')}: the entry's modules are not all in its chunk`);
        }
      }
    },
  };
  return { plugin, has: (id) => closure.has(id) };
}
