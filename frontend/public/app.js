// Shows whether the API and its database are reachable.
const out = document.getElementById('health');
try {
  const res = await fetch('/api/v1/health', { headers: { accept: 'application/json' } });
  const body = await res.json();
  out.textContent = res.ok
    ? `in orde (database bereikbaar, schemaversie ${body.schema_version})`
    : `niet beschikbaar: ${body.detail ?? body.title}`;
} catch {
  out.textContent = 'de dienst is niet bereikbaar';
}
