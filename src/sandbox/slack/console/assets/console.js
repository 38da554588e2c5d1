// Reclaim Local's page script: live updates over server-sent events, forms sent without a page
// reload, confirm dialogs and modals. The server renders everything; this only swaps fragments in.

const notice = document.getElementById('notice');
const regions = ['channels', 'channel', 'modals'];
/** This browser session's CSRF token: every POST carries it, or the console refuses it (403). */
let csrf = document.querySelector('meta[name="reclaim-csrf"]')?.getAttribute('content') ?? '';

/** A new token (the console restarted): the forms outside the swapped regions get it too. */
function useToken(token) {
  if (!token || token === csrf) return;
  csrf = token;
  for (const input of document.querySelectorAll('input[name="csrf"]')) input.value = token;
}

const say = (text) => {
  if (notice) notice.textContent = text ?? '';
};

/** Opens server-rendered modals as real modal dialogs (focus moves in, Escape closes them). */
function showModals() {
  for (const dialog of document.querySelectorAll('dialog[data-modal][open]')) {
    if (!dialog.matches(':modal')) {
      dialog.close();
      dialog.showModal();
    }
  }
}

let refreshing = null;
let again = false;
let deferred = false;
const last = {};

/** Swaps one region in, unless what the server sent is what it already shows or a confirm dialog is open in it. */
function swap(id, html) {
  const region = document.getElementById(id);
  if (!region || last[id] === html) return;
  if (region.querySelector('dialog.bk-confirm[open]')) {
    deferred = true;
    return;
  }
  region.innerHTML = html;
  last[id] = html;
}

/** Fetches the changing parts of the page and swaps them in, keeping scroll position, open threads and focus. */
async function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const query = new URLSearchParams(location.search);
      query.set('since', document.body.dataset.since ?? '0');
      const response = await fetch(`/console/fragment?${query}`, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) break;
      const parts = await response.json();
      const scroller = document.scrollingElement;
      const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
      const focused = document.activeElement?.id;
      const openThreads = [...document.querySelectorAll('article > details[open]')].map(
        (d) => d.parentElement.id,
      );
      for (const id of regions) swap(id, parts[id]);
      for (const id of openThreads)
        document.getElementById(id)?.querySelector(':scope > details')?.setAttribute('open', '');
      document.title = parts.title;
      useToken(parts.csrf);
      showModals();
      if (focused && document.activeElement === document.body) document.getElementById(focused)?.focus();
      if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** A confirm dialog closed: what was held back while it was open comes in now. */
document.addEventListener(
  'close',
  () => {
    if (!deferred) return;
    deferred = false;
    refresh();
  },
  true,
);

/** Forms marked data-js are posted in the background; the answer's notice goes to the status line. */
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-js')) return;
  event.preventDefault();
  const submitter = event.submitter;
  const action = submitter?.getAttribute('formaction') ?? form.getAttribute('action');
  const body = new URLSearchParams(new FormData(form, submitter));
  body.set('csrf', csrf);
  for (const dialog of form.querySelectorAll('dialog.bk-confirm[open]')) dialog.close();
  if (submitter) submitter.disabled = true;
  say('');
  try {
    const response = await fetch(action, {
      method: 'POST',
      body,
      headers: { accept: 'application/json', 'x-reclaim-csrf': csrf },
    });
    const result = await response.json();
    say(result.notice);
    if (result.ok && form.id === 'composer') form.reset();
  } catch {
    say('Reclaim Local is not answering; is it still running?');
  } finally {
    if (submitter) submitter.disabled = false;
    await refresh();
  }
});

/** Escape on a modal cancels it the way its Cancel button does, so the server closes it too. */
document.addEventListener(
  'cancel',
  (event) => {
    const dialog = event.target;
    if (!(dialog instanceof HTMLDialogElement) || !dialog.hasAttribute('data-modal')) return;
    event.preventDefault();
    dialog.querySelector('button[formaction$="/close"]')?.click();
  },
  true,
);

/** Invoker commands (commandfor/command) for browsers that do not have them yet. */
if (!('command' in HTMLButtonElement.prototype)) {
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[commandfor]') : null;
    const dialog = button ? document.getElementById(button.getAttribute('commandfor')) : null;
    if (!(dialog instanceof HTMLDialogElement)) return;
    if (button.getAttribute('command') === 'show-modal') dialog.showModal();
    else dialog.close();
  });
}

/** Picking another person switches at once (the Switch button stays for keyboard users). */
document.getElementById('as')?.addEventListener('change', (event) => event.target.form?.requestSubmit());

const events = new EventSource('/console/events');
events.addEventListener('message', () => {
  refresh();
});

showModals();
document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight;
