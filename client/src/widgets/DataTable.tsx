// Every chart's numbers as a real table, inside a <details> so sighted readers can open it too
// and screen-reader users get the data the canvas cannot give them.
import { useI18n } from "../i18n";

export interface DataTableProps {
  title: string;
  columns: string[];
  /** First cell of each row is its header (th scope=row). */
  rows: Array<Array<string | number>>;
}

/** A collapsible data table describing a chart. */
export function DataTable({ title, columns, rows }: DataTableProps) {
  const { t } = useI18n();
  return (
    <details className="data-table">
      <summary>{t("table.showData")}</summary>
      <div className="table-scroll">
        <table>
          <caption>{t("table.caption", { title })}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j} className="num">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
