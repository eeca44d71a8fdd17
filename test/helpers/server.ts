// HTTP servers on 127.0.0.1 for the tests of commands that fetch or deliver.
import type { Server } from 'node:http';

/** Start `server` on a free port of 127.0.0.1; resolves to its base URL (`http://127.0.0.1:PORT`). */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** Stop `server`, dropping kept-alive connections. */
export function stopServer(server: Server): void {
  server.closeAllConnections();
  server.close();
}
