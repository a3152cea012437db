import { slugSchema } from '@coursekit/content-schema';

export default function HomePage() {
  const courseId = slugSchema.parse('two-peripheries');
  return (
    <main>
      <h1>Two Peripheries</h1>
      <p>The Ukraine war's effect on North Korea–Russia relations. Course id: {courseId}</p>
    </main>
  );
}
