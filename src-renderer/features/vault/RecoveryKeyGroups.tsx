/**
 * The recovery key in its 16 groups of four. Each dash sits inside its group
 * (dimmed, and invisible at the end of a row), so the element's text is
 * exactly the key as the main process formatted it, while the eye sees a
 * calm 4 × 4 grid.
 */
export function RecoveryKeyGroups({ recoveryKey, testId }: { recoveryKey: string; testId: string }) {
  const groups = recoveryKey.split('-');
  return (
    <div className="key-groups" data-testid={testId}>
      {groups.map((g, i) => (
        <span className="key-group" key={i}>
          {g}
          {i < groups.length - 1 ? <span className={i % 4 === 3 ? 'key-dash key-dash-end' : 'key-dash'}>-</span> : null}
        </span>
      ))}
    </div>
  );
}
