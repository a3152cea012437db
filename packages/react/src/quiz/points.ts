/** "1 point", "2.5 points": a score or a question's worth, to two decimals. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return `${rounded} ${rounded === 1 ? 'point' : 'points'}`;
}
