// The image's HEALTHCHECK: exit 0 when this container's server answers GET /health on PORT.
// Node instead of curl, which the slim base image does not ship. The api and the worker both
// serve /health, so one script serves both roles.
const port = process.env.PORT ?? '8000';

try {
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
