// Pieces every analysis table uses: a column heading that sorts, a report number that opens the
// report, and the button that saves the view's table as XLSX.
import type { ApiArgs } from '../../../shared/api';
import { api } from '../api';
import { useI18n } from '../i18n';
import { SaveButton, savedMessage } from './SaveButton';

/** The headings of a sortable table: a click sorts by the column; `mark` gives ' ▲', ' ▼' or ''. */
export function SortHeadings<K extends string>({ columns, mark, onSort }: { columns: readonly (readonly [K, string])[]; mark: (key: K) => string; onSort: (key: K) => void }) {
  return (
    <tr>
      {columns.map(([key, text]) => (
        <th key={key}>
          <button type="button" className="sort" onClick={() => onSort(key)}>
            {text}
            {mark(key)}
          </button>
        </th>
      ))}
    </tr>
  );
}

/** Reviews and lawsuits: how many, and how many ended with the decision corrected. */
export function OutcomeCells({ review, suit }: { review: { total: number; corrected: number }; suit: { total: number; corrected: number } }) {
  return (
    <>
      <td className="num">{review.total}</td>
      <td className="num">{review.corrected}</td>
      <td className="num">{suit.total}</td>
      <td className="num">{suit.corrected}</td>
    </>
  );
}

export function ReportLink({ id, onOpen }: { id: number; onOpen: (id: number) => void }) {
  return (
    <button type="button" className="link" onClick={() => onOpen(id)}>
      {id}
    </button>
  );
}

/** The view's table as XLSX (where to is asked by the host), then where it went. */
export function XlsxButton({ request, testId }: { request: ApiArgs<'analysis:export'>; testId: string }) {
  const { t } = useI18n();
  const save = async () => savedMessage(await api.call('analysis:export', request), (v) => t('analysis.saved', { path: v.path }), t('errorPrefix'));
  return <SaveButton label={t('analysis.exportXlsx')} save={save} testId={testId} />;
}
