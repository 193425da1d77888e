import { useEffect, useRef, useState, type RefObject } from 'react';
import { focusFirstInvalid } from './validation';

/**
 * After a refused save, focus goes to the first field marked invalid, so a
 * keyboard or screen-reader user lands on what needs fixing. Call the
 * returned function when a save is refused; the focus moves once the
 * errors are on screen.
 */
export function useFocusInvalid<T extends HTMLElement>(): { ref: RefObject<T | null>; refused: () => void } {
  const ref = useRef<T>(null);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (count > 0) focusFirstInvalid(ref.current);
  }, [count]);
  return { ref, refused: () => setCount((c) => c + 1) };
}
