import { statusTone, statusWord } from '../domain/jobStatus';
import { STATUS_ICONS } from './statusIcons';

export interface StatusBadgeProps {
  status: string | undefined;
  small?: boolean;
}

/** The status as its own word plus an icon; the color only repeats what both already say. */
export function StatusBadge({ status, small = false }: StatusBadgeProps) {
  const tone = statusTone(status);
  const size = small ? 14 : 20;
  return (
    <span className={`status-badge status-badge--${tone}${small ? ' status-badge--small' : ''}`} data-tone={tone}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width={size} height={size} className="status-badge__icon">
        <path d={STATUS_ICONS[tone]} fill="currentColor" />
      </svg>
      <span className="status-badge__text">{status === undefined ? 'No status' : statusWord(status)}</span>
    </span>
  );
}
