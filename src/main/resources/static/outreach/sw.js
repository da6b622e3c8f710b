// The outreach desk's service worker (served at /desk/outreach/sw.js, scope /desk/outreach/): keeps the two field
// forms and their assets so that they open without a network. Pages are fetched from the network first (fresh
// CSRF token and campaigns), the cache answers when there is none. Only GET requests are handled: what a form
// sends goes straight to the network, and offline.js keeps it on the device until it arrives.
'use strict';

const CACHE = 'anning-outreach-v1';
const base = self.registration.scope.replace(/desk\/outreach\/$/, '');
const PAGES = ['desk/outreach/visits/new', 'desk/outreach/households/new'].map(p => base + p);
const ASSETS = ['css/anning.css', 'outreach/offline.js', 'webjars/htmx.org/dist/htmx.min.js'].map(p => base + p);

async function keep(cache, url) {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    // A redirect means the sign-in page answered: that is not the form.
    if (response.ok && !response.redirected) {
      await cache.put(url, response);
    }
  } catch (e) {
    // offline while installing: the next visit fills the cache
  }
}

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => Promise.all([...PAGES, ...ASSETS].map(url => keep(cache, url))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(n => n.startsWith('anning-outreach-') && n !== CACHE).map(n => caches.delete(n))))
    .then(() => self.clients.claim()));
});

function cached(url) {
  const path = url.origin + url.pathname;
  return PAGES.includes(path) || ASSETS.includes(path);
}

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !cached(url)) {
    return;
  }
  const key = url.origin + url.pathname;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok && !response.redirected) {
        await cache.put(key, response.clone());
      }
      return response;
    } catch (e) {
      const hit = await cache.match(key);
      if (hit) {
        return hit;
      }
      throw e;
    }
  })());
});
