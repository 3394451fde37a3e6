import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BreakableText, breakableParts } from './BreakableText';

describe('where long tokens may wrap', () => {
  it.each([
    ['AWS::AppSync::GraphQLSchema', ['AWS::', 'AppSync::', 'GraphQLSchema']],
    ['7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37', ['7f3c9e2a-', '5b1d-', '4c8e-', '9a6f-', '2d4b8c1e0f37']],
    ['feature/login_page', ['feature/', 'login_', 'page']],
    ['http://a/b', ['http://', 'a/', 'b']],
    ['a--b', ['a--', 'b']],
  ])('%s wraps only after :: / - _', (text, parts) => {
    expect(breakableParts(text)).toEqual(parts);
  });

  it.each(['staging', 'failed', 'GraphQLSchema', 'Query.listTodos', 'Schema:', 'd2k9xq7v1ab3cd', ''])(
    '%s is one word: never split',
    (word) => {
      expect(breakableParts(word)).toEqual([word]);
    },
  );

  it('puts a <wbr> after each separator and keeps the text whole', () => {
    const { container } = render(
      <p>
        <BreakableText text="Invalid request provided: AWS::AppSync::GraphQLSchema: Schema validation failed" />
      </p>,
    );
    expect(container.textContent).toBe('Invalid request provided: AWS::AppSync::GraphQLSchema: Schema validation failed');
    expect(container.querySelector('p')?.innerHTML).toBe(
      'Invalid request provided: AWS::<wbr>AppSync::<wbr>GraphQLSchema: Schema validation failed',
    );
  });
});
