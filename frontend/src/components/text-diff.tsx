import { diffLines } from 'diff';

/** (Shared by the revision history and the editor's restore offer.) The lines of a change, each marked removed (−), added (+) or kept, from jsdiff's line diff. */
export function diffRows(before: string, after: string): { kind: 'removed' | 'added' | 'same'; text: string }[] {
  return diffLines(before, after).flatMap((part) => {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const lines = part.value.replace(/\n$/, '').split('\n');
    return lines.map((text) => ({ kind, text }) as const);
  });
}

const styles = {
  removed: { sign: '−', className: 'bg-red-50 text-red-900', label: 'removed: ' },
  added: { sign: '+', className: 'bg-green-50 text-green-900', label: 'added: ' },
  same: { sign: ' ', className: 'text-slate-600', label: '' },
};

/** A field's change shown line by line; nothing when the two are the same. */
export function TextDiff({ label, before, after }: { label: string; before: string; after: string }) {
  if (before === after) return null;
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-medium">{label}</h3>
      <pre className="overflow-auto rounded-md border border-slate-200 text-xs" data-testid={`diff-${label.toLowerCase()}`}>
        {diffRows(before, after).map((row, index) => {
          const style = styles[row.kind];
          const Line = row.kind === 'added' ? 'ins' : row.kind === 'removed' ? 'del' : 'span';
          return (
            <Line key={index} className={`block px-2 no-underline ${style.className}`}>
              <span className="sr-only">{style.label}</span>
              <span aria-hidden>{style.sign} </span>
              {row.text}
            </Line>
          );
        })}
      </pre>
    </div>
  );
}
