/**
 * Where a long token may wrap: after `::`, `/`, `-` or `_` (a run of them counts as one), never
 * inside a word. "AWS::AppSync::GraphQLSchema" → ["AWS::", "AppSync::", "GraphQLSchema"];
 * "7f3c9e2a-5b1d-4c8e" → ["7f3c9e2a-", "5b1d-", "4c8e"]; "staging" stays whole.
 */
export function breakableParts(text: string): string[] {
  return text.split(/(?<=::|[/_-])(?=[^/_:-])/);
}
