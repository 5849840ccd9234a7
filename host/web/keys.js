// The keyboard: s, n and k decide the review item on screen, ? opens the help, / goes to the name check, and
// Esc leaves a text field for the form's first button. Letters never act while a text field has the focus.
import { go } from './router.js';

const editable = 'input, textarea, select, [contenteditable="true"]';

function inTextField(target) {
  return target instanceof Element && target.matches(editable);
}

// `decide(verdict)` is called for s, n and k when `onItem()` says a review item is on screen.
export function installKeys({ onItem, decide }) {
  const help = document.getElementById('help');
  document.getElementById('help-open').addEventListener('click', () => help.showModal());
  document.getElementById('help-close').addEventListener('click', () => help.close());

  document.addEventListener('keydown', (event) => {
    if (help.open || event.defaultPrevented) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (inTextField(event.target)) {
      if (event.key === 'Escape' && event.target.form) {
        const button = event.target.form.querySelector('button:not([disabled])');
        if (button) button.focus();
        else event.target.blur();
        event.preventDefault();
      }
      return;
    }
    const verdicts = { s: 'same', n: 'not-same', k: 'skip' };
    if (event.key === '?') {
      help.showModal();
    } else if (event.key === '/') {
      go('search');
    } else if (Object.hasOwn(verdicts, event.key) && onItem()) {
      decide(verdicts[event.key]);
    } else {
      return;
    }
    event.preventDefault();
  });
}
