import { useEffect, useRef, useState } from 'react';
import type { QuizTextComponent } from '../../react/control.js';
import { moveItem } from './move.js';

interface OrderingItem {
  id: string;
  text: string;
}

/**
 * An ordering list: each item has Move up / Move down buttons (keyboard and touch) and can be dragged
 * with a mouse. Moves are announced, and focus stays with the moved item.
 */
export function OrderingControl({
  items,
  order,
  labelledBy,
  disabled,
  onChange,
  Text,
}: {
  items: readonly OrderingItem[];
  order: readonly string[];
  labelledBy: string;
  disabled: boolean;
  onChange: (order: string[]) => void;
  Text: QuizTextComponent;
}) {
  const byId = new Map(items.map((item) => [item.id, item]));
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const focusAfterMove = useRef<{ id: string; direction: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending) return;
    focusAfterMove.current = null;
    const position = order.indexOf(pending.id);
    // At either end the button just used is disabled, so focus moves to the other one.
    const direction =
      pending.direction === 'up' && position === 0
        ? 'down'
        : pending.direction === 'down' && position === order.length - 1
          ? 'up'
          : pending.direction;
    buttons.current.get(`${pending.id}:${direction}`)?.focus();
  }, [order]);

  const move = (id: string, to: number, direction?: 'up' | 'down') => {
    const from = order.indexOf(id);
    if (from === -1 || to === from || to < 0 || to >= order.length) return;
    if (direction) focusAfterMove.current = { id, direction };
    onChange(moveItem(order, from, to));
    setAnnouncement(`“${byId.get(id)?.text ?? ''}” moved to position ${to + 1} of ${order.length}.`);
  };

  return (
    <>
      <p className="field-hint">
        Use Move up and Move down, or drag the items, to put them in order (first at the top).
      </p>
      <ol className="ordering-list" aria-labelledby={labelledBy}>
        {order.map((id, index) => {
          const item = byId.get(id);
          if (!item) return null;
          return (
            <li
              key={id}
              className="ordering-item"
              draggable={!disabled}
              data-dragging={dragged === id ? '' : undefined}
              data-drop-target={dropTarget === id && dragged !== id ? '' : undefined}
              onDragStart={(event) => {
                setDragged(id);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', id);
              }}
              onDragOver={(event) => {
                if (!dragged) return;
                event.preventDefault();
                setDropTarget(id);
              }}
              onDragLeave={() => setDropTarget((current) => (current === id ? null : current))}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged) move(dragged, index);
                setDragged(null);
                setDropTarget(null);
              }}
              onDragEnd={() => {
                setDragged(null);
                setDropTarget(null);
              }}
            >
              <span className="position" aria-hidden="true">
                {index + 1}.
              </span>
              <span className="text">
                <Text text={item.text} inline />
              </span>
              <span className="moves">
                <button
                  type="button"
                  className="small"
                  disabled={disabled || index === 0}
                  aria-label={`Move up: ${item.text} (now ${index + 1} of ${order.length})`}
                  ref={(element) => {
                    if (element) buttons.current.set(`${id}:up`, element);
                    else buttons.current.delete(`${id}:up`);
                  }}
                  onClick={() => move(id, index - 1, 'up')}
                >
                  <span aria-hidden="true">↑</span> Up
                </button>
                <button
                  type="button"
                  className="small"
                  disabled={disabled || index === order.length - 1}
                  aria-label={`Move down: ${item.text} (now ${index + 1} of ${order.length})`}
                  ref={(element) => {
                    if (element) buttons.current.set(`${id}:down`, element);
                    else buttons.current.delete(`${id}:down`);
                  }}
                  onClick={() => move(id, index + 1, 'down')}
                >
                  <span aria-hidden="true">↓</span> Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}
