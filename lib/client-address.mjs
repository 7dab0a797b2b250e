// Shared by the production server (scripts/server.mjs) and its unit test: plain JavaScript so the
// server can load it without a build step.

/**
 * The client's address as the app should believe it. With no trusted proxy the connection's own
 * address; behind `hops` proxies that each append to X-Forwarded-For, the entry the outermost
 * trusted proxy wrote (hops from the right). Anything further left was written by the client and
 * is ignored, so a client cannot choose its own address.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} hops
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, hops) {
  const own = normalize(socketAddress);
  if (!hops) return own;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = header
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  // The socket is the last hop; each trusted proxy appended the address it saw.
  const entry = chain[chain.length - hops];
  return entry ? normalize(entry) : own;
}

/** @param {string | undefined} address */
function normalize(address) {
  if (!address) return 'unknown';
  const trimmed = address.trim().slice(0, 64);
  // IPv4 clients of a dual-stack socket show as ::ffff:1.2.3.4.
  return trimmed.startsWith('::ffff:') ? trimmed.slice(7) : trimmed;
}
