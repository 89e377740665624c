/**
 * An HTTP SMS gateway sender for the outbox's 'sms' channel, configured by SMS_URL:
 *
 *   SMS_URL=https://USER:KEY@gateway.example/send?sender=SAMNVY&entity=1101xxxxxxxxxxxxxxx&template=1107xxxxxxxxxxxxxxx
 *          [&template_hi=1107…&template_mr=1107…&link=https://samanvay.example.gov.in&timeout=10000]
 *
 * Indian regulation: under TRAI's Telecom Commercial Communications Customer Preference
 * Regulations, 2018 (TCCCPR 2018) every commercial/transactional SMS is checked on the
 * operators' DLT platform against the sender's registered principal entity (PE id), its
 * header (the 6-character sender id) and the content template the text was registered as
 * (template id). A message without them, or whose text does not match the template, is
 * dropped by the operator. So the three ids are required configuration here, sent with every
 * message, and the texts are fixed templates (the catalogue's `sms.*`, src/i18n/sms-words.ts,
 * in the recipient's language) whose only variables ({#var#} in the DLT registration, see
 * `dltTemplateText`) are the action reference, the department, the due date, a count and the
 * link's short code (`<link>/s/<code>`, short-link.ts: DLT refuses a variable over 30 characters). One template is registered per kind and language: template_<kind>_<lang>, falling back
 * to template_<kind>, template_<lang> and `template`.
 *
 * What an SMS says (JJ Act 2015 s.74): the text is composed HERE from the message's payload
 * (actionId or meetingId, department code, due date, language) and never from its subject or
 * body, so no child's name or case particulars can reach a phone or a gateway's logs.
 *
 * On the wire: JSON in UTF-8, `unicode: true` when the text is not GSM-7. Devanagari is sent
 * as UCS-2 by the operators: 70 characters in a single SMS, 67 per part of a concatenated one
 * (GSM-7: 160 / 153). `smsSegments` computes this; the count is recorded on the outbox row.
 *
 * Failure: a non-2xx status, a body the gateway marks as an error, or no answer within the
 * timeout throws `SmsError`, and the outbox retries with backoff. Only the stage and HTTP
 * status are kept: a gateway's words may echo the number or the text.
 */
import { departmentLabel, type Lang } from '../convergence/domain/labels';
import type { DepartmentKind } from '../convergence/domain/types';
import { translate } from '../i18n/catalogue';
import type { NotificationSender, OutboxMessage, SendContext, SendReceipt } from './senders';
import { SHORT_LINK_PATH, shortLinkFor, type ShortLinkTarget } from './short-link';

export interface SmsConfig {
  /** Gateway endpoint without credentials (and without the parameters below). */
  endpoint: string;
  user?: string;
  key?: string;
  /** DLT header (sender id), e.g. SAMNVY. */
  sender: string;
  /** DLT principal entity id. */
  entityId: string;
  /** DLT content template id per language ('en' is the default for all). */
  templates: Record<Lang, string>;
  /**
   * DLT matches each text against its own registered template, so every kind of message (and
   * language) may need its own id: `template_overdue`, `template_overdue_hi`, … override the
   * per-language default. Keys are `${kind}` or `${kind}_${lang}`.
   */
  kindTemplates: Partial<Record<string, string>>;
  /** Base URL of the Samanvay web app, for the link in the text. */
  link?: string;
  timeoutMs: number;
}

export const SMS_KINDS = ['due_soon', 'overdue', 'note', 'other'] as const;
export type SmsKind = (typeof SMS_KINDS)[number];
const LANGS = ['en', 'hi', 'mr'] as const;
const KIND_PARAMS = SMS_KINDS.flatMap((k) => [k, ...LANGS.map((l) => `${k}_${l}`)]);
const OWN_PARAMS = [
  'sender',
  'entity',
  'template',
  'template_hi',
  'template_mr',
  'link',
  'timeout',
  ...KIND_PARAMS.map((k) => `template_${k}`),
];

/** The DLT template id for a kind of message in a language: the most specific one configured. */
export function templateId(config: Pick<SmsConfig, 'templates' | 'kindTemplates'>, kind: SmsKind, lang: Lang): string {
  return config.kindTemplates[`${kind}_${lang}`] ?? config.kindTemplates[kind] ?? config.templates[lang];
}

export function smsConfigFromUrl(url: string): SmsConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // Not the URL error itself: it quotes the input, gateway credentials included.
    throw new Error('SMS_URL is not a valid URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('SMS_URL must start with https:// (or http://)');
  const p = u.searchParams;
  const sender = p.get('sender');
  const entityId = p.get('entity');
  const template = p.get('template');
  if (!sender || !/^[A-Za-z0-9]{6}$/.test(sender)) throw new Error('SMS_URL needs ?sender= the 6-character DLT header');
  if (!entityId) throw new Error('SMS_URL needs &entity= the DLT principal entity id');
  if (!template) throw new Error('SMS_URL needs &template= the DLT content template id');
  const timeout = Number(p.get('timeout') ?? 10_000);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new Error('SMS_URL timeout must be a number of milliseconds');
  const endpoint = new URL(u.toString());
  endpoint.username = '';
  endpoint.password = '';
  for (const k of OWN_PARAMS) endpoint.searchParams.delete(k);
  return {
    endpoint: endpoint.toString(),
    user: u.username ? decodeURIComponent(u.username) : undefined,
    key: u.password ? decodeURIComponent(u.password) : undefined,
    sender,
    entityId,
    templates: { en: template, hi: p.get('template_hi') ?? template, mr: p.get('template_mr') ?? template },
    kindTemplates: Object.fromEntries(
      KIND_PARAMS.flatMap((k) => {
        const v = p.get(`template_${k}`);
        return v ? [[k, v]] : [];
      }),
    ),
    link: p.get('link')?.replace(/\/+$/, '') ?? undefined,
    timeoutMs: timeout,
  };
}

export class SmsError extends Error {
  constructor(
    readonly stage: string,
    readonly status: number | null = null,
  ) {
    super(`SMS ${stage} failed${status ? ` (${status})` : ''}`);
    this.name = 'SmsError';
  }
}

// ------------------------------------------------------------------ encoding and segments

/** GSM 03.38 basic character set (one septet each). */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: two septets each (escape + char). */
const GSM7_EXT = '^{}\\[~]|€\f';

export interface SmsSegments {
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/**
 * How many SMS parts a text takes. GSM-7: 160 septets in one, 153 per part when
 * concatenated (the UDH takes 7). Anything outside GSM-7 (Devanagari) goes as UCS-2:
 * 70 code units in one, 67 per part.
 */
export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) septets += 1;
    else if (GSM7_EXT.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'gsm7', units: septets, segments: septets === 0 ? 1 : septets <= 160 ? 1 : Math.ceil(septets / 153) };
  const units = text.length; // UTF-16 code units, as UCS-2 counts them
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

// ------------------------------------------------------------------ the text

/**
 * The registered templates are the catalogue's `sms.*` texts (src/i18n/sms-words.ts), the app's
 * own words in the recipient's language. {{ref}}, {{department}}, {{due}}, {{count}}, {{link}}
 * are the DLT variables; nothing else varies. Digits stay Latin in every language.
 */
const smsTemplate = (kind: SmsKind, lang: Lang) => translate(lang, `sms.${kind}`);

/**
 * A template as it is registered on the DLT platform: each variable as {#var#}; the link as the
 * site's address (`base`, SMS_URL's link=) with the short link's path, and only its code variable.
 */
export function dltTemplateText(kind: SmsKind, lang: Lang, base = ''): string {
  return smsTemplate(kind, lang)
    .replace('{{link}}', smsLink(base, '{#var#}'))
    .replace(/{{\w+}}/g, '{#var#}');
}

/** "A-1F2E3D4C", the reference the app and the emails show for an action. */
const actionRef = (id: string) => `A-${id.slice(0, 8).toUpperCase()}`;
const ddmmyyyy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** DLT refuses a {#var#} value over 30 characters: the longer department names go by a short form. */
const DLT_VAR_MAX = 30;
const SHORT_DEPARTMENT: Partial<Record<string, string>> = { DLSA: 'DLSA (Legal Services)' };

function department(code: string | null, lang: Lang): string {
  if (!code) return '';
  let label: string;
  try {
    label = departmentLabel(lang, code as DepartmentKind) ?? code;
  } catch {
    label = code;
  }
  return label.length <= DLT_VAR_MAX ? label : (SHORT_DEPARTMENT[code] ?? code).slice(0, DLT_VAR_MAX);
}

/**
 * The page of the app an SMS is about, from its payload: the short link's target (short-link.ts).
 * Only ids go in (a meeting's), never a child's.
 */
export function smsTarget(message: Pick<OutboxMessage, 'kind' | 'payload'>): ShortLinkTarget {
  const p = message.payload;
  const meetingId = str(p.meetingId);
  if (message.kind.startsWith('convergence.reminder.') && str(p.actionId)) return { target: '/convergence/actions' };
  if (message.kind === 'convergence.note' && meetingId && p.department && UUID.test(meetingId))
    return { target: `/convergence/meetings/${meetingId}`, entityType: 'convergence_meeting', entityId: meetingId };
  return { target: '/' };
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The link as sent: the site's address (fixed text of the template) and the short code (the variable). */
export const smsLink = (base: string, code: string) => `${base}${SHORT_LINK_PATH}${code}`;

/**
 * The SMS text of an outbox message, from its payload only (see the header comment).
 * Returns the template kind too, so the gateway gets the matching template id, and the value of
 * each DLT variable (`vars`; for {{link}} the short code only, the rest being the template's text).
 */
export function smsText(
  message: Pick<OutboxMessage, 'kind' | 'payload'>,
  base = '',
  code = '',
): { lang: Lang; kind: SmsKind; text: string; vars: Record<string, string> } {
  const p = message.payload;
  const lang: Lang = p.lang === 'hi' || p.lang === 'mr' ? p.lang : 'en';
  const actionId = str(p.actionId);
  const meetingId = str(p.meetingId);
  let kind: SmsKind;
  let vars: Record<string, string>;
  if (message.kind.startsWith('convergence.reminder.') && actionId) {
    kind = message.kind.endsWith('overdue') ? 'overdue' : 'due_soon';
    vars = {
      ref: actionRef(actionId),
      department: department(str(p.department), lang),
      due: ddmmyyyy(str(p.dueDate) ?? ''),
    };
  } else if (message.kind === 'convergence.note' && meetingId && p.department) {
    kind = 'note';
    vars = { count: String(Number(p.actions) || 0), department: department(str(p.department), lang) };
  } else {
    kind = 'other';
    vars = {};
  }
  const tpl = smsTemplate(kind, lang);
  const text = tpl.replace(/{{(\w+)}}/g, (_m, k: string) => (k === 'link' ? smsLink(base, code) : (vars[k] ?? '')));
  return { lang, kind, text, vars: { ...vars, link: code } };
}

/** 10-digit Indian mobile → 91XXXXXXXXXX; anything else is refused (never sent). */
export function indianMobile(to: string): string {
  const digits = to.replace(/[\s\-()]/g, '').replace(/^\+/, '');
  if (/^[6-9]\d{9}$/.test(digits)) return `91${digits}`;
  if (/^0[6-9]\d{9}$/.test(digits)) return `91${digits.slice(1)}`;
  if (/^91[6-9]\d{9}$/.test(digits)) return digits;
  throw new SmsError('address');
}

// ------------------------------------------------------------------ the gateway

/** A 2xx body the gateway uses to say it did not accept the message. */
function gatewayRefused(body: string): boolean {
  const text = body.trim();
  if (!text) return false;
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    if (j && typeof j === 'object') {
      const status = String(j.status ?? j.type ?? '').toLowerCase();
      return j.success === false || !!j.error || !!j.errors || ['error', 'failed', 'failure', 'rejected'].includes(status);
    }
  } catch {
    /* plain text */
  }
  return /^(err|error|fail|failed|rejected)\b/i.test(text);
}

function gatewayId(body: string): string | undefined {
  try {
    const j = JSON.parse(body) as Record<string, unknown>;
    const id = j.messageId ?? j.message_id ?? j.id ?? j.request_id ?? j.requestId;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

export class SmsSender implements NotificationSender {
  readonly name = 'sms';
  constructor(
    private readonly config: SmsConfig,
    private readonly fetchImpl: typeof fetch = fetch,
    /** Makes (or finds) the message's short link code; the database's sms_short_link by default. */
    private readonly shorten: typeof shortLinkFor = shortLinkFor,
  ) {}

  async send(message: OutboxMessage, ctx: SendContext): Promise<SendReceipt> {
    if (!message.to) throw new SmsError('no recipient number');
    const to = indianMobile(message.to);
    // The link's only variable is a short code (each DLT variable ≤ 30 characters): made once per message.
    const code = await this.shorten(ctx.db, message.id, smsTarget(message), ctx.now);
    const { lang, kind, text } = smsText(message, this.config.link ?? '', code);
    const seg = smsSegments(text);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json, text/plain' };
    if (this.config.user)
      headers.authorization = `Basic ${Buffer.from(`${this.config.user}:${this.config.key ?? ''}`, 'utf8').toString('base64')}`;
    const payload = {
      to,
      sender: this.config.sender,
      message: text,
      unicode: seg.encoding === 'ucs2',
      encoding: seg.encoding === 'ucs2' ? 'UCS2' : 'GSM7',
      segments: seg.segments,
      // TRAI TCCCPR 2018 DLT scrubbing fields
      dlt_entity_id: this.config.entityId,
      dlt_template_id: templateId(this.config, kind, lang),
      dlt_header: this.config.sender,
      reference: message.id,
    };
    let res: Response;
    try {
      res = await this.fetchImpl(this.config.endpoint, {
        method: 'POST',
        headers,
        body: Buffer.from(JSON.stringify(payload), 'utf8'),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (err) {
      const name = (err as Error)?.name;
      throw new SmsError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'connection');
    }
    let body: string;
    try {
      body = await res.text();
    } catch {
      throw new SmsError('timeout');
    }
    if (res.status < 200 || res.status >= 300) throw new SmsError('HTTP', res.status);
    if (gatewayRefused(body)) throw new SmsError('gateway', res.status);
    return { providerRef: gatewayId(body), segments: seg.segments, encoding: seg.encoding };
  }
}
