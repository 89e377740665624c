import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sendMail, smtpConfigFromUrl, SmtpError, SmtpSender, type SmtpConfig } from './smtp';

const CERT = readFileSync(new URL('./fixtures/smtp-test.cert.pem', import.meta.url));
const KEY = readFileSync(new URL('./fixtures/smtp-test.key.pem', import.meta.url));

interface Session {
  commands: string[];
  data: string;
  auth: string[];
  /** Whether the conversation was encrypted when the message (or the AUTH) arrived. */
  tlsAtData: boolean;
  tlsAtAuth: boolean | null;
}

/** A small SMTP server speaking enough of RFC 5321 (and RFC 3207 STARTTLS) to receive one message. */
function fakeSmtp(opts: { authMechs?: string; rejectRcpt?: boolean; starttls?: boolean } = {}) {
  const received: Session[] = [];
  const server = net.createServer((raw) => {
    const session: Session = { commands: [], data: '', auth: [], tlsAtData: false, tlsAtAuth: null };
    received.push(session);
    let socket: net.Socket = raw;
    let secure = false;
    let inData = false;
    let buf = '';
    let loginStep = 0;
    const onData = (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          session.data = buf.slice(0, end);
          session.tlsAtData = secure;
          buf = buf.slice(end + 5);
          inData = false;
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const i = buf.indexOf('\r\n');
        if (i < 0) return;
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        session.commands.push(line.split(' ')[0].toUpperCase());
        if (loginStep > 0) {
          session.auth.push(Buffer.from(line, 'base64').toString('utf8'));
          socket.write(loginStep === 1 ? '334 UGFzc3dvcmQ6\r\n' : '235 2.7.0 ok\r\n');
          loginStep = loginStep === 1 ? 2 : 0;
        } else if (/^EHLO/i.test(line)) {
          const ext = [...(opts.starttls && !secure ? ['STARTTLS'] : []), '8BITMIME', `AUTH ${opts.authMechs ?? 'PLAIN LOGIN'}`];
          socket.write(['250-fake.test', ...ext.map((e, n) => `250${n === ext.length - 1 ? ' ' : '-'}${e}`)].join('\r\n') + '\r\n');
        } else if (/^STARTTLS/i.test(line)) {
          if (!opts.starttls || secure) {
            socket.write('502 5.5.1 not implemented\r\n');
            continue;
          }
          socket.write('220 2.0.0 ready to start TLS\r\n');
          socket.removeListener('data', onData);
          const upgraded = new tls.TLSSocket(socket, { isServer: true, key: KEY, cert: CERT });
          socket = upgraded;
          secure = true;
          buf = '';
          upgraded.on('data', onData);
          upgraded.on('error', () => undefined);
          return;
        } else if (/^AUTH PLAIN/i.test(line)) {
          session.tlsAtAuth = secure;
          session.auth.push(Buffer.from(line.slice(11), 'base64').toString('utf8'));
          socket.write('235 2.7.0 ok\r\n');
        } else if (/^AUTH LOGIN/i.test(line)) {
          session.tlsAtAuth = secure;
          loginStep = 1;
          socket.write('334 VXNlcm5hbWU6\r\n');
        } else if (/^MAIL FROM/i.test(line)) socket.write('250 ok\r\n');
        else if (/^RCPT TO/i.test(line)) socket.write(opts.rejectRcpt ? '550 5.1.1 <nobody@d.test> no such user\r\n' : '250 ok\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) {
          socket.write('221 bye\r\n');
          socket.end();
        } else if (/^RSET|^NOOP/i.test(line)) socket.write('250 ok\r\n');
        else socket.write('502 not implemented\r\n');
      }
    };
    raw.on('data', onData);
    raw.on('error', () => undefined);
    raw.write('220 fake.test ESMTP\r\n');
  });
  return new Promise<{ port: number; received: Session[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        received,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.unref();
          }),
      }),
    ),
  );
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** Decodes RFC 2047 encoded words (B or Q) in a header value. */
const decodeWords = (v: string) =>
  v.replace(/\s*\r\n\s+/g, ' ').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=(\s+(?==\?))?/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
const header = (data: string, name: string) => {
  const head = data.split('\r\n\r\n')[0];
  const m = head.match(new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi'));
  return m ? decodeWords(m[1]) : null;
};
const bodyOf = (data: string) =>
  Buffer.from(data.split('\r\n\r\n').slice(1).join('\r\n\r\n').replace(/\r\n/g, ''), 'base64').toString('utf8');

const local = (port: number, over: Partial<SmtpConfig> = {}): SmtpConfig => ({
  host: '127.0.0.1',
  port,
  secure: false,
  startTls: 'required',
  from: 'a@b.test',
  tls: { ca: CERT, servername: 'localhost' },
  timeoutMs: 5_000,
  ...over,
});

describe('SmtpSender: a real SMTP conversation (nodemailer)', () => {
  it('upgrades with STARTTLS before authenticating, sends one UTF-8 message with an encoded subject', async () => {
    const srv = await fakeSmtp({ starttls: true });
    close = srv.close;
    const sender = new SmtpSender({
      ...smtpConfigFromUrl(`smtp://dcpu%40amravati:s3cret@127.0.0.1:${srv.port}?from=noreply@samanvay.test`),
      tls: { ca: CERT, servername: 'localhost' },
    });
    await sender.send({
      id: 'x',
      kind: 'convergence.note',
      channel: 'email',
      to: 'eo@zp.test',
      subject: 'कार्यविभाजन टिपण',
      body: 'नमस्कार,\nline two',
      payload: {},
    });
    const [s] = srv.received;
    expect(s.commands.slice(0, 3)).toEqual(['EHLO', 'STARTTLS', 'EHLO']);
    expect(s.commands).toEqual(expect.arrayContaining(['AUTH', 'MAIL', 'RCPT', 'DATA']));
    expect(s.tlsAtAuth).toBe(true);
    expect(s.tlsAtData).toBe(true);
    expect(s.auth[0]).toBe('\0dcpu@amravati\0s3cret');
    expect(header(s.data, 'To')).toBe('eo@zp.test');
    expect(header(s.data, 'Subject')).toBe('कार्यविभाजन टिपण');
    expect(header(s.data, 'Content-Transfer-Encoding')).toBe('base64');
    expect(bodyOf(s.data).replace(/\r\n/g, '\n')).toBe('नमस्कार,\nline two');
  });

  it('TLS is required by default: a server that does not offer STARTTLS gets no message and no password', async () => {
    const srv = await fakeSmtp({ starttls: false });
    close = srv.close;
    const config = { ...smtpConfigFromUrl(`smtp://u:secret-pass1@127.0.0.1:${srv.port}?from=noreply@samanvay.test`), timeoutMs: 5_000 };
    expect(config.startTls).toBe('required');
    const err = await sendMail(config, { to: 'c@d.test', subject: 's', body: 'names of children' }).catch((e) => e);
    expect(err).toBeInstanceOf(SmtpError);
    expect(err.message).toBe('SMTP STARTTLS failed (502)');
    const [s] = srv.received;
    expect(s.commands).not.toContain('AUTH');
    expect(s.commands).not.toContain('MAIL');
    expect(s.data).toBe('');
  });

  it('sends in plain text only when SMTP_URL says so (starttls=opportunistic or never), with AUTH LOGIN when that is all there is', async () => {
    const srv = await fakeSmtp({ authMechs: 'LOGIN' });
    close = srv.close;
    await sendMail(local(srv.port, { startTls: 'never', user: 'u', pass: 'p' }), { to: 'c@d.test', subject: 's', body: 'b' });
    expect(srv.received[0].auth).toEqual(['u', 'p']);
    expect(srv.received[0].tlsAtData).toBe(false);
    expect(smtpConfigFromUrl('smtp://h?from=a@b.test&starttls=opportunistic').startTls).toBe('opportunistic');
    await sendMail(local(srv.port, { startTls: 'opportunistic' }), { to: 'c@d.test', subject: 's', body: 'b' });
    expect(srv.received[1].commands).not.toContain('STARTTLS');
    expect(srv.received[1].data).not.toBe('');
  });

  it('opportunistic TLS still upgrades when the server offers it', async () => {
    const srv = await fakeSmtp({ starttls: true });
    close = srv.close;
    await sendMail(local(srv.port, { startTls: 'opportunistic' }), { to: 'c@d.test', subject: 's', body: 'b' });
    expect(srv.received[0].tlsAtData).toBe(true);
  });

  it('fails with the stage and code only (no server text), so the outbox can retry', async () => {
    const srv = await fakeSmtp({ rejectRcpt: true, starttls: true });
    close = srv.close;
    const err = await sendMail(local(srv.port), { to: 'nobody@d.test', subject: 's', body: 'b' }).catch((e) => e);
    expect(err).toBeInstanceOf(SmtpError);
    expect(err.message).toBe('SMTP RCPT TO failed (550)');
    expect(err.message).not.toContain('nobody');
  });

  it('refuses header injection in addresses, and parses SMTP_URL', async () => {
    await expect(sendMail(local(1), { to: 'x@y.test\r\nBcc: z@w.test', subject: 's', body: 'b' })).rejects.toThrow(SmtpError);
    await expect(sendMail(local(1), { to: 'x@y.test, z@w.test', subject: 's', body: 'b' })).rejects.toThrow(SmtpError);
    expect(smtpConfigFromUrl('smtps://mail.example.org?from=noreply@example.org')).toMatchObject({
      secure: true,
      port: 465,
      startTls: 'never',
      user: undefined,
    });
    expect(smtpConfigFromUrl('smtp://mail.example.org?from=noreply@example.org')).toMatchObject({
      secure: false,
      port: 587,
      startTls: 'required',
    });
    expect(() => smtpConfigFromUrl('smtp://mail.example.org')).toThrow(/from/);
    expect(() => smtpConfigFromUrl('smtp://mail.example.org?from=a@b.test&starttls=sometimes')).toThrow(/starttls/);
  });
});
