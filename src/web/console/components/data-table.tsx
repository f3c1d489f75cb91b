import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The visible column headings. */
  columns: string[];
  /** Adds a last column for each row's actions, whose heading only screen readers hear (the buttons label themselves). */
  actions?: boolean;
  /** Names the table for screen readers when no heading next to it does. */
  caption?: string;
  className?: string;
  /** The rows (each ends with a cell of its actions when `actions` is set). */
  children: ReactNode;
}

/**
 * Names every body cell by its column (`data-label`), so that below phone width, where each row
 * becomes a card (styles.css), every value still says what it is. Cells spanning columns take the
 * first column's name; the actions column has none (its buttons label themselves). Rows that a
 * child component adds or changes later are named too (a MutationObserver), not only the first render.
 */
function labelCells(table: HTMLTableElement, columns: readonly string[]) {
  for (const row of Array.from(table.tBodies).flatMap((body) => Array.from(body.rows))) {
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      const label = columns[column] ?? '';
      if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      column += Math.max(1, cell.colSpan);
    }
  }
}

/**
 * The console's tables: headed columns; wider than the screen they scroll inside their frame, and
 * below 640 px each row reflows to a card, so no page is ever wider than a phone.
 */
export function DataTable({ columns, actions = false, caption, className, children }: Props) {
  const table = useRef<HTMLTableElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const labels = columns.join('\u0000');
  // A frame that scrolls sideways must be reachable by keyboard (and named), or its right-hand
  // columns are out of reach without a mouse.
  const [scrolls, setScrolls] = useState(false);

  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (table.current) observer.observe(table.current);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    const names = labels.split('\u0000');
    labelCells(element, names);
    const observer = new MutationObserver(() => labelCells(element, names));
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [labels]);

  return (
    <div
      ref={frame}
      className="table-wrap"
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': caption ?? columns.join(', ') } : {})}
    >
      <table ref={table} className={className ? `data-table ${className}` : 'data-table'}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
