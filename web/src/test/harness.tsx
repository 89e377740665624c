import type { ReactElement } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { chooseLanguage } from '../i18n';
import { registerFeatureStrings } from '../i18n/features';
import type { Me, Place } from '../api/types';
import { SessionProvider, ME_KEY } from '../auth/session';

/**
 * Component tests (jsdom): the real providers, the session and the village list already in
 * the cache, and no network (fetch fails loudly if a component calls it unexpectedly).
 */
// In the app the features' strings come with the shell (i18n/features.ts); here, at once.
registerFeatureStrings();

export const ME: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'caseworker.amravati',
  displayName: 'Pradnya Ingle',
  role: 'caseworker',
  permissions: ['registry.read', 'registry.write', 'registry.export', 'assessment.write'],
  organisation: null,
  scope: { level: 'district', stateCode: 27, districtCode: 468, subdistrictCode: null, blockCode: null, villageId: null },
  jurisdiction: { id: 'di:468', level: 'district', name: 'Amravati', nameLocal: null },
  language: 'en',
};

export const VILLAGES: Place[] = [
  {
    id: 'vi:demo-rajura',
    level: 'village',
    lgdCode: null,
    lgdName: null,
    name: 'Rajura',
    nameLocal: 'राजुरा',
    parentId: 'sd:4005',
    stateCode: 27,
    districtCode: 468,
    subdistrictCode: 4005,
    blockCode: 4303,
  },
  {
    id: 'vi:demo-wadali',
    level: 'village',
    lgdCode: null,
    lgdName: null,
    name: 'Wadali',
    nameLocal: 'वडाळी',
    parentId: 'sd:4009',
    stateCode: 27,
    districtCode: 468,
    subdistrictCode: 4009,
    blockCode: 4299,
  },
];

function installBrowserShims() {
  // Mantine asks for these; jsdom has none.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= () => undefined;
  globalThis.fetch = (async (url: string) => {
    throw new Error(`unexpected fetch ${url} in a component test`);
  }) as typeof fetch;
}

export async function renderWithApp(ui: ReactElement, lang: 'en' | 'hi' | 'mr' = 'en', me: Me = ME) {
  installBrowserShims();
  chooseLanguage(lang); // remembered, as if the user chose it: the profile's language doesn't override it
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(ME_KEY, me);
  qc.setQueryData(['villages', me.scope], VILLAGES);
  return render(
    <MantineProvider>
      <QueryClientProvider client={qc}>
        <SessionProvider>{ui}</SessionProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** The texts an input points at with aria-describedby: its description and its error. */
export function describedText(el: Element): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

export function field(container: HTMLElement, name: string): HTMLInputElement {
  const el = container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no field named ${name}`);
  return el;
}
