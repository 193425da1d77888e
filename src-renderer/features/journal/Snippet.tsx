import type { SnippetPart } from '../../../src-main/features/journal/contract';

/**
 * A search snippet: plain text with the matches in <mark>. Built from the
 * parts as React text nodes, never as HTML — the text is the note's own and
 * may contain anything, "<img onerror=…>" included.
 */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="snippet">
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
