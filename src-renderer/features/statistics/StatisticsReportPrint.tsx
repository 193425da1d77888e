import type { ExportCell } from '../../../src-main/features/statistics/contract';
import type { StatisticsReportPrint } from '../../../src-main/features/statistics/report-pdf';
import '../../components/print/print.css';
import './statistics-report.css';

/** A number as the report shows it: Swedish digit groups and decimal comma. */
function shown(cell: ExportCell): string {
  return typeof cell === 'number' ? cell.toLocaleString('sv-SE') : cell;
}

interface Block {
  title: string;
  head: ExportCell[] | null;
  rows: ExportCell[][];
}

/** The export's grid split into its parts: blocks between empty rows, each a title, maybe a column head, then rows. */
function blocks(rows: ExportCell[][]): Block[] {
  const out: Block[] = [];
  let current: ExportCell[][] = [];
  const flush = () => {
    if (current.length === 0) return;
    const [first, ...rest] = current;
    const head = rest[0]?.[0] === '' ? rest[0] : null;
    out.push({ title: String(first![0] ?? ''), head, rows: head ? rest.slice(1) : rest });
    current = [];
  };
  for (const r of rows) {
    if (r.length === 0) flush();
    else current.push(r);
  }
  flush();
  return out;
}

/**
 * The board report on the print route: exactly the cells of the anonymised
 * export (suppressed in main), laid out as an A4 report — the frame first
 * (title, period, comparison, the suppression rule), then one table per figure.
 */
export function StatisticsReportPrintView({ doc }: { doc: StatisticsReportPrint }) {
  const [frame, ...tables] = blocks(doc.preview.rows);
  return (
    <article className="print-doc statistics-report">
      <header className="print-letterhead">
        <div className="print-unit">
          <span className="print-unit-name">{doc.unitName}</span>
        </div>
        <div className="print-marking">
          <strong>Avidentifierad statistik</strong>
        </div>
      </header>
      <h1 className="print-title">{frame?.title}</h1>
      <dl className="print-facts">
        {(frame?.rows ?? []).map(([label, value], i) => (
          <div key={i} className="report-fact">
            <dt>{shown(label ?? '')}</dt>
            <dd>{shown(value ?? '')}</dd>
          </div>
        ))}
      </dl>
      {tables.map((b, i) => (
        <ReportTable key={i} b={b} />
      ))}
    </article>
  );
}

/** One figure of the report, as wide as its own widest row (the outcome table has more columns than the others). */
function ReportTable({ b }: { b: Block }) {
  const width = Math.max(2, ...[b.head ?? [], ...b.rows].map((r) => r.length));
  return (
        <section className={width > 3 ? 'report-table report-table-wide' : 'report-table'}>
          <h2>{b.title}</h2>
          <table>
            {b.head ? (
              <thead>
                <tr>
                  {Array.from({ length: width }, (_, c) => (
                    <th key={c} scope="col" className={c > 0 ? 'num' : undefined}>
                      {shown(b.head![c] ?? '')}
                    </th>
                  ))}
                </tr>
              </thead>
            ) : null}
            <tbody>
              {b.rows.map((r, j) => (
                <tr key={j} className={r[0] === 'Totalt' ? 'report-total' : undefined}>
                  {r.length === 1 ? (
                    <td colSpan={width}>{shown(r[0]!)}</td>
                  ) : (
                    Array.from({ length: width }, (_, c) =>
                      c === 0 ? (
                        <th key={c} scope="row">
                          {shown(r[0] ?? '')}
                        </th>
                      ) : (
                        <td key={c} className="num">
                          {shown(r[c] ?? '')}
                        </td>
                      ),
                    )
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
  );
}
