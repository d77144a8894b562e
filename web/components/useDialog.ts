import { useRef, useState } from 'react';

/**
 * What a dialog is open for, and the element that opened it. The dialog is unmounted on close,
 * before Mantine could give focus back, so `close` gives it back to the opener (if still on the
 * page), and a keyboard user carries on where they were.
 */
export function useDialog<T>() {
  const [subject, setSubject] = useState<T | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (next: T, from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setSubject(next);
  };
  const close = () => {
    setSubject(null);
    requestAnimationFrame(() => {
      if (opener.current?.isConnected) opener.current.focus();
    });
  };
  return { subject, open, close };
}
