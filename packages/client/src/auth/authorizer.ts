// What the transport asks of the credentials, whatever the auth mode. A leaf of its own: the
// transport and the OAuth token source use it without reaching the auth options' validation.

export interface Authorizer {
  /** The Authorization header for the next attempt. */
  header(): string | Promise<string>;
  /** Present when a refused credential can be replaced: drop it and return true to repeat once. */
  refresh?(authorization: string): boolean;
}
