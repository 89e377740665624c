import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage, sendMail, smtpConfigFromUrl, SmtpError, SmtpSender } from './smtp';

/** A tiny SMTP server speaking just enough of RFC 5321 to receive one message. */
function fakeSmtp(opts: { authMechs?: string; rejectRcpt?: boolean } = {}) {
  const received: { commands: string[]; data: string; auth: string[] }[] = [];
  const server = net.createServer((socket) => {
    const session = { commands: [] as string[], data: '', auth: [] as string[] };
    received.push(session);
    let inData = false;
    let buf = '';
    let loginStep = 0;
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          session.data = buf.slice(0, end);
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
        } else if (/^EHLO/i.test(line)) socket.write(`250-fake.test\r\n250-8BITMIME\r\n250 AUTH ${opts.authMechs ?? 'PLAIN LOGIN'}\r\n`);
        else if (/^AUTH PLAIN/i.test(line)) {
          session.auth.push(Buffer.from(line.slice(11), 'base64').toString('utf8'));
          socket.write('235 2.7.0 ok\r\n');
        } else if (/^AUTH LOGIN/i.test(line)) {
          loginStep = 1;
          socket.write('334 VXNlcm5hbWU6\r\n');
        } else if (/^MAIL FROM/i.test(line)) socket.write('250 ok\r\n');
        else if (/^RCPT TO/i.test(line)) socket.write(opts.rejectRcpt ? '550 5.1.1 no such user\r\n' : '250 ok\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) {
          socket.write('221 bye\r\n');
          socket.end();
        } else socket.write('502 not implemented\r\n');
      }
    });
  });
  return new Promise<{ port: number; received: typeof received; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as net.AddressInfo).port, received, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

const bodyOf = (data: string) => Buffer.from(data.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');

describe('SmtpSender: a real SMTP conversation', () => {
  it('authenticates (PLAIN), sends one message with a UTF-8 body and an encoded subject, and quits', async () => {
    const srv = await fakeSmtp();
    close = srv.close;
    const sender = new SmtpSender(smtpConfigFromUrl(`smtp://dcpu%40amravati:s3cret@127.0.0.1:${srv.port}?from=noreply@samanvay.test&starttls=never`));
    await sender.send({ id: 'x', kind: 'convergence.note', channel: 'email', to: 'eo@zp.test', subject: 'कार्यविभाजन टिपण', body: 'नमस्कार,\nline two', payload: {} });
    const [s] = srv.received;
    expect(s.commands).toEqual(['EHLO', 'AUTH', 'MAIL', 'RCPT', 'DATA', 'QUIT']);
    expect(s.auth[0]).toBe('\0dcpu@amravati\0s3cret');
    expect(s.data).toContain('To: eo@zp.test');
    expect(s.data).toContain(`Subject: =?UTF-8?B?${Buffer.from('कार्यविभाजन टिपण').toString('base64')}?=`);
    expect(bodyOf(s.data)).toBe('नमस्कार,\r\nline two');
  });

  it('uses AUTH LOGIN when that is all the server offers', async () => {
    const srv = await fakeSmtp({ authMechs: 'LOGIN' });
    close = srv.close;
    await sendMail({ host: '127.0.0.1', port: srv.port, secure: false, startTls: 'never', user: 'u', pass: 'p', from: 'a@b.test' }, { to: 'c@d.test', subject: 's', body: 'b' });
    expect(srv.received[0].auth).toEqual(['u', 'p']);
  });

  it('fails with the stage and code only (no server text), so the outbox can retry', async () => {
    const srv = await fakeSmtp({ rejectRcpt: true });
    close = srv.close;
    const err = await sendMail({ host: '127.0.0.1', port: srv.port, secure: false, startTls: 'opportunistic', from: 'a@b.test' }, { to: 'nobody@d.test', subject: 's', body: 'b' }).catch((e) => e);
    expect(err).toBeInstanceOf(SmtpError);
    expect(err.message).toBe('SMTP RCPT TO failed (550)');
    const required = await sendMail({ host: '127.0.0.1', port: srv.port, secure: false, startTls: 'required', from: 'a@b.test' }, { to: 'x@d.test', subject: 's', body: 'b' }).catch((e) => e);
    expect(required.message).toContain('STARTTLS not offered');
  });

  it('refuses header injection in addresses, and parses SMTP_URL', async () => {
    await expect(sendMail({ host: '127.0.0.1', port: 1, secure: false, startTls: 'never', from: 'a@b.test' }, { to: 'x@y.test\r\nBcc: z@w.test', subject: 's', body: 'b' })).rejects.toThrow(SmtpError);
    expect(smtpConfigFromUrl('smtps://mail.example.org?from=noreply@example.org')).toMatchObject({ secure: true, port: 465, startTls: 'never', user: undefined });
    expect(() => smtpConfigFromUrl('smtp://mail.example.org')).toThrow(/from/);
    expect(formatMessage('a@b.test', 'c@d.test', 'Hello', 'x')).toMatch(/^From: a@b.test\r\nTo: c@d.test\r\nSubject: Hello\r\n/);
  });
});
