import type { ReactNode } from 'react';
import { Panel } from './panel.js';

export interface BlockProps {
  /** The heading; each block has an English default. */
  title?: string | undefined;
  children?: ReactNode;
}

/** `:::objectives` in a lesson. */
export function Objectives({ title, children }: BlockProps) {
  return (
    <Panel kind="objectives" title={title ?? 'Objectives'} headingLevel={3}>
      {children}
    </Panel>
  );
}

/** `:::key-points` in a lesson. */
export function KeyPoints({ title, children }: BlockProps) {
  return (
    <Panel kind="key-points" title={title ?? 'Key points'} headingLevel={3}>
      {children}
    </Panel>
  );
}

/** `:::discussion` in a lesson. */
export function Discussion({ title, children }: BlockProps) {
  return (
    <Panel kind="discussion" title={title ?? 'Discussion'} headingLevel={3}>
      {children}
    </Panel>
  );
}

export interface InstructorProps {
  /** True in the teacher's view; a student's page renders nothing, whatever the block holds. */
  show?: boolean | undefined;
  className?: string | undefined;
  children?: ReactNode;
}

/**
 * A teacher-only block (`:::instructor`). The student build of a lesson leaves these out; should one slip
 * through, it still renders nothing unless `show` is set.
 */
export function Instructor({ show = false, className = 'instructor-block', children }: InstructorProps) {
  return show ? <div className={className}>{children}</div> : null;
}
