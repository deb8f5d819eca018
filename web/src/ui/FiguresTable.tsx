import type { ReactNode } from 'react';
import { useMessages } from '../i18n';
import { moneyMessages } from '../money';

/** A column: its heading, and whether it holds figures (set right, as numbers are read). */
export interface FigureColumn {
  label: ReactNode;
  figures?: boolean;
  /** A column of buttons or links, its heading read by screen readers only. */
  actions?: boolean;
}

/** A cell: yen (written as the page's language writes them), a count, or anything else as it is. */
export type FigureCell = { yen: number } | { count: number } | ReactNode;

export interface FigureRow {
  key: string;
  /** The row's own heading (a month, a person, an organization). */
  head: ReactNode;
  cells: readonly FigureCell[];
}

const isYen = (cell: FigureCell): cell is { yen: number } => typeof cell === 'object' && cell !== null && 'yen' in cell;
const isCount = (cell: FigureCell): cell is { count: number } =>
  typeof cell === 'object' && cell !== null && 'count' in cell;

/**
 * The table of yen figures of the money pages (payout runs, tax, invoices, a volunteer's year): a
 * heading per row, figures set right, an optional total row, scrolling sideways on a phone.
 */
export function FiguresTable({
  caption,
  head,
  columns,
  rows,
  total,
}: {
  caption?: ReactNode;
  head: ReactNode;
  columns: readonly FigureColumn[];
  rows: readonly FigureRow[];
  total?: Omit<FigureRow, 'key'> & { className?: string };
}) {
  const m = useMessages(moneyMessages);
  const cell = (value: FigureCell, column: FigureColumn | undefined, index: number) => {
    const className = column?.actions ? 'row-actions' : column?.figures ? 'number' : undefined;
    return (
      <td key={index} className={className}>
        {isYen(value) ? m.yen(value.yen) : isCount(value) ? value.count : value}
      </td>
    );
  };
  return (
    <div className="table-scroll">
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
              <th key={index} scope="col" className={column.figures ? 'number' : undefined}>
                {column.actions ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.head}</th>
              {row.cells.map((value, index) => cell(value, columns[index], index))}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr className={total.className}>
              <th scope="row">{total.head}</th>
              {total.cells.map((value, index) => cell(value, columns[index], index))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
