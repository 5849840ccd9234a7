// The review page's start: labels in the chosen language, sign-in and sign-out, the views shown by the
// hash route, and the keyboard. Each view lives in views/; this file only wires them together.
import { applyStatic, language, onLanguageChange, t, toggleLanguage } from './i18n.js';
import { fill, onSubmit } from './dom.js';
import { showError, showLoading, clearMessages } from './messages.js';
import { onRoute, reroute, startRouting } from './router.js';
import { currentIdentity, resume, setYourName, signIn, signOut, yourName } from './sign_in.js';
import { installKeys } from './keys.js';
import { queueView } from './views/queue.js';
import { itemView, decide } from './views/item.js';
import { mergeView } from './views/merge.js';
import { historyView } from './views/history.js';
import { ordererView } from './views/orderer.js';
import { searchView } from './views/search.js';

const views = Object.fromEntries([queueView, itemView, mergeView, historyView, ordererView, searchView]
  .map((view) => [view.name, view]));
const element = (id) => document.getElementById(id);
let shown = null;

function showSection(name) {
  for (const section of document.querySelectorAll('main > .view')) section.hidden = section.id !== `view-${name}`;
  for (const anchor of document.querySelectorAll('#nav a[data-view]')) {
    const current = anchor.dataset.view === name || (name === 'item' && anchor.dataset.view === 'queue');
    if (current) anchor.setAttribute('aria-current', 'page');
    else anchor.removeAttribute('aria-current');
  }
}

function showIdentity() {
  const identity = currentIdentity();
  const signedIn = identity !== null;
  element('who').hidden = !signedIn;
  element('nav').hidden = !signedIn;
  if (!signedIn) return;
  fill(element('who-text'), t('who.text', {
    token: identity.token,
    unit: identity.unit || t('who.nounit'),
    role: t(`role.${identity.role}`),
  }));
  element('your-name').value = yourName();
}

function showSignIn(message) {
  shown = null;
  showIdentity();
  showSection('signin');
  if (message) showError(element('signin-messages'), { message });
  element('signin-token').focus();
}

async function showPlace(place) {
  if (!currentIdentity()) return showSignIn();
  const view = views[place.name] ?? queueView;
  shown = view;
  showSection(view.name);
  element(view.heading).focus();
  await view.show(place.args);
}

function languageButton() {
  element('language').setAttribute('lang', language() === 'fi' ? 'en' : 'fi');
}

function wireSignIn() {
  onSubmit('signin-form', async () => {
    const secret = element('signin-token').value.trim();
    if (!secret) return showError(element('signin-messages'), { message: t('signin.empty') });
    showLoading(element('signin-messages'));
    try {
      await signIn(secret);
      element('signin-token').value = '';
      clearMessages(element('signin-messages'));
      showIdentity();
      reroute();
    } catch (failure) {
      showError(element('signin-messages'), failure);
      element('signin-token').focus();
    }
  });
  element('sign-out').addEventListener('click', () => {
    signOut();
    clearMessages(element('signin-messages'));
    showSignIn();
  });
  element('your-name').addEventListener('input', () => setYourName(element('your-name').value.trim()));
  window.addEventListener('jobcenter:unauthorised', () => {
    signOut();
    showSignIn(t('signin.expired'));
  });
}

async function start() {
  applyStatic();
  languageButton();
  element('language').addEventListener('click', toggleLanguage);
  onLanguageChange(() => {
    languageButton();
    showIdentity();
    if (shown) shown.rerender();
  });
  for (const view of Object.values(views)) view.init();
  wireSignIn();
  installKeys({ onItem: () => shown === itemView && !element('view-item').hidden, decide });
  onRoute(showPlace);
  let resumeFailure = null;
  try {
    await resume();
  } catch (failure) {
    resumeFailure = failure;
  }
  showIdentity();
  startRouting();
  if (resumeFailure && resumeFailure.status !== 401) showError(element('signin-messages'), resumeFailure);
}

start();
