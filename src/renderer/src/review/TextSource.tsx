// The extracted text of a web page or text file with the focused field's span highlighted (CSS
// Custom Highlight API: no DOM change per focus move) and scrolled into view.
import { memo, useLayoutEffect, useRef } from 'react';

type Span = [number, number];

const FOCUS = 'review-focus';
const INVOLVED = 'review-involved';

function range(node: Node, text: string, [start, end]: Span): Range | null {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  if (e === s) return null;
  const r = document.createRange();
  r.setStart(node, s);
  r.setEnd(node, e);
  return r;
}

export const TextSource = memo(function TextSource({ text, span, involved }: { text: string; span: Span | null; involved: readonly Span[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const pre = useRef<HTMLPreElement>(null);

  useLayoutEffect(() => {
    const node = pre.current?.firstChild;
    if (!node || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = involved.map((s) => range(node, text, s)).filter((r): r is Range => r !== null);
    CSS.highlights.set(INVOLVED, new Highlight(...ranges));
  }, [text, involved]);

  useLayoutEffect(() => {
    const node = pre.current?.firstChild;
    const box = scroller.current;
    if (!node || !box || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const r = span ? range(node, text, span) : null;
    if (!r) {
      CSS.highlights.delete(FOCUS);
      return;
    }
    CSS.highlights.set(FOCUS, new Highlight(r));
    const at = r.getBoundingClientRect();
    const view = box.getBoundingClientRect();
    if (at.top < view.top + 8 || at.bottom > view.bottom - 8) box.scrollTop += at.top - view.top - view.height / 3;
  }, [text, span]);

  useLayoutEffect(
    () => () => {
      if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
        CSS.highlights.delete(FOCUS);
        CSS.highlights.delete(INVOLVED);
      }
    },
    [],
  );

  return (
    <div className="text-source" ref={scroller} tabIndex={0} data-testid="source-text">
      <pre ref={pre}>{text}</pre>
    </div>
  );
});
