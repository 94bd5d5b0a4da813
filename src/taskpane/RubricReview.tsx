import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewItem, ReviewKind } from '../app/rubric-import';
import { REVIEW_TEXT } from '../text/rubric-review';
import { RUBRIC_PANE_TEXT } from '../text/rubric-pane';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  details: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalM, listStyle: 'none', color: tokens.colorNeutralForeground2 },
  where: { fontWeight: tokens.fontWeightSemibold },
});

/** The import's review list, grouped as the command line prints it: slips mended, tier tables read, sums. */
export function RubricReview({ review }: { review: ReviewItem[] }) {
  const styles = useStyles();
  if (review.length === 0) return <Text>{REVIEW_TEXT.nothingToReview}</Text>;
  const kinds = Object.keys(REVIEW_TEXT.reviewHeading) as ReviewKind[];
  return (
    <section aria-label={RUBRIC_PANE_TEXT.reviewList} className={styles.group}>
      <Text weight="semibold">{REVIEW_TEXT.toReview(review.length)}</Text>
      {kinds.map((kind) => {
        const items = review.filter((r) => r.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind} className={styles.group}>
            <Text as="h3" size={300} weight="semibold">
              {REVIEW_TEXT.reviewHeading[kind]} ({items.length})
            </Text>
            <ul className={styles.list}>
              {items.map((item, i) => (
                <li key={i}>
                  {item.where && <span className={styles.where}>{item.where}: </span>}
                  {item.message}
                  {item.details && (
                    <ul className={styles.details}>
                      {item.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
