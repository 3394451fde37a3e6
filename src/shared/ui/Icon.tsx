const PATHS = {
  // An octagon with a bar, a triangle with "!", a cloud with a slash, a bell.
  error: 'M7.9 2h8.2L22 7.9v8.2L16.1 22H7.9L2 16.1V7.9zM11 7v6h2V7zm0 8v2h2v-2z',
  warning: 'M12 2 1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z',
  offline: 'M3.3 2 2 3.3l3 3A7 7 0 0 0 6 20h11.7l3 3 1.3-1.3zM19 10a5 5 0 0 0-8.2-3.8L21 16.4A4 4 0 0 0 19 10z',
  bell: 'M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1z',
} as const;

export type IconName = keyof typeof PATHS;

/** Decorative icons drawn inline (no emoji font needed); the words beside them carry the meaning. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" className={`icon icon--${name}`}>
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
