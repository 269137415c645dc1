/**
 * Renders a component as the app does (the i18n catalogue, a query client, a router) for component
 * tests with Testing Library in jsdom. Files that use it start with `@jest-environment jsdom`.
 */
import './jsdom-globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { setupI18n } from '../i18n/setup';

let ready = false;

export function renderView(ui: ReactElement, options: { language?: 'vi' | 'en' } = {}): RenderResult {
  if (!ready) {
    setupI18n();
    ready = true;
  }
  void i18next.changeLanguage(options.language ?? 'vi');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}
