/**
 * A minimal SMTP receiver for tests (RFC 5321 happy path, no TLS, no auth) on loopback that records
 * what it is sent. `rejectRecipient` makes it refuse some RCPT TO addresses with a permanent 550.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';

/** One message received: the MAIL FROM and RCPT TO lines, and the DATA (headers and body). */
export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpReceiver {
  server: Server;
  port: number;
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export function startSmtp(opts: { rejectRecipient?: (line: string) => boolean; port?: number } = {}): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: ReceivedMail = { from: '', to: [], data: '' };
    socket.write('220 test-smtp ESMTP\r\n');
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          mails.push(current);
          current = { from: '', to: [], data: '' };
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test-smtp\r\n');
        else if (verb === 'MAIL') { current.from = line; socket.write('250 OK\r\n'); }
        else if (verb === 'RCPT') {
          if (opts.rejectRecipient?.(line)) socket.write('550 5.1.1 mailbox unavailable\r\n');
          else { current.to.push(line); socket.write('250 OK\r\n'); }
        }
        else if (verb === 'DATA') { inData = true; socket.write('354 go ahead\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); return; }
        else if (verb === 'RSET' || verb === 'NOOP') socket.write('250 OK\r\n');
        else socket.write('502 not implemented\r\n');
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({ server, port, url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
