import type { ReactNode } from 'react';

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

/** The console's tables: a wrapper that scrolls sideways on narrow screens, and headed columns. */
export function DataTable({ columns, actions = false, caption, className, children }: Props) {
  return (
    <div className="table-wrap">
      <table className={className}>
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
