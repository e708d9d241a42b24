// A page of a PDF, scan or OFD: the page picture (or, until it can be drawn, its positioned words)
// with the focused field's box, zoom (buttons, Ctrl+wheel, + / - / 0), pan (drag) and paging.
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { OcrReason, PageView } from '../../../shared/review';
import { useI18n } from '../i18n';

type Box = [number, number, number, number];

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
const DPI_STEPS = [72, 120, 200, 300];
const MARGIN = 16;

/** The resolution drawn for a page that needs `needed` dpi: the step at or above it. */
export const dpiStep = (needed: number): number => DPI_STEPS.find((d) => d >= needed) ?? DPI_STEPS.at(-1)!;

/** The scale a page `width` units wide is shown at in a pane `pane` pixels wide (fit to width, at 100 %). */
export const fitScale = (pane: number, width: number): number => Math.max(0.1, (pane - 2 * MARGIN) / width);

/** The words where no picture is available: positioned in page units, scaled as one layer. */
const Words = memo(function Words({ view }: { view: PageView }) {
  return (
    <div className="page-words" style={{ width: view.width, height: view.height }}>
      {view.words.map((w, i) => (
        <span key={i} style={{ left: w.x, top: w.y, width: w.w, height: w.h, fontSize: w.h * 0.86 }}>
          {w.text}
        </span>
      ))}
    </div>
  );
});

/** One quiet line above the page: its words came from OCR, and why (the tooltip says what to do, and all of it where the line is cut). */
function OcrNotice({ reason }: { reason: OcrReason }) {
  const { t } = useI18n();
  const notice = t('review.ocrRead', { reason: t(`review.ocr.${reason}`) });
  return (
    <p className="page-ocr" role="note" title={t('review.ocrCheck', { notice })} data-testid="page-ocr">
      {notice}
    </p>
  );
}

export function PageSource({
  view,
  box,
  involved,
  onPage,
  onReady,
  onSharpen,
  drawing,
}: {
  view: PageView;
  /** the focused field's box on this page, in page units */
  box: Box | null;
  involved: readonly Box[];
  onPage: (page: number) => void;
  /** the page is on screen: its words laid out, or its picture decoded */
  onReady: (what: 'words' | 'picture') => void;
  /** the picture is coarser than the screen shows it: ask for this resolution */
  onSharpen: (dpi: number) => void;
  /** the picture is being drawn (the words show meanwhile) */
  drawing: boolean;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(1);
  const [zoom, setZoom] = useState(2);
  const scale = fit * ZOOMS[zoom]!;

  // fit the page width to the pane, whatever the window size
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setFit(fitScale(el.clientWidth, view.width));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [view.width]);

  // keep the focused box in view (centred when it was outside)
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !box) return;
    const [x, y, w, h] = box.map((v) => v * scale) as Box;
    const left = x + MARGIN;
    const top = y + MARGIN;
    if (left < el.scrollLeft || left + w > el.scrollLeft + el.clientWidth) el.scrollLeft = left - el.clientWidth / 2 + w / 2;
    if (top < el.scrollTop || top + h > el.scrollTop + el.clientHeight) el.scrollTop = top - el.clientHeight / 3;
  }, [box, scale, view]);

  // on screen: at once for words, when decoded for a picture (already, if it is the same picture)
  const img = useRef<HTMLImageElement>(null);
  useLayoutEffect(() => {
    if (!view.image) onReady('words');
    else if (img.current?.complete) onReady('picture');
  }, [view, onReady]);

  // the picture's pixels against the device pixels it covers decide the resolution worth drawing
  // (page units are PDF points or an image file's pixels: the picture's own width is the measure)
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    const natural = img.current?.naturalWidth;
    if (!view.image || !view.dpi || !natural) return;
    const wanted = dpiStep((view.dpi * view.width * scale * (window.devicePixelRatio || 1)) / natural);
    if (wanted > view.dpi) onSharpen(wanted);
  }, [scale, view, loaded, onSharpen]);

  // Ctrl+wheel zooms
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      setZoom((z) => Math.min(ZOOMS.length - 1, Math.max(0, z + (e.deltaY < 0 ? 1 : -1))));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const el = scroller.current!;
    drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    scroller.current!.scrollLeft = d.left - (e.clientX - d.x);
    scroller.current!.scrollTop = d.top - (e.clientY - d.y);
  };
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === '+' || e.key === '=') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
    else if (e.key === '-') setZoom((z) => Math.max(0, z - 1));
    else if (e.key === '0') setZoom(2);
    else return;
    e.preventDefault();
  };

  const at = view.pages.indexOf(view.page);
  const rect = (b: Box) => ({ left: b[0] * scale + MARGIN - 3, top: b[1] * scale + MARGIN - 3, width: b[2] * scale + 6, height: b[3] * scale + 6 });
  return (
    <div className="page-source" data-testid="source-page">
      <div className="page-tools" role="toolbar" aria-label={t('review.pageTools')}>
        <button type="button" onClick={() => onPage(view.pages[at - 1]!)} disabled={at <= 0} aria-label={t('review.prevPage')}>
          ‹
        </button>
        <span className="num" data-testid="page-number">
          {t('review.pageOf', { page: view.page, pages: view.pages.length })}
        </span>
        <button type="button" onClick={() => onPage(view.pages[at + 1]!)} disabled={at < 0 || at >= view.pages.length - 1} aria-label={t('review.nextPage')}>
          ›
        </button>
        <span className="gap" />
        <button type="button" onClick={() => setZoom((z) => Math.max(0, z - 1))} aria-label={t('review.zoomOut')}>
          −
        </button>
        <span className="num zoom">{Math.round(ZOOMS[zoom]! * 100)}%</span>
        <button type="button" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} aria-label={t('review.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => setZoom(2)}>
          {t('review.fitWidth')}
        </button>
      </div>
      {view.ocrReason && <OcrNotice reason={view.ocrReason} />}
      <div
        className="page-scroller"
        ref={scroller}
        tabIndex={0}
        aria-label={t('review.pageImage', { page: view.page })}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={onKeyDown}
      >
        <div className="page" style={{ width: view.width * scale, height: view.height * scale, margin: MARGIN }}>
          {view.image ? (
            <img ref={img} src={view.image} alt={t('review.pageImage', { page: view.page })} draggable={false} onLoad={() => (onReady('picture'), setLoaded((n) => n + 1))} />
          ) : (
            <div className="page-words-frame" style={{ transform: `scale(${scale})` }}>
              <Words view={view} />
            </div>
          )}
        </div>
        {involved.map((b, i) => (
          <div key={i} className="page-box involved" style={rect(b)} />
        ))}
        {box && <div className="page-box" style={rect(box)} data-testid="page-box" />}
      </div>
      {!view.image && (
        <p className="page-note muted" data-testid="page-note">
          {view.imageError ? t('review.pageImageFailed', { reason: view.imageError }) : drawing ? t('review.drawingPage') : t('review.noPageImage')}
        </p>
      )}
    </div>
  );
}
