import { Fragment } from 'react';

/**
 * Where a long token may wrap: after `::`, `/`, `-` or `_` (a run of them counts as one), never
 * inside a word. "AWS::AppSync::GraphQLSchema" → ["AWS::", "AppSync::", "GraphQLSchema"];
 * "7f3c9e2a-5b1d-4c8e" → ["7f3c9e2a-", "5b1d-", "4c8e"]; "staging" stays whole.
 */
export function breakableParts(text: string): string[] {
  return text.split(/(?<=::|[/_-])(?=[^/_:-])/);
}

/**
 * Text (IDs, environment names, AWS's messages) that wraps only at `::`, `/`, `-` or `_`: a `<wbr>`
 * after each, so a narrow screen shows "AWS::AppSync::" / "GraphQLSchema" and never "Grap" / "hQLSchema".
 * With the `.break` class a part wider than the whole line may still wrap inside (the last resort
 * against running off the screen); a word never wraps merely to fill a line.
 */
export function BreakableText({ text }: { text: string }) {
  const parts = breakableParts(text);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}
