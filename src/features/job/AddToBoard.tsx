import { useLayoutEffect, useRef, useState } from 'react';
import { LAST_BOARD_KEY, loadLastBoard, rememberBoard } from '../../shared/browser/boardMemory';
import { Link } from '../../shared/browser/history';
import { useStoreChange } from '../../shared/browser/storeEvents';
import { addBoardJobs, boardPath, sameBoardJob, type BoardJob } from '../../shared/domain/boardLink';
import type { JobRef } from '../../shared/domain/jobRef';

export type AddToBoardState =
  /** Not on the board this browser showed last. */
  | { kind: 'ready' }
  /** On it: just added here, or already there when the page opened. */
  | { kind: 'on-board'; added: boolean; board: BoardJob[] }
  /** The board is full: it says so, and where to remove some. */
  | { kind: 'refused'; reason: string; board: BoardJob[] };

function stateFor(jobKey: JobRef): AddToBoardState {
  const board = loadLastBoard();
  return board.some((job) => sameBoardJob(job, jobKey)) ? { kind: 'on-board', added: false, board } : { kind: 'ready' };
}

/**
 * "Add to board" on a job page of either kind (an AmplifyBackend job, an Amplify Hosting build): the
 * job joins the board this browser showed last (as a `job=` or `build=` entry), and the page
 * stays where it is, so a board of three is three jobs opened and added, not three trips. The
 * board's link then says how many it holds.
 */
export function useAddToBoard(jobKey: JobRef) {
  const [state, setState] = useState<AddToBoardState>(() => stateFor(jobKey));
  // Forgotten (sign-out) or changed in another tab: say what the stored board holds now.
  useStoreChange(LAST_BOARD_KEY, () => setState(stateFor(jobKey)));
  const add = () => {
    const before = loadLastBoard();
    const result = addBoardJobs(before, [jobKey]);
    if (!result.ok) {
      setState({ kind: 'refused', reason: result.reason, board: before });
      return;
    }
    rememberBoard(result.jobs);
    setState({ kind: 'on-board', added: true, board: result.jobs });
  };
  return { state, add };
}

export interface AddToBoardProps {
  state: AddToBoardState;
  onAdd: () => void;
}

/**
 * The button, then in its place a link to the board: "Added — open board (3)". What happens is said
 * in a polite status (also after the `b` key, wherever the focus is); a click on the button moves the
 * focus to the link that replaces it, never to the page body.
 */
export function AddToBoard({ state, onAdd }: AddToBoardProps) {
  const wrapper = useRef<HTMLSpanElement>(null);
  const buttonHadFocus = useRef(false);
  // Before the page's focus rescue looks (a child's layout effect runs first): the link takes over from the button.
  useLayoutEffect(() => {
    if (state.kind !== 'on-board' || !buttonHadFocus.current) return;
    buttonHadFocus.current = false;
    wrapper.current?.querySelector('a')?.focus();
  }, [state]);
  const count = state.kind === 'ready' ? 0 : state.board.length;
  return (
    <span className="add-to-board" ref={wrapper}>
      {state.kind !== 'on-board' ? (
        <button
          type="button"
          className="button"
          onClick={(event) => {
            buttonHadFocus.current = event.currentTarget === document.activeElement;
            onAdd();
          }}
        >
          Add to board
        </button>
      ) : null}
      <span role="status">
        {state.kind === 'on-board' ? (
          <Link href={boardPath(state.board)} className="button">
            {state.added ? 'Added' : 'On the board'} — open board ({count})
          </Link>
        ) : state.kind === 'refused' ? (
          <>
            {state.reason} <Link href={boardPath(state.board)}>Open board ({count})</Link>
          </>
        ) : null}
      </span>
    </span>
  );
}
