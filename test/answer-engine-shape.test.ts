import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 9 asks for an answer engine a newcomer can read: `answerer.ts` only orchestrates
 * (at most 200 lines) and no function in `src/answer/` runs over 60 lines.
 */
const ANSWER_DIR = join('src', 'answer');
const MAX_ORCHESTRATOR_LINES = 200;
const MAX_FUNCTION_LINES = 60;

type FunctionNode = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

const isFunction = (node: ts.Node): node is FunctionNode =>
  ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);

/** Every function of a source file with its length in lines. */
function functionLengths(file: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = 'name' in node && node.name ? node.name.getText() : `(anonymous at line ${first + 1})`;
      found.push({ name: `${file}: ${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the answer engine stays readable', () => {
  it(`keeps answerer.ts to orchestration: at most ${MAX_ORCHESTRATOR_LINES} lines`, () => {
    const lines = readFileSync(join(ANSWER_DIR, 'answerer.ts'), 'utf8').split('\n').length;
    expect(lines).toBeLessThanOrEqual(MAX_ORCHESTRATOR_LINES);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines in src/answer`, () => {
    const files = readdirSync(ANSWER_DIR).filter((name) => name.endsWith('.ts')).map((name) => join(ANSWER_DIR, name));
    const tooLong = files.flatMap(functionLengths).filter(({ lines }) => lines > MAX_FUNCTION_LINES);
    expect(tooLong).toEqual([]);
  });
});
