import type { ClaimRecord, Evidence } from '../../../shared/types';
import { MoreMenu } from '../components/MoreMenu';
import type { EvidenceState } from '../hooks/useEvidence';
import { keyed } from '../shortcuts';
import { EmptyState } from '../components/EmptyState';
import { EvidenceTable } from './EvidenceTable';
import { formatPeriod, formatValue } from './format';
import { RangeChart } from './RangeChart';

/** Span, median, period and warnings of a question's figures. */
function EvidenceStats({ evidence }: { evidence: Evidence }) {
  const unit = evidence.unit === 'percent' ? 'percent' : 'people';
  return (
    <p className="evidence-stats" aria-label="Summary">
      {evidence.span && <>Span {formatValue({ low: evidence.span.low, high: evidence.span.high, unit, approx: false })}</>}
      {evidence.median !== null && <> · median of midpoints {formatValue({ low: evidence.median, high: evidence.median, unit, approx: false })}</>}
      {evidence.period && formatPeriod(evidence.period) && <> · most figures cover {formatPeriod(evidence.period)}</>}
      {evidence.logScale && <> · log scale</>}
      {evidence.warnings.length > 0 && (
        <span className="warn-text">
          {' '}
          · {evidence.warnings.length} {evidence.warnings.length === 1 ? 'claim does' : 'claims do'} not fit the rest (see ⚠ below)
        </span>
      )}
      {evidence.unit === 'mixed' && <span className="warn-text"> · counts and percentages mixed: the chart shows the counts</span>}
    </p>
  );
}

/**
 * One question's evidence: its exports, then every source's figure in a range chart and a table.
 * In a narrow view the exports fold into the More menu (styles.css), the rarer ones first.
 */
export function EvidencePanel(props: { state: EvidenceState; evidence: Evidence; onReview(): void; onOpen(c: ClaimRecord): void }) {
  const { state, evidence } = props;
  const unconfirmed = evidence.claims.filter((c) => c.status === 'suggested').length;
  return (
    <>
      <header className="evidence-header">
        <h2>{evidence.question.label}</h2>
        <div className="spacer" />
        {unconfirmed > 0 && (
          <button type="button" className="primary" onClick={props.onReview} {...keyed('evidence', 'review')}>
            Review {unconfirmed} unconfirmed
          </button>
        )}
        <button type="button" className="fold-2" onClick={() => void state.exportAs('csv', false)} {...keyed('evidence', 'exportCsv')}>
          CSV
        </button>
        <button type="button" className="fold-2" onClick={() => void state.exportAs('markdown', false)} {...keyed('evidence', 'exportMarkdown')}>
          Markdown
        </button>
        <button type="button" className="fold-1" onClick={() => void state.exportAs('csv', true)} {...keyed('evidence', 'exportAllCsv')}>
          All questions as CSV
        </button>
        <button
          type="button"
          className="link danger-text fold-1"
          onClick={() => void state.deleteQuestion(evidence.question.id)}
          {...keyed('evidence', 'deleteQuestion')}
        >
          Delete question
        </button>
        <MoreMenu
          items={[
            { label: 'CSV', onSelect: () => void state.exportAs('csv', false), tier: 2 },
            { label: 'Markdown', onSelect: () => void state.exportAs('markdown', false), tier: 2 },
            { label: 'All questions as CSV', onSelect: () => void state.exportAs('csv', true), tier: 1 },
            { label: 'Delete question', onSelect: () => void state.deleteQuestion(evidence.question.id), danger: true, tier: 1 },
          ]}
        />
      </header>
      {evidence.claims.length === 0 ? (
        <EmptyState title="No claims in this question yet">
          Choose this question for a claim in the reader’s Claims tab (Correct…), and its figure appears here beside the others.
        </EmptyState>
      ) : (
        <>
          <EvidenceStats evidence={evidence} />
          <RangeChart evidence={evidence} onPick={props.onOpen} />
          <EvidenceTable evidence={evidence} questions={state.questions} actions={state.actions} onOpen={props.onOpen} />
        </>
      )}
    </>
  );
}
