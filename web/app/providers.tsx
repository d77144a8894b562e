import type { ReactNode } from 'react';
import {
  createTheme,
  MantineProvider,
  NativeSelect,
  PasswordInput,
  RadioGroup,
  Select,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { ApiError } from './api.ts';
import { AuthProvider } from './auth.tsx';
import { i18n } from './i18n.ts';

const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8, // enough contrast for white text on old, dim screens
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  focusRing: 'auto',
  defaultRadius: 'sm',
  // The required mark is drawn by CSS (global.css) so it never becomes part of a label's text or name.
  components: {
    TextInput: TextInput.extend({ defaultProps: { withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { withAsterisk: false } }),
    NativeSelect: NativeSelect.extend({ defaultProps: { withAsterisk: false } }),
    Select: Select.extend({ defaultProps: { withAsterisk: false } }),
    Textarea: Textarea.extend({ defaultProps: { withAsterisk: false } }),
    TagsInput: TagsInput.extend({ defaultProps: { withAsterisk: false } }),
    RadioGroup: RadioGroup.extend({ defaultProps: { withAsterisk: false } }),
  },
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Poor connections: retry network failures once; a 4xx answer will not change by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status > 0) && count < 1,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <AuthProvider>{children}</AuthProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
