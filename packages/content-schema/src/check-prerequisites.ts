import type { Issue } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import type { CourseIndex } from './course-index.js';
import { makeIssue } from './make-issue.js';
import { closestMatches } from './suggest.js';

interface Edge {
  from: string;
  to: string;
  /** Position of `to` in `from`'s prerequisites. */
  position: number;
}

/** Every loop in the prerequisite graph that a depth-first search meets, each once, as a list of edges. */
function findCycles(index: CourseIndex, edgesFrom: Map<string, Edge[]>): Edge[][] {
  const state = new Map<string, 'active' | 'done'>();
  const path: Edge[] = [];
  const cycles: Edge[][] = [];
  const seen = new Set<string>();

  const visit = (id: string): void => {
    state.set(id, 'active');
    for (const edge of edgesFrom.get(id) ?? []) {
      const targetState = state.get(edge.to);
      if (targetState === 'active') {
        const start = path.findIndex((step) => step.from === edge.to);
        const cycle = [...(start === -1 ? [] : path.slice(start)), edge];
        const key = cycle
          .map((step) => step.from)
          .sort()
          .join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (targetState === undefined) {
        path.push(edge);
        visit(edge.to);
        path.pop();
      }
    }
    state.set(id, 'done');
  };

  for (const id of index.lessonById.keys()) if (!state.has(id)) visit(id);
  return cycles;
}

/**
 * Prerequisites name existing lessons, never go round in a loop (a lesson cannot, even indirectly, require
 * itself), and are taught before the lessons that need them.
 */
export function checkPrerequisites(bundle: Bundle, index: CourseIndex): Issue[] {
  const issues: Issue[] = [];
  const brokenLessonIds = new Set(bundle.brokenLessonIds);
  const edgesFrom = new Map<string, Edge[]>();

  for (const lesson of bundle.lessons) {
    if (index.lessonById.get(lesson.data.id) !== lesson) continue;
    const edges: Edge[] = [];
    for (const [position, prerequisite] of lesson.data.prerequisites.entries()) {
      if (index.lessonById.has(prerequisite)) {
        edges.push({ from: lesson.data.id, to: prerequisite, position });
        continue;
      }
      if (brokenLessonIds.has(prerequisite)) continue;
      issues.push(
        makeIssue(
          lesson.file,
          ['prerequisites', position],
          'lesson/unknown-prerequisite',
          `unknown prerequisite '${prerequisite}': no lesson has this id`,
          { expected: closestMatches(prerequisite, index.lessonById.keys()) },
        ),
      );
    }
    edgesFrom.set(lesson.data.id, edges);
  }

  const inCycle = new Set<Edge>();
  for (const cycle of findCycles(index, edgesFrom)) {
    const closing = cycle[cycle.length - 1] as Edge;
    const file = index.lessonById.get(closing.from)?.file ?? bundle.course.file;
    const message =
      cycle.length === 1
        ? `lesson '${closing.from}' lists itself as a prerequisite; remove it`
        : `prerequisites go round in a loop: ${cycle.map((edge) => `'${edge.from}' needs '${edge.to}'`).join(', ')}; remove one of these prerequisites`;
    issues.push(makeIssue(file, ['prerequisites', closing.position], 'lesson/prerequisite-cycle', message));
    for (const edge of cycle) inCycle.add(edge);
  }

  for (const edges of edgesFrom.values()) {
    for (const edge of edges) {
      const lessonPosition = index.positionById.get(edge.from);
      const prerequisitePosition = index.positionById.get(edge.to);
      if (inCycle.has(edge) || lessonPosition === undefined || prerequisitePosition === undefined) continue;
      if (prerequisitePosition < lessonPosition) continue;
      const lesson = index.lessonById.get(edge.from);
      if (!lesson) continue;
      issues.push(
        makeIssue(
          lesson.file,
          ['prerequisites', edge.position],
          'lesson/prerequisite-taught-later',
          `prerequisite '${edge.to}' comes after '${edge.from}' in the course's lesson list (lesson ${prerequisitePosition + 1} vs ${lessonPosition + 1}); move it earlier or drop the prerequisite`,
          { severity: 'warning' },
        ),
      );
    }
  }
  return issues;
}
