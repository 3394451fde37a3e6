/**
 * Lengths of time in words, for the page and the terminal command alike (no React, no Intl).
 */
const SECOND = 1000;

const pad = (value: number) => String(value).padStart(2, '0');

/** "42 s", "3 min 12 s", "2 h 05 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}

/**
 * A setting's length, in the fewest words: "5 s", "1 min", "1 min 30 s", "2 h", "1 h 30 min". Unlike
 * formatDuration (a time that ticks, padded so its width holds still), zero parts are left out.
 */
export function formatInterval(ms: number): string {
  const total = Math.max(0, Math.round(ms / SECOND));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [
    hours > 0 ? `${hours} h` : '',
    minutes > 0 ? `${minutes} min` : '',
    seconds > 0 || total === 0 ? `${seconds} s` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
