import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The h1 of a view. It takes focus when the view opens, so a screen reader
 * user hears where they landed and Tab starts from the top of the new view.
 */
export function PageHeading({ children, focusOnMount = true }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
