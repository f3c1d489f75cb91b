import type { ReactNode } from 'react';

interface Props {
  /** The visible column headings; a last column holds each row's actions. */
  columns: string[];
  /** The table's rows: each ends with a cell of its actions. */
  children: ReactNode;
}

/**
 * The admin pages' listing: a scrolling wrapper (narrow screens), headed columns, and an actions
 * column whose heading only screen readers hear (buttons label themselves).
 */
export function ActionsTable({ columns, children }: Props) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
