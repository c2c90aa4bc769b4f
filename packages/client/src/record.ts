// What openapi-fetch builds, through its `Request` option, in place of a WHATWG Request when no
// middleware can see the request: the URL and the init, which the transport hands to fetch, so
// that fetch builds the only Request of the attempt. Building a Request, with the AbortSignal
// that comes with it, is the dearest step of a call after the network; openapi-fetch itself
// only reads `method` and copies unknown call options onto the object.

/** The init openapi-fetch builds: method, merged headers and serialised body among the rest. */
export type RecordInit = RequestInit & { method: string; headers: Headers };

export class RequestRecord {
  // Declared, not defined as class fields: the constructor sets each once, and the bundle stays
  // smaller.
  declare readonly url: string;
  declare readonly init: RecordInit;
  declare readonly method: string;

  constructor(url: string, init: RecordInit) {
    this.url = url;
    this.init = init;
    this.method = init.method;
  }
}
