// A learner who uses only the keyboard: Tab to move, Space, Enter and the arrow keys to act. It notes
// every focus stop that shows no visible focus indicator (WCAG 2.4.7).
import type { Question } from '@coursekit/quiz-engine';
import type { Locator, Page } from 'playwright-core';
import { orderingTexts } from './answer-by-pointer';
import { promptKey, type VisibleAnswer } from './visible-answers';

/** What has the keyboard focus, as far as a test needs to know. */
export interface Focused {
  tag: string;
  /** `type` of an input, else ''. */
  type: string;
  /** The accessible name, near enough: aria-label, else the label, else the text. */
  name: string;
  checked: boolean;
  /** A select's options and the one selected. */
  options: string[];
  selectedIndex: number;
  /** The prompt of the quiz question the element is in, '' outside questions. */
  questionPrompt: string;
  /** Whether an outline or a shadow shows where the focus is. */
  indicated: boolean;
  /** In the Tab order (not only a target of programmatic focus, like the skip link's target). */
  tabbable: boolean;
  /** For messages: `button "Submit answers"`. */
  description: string;
}

export function readFocus(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const element = (document.activeElement ?? document.body) as HTMLElement;
    const field = element as HTMLInputElement;
    const labels = field.labels ? Array.from(field.labels) : [];
    const name = squash(
      element.getAttribute('aria-label') ??
        (labels.length > 0 ? labels.map((label) => label.textContent).join(' ') : element.textContent),
    );
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const indicated = element.matches(':focus-visible') && (outlined || style.boxShadow !== 'none');
    const select = element instanceof HTMLSelectElement ? element : null;
    const prompt = element.closest('section.question')?.querySelector('[id$="-prompt"]')?.textContent;
    const tag = element.tagName.toLowerCase();
    const type = element instanceof HTMLInputElement ? element.type : '';
    return {
      tag,
      type,
      name,
      checked: element instanceof HTMLInputElement && element.checked,
      options: select ? Array.from(select.options, (option) => squash(option.textContent)) : [],
      selectedIndex: select ? select.selectedIndex : -1,
      questionPrompt: squash(prompt),
      indicated,
      tabbable: element.tabIndex >= 0,
      description: `${tag}${type ? `[type=${type}]` : ''} “${name.slice(0, 70)}”`,
    };
  });
}

export class KeyboardUser {
  /** Tab stops where nothing showed the focus. */
  readonly unseenFocus: string[] = [];

  constructor(readonly page: Page) {}

  /** Presses a key and returns what has the focus afterwards. */
  async press(key: string): Promise<Focused> {
    await this.page.keyboard.press(key);
    return this.focus();
  }

  async focus(): Promise<Focused> {
    const focused = await readFocus(this.page);
    if (focused.tabbable && !focused.indicated && !this.unseenFocus.includes(focused.description)) {
      this.unseenFocus.push(focused.description);
    }
    return focused;
  }

  /** Presses Tab until `wanted` holds for the focused element; fails after `limit` presses. */
  async tabTo(
    wanted: (focused: Focused) => boolean | Promise<boolean>,
    what: string,
    limit = 150,
  ): Promise<Focused> {
    const path: string[] = [];
    for (let presses = 0; presses < limit; presses++) {
      const focused = await this.press('Tab');
      if (await wanted(focused)) return focused;
      path.push(focused.description);
    }
    throw new Error(`${limit} presses of Tab never reached ${what}; the focus went to:\n${path.join('\n')}`);
  }

  /** Presses Tab until the element `target` points at has the focus. */
  tabToElement(target: Locator, what: string, limit = 150): Promise<Focused> {
    return this.tabTo(() => target.evaluate((element) => element === document.activeElement), what, limit);
  }

  /**
   * Tabs into the question (unless the focus is in it already) and answers it, control by control, then
   * leaves the focus on its Check answer button if it has one, else on the first element after it.
   */
  async answer(section: Locator, question: Question, answer: VisibleAnswer): Promise<Focused> {
    const key = promptKey(question);
    const inQuestion = (focused: Focused) => focused.questionPrompt.includes(key);
    let focused = await this.focus();
    if (!inQuestion(focused)) focused = await this.tabTo(inQuestion, `question “${key}”`);
    let blank = 0;
    while (inQuestion(focused)) {
      if (focused.tag === 'button' && focused.name === 'Check answer') return focused;
      if (focused.tag === 'input' && focused.type === 'radio' && answer.kind === 'choose-one') {
        for (let step = 0; step < 20 && focused.name !== answer.label; step++) {
          focused = await this.press('ArrowDown');
        }
        if (focused.name !== answer.label) throw new Error(`no radio button “${answer.label}” in “${key}”`);
        if (!focused.checked) focused = await this.press('Space');
      } else if (focused.tag === 'input' && focused.type === 'checkbox' && answer.kind === 'choose-all') {
        if (answer.labels.includes(focused.name) !== focused.checked) focused = await this.press('Space');
      } else if (focused.tag === 'input' || focused.tag === 'select') {
        const value =
          answer.kind === 'type'
            ? { type: answer.text }
            : answer.kind === 'pick'
              ? { pick: this.optionFor(answer.rows, focused) }
              : answer.kind === 'blanks'
                ? answer.blanks[blank++]
                : undefined;
        if (value && 'type' in value) {
          await this.page.keyboard.type(value.type);
        } else if (value && focused.tag === 'select') {
          const target = focused.options.indexOf(value.pick);
          if (target === -1) throw new Error(`${focused.description} offers no “${value.pick}”`);
          const keyName = target > focused.selectedIndex ? 'ArrowDown' : 'ArrowUp';
          for (let steps = Math.abs(target - focused.selectedIndex); steps > 0; steps--) {
            focused = await this.press(keyName);
          }
        }
      } else if (
        focused.tag === 'button' &&
        focused.name.startsWith('Move up: ') &&
        answer.kind === 'order'
      ) {
        await this.moveIntoPlace(section, focused, answer.texts);
      }
      focused = await this.press('Tab');
    }
    return focused;
  }

  private optionFor(rows: readonly { label: string; option: string }[], focused: Focused): string {
    const row = rows.find((candidate) => candidate.label === focused.name);
    if (!row) throw new Error(`${focused.description} is a drop-down the expected answer has no row for`);
    return row.option;
  }

  /** Insertion sort with the Move up button: moves the focused item up past every item that belongs after it. */
  private async moveIntoPlace(section: Locator, focused: Focused, wanted: readonly string[]): Promise<void> {
    const item = /^Move up: (.*) \(now \d+ of \d+\)$/.exec(focused.name)?.[1] ?? '';
    const rank = (text: string) => wanted.indexOf(text);
    for (;;) {
      const order = await orderingTexts(section);
      const at = order.indexOf(item);
      const above = order[at - 1];
      if (at <= 0 || above === undefined || rank(above) < rank(item)) return;
      await this.press('Enter');
      await section
        .locator('.ordering-item .text')
        .nth(at - 1)
        .filter({ hasText: item })
        .waitFor();
    }
  }
}
