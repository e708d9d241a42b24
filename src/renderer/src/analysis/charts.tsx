// Small SVG charts drawn directly (no chart library: nothing to load, nothing the strict CSP
// blocks, a few hundred bytes): horizontal bars and a line over years.
// one formatter each, made once: toLocaleString makes one per call (a view formats hundreds of cells)
const WHOLE = new Intl.NumberFormat('zh-CN');
const DECIMAL = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const fmt = (n: number): string => (Number.isInteger(n) ? WHOLE : DECIMAL).format(n);

export function BarChart({ rows, label, format = fmt }: { rows: { name: string; value: number }[]; label: string; format?: (n: number) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bar = 20;
  const height = rows.length * (bar + 6) + 4;
  return (
    <svg className="chart bars" viewBox={`0 0 480 ${height}`} role="img" aria-label={label} width="100%" height={height} preserveAspectRatio="xMinYMin meet">
      {rows.map((r, i) => (
        <g key={r.name} transform={`translate(0 ${i * (bar + 6) + 2})`}>
          <text x={116} y={bar / 2 + 5} textAnchor="end" className="axis">
            {r.name.length > 9 ? `${r.name.slice(0, 8)}…` : r.name}
          </text>
          <rect x={122} y={0} width={Math.max(1, (r.value / max) * 290)} height={bar} rx={2} className="bar" />
          <text x={126 + (r.value / max) * 290} y={bar / 2 + 5} className="value">
            {format(r.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function LineChart({ points, label }: { points: { x: number; y: number | null }[]; label: string }) {
  const known = points.filter((p): p is { x: number; y: number } => p.y !== null);
  const w = 480;
  const h = 150;
  const pad = { l: 48, r: 24, t: 22, b: 24 };
  if (known.length === 0) return null;
  const [x0, x1] = [Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x))];
  const yMax = Math.max(1, ...known.map((p) => p.y));
  const sx = (x: number) => pad.l + (x1 === x0 ? (w - pad.l - pad.r) / 2 : ((x - x0) / (x1 - x0)) * (w - pad.l - pad.r));
  const sy = (y: number) => pad.t + (1 - y / yMax) * (h - pad.t - pad.b);
  return (
    <svg className="chart line" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} width="100%" height={h}>
      <line x1={pad.l} x2={w - pad.r} y1={sy(0)} y2={sy(0)} className="grid" />
      <line x1={pad.l} x2={w - pad.r} y1={sy(yMax)} y2={sy(yMax)} className="grid" />
      <text x={pad.l - 6} y={sy(yMax) + 4} textAnchor="end" className="axis">
        {fmt(yMax)}
      </text>
      <text x={pad.l - 6} y={sy(0) + 4} textAnchor="end" className="axis">
        0
      </text>
      <polyline points={known.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')} className="stroke" />
      {points.map((p) => (
        <g key={p.x}>
          <text x={sx(p.x)} y={h - 6} textAnchor="middle" className="axis">
            {p.x}
          </text>
          {p.y !== null && (
            <>
              <circle cx={sx(p.x)} cy={sy(p.y)} r={3.5} className="dot" />
              <text x={sx(p.x)} y={sy(p.y) - 7} textAnchor="middle" className="value">
                {fmt(p.y)}
              </text>
            </>
          )}
        </g>
      ))}
    </svg>
  );
}

export { fmt as formatNumber };
