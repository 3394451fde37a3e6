/** Settles after `ms`: the most a start-up step waits, raced against what it waits for. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
