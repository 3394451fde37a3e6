import { Fragment } from 'react';
import { breakableParts } from './breakableParts';

export { breakableParts } from './breakableParts';

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
