/**
 * Asks the person at the keyboard before big work starts (issue 18): one question at a time,
 * answered in the in-page dialog `ConfirmDialog`.
 */
import { create } from 'zustand';

interface Question {
  readonly text: string;
  readonly answer: (start: boolean) => void;
}

export const useConfirm = create<{ question: Question | null }>(() => ({ question: null }));

/**
 * Resolves true on "Start anyway", false on Cancel or Escape; a question still open is cancelled.
 * Focus goes back where it was when asked.
 */
export function askToStart(text: string): Promise<boolean> {
  useConfirm.getState().question?.answer(false);
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    const question: Question = {
      text,
      answer: (start) => {
        if (useConfirm.getState().question !== question) return;
        useConfirm.setState({ question: null });
        before?.focus();
        resolve(start);
      },
    };
    useConfirm.setState({ question });
  });
}
