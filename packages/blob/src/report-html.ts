import type { ComplianceReport } from "./report";

/** Text made safe for HTML element content and attribute values. */
function esc(value: unknown): string {
  return String(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const time = (d: Date | null | undefined) => (d ? d.toISOString() : "—");

function table(headers: string[], rows: unknown[][]): string {
  if (rows.length === 0) return "<p><em>None.</em></p>";
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function status(ok: boolean | null, good: string, bad: string, unknown = "not available"): string {
  if (ok === null) return `<span class="na">${esc(unknown)}</span>`;
  return ok ? `<span class="ok">${esc(good)}</span>` : `<span class="bad">${esc(bad)}</span>`;
}

/**
 * The compliance report as a self-contained, readable HTML page (no scripts, no external resources): the same figures
 * as the JSON, for a person — an assessor — to read and print. Every value is escaped.
 */
export function renderReportHtml(report: ComplianceReport): string {
  const { inventory, retention, access, purge, auditChain } = report;
  const t = inventory.totals;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Blob compliance report — ${esc(report.appId)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
th{background:#f3f3f3}.ok{color:#176b2c;font-weight:600}.bad{color:#b00020;font-weight:600}.na{color:#777}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}
</style>
</head>
<body>
<h1>Blob compliance report</h1>
<dl>
<dt>App</dt><dd>${esc(report.appId)}</dd>
<dt>Generated</dt><dd>${esc(time(report.generatedAt))}</dd>
<dt>Period</dt><dd>${esc(time(report.period.from))} to ${esc(time(report.period.to))}</dd>
</dl>

<h2>Inventory</h2>
<p>${esc(t.active)} active entries (${esc(t.expiringWithin30Days)} expiring within 30 days), ${esc(t.expiredPendingPurge)} expired and ${esc(t.shreddedPendingPurge)} shredded awaiting purge; ${esc(t.bytes)} bytes held.</p>
${table(
  [
    "Purpose",
    "Active",
    "Expiring ≤ 30 days",
    "Expired, pending purge",
    "Shredded, pending purge",
    "Bytes",
    "Max retention (days)",
    "Default TTL (days)",
    "Access",
    "Other apps",
    "Identity required",
    "Max retrievals",
  ],
  inventory.purposes.map((p) => [
    p.purpose,
    p.active,
    p.expiringWithin30Days,
    p.expiredPendingPurge,
    p.shreddedPendingPurge,
    p.bytes,
    p.policy?.maxRetentionDays ?? "no policy",
    p.policy?.defaultTtlDays ?? "—",
    p.policy?.access ?? "—",
    p.policy?.allowedApps.join(", ") || "—",
    p.policy === null ? "—" : p.policy.requireIdentity ? "yes" : "no",
    p.policy?.maxRetrievals ?? "unlimited",
  ]),
)}

<h2>Retention conformance</h2>
<p>${status(retention.conforming, "Conforming: no entry outlives its purpose's maximum retention.", `${retention.violations} entries outlive their purpose's maximum retention or have no policy.`)}</p>
${
  retention.violations === 0
    ? ""
    : table(
        ["Purpose", "Id", "Stored", "Expires", "Max retention (days)"],
        retention.entries.map((e) => [
          e.purpose,
          e.id,
          time(e.createdAt),
          time(e.expiresAt),
          e.maxRetentionDays ?? "no policy",
        ]),
      )
}

<h2>Access in the period</h2>
${
  access.available
    ? `<p>${esc(access.retrievals)} retrievals, ${esc(access.denials)} denials, ${esc(access.failedRetrievals)} failed retrievals.</p>
<h3>Retrievals by identity</h3>
${table(
  ["Identity", "Retrievals"],
  access.retrievalsByIdentity.map((r) => [r.identity, r.retrievals]),
)}
<h3>Denials by identity</h3>
${table(
  ["Identity", "Denials"],
  access.denialsByIdentity.map((r) => [r.identity, r.denials]),
)}`
    : `<p>${status(null, "", "", "Not available: this service runs without an audit log.")}</p>`
}

<h2>Purge evidence</h2>
<dl>
<dt>Last sweep</dt><dd>${purge.lastSweep === null ? "never" : `${esc(time(purge.lastSweep.startedAt))} (${esc(purge.lastSweep.trigger)}): ${esc(purge.lastSweep.purged)} purged${purge.lastSweep.error ? `, stopped: ${esc(purge.lastSweep.error)}` : ""}`}</dd>
<dt>Due now, not yet purged</dt><dd>${esc(purge.duePending)}</dd>
<dt>Purged in the period</dt><dd>${esc(purge.purgedInPeriod)} (${
    Object.entries(purge.purgedByReason)
      .map(([reason, n]) => `${esc(reason)}: ${esc(n)}`)
      .join(", ") || "none"
  })</dd>
<dt>Proofs available</dt><dd>${esc(purge.proofsAvailable)} — ${status(purge.allProofsAvailable, "every purge has its proof", "some purges lack a proof")}</dd>
</dl>

<h2>Audit chain</h2>
<p>${auditChain.available ? status(auditChain.verified, `Verified: ${auditChain.checked} entries, unbroken.`, `Broken: ${auditChain.problem ?? "unknown problem"}`) : status(null, "", "", "Not verified in this report.")}</p>
</body>
</html>
`;
}
