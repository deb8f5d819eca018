import type { ReactNode } from 'react';
import { useMessages } from '../i18n';
import { common } from '../messages';
import type { FieldProblem } from './failure';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  required: boolean;
}

/** The id of a field's control, from the name the API's problems use. */
export const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** What the API (or the form) found wrong with this field, shown in place. */
  errors?: readonly FieldProblem[];
  required?: boolean;
  /** A text field's value and the most characters it takes: a counter shows them before the limit is hit. */
  counter?: { value: string; max: number | null };
  children: (control: ControlProps) => ReactNode;
}

/** A label, an optional hint, the control, and the API's messages for it, tied together for screen readers. */
export function Field({ name, label, hint, errors = [], required = false, counter, children }: FieldProps) {
  const t = useMessages(common);
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const max = counter?.max ?? null;
  const counterId = max === null ? undefined : `${id}-counter`;
  const describedBy = [hintId, errorId, counterId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errors.length > 0 ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t.required})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {errors.length > 0 ? <Problems id={errorId} problems={errors} /> : null}
      {children({ id, name, 'aria-invalid': errors.length > 0, 'aria-describedby': describedBy, required })}
      {counter && max !== null ? (
        // Not a `maxlength`: text pasted beyond the limit stays, and the form says what is too long.
        <p id={counterId} className={counter.value.length > max ? 'counter counter-over' : 'counter'}>
          {t.characters(counter.value.length, max)}
        </p>
      ) : null}
    </div>
  );
}

/** A whole number typed as text, kept as typed (so nothing is lost when the API refuses it). */
export function NumberField({
  value,
  onChange,
  ...field
}: Omit<FieldProps, 'children'> & { value: string; onChange: (value: string) => void }) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A group of checkboxes or radios under one legend, with the API's messages for the group. */
export function FieldSet({
  name,
  legend,
  hint,
  errors = [],
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: readonly FieldProblem[];
  children: ReactNode;
}) {
  const id = fieldId(name);
  return (
    <fieldset id={id} className={errors.length > 0 ? 'field field-invalid' : 'field'} tabIndex={-1}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {errors.length > 0 ? <Problems problems={errors} /> : null}
      {children}
    </fieldset>
  );
}

/** The messages for one field, each in its own language. */
export function Problems({ id, problems }: { id?: string | undefined; problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {problems.map((problem) => (
        <span key={problem.message} lang={problem.lang}>
          {problem.message}{' '}
        </span>
      ))}
    </p>
  );
}
