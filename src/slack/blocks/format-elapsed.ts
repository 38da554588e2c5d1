import dayjs from 'dayjs';

/** A short duration between two instants: `<1m`, `12m`, `1h 12m`, `3d 4h`. */
export function formatElapsed(from: Date, to: Date): string {
  const minutes = Math.max(0, dayjs(to).diff(dayjs(from), 'minute'));
  if (minutes < 1) return '<1m';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}
