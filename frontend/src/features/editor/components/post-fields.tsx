import { useId } from 'react';
import type { PostFields as Fields } from '../utils/post-form';
import { CoverPicker } from './cover-picker';

interface FieldProps {
  label: string;
  name: keyof Fields;
  value: string;
  error?: string;
  hint?: string;
  multiline?: number;
  readOnly: boolean;
  onChange: (name: keyof Fields, value: string) => void;
}

const input = 'w-full rounded-md border px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 read-only:bg-slate-50';

function Field({ label, name, value, error, hint, multiline, readOnly, onChange }: FieldProps) {
  const id = useId();
  const described = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  const common = {
    id, name, value, readOnly, 'aria-invalid': error ? true : undefined, 'aria-describedby': described,
    className: `${input} ${error ? 'border-red-500' : 'border-slate-300'}`,
    onChange: (event: { target: { value: string } }) => onChange(name, event.target.value),
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {multiline ? <textarea rows={multiline} {...common} className={`${common.className} font-mono`} /> : <input type="text" {...common} />}
      {hint && <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p>}
      {error && <p id={`${id}-error`} role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}

interface PostFieldsProps {
  fields: Fields;
  errors: Partial<Record<keyof Fields, string>>;
  readOnly: boolean;
  onChange: (name: keyof Fields, value: string) => void;
}

/** Title, slug, excerpt, tags and the cover image (the body has its own editor, BodyEditor), each with its validation message from the server. */
export function PostFieldsForm({ fields, errors, readOnly, onChange }: PostFieldsProps) {
  const shared = { readOnly, onChange };
  return (
    <div className="space-y-3">
      <Field label="Title" name="title" value={fields.title} error={errors.title} {...shared} />
      <Field label="Slug" name="slug" value={fields.slug} error={errors.slug} hint="Left empty, it is made from the title." {...shared} />
      <Field label="Excerpt" name="excerpt" value={fields.excerpt} error={errors.excerpt} multiline={2} {...shared} />
      <Field label="Tags" name="tags" value={fields.tags} error={errors.tags} hint="Comma-separated." {...shared} />
      <CoverPicker coverId={fields.coverId} coverAlt={fields.coverAlt} error={errors.coverId} {...shared} />
    </div>
  );
}
