// Offline capture for the outreach desk's field forms (service visits, household visits). Without JavaScript the
// forms post as usual. With it, a saved form goes into an outbox in localStorage with an idempotency key made on
// this device, the page lists what waits, and the outbox is sent to the desk's JSON endpoint whenever the
// network is there (on load, when the browser comes online, every 20 seconds, or with "Send now"). The server
// claims each key once, so an entry sent twice makes one record; an entry leaves the outbox only when the server
// answered 201, or 422 (shown, to be entered again).
(function () {
  'use strict';

  const STORE = 'anning.outreach.outbox';
  const form = document.querySelector('form[data-offline]');
  const panel = document.getElementById('outbox-panel');
  if (!form || !panel || !window.fetch || !window.localStorage) {
    return;
  }
  const kind = form.dataset.offline;
  const owner = form.dataset.owner;
  const text = panel.dataset;
  let sending = false;

  if ('serviceWorker' in navigator && form.dataset.sw) {
    navigator.serviceWorker.register(form.dataset.sw, { scope: form.dataset.scope }).catch(() => {});
  }

  function load() {
    try {
      return JSON.parse(localStorage.getItem(STORE) || '[]');
    } catch (e) {
      return [];
    }
  }

  function save(entries) {
    localStorage.setItem(STORE, JSON.stringify(entries));
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  // The form's fields as the JSON the endpoint takes: issues[i].kind into issues[i], services as a list,
  // consent as true or false.
  function body() {
    const data = {};
    const issues = [];
    for (const [name, value] of new FormData(form).entries()) {
      const row = /^issues\[(\d+)\]\.(\w+)$/.exec(name);
      if (row) {
        issues[row[1]] = issues[row[1]] || {};
        issues[row[1]][row[2]] = value;
      } else if (name === 'services') {
        (data.services = data.services || []).push(value);
      } else if (name === 'consent') {
        data.consent = value === 'true';
      } else if (name !== '_csrf') {
        data[name] = value;
      }
    }
    if (kind === 'household') {
      data.issues = issues.filter(i => i && (i.kind || i.description));
    }
    return data;
  }

  // Puts an entry the server refused back into the form, to be corrected and saved again.
  function fill(data) {
    for (const field of form.elements) {
      const row = /^issues\[(\d+)\]\.(\w+)$/.exec(field.name);
      if (row) {
        const issue = (data.issues || [])[row[1]];
        field.value = issue && issue[row[2]] ? issue[row[2]] : '';
      } else if (field.name === 'services') {
        field.checked = (data.services || []).includes(field.value);
      } else if (field.name === 'consent') {
        field.checked = String(data.consent) === field.value;
      } else if (field.name && field.name !== '_csrf' && field.name in data && field.type !== 'submit') {
        field.value = data[field.name] == null ? '' : data[field.name];
      }
    }
    form.scrollIntoView();
  }

  function summary(entry) {
    const b = entry.body;
    return kind === 'household' || entry.kind === 'household'
      ? [b.visitedOn, b.address].filter(Boolean).join(' · ')
      : [b.visitedOn, b.place].filter(Boolean).join(' · ');
  }

  function render() {
    const entries = load().filter(e => e.kind === kind);
    const list = document.getElementById('outbox');
    list.replaceChildren();
    for (const entry of entries) {
      const item = document.createElement('li');
      item.className = 'outbox-entry';
      item.dataset.key = entry.key;
      const what = document.createElement('span');
      what.textContent = summary(entry) + ' — ';
      const state = document.createElement('span');
      state.className = 'outbox-state';
      state.textContent = entry.owner !== owner ? text.textOtherUser
        : entry.errors ? text.textRejected + ' ' + entry.errors.join(' ')
        : entry.signIn ? text.textSignIn
        : entry.failed ? text.textFailed : text.textQueued;
      item.append(what, state);
      if (entry.errors) {
        const edit = document.createElement('button');
        edit.type = 'button';
        edit.className = 'secondary';
        edit.textContent = text.textEdit;
        edit.addEventListener('click', () => {
          fill(entry.body);
          save(load().filter(e => e.key !== entry.key));
          render();
        });
        item.append(' ', edit);
        const discard = document.createElement('button');
        discard.type = 'button';
        discard.className = 'secondary';
        discard.textContent = text.textDiscard;
        discard.addEventListener('click', () => {
          save(load().filter(e => e.key !== entry.key));
          render();
        });
        item.append(' ', discard);
      }
      list.append(item);
    }
    document.getElementById('outbox-count').textContent = entries.length === 0
      ? panel.querySelector('#outbox-count').dataset.empty
      : text.textWaiting.replace('{0}', String(entries.length));
    document.getElementById('network-status').textContent = navigator.onLine ? text.textOnline : text.textOffline;
    panel.hidden = false;
  }

  function update(key, change) {
    save(load().map(e => (e.key === key ? Object.assign({}, e, change) : e)));
  }

  async function send() {
    if (sending || !navigator.onLine) {
      render();
      return;
    }
    sending = true;
    try {
      for (const entry of load().filter(e => e.kind === kind && e.owner === owner && !e.errors)) {
        let response;
        try {
          const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Idempotency-Key': entry.key };
          headers[form.dataset.csrfHeader] = form.dataset.csrfToken;
          response = await fetch(form.dataset.syncUrl, {
            method: 'POST', headers: headers, body: JSON.stringify(entry.body), credentials: 'same-origin', redirect: 'manual'
          });
        } catch (e) {
          update(entry.key, { failed: true });
          break; // no network after all: keep everything for later
        }
        if (response.status === 201 || response.status === 200) {
          const made = await response.json().catch(() => ({}));
          save(load().filter(e => e.key !== entry.key));
          const done = document.getElementById('sync-result');
          done.textContent = text.textSynced + ' ' + (made.reference || summary(entry));
        } else if (response.status === 422) {
          const problem = await response.json().catch(() => ({}));
          update(entry.key, { errors: (problem.errors || []).map(e => e.message) });
        } else if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
          update(entry.key, { signIn: true });
          break;
        } else {
          update(entry.key, { failed: true });
        }
      }
    } finally {
      sending = false;
      render();
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const entries = load();
    entries.push({ key: newKey(), kind: kind, owner: owner, body: body(), savedAt: new Date().toISOString() });
    save(entries);
    // Keep the campaign and the day, clear what belongs to this one household or resident.
    for (const field of form.querySelectorAll('input[type=text], textarea, input[type=number]')) {
      field.value = '';
    }
    for (const field of form.querySelectorAll('select')) {
      if (field.name !== 'campaign' && field.name !== 'unit') {
        field.value = '';
      }
    }
    for (const field of form.querySelectorAll('input[type=checkbox], input[type=radio]')) {
      field.checked = false;
    }
    render();
    send();
  });

  document.getElementById('sync-now').addEventListener('click', send);
  window.addEventListener('online', send);
  window.addEventListener('offline', render);
  setInterval(send, 20000);
  panel.querySelector('#outbox-count').dataset.empty = panel.querySelector('#outbox-count').textContent;
  render();
  send();
}());
