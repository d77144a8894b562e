import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';

/**
 * A save that asks first: `ask` takes the checked request and opens the question (spread `confirm`
 * onto a ConfirmDialog); yes sends it. The question closes when the save ends, either way, so a
 * failure shows on the form behind it.
 */
export function useConfirmedSave<B, R>({ save, onSaved, onFailed }: {
  save: (body: B) => Promise<R>;
  onSaved: (result: R, body: B) => void;
  onFailed?: (error: Error) => void;
}) {
  const [pending, setPending] = useState<B | null>(null);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: (result, body) => {
      setPending(null);
      onSaved(result, body);
    },
    onError: (error) => {
      setPending(null);
      onFailed?.(error);
    },
  });
  return {
    mutation,
    /** The request the question is about, while it is asked. */
    pending,
    ask: (body: B) => {
      mutation.reset();
      setPending(body);
    },
    /** The question's state and answers, for ConfirmDialog. */
    confirm: {
      opened: pending !== null,
      busy: mutation.isPending,
      onConfirm: () => {
        if (pending !== null) mutation.mutate(pending);
      },
      onCancel: () => setPending(null),
    },
  };
}
