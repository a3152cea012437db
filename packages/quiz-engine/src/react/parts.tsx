import type { ReactNode } from 'react';
import type { DraftResponse } from '../types/definition.js';
import type { QuizTextComponent } from './control.js';

/** Radio buttons in a group named by the question (single choice, true/false). */
export function RadioChoices(props: {
  options: readonly { id: string; text: string }[];
  selected: string | undefined;
  name: string;
  labelledBy: string;
  disabled: boolean;
  Text: QuizTextComponent;
  onPick: (id: string) => void;
}): ReactNode {
  const { options, selected, name, labelledBy, disabled, Text, onPick } = props;
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="choice-list">
      {options.map((option) => (
        <label key={option.id} className="choice">
          <input
            type="radio"
            name={name}
            value={option.id}
            checked={selected === option.id}
            disabled={disabled}
            onChange={() => onPick(option.id)}
          />
          <span>
            <Text text={option.text} inline />
          </span>
        </label>
      ))}
    </div>
  );
}

/** A labelled one-line field (short answer, numeric). */
export function TextField(props: {
  label: string;
  name: string;
  promptId: string;
  response: DraftResponse;
  disabled: boolean;
  onChange: (response: DraftResponse) => void;
  numeric?: boolean;
  maxLength?: number;
}): ReactNode {
  const { label, name, promptId, response, disabled, onChange, numeric = false, maxLength } = props;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        type={numeric ? 'number' : 'text'}
        step={numeric ? 'any' : undefined}
        inputMode={numeric ? 'decimal' : undefined}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={numeric ? undefined : false}
        aria-describedby={promptId}
        value={typeof response === 'string' ? response : ''}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** One labelled select per row (matching: left sides; categorise: items). */
export function SelectPerRow(props: {
  rows: readonly { id: string; text: string }[];
  options: readonly { id: string; text: string }[];
  chosen: Record<string, string>;
  placeholder: string;
  name: string;
  labelledBy: string;
  disabled: boolean;
  Text: QuizTextComponent;
  onChange: (response: Record<string, string>) => void;
}): ReactNode {
  const { rows, options, chosen, placeholder, name, labelledBy, disabled, Text, onChange } = props;
  return (
    <ul className="pair-list" aria-labelledby={labelledBy}>
      {rows.map((row) => {
        const id = `${name}-${row.id}`;
        return (
          <li key={row.id}>
            <label htmlFor={id}>
              <Text text={row.text} inline />
            </label>
            <select
              id={id}
              value={chosen[row.id] ?? ''}
              disabled={disabled}
              onChange={(event) => onChange({ ...chosen, [row.id]: event.target.value })}
            >
              <option value="">{placeholder}</option>
              {options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.text}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}
