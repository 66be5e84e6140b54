import { Link } from 'react-router';

export function NotFound() {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p><Link className="text-indigo-700 underline" to="/posts">Back to the posts</Link></p>
    </section>
  );
}
