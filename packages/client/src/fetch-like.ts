// The shape of the `fetch` a client calls, on its own so that the options and the transport can
// both name it without importing each other.

/**
 * Called like the global fetch, with the request as a URL and an init, or as a Request (when
 * middleware saw it) and an init; the init's signal ends the attempt.
 */
export type FetchLike = (input: string | Request, init: RequestInit) => Promise<Response>;
