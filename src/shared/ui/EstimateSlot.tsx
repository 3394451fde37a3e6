import './estimate.css';
import { showsEstimate, type EstimateJob } from '../domain/jobEstimate';

/** The estimate block's classes: its height is reserved in estimate.css, with or without the note. */
export function estimateClass(note: boolean): string {
  return note ? 'estimate estimate--with-note' : 'estimate';
}

/**
 * The room the estimate will take, held while its code loads (a Suspense fallback), so the page
 * below does not move when it arrives. Nothing for a job that gets no estimate.
 */
export function EstimateSlot({ job, note = true }: { job: EstimateJob | undefined; note?: boolean }) {
  if (!showsEstimate(job)) return null;
  return <div className={estimateClass(note)} aria-hidden="true" />;
}
