/** Tags as small labels. */
export function TagList(props: { tags: string[]; className?: string }) {
  if (!props.tags.length) return null;
  return (
    <span className={props.className}>
      {props.tags.map((t) => (
        <span key={t} className="tag">
          {t}
        </span>
      ))}
    </span>
  );
}
