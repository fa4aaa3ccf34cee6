/// The built-in report template: an exact copy of Templates/report.mustache (a test checks they match;
/// after editing that file, paste it between the quotes below).
enum DefaultReportTemplate {
    static let text = ##"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{{! Nothing external loads: no scripts, fonts, frames or remote images, whatever the prose links to. HTTP-EQUIV is
    upper-case so that "http" in a report appears only in URLs. }}
<meta HTTP-EQUIV="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nmm {{version}}">
<title>{{title}}</title>
<style>
:root { color-scheme: light dark; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --page: #fff; --bad: #b42318; --bad-soft: #fef3f2; --skip: #8a6a00; --skip-soft: #fffbeb; --warn: #9a6700; --warn-soft: #fff8c5; --ok: #1a7f37; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6edf3; --muted: #9198a1; --line: #3d444d; --soft: #151b23; --page: #0d1117; --bad: #ff7b72; --bad-soft: #2d1215; --skip: #d29922; --skip-soft: #241d0f; --warn: #d29922; --warn-soft: #241d0f; --ok: #3fb950; --accent: #4493f8; }
  {{! Charts keep their light paper: their colours are chosen for white. }}
  figure svg { background: #fff; border-radius: 6px; }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--page); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
{{! Wide screens: the contents (when there are any) stay in view in a column of their own. }}
@media (min-width: 76rem) {
  .page.with-toc { max-width: 78rem; display: grid; grid-template-columns: 15rem minmax(0, 60rem); column-gap: 2.5rem; }
  .page > header, .page > main, .page > footer { grid-column: 2; }
  nav.toc { grid-column: 1; grid-row: 1 / span 3; position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow-y: auto; margin-top: 0.5rem; }
}
header h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 0.25rem; }
.meta { color: var(--muted); margin: 0 0 1rem; font-size: 0.9rem; }
.banner { border: 1px solid var(--bad); background: var(--bad-soft); color: var(--bad); padding: 0.6rem 0.9rem; border-radius: 6px; margin: 1rem 0; }
.banner a { color: var(--bad); font-weight: 600; }
nav.toc { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0 2rem; background: var(--soft); font-size: 0.92rem; }
nav.toc summary { font-weight: 600; cursor: pointer; }
nav.toc ol { margin: 0.25rem 0; padding-left: 1.25rem; }
nav.toc .toc-3 { margin-left: 1rem; list-style: circle; }
nav.toc .toc-4, nav.toc .toc-5, nav.toc .toc-6 { margin-left: 2rem; list-style: square; }
a { color: var(--accent); }
h2, h3, h4 { line-height: 1.25; margin-top: 2rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88rem; }
pre { overflow-x: auto; padding: 0.7rem 0.9rem; background: var(--soft); border-radius: 6px; }
.cell { border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 6px; margin: 1.25rem 0; padding: 0.5rem 0.9rem 0.8rem; }
.cell.failed { border-left-color: var(--bad); }
.cell.skipped { border-left-color: var(--skip); background: var(--skip-soft); }
.cell-head { display: flex; gap: 1rem; color: var(--muted); font-size: 0.8rem; }
.cell-head .status { font-weight: 600; }
.cell.failed .status { color: var(--bad); }
.cell.skipped .status { color: var(--skip); }
.cell-head .time { margin-left: auto; font-variant-numeric: tabular-nums; }
.cell pre.code { margin: 0.5rem 0; }
.error { border: 1px solid var(--bad); background: var(--bad-soft); border-radius: 6px; padding: 0.4rem 0.8rem; margin: 0.6rem 0; }
.error .error-head { color: var(--bad); font-weight: 600; margin: 0.3rem 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88rem; overflow-wrap: anywhere; }
.error pre { background: var(--page); margin: 0.3rem 0; }
.warning { border: 1px solid var(--warn); background: var(--warn-soft); border-radius: 6px; padding: 0.4rem 0.8rem; margin: 0.6rem 0; font-size: 0.9rem; overflow-wrap: anywhere; }
.warning strong { color: var(--warn); }
.override { font-size: 0.85rem; color: var(--warn); margin: 0.2rem 0 0.5rem; }
.skipped-note { color: var(--skip); font-weight: 600; }
.output-text { margin: 0.5rem 0; white-space: pre-wrap; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.7rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; max-width: 46rem; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.3rem; }
figcaption .downloads { float: right; margin-left: 1rem; font-size: 0.8rem; }
footer { border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 1rem; font-size: 0.85rem; color: var(--muted); }
footer summary { font-size: 1rem; font-weight: 600; color: var(--ink); cursor: pointer; }
footer details details summary { font-size: 0.85rem; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
footer dt { font-weight: 600; color: var(--ink); }
footer dd { margin: 0; overflow-wrap: anywhere; }
footer td { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8rem; }
@media print {
  {{! A cell stays on one page when it fits; a figure and its caption never split; wide tables shrink rather than lose
      columns off the page edge. }}
  .cell, figure, .table-wrap, .error, pre { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 7.5pt; }
  th, td { padding: 0.1rem 0.3rem; }
  h2, h3, h4 { break-after: avoid; }
  nav.toc, .downloads { display: none; }
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  figure { max-width: 16cm; }
}
</style>
</head>
<body>
<div class="page{{#hasToc}} with-toc{{/hasToc}}">
<header>
<h1>{{title}}</h1>
<p class="meta">{{notebook}} · run {{date}} · nmm {{version}} · {{totalTime}}</p>
{{#aborted}}<div class="banner" role="alert">This run stopped before any cell ran, so this report shows no results: {{headline}}</div>{{/aborted}}
{{#failure}}<div class="banner" role="alert">{{summary}} <a href="#{{firstID}}">Go to the first problem (line {{firstLine}}).</a></div>{{/failure}}
{{#documentWarnings}}<p class="warning"><strong>warning</strong> {{location}}: {{message}}</p>
{{/documentWarnings}}
</header>
{{#hasToc}}<nav class="toc" aria-label="Contents"><details open><summary>Contents</summary><ol>
{{#toc}}<li class="toc-{{level}}"><a href="#{{id}}">{{text}}</a></li>
{{/toc}}</ol></details></nav>{{/hasToc}}
<main>
{{#items}}
{{#prose}}{{{html}}}{{/prose}}
{{#listing}}<pre class="listing"><code>{{code}}</code></pre>
{{/listing}}
{{#cell}}<section class="cell {{statusClass}}" id="{{id}}" aria-label="Cell {{number}}, lines {{firstLine}} to {{lastLine}}">
<div class="cell-head"><span>cell {{number}} · lines {{firstLine}}–{{lastLine}}</span><span class="status">{{statusText}}</span><span class="time">{{time}}</span></div>
{{#showCode}}<pre class="code"><code>{{code}}</code></pre>{{/showCode}}
{{#overrides}}<p class="override">{{name}} = {{value}} was used, set by --param (the notebook writes {{notebookValue}}).</p>
{{/overrides}}
{{#skipped}}<p class="skipped-note">{{reason}}</p>{{/skipped}}
{{#outputs}}
{{#text}}<p class="output-text">{{content}}</p>
{{/text}}
{{#table}}<div class="table-wrap"><table>{{#title}}<caption>{{title}}</caption>{{/title}}
<thead><tr>{{#columns}}<th scope="col">{{name}}</th>{{/columns}}</tr></thead>
<tbody>{{#rows}}<tr>{{#cells}}<td class="{{kind}}">{{value}}</td>{{/cells}}</tr>
{{/rows}}</tbody></table></div>
{{/table}}
{{#figure}}<figure id="{{id}}">
{{{svg}}}<figcaption><span class="downloads"><a download="{{id}}.svg" href="data:image/svg+xml;base64,{{svgBase64}}">SVG</a> · {{#hasCSV}}<a download="{{id}}.csv" href="data:text/csv;charset=utf-8;base64,{{csvBase64}}">data (CSV)</a>{{/hasCSV}}{{^hasCSV}}data: too many samples to embed, all in {{jsonName}}{{/hasCSV}}</span><strong>Figure {{number}}.</strong> {{caption}}</figcaption></figure>
{{/figure}}
{{#warning}}<p class="warning"><strong>warning</strong> line {{line}}: {{message}}</p>
{{/warning}}
{{/outputs}}
{{#errors}}<div class="error" role="alert"><p class="error-head">{{headline}}</p>{{#excerpt}}<pre>{{excerpt}}</pre>{{/excerpt}}</div>
{{/errors}}
</section>
{{/cell}}
{{/items}}
</main>
<footer>
<details id="run-record"><summary>Run record: how to reproduce this report</summary>
<dl>
<dt>Notebook</dt><dd>{{notebook}}<br>SHA-256 <code>{{notebookSHA256}}</code></dd>
<dt>nmm</dt><dd>version {{version}}<br>binary SHA-256 <code>{{binarySHA256}}</code></dd>
<dt>Run</dt><dd>{{date}}, {{totalTime}}, {{cellCount}} cells, {{cacheText}}</dd>
<dt>Machine</dt><dd>{{os}}<br>{{cpu}}, {{threads}} threads<br>BLAS: {{blas}}</dd>
<dt>Parameters</dt><dd>{{#parameters}}<code>{{name}} = {{value}}</code> ({{source}})<br>{{/parameters}}{{^parameters}}none{{/parameters}}</dd>
<dt>Seeds</dt><dd>{{#seeds}}<code>{{value}}</code> {{command}}, line {{line}}{{#isDefault}} (default){{/isDefault}}<br>{{/seeds}}{{^seeds}}none{{/seeds}}</dd>
<dt>Input files</dt><dd>{{#hasInputs}}<details><summary>{{inputCount}} files, SHA-256 of each</summary><table><thead><tr><th scope="col">file</th><th scope="col">SHA-256</th></tr></thead><tbody>
{{#inputs}}<tr><td>{{path}}</td><td>{{sha256}}</td></tr>
{{/inputs}}</tbody></table></details>{{/hasInputs}}{{^hasInputs}}none{{/hasInputs}}</dd>
</dl>
<p>The same record is in the JSON report beside this file, under "run".</p>
</details>
</footer>
</div>
</body>
</html>
"""##
}
