/** A stand-in for the browser's WebSocket in unit tests: records sent frames, lets the test play the server. */
export class FakeSocket {
  static readonly OPEN = 1;
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith: number | undefined;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: ((close: { code: number }) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }

  // The server's side:
  open() {
    this.readyState = 1;
    this.onopen?.();
  }

  receive(frame: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}
