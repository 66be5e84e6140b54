// Live updates for readers, over the public audience of WebSocket protocol v1 (docs/websocket-protocol.md).
// Home page: a "new post" bar that shows the new posts when clicked, without moving what the reader is reading.
// Post page: the post updates in place when edited, and says so when it is unpublished or deleted.
// Without this script the pages work the same; they just do not change until reloaded.
(function () {
  'use strict';
  var page = document.body.dataset.live;
  var postId = document.body.dataset.postId;
  var position = null;
  var epoch = null;
  var attempt = 0;
  var fresh = new Set();

  function connect() {
    var ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws');
    ws.onopen = function () {
      var hello = { type: 'hello' };
      if (position !== null) { hello.since = position; hello.epoch = epoch; }
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = function (message) {
      var frame = JSON.parse(message.data);
      if (frame.type === 'event') {
        position = frame.position;
        onEvent(frame.event);
      } else if (frame.type === 'ready') {
        position = Math.max(position === null ? -1 : position, frame.position);
        epoch = frame.epoch;
        attempt = 0;
        document.body.dataset.liveReady = 'true';
      } else if (frame.type === 'resync') {
        position = null;
      }
    };
    var ping = setInterval(function () {
      if (ws.readyState === WebSocket.OPEN) { ws.send('{"type":"ping"}'); }
    }, 25000);
    ws.onclose = function (close) {
      clearInterval(ping);
      document.body.dataset.liveReady = 'false';
      // Client bugs (docs/websocket-protocol.md, "Close codes"): reconnecting would fail the same way.
      if ([1002, 1003, 1007, 1009, 4009].indexOf(close.code) !== -1) { return; }
      // 1008: too many frames too fast; reconnecting at once would be refused again, so wait 10 s first.
      var wait = close.code === 1008 ? 10000 : 0;
      var delay = close.code === 1012 ? 0 : wait + Math.random() * Math.min(30000, 500 * Math.pow(2, attempt++));
      setTimeout(connect, delay);
    };
  }

  function onEvent(event) {
    if (page === 'home' && event.type === 'blog-published' && !shown(event.post.slug)) {
      fresh.add(event.postId);
      showNewPostsBar();
    } else if (page === 'home' && (event.type === 'blog-unpublished' || event.type === 'blog-deleted')) {
      fresh.delete(event.postId);
      if (fresh.size === 0) { hide('live-bar'); } else { showNewPostsBar(); }
    } else if (page === 'post' && event.postId === postId) {
      if (event.type === 'blog-updated' || event.type === 'blog-published') {
        refreshPost(event.post.slug);
      } else {
        notice('This post is no longer available: it was ' + (event.type === 'blog-deleted' ? 'deleted' : 'unpublished') + '.');
      }
    }
  }

  function shown(slug) {
    return document.querySelector('#main a[href="/posts/' + encodeURIComponent(slug) + '"]') !== null;
  }

  function showNewPostsBar() {
    var bar = document.getElementById('live-bar');
    if (!bar) {
      bar = document.createElement('div');
      bar.id = 'live-bar';
      bar.className = 'live-bar';
      bar.setAttribute('role', 'status');
      var button = document.createElement('button');
      button.type = 'button';
      button.addEventListener('click', showNewPosts);
      bar.appendChild(button);
      document.body.appendChild(bar);
    }
    bar.hidden = false;
    bar.firstChild.textContent = fresh.size === 1 ? '1 new post' : fresh.size + ' new posts';
  }

  function showNewPosts() {
    fetch('/', { headers: { Accept: 'text/html' }, cache: 'no-store' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('main');
        document.getElementById('main').replaceWith(next);
        fresh.clear();
        hide('live-bar');
        window.scrollTo(0, 0);
        next.querySelector('h2 a') && next.querySelector('h2 a').focus();
      });
  }

  function refreshPost(slug) {
    var path = '/posts/' + encodeURIComponent(slug);
    fetch(path, { headers: { Accept: 'text/html' }, cache: 'no-store' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var next = new DOMParser().parseFromString(html, 'text/html');
        document.querySelector('main article').replaceWith(next.querySelector('main article'));
        document.title = next.title;
        if (location.pathname !== path) { history.replaceState(null, '', path); }
        hide('live-notice');
      });
  }

  function notice(text) {
    var box = document.getElementById('live-notice');
    if (!box) {
      box = document.createElement('p');
      box.id = 'live-notice';
      box.className = 'live-notice';
      box.setAttribute('role', 'alert');
      document.getElementById('main').prepend(box);
    }
    box.hidden = false;
    box.textContent = text;
  }

  function hide(id) {
    var element = document.getElementById(id);
    if (element) { element.hidden = true; }
  }

  if (page && 'WebSocket' in window) { connect(); }
})();
