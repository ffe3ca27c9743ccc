// The portal's charts without a chart library (the bundle stays small): horizontal CSS bars that
// read on a phone — the label above, the bar and the count beside it — and a table that scrolls
// inside its own box rather than widening the page.
import type { ReactNode } from 'react';

export interface BarItem {
  key: string;
  label: string;
  n: number;
  /** Shown after the count (e.g. an amount). */
  note?: string;
}

export function Bars({
  items,
  unit,
  label,
  testId,
}: {
  items: BarItem[];
  unit: string;
  label: string;
  testId: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.n));
  return (
    <ul className="pp-bars" aria-label={label} data-testid={testId}>
      {items.map((i) => (
        <li key={i.key} className="pp-bar" data-testid={`${testId}-${i.key}`}>
          <span className="pp-bar-label">{i.label}</span>
          <span className="pp-bar-line">
            <span className="pp-bar-track" aria-hidden="true">
              <span className="pp-bar-fill" style={{ width: `${(i.n / max) * 100}%` }} />
            </span>
            <span className="pp-bar-value">
              {i.n.toLocaleString('zh-CN')}
              {unit}
              {i.note ? ` · ${i.note}` : ''}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A figures table: the first column a name, the others numbers, inside a box that scrolls. */
export function FigureTable({
  head,
  rows,
  foot,
  testId,
}: {
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  foot?: ReactNode[];
  testId: string;
}) {
  return (
    <div className="pp-table-wrap" data-testid={testId}>
      <table className="pp-table">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {foot && (
          <tfoot>
            <tr>
              {foot.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                <td key={i}>{c}</td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** A few headline numbers side by side (two to a row on a phone). */
export function Figures({
  items,
  testId,
}: {
  items: { key: string; label: string; n: number }[];
  testId: string;
}) {
  return (
    <dl className="pp-figures" data-testid={testId}>
      {items.map((i) => (
        <div key={i.key} className="pp-figure" data-testid={`${testId}-${i.key}`}>
          <dt className="pp-muted pp-small">{i.label}</dt>
          <dd>{i.n.toLocaleString('zh-CN')}</dd>
        </div>
      ))}
    </dl>
  );
}
