/** A stored time as a teacher reads it; in UTC, so that the server's rendering and the page agree. */
export function formatTime(iso: string): string {
  const text = new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${text} UTC`;
}
