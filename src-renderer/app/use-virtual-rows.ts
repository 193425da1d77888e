import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface VirtualRowsOptions {
  /** Height of every row in pixels: fixed, so the window is pure arithmetic. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the visible area, so Tab and quick scrolling find rows ready. */
  overscan?: number;
  /** The viewport height to assume before (or without) layout, e.g. under jsdom. */
  fallbackHeight?: number;
  /** Height above the first row inside the scroll container (a sticky header). */
  offsetTop?: number;
}

export interface VirtualRows<T extends HTMLElement> {
  /** Put on the scroll container (overflow: auto, a fixed height). */
  ref: RefObject<T | null>;
  onScroll: () => void;
  /** Rows [start, end) are rendered. */
  start: number;
  end: number;
  /** Empty space standing in for the rows above and below the window. */
  padTop: number;
  padBottom: number;
}

/**
 * Renders only the rows of a long list that are in view (plus a margin), for
 * a scroll container whose rows all have the same height. 50,000 rows cost
 * no more than the thirty or so on screen.
 */
export function useVirtualRows<T extends HTMLElement>(count: number, { rowHeight, overscan = 10, fallbackHeight = 600, offsetTop = 0 }: VirtualRowsOptions): VirtualRows<T> {
  const ref = useRef<T>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight > 0 ? el.clientHeight : fallbackHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackHeight]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) setScrollTop(el.scrollTop);
  }, []);

  const top = Math.max(0, scrollTop - offsetTop);
  const start = Math.min(count, Math.max(0, Math.floor(top / rowHeight) - overscan));
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  return { ref, onScroll, start, end, padTop: start * rowHeight, padBottom: Math.max(0, count - end) * rowHeight };
}
