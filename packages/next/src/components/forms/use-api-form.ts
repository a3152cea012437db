import { type JsonResponse, postJson } from '@coursekit/react';
import { type FormEvent, useState } from 'react';

export interface ApiFormOptions<Data, Failure> {
  /** The class-mode API route the form posts to. */
  url: string;
  /** The JSON body, read from the form's current state when it is submitted. */
  body: () => unknown;
  /** Runs as a submission starts, to clear what the previous one showed. */
  onStart?: () => void;
  onSuccess: (data: Data) => void;
  /** What to show for an HTTP answer that is not a success. */
  describeError: (result: JsonResponse<Data>) => Failure;
  /** What to show when the server cannot be reached at all. */
  unreachable: Failure;
}

export interface ApiForm<Failure> {
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  /** True while the request is in flight, so the submit button can be disabled. */
  pending: boolean;
  /** What went wrong with the last submission, or null. */
  error: Failure | null;
}

/** Submit handling shared by the class-mode forms: posts with postJson, tracks the request and its failure. */
export function useApiForm<Data, Failure = string>(options: ApiFormOptions<Data, Failure>): ApiForm<Failure> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    options.onStart?.();
    try {
      const result = await postJson<Data>(options.url, options.body());
      // Every class-mode route answers a success with a JSON body; one without it is treated as a failure.
      if (result.ok && result.data) options.onSuccess(result.data);
      else setError(options.describeError(result));
    } catch {
      setError(options.unreachable);
    } finally {
      setPending(false);
    }
  }

  return { onSubmit, pending, error };
}
