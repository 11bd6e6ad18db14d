/// The inline style sheet and script of the HTML report. Both are written
/// into the page: it loads nothing from anywhere (no fonts, no scripts, no
/// images), so it can be mailed or put on an intranet as one file.
///
/// Colours are the Okabe–Ito palette, distinguishable with the common
/// colour-vision deficiencies, and never the only cue: markers differ in
/// shape (▲ above, ▼ below, ● within), lines in dash pattern, and flagged
/// points carry their name. The layout fits 1280 × 800 in two chart
/// columns; print gets A4 landscape, no buttons and no collapsed tables.
enum HTMLStyle {
    static let css = """
    @page { size: A4 landscape; margin: 12mm; }
    :root { --ink: #1d2630; --muted: #56616b; --line: #d5dbe0; --band: #f1f4f7; --accent: #0072B2; --better: #009E73; --worse: #D55E00; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #e9edf1; color: var(--ink); font: 15px/1.45 system-ui, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
    main { max-width: 1240px; margin: 0 auto; padding: 20px 32px 32px; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 2px; }
    h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 15px; margin: 0 0 6px; }
    .meta { color: var(--muted); margin: 0 0 12px; }
    .summary { font-size: 16px; margin: 0 0 14px; padding: 10px 16px; background: #eef6fb; border-left: 4px solid var(--accent); }
    .tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 0 0 8px; padding: 0; list-style: none; }
    .tiles li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; }
    .tiles .value { display: block; font-size: 26px; font-weight: 700; }
    .tiles .label { color: var(--muted); font-size: 13px; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 20px 28px; }
    figure { margin: 0; break-inside: avoid; }
    figcaption { font-weight: 600; margin-bottom: 4px; }
    svg.chart { display: block; width: 100%; max-width: 640px; height: auto; }
    .chart text { fill: #2b333b; font-family: inherit; }
    .chart .tick { font-size: 11px; fill: #56616b; }
    .chart .axis-title, .chart .panel-title { font-size: 12px; font-weight: 600; }
    .chart .note { font-size: 11px; font-style: italic; fill: #56616b; }
    .chart .plot-area { fill: #fbfcfd; stroke: #c8cfd6; }
    .chart .grid { stroke: #e4e8ec; }
    .chart .reference { stroke: #7d8893; }
    .chart .limit { fill: none; stroke: #3b444d; }
    .chart .limit95 { stroke-width: 1.2; stroke-dasharray: 6 4; }
    .chart .limit998 { stroke-width: 1.6; }
    .chart .marker { fill: var(--accent); stroke: #fff; stroke-width: 1; }
    .chart .high-alert .marker, .chart .high-alarm .marker { fill: var(--better); }
    .chart .low-alert .marker, .chart .low-alarm .marker { fill: var(--worse); }
    .chart .high-alarm .marker, .chart .low-alarm .marker { stroke: #000; stroke-width: 1.5; }
    .chart .run-ring { fill: none; stroke: #000; stroke-width: 1.5; stroke-dasharray: 2 2; }
    .sym.run { color: #000; }
    .chart .point-label { font-size: 12px; font-weight: 600; }
    .chart .series { fill: none; stroke: var(--accent); stroke-width: 2; }
    .chart .plimit { fill: none; stroke: #6b7680; stroke-dasharray: 4 3; }
    .chart .centre { stroke: var(--ink); stroke-width: 1.2; stroke-dasharray: 9 4; }
    .chart .draw { fill: var(--accent); fill-opacity: 0.3; }
    .chart .wtp-line { stroke: var(--worse); stroke-width: 1.5; stroke-dasharray: 6 3; }
    .chart .estimate .marker { fill: var(--ink); }
    .chart .model-switch { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 2 3; opacity: 0.7; }
    .chart .better .bar { fill: var(--accent); }
    .chart .worse .bar { fill: var(--worse); }
    .chart .bar-name { font-size: 12px; }
    .chart .bar-value { font-size: 11px; fill: #3b444d; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 6px 0 0; padding: 0; list-style: none; font-size: 13px; color: var(--muted); }
    .swatch { display: inline-block; width: 26px; margin-right: 5px; vertical-align: middle; border-top: 2px solid #3b444d; }
    .swatch.dashed { border-top-style: dashed; }
    .swatch.centre { border-top: 2px dashed var(--ink); }
    .sym { font-weight: 700; margin-right: 4px; }
    .sym.within, .sym.series { color: var(--accent); }
    .sym.better { color: var(--better); }
    .sym.worse { color: var(--worse); }
    details { margin-top: 6px; font-size: 13px; }
    summary { cursor: pointer; color: var(--accent); }
    table { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
    table.data { font-size: 13px; margin-top: 6px; }
    caption { text-align: left; font-weight: 600; padding: 0 0 6px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .table-scroll { overflow-x: auto; }
    tbody th, tfoot th, td.num { white-space: nowrap; }
    th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); }
    th { text-align: left; font-weight: 600; }
    .num { text-align: right; }
    .text { text-align: left; }
    thead th { background: var(--band); vertical-align: bottom; }
    thead button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
    thead button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    th[aria-sort="ascending"] button::after { content: " \\25B2"; }
    th[aria-sort="descending"] button::after { content: " \\25BC"; }
    tbody tr:nth-child(even) { background: #fafbfc; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
    tr.suppressed { color: var(--muted); }
    .hidden-cell { font-style: italic; text-align: left; }
    .ci { color: var(--muted); font-size: 12px; white-space: nowrap; }
    .flag { white-space: nowrap; }
    .flag.within { color: var(--muted); }
    .flag.high-alert, .flag.high-alarm { color: #00684a; }
    .flag.low-alert, .flag.low-alarm { color: #a33c00; }
    .hint { color: var(--muted); font-size: 13px; margin: 4px 0 0; }
    .import { display: grid; grid-template-columns: 3fr 2fr; gap: 24px; }
    .notes dt { font-weight: 600; margin-top: 8px; }
    .notes dd { margin: 2px 0 0; max-width: 75em; }
    footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
    @media (max-width: 900px) { .tiles { grid-template-columns: repeat(2, 1fr); } .import { grid-template-columns: 1fr; } }
    @media print {
      body { background: #fff; font-size: 10pt; }
      main { max-width: none; padding: 0; }
      .charts { grid-template-columns: 1fr 1fr; }
      .tiles { grid-template-columns: repeat(4, 1fr); }
      .import { grid-template-columns: 3fr 2fr; }
      .table-scroll { overflow: visible; }
      thead { display: table-row-group; }
      table { font-size: 8.5pt; }
      th, td { padding: 3px 5px; }
      details, .hint { display: none; }
      thead button::after { content: none; }
      h2 { break-after: avoid; }
      tr, .tiles li { break-inside: avoid; }
    }
    """

    /// Sorts a `table.sortable` by the clicked column: numbers by their
    /// `data-sort` key, the first column by name; rows without a key
    /// (suppressed groups) always last. No `<`, `&` or `//` in it, so the
    /// page stays well-formed XML and free of anything URL-like.
    static let sortScript = """
    (function () {
      function key(row, col) {
        if (col === 0) { return row.cells[0].textContent; }
        if (row.classList.contains('suppressed')) { return null; }
        var cell = row.cells[col];
        var text = cell ? cell.getAttribute('data-sort') : null;
        if (text === null) { return null; }
        var value = parseFloat(text);
        return isNaN(value) ? null : value;
      }
      Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
        var heads = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads, function (th, col) {
          var button = th.querySelector('button');
          if (!button) { return; }
          button.addEventListener('click', function () {
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var ka = key(a, col), kb = key(b, col);
              if (ka === null || kb === null) { return (ka === null ? 1 : 0) - (kb === null ? 1 : 0); }
              var order = typeof ka === 'number' ? ka - kb : String(ka).localeCompare(String(kb), document.documentElement.lang);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
      });
    })();
    """
}
