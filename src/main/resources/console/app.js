// The console's shell: sign-in, region, navigation (hash routes) and the view in <main>.
import { call, session, saveSession, ApiError } from './acs.js';
import { h, fill, errorBox, wireDialog } from './dom.js';
import { VIEWS } from './views.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const account = document.getElementById('account');
const regionSelect = document.getElementById('region');
let generation = 0; // a view drawn for an older route or region stops drawing

// codes that mean the AccessKey itself is not usable, so sign-in fails; any other answer
// (a success, or a refusal by RAM) proves the key and its signature good
const BAD_KEY = /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|NotSignedIn|NetworkError)/;

function signInView(error) {
  nav.hidden = true;
  account.hidden = true;
  const id = h('input', { id: 'access-key-id', name: 'accessKeyId', autocomplete: 'username', required: true, spellcheck: 'false' });
  const secret = h('input', { id: 'access-key-secret', name: 'accessKeySecret', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' }, error ? errorBox(error) : null);
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'sign-in', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    if (!id.value.trim() || !secret.value) {
      fill(message, errorBox(new ApiError(0, 'MissingAccessKey', 'Enter the AccessKey ID and the AccessKey Secret.', '')));
      return;
    }
    const credentials = { accessKeyId: id.value.trim(), accessKeySecret: secret.value, region: 'cn-hangzhou' };
    button.disabled = true;
    fill(message, 'Signing in…');
    try {
      await call('swas-open', 'ListRegions', { AcceptLanguage: 'en-US' }, credentials);
    } catch (e) {
      if (BAD_KEY.test(e.code ?? '')) {
        button.disabled = false;
        fill(message, errorBox(e, 'Sign-in refused'));
        secret.focus();
        return;
      }
    }
    secret.value = '';
    saveSession(credentials);
    if (!location.hash || location.hash === '#/' || location.hash === '#/sign-in') location.hash = '#/servers';
    await start();
  } },
  h('h1', {}, 'Sign in'),
  h('p', {}, 'Use an AccessKey of the account (the root key swasd printed when it first started) or of a RAM user. ',
    'The secret stays in this browser tab (session storage) and signs each call; it is never sent.'),
  h('div', { class: 'field' }, h('label', { for: 'access-key-id' }, 'AccessKey ID'), id),
  h('div', { class: 'field' }, h('label', { for: 'access-key-secret' }, 'AccessKey Secret'), secret),
  button, message);
  fill(main, form);
  if (!crypto?.subtle) {
    fill(message, errorBox(new ApiError(0, 'InsecureContext',
      'The browser offers WebCrypto only on https or on localhost/127.0.0.1: open the console there.', '')));
  }
  id.focus();
}

async function loadRegions(s) {
  fill(regionSelect, h('option', { value: s.region }, s.region));
  try {
    const body = await call('swas-open', 'ListRegions', { AcceptLanguage: 'en-US' });
    const regions = body.Regions ?? [];
    if (regions.length) {
      fill(regionSelect, regions.map((r) => h('option', { value: r.RegionId, selected: r.RegionId === s.region },
        `${r.LocalName ?? r.RegionId} (${r.RegionId})`)));
    }
  } catch {
    // a RAM user without swas-open:ListRegions keeps the region it has
  }
}

function currentRoute() {
  const name = (location.hash.match(/^#\/([a-z]+)/) ?? [])[1];
  return VIEWS[name] ? name : 'servers';
}

async function render() {
  const s = session();
  if (!s) return signInView();
  const route = currentRoute();
  for (const a of nav.querySelectorAll('a')) {
    if (a.getAttribute('href') === `#/${route}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const mine = ++generation;
  const view = VIEWS[route];
  document.title = `${view.title} · swasd console`;
  const heading = h('h1', { tabindex: '-1' }, view.title);
  const body = h('div', { class: 'view' });
  fill(main, heading, body);
  const ctx = {
    region: s.region,
    endpoint: location.host,
    live: () => mine === generation,
    rerender: () => (mine === generation ? render() : undefined),
  };
  try {
    await view.render(body, ctx);
  } catch (e) {
    if (mine === generation) fill(body, errorBox(e));
  }
  return heading;
}

async function start() {
  const s = session();
  if (!s) return signInView();
  nav.hidden = false;
  account.hidden = false;
  fill(document.getElementById('who'), 'AccessKey ', h('code', {}, s.accessKeyId));
  await loadRegions(s);
  const heading = await render();
  heading?.focus();
}

regionSelect.addEventListener('change', () => {
  const s = session();
  if (!s) return;
  saveSession({ ...s, region: regionSelect.value });
  render();
});

document.getElementById('sign-out').addEventListener('click', () => {
  generation += 1; // a view still loading or refreshing stops
  saveSession(null);
  fill(regionSelect);
  location.hash = '#/sign-in';
  signInView();
});

window.addEventListener('hashchange', async () => {
  if (!session()) return;
  const heading = await render();
  // a click on a navigation link moves focus to the new view's heading
  if (heading && !main.contains(document.activeElement)) heading.focus();
});

// the skip link moves focus without touching the hash, which names the view
document.querySelector('.skip').addEventListener('click', (e) => {
  e.preventDefault();
  (main.querySelector('h1') ?? main).focus();
});

wireDialog();
start();
