import { useState } from 'react';

/** A failure the reader can do something about: what went wrong and a button that tries again. */
export function ErrorPanel({ title, message, onRetry }: { title: string; message: string; onRetry: () => void | Promise<void> }) {
  const [retrying, setRetrying] = useState(false);
  const retry = async () => {
    setRetrying(true);
    try {
      await onRetry();
    } finally {
      setRetrying(false);
    }
  };
  return (
    <section className="error-panel" role="alert" aria-labelledby="error-title">
      <h1 id="error-title" tabIndex={-1}>
        {title}
      </h1>
      <p>{message}</p>
      <button type="button" disabled={retrying} onClick={() => void retry()}>
        {retrying ? 'Retrying…' : 'Try again'}
      </button>
    </section>
  );
}
