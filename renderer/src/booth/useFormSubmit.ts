import { useState } from 'react';

/** Runs a form action that resolves to an error message (or undefined), tracking busy and error state. */
export function useFormSubmit<V>(action: (values: V) => Promise<string | undefined>) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    setError(await action(values));
    setBusy(false);
  };
  return { error, busy, submit };
}
