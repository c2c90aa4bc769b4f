// The calls sent from the console, kept in the browser's localStorage so a reader can send one
// again or edit it. Never with secrets: passwords, client secrets and tokens are not stored,
// nor the values of parameters the description marks `format: password`; files are kept by
// name only (their contents are not the browser's to copy).

export const HISTORY_KEY = "sd-toolkit-console-history";
/** Enough to find yesterday's calls again without filling the storage. */
export const HISTORY_LIMIT = 30;

/**
 * @typedef {object} HistoryEntry
 * @property {number} time when it was sent, epoch milliseconds
 * @property {string} operationId
 * @property {string} baseUrl
 * @property {"basic" | "oauth"} auth
 * @property {string} user the Basic user name or the OAuth client id (not secrets)
 * @property {Record<string, unknown>} query
 * @property {Record<string, unknown> | undefined} body
 * @property {number | undefined} status undefined when no answer came
 */

/**
 * A history entry of a call, with its secrets and file contents taken out.
 * @param {Omit<HistoryEntry, "query" | "body"> & { query: Record<string, unknown>, body: Record<string, unknown> | undefined }} call
 * @param {Set<string>} secretFields names of the fields described as passwords
 * @returns {HistoryEntry}
 */
export function historyEntry(call, secretFields) {
  return {
    ...call,
    query: withoutSecrets(call.query, secretFields),
    body: call.body === undefined ? undefined : withoutSecrets(call.body, secretFields),
  };
}

/**
 * @param {Record<string, unknown>} values
 * @param {Set<string>} secretFields
 * @returns {Record<string, unknown>}
 */
function withoutSecrets(values, secretFields) {
  /** @param {unknown} value @returns {unknown} */
  const keep = (value) => {
    if (value instanceof Blob) return { file: value instanceof File ? value.name : "file" };
    if (Array.isArray(value)) return value.map(keep).filter((item) => item !== undefined);
    return value;
  };
  return Object.fromEntries(
    Object.entries(values)
      .filter(([name]) => !secretFields.has(name))
      .map(([name, value]) => [name, keep(value)]),
  );
}

/**
 * @param {Pick<Storage, "getItem">} storage
 * @returns {HistoryEntry[]}
 */
export function readHistory(storage) {
  try {
    const stored = JSON.parse(storage.getItem(HISTORY_KEY) ?? "[]");
    return Array.isArray(stored) ? stored : [];
  } catch {
    // A damaged entry (edited by hand, another version) starts the history again.
    return [];
  }
}

/**
 * Adds an entry first and keeps the newest HISTORY_LIMIT.
 * @param {Pick<Storage, "getItem" | "setItem">} storage
 * @param {HistoryEntry} entry
 * @returns {HistoryEntry[]}
 */
export function addToHistory(storage, entry) {
  const history = [entry, ...readHistory(storage)].slice(0, HISTORY_LIMIT);
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // Storage full or disabled (private windows): the history lasts for this page only.
  }
  return history;
}

/** @param {Pick<Storage, "removeItem">} storage */
export function clearHistory(storage) {
  storage.removeItem(HISTORY_KEY);
}
