import { forwardRef, useImperativeHandle, useRef } from 'react';
import { MAX_SIGNATURE_CHARS } from '../../../../shared/domain/helmet';

const WIDTH = 640;
const HEIGHT = 240;

export interface SignaturePadHandle {
  clear(): void;
  /** The drawing as a PNG data URL small enough for one socket message. */
  toDataUrl(): string;
}

/** Converts a canvas to a PNG data URL, halving it until it fits under the message cap. */
function fittedPng(canvas: HTMLCanvasElement): string {
  let source = canvas;
  let url = source.toDataURL('image/png');
  while (url.length > MAX_SIGNATURE_CHARS && source.width > 80) {
    const half = document.createElement('canvas');
    half.width = Math.round(source.width / 2);
    half.height = Math.round(source.height / 2);
    half.getContext('2d')!.drawImage(source, 0, 0, half.width, half.height);
    source = half;
    url = source.toDataURL('image/png');
  }
  return url;
}

/** A finger-signature box: pointer strokes on a small fixed-size canvas (kept small on purpose). */
export const SignaturePad = forwardRef<SignaturePadHandle, { onInk(length: number): void; label: string }>(
  function SignaturePad({ onInk, label }, ref) {
    const canvas = useRef<HTMLCanvasElement>(null);
    const drawing = useRef<{ x: number; y: number } | null>(null);
    const ink = useRef(0);

    useImperativeHandle(ref, () => ({
      clear() {
        const c = canvas.current!;
        c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
        ink.current = 0;
        onInk(0);
      },
      toDataUrl: () => fittedPng(canvas.current!),
    }));

    const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
      const r = e.currentTarget.getBoundingClientRect();
      return { x: ((e.clientX - r.left) / r.width) * WIDTH, y: ((e.clientY - r.top) / r.height) * HEIGHT };
    };

    return (
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="kiosk-signature"
        aria-label={label}
        data-testid="signature-pad"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = point(e);
        }}
        onPointerMove={(e) => {
          const from = drawing.current;
          if (!from) return;
          const to = point(e);
          const g = e.currentTarget.getContext('2d')!;
          g.strokeStyle = '#111';
          g.lineWidth = 4;
          g.lineCap = 'round';
          g.lineJoin = 'round';
          g.beginPath();
          g.moveTo(from.x, from.y);
          g.lineTo(to.x, to.y);
          g.stroke();
          ink.current += Math.hypot(to.x - from.x, to.y - from.y);
          drawing.current = to;
          onInk(ink.current);
        }}
        onPointerUp={() => (drawing.current = null)}
        onPointerCancel={() => (drawing.current = null)}
      />
    );
  },
);
