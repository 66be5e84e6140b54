/** A page that another part of the work fills in; keeps every route reachable meanwhile. */
export function PlaceholderPage({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-slate-600">{children ?? 'Coming soon.'}</p>
    </section>
  );
}
