// Polls /api/summary every 2 s and draws every panel. No libraries: tables are DOM, charts inline SVG.
// Every figure carries data-kpi (its name) and data-value (the raw figure) so tests can read it.
(function () {
  'use strict';
  var POLL_MS = 2000;
  var HISTORY = 30; // samples of message rates kept for the sparklines (one minute)
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#2f6fdb', '#2e9d5b', '#d98b1c', '#d2453b', '#7a4fc9', '#17324d', '#3aa6b9'];
  var rateHistory = {};

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function percent(ratio) {
    return ratio && ratio.value !== null && ratio.value !== undefined ? (Number(ratio.value) * 100).toFixed(1) + '%' : '—';
  }

  function money(amount) {
    var n = Number(amount || 0);
    return '$' + n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function count(n) { return Number(n || 0).toLocaleString('en-US'); }

  function setFigure(id, kpi, raw, shown) {
    var node = $(id);
    node.setAttribute('data-kpi', kpi);
    node.setAttribute('data-value', raw === null || raw === undefined ? '' : String(raw));
    node.textContent = shown;
  }

  // JSON numbers arrive as doubles: raw figures are written back with the places the server computed.
  function fixed(value, places) {
    return value === null || value === undefined ? null : Number(value).toFixed(places);
  }

  function setRatio(id, kpi, ratio) {
    setFigure(id, kpi, ratio ? fixed(ratio.value, 4) : null, percent(ratio));
    var counts = $(id + '-counts');
    if (counts && ratio) { counts.textContent = count(ratio.numerator) + ' / ' + count(ratio.denominator); }
  }

  function cell(text, kpi, raw, cls) {
    var attrs = { 'class': cls };
    if (kpi) { attrs['data-kpi'] = kpi; attrs['data-value'] = raw === null || raw === undefined ? '' : String(raw); }
    return el('td', attrs, text);
  }

  function fillBody(table, rows) {
    var body = table.tBodies[0];
    body.textContent = '';
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function row(cells, attrs) {
    var tr = el('tr', attrs);
    cells.forEach(function (c) { tr.appendChild(c); });
    return tr;
  }

  function clear(node) { node.textContent = ''; return node; }

  // Charts are drawn at the container's pixel width, so text keeps its size whatever the card's.
  function widthOf(container) { return Math.max(container.clientWidth || 0, 280); }

  function canvas(width, height) {
    return svg('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img' });
  }

  // Horizontal bars: items [{label, value, shown}], one bar per row.
  function hbars(container, items, color, labelW) {
    clear(container);
    labelW = labelW || 150;
    var width = widthOf(container), rowH = 24, valueW = 70;
    var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
    var s = canvas(width, Math.max(rowH, items.length * rowH));
    items.forEach(function (item, i) {
      var y = i * rowH;
      var w = (width - labelW - valueW) * item.value / max;
      s.appendChild(svg('text', { x: labelW - 6, y: y + 16, 'text-anchor': 'end' }, item.label));
      s.appendChild(svg('rect', { x: labelW, y: y + 4, width: Math.max(w, 1), height: rowH - 8, rx: 3, fill: item.color || color }));
      s.appendChild(svg('text', { x: labelW + w + 6, y: y + 16 }, item.shown));
    });
    container.appendChild(s);
  }

  // Vertical columns: items [{label, value}].
  function columns(container, items, color) {
    clear(container);
    var width = widthOf(container), height = 130, base = 110, colW = width / Math.max(items.length, 1);
    var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
    var s = canvas(width, height);
    items.forEach(function (item, i) {
      var h = (base - 16) * item.value / max;
      var x = i * colW + colW * 0.15;
      s.appendChild(svg('rect', { x: x, y: base - h, width: colW * 0.7, height: Math.max(h, 1), rx: 2, fill: color }));
      s.appendChild(svg('text', { x: x + colW * 0.35, y: base - h - 4, 'text-anchor': 'middle' }, String(item.value)));
      s.appendChild(svg('text', { x: x + colW * 0.35, y: base + 14, 'text-anchor': 'middle' }, item.label + ' d'));
    });
    container.appendChild(s);
  }

  // One stacked bar per payer across the aging buckets.
  function stacked(container, buckets, rows) {
    clear(container);
    var legend = el('div', { 'class': 'legend' });
    buckets.forEach(function (b, i) {
      var span = el('span');
      span.appendChild(el('i', { style: 'background:' + COLORS[i % COLORS.length] }));
      span.appendChild(document.createTextNode(b + ' days'));
      legend.appendChild(span);
    });
    container.appendChild(legend);
    var width = widthOf(container), rowH = 26, labelW = 160, valueW = 110;
    var max = Math.max.apply(null, rows.map(function (r) { return Number(r.total); }).concat([0.01]));
    var s = canvas(width, Math.max(rowH, rows.length * rowH));
    rows.forEach(function (r, i) {
      var y = i * rowH, x = labelW;
      s.appendChild(svg('text', { x: labelW - 6, y: y + 17, 'text-anchor': 'end' }, r.payerId));
      r.amounts.forEach(function (a, b) {
        var w = (width - labelW - valueW) * Number(a) / max;
        if (w > 0) { s.appendChild(svg('rect', { x: x, y: y + 4, width: w, height: rowH - 8, fill: COLORS[b % COLORS.length] })); }
        x += w;
      });
      s.appendChild(svg('text', { x: x + 6, y: y + 17 }, money(r.total)));
    });
    container.appendChild(s);
  }

  function sparkline(values) {
    var width = 120, height = 22;
    var s = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height });
    var max = Math.max.apply(null, values.concat([1]));
    var points = values.map(function (v, i) {
      return (i * width / Math.max(HISTORY - 1, 1)).toFixed(1) + ',' + (height - 2 - (height - 4) * v / max).toFixed(1);
    });
    if (points.length > 1) { s.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#2f6fdb', 'stroke-width': 1.5 })); }
    return s;
  }

  function drawFunnel(f) {
    var stages = [['encounters', 'Encounters'], ['coded', 'Coded'], ['claims', 'Claims'], ['submitted', 'Submitted'],
      ['accepted', 'Accepted'], ['paid', 'Paid'], ['denied', 'Denied']];
    var figures = clear($('funnel-figures'));
    stages.forEach(function (s, i) {
      var box = el('div', { 'class': 'figure', style: 'border-color:' + (s[0] === 'denied' ? '#d2453b' : COLORS[i % 2 ? 5 : 0]) });
      box.appendChild(el('div', { 'class': 'label' }, s[1]));
      box.appendChild(el('div', { 'class': 'value', id: 'funnel-' + s[0], 'data-kpi': 'funnel.' + s[0], 'data-value': String(f[s[0]]) }, count(f[s[0]])));
      figures.appendChild(box);
    });
    hbars($('funnel-chart'), stages.map(function (s) {
      return { label: s[1], value: f[s[0]], shown: count(f[s[0]]), color: s[0] === 'denied' ? '#d2453b' : (s[0] === 'paid' ? '#2e9d5b' : '#2f6fdb') };
    }), null, 110);
  }

  function drawStuck(w) {
    var items = [
      ['openCodingQueries', 'Open coding queries'], ['scrubFailures', 'Scrub failures'],
      ['rejectedClaims', 'Claims rejected by payer'], ['rejectedEncounters', 'Encounters refused at ingest'],
      ['openDenials', 'Open denials'], ['unpaidPastThreshold', 'Unpaid > ' + w.unpaidThresholdDays + ' days since submission']];
    fillBody($('stuck-table'), items.map(function (i) {
      return row([el('td', null, i[1]), cell(count(w[i[0]]), 'stuck.' + i[0], w[i[0]])],
        { id: 'stuck-' + i[0], 'class': w[i[0]] > 0 ? 'warn' : '' });
    }));
  }

  function drawKpis(k) {
    setRatio('kpi-clean-claim-rate', 'cleanClaimRate', k.cleanClaimRate);
    setRatio('kpi-first-pass-acceptance', 'firstPassAcceptance', k.firstPassAcceptance);
    setRatio('kpi-denial-rate', 'denialRate', k.denials.overall);
    var d = k.daysToPayment;
    setFigure('kpi-days-to-payment-average', 'daysToPayment.average', fixed(d.averageDays, 1), d.averageDays === null || d.averageDays === undefined ? '—' : fixed(d.averageDays, 1) + ' d');
    setFigure('kpi-days-to-payment-median', 'daysToPayment.median', fixed(d.medianDays, 1), d.medianDays === null || d.medianDays === undefined ? '—' : fixed(d.medianDays, 1) + ' d');
    setFigure('kpi-days-to-payment-claims', 'daysToPayment.claimsPaid', d.claimsPaid, count(d.claimsPaid) + ' claims paid');
    columns($('days-to-payment-chart'), d.bands.map(function (b) { return { label: b.days, value: b.claims }; }), '#2e9d5b');
  }

  function drawDenials(dn) {
    hbars($('denial-category-chart'), dn.byCategory.map(function (c) {
      return { label: c.category.replace(/_/g, ' ').toLowerCase(), value: c.rate.numerator, shown: count(c.rate.numerator) };
    }), '#d2453b', 130);
    fillBody($('denial-category-table'), dn.byCategory.map(function (c) {
      var key = 'denials.category.' + c.category;
      return row([el('td', null, c.category), cell(count(c.rate.numerator), key + '.claims', c.rate.numerator, 'num'),
        cell(percent(c.rate), key + '.rate', fixed(c.rate.value, 4), 'num'), cell(money(c.deniedAmount), key + '.amount', fixed(c.deniedAmount, 2), 'num')]);
    }));
    fillBody($('denial-payer-table'), dn.byPayer.map(function (p) {
      var key = 'denials.payer.' + p.payerId;
      return row([el('td', null, p.payerId), el('td', { 'class': 'num' }, count(p.rate.numerator) + ' / ' + count(p.rate.denominator)),
        cell(percent(p.rate), key + '.rate', fixed(p.rate.value, 4), 'num'), cell(money(p.deniedAmount), key + '.amount', fixed(p.deniedAmount, 2), 'num')]);
    }));
  }

  function drawAging(a) {
    var table = $('aging-table');
    var head = clear(table.tHead);
    head.appendChild(row([el('th', null, 'payer'), el('th', { 'class': 'num' }, 'claims')]
      .concat(a.buckets.map(function (b) { return el('th', { 'class': 'num' }, b + ' d'); }))
      .concat([el('th', { 'class': 'num' }, 'total')])));
    function agingRow(r) {
      var key = 'aging.' + r.payerId;
      return row([el('td', null, r.payerId === 'ALL' ? 'All payers' : r.payerId), cell(count(r.claims), key + '.claims', r.claims, 'num')]
        .concat(r.amounts.map(function (amt, i) { return cell(money(amt), key + '.' + a.buckets[i], fixed(amt, 2), 'num'); }))
        .concat([cell(money(r.total), key + '.total', fixed(r.total, 2), 'num')]));
    }
    fillBody(table, a.byPayer.map(agingRow));
    var foot = clear(table.tFoot);
    foot.appendChild(agingRow(a.total));
    stacked($('aging-chart'), a.buckets, a.byPayer);
  }

  function drawQueues(queues) {
    fillBody($('queue-table'), queues.map(function (q) {
      var key = 'queue.' + q.topic;
      return row([el('td', null, q.topic + (q.kind === 'DEAD_LETTERS' ? ' (dead letters)' : ' (exceptions)')),
        cell(count(q.records), key + '.records', q.records, 'num'), cell(count(q.open), key + '.open', q.open, 'num')],
        { 'class': q.open > 0 ? 'warn' : '' });
    }));
  }

  function drawServices(services) {
    fillBody($('service-table'), services.map(function (s) {
      var shown = s.state + (s.httpStatus ? ' (' + s.httpStatus + ')' : '');
      var name = el('td');
      name.appendChild(el('div', null, s.name));
      name.appendChild(el('small', null, s.baseUrl));
      return row([name, cell(shown, 'service.' + s.name, s.state, 'state-' + s.state)]);
    }));
  }

  function drawCluster(c) {
    $('cluster-status').textContent = c.reachable ? '' : '(cluster not reachable: ' + (c.error || 'unknown') + ')';
    fillBody($('topic-table'), c.topics.map(function (t) {
      var history = rateHistory[t.topic] || (rateHistory[t.topic] = []);
      history.push(Number(t.messagesPerSecond || 0));
      if (history.length > HISTORY) { history.shift(); }
      var spark = el('td');
      spark.appendChild(sparkline(history));
      var key = 'topic.' + t.topic;
      return row([el('td', null, t.topic + (t.exists ? '' : ' (missing)')), cell(String(t.partitions), null, null, 'num'),
        cell(count(t.endOffset), key + '.endOffset', t.endOffset, 'num'),
        cell(t.messagesPerSecond === null || t.messagesPerSecond === undefined ? '—' : fixed(t.messagesPerSecond, 1), key + '.rate', fixed(t.messagesPerSecond, 1), 'num'),
        spark]);
    }));
    fillBody($('lag-table'), c.groups.map(function (g) {
      var detail = g.topics.filter(function (t) { return t.lag > 0; }).map(function (t) { return t.topic + ': ' + count(t.lag); }).join(', ');
      return row([el('td', null, g.groupId), el('td', null, g.type), el('td', null, g.state),
        cell(count(g.totalLag), 'lag.' + g.groupId, g.totalLag, 'num'), el('td', null, detail || '—')],
        { 'class': g.totalLag > 1000 ? 'warn' : '' });
    }));
  }

  function draw(summary) {
    var k = summary.kpis;
    $('updated-at').textContent = new Date().toLocaleTimeString();
    setFigure('events-read', 'eventsRead', k.eventsRead, count(k.eventsRead));
    drawFunnel(k.funnel);
    drawKpis(k);
    drawStuck(k.stuckWork);
    drawDenials(k.denials);
    drawAging(k.receivablesAging);
    drawQueues(k.exceptionQueues);
    drawServices(summary.services);
    drawCluster(summary.cluster);
  }

  function connection(ok, text) {
    var pill = $('connection');
    pill.className = 'pill ' + (ok ? 'ok' : 'bad');
    pill.textContent = text;
  }

  function poll() {
    fetch('api/summary', { cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (summary) { draw(summary); connection(true, 'live'); })
      .catch(function (e) { connection(false, 'no data: ' + e.message); })
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  poll();
}());
