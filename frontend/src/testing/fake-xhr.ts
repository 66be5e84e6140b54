/**
 * A stand-in for the browser's XMLHttpRequest in unit tests: records each request (method, URL, headers, body)
 * and lets the test play the network: upload progress, the answer, a failure. Install with
 * `vi.stubGlobal('XMLHttpRequest', FakeXhr)`; `FakeXhr.requests` holds every request made since `reset()`.
 */
export class FakeXhr {
  static requests: FakeXhr[] = [];

  static reset() {
    FakeXhr.requests = [];
  }

  static latest(): FakeXhr {
    const latest = FakeXhr.requests[FakeXhr.requests.length - 1];
    if (!latest) throw new Error('no XMLHttpRequest was made');
    return latest;
  }

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  aborted = false;
  status = 0;
  responseText = '';
  readonly upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } =
    { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.requests.push(this);
  }

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: FormData) {
    this.body = body;
  }

  abort() {
    this.aborted = true;
    this.onabort?.();
  }

  // The network's side:
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }

  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = body === undefined ? '' : JSON.stringify(body);
    this.onload?.();
  }

  fail() {
    this.onerror?.();
  }
}
