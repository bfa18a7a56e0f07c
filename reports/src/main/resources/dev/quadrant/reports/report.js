(function () {
  'use strict';
  // The report page's only script: a Copy button on each verify command, and the flame graphs, drawn on a canvas
  // from the page's own JSON. Names reach the page only through textContent and fillText, never as markup.
  var ROW = 17;
  var commands = document.querySelectorAll('pre.verify');
  for (var c = 0; c < commands.length; c++) copyButton(commands[c]);
  var source = document.getElementById('q-profiles');
  if (!source) return;
  var profiles = JSON.parse(source.textContent);
  var boxes = document.querySelectorAll('.flame[data-profile]');
  for (var b = 0; b < boxes.length; b++) graph(boxes[b], profiles[boxes[b].getAttribute('data-profile')]);

  function copyButton(pre) {
    if (!navigator.clipboard) return;
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy';
    b.textContent = 'Copy';
    b.addEventListener('click', function () {
      navigator.clipboard.writeText(pre.textContent).then(function () { b.textContent = 'Copied'; },
        function () { b.textContent = 'Select and copy'; });
    });
    pre.parentNode.insertBefore(b, pre);
  }

  function amount(v, unit) {
    if (unit === 'bytes') {
      var u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'], i = 0;
      while (v >= 1024 && i < u.length - 1) { v /= 1024; i++; }
      return (i === 0 ? v : v.toFixed(v >= 100 ? 0 : 1)) + ' ' + u[i];
    }
    var ms = unit === 'us' ? v / 1000 : v;
    if (ms >= 1000) return (ms / 1000).toFixed(ms >= 100000 ? 0 : 1) + ' s';
    if (ms >= 1) return ms.toFixed(ms >= 100 ? 0 : 1) + ' ms';
    return Math.round(ms * 1000) + ' \u00b5s';
  }

  function hash(s) {
    var h = 0;
    for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
    return h >>> 0;
  }

  function color(name) {
    var h = hash(name);
    if (/^(waiting for |allocated |\[)/.test(name) || name.indexOf('(') < 0 && name !== 'all') return 'hsl(205,60%,' + (62 + h % 14) + '%)';
    if (/^(java\.|javax\.|jdk\.|sun\.|com\.sun\.)/.test(name)) return 'hsl(' + (40 + h % 14) + ',62%,' + (58 + h % 10) + '%)';
    return 'hsl(' + (8 + h % 22) + ',78%,' + (56 + h % 10) + '%)';
  }

  function graph(box, p) {
    var status = box.querySelector('.flame-status'), what = status.textContent;
    if (!p || !p.total) { status.textContent = 'No samples in this period.'; box.setAttribute('data-ready', 'empty'); return; }
    var names = p.frames;
    // Flatten the nested [frame, weight, children] tree, parents before children.
    var F = [], D = [], X = [], W = [], P = [], maxDepth = 0;
    var todo = [[p.root, 0, 0, -1]];
    while (todo.length) {
      var e = todo.pop(), n = e[0], id = F.length;
      F.push(n[0]); D.push(e[1]); X.push(e[2]); W.push(n[1]); P.push(e[3]);
      if (e[1] > maxDepth) maxDepth = e[1];
      var kids = n[2], x = e[2], starts = [];
      for (var k = 0; k < kids.length; k++) { starts.push(x); x += kids[k][1]; }
      for (k = kids.length - 1; k >= 0; k--) todo.push([kids[k], e[1] + 1, starts[k], id]);
    }
    var count = F.length;
    var byDepth = [];
    for (var d = 0; d <= maxDepth; d++) byDepth.push([]);
    for (var i = 0; i < count; i++) byDepth[D[i]].push(i);

    var canvas = box.querySelector('canvas'), ctx = canvas.getContext('2d');
    var input = box.querySelector('input[type=search]'), reset = box.querySelector('button.reset');
    var tip = box.querySelector('.flame-tip');
    var zoom = 0, matched = null, width = 0;

    function ancestorOf(a, z) { while (z >= 0) { if (z === a) return true; z = P[z]; } return false; }

    function draw() {
      width = canvas.parentNode.clientWidth || 800;
      var ratio = window.devicePixelRatio || 1, height = (maxDepth + 1) * ROW;
      canvas.width = Math.round(width * ratio); canvas.height = Math.round(height * ratio);
      canvas.style.width = width + 'px'; canvas.style.height = height + 'px';
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.font = '11.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace';
      ctx.textBaseline = 'middle';
      var vx = X[zoom], vw = W[zoom], drawn = 0;
      for (var i = 0; i < count; i++) {
        var left = (X[i] - vx) / vw * width, w = W[i] / vw * width;
        if (D[i] < D[zoom]) { if (!ancestorOf(i, zoom)) continue; left = 0; w = width; }
        if (left + w <= 0 || left >= width || w < 0.4) continue;
        if (left < 0) { w += left; left = 0; }
        if (left + w > width) w = width - left;
        var y = D[i] * ROW, name = names[F[i]];
        ctx.globalAlpha = D[i] < D[zoom] ? 0.55 : 1;
        ctx.fillStyle = matched && matched[i] ? '#d946ef' : color(name);
        ctx.fillRect(left, y, Math.max(w - 0.5, 0.4), ROW - 1);
        if (w > 28) {
          var chars = Math.floor((w - 6) / 6.6);
          ctx.fillStyle = '#111';
          ctx.fillText(chars < name.length ? name.slice(0, Math.max(chars - 1, 1)) + '\u2026' : name, left + 3, y + ROW / 2);
        }
        drawn++;
      }
      ctx.globalAlpha = 1;
      box.setAttribute('data-drawn', drawn);
      box.setAttribute('data-zoom', zoom === 0 ? '' : names[F[zoom]]);
    }

    function at(ev) {
      var r = canvas.getBoundingClientRect(), mx = ev.clientX - r.left, depth = Math.floor((ev.clientY - r.top) / ROW);
      if (depth < 0 || depth > maxDepth) return -1;
      if (depth < D[zoom]) { for (var z = zoom; z >= 0; z = P[z]) if (D[z] === depth) return z; }
      var v = X[zoom] + mx / width * W[zoom], row = byDepth[depth];
      for (var i = 0; i < row.length; i++) { var n = row[i]; if (v >= X[n] && v < X[n] + W[n]) return n; }
      return -1;
    }

    function describe(n) {
      var s = names[F[n]] + ' \u2014 ' + amount(W[n], p.unit) + ', ' + (100 * W[n] / p.total).toFixed(2) + '% of all';
      if (zoom !== 0) s += ', ' + (100 * W[n] / W[zoom]).toFixed(2) + '% of the zoomed frame';
      return s;
    }

    function summary() {
      var s = what + ': ' + amount(p.total, p.unit) + ' in ' + count + ' frames';
      if (zoom !== 0) s += ' \u00b7 zoomed on ' + names[F[zoom]];
      if (matched) s += ' \u00b7 ' + box.getAttribute('data-matches') + ' frames match, ' + box.getAttribute('data-matched-percent') + '% of all';
      status.textContent = s;
    }

    function search() {
      var term = input.value.trim(), test = null;
      matched = null;
      if (term) {
        var re = /^\/(.+)\/$/.exec(term);
        try { if (re) { var rx = new RegExp(re[1], 'i'); test = function (s) { return rx.test(s); }; } } catch (ignored) { test = null; }
        if (!test) { var low = term.toLowerCase(); test = function (s) { return s.toLowerCase().indexOf(low) >= 0; }; }
        matched = new Uint8Array(count);
        var under = new Uint8Array(count), hits = 0, weight = 0;
        for (var i = 0; i < count; i++) {
          var inside = P[i] >= 0 && (matched[P[i]] || under[P[i]]);
          under[i] = inside ? 1 : 0;
          if (test(names[F[i]])) { matched[i] = 1; hits++; if (!inside) weight += W[i]; }
        }
        box.setAttribute('data-matches', hits);
        box.setAttribute('data-matched-percent', (100 * weight / p.total).toFixed(2));
      } else {
        box.removeAttribute('data-matches');
        box.removeAttribute('data-matched-percent');
      }
      draw();
      summary();
    }

    canvas.addEventListener('mousemove', function (ev) {
      var n = at(ev);
      if (n < 0) { tip.hidden = true; canvas.style.cursor = ''; return; }
      tip.textContent = describe(n);
      tip.hidden = false;
      var r = box.getBoundingClientRect();
      tip.style.left = Math.min(ev.clientX - r.left + 12, r.width - 320) + 'px';
      tip.style.top = (ev.clientY - r.top + 16) + 'px';
      canvas.style.cursor = 'pointer';
    });
    canvas.addEventListener('mouseleave', function () { tip.hidden = true; });
    canvas.addEventListener('click', function (ev) {
      var n = at(ev);
      if (n >= 0) { zoom = n; draw(); summary(); }
    });
    reset.addEventListener('click', function () { zoom = 0; input.value = ''; search(); });
    box.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { zoom = 0; draw(); summary(); } });
    input.addEventListener('input', search);
    var pending = 0;
    window.addEventListener('resize', function () { clearTimeout(pending); pending = setTimeout(draw, 100); });
    draw();
    summary();
    box.setAttribute('data-ready', 'yes');
  }
})();
