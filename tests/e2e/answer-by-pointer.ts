// Fills in one quiz question the way most learners do: clicking choices and buttons, typing in fields.
import type { Locator } from 'playwright-core';
import type { VisibleAnswer } from './visible-answers';

/** Item texts of an ordering list, top first. */
export function orderingTexts(section: Locator): Promise<string[]> {
  return section
    .locator('.ordering-item .text')
    .evaluateAll((items) => items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

async function putInOrder(section: Locator, wanted: readonly string[]): Promise<void> {
  for (const [position, text] of wanted.entries()) {
    for (;;) {
      const current = await orderingTexts(section);
      const at = current.indexOf(text);
      if (at === -1) throw new Error(`the ordering list shows no item “${text}”: ${current.join(' | ')}`);
      if (at <= position) break;
      await section.getByRole('button', { name: `Move up: ${text}` }).click();
      await section
        .locator('.ordering-item .text')
        .nth(at - 1)
        .filter({ hasText: text })
        .waitFor();
    }
  }
}

export async function answerByPointer(section: Locator, answer: VisibleAnswer): Promise<void> {
  switch (answer.kind) {
    case 'choose-one':
      await section.getByRole('radio', { name: answer.label, exact: true }).check();
      return;
    case 'choose-all':
      for (const label of answer.labels) {
        await section.getByRole('checkbox', { name: label, exact: true }).check();
      }
      return;
    case 'type':
      await section.getByRole('textbox').or(section.getByRole('spinbutton')).fill(answer.text);
      return;
    case 'order':
      await putInOrder(section, answer.texts);
      return;
    case 'pick':
      for (const row of answer.rows) {
        await section.getByLabel(row.label, { exact: true }).selectOption({ label: row.option });
      }
      return;
    case 'blanks': {
      const controls = section.locator('input, select');
      for (const [index, blank] of answer.blanks.entries()) {
        const control = controls.nth(index);
        if ('type' in blank) await control.fill(blank.type);
        else await control.selectOption({ label: blank.pick });
      }
      return;
    }
  }
}
